"""TimelineJS's Google Sheets template (CSV, XLSX or ODS), today's layout or v2's, read as TimelineJS does.

TimelineJS itself turns each row into a slide of its JSON format; so do we, and the slides go through
the TimelineJS3 importer: the same rules for dates, HTML, links, media, placeholders, groups and ids.
A ``title`` row gives the dataset's title (a second one is an event, with a warning); ``era`` rows
are events tagged ``era``. Columns the template does not have are not lost: tag-like ones (Tags,
Category, Keywords) become tags, the others are kept in the event's summary, each named once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Any

from ..records import When
from ..text import CONTROL, slug_loses, slugify
from .book_hidden import HIDDEN_ROW
from .builder import Pending
from .fields import FOLDED, short
from .html_text import Link, html_to_text
from .month_words import MONTH_NAMES
from .sheet_bound_words import ONGOING, ONGOING_UNUSED, ongoing_unused, says_present
from .sheet_clock import read_time, time_offset
from .sheet_date_values import HourShown, MonthShown, Parsed, Parts
from .sheet_dates import FULLWIDTH, SERIAL_RANGE, ongoing
from .sheet_events import TAGS_KEPT, cell_text
from .sheet_layouts import TIMELINEJS_COLUMNS, normal
from .sheet_read import Cell
from .sheet_when import ALL_MIDNIGHT, ALL_MIDNIGHT_NOTE, ending
from .sheets import Extras, Sheet
from .timelinejs_import import NOT_READ_END, TimelineImporter

FILE_SOURCE = "timelinejs-sheet"
TAG_COLUMNS = frozenset({"tags", "category", "categories", "keywords", "labels", "etiquetas"})
_NUMBER = re.compile(r"^\s*[+-]?\d+(?:\.0*)?\s*$")
_DECIMAL = re.compile(r"^\s*[+-]?\d+\.\d+\s*$")
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
# TimelineJS v2's 'YYYY,MM,DD' (its documented form, with time parts after the day if any)
_V2_DATE = re.compile(r"\s*[+-]?\d+(?:\s*,\s*\d*){1,6}\s*")
_V2_NAMES = ("year", "month", "day", "hour", "minute", "second", "millisecond")
_UNREADABLE = "?"  # a Year that is text with no year in it (already warned about)


@dataclass(slots=True)  # one per row until its event is made: no dict of attributes each
class _Row:
    where: str
    index: int
    slide: dict[str, Any]
    era: bool = False
    start: Parsed | None = None  # a date written as text (v2's Start Date, or a Year like '1850s')
    end: Parsed | None = None
    # Tuples: most rows have none of these, and an empty tuple is one shared object (a list each was
    # 17 MB at 100,000 rows).
    tags: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    unreadable: bool = False  # its date is text with no year: already warned about, skipped
    offset: str | None = None  # the UTC offset its Time cell states, and its End Time's
    end_offset: str | None = None
    said: tuple[str, ...] = ()  # what its date cells gave that the date does not hold, for the start's note
    end_said: tuple[str, ...] = ()  # the same for the end's (the start's, when there is no end)
    present: str | None = None  # an end given as 'present' ('ongoing', 'hasta hoy'), as written


def convert(sheet: Sheet) -> dict[str, Any]:
    at = {key: sheet.header.find(names) for key, names in TIMELINEJS_COLUMNS.items()}
    names = sheet.header.names
    sheet.notes.columns = _labels(at, names)
    importer = TimelineImporter(sheet.name, sheet.notes, FILE_SOURCE, f"TimelineJS sheet {sheet.name}", item="row")
    # the date columns of the other layout (v2's Start Date beside a Year; a Time beside v2's dates) are
    # not read: kept as extra columns, named, never dropped unsaid
    unread = _V2_DATE_KEYS if at["year"] is not None else _TODAY_DATE_KEYS
    known = {p for key, p in at.items() if p is not None and key not in unread}
    tag_columns = [i for i, n in enumerate(names) if i not in known and normal(n) in TAG_COLUMNS]
    layout = "Year, Month, Day and Time" if at["year"] is not None else "Start Date and End Date"
    extras = Extras.of(
        sheet, known | set(tag_columns), f"the TimelineJS template as this sheet uses it (dates in {layout})"
    )
    rows: list[_Row] = []
    title: tuple[str, str] | None = None
    title_at = ""  # the title row's line
    cells_of = _Cells(at)
    other_types: dict[str, list[Any]] = {}  # a Type other than title and era -> [its first row, its rows]
    for where, cells in sheet.rows():
        sheet.repeated(where, cells)
        cell = cells_of.row(cells).__getitem__  # the template's column -> the row's cell (None if absent)
        given_type = cell_text(cell("type"))
        kind = given_type.lower()
        slide = _slide(cell)
        if (headline := slide["text"]["headline"]) and _BREAK.search(headline):
            # a space in HTML, as TimelineJS shows it; the sheet shows a line break: said, as other sheets' are
            sheet.notes.group(FOLDED, f"{where}.text.headline")
        dated = any(cell_text(cell(key)) for key in ("year", "month", "day", "start date"))
        if kind == "title" and title is None:
            (heading, about), title_at = importer.title_slide(slide), where
            # its other columns (notes, tags) go with the description: never dropped unsaid
            kept = [
                f"{extras.label(i)}: {text}" for i in tag_columns if i < len(cells) and (text := cell_text(cells[i]))
            ]
            title = heading, "\n\n".join(filter(None, (about, *extras.details(cells, where), *kept)))
            sheet.counts.titles += 1
            if dated:  # TimelineJS shows no date on its title slide: not lost unsaid
                sheet.notes.add(where, "the title row's date is not used: a TimelineJS title has none")
            continue
        if kind == "title" and not dated:  # not 'read as an event', then 'no year; row skipped'
            sheet.notes.add(where, f"another title row (the title is {title_at}'s), with no date; row skipped")
            continue
        if kind == "title":
            sheet.notes.add(where, f"another title row (the title is {title_at}'s); read as an event")
        row = _Row(where, len(rows), slide, era=kind == "era")
        _dates(sheet, cell, row)
        row.tags = tuple(t for i in tag_columns if i < len(cells) for t in re.split(r"\s*[;,]\s*", cell_text(cells[i])))
        if kind not in ("", "title", "era"):  # a Type TimelineJS does not know: an event, the value kept as a tag
            other_types.setdefault(given_type, [where, 0])[1] += 1
            row.tags = (given_type, *row.tags)
        # a value a tag cannot hold whole ('Политика', a trial found it dropped): in the summary too, by its column
        if kept := [c for i in (at["type"], *tag_columns) if i is not None and (c := _kept(names[i], cells, i))]:
            row.details += tuple(kept)
            sheet.notes.group(TAGS_KEPT, where)
        read = [_read_detail(detail) for detail in (*row.details, *extras.details(cells, where))]
        row.details = tuple(detail for detail, _ in read)  # after the date's cells it kept, if any
        if sheet.hidden(where):
            row.details += (HIDDEN_ROW,)
        row.links = (*(link for _, links in read for link in links), *sheet.links(where))  # and link cells
        rows.append(row)
    extras.warn()
    if other_types:
        _say_other_types(sheet, other_types, names[at["type"]] if at["type"] is not None else "Type")
    if tag_columns:
        shown = ", ".join(repr(names[i]) for i in tag_columns)
        sheet.notes.add("", f"{shown}: not a TimelineJS column; its words became each event's tags")
    given = (row.slide.get("unique_id") for row in rows)
    importer.event_ids.reserve(g.strip() for g in given if isinstance(g, str))  # before any id is made
    rows.reverse()  # taken from the end, each row goes as its event is made: never all of both at once
    pending = [made for _ in range(len(rows)) if (made := _event(sheet, importer, rows.pop())) is not None]
    sheet.counts.events = len(pending)
    heading, description = title or (sheet.stem, "")
    return importer.finish(pending, heading, description)


def _kept(name: str, cells: list[Any], position: int) -> str | None:
    """'Tags: Политика; протест' for a cell whose words a tag cannot hold whole; None for one it can."""
    text = cell_text(cells[position]) if position < len(cells) else ""
    return f"{name}: {text}" if text and slug_loses(text) else None


def _say_other_types(sheet: Sheet, types: dict[str, list[Any]], column: str) -> None:
    """TimelineJS reads only 'title' and 'era' in its Type column: any other value's rows are events."""
    listed = []
    for value, (where, count) in types.items():
        rows = f", {count:,} rows" if count > 1 else ""
        tag = "" if slugify(value, 60) else "; no tag, kept in the summary" if slug_loses(value) else "; no tag"
        listed.append(f"{short(value)} ({where}{rows}{tag})")
    shown = ", ".join(listed[:5]) + (f" and {len(listed) - 5:,} more" if len(listed) > 5 else "")
    sheet.notes.add(
        "",
        f"{column!r} values TimelineJS does not know (only title and era): {shown}; read as events, each value "
        "a tag where it has a letter or digit",
    )


