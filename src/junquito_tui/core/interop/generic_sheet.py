"""Any other spreadsheet: an obvious date column and title column, or the ones ``--columns`` names.

One line says which column was used for what. Cells are plain text (never markup). Tags are split
on ';' (or on ',' when a cell has no ';'), sources on ';', '|' or line breaks; a source that is an
address becomes a link. Actors are split on ';', '|' or line breaks: a comma is part of many names
('Pérez, Óscar', 'Smith, Jr., John'), so a cell without those is split on commas only when it reads
as a list of names, and either reading of a comma is said once, with an example. A title taken from
a description is its first sentence (not ended at 'U.S.', 'Gen.' or 'Jan.'), and said to be.
Columns not used are kept in each event's summary as 'Column: value'.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field, replace
from datetime import date as _date
from datetime import datetime
from typing import Any

from ..records import LINE_MAX
from ..text import CONTROL, slug_loses
from .book_hidden import HIDDEN_ROW
from .column_guess import by_content, days_beside, peek
from .fields import short
from .html_text import Link
from .month_words import MONTH_NAMES, PART_OF_DAY
from .sheet_bound_words import ONGOING, ONGOING_UNUSED, ongoing_unused, says_present
from .sheet_clock import MIDNIGHT
from .sheet_date_values import Parsed
from .sheet_dates import ongoing
from .sheet_events import TAGS_KEPT, Draft, RowEvents, cell_text
from .sheet_layouts import YEAR_NAMES, ZONE_LIKE, data_like, generic_columns, normal
from .sheet_read import Cell
from .sheets import Extras, Sheet

FILE_SOURCE = "sheet-file"
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")
_NEXT = re.compile(r"\s*(\S?)")  # the character after a sentence's end
_WORD_BEFORE = re.compile(r"\S+$")
# Words a full stop follows without ending a sentence (English and Spanish; compared without case);
# those that are also words ('mar', 'ago', 'no') only before a number ('Mar. 5', 'No. 3').
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "sr", "sra", "srta", "jr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj",
    "adm", "gov", "sen", "rep", "pres", "prof", "rev", "hon", "fr", "mt", "ft", "gral", "cnel", "tte", "dra",
    "lic", "ing", "arq", "sto", "sta", "av", "avda", "dpto", "nº", "núm", "vol", "pp", "ca", "cf", "vs",
    "approx", "est", "dept", "univ", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "ene", "abr", "dic",
})  # fmt: skip
BEFORE_NUMBERS = frozenset({"mar", "ago", "no", "nos", "cap", "art"})
_NAME_PARTS = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})  # 'Smith, Jr., John': one name
_LIST = re.compile(r"\s*[;|\n]\s*")


def convert(sheet: Sheet) -> dict[str, Any]:
    names = sheet.header.names
    chosen = generic_columns(  # (the rows looked at only where no date or title column is obvious)
        sheet.header,
        sheet.spec,
        lambda taken, hints, other: by_content(names, peek(sheet.table), taken, hints, other),
    )
    extras = Extras.of(sheet, set(chosen.values()), "the columns used")
    used = ", ".join(f"{key} <- {names[position]!r}" for key, position in chosen.items())
    rest = [repr(names[p]) for p in extras.positions if names[p].strip()]  # (those with no header: said below)
    sheet.notes.add(
        "",
        f"columns used: {used}"
        + (f"; kept in each event's summary: {', '.join(rest)}" if rest else "")
        + ("" if sheet.spec and sheet.spec.fields else " (--columns date=COL,title=COL,... chooses others)"),
    )
    stated = sheet.spec.fields if sheet.spec else {}
    year = "date" not in stated and "month" not in chosen and normal(names[chosen["date"]]) in YEAR_NAMES
    if year and (days := days_beside(names, peek(sheet.table), chosen["date"])) is not None:
        sheet.notes.add(  # (a re-trial: 'Year,Date of incident' gave '2018, month not given', unsaid)
            "",
            f"the date is read from {names[chosen['date']]!r}, a year, but the column {names[days]!r} holds days "
            f"(its first rows): --columns date={shlex.quote(names[days])} reads them",
        )
    for key, position in chosen.items():  # (a re-trial: 'Fecha,Fecha' read the first, empty one, unsaid)
        if (twice := names.count(names[position])) > 1 and not (sheet.spec and key in sheet.spec.fields):
            sheet.notes.add(
                "",
                f"{twice} columns are named {names[position]!r}: column {position + 1} is read as the {key}; "
                f"--columns {key}=N reads column N instead",
            )
    if (found := data_like(sheet.header)) is not None:  # chosen by number: the first row is still the names
        sheet.notes.add(
            "",
            f"the first line is read as column names, but it holds {found!r}, a year or a date: if it is a row of "
            "data, it is not read as an event (add a line of column names above it)",
        )
    zone_like = [repr(names[p]) for p in extras.positions if ZONE_LIKE.search(names[p])]
    no_zone = (
        f"the file's times carry no time zone that was read (its column {', '.join(zone_like)} was not read as one: "
        "--columns zone=COL reads it): read as UTC (+00:00), the dataset's time zone"
        if zone_like
        else "times with no zone read, in their cell or in the zone column: read as UTC (+00:00), the dataset's "
        "time zone"
        if "zone" in chosen
        else RowEvents.no_zone
    )
    events = RowEvents(sheet.name, sheet.notes, sheet.dates, FILE_SOURCE, f"Spreadsheet {sheet.name}", no_zone)
    commas = _Commas(names[chosen["actors"]] if "actors" in chosen else "actors")
    date_names = tuple(names[chosen[key]] for key in ("date", "month", "day") if key in chosen)
    end_names = tuple(names[chosen[key]] for key in ("end", "end month", "end day") if key in chosen)
    clock_names = tuple(names[chosen[key]] if key in chosen else key for key in ("time", "zone"))
    reading = dict(chosen)
    if (year_at := _year_beside(sheet, chosen, extras)) is not None:  # a row's year, where its date cell is empty
        reading[_YEAR_BESIDE] = year_at
        date_names += (names[year_at],)
    # columns not read whose names say they hold dates ('Published', 'Fecha de publicación'): a docket's or
    # a reference's '17-10-1234' is no evidence of the file's order of day and month (a review found it was)
    dated = [p for p in extras.positions if p < len(names) and _DATED_NAME.search(names[p])]
    for where, cells in sheet.rows():
        sheet.repeated(where, cells)

        def cell(key: str, cells: list[Cell] = cells) -> Cell:
            position = reading.get(key)
            return cells[position] if position is not None and position < len(cells) else None

        shared = chosen.get("title") == chosen.get("summary")
        draft = _draft(events, cell, where, (date_names, end_names, clock_names), shared, commas)
        if draft is not None and (links := sheet.links(where)):  # a workbook's link cells: sources of the row
            draft.fields["sources"] = _with_links(events, draft.fields["sources"], links, where)
        for position in dated:  # a date elsewhere shows the file's order of day and month too
            if position < len(cells):
                sheet.dates.evidence(cells[position], f"{where}, column {extras.label(position)!r}")
        if draft is not None:
            details = [*extras.details(cells, where), *([HIDDEN_ROW] if sheet.hidden(where) else [])]
            if details:
                draft.fields["summary"] = events.summary([draft.fields.get("summary", ""), *details], where)
            events.drafts.append(draft)
    extras.warn(unnamed_only=True)  # the named ones are in the 'columns used' line
    return events.finish(sheet.stem, "", sheet.counts)


_DATED_NAME = re.compile(
    r"date|fecha|datum|\bdata\b|\bday\b|\bd[ií]a\b|published|publicad|publication|publicaci|accessed|retrieved|"
    r"consultad|updated|actualizad|created|modified|reported|\bwhen\b|cu[aá]ndo",
    re.IGNORECASE,
)


def _draft(
    events: RowEvents,
    cell: Any,
    where: str,
    names: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    shared: bool,
    commas: _Commas,
) -> Draft | None:
    date_names, end_names, clock_names = names
    value, kept = _with_time(events, cell, where, clock_names, len(date_names) >= 2)  # (kept: those not read)
    start = events.dates.read(value, where)
    if start is not None and (unused := _time_unused(cell, value, kept)) is not None:
        start = replace(start, note=_joined(start.note, unused))
    if start is None and not cell_text(cell("date")) and cell_text(cell(_YEAR_BESIDE)):
        start = _year_instead(events, cell(_YEAR_BESIDE), where, date_names)
        if start is None:
            return None
    if start is None:
        if not cell_text(cell("date")):
            events.notes.add(where, f"no date in {date_names[0]!r}; row skipped")
        return None
    if (date := cell_text(cell("date"))) and not _year_agrees(start, cell_text(cell(_YEAR_BESIDE)), date):
        events.notes.group(
            f"the {date_names[-1]!r} and {date_names[0]!r} columns give different years: "
            f"the date is read from {date_names[0]!r}",
            where,
        )
    if len(date_names) >= 2:  # a year and its month (and day) columns: those the date cannot take, in the summary
        start, kept_parts = _month_and_day(events, start, (cell("date"), cell("month"), cell("day")), where, date_names)
        kept += kept_parts
    if (end := ongoing(start, cell_text(cell("end")))) is not None:  # 'present', 'ongoing': a bound from the start
        events.notes.group(ONGOING, where)
    elif says_present(cell_text(cell("end"))):  # (it said "'present': no year can be read in it", a review)
        events.notes.group(ONGOING_UNUSED, where)
        start = replace(start, note=_joined(start.note, ongoing_unused(cell_text(cell("end")))))
    else:
        end = events.dates.read(cell("end"), where, "end date ignored")
        if end is None and (unread := _end_unread(events, cell, where, end_names)):
            start = replace(start, note=_joined(start.note, unread))  # (said in a warning: in the date's note too)
    if end is not None and len(end_names) >= 2:
        end, kept_end = _month_and_day(events, end, (cell("end"), cell("end month"), cell("end day")), where, end_names)
        kept += kept_end
    tags = events.text(cell("tags"), where)
    if tags and slug_loses(tags):  # ('Политика': no tag can hold it whole; a trial found it dropped, unsaid)
        kept.append(f"Tags: {tags}")
        events.notes.group(TAGS_KEPT, where)
    long_title = not shared and len(cell_text(cell("title"))) > LINE_MAX  # (a paragraph in the Event column)
    given = [events.text(cell("title"), where)] if long_title else []  # kept whole, first, in the summary
    summary = events.summary([*given, events.text(cell("summary"), where), *kept], where)
    title = events.line(headline(given[0]), where) if long_title else events.line(cell("title"), where)
    if long_title:
        events.notes.group(LONG_TITLE, where)
    if shared or not title:
        title = _title(events, title or summary, where, shared)
    if shared and summary == title:
        summary = ""
    fields: dict[str, Any] = {"title": title}
    if summary:
        fields["summary"] = summary
    if place := events.line(cell("place"), where):
        fields["place"] = place
    actors = commas.split(events, events.text(cell("actors"), where), where)
    fields["actors"] = [{"actor": events.actors.take(name), "role": "named in the file"} for name in actors]
    fields["actors"] = list({p["actor"]: p for p in fields["actors"]}.values())
    fields["tags"] = events.tags(_split(tags), where, kept=True)
    fields["sources"] = events.sources(events.text(cell("source"), where), where)
    return Draft(where, fields, start, end, given_id=cell_text(cell("id")))


def _with_time(
    events: RowEvents, cell: Any, where: str, names: tuple[str, ...], parts: bool = False
) -> tuple[Cell, list[str]]:
    """The date cell, with the time and zone columns' cells after it where it gives a day and no time of its own
    ('15/01/2018' and '04:00' and 'UTC-4': '15/01/2018 04:00 UTC-4', read as one cell is); and those cells as
    the summary keeps other columns ('Time: 07:00'), where they are not read."""
    date, time, zone = cell("date"), cell_text(cell("time")), cell_text(cell("zone"))
    kept = [  # as other columns are kept: the name without control characters, the text cleaned
        f"{CONTROL.sub('', name)}: {events.text(text, where)}"
        for name, text in zip(names, (time, zone), strict=True)
        if text
    ]
    zone = _zone(zone)
    if not time and not zone:
        return date, kept
    if parts:  # ('year, month, day, time': the day is made of three cells, after this; a review found 'no day' said)
        if time:
            events.notes.group(
                f"{_TIME_UNREAD}, beside year, month and day columns, is not read: kept in the summary", where
            )
        return date, kept
    if isinstance(date, datetime) and date.time() == datetime.min.time():  # (a workbook's day: midnight)
        date = date.date()
    day = date.isoformat() if isinstance(date, _date) and not isinstance(date, datetime) else cell_text(date)
    alone = events.dates.peek(day)
    if not isinstance(alone, Parsed) or "day" not in alone.parts:
        if day and time:
            events.notes.group(f"{_TIME_UNREAD}, beside a date with no day, is not read: kept in the summary", where)
        return date, kept
    if "hour" in alone.parts:  # the date's own time: the zone column is its zone, unless the cell gives one
        if time:
            events.notes.group(
                f"{_TIME_UNREAD}, beside a date with a time of its own, is not read: kept in the summary", where
            )
        if zone and alone.offset is None:
            for joined in _with_zone(day, zone):  # ('2018-01-15T04:00' and 'UTC-4': the zone was left out, 4 hours off)
                if isinstance(with_zone := events.dates.peek(joined), Parsed) and with_zone.offset is not None:
                    return joined, kept[:1] if time else []
            events.notes.group(ZONE_NOT_PLACED, where)  # (the times were said to carry no zone: a re-trial)
        elif zone and alone.offset is not None:
            events.notes.group(
                "the date cell gives its own zone: the zone column is not used, kept in the summary", where
            )
        return date, kept
    if not time:  # a zone with no time to be in: kept as text
        return date, kept
    own = events.dates.peek(f"{day} {time}") if zone else None
    if isinstance(own, Parsed) and "hour" in own.parts and own.offset is not None:  # ('06:00 UTC' beside '-04:00')
        # the time cell's own zone, as a date cell's is: the column kept and said (the two were read together, the
        # time lost and the column too: a re-trial)
        events.notes.group("the time cell gives its own zone: the zone column is not used, kept in the summary", where)
        return f"{day} {time}", kept[1:]
    # ('06:00?' beside '-4': the zone after the mark was no zone, the time dropped: a re-trial)
    for joined in [f"{day} {time} {zone}".strip(), *(_with_zone(f"{day} {time}", zone)[1:] if zone else [])]:
        both = events.dates.peek(joined)
        # only a time read as one, or a part of the day: 'unknown', 'n/a', '?' made the day approximate (a review)
        if (
            isinstance(both, Parsed)
            and "day" in both.parts
            and ("hour" in both.parts or PART_OF_DAY.fullmatch(time) or "the file gives the time" in (both.note or ""))
            and (not zone or both.offset is not None or "hour" not in both.parts)
        ):  # (a time read, a part of the day, or a time whose zone is not used, its note saying why)
            return joined, []
        if isinstance(both, Parsed) and MIDNIGHT in both.said:  # as a date cell's midnight: the day, said in its note
            return joined, []
    timed = events.dates.peek(f"{day} {time}")
    if zone and isinstance(timed, Parsed) and MIDNIGHT in timed.said:  # a midnight beside a zone not read: the day
        return f"{day} {time}", kept[1:]  # (its zone kept in the summary; it was said to be no time: a re-trial)
    if zone and isinstance(timed, Parsed) and "hour" in timed.parts:  # the time is one: its zone is not
        # ('14:30' beside 'Europe/Madrid' was said to be 'in a form not read as a time': a date trial)
        events.notes.group(
            f"{_TIME_UNREAD}, beside a zone not read as a UTC offset ({short(zone)}), is not read: the day kept, "
            "the time and zone in the summary",
            where,
        )
        return date, kept
    events.notes.group(f"{_TIME_UNREAD} in a form not read as a time is kept in the summary", where)
    return date, kept


_TIME_UNREAD = "a time in the time column"
ZONE_NOT_PLACED = (
    "a zone in the zone column, beside a date cell with a time it could not be read with ('approx. 06:00 15/01/2018'):"
    " the time is read as UTC, the zone kept in the summary"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?")


def _with_zone(day: str, zone: str) -> list[str]:
    """The date cell's text with the zone column's zone after it, or right after its time ('2018-01-15T06:00 approx',
    '2018-01-15 06:00?': the zone after the word or mark of doubt was read as no zone, the time as UTC: a re-trial)."""
    found = [f"{day} {zone}"]
    if (clock := list(_CLOCK.finditer(day))) and (at := clock[-1].end()) < len(day):
        found.append(f"{day[:at]} {zone}{day[at:]}")
    return found


_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?")  # a zone column's bare offset: '-4', '+05:30', '-0430'


def _zone(text: str) -> str:
    """A zone cell as the date reader takes a zone: a bare offset ('-4', a review: claimed, then read as UTC) as
    'UTC-4'; any other as it is."""
    text = text.replace("\u2212", "-")  # a minus sign as typeset ('−4'): left unused, said (a re-trial)
    return f"UTC{text}" if _OFFSET.fullmatch(text) else text


def _month_and_day(
    events: RowEvents, start: Parsed, cells: tuple[Cell, Cell, Cell], where: str, names: tuple[str, ...]
) -> tuple[Parsed, list[str]]:
    """A plain year completed by its row's month and day cells (a number, or a month's name); a cell the
    date cannot take is kept in the summary as 'Column: value', and the date's note says why it stops."""
    year_text, month_text, day_text = (" ".join(cell_text(c).split()) for c in cells)
    if not month_text and not day_text:
        return start, []
    month_column, day_column = names[1], names[2] if len(names) > 2 else ""  # ('Year, Month': no day column)
    given = [  # as other columns are kept: the name without control characters, the text cleaned
        f"{CONTROL.sub('', column)}: {events.text(text, where)}"
        for column, text in ((month_column, month_text), (day_column, day_text))
        if text
    ]
    if set(start.parts) != {"year"} or start.end is not None or start.approximate:
        events.notes.add(
            where,
            f"{short(year_text)} in {names[0]!r} is not a plain year, so its month and day cells are not part of "
            "the date; kept in the summary",
        )
        return start, given
    month = int(month_text) if month_text.isdigit() else MONTH_NAMES.get(month_text.lower().rstrip("."))
    if month is None or not 1 <= month <= 12:  # (a month of 15: its day cell was lost with it, unsaid)
        why = f"{month_text!r} in {month_column!r} is not a month" if month_text else f"{month_column!r} is empty"
        events.notes.add(where, f"{why}; the date is kept to the year, the cells kept in the summary")
        return replace(start, note=_joined(start.note, f"{why}: the date is kept to the year")), given
    parts = {"year": start.parts["year"], "month": month}
    if day_text.isdigit():
        parts["day"] = int(day_text)
    elif day_text:
        why = f"{day_text!r} in {day_column!r} is not a day of the month"
        events.notes.add(where, f"{why}; the date is kept to the month, the cell kept in the summary")
        return replace(start, parts=parts, note=_joined(start.note, f"{why}: the date is kept to the month")), given[1:]
    return replace(start, parts=parts), []


