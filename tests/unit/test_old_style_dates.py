"""Dates marked as the Julian calendar's (Old Style), read as their Gregorian days. Before, '25 October 1917
O.S.' was October 1917, approximate: the Gregorian 7 November fell outside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.dates import MONTHS
from junquito_tui.core.interop.old_style import SAID
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.loader import load_with_report

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
_CUMULATIVE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def julian_days(year: int, month: int) -> int:
    return 29 if month == 2 and year % 4 == 0 else (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def julian_ordinal(year: int, month: int, day: int) -> int:
    """Days counted in the Julian calendar (every fourth year a leap year), from any fixed origin."""
    leap = year % 4 == 0 and month > 2
    return 365 * (year - 1) + (year - 1) // 4 + _CUMULATIVE[month - 1] + leap + day


def oracle(year: int, month: int, day: int) -> dict[str, int]:
    """The Gregorian day of a Julian one, counted from the day the Gregorian calendar began: 5 October 1582
    (Julian) was 15 October 1582 (Gregorian). No calendar library: the reader converts with one."""
    found = dt.date.fromordinal(
        dt.date(1582, 10, 15).toordinal() + julian_ordinal(year, month, day) - julian_ordinal(1582, 10, 5)
    )
    return {"year": found.year, "month": found.month, "day": found.day}


@st.composite
def julian_days_of(draw: st.DrawFn) -> tuple[int, int, int]:
    year, month = draw(st.integers(1100, 1923)), draw(st.integers(1, 12))
    return year, month, draw(st.integers(1, julian_days(year, month)))


@settings(max_examples=300, deadline=None)
@given(julian_days_of(), st.sampled_from(["{} O.S.", "{} (O.S.)", "{} (Old Style)", "{}, Julian", "{} [O.S.]"]))
def test_oracle_a_julian_day_is_its_gregorian_day(julian: tuple[int, int, int], form: str) -> None:
    year, month, day = julian
    parsed = read_date(form.format(f"{day} {MONTHS[month - 1]} {year}"))
    assert isinstance(parsed, Parsed) and SAID in parsed.said
    assert parsed.parts == oracle(year, month, day)
    assert f"{day} {MONTHS[month - 1]} {year}" in (parsed.note or "")
    lady_day = year <= 1750 and (month, day) < (3, 25) and day <= julian_days(year + 1, month)
    if lady_day:  # England counted such a day's year from 25 March: it may be the next year's
        assert parsed.approximate and parsed.end == oracle(year + 1, month, day)
    else:
        assert not parsed.approximate and parsed.end is None


@settings(max_examples=100, deadline=None)
@given(st.integers(1753, 1923), st.integers(1, 12))
def test_oracle_a_julian_month_holds_its_gregorian_days(year: int, month: int) -> None:
    parsed = read_date(f"{MONTHS[month - 1]} {year} O.S.")
    assert isinstance(parsed, Parsed) and parsed.approximate
    assert (parsed.parts, parsed.end) == (oracle(year, month, 1), oracle(year, month, julian_days(year, month)))


def test_a_julian_mark_needs_a_date_and_its_own_word() -> None:
    for text in ("15 May 1900 KOS", "Windows OS 2018", "1 May 2018 OS", "Apollo OS"):
        parsed = read_date(text)
        assert not (isinstance(parsed, Parsed) and SAID in parsed.said), text


def test_a_sheet_of_old_and_new_style_days() -> None:
    loaded = load_with_report(SHEETS / "dates-old-style.csv")
    found = {event.title: event.when for event in loaded.dataset.events}
    ends = {event.title: event.end.date if event.end else None for event in loaded.dataset.events}
    winter = found["Storming of the Winter Palace"]
    assert winter is not None and (winter.date, winter.precision, winter.approximate) == ("1917-11-07", "day", False)
    assert winter.note is not None and "25 October 1917 O.S." in winter.note
    gregorian = found["The same day in the Gregorian calendar"]
    assert gregorian is not None and (gregorian.date, gregorian.approximate) == ("1917-11-07", False)
    lady_day = found["A day whose year may count from 25 March"]
    assert lady_day is not None and lady_day.approximate
    assert (lady_day.date, ends["A day whose year may count from 25 March"]) == ("1711-02-21", "1712-02-21")
    month = found["A month of the Julian calendar"]
    assert month is not None and (month.date, ends["A month of the Julian calendar"]) == ("1917-10-14", "1917-11-13")
    assert "No such day" not in found
    text = "\n".join(loaded.warnings)
    assert "no day of the Julian calendar" in text and "line 6" in text
    assert "Julian calendar (Old Style)" in text


def test_a_leap_day_only_the_next_year_has_is_that_years_and_the_order_a_day_shows_is_kept(tmp_path: Path) -> None:
    # (a review) '29 February 1711 O.S.' skipped its row: counted from 25 March, it is 1712's, a leap year;
    # '25/10/1917 O.S.' showed the file's day/month order, which was lost ('03/04/1917' then read as 4 March)
    leap = read_date("29 February 1711 O.S.")
    assert isinstance(leap, Parsed) and not leap.approximate and leap.parts == oracle(1712, 2, 29)
    single = read_date("10 February 1751 O.S.")  # (1751 began on 25 March: no other reading)
    assert isinstance(single, Parsed) and single.end is None and single.parts == oracle(1751, 2, 10)
    path = tmp_path / "order.csv"
    path.write_text("date,event\n25/10/1917 O.S.,Revolution\n03/04/1917,Lenin arrives\n", encoding="utf-8")
    found = {e.title: e.when for e in load_with_report(path).dataset.events}
    arrives = found["Lenin arrives"]
    assert arrives is not None and arrives.date == "1917-04-03"
