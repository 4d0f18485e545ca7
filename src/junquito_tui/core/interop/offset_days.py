"""Counting an offset from a date: the period 'three days after 30 December 2017' or 'the year after
1990' falls in, at the named date's own precision (``sheet_offsets`` finds the offset in the text).

The named date's first and last days are moved (its first by the offset's low end, its last by its
high end) and each is cut back to the named date's precision, so a month moved by days may reach the
next month and both are held. Months and years keep the day where the month has it, and where it does
not ('29 February 2016' one year on) the period runs to the day after (28 February or 1 March 2017).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..date_keys import days_in_month
from .sheet_date_values import Parts

UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}  # units counted in days; 'month' and 'year' by the calendar


def shifted(parts: Parts, low: int, high: int, unit: str) -> tuple[Parts, Parts | None] | None:
    """The period the named date (``parts``: a year, a month or a day) moved by ``low`` to ``high`` of
    ``unit`` falls in: its start and its end (None where both are one). None where it cannot be counted:
    a day the month does not have ('29 February 2019'), or a year the calendar does not hold, but by
    whole years ('10 years after 218 BC')."""
    if not set(parts) <= {"year", "month", "day"}:
        return None
    year = parts["year"]
    if set(parts) == {"year"} and unit == "year":
        start, end = ({"year": _years_on(year, amount)} for amount in (low, high))
        return start, (end if end != start else None)
    first_month, last_month = (parts["month"], parts["month"]) if "month" in parts else (1, 12)
    try:
        first = date(year, first_month, parts.get("day", 1))
        last = date(year, last_month, parts.get("day", days_in_month(year, last_month)))
        # (only a day given may land on one its month lacks: a month's last day stands for the month)
        start_day, end_day = _moved(first, low, unit), _moved(last, high, unit, end="day" in parts)
    except (OverflowError, ValueError):  # a day the month does not have; beyond the years the calendar holds
        return None
    start, end = _cut(start_day, parts), _cut(end_day, parts)
    return start, (end if end != start else None)


def next_unit(parts: Parts, side: int, unit: str) -> tuple[int, int, str]:
    """How far 'the <unit> after' (``side`` 1; -1: before) the named date runs, and in what unit: the next
    one where the date is given to that unit ('the year after 1990': 1991; 'the day after'); the week
    after a day, within the 13 days after it; else from the date itself to two units on ('the month
    after 15 May 2018': May to July)."""
    given = "day" if "day" in parts else "month" if "month" in parts else "year"
    if given == unit:  # ('the day after', 'the month after May', 'the year after 1990')
        return side, side, unit
    if unit in UNIT_DAYS and given == "day":
        days = 2 * UNIT_DAYS[unit] - 1
        return (1, days, "day") if side > 0 else (-days, -1, "day")
    return (0, 2, unit) if side > 0 else (-2, 0, unit)


def _years_on(year: int, amount: int) -> int:
    """``year`` (as TimelineJS counts: -1 is 1 BCE, no year 0) and ``amount`` years on."""
    moved = (year if year > 0 else year + 1) + amount  # (as astronomers count: 0 is 1 BCE)
    return moved if moved > 0 else moved - 1


def _moved(day: date, amount: int, unit: str, *, end: bool = False) -> date:
    """``day`` moved; where the month it lands in has no such day, its last day (``end``: the day after,
    '29 February 2016' a year on may be 28 February or 1 March 2017)."""
    if unit in UNIT_DAYS:
        return day + timedelta(days=amount * UNIT_DAYS[unit])
    months = day.month - 1 + amount * (12 if unit == "year" else 1)
    year, month = day.year + months // 12, months % 12 + 1
    if day.day > (last := days_in_month(year, month)):
        return date(year, month, last) + timedelta(days=1 if end else 0)
    return date(year, month, day.day)


def _cut(day: date, parts: Parts) -> Parts:
    if "day" in parts:
        return {"year": day.year, "month": day.month, "day": day.day}
    if "month" in parts:
        return {"year": day.year, "month": day.month}
    return {"year": day.year}
