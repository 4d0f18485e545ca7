"""Spreadsheets in: a CSV, XLSX, XLS or ODS file (or a Timesketch JSONL file) to a dataset document.

The layout is recognised from the header row (``sheet_layouts``); each has its own module
(``timelinejs_sheet``, ``acled``, ``timesketch``, ``generic_sheet``, ``junquito_csv``). All share
``Sheet``: the rows, numbered as the file numbers them, empty ones counted and skipped; the dates;
the warnings; and ``Extras``, the columns a layout does not know, kept as text and named once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import row_limit
from ..text import CONTROL, file_name, one_line
from .fields import FieldReader
from .html_text import Link
from .notes import Notes
from .sheet_detect import JSONL_SUFFIXES, looks_like_json_lines
from .sheet_events import Counts, cell_text
from .sheet_layouts import ColumnSpec, Header, layout_of
from .sheet_read import Cell, SheetError, Table, in_sheet, open_table
from .sheet_when import DayOrder, SheetDates

Progress = Callable[[str, float | None], None]
REPORT_EVERY = 5000  # rows between progress reports
SHORT_ROW = (
    "fewer cells than the header's {} columns (a row cut short, or split by a line break outside quotes): "
    "the missing cells are read as empty"
)
LONG_ROW = (
    "more cells than the header's {} columns (a comma or other delimiter outside quotes, inside a cell, shifts "
    "every cell after it): check these rows against the file"
)
BOOK_LONG_ROW = "text past the header's {} columns, in a column with no name: check these rows against the workbook"


@dataclass
class Imported:
    document: dict[str, Any]
    warnings: list[str]
    summary: str  # what became of the rows, for validate


SAME_ROW = "rows the same as an earlier row, cell for cell (pasted twice?): each read as an event of its own"


@dataclass
class Sheet:
    """One file being read: its header, rows, warnings, dates and counts."""

    path: Path
    table: Table
    spec: ColumnSpec | None = None
    progress: Progress | None = None
    notes: Notes = field(default_factory=Notes)
    shown: Path | None = None  # read from a private copy: the file it is a copy of, named in titles
    max_rows: int | None = None  # the most rows the memory allows (None: no limit)
    counts: Counts = field(init=False)
    header: Header = field(init=False)
    dates: SheetDates = field(init=False)
    # rows with more cells than the header has, said at the end: those with text past the header's cells where
    # any has (a workbook's rows all reach its widest: a trial was sent to rows with nothing there); else those
    # long by empty cells, unless half the rows or more are (a delimiter after each row's last cell)
    long_rows: list[str] = field(init=False, default_factory=list)
    long_filled: list[str] = field(init=False, default_factory=list)
    _seen: set[int] = field(init=False, default_factory=set)  # each row's cells' hash: a row pasted twice, said

    def __post_init__(self) -> None:
        self.counts = Counts(limit=self.max_rows)
        self.header = Header(self.table.header)
        self.notes.columns = {"unique_id": "id"}  # 'line 5.unique_id' is said 'line 5 (id)'
        semicolons = self.table.delimiter == ";"
        order = DayOrder(
            fixed=self.spec.order if self.spec else None,
            default="dmy" if semicolons else "mdy",
            why_default="as spreadsheets that separate columns with semicolons (European ones) write them"
            if semicolons
            else "as US spreadsheets write them",
        )
        if self.table.day_order is not None:  # the sheet's date cells are formatted in one order: evidence
            order.default, order.why_default = self.table.day_order
            order.formatted = True
        self.dates = SheetDates(self.notes, order)

    @property
    def name(self) -> str:
        """The file's name, safe in a title: a file name may hold anything."""
        return one_line(CONTROL.sub("", file_name((self.shown or self.path).name))) or "spreadsheet"

    @property
    def stem(self) -> str:
        return one_line(CONTROL.sub("", file_name((self.shown or self.path).stem))) or "Imported spreadsheet"

    @property
    def notes_reader(self) -> FieldReader:
        """Cleans text the way every importer does, its warnings among this file's."""
        return FieldReader(self.notes)

    def repeated(self, where: str, cells: list[Cell]) -> None:
        """Said of a row the same as an earlier one, cell for cell (a trial: a row pasted twice was two events,
        unsaid, differing only in their ids). Not in ``rows``: the quick reader of ACLED's exports reads in parts,
        and an ACLED row repeated repeats its event id, said as such."""
        try:
            key = hash(tuple(cells))
        except TypeError:  # a cell of no hash: not compared
            return
        if key in self._seen:
            self.notes.group(SAME_ROW, where)
        else:
            self._seen.add(key)

    def hidden(self, where: str) -> bool:
        """Whether the row is hidden in the workbook (by hand, by a filter or in a collapsed group)."""
        return where in self.table.hidden

    def links(self, where: str) -> list[Link]:
        """The row's cells that are links (a workbook's): each address with its cell's text."""
        return [Link(address, text) for text, address in self.table.links.get(where, ())]

    def rows(self) -> Iterator[tuple[str, list[Cell]]]:
        """(where, cells) for each row holding anything; empty rows are counted, not returned."""
        names = self.header.names
        named = max((i + 1 for i, name in enumerate(names) if name), default=0)  # ('date,title,,': 2)
        for number, cells in self.table.rows:
            # any(cells) stops at the first non-empty string: one test for a typical row, not one per cell
            if not any(cells) or not any(cell_text(cell) for cell in cells):
                self.counts.empty += 1
                continue
            where = self.table.where(number)
            self.counts.read(1, where)
            if self.progress is not None and self.counts.rows % REPORT_EVERY == 0:
                self.progress(f"Reading rows: {self.counts.rows:,}", self.table.read())
            if len(cells) < named:  # a row cut short, or split by a line break outside quotes
                self.notes.group(SHORT_ROW.format(named), where)
            elif len(cells) > len(names):  # (a review: 'Investigation; 12,500 pages' put '500 pages' in the place)
                filled = any(cell_text(cell) for cell in cells[len(names) :])
                (self.long_filled if filled else self.long_rows).append(where)
            yield where, cells

    def finish_notes(self) -> list[str]:
        # (rows long by empty cells alone, half the rows or more: the export's delimiter after each row, not a shift)
        long = self.long_filled or (self.long_rows if 2 * len(self.long_rows) < self.counts.rows else [])
        book = self.table.unit != "line"  # (a workbook's rows are padded to its widest, and have no delimiter)
        for where in self.long_filled if book else long:
            self.notes.group((BOOK_LONG_ROW if book else LONG_ROW).format(len(self.header.names)), where)
        self.long_rows, self.long_filled = [], []
        twice = self.table.twice.warning()
        return [*self.table.notes, *([twice] if twice else []), *self.notes.lines()]


