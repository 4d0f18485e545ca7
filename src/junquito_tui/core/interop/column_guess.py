"""The date and title columns of a sheet of no known layout, guessed from what the first rows hold, for
the ``--columns`` line its error suggests (a trial: from the names alone, 'Día,Suceso,Fuente' was told
'date=Suceso,title=Día', which read no event; 'Tag,Ereignis' got a placeholder, 'date=COLUMN')."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, islice

from .sheet_date_values import Parsed
from .sheet_dates import read_date
from .sheet_events import cell_text
from .sheet_read import Cell, Table

SAMPLE_ROWS = 50  # rows looked at: enough to see a column's kind, few enough to cost nothing
_SHARE = 0.5  # a column is dates (or text) when at least this share of its filled cells are
_WORDS_IN_A_DATE = 4  # a cell of more words is a sentence, even with a year in it ('Protest in 2019')
_LETTER = re.compile(r"[^\W\d_]")
# Names of columns that hold something beside an event's title (a note, its source, an address)
_BESIDE = re.compile(r"note|source|fuente|quelle|url|link|enlace|comment|ref|notiz|nota", re.IGNORECASE).search

Names = Callable[[str], object]  # a test of a column's name (a regex's ``search``)


def peek(table: Table) -> list[list[Cell]]:
    """The first rows' cells, the table's rows left to read whole."""
    head = list(islice(table.rows, SAMPLE_ROWS))
    table.rows = chain(head, table.rows)
    return [cells for _, cells in head]


def days_beside(names: Sequence[str], rows: list[list[Cell]], year: int) -> int | None:
    """A column other than ``year`` whose first rows hold days or months, if one does: the date a sheet's year
    column was read for, by its name (a re-trial: 'Year,Date of incident' read 2018, 'month not given')."""
    columns = [p for p in range(len(names)) if p != year]
    for position in columns:
        cells = [c for row in rows if position < len(row) and cell_text(c := row[position]).strip()]
        if cells and sum(map(_a_day_or_month, cells)) >= _SHARE * len(cells):
            return position
    return None


def _date_like(value: object) -> bool:
    return _read(value) is not None


def _a_day_or_month(value: object) -> bool:
    """A date finer than a year: a column of them is dates, where one of numbers may be ids or counts ('100',
    '2000', read as years: a re-trial's 'Nr' beside real dates was suggested as the date)."""
    found = _read(value)
    return found is not None and "month" in found.parts


def _read(value: object) -> Parsed | None:
    text = cell_text(value).strip()
    if len(text.split()) > _WORDS_IN_A_DATE or (text.lstrip("-").isdigit() and len(text.lstrip("-")) <= 2):
        return None  # (a count, '3', reads as the year 3)
    found = read_date(value)
    return found if isinstance(found, Parsed) else None


def _text_like(value: object) -> bool:
    return bool(_LETTER.search(cell_text(value))) and not _date_like(value)


def by_content(
    names: Sequence[str], rows: list[list[Cell]], taken: set[int], hints: Mapping[str, Names], other_date: Names
) -> dict[str, int]:
    """'date' and 'title' -> the column that holds them in ``rows``, where one does; ``taken``: columns
    already given a field. Among columns of dates: not a birth's or a report's (``other_date``), then a
    name that says date, then the most dates. Among columns of text: a name that says title, then not
    a note's or a source's, then the most different values."""
    filled = {p: [c for row in rows if p < len(row) and cell_text(c := row[p]).strip()] for p in range(len(names))}

    def share(position: int, test: Callable[[object], bool]) -> float:
        cells = filled[position]
        return sum(map(test, cells)) / len(cells) if cells else 0.0

    found: dict[str, int] = {}
    dates = [p for p in filled if p not in taken and share(p, _date_like) >= _SHARE]
    if dates:
        found["date"] = max(
            dates,
            key=lambda p: (
                not other_date(names[p]),
                share(p, _a_day_or_month) >= _SHARE,
                bool(hints["date"](names[p])),
                share(p, _date_like),
                -p,
            ),
        )
    texts = [p for p in filled if p not in taken and p != found.get("date") and share(p, _text_like) >= _SHARE]
    if texts:
        found["title"] = max(
            texts,
            key=lambda p: (
                bool(hints["title"](names[p])),
                not _BESIDE(names[p]),
                len({cell_text(c) for c in filled[p]}),
                -p,
            ),
        )
    return found
