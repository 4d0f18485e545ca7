"""A spreadsheet file to a header and a stream of numbered rows, whatever it was saved as.

CSV is streamed (a row at a time, never the whole text): its encoding is UTF-8 when every byte says
so, else the legacy encoding whose reading looks most like text (``legacy_text``: letters where words
have them, not 'Fundaci—n' or 'Kšln'), among Windows-1252, Mac Roman, Windows-1250 and 1251 and the
pick of charset-normalizer (a maintained detector); named in a warning, said as a guess where it is one, with the word
that decided it (bytes Windows-1252 leaves undefined are read as Latin-1 reads them, as web browsers
do); a file that mixes UTF-8 lines with legacy ones is read a line at a time, each as what it is, and
said so with the lines; a file no encoding reads as text is refused, saying where and what was tried;
its delimiter
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
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from ..problems import Problem
from ..text import visible
from .legacy_text import (
    CHAOS_LIMIT,
    LINES_PREFIX,
    USUAL,
    differing_word,
    errors_of,
    mixed_lines,
    mostly_utf8,
    rank,
    read_as,
    scored_part,
)
from .sheet_date_values import Number1904, StatedDate
from .sheet_dates import DAY_60_PARTS, DAY_ZERO_PARTS
from .sheet_detect import not_data

if TYPE_CHECKING:
    from .book_guard import Measured
    from .book_merges import Range
    from .book_probe import Probe

Cell = str | int | float | bool | date | datetime | time | timedelta | None
Row = tuple[int, list[Cell]]  # (line or row number in the file, cells)

BOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".txt"})
DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 256 * 1024
CHUNK_BYTES = 4 * 1024 * 1024
WESTERN = ("cp1252", "mac_roman")  # the usual encodings of spreadsheets saved by Windows and classic Mac OS
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

# The same through Mac Roman (classic Mac Excel): UTF-8's lead bytes of Latin letters and of typographic
# punctuation (C2-C5, E2) read as Mac Roman ('¬', '√', 'ƒ', '≈', '‚'), then continuation bytes so read:
# 'Ehren√§mter' for 'Ehrenämter', '‚Äô' for '’'
_MAC_LEADS = "¬√ƒ≈‚"
_TWICE_LEADS = ("Ã", "Â", "â", *_MAC_LEADS)  # a line holding none of these holds no such text
_TWICE_MAC = re.compile(f"[{_MAC_LEADS}][{re.escape(bytes(range(0x80, 0xC0)).decode('mac_roman'))}]{{1,2}}")


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
    sheet: str | None = None  # a workbook of several sheets: which was read, for its problems' messages
    # a workbook row's cells that are links: where ('row 5') -> [(the cell's text, its address)]
    links: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()  # a workbook's rows hidden in the sheet ('row 9'), holding something
    # a workbook's date cells formatted day or month first: ('dmy', how to say it), for its text dates
    day_order: tuple[str, str] | None = None
    day_zero: date = date(1899, 12, 30)  # the day a workbook's day numbers count from (1904's in Excel for Mac's)

    def where(self, number: int) -> str:
        return f"{self.unit} {number}"


@dataclass
class TwiceEncoded:
    """Lines that look like UTF-8 decoded as a legacy encoding (mojibake): the first, and how many."""

    unit: str = "line"
    first: tuple[int, str, str] | None = None  # (number, as written, as it should probably read)
    count: int = 0

    def check(self, number: int, text: str) -> None:
        for pattern, undo in ((_TWICE, _undo_twice), (_TWICE_MAC, _undo_twice_mac)):
            for match in pattern.finditer(text):
                fixed = undo(match.group())
                if fixed is not None and _meaningful(fixed):
                    self.count += 1
                    if self.first is None:
                        word = _word_around(text, match.start())
                        self.first = (number, word, _undone(word, undo) or word.replace(match.group(), fixed))
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


def _undone(word: str, undo: Callable[[str], str | None]) -> str | None:
    """The whole word undone as many times as it was done ('EhrenÃƒÂ¤mter', three times encoded, is
    'Ehrenämter', not 'EhrenÃ¤mter'); None if the whole word cannot be undone even once."""
    found = None
    for _ in range(3):
        again = undo(found or word)
        if again is None or again == (found or word):
            break
        found = again
    return found


def _undo_twice_mac(text: str) -> str | None:
    """Mac Roman's reading undone, if it gives a Latin letter or typographic punctuation ('«Ça' is
    French, not mojibake: undone it would be 'ǂa')."""
    try:
        fixed = text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if all("\u00a0" <= c <= "\u024f" or "\u2010" <= c <= "\u206f" or c == "€" for c in fixed) else None


def _word_around(text: str, at: int) -> str:
    start = max(text.rfind(" ", 0, at), text.rfind(",", 0, at), text.rfind(";", 0, at), text.rfind("\t", 0, at)) + 1
    ends = [i for i in (text.find(c, at) for c in " ,;\t\r\n") if i >= 0]
    word = text[start : min(ends) if ends else len(text)].strip("\"'")
    return word if len(word) <= 40 else word[:37] + "..."


def open_table(path: Path, max_bytes: int | None = None) -> Table:
    """The file's header and rows; ``SheetError`` when it cannot be read at all (or a workbook would
    unpack to more than ``max_bytes`` of XML, or too many cells: see ``book_guard``)."""
    with path.open("rb") as handle:
        head = handle.read(512)
    workbook = head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))
    if workbook:
        from ..files import default_max_bytes
        from .book_copy import private_copy

        limit = max_bytes if max_bytes is not None else default_max_bytes()
        with private_copy(path, limit, head) as copy:  # every reader sees the same bytes
            return _open_workbook(copy, limit)
    suffix = path.suffix.lower()
    if (kind := not_data(head)) is not None:
        raise SheetError(Problem("", f"holds {kind}, not a spreadsheet or a chronology (whatever its name says)"))
    if suffix in BOOK_SUFFIXES and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # a web page's table
        raise SheetError(Problem("", f"is named {suffix} but holds HTML or XML, not a workbook: {_RESAVE}"))
    table = _csv(path)
    if suffix in BOOK_SUFFIXES:  # a CSV file named as a workbook, as some web exports name theirs
        table.notes.insert(0, f"is named {suffix} but holds text, not a workbook: read as CSV")
    return table


# -- workbooks ------------------------------------------------------------------------------------------

_RESAVE = "open it in a spreadsheet program and save it as .xlsx or .csv"


def _open_workbook(path: Path, limit: int) -> Table:
    from .book_guard import BookTooLarge, check_workbook
    from .book_probe import Probe

    probe = Probe(path, limit)  # the reader, tried apart while the guard measures the XML here
    try:
        measured = check_workbook(path, limit)
        probe.sizes()
        return _workbook(path, probe, measured)
    except BookTooLarge as error:
        raise SheetError(error.problem) from None
    finally:
        probe.stop()


def _workbook(path: Path, probe: Probe, measured: Measured) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum  # only for workbooks

    blank: list[str] = []
    passed: list[str] = []  # sheets with something, but no names and rows: a cover, an empty template
    fallback: tuple[str, list[list[Cell]], tuple[int, int], list[Range] | None] | None = None
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        hidden = {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
        for index, name in reading_order(names, hidden):
            sheet = book.get_sheet_by_index(index)
            if not sheet.height:
                continue
            rows = cast(list[list[Cell]], sheet.to_python())
            filled = [row for row in rows if not _blank(row)]
            if not filled:
                blank.append(name)  # a cover sheet of one space: not the data
                continue
            if len(filled) < 2:  # one line (a cover's text, a template's names): read only if no sheet has more
                passed.append(name)  # (a title above the names is not this: that sheet is read, and said)
                fallback = fallback or (name, rows, sheet.start or (0, 0), sheet.merged_cell_ranges)
                continue
            chosen, start, merged = name, sheet.start or (0, 0), sheet.merged_cell_ranges
            break
        else:
            if fallback is None:
                why = "the workbook has no sheet with data" + (
                    f" (only blank cells in {_names(blank)})" if blank else ""
                )
                raise SheetError(Problem("", why))
            chosen, rows, start, merged = fallback
            passed.remove(chosen)
        first = start[0]
    except SheetError:
        raise
    except (CalamineError, OSError, ValueError) as error:
        raise SheetError(Problem("", f"cannot be read as a spreadsheet ({error})")) from None
    listed = ", ".join(f"{name!r}{' (hidden)' if name in hidden else ''}" for name in names)
    which = "hidden, read as no visible sheet holds data" if chosen in hidden else "the first visible one with data"
    read = f"read sheet {chosen!r}, {which if hidden else 'the first with data'}, of {len(names)}: {listed}"
    notes = [read]
    if passed:
        notes.append(
            f"{_names(passed)} {'holds' if len(passed) == 1 else 'hold'} one line only, no rows under it: not read"
        )
    if blank:
        notes.append(f"{_names(blank)} {'holds' if len(blank) == 1 else 'hold'} only blank cells: not read")
    notes += _unread(probe.heights, reading_order(names, hidden), hidden, {chosen, *blank, *passed})
    from .book_comments import comments_said
    from .book_formats import hidden_times, read_as_shown
    from .book_hidden import hidden_rows, hidden_said
    from .book_links import MAX_ADDRESS
    from .book_merges import spread
    from .book_numbers import shown_numbers
    from .book_order import evidence
    from .sheet_events import cell_text

    # dates read as their format shows them (found by the probe's child); rows of formulas with no value named
    cells = cast(list[list[object]], rows)
    found = probe.formats(chosen, hidden_times(cells), measured.formulas, orders=True)
    from_1904 = found.from_1904 or _counts_from_1904(path)
    if from_1904:  # a number cell read as a day number is a day of that system
        for row in cells:
            row[:] = [Number1904(c) if isinstance(c, int | float) and not isinstance(c, bool) else c for c in row]
    shown = read_as_shown(found, cells, start)
    # merged cells' ranges: python-calamine's (XLSX, XLS), else the child's (ODS, XLSB); after the
    # dates are read as shown, so that a row under a merged date takes the date as the sheet shows it
    shown += spread(cells, merged if merged is not None else found.merged(), start)
    shown += shown_numbers(cells, first)
    shown += hidden_said(found, cells, start)
    shown += comments_said(measured.comments)
    if _states_its_dates(path):  # (each row looked into in C: a day 0 or 28 February 1900 is rare)
        for row in cells:
            if any(map(row.__contains__, _READ_AS_DAY_NUMBERS)):
                row[:] = [_stated(c) if isinstance(c, date) else c for c in row]
    links: dict[str, list[tuple[str, str]]] = {}
    for at_row, column, address in found.links:  # each with its cell's text as the sheet shows it (above)
        at, across = at_row - first, column - start[1]
        text = cell_text(cells[at][across]) if 0 <= at < len(cells) and 0 <= across < len(cells[at]) else ""
        if len(address) < MAX_ADDRESS:  # (one cut for the warning is no address to cite)
            links.setdefault(f"row {at_row + 1}", []).append((text, address))
    numbered = ((first + offset + 1, row) for offset, row in enumerate(rows))
    said = [*(notes if len(names) > 1 else []), *shown]
    try:
        table = _with_header(numbered, "row", said, None, TwiceEncoded("row"))
    except SheetError as error:
        raise in_sheet(error, read if len(names) > 1 else None) from None
    table.sheet = read if len(names) > 1 else None
    table.links = links
    table.hidden = frozenset(f"row {number}" for number in hidden_rows(found, cells, start))
    table.day_order = evidence(found)
    table.day_zero = date(1904, 1, 1) if from_1904 else date(1899, 12, 30)
    return table


def _unread(heights: dict[str, int], order: list[tuple[int, str]], hidden: set[str], said: set[str]) -> list[str]:
    """The warning naming the sheets not looked into (after the one read), with the rows each spans: a
    chronology split by year is not read past its first sheet without a word."""
    unread = [
        f"{name!r}{' (hidden)' if name in hidden else ''}, {rows:,} row{'s' if rows != 1 else ''}"
        for _, name in order
        if name not in said and (rows := heights.get(name, 0)) >= 2  # (one line is no data: a cover, a template)
    ]
    if not unread:
        return []
    its = "its" if len(unread) == 1 else "their"
    return [
        f"not read: {'; '.join(unread)} (the rows {its} cells span); one sheet is read, the first visible one with "
        "data: to read another, move it first or save it as a file of its own"
    ]


def _states_its_dates(path: Path) -> bool:
    """Whether the workbook is an ODS one, whose date cells hold a date's text, not a day number."""
    try:
        with zipfile.ZipFile(path) as book:
            return book.read("mimetype").startswith(b"application/vnd.oasis.opendocument")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False


