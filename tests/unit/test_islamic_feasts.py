"""Feasts of the Islamic calendar with a Gregorian year: 'Ramadan 2017' is May to June 2017 (it was the whole
year, which was false where Ramadan runs into the next: 'Ramadan 1999' ended in January 2000). Only the
months are read: the days follow the sighting of the moon. The oracle is another calendar than the one the
reader counts with: Umm al-Qura's (Saudi Arabia's official calendar, from ``hijridate``), and its days two
later, as countries that sight the moon themselves may keep them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hijridate import Hijri
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop import islamic_feasts
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date

# a name -> (Islamic month, first day, last day)
FEASTS = {
    "Ramadan": (9, 1, 29),  # (29 days at least: the 30th may be the first of the tenth month)
    # the months ('Rajab 2018' was the year 2018), to their 28th: Umm al-Qura's table has a month of 28 days (1349 AH)
    "Muharram": (1, 1, 28),
    "Rabi al-Awwal": (3, 1, 28),
    "Jumada al-Akhirah": (6, 1, 28),
    "Rajab": (7, 1, 28),
    "Shawwal": (10, 1, 28),
    "15 Shawwal": (10, 15, 15),  # (a day of one: the month read, which holds it)
    "Dhu al-Hijjah": (12, 1, 28),
    "Eid al-Fitr": (10, 1, 3),
    "Eid al-Adha": (12, 10, 13),
    "Ashura": (1, 10, 10),
}
LOCAL_LAG = 2  # days after Umm al-Qura's a country sighting the moon itself may begin a month


def _kept(year: int, name: str, slack: int = 0) -> list[dt.date]:
    """Every day of the feast in Umm al-Qura's calendar, and two days later, whose occurrence touches ``year``
    (or comes within ``slack`` days of it)."""
    month, first, last = FEASTS[name]
    days: list[dt.date] = []
    for hijri in range(1343, 1501):
        try:
            gregorian = [Hijri(hijri, month, day).to_gregorian() for day in range(first, last + 1)]
        except (ValueError, OverflowError):  # (past the calendar's table)
            continue
        kept = [dt.date(day.year, day.month, day.day) for day in gregorian]
        lagged = [day + dt.timedelta(days=LOCAL_LAG) for day in kept]
        touched = dt.date(year, 1, 1) - dt.timedelta(days=slack), dt.date(year, 12, 31) + dt.timedelta(days=slack)
        if any(touched[0] <= day <= touched[1] for day in kept + lagged):
            days += kept + lagged
    return days


def _months(parsed: Parsed) -> tuple[tuple[int, int], tuple[int, int]]:
    end = parsed.end or parsed.parts
    return (parsed.parts["year"], parsed.parts.get("month", 1)), (end["year"], end.get("month", 12))


@settings(max_examples=150, deadline=None)
@given(st.integers(1926, 2075), st.sampled_from(sorted(FEASTS)))
@example(1997, "Ramadan")  # (two Ramadans: January, and from 31 December)
@example(1999, "Ramadan")  # (into January 2000)
@example(2000, "Eid al-Fitr")  # (two: January and December)
def test_every_day_the_feast_is_kept_is_in_the_months_read(year: int, name: str) -> None:
    parsed = read_date(f"{name} {year}")
    assert isinstance(parsed, Parsed) and parsed.approximate and "day" not in parsed.parts
    (first, last), kept = _months(parsed), _kept(year, name)
    assert kept, "the oracle has the feast in every year it covers"
    assert all(first <= (day.year, day.month) <= last for day in kept), (parsed, min(kept), max(kept))
    # and no wider than a month either side of the days that may be kept (its months, not its year): an
    # occurrence a few days from the year may be in it, by a sighting a few days before Umm al-Qura's
    month = name.split(" ", 1)[1] if name[0].isdigit() else name  # (a day's month is read: its days, for this)
    near = _kept(year, month, slack=2 * islamic_feasts.SIGHTING_DAYS)
    assert (min(near) - dt.timedelta(days=31)).timetuple()[:2] <= first
    assert last <= (max(near) + dt.timedelta(days=31)).timetuple()[:2]


@settings(max_examples=100, deadline=None)
@given(st.integers(1926, 2075), st.sampled_from(sorted(FEASTS)), st.sampled_from(["during {} {}", "{} {}?"]))
@example(1999, "Ramadan", "during {} {}")
@example(2000, "Eid al-Fitr", "{} {}?")
def test_among_words_or_in_doubt_its_years_hold_every_day_kept(year: int, name: str, form: str) -> None:
    parsed = read_date(form.format(name, year))
    assert isinstance(parsed, Parsed)
    first, last = parsed.parts["year"], (parsed.end or parsed.parts)["year"]
    assert all(first <= day.year <= last for day in _kept(year, name))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Ramadan 2017", (2017, 5), (2017, 6)),
        ("el Ramadán de 2019", (2019, 5), (2019, 6)),
        ("Ramadan 1997", (1997, 1), (1998, 2)),  # twice in 1997
        ("Ramadan 1999", (1998, 12), (2000, 1)),
        ("Eid ul-Fitr 2017", (2017, 6), (2017, 7)),
        ("Aïd el-Kébir 2016", (2016, 9), (2016, 9)),
        ("Tabaski 2018", (2018, 8), (2018, 8)),
        ("Kurban Bayramı 2018", (2018, 8), (2018, 8)),
        ("around Ramadan 2017", (2017, 5), (2017, 7)),  # two weeks either side
    ],
)
def test_an_islamic_feast_is_read_by_its_months(text: str, start: tuple[int, int], end: tuple[int, int]) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and _months(parsed) == (start, end)
    assert parsed.note is not None and "only the months are read" in parsed.note


def test_the_note_gives_the_tabular_days_and_says_a_year_holds_two() -> None:
    parsed = read_date("Ramadan 1997")
    assert isinstance(parsed, Parsed) and parsed.note is not None
    assert "10 January to 8 February 1997 and 31 December 1997 to 29 January 1998" in parsed.note
    assert "1997 holds it twice" in parsed.note


def test_before_1753_the_julian_calendars_numbers_are_held_too() -> None:
    # 1 Ramadan 1008 AH: 16 March 1600 (Gregorian) is 6 March in the Julian calendar, which England kept
    ((first, _),) = islamic_feasts.days("the Islamic calendar's ninth month", 1600, margin=0)
    assert first == (1600, 3, 6)
    parsed = read_date("Ramadan 1600")
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 1600, "month": 3}
    assert parsed.note is not None and "Julian" in parsed.note


def test_a_feast_of_a_year_before_the_first_ramadan_is_no_feast() -> None:
    assert islamic_feasts.days("the Islamic calendar's ninth month", 622) == []
    assert islamic_feasts.reach("Ramadan 622", 622) == (0, 0)


@pytest.mark.parametrize("text", ["Eid 2017", "Ramadan Street bombing 2017", "Eid Mubarak 2017"])
def test_no_feast_named_whole_keeps_its_year(text: str) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 2017} and parsed.end is None


def test_reading_a_sheet_does_not_import_the_calendar() -> None:
    """The fast reading of an ACLED export starts two processes that never meet such a feast: 15 ms each."""
    code = "import sys, junquito_tui.core.interop.sheet_dates; print('convertdate' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    "text",
    [
        "Ramadan 1438", "Eid al-Adha 1444", "Ashura 1300", "Tabaski 1500",
        # (a review: each was the Gregorian year, noted as nothing but the cell, unsaid)
        "15 Ramadan 1438", "Rajab 1439", "1 Muharram 1439", "Safar 1440", "10 Dhu al-Hijjah 1438", "Shawwal 1438",
        "12 Rabi al-Awwal 1439",
    ],
)  # fmt: skip
def test_a_year_that_may_be_the_islamic_calendars_is_said_and_no_month_claimed(text: str) -> None:
    # 'Ramadan 1438' is as often 1438 AH (2017) as the Gregorian 1438: it was February to April 1438, confidently
    parsed = read_date(text)
    year = int(text.rsplit(" ", 1)[1])
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": year} and parsed.end is None
    assert parsed.note is not None and f"{year} may be a year of the Islamic calendar ({year} AH is" in parsed.note
    assert islamic_feasts.HIJRI_SAID in parsed.said  # (warned, not only noted)


@pytest.mark.parametrize("text", ["15 Christmas 2017", "3 Eid al-Fitr 2017", "Recep Tayyip 2018"])
def test_a_day_before_a_feast_or_a_name_like_a_month_keeps_its_year(text: str) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": int(text[-4:])} and parsed.end is None


def test_before_1753_an_occurrence_the_julian_calendar_numbers_in_the_year_is_held() -> None:
    # Ramadan 1115 AH began on 8 January 1704 (Gregorian), 28 December 1703 as England numbered it
    parsed = read_date("Ramadan 1703")
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 1703, "month": 1}
    assert parsed.end == {"year": 1704, "month": 2}  # (it ended in January 1703, missing the second)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1438 AH", (2016, 9), (2017, 9)),  # (tabular: 3 October 2016 to 21 September 2017, three days either side)
        ("1438 A.H.", (2016, 9), (2017, 9)),
        ("AH 1438", (2016, 9), (2017, 9)),
        ("1438 هـ", (2016, 9), (2017, 9)),
        ("Ramadan 1438 AH", (2017, 5), (2017, 6)),
        ("Eid al-Adha 1444 AH", (2023, 6), (2023, 7)),
    ],
)
def test_a_date_in_the_islamic_calendar_is_read_by_its_gregorian_months(
    text: str, start: tuple[int, int], end: tuple[int, int]
) -> None:
    # before: '1438 AH' was the year 1438
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and _months(parsed) == (start, end)
    assert parsed.approximate and parsed.end_approximate  # (its end too: it was shown as exact)
    assert parsed.note is not None and "by the tabular Islamic calendar" in parsed.note


@settings(max_examples=80, deadline=None)
@given(st.integers(1344, 1499))
def test_every_day_of_an_islamic_year_is_in_the_months_read(year: int) -> None:
    """Umm al-Qura's first and last days of the year, and two days later, inside the months read."""
    parsed = read_date(f"{year} AH")
    assert isinstance(parsed, Parsed)
    first, last = _months(parsed)
    new_year = Hijri(year, 1, 1).to_gregorian()
    next_year = Hijri(year + 1, 1, 1).to_gregorian()
    days = [dt.date(new_year.year, new_year.month, new_year.day)]
    days.append(dt.date(next_year.year, next_year.month, next_year.day) - dt.timedelta(days=1))
    days += [day + dt.timedelta(days=LOCAL_LAG) for day in days]
    assert all(first <= (day.year, day.month) <= last for day in days), (parsed, days)


