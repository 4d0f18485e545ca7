"""Nothing the command line prints reaches a terminal as anything but text.

Its messages name what the user gave and what files hold: a file or folder name, an id typed on the command
line, a cell quoted in a warning. A file named 'A\\e]52;c;SGVsbG8=\\e\\\\.csv' wrote the user's clipboard (OSC 52)
through the reopen lines and the refusals that named it (a security review). Every message is checked where it is
made, and, whatever a future one forgets, standard error and standard output pass through ``text.terminal_safe``
here: one place no line of text can go round. A pipe may end on a terminal ('| cat'), so it is guarded too, but
gets a text's U+2028 and U+2029 as they are. An export written to standard output goes to its byte buffer as it is
(its texts hold no control: the exporters check them; a citation's bytes are guarded by ``notebook_cli._print``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .text import terminal_safe


class Guarded:
    """A text stream whose writes are made terminal-safe; everything else is the stream's own."""

    def __init__(self, stream: TextIO, terminal: bool = True) -> None:
        self._stream = stream
        self._terminal = terminal

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text, self._terminal))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    """Standard error and standard output guarded until the block ends: a pipe may end on a terminal too ('| cat', a
    security review), so a file or pipe gets no control either, only U+2028 and U+2029 as they are (``terminal``)."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stderr = Guarded(stderr)  # type: ignore[assignment,unused-ignore]
    sys.stdout = Guarded(stdout, terminal(stdout))  # type: ignore[assignment,unused-ignore]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # (closed, or no stream: nothing to guard)
        return False