class _Cells:
    """A row's cells by template column, as the file has them; None for a column it lacks or a row cut short."""

    def __init__(self, at: dict[str, int | None]) -> None:
        self.keys = list(at)
        positions = [position for position in at.values() if position is not None]
        self.width = max(positions, default=-1) + 1
        self.positions = [-1 if position is None else position for position in at.values()]
        # A full row (nearly every one) is read by one C call; a cell beyond the row's end is None.
        self.fast = itemgetter(*(p if p >= 0 else self.width for p in self.positions))

    def row(self, cells: list[Cell]) -> dict[str, Cell]:
        if len(cells) >= self.width:
            return dict(zip(self.keys, self.fast([*cells[: self.width], None]), strict=True))
        width = len(cells)
        return {key: cells[p] if 0 <= p < width else None for key, p in zip(self.keys, self.positions, strict=True)}


def _labels(at: dict[str, int | None], names: list[str]) -> dict[str, str]:
    """Where the importer's warnings point ('start_date.year'), in the sheet's own column names."""

    def name(*keys: str) -> str:
        found = [names[p] for k in keys if (p := at.get(k)) is not None]
        return ", ".join(found) or keys[0]

    return {
        "start_date": name("year", "month", "day", "time", "start date"),
        "start_date.year": name("year", "start date"),
        "start_date.month": name("month", "start date"),
        "start_date.day": name("day", "start date"),
        "start_date.hour": name("time", "start date"),
        "start_date.minute": name("time", "start date"),
        "start_date.second": name("time", "start date"),
        "end_date": name("end year", "end month", "end day", "end time", "end date"),
        "end_date.year": name("end year", "end date"),
        "end_date.month": name("end month", "end date"),
        "end_date.day": name("end day", "end date"),
        "end_date.hour": name("end time", "end date"),
        "end_date.minute": name("end time", "end date"),
        "text.headline": name("headline"),
        "text.text": name("text"),
        "text": name("headline", "text"),
        "media": name("media"),
        "media.url": name("media"),
        "media.caption": name("media caption"),
        "media.credit": name("media credit"),
        "group": name("group"),
        "display_date": name("display date"),
        "unique_id": name("unique id"),
    }


