"""Our own CSV export read back: every id, title, date, precision, zone and anchor as it was written.

Its dates are ISO 8601 exactly as our dataset writes them (astronomical years: ``-0299`` is 300 BCE),
the precision column says how precise the start is, and text cells lose the apostrophe the export
puts before a leading formula character (the documented neutralisation, undone exactly).
Actors come back by name with their role. Sources and claims come back whole from the row's
``provenance`` cell (``csv_provenance``, read by ``csv_provenance_read``) where the sources and claims
cells are still what the export wrote with it; else, and in a file without it, as text: sources by
title and address, and the claims of an event (confirmed or not) as one claim holding the claims
cell. The cell's quotes and its actors' descriptions come back from it whatever became of those cells.

A file with the columns this version added (``ADDED_COLUMNS``: the end's approximation, note and
zone label, the start's zone label) escapes the items of its actors and sources cells (a backslash
before a character the import would read as structure, ``csv_export.list_part``): it is read with
those escapes, and each name, role, title and address comes back exactly as written. A file without
them (an older export, or a hand-written one with the older columns) is read exactly as before: no
escapes, names and titles with their spacing tidied, its ``date_note`` the start's.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from ..dates import ZONE_NOTE
from ..model import checked_when
from ..provenance import FILE_STATED_NOTE
from ..records import LINE_MAX, ZONE_LABEL_MAX, When
from ..text import CONTROL, LINE_BREAK, SLUG_PATTERN, has_control
from ..wording import count
from .builder import ActorBook, dump_event
from .csv_export import ADDED_COLUMNS, COLUMNS, read_cell
from .csv_lists import ESCAPE, ROLE_ESCAPED, SOURCE_ESCAPED
from .csv_provenance_read import FILE_LISTED, FILE_SOURCE, ProvenanceReader
from .html_text import Link
from .ids import MAX_ID, IdAllocator
from .sheet_events import cell_text
from .sheet_layouts import normal
from .sheets import Sheet
from .timelinejs_media import SourceBook

UNNAMED = "as the file states, without naming who claims it"  # a claimed event's claim with no words
ANCHORS = ("after", "before", "shown_after", "shown_before")  # stated orders, then reading positions
_ISO = re.compile(r"^(-?\d{1,12}(?:-\d{2}(?:-\d{2})?)?)(?:T(\d{2}:\d{2})([+-]\d{2}:\d{2})?)?$")
_ACTOR = re.compile(r"^(.*\S)\s+\(([^()]*)\)$")
_SOURCE = re.compile(r"^(.*\S)\s+<(\S+)>$")
_ESCAPABLE = set(ROLE_ESCAPED + SOURCE_ESCAPED)
Token = tuple[str, bool]  # a character, and whether it was escaped (text, never structure)

# The certainty cell of a row that came from a file without certainties (``provenance.certainty_text``)
LISTED_CELL = f"confirmed ({FILE_STATED_NOTE})"
LISTED_NOTE = "its rows confirmed only as the file they came from lists them, with no certainty of its own read"


def convert(sheet: Sheet) -> dict[str, Any]:
    at = {name: sheet.header.find([normal(name)]) for name in COLUMNS}  # 'date_note' is found as 'date note'
    escaped = any(at[name] is not None for name in (*ADDED_COLUMNS, "provenance"))  # see the module's docstring
    book, ids = SourceBook(_reader(sheet), reserved=(FILE_SOURCE, FILE_LISTED)), IdAllocator()
    actors = ActorBook(exact=escaped)
    provenance = ProvenanceReader(sheet, book, actors, column=at["provenance"] is not None)
    events: list[dict[str, Any]] = []
    for where, cells in sheet.rows():

        def cell(name: str, cells: list[Any] = cells, where: str = where) -> str:
            position = at[name]
            raw = cells[position] if position is not None and position < len(cells) else ""
            if isinstance(raw, datetime):  # a workbook's date and time cell: as our export writes a time (no zone)
                if raw.second or raw.microsecond:
                    sheet.notes.group(
                        "seconds of a date and time cell are finer than minute precision: not kept", where
                    )
                raw = raw.strftime("%Y-%m-%dT%H:%M")
            text = raw if isinstance(raw, str) else cell_text(raw)  # as written: spaces are the title's own
            if has_control(text):
                sheet.notes.group("control characters removed (they would reach the terminal as escape codes)", where)
                text = CONTROL.sub("", text)
            return read_cell(text, name)

        event = _event(sheet, cell, where, provenance, ids, escaped)
        if event is not None:
            events.append(event)
    provenance.as_described()
    kept, known = events, set[str]()
    while len(known) != len(kept):  # an event dropped for its anchor may be another's anchor
        known = {e["id"] for e in kept}
        kept = [e for e in kept if _anchors_known(sheet, e, known)]
    sheet.counts.events = len(kept)
    dropped = Counter(quote["event"] for quote in provenance.quotes if quote["event"] not in known)
    for event_id, number in dropped.items():  # (its row is named in a warning above)
        sheet.notes.add("", f"event {event_id!r} skipped: {count(number, 'quote')} of it not read")
    for note in (actors.respelt_note(), book.respelt_note()):
        if note is not None:
            sheet.notes.add("", note)
    file_source = {"id": FILE_SOURCE, "title": f"CSV export {sheet.name}", "kind": "document"}
    listed = [{"id": FILE_LISTED, "title": f"CSV export {sheet.name}", "kind": "document", "note": LISTED_NOTE}]
    listed = listed if any(e["sources"][0] == FILE_LISTED for e in kept) else []
    records = provenance.actor_records()
    quotes = [quote for quote in provenance.quotes if quote["event"] in known]  # (a row skipped: its quotes)
    given = provenance.given_ids
    renamed, refused = actors.settle({made: wanted for made, (wanted, _) in given.items()})  # whatever the order
    if renamed:  # the ids the export gives
        _rename_actors(renamed, kept, quotes, records)
    names = {record["id"]: record["name"] for record in records}
    for made in refused:
        wanted, where = given[made]
        now = renamed.get(made, made)
        sheet.notes.add(
            where, f"actor {names[now]!r}: id {wanted!r} is not a lowercase slug, or another actor's; it is {now!r}"
        )
    return {
        "schema_version": 1,
        "title": sheet.stem,
        "timezone": "UTC",
        "sources": [file_source, *listed, *book.sources],
        "actors": records,
        "events": [dump_event(e) for e in kept],
        "quotes": quotes,
    }


def _rename_actors(
    renamed: dict[str, str], events: list[dict[str, Any]], quotes: list[dict[str, Any]], actors: list[dict[str, Any]]
) -> None:
    """Every mention of an actor by id given its new id (``ActorBook.settle``): participants, claimants,
    speakers and relations' targets."""
    for event in events:
        for participant in event.get("actors", ()):
            participant["actor"] = renamed.get(participant["actor"], participant["actor"])
        for claim in event.get("claims", ()):
            claim["by"] = [renamed.get(actor, actor) for actor in claim.get("by", ())]
    for quote in quotes:
        if "speaker" in quote:
            quote["speaker"] = renamed.get(quote["speaker"], quote["speaker"])
    for actor in actors:
        for relation in actor.get("relations", ()):
            relation["target"] = renamed.get(relation["target"], relation["target"])


