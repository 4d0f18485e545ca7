"""Two dates written in different forms ('15/01/2018 - 3 February 2018'), and a month to a later year
('Sept. 1939 - 1945', '2000-12 - 2001'): the period, each end as written. Was: February 2018 alone
(approximate, but starting after the period does), the years 1939 to 1945, and 2000 to about 2012.
A cell that holds a day in digits the reading does not place ('15/01/2018 or 3 February 2018') is its
year, never the one month of the words. A named fixture, and an oracle over generated pairs."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import DAY_FORMS, REPO, dates_by_title
from junquito_tui.core.dates import MONTHS
from junquito_tui.core.interop.notes import Notes
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.interop.sheet_when import DayOrder, SheetDates
from junquito_tui.core.loader import load_with_report

FIXTURE = REPO / "tests" / "data" / "sheets" / "dates-mixed-forms.csv"


def test_each_row_of_the_fixture() -> None:
    found = dates_by_title(FIXTURE)
    assert found["Digits then words"] == ("2018-01-15", False, "2018-02-03")
    assert found["Words then digits"] == ("2018-02-03", False, "2018-03-15")
    assert found["ISO then words"] == ("2018-01-15", False, "2018-02-03")
    assert found["Day first shown"] == ("2018-01-13", False, "2018-02-03")
    assert found["A month to a year"] == ("1939-09", False, "1945")
    assert found["A year-month to a year"] == ("2000-12", False, "2001")  # (was: 2000 to about 2012)
    # no cut the text shows plainly, or two dates as alternatives: the year, approximate (was: February 2018)
    assert found["No spaces around the joint"] == ("2018", True, None)
    assert found["Two dates as alternatives"] == ("2018", True, None)
    # Excel's '5-Aug-24' has no year of its own: not cut as two dates (a reading of free text, as before)
    assert found["Excel day without its year"][1] is True
    assert load_with_report(FIXTURE).summary == "read 9 rows of data: 9 events, none skipped"


def test_a_year_month_that_could_be_years_says_so_of_its_half() -> None:
    parsed = read_date("2000-12 – 2001")
    assert isinstance(parsed, Parsed) and (parsed.parts, parsed.end) == ({"year": 2000, "month": 12}, {"year": 2001})
    assert parsed.note == "'2000-12' could also be the years 2000–2012: read as ISO year-month"


@pytest.mark.parametrize(
    "text",
    ["01/02/2018 - 3.2.2018", "03/01/2018 - 02.03.2018", "01/02/2018 - 02-03-2018"],
)
def test_two_numeric_forms_that_each_leave_day_and_month_open_are_no_one_writers_period(text: str) -> None:
    parsed = read_date(text)
    assert not isinstance(parsed, Parsed) or (parsed.approximate and "day" not in parsed.parts), parsed


def test_a_date_in_another_form_shows_nothing_of_the_others_order() -> None:
    """'01/02/2018 - 13.2.2018': the dotted date is day first by its 13; the slashed one is read in the
    file's order, not the dotted one's."""
    dates = SheetDates(Notes(), DayOrder(fixed="mdy"))
    parsed = dates.read("01/02/2018 - 13.2.2018", "line 2")
    assert isinstance(parsed, Parsed) and dates.parts(parsed) == {"year": 2018, "month": 1, "day": 2}


# -- the oracle: two days, each in its own form, joined where the cut is plain --------------------------------

_FORMS: dict[str, tuple[Callable[[dt.date], str], str | None]] = {
    **DAY_FORMS,
    "short": (lambda d: f"{d.day} {MONTHS[d.month - 1][:3]}. {d.year}", None),
}
_DAYS = st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31))


def _bounds(parts: dict[str, int]) -> tuple[dt.date, dt.date]:
    month = parts.get("month")
    first = dt.date(parts["year"], month or 1, parts.get("day", 1))
    last_month = month or 12
    last = dt.date(parts["year"], last_month, parts.get("day", calendar.monthrange(parts["year"], last_month)[1]))
    return first, last


@settings(max_examples=400, deadline=None)
@given(_DAYS, _DAYS, st.sampled_from(sorted(_FORMS)), st.sampled_from(sorted(_FORMS)), st.data())
def test_oracle_two_dates_in_two_forms(
    first: dt.date, second: dt.date, one: str, two: str, data: st.DataObject
) -> None:
    joint = data.draw(st.sampled_from([" - ", " – ", " to ", " until "]))
    (write_one, order_one), (write_two, order_two) = _FORMS[one], _FORMS[two]
    text = f"{write_one(first)}{joint}{write_two(second)}"
    orders = {order for order in (order_one, order_two) if order is not None}
    assume(len(orders) <= 1)  # ('02/01/2000' day first beside '01/02/2000' month first: no text tells them apart)
    dates = SheetDates(Notes(), DayOrder(fixed=orders.pop() if len(orders) == 1 else None))
    parsed = dates.read(text, "line 2")
    dates.order.decide(dates.notes)
    if isinstance(parsed, Parsed) and dates.backward(parsed, "line 2"):  # going backwards in the file's order
        parsed = None  # (the row skipped, named, as the import does)
    if isinstance(parsed, Parsed) and not parsed.approximate and parsed.end is not None:
        # read as a period as written: exactly these two days, and only forwards
        start, end = _bounds(dates.parts(parsed))[0], _bounds(dates.parts(parsed, end=True))[1]
        assert (start, end) == (first, second), text
        return
    if isinstance(parsed, Parsed):  # otherwise a reading that holds both days (or the one day), approximate
        start = _bounds(dates.parts(parsed))[0]
        end = _bounds(dates.parts(parsed, end=parsed.end is not None))[1]
        assert start <= min(first, second) and end >= max(first, second), text
        assert parsed.approximate or first == second, text
    # two numeric forms that may each be read either way, or a date with dots: may be refused; else a
    # period forward must be read whole
    numeric = {"day first", "month first", "dotted"}
    plain = "dotted" not in (one, two) and not ({one, two} <= numeric and one != two) and one != two
    if first < second and plain:
        assert isinstance(parsed, Parsed) and parsed.end is not None and not parsed.approximate, text


@given(_DAYS, st.integers(1, 60), st.sampled_from([" - ", "-", "–", " to ", "/"]), st.booleans())
def test_oracle_a_month_to_a_later_year(day: dt.date, later: int, joint: str, written: bool) -> None:
    head = f"{MONTHS[day.month - 1]} {day.year}" if written else f"{day.year}-{day.month:02d}"
    parsed = read_date(f"{head}{joint}{day.year + later}")
    if joint == "/" and written:  # ('March 1950/1951': read as free text; it holds both)
        assert isinstance(parsed, Parsed) and parsed.parts["year"] <= day.year
        return
    assert isinstance(parsed, Parsed) and parsed.end is not None, parsed
    years_end = day.year - day.year % 100 + day.month  # '2001-05' could also be the years 2001 to 2005
    if not written and day.month > day.year % 100 and years_end <= day.year + later:
        # ('2001-05 - 2010' may be the years 2001-2005 to 2010): the years, which hold both readings, said
        assert parsed.approximate and parsed.parts == {"year": day.year} and parsed.end == {"year": day.year + later}
        assert parsed.note is not None and "which covers both" in parsed.note
        return
    assert parsed.parts == {"year": day.year, "month": day.month}, parsed
    assert parsed.end == {"year": day.year + later} and not parsed.approximate


@pytest.mark.parametrize(
    ("text", "parts", "end"),
    [("2018-01 - 15 March 2018", {"year": 2018}, None),  # was: March alone (January in digits unread)
     ("01/2018 or 15 March 2018", {"year": 2018}, None),
     ("March 1850-55", {"year": 1850}, {"year": 1855}),  # was: March 1850, exact ('55 is not a valid day')
     ("c. March 1850-55", {"year": 1850}, {"year": 1855})],
)  # fmt: skip
def test_a_month_or_years_in_digits_beside_words_are_held(text: str, parts: dict[str, int], end: object) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.approximate and (parsed.parts, parsed.end) == (parts, end)


@pytest.mark.parametrize(
    ("text", "said"),
    [("before 1990-1995", True), ("after 1990-1995", True), ("since 1945 until 1950", False),
     ("desde 1945 hasta 1950", False)],
)  # fmt: skip
def test_a_bound_before_a_range_is_said_as_before_a_year(text: str, said: bool) -> None:
    """'before 1990-1995' may be long before 1990: said, as 'before 1990' is (was: silent), and read as that
    bound (a re-trial: it was the period, found by date:1992); a period's own start and end words are no bound."""
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and (parsed.end is None) is said
    assert any("the file does not say how long" in message for message in parsed.said) is said
    if said:
        assert parsed.parts == ({"year": 1989} if text.startswith("before") else {"year": 1996})