_BREAK = re.compile("[\r\n\t\x0b\x0c\x85\u2028\u2029]")  # a line break or a tab, as a cell holds them


def _slide(cell: Any) -> dict[str, Any]:
    """The row as TimelineJS makes it into a slide (dates are added by ``_dates``)."""
    slide: dict[str, Any] = {"text": {"headline": _str(cell("headline")), "text": _str(cell("text"))}}
    media = {"url": _str(cell("media")), "caption": _str(cell("media caption")), "credit": _str(cell("media credit"))}
    if any(media.values()):
        slide["media"] = media
    for key, name in (("group", "group"), ("display date", "display_date"), ("unique id", "unique_id")):
        if value := _str(cell(key)):
            slide[name] = value
    return slide


def _str(value: Cell) -> str | None:
    text = cell_text(value)
    return text or None


_V2_DATE_KEYS = frozenset({"start date", "end date"})
V2_DATE_READ = "no date or time in today's columns: the row's Start Date and End Date (TimelineJS v2's) are its dates"
# (a row with any of these filled is dated by them: its v2 dates are kept in the summary, as ever)
_TODAY_DATE_CELLS = ("year", "month", "day", "time", "end year", "end month", "end day", "end time")
_TODAY_DATE_KEYS = frozenset({"month", "day", "time", "end year", "end month", "end day", "end time"})


