"""A date range's keys ((year, month, day, minute): ``When.sort_key`` and ``end_key``) as the days they stand
for, in any year: the calendar module and ``datetime`` hold years 1 to 9999 only, and a chronology may go
back to 460 BCE (an approximate year near 1 BCE lost its hint: a review)."""

from __future__ import annotations

from .axis_scale import civil_from_days, days_from_civil
from .query import DateKey
from .records import DAY_END


def iso_date(parts: tuple[int, ...] | list[int]) -> str:
    """(year[, month[, day]]) as a date's text: '2018-01-15', '2017-06', '-0460' (461 BCE: ISO 8601's years)."""
    year, *rest = parts[:3]
    return "-".join([f"{year:04d}" if year >= 0 else f"-{-year:04d}", *(f"{part:02d}" for part in rest)])


def days_in_month(year: int, month: int) -> int:
    """Proleptic Gregorian, any year (year 0 is 1 BCE, a leap year)."""
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return days_from_civil(*following, 1) - days_from_civil(year, month, 1)


def first_day(key: DateKey) -> tuple[int, int, int]:
    """The first day a start key stands for ('2019': 1 January 2019)."""
    year, month, day, _ = key
    return year, max(month, 1), max(day, 1)


def last_day(key: DateKey) -> tuple[int, int, int]:
    """The last day an end key stands for ('2021-08': 31 August; a year's end is month 13, a month's day 32)."""
    year, month, day, _ = key
    month = month if 1 <= month <= 12 else 12
    return year, month, day if 1 <= day <= 31 else days_in_month(year, month)


def moved(day: tuple[int, int, int], days: int) -> tuple[int, int, int]:
    return civil_from_days(days_from_civil(*day) + days)


def earliest(key: DateKey) -> DateKey:
    """The smallest key of the instant a range's start stands for: '2019-01' and '2019-01-01' start when '2019'
    does, so the year 2019 lies within 2019-01..2019-12 (it was said only to overlap it: a review)."""
    year, month, day, minute = key
    if minute == -1 and day <= 1:
        return (year, 0 if month <= 1 else month, 0, -1)
    return key


def latest(key: DateKey) -> DateKey:
    """The largest key of the instant a range's end stands for: '2019-12' and '2019-12-31' end when '2019' does."""
    year, month, day, minute = key
    if minute == DAY_END and 1 <= month <= 12 and (day == 32 or day == days_in_month(year, month)):
        return (year, 13 if month == 12 else month, 32, DAY_END)
    return key
