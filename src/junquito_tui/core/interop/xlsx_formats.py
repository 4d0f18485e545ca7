"""An XLSX sheet's cells whose format shows less of a date than it stores, its formulas with no value,
its cells holding an error ('#N/A'), and its hidden rows and columns (``book_hidden``).

styles.xml gives each cell style's number format; the sheet's cells name their style (``s="3"``). The
sheet is matched by C-level patterns a chunk at a time, and only for what can matter: the cells of the
styles that show a month, a year, no year or a locale's look, those that hide a time only when some
cell has one, and formula and error cells only in a sheet that has them. A cell that gives no reference
(``r="B7"`` is optional) makes the sheet walked tag by tag, counting places as the reader does. Any
namespace prefix (``<x:c>``), either quote, and Strict OOXML's namespaces are read alike.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from .book_errors import error_text
from .book_formats import FoundCells, formats_unread, timed_only
from .book_guard import ERROR_TAGS, FORMULA_TAGS, column_number, whole_tags
from .book_hidden import xlsx_hidden
from .book_links import xlsx_links
from .book_order import judged, seen

if TYPE_CHECKING:
    from pathlib import Path

_NAME = rb"(?:[\w.-]+:)?"  # a namespace prefix, as the .NET SDK writes them ('x:')
_REF = re.compile(rb"""\br=["']([A-Za-z]{1,3})([0-9]{1,9})["']""")  # the reader takes 'b2' too
_TEXT_RESULT = re.compile(rb"""\bt=["']str["']""")  # a formula whose result is text: an empty one is ''

_ROW_NUMBER = re.compile(rb"""\br=["']([0-9]{1,9})["']""")
_STYLE = re.compile(rb"""\bs=["']([0-9]{1,9})["']""")
_CELL_TYPE = re.compile(rb"""\bt=["']([A-Za-z]+)["']""")
# A cell whose only content is a formula, and at most an empty value (as openpyxl writes a formula it
# did not compute; Excel writes an empty text result so too, with t="str": that one is computed)
_UNCOMPUTED = re.compile(
    rb"<" + _NAME + rb"c(\s[^>]*)?>\s*<" + _NAME + rb"f\b[^>]*(?:/>|>[^<]*</" + _NAME + rb"f>)\s*"
    rb"(<" + _NAME + rb"v\s*/>|<" + _NAME + rb"v>\s*</" + _NAME + rb"v>)?\s*</" + _NAME + rb"c>"
)
_TAG = re.compile(rb"<(/?)" + _NAME + rb"(row|c|f|v|is)\b([^>]*?)(/?)>")
_ERROR = re.compile(rb"\bt=[\"']e[\"']")
# an error cell and its shown value: '<c r="B2" t="e"><f>NA()</f><v>#N/A</v></c>'
_ERROR_CELL = re.compile(
    rb"<" + _NAME + rb"c\s([^>]*\bt=[\"']e[\"'][^>]*)>(?:(?!</" + _NAME + rb"c>).)*?<" + _NAME + rb"v>([^<]*)</",
    re.DOTALL,
)


class _NoReference(Exception):
    """A cell found gives no reference: its place must be counted."""


def xlsx_cells(path: Path, sheet_name: str, times: bool, formulas: frozenset[str], orders: bool = False) -> FoundCells:
    """The named sheet's date cells whose format shows less than they store, its rows of formulas
    with no value and its error cells (looked for if its part is among ``formulas``, the parts the
    guard saw formula tags or error cells in); nothing when the file is no XLSX this can read (the
    reader says what is wrong), and a warning when its formats cannot be read; ``orders``: its date cells
    counted by the day/month order their format writes out (``book_order``)."""
    try:
        with zipfile.ZipFile(path) as book:
            styles = timed_only(_styles(book), times)
            ordered = _styles(book, orders=True) if orders else {}
            part = _sheet_part(book, sheet_name)
            links = xlsx_links(book, part) if part is not None else []
            if part is None or not (styles or ordered or part in formulas):
                return FoundCells(links=links)  # most sheets: the part is not read again
            try:
                found = _matched(book, part, styles, part in formulas, ordered)
            except _NoReference:
                found = _walked(book, part, styles, ordered)
            found.links = links
            return found
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError) as error:
        return FoundCells(said=[formats_unread(error)])


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _styles(book: zipfile.ZipFile, orders: bool = False) -> dict[int, str]:
    """Cell style index -> what its number format shows, for the styles that show less than a date and its
    time (``orders``: the day/month order its custom format writes out, ``book_order.judged``)."""
    if "xl/styles.xml" not in book.namelist():
        return {}
    root = ElementTree.fromstring(book.read("xl/styles.xml"))
    codes = {int(e.get("numFmtId", "-1")): e.get("formatCode", "") for e in root.iter() if _local(e.tag) == "numFmt"}
    cell_styles = next((e for e in root.iter() if _local(e.tag) == "cellXfs"), None)
    found: dict[int, str] = {}
    for index, style in enumerate(cell_styles if cell_styles is not None else []):
        number = int(style.get("numFmtId", "0"))
        what = judged(codes.get(number), number, orders)
        if what is not None:
            found[index] = what
    return found


