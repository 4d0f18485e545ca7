"""A workbook's numbers as the sheet shows them. A spreadsheet stores every number as a float and shows
it to the 15 significant digits it keeps; python-calamine gives the float itself. So 0.1 + 0.2 came
out as 0.30000000000000004 where the sheet shows 0.3, and an id or a phone number of more than 15
digits stored as a number (a tweet's id 953163853187309569, as pandas writes it) as digits that look
exact and are not the file's (...568). Such cells are marked (``ShownNumber``: as text, 15 digits),
and the long ones named in a warning, so no one looks up a made-up id.
"""

from __future__ import annotations

from itertools import compress
from itertools import count as counting
from typing import cast

from .sheet_date_values import Number1904, ShownNumber

LONG_NUMBER = 10**15  # a whole number of 16 digits or more: more than the 15 a spreadsheet keeps
_NUMBERS = frozenset([int, float, Number1904])  # what the reader gives a number cell as (a 1904 book's: ours)


def shown_numbers(rows: list[list[object]], first: int) -> list[str]:
    """In place: each number of ``rows`` (the first is row ``first``, from 0) whose float holds more
    digits than the sheet shows, marked; the warning for those of more than 15 digits, if any."""
    long: list[tuple[int, ShownNumber]] = []
    for at, row in enumerate(rows):
        # the number cells' places found in C (a cell at a time in Python: 0.55 s for 2.8 million cells)
        for across in compress(counting(), map(_NUMBERS.__contains__, map(type, row))):
            cell = cast(float, row[across])
            if abs(cell) >= LONG_NUMBER:
                row[across] = shown = ShownNumber(cell)
                long.append((first + at + 1, shown))
            elif isinstance(cell, float) and not cell.is_integer() and float(f"{cell:.15g}") != cell:
                row[across] = ShownNumber(cell)  # (a day number with a time: read as a number all the same)
    if not long:
        return []
    where, number = long[0]
    count = f"{len(long):,} cells hold" if len(long) > 1 else "a cell holds"
    return [
        f"{count} a number of more than 15 digits (such as row {where}: {number}): a spreadsheet keeps a number to "
        "15 digits only, so the digits after are not in the file; read as the number kept. An id or a phone "
        "number stored as a number has lost digits: store it as text"
    ]
