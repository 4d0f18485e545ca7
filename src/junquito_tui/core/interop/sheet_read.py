"""A spreadsheet file to a header and a stream of numbered rows, whatever it was saved as.

CSV is streamed (a row at a time, never the whole text): its encoding is UTF-8 when every byte says
so, else the guess of charset-normalizer (a maintained detector), named in a warning; its delimiter
is the one of ``,`` ``;`` tab ``|`` that splits the first rows most consistently (the csv sniffer's
pick first); line ends may be CR, LF, CRLF or a mix, and quoted cells may hold any of them.
XLSX, XLS and ODS are read with python-calamine (a Rust reader): its first sheet that holds data.
Text that is UTF-8 decoded twice ("EhrenÃ¤mter") is noticed and warned about, never silently kept.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TextIO, cast

from ..problems import Problem

Cell = str | int | float | bool | date | datetime | time | timedelta | None
Row = tuple[int, list[Cell]]  # (line or row number in the file, cells)

BOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".txt"})
DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 256 * 1024
CHUNK_BYTES = 4 * 1024 * 1024
COMMON_ENCODINGS = ("cp1252", "mac_roman", "latin_1", "iso8859_15", "cp1250", "cp1251", "cp437", "cp850")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
# A lead byte of a 2-4 byte UTF-8 sequence read as Windows-1252/Latin-1, then continuation bytes so read.
_TWICE = re.compile(
    "[\u00c2-\u00f4]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}"
)


class SheetError(Exception):
    """What makes a file unreadable as a spreadsheet (the loader reports it as a dataset problem)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)


@dataclass
class Table:
    """The header and the rows after it; ``rows`` is an iterator, consumed once."""

    header: list[str]
    header_at: int
    rows: Iterator[Row]
    unit: str  # how the file counts: 'line' (CSV) or 'row' (a workbook)
    notes: list[str] = field(default_factory=list)  # how the file was read, said once
    delimiter: str | None = None
    twice: TwiceEncoded = field(default_factory=lambda: TwiceEncoded())
    read: Callable[[], float | None] = lambda: None  # the share of the file read so far, if known

    def where(self, number: int) -> str:
        return f"{self.unit} {number}"


@dataclass
class TwiceEncoded:
    """Lines that look like UTF-8 decoded as a legacy encoding (mojibake): the first, and how many."""

    unit: str = "line"
    first: tuple[int, str, str] | None = None  # (number, as written, as it should probably read)
    count: int = 0

    def check(self, number: int, text: str) -> None:
        for match in _TWICE.finditer(text):
            fixed = _undo_twice(match.group())
            if fixed is not None and _meaningful(fixed):
                self.count += 1
                if self.first is None:
                    word = _word_around(text, match.start())
                    self.first = (number, word, word.replace(match.group(), fixed))
                return

    def warning(self) -> str | None:
        if self.first is None:
            return None
        number, seen, meant = self.first
        more = f" ({self.count:,} {self.unit}s like it)" if self.count > 1 else ""
        return (
            f"{self.unit} {number}: {seen!r} looks like UTF-8 text decoded twice (it should probably read {meant!r})"
            f"{more}; kept as written: re-save the file as UTF-8 from the original"
        )


def _meaningful(fixed: str) -> bool:
    """A letter (Ã¤ is ä) or typographic punctuation (â€™ is ’): what mojibake hides. 'Â\xa0' (a
    no-break space) could as well be meant as written: not worth a warning."""
    return any(c.isalpha() or "\u2010" <= c <= "\u206f" or c == "€" for c in fixed)


def _undo_twice(text: str) -> str | None:
    for legacy in ("cp1252", "latin-1"):
        try:
            return text.encode(legacy).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None


def _word_around(text: str, at: int) -> str:
    start = max(text.rfind(" ", 0, at), text.rfind(",", 0, at), text.rfind(";", 0, at), text.rfind("\t", 0, at)) + 1
    ends = [i for i in (text.find(c, at) for c in " ,;\t\r\n") if i >= 0]
    word = text[start : min(ends) if ends else len(text)].strip("\"'")
    return word if len(word) <= 40 else word[:37] + "..."