def _read_detail(detail: str) -> tuple[str, list[Link]]:
    """An extra column's 'Column: value' as the Text column is read: HTML as plain text, its links and
    every address written in it sources (a cell that is one address was the only one before)."""
    column, _, value = detail.partition(": ")
    links: list[Link] = []
    if _HTML_TAG.search(value):
        html = html_to_text(value)
        value, links = html.text or value, list(html.links)
    seen = {link.url for link in links}
    for found in _URL_IN_TEXT.finditer(value):
        url = found.group().rstrip(".,;:)]")
        if url not in seen:
            seen.add(url)
            links.append(Link(url, column))
    return f"{column}: {value}", links


def _dates(sheet: Sheet, cell: Any, row: _Row) -> None:
    v2 = sheet.header.find(TIMELINEJS_COLUMNS["year"]) is None  # v2: 'Start Date', 'End Date'
    if not v2 and cell_text(cell("start date")) and not any(cell_text(cell(key)) for key in _TODAY_DATE_CELLS):
        v2 = True  # a Year column beside v2's dates, empty on this row: its Start Date is its date
        sheet.notes.group(V2_DATE_READ, row.where)
    if v2:
        start, end = cell("start date"), cell("end date")
        if (parts := _v2_parts(start)) is not None:
            row.slide["start_date"] = parts  # read as a slide's date is, as precise as its parts
        else:
            row.start = sheet.dates.read(start, row.where)
            row.slide["start_date"] = {}
            row.unreadable = row.start is None and bool(cell_text(start))
        if (parts := _v2_parts(end)) is not None:
            row.slide["end_date"] = parts
        elif says_present(cell_text(end)):
            row.present = cell_text(end)
        else:
            row.end = sheet.dates.read(end, row.where, "end date ignored")
            if row.end is None and (given := cell_text(end)):  # warned about: in the date's note too (a re-trial)
                _say(row, "end ", f"the file gives the end {short(given)}: not read")
        return
    row.slide["start_date"], row.start, row.offset = _parts(sheet, cell, row, "")
    row.unreadable = row.start is None and row.slide["start_date"]["year"] is _UNREADABLE
    end, row.end, row.end_offset = _parts(sheet, cell, row, "end ")
    if any(cell_text(value) for value in end.values()) or row.end is not None:
        row.slide["end_date"] = end


def _v2_parts(value: Cell) -> dict[str, str] | None:
    """TimelineJS v2's own date form, 'YYYY,MM,DD[,hh,mm,ss,ms]' ('1990,5,4' is 4 May 1990), as its
    VMM.Date.parse reads it: parts split at commas, in that order, an empty or zero part left out (the
    DateReader then keeps the date as precise as the parts, as for any slide). None for any other cell."""
    if not isinstance(value, str) or _V2_DATE.fullmatch(value) is None:
        return None
    numbers = [part.strip() for part in value.split(",")]
    return {name: number for name, number in zip(_V2_NAMES, numbers, strict=False) if number.lstrip("0")}