def _reader(sheet: Sheet) -> Any:
    from .fields import FieldReader

    return FieldReader(sheet.notes)


def _event(sheet: Sheet, cell: Any, where: str, provenance: ProvenanceReader, ids: IdAllocator, escaped: bool) -> Any:
    book, actors = provenance.book, provenance.actors
    given = cell("id")
    wanted = given if SLUG_PATTERN.fullmatch(given) and len(given) <= MAX_ID else ""
    title = cell("title")
    if LINE_BREAK.search(title) or len(title) > LINE_MAX:  # our export's are: keep them exact
        title = sheet.notes_reader.line(title, where)
    title = title or "Untitled row"
    event_id = ids.take(wanted or f"event-{where.split()[-1]}")
    if event_id != given:
        sheet.notes.add(where, f"id {given!r} is not a unique lowercase slug; the event's id is {event_id!r}")
    fields: dict[str, Any] = {"id": event_id, "title": title, "summary": cell("summary")}
    start_fields = (_true(cell("approximate")), cell("date_note") or None, cell("zone_label"))
    end_fields = (_true(cell("end_approximate")), cell("end_note") or None, cell("end_zone_label"))
    when = _when(sheet, cell("start"), cell("precision"), *start_fields, where)
    end = _when(sheet, cell("end"), "", *end_fields, where)  # its precision is its date's
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

    def line(text: str) -> str:  # a one-line field: as written in a file of this version (see the docstring)
        return _exact_line(sheet, text, where) if escaped else sheet.notes_reader.line(text, where)

    if place := line(cell("place")):
        fields["place"] = place
    fields["actors"] = (
        _escaped_actors(sheet, cell("actors"), actors, where) if escaped else _actors(cell("actors"), actors)
    )
    fields["tags"] = [t for t in re.split(r";\s*", cell("tags")) if t and SLUG_PATTERN.fullmatch(t)]
    certainty = cell("certainty") or "confirmed"
    listed = certainty == LISTED_CELL  # confirmed only as the file it came from lists it: kept so
    file = FILE_LISTED if listed else FILE_SOURCE
    certainty = "confirmed" if listed else certainty
    if certainty != "confirmed":
        fields["certainty"] = certainty
    detail = provenance.read(cell("provenance"), cell("sources"), cell("claims"), where)
    if detail is not None:  # who claims what, and where each source was read, as the dataset had it
        fields["sources"] = [file, *provenance.sources(detail.sources, where)]
        fields["claims"] = [provenance.claim(claim, where) for claim in detail.claims]
    elif escaped:
        written: list[tuple[str, tuple[str, str | None]]] = []
        fields["sources"] = [file, *_escaped_sources(sheet, cell("sources"), book, where, written)]
        provenance.text_rows.append((where, fields, written))
    else:
        fields["sources"] = [file, *_sources(sheet, cell("sources"), book, where)]
    # The claims cell, whatever the certainty: a confirmed event's accounts are kept too (the model
    # allows them; a confirmed event only does not need one).
    if detail is None and (statement := line(cell("claims"))):
        fields["claims"] = [{"by": [], "statement": statement, "source": FILE_SOURCE}]
    if certainty != "confirmed" and not fields.get("claims"):
        fields["claims"] = [{"by": [], "statement": UNNAMED, "source": FILE_SOURCE}]
    if (extra := provenance.extra) is not None:
        provenance.describe(extra.actors, where)
        provenance.quote(extra.quotes, event_id, where)
        named = [p["actor"] for p in fields["actors"]] + [b for c in fields.get("claims", ()) for b in c["by"]]
        named += [actors.take(q.speaker) for q in extra.quotes if q.speaker is not None]
        undescribed = set(named) - {actors.take(note.name) for note in extra.actors}
        provenance.undescribed(undescribed, where)
        if undescribed and any(note.id is not None for note in extra.actors):  # (this version's export names each)
            names = sorted(record["name"] for record in actors.actors if record["id"] in undescribed)
            sheet.notes.add(  # (a re-trial renamed an actor in the actors cell: a new actor, unsaid)
                where,
                f"{', '.join(map(repr, names))}: named in the row, not in its provenance cell (changed since the "
                "export?): read as named",
            )
    return fields


