"""A searched date range and the events dated only approximately just outside it: ACLED's 'within a week
or so of this day' may be inside the range, so they are counted in a hint, with the wider range that
includes them, never silently left out nor silently let in. So are 'around June 2017' within a month
of it and 'around 2016' within a year: the margins ``validate`` allows an approximate date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .bounds import bound
from .date_keys import days_in_month, first_day, iso_date, last_day, moved
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
    if precision == Precision.DAY:
        start, end = _moved(dates.start, -MARGIN), _moved(dates.end, MARGIN)
    else:
        start, end = _calendar(dates.start, -1, precision), _calendar(dates.end, 1, precision)
    if start is None and end is None:
        return None
    return replace(query, dates=[DateRange(start, end, f"{_text(start)}..{_text(end)}")])


def approximate_day(when: When) -> bool:
    """A date of a day known only approximately. Not an approximate clock time ('around 16:00, 15
    January'): its day is known, its margin an hour (the hint named the raid's times as perhaps a week
    off, found by a review)."""
    return when.approximate and when.precision == Precision.DAY


def approximate_at(when: When) -> Precision | None:
    """The precision of a date known only approximately, if it has a margin here (not a clock time's, nor a
    bound's: 'before 15 January 2018' may be any time before it, not within a week of the 14th)."""
    if not when.approximate or when.precision not in MARGINS or bound(when) is not None:
        return None
    return when.precision


def hint(count: int, query: Query, wider: Query, precision: Precision = Precision.DAY, kinds: str = "") -> str:
    """``kinds``: what the count holds, where not events alone (' (1 event, 1 quote)')."""
    return (
        f"{count:,}{kinds} dated only approximately to {MARGINS[precision][1]} of {query.dates[0].text}, not included: "
        f"date:{wider.dates[0].text} includes {'it' if count == 1 else 'them'}"
    )


def _moved(key: DateKey | None, by: dt.timedelta) -> DateKey | None:
    """The day ``by`` before a start key's first day, or after an end key's last, in any year (``date_keys``)."""
    if key is None:
        return None
    if by < dt.timedelta(0):
        return (*moved(first_day(key), by.days), -1)
    return (*moved(last_day(key), by.days), DAY_END)


def _calendar(key: DateKey | None, step: int, precision: Precision) -> DateKey | None:
    """The first day of the month (or year) before ``key``'s, or the last of the one after (``step``)."""
    if key is None:
        return None
    if step < 0:
        year, month, _ = first_day(key)
        year, month = (year - 1, 1) if precision == Precision.YEAR else divmod(year * 12 + month - 2, 12)
        return (year, month + (precision != Precision.YEAR), 1, -1)
    year, month, _ = last_day(key)
    year, month = (year + 1, 12) if precision == Precision.YEAR else divmod(year * 12 + month, 12)
    month += precision != Precision.YEAR
    return (year, month, days_in_month(year, month), DAY_END)


def _text(key: DateKey | None) -> str:
    """As ``date:`` reads it: ISO 8601's years, 0 for 1 BCE and -0460 for 461 BCE, as the range holds them."""
    if key is None:
        return ""
    return iso_date(key[:3])
