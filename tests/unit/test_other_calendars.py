"""Dates of the Solar Hijri calendar (Iran, Afghanistan) and of the Thai Buddhist era, whose years were read
as Gregorian years ('۱۳۷۸/۰۸/۰۶' was 6 August 1378, exact; '2561 BE' the year 2561). The oracle for the Solar
Hijri days is another library than the one the reader converts with: ``jdatetime``."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from date_periods import period_of
from junquito_tui.core.interop import other_calendars
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2031, 3, 20)), st.sampled_from(["day", "month", "year"]))  # (to 1410)
def test_a_solar_hijri_date_in_persian_digits_holds_its_gregorian_days(day: dt.date, kind: str) -> None:
    jalali = jdatetime.date.fromgregorian(date=day)
    written = {
        "day": f"{jalali.year}/{jalali.month:02d}/{jalali.day:02d}",
        "month": f"{jalali.year}/{jalali.month:02d}",
    }
    text = written.get(kind, str(jalali.year)).translate(_PERSIAN)
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.approximate and other_calendars.SAID in parsed.said, text
    first, last = period_of(parsed)
    # (the two libraries' calendars may differ by a day around a new year: the reading is approximate)
    assert first - dt.timedelta(days=1) <= day <= last + dt.timedelta(days=1), (text, day, first, last)
    if kind == "day":
        assert first == last
    if kind == "month":  # its own month, no wider than the two Gregorian months it spans
        assert (last - first).days <= 62


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1378 SH", dt.date(1999, 3, 1), dt.date(2000, 3, 31)),
        ("6 Aban 1378", dt.date(1999, 10, 28), dt.date(1999, 10, 28)),
        ("Dey 1396", dt.date(2017, 12, 1), dt.date(2018, 1, 31)),
        ("2561 BE", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
        ("พ.ศ. 2561", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
        ("พ.ศ. 2470", dt.date(1927, 4, 1), dt.date(1928, 3, 31)),  # (the Thai year began on 1 April to 1940)
    ],
)
def test_a_marked_date_of_another_calendar_is_read_in_the_gregorian(text: str, first: dt.date, last: dt.date) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and period_of(parsed) == (first, last) and parsed.approximate


def test_a_day_whose_year_may_be_the_buddhist_eras_is_said() -> None:
    parsed = read_date("16/5/2563")
    assert isinstance(parsed, Parsed) and other_calendars.MAY_BE_BUDDHIST in parsed.said
    assert parsed.note is not None and "2563 BE is 2020" in parsed.note


@pytest.mark.parametrize("text", ["2018", "Bahman 2018", "2018 BE", "1378", "15 January 2018", "۲۰۱۸/۰۱/۱۵"])
def test_a_gregorian_year_stays_one(text: str) -> None:
    # ('۱۴۵۳/۰۵/۲۹' was the Gregorian 1453: a year in Persian digits the Islamic calendar may mean gives no date now)
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts["year"] in (2018, 1378)
    assert other_calendars.SAID not in parsed.said


@pytest.mark.parametrize(
    "text",
    ["1396-1397 SH", "c. 1396–97 SH", "1397 SH - 2019", "Dey 1397 - Bahman 1397", "25-28 Dey 1397", "before 1397 SH"],
)
def test_a_solar_hijri_date_in_a_form_not_converted_gives_no_date(text: str) -> None:
    found = read_date(text)  # before (a re-trial): the Gregorian years 1396 to 1397, or 1397, 621 years off, unsaid
    assert isinstance(found, str) and found.startswith("a date of the Solar Hijri calendar in a form not read here")


@pytest.mark.parametrize("text", ["١٣٩٧", "١٣٩٧/١٠/٢٥", "c. ١٣٩٧"])
def test_a_year_in_arabic_digits_another_calendar_may_mean_gives_no_date(text: str) -> None:
    found = read_date(text)  # before (a re-trial): the Gregorian 1397, exact, unsaid
    assert isinstance(found, str) and "the Islamic or the Solar Hijri calendar may mean" in found


def test_arabic_digits_of_a_gregorian_year_and_marked_calendars_are_read() -> None:
    gregorian, islamic = read_date("٢٠١٨/٠١/١٥"), read_date("١٤٣٨ هـ")
    assert isinstance(gregorian, Parsed) and gregorian.parts == {"year": 2018, "month": 1, "day": 15}
    assert isinstance(islamic, Parsed) and islamic.parts["year"] == 2016


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2560-2561 BE", (2017, 1), (2018, 12)),
        ("2560 BE - 2561 BE", (2017, 1), (2018, 12)),
        ("2470-2471 BE", (1927, 4), (1929, 3)),
    ],
)
def test_a_range_of_buddhist_years_is_both(text: str, first: tuple[int, int], last: tuple[int, int]) -> None:
    found = read_date(text)  # before (a re-trial): 2018 alone, 'the cell's other words are not read'
    assert isinstance(found, Parsed) and found.approximate and found.end is not None
    assert (found.parts["year"], found.parts["month"]) == first and (found.end["year"], found.end["month"]) == last


@pytest.mark.parametrize("text", ["1438 ق", "۱۴۳۸ ق", "۱۴۳۸", "۱۴۱۱/۰۱/۰۱", "۱۴۵۳/۰۵/۲۹"])
def test_an_islamic_year_as_iran_writes_it_gives_no_date(text: str) -> None:
    found = read_date(text)  # (a re-trial: the Gregorian 1438, 1411, 1453, exact, unsaid)
    assert isinstance(found, str) and "no date is read from it" in found


@pytest.mark.parametrize("text", ["2560-61 BE", "BE 2560-2561", "2560/61 BE", "พ.ศ. 2560-2561"])
def test_a_range_of_buddhist_years_in_other_forms_is_both(text: str) -> None:
    found = read_date(text)  # (a re-trial: the Gregorian 2560 to 2561, or 2017 alone)
    assert isinstance(found, Parsed) and found.end is not None
    assert (found.parts["year"], found.end["year"]) == (2017, 2018)
