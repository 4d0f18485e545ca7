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


def inside(day: tuple[int, int, int], dates: DateRange) -> bool:
    """Whether a day lies within the range's days."""
    return (dates.start is None or first_day(dates.start) <= day) and (dates.end is None or day <= last_day(dates.end))


def hint(moved_out: int, moved_in: int, dates: DateRange) -> str:
    said = [f"{moved_out:,} of them on another day" if moved_out else ""]
    said.append(f"{moved_in:,} other{'s' if moved_in != 1 else ''} on {dates.text}" if moved_in else "")
    return (
        f"in UTC, {' and '.join(part for part in said if part)}: a date: filter reads each clock time on its own day, "
        "in its own time zone (the time axis draws them in UTC)"
    )


def count(whens: dict[int, When], matched: int, dates: DateRange) -> tuple[int, int]:
    """(matched clock times whose UTC day is outside the range, others whose UTC day is inside it), of the
    documents ``whens`` (near an edge, each matching the rest of the query; a clock time alone, no period)."""
    out = into = 0
    for number, when in whens.items():
        day = utc_day(when)
        if day is None:
            continue
        parts = when.parts()
        written = inside((parts[0], parts[1], parts[2]), dates)
        if matched >> number & 1 and written and not inside(day, dates):
            out += 1
        elif not matched >> number & 1 and not written and inside(day, dates):
            into += 1
    return out, into
