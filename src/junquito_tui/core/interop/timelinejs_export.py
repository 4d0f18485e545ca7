"""A chronology as TimelineJS3 JSON: one slide per event, dated exactly as precisely as we know it.

Everything from the dataset is HTML-escaped before it goes into a slide. What
TimelineJS cannot express is still said: the time zone and 'around' in
``display_date``; an undated event sits at the date of the dated event it is shown
next to, with ``display_date`` saying so (and whether the order is the source's or only a
reading position); each date's note is in the slide's text, the start's and the end's each
labelled. A ``junquito`` field (ignored by TimelineJS) lets our importer restore each clock
time's zone (the start's and the end's apart), each date's note, the order and its words exactly.

The JSON is written safe to inline in a page's ``<script>`` element, as TimelineJS pages often
do: '<', '>' and '&' are written \\u003c, \\u003e and \\u0026 everywhere (a '</script>' in any text
would end the script early), and U+2028 and U+2029 as escapes too (older JavaScript ends a line
there). JSON readers read the same text.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from itertools import accumulate, groupby
from typing import Any

import msgspec

from ..bounds import bound
from ..chronology import Chronology
from ..dates import day_label, ending
from ..either_way import assumed_other
from ..placement import READING_NOTE, Placement, order_facts, placement
from ..provenance import ACCOUNTS_ARE, NO_SPEAKER, event_accounts, known_through
from ..records import Certainty, Claim, Event, Precision, When
from ..timeline_rows import spans
from .csv_provenance import ClaimNote, source_note
from .export_order import Listed
from .export_scope import Scope
from .html_text import html_to_text
from .timelinejs_dates import display, to_timelinejs
from .timelinejs_import import EXTENSION
from .timelinejs_order import ORDER_EXTENSION
from .urls import web_address

# Only inside JSON strings can these characters appear, where the escape means the same character.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_timelinejs_json(chronology: Chronology, events: list[Event], scope: Scope | None = None) -> str:
    """The TimelineJS3 document as JSON text, safe to inline in an HTML ``<script>`` element."""
    text = json.dumps(to_timelinejs_document(chronology, events, scope), ensure_ascii=False, indent=2)
    return text.translate(_SCRIPT_SAFE) + "\n"


def to_timelinejs_document(chronology: Chronology, events: list[Event], scope: Scope | None = None) -> dict[str, Any]:
    """``scope``: the search that chose the events, said first on the title slide."""
    dataset = chronology.dataset
    said = f"{scope.words(len(events))}\n\n" if scope is not None else ""
    title: dict[str, Any] = {
        "text": {"headline": _text(dataset.title), "text": _paragraphs(said + dataset.description)}
    }
    places = _places(chronology)
    untimed = {e.id: span.untimed for span in spans(events) for e in span.events[: span.untimed_count]}
    moved = _moved_by_zones(events)
    listed = Listed.of(events)
    slides = [
        _slide(
            chronology, event, places.get(event.id), untimed.get(event.id, ""), moved=event.id in moved, listed=listed
        )
        for event in events
    ]
    return {"title": title, "events": slides}


def _places(chronology: Chronology) -> dict[str, Event]:
    """For each undated event, the dated event it is shown next to in the chronology: the nearest one
    before it, else the first after it. TimelineJS needs a date; this one keeps its place in the list."""
    places: dict[str, Event] = {}
    waiting: list[str] = []
    last: Event | None = None
    for event in chronology.events:
        if event.when is not None:
            last = event
            places.update(dict.fromkeys(waiting, event))
            waiting = []
        elif last is not None:
            places[event.id] = last
        else:
            waiting.append(event.id)
    return places


def _moved_by_zones(events: list[Event]) -> set[str]:
    """The clock-timed events TimelineJS lists in another order than they took place: it orders slides by their
    clock times as written, whatever their zones (a user trial: 10:00 JST, 01:00 UTC, came after 05:00 VST, 09:00
    UTC). Each with another on the wrong side of it: one before it in time written later, or one after it earlier
    (a running maximum and minimum of the written times, over the instants in the order they took place; events
    of one instant are in no order)."""
    timed = [event for event in events if event.when is not None and event.when.precision is Precision.MINUTE]
    if len({event.when.utc_offset for event in timed if event.when is not None}) < 2:
        return set()
    moments: list[list[Event]] = []  # the events of each instant, in the order they took place
    for _, same in groupby(sorted(timed, key=_instant), key=_instant):
        moments.append(list(same))
    written = [[event.when.parts() if event.when else () for event in moment] for moment in moments]
    before = [max(w) for w in written]  # the latest written time of each instant's events ...
    after = [min(w) for w in written]  # ... and the earliest
    # over the instants before each (() is earlier than any time), and over those after (None: none)
    latest_before: list[tuple[int, ...]] = [(), *accumulate(before, max)][:-1]
    earliest_after: list[tuple[int, ...] | None] = [*list(accumulate(reversed(after), min))[::-1][1:], None]
    moved = set()
    for index, moment in enumerate(moments):
        later = earliest_after[index]
        for event, time in zip(moment, written[index], strict=True):
            if latest_before[index] > time or (later is not None and later < time):
                moved.add(event.id)
    return moved


def _instant(event: Event) -> tuple[int, int, int, int]:
    return event.when.sort_key() if event.when is not None else (0, 0, 0, 0)


MOVED_BY_ZONES = (
    "TimelineJS orders slides by their clock times as written, whatever their zones: it shows this one out of the "
    "order in which it took place (its time in UTC: {utc})"
)


def _slide(
    chronology: Chronology,
    event: Event,
    place: Event | None,
    untimed: str,
    moved: bool = False,
    listed: Listed | None = None,
) -> dict[str, Any]:
    slide: dict[str, Any] = {}
    extension: dict[str, Any] = {}
    when, end = event.when, event.end
    if when is None:
        # a dataset without any dated event (integrity rejects it) still gives a file TimelineJS opens
        slide["start_date"] = to_timelinejs(place.when) if place and place.when else {"year": "1"}
        slide["display_date"] = _undated_display(chronology, event)
        extension = {"undated": True}
    else:
        slide["start_date"] = to_timelinejs(when)
        shown = when.approximate or when.precision == Precision.MINUTE or assumed_other(when) is not None
        if shown:
            slide["start_date"]["display_date"] = _text(display(when))
        extension = _date_extension(when, "", shown)
        if end is not None:
            slide["end_date"] = to_timelinejs(end)
            shown = end.approximate or end.precision == Precision.MINUTE or assumed_other(end) is not None
            if shown:  # (an end given as a bound said as an end: 'ongoing: no earlier than June 2017', not 'from
                # June 2017', a user trial)
                slide["end_date"]["display_date"] = _text(ending(end, display(end)))
            extension |= _date_extension(end, "end_", shown)
    for name in ORDER_EXTENSION:  # the order and its words, so that an import gives them back
        if getattr(event, name) is not None:
            extension[name] = getattr(event, name)
    if event.certainty != Certainty.CONFIRMED:  # so that an import does not read a disputed event as fact
        extension["certainty"] = event.certainty.value
        extension["accounts"] = [f"{a.attribution}: {a.claim.statement}" for a in event_accounts(chronology, event)]
        extension["claims"] = [_as_json(_claim_note(chronology, claim)) for claim in event.claims]
    body, derived = _body(chronology, event, untimed, moved, listed)
    slide["text"] = {"headline": _text(event.title), "text": body}
    if derived:  # what the text says of the fields the extension gives back: left out of the summary on import
        extension["derived"] = [html_to_text(paragraph).text for paragraph in derived]
        # the summary's own paragraphs come first: never taken for derived ones ('Place: Caracas' in it)
        own = html_to_text(_paragraphs(event.summary)).text.split("\n\n")
        extension["summary_paragraphs"] = len([paragraph for paragraph in own if paragraph])
        if event.place:
            extension["place"] = event.place
    if event.tags:
        slide["group"] = event.tags[0]
    if len(event.tags) > 1:
        extension["tags"] = list(event.tags)
    if event.sources:  # each described whole (the source it is known through in place of its id), to be made again
        extension["sources"] = [_as_json(source_note(chronology.sources, s)) for s in event.sources]
    slide["unique_id"] = event.id
    if extension:
        slide[EXTENSION] = extension
    return slide


def _as_json(note: msgspec.Struct) -> Any:
    """The note as JSON reads back (lists, not tuples): the document is the file's, whether written or not."""
    return msgspec.json.decode(msgspec.json.encode(note))


