"""ACLED exports (the Armed Conflict Location & Event Data project): one event per row.

Every layout ACLED has used is read by its column names: today's (``event_id_cnty, event_date, ...,
timestamp``), the older one (``data_id, iso, event_id_cnty, event_id_no_cnty, ...``), the upper-case
legacy files (``GWNO, EVENT_ID_CNTY, ..., ALLY_ACTOR_1, ...``) and exports with columns removed.
ACLED's events are its coding of reports, so each stays "reported": its claim is read in the export,
which attributes it to the sources it names (they are known only through it: their ``cited_in``).
An actor named on both sides of one event keeps both roles ("actor 1 and actor 2"); an actor ACLED
codes with different actor types (inter1/inter2) in different rows keeps every coding: its side lists
them all, and a warning names a row of each. An event is made of its own row alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from typing import Any

from ..records import LINE_MAX, TEXT_MAX
from . import acled_notes
from .fields import is_placeholder
from .sheet_date_values import Parsed
from .sheet_events import Draft, RowEvents, cell_text
from .sheet_read import Cell
from .sheets import Extras, Sheet

FILE_SOURCE = "acled-file"
COLUMNS = {
    "id": ("event id cnty",),
    "date": ("event date",),
    "precision": ("time precision",),
    "disorder": ("disorder type",),
    "type": ("event type",),
    "subtype": ("sub event type",),
    "actor1": ("actor1", "actor 1"),
    "assoc1": ("assoc actor 1", "ally actor 1", "assoc actor1", "ally actor1"),  # (camelCase: 'assocActor1')
    "inter1": ("inter1", "inter 1"),
    "actor2": ("actor2", "actor 2"),
    "assoc2": ("assoc actor 2", "ally actor 2", "assoc actor2", "ally actor2"),
    "inter2": ("inter2", "inter 2"),
    "targeting": ("civilian targeting",),
    "country": ("country",),
    "admin1": ("admin1", "admin 1"),
    "admin2": ("admin2", "admin 2"),
    "admin3": ("admin3", "admin 3"),
    "location": ("location",),
    "latitude": ("latitude",),
    "longitude": ("longitude",),
    "geo": ("geo precision", "geo precis"),  # (GEO_PRECIS: the upper-case legacy files', a trial)
    "source": ("source",),
    "scale": ("source scale",),
    "notes": ("notes",),
    "fatalities": ("fatalities",),
    "tags": ("tags",),
    "year": ("year",),
}
# Redundant with the columns above (codes, upload times): left out without a warning. (The year is
# read only to check it against event_date.)
DROPPED = ("data id", "iso", "iso3", "event id no cnty", "interaction", "region", "timestamp", "gwno")
_OTHER_IDS = ("data id", "event id no cnty")
# ACLED's actor types: the code (older files) or the words (newer ones), and our actor kind.
INTER = {
    "1": ("State forces", "armed-force"),
    "2": ("Rebel groups", "group"),
    "3": ("Political militias", "group"),
    "4": ("Identity militias", "group"),
    "5": ("Rioters", "group"),
    "6": ("Protesters", "group"),
    "7": ("Civilians", "group"),
    "8": ("External/Other forces", "other"),
}
_KIND_BY_WORDS = {label.lower(): kind for label, kind in INTER.values()}
_LABELS = {label.casefold(): label for label, _ in INTER.values()}
PRECISION_NOTES = {
    "2": "ACLED time precision 2: within a week or so of this day",
    "3": "ACLED time precision 3: some time in this month",
}
SOURCES_SPLIT = re.compile(";")  # ACLED separates its sources with ';' alone ('A|B' is one name, as its claim says)
# A precision finer than the date the file gives ('January 2018' with precision 2): what it means, said
_MEANS = {"2": "within a week or so of the day coded", "3": "some time in the month coded"}
_COARSER = {"2": ("month", "year"), "3": ("year",)}
# No time_precision (an empty cell, or the column removed): the day may stand for a week or a month
NO_PRECISION = "no ACLED time precision given: this day, or a week or the month around it"
NOT_COORDINATES = "as written: not a latitude and a longitude"
LONE_COORDINATE = "as written: no {missing} given"
NO_COUNT = "Fatalities (ACLED count): not given (the cell is empty)"
COUNT = re.compile(r"\d+(\.0)?|\d{1,3}(,\d{3})+")  # '12', '12.0', '1,234' (as a CSV saved from Excel may write it)
_NUMBER = re.compile(r"\d{1,4}(?:\.0*)?")  # a whole number, as a spreadsheet may write it
YEAR_DISAGREES = "the year column and event_date give different years: the date is read from event_date"
GEO_NOTES = {"1": "", "2": "near this place", "3": "somewhere in this region"}  # (1: the place itself)
_CAST = ("actor1", "assoc1", "inter1", "actor2", "assoc2", "inter2")
LAYOUT = "the ACLED layout"  # as a warning names it, of the columns it does not have
RECODED_SHOWN = 20  # actors coded two ways named one by one, with their rows; the rest in one line


def convert(sheet: Sheet) -> dict[str, Any]:
    at, known, events, memo = begin(sheet)
    extras = Extras.of(sheet, known, LAYOUT)
    memo.labels = acled_notes.labels_of(extras.label(p) for p in extras.positions)  # ('population: 5', a re-trial)
    cells_of = _Cells(at, all_text=sheet.table.unit == "line")
    for where, cells in sheet.rows():
        draft = _draft(events, cells_of.row(cells), where, memo)
        if draft is not None:
            if details := extras.details(cells, where):
                draft.fields["summary"] = events.summary([draft.fields.get("summary", ""), *details], where)
            events.drafts.append(draft)
    warn_extras(sheet, at, extras)
    file_notes(sheet, at, events, memo)
    document = events.finish(*heading(sheet), sheet.counts)
    for source in document["sources"]:  # the sources the export names: known only through it
        if source["id"] != FILE_SOURCE:
            source["cited_in"] = FILE_SOURCE
    return document


def begin(sheet: Sheet) -> tuple[dict[str, int | None], set[int], RowEvents, _Memo]:
    """The columns' positions, the positions read (or left out on purpose), the file's events to be and
    the memo: what ``convert`` and the fast reading (``acled_fast``) start from."""
    header = sheet.header
    at = {key: header.find(names) for key, names in COLUMNS.items()}
    # without event_id_cnty, ACLED's other ids are the only ones: kept in the summary as other columns
    dropped = DROPPED if at["id"] is not None else [name for name in DROPPED if name not in _OTHER_IDS]
    known = {p for p in at.values() if p is not None} | {p for p in map(header.index.get, dropped) if p is not None}
    events = RowEvents(sheet.name, sheet.notes, sheet.dates, FILE_SOURCE, f"ACLED export {sheet.name}")
    # what a warning about a row's title, summary or place names: 'line 4 (place): 2,033 characters, ...'
    sheet.notes.columns |= {
        "title": "title",
        "summary": "notes",
        "place": "place",
        "source": "source",
        "actor": "actor",
        "location": "location",
    }
    present = {key: position is not None for key, position in at.items()}
    memo = _Memo(has_precision=present["precision"], has_ids=present["id"], has_fatalities=present["fatalities"])
    return at, known, events, memo


def warn_extras(sheet: Sheet, at: dict[str, int | None], extras: Extras) -> None:
    """The columns ACLED does not have, kept in the summaries, named; not its own other ids, kept there where
    event_id_cnty is missing (``file_notes`` says so)."""
    if at["id"] is None:
        for name in _OTHER_IDS:
            if (position := sheet.header.index.get(name)) is not None:
                extras.used.pop(position, None)
    extras.warn()


def file_notes(sheet: Sheet, at: dict[str, int | None], events: RowEvents, memo: _Memo) -> None:
    """What is said of the whole file once its rows are read."""
    _codings(events, memo)
    if at["precision"] is None:
        sheet.notes.add("", f"no time_precision column: every date is marked approximate ({NO_PRECISION})")
    if at["id"] is not None and memo.lowered is not None:  # an example from the file, where it is
        given, where = memo.lowered
        sheet.notes.add(
            "", f"ACLED event ids are lowercased to make the events' ids ({given} is {given.lower()}, {where})"
        )
    elif at["id"] is None:
        others = [repr(sheet.header.names[p]) for p in map(sheet.header.index.get, _OTHER_IDS) if p is not None]
        kept = f"; its own ({', '.join(others)}) are kept in each summary" if others else ""
        sheet.notes.add("", f"no event_id_cnty column: ids are made from each event's title and date{kept}")


def heading(sheet: Sheet) -> tuple[str, str]:
    """The dataset's title and description."""
    description = (
        f"Converted from the ACLED export {sheet.name}: ACLED's coding of reported events, each attributed "
        "to the sources ACLED names (certainty 'reported')."
    )
    return f"ACLED events: {sheet.stem}", description