# The days a workbook's day number may mean otherwise (a date never == a datetime: both are looked for)
_READ_AS_DAY_NUMBERS = [kind(*parts) for parts in (DAY_ZERO_PARTS[:3], DAY_60_PARTS) for kind in (date, datetime)]


def _stated(cell: date) -> date:
    if cell.timetuple()[:6] not in (DAY_ZERO_PARTS, (*DAY_60_PARTS, 0, 0, 0)) or type(cell) not in (date, datetime):
        return cell  # (a date shown as less than it stores, say: its class says how to read it)
    return StatedDate(cell.year, cell.month, cell.day)


def _counts_from_1904(path: Path) -> bool:
    """Whether an XLSX workbook counts its days from 1904 (``date1904`` in its workbook part); its date
    cells python-calamine reads right, its plain numbers are ours to read. (An XLS or XLSB workbook's
    flag is a binary record's: the probe's child reads it, ``FoundCells.from_1904``.)"""
    try:
        with zipfile.ZipFile(path) as book:
            head = book.open("xl/workbook.xml").read(65536)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    return re.search(rb"""date1904\s*=\s*["'](?:1|true)["']""", head) is not None


def in_sheet(error: SheetError, sheet: str | None) -> SheetError:
    """The problem, saying which sheet of a workbook of several it is about ('read sheet ...')."""
    if sheet is None:
        return error
    return SheetError(replace(error.problem, message=f"{error.problem.message} ({sheet})"))


