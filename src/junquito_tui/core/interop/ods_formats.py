"""An ODS sheet's date cells whose style shows less of a date than it stores, and its formulas with no value.

An ODS file says what a cell shows with its cell styles (content.xml's automatic styles, styles.xml's):
a date style's parts (a year, a month, a day, a time) or a time style. Its cells are found by walking
the sheet's rows as the reader expands them. That walk also finds rows of formula cells that keep no
computed value: the reader sees them empty, so they are named rather than passed over.
"""

from __future__ import annotations

import html
import re
import zipfile
from bisect import bisect_right
from pathlib import Path
from xml.etree import ElementTree

from .book_errors import MAX_ERRORS, error_text
from .book_formats import BY_VALUE, TIME, FoundCells, classed, coarsest, formats_unread, timed_only
from .book_hidden import ODS_HIDDEN, add
from .book_links import LINK, MAX_CELLS, RICH, ods_text
from .book_order import ods_day_order, seen

CHUNK = 1 << 20
# ODS: the namespaces of styles, and the tags of a sheet as the reader walks them
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_TABLE = re.compile(rb"<table:table(?=[\s>])([^>]*)>")
_TABLE_NAME = re.compile(rb"""\btable:name=(?:"([^"]*)"|'([^']*)')""")
_ODS_TOKEN = re.compile(
    rb"<table:table-row(?=[\s/>])([^>]*?)(/?)>"  # not table-rows, table-row-group
    rb"|<table:table-column(?=[\s/>])([^>]*?)/?>"
    rb"|<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(/?)>"
    rb"|</table:table-row>"
)
_ERROR_VALUE = re.compile(rb"""value-type=["']error["']""")  # LibreOffice's calcext:value-type
_MARKUP = re.compile(rb"<[^>]*>")
_ROWS_REPEATED = re.compile(rb"""number-rows-repeated=["']([0-9]{1,12})""")
_COLUMNS_REPEATED = re.compile(rb"""number-columns-repeated=["']([0-9]{1,12})""")
_ROWS_SPANNED = re.compile(rb"""number-rows-spanned=["']([0-9]{1,12})""")  # a merged cell (``book_merges``)
_COLUMNS_SPANNED = re.compile(rb"""number-columns-spanned=["']([0-9]{1,12})""")
_STYLE_NAME = re.compile(rb"""\btable:style-name=(?:"([^"]*)"|'([^']*)')""")
_DEFAULT_STYLE = re.compile(rb"""\btable:default-cell-style-name=(?:"([^"]*)"|'([^']*)')""")
_VALUE_TYPE = re.compile(rb"""\boffice:value-type=["']([a-z]+)""")
_VALUE_OF = {b"date": b"office:date-value=", b"time": b"office:time-value=", b"boolean": b"office:boolean-value="}
# A formula cell with no value the reader reads: a cheap first look (C-level) before any walk
_UNCOMPUTED = re.compile(
    rb"<table:(?:covered-)?table-cell\s(?=[^>]*\btable:formula=)"
    rb"(?![^>]*\boffice:(?:value|date-value|time-value|boolean-value|string-value)=)"
)


def ods_shown(data_style: ElementTree.Element) -> str | None:
    """What an ODS data style shows of a date, as ``book_formats.shown`` says it of a number format: a
    ``<number:date-style>`` by its parts (a quarter or a week is no day nor month), a
    ``<number:time-style>`` a time only."""
    parts = {_local(child.tag) for child in data_style}
    if _local(data_style.tag) == "time-style":
        return TIME
    return classed(
        year="year" in parts,
        month="month" in parts,
        day="day" in parts,
        other=bool(parts & {"day-of-week", "quarter", "week-of-year", "era"}),
        hours="hours" in parts,
        minutes="minutes" in parts,
        seconds="seconds" in parts,
    )


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def ods_cells(path: Path, sheet_name: str, times: bool, orders: bool = False) -> FoundCells:
    """The named sheet's date cells whose style shows less than they store (a hidden time only when
    some cell has a time: ``times``), and its rows of formulas with no value; the cells are walked only
    when there are such styles or some formula cell has no value (most files: neither). Nothing found
    when the file is no ODS this can read: the reader says what is wrong. ``orders``: its date cells
    counted by the day/month order their style writes out."""
    try:
        with zipfile.ZipFile(path) as book:
            styles = timed_only(_ods_styles(book), times)
            ordered = _ods_styles(book, orders=True) if orders else {}
            with book.open("content.xml") as stream:
                content = stream.read()  # within the byte limit: the guard read it too
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError) as error:
        return FoundCells(said=[formats_unread(error)])  # the reader may read it all the same
    errors = _ERROR_VALUE.search(content) is not None
    rich = any(mark in content for mark in (*RICH, LINK))
    if (
        not styles
        and not ordered
        and not errors
        and not rich
        and b"number-rows-spanned=" not in content
        and b"table:visibility=" not in content
        and (b"table:formula=" not in content or _UNCOMPUTED.search(content) is None)
    ):
        return FoundCells()
    return _walk(content, sheet_name, styles, ordered)