@pytest.mark.parametrize("text", ["1438 H", "1800 h", "Utah 1999", "1438"])
def test_no_islamic_year_without_its_mark(text: str) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts["year"] in (1438, 1800, 1999)


def _year_days(year: int) -> list[dt.date]:
    """Umm al-Qura's first and last days of the Islamic ``year``, and each two days later."""
    new_year, next_year = Hijri(year, 1, 1).to_gregorian(), Hijri(year + 1, 1, 1).to_gregorian()
    days = [dt.date(new_year.year, new_year.month, new_year.day)]
    days.append(dt.date(next_year.year, next_year.month, next_year.day) - dt.timedelta(days=1))
    return days + [day + dt.timedelta(days=LOCAL_LAG) for day in days]


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1344, 1497),
    st.integers(0, 2),
    st.sampled_from(["Battle, {}", "spring {}", "{}, Muharram 5", "Eid {} (Mosul)", "{} AH – {} AH", "{}-{} AH"]),
)
@example(1438, 2, "{}-{} AH")
def test_an_islamic_year_among_other_words_holds_every_day_of_it(year: int, more: int, form: str) -> None:
    # before: 'Battle, 1438 AH' was the Gregorian year 1438, unsaid
    last = year + more
    text = form.format(year, last) if form.count("{}") == 2 else form.format(f"{year} AH")  # (a range, or one year)
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.end_approximate
    first, end = _months(parsed)
    days = _year_days(year) + (_year_days(last) if form.count("{}") == 2 else [])
    assert all(first <= (day.year, day.month) <= end for day in days), (text, parsed, days)
    assert parsed.note is not None and "by the tabular Islamic calendar" in parsed.note


@pytest.mark.parametrize(
    ("text", "years", "other_words"),
    [
        ("Battle, 1438 AH", (2016, 2017), True),
        ("Battle of AH 1438", (2016, 2017), True),
        ("1438-40 AH", (2016, 2019), False),  # (the end's digits alone: 1440)
        ("1438 AH - 1439 AH", (2016, 2018), False),
    ],
)
def test_the_years_of_an_islamic_date_among_words_are_said(
    text: str, years: tuple[int, int], other_words: bool
) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.end is not None
    assert (parsed.parts["year"], parsed.end["year"]) == years
    assert parsed.note is not None and ("other words are not read" in parsed.note) is other_words


def test_a_bound_before_an_islamic_year_is_said() -> None:
    parsed = read_date("before 1438 AH")
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 2016, "month": 9}
    assert any("given as 'before ...'" in said for said in parsed.said)


@pytest.mark.parametrize("text", ["blah ah 1438", "Utah 1438", "1438 Ahmed"])
def test_ah_as_a_word_or_inside_one_is_no_islamic_year(text: str) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts["year"] == 1438
