"""A chronology as TimelineJS3 JSON: one slide per event, dated exactly as precisely as we know it.

Everything from the dataset is HTML-escaped before it goes into a slide. What
TimelineJS cannot express is still said: the time zone and 'around' in
``display_date``; an undated event sits at the date of the event it is anchored to,
with ``display_date`` saying so. A ``junquito`` field on such slides (ignored by
TimelineJS) lets our importer restore the zone and the anchor exactly.

The JSON is written safe to inline in a page's ``<script>`` element, as TimelineJS pages often
do: '<', '>' and '&' are written \\u003c, \\u003e and \\u0026 everywhere (a '</script>' in any text
would end the script early), and U+2028 and U+2029 as escapes too (older JavaScript ends a line
there). JSON readers read the same text.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ..chronology import Chronology
from ..model import Event, Precision
from .timelinejs_dates import display, to_timelinejs
from .timelinejs_import import EXTENSION
from .urls import web_address

# Only inside JSON strings can these characters appear, where the escape means the same character.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_timelinejs_json(chronology: Chronology, events: list[Event]) -> str:
    """The TimelineJS3 document as JSON text, safe to inline in an HTML ``<script>`` element."""
    text = json.dumps(to_timelinejs_document(chronology, events), ensure_ascii=False, indent=2)
    return text.translate(_SCRIPT_SAFE) + "\n"


def to_timelinejs_document(chronology: Chronology, events: list[Event]) -> dict[str, Any]:
    dataset = chronology.dataset
    title: dict[str, Any] = {"text": {"headline": _text(dataset.title), "text": _paragraphs(dataset.description)}}
    return {"title": title, "events": [_slide(chronology, event) for event in events]}


def _slide(chronology: Chronology, event: Event) -> dict[str, Any]:
    slide: dict[str, Any] = {}
    extension: dict[str, Any] = {}
    when, end = event.when, event.end
    if when is None:
        anchor_kind = "after" if event.after else "before"
        anchor = chronology.event(event.after or event.before or "")
        dated = _dated_anchor(chronology, anchor)
        slide["start_date"] = to_timelinejs(dated.when) if dated.when else {"year": "1"}
        slide["display_date"] = f"Undated: {anchor_kind} \u201c{_text(anchor.title)}\u201d"
        extension = {"undated": True, anchor_kind: anchor.id}
    else:
        slide["start_date"] = to_timelinejs(when)
        if when.approximate or when.precision == Precision.MINUTE:
            slide["start_date"]["display_date"] = _text(display(when))
        if when.precision == Precision.MINUTE:
            extension = {"utc_offset": when.utc_offset}
            if when.zone_label:
                extension["zone_label"] = when.zone_label
        if event.after or event.before:  # orders events of one day whose times are unknown
            extension["after" if event.after else "before"] = event.after or event.before
        if end is not None:
            slide["end_date"] = to_timelinejs(end)
            if end.approximate or end.precision == Precision.MINUTE:
                slide["end_date"]["display_date"] = _text(display(end))
    slide["text"] = {"headline": _text(event.title), "text": _body(chronology, event)}
    if event.tags:
        slide["group"] = event.tags[0]
    slide["unique_id"] = event.id
    if extension:
        slide[EXTENSION] = extension
    return slide


def _dated_anchor(chronology: Chronology, event: Event) -> Event:
    """The first dated event along an anchor chain (integrity checks guarantee one, without cycles)."""
    seen = {event.id}
    while event.when is None and (event.after or event.before) and (event.after or event.before) not in seen:
        event = chronology.event(event.after or event.before or "")
        seen.add(event.id)
    return event


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{_text(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def _body(chronology: Chronology, event: Event) -> str:
    parts = [_paragraphs(event.summary)]
    if event.when is not None and event.when.note:
        parts.append(f"<p><em>On the date:</em> {_text(event.when.note)}</p>")
    if event.place:
        parts.append(f"<p><strong>Place:</strong> {_text(event.place)}</p>")
    if event.actors:
        people = ", ".join(f"{_text(_name(chronology, p.actor))} ({_text(p.role)})" for p in event.actors)
        parts.append(f"<p><strong>Actors:</strong> {people}</p>")
    if event.certainty != "confirmed":
        for claim in event.claims:
            by = ", ".join(_name(chronology, actor) for actor in claim.by) or "unnamed sources"
            parts.append(
                f"<p><strong>{_text(event.certainty.value.capitalize())}</strong>, by {_text(by)}: "
                f"{_text(claim.statement)}</p>"
            )
    for quote in chronology.quotes_by_event.get(event.id, []):
        speaker = _name(chronology, quote.speaker) if quote.speaker else "a document"
        parts.append(
            f"<blockquote>\u201c{_text(quote.text)}\u201d<br>\u2014 {_text(speaker)}"
            + (f", {_text(quote.context)}" if quote.context else "")
            + "</blockquote>"
        )
    links = []
    for source_id in event.sources:
        source = chronology.sources.get(source_id)
        if source is None:
            continue
        label = _text(source.title)
        url = web_address(source.url).url if source.url else None  # a link only to what a browser reads as http(s)
        if url is not None:
            links.append(f'<a href="{escape(url, quote=True)}">{label}</a>')
        else:
            links.append(label)
    if links:
        parts.append(f"<p><strong>Sources:</strong> {'; '.join(links)}</p>")
    return "".join(parts)


def _text(value: str) -> str:
    return escape(value, quote=False)


def _name(chronology: Chronology, actor_id: str) -> str:
    actor = chronology.actors.get(actor_id)
    return actor.name if actor else actor_id
