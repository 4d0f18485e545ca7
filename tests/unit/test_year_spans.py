"""Periods named with a year that run outside it ('Winter 2018', 'FY2018', 'week 1 of 1991', '2020-W53'): each
was that year alone, false for its days in the next or the last year. The oracles: the calendar's own days
(``datetime.date.fromisocalendar``), and each convention's months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from date_periods import period_of
from junquito_tui.core.interop import year_spans
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date


@given(st.integers(1900, 2100), st.integers(1, 53), st.sampled_from(["{y}-W{w:02d}", "week {w} of {y}", "KW {w} {y}"]))
def test_every_day_of_a_numbered_week_is_held(year: int, week: int, form: str) -> None:
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:  # (no week 53 that year)
        return
    parsed = read_date(form.format(y=year, w=week))
    assert isinstance(parsed, Parsed)
    first, last = period_of(parsed)
    days = [monday + dt.timedelta(days=n) for n in range(7)]  # ISO's
    counted = dt.date(year, 1, 1) + dt.timedelta(days=7 * (week - 1))  # counted from 1 January
    days += [counted + dt.timedelta(days=n) for n in range(7)]
    # begun on Sunday, week 1 the one holding 1 January (a spreadsheet's WEEKNUM; a review: not always ISO's less a day)
    weeknum = dt.date(year, 1, 1) - dt.timedelta(days=dt.date(year, 1, 1).isoweekday() % 7)
    days += [weeknum + dt.timedelta(days=7 * (week - 1) + n) for n in range(7)]
    assert all(first <= day <= last for day in days), (form, year, week, first, last)
    if first.year != year or last.year != year:
        assert year_spans.SAID in parsed.said and parsed.approximate
    else:  # those days and no more: it was the whole year, unsaid (a user trial: '2018-W03' was '~2018')
        assert (first, last) == (min(days), max(days)) and parsed.approximate and year_spans.WEEK_SAID in parsed.said


@given(st.integers(1000, 9000), st.sampled_from(["Winter {}", "hiver {}", "invierno de {}", "austral summer {}"]))
def test_a_winter_holds_the_one_that_ends_and_the_one_that_begins_in_its_year(year: int, form: str) -> None:
    parsed = read_date(form.format(year))
    assert isinstance(parsed, Parsed) and parsed.approximate and year_spans.SAID in parsed.said
    # the northern winter that ends in the year (from 21 December before) and the one that begins in it (to
    # 20 March after); the southern summer alike
    first, last = period_of(parsed)
    assert first <= dt.date(year - 1, 12, 21) and last >= dt.date(year + 1, 3, 20)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # a company's fiscal 2018 named by the January it ends in (February 2017 to January 2018; a review) to
        # Japan's (April 2018 to March 2019)
        ("FY2018", dt.date(2017, 1, 1), dt.date(2019, 3, 31)),
        ("fiscal year 2018", dt.date(2017, 1, 1), dt.date(2019, 3, 31)),
        ("FY18", dt.date(2017, 1, 1), dt.date(2019, 3, 31)),
        ("2018年度", dt.date(2018, 1, 1), dt.date(2019, 3, 31)),
    ],
)
def test_a_fiscal_year_holds_every_countrys(text: str, first: dt.date, last: dt.date) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and period_of(parsed) == (first, last) and year_spans.SAID in parsed.said


@pytest.mark.parametrize("text", ["'18", "’18"])
def test_a_year_with_an_apostrophe_for_its_century_is_read_as_excel_reads_two_digits(text: str) -> None:
    # before (a review): the year 18 CE
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 2018} and parsed.said


@pytest.mark.parametrize(
    ("text", "year"), [("Oct '29", 2029), ("October ’18", 2018), ("Oct ‘05", 2005), ("Oct '45", 1945)]
)
def test_a_month_with_an_apostrophe_year_is_that_month(text: str, year: int) -> None:
    # before (a trial): "Oct '29" was skipped as a day and a month with no year
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": year, "month": 10} and parsed.said


@pytest.mark.parametrize("text", ["Oct 29", "‘15 Oct", "’15 Oct", "‘29 October", "'29 October"])
def test_a_month_and_a_day_are_still_no_year(text: str) -> None:
    # (a review: '‘15 Oct', as a word processor curls a typed quote, was read as October 2015)
    assert not isinstance(read_date(text), Parsed)


@pytest.mark.parametrize("text", ["Summer 2018", "Spring 2018", "Winter Olympics 2018"])
def test_a_period_its_year_holds_is_that_year(text: str) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts["year"] in (2018, 1991) and year_spans.SAID not in parsed.said
