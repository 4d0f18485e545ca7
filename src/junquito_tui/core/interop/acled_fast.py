"""A fast reading of an ACLED export: the dataset's records made straight from the rows, to show
while the ordinary import (``acled.convert``, then the contract) checks the same bytes in another
process (``checking``), which shows it only if both readings are equal, warnings and counts included.

It is the ordinary import without its document of dicts and without the contract's second pass
over them: the same cell reading, dates, actors, sources, tags and notes (the same functions, each
kind called in the rows' order), then records in place of dicts. It reads only what the ordinary
import reads without a word about any row: a file with its id and time precision columns, holding
no control or undrawable character anywhere (so nothing it shows can reach the terminal as an
escape, whatever the column); columns ACLED does not have are kept in the summary, as the ordinary
import keeps them. For a row that would be warned about, skipped or given a made id, a date with
a clock time or a range, a file the table reader warns about... it answers None, and the file is
read the ordinary way. Nothing here raises: in doubt, None.
"""

from __future__ import annotations

import csv
import dataclasses
import operator
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, compress, count, islice, repeat
from pathlib import Path
from typing import Any

from .. import fast_json
from ..files import Progress, row_limit
from ..loader import Loaded
from ..memory import collector_paused
from ..order_graph import key_number
from ..records import (
    MAX_ID,
    TEXT_MAX,
    Actor,
    ActorKind,
    Certainty,
    Claim,
    Dataset,
    Event,
    Participant,
    Source,
    SourceKind,
    When,
)
from ..text import SLUG_PATTERN
from . import acled, acled_notes, acled_part, acled_wire
from .fields import is_placeholder, not_placeholders, plain_lines, without_fillers
from .quick_csv import NotQuick, QuickCsv, blocks, open_quick
from .sheet_date_values import Parsed
from .sheet_events import RowEvents
from .sheet_layouts import Header, layout_of
from .sheet_read import SAMPLE_BYTES, _filled, _header_name, open_table
from .sheet_when import SheetDates
from .sheets import Extras, Sheet
from .timelinejs_import import TIMEZONE

# The cells read, in this order (every one of them must be in the file).
_KEYS = (
    "id", "date", "precision", "disorder", "type", "subtype", "actor1", "assoc1", "inter1", "actor2", "assoc2",
    "inter2", "targeting", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo",
    "source", "scale", "notes", "fatalities", "tags", "year",
)  # fmt: skip
_REPORTED = Certainty.REPORTED
_FIRST, _SECOND, _THIRD = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)
CHUNK = 4096  # rows read a column at a time
_GEO_SUFFIXES = {
    code + tail: f"; {note}" if note else "" for code, note in acled.GEO_NOTES.items() for tail in ("", ".0")
}
# The events' fields made a column at a time (the rest: their defaults, and certainty 'reported').
_COLUMNS = ("where", "id", "start", "cited", "title", "summary", "place", "actors", "tags")


class _Refused(Exception):
    """The ordinary import would say something of this row or file: it is read that way."""


def read_fast(
    path: Path,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    shown: Path | None = None,
    *,
    split: float | None = None,
    part: acled_part.Reading | None = None,
) -> Loaded | None:
    """The loaded dataset, warnings and counts ``load_with_report`` gives for ``path`` (a CSV file; or
    for ``shown``, of which ``path`` is a private copy), or None. A large file's last part is read by
    a second process (``acled_part``; ``split``: its share, where not the default; ``part``: the
    process, started before for this file, stopped here)."""
    rows = row_limit(max_bytes)
    try:
        if part is None:
            part = acled_part.start(path, split)  # first: its start-up overlaps the scans below
        scanned = (0, part.offset if part is not None else None)  # (the part's bytes are looked into by it)
        if has_raw_control(path, *scanned):  # whatever the columns: nothing shown before the check can be an escape
            return None
        try:
            # the csv module alone, reading the file as open_table does (up to the part, if any)
            quick = open_quick(path, scanned=scanned, end=scanned[1])
        except NotQuick:
            quick = None
        if quick is not None:
            try:
                with quick:
                    return _sheet(Sheet(path, quick.table, None, progress, shown=shown, max_rows=rows), quick, part)
            except NotQuick:  # a row over several lines, say: read again, line by line
                pass
        if part is not None:  # all read here: the part's bytes looked into too
            part.stop()
            if has_raw_control(path, part.offset):
                return None
        return _sheet(Sheet(path, open_table(path, max_bytes), None, progress, shown=shown, max_rows=rows), None, None)
    except Exception:  # in doubt: the ordinary reading says what is wrong
        return None
    finally:
        if part is not None:
            part.stop()


