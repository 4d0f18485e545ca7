"""date_keys counts days in any year: the calendar module's own answer where it has one, the Gregorian rule
(continued back through year 0, which is 1 BCE) where it has none."""

from __future__ import annotations

from calendar import monthrange

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.date_keys import days_in_month


@given(st.integers(1, 9999), st.integers(1, 12))
def test_days_in_a_month_are_the_calendar_s(year: int, month: int) -> None:
    assert days_in_month(year, month) == monthrange(year, month)[1]


@given(st.integers(-10_000, 20_000))
def test_february_follows_the_gregorian_rule_in_any_year(year: int) -> None:
    # (the sheets said 31 for every month outside years 1 to 9999)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    assert days_in_month(year, 2) == (29 if leap else 28)
    assert days_in_month(year, 4) == 30 and days_in_month(year, 12) == 31
