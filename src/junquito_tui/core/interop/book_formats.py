"""Workbook dates read as their format shows them, not as the day and time the file stores.

A spreadsheet stores every date as a day number (and a time as its fraction) and shows it through a
format; python-calamine gives what is stored, not the format. So "June 2017" typed in Excel (stored as
1 June 2017, shown 'mmm-yy') became an event of 1 June 2017; a date showing no year ('d-mmm': Excel
fills in the year it was typed in) became an exact day; a time a 'yyyy-mm-dd' format hides became a
precise minute. Here each cell style's format is classed (``shown``), the sheet's cells of the styles
that show less than they store are found (``xlsx_formats``, ``ods_formats``, ``binary_formats``: one
module a family of files), and ``read_as_shown`` reads them as shown, saying so in a warning: a month
or a year as that text, a hidden time dropped, a date with no year shown refused (its row is named), a
date whose format shows only a time as a time of day, a day shown with its hour and no minutes as the
day (our dates have no hour precision: the hour goes in the date's note), a month or a year shown with
a time and no day as the month or the year. A format whose conditions choose among ways to show a date
('[<40000]d/m/yyyy;yyyy', an ODS style:map) is read as the least of them, said. Rows of formulas the
file keeps no value for (the reader sees them empty) are named too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from .book_errors import error_text, letters, read_errors
from .book_links import MAX_ADDRESS, MAX_CELLS, MAX_TEXT
from .notes import SHOWN_PATHS
from .sheet_date_values import Hidden, HourShown, MidnightShown, MonthShown, PartTime

# What a format shows of a date (None: no date at all)
YEAR, MONTH, DAY, NO_YEAR, TIME, LOCALE = "year", "month", "day", "no year", "time", "locale"
# A day and its hour, no minutes ('yyyy-mm-dd hh'): our dates have no hour precision, so the day, the
# hour in its note; a month or a year and a time but no day ('mmm yyyy hh:mm'): the month or the year
HOUR, MONTH_TIME, YEAR_TIME = "hour", "month, time", "year, time"
# A time of day shown in part: its hour and not the minutes ('h AM/PM'), minutes and not the hour ('mm:ss')
HOUR_OF_DAY, CLOCK_PART = "hour of the day", "minutes of no hour"
# A day and its time to the minute ('dd/mm/yyyy hh:mm'): all a date stores, except that python-calamine
# gives a midnight as the day alone; looked for (as DAY) only where some cell of the sheet has a time
MINUTE = "day and time"
TIMED = (DAY, MINUTE)  # the kinds looked for only then (``timed_only``)
# Marks a kind a format's conditions chose among its looks (the least precise, which every look shows)
BY_VALUE = "|by value"
# Excel's built-in formats are numbered (an XLSX or XLSB file names them without their text):
# 14 m/d/yyyy, 15 d-mmm-yy, 16 d-mmm, 17 mmm-yy, 18-21 and 45-47 times, 22 m/d/yy h:mm. Those of
# 27-36 and 50-58 show what the language of the program showing them says (a month in Chinese
# Excel, a day in Japanese): read as stored, said.
BUILT_IN = {14: DAY, 15: DAY, 16: NO_YEAR, 17: MONTH, **dict.fromkeys((18, 19, 20, 21, 46), TIME)}
BUILT_IN |= {45: CLOCK_PART, 47: CLOCK_PART}  # 'mm:ss', 'mmss.0'
BUILT_IN |= dict.fromkeys((*range(27, 37), *range(50, 59)), LOCALE)
# A format's literal parts ("text", \x, [colour], [$-409], [h]), its AM/PM markers, 'General' and a
# number's exponent (0.00E+00) say nothing of the date it shows
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|am/pm|a/p|general|e[+-]')
# y, and the era years of East Asian locales (e, b: '[$-411]ge.m.d', 'd mmm bbbb'), show a year;
# g is an era's name
_PARTS = re.compile(r"[yeb]+|g+|m+|d+|h+|s+")
_YEAR_LETTERS = frozenset("yeb")
# A format's sections (';' outside quotes, escapes and brackets) and a section's condition ('[<=100]')
_TOKENS = re.compile(r'"[^"]*"?|\\.?|\[[^\]]*\]?|;|[^"\\\[;]+')
_CONDITION = re.compile(r"\[\s*(<=|>=|<>|<|>|=)\s*([+-]?[0-9]+(?:\.[0-9]*)?)\s*\]")
_COMPARE = {
    "<": float.__lt__,
    ">": float.__gt__,
    "=": float.__eq__,
    "<=": float.__le__,
    ">=": float.__ge__,
    "<>": float.__ne__,
}
_LAST_DAY = 2958465.99999  # 31 December 9999, Excel's last day: no date is a larger number
# From the least a kind says of a date to the most (TIME and NO_YEAR say none: the row is named)
_COARSE = (NO_YEAR, CLOCK_PART, HOUR_OF_DAY, TIME, YEAR_TIME, YEAR, MONTH_TIME, MONTH, DAY, HOUR, MINUTE, None)


def shown(format_code: str) -> str | None:
    """What a number format shows of a date: ``YEAR`` ('yyyy'), ``MONTH`` ('mmm-yy'), ``DAY`` (a date
    and no time: 'd/m/yyyy'), ``HOUR`` (a date and its hour, no minutes), ``MONTH_TIME`` and
    ``YEAR_TIME`` (a time but no day), ``NO_YEAR`` ('d-mmm', 'mmmm', 'dddd'), ``TIME`` ('h:mm', no
    date); ``MINUTE`` for a date with its time ('yyyy-mm-dd hh:mm'); None for no date part at all ('0.00',
    'General'). Of a format whose conditions show a date in several ways, the least of them."""
    return shown_by_value(format_code)[0]


def kind_of(format_code: str) -> str | None:
    """``shown``, marked ``BY_VALUE`` when the format's conditions chose it among looks that differ."""
    what, varies = shown_by_value(format_code)
    return f"{what}{BY_VALUE}" if what is not None and varies else what


