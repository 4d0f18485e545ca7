"""Dates written in forms a date column of a real file holds: a day given as an ordinal in Spanish,
Portuguese or French ('1º de mayo de 2018'), and ISO 8601's basic day with no hyphens ('20200321')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.records import When

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"


def load(name: str) -> Loaded:
    return load_with_report(SHEETS / name)


def starts(loaded: Loaded) -> dict[str, When]:
    return {event.title: event.when for event in loaded.dataset.events if event.when is not None}


def test_a_day_written_as_an_ordinal_is_that_day() -> None:
    # before: '1º de mayo de 2018' was May 2018, approximate (its day was lost): 'º' is a letter to a regex
    loaded = load("dates-ordinal-days.csv")
    found = starts(loaded)
    assert len(found) == 7
    for title, when in found.items():
        assert (when.date, when.precision, when.approximate, when.note) == ("2018-05-01", "day", False, None), title


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.booleans())
def test_iso_basic_day_is_that_day_and_said(day: dt.date, as_text: bool) -> None:
    number = int(day.strftime("%Y%m%d"))
    read = read_date(str(number) if as_text else number)
    assert isinstance(read, Parsed)
    assert read.parts == {"year": day.year, "month": day.month, "day": day.day}
    assert read.note is not None and f"gives the number {number}" in read.note and "YYYYMMDD" in read.note
    assert read.said == [f"{number} read as an ISO 8601 date written without hyphens (YYYYMMDD: {day.isoformat()})"]


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["%d%m%Y", "%m%d%Y"]))
def test_a_day_written_day_or_month_first_without_separators_is_never_read(day: dt.date, layout: str) -> None:
    # its fifth and sixth digits (19, 20) are no month: no basic-format day can be read from it by mistake
    assert isinstance(read_date(day.strftime(layout)), str)


@settings(max_examples=300, deadline=None)
@given(st.integers(10_000_000, 99_999_999))
def test_eight_digits_are_a_day_only_where_they_are_one(number: int) -> None:
    try:
        expected: dt.date | None = dt.date(number // 10_000, number // 100 % 100, number % 100)
    except ValueError:
        expected = None
    read = read_date(number)
    if expected is None:
        assert isinstance(read, str) and "8 digits" in read
    else:
        assert isinstance(read, Parsed) and read.parts == {
            "year": expected.year,
            "month": expected.month,
            "day": expected.day,
        }


def test_basic_days_in_a_file_are_read_and_said_and_the_rest_named() -> None:
    loaded = load("dates-basic-iso.csv")
    found = starts(loaded)
    assert found["Basic"].date == "2020-03-21" and "YYYYMMDD" in (found["Basic"].note or "")
    assert found["Extended"].date == "2020-03-21" and found["Extended"].note is None
    assert {"Day first", "Month first", "No month 13"}.isdisjoint(found)
    for line, number in (("line 3", "21032020"), ("line 4", "03212020"), ("line 5", "20201321")):
        assert any(line in w and number in w and "row skipped" in w for w in loaded.warnings), number
    assert any("20200321 read as an ISO 8601 date written without hyphens" in w for w in loaded.warnings)