class _Cells:
    """A row's cells by field name, stripped; '' for a column the file lacks or a row cut short."""

    def __init__(self, at: dict[str, int | None], *, all_text: bool) -> None:
        self.wanted = [(key, position) for key, position in at.items() if position is not None]
        self.missing = dict.fromkeys((key for key, position in at.items() if position is None), "")
        self.keys = [key for key, _ in self.wanted]
        positions = [position for _, position in self.wanted]
        # A CSV row is all text: one C call takes the wanted cells (the slow path is a tenth as fast).
        self.fast = itemgetter(*positions) if all_text and len(positions) > 1 else None
        self.width = max(positions, default=-1) + 1

    def row(self, cells: list[Cell]) -> dict[str, str]:
        if self.fast is not None and len(cells) >= self.width:
            row = dict(zip(self.keys, map(str.strip, self.fast(cells)), strict=True))
        else:
            width = len(cells)
            row = {
                key: (value.strip() if type(value := cells[p]) is str else cell_text(value)) if p < width else ""
                for key, p in self.wanted
            }
        if self.missing:
            row.update(self.missing)
        return row


@dataclass
class _Memo:
    """What rows repeat, made once: participants per cast, dates per precision, claims per source cell
    (shared by the rows' drafts: the document is only read, by the check that makes records of it)."""

    casts: dict[tuple[str, ...], list[dict[str, str]]] = field(default_factory=dict)
    sides: dict[tuple[str | int, ...], tuple[tuple[str, str], ...]] = field(default_factory=dict)  # ``side_pairs``
    precise: dict[tuple[str, str], Parsed] = field(default_factory=dict)  # (date cell, time_precision)
    claims: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # source cell -> the event's claims
    codings: dict[str, dict[str, str]] = field(default_factory=dict)  # actor id -> {its type: first row}
    has_precision: bool = True  # the file has these columns: an empty cell is said row by row
    has_ids: bool = True
    has_fatalities: bool = True  # (an empty count in such a file is said: 'not given', not left out unsaid)
    lowered: tuple[str, str] | None = None  # the first id lowercased to make an event's, and its row
    labels: tuple[str, ...] = acled_notes.OWN  # the summary's own line openings (``acled_notes``)


