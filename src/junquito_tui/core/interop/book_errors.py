"""Workbook cells that hold an error ('#N/A', '#REF!', LibreOffice's 'Err:502'), which the reader
gives as empty (ODS: as 0): a title, a date or a summary lost without a word. The formats' look at
the sheet finds them (``FoundCells.errors``: in XLSX and ODS from the XML, in XLS and XLSB from the
cell records); ``read_errors`` puts back what the sheet shows, the error's text, and says so, so that
a date cell holding '#VALUE!' is named as such, not as empty.
"""

from __future__ import annotations

import re
from collections import Counter

SHOWN_CELLS = 5  # cells named in the warning; the rest counted
MAX_ERRORS = 100_000  # error cells looked for in a sheet (an ODS cell repeated a million times is one)
# What a spreadsheet shows for an error: Excel's codes, LibreOffice's 'Err:NNN'. Anything else a file
# puts there is not shown as text (it is the file's, not a known error).
_ERROR_TEXT = re.compile(r"#[A-Z0-9/]{1,12}[!?]?|Err:\d{3}|#GETTING_DATA")
UNKNOWN = "#ERROR"


def error_text(text: str) -> str:
    """The error as the sheet shows it, or ``UNKNOWN`` for what is no known error's text."""
    text = text.strip()
    return text if _ERROR_TEXT.fullmatch(text) else UNKNOWN


def read_errors(errors: list[tuple[int, int, str]], rows: list[list[object]], start: tuple[int, int]) -> list[str]:
    """The error cells of ``rows`` (the sheet from ``start``) given back their error's text, in place,
    where the reader left what it makes of one (empty, or 0); a warning naming them."""
    changed: list[str] = []
    kinds: Counter[str] = Counter()
    for row, column, text in errors:
        at, across = row - start[0], column - start[1]
        if not (0 <= at < len(rows) and 0 <= across < len(rows[at])):
            continue  # outside what the reader read: nothing was lost there
        if rows[at][across] not in ("", None, 0.0):
            continue  # the reader has a value of its own there: it is not the error's
        rows[at][across] = text
        kinds[text] += 1
        changed.append(f"{letters(column + 1)}{row + 1}: {text}")
    if not changed:
        return []
    named = "; ".join(changed[:SHOWN_CELLS]) + (
        f"; and {len(changed) - SHOWN_CELLS:,} more" if len(changed) > SHOWN_CELLS else ""
    )
    which = ", ".join(kinds)
    count = len(changed)
    return [
        f"{count:,} cell{'s hold' if count != 1 else ' holds'} a spreadsheet error ({which}: a formula that could not "
        f"be computed, or an error typed in), read as the sheet shows it, that text ({named})"
    ]


def letters(column: int) -> str:
    """A column's letters, as spreadsheets name it: 1 is A, 27 is AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
