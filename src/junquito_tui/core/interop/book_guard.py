"""A workbook's size as its reader would unpack it, checked before the reader sees the file.

An XLSX or ODS file is a zip of XML: a few hundred bytes can describe billions of cells (one cell at
XFD1048576; a row repeated 500,000 times), and python-calamine builds the whole rectangle of cells
at once: a 1.9 KB file asked for 512 GB and aborted the process, taking the terminal with it; an
831-byte one took 6.7 GB. So the unpacked XML is held to the same byte limit as any file
(``--max-bytes``), and the rectangle of filled cells to ``MAX_CELLS``, before calamine runs.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem
from .book_comments import XLSX_PART, in_chunk

MAX_CELLS = 5_000_000  # 100,000 rows of 50 columns; calamine holds ~32 bytes a cell, Python more
BOMB_BYTES, BOMB_RATIO = 100 << 20, 200  # a part over 100 MB unpacked, at over 200 times its packed size (``bomb``)
# ... or a sheet over 100 MB with fewer filled cells than one each 5,000 bytes (a sheet's data is 40 to 200 bytes a
# cell): a re-review packed 400 MB of empty rows at 106 times, a comment every 100 rows, and it took 19 s blank
BYTES_A_CELL = 5_000
REPEATED_FILLED_ROWS = (
    100_000  # ODS rows of values repeated more, all told (written once, read 2,000,000 times): as many
)
# as the largest dataset read in time (bench: 100,000 events), and so refused before the reader builds them
CHUNK = 1 << 20
# A filled XLSX cell ('<c r="B7" t="s">', not the self-closing '<c r="B7" s="3"/>' of a formatted
# empty one, which the reader skips): its column letters and row number.
_XLSX_CELL = re.compile(rb'<c\s[^>/]*?\br="([A-Z]{1,3})([0-9]{1,9})"[^>/]*>')
# A formula's tag, with or without a namespace prefix: plain searches, as fast as memchr
FORMULA_TAGS = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/")
# A cell holding an error ('<c r="B2" t="e"><v>#N/A</v></c>'), most often a formula's, also typed in
ERROR_TAGS = (b't="e"', b"t='e'")
HIDDEN_MARK = b"hidden="  # a hidden row or column ('<row r="5" hidden="1">'; ``book_hidden``)
_ODS_TOKEN = re.compile(
    rb"<table:table-row\b([^>]*?)(/?)>|</table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)/?>"
)
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="([0-9]{1,12})"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="([0-9]{1,12})"')
_VALUED = re.compile(rb"value-type=")


class BookTooLarge(Exception):
    """The workbook would unpack to more than we read, or cannot be measured; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)


@dataclass(frozen=True)
class Measured:
    """What the guard saw on its way through the parts."""

    formulas: frozenset[str] = frozenset()  # parts with formula tags, error cells or hidden rows or columns
    comments: int = 0  # cell comments (``book_comments``)


