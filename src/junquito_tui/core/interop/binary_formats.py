"""An XLS or XLSB sheet's cells whose format shows less of a date than it stores (see ``book_formats``).

A cell typed "June 2017" is stored as the day number of 1 June 2017 with a format that shows the
month ('mmm-yy'); python-calamine gives the day and not the format, so an XLS or XLSB file's "Jun-17"
became an event of 1 June 2017, precise to the day. Here the formats are read: for XLS by xlrd (the
maintained reader of BIFF files, which keeps each cell's format index), for XLSB by walking its
records ([MS-XLSB]: styles.bin's number formats and cell styles, then the sheet's cell records, each
naming its style). Both run after the file has passed the probe and the guard (its cells are bounded).

Their error cells ('#REF!', which the reader gives as empty) are found on the same walk, so a sheet
with no date format to look for is walked too where it may hold one: an XLSB sheet always (0.56 s of
the child's CPU for 1,000,000 cells); an XLS sheet when its workbook stream holds a record that may be
an error cell (a scan of the bytes, 0.22 s for 26 MB, where xlrd's reading of the sheet takes 1.1 s).
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from .book_errors import MAX_ERRORS, UNKNOWN
from .book_formats import FoundCells, formats_unread, timed_only
from .book_guard import MAX_CELLS
from .book_hidden import add
from .book_order import judged, seen

_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class FormatsUnread(Exception):
    """The file's formats could not be read: its dates are read as the days it stores (said)."""


# What BIFF (XLS) and XLSB store for an error, as the sheet shows it ([MS-XLSB] 2.5.97.2 BErr)
ERROR_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!"}
ERROR_CODES |= {0x2A: "#N/A", 0x2B: "#GETTING_DATA"}

# BIFF8's BOOLERR record (0x0205, 8 bytes) with its error flag set, or a FORMULA record (0x0006) whose
# cached result is an error (type 2, then 0xFFFF at its end): a pattern every such record matches
_ERROR_RECORD = re.compile(rb"\x05\x02\x08\x00(?s:.{7})\x01|\x06\x00(?s:.{8})\x02(?s:.{5})\xff\xff")
# XLS's ROW record with its fDyZero flag (hidden), COLINFO with fHidden: a cheap first look, before the
# sheet is read for them (a match in other bytes only costs that reading)
_ODD = b"[" + b"".join(re.escape(bytes([byte])) for byte in range(1, 256, 2)) + b"]"
_HIDDEN_RECORD = re.compile(
    rb"\x08\x02\x10\x00(?s:.{12})[\x20-\x3f\x60-\x7f\xa0-\xbf\xe0-\xff]|\x7d\x00\x0c\x00(?s:.{8})" + _ODD
)


def binary_cells(path: Path, sheet_name: str, times: bool, orders: bool = False) -> FoundCells | None:
    """The named sheet's date cells whose format shows less than they store (one run each), and its
    error cells, as ``xlsx_formats.xlsx_cells`` finds them (``orders``: and its date cells counted by
    the day/month order their format writes out); None for a file that is neither XLS nor XLSB; a
    warning when it is one whose formats cannot be read."""
    try:
        try:
            with zipfile.ZipFile(path) as book:
                if "xl/workbook.bin" not in book.namelist():
                    return None
                ordered = _xlsb_styles(book, orders=True) if orders else {}
                found = _xlsb_cells(book, sheet_name, timed_only(_xlsb_styles(book), times), ordered)
                found.from_1904 = _xlsb_from_1904(book)
                return found
        except zipfile.BadZipFile:
            return _xls_cells(path, sheet_name, times, orders)
    except (FormatsUnread, KeyError, OSError, ValueError, IndexError, struct.error, ElementTree.ParseError) as error:
        return FoundCells(said=[formats_unread(error)])


def _error(code: int) -> str:
    return ERROR_CODES.get(code, UNKNOWN)


# -- XLS ----------------------------------------------------------------------------------------------