def reading_order(names: list[str], hidden: set[str]) -> list[tuple[int, str]]:
    """(index, name) of the sheets in the order they are tried: the visible ones, then the hidden
    ones (a workbook's hidden sheet holds drafts and lookups its reader never sees)."""
    indexed = list(enumerate(names))
    return [item for item in indexed if item[1] not in hidden] + [item for item in indexed if item[1] in hidden]


def _blank(row: list[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def _names(sheets: list[str]) -> str:
    return ("sheet " if len(sheets) == 1 else "sheets ") + ", ".join(map(repr, sheets))


# -- CSV ----------------------------------------------------------------------------------------------


def _csv(path: Path) -> Table:
    encoding, notes = detect_encoding(path)
    try:
        with path.open(encoding=encoding, errors=_errors(encoding), newline="") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except UnicodeDecodeError:
        raise SheetError(_not_decodable(path, encoding)) from None
    # many zero bytes, or control bytes among them: no text (a few zero bytes in a cell are removed and said, as
    # any control character, as they were when further in the file)
    if "\x00" in sample and len(_BINARY.findall(sample)) * 10 > len(sample):
        raise SheetError(Problem("", _zero_bytes(path)))
    if not sample.strip():
        raise SheetError(Problem("", "is empty: no header and no rows"))
    if (hint := SEP_LINE.match(sample.lstrip("\ufeff"))) is not None:  # Excel's 'sep=;': the delimiter, said
        delimiter = hint.group(1)
        line = hint.group().rstrip("\r\n")  # (not strip: 'sep=\t' names a tab)
        after = sample.lstrip("\ufeff")[hint.end() :]
        names = re.split(r"\r\n|\r|\n", after, maxsplit=1)[0]
        if delimiter not in names and (other := choose_delimiter(after)) != delimiter and other in names:
            # ('sep=,' above 'fecha;evento': a trial was told to remove lines above the names)
            notes.append(
                f"the first line, {line!r}, names {_NAMES[delimiter]}s, but the column names after it are separated "
                f"by {_NAMES[other]}s: read with {_NAMES[other]}s"
            )
            delimiter = other
        else:
            notes.append(f"the first line, {line!r}, is Excel's: the cells are separated by it, as it says")
    else:
        delimiter = choose_delimiter(sample)
    if delimiter != "," and hint is None:
        notes.append(f"columns separated by {_NAMES[delimiter]}s")
    twice = TwiceEncoded("line")
    position = _Position(path.stat().st_size)
    rows = _csv_rows(path, encoding, delimiter, twice, position, _OpenQuotes(delimiter, notes))
    if hint is not None:
        next(rows, None)  # (its line is no header)
    table = _with_header(rows, "line", notes, delimiter, twice)
    table.read = position.share
    return table


def detect_encoding(path: Path) -> tuple[str, list[str]]:
    """(Python codec name, what to tell the user): UTF-8 when the whole file decodes as UTF-8; else the
    legacy encoding whose reading looks most like text (``legacy_text``), among the usual ones and
    charset-normalizer's pick, said as a guess where it is one (a file that mixes UTF-8 lines with
    legacy ones: a codec that reads each line as what it is, ``LINES_PREFIX`` and the legacy one);
    ``SheetError`` when nothing reads the file as text."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig", []
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", ["read as UTF-16 (the file starts with its byte order mark)"]
    found = first_undecodable(path, "utf-8")
    if found is None:
        return "utf-8", []
    bad, byte, line, _ = found
    with path.open("rb") as handle:
        handle.seek(max(0, bad - 4096))
        around = handle.read(8192)
    from charset_normalizer import from_bytes  # only for legacy files

    sample = head + b"\n" + around
    # A file can mix UTF-8 lines and legacy ones (rows pasted from elsewhere): the legacy encoding is
    # chosen from the lines that are not UTF-8, and each line read as what it is (see below).
    mixed = mixed_lines(head)
    part = scored_part(sample, without_utf8=bool(mixed.utf8))
    measured = part if mixed.utf8 else sample
    matches = from_bytes(measured)
    best = matches.best()
    seen = f"line {line} has byte 0x{byte:02X}"
    western = _undefined_in_cp1252(measured) is None
    # The usual encodings, and the detector's pick (not every reading it proposes: a Greek DOS code page
    # reads Mac Roman's 'été' as '―t―', which no measure of so few letters tells from text).
    proposed = [_usual_name(best.could_be_from_charset, best.encoding)] if best is not None else []
    names = [e for e in dict.fromkeys([*USUAL, *proposed]) if _ascii_compatible(e)]
    mac_line_ends = b"\r" in head and b"\n" not in head
    readings = [reading for name in names if (reading := read_as(part, name)) is not None]
    picked = frozenset(best.could_be_from_charset if best is not None else ())
    ranked = rank(readings, mac_line_ends, picked)
    if not ranked or (best is None and ranked[0].implausible > 0.1 * ranked[0].characters):
        if not western:
            raise SheetError(_not_text(path, found))
        return "cp1252", [
            f"not UTF-8 ({seen}): read as Windows-1252, a guess: charset-normalizer recognises no encoding in it; "
            "check accented letters, or re-save the file as UTF-8"
        ]
    chosen = ranked[0]
    ours = _label(chosen.encoding)
    if best is None:
        how = f"read as {ours}, a guess: charset-normalizer recognises no encoding in it"
    elif any(r.text == chosen.text for r in readings if r.encoding in picked):
        how = f"read as {ours}, the encoding charset-normalizer detects"
    else:
        detected = _usual_name(best.could_be_from_charset, best.encoding)
        theirs = next((r for r in readings if r.encoding == detected), None)
        words = differing_word(chosen.text, theirs.text) if theirs is not None else None
        if theirs is None:
            said = "reads some of these bytes as control characters or not at all"
        elif words is None:
            said = "reads them the same"
        else:
            said = f"reads {words[1]!r} where {ours} reads {words[0]!r}"
        how = f"read as {ours}, a guess: charset-normalizer's pick, {_label(detected)}, {said}"
    if mac_line_ends and chosen.encoding == "mac_roman":
        how += " (the file's lines end in CR alone, as classic Mac OS wrote them)"
    # Another reading as plausible (Windows-1252 and Mac Roman both read some bytes as letters): named,
    # the other of those two first. So is a Western one the detector finds messier than an unusual pick
    # of its own: it found 'JÓVENES OÙ ÚLTIMO' (Windows-1252) messier than HP Roman-8's 'JÆVENES Oì ÖLTIMO', and
    # Mac Roman's 'NÎMES RÉÉLU' messier than DOS code page 850's 'NÙMES RââLU'.
    ties = [
        r
        for r in ranked[1:]
        if r.implausible == chosen.implausible
        and r.text != chosen.text
        and (
            r.chaos <= max(chosen.chaos, CHAOS_LIMIT)
            or (chosen.encoding not in WESTERN and r.encoding in WESTERN and r.rare == chosen.rare)
        )
    ]
    other = next((r for r in ties if r.encoding in WESTERN), None) or next(
        (r for r in ties if r.rare == chosen.rare), None
    )
    if other is not None and (words := differing_word(chosen.text, other.text)) is not None:
        verb = (
            "reads these bytes as plausibly"
            if other.alphabet == chosen.alphabet
            else "reads these bytes as letters too"
        )
        plausibly = f"{_label(other.encoding)} {verb} ({words[1]!r} for {words[0]!r})"
        how += f"; {plausibly}" if "a guess" in how else f", but it is a guess: {plausibly}"
    if chosen.encoding == "cp1252" and not western:
        undefined = _undefined_in_cp1252(sample) or 0
        how += (
            f"; byte 0x{undefined:02X}, which Windows-1252 leaves undefined, is read as Latin-1 reads it "
            "(a control character)"
        )
    # the first line that is not UTF-8 may be UTF-8 but for a stray byte ('señal' and one 0xED), with no clean
    # line of UTF-8 to show it: read whole in the legacy encoding, its 'señal' was 'seÃ±al' (a trial)
    start = max(0, bad - 4096)
    first = around.rfind(b"\n", 0, bad - start) + 1
    stray = around[first : (end if (end := around.find(b"\n", bad - start)) >= 0 else len(around))]
    if not mixed.utf8 and mostly_utf8(stray, chosen.encoding) is not None:
        letter = bytes([byte]).decode(chosen.encoding, errors="replace")
        return LINES_PREFIX + chosen.encoding, [
            f"not UTF-8 throughout ({seen}, in a line otherwise UTF-8): each line is read as UTF-8 where it is "
            f"UTF-8, and its stray byte as {ours} reads it ({letter!r} for 0x{byte:02X}), a guess; check "
            "accented letters, or re-save the file as UTF-8"
        ]
    if mixed.utf8 and (mixed := mixed_lines(head, chosen.encoding)).utf8:
        whole = path.stat().st_size <= len(head)
        return LINES_PREFIX + chosen.encoding, [
            f"not UTF-8 throughout: {_lines_said(mixed.utf8, whole)} UTF-8 and "
            f"{_lines_said(mixed.legacy or [line], whole)} "
            f"not ({seen}): each line is read as UTF-8 where it is UTF-8, the others {how} (a line of UTF-8 with "
            "a stray byte: that byte alone); check accented letters, or re-save the file as UTF-8"
        ]
    return chosen.encoding, [f"not UTF-8 ({seen}): {how}; check accented letters, or re-save the file as UTF-8"]


def _lines_said(numbers: list[int], whole: bool) -> str:
    """'line 2 is', 'lines 2, 5 and 9 are', 'lines 2, 5, 9 and 14 more are'; ``whole``: the numbers are
    those of the whole file, not of its first part only."""
    if len(numbers) == 1:
        return f"line {numbers[0]} is"
    if len(numbers) <= 4:
        shown = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    else:
        shown = ", ".join(map(str, numbers[:3])) + f" and {len(numbers) - 3:,} more"
    return f"lines {shown}{'' if whole else f' in the first {SAMPLE_BYTES // 1024:,} KB'} are"


def _ascii_compatible(encoding: str) -> bool:
    """An encoding that reads ASCII bytes as ASCII (not UTF-16, which reads 'da' as one ideograph)."""
    try:
        return _ASCII_BYTES.decode(encoding) == _ASCII_BYTES.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


_ASCII_BYTES = bytes(range(32, 127)) + b"\t\r\n"


def _usual_name(could_be: list[str], name: str) -> str:
    """Of encodings that decode these bytes to the same text, the one such files are usually in."""
    return next((e for e in COMMON_ENCODINGS if e in could_be), name)


_CP1252_UNDEFINED = re.compile(b"[\x81\x8d\x8f\x90\x9d]")


def _undefined_in_cp1252(data: bytes) -> int | None:
    found = _CP1252_UNDEFINED.search(data)
    return found.group()[0] if found else None


def _errors(encoding: str) -> str:
    return errors_of(encoding)


def first_undecodable(path: Path, encoding: str) -> tuple[int, int, int, int] | None:
    """(byte offset, the byte, line, column) of the first byte ``encoding`` cannot decode, or None:
    read a block at a time. The line counts LF, CR and CRLF ends; the column counts characters."""
    decoder = codecs.getincrementaldecoder(encoding)(_errors(encoding))
    done = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            pending = len(decoder.getstate()[0])  # bytes of a character the last block cut
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                offset = max(0, done - pending + error.start)
                handle.seek(offset)
                byte = handle.read(1)[0]
                line, start = _line_start(path, offset)
                handle.seek(start)
                before = handle.read(offset - start).decode(encoding, errors="replace")
                return offset, byte, line, len(before.removeprefix("\ufeff")) + 1
            done += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # the file ends inside a character
            offset = max(0, done - len(decoder.getstate()[0]))
            line, start = _line_start(path, offset)
            handle.seek(offset)
            byte = handle.read(1)[0]
            handle.seek(start)
            before = handle.read(offset - start).decode(encoding, errors="replace")
            return offset, byte, line, len(before.removeprefix("\ufeff")) + 1
    return None


def _line_start(path: Path, offset: int) -> tuple[int, int]:
    """(line, offset of the line's first byte) of the byte at ``offset``: read a block at a time."""
    line, start, done, after_cr = 1, 0, 0, False
    with path.open("rb") as handle:
        while done < offset:
            chunk = handle.read(min(CHUNK_BYTES, offset - done))
            if not chunk:
                break
            for end in _BYTE_BREAK.finditer(chunk):
                if after_cr and end.start() == 0 and end.group() == b"\n":
                    start = done + 1  # the LF of a CRLF the last block cut: the line was counted
                    continue
                line += 1
                start = done + end.end()
            after_cr = chunk.endswith(b"\r")
            done += len(chunk)
    return line, start


_BYTE_BREAK = re.compile(b"\r\n|\r|\n")


def _not_text(path: Path, found: tuple[int, int, int, int]) -> Problem:
    bad, byte, line, column = found
    tried = "UTF-8, every encoding charset-normalizer knows, and Windows-1252"
    undefined = _first_cp1252_undefined(path)
    cp1252 = f", which has no character for byte 0x{undefined[1]:02X} at line {undefined[2]:,}" if undefined else ""
    return Problem(
        "",
        f"does not look like text: byte 0x{byte:02X} (byte {bad + 1:,} of the file) is not UTF-8, and no encoding "
        f"reads the file as text (tried: {tried}{cp1252}); is it a spreadsheet saved with a CSV name, or "
        "no spreadsheet at all?",
        line=line,
        column=column,
    )


def _first_cp1252_undefined(path: Path) -> tuple[int, int, int] | None:
    """(offset, byte, line) of the first byte Windows-1252 leaves undefined, in the first blocks."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    found = _CP1252_UNDEFINED.search(head)
    if found is None:
        return None
    return found.start(), found.group()[0], _line_start(path, found.start())[0]


def _not_decodable(path: Path, encoding: str) -> Problem:
    """A byte the encoding chosen (from the file's first blocks) cannot read, later in the file."""
    found = first_undecodable(path, encoding)
    if found is None:
        return Problem("", f"has a byte that is not {_label(encoding)}")
    bad, byte, line, column = found
    return Problem(
        "",
        f"has a byte that is not {_label(encoding)}: 0x{byte:02X} (byte {bad + 1:,} of the file), though the "
        f"file's first part reads as {_label(encoding)}; re-save the file as UTF-8",
        line=line,
        column=column,
    )


def _label(encoding: str) -> str:
    """An encoding as people call it ('Windows-1252', 'Mac Roman', 'ISO-8859-10'), not Python's codec name."""
    if encoding.startswith(LINES_PREFIX):
        return f"UTF-8 or {_label(encoding.removeprefix(LINES_PREFIX))}"
    if re.fullmatch(r"cp125\d", encoding):
        return f"Windows-{encoding[2:]}"
    if found := re.fullmatch(r"iso8859_(\d+)", encoding):
        return f"ISO-8859-{found.group(1)}"
    if re.fullmatch(r"cp(437|7\d\d|8\d\d)", encoding):
        return f"DOS code page {encoding[2:]}"
    return _LABELS.get(encoding, encoding)


_LABELS = {
    "utf_8": "UTF-8",
    "latin_1": "Latin-1",
    "iso8859_1": "Latin-1",
    "mac_roman": "Mac Roman",
    "mac_latin2": "Mac Central European",
    "mac_iceland": "Mac Icelandic",
    "mac_turkish": "Mac Turkish",
    "mac_greek": "Mac Greek",
    "mac_cyrillic": "Mac Cyrillic",
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "kz1048": "KZ-1048 (Kazakh)",
    "ptcp154": "PT154 (Kazakh)",
    "hp_roman8": "HP Roman-8",
    "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS (Windows code page 932)",
    "euc_jp": "EUC-JP",
    "euc_kr": "EUC-KR",
    "cp949": "EUC-KR (Windows code page 949)",
    "gb2312": "GB2312",
    "gbk": "GBK",
    "gb18030": "GB18030",
    "big5": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "tis_620": "TIS-620 (Thai)",
    "cp874": "Windows-874 (Thai)",
}


# The line Excel writes, and reads, before the header to say the delimiter: 'sep=;' (a character, alone on the line)
SEP_LINE = re.compile(r"sep=([,;\t|])[ \t]*\r?\n", re.IGNORECASE)


_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _zero_bytes(path: Path) -> str:
    """Why a text with many zero bytes cannot be read: UTF-16 or UTF-32 without the mark that says so (a zero
    beside each ASCII character), or binary data."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = [head[i : i + width] for i in range(0, len(head) - width + 1, width)]
        for at in range(width):  # (little- or big-endian: the character's byte first or last)
            if units and sum(unit[at] != 0 and unit.count(0) == width - 1 for unit in units) > 0.8 * len(units):
                return f"looks like {name} text without a byte order mark to say so: save it as UTF-8"
    return "holds binary data (zero bytes), not text: is it a spreadsheet saved as CSV?"


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
    with path.open(encoding=encoding, errors=_errors(encoding), newline="") as handle:
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
                held, counter.held = counter.held, []
                if any('"' in line for line in held):
                    quotes.stray(start, held, row)
                yield start, row  # type: ignore[misc]  # list[str] is a list of cells
        except csv.Error as error:
            big = _big_cell(path, encoding, delimiter, counter.start) if "field limit" in str(error) else None
            raise SheetError(
                big or Problem("", f"is not readable CSV ({error})", line=counter.start, column=1)
            ) from None
        except UnicodeDecodeError:  # decoded a block ahead of the lines read: the byte is found again
            raise SheetError(_not_decodable(path, encoding)) from None
    quotes.finish()


def _big_cell(path: Path, encoding: str, delimiter: str, start: int) -> Problem | None:
    """Why the csv reader found a cell over its size limit in the row starting on line ``start``: a
    quote left open (the cell runs on over the following lines), or one long cell; and where the cell
    starts (its line, its column as a character and as a cell). Read again, a line at a time."""
    limit = csv.field_size_limit()
    special = re.compile(f'[{re.escape(delimiter)}"\r\n]')
    cell, size, fresh, quoted, inside = 1, 0, True, False, False
    opened, at, number = start, 1, 0
    with path.open(encoding=encoding, errors=_errors(encoding), newline="") as handle:
        for line in handle:
            number += 1
            if number < start:
                continue
            pos = 0
            while pos < len(line) and size <= limit:
                if inside:
                    end = line.find('"', pos)
                    if end < 0:
                        size, pos = size + len(line) - pos, len(line)
                    elif line.startswith('"', end + 1):  # "" in a quoted cell: one quote
                        size, pos = size + end - pos + 1, end + 2
                    else:
                        size, pos, inside = size + end - pos, end + 1, False
                    continue
                found = special.search(line, pos)
                end = found.start() if found else len(line)
                if end > pos:
                    size, fresh = size + end - pos, False
                if found is None or size > limit:
                    break
                mark, pos = found.group(), end + 1
                if mark == '"':
                    if fresh:
                        inside = quoted = True
                        fresh = False
                    else:
                        size += 1  # a quote inside an unquoted cell is kept as a character
                elif mark == delimiter:
                    cell, size, fresh, quoted, opened, at = cell + 1, 0, True, False, number, end + 2
                else:
                    return None  # the row ends here: no cell of it is too long
            if size > limit:
                if quoted and number > opened:
                    message = (
                        f"a quoted cell (column {cell}) opens here and is still open {number - opened:,} lines "
                        f"later, past {limit:,} characters, the most a cell may hold: its closing quote is "
                        "probably missing; check the file"
                    )
                else:
                    message = (
                        f"the {'quoted ' if quoted else ''}cell in column {cell} is longer than {limit:,} characters, "
                        "the most a cell may hold"
                    )
                return Problem("", message, line=opened, column=at)
    return None


class _LineCounter:
    """Numbers the physical lines the csv reader takes, so each row knows the line it starts on; after
    the last line, gives the reader an end marker, which a quote left open takes into its cell."""

    def __init__(self, twice: TwiceEncoded) -> None:
        self.number = 0
        self.start = 1
        self.twice = twice
        self.ended = False
        self.held: list[str] = []  # the lines of the row being read

    def lines(self, handle: Iterator[str]) -> Iterator[str]:
        for line in handle:
            self.number += 1
            self.held.append(line)
            if any(mark in line for mark in _TWICE_LEADS):  # a cheap test before the real one
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
                    # every line it takes named: the last may be a row's start, not like a row (a trial's
                    # 'Four' went unnamed, its fatalities read as the first row's)
                    end = line + len(lines) - 1
                    taken = f"line {end} is" if end == line + 1 else f"lines {line + 1} to {end} are"
                    self._say(
                        line,
                        f"a quoted cell opens here and runs on to line {end}, holding {some} "
                        f"({_shown(like[0])}): a closing quote is probably missing; {taken} read, as CSV reads "
                        f"them, as part of that cell, not as rows (the rest of line {end} gives the row's next cells): "
                        "check the file",
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

    def stray(self, start: int, lines: list[str], row: list[str]) -> None:
        """A quote CSV does not write so (text after a quoted cell's closing quote, a quote inside a quoted
        cell not doubled): read as the lenient csv reader reads it, which drops or moves quotes; said."""
        if lines[-1] == _END:
            return  # a quote left open to the end of the file: said by ``unclosed``
        try:
            next(csv.reader(iter(lines), delimiter=self.delimiter, strict=True), None)
        except csv.Error:
            text = "".join(lines)
            changed = next((cell for cell in row if cell not in text), None)  # a cell not as written
            such = f": {_shown(changed)}" if changed is not None else ""
            self._say(
                start,
                f"a quote is not where CSV puts one (a quoted cell ends at its quote; a quote inside one is "
                f"doubled): {_shown(text)} is read as CSV readers read it, its quotes dropped or moved{such}; "
                "check the file",
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
            swallowed = _rows_in_a_name(cells, delimiter) if unit == "line" and delimiter else None
            if swallowed is not None and (after := next(rows, None)) is not None:
                rows = chain([after], rows)  # rows after it: its quote was closed ('"Notes\n(people, places)"')
            elif swallowed is not None:  # the quote ran to the end of the file: every row is in the names
                raise SheetError(
                    Problem(
                        "",
                        f"the column names' line opens a quoted cell that runs over the lines after it ({swallowed}): "
                        "a closing quote is missing",
                        line=number,
                        column=1,
                    )
                )
            header = [_header_name(cell) for cell in cells]
            while header and not header[-1]:
                header.pop()  # trailing empty header names: Excel leaves them after deleted columns
            return Table(header, number, rows, unit, notes, delimiter, twice)
    raise SheetError(Problem("", "has no header row: the file holds no text"))


def _rows_in_a_name(cells: list[Cell], delimiter: str) -> str | None:
    """The start of the lines a column name took in, where a quote left open may have made rows of the file
    one name ('title,place\n2018-01-15,Raid,Caracas...': two delimiters on a line after its first); None otherwise
    (a name may hold a line break: 'Date\n(UTC)')."""
    for cell in cells:
        if isinstance(cell, str) and "\n" in cell:
            after = cell.split("\n", 1)[1]
            if any(line.count(delimiter) >= 2 for line in after.splitlines()):
                return repr(" ".join(after.split())[:40] + "...")
    return None


def _filled(cell: Cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _header_name(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():  # a number cell as the sheet shows it: 2018, not 2018.0
        cell = int(cell)
    text = "" if cell is None else str(cell)
    return " ".join(text.replace("\ufeff", "").split())
