"""A CSV file read a chunk of rows at a time, for the fast reading of a large export (``acled_fast``):
no Python per line or per row (a line with no quote split at its commas, the others read by the csv
module), where ``open_table`` numbers each line and looks into each for what it warns about.

It reads only a file ``open_table`` would read without a word, in the same way: UTF-8 through and
through (a BOM allowed), separated by commas, with no line that looks like UTF-8 decoded twice, and
every row on a line of its own (a quoted line break, a quote left open or a stray quote end the quick
reading: ``strict`` CSV). Anything else, at any point, raises ``NotQuick``: the caller then reads
the file the ordinary way.
"""

from __future__ import annotations

import codecs
import csv
import io
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress, count, islice, repeat
from pathlib import Path
from typing import Any

from .sheet_read import SAMPLE_BYTES, Table, TwiceEncoded, _filled, _header_name, choose_delimiter

# What ``open_table`` looks into lines for: UTF-8's lead byte of 'Ã', 'Â' and 'â' then their second
# byte (text decoded twice shows them), and of Mac Roman's '¬', '√', 'ƒ', '≈' and '‚' (the same through
# Mac Roman); a file holding any of them is left to it. One pattern per lead byte, run only if that
# byte is there (``in``: memchr), each starting with a fixed byte: 0.04 s for 50 MB, where a single
# alternation of them all took 0.18 s.
_TWICE_MARKS = (
    (b"\xc3", re.compile(b"\xc3[\x82\x83\xa2]")),
    (b"\xc2", re.compile(b"\xc2\xac")),
    (b"\xc6", re.compile(b"\xc6\x92")),
    (b"\xe2", re.compile(b"\xe2(?:\x88\x9a|\x89\x88|\x80\x9a)")),
)
_CARRIED = 2  # a mark is up to three bytes long: the last two of a block are read again with the next
_SCAN_BYTES = 1 << 20


class NotQuick(Exception):
    """The file needs the ordinary reading."""


@dataclass
class QuickCsv:
    """The table (its header, as ``open_table`` reads it) and the reader past it."""

    table: Table
    rows: Any  # the csv reader that read the header (its ``line_num``: the lines it took)
    size: int
    handle: Any
    base: int = 0  # the lines before the reader's first (the second part of a file read in two: ``open_part``)
    long: bool | None = None  # whether its rows are longer than the header (by empty cells), once a row says

    def chunks(self, size: int) -> Iterator[tuple[list[str], list[list[str]], int]]:
        """(wheres, rows, empty rows skipped) a chunk at a time, each row its line's."""
        last = self.rows.line_num  # the lines the header took (the reader left off after it)
        while lines := _decoded(list, islice(self.handle, size)):
            chunk = _cells(lines)
            if min(map(len, chunk)) < len(self.table.header) and any(  # ``Sheet.rows`` names a short row
                len(row) < len(self.table.header) and any(map(str.strip, row)) for row in chunk
            ):
                raise NotQuick("a row with fewer cells than the header")
            self._lengths(chunk)
            numbers = count(self.base + last + 1)
            last += len(lines)
            # a row of empty or blank cells is no row (``Sheet.rows``): most rows' first cell says so
            kept = [(line, row) for line, row in zip(numbers, chunk, strict=False) if any(map(str.strip, row))]
            yield [f"line {line}" for line, _ in kept], [row for _, row in kept], len(chunk) - len(kept)

    def _lengths(self, chunk: list[list[str]]) -> None:
        """``NotQuick`` where ``Sheet.rows`` may name a row longer than the header: one with text past it, or
        rows long and not (a delimiter after every row's last cell, all of them long alike, is said nothing of)."""
        width = len(self.table.header)
        if max(map(len, chunk)) <= width and self.long is not True:
            self.long = False
            return
        rows = [row for row in chunk if any(map(str.strip, row))]
        long = {len(row) > width for row in rows}
        if any(len(row) > width and any(map(str.strip, row[width:])) for row in rows) or len(long) > 1:
            raise NotQuick("a row with more cells than the header")
        if long and self.long is not None and self.long != (True in long):
            raise NotQuick("rows with more cells than the header, and rows without")
        self.long = True in long if long else self.long

    def share(self) -> float | None:
        """How much of the file has been read (within the reader's buffer)."""
        return min(1.0, self.handle.buffer.tell() / self.size) if self.size > 0 else None

    def __enter__(self) -> QuickCsv:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def blocks(path: Path, start: int = 0, end: int | None = None, carried: int = 0) -> Iterator[bytes]:
    """The file's bytes from ``start`` to ``end`` (None: its end) a block at a time, each block after
    the first led by the last ``carried`` bytes of the one before (a character may straddle two)."""
    with path.open("rb") as raw:
        raw.seek(start)
        kept = b""
        while (want := _SCAN_BYTES if end is None else min(_SCAN_BYTES, end - raw.tell())) > 0:
            if not (block := raw.read(want)):
                return
            yield kept + block
            kept = block[-carried:] if carried else b""