def _claim_note(chronology: Chronology, claim: Claim) -> ClaimNote:
    """A claim described whole, for our import to make again: its claimants by name, its sources described."""
    names = tuple(actor.name if (actor := chronology.actors.get(a)) else a for a in claim.by)
    source = source_note(chronology.sources, claim.source) if claim.source else None
    cited = tuple(source_note(chronology.sources, c) for c in claim.cited)
    return ClaimNote(by=names, statement=claim.statement, source=source, cited=cited)


def _date_extension(when: When, prefix: str, shown: bool) -> dict[str, Any]:
    """What TimelineJS cannot hold of a date, for our importer: a clock time's UTC offset and zone
    label, and the date's note ('utc_offset', 'zone_label', 'note' for the start; 'end_utc_offset',
    'end_zone_label', 'end_note' for the end, each date its own)."""
    out: dict[str, Any] = {}
    if when.precision == Precision.MINUTE:
        out[f"{prefix}utc_offset"] = when.utc_offset
        if when.zone_label:
            out[f"{prefix}zone_label"] = when.zone_label
    if bound(when) is not None:  # (its display_date says 'from ...' or 'no earlier than ...': not read as approximate)
        out[f"{prefix}approximate"] = True
    if when.note:
        out[f"{prefix}note"] = when.note
    elif shown:  # a display_date is written for it: this
        out[f"{prefix}note"] = None  # says the date has no note (before, the import made one of that text)
    return out


