"""Flatten a list of events into timeline rows: day headings, gaps and events (no Textual here).

The timeline widget draws these rows lazily, one line at a time, so this is the
only per-event work a view change costs. Under a heading, the events that start the period
without a time of their own (only a day, month or year) get a sub-heading saying so: their
order among themselves is no claim ("15 Jan 2018, times not given, in no particular order:").
"""

from __future__ import annotations

import operator
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, count, groupby, repeat
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from .bounds import BOUND, Bound, bound
from .dates import (
    CLOCK_WIDTH,
    Whens,
    clock,
    day_label,
    gap,
    group_parts,
    other_bound_words,
    other_century_words,
    other_day,
    period_words,
)
from .either_way import EITHER_WAY, assumed_other, other_century, two_digit_years
from .placement import (
    READING_MARK,
    TIME_UNUSED,
    Placement,
    placement,
    stated_mark,
    time_unused,
    unordered_label,
)
from .records import Event, Precision

HEADING = -1  # in ``RowIndex.positions``: a heading row; >= 0 is an event's position in the view
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_PRECISION, _APPROXIMATE = attrgetter("when.precision"), attrgetter("when.approximate")
_WHEN = attrgetter("when")
_ORDER_NAMES = ("after", "before", "shown_after", "shown_before")  # (each None: placed by its date alone)
_ORDER_FIELDS, _ORDER_FIELD = attrgetter(*_ORDER_NAMES), [attrgetter(name) for name in _ORDER_NAMES]


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
    other: str = ""  # '(or 4 Feb?)': the day of every event under it is read in an assumed order of day and month
    bound: Bound | None = None  # every event under it is given only as this bound ('before 15 January 2018')


def spans(view: Sequence[Event]) -> Iterator[Span]:
    """Consecutive events grouped by heading, each with its sub-heading for untimed events."""
    # No event of the view says where it goes but by its date (a spreadsheet's, most often): then every
    # untimed one is placed by its period alone, found without asking each (28 ms in 74 at 100,000 events)
    periods = _periods if any(any(map(field, view)) for field in _ORDER_FIELD) else len
    whens = Whens(view)  # (each distinct date asked once; a file's 100,000 events hold some 1,700)
    others: list[tuple[int, int, int] | None] = [None] * len(view)  # (36 ms of 105 at 100,000 events, spared)
    keys: list[Any] = whens.each(group_parts)
    notes = " ".join({when.note for when in whens.distinct.values() if when is not None and when.note})  # (one scan)
    if EITHER_WAY in notes:  # a day in an assumed order somewhere: each event's other day, for its heading
        others = whens.each(assumed_other)
    # a year of two digits somewhere: each event's other century, for its heading (a UI trial: 'Friday 1 May 2020'
    # over a lone '1-May-20', the year as sure as any)
    centuries = whens.each(other_century) if two_digit_years(notes) else None
    if noted := BOUND in notes:
        # a bound's events under a heading of their own: 'before 15 January' and 'after 13 January' sort on the
        # 14th, and were listed under 'Sunday 14 January 2018', a day neither is given (a review)
        keys = list(zip(keys, whens.each(bound), strict=True))
    noted_times = any(words in notes for words in TIME_UNUSED)  # (a time the file gives, not used: sub-headings)
    start = 0
    for key, run in groupby(zip(keys, view, strict=True), key=_FIRST):
        parts, bounding = key if noted else (key, None)
        span = list(map(_SECOND, run))
        under = slice(start, start + len(span))
        leading = _leading_untimed(span) if parts and len(span) > 1 else []
        if leading:
            unused = noted_times and any(map(time_unused, map(_WHEN, leading)))
            label = unordered_label(parts, len(leading), periods(leading), unused)
        else:
            label = ""
        if bounding is not None and leading:  # ('14 Jan 2018, times not given' under 'Before 15 January 2018')
            label = f"{bounding.side.capitalize()} {period_words(bounding.parts)}, in no particular order:"
        other = _heading_other(others[under], bounding)
        if centuries is not None and None not in centuries[under]:  # every event under it in either century
            other = " ".join(filter(None, (other, other_century_words(span[0].when))))
        yield Span(parts, span, label, len(leading), other, bounding)
        start += len(span)


def _heading_other(others: list[tuple[int, int, int] | None], bounding: Bound | None = None) -> str:
    """A heading's day is an inference where each event under it is read in an assumed order of day and
    month, the same other way (a review found '── Monday 2 April 2018 · 4 weeks later' over a lone
    '(or 4 Feb?)' row: the day and the gap as sure as any). A heading that holds one event truly of its
    day is that day. A bound's: its other bound, '(or before 3 Feb?)'."""
    distinct = set(others)
    if len(distinct) != 1 or (other := distinct.pop()) is None:
        return ""
    return other_bound_words(bounding, other) if bounding is not None else other_day(other)