def _true(text: str) -> bool:
    """'true' as we write it, or 'TRUE' as a spreadsheet saves the cell it read as a truth value."""
    return text.strip().lower() == "true"


def _when(
    sheet: Sheet, text: str, precision: str, approximate: bool, note: str | None, zone: str, where: str
) -> When | None:
    if not text:
        return None
    match = _ISO.match(text)
    if match is None:
        sheet.notes.add(where, f"{text!r} is not an ISO 8601 date as our export writes them; date ignored")
        return None
    date, clock, offset = match.groups()
    if clock and not offset:  # (a workbook's time cell, or a time typed without its offset): read as UTC, said
        sheet.notes.group("times without a UTC offset read as UTC (+00:00), the dataset's time zone", where)
        offset, note = "+00:00", "; ".join(filter(None, (note, ZONE_NOTE)))
    if zone and not clock:
        sheet.notes.add(where, f"zone label {zone[:40]!r} given for {text!r}, which has no clock time; label ignored")
    if zone and (LINE_BREAK.search(zone) or len(zone) > ZONE_LABEL_MAX):
        sheet.notes.add(where, f"zone label {zone[:40]!r} is not one line of at most {ZONE_LABEL_MAX}; label ignored")
        zone = ""
    parts = date.lstrip("-").count("-") + 1
    shown = precision or ("minute" if clock else ("year", "month", "day")[parts - 1])
    try:
        return checked_when(
            date=f"{date}T{clock}" if clock else date,
            precision=shown,  # validated by the model
            approximate=approximate,
            utc_offset=offset if clock else None,
            zone_label=zone if clock and zone else None,
            note=note,
        )
    except ValidationError as error:
        message = error.errors()[0]["msg"].removeprefix("Value error, ")
        sheet.notes.add(where, f"{text!r} ({shown}): {message}; date ignored")
        return None