def shown_by_value(format_code: str) -> tuple[str | None, bool]:
    """``shown``, and whether the sections a date can be shown by ([>=40000]yyyy;d/m/yyyy) differ."""
    # a section that shows a number ('0.00') shows no date: not one of its looks
    dated = [_classed(parts) for section in date_sections(format_code) if (parts := _parts(section))]
    return (coarsest(dated), len(set(dated)) > 1) if dated else (None, False)


def coarsest(kinds: list[str | None]) -> str | None:
    """Of the kinds a cell may be shown as, the one claiming least of its date."""
    return min(kinds, key=_COARSE.index)


def timed_only(styles: dict[Any, str], times: bool) -> dict[Any, str]:
    """The styles worth looking for: those that show a date's time or hide it only if some cell of the
    sheet has a time (``times``; most sheets: none, and a midnight there is the day)."""
    return styles if times else {key: what for key, what in styles.items() if base(what) not in TIMED}


def base(kind: str) -> str:
    """A found cell's kind without its ``BY_VALUE`` mark."""
    return kind.removesuffix(BY_VALUE)


def date_sections(format_code: str) -> list[str]:
    """The sections a date (a day number of 0-9999: Excel shows none below 0) can be shown by. With no
    condition, the first; with conditions, each that some positive number reaches: Excel takes the
    first section whose condition holds, one without a condition holding for what the others leave."""
    sections, current = [], ""
    for token in _TOKENS.findall(format_code):
        if token == ";":
            sections.append(current)
            current = ""
        else:
            current += token
    sections = [section for section in [*sections, current] if "@" not in _LITERALS.sub("", section)][:3]
    conditions = [_CONDITION.search(section) for section in sections]
    if not any(conditions):
        return sections[:1]
    bounds = {float(match.group(2)) for match in conditions if match}
    # each condition changes only at its bound: a number at, just below and just above each, and far out
    probes = {1e-9, _LAST_DAY} | {bound + step for bound in bounds for step in (-1e-6, 0.0, 1e-6)}
    reached: dict[int, None] = {}
    for value in sorted(probe for probe in probes if 0 < probe <= _LAST_DAY):
        for at, match in enumerate(conditions):
            if match is None or _COMPARE[match.group(1)](value, float(match.group(2))):
                reached[at] = None
                break
    return [sections[at] for at in reached]


