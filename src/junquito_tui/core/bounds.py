"""Dates a file gives only as a bound: 'before 15 January 2018', 'by 2018', 'after 16 January 2018'.

The spreadsheet reader places such an event on the nearest day (month, year) on the bound's side, so that it
sorts beside its bound, and says so in the date's note. That day is no date of the event: shown as '~14 Jan
2018', under a heading 'Sunday 14 January 2018 · about 1 day later', found by date:2018-01-14 and by no range
further before, it was an answer the file never gave (a user trial). The note carries the bound
('a bound: before 2018-01-15', ``mark``), read back here wherever the date is shown or searched: the date is
shown as the bound, and searched as the open period on its side. No Textual here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from .date_keys import iso_date, moved
from .records import Precision, When

# 'before', 'after': the date written is excluded; 'by' (until, no later than), 'from' (since, no earlier than):
# it may be the day itself
EARLIER = frozenset({"before", "by"})
SIDES = (*EARLIER, "after", "from")
BOUND = "a bound: "  # in a date's note, before the bound
# the year as our dates count it (1 BCE is 0), or a year BCE as people write it ('300 BCE': -299 read as nothing
# to a user, under a heading 'Before 300 BCE'), then its month and day
_LISTED = re.compile(r"(?:: |; )?listed on [^;]*?, the (?:day|month|year) (?:before|after) it")  # (sheet_dates)
_MARK = re.compile(r"a bound: (before|by|after|from) (\d+ BCE|-?\d+)(?:-(\d\d))?(?:-(\d\d))?")


class Bound(NamedTuple):
    side: str  # one of SIDES
    parts: tuple[int, ...]  # the date written: (year,), (year, month) or (year, month, day)

    @property
    def earlier(self) -> bool:
        """Whether the event is on the earlier side of the date (before it, or by it)."""
        return self.side in EARLIER


def mark(side: str, parts: tuple[int, ...]) -> str:
    """The note's words for a bound, read back by ``bound``: 'a bound: before 2018-01-15'."""
    year = str(parts[0]) if parts[0] > 0 else f"{1 - parts[0]} BCE"
    return f"a bound: {side} {'-'.join([year, *(f'{part:02d}' for part in parts[1:3])])}"


def bound(when: When | None) -> Bound | None:
    """The bound a date is given only as, or None (most dates: no note, or a note without one). A note's words
    count only where the date is the one the bound places it on: a date corrected by hand under a note left as it
    was ('a bound: after 2018' over 1 June 2017) is the date, not the bound (a review)."""
    note = when.note if when is not None else None
    if not note or BOUND not in note or when is None:
        return None
    return _bound(note, when.parts()[:3])


@lru_cache(maxsize=65_536)  # (a file of bounds: asked per distinct date, and again for each view; a review)
def _bound(note: str, parts: tuple[int, ...]) -> Bound | None:
    if (found := _MARK.search(note)) is None:
        return None
    side, year, *written = found.groups()
    counted = 1 - int(year.removesuffix(" BCE")) if year.endswith(" BCE") else int(year)
    given = Bound(side, (counted, *(int(part) for part in written if part is not None)))
    return given if parts == placed(given) else None


def placed(given: Bound) -> tuple[int, ...]:
    """The date a bound's event sorts on: the year, month or day next to it on its side, or the date itself
    ('by', 'from'): what the spreadsheet reader writes (``sheet_dates``)."""
    parts, step = given.parts, {"before": -1, "after": 1}.get(given.side, 0)
    if not step:
        return parts
    if len(parts) == 1:
        return (parts[0] + step,)
    if len(parts) == 2:
        months = parts[0] * 12 + parts[1] - 1 + step
        return (months // 12, months % 12 + 1)
    return moved((parts[0], parts[1], parts[2]), step)


def by_end(start: When, end: When) -> When | None:
    """A start given only as a bound on its earlier side ('before 2018-01-10'), with an end before the day it is
    listed on (5 January): the start is by that end, or before the end's own bound (a re-trial: the end was thrown
    away as before the start, the event shown before 10 January, found by date:2018-01-07). None for any other."""
    given, ended = bound(start), bound(end)
    if given is None or not given.earlier:
        return None
    if (ended is None and end.approximate) or (ended is not None and not ended.earlier):  # (an end that may be later
        return None  # than it reads, 'after 2018-01-05' or 'c. 2018-01-05', says nothing of the start: a review)
    said = "the end is before the day it was listed on: so is the start, no later than the end"
    return _rebound(start, given, ended if ended is not None else Bound("by", end.parts()[:3]), said)


def from_start(start: When, end: When) -> When | None:
    """An end given only as a bound on its later side ('after 2018-01-05') before the start (10 January): the end is
    from that start (a review: it was said to be the end 2018-01-06, before the start, and thrown away). None for
    any other."""
    given = bound(end)
    if given is None or given.earlier or bound(start) is not None or start.approximate:  # ('c. 2018-01-10' may be the
        return None  # 8th, and the end the 9th: a review)
    said = "the start is after the day it was listed on: so is the end, no earlier than the start"
    return _rebound(end, given, Bound("from", start.parts()[:3]), said)


def _rebound(when: When, old: Bound, new: Bound, said: str) -> When:
    """``when`` given as the bound ``new`` instead of ``old``, listed where ``new`` places it, the note saying why."""
    parts = placed(new)
    kept = _LISTED.sub("", (when.note or "").replace(mark(old.side, old.parts), ""))
    note = "; ".join(part for part in kept.split("; ") if part.strip())  # (no '; ;' where the mark was: a review)
    said = f"{said}; {mark(*new)}"
    return replace(
        when,
        date=iso_date(parts),
        precision=(Precision.YEAR, Precision.MONTH, Precision.DAY)[len(parts) - 1],
        approximate=True,
        note=f"{note}; {said}" if note else said,
        utc_offset=None,
        zone_label=None,
    )
