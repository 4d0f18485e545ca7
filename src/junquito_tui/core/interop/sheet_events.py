"""Rows read from a spreadsheet, turned into events once the whole file is read.

A row is kept as a ``Draft`` (its text fields and its parsed dates) until the file's day order is
known; then each becomes an event with the TimelineJS importer's machinery (ids, sources, time order,
the file itself as a source), so every importer makes ids and sources the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from ..bounds import bound, by_end, from_start
from ..dates import iso_or_era, short_date
from ..problems import Problem
from ..records import When, ends_before
from ..text import slug_loses, slugify
from ..wording import count
from .builder import ActorBook, Pending
from .fields import short
from .html_text import Link
from .notes import Notes
from .sheet_date_values import Parsed, ShownNumber
from .sheet_when import SheetDates, ending
from .timelinejs_import import TimelineImporter, both_zones, unused_end, with_file_id

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LIST = re.compile(r"\s*[;\n|]\s*")


TAGS_KEPT = (
    "words with letters or symbols a tag cannot hold (a tag is a-z and 0-9: other scripts' letters, emoji) are kept "
    "in the event's summary by their column ('Tags: ...'), and tagged with what a tag can hold, if anything"
)


def cell_text(value: object) -> str:
    """A cell as text: '' for nothing, a number as a spreadsheet shows it (below)."""
    if type(value) is str:  # every CSV cell, and most of a workbook's: asked first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):  # a workbook's TRUE/FALSE cell, as spreadsheets show it (not Python's 'True')
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, timedelta):  # a duration ('[h]:mm' showing 36:00), not Python's '1 day, 12:00:00'
        hours, rest = divmod(round(value.total_seconds()), 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value).strip()


def number_text(value: float) -> str:
    """A number as text: 3.0 as '3' (workbooks store every number as a float); a workbook's number
    holding digits the sheet does not show (``ShownNumber``) to its 15 significant digits, as the
    sheet shows it; any other as written (a JSON file's numbers are exact)."""
    if isinstance(value, float) and not isinstance(value, ShownNumber) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class Counts:
    """What became of the rows, for ``validate``: every row an event, the title, skipped or empty."""

    rows: int = 0
    events: int = 0
    titles: int = 0
    empty: int = 0
    unit: str = "row"
    limit: int | None = None  # the most rows the memory allows (``files.row_limit``)

    def read(self, number: int, where: str) -> None:
        """``number`` more rows, up to ``where``; refused past the limit, before they are all held."""
        self.rows += number
        if self.limit is not None and self.rows > self.limit:
            from ..files import too_many_rows
            from .sheet_read import SheetError

            raise SheetError(Problem(where, too_many_rows(self.limit)))

    def summary(self) -> str:
        skipped = self.rows - self.events - self.titles
        parts = [f"{self.events:,} event{'s' if self.events != 1 else ''}"]
        if self.titles:
            parts.append(f"{self.titles} title row")
        parts.append(f"{skipped:,} skipped (each named in a warning)" if skipped else "none skipped")
        line = f"read {self.rows:,} {self.unit}{'s' if self.rows != 1 else ''} of data: {', '.join(parts)}"
        return line + (f"; {count(self.empty, 'empty ' + self.unit)} ignored" if self.empty else "")


@dataclass(slots=True)
class Draft:
    where: str  # 'line 12'
    fields: dict[str, Any]  # title, and any of summary, place, actors, sources, tags, certainty, claims
    start: Parsed
    end: Parsed | None = None
    given_id: str = ""  # an id from the file ('' to make one from the title and the date)
    written_id: str = ""  # that id as the file writes it, where it differs ('AFG1001' for 'afg1001')


@dataclass
class RowEvents:
    """The events of one file, built after its last row is read."""

    name: str
    notes: Notes
    dates: SheetDates
    file_source: str
    file_title: str
    no_zone: str = "the file's times carry no time zone: read as UTC (+00:00), the dataset's time zone"
    drafts: list[Draft] = field(default_factory=list)
    actors: ActorBook = field(default_factory=ActorBook)
    importer: TimelineImporter = field(init=False)
    _slugs: dict[str, str] = field(default_factory=dict)  # tags repeat: each word slugified once
    _sources: dict[str, list[str]] = field(default_factory=dict)  # so do source cells
    _lines: dict[str, str] = field(default_factory=dict)  # and titles
    _tag_lists: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # and a row's tag words

    def __post_init__(self) -> None:
        self.importer = TimelineImporter(
            self.name, self.notes, self.file_source, self.file_title, self.no_zone, item="row"
        )

    def text(self, value: object, where: str) -> str:
        """A cell as clean plain text (no control characters, no template placeholder)."""
        return self.importer.text.clean(cell_text(value), where)

    def line(self, value: object, where: str, *, memo: bool = True) -> str:
        """A cell as one clean line (a title, a place), within our format's length for it; ``memo``
        False for text unique to its row, which the memo would only keep alive, twice."""
        raw = cell_text(value)
        if not memo:
            return self.importer.text.line(raw, where)
        if (known := self._lines.get(raw)) is not None:  # titles repeat ('Armed clash in Kabul')
            return known
        said = self.notes.said
        line = self.importer.text.line(raw, where)
        if self.notes.said == said:
            self._lines[raw] = line
        return line

    def summary(self, parts: list[str], where: str) -> str:
        """Paragraphs as one summary, within our format's length for it."""
        return self.importer.text.cut("\n\n".join(p for p in parts if p), where)

    def sources(self, value: object, where: str, kind: str = "other", split: re.Pattern[str] = _LIST) -> list[str]:
        """Source ids for a cell listing sources (split on ';', '|' or line breaks, or on ``split``):
        addresses or names, each on one line. (A file is read by one layout, which splits its cells one
        way: the memo of cells read is the file's.)"""
        raw = cell_text(value)
        if (known := self._sources.get(raw)) is not None:  # the same cell again: no cleaning, no splitting
            return known
        said = self.notes.said
        text = self.importer.text.clean(raw, where)
        ids: list[str] = []
        for item in split.split(text):
            item = " ".join(item.split())
            if not item:
                continue
            if _URL.match(item):
                found = self.importer.book.link(Link(item if "://" in item else f"https://{item}", ""), where)
            else:
                found = self.importer.book.named(item, kind)
            if found and found not in ids:
                ids.append(found)
        if self.notes.said == said:
            self._sources[raw] = ids
        return ids

    def tags(self, values: list[str], where: str, kept: bool = False) -> list[str]:
        """Tags for a row's words; the same words again (ACLED's types) give the same tags at once.
        ``kept``: the caller keeps words a tag cannot hold whole in the summary (``slug_loses``)."""
        key = tuple(values)
        if (known := self._tag_lists.get(key)) is not None:
            return known  # shared by the rows' drafts, as the sources are: nothing changes them once made
        said = self.notes.said
        tags = self._tags(values, where, kept)
        if self.notes.said == said:
            self._tag_lists[key] = tags
        return tags

    def _tags(self, values: list[str], where: str, kept: bool) -> list[str]:
        tags: dict[str, None] = {}  # (an ordered set: a list's 'in' made 200,000 tags take 281 s, a security trial)
        for value in values:
            tag = self._slugs.get(value)
            if tag is None:
                tag = self._slugs[value] = slugify(value, 60)
            if tag:
                tags[tag] = None
            elif value.strip() and not (kept and slug_loses(value)):
                self.notes.add(where, f"tag {short(value)} has no letter or digit a tag can hold (a-z, 0-9); ignored")
        return list(tags)

    def finish(self, title: str, description: str, counts: Counts) -> dict[str, Any]:
        self.say_respelt()
        self.dates.order.decide(self.notes)
        pending: list[Pending] = []
        drafts, self.drafts = self.drafts, []
        self.importer.event_ids.reserve(draft.given_id.strip() for draft in drafts)  # before any id is made
        drafts.reverse()  # taken from the end, each draft goes as its event is made: never all of both at once
        for index in range(len(drafts)):
            made = self._event(drafts.pop(), index)
            if made is not None:
                pending.append(made)
        counts.events = len(pending)
        document = self.importer.finish(pending, title, description)
        document["actors"] = self.actors.actors
        return document

    def say_respelt(self) -> None:
        """Once every row is read: the actors and sources met under other spellings, said."""
        for note in (self.actors.respelt_note(), self.actors.accents_note(), self.importer.book.respelt_note()):
            if note is not None:
                self.notes.add("", note)

    def _event(self, draft: Draft, index: int) -> Pending | None:
        lent = _lend_zone(draft)
        when = self.dates.when(draft.start, draft.where, "row skipped")
        if when is None or self.dates.backward(draft.start, draft.where):
            return None
        if lent[0] is not None and when.precision == "minute":
            when = replace(when, note=f"{when.note}; {lent[0]}" if when.note else lent[0])
        end, when = self._end(draft, when, lent[1])
        fields = draft.fields
        title = fields.pop("title")
        made = self.importer.event_id(draft.given_id or None, title, when, draft.where, False)
        if draft.given_id.strip() and made != draft.given_id:  # taken, or no slug: the file's own id is kept
            fields["summary"] = with_file_id(fields.get("summary", ""), draft.written_id or draft.given_id)
        fields = {"id": made} | {"title": title, **fields, "when": when}
        if end is not None:
            fields["end"] = end
        fields["sources"] = [self.file_source, *fields.get("sources", ())]
        second = draft.start.seconds if when.precision == "minute" else None
        # an end cell's time is zoned by its own cell, not the start's: '09:00 -05:00' after a start with none was
        # noted as read as UTC, and '09:00' after '04:00 -04:00' read as UTC unsaid (a review)
        end_zoned = draft.end.offset is not None if end is not None and draft.end is not None else None
        zoned = draft.start.offset is not None
        return Pending(fields, when, index, draft.where, zoned=zoned, end_zoned=end_zoned, second=second)

    def _end(self, draft: Draft, when: When, lent: str | None) -> tuple[When | None, When]:
        """The end, and the start (noted when the file gives an end before it, which is not used); ``lent``: the
        end's note on a zone read in its start's."""
        end = None
        if draft.end is not None and self.dates.backward(draft.end, draft.where, "end date ignored"):
            draft.end = None  # (an end cell whose own period goes backwards in the file's order)
        if draft.end is not None:
            end = self.dates.when(ending(draft.end), draft.where, "end date ignored")
            if end is not None and ends_before(end, when) and (by_then := by_end(when, end)) is not None:
                when = by_then  # 'before 2018-01-10' to 5 January: by the 5th, not an end before its start
            elif (
                end is not None
                and ends_before(end, when)
                and draft.start.end is None  # (a date cell's own period keeps its end: a review)
                and (from_then := from_start(when, end)) is not None
            ):
                end = from_then  # 10 January to 'after 2018-01-05': from the 10th, not an end before its start
            if end is not None and ends_before(end, when) and draft.start.end is not None:
                # an end column's end before the start, and the date cell's own period: that end is used
                self.notes.add(draft.where, _before_start(end, when))
                when, end = unused_end(when, end), None
            elif end is not None:
                if lent is not None and end.precision == "minute":
                    end = replace(end, note=f"{end.note}; {lent}" if end.note else lent)
                end, other = self.dates.other_end(draft.start, end, draft.where)
                when = replace(when, note=f"{when.note}; {other}" if when.note else other) if other else when
        if end is None:
            end = self.dates.end_of(draft.start, draft.where)
        if end is not None and ends_before(end, when):
            self.notes.add(draft.where, _before_start(end, when))
            return None, unused_end(when, end)
        return end, when


def _lend_zone(draft: Draft) -> tuple[str | None, str | None]:
    """A row's start and end times where one cell states its zone and the other does not: the other is read in
    that zone, as a TimelineJS sheet's are (a review: '09:00' after '04:00 -04:00' was read as UTC, unsaid). The
    notes of the start and the end, None where nothing is lent."""
    start, end = draft.start, draft.end
    if end is None or "hour" not in start.parts or "hour" not in end.parts:
        return None, None
    (start_zone, end_zone), notes = both_zones((start.offset, end.offset))
    if notes != (None, None):  # (a copy: a cell's reading is shared by the rows that give it)
        draft.start, draft.end = replace(start, offset=start_zone), replace(end, offset=end_zone)
    return notes


def _before_start(end: When, start: When) -> str:
    """Why an end is not used: before its start; or, where either is given only as a bound or about, listed before
    it, which is no contradiction the file makes (a review: 'after 2018-01-05' to 'before 2018-01-10' was one)."""
    if bound(start) is None and bound(end) is None and not end.approximate:
        return f"the end {iso_or_era(end)} is before the start {iso_or_era(start)}; end date ignored"
    return (
        f"the end {_start(end)} would be listed before the start {_start(start)}, and a dataset's end may not be: "
        "end date not used (the file gives too little to place both)"
    )


def _start(when: When) -> str:
    """A start as a warning names it: its date, or the bound it is given as ('after 10 Jan 2018', not the 11th it is
    listed on, which the file never wrote: a re-trial)."""
    return f"(given as {short_date(when)})" if bound(when) is not None else iso_or_era(when)
