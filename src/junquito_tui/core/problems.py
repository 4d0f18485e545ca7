"""A located, human-readable problem in a dataset file, and the error that carries them all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
            where = f"{file}:{self.line}:{self.column}: " + (f"{self.path}: " if self.path else "")
            return visible(f"{where}{self.message}")
        if self.path:
            return visible(f"{self.path}: {self.message}")
        return visible(self.message)


class DatasetError(Exception):
    """Every problem found in one dataset file; or, with a ``headline``, why it is refused, then what its reading
    said (a sheet of which no event was read: its warnings are not all problems, 'columns used: ...' is none)."""

    def __init__(self, path: str, problems: Sequence[Problem], headline: str | None = None) -> None:
        self.path = path
        self.problems = list(problems)
        self.headline = headline
        super().__init__(self.report())

    def report(self) -> str:
        noun = "problem" if len(self.problems) == 1 else "problems"
        lines = [visible(f"{self.path}: {self.headline or f'{len(self.problems)} {noun}'}")]
        lines += [f"  {problem.render(self.path)}" for problem in self.problems]
        return "\n".join(lines)


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
