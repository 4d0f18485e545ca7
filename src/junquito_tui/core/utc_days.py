"""A date filter reads a clock time on the day written, in its own zone; the time axis draws it in UTC. Where the
two days differ at a range's edge ('23:00 VST, 14 January' is 03:00 UTC on the 15th), the search counts them in a
hint, never silently one way: a trial found `date:2018-01-15` and the strip putting one event on two days, unsaid."""

from __future__ import annotations

from .date_keys import first_day, last_day, moved
from .query import DateKey, DateRange
from .records import DAY_END, Precision, When

DAY = 24 * 60


def utc_day(when: When) -> tuple[int, int, int] | None:
    """The UTC day of a clock time; None for a date without one (or without its offset)."""
    if when.precision != Precision.MINUTE or when.utc_offset is None:
        return None
    year, month, day, hour, minute = when.parts()
    sign = -1 if when.utc_offset.startswith("-") else 1
    offset = sign * (int(when.utc_offset[1:3]) * 60 + int(when.utc_offset[4:6]))
    shift, _ = divmod(hour * 60 + minute - offset, DAY)
    return moved((year, month, day), shift) if shift else (year, month, day)


def edges(dates: DateRange) -> list[tuple[DateKey, DateKey]]:
    """The stretches where a clock time's day and its UTC day may fall on two sides of the range: a day either
    side of each edge (the widest offset is 14 hours)."""
    found = []
    for key, last in ((dates.start, False), (dates.end, True)):
        if key is not None:
            day = last_day(key) if last else first_day(key)
            found.append(((*moved(day, -1), -1), (*moved(day, 1), DAY_END)))
    return found


def widened(dates: DateRange) -> DateRange:
    """The range a day longer at each end."""
    start = None if dates.start is None else (*moved(first_day(dates.start), -1), -1)
    end = None if dates.end is None else (*moved(last_day(dates.end), 1), DAY_END)
    return DateRange(start, end, dates.text)


def hint(moved_out: int, moved_in: int, dates: DateRange, kinds_out: str = "", kinds_in: str = "") -> str:
    """``kinds_out``/``kinds_in``: what each count holds, where not events alone (' (1 event, 1 quote)')."""
    said = [f"{moved_out:,}{kinds_out} of them on another day" if moved_out else ""]
    said.append(f"{moved_in:,}{kinds_in} other{'s' if moved_in != 1 else ''} on {dates.text}" if moved_in else "")
    return (
        f"in UTC, {' and '.join(part for part in said if part)}: a date: filter reads each clock time on its own day, "
        "in its own time zone (the time axis draws them in UTC)"
    )


Days = tuple[tuple[int, int, int], tuple[int, int, int]]


def days(when: When, end: When | None) -> tuple[Days, Days] | None:
    """(first and last day as written, first and last day in UTC) of a clock time or a period of clock times (a
    re-trial: a period was left out, 21:00-23:00 VST on the 16th drawn on the 17th, unsaid); None for any other."""
    last = end or when
    first_utc, last_utc = utc_day(when), utc_day(last)
    if first_utc is None or last_utc is None:
        return None
    written = (when.parts()[0], when.parts()[1], when.parts()[2]), (last.parts()[0], last.parts()[1], last.parts()[2])
    return written, (first_utc, last_utc)


def overlaps(period: Days, dates: DateRange) -> bool:
    """Whether days from ``period[0]`` to ``period[1]`` meet the range's days."""
    first, last = min(period), max(period)
    return (dates.start is None or first_day(dates.start) <= last) and (
        dates.end is None or first <= last_day(dates.end)
    )


def moved_days(periods: dict[int, tuple[Days, Days]], matched: int, dates: DateRange) -> tuple[list[int], list[int]]:
    """(the matched documents whose UTC days are outside the range, the others whose UTC days meet it), of
    ``periods`` (near an edge, each matching the rest of the query)."""
    out, into = [], []
    for number, (written, utc) in periods.items():
        if matched >> number & 1 and overlaps(written, dates) and not overlaps(utc, dates):
            out.append(number)
        elif not matched >> number & 1 and not overlaps(written, dates) and overlaps(utc, dates):
            into.append(number)
    return out, into