def _actors(text: str, actors: ActorBook) -> list[dict[str, str]]:
    out: dict[tuple[str, str], dict[str, str]] = {}  # (one actor in two roles: both kept, a re-trial found one lost)
    for item in filter(None, (part.strip() for part in text.split(";"))):
        match = _ACTOR.match(item)
        name, role = (match.group(1), match.group(2)) if match else (item, "named in the file")
        actor, role = actors.take(name), " ".join(role.split())[:LINE_MAX] or "named in the file"
        out.setdefault((actor, role), {"actor": actor, "role": role})
    return list(out.values())


def _sources(sheet: Sheet, text: str, book: SourceBook, where: str) -> list[str]:
    ids: list[str] = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        match = _SOURCE.match(item)
        found = book.link(Link(match.group(2), match.group(1)), where) if match else book.named(item)
        if found and found not in ids:
            ids.append(found)
    return ids


def _tokens(text: str) -> list[Token]:
    """The characters of a list cell, a backslash before an escapable one (``csv_export.list_part``)
    taken as making it text; any other backslash is itself text."""
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1 : index + 2]
        if char == ESCAPE and following and (following in _ESCAPABLE or following.isspace()):
            tokens.append((following, True))
            index += 2
        else:
            tokens.append((char, False))
            index += 1
    return tokens


def _is(token: Token, chars: str) -> bool:
    return not token[1] and token[0] in chars


def _blank(token: Token) -> bool:
    return not token[1] and token[0].isspace()


def _trimmed(tokens: list[Token]) -> list[Token]:
    start, end = 0, len(tokens)
    while start < end and _blank(tokens[start]):
        start += 1
    while end > start and _blank(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


def _items(text: str) -> list[list[Token]]:
    """The items of an escaped list cell: split at each ';' that is not escaped, trimmed, none empty."""
    items: list[list[Token]] = [[]]
    for token in _tokens(text):
        if _is(token, ";"):
            items.append([])
        else:
            items[-1].append(token)
    return [item for item in map(_trimmed, items) if item]


def _text(tokens: list[Token]) -> str:
    return "".join(char for char, _ in tokens)


def _last_part(item: list[Token], opening: str, closing: str) -> tuple[str, str] | None:
    """(what comes before, what is inside) for an item ending with ' (role)' or ' <address>' (the
    brackets not escaped, none inside), else None: as the older layout's patterns read them."""
    if len(item) < 4 or not _is(item[-1], closing):
        return None
    opened = max((i for i, token in enumerate(item) if _is(token, opening)), default=-1)
    if opened < 2 or not _blank(item[opened - 1]) or any(_is(t, opening + closing) for t in item[opened + 1 : -1]):
        return None
    return _text(_trimmed(item[:opened])), _text(item[opened + 1 : -1])


def _escaped_actors(sheet: Sheet, text: str, actors: ActorBook, where: str) -> list[dict[str, str]]:
    out: dict[tuple[str, str], dict[str, str]] = {}  # (one actor in two roles: both kept, as ``_actors``)
    for item in _items(text):
        found = _last_part(item, "(", ")")
        name, role = found if found else (_text(item), "")
        actor, role = actors.take(name), _exact_line(sheet, role, where) or "named in the file"
        out.setdefault((actor, role), {"actor": actor, "role": role})
    return list(out.values())


def _exact_line(sheet: Sheet, text: str, where: str) -> str:
    """``text`` as written when our format takes it as one line (blanks at its ends are its own), else
    folded onto one and cut, with a warning."""
    if LINE_BREAK.search(text) or len(text) > LINE_MAX:
        return sheet.notes_reader.line(text, where)
    return text


def _escaped_sources(
    sheet: Sheet, text: str, book: SourceBook, where: str, written: list[tuple[str, tuple[str, str | None]]]
) -> list[str]:
    """The sources the cell names; ``written``: each one's id, with its title and address as written."""
    ids: list[str] = []
    for item in _items(text):
        found = _last_part(item, "<", ">")
        title, url = found if found and found[1] else (_text(item), "")
        address = book.safe_url(url, where) if url else None  # a refused address: the source by title, warned
        if url and not url.strip():
            sheet.notes.add(where, f"link {url!r} is blank; ignored")
        if address is not None and address != url:
            sheet.notes.add(where, f"link {url[:60]!r} kept as {address[:60]!r}")
        source = book.as_written(_exact_line(sheet, title, where) or address or "Untitled source", address)
        written.append((source, (title, url or None)))
        if source not in ids:
            ids.append(source)
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