def _parts(sheet: Sheet, cell: Any, row: _Row, prefix: str) -> tuple[dict[str, Any], Parsed | None, str | None]:
    """A date from the Year, Month, Day and Time columns (a Year written as text is read as a date),
    and the UTC offset the Time cell states, if any."""
    where = row.where
    # (fullwidth digits and colons read as ASCII, as any date cell's are: '２０１８' skipped its row, a re-trial)
    year, month, day, clock_cell = (
        value.translate(FULLWIDTH) if isinstance(value, str) else value
        for value in (cell(f"{prefix}year"), cell(f"{prefix}month"), cell(f"{prefix}day"), cell(f"{prefix}time"))
    )
    if prefix and not any(cell_text(v) for v in (year, month, day, clock_cell)):
        return {}, None, None  # no end date: the common case, at no cost
    if prefix and says_present(cell_text(year)) and not any(cell_text(v) for v in (month, day, clock_cell)):
        row.present = cell_text(year)  # (it said "'present': no year can be read in it", as any sheet did: a review)
        return {}, None, None
    if prefix and not cell_text(year):  # an end with no year is not used: what it gave stays in the note
        given = ", ".join(cell_text(v) for v in (year, month, day, clock_cell) if cell_text(v))
        _say(row, prefix, f"the file gives an end with no year ({given}): not used")
    if (typed := _year_typed(year, sheet.table.day_zero)) is not None:  # 2018 in a cell formatted as a date
        cell_name = "End Year" if prefix else "Year"
        shown = f"{year:%Y-%m-%d}"
        if not (cell_text(month) or cell_text(day)):  # nothing to tell: the date, the year it may be (a re-trial)
            sheet.notes.group(YEAR_SHOWN_AS_DATE, where)
            _say(
                row, prefix, f"the {cell_name} cell's {shown} is also the year {typed} typed in a cell shown as a date"
            )
        elif _other_day(year, month, day):
            sheet.notes.group(YEAR_SHOWN_AS_DATE, where)
            _say(row, prefix, f"the {cell_name} cell holds {typed} shown as a date ({shown}): read as the year {typed}")
            year = typed
    parsed = None
    # a date cell, or text that is no plain number ('1850s', '1 March 1850'): read as a date
    # ('2019.5' is no date: a number that is not whole, as a workbook's Year cell of 2019.5 is said to be)
    if isinstance(year, _DATE_CELLS) or (
        isinstance(year, str) and year.strip() and not _NUMBER.match(year) and not _DECIMAL.match(year)
    ):
        parsed = sheet.dates.read(year, where, "row skipped" if not prefix else "end date ignored")
        if parsed is not None and not _plain_year(parsed) and "month" not in parsed.parts:
            _keep_parts(sheet, row, prefix, str(year), {"month": month, "day": day, "time": clock_cell})
            return {"year": None}, parsed, None  # '1850s', '1826-31': its Month and Day are no part of it
        year = None if parsed is not None or prefix else _UNREADABLE
    if isinstance(month, str) and month.strip().lower() in MONTH_NAMES:
        month = MONTH_NAMES[month.strip().lower()]
    if (lost := _day_number(year)) is not None and not cell_text(month) and not cell_text(day):
        said = f"a Year of {lost[0]} read as that year, as TimelineJS reads it: it may be a spreadsheet's day number"
        sheet.notes.group(f"{said} that lost its date format", where)
        _say(row, prefix, f"{said} ({lost[1]})")
    date: dict[str, Any] = {"year": year, "month": month, "day": day}
    clock, offset = _time_of(clock_cell) if isinstance(clock_cell, str) else (read_time(clock_cell), None)
    shown_day = clock_cell.date() if isinstance(clock_cell, datetime) else _DAY_ZERO  # a Time cell showing a day
    if shown_day != _DAY_ZERO and not all(
        _same_number(date[k], getattr(shown_day, k)) for k in ("year", "month", "day")
    ):
        clock = f"the Time cell gives a day too, {shown_day.isoformat()}, not this row's"  # (before: dropped, unsaid)
    if isinstance(clock, str):
        sheet.notes.add(where, f"{clock}; the time is ignored")
        _say(row, prefix, f"{clock}: the time is ignored")
    elif clock is not None:
        date.update(clock)
    return date, parsed, offset  # (an offset no zone has, '+25:00', is refused with its time by read_time)


_DAY_ZERO = date(1899, 12, 30)  # the day a time-of-day cell's number stands on: no day of the file's


def _day_number(year: Any) -> tuple[int, str] | None:
    """A Year of five digits that a spreadsheet's day number could be (43910, a date cell that lost its format:
    20 March 2020), and that day; it was read as the year 43910, unsaid (a date trial)."""
    text = cell_text(year).strip().removesuffix(".0")
    if not text.isdigit() or len(text) != 5 or not SERIAL_RANGE[0] <= (number := int(text)) <= SERIAL_RANGE[1]:
        return None
    return number, (_DAY_ZERO + timedelta(days=number)).isoformat()


_DATE_CELLS = (date, MonthShown, HourShown)  # a workbook's date cell in a Year column, as its format shows it

