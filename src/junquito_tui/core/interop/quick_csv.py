"""A CSV file read by the csv module alone, a chunk of rows at a time, for the fast reading of a large
export (``acled_fast``): no Python per line or per row, where ``open_table`` numbers each line and
looks into each for what it warns about.

It reads only a file ``open_table`` would read without a word, in the same way: UTF-8 through and
through (a BOM allowed), separated by commas, with no line that looks like UTF-8 decoded twice, and
every row on a line of its own (a quoted line break, a quote left open or a stray quote end the quick
reading: ``strict`` CSV). Anything else, at any point, raises ``NotQuick``: the caller then reads
the file the ordinary way.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count, islice
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
    rows: Any  # the csv reader, after the header
    size: int
    handle: Any

    def chunks(self, size: int) -> Iterator[tuple[list[str], list[list[str]], int]]:
        """(wheres, rows, empty rows skipped) a chunk at a time, each row its line's."""
        reader, last = self.rows, self.rows.line_num
        while chunk := _read(islice(reader, size)):
            if reader.line_num - last != len(chunk):
                raise NotQuick("a row over several lines")
            if min(map(len, chunk)) < len(self.table.header) and any(  # ``Sheet.rows`` names a short row
                len(row) < len(self.table.header) and any(map(str.strip, row)) for row in chunk
            ):
                raise NotQuick("a row with fewer cells than the header")
            lines = count(last + 1)
            last = reader.line_num
            # a row of empty or blank cells is no row (``Sheet.rows``): most rows' first cell says so
            kept = [(line, row) for line, row in zip(lines, chunk, strict=False) if any(map(str.strip, row))]
            yield [f"line {line}" for line, _ in kept], [row for _, row in kept], len(chunk) - len(kept)

    def share(self) -> float | None:
        """How much of the file has been read (within the reader's buffer)."""
        return min(1.0, self.handle.buffer.tell() / self.size) if self.size > 0 else None

    def __enter__(self) -> QuickCsv:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def open_quick(path: Path) -> QuickCsv:
    """The file's header and rows; ``NotQuick`` for a file ``open_table`` would say something of."""
    with path.open("rb") as raw:
        head = raw.read(SAMPLE_BYTES)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise NotQuick("UTF-16")
        raw.seek(0)
        carried = b""
        while block := raw.read(_SCAN_BYTES):
            block = carried + block
            if twice_marked(block):
                raise NotQuick("text that may be decoded twice")
            carried = block[-_CARRIED:]
        size = raw.tell()
    encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    handle = path.open(encoding=encoding, errors="strict", newline="")
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


def twice_marked(block: bytes) -> bool:
    """Whether ``block`` holds a mark of text decoded twice (``_TWICE_MARKS``)."""
    return any(lead in block and pattern.search(block) is not None for lead, pattern in _TWICE_MARKS)


def _lazily(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows one at a time (the header's search), or ``NotQuick`` as ``_read`` says it."""
    while (row := _decoded(next, reader, None)) is not None:
        yield row


def _read(rows: Iterator[list[str]]) -> list[list[str]]:
    """The rows, or ``NotQuick`` where the file is not strict CSV or not UTF-8."""
    read: list[list[str]] = _decoded(list, rows)
    return read


def _decoded(read: Callable[..., Any], *arguments: Any) -> Any:
    try:
        return read(*arguments)
    except (csv.Error, UnicodeDecodeError) as error:  # a quote left open or misplaced; a legacy file
        raise NotQuick(str(error)) from None