def _sheet_part(book: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip part holding the sheet called ``sheet_name`` (workbook.xml names it, its rels place it)."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    sheet = next((s for s in workbook.iter() if _local(s.tag) == "sheet" and s.get("name") == sheet_name), None)
    # the relation's id, in the transitional or the Strict namespace
    wanted = next((value for key, value in (sheet.items() if sheet is not None else []) if key.endswith("}id")), None)
    if wanted is None:
        return None
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = next(
        (r.get("Target", "") for r in rels.iter() if _local(r.tag) == "Relationship" and r.get("Id") == wanted), ""
    )
    if not target:
        return None
    # relative to xl/ ('worksheets/sheet1.xml'), or absolute in the package ('/xl/worksheets/sheet1.xml')
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def _place(attributes: bytes) -> tuple[int, int]:
    reference = _REF.search(attributes)
    if reference is None:
        raise _NoReference
    return int(reference.group(2)) - 1, column_number(reference.group(1).upper()) - 1


def _matched(
    book: zipfile.ZipFile, part: str, styles: dict[int, str], formulas: bool, ordered: dict[int, str]
) -> FoundCells:
    found = FoundCells()
    alternatives = b"|".join(str(index).encode() for index in {**styles, **ordered})
    # not a self-closing '<c r="B7" s="3"/>': a formatted empty cell, which the reader skips
    pattern = rb"<" + _NAME + rb"c\s([^>]*?\bs=[\"'](?:" + alternatives + rb")[\"'][^>/]*)>"
    styled = re.compile(pattern) if styles or ordered else None
    for text in whole_tags(book, part):
        if formulas:
            xlsx_hidden(text, found)
        if styled is not None:
            for cell in styled.finditer(text):
                style = _STYLE.search(cell.group(1))
                if style is not None and (what := styles.get(int(style.group(1)))) is not None:
                    row, column = _place(cell.group(1))
                    found.shown.append((row, 1, column, 1, what))
                if style is not None and (order := ordered.get(int(style.group(1)))) and _number(cell.group(1)):
                    seen(found, _place(cell.group(1))[0], order)
        if formulas and any(tag in text for tag in ERROR_TAGS):
            for cell in _ERROR_CELL.finditer(text):
                found.errors.append((*_place(cell.group(1)), error_text(cell.group(2).decode("utf-8", "replace"))))
        if formulas and any(tag in text for tag in FORMULA_TAGS):
            for cell in _UNCOMPUTED.finditer(text):
                attributes = cell.group(1) or b""
                if cell.group(2) is None or _TEXT_RESULT.search(attributes) is None:
                    found.uncomputed.append((_place(attributes)[0], 1))
    return found


def _number(attributes: bytes) -> bool:
    """A cell holding a number (a date is one), not text typed in a date-formatted cell."""
    kind = _CELL_TYPE.search(attributes)
    return kind is None or kind.group(1) in (b"n", b"d")


def _walked(book: zipfile.ZipFile, part: str, styles: dict[int, str], ordered: dict[int, str]) -> FoundCells:
    """The same, each cell's place counted as the reader counts it: a row element's number is its own
    ``r`` or the one after the last row element's; a cell's place its reference (in either case), or
    its row element's row and the column after the last cell's."""
    found = FoundCells()
    row = at_row = column = -1
    formula = valued = has_value = text_result = error = False
    for text in whole_tags(book, part):
        xlsx_hidden(text, found)  # (a row giving no number is not named)
        for tag in _TAG.finditer(text):
            closing, name, attributes, empty = tag.groups()
            if name == b"row" and not closing:
                number = _ROW_NUMBER.search(attributes)
                row = int(number.group(1)) - 1 if number else row + 1
                column = -1
            elif name == b"c" and not closing:
                reference = _REF.search(attributes)
                if reference:
                    at_row, column = int(reference.group(2)) - 1, column_number(reference.group(1).upper()) - 1
                else:
                    at_row, column = row, column + 1
                style = _STYLE.search(attributes)
                if style is not None and (what := styles.get(int(style.group(1)))) is not None:
                    found.shown.append((at_row, 1, column, 1, what))
                if style is not None and (order := ordered.get(int(style.group(1)))) and _number(attributes):
                    seen(found, at_row, order)
                formula = valued = has_value = False
                text_result = _TEXT_RESULT.search(attributes) is not None
                error = _ERROR.search(attributes) is not None
            elif name == b"f" and not closing:
                formula = True
            elif name in (b"v", b"is") and not closing:
                has_value = True
                if not empty:
                    following = text.find(b"<", tag.end())
                    after = text[tag.end() : following if following >= 0 else len(text)]
                    valued = valued or name == b"is" or bool(after.strip())
                    if error and name == b"v":
                        found.errors.append((at_row, column, error_text(after.decode("utf-8", "replace"))))
            elif name == b"c" and closing and formula and not valued and not (text_result and has_value):
                found.uncomputed.append((at_row, 1))
    return found
