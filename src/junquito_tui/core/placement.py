"""Why an event stands where it does in a list, in words the timeline, the pages and the exports share.

A list is a total order; a source gives only a partial one. So every event says what its place
rests on: a clock time, an order the source states (``after``/``before``), a reading position
(``shown_after``/``shown_before``: a presentation choice for an undated event the source does not
order), or only a day, month or year, which puts it in one unordered group at the start of that
period ("15 Jan 2018, times not given, in no particular order").
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from .dates import clock, group_parts, period_date, period_words
from .records import Event, Precision, When
from .text import one_line

if TYPE_CHECKING:  # (the search engine is imported with the first search, not with the interface)
    from .search import Hit, Results


class Placement(StrEnum):
    CLOCK = "clock time"
    STATED = "order stated by the source"
    READING = "reading position (order not stated by the source)"
    PERIOD = "known only to its day, month or year (listed at the start of it)"


def placement(event: Event) -> Placement:
    if event.when is not None and event.when.precision == Precision.MINUTE:
        return Placement.CLOCK
    if event.stated_order:
        return Placement.STATED
    if event.reading_position is not None:
        return Placement.READING
    return Placement.PERIOD


# Short markers for the timeline's time column (words, so they survive monochrome terminals).
READING_MARK = "not ordered"
STATED_MARK = {(True, False): "↳ after", (False, True): "↱ before", (True, True): "↕ between"}

READING_WHY = "a presentation choice, not a claim"
READING_NOTE = f"Order not stated by the source; shown here in reading order ({READING_WHY})"


def stated_mark(event: Event) -> str:
    return STATED_MARK.get((event.after is not None, event.before is not None), "")


def unordered_label(parts: tuple[int, ...], count: int, unordered: int, unused: bool = False) -> str:
    """The sub-heading over the ``count`` events that open a period without a time of their own;
    ``unordered`` of them have no stated order either, so their order among themselves is no claim. ``unused``:
    some of them have a time the file gives but that is not used (its zone an abbreviation: 'times not given' was
    false of '04:00 VET', a re-trial), each one's note saying why."""
    missing = {1: "months", 2: "days", 3: "times"}[min(len(parts), 3)]
    missing = missing[:-1] if count == 1 else missing
    tail = ", in no particular order" if unordered > 1 else ""
    given = "not given or not used" if unused and len(parts) >= 3 else "not given"
    return f"{period_words(parts)}, {missing} {given}{tail}:"


Find = Callable[[str], Event | None]  # the event of an id, or None


def shared_periods(whens: Iterable[When | None]) -> set[tuple[int, ...]]:
    """The days (months, years) that more than one of a list's dates is listed under (``group_parts``)."""
    seen: set[tuple[int, ...]] = set()
    shared: set[tuple[int, ...]] = set()
    for when in whens:
        key = group_parts(when)
        (shared if key in seen else seen).add(key)
    return shared


def why_listed_here(event: Event, shared: Container[tuple[int, ...]], find: Find | None = None) -> str:
    """In a flat list by time (a profile's events, the accounts' moments, search results), why an event stands where
    it does among others of its day (month, year), where its date does not say: a time not given (listed at the
    day's start, which is no claim that it came first), an order the source states, or a reading position. '' for a
    clock time, or a period no other event of the list shares. (A user trial: a profile listed 'Pérez shot dead',
    15 Jan 2018, before the 04:00 deployment, with no word of why, where the timeline heads them 'times not given'.)
    ``find``: the event of an id, to say what the source orders it after ('after ~09:07 VST': a re-trial read 'order
    as the source states' above an 11:45 the source says nothing of)."""
    when = event.when
    if when is None or when.precision is Precision.MINUTE or (parts := group_parts(when)) not in shared:
        return ""
    kind = placement(event)
    missing = {1: "month", 2: "day"}.get(len(parts), "time")
    if kind is Placement.STATED and find is not None:
        sides = (("after", event.after), ("before", event.before))
        said = " and ".join(f"{word} {_moment(find(anchor))}" for word, anchor in sides if anchor is not None)
        return f"{missing} not given; {said}, as the source states"
    if kind is Placement.STATED:
        return "order as the source states"
    if kind is Placement.READING:
        return READING_MARK
    if missing == "time" and time_unused(when):  # (a UI trial: 'time not given' beside a summary giving 14:00)
        return "time given but not used (its note says why)"
    return f"{missing} not given"


def _moment(anchor: Event | None) -> str:
    """An anchor as a list names it: its clock time ('~09:07 VST'), else its title, short."""
    if anchor is None:
        return "an event"
    if anchor.when is not None and anchor.when.precision is Precision.MINUTE:
        return clock(anchor.when).strip()
    return f"\u201c{one_line(anchor.title, 40)}\u201d"


def listed_date(event: Event, shared: Container[tuple[int, ...]], find: Find | None = None) -> str:
    """The event's date in such a list: '15 Jan 2018, time not given'."""
    date, why = period_date(event.when, event.end), why_listed_here(event, shared, find)
    return f"{date}, {why}" if why else date


def listed_periods(results: Results) -> set[tuple[int, ...]]:
    """The days (months, years) more than one of the events listed is under (``placement.why_listed_here``)."""
    return shared_periods(hit.doc.when for hit in results.hits if hit.kind == "event")


def hit_date(hit: Hit, shared: Container[tuple[int, ...]], find: Find | None = None) -> str:
    """A result's date: an event's as a list by time gives it ('15 Jan 2018, time not given': a user trial found
    such results listed before the day's 04:00 with no word of why)."""
    if isinstance(event := hit.doc.item, Event):
        return one_line(listed_date(event, shared, find))
    return one_line(period_date(hit.doc.when, hit.doc.end)) if hit.doc.when or hit.kind == "quote" else ""


# How a spreadsheet's date note says the file gives a time that is not used (``sheet_dates``)
TIME_UNUSED = ("the time after the day is not read", "not used: ", "the date is kept to the day")  # (an hour 24, 25)


def time_unused(when: When | None) -> bool:
    note = when.note if when is not None else None
    return note is not None and any(words in note for words in TIME_UNUSED)


class OrderFact(NamedTuple):
    """One sentence about an event's place: 'This comes after:' + the anchor's id (+ the source's words)."""

    words: str  # 'This comes after:', 'This comes before:', 'Shown after:', 'Shown before:'
    anchor: str
    stated: bool  # the source's order; else a reading position
    direction: str  # 'after' or 'before'
    quote: str | None = None  # the source's words for a stated order


def order_facts(event: Event) -> list[OrderFact]:
    """What an event's order fields say, in words that cannot be read backwards."""
    facts = []
    if event.after is not None:
        facts.append(OrderFact("This comes after:", event.after, True, "after", event.order_note))
    if event.before is not None:
        note = event.order_note if event.after is None else None  # one note, said once
        facts.append(OrderFact("This comes before:", event.before, True, "before", note))
    if event.shown_after is not None:
        facts.append(OrderFact("Shown after:", event.shown_after, False, "after"))
    if event.shown_before is not None:
        facts.append(OrderFact("Shown before:", event.shown_before, False, "before"))
    return facts