def _with_links(events: RowEvents, cited: list[str], links: list[Link], where: str) -> list[str]:
    """The row's sources with its link cells' addresses: a source named by a link cell's text ('El
    Nacional', linked) is that address, not a second source of the same name with none."""
    book = events.importer.book
    records = {source["id"]: source for source in book.sources}
    cited = list(cited)
    for link in links:
        if (found := book.link(link, where)) is None or found in cited:
            continue
        name = " ".join(link.text.split()).casefold()
        same = [i for i, known in enumerate(cited) if _unlinked_title(records.get(known)) == name]
        if same:
            cited[same[0]] = found
        else:
            cited.append(found)
    return cited


def _unlinked_title(record: dict[str, Any] | None) -> str | None:
    """A source's title, folded, if it has no address (None: it has one, or is not the book's)."""
    return record["title"].casefold() if record is not None and "url" not in record else None


_YEAR_BESIDE = "year beside the date"  # a year column kept in the summary, read where the date cell is empty


def _year_beside(sheet: Sheet, chosen: dict[str, int], extras: Extras) -> int | None:
    """A year column ('Year', 'Año') beside the date column, which the date column was chosen over."""
    names = sheet.header.names
    if "month" in chosen or normal(names[chosen["date"]]) in YEAR_NAMES:
        return None
    return next((p for p in extras.positions if p < len(names) and normal(names[p]) in YEAR_NAMES), None)


