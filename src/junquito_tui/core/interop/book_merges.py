"""Merged cells: one value shown across several rows, as a date written once beside the three events of
that day. A workbook keeps the value in the range's first cell only, the cells it covers empty, so
the rows under the first were read with no date and skipped. Each row a range spans is read with the
value the sheet shows for it, and the ranges are named in a warning.

Only down the range's first column: a range across columns (a title over three of them) shows its
value in one field, which is where the reader already gives it. The ranges of an XLSX or XLS sheet are
python-calamine's; it gives none for ODS and XLSB, whose ranges the probe's child finds
(``book_formats.find``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .book_errors import letters

Range = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first column), (last row, last column)), 0-based
NAMED = 5  # ranges named in the warning (the rest counted)


def spread(rows: list[list[object]], merges: Iterable[Range], start: tuple[int, int]) -> list[str]:
    """In place: each merged range's value copied into the empty cells of its first column below it, in
    ``rows`` (the sheet from ``start``, its first row and column); the warning, if any row took one."""
    budget = sum(map(len, rows))  # a hostile range claims 65,536 rows: never more work than the sheet has cells
    spread_to: list[tuple[str, list[int]]] = []
    for (top, left), (bottom, right) in sorted(merges):  # named in the sheet's order
        at, across = top - start[0], left - start[1]
        if bottom <= top or not (0 <= at < len(rows) and 0 <= across < len(rows[at])) or _empty(rows[at][across]):
            continue
        value, filled = rows[at][across], []
        for below in range(at + 1, min(bottom - start[0] + 1, len(rows))):
            budget -= 1
            if budget < 0:
                break
            row = rows[below]
            if across < len(row) and _empty(row[across]):  # (a value a program left under the range: kept)
                row[across] = value
                filled.append(start[0] + below + 1)
        if filled:
            spread_to.append((f"{_name(top, left)}:{_name(bottom, right)}", filled))
    if not spread_to:
        return []
    names = ", ".join(name for name, _ in spread_to[:NAMED]) + (
        f" and {len(spread_to) - NAMED:,} more" if len(spread_to) > NAMED else ""
    )
    rows_read = sorted(row for _, filled in spread_to for row in filled)
    ranges = "range of merged cells shows" if len(spread_to) == 1 else f"{len(spread_to):,} ranges of merged cells show"
    return [
        f"{'a ' if len(spread_to) == 1 else ''}{ranges} one value across several rows ({names}): each row is read "
        f"with the value the sheet shows for it ({_rows(rows_read)}), not as empty"
    ]


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _name(row: int, column: int) -> str:
    return f"{letters(column + 1)}{row + 1}"


def _rows(numbers: Sequence[int]) -> str:
    """'rows 3-4, 7' (runs of rows joined), the first ten runs named."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], number)
        else:
            runs.append([number, number])
    shown = ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in runs[:10])
    more = f" and {len(runs) - 10:,} more" if len(runs) > 10 else ""
    return f"row{'s' if len(numbers) > 1 else ''} {shown}{more}"