# A year typed in a Year cell formatted as a date shows as a day of 1902-1906 (2018 is 1905-07-10, days
# counted from 30 December 1899): read as that year where the Month or Day cell says another day (a
# trial found the date read, its Month and Day set aside as 'given by the Year cell')
YEAR_SHOWN_AS_DATE = (
    "a Year cell formatted as a date, holding a number that is a year (in a workbook counting from 1900, 2018 shows "
    "as 1905-07-10): beside a Month or Day cell of another day, read as that year with them; alone, read as the "
    "date, the year it may be said (in the date's note)"
)
_YEARS = range(1000, 2201)


TYPED_AS_DATE = (
    "a Year cell holding a day of 1902-1906 beside a Month or Day cell of another day: the day is read, the Month "
    "and Day kept in the summary; a spreadsheet shows a year typed in a cell formatted as a date so (2018 as "
    "1905-07-10), said in the date's note"
)


def _typed_as_date(parts: Parts) -> str | None:
    """For a Year cell's day of text that a spreadsheet shows for a year typed in a date cell, what to say."""
    if not {"year", "month", "day"} <= parts.keys() or not 1900 <= parts["year"] <= 1906:
        return None
    try:  # (a day the calendar has not, '1905-02-30', is said where the date is read: not a year here)
        day = date(parts["year"], parts["month"], parts["day"])
    except ValueError:
        return None
    if (number := _year_typed(day, _DAY_ZERO)) is None:
        return None
    return (
        f"{day:%Y-%m-%d} is how a spreadsheet shows the year {number} typed in a cell formatted as a date: if that "
        "year is meant, write it as a number"
    )


def _year_typed(year: Cell, day_zero: date) -> int | None:
    """The year a Year cell's date may be typed as, its format showing it as a day (``YEAR_SHOWN_AS_DATE``), its
    days counted from ``day_zero`` (1904's in a workbook of that system: a re-trial found it read as 1909)."""
    if type(year) not in (date, datetime) or (isinstance(year, datetime) and year.time() != time(0)):
        return None
    number = ((year if type(year) is date else year.date()) - day_zero).days  # type: ignore[union-attr]
    return number if number in _YEARS else None


def _other_day(year: Any, month: Cell, day: Cell) -> bool:
    """Whether the Month or the Day cell gives another than the Year cell's date: a year typed, then."""
    given = [(cell, part) for cell, part in ((month, year.month), (day, year.day)) if cell_text(cell)]
    return any(not _same_number(cell, part) for cell, part in given)


def _say(row: _Row, prefix: str, said: str) -> None:
    if prefix:
        row.end_said = (*row.end_said, said)
    else:
        row.said = (*row.said, said)


def _plain_year(parsed: Parsed) -> bool:
    """A Year cell's text that is one year, exactly ('476 BCE'): its Month and Day cells complete it."""
    return set(parsed.parts) == {"year"} and parsed.end is None and not parsed.approximate


def _keep_parts(sheet: Sheet, row: _Row, prefix: str, year: str, cells: dict[str, Cell]) -> None:
    """The Month, Day and Time cells of a Year that is not a plain year ('1850s', '1826-31', 'c. 1900'):
    not part of its date (a day of a decade would be invented), kept in the summary and said, as the
    other spreadsheets keep them."""
    given = {key: text for key, value in cells.items() if (text := cell_text(value))}
    if not given:
        return
    names = sheet.header.names
    column = {
        key: names[at]
        for key in (*given, "year")
        if (at := sheet.header.find(TIMELINEJS_COLUMNS[prefix + key])) is not None
    }
    reader = sheet.notes_reader
    row.details = (
        *row.details,
        *(f"{CONTROL.sub('', column[key])}: {reader.clean(text, row.where)}" for key, text in given.items()),
    )
    shown = ", ".join(repr(column[key]) for key in given)
    sheet.notes.add(
        row.where,
        f"{short(year.strip())} in {column['year']!r} is not a plain year, so its {shown} "
        f"{'cell is' if len(given) == 1 else 'cells are'} not part of the date; kept in the summary",
    )


@lru_cache(maxsize=4096)  # a sheet's times repeat (1,440 minutes in a day): each text read once
def _time_of(text: str) -> tuple[Parts | str | None, str | None]:
    """The time's parts (only ever copied from, never changed) and the offset it states."""
    parts = read_time(text)
    return parts, time_offset(text) if isinstance(parts, dict) else None