def _draft(events: RowEvents, row: dict[str, str], where: str, memo: _Memo) -> Draft | None:
    raw_date = row["date"]
    if not raw_date:
        events.notes.add(where, "no event_date; row skipped")
        return None
    start = events.dates.read(raw_date, where)
    if start is None:
        return None
    if (day := clock_day(start, raw_date)) is not None:
        start = day
        events.notes.group(DAYS_ONLY, where)
    if memo.lowered is None and row["id"] != row["id"].lower():
        memo.lowered = row["id"], where
    if (year := row["year"]) and whole_number(year) != str(start.parts["year"]):
        events.notes.group(YEAR_DISAGREES, where)
    precision = whole_number(row["precision"])
    start = coded(start, raw_date, precision, memo)
    if precision != "1":
        if precision == "" and memo.has_precision:
            events.notes.group(f"no time_precision; the date is marked approximate ({NO_PRECISION})", where)
        elif precision and precision not in PRECISION_NOTES:
            events.notes.add(where, f"time_precision {precision!r} is not 1, 2 or 3; the date is marked approximate")
    if not row["id"] and memo.has_ids:
        events.notes.group("no event_id_cnty; the event's id is made from its title and date", where)
    source = row["source"]
    sources = events.sources(source, f"{where}.source", split=SOURCES_SPLIT)
    # a title that cleans to nothing (a template's placeholder) is said by the note and named plainly
    fields: dict[str, Any] = {"title": events.line(_title(row), f"{where}.title") or "Event"}
    notes = row["notes"]
    if notes and is_placeholder(notes):  # dropped alone, and said: the count and scale below still stand
        notes = events.text(notes, where)
    notes = acled_notes.marked(notes, lambda: events.notes.group(acled_notes.SAID, where), memo.labels)
    after: list[str] = []  # ACLED's own fields, after the notes
    if fatalities := row["fatalities"]:
        if COUNT.fullmatch(fatalities):
            after.append(f"Fatalities (ACLED count): {fatalities}")
        else:  # said where it is read too, not only in a warning
            after.append(f"Fatalities (ACLED count, as written; not a number): {fatalities}")
            events.notes.group(f"fatalities {fatalities!r} is not a count: shown as written", where)
    elif memo.has_fatalities:  # (a trial: an empty cell read as a file without the column, unsaid)
        after.append(NO_COUNT)
    if row["scale"]:
        after.append(f"Source scale: {row['scale']}")
    notes = _cut_before(events, notes, after, TEXT_MAX, f"{where}.summary", "the fatalities and source scale")
    summary = events.text("\n\n".join(p for p in (notes, *after) if p), where)
    fields["summary"] = events.summary([summary], f"{where}.summary")
    if not coordinates_or_none(row["latitude"], row["longitude"]):
        events.notes.group(
            f"latitude and longitude that are not coordinates: kept in the place, {NOT_COORDINATES}", where
        )
    elif bool(row["latitude"]) != bool(row["longitude"]):
        events.notes.group("a latitude without a longitude, or the reverse: kept in the place, as written", where)
    place = _place(row)
    if len(place) > LINE_MAX and row["location"]:  # the location cut, not the country and coordinates after it
        rest = place_of(("", row["admin3"], row["admin2"], row["admin1"], row["country"]), *_coordinates_of(row))
        location = _cut_before(
            events, row["location"], [rest], LINE_MAX, f"{where}.location", "the places and coordinates", ", "
        )
        place = place_of((location, *_names_of(row)[1:]), *_coordinates_of(row))
    if place := events.line(place, f"{where}.place", memo=False):  # unique to the row (its coordinates)
        fields["place"] = place
    cast = tuple(row[key] for key in _CAST)
    if (participants := memo.casts.get(cast)) is None:
        participants = memo.casts[cast] = take_cast(events, row, where, memo)
    fields["actors"] = participants
    fields["sources"] = sources
    # ACLED joins two disorder types with ';' ('Political violence; Demonstrations'): each a tag, as the tags' own
    tag_words = [*row["disorder"].split(";"), row["type"], row["subtype"], row["targeting"], *row["tags"].split(";")]
    fields["tags"] = events.tags([w for w in tag_words if w.strip()], where)
    if (claims := memo.claims.get(source)) is None:  # one list per source cell, shared: nothing changes it
        # read in the export, which attributes it to the sources it names
        said = statement(events.line(source, f"{where}.source"))
        claims = memo.claims[source] = [{"by": [], "statement": said, "source": FILE_SOURCE, "cited": sources}]
    fields["certainty"] = "reported"
    fields["claims"] = claims
    return Draft(where, fields, start, given_id=row["id"].lower(), written_id=row["id"])  # AFG1001: afg1001, said once