def check_workbook(path: Path, max_bytes: int) -> Measured:
    """Raise ``BookTooLarge`` for a zip workbook whose XML or cells exceed the limits; other files
    (XLS, or a file that is no zip: the reader says what is wrong with it) pass unchecked. The parts
    that hold formula tags, error cells or hidden rows or columns, seen on the way (``xlsx_formats``
    looks in them for formulas with no value, errors and what is hidden), and the cell comments."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return Measured()
    formulas: set[str] = set()
    comments = 0
    with book:
        # Every part, whatever its name says: the reader opens the parts the workbook's relations name
        entries = [e for e in book.infolist() if not e.is_dir()]
        unpacked = sum(e.file_size for e in entries)  # as the zip declares it; reading stops there too
        if unpacked > max_bytes:
            raise BookTooLarge(
                Problem(
                    "",
                    f"unpacks to {unpacked:,} bytes, more than the {max_bytes:,} read at most "
                    "(--max-bytes sets the limit)",
                )
            )
        for entry in entries:
            bomb(entry)
        for entry in entries:
            name = entry.filename
            # An ODS file's cells are in content.xml; any part of an XLSX may be a sheet (the workbook's
            # relations say which, and the reader follows them): every part is looked at, each way.
            try:
                if name == "content.xml":
                    rows, columns, found = _ods_extent(book, entry)
                else:
                    rows, columns, formula, found = _xlsx_extent(book, entry, bool(XLSX_PART.fullmatch(name)))
                    if formula:
                        formulas.add(name)
                comments += found
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                OSError,
                ValueError,
                NotImplementedError,
                RuntimeError,
            ) as error:
                # a bad checksum, a cut, an unknown compression, a part marked encrypted: said as such
                raise BookTooLarge(Problem("", f"cannot be read: its part {name!r} is damaged ({error})")) from None
            too_many_cells(f"its part {name!r}", rows, columns)
    return Measured(frozenset(formulas), comments)


def bomb(entry: zipfile.ZipInfo) -> None:
    """Raise ``BookTooLarge`` for a part that unpacks to more than ``BOMB_BYTES`` at over ``BOMB_RATIO`` times its
    packed size: XML of mostly nothing. A security review: 3.5 MB holding 150 million empty rows (1.8 GB) passed the
    byte limit, held no cells over the cell limit, and took a minute to read before anything was on screen.
    (A sheet's XML packs 5 to 20 times; a million formatted empty rows, 40 MB, are under the size.)"""
    packed, unpacked = max(entry.compress_size, 1), entry.file_size
    if unpacked > BOMB_BYTES and unpacked > BOMB_RATIO * packed:
        raise BookTooLarge(
            Problem(
                "",
                f"its part {entry.filename!r} unpacks to {unpacked:,} bytes from {packed:,} ({unpacked // packed:,} "
                "times as much): XML of mostly nothing, as a zip bomb is, not a workbook's data; not read",
            )
        )


def too_many_cells(where: str, rows: int, columns: int) -> None:
    """Raise ``BookTooLarge`` if ``rows`` by ``columns`` is over ``MAX_CELLS``; ``where``: 'its part ...'."""
    if rows * columns > MAX_CELLS:
        raise BookTooLarge(
            Problem(
                "",
                f"the cells of {where} span {rows:,} rows by {columns:,} columns "
                f"({rows * columns:,} cells), more than the {MAX_CELLS:,} junquito-tui reads from a workbook",
            )
        )


def whole_tags(book: zipfile.ZipFile, entry: zipfile.ZipInfo | str) -> Iterator[bytes]:
    """A zip part's XML a chunk at a time, each ending before a tag (a tag cut by a chunk's end is
    given with the next one), the last one whatever is left."""
    tail = b""
    with book.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<")
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            yield text
    if tail:
        yield tail


def _xlsx_extent(book: zipfile.ZipFile, entry: zipfile.ZipInfo, comments: bool) -> tuple[int, int, bool, int]:
    """(rows, columns) of the rectangle from A1 to the last filled cell, read a chunk at a time, whether
    the part holds a formula tag, an error cell or a hidden row or column (``xlsx_formats`` looks at it
    again), and the cell comments it holds (``comments``: a comments part)."""
    rows = columns = found_comments = 0
    formula = False
    read = cells = row_tags = 0
    for text in whole_tags(book, entry):
        formula = formula or any(tag in text for tag in (*FORMULA_TAGS, *ERROR_TAGS, HIDDEN_MARK))
        found_comments += in_chunk(text, ods=False) if comments else 0
        found = _XLSX_CELL.findall(text)
        read, cells, row_tags = read + len(text), cells + len(found), row_tags + text.count(b"<row")
        if row_tags and read > BOMB_BYTES and read > BYTES_A_CELL * max(cells, 1):  # (said as soon as it is so)
            raise BookTooLarge(
                Problem(
                    "",
                    f"its part {entry.filename!r} holds {read:,} bytes of rows and more for {cells:,} filled cells: "
                    "XML of mostly nothing, as a zip bomb is, not a workbook's data; not read",
                )
            )
        if found:  # C-level passes: a sheet of 3 million cells is 176 MB of XML
            letters, numbers = zip(*found, strict=True)
            rows = max(rows, max(map(int, numbers)))
            columns = max(columns, column_number(max(set(letters), key=lambda c: (len(c), c))))
    return rows, columns, formula, found_comments


def column_number(letters: bytes) -> int:
    """b'A' is 1, b'AA' 27, b'XFD' 16,384: a column as a spreadsheet numbers it."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64  # b"A"[0] is 65
    return number


def _ods_extent(book: zipfile.ZipFile, entry: zipfile.ZipInfo) -> tuple[int, int, int]:
    """(rows, columns) of the rectangle to the last filled cell, repeated rows and cells counted as
    the reader expands them, read a chunk at a time (a 400 MB comment in a 390 KB file was held whole),
    and the cell comments."""
    rows = columns = comments = 0
    row_at, row_repeat, column_at, row_width = 0, 1, 0, 0
    repeated_rows = 0  # rows of values the repeats add, all told (24 rows of 99,999 each were 918 bytes: a re-trial)
    for text in whole_tags(book, entry):
        comments += in_chunk(text, ods=True)
        for match in _ODS_TOKEN.finditer(text):
            row_attributes, row_closed, cell_attributes = match.group(1, 2, 3)
            if row_attributes is not None:  # a row opens (or is empty, '<.../>')
                repeated = _ROWS_REPEATED.search(row_attributes)
                row_repeat = int(repeated.group(1)) if repeated else 1
                column_at = row_width = 0
                if row_closed:
                    row_at += row_repeat
            elif cell_attributes is not None:
                repeated = _COLUMNS_REPEATED.search(cell_attributes)
                column_at += int(repeated.group(1)) if repeated else 1
                if _VALUED.search(cell_attributes):  # a value: filled; an empty formatted run is not
                    row_width = column_at
            else:  # the row closes
                row_at += row_repeat
                repeated_rows += row_repeat - 1 if row_width else 0
                if repeated_rows > REPEATED_FILLED_ROWS:  # (a re-review: 832 bytes, 1,048,575 events)
                    raise BookTooLarge(
                        Problem(
                            "",
                            f"its part {entry.filename!r} repeats rows of values {repeated_rows:,} times and more "
                            "(table:number-rows-repeated): no chronology's rows; not read",
                        )
                    )
                if row_width:
                    rows, columns = row_at, max(columns, row_width)
    return rows, columns, comments
