"""A located, human-readable problem in a dataset file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .text import visible


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


def json_kind(value: Any) -> str:
    """'an object', 'an array', 'a string', ... for messages about a value of the wrong type."""
    if isinstance(value, bool):
        return "a boolean"
    return {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