DAYS_ONLY = "a time of day in an event_date read as the day: ACLED's event dates are days (some exports add a time)"


def clock_day(start: Parsed, raw_date: str) -> Parsed | None:
    """A date with a time ('2018-01-16T00:00:00Z', as a data frame writes a day; '2018-01-16T10:30:00Z') as the
    day written, the cell quoted in its note; None for a date without one. ACLED codes days, never times: a time
    would claim a minute ACLED never gave (a trial found 10:30 drawn to the minute, 'within a week' of it)."""
    parts = start.parts
    if "hour" not in parts or start.end is not None:
        return None
    # (the cell as written, in place of the reader's note of its seconds: a re-trial found them said twice)
    kept = [part for part in (start.note or "").split("; ") if part and not part.startswith("the file gives ")]
    written = " ".join(raw_date.split())
    note = f"the file gives {written!r}, a time ACLED does not code (its dates are days): read as the day"
    day = {name: parts[name] for name in ("year", "month", "day")}
    return replace(start, parts=day, offset=None, seconds=None, note="; ".join([*kept, note]))


def coded(start: Parsed, raw_date: str, precision: str, memo: _Memo) -> Parsed:
    """The date as ACLED's time_precision codes it: as read for a day coded 1 (``precise`` for the rest)."""
    return start if precision == "1" and _finest(start) == "day" else precise(start, raw_date, precision, memo)


