"""A quarter or a half of a year ('Q1 2018', '2018-Q3', '1Q 2018', 'H2 2018', 'first quarter of 2018',
'segundo semestre de 2018'): its first to its last month, as the calendar bounds it (not approximate: no
month outside it is in doubt), the note saying the event is some time in it or the whole of it. Each was
read as its whole year, unsaid: a search for October found a first quarter (a user trial).

A fiscal quarter ('Q1 FY2018') is none of these: its months differ by body, as a fiscal year's do.
"""

from __future__ import annotations

import re

from ..dates import MONTHS
from .lazy_pattern import lazy
from .sheet_date_values import Parsed

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4,
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
}  # fmt: skip
_SEP = r"[\s/'-]*"
_FORMS = lazy(
    rf"^(?:(?P<q>[QH])(?P<n>[1-4]){_SEP}(?P<y>\d{{4}})"  # 'Q1 2018', 'H2/2018'
    rf"|(?P<n2>[1-4])(?P<q2>[QH]){_SEP}(?P<y2>\d{{4}})"  # '1Q 2018', '2H2018'
    rf"|(?P<y3>\d{{4}}){_SEP}(?P<q3>[QH])(?P<n3>[1-4])"  # '2018-Q3', '2018 H1'
    rf"|(?:the\s+|el\s+)?(?P<word>\w+)\s+(?P<part>quarter|half|trimestre|semestre)"
    rf"(?:\s+(?:of|de|del)(?:\s+(?:the\s+year|año))?)?,?\s+(?P<y4>\d{{4}}))$",
    re.IGNORECASE,
)

SAID = (
    "a quarter or a half of a year is read as its months, some time in them or the whole of them (its note says which)"
)


def read(text: str) -> Parsed | None:
    """The months of the quarter or half the cell names; None for any other cell."""
    low = text.lower()
    if "q" not in low and "h" not in low and "mestre" not in low:  # (most cells: 1 µs)
        return None
    found = _FORMS.match(text.strip())
    if found is None:
        return None
    if found.group("word") is not None:
        number = _ORDINALS.get(found.group("word").lower())
        part = found.group("part").lower()
        half = part in ("half", "semestre")
        if number is None or (half and number > 2) or (found.group("word").lower() == "last" and half):
            return None
        year = int(found.group("y4"))
    else:
        kind = (found.group("q") or found.group("q2") or found.group("q3")).upper()
        number = int(found.group("n") or found.group("n2") or found.group("n3"))
        half = kind == "H"
        if half and number > 2:
            return None
        year = int(found.group("y") or found.group("y2") or found.group("y3"))
    if year < 1000:  # (a year of four digits: '0800' is no one's way of writing one)
        return None
    months = 6 if half else 3
    first, last = (number - 1) * months + 1, number * months
    what = f"the {['first', 'second'][number - 1]} half" if half else f"quarter {number}"
    months_named = f"{MONTHS[first - 1]} to {MONTHS[last - 1]}"
    note = f"'{text.strip()}': {what} of {year}, {months_named}, some time in it or the whole of it"
    return Parsed({"year": year, "month": first}, note=note, end={"year": year, "month": last}, said=[SAID])
