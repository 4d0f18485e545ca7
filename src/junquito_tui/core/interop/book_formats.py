"""Dates an XLSX sheet shows as a month or a year: read as it shows them, not as the day it stores.

Excel stores "June 2017" typed in a cell as the day number of 1 June 2017, formatted to show the
month ('mmm-yy', 'mmmm yyyy'); python-calamine gives the stored day and not the format, so the event
would be dated to a day the sheet never shows. Here the styles are read (styles.xml: each cell
style's number format) and, only when some style shows a date without its day, the sheet's cells of
those styles are found, so that the reader can take them at the precision they are shown.

An ODS file says the same with its cell styles (content.xml's automatic styles, styles.xml's): a style
whose date style has a month and a year but no day ('MMM YY') or only a year. Its cells are found by
walking the sheet's rows as the reader expands them. That walk also finds rows of formula cells that
keep no computed value: the reader sees them empty, so they are named rather than passed over.
"""

from __future__ import annotations

import html
import re
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from .book_guard import column_number, whole_tags
from .notes import SHOWN_PATHS

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Excel's built-in formats are numbered; 17 is 'mmm-yy' (the others with a year show the day too)
BUILT_IN = {17: "month"}
# A format's literal parts ("text", \x, [colour], [$-409]) say nothing of what it shows
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,9})"')
CHUNK = 1 << 20
# ODS: the namespaces of styles, and the tags of a sheet as the reader walks them
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_DAY_OR_TIME = {"day", "day-of-week", "hours", "minutes", "seconds", "am-pm"}  # a day or a time shown
_TABLE = re.compile(rb"<table:table(?=[\s>])([^>]*)>")
_TABLE_NAME = re.compile(rb"""\btable:name=(?:"([^"]*)"|'([^']*)')""")
_ODS_TOKEN = re.compile(
    rb"<table:table-row(?=[\s/>])([^>]*?)(/?)>"  # not table-rows, table-row-group
    rb"|<table:table-column(?=[\s/>])([^>]*?)/?>"
    rb"|<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(/?)>"
    rb"|</table:table-row>"
)
_ROWS_REPEATED = re.compile(rb"""number-rows-repeated=["']([0-9]{1,12})""")
_COLUMNS_REPEATED = re.compile(rb"""number-columns-repeated=["']([0-9]{1,12})""")
_STYLE_NAME = re.compile(rb"""\btable:style-name=(?:"([^"]*)"|'([^']*)')""")
_DEFAULT_STYLE = re.compile(rb"""\btable:default-cell-style-name=(?:"([^"]*)"|'([^']*)')""")
_VALUE_TYPE = re.compile(rb"""\boffice:value-type=["']([a-z]+)""")
_VALUE_OF = {b"date": b"office:date-value=", b"time": b"office:time-value=", b"boolean": b"office:boolean-value="}
# A formula cell with no value the reader reads: a cheap first look (C-level) before any walk
_UNCOMPUTED = re.compile(
    rb"<table:(?:covered-)?table-cell\s(?=[^>]*\btable:formula=)"
    rb"(?![^>]*\boffice:(?:value|date-value|time-value|boolean-value|string-value)=)"
)


def shown(format_code: str) -> str | None:
    """'month' or 'year' for a date format that shows no day ('mmm-yy', 'yyyy'); None otherwise (a
    day is shown, it is no date format, or it shows a time: 'm' would be minutes)."""
    code = _LITERALS.sub("", format_code.split(";")[0]).lower()
    if "y" not in code or "d" in code or "h" in code or "s" in code:
        return None
    return "month" if "m" in code else "year"


def shown_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], str]:
    """(row, column), 0-based as the sheet counts them -> 'month' or 'year', for the cells of the
    named sheet whose style shows a date without its day; {} when there are none (or the file is no
    XLSX this can read: the reader says what is wrong with it)."""
    try:
        with zipfile.ZipFile(path) as book:
            styles = _month_styles(book)
            part = _sheet_part(book, sheet_name) if styles else None
            return _cells(book, part, styles) if part else {}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError):
        return {}


