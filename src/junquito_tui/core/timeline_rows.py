"""Flatten a list of events into timeline rows: day headings, gaps and events (no Textual here).

The timeline widget draws these rows lazily, one line at a time, so this is the
only per-event work a view change costs.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from .dates import day_label, gap, group_parts
from .model import Event

HEADING = -1  # in ``RowIndex.positions``: a heading row; >= 0 is an event's position in the view


@dataclass
class RowIndex:
    """Row y -> what it shows; event (position in view) -> its row."""

    positions: array  # type: ignore[type-arg]  # per row: the view position of its event, or HEADING
    labels: dict[int, tuple[str, str]]  # heading row -> (day label, gap text)
    event_rows: array  # type: ignore[type-arg]  # per view position: its row
    day_starts: list[int]  # view positions of the first event under each heading, for '[' and ']'

    @property
    def height(self) -> int:
        return len(self.positions)


def build_rows(view: list[Event]) -> RowIndex:
    positions: array[int] = array("q")
    event_rows: array[int] = array("q")
    labels: dict[int, tuple[str, str]] = {}
    starts: list[int] = []
    previous: tuple[int, ...] | None = None
    last_dated: tuple[int, ...] = ()
    for position, event in enumerate(view):
        parts = group_parts(event.when)
        if parts != previous:
            label = day_label(parts) if parts else "Date not given in the source"
            labels[len(positions)] = (label, gap(last_dated, parts) if parts else "")
            positions.append(HEADING)
            starts.append(position)
            previous = parts
            if parts:
                last_dated = parts
        event_rows.append(len(positions))
        positions.append(position)
    return RowIndex(positions, labels, event_rows, starts)