def _year_agrees(start: Parsed, year: str, written: str) -> bool:
    """Whether a year cell beside the date ('2017' by '16/01/2018': no) is the year the date cell writes or
    holds one of the date's years (as ACLED's year column is said); a cell that is no whole year says nothing."""
    if (whole := _WHOLE_YEAR.fullmatch(year)) is None or re.search(rf"(?<!\d){whole.group(1)}(?!\d)", written):
        return True  # (the year the date cell writes: 'before 2018', '25 December 1700 O.S.' read as other years)
    last = start.end.get("year", start.parts["year"]) if start.end else start.parts["year"]
    return start.parts["year"] <= int(whole.group(1)) <= last


_WHOLE_YEAR = re.compile(r"(\d{3,4})(?:\.0*)?")


def _year_instead(events: RowEvents, year: Cell, where: str, names: tuple[str, ...]) -> Parsed | None:
    """A row with an empty date cell dated by its year cell: the date is that year, and says where it comes from."""
    start = events.dates.read(year, where, f"and no date in {names[0]!r}: row skipped")
    if start is not None:
        why = f"no date in {names[0]!r}: the year from {names[-1]!r}"
        events.notes.add(where, f"{why} ({cell_text(year)})")
        start = replace(start, note=_joined(start.note, why))
    return start