def _undated_display(chronology: Chronology, event: Event) -> str:
    """'Undated: after “...”', or for a reading position, 'Undated: shown after “...” (order not stated ...)'."""
    if event.stated_order:
        parts = [
            f"{kind} \u201c{_text(chronology.event(anchor).title)}\u201d"
            for kind, anchor in (("after", event.after), ("before", event.before))
            if anchor
        ]
        return f"Undated: {', '.join(parts)}"
    kind = "after" if event.shown_after else "before"
    anchor = chronology.event(event.reading_position or "")
    return f"Undated: shown {kind} \u201c{_text(anchor.title)}\u201d (order not stated by the source)"


def _order_paragraphs(chronology: Chronology, event: Event, untimed: str, listed: Listed | None = None) -> list[str]:
    out = []
    for fact in order_facts(event):
        anchor = f"\u201c{_text(chronology.event(fact.anchor).title)}\u201d" + (
            listed.named(fact.anchor) if listed else ""
        )
        if fact.stated:
            words = f"<p><em>{_text(fact.words)}</em> {anchor}"
            out.append(words + (f" (the source: \u201c{_lines(fact.quote)}\u201d)</p>" if fact.quote else "</p>"))
        else:
            out.append(f"<p><em>{_text(READING_NOTE)}.</em> {_text(fact.words)} {anchor}</p>")
    if untimed and placement(event) is Placement.PERIOD:  # (alone, it is no one of them: a user trial)
        tail = "this event is one of them" if "in no particular order" in untimed else "listed at its start"
        out.append(f"<p><em>{_text(untimed.rstrip(':'))}</em>: {tail}.</p>")
    return out


def _utc(when: When) -> str:
    """'01:00, Monday 15 January 2018': the clock time in UTC (as written with its offset where the calendar of
    Python's datetime cannot hold the day: before year 1 or after 9999)."""
    try:
        moment = datetime.fromisoformat(f"{when.date}{when.utc_offset or '+00:00'}").astimezone(UTC)
    except (ValueError, OverflowError):
        return f"{when.date} at UTC{when.utc_offset}"
    return f"{moment:%H:%M}, {day_label((moment.year, moment.month, moment.day))}"


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{_lines(block)}</p>" for block in blocks)