# '[h]:mm:ss', '[mm]:ss': elapsed hours, minutes or seconds, shown as such (not a locale or a colour)
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]")


def _parts(section: str) -> set[str]:
    """The parts of a date or a time a section shows: 'y', 'm', 'd', 'weekday', 'g', 'h', 'minutes', 's'."""
    return {kind for kind, _ in parts_in_order(section)}


def parts_in_order(section: str) -> list[tuple[str, str]]:
    """(kind, as written) of each part of a date or a time a section shows, in its order: 'd' with 'dd'."""
    code = _LITERALS.sub("", _ELAPSED.sub(r"\1", section.lower()))
    parts = _PARTS.findall(code)
    kinds = []
    for at, part in enumerate(parts):
        kind = "y" if part[0] in _YEAR_LETTERS else part[0]
        # Excel's rule: 'm' or 'mm' right after an hour or right before seconds is minutes
        if kind == "m" and len(part) <= 2:
            before = parts[at - 1][0] if at else ""
            after = parts[at + 1][0] if at + 1 < len(parts) else ""
            if before == "h" or after == "s":
                kind = "minutes"
        if kind == "d" and len(part) >= 3:
            kind = "weekday"  # 'ddd', 'dddd': the day's name, not its number in the month
        if kind == "m" and len(part) == 5:
            kind = "weekday"  # 'mmmmm': the month's first letter (J: January, June or July), no month
        kinds.append((kind, part))
    return kinds


def _classed(kinds: set[str]) -> str | None:
    return classed(
        year="y" in kinds,
        month="m" in kinds,
        day="d" in kinds,
        other="weekday" in kinds or "g" in kinds,
        hours="h" in kinds,
        minutes="minutes" in kinds,
        seconds="s" in kinds,
    )


def classed(
    *, year: bool, month: bool, day: bool, other: bool, hours: bool, minutes: bool, seconds: bool
) -> str | None:
    """What a format showing these parts shows of a date (``other``: a weekday, a quarter, a week, an
    era's name: none of them a year, a month or a day of the month). Never a part it does not show:
    a time is a time only to the minute, with its hour; a date only with its day."""
    timed = hours or minutes or seconds
    if not (year or month or day or other):
        if not timed:
            return None
        return TIME if hours and minutes else HOUR_OF_DAY if hours else CLOCK_PART  # '2 PM' is no time to the minute
    if not year:
        return NO_YEAR
    if month and day:
        if hours and minutes:
            return MINUTE
        return HOUR if hours else DAY  # seconds or minutes of no hour: no time of the day
    if month:
        return MONTH_TIME if timed else MONTH
    return YEAR_TIME if timed else YEAR  # a day of no month ('15 2017'), a weekday or a quarter and a year