def _event(sheet: Sheet, importer: TimelineImporter, row: _Row) -> Pending | None:
    if row.unreadable or (row.start is not None and sheet.dates.backward(row.start, row.where)):
        return None
    if row.end is not None and sheet.dates.backward(row.end, row.where, "end date ignored"):
        row.end = None
        row.slide.pop("end_date", None)
    for name, parsed in (("start_date", row.start), ("end_date", row.end)):
        if parsed is not None:
            given = {k: v for k, v in row.slide.get(name, {}).items() if v is not None and v != ""}
            parts = sheet.dates.parts(parsed if name == "start_date" else ending(parsed))
            row.slide[name] = {**given, **parts} if "month" not in parts else _text_date(sheet, row, name, given, parts)
            note = parsed.note
            if sheet.dates.as_day(parsed):  # every time the file gives is midnight: days, said (``SheetDates``)
                sheet.notes.group(ALL_MIDNIGHT, row.where)
                note = f"{note}; {ALL_MIDNIGHT_NOTE}" if note else ALL_MIDNIGHT_NOTE
            if name == "start_date" and note and "display_date" not in row.slide:
                row.slide["display_date"] = note
    zones = (
        row.offset or (row.start.offset if row.start else None),
        row.end_offset or (row.end.offset if row.end else None),
    )
    pending = importer.slide(row.slide, row.where, row.index, era=row.era, zones=zones)
    if pending is None:
        return None
    if row.era and "end" not in pending.fields:
        sheet.notes.add(row.where, "an era without an end date; kept as a point in time")
    _refine(sheet, importer, row, pending)
    return pending


def _text_date(sheet: Sheet, row: _Row, name: str, given: dict[str, Any], parts: Parts) -> dict[str, Any]:
    """A Year cell written as a whole date ('1 March 1850') gives the month and day; Month and Day cells
    that say otherwise are named, not silently dropped; a Time cell still gives the time of that day."""
    names = sheet.header.names
    prefix = "end " if name == "end_date" else ""
    cell_name = f"{prefix}Year cell".capitalize()

    def kept(key: str, shown: str, why: str) -> None:  # named in a warning, kept in the summary
        part = "hour" if key == "time" else key  # where the warning points: the Time column for a time
        sheet.notes.add(f"{row.where}.{name}.{part}", f"{shown!r} ignored: {why}; kept in the summary")
        at = sheet.header.find(TIMELINEJS_COLUMNS[prefix + key])
        column = CONTROL.sub("", names[at]) if at is not None else f"{prefix}{key}".title()
        row.details = (*row.details, f"{column}: {sheet.notes_reader.clean(shown, row.where)}")

    typed = _typed_as_date(parts) if sheet.table.unit == "line" else None  # (a workbook's cells: ``_year_typed``)
    if typed and any(k in given and k in parts and not _same_number(given[k], parts[k]) for k in ("month", "day")):
        # the sheet's CSV download of a year typed in a cell formatted as a date: said, not guessed (a re-trial)
        _say(row, "end " if name == "end_date" else "", typed)
        sheet.notes.group(TYPED_AS_DATE, f"{row.where}.{name}.year")
    for key in ("month", "day"):
        if key in given and key in parts and not _same_number(given[key], parts[key]):
            kept(key, cell_text(given[key]), f"the date written in the {cell_name} gives its own {key}")
        elif key in given and key not in parts:  # 'March 1850' and a Day of 5: not joined into a day
            kept(
                key,
                cell_text(given[key]),
                f"the date written in the {cell_name} gives no {key}, and is read as written",
            )
    clock: dict[str, Any] = {key: given[key] for key in ("hour", "minute", "second") if key in given}
    if clock and "hour" in parts:  # the Year cell's own time wins; the Time cell's is named, not read in its zone
        shown = ":".join(f"{clock[k]:02d}" for k in ("hour", "minute", "second") if k in clock)
        kept("time", shown, f"the date written in the {cell_name} gives its own time")
        if name == "start_date":
            row.offset = None
        else:
            row.end_offset = None
        clock = {}
    if clock and "day" not in parts:
        sheet.notes.add(f"{row.where}.{name}.hour", f"the time is ignored: the date in the {cell_name} gives no day")
        clock = {}
    return {**parts, **clock}