def _body(
    chronology: Chronology, event: Event, untimed: str = "", moved: bool = False, listed: Listed | None = None
) -> tuple[str, list[str]]:
    """The slide's text, and its paragraphs that say what the extension gives back (the dates' notes, the
    order, the place, the accounts): our import leaves them out of the summary, where they were read as the
    event's own words (a user trial found 'On the date: ... assumed' found by a search for 'assumed')."""
    derived = []
    if event.when is not None:  # each date's note, said as the start's or the end's when there is an end
        for words, date in _date_notes(event):
            derived.append(f"<p><em>{words}:</em> {_lines(date.note or '')}</p>")
    derived += _order_paragraphs(chronology, event, untimed, listed)
    if moved and event.when is not None:
        derived.append(f"<p><em>{_text(MOVED_BY_ZONES.format(utc=_utc(event.when)))}</em></p>")
    if event.place:
        derived.append(f"<p><strong>Place:</strong> {_text(event.place)}</p>")
    parts = [_paragraphs(event.summary), *derived]
    if event.actors:
        people = ", ".join(f"{_text(_name(chronology, p.actor))} ({_text(p.role)})" for p in event.actors)
        parts.append(f"<p><strong>Actors:</strong> {people}</p>")
    for found in event_accounts(chronology, event):  # the accounts together, each attributed
        cited = "; ".join(_text(c.title) for c in found.cited)
        account = (
            f"<p><strong>Claimed</strong> by {_text(found.attribution)} (the event: {event.certainty.value}; "
            f"{ACCOUNTS_ARE}): {_text(found.claim.statement)}" + (f" (citing: {cited})" if cited else "") + "</p>"
        )
        parts.append(account)
        if event.certainty != Certainty.CONFIRMED:  # (given back as claims: ``_slide``'s accounts)
            derived.append(account)
    for quote in chronology.quotes_by_event.get(event.id, []):
        speaker = _name(chronology, quote.speaker) if quote.speaker else NO_SPEAKER
        parts.append(
            f"<blockquote>\u201c{_lines(quote.text)}\u201d<br>\u2014 {_text(speaker)}"
            + (f", {_lines(quote.context)}" if quote.context else "")
            + "</blockquote>"
        )
    links = []
    for source_id in event.sources:
        source = chronology.sources.get(source_id)
        if source is None:
            continue
        label = _text(known_through(chronology.sources, source_id))
        url = web_address(source.url).url if source.url else None  # a link only to what a browser reads as http(s)
        if url is not None:
            links.append(f'<a href="{escape(url, quote=True)}">{label}</a>')
        else:
            links.append(label)
    if links:  # (given back by the extension's 'sources': read as the event's words, each import added one)
        parts.append(paragraph := f"<p><strong>Sources:</strong> {'; '.join(links)}</p>")
        derived.append(paragraph)
    if len(event.tags) > 1:  # TimelineJS shows the first alone, as the slide's group (given back: 'tags')
        parts.append(paragraph := f"<p><strong>Tags:</strong> {_text(', '.join(event.tags))}</p>")
        derived.append(paragraph)
    return "".join(parts), derived


def _date_notes(event: Event) -> list[tuple[str, When]]:
    """('On the date', the start) for an event without an end; else 'On the start date' and 'On the
    end date', for each date with a note."""
    if event.end is None:
        return [("On the date", event.when)] if event.when is not None and event.when.note else []
    dates = (("On the start date", event.when), ("On the end date", event.end))
    return [(words, date) for words, date in dates if date is not None and date.note]


def _text(value: str) -> str:
    return escape(value, quote=False)


def _lines(value: str) -> str:
    """Text of several lines (a quote, a note): each line break a ``<br>``, which HTML keeps (a raw
    line break is one space in a page)."""
    return _text(value).replace("\n", "<br>")


def _name(chronology: Chronology, actor_id: str) -> str:
    actor = chronology.actors.get(actor_id)
    return actor.name if actor else actor_id
