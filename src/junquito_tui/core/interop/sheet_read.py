"""A spreadsheet file to a header and a stream of numbered rows, whatever it was saved as.

CSV is streamed (a row at a time, never the whole text): its encoding is UTF-8 when every byte says
so, else the guess of charset-normalizer (a maintained detector), named in a warning; its delimiter
is the one of ``,`` ``;`` tab ``|`` that splits the first rows most consistently (the csv sniffer's
pick first); line ends may be CR, LF, CRLF or a mix, and quoted cells may hold any of them.
XLSX, XLS and ODS are read with python-calamine (a Rust reader): its first sheet that holds data.
Text that is UTF-8 decoded twice ("EhrenÃ¤mter") is noticed and warned about, never silently kept.
A quote left open is read as CSV reads it (the cell runs on until the next quote), but never
silently: a quoted cell that holds lines looking like rows of their own, or that the end of the file
cuts, is warned about, naming the line it opens on and how many lines it took.
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
from ..text import visible

Cell = str | int | float | bool | date | datetime | time | timedelta | None
Row = tuple[int, list[Cell]]  # (line or row number in the file, cells)

BOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".txt"})
DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 256 * 1024
CHUNK_BYTES = 4 * 1024 * 1024
COMMON_ENCODINGS = ("cp1252", "mac_roman", "latin_1", "iso8859_15", "cp1250", "cp1251", "cp437", "cp850")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
# Fed to the csv reader after the file's last line: it ends up in a cell only when a quote is still open.
_END = "\ue000junquito end of file\ue000"
RUNAWAY_SHOWN = 5  # quoted cells running on that are each named; the rest are counted
_BREAK = re.compile(r"\r\n|\r|\n")
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
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
                start = sheet.start or (0, 0)
                first = start[0]
                break
        else:
            raise SheetError(Problem("", "the workbook has no sheet with data"))
    except SheetError:
        raise
    except (CalamineError, OSError, ValueError) as error:
        raise SheetError(Problem("", f"cannot be read as a spreadsheet ({error})")) from None
    notes = [f"read sheet {chosen!r}, the first with data of {len(names)}: {', '.join(map(repr, names))}"]
    from .book_formats import read_as_shown

    shown = read_as_shown(path, chosen, rows, start)  # type: ignore[arg-type]  # cells are objects
    numbered = ((first + offset + 1, row) for offset, row in enumerate(rows))
    said = [*(notes if len(names) > 1 else []), *([shown] if shown else [])]
    return _with_header(numbered, "row", said, None, TwiceEncoded("row"))


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
    rows = _csv_rows(path, encoding, delimiter, twice, position, _OpenQuotes(delimiter, notes))
    table = _with_header(rows, "line", notes, delimiter, twice)
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


def _csv_rows(
    path: Path, encoding: str, delimiter: str, twice: TwiceEncoded, position: _Position, quotes: _OpenQuotes
) -> Iterator[Row]:
    counter = _LineCounter(twice)
    with path.open(encoding=encoding, newline="") as handle:
        position.handle = handle
        reader = csv.reader(counter.lines(handle), delimiter=delimiter)
        try:
            for row in reader:
                start, counter.start = counter.start, counter.number + 1
                if counter.ended and row and row[-1].endswith(_END):  # only the last row can hold it
                    if row == [_END]:
                        break  # the marker alone, on a line of its own: every quote was closed
                    row[-1] = row[-1].removesuffix(_END)  # a quote still open: the cell had it
                    quotes.unclosed(start, counter.number, row)
                elif counter.number > start:  # a row over several lines: a quoted cell holds line breaks
                    quotes.check(start, row)
                elif quotes.width == 0:
                    quotes.first(row)
                yield start, row  # type: ignore[misc]  # list[str] is a list of cells
        except csv.Error as error:
            raise SheetError(Problem("", f"is not readable CSV ({error})", line=counter.start, column=1)) from None
        except UnicodeDecodeError as error:
            message = f"has a byte that is not {_label(encoding)} ({error.reason})"
            raise SheetError(Problem("", message, line=counter.number + 1, column=1)) from None
    quotes.finish()


class _LineCounter:
    """Numbers the physical lines the csv reader takes, so each row knows the line it starts on; after
    the last line, gives the reader an end marker, which a quote left open takes into its cell."""

    def __init__(self, twice: TwiceEncoded) -> None:
        self.number = 0
        self.start = 1
        self.twice = twice
        self.ended = False

    def lines(self, handle: Iterator[str]) -> Iterator[str]:
        for line in handle:
            self.number += 1
            if "Ã" in line or "Â" in line or "â" in line:  # a cheap test before the real one
                self.twice.check(self.number, line)
            yield line
        self.ended = True
        # The reader ends a row at the end of each line it is given, unless a quote is open: the
        # marker is then a row of its own, or the end of the open cell.
        yield _END


class _OpenQuotes:
    """Quoted cells that run on over lines that look like rows of their own, or to the end of the file:
    a quote left open, which makes the csv reader take the following rows into one cell. The reading
    is CSV's own, kept; what it did is said, by line."""

    def __init__(self, delimiter: str, notes: list[str]) -> None:
        self.delimiter = delimiter
        self.notes = notes
        self.width = 0  # the header's cells: a line with as many looks like a row
        self.found = 0
        self.more: list[int] = []  # the lines of runaway cells past the ones named

    def first(self, row: list[str]) -> None:
        """The header (the first row with text): how many cells a row has."""
        if any(cell.strip() for cell in row):
            while row and not row[-1].strip():
                row = row[:-1]
            self.width = len(row)

    def check(self, start: int, row: list[str]) -> None:
        if self.width == 0:
            self.first(row)
            return
        line = start
        for index, cell in enumerate(row):
            lines = _BREAK.split(cell)
            if len(lines) > 1:
                like = [text for text in lines[1:] if self._row_like(text, index, row)]
                if like:
                    some = (
                        f"{len(like):,} lines that look like rows of their own"
                        if len(like) > 1
                        else "a line that looks like a row of its own"
                    )
                    self._say(
                        line,
                        f"a quoted cell opens here and runs on to line {line + len(lines) - 1}, holding {some} "
                        f"({_shown(like[0])}): a closing quote is probably missing; read, as CSV reads it, as "
                        "part of that cell, not as rows: check the file",
                    )
                line += len(lines) - 1

    def unclosed(self, start: int, last: int, row: list[str]) -> None:
        """The last row's last cell was still quoted when the file ended."""
        opened = start + sum(len(_BREAK.split(cell)) - 1 for cell in row[:-1])
        lines = [text for text in _BREAK.split(row[-1])[1:] if text.strip()]
        taken = last - opened
        if taken:
            first = f" ({_shown(lines[0])}{', ...' if len(lines) > 1 else ''})" if lines else ""
            after = "the line after it" if taken == 1 else f"the {taken:,} lines after it"
            what = f"{after}{first} {'is' if taken == 1 else 'are'} read as part of that cell, not as rows"
        else:
            what = "no line after it was taken into it, but its closing quote is missing"
        self._say(
            opened, f"a quoted cell opens here and is never closed: the file ends inside it, so {what}; check the file"
        )

    def _row_like(self, text: str, index: int, row: list[str]) -> bool:
        if self.width < 2 or text.count(self.delimiter) < self.width - 1:
            return False
        if index == 0:  # nothing to compare its first cell with: a row cut short or run long shows it
            return len(row) != self.width
        first = text.split(self.delimiter, 1)[0].strip()
        return bool(first) and _shape(first) == _shape(row[0].strip())

    def _say(self, line: int, message: str) -> None:
        self.found += 1
        if self.found <= RUNAWAY_SHOWN:
            self.notes.append(visible(f"line {line}: {message}"))
        else:
            self.more.append(line)

    def finish(self) -> None:
        if self.more:
            shown = ", ".join(str(n) for n in self.more[:3]) + (" and more" if len(self.more) > 3 else "")
            self.notes.append(f"{_count(len(self.more), 'more quoted cell')} like these (lines {shown})")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _shape(text: str) -> str:
    """'2018-01-15' and '2018-01-16' are '0-0-0'; 'KEN1' and 'KEN12' are 'a0': what a column's cells share."""
    return _DIGITS.sub("0", _LETTERS.sub("a", text))


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