def _finest(start: Parsed) -> str:
    return "day" if "day" in start.parts or start.pair is not None else "month" if "month" in start.parts else "year"


def precise(start: Parsed, raw_date: str, precision: str, memo: _Memo) -> Parsed:
    """The date as precise as ACLED's time_precision says: made once per date and precision (the
    parsed date is the one ``SheetDates`` keeps for this text, so the pair stands for it)."""
    key = (raw_date, precision)
    if (known := memo.precise.get(key)) is not None:
        return known
    # the date's own note (a two-digit year read as 2020, say) is kept before ACLED's
    kept = f"{start.note}; " if start.note else ""
    finest = _finest(start)
    if precision == "1":  # a day coded, a month or year written: what is written, said (a trial found it unsaid)
        made = replace(start, note=kept + f"ACLED time precision 1, the day: the date gives only the {finest}")
    elif precision in _COARSER and finest in _COARSER[precision]:  # 'January 2018' coded to the week around a day
        note = kept + f"ACLED time precision {precision}, {_MEANS[precision]}: the date gives only the {finest}"
        made = replace(start, approximate=True, end_approximate=True, note=note)
    else:
        # no precision, or one ACLED has not (the day, a week or the month around it): read as the widest, the month,
        # as precision 3 is (a trial: read as about the day, date:2018-01-23 missed a 15 January it may be, unsaid)
        unknown = f"ACLED time precision {precision!r} is not 1, 2 or 3: this day, or a week or the month around it"
        said = (
            PRECISION_NOTES.get(precision, NO_PRECISION) if precision in PRECISION_NOTES or not precision else unknown
        )
        if finest != "day" and precision not in PRECISION_NOTES:  # ('2017-12' with none: 'this day, or ...' of no day)
            said = f"{said.split(':')[0]}: the date gives only the {finest}"
        note = kept + said
        month = precision not in ("1", "2")
        if month and (coded := _coded_day(start, raw_date)):  # shown as the month, it was nowhere (a trial)
            note += f" (the export codes the day {coded})"
        made = replace(start, approximate=True, end_approximate=True, note=note, month_only=month)
    memo.precise[key] = made
    return made


def _coded_day(start: Parsed, raw_date: str) -> str:
    """The day a date cell codes, for its note: from its parts, or as written where its order of day and month is
    still open ('03/02/2018'), if plain; '' for a cell without a day ('August 2021': no day coded, a review) or with
    characters a note may not hold (a control or a direction mark: the note refused it, its row dropped)."""
    if "day" not in start.parts:
        return ""
    if start.pair is None:
        year, month, day = (start.parts[name] for name in ("year", "month", "day"))
        return f"{year:04d}-{month:02d}-{day:02d}" if year > 0 else ""
    written = " ".join(raw_date.split())
    return written if written.isascii() and written.isprintable() else ""


def whole_number(cell: str) -> str:
    """A code or a year as a spreadsheet may write it: '2', '2.0', '02' and '2.00' are '2'."""
    code = cell.strip()
    if _NUMBER.fullmatch(code):
        code = str(int(float(code)))
    return code


def statement(source: str) -> str:
    names: dict[str, str] = {}  # each once, where first named: 'AP; AP; Reuters' is AP, Reuters
    for name in source.split(";"):
        if name := " ".join(name.split()):
            names.setdefault(name.casefold(), name)
    named = ", ".join(f"\u201c{n}\u201d" if "," in n else n for n in names.values())  # ('Reuters, AFP': one source)
    statement = (
        f"Reported by {named}; coded by ACLED"
        if named
        else "Coded by ACLED; the reports it coded are not named in this file"
    )
    return " ".join(statement.split())[:LINE_MAX]  # a claim is one line


def _title(row: dict[str, str]) -> str:
    return title_of(row["subtype"], row["type"], row["location"], row["admin1"], row["country"])


def title_of(subtype: str, kind: str, location: str, admin1: str, country: str) -> str:
    what = subtype or kind or "Event"
    where = location or admin1 or country
    return f"{what} in {where}" if where else what