def _ongoing(sheet: Sheet, row: _Row, start: When, cell: str) -> When | None:
    """An End Year of 'present' as any sheet's end cell of it (``ongoing``): an end given only as a bound, from the
    start on; None, said, after a start given only about or as a bound (no one day it runs on from is known)."""
    day = dict(zip(("year", "month", "day"), start.parts()[:3], strict=False))
    end = ongoing(Parsed(day, approximate=start.approximate, note=start.note), cell)
    if end is None:
        sheet.notes.group(ONGOING_UNUSED, row.where)
        return None
    sheet.notes.group(ONGOING, row.where)
    return sheet.dates.when(end, row.where, "end date ignored")


def _same_number(cell: Any, number: int) -> bool:
    try:
        return float(cell_text(cell)) == number
    except ValueError:
        return False


def _refine(sheet: Sheet, importer: TimelineImporter, row: _Row, pending: Pending) -> None:
    """What the sheet says beyond a slide: approximate text dates, their ends, zones, extra columns."""
    fields, start = pending.fields, row.start
    for key, said in (("when", row.said), ("end", row.end_said)):
        if said:
            key = key if key in fields else "when"  # an end not made: what it gave is said on the start
            note = fields[key].note
            if note and key == "when" and row.end_said and NOT_READ_END in note:  # (the importer's, less precise)
                note = "; ".join(part for part in note.split("; ") if not part.startswith(NOT_READ_END)) or None
            fields[key] = replace(fields[key], note="; ".join(filter(None, (note, *said))))
    pending.when = fields["when"]
    if start is not None:
        when = fields["when"]
        if start.approximate and not when.approximate:
            when = replace(when, approximate=True)
        if not start.waits() and start.note and when.note and start.note not in when.note:
            # a Display Date is the note: how the Year cell's text was read follows it, never lost
            when = replace(when, note=f"{when.note}; {start.note}")
        elif start.waits() and (note := sheet.dates.note(start)) != start.note:
            # '2/3/2011': how its day order was chosen, on the date, as for any sheet (the warning says it once)
            kept = when.note if when.note and when.note != start.note else None
            when = replace(when, note=f"{kept}; {note}" if kept else note)
        fields["when"] = pending.when = when
        if "end" not in fields and (end := sheet.dates.end_of(start, row.where)) is not None:
            fields["end"] = end
        elif "end" in fields:
            fields["end"], other = sheet.dates.other_end(start, fields["end"], row.where)
            if other is not None:
                fields["when"] = pending.when = replace(when, note=f"{when.note}; {other}" if when.note else other)
    if row.present is not None and "end" not in fields:
        fields["end"] = _ongoing(sheet, row, fields["when"], row.present)
        if fields["end"] is None:  # (said on the start too: the warning alone said it, a re-trial)
            del fields["end"]
            unused, when = ongoing_unused(row.present), fields["when"]
            fields["when"] = pending.when = replace(when, note=f"{when.note}; {unused}" if when.note else unused)
    ended = row.end
    read = (sheet.dates.note(ended) if ended.waits() else ended.note) if ended is not None else None
    if ended is not None and (made := fields.get("end")) is not None and (ended.approximate or read):
        # an end written as text ('1826-31', 'c. 1900'): its note and approximate flag, as a start's; and, for
        # one whose day and month wait for the file's order ('3/5/2018'), how they were read (a date trial
        # found it unmarked, and a date search then blind to its other reading)
        note = read if not made.note or made.note == read else f"{read}; {made.note}"
        fields["end"] = replace(made, approximate=made.approximate or ended.approximate, note=note)
    for tag in (slugify(t, 60) for t in row.tags):
        if tag and tag not in fields["tags"]:
            fields["tags"].append(tag)
    if row.details:
        summary = "\n\n".join(p for p in [fields.get("summary", ""), *row.details] if p)
        fields["summary"] = importer.text.cut(summary, row.where)
    for link in row.links:
        if (source := importer.book.link(link, row.where)) and source not in fields["sources"]:
            fields["sources"].append(source)