def _xls_cells(path: Path, sheet_name: str, times: bool, orders: bool = False) -> FoundCells:
    """What ``binary_cells`` finds, whether the workbook counts its days from 1904 (its DATEMODE), and
    its hidden rows and columns (its merged ranges: python-calamine gives them)."""
    import xlrd  # only for XLS files

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=_Quiet())
        try:
            styles = timed_only(_xls_styles(book), times)
            ordered = _xls_styles(book, orders=True) if orders else {}
            found = FoundCells(from_1904=book.datemode == 1)
            if (
                not styles
                and not ordered
                and book.biff_version >= 80
                and not _ERROR_RECORD.search(book.mem)
                and not _HIDDEN_RECORD.search(book.mem)
            ):
                return found
            sheet = book.sheet_by_name(sheet_name)
            errors: list[tuple[int, int, str]] = []
            for column in range(sheet.ncols):
                for row, kind in enumerate(sheet.col_types(column)):
                    if kind == xlrd.XL_CELL_DATE and (order := ordered.get(sheet.cell_xf_index(row, column))):
                        seen(found, row, order)
                    if kind == xlrd.XL_CELL_DATE and (what := styles.get(sheet.cell_xf_index(row, column))):
                        found.shown.append((row, 1, column, 1, what))
                    elif kind == xlrd.XL_CELL_ERROR and len(errors) < MAX_ERRORS:
                        errors.append((row, column, _error(sheet.cell_value(row, column))))
            found.errors = sorted(errors)
            for row, info in sorted(sheet.rowinfo_map.items()):
                if info.hidden:
                    add(found.hidden_rows, row, 1)
            for column, info in sorted(sheet.colinfo_map.items()):
                if info.hidden:
                    add(found.hidden_columns, column, 1)
            return found
        finally:
            book.release_resources()
    except Exception as error:  # xlrd raises its own errors, and struct's and IndexError on a damaged file
        raise FormatsUnread(str(error) or type(error).__name__) from None


def _xls_styles(book: object, orders: bool = False) -> dict[int, str]:
    """XF index -> what its number format shows of a date, for the cell styles that show less than a
    date (``orders``: the day/month order it writes out)."""
    found: dict[int, str] = {}
    formats = getattr(book, "format_map", {})
    for index, xf in enumerate(getattr(book, "xf_list", [])):
        fmt = formats.get(xf.format_key)
        # xlrd keeps the locale built-ins (27-36, 50-58) with no text: known by their number
        what = judged(getattr(fmt, "format_str", None), xf.format_key, orders)
        if what is not None:
            found[index] = what
    return found


class _Quiet:
    """xlrd's log, which it writes to stdout by default: nothing of it is wanted."""

    def write(self, text: str) -> int:
        return len(text)


# -- XLSB ---------------------------------------------------------------------------------------------

_BEGIN_FORMATS, _FORMAT, _BEGIN_STYLES, _STYLE, _END_STYLES = 0x0267, 0x002C, 0x0269, 0x002F, 0x026A
_BUNDLE_SHEET, _ROW, _BEGIN_SHEET_DATA, _END_SHEET_DATA = 0x009C, 0x0000, 0x0091, 0x0092
_WORKBOOK_PROPERTIES = 0x0099  # BrtWbProp: its flags, the first of them f1904
_COLUMN_INFO = 0x003C  # BrtColInfo, before the sheet data: first and last column, width, style, flags (fHidden)
_MERGE_CELL = 0x00B0  # BrtMergeCell, after the sheet data: first and last row, first and last column
_NUMBER_CELLS = frozenset({0x0002, 0x0005, 0x0009})  # BrtCellRk, BrtCellReal, BrtFmlaNum: what a date is
_ERROR_CELLS = frozenset({0x0003, 0x000B})  # BrtCellError, BrtFmlaError: the error's code after the cell