def _place(row: dict[str, str]) -> str:
    return place_of(_names_of(row), *_coordinates_of(row))


def _names_of(row: dict[str, str]) -> tuple[str, ...]:
    return row["location"], row["admin3"], row["admin2"], row["admin1"], row["country"]


def _coordinates_of(row: dict[str, str]) -> tuple[str, str, str]:
    return row["latitude"], row["longitude"], row["geo"]


def _cut_before(
    events: RowEvents, text: str, after: list[str], limit: int, where: str, kept: str, joint: str = "\n\n"
) -> str:
    """``text`` cut so that it and what follows it (``after``, joined by ``joint``) fit in ``limit``:
    a long cell gives way, not the fields the export adds after it (a count, the coordinates), said."""
    fits = limit - sum(len(part) + len(joint) for part in after if part)
    if len(text) <= fits:
        return text
    room = fits - 1  # and the '…' that marks the cut
    events.notes.add(where, f"{len(text):,} characters, cut to {max(room, 0):,} so that {kept} after it are kept")
    return text[: max(room, 0)] + "…"


def place_of(names: tuple[str, ...], latitude: str, longitude: str, geo: str) -> str:
    """'Location, Admin3, Admin2, Admin1, Country (lat, lon)': each name once, coordinates kept."""
    shown: list[str] = []
    folded: set[str] = set()
    for name in names:
        if name and (fold := name.casefold()) not in folded:
            folded.add(fold)
            shown.append(name)
    place = ", ".join(shown)
    if latitude and longitude:
        note = geo_note(geo) if coordinates(latitude, longitude) else NOT_COORDINATES
        place += f" ({latitude}, {longitude}" + (f"; {note}" if note else "") + ")"
    elif latitude or longitude:  # one alone: no point, but not to be lost
        given, missing = ("latitude", "longitude") if latitude else ("longitude", "latitude")
        place += f" ({given} {latitude or longitude}; {LONE_COORDINATE.format(missing=missing)})"
    return place.strip()


def geo_note(geo: str) -> str:
    """How near the coordinates are, by ACLED's geo precision; for none, or a code that is none of ACLED's,
    said (they were shown as the place itself, code 1's: a trial)."""
    if (note := GEO_NOTES.get(geo.removesuffix(".0"))) is not None:
        return note
    return "how near, not said: its geo precision is none of ACLED's (1, 2, 3)" if geo else "how near, not given"


def coordinates_or_none(latitude: str, longitude: str) -> bool:
    """No coordinates (a cell empty), or a latitude and a longitude: nothing to say of them."""
    return not latitude or not longitude or coordinates(latitude, longitude)


def coordinates(latitude: str, longitude: str) -> bool:
    """Whether the two cells are a latitude and a longitude (numbers within ±90 and ±180)."""
    try:
        return abs(float(latitude)) <= 90 and abs(float(longitude)) <= 180
    except ValueError:
        return False


def take_cast(events: RowEvents, row: dict[str, str], where: str, memo: _Memo) -> list[dict[str, str]]:
    """The row's participants, one per actor: an actor named in several roles (the same rioters on
    both sides) keeps them all in one role, 'actor 1 and actor 2'. Made once per cast, so the first row
    of each cast is the first row of each coding it holds: ``memo.codings`` records those rows."""
    first = side_pairs(events, (row["actor1"], row["assoc1"], row["inter1"]), 0, where, memo)
    second = side_pairs(events, (row["actor2"], row["assoc2"], row["inter2"]), 1, where, memo)
    return [{"actor": actor, "role": role} for actor, role in merged_roles(first, second)]


