"""A located, human-readable problem in a dataset file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters from the file (in a key, say) shown as \\x1b, never sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path such as 'events[12].actors[1].actor'; '' for the whole file
    message: str
    line: int | None = None
    column: int | None = None

    def render(self, file: str) -> str:
        if self.line is not None:
            return visible(f"{file}:{self.line}:{self.column}: {self.message}")
        if self.path:
            return visible(f"{self.path}: {self.message}")
        return visible(self.message)


def json_path(location: Iterable[int | str]) -> str:
    """('events', 12, 'actors', 1, 'actor') -> 'events[12].actors[1].actor'."""
    out = ""
    for part in location:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{part}"
        else:
            out = str(part)
    return out