def _time_unused(cell: Any, value: Cell, kept: list[str]) -> str | None:
    """The date's note for a time the time column gives but the date does not use (kept in the summary): the
    event said 'Time not given' beside a summary giving 14:00 (a UI trial)."""
    time = cell_text(cell("time"))
    if not time or value is not cell("date") or not kept:
        return None
    zone = cell_text(cell("zone"))
    given = f"{short(time)}{f' with the zone {short(zone)}' if zone else ''}"
    return f"the file gives the time {given}: not used: kept in the summary, as its warning says"


def _end_unread(events: RowEvents, cell: Any, where: str, end_names: tuple[str, ...]) -> str | None:
    """What the row gives of an end not read, for the date's note (an event showed one exact day, the end
    said only in a warning: a date trial): an end cell that is no date (warned about by the date reader),
    or end month and day cells without an end year (warned about here: they were dropped unsaid)."""
    if text := cell_text(cell("end")):
        return f"the file gives the end {short(text)}: not read"
    parts = [cell_text(cell(name)) for name in ("end month", "end day")] if len(end_names) >= 2 else []
    if not any(parts):
        return None
    given = ", ".join(f"{name} {part}" for name, part in zip(end_names[1:], parts, strict=False) if part)
    said = f"the file gives an end with no year ({given}): not used"
    events.notes.group(said, where)
    return said


