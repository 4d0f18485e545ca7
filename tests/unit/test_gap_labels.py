"""The words between two timeline headings: never a distance finer than the two dates know."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.dates import gap


def _months_on(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def whole_months(earlier: dt.date, later: dt.date) -> int:
    """The oracle: the most months that can be added to ``earlier`` (a day past a month's end is
    its end) without passing ``later``, counted one by one."""
    count = 0
    while _months_on(earlier, count + 1) <= later:
        count += 1
    return count


@given(st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)), st.integers(0, 3000))
def test_between_two_days_it_is_the_time_that_passed(earlier: dt.date, days: int) -> None:
    later = earlier + dt.timedelta(days=days)
    label = gap((earlier.year, earlier.month, earlier.day), (later.year, later.month, later.day))
    if days == 0:
        assert label == ""
        return
    if (years := re.fullmatch(r"(\d+) years (\d+) months? later", label)) is not None:  # '2 years 11 months later'
        assert (int(years.group(1)), int(years.group(2))) == divmod(whole_months(earlier, later), 12)
        assert int(years.group(1)) >= 2 and int(years.group(2)) >= 1
        return
    count, unit, rest = label.split(" ")
    assert rest == "later" and int(count) >= 1 and unit.rstrip("s") in {"day", "week", "month", "year"}
    if unit.startswith("day"):
        assert int(count) == days < 14
    elif unit.startswith("week"):
        assert int(count) == days // 7 and 14 <= days < 61
    elif unit.startswith("month"):
        assert int(count) == whole_months(earlier, later) < 24 and days >= 61
    else:  # whole years, no month over
        assert divmod(whole_months(earlier, later), 12) == (int(count), 0) and int(count) >= 2


@pytest.mark.parametrize(
    ("earlier", "later", "label"),
    [
        ((2017,), (2018, 1, 1), "the next year"),  # a day, or nearly two years: was '1 year later'
        ((2017, 11), (2018,), "the next year"),
        ((2016,), (2018, 5, 1), "about 2 years later"),
        ((2018, 3), (2018, 5, 1), "about 2 months later"),  # a day to three months
        ((2017, 11), (2018, 12), "about 13 months later"),
        ((2017, 11), (2017, 12, 24), "the next month"),
        ((2018, 1, 31), (2018, 3, 1), "4 weeks later"),
        ((2018, 1, 31), (2018, 4, 30), "3 months later"),  # was '3 months' by month numbers only by luck
        ((2018, 1, 31), (2018, 4, 2), "2 months later"),  # month numbers said 3
        ((2015, 12, 31), (2017, 1, 1), "12 months later"),  # year numbers said 2 years
        ((-44, 3, 15), (-43, 6, 1), "14 months later"),  # as for any two days (was 'about 15 months')
    ],
)
def test_a_coarse_heading_gives_calendar_words(earlier: tuple[int, ...], later: tuple[int, ...], label: str) -> None:
    assert gap(earlier, later) == label


@given(
    st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)),
    st.integers(0, 3000),
    st.sampled_from([-4000, -2400, -400, 8000]),
)
def test_bce_and_far_future_days_are_as_far_apart_as_the_same_days_400_years_on(
    earlier: dt.date, days: int, shift: int
) -> None:
    """The Gregorian calendar repeats every 400 years: the words between two days do too. A BCE day
    (astronomical year -44 is 45 BCE) had no words before, 'year -44 is out of range' with the later
    one first."""
    later = earlier + dt.timedelta(days=days)
    first, second = (earlier.year, earlier.month, earlier.day), (later.year, later.month, later.day)
    moved = [(year + shift, month, day) for year, month, day in (first, second)]
    assert gap(*moved) == gap(first, second)
    assert gap(moved[1], moved[0]) == gap(second, first)  # later first: no words, and no error
