"""Our own CSV export read back: every id, title, date, precision, zone and anchor as it was written.

Its dates are ISO 8601 exactly as our dataset writes them (astronomical years: ``-0299`` is 300 BCE),
the precision column says how precise the start is, and text cells lose the apostrophe the export
puts before a leading formula character (the documented neutralisation, undone exactly).
What CSV cannot carry comes back as text: actors by name with their role, sources by title and
address, and the claims of an event that is not confirmed as one claim holding the claims cell.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ..model import checked_when
from ..records import LINE_MAX, When
from ..text import CONTROL, LINE_BREAKS, SLUG_PATTERN, has_control
from .builder import ActorBook, dump_event
from .csv_export import COLUMNS, read_cell
from .html_text import Link
from .ids import MAX_ID, IdAllocator
from .sheet_events import cell_text
from .sheet_layouts import normal
from .sheets import Sheet
from .timelinejs_media import SourceBook

FILE_SOURCE = "csv-file"
LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
ANCHORS = ("after", "before", "shown_after", "shown_before")  # stated orders, then reading positions
_ISO = re.compile(r"^(-?\d{1,12}(?:-\d{2}(?:-\d{2})?)?)(?:T(\d{2}:\d{2})([+-]\d{2}:\d{2})?)?$")
_ACTOR = re.compile(r"^(.*\S)\s+\(([^()]*)\)$")
_SOURCE = re.compile(r"^(.*\S)\s+<(\S+)>$")


def convert(sheet: Sheet) -> dict[str, Any]:
    at = {name: sheet.header.find([normal(name)]) for name in COLUMNS}  # 'date_note' is found as 'date note'
    book, actors, ids = SourceBook(_reader(sheet), reserved=(FILE_SOURCE,)), ActorBook(), IdAllocator()
    events: list[dict[str, Any]] = []
    for where, cells in sheet.rows():

        def cell(name: str, cells: list[Any] = cells, where: str = where) -> str:
            position = at[name]
            raw = cells[position] if position is not None and position < len(cells) else ""
            text = raw if isinstance(raw, str) else cell_text(raw)  # as written: spaces are the title's own
            if has_control(text):
                sheet.notes.group("control characters removed (they would reach the terminal as escape codes)", where)
                text = CONTROL.sub("", text)
            return read_cell(text, name)

        event = _event(sheet, cell, where, book, actors, ids)
        if event is not None:
            events.append(event)
    kept, known = events, set[str]()
    while len(known) != len(kept):  # an event dropped for its anchor may be another's anchor
        known = {e["id"] for e in kept}
        kept = [e for e in kept if _anchors_known(sheet, e, known)]
    sheet.counts.events = len(kept)
    file_source = {"id": FILE_SOURCE, "title": f"CSV export {sheet.name}", "kind": "document"}
    return {
        "schema_version": 1,
        "title": sheet.stem,
        "timezone": "UTC",
        "sources": [file_source, *book.sources],
        "actors": actors.actors,
        "events": [dump_event(e) for e in kept],
    }


def _reader(sheet: Sheet) -> Any:
    from .fields import FieldReader

    return FieldReader(sheet.notes)


def _event(sheet: Sheet, cell: Any, where: str, book: SourceBook, actors: ActorBook, ids: IdAllocator) -> Any:
    given = cell("id")
    wanted = given if SLUG_PATTERN.match(given) and len(given) <= MAX_ID else ""
    title = cell("title")
    if LINE_BREAK.search(title) or len(title) > LINE_MAX:  # our export's are: keep them exact
        title = sheet.notes_reader.line(title, where)
    title = title or "Untitled row"
    event_id = ids.take(wanted or f"event-{where.split()[-1]}")
    if event_id != given:
        sheet.notes.add(where, f"id {given!r} is not a unique lowercase slug; the event's id is {event_id!r}")
    fields: dict[str, Any] = {"id": event_id, "title": title, "summary": cell("summary")}
    note = cell("date_note") or None
    when = _when(sheet, cell("start"), cell("precision"), cell("approximate") == "true", note, where)
    end = _when(sheet, cell("end"), "", False, None, where)
    if when is not None:
        fields["when"] = when
        if end is not None:
            fields["end"] = end
    for anchor in ANCHORS:
        if cell(anchor):
            fields[anchor] = cell(anchor)
    if (fields.get("after") or fields.get("before")) and cell("order_note"):
        fields["order_note"] = cell("order_note")
    if when is None and not any(fields.get(anchor) for anchor in ANCHORS):
        sheet.notes.add(where, "no usable start date and no after/before/shown_after/shown_before; row skipped")
        return None
    if place := sheet.notes_reader.line(cell("place"), where):
        fields["place"] = place
    fields["actors"] = _actors(cell("actors"), actors)
    fields["tags"] = [t for t in re.split(r";\s*", cell("tags")) if t and SLUG_PATTERN.match(t)]
    fields["sources"] = [FILE_SOURCE, *_sources(cell("sources"), book, where)]
    certainty = cell("certainty") or "confirmed"
    if certainty != "confirmed":
        statement = sheet.notes_reader.line(cell("claims"), where) or "as the file states, without naming who claims it"
        fields["certainty"] = certainty
        fields["claims"] = [{"by": [], "statement": statement, "source": FILE_SOURCE}]
    return fields


def _when(sheet: Sheet, text: str, precision: str, approximate: bool, note: str | None, where: str) -> When | None:
    if not text:
        return None
    match = _ISO.match(text)
    if match is None:
        sheet.notes.add(where, f"{text!r} is not an ISO 8601 date as our export writes them; date ignored")
        return None
    date, clock, offset = match.groups()
    parts = date.lstrip("-").count("-") + 1
    shown = precision or ("minute" if clock else ("year", "month", "day")[parts - 1])
    try:
        return checked_when(
            date=f"{date}T{clock}" if clock else date,
            precision=shown,  # validated by the model
            approximate=approximate,
            utc_offset=offset if clock else None,
            note=note,
        )
    except ValidationError as error:
        message = error.errors()[0]["msg"].removeprefix("Value error, ")
        sheet.notes.add(where, f"{text!r} ({shown}): {message}; date ignored")
        return None


def _actors(text: str, actors: ActorBook) -> list[dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for item in filter(None, (part.strip() for part in text.split(";"))):
        match = _ACTOR.match(item)
        name, role = (match.group(1), match.group(2)) if match else (item, "named in the file")
        actor = actors.take(name)
        out.setdefault(actor, {"actor": actor, "role": " ".join(role.split())[:LINE_MAX] or "named in the file"})
    return list(out.values())


def _sources(text: str, book: SourceBook, where: str) -> list[str]:
    ids: list[str] = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        match = _SOURCE.match(item)
        found = book.link(Link(match.group(2), match.group(1)), where) if match else book.named(item)
        if found and found not in ids:
            ids.append(found)
    return ids


def _anchors_known(sheet: Sheet, event: dict[str, Any], known: set[str]) -> bool:
    for anchor in ANCHORS:
        target = event.get(anchor)
        if target is not None and target not in known:
            del event[anchor]
            if not (event.get("after") or event.get("before")):
                event.pop("order_note", None)
            if "when" not in event and not any(event.get(a) for a in ANCHORS):
                sheet.notes.add("", f"event {event['id']!r}: {anchor} {target!r} is not in the file; row skipped")
                return False
            sheet.notes.add("", f"event {event['id']!r}: {anchor} {target!r} is not in the file; ignored")
    return True
