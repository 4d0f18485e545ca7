"""A paste is text: the escape characters inside a bracketed paste are removed before Textual reads them.

Textual 8's input parser takes an ESC inside a paste for the start of a key sequence: the characters after
it were sent as key presses (typed where the cursor was, ahead of the paste; a tab moved the focus) and
left out of the paste. A notebook trial pasted 'one ESC[31mred ESC[0m two' from coloured output and got
the note '^[31mred^[0m twoone '. xterm and most terminals remove ESC from what they paste; tmux and
others pass it on. The characters after each ESC are kept as pasted; the note editor then removes the
other control characters and says how many.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

ESC = "\x1b"
START, END = "\x1b[200~", "\x1b[201~"  # what the terminal sends around a paste


class PasteGuard:
    """Cleans the terminal's input as it is read, in pieces that may cut a marker anywhere. Outside a paste
    nothing is changed or held back (a lone ESC is the escape key); inside, the end of a piece that may be
    the start of the end marker waits for the next piece."""

    def __init__(self) -> None:
        self.inside = False
        self._seen = ""  # outside: the last characters passed on, which may begin a start marker
        self._held = ""  # inside: what may begin the end marker

    def clean(self, data: str) -> str:
        out: list[str] = []
        text, self._held = self._held + data, ""
        at = 0
        while at < len(text):
            if not self.inside:
                found = (self._seen + text[at:]).find(START)
                if found < 0:
                    out.append(text[at:])
                    self._seen = (self._seen + text[at:])[-(len(START) - 1) :]
                    break
                end = at + found - len(self._seen) + len(START)
                out.append(text[at:end])
                at, self.inside, self._seen = end, True, ""
                continue
            found = text.find(END, at)
            if found >= 0:
                out.append(text[at:found].replace(ESC, "") + END)
                at, self.inside = found + len(END), False
                continue
            keep = _marker_start(text[at:], END)
            out.append(text[at : len(text) - keep].replace(ESC, ""))
            self._held = text[len(text) - keep :]
            break
        return "".join(out)


def _marker_start(text: str, marker: str) -> int:
    """The length of the longest end of ``text`` that begins ``marker`` (0 for none)."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


def install() -> None:
    """Makes the Linux and macOS driver read its input through a ``PasteGuard`` (before the app runs)."""
    from textual._xterm_parser import XTermParser
    from textual.drivers import linux_driver

    class GuardedParser(XTermParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._guard = PasteGuard()

        def feed(self, data: str) -> Iterable[Any]:
            if not data:  # the end of input, as the parser reads it
                return super().feed(data)
            cleaned = self._guard.clean(data)
            return super().feed(cleaned) if cleaned else ()  # (all of it held: an empty feed would end input)

    linux_driver.XTermParser = GuardedParser  # type: ignore[attr-defined]