def _joined(note: str | None, more: str) -> str:
    return f"{note}; {more}" if note else more


LONG_TITLE = (
    f"a title over {LINE_MAX:,} characters, the most a title holds: its first sentence is the title, and the "
    "whole of it the summary's first paragraph"
)


def _title(events: RowEvents, text: str, where: str, shared: bool) -> str:
    """The description's first sentence, as the title; said when the title is not the whole text."""
    whole = " ".join(text.split())
    first = headline(text)
    if not first:
        events.notes.add(where, "no title and no description; titled 'Untitled row'")
        return "Untitled row"
    cut = first != whole
    if not shared:
        events.notes.add(
            where, f"no title; titled {short(first)} from {'the first sentence of ' if cut else ''}its description"
        )
    elif cut:
        events.notes.group("title: the first sentence of the description (the whole of it is the summary)", where)
    return first


def headline(text: str) -> str:
    """A text's first sentence on one line, at most about 100 characters (cut at a word, marked '…')."""
    first = " ".join(first_sentence(text.strip()).split())
    return first[:99].rsplit(" ", 1)[0] + "…" if len(first) > 100 else first


def first_sentence(text: str) -> str:
    """Up to the first full stop, '!' or '?' that ends a sentence, or the first line break: not the
    stop of an abbreviation ('U.S.', 'Gen.', 'Jan.', an initial 'A.'), nor one a lowercase word follows."""
    for match in _SENTENCE_END.finditer(text):
        if match.group() == "\n":
            return text[: match.start()]
        after = _NEXT.match(text, match.end())
        following = after.group(1) if after else ""
        if following.islower():
            continue
        if match.group() == "." and _abbreviation(text[max(0, match.start() - 24) : match.start()], following):
            continue
        return text[: match.end()]
    return text