def build_rows(view: list[Event]) -> RowIndex:
    positions: array[int] = array("q")
    event_rows: array[int] = array("q")
    labels: dict[int, tuple[str, str]] = {}
    sub_headings: set[int] = set()
    starts: list[int] = []
    last_dated: tuple[int, ...] = ()
    last_exact = True  # whether an event under the last dated heading is dated exactly
    last_assumed = False  # whether the last dated heading's day is read in an assumed order
    last_bound = False  # whether the last dated heading is a bound ('Before ...'): no distance from or to it
    position = 0
    for span in spans(view):
        parts = span.parts
        label = heading_label(span)
        exact = bool(parts) and not all(map(_APPROXIMATE, span.events))  # (an undated span has no when)
        bounded = span.bound is not None
        between = _about(gap(last_dated, parts), exact and last_exact) if parts and not (bounded or last_bound) else ""
        assumed = bool(span.other)
        labels[len(positions)] = (label, f"{between}?" if between and (assumed or last_assumed) else between)
        positions.append(HEADING)
        starts.append(position)
        if parts:
            last_dated, last_exact, last_assumed, last_bound = parts, exact, assumed, bounded
        if span.untimed:
            labels[len(positions)] = (span.untimed, "")
            sub_headings.add(len(positions))
            positions.append(HEADING)
        number = len(span.events)
        event_rows.extend(range(len(positions), len(positions) + number))
        positions.extend(range(position, position + number))
        position += number
    return RowIndex(positions, labels, event_rows, starts, sub_headings)


def heading_label(span: Span) -> str:
    """A heading's words: its day (month, year), 'Around' it where every event under it is dated only about it, with
    the other day it could be where it is an inference; the bound its events are given only as ('Before Monday 15
    January 2018'), not the day next to it they sort on."""
    if not span.parts:
        return "Date not given in the source"
    if span.bound is not None:  # (and the other bound, where its day could be either way round: ``spans``)
        label = f"{span.bound.side.capitalize()} {day_label(span.bound.parts)}"
        return f"{label} {span.other}" if span.other else label
    # every event under it known only about its date: the heading too ('Wednesday 17 January 2018' over a lone
    # 'around 17 January, until around the 18th' was more precise than the source: a user trial)
    # (an approximate clock time, '~04:00', knows its day: a re-trial found 'Around' over two of them)
    about = all(
        event.when is not None and event.when.approximate and event.when.precision != "minute" for event in span.events
    )
    label = f"Around {day_label(span.parts)}" if about else day_label(span.parts)
    return f"{label} {span.other}" if span.other else label


def _about(gap: str, exact: bool) -> str:
    """The gap between two headings, 'about' where a date of either is approximate (ACLED's 'within a
    week or so of this day'): '5 days later' would claim what neither date knows."""
    return gap if exact or not gap.endswith("later") or gap.startswith("about") else f"about {gap}"


def _leading_untimed(span: list[Event]) -> list[Event]:
    """The events of a dated span that open the period without a clock time (they sort at its start):
    those before its first ``Placement.CLOCK``, found by C."""
    clocked = compress(count(), map(operator.eq, map(_PRECISION, span), repeat(Precision.MINUTE)))
    return span[: next(clocked, len(span))]


def _periods(events: list[Event]) -> int:
    """How many of these events are placed only by their period (``Placement.PERIOD``): ``placement``
    asked once per distinct set of order fields (most events have none), one event standing for each."""
    keys = list(map(_ORDER_FIELDS, events))
    counted, standing = Counter(keys), dict(zip(keys, events, strict=True))
    return sum(number for key, number in counted.items() if placement(standing[key]) is Placement.PERIOD)


def time_cell(view: Sequence[Event], position: int) -> str:
    """The timeline's time column for the event at ``position``: a clock time, or what the row's place rests on.
    An order the source states names where the event it follows (or precedes) is when not the row beside it,
    '↳ after ↑2' (a trial read the 27 June flight, 'Hours after' the video, as after the gunfire listed between
    them); '↑+' further, or hidden by a filter. A date of an approximate day keeps its '~'."""
    event = view[position]
    kind = placement(event)
    if kind is Placement.STATED:
        approximate = "~" if event.when is not None and event.when.approximate else ""
        cell = f"{approximate}{stated_mark(event)}{_anchor_away(view, position)}"
        return cell if len(cell) <= CLOCK_WIDTH else cell.replace(" ↑", "↑").replace(" ↓", "↓")  # ('~↕ between↑2')
    if kind is Placement.READING:
        return READING_MARK
    return clock(event.when)


NEAR = 9  # rows: an anchor further is '↑+'


def _anchor_away(view: Sequence[Event], position: int) -> str:
    """'' where each anchor is beside the event; else how far the first that is not ('between': after's first)."""
    event = view[position]
    anchors = [(-1, event.after, "↑")] if event.after is not None else []
    anchors += [(1, event.before, "↓")] if event.before is not None else []
    for step, anchor, arrow in anchors:
        near = [position + step * distance for distance in range(1, NEAR + 1)]
        away = next((d for d, at in enumerate(near, 1) if 0 <= at < len(view) and view[at].id == anchor), None)
        if away != 1:
            return f" {arrow}{away}" if away is not None else f" {arrow}+"
    return ""