@dataclass
class FoundCells:
    """What the look at a sheet found, in runs as the file writes them (a row or a cell an ODS file
    repeats 100,000 times is one run, not 100,000 entries): 0-based rows and columns as the reader
    counts them. An XLSX, XLS or XLSB sheet's cells are runs of one."""

    shown: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # row, rows, column, columns, what
    uncomputed: list[tuple[int, int]] = field(default_factory=list)  # row, rows: formulas with no value
    said: list[str] = field(default_factory=list)  # what the look could not do, for warnings
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, the error shown ('#N/A')
    links: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, a link cell's address
    texts: list[tuple[int, int, str]] = field(default_factory=list)  # row, column, an ODS cell's text as written
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # row, rows, column, columns (ODS, XLSB)
    from_1904: bool = False  # an XLS or XLSB workbook counting its days from 1904 (an XLSX's: ``sheet_read``)
    hidden_rows: list[tuple[int, int]] = field(default_factory=list)  # row, rows: hidden (``book_hidden``)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # column, columns: hidden
    orders: dict[str, tuple[int, int]] = field(default_factory=dict)  # 'dmy' -> date cells so formatted, first row

    def merged(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The merged ranges as python-calamine gives them: ((first row, column), (last row, column))."""
        return [((row, column), (row + rows - 1, column + columns - 1)) for row, rows, column, columns in self.merges]

    def to_json(self) -> dict[str, Any]:
        """As the child sends it: single cells of a column merged into runs of rows."""
        return {
            "shown": _runs(self.shown),
            "uncomputed": [list(run) for run in self.uncomputed],
            "said": self.said,
            "errors": [list(cell) for cell in self.errors],
            "links": [list(cell) for cell in self.links],
            "texts": [list(cell) for cell in self.texts],
            "merges": [list(run) for run in self.merges],
            "from_1904": self.from_1904,
            "hidden_rows": [list(run) for run in self.hidden_rows],
            "hidden_columns": [list(run) for run in self.hidden_columns],
            "orders": {order: list(counted) for order, counted in self.orders.items()},
        }

    @classmethod
    def of_json(cls, data: object) -> FoundCells | None:
        """What the child sent, or None if it is not that shape."""
        if not isinstance(data, dict):
            return None
        shown, uncomputed, said, errors = (data.get(key) for key in ("shown", "uncomputed", "said", "errors"))
        kinds = {YEAR, MONTH, DAY, HOUR, MINUTE, MONTH_TIME, YEAR_TIME, NO_YEAR, TIME, HOUR_OF_DAY, CLOCK_PART, LOCALE}
        kinds |= {f"{kind}{BY_VALUE}" for kind in kinds}
        if not (
            isinstance(shown, list)
            and all(_numbers(run, 4) and isinstance(run[4], str) and run[4] in kinds for run in shown)
            and isinstance(uncomputed, list)
            and all(_numbers(run, 2) for run in uncomputed)
            and isinstance(said, list)
            and all(isinstance(text, str) for text in said)
            and isinstance(errors, list)
            and all(isinstance(cell, list) and len(cell) == 3 and _numbers(cell[:2], 2) for cell in errors)
            and all(isinstance(cell[2], str) and error_text(cell[2]) == cell[2] for cell in errors)
        ):
            return None
        links, texts = (_cells_with_text(data.get(key)) for key in ("links", "texts"))
        merges, from_1904 = data.get("merges", []), data.get("from_1904", False)  # (none: an older child's answer)
        if links is None or texts is None or not isinstance(merges, list) or len(merges) > MAX_CELLS:
            return None
        hidden = [data.get(key, []) for key in ("hidden_rows", "hidden_columns")]  # (none: an older child's)
        if not isinstance(from_1904, bool) or not all(_runs_of_two(runs) for runs in hidden):
            return None
        orders = data.get("orders", {})
        if not isinstance(orders, dict) or not all(
            order in ("dmy", "mdy") and _numbers(counted, 2) for order, counted in orders.items()
        ):
            return None
        if not all(isinstance(run, list) and _numbers(run[:2], 2) and _numbers(run[2:], 2) and run[1] and run[3]
                   for run in merges):  # fmt: skip
            return None
        cells = [(cell[0], cell[1], cell[2]) for cell in errors]
        spans = [(run[0], run[1], run[2], run[3]) for run in merges]
        dates, rows = [tuple(run) for run in shown], [tuple(run) for run in uncomputed]
        hidden_rows, hidden_columns = ([(run[0], run[1]) for run in runs] for runs in hidden)
        counted = {order: (count, first) for order, (count, first) in orders.items()}
        return cls(dates, rows, said, cells, links, texts, spans, from_1904, hidden_rows, hidden_columns, counted)


def _cells_with_text(cells: object) -> list[tuple[int, int, str]] | None:
    """[[row, column, text], ...] as the child sent them (none: an older child's answer), or None."""
    if cells is None:
        return []
    if not isinstance(cells, list) or len(cells) > MAX_CELLS or not all(
        isinstance(cell, list) and len(cell) == 3 and _numbers(cell[:2], 2) and isinstance(cell[2], str)
        and len(cell[2]) <= MAX_TEXT
        for cell in cells
    ):  # fmt: skip
        return None
    return [(cell[0], cell[1], cell[2]) for cell in cells]


def _runs_of_two(runs: object) -> bool:
    """[[first, count], ...] as the child sends hidden rows or columns: counts of one or more."""
    return isinstance(runs, list) and len(runs) <= MAX_CELLS and all(_numbers(run, 2) and run[1] for run in runs)


def _numbers(run: object, count: int) -> bool:
    return (
        isinstance(run, list)
        and len(run) >= count
        and all(type(number) is int and number >= 0 for number in run[:count])
        and len(run) == count + (count == 4)
    )


def _runs(shown: list[tuple[int, int, int, int, str]]) -> list[list[Any]]:
    """Cells of one row each, merged down their column into runs (a date column is one run)."""
    single = sorted((run for run in shown if run[1] == 1 and run[3] == 1), key=lambda run: (run[2], run[4], run[0]))
    runs: list[list[Any]] = []
    for row, _, column, _, what in single:
        last = runs[-1] if runs else None
        if last is not None and last[2] == column and last[4] == what and last[0] <= row <= last[0] + last[1]:
            last[1] = max(last[1], row - last[0] + 1)
        else:
            runs.append([row, 1, column, 1, what])
    return runs + [list(run) for run in shown if not (run[1] == 1 and run[3] == 1)]


def formats_unread(error: object) -> str:
    """The warning for a file whose formats cannot be read: its dates are read as stored."""
    return (
        f"the cells' number formats could not be read ({error}): a date cell formatted to show only its month or "
        "year, no year, or no time, is read as the day and time the file stores"
    )


def hidden_times(rows: list[list[object]]) -> bool:
    """Whether any cell holds a date with a time: only then can a format hide one (most sheets: none)."""
    midnight = time(0, 0)
    return any(type(cell) is datetime and cell.time() != midnight for row in rows for cell in row)


_SAID = {
    MINUTE: "formatted to show a day and its time, in a sheet whose other date cells hold times, and showing "
    "00:00: read as that time, as the sheet shows it, where the column's times are read (a midnight is otherwise "
    "taken for a day alone, as spreadsheets store a date; an ACLED event_date is a day, said)",
    MONTH: "formatted to show only the month or the year (as 'mmm-yy' or 'yyyy' do): read as shown, not as "
    "the first day a spreadsheet stores for them",
    DAY: "formatted to hide the time stored with the day (as 'yyyy-mm-dd' does): read as the day shown, without "
    "the time",
    HOUR: "formatted to show the day and the hour but not the minutes (as 'yyyy-mm-dd hh' does): read as the day "
    "(a date here is precise to the day or the minute, never the hour), the hour shown kept in the date's note",
    MONTH_TIME: "formatted to show the month or the year and a time but no day (as 'mmm yyyy hh:mm' does): read "
    "as the month or the year shown; the time, of a day the sheet does not show, is not read",
    NO_YEAR: "formatted to show no year (as 'd-mmm', 'mmmm' or a weekday do): the year stored is not one the "
    "sheet shows, so each is named and its row skipped where it is the date; in a title or any other column "
    "(text such as '9/11' that Excel turned into a date), the day and month stored are shown",
    TIME: "formatted to show only a time (as 'h:mm' does): the day stored is not one the sheet shows, so each "
    "is read as a time of day",
    HOUR_OF_DAY: "formatted to show a time's hour but not its minutes (as 'h AM/PM' does): no time of day is read "
    "from them (a time here is precise to the minute, never the hour)",
    CLOCK_PART: "formatted to show minutes and seconds but not the hour (as 'mm:ss' does): no time of day is read "
    "from them",
    LOCALE: "in one of Excel's built-in formats whose look depends on the language of the program showing it "
    "(numbered 27-36 and 50-58: a month in Chinese Excel, a day in Japanese): read as the day stored; check them "
    "against the sheet",
    BY_VALUE: "in a format that shows a date one way or another by its value (sections with conditions, as "
    "'[<40000]d/m/yyyy;yyyy', or an ODS style's conditions, style:map): read as the least any of its ways shows",
}
_WARNED = {YEAR: MONTH, YEAR_TIME: MONTH_TIME}  # one warning for both


def find(path: Path, sheet_name: str, times: bool, formulas: frozenset[str], orders: bool = False) -> FoundCells:
    """The named sheet's cells whose format shows less of a date than they store (a hidden time looked
    for only when some cell has one: ``times``), and its formulas with no value (in an XLSX, only in
    ``formulas``, the parts ``book_guard`` saw formula tags in). Run in the probe's child, where a
    hostile file's styles or records can cost only that process's bounded memory and time. ``orders``:
    count the date cells by the day/month order their format writes out (``book_order``)."""
    if _is_ods(path):
        from .ods_formats import ods_cells

        return ods_cells(path, sheet_name, times, orders)
    from .binary_formats import binary_cells
    from .xlsx_formats import xlsx_cells

    binary = binary_cells(path, sheet_name, times, orders)
    return binary if binary is not None else xlsx_cells(path, sheet_name, times, formulas, orders)


def _is_ods(path: Path) -> bool:
    """By its content, as the reader tells it (a file's name may say anything)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as book:
            names = set(book.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "content.xml" in names and not names & {"xl/workbook.xml", "xl/workbook.bin"}


def read_as_shown(found: FoundCells, rows: list[list[object]], start: tuple[int, int]) -> list[str]:
    """The date cells of ``rows`` (the sheet from ``start``, its first row and column) that ``found``
    names, read as their formats show them, in place; what was done and found, for warnings."""
    changed: Counter[str] = Counter()
    first: dict[str, str] = {}  # each warning's example: a cell's row and what was read
    for row, count, column, columns, kind in found.shown:
        what = base(kind)
        for at in range(max(row - start[0], 0), min(row + count - start[0], len(rows))):
            cells_of = rows[at]
            for across in range(max(column - start[1], 0), min(column + columns - start[1], len(cells_of))):
                value = cells_of[across]
                if not isinstance(value, date) and not (isinstance(value, time) and what in _PART_TIMES):
                    continue
                read = value if what == LOCALE else _as_shown(value, what)
                if what != LOCALE and read is value:
                    continue
                cells_of[across] = read
                example = f"row {start[0] + at + 1}: {read}"
                for said in (_WARNED.get(what, what), *((BY_VALUE,) if kind != what else ())):
                    changed[said] += 1
                    first.setdefault(said, example)
    notes = list(found.said)
    for what, count in changed.items():
        notes.append(f"{count:,} date cell{'s are' if count != 1 else ' is'} {_SAID[what]} (such as {first[what]})")
    notes += _uncomputed_rows(found.uncomputed, rows, start[0])
    notes += _links_and_texts(found, rows, start)
    return read_errors(found.errors, rows, start) + notes  # '#VALUE!' in a date cell: then named as such


def _links_and_texts(found: FoundCells, rows: list[list[object]], start: tuple[int, int]) -> list[str]:
    """An ODS cell's text as written (its line breaks and tabs), in place of the reader's; and the cells
    that are links, named with their addresses (each also its row's source: ``Sheet.links``)."""
    notes = []
    read, first = 0, ""
    for row, column, text in found.texts:
        at, across = row - start[0], column - start[1]
        if 0 <= at < len(rows) and 0 <= across < len(rows[at]) and isinstance(rows[at][across], str):
            rows[at][across] = text
            read += 1
            first = first or f"row {row + 1}: {' '.join(text.split())[:60]!r}"
    if read:
        notes.append(f"{read:,} ODS cell{'s hold' if read != 1 else ' holds'} line breaks or tabs the reader "
                     f"drops: read as written (such as {first})")  # fmt: skip
    if found.links:
        shown = [
            f"{letters(column + 1)}{row + 1} <{address}>" + (" (cut)" if len(address) >= MAX_ADDRESS else "")
            for row, column, address in found.links[:5]
        ]
        more = f" and {len(found.links) - 5:,} more" if len(found.links) > 5 else ""
        plural = len(found.links) != 1
        notes.append(
            f"{len(found.links):,} cell{'s are links' if plural else ' is a link'}, read as the text shown; each "
            f"address is a source of its row's event, where the row is one: {', '.join(shown)}{more}"
        )
    return notes


_PART_TIMES = (HOUR_OF_DAY, CLOCK_PART)


def _as_shown(value: date | time, what: str) -> object:
    """The cell as its format shows it; ``value`` itself when that is what it stores."""
    if what in _PART_TIMES:  # a time cell ('2 PM') or a date shown only so
        clock = value if isinstance(value, time) else value.time() if isinstance(value, datetime) else time(0, 0)
        seconds = clock.hour * 3600 + clock.minute * 60 + clock.second + (clock.microsecond >= 500_000)
        return PartTime(seconds // 3600 % 24 if what == HOUR_OF_DAY else None)
    assert isinstance(value, date)
    if what in (MONTH, MONTH_TIME):
        return MonthShown(value.year, value.month)
    if what in (YEAR, YEAR_TIME):
        return f"{value.year:04d}"
    if what == NO_YEAR:
        return Hidden(value)
    if what == MINUTE:  # a midnight (a day alone from an XLSX, 0:00 from an ODS) the sheet shows as 00:00
        midnight = not isinstance(value, datetime) or value.timetuple()[3:6] == (0, 0, 0)
        return MidnightShown(value.year, value.month, value.day) if midnight else value
    stamp = value if isinstance(value, datetime) else None
    if what == DAY and stamp is not None and stamp.time() != time(0, 0):
        return stamp.date()
    # to the second: a binary file's float is 14:29:59.994 for 14:30; a whole day is 0:00
    rounded = (stamp + timedelta(microseconds=500_000)).replace(microsecond=0) if stamp else None
    if what == HOUR and value.timetuple()[:6] != (1899, 12, 30, 0, 0, 0):  # day 0: no date (refused as such)
        return HourShown(rounded.date(), rounded.hour) if rounded else HourShown(value, 0)
    if what == TIME:
        return rounded.time() if rounded else time(0, 0)
    return value


def _uncomputed_rows(runs: list[tuple[int, int]], rows: list[list[object]], first: int) -> list[str]:
    """The rows holding formulas with no value: those the reader sees empty (all outside its rows, the
    ones within whose cells are all empty), and those with other values, whose formula cells are lost
    to it: a warning for each kind, the first few rows named, the rest counted."""
    empty: list[int] = []
    partial: list[int] = []
    counts = [0, 0]
    for row, count in dict.fromkeys(runs):  # a row's several formula cells, once
        inside = range(max(row, first), min(row + count, first + len(rows)))
        counts[0] += count - len(inside)
        empty.extend(number + 1 for number in range(row, min(row + count, row + SHOWN_PATHS)) if number not in inside)
        for number in inside:
            kind, named = (0, empty) if _empty(rows[number - first]) else (1, partial)
            counts[kind] += 1
            if len(named) < SHOWN_PATHS:
                named.append(number + 1)
    fix = "(save the sheet again in LibreOffice or Excel to store them)"
    notes = []
    if counts[0]:
        notes.append(
            _rows(sorted(empty)[:SHOWN_PATHS], counts[0])
            + (
                f": its cells are formulas the file keeps no computed value for {fix}; the row is empty to the reader"
                if counts[0] == 1
                else f": their cells are formulas the file keeps no computed value for {fix}; the rows are empty to "
                "the reader"
            )
        )
    if counts[1]:
        notes.append(
            _rows(partial, counts[1])
            + f": cells in {'it' if counts[1] == 1 else 'them'} are formulas the file keeps no computed value for "
            f"{fix}; those cells are empty to the reader"
        )
    return notes


def _rows(named: list[int], total: int) -> str:
    more = f" and {total - len(named):,} more" if total > len(named) else ""
    return f"row {named[0]}" if total == 1 else f"rows {', '.join(map(str, named))}{more}"


def _empty(cells: list[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)
