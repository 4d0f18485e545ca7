"""Dates an XLSX sheet shows as a month or a year: read as it shows them, not as the day it stores.

Excel stores "June 2017" typed in a cell as the day number of 1 June 2017, formatted to show the
month ('mmm-yy', 'mmmm yyyy'); python-calamine gives the stored day and not the format, so the event
would be dated to a day the sheet never shows. Here the styles are read (styles.xml: each cell
style's number format) and, only when some style shows a date without its day, the sheet's cells of
those styles are found, so that the reader can take them at the precision they are shown.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from .book_guard import column_number

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Excel's built-in formats are numbered; 17 is 'mmm-yy' (the others with a year show the day too)
_BUILT_IN = {17: "month"}
# A format's literal parts ("text", \x, [colour], [$-409]) say nothing of what it shows
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,9})"')
CHUNK = 1 << 20


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
        what = shown(codes[number]) if number in codes else _BUILT_IN.get(number)
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
    tail = b""
    with book.open(part) as stream:
        while chunk := stream.read(CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<")  # a tag cut by the chunk's end is read with the next chunk
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            for tag in styled.finditer(text):
                what = styles.get(int(tag.group(1)))
                if what is not None and (ref := _REF.search(tag.group())) is not None:
                    found[int(ref.group(2)) - 1, column_number(ref.group(1)) - 1] = what
    return found


def read_as_shown(path: Path, sheet_name: str, rows: list[list[object]], start: tuple[int, int]) -> str | None:
    """Each date cell of ``rows`` (the sheet from ``start``, its first row and column) whose style
    shows only a month or a year, replaced by that month or year as text ('2017-06', '2017'): what
    the sheet shows, read at that precision. What was done, for a warning; None when nothing was."""
    cells = shown_cells(path, sheet_name) if path.suffix.lower() != ".ods" else {}
    changed = 0
    for (row, column), what in cells.items():
        at, across = row - start[0], column - start[1]
        if 0 <= at < len(rows) and 0 <= across < len(rows[at]) and isinstance(day := rows[at][across], date):
            rows[at][across] = f"{day.year:04d}-{day.month:02d}" if what == "month" else f"{day.year:04d}"
            changed += 1
    if not changed:
        return None
    return (
        f"{changed:,} date cell{'s are' if changed != 1 else ' is'} formatted to show only the month or the year "
        "(as 'mmm-yy' or 'yyyy' do): read as shown, not as the first day a spreadsheet stores for them"
    )