def _month_styles(book: zipfile.ZipFile) -> dict[int, str]:
    """Cell style index -> 'month' or 'year' for the styles whose number format shows no day."""
    root = ElementTree.fromstring(book.read("xl/styles.xml"))
    codes = {int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{_MAIN}numFmt")}
    found: dict[int, str] = {}
    cell_styles = root.find(f"{_MAIN}cellXfs")
    for index, style in enumerate(cell_styles if cell_styles is not None else []):
        number = int(style.get("numFmtId", "0"))
        what = shown(codes[number]) if number in codes else BUILT_IN.get(number)
        if what is not None:
            found[index] = what
    return found


def _sheet_part(book: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip part holding the sheet called ``sheet_name`` (workbook.xml names it, its rels place it)."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    wanted = next((s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == sheet_name), None)
    if wanted is None:
        return None
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target", "") for r in rels.iter(f"{_PACKAGE_REL}Relationship") if r.get("Id") == wanted), "")
    if not target:
        return None
    # relative to xl/ ('worksheets/sheet1.xml'), or absolute in the package ('/xl/worksheets/sheet1.xml')
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def _cells(book: zipfile.ZipFile, part: str, styles: dict[int, str]) -> dict[tuple[int, int], str]:
    # only the cells of those styles are matched: the others (most of a sheet) make no Python objects
    alternatives = b"|".join(str(index).encode() for index in styles)
    styled = re.compile(rb'<c\s[^>]*?\bs="(' + alternatives + rb')"[^>]*>')
    found: dict[tuple[int, int], str] = {}
    for text in whole_tags(book, part):
        for tag in styled.finditer(text):
            what = styles.get(int(tag.group(1)))
            if what is not None and (ref := _REF.search(tag.group())) is not None:
                found[int(ref.group(2)) - 1, column_number(ref.group(1)) - 1] = what
    return found


# -- ODS --------------------------------------------------------------------------------------------


@dataclass
class FoundCells:
    """What the walk of an ODS sheet found, in runs as the file writes them (a row or a cell repeated
    100,000 times is one run, not 100,000 entries): 0-based rows and columns as the reader counts them.
    An XLSX sheet's cells are runs of one."""

    shown: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # row, rows, column, columns, what
    uncomputed: list[tuple[int, int]] = field(default_factory=list)  # row, rows: formulas with no value


def ods_shown(date_style: ElementTree.Element) -> str | None:
    """'month' or 'year' for an ODS date style (``<number:date-style>``) that shows a year and no day
    (a month, a quarter or a week is no day); None when it shows a day or a time, or no year."""
    parts = {child.tag.rpartition("}")[2] for child in date_style}
    if parts & _DAY_OR_TIME or "year" not in parts:
        return None
    return "month" if "month" in parts else "year"


def ods_cells(path: Path, sheet_name: str) -> FoundCells:
    """The named sheet's date cells whose style shows no day, and its rows of formulas with no value;
    the cells are walked only when some style shows no day or some formula cell has no value (most
    files: neither). Nothing found when the file is no ODS this can read: the reader says what is wrong."""
    try:
        with zipfile.ZipFile(path) as book:
            styles = _ods_styles(book)
            with book.open("content.xml") as stream:
                content = stream.read()  # within the byte limit: the guard read it too
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError):
        return FoundCells()
    if not styles and (b"table:formula=" not in content or _UNCOMPUTED.search(content) is None):
        return FoundCells()
    return _walk(content, sheet_name, styles)


def _ods_styles(book: zipfile.ZipFile) -> dict[str, str]:
    """Cell style name -> 'month' or 'year', for the cell styles whose date style shows no day. A cell
    style's data style is its own or its parent's; content.xml's automatic styles look for it among
    their own data styles, then styles.xml's; styles.xml's among its own."""
    content = _content_styles(book)
    styles = ElementTree.fromstring(book.read("styles.xml")) if "styles.xml" in book.namelist() else None
    roots = [root for root in (content, styles) if root is not None]
    dates = [{d.get(f"{_STYLE}name", ""): ods_shown(d) for d in root.iter(f"{_NUMBER}date-style")} for root in roots]
    if not any(what for found in dates for what in found.values()):
        return {}  # no date style shows a date without its day: no cell is looked at
    # name -> (data style, parent, which root's data styles): the content's own first
    cells: dict[str, tuple[str | None, str | None, int]] = {}
    common: dict[str, tuple[str | None, str | None, int]] = {}
    for index, root in enumerate(roots):
        for style in root.iter(f"{_STYLE}style"):
            if style.get(f"{_STYLE}family") == "table-cell":
                entry = (style.get(f"{_STYLE}data-style-name"), style.get(f"{_STYLE}parent-style-name"), index)
                cells.setdefault(style.get(f"{_STYLE}name", ""), entry)
                if root is styles:
                    common.setdefault(style.get(f"{_STYLE}name", ""), entry)
    found: dict[str, str] = {}
    for name, entry in cells.items():
        data, parent, index = entry
        for _ in range(16):  # a chain of parents, not a loop
            if data is not None or parent is None or parent not in common:
                break
            data, parent, index = common[parent]
        if data is None:
            continue
        what = next((known[data] for known in dates[index:] if data in known), None)
        if what is not None:
            found[name] = what
    return found


def _content_styles(book: zipfile.ZipFile) -> ElementTree.Element | None:
    """content.xml up to its body (its automatic styles), read a chunk at a time and parsed alone."""
    head = b""
    with book.open("content.xml") as stream:
        while chunk := stream.read(CHUNK):
            head += chunk
            if (body := head.find(b"<office:body")) >= 0:
                return ElementTree.fromstring(head[:body] + b"</office:document-content>")
    return None


def _attribute(pattern: re.Pattern[bytes], attributes: bytes) -> str | None:
    match = pattern.search(attributes)
    return html.unescape((match.group(1) or match.group(2) or b"").decode("utf-8", "replace")) if match else None


def _count(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    match = pattern.search(attributes)
    return int(match.group(1)) if match else 1


def _uncomputed(attributes: bytes, closed: bytes) -> bool:
    """A formula cell that keeps no value the reader reads (a string is its text, when it has some)."""
    kind = _VALUE_TYPE.search(attributes)
    if kind is None:
        return True
    if kind.group(1) == b"string":
        return bool(closed) and b"office:string-value=" not in attributes
    return _VALUE_OF.get(kind.group(1), b"office:value=") not in attributes


def _walk(content: bytes, sheet_name: str, styles: dict[str, str]) -> FoundCells:
    found = FoundCells()
    table = next((m for m in _TABLE.finditer(content) if _attribute(_TABLE_NAME, m.group(1)) == sheet_name), None)
    if table is None:
        return found
    end = content.find(b"</table:table>", table.end())
    # columns' default cell styles: (first column, style), for the cells that name no style of their own
    starts: list[int] = []
    defaults: list[str | None] = []
    width = 0
    row_at, row_repeat, column_at, row_style, uncomputed = 0, 1, 0, None, False
    for match in _ODS_TOKEN.finditer(content, table.end(), end if end >= 0 else len(content)):
        row, row_closed, column, cell, cell_closed = match.groups()
        if row is not None:  # a row opens (or is empty, '<.../>')
            row_repeat = _count(_ROWS_REPEATED, row)
            row_style = _attribute(_DEFAULT_STYLE, row)
            column_at, uncomputed = 0, False
            if row_closed:
                row_at += row_repeat
        elif column is not None:
            starts.append(width)
            defaults.append(_attribute(_DEFAULT_STYLE, column))
            width += _count(_COLUMNS_REPEATED, column)
        elif cell is not None:
            repeat = _count(_COLUMNS_REPEATED, cell)
            if styles and b"date" in cell and (kind := _VALUE_TYPE.search(cell)) and kind.group(1) == b"date":
                name = _attribute(_STYLE_NAME, cell) or row_style
                if name is None and starts and column_at < width:
                    name = defaults[bisect_right(starts, column_at) - 1]
                what = styles.get(name or "Default")
                if what is not None:
                    found.shown.append((row_at, row_repeat, column_at, repeat, what))
            if b"table:formula=" in cell and _uncomputed(cell, cell_closed):
                uncomputed = True
            column_at += repeat
        else:  # the row closes
            if uncomputed:
                found.uncomputed.append((row_at, row_repeat))
            row_at += row_repeat
    return found


# -- both ---------------------------------------------------------------------------------------------


def read_as_shown(path: Path, sheet_name: str, rows: list[list[object]], start: tuple[int, int]) -> list[str]:
    """Each date cell of ``rows`` (the sheet from ``start``, its first row and column) whose style
    shows only a month or a year, replaced by that month or year as text ('2017-06', '2017'): what
    the sheet shows, read at that precision. In an ODS file, the rows of formulas that keep no value,
    which the reader sees empty, are named. What was done and found, for warnings."""
    notes = []
    if path.suffix.lower() == ".ods":
        found = ods_cells(path, sheet_name)
    else:
        from .binary_formats import FormatsUnread, binary_cells

        try:
            cells = binary_cells(path, sheet_name)  # XLS or XLSB; None for any other file
        except FormatsUnread as error:
            cells = {}
            notes.append(
                f"the cells' number formats could not be read ({error}): a date cell formatted to show only "
                "its month or year (as 'mmm-yy' or 'yyyy' do) is read as the first day the file stores for it"
            )
        if cells is None:
            cells = shown_cells(path, sheet_name)
        found = FoundCells([(row, 1, column, 1, what) for (row, column), what in cells.items()])
    changed = 0
    for row, count, column, columns, what in found.shown:
        for at in range(max(row - start[0], 0), min(row + count - start[0], len(rows))):
            cells_of = rows[at]
            for across in range(max(column - start[1], 0), min(column + columns - start[1], len(cells_of))):
                if isinstance(day := cells_of[across], date):
                    cells_of[across] = f"{day.year:04d}-{day.month:02d}" if what == "month" else f"{day.year:04d}"
                    changed += 1
    if changed:
        notes.append(
            f"{changed:,} date cell{'s are' if changed != 1 else ' is'} formatted to show only the month or the year "
            "(as 'mmm-yy' or 'yyyy' do): read as shown, not as the first day a spreadsheet stores for them"
        )
    if found.uncomputed and (said := _uncomputed_rows(found.uncomputed, rows, start[0])):
        notes.append(said)
    return notes


def _uncomputed_rows(runs: list[tuple[int, int]], rows: list[list[object]], first: int) -> str | None:
    """The rows of formulas with no value that the reader sees empty (all of those outside its rows,
    the ones within whose cells are all empty): one warning, the first few named, the rest counted."""
    named: list[int] = []
    total = 0
    for row, count in runs:
        inside = range(max(row, first), min(row + count, first + len(rows)))
        outside = count - len(inside)
        for number in range(row, row + count):
            if len(named) >= SHOWN_PATHS:
                break
            if number not in inside or _empty(rows[number - first]):
                named.append(number + 1)
        total += outside + sum(1 for number in inside if _empty(rows[number - first]))
    if not total:
        return None
    more = f" and {total - len(named):,} more" if total > len(named) else ""
    if total == 1:
        return (
            f"row {named[0]}: its cells are formulas the file keeps no computed value for (save the sheet again "
            "in LibreOffice or Excel to store them); the row is empty to the reader"
        )
    return (
        f"rows {', '.join(map(str, named))}{more}: their cells are formulas the file keeps no computed value for "
        "(save the sheet again in LibreOffice or Excel to store them); the rows are empty to the reader"
    )


def _empty(cells: list[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)
