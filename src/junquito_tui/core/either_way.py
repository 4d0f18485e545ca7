"""Days whose day and month could be either way round: a spreadsheet's '03/02/2018', read in the order the
file's other dates show or an order assumed, as its note says. A date search names those it would find
read the other way: '03/02/2018' read as 2 March was not found by date:2018-02-03, unsaid (a user trial)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from .query import DateRange
from .records import Precision, When

# The note the spreadsheet reader gives such a day (``sheet_when.SheetDates.note``)
EITHER_WAY = "could be day/month or month/day"


def swapped(when: When | None) -> tuple[int, int, int] | None:
    """The day read the other way round, for a day whose note says it could be either; None for any other
    (or one that reads the same, or cannot be read the other way: '13/02')."""
    own = _note(when).replace(f"its end {EITHER_WAY}", "")  # (a day whose end alone could be either is not one)
    if when is None or when.precision not in _DAYS or EITHER_WAY not in own:
        return None  # (a day, or a time of one: '05/02/2018 10:00')
    # 'before 03/02/2018' read as 2 February: the day written is the one after it, and the other reading's
    # the day before that one read the other way (1 March, not 2 February's 2 February)
    step = -1 if DAY_BEFORE in own else 1 if DAY_AFTER in own else 0
    written = _moved(when.parts()[:3], -step)
    if written is None or not (written[2] <= 12 and written[2] != written[1]):
        return None
    return _moved((written[0], written[2], written[1]), step)


# How a strict bound's note says its day was moved (``sheet_dates.beyond_read``)
DAY_BEFORE, DAY_AFTER = "the day before it", "the day after it"


def _moved(day: tuple[int, ...], step: int) -> tuple[int, int, int] | None:
    year, month, date = day
    if not step:
        return (year, month, date)
    try:
        moved = datetime.date(year, month, date) + datetime.timedelta(days=step)
    except (ValueError, OverflowError):  # (outside the years 1-9999: not read the other way)
        return None
    return (moved.year, moved.month, moved.day)


_DAYS = (Precision.DAY, Precision.MINUTE)

# How a note says the order was chosen where none of the file's dates shows it (``sheet_when``): then the
# day shown is an inference, marked wherever the date is ('2 Mar 2018 (or 3 Feb?)'). An order the file's
# other dates show, or one given with --columns order=, is not marked: the note still says how.
ASSUMED = "assumed: no date the file writes as text shows it"
MET_FIRST = "the order met first: the file's other dates show both orders as often"
MOST = "as most of the file's dates that show an order show it"


def assumed_other(when: When | None) -> tuple[int, int, int] | None:
    """The other reading of a day whose order of day and month is an assumption (``swapped``), or None."""
    day = swapped(when)
    return day if day is not None and _assumed(when) else None


def other_period(when: When, end: When) -> tuple[int, int] | None:
    """A period's first and last ``day_key`` with its start, its end or both read the other way round (each
    by its own note: an end read in its start's cell's order says so too); None where neither could be, or
    where that reading would run backwards, which no file means."""
    first, last = swapped(when), swapped(end)
    if first is None and last is None:
        return None
    start = day_key(first) if first is not None else _bound(when.parts(), 0, 0)
    finish = day_key(last) if last is not None else _bound(end.parts(), 13, 32)
    return (start, finish) if start <= finish else None


def _bound(parts: tuple[int, ...], month: int, day: int) -> int:
    """A date of a month or a year as the day key before its first day (0s) or after its last (13, 32)."""
    year, *rest = parts[:3]
    return day_key((year, rest[0] if rest else month, rest[1] if len(rest) > 1 else day))


def _assumed(when: When | None) -> bool:
    return any(how in _note(when) for how in (ASSUMED, MET_FIRST, MOST))


def _note(when: When | None) -> str:
    return (when.note or "") if when is not None else ""


def day_key(day: tuple[int, int, int]) -> int:
    """A day as one number in the order of days (BCE years too): for a sorted list searched by bisection."""
    year, month, date = day
    return year * 10_000 + month * 100 + date


def bounds(dates: DateRange) -> tuple[int | None, int | None]:
    """The first and last day numbers a day must lie between to overlap the range (None: open)."""
    first = day_key(dates.start[:3]) if dates.start is not None else None  # (month, day 0: from its start)
    last = day_key(dates.end[:3]) if dates.end is not None else None  # (13, 32: to its end)
    return first, last


def hint(count: int, dates: DateRange) -> str:
    many = "1 date whose day and month could be" if count == 1 else f"{count:,} dates whose day and month could be"
    return (
        f"{many} either way round would fall in {dates.text} read the other way, not included: "
        "each one's note says how its order was chosen"
    )


# The note the spreadsheet reader gives a year and two digits read as ISO's year-month ('1810-11': November
# 1810, or the years 1810-1811 as people write ranges; ``sheet_dates._iso``). A date search names those it
# would find read as years: date:1811 found nothing, unsaid (a date trial).
_COULD_BE_YEARS = re.compile(r"could also be the years (\d+)–(\d+)")


def other_years(when: When | None) -> tuple[int, int] | None:
    """The first and last year a month could also be, where its note says so; None for any other date."""
    if when is None or when.precision != Precision.MONTH or (found := _COULD_BE_YEARS.search(_note(when))) is None:
        return None
    return int(found.group(1)), int(found.group(2))


def years_hint(count: int, dates: DateRange) -> str:
    many = "1 month" if count == 1 else f"{count:,} months"
    return (
        f"{many} written as a year and two digits ('1810-11') would fall in {dates.text} read as years, not "
        "included: each one's note says so"
    )


# The note the spreadsheet reader gives a full ISO date with a negative year (``sheet_dates._iso``): counted as
# ISO 8601 counts years ('-0044-03-15' is 45 BCE), where a negative year alone is read as TimelineJS counts it
# (44 BCE). A date search names those it would find counted so: date:44BCE left out the Ides, unsaid (a UI trial).
ISO_COUNT = "read as ISO 8601 counts years"


def count_hint(count: int, dates: DateRange) -> str:
    many = "1 date" if count == 1 else f"{count:,} dates"
    return (
        f"{many} written with a negative ISO year ('-0044-03-15', read as ISO 8601 counts years) would fall in "
        f"{dates.text} counted as TimelineJS counts them, not included: each one's note says so"
    )


# The notes the spreadsheet reader gives a year written with two digits, read as Excel reads them (00-29 the
# 2000s, 30-99 the 1900s: ``sheet_dates``, ``sheet_periods``). A date search names those it would find in the
# other century: date:1929 left out "Oct '29", read as 2029, unsaid (a date trial).
_TWO_DIGITS = re.compile(
    r"two-digit year '\d\d' (?:read )?as (\d{4})|apostrophe for its century, read as (\d{4})"
    r"|read as the (\d{4})s, as Excel reads two-digit years"
)


def two_digit_years(notes: str) -> bool:
    """Whether any of ``notes`` (a list's date notes, joined) says a year was written with two digits."""
    return _TWO_DIGITS.search(notes) is not None


def other_century(when: When | None) -> int | None:
    """The years to add to a date whose year was written with two digits to read it in the other century
    (-100 for 2000-2029, 100 for 1930-1999); None for any other date."""
    if (found := _TWO_DIGITS.search(_note(when))) is None:
        return None
    year = int(next(group for group in found.groups() if group))
    return -100 if year >= 2000 else 100


def century_hint(count: int, dates: DateRange) -> str:
    many = "1 date" if count == 1 else f"{count:,} dates"
    return (
        f"{many} written with a year of two digits (read as Excel reads them: 00-29 the 2000s, 30-99 the 1900s) "
        f"would fall in {dates.text} read in the other century, not included: each one's note says so"
    )


def other_readings(when: When | None, end: When | None) -> Iterator[tuple[str, int, int]]:
    """Each other reading a document's date has beside the order of day and month (``swapped``), as its kind
    (a key of ``OTHER_HINTS``) and the first and last ``day_key`` it would cover: a month that could be years
    ('1810-11'), or a period ending in one, from its start; a negative ISO year counted as TimelineJS counts
    years (a year later); a year of two digits in the other century (a period with it)."""
    if (years := other_years(when)) is not None:
        yield "years", day_key((years[0], 0, 0)), day_key((years[1], 13, 32))
    elif when is not None and (years := other_years(end)) is not None:
        year, month, day = (*when.parts()[:3], 0, 0)[:3]  # (a month's or a year's day 0: its start)
        yield "years", day_key((year, month, day)), day_key((years[1], 13, 32))
    if when is not None and ISO_COUNT in _note(when):
        year, month, day = (*when.parts()[:3], 0, 0)[:3]
        yield "count", day_key((year + 1, month, day)), day_key((year + 1, month or 13, day or 32))
    if when is not None and (step := other_century(when)) is not None:
        year, month, day = (*when.parts()[:3], 0, 0)[:3]
        last = (end or when).parts()[:3]  # (a month's last day: 32; a year's: 13, 32)
        last_month, last_day = (last[1] if len(last) > 1 else 13), (last[2] if len(last) > 2 else 32)
        yield "century", day_key((year + step, month, day)), day_key((last[0] + step, last_month, last_day))


# (in this order, each as the kinds' counts)
OTHER_HINTS = {"years": years_hint, "count": count_hint, "century": century_hint}
