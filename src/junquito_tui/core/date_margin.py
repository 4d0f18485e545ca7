"""A searched date range and the events dated only approximately just outside it: ACLED's 'within a week
or so of this day' may be inside the range, so they are counted in a hint, with the wider range that
includes them, never silently left out nor silently let in. So are 'around June 2017' within a month
of it and 'around 2016' within a year: the margins ``validate`` allows an approximate date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .query import DateKey, DateRange, Query
from .records import DAY_END, Precision, When

MARGIN = dt.timedelta(days=7)  # 'a week or so': the widest an approximate day is read as here
# Each approximate precision: its margin either side, and how the hint says it
MARGINS = {
    Precision.DAY: (MARGIN, "a day within a week"),
    Precision.MONTH: (dt.timedelta(days=31), "a month within a month"),  # (the months before and after: ``widened``)
    Precision.YEAR: (dt.timedelta(days=366), "a year within a year"),
}


def widened(query: Query, precision: Precision = Precision.DAY) -> Query | None:
    """The query with its one date range wider each side by ``precision``'s margin: a week for a day, the
    month before and after for a month, the year before and after for a year (31 days from 1 December took
    an approximate October in: 'within a month' of it is September to November); None for no range, or
    several."""
    if len(query.dates) != 1:
        return None
    dates = query.dates[0]
    try:
        if precision == Precision.DAY:
            start, end = _moved(dates.start, -MARGIN), _moved(dates.end, MARGIN)
        else:
            start, end = _calendar(dates.start, -1, precision), _calendar(dates.end, 1, precision)
    except (ValueError, OverflowError):  # a week before year 1 or after 9999: no range to offer
        return None
    if start is None and end is None:
        return None
    return replace(query, dates=[DateRange(start, end, f"{_text(start)}..{_text(end)}")])


def approximate_day(when: When) -> bool:
    """A date of a day known only approximately. Not an approximate clock time ('around 16:00, 15
    January'): its day is known, its margin an hour (the hint named the raid's times as perhaps a week
    off, found by a review)."""
    return when.approximate and when.precision == Precision.DAY


def approximate_at(when: When) -> Precision | None:
    """The precision of a date known only approximately, if it has a margin here (not a clock time's)."""
    return when.precision if when.approximate and when.precision in MARGINS else None


def hint(count: int, query: Query, wider: Query, precision: Precision = Precision.DAY) -> str:
    return (
        f"{count:,} dated only approximately to {MARGINS[precision][1]} of {query.dates[0].text}, not included: "
        f"date:{wider.dates[0].text} includes {'it' if count == 1 else 'them'}"
    )


def _moved(key: DateKey | None, by: dt.timedelta) -> DateKey | None:
    if key is None:
        return None
    year, month, day, _ = key
    day_of = dt.date(year, max(month, 1), max(day, 1)) if by < dt.timedelta(0) else _last_day(year, month, day)
    moved = day_of + by  # (ValueError, OverflowError beyond the years dates count: said by ``widened``)
    return (moved.year, moved.month, moved.day, -1 if by < dt.timedelta(0) else DAY_END)


def _calendar(key: DateKey | None, step: int, precision: Precision) -> DateKey | None:
    """The first day of the month (or year) before ``key``'s, or the last of the one after (``step``)."""
    if key is None:
        return None
    year, month, day, _ = key
    if step < 0:
        month = max(month, 1)
        year, month = (year - 1, 1) if precision == Precision.YEAR else divmod(year * 12 + month - 2, 12)
        month += precision != Precision.YEAR
        dt.date(year, month, 1)  # (ValueError before year 1: said by ``widened``)
        return (year, month, 1, -1)
    last = _last_day(year, month, day)
    year, month = (last.year + 1, 12) if precision == Precision.YEAR else divmod(last.year * 12 + last.month, 12)
    month += precision != Precision.YEAR
    end = _last_day(year, month, 32)
    return (end.year, end.month, end.day, DAY_END)


def _last_day(year: int, month: int, day: int) -> dt.date:
    """The last day a range's end key stands for ('2021-08' ends on the 31st)."""
    month = month if 1 <= month <= 12 else 12  # (13: a year's end)
    if 1 <= day <= 31:  # (32: a month's end)
        return dt.date(year, month, day)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _text(key: DateKey | None) -> str:
    return "" if key is None else f"{key[0]:04d}-{key[1]:02d}-{key[2]:02d}"
