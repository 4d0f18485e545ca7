"""A fast reading of an ACLED export: the dataset's records made straight from the rows, to show
while the ordinary import (``acled.convert``, then the contract) checks the same bytes in another
process (``checking``), which shows it only if both readings are equal, warnings and counts included.

It is the ordinary import without its document of dicts and without the contract's second pass
over them: the same cell reading, dates, memos, actors, sources, tags and notes (the same functions,
called in the same order), then records in place of dicts. It reads only what the ordinary import
reads without a word about any row, with every ACLED column and no other: a row that would be warned
about, skipped or given a made id, a date with a clock time, a range, a column the layout does not
use, a file the table reader warns about... and it answers None, and the file is read the ordinary
way. Nothing here raises: in doubt, None.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..files import Progress
from ..loader import Loaded
from ..memory import collector_paused
from ..records import MAX_ID, Actor, ActorKind, Certainty, Claim, Dataset, Event, Participant, Source, SourceKind, When
from ..text import SLUG_PATTERN
from . import acled
from .fields import plain_line
from .sheet_dates import Parsed
from .sheet_events import RowEvents
from .sheet_layouts import layout_of
from .sheet_read import open_table
from .sheet_when import SheetDates
from .sheets import Extras, Sheet
from .timelinejs_import import TIMEZONE

# The cells read, in this order (every one of them must be in the file).
_KEYS = (
    "id", "date", "precision", "disorder", "type", "subtype", "actor1", "assoc1", "inter1", "actor2", "assoc2",
    "inter2", "targeting", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo",
    "source", "scale", "notes", "fatalities", "tags",
)  # fmt: skip
_REPORTED = Certainty.REPORTED


class _Refused(Exception):
    """The ordinary import would say something of this row or file: it is read that way."""


def read_fast(
    path: Path, max_bytes: int | None = None, progress: Progress | None = None, shown: Path | None = None
) -> Loaded | None:
    """The loaded dataset, warnings and counts ``load_with_report`` gives for ``path`` (a CSV file; or
    for ``shown``, of which ``path`` is a private copy), or None."""
    try:
        sheet = Sheet(path, open_table(path, max_bytes), None, progress, shown=shown)
        if sheet.table.unit != "line" or layout_of(sheet.header) != "acled" or sheet.table.notes:
            return None
        with collector_paused():
            return _read(sheet)
    except Exception:  # in doubt: the ordinary reading says what is wrong
        return None


def _read(sheet: Sheet) -> Loaded | None:
    at, known, events, memo = acled.begin(sheet)
    if at["id"] is None or at["precision"] is None or Extras.of(sheet, known, "").positions:
        return None  # without them every row is warned about; a column the layout does not use is too
    take, width = _cells_of([at[key] for key in _KEYS])
    notes, reader = events.notes, events.importer.text
    plain_dates: dict[str, Parsed] = {}  # a date's text, read once where reading it says nothing
    rows: list[tuple[Any, ...]] = []
    titles: dict[tuple[str, ...], str] = {}
    places: dict[tuple[str, ...], str] = {}  # a row's place names, joined (its coordinates are its own)
    casts: dict[tuple[str, ...], tuple[Participant, ...]] = {}
    people: dict[tuple[str, str], Participant] = {}  # records are frozen: one per actor and role, shared
    tag_sets: dict[tuple[str, ...], tuple[str, ...]] = {}
    claims: dict[str, tuple[tuple[str, ...], tuple[Claim, ...]]] = {}
    ids: set[str] = set()
    for where, cells in sheet.rows():
        if len(cells) < width:
            raise _Refused
        said = notes.said
        (given, raw_date, precision, disorder, kind, subtype, _, _, _, _, _, _, targeting, country, admin1, admin2,
         admin3, location, latitude, longitude, geo, source, scale, text, fatalities, tags) = row = tuple(
            map(str.strip, take(cells))
        )  # fmt: skip
        if (start := plain_dates.get(raw_date)) is None:
            start = events.dates.read(raw_date, where) if raw_date else None
            if start is not None and start.order is None and start.pair is None and not start.said:
                plain_dates[raw_date] = start  # reading it again would say and count nothing
        precision = precision.removesuffix(".0")
        if start is None or (precision != "1" and precision not in acled.PRECISION_NOTES):
            raise _Refused
        if precision != "1":
            start = acled.precise(start, raw_date, precision, memo)
        # the id as given, lowercased: a valid slug met once (else the ordinary import makes one, and says so)
        if (wanted := given.lower()) in ids or not SLUG_PATTERN.fullmatch(wanted) or len(wanted) > MAX_ID:
            raise _Refused
        ids.add(wanted)
        if (cited := claims.get(source)) is None:
            named = tuple(events.sources(source, where))
            statement = acled.statement(events.line(source, where))
            cited = claims[source] = (named, (Claim(statement=statement, source=acled.FILE_SOURCE, cited=named),))
        heading = (subtype, kind, location, admin1, country)
        if (title := titles.get(heading)) is None:
            title = titles[heading] = events.line(acled.title_of(*heading), where) or "Event"
        summary = [text]
        if fatalities:
            if not acled.COUNT.fullmatch(fatalities):
                raise _Refused
            summary.append(f"Fatalities (ACLED count): {fatalities}")
        if scale:
            summary.append(f"Source scale: {scale}")
        # as events.summary([events.text(...)]) and events.line(..., memo=False) make them, without their layers
        summary_text = reader.cut(reader.clean("\n\n".join(p for p in summary if p).strip(), where), where)
        names = (location, admin3, admin2, admin1, country)
        if (joined := places.get(names)) is None:
            joined = places[names] = acled.place_of(names, "", "", "")
        place = acled.place_of((joined,), latitude, longitude, geo) if latitude and longitude else joined
        if not plain_line(place):
            place = reader.line(place, where)
        cast = row[6:12]
        if (participants := casts.get(cast)) is None:
            made = acled.take_cast(events, dict(zip(_KEYS[6:12], cast, strict=True)), where, memo)
            participants = casts[cast] = tuple(_participant(p["actor"], p["role"], people) for p in made)
        words = (disorder, kind, subtype, targeting, *tags.split(";"))
        if (tagged := tag_sets.get(words)) is None:
            tagged = tag_sets[words] = tuple(events.tags([w for w in words if w.strip()], where))
        if notes.said != said:
            raise _Refused
        rows.append((where, start, wanted, title, summary_text, place or None, participants, cited, tagged))
    acled.file_notes(sheet, at, events, memo)
    title, description = acled.heading(sheet)
    dated = _events(events, rows)
    sheet.counts.events = len(dated)
    file_source = Source(id=acled.FILE_SOURCE, title=events.file_title, kind=SourceKind.DOCUMENT)
    sources = [file_source, *(_source(s) for s in events.importer.book.sources)]
    actors = tuple(_actor(a) for a in events.actors.actors)
    dataset = Dataset(
        title=title, description=description, timezone=TIMEZONE, sources=tuple(sources), actors=actors, events=dated
    )
    return Loaded(dataset, sheet.finish_notes(), sheet.counts.summary())


def _cells_of(positions: list[int | None]) -> tuple[Callable[[list[Any]], tuple[str, ...]], int]:
    """What takes a row's cells in ``_KEYS`` order ('' for a column the export left out), and how many
    cells a row needs."""
    present = [p for p in positions if p is not None]
    width = max(present) + 1
    every = itemgetter(*present)
    if len(present) == len(positions):
        return every, width
    slots = list(accumulate((p is not None for p in positions), initial=0))  # a present cell's place in ``every``
    where = [slots[i] if p is not None else None for i, p in enumerate(positions)]

    def some(cells: list[Any]) -> tuple[str, ...]:
        got = every(cells)
        return tuple("" if at is None else got[at] for at in where)

    return some, width


def _events(events: RowEvents, rows: list[tuple[Any, ...]]) -> tuple[Event, ...]:
    """The events, in time order (ties in the file's order), as ``RowEvents.finish`` orders them."""
    notes, dates = events.notes, events.dates
    said = notes.said
    dates.order.decide(notes)
    made: dict[int, tuple[When, tuple[int, int, int, int]]] = {}  # parsed date (kept alive by the rows) ->
    keyed: list[tuple[tuple[int, int, int, int], int, Event]] = []
    rows.reverse()  # taken from the end: each row goes as its event is made
    for index in range(len(rows)):
        where, start, given, title, summary, place, participants, (named, claims), tags = rows.pop()
        if (known := made.get(id(start))) is None:
            when = _when(dates, start, where)
            known = made[id(start)] = (when, when.sort_key())
        when, key = known
        sources = (acled.FILE_SOURCE, *named)
        event = Event(
            id=given, title=title, summary=summary, when=when, place=place, actors=participants, sources=sources,
            tags=tags, certainty=_REPORTED, claims=claims,
        )  # fmt: skip
        keyed.append((key, index, event))
    if notes.said != said:
        raise _Refused
    keyed.sort(key=lambda item: (item[0], item[1]))
    return tuple(event for _, _, event in keyed)


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
