"""Browser-like history of jumps between items (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["event", "actor", "quote", "source"]


@dataclass(frozen=True)
class Location:
    kind: Kind
    id: str


class History:
    """A list of locations and a cursor into it.

    ``visit`` first records where the user actually is (they may have moved since
    the last jump), then drops every forward entry, as a browser does, and appends.
    """

    def __init__(self, start: Location | None = None) -> None:
        self._entries: list[Location] = [start] if start else []
        self._index = len(self._entries) - 1

    @property
    def current(self) -> Location | None:
        return self._entries[self._index] if self._entries else None

    @property
    def entries(self) -> tuple[Location, ...]:
        return tuple(self._entries)

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def visit(self, target: Location, here: Location | None = None) -> None:
        del self._entries[self._index + 1 :]
        if here is not None:
            if self._entries:
                self._entries[self._index] = here
            else:
                self._entries.append(here)
        if not self._entries or self._entries[-1] != target:
            self._entries.append(target)
        self._index = len(self._entries) - 1

    def back(self, here: Location | None = None) -> Location | None:
        """Step back; ``here`` replaces the current entry so forward returns to it."""
        if not self.can_go_back:
            return None
        if here is not None:
            self._entries[self._index] = here
        self._index -= 1
        return self._entries[self._index]

    def forward(self, here: Location | None = None) -> Location | None:
        if not self.can_go_forward:
            return None
        if here is not None:
            self._entries[self._index] = here
        self._index += 1
        return self._entries[self._index]