def _records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(type, body) of each record: the type in one or two bytes, the size in up to four, 7 bits each
    (a part is read whole: the guard has held the unpacked parts to ``--max-bytes``)."""
    at, end = 0, len(data)
    while at < end:
        kind = data[at] & 0x7F
        if data[at] & 0x80:
            kind |= (data[at + 1] & 0x7F) << 7
            at += 1
        at += 1
        size = shift = 0
        for _ in range(4):
            byte = data[at]
            at += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, data[at : at + size]
        at += size


def _wide(data: bytes, at: int) -> tuple[str, int]:
    """An XLWideString at ``at``: the text and where it ends."""
    (count,) = struct.unpack_from("<I", data, at)
    end = at + 4 + 2 * count
    return data[at + 4 : end].decode("utf-16-le", "replace"), end


def _xlsb_styles(book: zipfile.ZipFile, orders: bool = False) -> dict[int, str]:
    if "xl/styles.bin" not in book.namelist():
        return {}
    codes: dict[int, str] = {}
    found: dict[int, str] = {}
    index = -1
    for kind, data in _records(book.read("xl/styles.bin")):
        if kind == _FORMAT:
            codes[struct.unpack_from("<H", data)[0]] = _wide(data, 2)[0]
        elif kind == _BEGIN_STYLES:
            index = 0
        elif kind == _STYLE and index >= 0:
            number = struct.unpack_from("<H", data, 2)[0]
            what = judged(codes.get(number), number, orders)
            if what is not None:
                found[index] = what
            index += 1
        elif kind == _END_STYLES:
            break
    return found


def _xlsb_from_1904(book: zipfile.ZipFile) -> bool:
    """Whether the workbook counts its days from 1904: its BrtWbProp's first flag (f1904)."""
    for kind, data in _records(book.read("xl/workbook.bin")):
        if kind == _WORKBOOK_PROPERTIES:
            return len(data) >= 4 and bool(data[0] & 1)
    return False


def _xlsb_sheet_part(book: zipfile.ZipFile, sheet_name: str) -> str | None:
    wanted = None
    for kind, data in _records(book.read("xl/workbook.bin")):
        if kind == _BUNDLE_SHEET:  # its state and tab (8 bytes), its relation's id, its name
            relation, end = _wide(data, 8)
            if _wide(data, end)[0] == sheet_name:
                wanted = relation
                break
    if wanted is None:
        return None
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.bin.rels"))
    # of two relations with one id, the last is the one the reader follows
    targets = [r.get("Target", "") for r in rels.iter(f"{_PACKAGE_REL}Relationship") if r.get("Id") == wanted]
    return str(PurePosixPath("xl") / targets[-1]) if targets and targets[-1] else None  # as the reader places it


def _xlsb_cells(book: zipfile.ZipFile, sheet_name: str, styles: dict[int, str], ordered: dict[int, str]) -> FoundCells:
    part = _xlsb_sheet_part(book, sheet_name)
    result = FoundCells()
    found: dict[tuple[int, int], str] = {}
    errors: list[tuple[int, int, str]] = []
    merges: list[tuple[int, int, int, int]] = []
    if part is None:
        return result
    row = 0
    inside = False  # only the sheet data's records are cells, as the reader reads them
    for kind, data in _records(book.read(part)):
        if kind == _BEGIN_SHEET_DATA:
            inside = True
        elif kind == _COLUMN_INFO and len(data) >= 17 and data[16] & 0x01:  # fHidden
            first, last = struct.unpack_from("<II", data)
            if last >= first:
                add(result.hidden_columns, first, last - first + 1)
        elif kind == _MERGE_CELL and len(data) >= 16 and len(merges) < MAX_CELLS:
            first, last, left, right = struct.unpack_from("<IIII", data)
            if last > first and right >= left:  # (a range across columns only: nothing for the rows)
                merges.append((first, last - first + 1, left, right - left + 1))
        elif not inside:
            continue
        elif kind == _ROW:
            (row,) = struct.unpack_from("<I", data)
            if len(data) >= 12 and data[11] & 0x10:  # fDyZero: the row is hidden
                add(result.hidden_rows, row, 1)
        elif kind in _NUMBER_CELLS:
            column, style = struct.unpack_from("<II", data)
            if order := ordered.get(style & 0xFFFFFF):
                seen(result, row, order)
            if what := styles.get(style & 0xFFFFFF):
                found[row, column] = what
                if len(found) > MAX_CELLS:  # the reader holds no more: the file is not what it seems
                    raise ValueError(f"more than {MAX_CELLS:,} styled cells")
        elif kind in _ERROR_CELLS and len(errors) < MAX_ERRORS:
            errors.append((row, struct.unpack_from("<I", data)[0], _error(data[8])))
        elif kind == _END_SHEET_DATA:
            inside = False  # the merged ranges come after
    result.shown = [(row, 1, column, 1, what) for (row, column), what in found.items()]
    result.errors, result.merges = errors, merges
    return result