def open_quick(path: Path, *, scanned: tuple[int, int | None] | None = (0, None), end: int | None = None) -> QuickCsv:
    """The file's header and rows; ``NotQuick`` for a file ``open_table`` would say something of, its
    bytes from ``scanned``'s start to its end looked into for text decoded twice (None: none, as
    another reader does that). ``end``: the rows end there, at the cut of a file read in two
    (``acled_part.split_point``; a row running on past it is a quote left open, which ends the quick reading)."""
    if scanned is not None and any(map(twice_marked, blocks(path, *scanned, carried=_CARRIED))):
        raise NotQuick("text that may be decoded twice")
    with path.open("rb") as raw:
        head = raw.read(SAMPLE_BYTES)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise NotQuick("UTF-16")
        size = raw.seek(0, io.SEEK_END)
    encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    if end is None:
        handle = path.open(encoding=encoding, errors="strict", newline="")
    else:
        bounded = io.BufferedReader(_Until(path.open("rb", buffering=0), end), buffer_size=1 << 16)
        handle = io.TextIOWrapper(bounded, encoding=encoding, errors="strict", newline="")
    try:
        sample = _decoded(handle.read, SAMPLE_BYTES)
        if "\x00" in sample or not sample.strip() or choose_delimiter(sample) != ",":
            raise NotQuick("not a plain CSV file")
        handle.seek(0)
        reader = csv.reader(handle, strict=True)
        last = 0
        for cells in _lazily(reader):
            if reader.line_num != last + 1:
                raise NotQuick("a row over several lines")
            last = reader.line_num
            if any(_filled(cell) for cell in cells):
                header = [_header_name(cell) for cell in cells]
                while header and not header[-1]:
                    header.pop()
                table = Table(header, reader.line_num, iter(()), "line", [], ",", TwiceEncoded("line"))
                quick = QuickCsv(table, reader, size, handle)
                table.read = quick.share
                return quick
        raise NotQuick("no header")
    except BaseException:
        handle.close()
        raise


def lines_before(path: Path, offset: int) -> int:
    """The lines before byte ``offset``, as the csv module counts them: LF, CR LF and CR each end one."""
    lines, last = 0, b""
    for block in blocks(path, 0, offset):
        lines += block.count(b"\n")
        if b"\r" in block:  # (most files have none: ``in`` is a memchr, the counts are not)
            lines += block.count(b"\r") - block.count(b"\r\n")
        lines -= last == b"\r" and block.startswith(b"\n")  # a CR LF across two blocks: one line end
        last = block[-1:]
    return lines


def open_part(path: Path, offset: int) -> QuickCsv:
    """The rows from byte ``offset`` on (``acled_part.split_point``), as the second of two readers: the header
    read from the file's start, only the bytes from ``offset`` on looked into (the first reader
    looks into the others), each row numbered by its line in the file."""
    quick = open_quick(path, scanned=(offset, None))
    quick.handle.close()
    lines = lines_before(path, offset)
    if quick.rows.line_num > lines:
        raise NotQuick("the part starts before the header ends")
    raw = path.open("rb")
    raw.seek(offset)
    quick.handle = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
    quick.rows = csv.reader(quick.handle, strict=True)
    quick.base = lines
    return quick


class _Until(io.RawIOBase):
    """A file's bytes up to ``end`` (the first of two readers reads to the cut, no further)."""

    def __init__(self, raw: io.FileIO, end: int) -> None:
        super().__init__()
        self.raw, self.end = raw, end

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.raw.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.raw.seek(offset, whence)

    def readinto(self, buffer: Any) -> int:
        if (left := self.end - self.raw.tell()) <= 0:
            return 0
        with memoryview(buffer) as view:
            return self.raw.readinto(view[:left]) or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


def twice_marked(block: bytes) -> bool:
    """Whether ``block`` holds a mark of text decoded twice (``_TWICE_MARKS``)."""
    return any(lead in block and pattern.search(block) is not None for lead, pattern in _TWICE_MARKS)


def _lazily(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows one at a time (the header's search), or ``NotQuick`` as ``_decoded`` says it."""
    while (row := _decoded(next, reader, None)) is not None:
        yield row


def _cells(lines: list[str]) -> list[list[str]]:
    """Each line's cells, as the csv module (strict) reads the line as a row of its own: a line with
    no quote is its text split at each comma, in C (0.35 s in place of 0.49 for 100,000 lines of an
    export whose cells are rarely quoted); the others are read by the csv module, which must read
    each as one row (else ``NotQuick``: a quoted line break)."""
    quoted = list(compress(count(), map(operator.contains, lines, repeat('"'))))
    # mostly quoted: splitting first would only add to the csv module's time; a line long enough to hold
    # a cell over the csv module's limit: refused by it, as ``open_table`` refuses it
    if len(quoted) * 2 > len(lines) or max(map(len, lines)) > csv.field_size_limit():
        return _one_row_each(lines)
    rows = list(map(str.split, map(str.rstrip, lines, repeat("\r\n")), repeat(",")))
    for index in compress(count(), map(operator.eq, rows, repeat([""]))):
        rows[index] = []  # an empty line: no cell, as the csv module reads it
    if quoted:
        for index, row in zip(quoted, _one_row_each(list(map(lines.__getitem__, quoted))), strict=True):
            rows[index] = row
    return rows


def _one_row_each(lines: list[str]) -> list[list[str]]:
    """The csv module's rows, one per line."""
    rows: list[list[str]] = _decoded(list, csv.reader(lines, strict=True))
    if len(rows) != len(lines):
        raise NotQuick("a row over several lines")
    return rows


def _decoded(read: Callable[..., Any], *arguments: Any) -> Any:
    try:
        return read(*arguments)
    except (csv.Error, UnicodeDecodeError) as error:  # a quote left open or misplaced; a legacy file
        raise NotQuick(str(error)) from None
