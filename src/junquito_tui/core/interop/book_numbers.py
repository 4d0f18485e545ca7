"""Numbers longer than a workbook keeps. A spreadsheet stores every number as a float, exact to 15
significant digits: an id or a phone number typed (or written by pandas) as a number loses the digits
after, and python-calamine gives the float's own digits, which look exact and are not the file's
(a tweet's id 953163853187309569 came out as ...568). Such a cell is shown to its 15 digits
(``sheet_events.number_text``), and named here, so no one looks up a made-up id.
"""

from __future__ import annotations

from .sheet_events import LONG_NUMBER, number_text


def long_numbers(rows: list[list[object]], first: int) -> list[str]:
    """The warning for the cells of ``rows`` (the first is row ``first``, from 0) holding a number of
    more than 15 digits, if any."""
    found = [
        (first + at + 1, cell)
        for at, row in enumerate(rows)
        for cell in row
        if isinstance(cell, int | float) and not isinstance(cell, bool) and abs(cell) >= LONG_NUMBER
    ]
    if not found:
        return []
    row, number = found[0]
    count = f"{len(found):,} cells hold" if len(found) > 1 else "a cell holds"
    return [
        f"{count} a number of more than 15 digits (such as row {row}: {number_text(number)}): a spreadsheet keeps "
        "a number to 15 digits only, so the digits after are not in the file; read as the number kept. An id or "
        "a phone number stored as a number has lost digits: store it as text"
    ]