def _abbreviation(before: str, next_character: str) -> bool:
    found = _WORD_BEFORE.search(before)
    if found is None:
        return False
    word = found.group().lstrip("(\"'«“‘¿¡[")
    pieces = word.split(".")
    if all(len(piece) == 1 and piece.isalpha() for piece in pieces):
        return True  # 'A', 'U.S', 'J.R.R': initials
    word = word.casefold()
    return word in ABBREVIATIONS or (word in BEFORE_NUMBERS and next_character.isdigit())


def _split(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [item.strip() for item in re.split(rf"\s*[{separator}\n|]\s*", text) if item.strip()]


@dataclass
class _Commas:
    """How a cell of actors is split, said once for each reading of a comma (with its first example):
    on ';', '|' and line breaks; a cell with none of them is split on commas only when it reads as a
    list of names: three parts or more ('Police, Army, Navy'), or two of two words or more each
    ('Óscar Pérez, Nicolás Maduro'), and no part a name's suffix ('Jr.', 'III'); else, as
    'Pérez, Óscar', 'Pérez Rodríguez, Óscar' or 'Smith, Jr., John', it is one name, its commas kept."""

    column: str
    said: set[str] = field(default_factory=set)

    def split(self, events: RowEvents, text: str, where: str) -> list[str]:
        if _LIST.search(text) or "," not in text:
            return [item for item in _LIST.split(text.strip()) if item]
        parts = [part.strip() for part in text.split(",") if part.strip()]
        name_part = any(part.rstrip(".").casefold() in _NAME_PARTS for part in parts)
        # 'Pérez, Óscar' and 'Pérez Rodríguez, Óscar' are one name; 'Óscar Pérez, Nicolás Maduro' and
        # 'Police, Army, Navy' are lists: a guess either way, said with its example
        listed = not name_part and (len(parts) > 2 or (len(parts) == 2 and all(len(p.split()) > 1 for p in parts)))
        reading = "list" if listed else "name"
        if reading not in self.said:
            self.said.add(reading)
            shown = short(" ".join(text.split()))
            if listed:
                found = ", ".join(short(part) for part in parts)
                message = (
                    f"{self.column!r} cells with commas and no ';' are read as lists of names when they look like "
                    f"one: {shown} ({where}) is {found}"
                )
            else:
                message = (
                    f"{self.column!r} cells with commas and no ';' are read as one name when they look like one: "
                    f"{shown} ({where}) is one actor"
                )
            events.notes.add("", f"{message}; separate names with ';' to say which")
        return parts if listed else [" ".join(text.split())]