def read_rows_after(path: Path, quick: QuickCsv, offset: int, hand: Callable[[acled_wire.Part], None]) -> bool:
    """In ``acled_part``'s child: the rows ``quick`` reads (the file's last part, from ``offset``),
    handed over as read, a ``Part`` of about ``acled_part.BATCH_ROWS`` rows at a time, the last one
    marked; False where the fast reading leaves the file to the ordinary import (the parts handed
    before are then of no use); ``NotQuick`` where it reads it line by line."""
    try:
        sheet = Sheet(path, quick.table)
        if layout_of(sheet.header) != "acled" or (begun := _begin(sheet, keep=True)) is None:
            return False
        if has_raw_control(path, offset):  # (the app looks into the bytes before)
            return False
        reading = begun[4]
        reading.book.actors.made_by, reading.book.actors.spelt_by = [], []
        batches = acled_wire.Batches(reading)
        for chunk in _quick_chunks(sheet, quick):
            _rows(reading, [chunk])
            if len(reading.fields["id"]) >= acled_part.BATCH_ROWS:
                hand(batches.next(sheet.counts.rows, sheet.counts.empty))
        hand(batches.next(sheet.counts.rows, sheet.counts.empty, last=True))
        return True
    except NotQuick:  # the whole file is read line by line, in the app
        raise
    except Exception:  # in doubt: the ordinary reading
        return False


def has_raw_control(path: Path, start: int = 0, end: int | None = None) -> bool:
    """Whether the file holds a control or undrawable character anywhere between ``start`` and ``end``
    (``fast_json.has_raw_control``, a block at a time, each led by the last three bytes of the one
    before: a character may straddle two)."""
    return any(map(fast_json.has_raw_control, blocks(path, start, end, carried=3)))


