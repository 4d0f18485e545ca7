"""Undated events beside what a date search found: in no date range, so never matched, but listed beside a dated
event (the source orders them after or before it, 'then'; or the reading order puts them there). A user trial:
`date:2017-12` found Operation Genesis and said nothing of the two undated events that follow it ('The group then
destroyed images...', 'Maduro responded...') nor of Maduro's quote. They are counted in a hint, not let in."""

from __future__ import annotations

from .chronology import Chronology
from .records import Event

_MOST_STEPS = 10_000  # an order chain longer than this is not followed (validation refuses cycles anyway)


def dated_beside(chronology: Chronology) -> dict[str, str]:
    """Each undated event's id -> the id of the dated event it is listed beside, its order fields followed through
    other undated events; an undated event with no dated event at the end of its chain is left out."""
    found: dict[str, str] = {}
    for event in chronology.events:
        if event.when is None and (anchor := _dated_anchor(chronology, event)) is not None:
            found[event.id] = anchor
    return found


def _dated_anchor(chronology: Chronology, event: Event) -> str | None:
    seen: set[str] = set()
    while event.when is None and len(seen) < _MOST_STEPS:
        seen.add(event.id)
        anchor = event.after or event.before or event.shown_after or event.shown_before
        if anchor is None or anchor in seen or anchor not in chronology.position:
            return None
        event = chronology.event(anchor)
    return event.id if event.when is not None else None


def hint(count: int, kinds: str, dates: str) -> str:
    """``kinds``: ' (1 event, 1 quote)' where the count holds quotes, else ''; ``dates``: the range searched."""
    what = kinds or (" event" if count == 1 else " events")
    return f"{count:,} undated{what} listed beside events in {dates}, not included: undated, in no date range"