def open_table(path: Path, max_bytes: int | None = None) -> Table:
    """The file's header and rows; ``SheetError`` when it cannot be read at all (or a workbook would
    unpack to more than ``max_bytes`` of XML, or too many cells: see ``book_guard``)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if path.suffix.lower() in BOOK_SUFFIXES or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        from ..files import default_max_bytes
        from .book_guard import BookTooLarge, check_workbook

        try:
            check_workbook(path, max_bytes if max_bytes is not None else default_max_bytes())
        except BookTooLarge as error:
            raise SheetError(error.problem) from None
        return _workbook(path)
    return _csv(path)


# -- workbooks ------------------------------------------------------------------------------------------


def _workbook(path: Path) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook  # only for workbooks: start-up

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        for index, name in enumerate(names):
            sheet = book.get_sheet_by_index(index)
            if sheet.height:
                rows = cast(list[list[Cell]], sheet.to_python())
                chosen = name
                first = sheet.start[0] if sheet.start else 0
                break
        else:
            raise SheetError(Problem("", "the workbook has no sheet with data"))
    except SheetError:
        raise
    except (CalamineError, OSError, ValueError) as error:
        raise SheetError(Problem("", f"cannot be read as a spreadsheet ({error})")) from None
    notes = [f"read sheet {chosen!r}, the first with data of {len(names)}: {', '.join(map(repr, names))}"]
    numbered = ((first + offset + 1, row) for offset, row in enumerate(rows))
    return _with_header(numbered, "row", notes if len(names) > 1 else [], None, TwiceEncoded("row"))


# -- CSV ----------------------------------------------------------------------------------------------


def _csv(path: Path) -> Table:
    encoding, notes = detect_encoding(path)
    try:
        with path.open(encoding=encoding, newline="") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except UnicodeDecodeError as error:
        raise SheetError(Problem("", f"cannot be decoded as {encoding}: {error.reason}")) from None
    if "\x00" in sample:
        raise SheetError(Problem("", "holds binary data (zero bytes), not text: is it a spreadsheet saved as CSV?"))
    if not sample.strip():
        raise SheetError(Problem("", "is empty: no header and no rows"))
    delimiter = choose_delimiter(sample)
    if delimiter != ",":
        notes.append(f"columns separated by {_NAMES[delimiter]}s")
    twice = TwiceEncoded("line")
    position = _Position(path.stat().st_size)
    table = _with_header(_csv_rows(path, encoding, delimiter, twice, position), "line", notes, delimiter, twice)
    table.read = position.share
    return table


def detect_encoding(path: Path) -> tuple[str, list[str]]:
    """(Python codec name, what to tell the user): UTF-8 when the whole file decodes as UTF-8."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig", []
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", ["read as UTF-16 (the file starts with its byte order mark)"]
        handle.seek(0)
        decoder, done = codecs.getincrementaldecoder("utf-8")(), 0
        while chunk := handle.read(CHUNK_BYTES):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                bad = done + max(0, error.start)
                break
            done += len(chunk)
        else:
            return "utf-8", []
        handle.seek(max(0, bad - 4096))
        around = handle.read(8192)
    from charset_normalizer import from_bytes  # only for legacy files

    best = from_bytes(head + b"\n" + around).best()
    # Encodings that decode these bytes to the same text: name the one such files are usually in.
    candidates = best.could_be_from_charset if best is not None else ["cp1252"]
    encoding = next((e for e in COMMON_ENCODINGS if e in candidates), candidates[0])
    line = _line_of(path, bad)
    return encoding, [
        f"not UTF-8 (line {line} has byte 0x{_byte_at(path, bad):02X}): read as {_label(encoding)}, "
        "the encoding charset-normalizer detects; check accented letters, or re-save the file as UTF-8"
    ]