def is_acled(path: Path) -> bool:
    """Whether the file's first line of names, read as comma-separated UTF-8, is an ACLED export's
    header: the only files worth a fast reading (and a second process to check it)."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES).decode("utf-8", errors="replace").removeprefix("\ufeff")
    for cells in csv.reader(head.splitlines()[:100]):
        if any(_filled(cell) for cell in cells):
            return layout_of(Header([_header_name(cell) for cell in cells])) == "acled"
    return False


def _sheet(sheet: Sheet, quick: QuickCsv | None, part: acled_part.Reading | None) -> Loaded | None:
    if sheet.table.unit != "line" or layout_of(sheet.header) != "acled" or sheet.table.notes:
        return None
    with collector_paused():
        return _read(sheet, _quick_chunks(sheet, quick) if quick is not None else _chunks(sheet), part)


Chunks = Iterator[tuple[Sequence[str], Sequence[list[Any]]]]  # (wheres, rows' cells)


def _chunks(sheet: Sheet) -> Chunks:
    """The rows as ``Sheet.rows`` reads them, ``CHUNK`` at a time."""
    rows = sheet.rows()
    while chunk := list(islice(rows, CHUNK)):
        wheres, cells = zip(*chunk, strict=True)
        yield wheres, cells


def _quick_chunks(sheet: Sheet, quick: QuickCsv) -> Chunks:
    """The same, read by ``quick_csv``: counted and reported as ``Sheet.rows`` counts and reports them."""
    counts = sheet.counts
    for wheres, cells, empty in quick.chunks(CHUNK):
        counts.empty += empty
        counts.read(len(cells), wheres[-1] if wheres else "")
        if sheet.progress is not None:
            sheet.progress(f"Reading rows: {counts.rows:,}", quick.share())
        if cells:
            yield wheres, cells


_Begun = tuple[dict[str, int | None], RowEvents, acled._Memo, Extras, "_Columns"]


def _begin(sheet: Sheet, *, keep: bool = False) -> _Begun | None:
    """The columns' positions, the events to be, the memo, the extra columns and the reading (``keep``:
    of the cells a ``Part`` hands back); None for an export without ids or time precision."""
    at, known, events, memo = acled.begin(sheet)
    if at["id"] is None or at["precision"] is None:
        return None  # without them every row is warned about
    extras = Extras.of(sheet, known, acled.LAYOUT)
    reading = _Columns(events, memo, [at[key] for key in _KEYS], len(sheet.header.names), extras, keep=keep)
    return at, events, memo, extras, reading


def _rows(reading: _Columns, chunks: Iterable[tuple[Sequence[str], Sequence[list[Any]]]]) -> None:
    notes = reading.book.notes
    for wheres, cells in chunks:
        said = notes.said
        reading.add(wheres, cells)
        if notes.said != said:
            raise _Refused


def _read(sheet: Sheet, chunks: Chunks, part: acled_part.Reading | None) -> Loaded | None:
    if (begun := _begin(sheet)) is None:
        return None
    at, events, memo, extras, reading = begun
    _rows(reading, chunks)
    if part is not None:  # the rows after this reading's, read meanwhile by the other process
        if sheet.progress is not None:
            # (a share, not None: a bar of unknown length is redrawn 15 times a second while the app waits)
            sheet.progress(f"Reading rows: {sheet.counts.rows:,} here, the rest in another process", sheet.table.read())
        reading.make_ahead()
        for rest in part.parts():  # each made ahead in turn: while the other process reads on
            reading.adopt(rest)
            sheet.counts.read(rest.rows, "")
            sheet.counts.empty += rest.empty
            reading.make_ahead()
    acled.warn_extras(sheet, at, extras)  # after the rows, as the ordinary import says it
    acled.file_notes(sheet, at, events, memo)
    title, description = acled.heading(sheet)
    events.say_respelt()  # (where ``RowEvents.finish`` says it)
    dated = reading.events()
    sheet.counts.events = len(dated)
    file_source = Source(id=acled.FILE_SOURCE, title=events.file_title, kind=SourceKind.DOCUMENT)
    sources = [file_source, *(_source(s) for s in events.importer.book.sources)]
    actors = tuple(_actor(a) for a in events.actors.actors)
    dataset = Dataset(
        title=title, description=description, timezone=TIMEZONE, sources=tuple(sources), actors=actors, events=dated
    )
    # (in order: no event of an export has a stated order, and ``events`` sorts by each one's date key)
    return Loaded(dataset, sheet.finish_notes(), sheet.counts.summary(), in_order=True)


class _Columns:
    """The rows, a chunk at a time and a column at a time. What repeats (a date and its precision, a
    source cell, a title, a set of place names, a cast, the tag words, a fatality count) is looked up
    for the whole column by C (``map`` over a dict's ``get``) and made where first missed, in the rows'
    order, by the ordinary import's own functions; so the sources, actors and warnings come out in
    the order the ordinary import makes them. The rest is joined and tested by ``map`` too, each
    row's own text left to the ordinary cleaning where the quick test cannot tell it is plain."""

    def __init__(
        self,
        events: RowEvents,
        memo: acled._Memo,
        positions: list[int | None],
        named: int,
        extras: Extras,
        *,
        keep: bool = False,
    ) -> None:
        """``positions``: each of ``_KEYS``'s column in the file (None: the export left it out);
        ``named``: how many columns have a name (a cell past them is not ACLED's); ``extras``: the
        named columns ACLED does not have, kept in the summary; ``keep``: keep each row's date and
        source cells (``kept_dates``, ``kept_sources``), which a ``Part`` hands back."""
        self.book, self.memo, self.positions, self.named, self.extras = events, memo, positions, named, extras
        self.width = max(p for p in [*positions, *extras.positions] if p is not None) + 1  # the cells a row needs
        self.reader = events.importer.text
        self.labels = acled_notes.labels_of(extras.label(p) for p in extras.positions)  # (``acled_notes``)
        self.seen_ids: set[str] = set()
        self.dates: dict[tuple[str, str], Parsed] = {}
        self.claims: dict[str, tuple[tuple[str, ...], tuple[Claim, ...]]] = {}
        self.titles: dict[tuple[str, ...], str] = {}
        self.places: dict[tuple[str, ...], str] = {}
        self.paired: dict[tuple[Any, Any], tuple[Participant, ...]] = {}  # (side, side) -> participants
        self.people: dict[tuple[str, str], Participant] = {}  # records are frozen: one per actor and role
        self.tag_sets: dict[tuple[str, ...], tuple[str, ...]] = {}
        # fatalities -> their paragraph (an empty cell's: 'not given', where the file has the column)
        self.counts: dict[str, str] = {"": acled.NO_COUNT if memo.has_fatalities else ""}
        self.scales: dict[str, str] = {"": ""}
        # The events to be, a list per field, a row at a time in the file's order.
        self.fields: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
        self.ahead: tuple[list[Event], list[int]] = ([], [])  # records made ahead (``make_ahead``), their keys
        self.built: dict[int, tuple[Parsed, When, int]] = {}  # id of a parsed date -> it, its When, its key
        self.part_actors: list[str] = []  # the actors and participants the other process's parts made, in order
        self.part_people: list[Participant] = []
        self.keep = keep
        self.long: bool | None = None  # whether the rows run past the header (by empty cells), all alike
        self.kept_dates: list[tuple[str, str]] = []
        self.kept_sources: list[str] = []

    def add(self, wheres: Sequence[str], cells: Sequence[list[Any]]) -> None:
        if min(map(len, cells)) < self.width:
            raise _Refused
        if max(map(len, cells)) > self.named:  # cells past the header's: kept, and said, by the ordinary import
            for row in cells:
                if len(row) > self.named and any(map(str.strip, row[self.named :])):
                    raise _Refused
        # rows long (by empty cells) and rows not: the ordinary import names the long ones
        long = {len(row) > self.named for row in cells}
        if len(long) > 1 or (self.long is not None and long != {self.long}):
            raise _Refused
        self.long = True in long
        # the chunk's columns, in C: a row running long has cells past the last one read, left out
        columns = list(zip(*cells, strict=False))
        blank = [""] * len(cells)  # a column the export left out
        (given, raw_date, precision, disorder, kind, subtype, a1, as1, i1, a2, as2, i2, targeting, country, admin1,
         admin2, admin3, location, latitude, longitude, geo, source, scale, text, fatalities, tags, year) = [
            blank if position is None else list(map(str.strip, columns[position])) for position in self.positions
        ]  # fmt: skip
        out = self.fields
        out["where"] += wheres
        out["id"] += self._ids(given, wheres)
        dates = list(zip(raw_date, precision, strict=True))
        starts = _looked_up(self.dates, dates, wheres, self._date)
        if self.keep:
            self.kept_dates += dates
            self.kept_sources += source
        if year is not blank:  # the export's year column: a year other than the date's is said, by the ordinary import
            shown = [str(start.parts["year"]) for start in starts]
            for index in compress(count(), map(operator.ne, year, shown)):
                if year[index] and acled.whole_number(year[index]) != shown[index]:
                    raise _Refused
        out["start"] += starts
        out["cited"] += _looked_up(self.claims, source, wheres, self._claim)
        out["title"] += _looked_up(
            self.titles, list(zip(subtype, kind, location, admin1, country, strict=True)), wheres, self._title
        )
        counts = _looked_up(self.counts, fatalities, wheres, self._count)
        scales = _looked_up(self.scales, scale, wheres, self._scale)
        summaries = self._summaries(text, counts, scales, wheres)
        out["summary"] += self._with_extras(summaries, columns) if self.extras.positions else summaries
        names = _looked_up(
            self.places, list(zip(location, admin3, admin2, admin1, country, strict=True)), wheres, self._names
        )
        out["place"] += self._places(names, latitude, longitude, geo, wheres)
        out["actors"] += self._casts(list(zip(a1, as1, i1, repeat(0))), list(zip(a2, as2, i2, repeat(1))), wheres)
        out["tags"] += _looked_up(
            self.tag_sets, list(zip(disorder, kind, subtype, targeting, tags, strict=True)), wheres, self._tags
        )

    def adopt(self, part: acled_wire.Part) -> None:
        """The rows after this reading's, as the other process read them (``acled_part``): their
        fields as they are, and what this file's registers number in the order met made here, in the
        order the part met it (its dates, sources, actors and codings), as reading on would make it."""
        notes = self.book.notes
        said, wheres, out = notes.said, part.wheres, self.fields
        fresh = set(part.ids)
        if len(fresh) < len(part.ids) or not self.seen_ids.isdisjoint(fresh):
            raise _Refused  # an id met twice: the ordinary import makes one, and says so
        self.seen_ids |= fresh
        if self.memo.lowered is None:
            self.memo.lowered = part.lowered
        out["where"] += wheres
        out["id"] += part.ids
        out["start"] += _looked_up(self.dates, list(map(part.dates.__getitem__, part.date_of)), wheres, self._date)
        out["cited"] += _looked_up(
            self.claims, list(map(part.sources.__getitem__, part.source_of)), wheres, self._claim
        )
        out["title"] += map(part.titles.__getitem__, part.title_of)
        out["summary"] += part.summaries
        out["place"] += part.places
        actors, people = self.part_actors, self.part_people  # (numbered across the parts)
        actors += [self.book.actors.take(name, kind, side) for name, kind, side in part.actors]
        deque(map(self.book.actors.take, part.respelt), maxlen=0)  # (each an actor made before: its spelling kept)
        people += [_participant(actors[actor], role, self.people) for actor, role in part.participants]
        casts = [tuple(map(people.__getitem__, cast)) for cast in part.casts]
        out["actors"] += map(casts.__getitem__, part.cast_of)
        for actor, coded in part.codings:  # each actor's types, met first in the part: after those met here
            known = self.memo.codings.setdefault(actors[actor], {})
            for label, where in coded:
                known.setdefault(label, where)
        out["tags"] += map(part.tag_sets.__getitem__, part.tags_of)
        used = self.extras.used
        for position, rows in part.used.items():
            used[position] = used.get(position, 0) + rows
        if notes.said != said:
            raise _Refused

    def batch(self) -> tuple[dict[str, list[Any]], list[tuple[str, str]], list[str]]:
        """The fields of the rows read since the last call, and their date and source cells (``keep``),
        let go of here (the registers and memos stay: the rows after these meet them)."""
        batch = self.fields, self.kept_dates, self.kept_sources
        self.fields, self.kept_dates, self.kept_sources = {name: [] for name in _COLUMNS}, [], []
        return batch

    def _ids(self, given: list[str], wheres: Sequence[str]) -> list[str]:
        """The ids as given, lowercased: valid slugs, each met once (else the ordinary import makes
        one, and says so)."""
        wanted = list(map(str.lower, given))
        if self.memo.lowered is None and wanted != given:  # the first id lowercased, for the file's warning
            first = next(i for i, (low, as_given) in enumerate(zip(wanted, given, strict=True)) if low != as_given)
            self.memo.lowered = given[first], wheres[first]
        fresh = set(wanted)
        if len(fresh) < len(wanted) or not self.seen_ids.isdisjoint(fresh) or max(map(len, wanted)) > MAX_ID:
            raise _Refused
        if not all(map(SLUG_PATTERN.fullmatch, wanted)):
            raise _Refused
        self.seen_ids |= fresh
        return wanted

    def _date(self, key: tuple[str, str], where: str) -> Parsed:
        raw, precision = key
        start = self.book.dates.read(raw, where) if raw else None
        precision = acled.whole_number(precision)
        if start is None or "hour" in start.parts or (precision != "1" and precision not in acled.PRECISION_NOTES):
            raise _Refused  # (a time: read as the day, said, by the ordinary import)
        plain = start.order is None and not start.waits() and not start.said  # reading it again says nothing
        start = acled.coded(start, raw, precision, self.memo)
        if plain:
            self.dates[key] = start
        return start

    def _claim(self, source: str, where: str) -> tuple[tuple[str, ...], tuple[Claim, ...]]:
        named = tuple(self.book.sources(source, where, split=acled.SOURCES_SPLIT))
        statement = acled.statement(self.book.line(source, where))
        made = self.claims[source] = (named, (Claim(statement=statement, source=acled.FILE_SOURCE, cited=named),))
        return made

    def _title(self, heading: tuple[str, ...], where: str) -> str:
        made = self.titles[heading] = self.book.line(acled.title_of(*heading), where) or "Event"
        return made

    def _count(self, fatalities: str, where: str) -> str:
        if not acled.COUNT.fullmatch(fatalities):
            raise _Refused
        made = self.counts[fatalities] = f"Fatalities (ACLED count): {fatalities}"
        return made

    def _scale(self, scale: str, where: str) -> str:
        # printable, as the notes are asked to be below: nothing the cleaning of the summary would change
        if not scale.isprintable() or not all(without_fillers([scale])):
            raise _Refused
        made = self.scales[scale] = f"Source scale: {scale}"
        return made

    def _summaries(self, text: list[str], counts: list[str], scales: list[str], wheres: Sequence[str]) -> list[str]:
        """Each row's notes and counts, as ``events.summary([events.text(...)])`` makes them: given back
        where cleaning would change nothing and say nothing (the counts' paragraphs are plain, and the
        notes printable: no control, no CR), else cleaned by it."""
        joined = list(map("\n\n".join, map(filter, repeat(None), zip(text, counts, scales, strict=True))))
        tests = (
            map(str.isprintable, text),
            without_fillers(text),
            map(operator.le, map(len, joined), repeat(TEXT_MAX)),
            not_placeholders(joined),
            not_placeholders(text),  # the notes alone: the ordinary import drops them alone, said
            map(operator.not_, acled_notes.may_pass_each(text, self.labels)),  # a line passing for the summary's
        )
        reader = self.reader
        for index in compress(count(), map(operator.not_, map(all, zip(*tests, strict=True)))):
            where, notes = wheres[index], text[index]
            if notes and is_placeholder(notes):  # as ``acled._draft``: the notes go alone, said
                notes = reader.clean(notes, where)
            say = partial(self.book.notes.group, acled_notes.SAID, where)
            if (notes := acled_notes.marked(notes, say, self.labels)) != text[index]:
                joined[index] = "\n\n".join(filter(None, (notes, counts[index], scales[index])))
            joined[index] = reader.cut(reader.clean(joined[index], where), where)
        return joined

    def _with_extras(self, summaries: list[str], columns: list[tuple[str, ...]]) -> list[str]:
        """Each summary with the cells of the columns ACLED does not have, as ``Extras.details`` adds
        them ('Column: value' paragraphs); a cell it would clean or say something of is refused."""
        paragraphs = []
        for position in self.extras.positions:
            cells = list(map(str.strip, columns[position]))
            filled = [cell for cell in cells if cell]
            tests = (map(str.isprintable, filled), without_fillers(filled), not_placeholders(filled))
            if not all(map(all, zip(*tests, strict=True))):
                raise _Refused
            if filled:
                used = self.extras.used
                used[position] = used.get(position, 0) + len(filled)
            label = self.extras.label(position)
            paragraphs.append([f"{label}: {cell}" if cell else "" for cell in cells])
        joined = list(map("\n\n".join, map(filter, repeat(None), zip(summaries, *paragraphs, strict=True))))
        if max(map(len, joined)) > TEXT_MAX:  # cut, and said, by the ordinary import
            raise _Refused
        return joined

    def _names(self, names: tuple[str, ...], where: str) -> str:
        made = self.places[names] = acled.place_of(names, "", "", "")
        return made

    def _places(
        self, names: list[str], latitude: list[str], longitude: list[str], geo: list[str], wheres: Sequence[str]
    ) -> list[str | None]:
        """Each row's place names and coordinates, as ``events.line(_place(row))`` makes them."""
        suffixes = list(map(_GEO_SUFFIXES.get, geo, repeat(None)))
        if None in suffixes:  # (none, or a code none of ACLED's: said)
            suffixes = [
                found if found is not None else f"; {acled.geo_note(code)}"
                for found, code in zip(suffixes, geo, strict=True)
            ]
        places = list(map(str.strip, map("{} ({}, {}{})".format, names, latitude, longitude, suffixes)))
        if not all(map(acled.coordinates_or_none, latitude, longitude)):  # said by the ordinary import
            raise _Refused
        if "" in latitude or "" in longitude:  # no coordinates: the names alone
            for index in compress(count(), map(operator.not_, map(all, zip(latitude, longitude, strict=True)))):
                if latitude[index] or longitude[index]:  # one alone: kept and said, by the ordinary import
                    raise _Refused
                places[index] = names[index]
        for index in compress(count(), map(operator.not_, plain_lines(places))):
            places[index] = self.reader.line(places[index], wheres[index])
        return [place or None for place in places]

    def _casts(self, firsts: list[tuple[Any, ...]], seconds: list[tuple[Any, ...]], wheres: Sequence[str]) -> list[Any]:
        """Each row's participants, as ``acled.take_cast`` makes them. A cast is its two sides, which
        repeat far more than casts: each side (its cells and 0 or 1, ``memo.sides``' key) is looked up
        for the whole chunk, and made where first missed (``acled.side_pairs``, which records an actor
        and its coding where first met), side 1 before side 2, in the rows' order, as the ordinary
        import meets them; then each pair of sides, merged once."""
        sides = list(chain.from_iterable(zip(firsts, seconds, strict=True)))  # row 1's two, row 2's two...
        found = list(map(self.memo.sides.get, sides))
        for index in compress(count(), map(operator.is_, found, repeat(None))):
            cells = sides[index]
            found[index] = acled.side_pairs(self.book, cells[:3], cells[3], wheres[index // 2], self.memo)
        return _looked_up(self.paired, list(zip(found[::2], found[1::2], strict=True)), wheres, self._merged)

    def _merged(self, pair: tuple[Any, Any], where: str) -> tuple[Participant, ...]:
        made = self.paired[pair] = tuple(_participant(a, r, self.people) for a, r in acled.merged_roles(*pair))
        return made

    def _tags(self, cells: tuple[str, ...], where: str) -> tuple[str, ...]:
        words = (*cells[0].split(";"), *cells[1:4], *cells[4].split(";"))  # (as ``acled._draft``)
        made = self.tag_sets[cells] = tuple(self.book.tags([w for w in words if w.strip()], where))
        return made

    def events(self) -> tuple[Event, ...]:
        """The events, in time order (ties in the file's order), as ``RowEvents.finish`` orders them."""
        self.book.dates.order.decide(self.book.notes)
        made, keys = self.ahead
        rest, rest_keys = self._made()
        made, keys = made + rest, keys + rest_keys  # (the rows made ahead come first in the file)
        order = sorted(range(len(made)), key=keys.__getitem__)  # a stable sort: ties in the file's order
        return tuple(map(made.__getitem__, order))

    def make_ahead(self) -> None:
        """The records of the rows read so far, made while the other process reads its part, where no
        date waits for the file's order of day and month (one that could be either: its ``pair``)."""
        if all(not start.waits() for start in {id(start): start for start in self.fields["start"]}.values()):
            made, keys = self._made()
            self.ahead[0].extend(made)
            self.ahead[1].extend(keys)

    def _made(self) -> tuple[list[Event], list[int]]:
        """The records of the rows read since the last call, and their sort keys; their fields let go of."""
        notes, dates = self.book.notes, self.book.dates
        fields, self.fields = self.fields, {name: [] for name in _COLUMNS}
        said = notes.said
        # each distinct parsed date (kept alive here): its When, and its sort key as one number
        built = self.built
        for start, where in zip(fields["start"], fields["where"], strict=True):
            if id(start) not in built:
                if start.seconds is not None:  # a minute's events are put in their seconds' order: the ordinary way
                    raise _Refused
                when = _when(dates, start, where)
                built[id(start)] = (start, when, key_number(when.sort_key()))
        if notes.said != said:
            raise _Refused
        dated = list(map(built.__getitem__, map(id, fields.pop("start"))))
        fields["when"] = list(map(_SECOND, dated))
        keys = list(map(_THIRD, dated))
        del dated
        # each distinct source cell's (its source ids, its claims), shared by its rows as the cell's claims are
        cited = fields.pop("cited")
        shared = {id(one): ((acled.FILE_SOURCE, *one[0]), one[1]) for one in cited}
        sourced = list(map(shared.__getitem__, map(id, cited)))
        fields["sources"], fields["claims"] = list(map(_FIRST, sourced)), list(map(_SECOND, sourced))
        del cited, sourced, fields["where"]
        return _records(Event, len(keys), fields, {"certainty": _REPORTED}), keys


def _looked_up(
    memo: dict[Any, Any], keys: list[Any], wheres: Sequence[str], make: Callable[[Any, str], Any]
) -> list[Any]:
    """``memo``'s value for each key, made (and kept by ``make``, as it chooses) where it has none, in
    the keys' order: a row's where is the first row of its value, as in the ordinary import."""
    found = list(map(memo.get, keys))
    if any(map(operator.is_, found, repeat(None))):  # (``None in found`` would ask each value's __eq__)
        for index in compress(count(), map(operator.is_, found, repeat(None))):
            key = keys[index]
            found[index] = value if (value := memo.get(key)) is not None else make(key, wheres[index])
    return found


def _records(cls: type[Any], count: int, columns: dict[str, list[Any]], same: dict[str, Any]) -> list[Any]:
    """``count`` records of ``cls`` (a frozen dataclass with slots, whose ``__init__`` only assigns),
    each field set from its column, or ``same``'s value, or the field's default, by its slot's own
    setter, a column at a time (in C: a tenth of the time of calling ``__init__`` per record)."""
    made = list(map(object.__new__, repeat(cls, count)))
    for field in dataclasses.fields(cls):
        if field.name in columns:
            values: Any = columns[field.name]
        elif field.name in same:
            values = repeat(same[field.name], count)
        elif field.default is not dataclasses.MISSING:
            values = repeat(field.default, count)
        else:
            raise TypeError(f"no value for {cls.__name__}.{field.name}")
        deque(map(getattr(cls, field.name).__set__, made, values), maxlen=0)
    return made


def _when(dates: SheetDates, start: Parsed, where: str) -> When:
    when = dates.when(start, where, "row skipped")
    # a clock time (its zone said file-wide) or a range (an end) is left to the ordinary import
    if when is None or when.precision == "minute" or start.end is not None:
        raise _Refused
    return when


def _participant(actor: str, role: str, made: dict[tuple[str, str], Participant]) -> Participant:
    if (known := made.get((actor, role))) is None:
        known = made[actor, role] = Participant(actor=actor, role=role)
    return known


def _source(source: dict[str, Any]) -> Source:
    """One the export names: known only through it."""
    return Source(
        id=source["id"], title=source["title"], kind=SourceKind(source["kind"]), url=source.get("url"),
        cited_in=acled.FILE_SOURCE,
    )  # fmt: skip


def _actor(actor: dict[str, Any]) -> Actor:
    return Actor(
        id=actor["id"], name=actor["name"], kind=ActorKind(actor["kind"]), side=actor.get("side"),
        profile=actor.get("profile", ""),
    )  # fmt: skip