@dataclass
class Extras:
    """Columns a layout does not use: their text is kept in the event's summary ('Column: value')."""

    sheet: Sheet
    positions: list[int]
    what: str  # 'the ACLED layout'
    used: dict[int, int] = field(default_factory=dict)  # position -> rows with text

    @classmethod
    def of(cls, sheet: Sheet, known: set[int], what: str) -> Extras:
        # every column the layout does not read, a named one or not ('date,,title': its middle column)
        return cls(sheet, [i for i in range(len(sheet.header.names)) if i not in known], what)

    def details(self, cells: list[Cell], where: str) -> list[str]:
        lines = []
        names = self.sheet.header.names
        reader = self.sheet.notes_reader
        for position in [*self.positions, *range(len(names), len(cells))]:  # and cells past the last name
            text = cell_text(cells[position]) if position < len(cells) else ""
            if text and (text := reader.clean(text, where).strip()):
                self.used[position] = self.used.get(position, 0) + 1
                lines.append(f"{self.label(position)}: {text}")
        return lines

    def label(self, position: int) -> str:
        """The column's name as its cells' lines in a summary begin ('Column: value')."""
        names = self.sheet.header.names
        name = CONTROL.sub("", names[position]).strip() if position < len(names) else ""
        return name or f"Column {position + 1}"

    def warn(self, *, unnamed_only: bool = False) -> None:
        names = self.sheet.header.names
        named = [p < len(names) and bool(names[p].strip()) for p in range(max(self.used, default=0) + 1)]
        used = [p for p in sorted(self.used) if not unnamed_only or not named[p]]
        if not used:
            return
        shown = [repr(names[p]) if named[p] else f"column {p + 1} (no header)" for p in used]
        self.sheet.notes.add(
            "",
            f"{', '.join(shown)} {'is' if len(shown) == 1 else 'are'} not part of {self.what}: kept in each "
            "event's summary as 'Column: value'",
        )


def import_sheet(
    path: Path,
    spec: ColumnSpec | None = None,
    progress: Progress | None = None,
    max_bytes: int | None = None,
    shown: Path | None = None,
) -> Imported:
    """The dataset document for a spreadsheet; ``SheetError`` when the file or its layout cannot be read;
    ``max_bytes``: the most a workbook may unpack to (the loader's limit for any file); ``shown``: the
    file ``path`` is a private copy of."""
    if path.suffix.lower() in JSONL_SUFFIXES or _looks_like_jsonl(path):
        from .timesketch import from_jsonl

        return from_jsonl(path, row_limit(max_bytes))
    sheet = Sheet(path, open_table(path, max_bytes), spec, progress, shown=shown, max_rows=row_limit(max_bytes))
    layout = None if spec is not None and spec.fields else layout_of(sheet.header)
    if layout == "junquito":
        from .junquito_csv import convert
    elif layout == "acled":
        from .acled import convert
    elif layout == "timesketch":
        from .timesketch import convert
    elif layout in {"timelinejs", "timelinejs-v2"}:
        from .timelinejs_sheet import convert
    else:
        from .generic_sheet import convert
    try:
        document = convert(sheet)
    except SheetError as error:
        raise in_sheet(error, sheet.table.sheet) from None
    return Imported(document, sheet.finish_notes(), sheet.counts.summary())


def _looks_like_jsonl(path: Path) -> bool:
    with path.open("rb") as handle:
        return looks_like_json_lines(handle.read(65536))


__all__ = ["Extras", "Imported", "Sheet", "SheetError", "import_sheet"]