def _ods_styles(book: zipfile.ZipFile, orders: bool = False) -> dict[str, str]:
    """Cell style name -> what its data style shows, for the cell styles that show less than a date
    (``orders``: the day/month order it writes out, ``book_order``). A cell style's data style is its
    own or its parent's; content.xml's automatic styles look for it among their own data styles, then
    styles.xml's; styles.xml's among its own."""
    content = _content_styles(book)
    styles = ElementTree.fromstring(book.read("styles.xml")) if "styles.xml" in book.namelist() else None
    roots = [root for root in (content, styles) if root is not None]
    kinds = (f"{_NUMBER}date-style", f"{_NUMBER}time-style")
    data_styles = [[d for d in root.iter() if d.tag in kinds] for root in roots]
    judge = ods_day_order if orders else ods_shown
    dates = [{d.get(f"{_STYLE}name", ""): judge(d) for d in found} for found in data_styles]
    if not orders:  # (an order is read from the style itself: its conditions' other looks are not weighed)
        dates = [_mapped(found, dates[index:]) for index, found in enumerate(data_styles)]
    if not any(what for found in dates for what in found.values()):
        return {}  # no data style shows less than a date: no cell is looked at
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


def _mapped(data_styles: list[ElementTree.Element], dates: list[dict[str, str | None]]) -> dict[str, str | None]:
    """What each data style shows, where its conditions ('<style:map style:condition="value()>=0"
    style:apply-style-name="N100P0"/>') may show a date by other date styles: the least of them all,
    marked ``BY_VALUE`` when they differ (a condition on the day number is not evaluated: coarser, never
    more precise than the sheet). ``dates``: the data styles it may name, its own file's first."""
    found: dict[str, str | None] = {}
    for style in data_styles:
        name = style.get(f"{_STYLE}name", "")
        targets = [m.get(f"{_STYLE}apply-style-name", "") for m in style.iter(f"{_STYLE}map")]
        kinds = [dates[0][name]]
        for target in targets:  # a style a number style maps to shows no date: not one of its looks
            kinds += next(([known[target]] for known in dates if target in known), [])
        what = coarsest(kinds)
        found[name] = f"{what}{BY_VALUE}" if what is not None and len(set(kinds)) > 1 else what
    return found


def _content_styles(book: zipfile.ZipFile) -> ElementTree.Element | None:
    """content.xml up to its body (its automatic styles), read a chunk at a time and parsed alone."""
    head = bytearray()
    with book.open("content.xml") as stream:
        while chunk := stream.read(CHUNK):
            searched = max(0, len(head) - 16)  # only the new bytes (and where the tag may begin before
            head += chunk  # them): searching the whole each time was quadratic, 80 s for 400 MB
            if (body := head.find(b"<office:body", searched)) >= 0:
                return ElementTree.fromstring(bytes(head[:body]) + b"</office:document-content>")
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


def _cell_text(content: bytes, at: int) -> str:
    """The text a cell shows (its paragraphs, markup taken out), from just after its opening tag."""
    end = content.find(b"</table:table-cell>", at, at + 4096)  # an error's text is short
    return html.unescape(_MARKUP.sub(b"", content[at : end if end >= 0 else at]).decode("utf-8", "replace"))


def _walk(content: bytes, sheet_name: str, styles: dict[str, str], ordered: dict[str, str]) -> FoundCells:
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
            if b"visibility" in row and ODS_HIDDEN.search(row):
                add(found.hidden_rows, row_at, row_repeat)
            row_style = _attribute(_DEFAULT_STYLE, row)
            column_at, uncomputed = 0, False
            if row_closed:
                row_at += row_repeat
        elif column is not None:
            starts.append(width)
            defaults.append(_attribute(_DEFAULT_STYLE, column))
            if b"visibility" in column and ODS_HIDDEN.search(column):
                add(found.hidden_columns, width, _count(_COLUMNS_REPEATED, column))
            width += _count(_COLUMNS_REPEATED, column)
        elif cell is not None:
            repeat = _count(_COLUMNS_REPEATED, cell)
            dated = b"date" in cell and (kind := _VALUE_TYPE.search(cell)) is not None and kind.group(1) == b"date"
            if dated and (styles or ordered):
                name = _attribute(_STYLE_NAME, cell) or row_style
                if name is None and starts and column_at < width:
                    name = defaults[bisect_right(starts, column_at) - 1]
                what = styles.get(name or "Default")
                if what is not None:
                    found.shown.append((row_at, row_repeat, column_at, repeat, what))
                if (order := ordered.get(name or "Default")) is not None:
                    seen(found, row_at, order)
            if b"error" in cell and _ERROR_VALUE.search(cell) and len(found.errors) < MAX_ERRORS:
                shown = error_text(_cell_text(content, match.end()) if not cell_closed else "")
                room = MAX_ERRORS - len(found.errors)  # a repeated one is each of its cells, to the limit
                cells = (
                    (at, across)
                    for at in range(row_at, row_at + row_repeat)
                    for across in range(column_at, column_at + repeat)
                )
                found.errors += [(at, across, shown) for (at, across), _ in zip(cells, range(room), strict=False)]
            if b"rows-spanned" in cell and (down := _count(_ROWS_SPANNED, cell)) > 1 and len(found.merges) < MAX_CELLS:
                found.merges.append((row_at, down, column_at, max(_count(_COLUMNS_SPANNED, cell), 1)))
            if b"table:formula=" in cell and _uncomputed(cell, cell_closed):
                uncomputed = True
            if not cell_closed and len(found.texts) + len(found.links) < MAX_CELLS and row_repeat == repeat == 1:
                text, addresses = ods_text(content, match.end())  # (a repeated cell of rich text: rare, not read)
                found.texts += [(row_at, column_at, text)] if text is not None else []
                found.links += [(row_at, column_at, address) for address in addresses]
            column_at += repeat
        else:  # the row closes
            if uncomputed:
                found.uncomputed.append((row_at, row_repeat))
            row_at += row_repeat
    return found