def _label(encoding: str) -> str:
    return {"cp1252": "Windows-1252", "mac_roman": "Mac Roman", "latin_1": "Latin-1", "iso8859_1": "Latin-1"}.get(
        encoding, encoding
    )


def _line_of(path: Path, offset: int) -> int:
    with path.open("rb") as handle:
        before = handle.read(offset)
    return before.count(b"\n") + (before.count(b"\r") - before.count(b"\r\n")) + 1


def _byte_at(path: Path, offset: int) -> int:
    with path.open("rb") as handle:
        handle.seek(offset)
        return handle.read(1)[0]


def choose_delimiter(sample: str) -> str:
    """The delimiter that gives the header most columns and the rows after it the same count."""
    lines = sample.splitlines(keepends=True)
    text = "".join(lines[:-1]) if len(lines) > 1 else sample  # the last line may be cut short
    try:
        sniffed = csv.Sniffer().sniff(text[:32768], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ","
    order = [sniffed, *(d for d in DELIMITERS if d != sniffed)]

    def score(delimiter: str) -> tuple[bool, float, int, int]:
        rows = [row for row in _first_rows(text, delimiter) if row]
        if not rows:
            return (False, 0.0, 0, 0)
        width = len(rows[0])
        same = sum(len(row) == width for row in rows[1:]) / max(1, len(rows) - 1)
        return (width > 1, same, width, -order.index(delimiter))

    return max(order, key=score)


def _first_rows(text: str, delimiter: str, count: int = 30) -> list[list[str]]:
    reader = csv.reader(iter(text.splitlines(keepends=True)), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= count:
                break
    except csv.Error:
        pass
    return rows


@dataclass
class _Position:
    """How far the CSV reader is into the file: a progress bar that moves, where one that only
    animates also cost the loading ~6% of a core in repaints."""

    size: int
    handle: TextIO | None = None

    def share(self) -> float | None:
        if self.handle is None or self.handle.closed or self.size <= 0:
            return None
        return min(1.0, self.handle.buffer.tell() / self.size)  # the bytes decoded so far, to a buffer's size


def _csv_rows(path: Path, encoding: str, delimiter: str, twice: TwiceEncoded, position: _Position) -> Iterator[Row]:
    counter = _LineCounter(twice)
    with path.open(encoding=encoding, newline="") as handle:
        position.handle = handle
        reader = csv.reader(counter.lines(handle), delimiter=delimiter)
        try:
            for row in reader:
                start, counter.start = counter.start, counter.number + 1
                yield start, row  # type: ignore[misc]  # list[str] is a list of cells
        except csv.Error as error:
            raise SheetError(Problem("", f"is not readable CSV ({error})", line=counter.start, column=1)) from None
        except UnicodeDecodeError as error:
            message = f"has a byte that is not {_label(encoding)} ({error.reason})"
            raise SheetError(Problem("", message, line=counter.number + 1, column=1)) from None


class _LineCounter:
    """Numbers the physical lines the csv reader takes, so each row knows the line it starts on."""

    def __init__(self, twice: TwiceEncoded) -> None:
        self.number = 0
        self.start = 1
        self.twice = twice

    def lines(self, handle: Iterator[str]) -> Iterator[str]:
        for line in handle:
            self.number += 1
            if "Ã" in line or "Â" in line or "â" in line:  # a cheap test before the real one
                self.twice.check(self.number, line)
            yield line


# -- the header ----------------------------------------------------------------------------------------


def _with_header(rows: Iterator[Row], unit: str, notes: list[str], delimiter: str | None, twice: TwiceEncoded) -> Table:
    for number, cells in rows:
        if any(_filled(cell) for cell in cells):
            header = [_header_name(cell) for cell in cells]
            while header and not header[-1]:
                header.pop()  # trailing empty header names: Excel leaves them after deleted columns
            return Table(header, number, rows, unit, notes, delimiter, twice)
    raise SheetError(Problem("", "has no header row: the file holds no text"))


def _filled(cell: Cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _header_name(cell: Cell) -> str:
    text = "" if cell is None else str(cell)
    return " ".join(text.replace("\ufeff", "").split())