def merged_roles(*sides: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """(actor, role) for each actor the sides name, in the order first named, its roles in one."""
    roles: dict[str, list[str]] = {}
    for pairs in sides:
        for actor, role in pairs:
            if role not in (parts := roles.setdefault(actor, [])):
                parts.append(role)
    return [(actor, parts[0] if len(parts) == 1 else _role(parts)) for actor, parts in roles.items()]


# Each side's roles: the actor's, and the associated actors'.
_SIDES = (("actor 1", "associated with actor 1"), ("actor 2", "associated with actor 2"))


def side_pairs(
    events: RowEvents, cells: tuple[str, str, str], side: int, where: str, memo: _Memo
) -> tuple[tuple[str, str], ...]:
    """One side's (actor, role) pairs, in the order named, from its cells (actor, associated actors,
    actor type). Sides repeat more than casts do: each is made once, at its first row (which is the
    first row of the first cast holding it, so the codings are recorded where they would be per
    cast), unless something was said of it (said again then)."""
    key = (*cells, side)
    if (known := memo.sides.get(key)) is not None:
        return known
    said = events.notes.said
    primary_role, assoc_role = _SIDES[side]
    written_actor, assoc, inter = cells
    label, kind = _inter(inter)
    names = [(written_actor, primary_role)]
    if assoc:
        names += [(n.strip(), assoc_role) for n in assoc.split(";")]
    pairs: list[tuple[str, str]] = []
    for written, role in names:
        if not written or not (name := events.line(written, f"{where}.actor")):  # as every cell: no control characters
            continue
        actor_kind = "police-force" if kind == "armed-force" and "police" in name.lower() else kind
        primary = role is primary_role
        actor = events.actors.take(name, actor_kind if primary else "other", label if primary else None)
        if primary and label is not None:
            if (coded := memo.codings.get(actor)) is None:
                memo.codings[actor] = {label: where}
            elif label not in coded:
                coded[label] = where
        pairs.append((actor, role))
    made = tuple(pairs)
    if events.notes.said == said:
        memo.sides[key] = made
    return made


def _role(parts: list[str]) -> str:
    """'actor 1', 'actor 1 and actor 2', 'associated with actor 1 and actor 2'; roles of both kinds apart,
    'actor 1; associated with actor 1 and actor 2' ('and' alone read as associated with both)."""
    own = [role for role in parts if not role.startswith("associated with ")]
    associated = [role.removeprefix("associated with ") for role in parts if role.startswith("associated with ")]
    joined = [" and ".join(own)] if own else []
    return "; ".join([*joined, *(["associated with " + " and ".join(associated)] if associated else [])])


def _codings(events: RowEvents, memo: _Memo) -> None:
    """An actor ACLED codes with different actor types in different rows (an armed group 'Political
    militias' here, 'External/Other forces' there): said, with the first row of each (the first
    ``RECODED_SHOWN`` actors one by one, the rest named in one line); its side lists every coding, in
    the order met. An actor first met without a coding (an associated actor) gets the coding a later
    row gives it as its side, and its kind."""
    records = {actor["id"]: actor for actor in events.actors.actors}
    named = 0
    more: list[str] = []  # actors past the ones named one by one
    for actor_id, coded in memo.codings.items():
        record = records[actor_id]
        if len(coded) > 1 and named < RECODED_SHOWN:
            named += 1
            shown = ", ".join(f"{label!r} ({where})" for label, where in coded.items())
            events.notes.add(
                "",
                f"ACLED codes {record['name']!r} as {len(coded)} different actor types, first in these rows: "
                f"{shown}; its side lists them all, and its kind ({record['kind']}) follows the first",
            )
        elif len(coded) > 1:
            more.append(record["name"])
        if record.get("side") != (side := " ".join("; ".join(coded).split())[:LINE_MAX]):  # as ``take`` writes it
            record["side"] = side
        # its kind from its first coding, also where it was first met without one (an associated actor)
        kind = _inter(next(iter(coded)))[1]
        record["kind"] = "police-force" if kind == "armed-force" and "police" in record["name"].lower() else kind
    if more:
        listed = ", ".join(repr(name) for name in more[:5]) + (", ..." if len(more) > 5 else "")
        events.notes.add(
            "",
            f"{len(more):,} more actors are coded as different actor types in different rows ({listed}): each "
            "one's side lists its codings, and its kind follows the first",
        )


@lru_cache(maxsize=256)  # a file has a handful of actor types, on every row
def _inter(value: str) -> tuple[str | None, str]:
    code = value.removesuffix(".0")
    if code in INTER:
        return INTER[code]
    if value:
        known = _LABELS.get(value.casefold())  # 'rioters' is ACLED's 'Rioters': one coding, not two
        # a value none of ACLED's (a code 9, a label of a newer release): kept as the side, its kind not guessed
        return (known, _KIND_BY_WORDS[known.lower()]) if known else (value, "other")
    return None, "other"
