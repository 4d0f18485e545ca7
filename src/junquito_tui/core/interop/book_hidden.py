"""Rows and columns a sheet hides: by hand, filtered out (an autofilter showing only 'confirmed'), or
in a collapsed group. The reader gives them as any other, and they were read without a word: a row
marked 'DRAFT - do not publish' or 'retracted', hidden by its author, became an event like the rest.
They are still read (the file holds them, and a reader of it can unhide them), and named in a warning
with the rows and columns that hold something.

Found in the probe's child: an XLSX row's or column's ``hidden`` attribute (``xlsx_formats``), an ODS
row's or column's ``table:visibility`` (``ods_formats``), an XLS sheet's row and column records
(xlrd), an XLSB sheet's BrtRowHdr and BrtColInfo flags (``binary_formats``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .book_errors import letters
from .book_formats import FoundCells

MAX_RUNS = 100_000  # runs of hidden rows or columns kept (a bound on what a hostile file makes the child send)
NAMED = 10  # rows or columns named in a warning (the rest counted)
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row\s([^>]*)>")
_COLUMN_TAG = re.compile(rb"<(?:[\w.-]+:)?col\s([^>]*)>")
HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["']([0-9]{1,9})["']""")
_SPAN = re.compile(rb"""\b(min|max)\s*=\s*["']([0-9]{1,5})["']""")
ODS_HIDDEN = re.compile(rb"""\btable:visibility\s*=\s*["'](?:collapse|filter)["']""")


def xlsx_hidden(text: bytes, found: FoundCells) -> None:
    """The hidden rows (those that give their number) and columns in a chunk of an XLSX sheet's XML."""
    if b"hidden" not in text:
        return
    for tag in _ROW_TAG.finditer(text):
        if HIDDEN.search(tag.group(1)) and (number := _ROW_NUMBER.search(tag.group(1))) is not None:
            add(found.hidden_rows, int(number.group(1)) - 1, 1)
    for tag in _COLUMN_TAG.finditer(text):
        span = {name: int(value) for name, value in _SPAN.findall(tag.group(1))}
        if HIDDEN.search(tag.group(1)) and {b"min", b"max"} <= span.keys() and span[b"max"] >= span[b"min"] >= 1:
            add(found.hidden_columns, span[b"min"] - 1, span[b"max"] - span[b"min"] + 1)


def add(runs: list[tuple[int, int]], first: int, count: int) -> None:
    """A run of hidden rows or columns, 0-based, joined to the last one where it follows it."""
    if runs and runs[-1][0] + runs[-1][1] == first:
        runs[-1] = (runs[-1][0], runs[-1][1] + count)
    elif len(runs) < MAX_RUNS:
        runs.append((first, count))


# In the summary of an event read from a hidden row: the warning named it, the event did not (a user trial found a
# hidden 'retracted' row shown as an ordinary event, its page and citation silent)
HIDDEN_ROW = "Hidden in the workbook: this row is hidden (by hand, by a filter or in a collapsed group)"


def hidden_rows(found: FoundCells, rows: list[list[object]], start: tuple[int, int]) -> list[int]:
    """The sheet's numbers of the hidden rows of ``rows`` (the sheet from ``start``) holding something."""
    return [
        start[0] + at + 1
        for first, count in found.hidden_rows
        for at in range(max(first - start[0], 0), min(first + count - start[0], len(rows)))
        if any(_filled(cell) for cell in rows[at])
    ]


def hidden_said(found: FoundCells, rows: list[list[object]], start: tuple[int, int]) -> list[str]:
    """The warnings for the hidden rows and columns of ``rows`` (the sheet from ``start``) holding
    something; those that hold nothing (a formatted empty row) are not named."""
    said = []
    shown_rows = hidden_rows(found, rows, start)
    if shown_rows:
        which = "they were" if len(shown_rows) > 1 else "it was"
        said.append(
            f"{_listed('row', shown_rows, str)} hidden in the sheet (by hand, by a filter or in a collapsed "
            f"group): read as the others are, as the file holds them; check whether {which} meant to be left out"
        )
    width = max(map(len, rows), default=0)
    shown_columns = [
        start[1] + across + 1
        for first, count in found.hidden_columns
        for across in range(max(first - start[1], 0), min(first + count - start[1], width))
        if any(across < len(row) and _filled(row[across]) for row in rows)
    ]
    if shown_columns:
        said.append(f"{_listed('column', shown_columns, letters)} hidden in the sheet: read as the others are")
    return said


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _listed(kind: str, numbers: list[int], name: Callable[[int], str]) -> str:
    shown = ", ".join(name(n) for n in numbers[:NAMED])
    more = f" and {len(numbers) - NAMED:,} more" if len(numbers) > NAMED else ""
    return f"{kind}{'s' if len(numbers) > 1 else ''} {shown}{more} {'are' if len(numbers) > 1 else 'is'}"
