"""Flatten a list of events into timeline rows: day headings, gaps and events (no Textual here).

The timeline widget draws these rows lazily, one line at a time, so this is the
only per-event work a view change costs. Under a heading, the events that start the period
without a time of their own (only a day, month or year) get a sub-heading saying so: their
order among themselves is no claim ("15 Jan 2018, times not given, in no particular order:").
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import NamedTuple

from .dates import clock, day_label, gap, group_parts
from .placement import READING_MARK, Placement, placement, stated_mark, unordered_label
from .records import Event

HEADING = -1  # in ``RowIndex.positions``: a heading row; >= 0 is an event's position in the view


@dataclass
class RowIndex:
    """Row y -> what it shows; event (position in view) -> its row."""

    positions: array  # type: ignore[type-arg]  # per row: the view position of its event, or HEADING
    labels: dict[int, tuple[str, str]]  # heading row -> (day label, gap text)
    event_rows: array  # type: ignore[type-arg]  # per view position: its row
    day_starts: list[int]  # view positions of the first event under each heading, for '[' and ']'
    sub_headings: set[int] = field(default_factory=set)  # heading rows that head a period's untimed events

    @property
    def height(self) -> int:
        return len(self.positions)


class Span(NamedTuple):
    """The events under one heading: a day, a month or a year, or none (undated)."""

    parts: tuple[int, ...]  # () for undated
    events: list[Event]
    untimed: str  # the sub-heading over the events that open it without a time, or ''
    untimed_count: int  # how many events it heads


def spans(view: Sequence[Event]) -> Iterator[Span]:
    """Consecutive events grouped by heading, each with its sub-heading for untimed events."""
    for parts, run in groupby(view, key=lambda e: group_parts(e.when)):
        span = list(run)
        leading = _leading_untimed(span) if parts and len(span) > 1 else []
        unordered = sum(placement(e) is Placement.PERIOD for e in leading)
        label = unordered_label(parts, len(leading), unordered) if leading else ""
        yield Span(parts, span, label, len(leading))


def build_rows(view: list[Event]) -> RowIndex:
    positions: array[int] = array("q")
    event_rows: array[int] = array("q")
    labels: dict[int, tuple[str, str]] = {}
    sub_headings: set[int] = set()
    starts: list[int] = []
    last_dated: tuple[int, ...] = ()
    last_exact = True  # whether an event under the last dated heading is dated exactly
    position = 0
    for span in spans(view):
        parts = span.parts
        label = day_label(parts) if parts else "Date not given in the source"
        exact = any(event.when is not None and not event.when.approximate for event in span.events)
        labels[len(positions)] = (label, _about(gap(last_dated, parts), exact and last_exact) if parts else "")
        positions.append(HEADING)
        starts.append(position)
        if parts:
            last_dated, last_exact = parts, exact
        if span.untimed:
            labels[len(positions)] = (span.untimed, "")
            sub_headings.add(len(positions))
            positions.append(HEADING)
        for _ in span.events:
            event_rows.append(len(positions))
            positions.append(position)
            position += 1
    return RowIndex(positions, labels, event_rows, starts, sub_headings)


def _about(gap: str, exact: bool) -> str:
    """The gap between two headings, 'about' where a date of either is approximate (ACLED's 'within a
    week or so of this day'): '5 days later' would claim what neither date knows."""
    return gap if exact or not gap.endswith("later") or gap.startswith("about") else f"about {gap}"


def _leading_untimed(span: list[Event]) -> list[Event]:
    """The events that open the period without a clock time (they sort at its start)."""
    leading = []
    for event in span:
        if placement(event) is Placement.CLOCK:
            break
        leading.append(event)
    return leading


def time_cell(event: Event) -> str:
    """The timeline's time column: a clock time, or what the row's place rests on."""
    kind = placement(event)
    if kind is Placement.STATED:
        return stated_mark(event)
    if kind is Placement.READING:
        return READING_MARK
    return clock(event.when)
