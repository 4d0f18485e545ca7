"""The console entry point (``junquito-tui``, ``python -m junquito_tui``): ends quietly, from the
first instruction on, when the user presses Ctrl-C or the reader of a pipe stops reading.

Both are ordinary ways to stop a command, not errors: no traceback. Ctrl-C exits 130 and a
closed pipe 141 (128 + the signal's number, what a shell reports for a program those signals
ended, so ``set -o pipefail`` scripts see the same as with ``grep``). The command line itself is
imported inside the guard: its imports (pydantic) take a noticeable moment. A limit on open files
too low to load the program (``ulimit -n 6``) is said in one line, with exit status 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
EXIT_TOO_MANY_FILES = 2  # as for any other problem the user can put right


def run() -> int:
    try:
        from .cli import main

        code = main(require_terminal=True)
        sys.stdout.flush()  # inside the guard: a pipe closed early fails here, not at exit
        return code
    except KeyboardInterrupt:
        _quiet(sys.stdout)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet(sys.stdout, sys.stderr)
        return EXIT_BROKEN_PIPE
    except OSError as error:  # a limit the user set (ulimit -n): said, not a traceback
        if error.errno not in (errno.EMFILE, errno.ENFILE):
            raise
        print(f"junquito-tui: {_open_files_limit(error.errno)}", file=sys.stderr)
        return EXIT_TOO_MANY_FILES


def _open_files_limit(number: int) -> str:
    """What went wrong and what to do: a file could not be opened (a module, the dataset), as this
    process may hold only so many open at once (``EMFILE``) or the system's table is full (``ENFILE``)."""
    if number == errno.ENFILE:
        return "the system has too many files open; close some programs and try again"
    try:
        import resource  # (Unix)

        limit = f" (this shell's limit: {resource.getrlimit(resource.RLIMIT_NOFILE)[0]})"
    except (ImportError, OSError, ValueError):
        limit = ""
    return f"too many open files{limit}; raise the limit (ulimit -n 1024) and try again"


def _quiet(*streams: object) -> None:
    """Point these streams at /dev/null, so that flushing them at exit cannot fail again
    (the standard recipe: https://docs.python.org/3/library/signal.html#note-on-sigpipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in streams:
        # not a real file (a test's capture): nothing to flush at exit
        with contextlib.suppress(AttributeError, OSError, ValueError):
            os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
    os.close(devnull)
