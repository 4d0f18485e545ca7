"""A date cell that gives a period as two dates ('15/01/2018-16/01/2018', '2018-01-15/2018-01-16'):
read as the first date with the second as its end, each exactly as written; two dates that go
backwards are not read as a period, and are named. Was: the row skipped ('holds dates among words'),
or the year alone, approximate. A named fixture, and an oracle over generated pairs of dates."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import DAY_FORMS, REPO, known
from junquito_tui.core.dates import MONTHS
from junquito_tui.core.interop.notes import Notes
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.interop.sheet_ranges import date_range
from junquito_tui.core.interop.sheet_when import DayOrder, SheetDates
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.records import Event

FIXTURE = REPO / "tests" / "data" / "sheets" / "dates-ranges-of-days.csv"


def _dated(event: Event) -> tuple[str, str, bool, str | None, str | None]:
    when = known(event.when)
    return when.date, when.precision.value, when.approximate, when.note, event.end.date if event.end else None


def test_each_form_of_two_dates_in_the_fixture_is_its_period() -> None:
    loaded = load_with_report(FIXTURE)
    found = {event.title: _dated(event) for event in loaded.dataset.events}
    two_days = ("2018-01-15", "day", False, None, "2018-01-16")
    for title in ("Two days with slashes", "Two days with spaces", "ISO interval", "ISO interval shortened"):
        assert found[title] == two_days, title
    assert found["Two written dates"] == two_days
    assert found["Two dates joined by to"] == two_days
    # its end could be 1 February or 2 January: the cell's first date (13/01) shows the order, and says so
    assert found["An end that could be either"] == (
        "2018-01-13",
        "day",
        False,
        "'01/02/2018' read as day/month, as the cell's other date shows",
        "2018-02-01",
    )
    assert found["Two months"] == ("2017-12", "month", False, None, "2018-01")
    assert found["The same day twice"] == ("2018-01-15", "day", False, None, None)
    assert found["A first date without its year"] == ("2018-01-15", "day", False, None, "2018-02-03")
    assert found["Two days of a month day first"] == ("2018-01-14", "day", False, None, "2018-01-15")
    assert found["Across a new year"] == (
        "2017-12-15",
        "day",
        True,
        "'15 December - 3 January 2018' could be 15 December 2017 to 3 January 2018 or 15 December 2018 to "
        "3 January 2019: read as 15 December 2017 to 3 January 2019, which covers both",
        "2019-01-03",
    )
    assert "Backwards" not in found
    assert any(
        "line 11" in warning and "two dates, the second (15/01/2018) before the first (16/01/2018)" in warning
        for warning in loaded.warnings
    )
    assert loaded.summary == "read 13 rows of data: 12 events, 1 skipped (each named in a warning)"


def test_an_end_that_could_be_either_follows_the_files_order_and_says_so(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,title\n13/01/2018,Shows day first\n01/01/2018-03/02/2018,Its end waits\n01/02/2018-03/02/2018,Both wait\n"
    )
    found = {event.title: _dated(event) for event in load_with_report(sheet).dataset.events}
    how = "could be day/month or month/day: read as day/month, shown by other dates in the file"
    assert found["Its end waits"] == ("2018-01-01", "day", False, f"its end {how}", "2018-02-03")  # not 2 March
    assert found["Both wait"] == ("2018-02-01", "day", False, how, "2018-02-03")


# -- the oracle: any two dates, in any of the forms a sheet writes, joined any way ------------------------------

_DAYS = st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31))


def _read(text: str, order: str | None) -> tuple[Parsed | str | None, SheetDates]:
    dates = SheetDates(Notes(), DayOrder(fixed=order))
    return dates.read(text, "line 2"), dates


def _day(parts: dict[str, int]) -> dt.date:
    return dt.date(parts["year"], parts["month"], parts["day"])


def _first_day(parts: dict[str, int]) -> dt.date:
    return dt.date(parts["year"], parts.get("month", 1), parts.get("day", 1))


def _last_day(parts: dict[str, int]) -> dt.date:
    month = parts.get("month", 12)
    return dt.date(parts["year"], month, parts.get("day", calendar.monthrange(parts["year"], month)[1]))


@settings(max_examples=400, deadline=None)
@given(_DAYS, _DAYS, st.sampled_from(sorted(DAY_FORMS)), st.sampled_from(["-", " - ", "–", " — ", " to ", " until "]))
@example(dt.date(2000, 2, 1), dt.date(2000, 1, 2), "day first", "-")  # (a fuzz found it, the test's own fault)
def test_oracle_two_dates_are_the_period_from_the_first_to_the_second(
    first: dt.date, second: dt.date, form: str, joint: str
) -> None:
    write, order = DAY_FORMS[form]
    text = f"{write(first)}{joint}{write(second)}"
    parsed, dates = _read(text, order)
    if first < second:
        assert isinstance(parsed, Parsed), f"{text!r}: {parsed}"
        assert _day(dates.parts(parsed)) == first and parsed.end is not None, text
        assert _day(dates.parts(parsed, end=True)) == second, text
        assert not parsed.approximate
    elif first == second:
        assert isinstance(parsed, Parsed) and parsed.end is None and _day(dates.parts(parsed)) == first
    else:  # backwards: skipped and named, or a period that holds both days, approximate (never the first day);
        # two days each either way round ('01/02/2000-02/01/2000') wait for the file's order: then skipped, named
        assert (
            not isinstance(parsed, Parsed)
            or (parsed.approximate and "day" not in parsed.parts)
            or (parsed.waits() and dates.backward(parsed, "line 2"))
        ), text


@given(_DAYS, st.integers(1, 40))
def test_oracle_an_iso_interval_may_leave_out_what_its_end_shares(first: dt.date, days: int) -> None:
    second = first + dt.timedelta(days=days)
    shared = 8 if (second.year, second.month) == (first.year, first.month) else 5 if second.year == first.year else 0
    text = f"{first.isoformat()}/{second.isoformat()[shared:]}"
    parsed, dates = _read(text, None)
    assert isinstance(parsed, Parsed) and parsed.end is not None, text
    assert (_day(dates.parts(parsed)), _day(dates.parts(parsed, end=True))) == (first, second)


@settings(max_examples=300, deadline=None)
@given(_DAYS, st.integers(1, 360), st.sampled_from([" - ", "–", " – ", "—", " to ", " until "]), st.booleans())
def test_oracle_an_iso_date_with_a_dash_may_leave_out_what_its_end_shares(
    first: dt.date, days: int, joint: str, shortest: bool
) -> None:
    # before (a date trial): '2018-01-15 - 16' was the year 2018 ('month not given' on its row), and
    # '2019-12-28 - 01-03' the year 2019; an end with no year (or month) of its own is the first such after the start
    second = first + dt.timedelta(days=days)
    same_month = (second.year, second.month) == (first.year, first.month)
    following = (second.year * 12 + second.month) - (first.year * 12 + first.month) == 1 and second.day < first.day
    shared = 8 if shortest and (same_month or following) else 5
    text = f"{first.isoformat()}{joint}{second.isoformat()[shared:]}"
    parsed, dates = _read(text, None)
    assert isinstance(parsed, Parsed) and parsed.end is not None, text
    assert (_day(dates.parts(parsed)), _day(dates.parts(parsed, end=True))) == (first, second), text
    assert not parsed.approximate and not parsed.end_approximate
    crossed = second.year != first.year or (shared == 8 and not same_month)
    assert (parsed.end_note is not None and "of its own" in parsed.end_note) == crossed, parsed.end_note
    assert parsed.note is None or "of its own" not in parsed.note, parsed.note


@pytest.mark.parametrize(
    ("cell", "start", "end"),
    [
        ("2018-12 - 02", {"year": 2018, "month": 12}, {"year": 2019, "month": 2}),
        ("2018-01/03", {"year": 2018, "month": 1}, {"year": 2018, "month": 3}),  # ISO's, with months
        ("2018-11 – 12", {"year": 2018, "month": 11}, {"year": 2018, "month": 12}),
        ("2018-01-30 - 02", {"year": 2018, "month": 1, "day": 30}, {"year": 2018, "month": 2, "day": 2}),
        ("2018-01-15 through 01-16", {"year": 2018, "month": 1, "day": 15}, {"year": 2018, "month": 1, "day": 16}),
    ],
)
def test_an_iso_month_with_a_dash_may_leave_out_its_ends_year(
    cell: str, start: dict[str, int], end: dict[str, int]
) -> None:
    parsed, _ = _read(cell, None)
    assert isinstance(parsed, Parsed) and (parsed.parts, parsed.end) == (start, end), cell


@pytest.mark.parametrize(
    "cell",
    [
        "2019-12-28/01-03",  # ISO keeps the start's year: backwards, said and skipped, as before
        "2018-01-31 - 30",  # the first 30th after the start is in March: not read as so far a leap
        "1810-11 - 12",  # November to December 1810, or years: not read as months alone
    ],
)
def test_an_iso_end_that_cannot_be_placed_forward_is_not_read_as_one(cell: str) -> None:
    parsed, _ = _read(cell, None)
    assert not isinstance(parsed, Parsed) or parsed.approximate, (cell, parsed)


@settings(max_examples=300, deadline=None)
@given(_DAYS, _DAYS, st.booleans(), st.sampled_from([" - ", "–", " to "]))
def test_oracle_a_first_date_without_its_year_takes_the_seconds(
    first: dt.date, second: dt.date, month_first: bool, joint: str
) -> None:
    first = (first if (first.month, first.day) != (2, 29) else first.replace(day=28)).replace(year=second.year)

    def write(day: dt.date) -> str:
        return f"{MONTHS[day.month - 1]} {day.day}" if month_first else f"{day.day} {MONTHS[day.month - 1]}"

    text = f"{write(first)}{joint}{write(second)}{',' if month_first else ''} {second.year}"
    parsed, dates = _read(text, None)
    assert isinstance(parsed, Parsed), f"{text!r}: {parsed}"
    start = _first_day(dates.parts(parsed))
    end = _last_day(dates.parts(parsed, end=True) if parsed.end is not None else dates.parts(parsed))
    if first < second:  # exactly the days written
        assert (start, end, parsed.approximate) == (first, second, False), text
    else:  # a year the text does not place between them (or a whole year): every reading held, said
        readings = [
            (dt.date(begins, first.month, first.day), dt.date(ends, second.month, second.day))
            for begins, ends in ((first.year - 1, first.year), (first.year, first.year + 1))
            if (first.month, first.day) != (2, 29) or calendar.isleap(begins)
            if (second.month, second.day) != (2, 29) or calendar.isleap(ends)
        ]
        assert start <= min(readings)[0] and end >= max(readings)[1], text
        assert parsed.approximate and parsed.note is not None and parsed.note.startswith(f"'{text}' could ")


def test_a_periods_own_end_other_than_the_end_column_is_said_on_the_start(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("date,end,title\n15/01/2018-16/01/2018,20/01/2018,Other\n15/01/2018-16/01/2018,16/01/2018,Same\n")
    loaded = load_with_report(sheet, columns=parse_columns("date=date,end=end,title=title"))
    found = {event.title: _dated(event) for event in loaded.dataset.events}
    assert found["Other"] == (
        "2018-01-15",
        "day",
        False,
        "the date cell's period ends 2018-01-16, not 2018-01-20 as the end given beside it says",
        "2018-01-20",  # the end column's, as before
    )
    assert found["Same"] == ("2018-01-15", "day", False, None, "2018-01-16")  # one end: nothing to say
    assert (
        sum(
            "line 2" in warning and "whose end is not the end given beside it" in warning for warning in loaded.warnings
        )
        == 1
    )
    # a TimelineJS sheet's Year written as a range of years, and an End Year of its own
    timeline = tmp_path / "timeline.csv"
    timeline.write_text("Year,Month,Day,End Year,Headline\n1826-31,,,1835,Years\n")
    (event,) = load_with_report(timeline).dataset.events
    assert _dated(event) == (
        "1826",
        "year",
        True,
        "1826-31; the date cell's period ends 1831, not 1835 as the end given beside it says",
        "1835",
    )


# Found by a review: cells cut into two dates where the text gives none (a day read as a month, a day and
# month as a year of two digits), two forms that are no one writer's period, a bound word dropped
_NO_PERIOD = ["1-2-3-2018", "2018-01-15, 2018-01-16", "14/15 January 2018", "1-2/3-2018", "15-01 - 20-01"]
_NO_PERIOD += ["10-12/11-12", "24-12 - 13-03"]
_NO_PERIOD += ["31-12-17-2018", "01/02/2018 - 3.2.2018", "before 15/01/2018-16/01/2018"]
# ... and by a second one: a year-month and a month-year cut out of one date, a half that is no day
_NO_PERIOD += ["2017-03/12-2018", "15/01/2018-45/01/2018"]
_NO_PERIOD += ["29-02-2017 / 02-03-2017"]
# ... and by a third: Excel's day-month-year cut inside ('5-Aug' and '24 - September 2024')
_NO_PERIOD += ["5-Aug-24 - September 2024", "1-May-20 - June 2020", "15-Jan-18 - January 2018"]


@pytest.mark.parametrize("text", _NO_PERIOD)
def test_texts_that_state_no_period_of_two_dates_are_not_read_as_one(text: str) -> None:
    parsed, _ = _read(text, None)
    # skipped and named, or a reading of free text: approximate, never from a year of one or two digits
    assert not isinstance(parsed, Parsed) or (parsed.approximate and parsed.parts["year"] >= 1000), parsed
    assert not isinstance(parsed, Parsed) or parsed.end is None or parsed.end["year"] >= 1000


def test_a_long_cell_is_not_cut_at_each_of_its_joints() -> None:
    tried: list[str] = []

    def exact(text: str, era: int) -> Parsed | str | None:
        tried.append(text)
        return None

    assert date_range("1-" * 5000 + "2018", exact) is None and not tried  # was 10.7 s a 10 KB cell
    date_range("15 de septiembre de 2018 al 16 de septiembre de 2018", exact)
    assert len(tried) == 2  # the one cut whose two sides are written alike


def test_two_dates_that_go_backwards_in_the_files_order_skip_their_row(tmp_path: Path) -> None:
    """'01/02/2018-02/01/2018' runs forward only read month/day: in a day/month file, the row is skipped,
    named (a TimelineJS sheet refused the whole file: 'end before start')."""
    rows = "15/01/2018,Shows day first\n01/02/2018-02/01/2018,Backwards here\n1.3.2018-3.2.2018,Dotted\n"
    sheet, timeline = tmp_path / "sheet.csv", tmp_path / "timeline.csv"
    sheet.write_text("date,title\n" + rows)
    timeline.write_text("Year,Headline\n" + rows)
    for path in (sheet, timeline):
        loaded = load_with_report(path)
        assert [event.title for event in loaded.dataset.events] == ["Shows day first"]
        backwards = [warning for warning in loaded.warnings if "two dates, the second" in warning]
        assert backwards == [
            "line 3: two dates, the second (2018-01-02) before the first (2018-02-01) read as day/month, the order "
            "this file's dates are read in: which one is wrong, the cell does not say; row skipped",
            "line 4: two dates, the second (2018-02-03) before the first (2018-03-01) read as day/month, as dates "
            "with dots are usually written: which one is wrong, the cell does not say; row skipped",
        ]
    mdy = load_with_report(sheet, columns=parse_columns("date=date,title=title,order=mdy"))
    forward = next(event for event in mdy.dataset.events if event.title == "Backwards here")
    assert (known(forward.when).date, forward.end and forward.end.date) == ("2018-01-02", "2018-02-01")


def test_an_acled_period_is_as_approximate_at_its_end_as_at_its_start(tmp_path: Path) -> None:
    header, row = FIXTURE.with_name("acled-current.csv").read_text().splitlines()[:2]
    export = tmp_path / "acled.csv"
    week = row.replace("2021-08-15,2021,1,", "2021-08-15/16,2021,2,")
    month = week.replace("AFG1001,", "AFG1002,").replace("/16,2021,2,", "/2021-09-20,2021,3,")
    export.write_text("\n".join([header, week, month]) + "\n")
    found = {event.id: event for event in load_with_report(export).dataset.events}
    within_a_week = found["afg1001"]
    assert known(within_a_week.when).approximate and within_a_week.end is not None
    assert (within_a_week.end.date, within_a_week.end.approximate) == ("2021-08-16", True)  # was exact
    a_month = found["afg1002"]
    assert (known(a_month.when).date, a_month.end and a_month.end.date) == ("2021-08", "2021-09")
    assert a_month.end is not None and a_month.end.approximate


@pytest.mark.parametrize(
    ("text", "start", "end", "approximate"),
    [
        # two whole months, as exact as two whole days (was: the start approximate)
        ("December 2017 - January 2018", {"year": 2017, "month": 12}, {"year": 2018, "month": 1}, (False, False)),
        # a range of months with its year once is read as before: its start approximate, its end as written
        ("January-March 1950", {"year": 1950, "month": 1}, {"year": 1950, "month": 3}, (True, False)),
        # a word of doubt is the whole period's: both ends approximate
        ("c. 15/01/2018-16/01/2018", {"year": 2018, "month": 1, "day": 15}, {"year": 2018, "month": 1, "day": 16},
         (True, True)),
        # across a new year, one reading needs 29 February 2001: the other alone, said
        ("1 March - 29 February 2000", {"year": 1999, "month": 3, "day": 1}, {"year": 2000, "month": 2, "day": 29},
         (True, True)),
    ],
)  # fmt: skip
def test_which_ends_of_a_period_are_approximate(
    text: str, start: dict[str, int], end: dict[str, int], approximate: tuple[bool, bool]
) -> None:
    parsed, _ = _read(text, "dmy")
    assert isinstance(parsed, Parsed) and (parsed.parts, parsed.end) == (start, end)
    assert (parsed.approximate, parsed.end_approximate) == approximate


def test_a_periods_notes_are_said_once_and_the_impossible_reading_is_named() -> None:
    parsed, _ = _read("Monday June 12, 99 - June 17, 99", None)
    assert isinstance(parsed, Parsed) and parsed.note is not None
    assert parsed.note.count("two-digit year '99' read as 1999") == 1
    leap, _ = _read("1 March - 29 February 2000", None)
    assert isinstance(leap, Parsed) and leap.note == (
        "'1 March - 29 February 2000' could only be 1 March 1999 to 29 February 2000 (a day of the other reading "
        "is no day of its year)"
    )


@pytest.mark.parametrize("text", ["March 2018 - January 2018", "2018-01-16/2018-01-15", "2 May 2018 to 1 May 2018"])
def test_two_whole_dates_going_backwards_skip_their_row_whatever_their_form(text: str) -> None:
    said = read_date(text)  # (were: the year, approximate, where written with names or ISO dates)
    assert isinstance(said, str) and said.startswith("two dates, the second (") and "the cell does not say" in said


def test_an_end_column_that_agrees_with_the_cells_period_says_nothing_and_one_before_the_start_gives_way(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "sheet.csv"
    rows = [
        "1850s,1859-12-31,Decade",
        "15/01/2018-16/01/2018,January 2018,Month",
        "15/01/2018-16/01/2018,14/01/2018,Before",
    ]
    sheet.write_text("date,end,title\n" + "\n".join(rows) + "\n")
    loaded = load_with_report(sheet, columns=parse_columns("date=date,end=end,title=title"))
    found = {event.title: _dated(event) for event in loaded.dataset.events}
    assert found["Decade"][3] == "1850s" and found["Decade"][4] == "1859-12-31"  # one within the other: no word
    assert found["Month"] == ("2018-01-15", "day", False, None, "2018-01-16")  # the finer of two that agree
    # the end column's day is before the start: the date cell's own end is used (was: no end at all)
    assert found["Before"] == (
        "2018-01-15", "day", False, "the file gives the end 2018-01-14, before this start: not used", "2018-01-16"
    )  # fmt: skip
    assert not [warning for warning in loaded.warnings if "whose end is not the end given beside it" in warning]
    assert "line 4: the end 2018-01-14 is before the start 2018-01-15; end date ignored" in loaded.warnings


@pytest.mark.parametrize(
    ("text", "end_approximate"),
    [("1826-31", False), ("January-March 1950", False), ("c. 1826-31", True), ("1826-31 circa", True),
     ("[1826-31]", True), ("1960s-1970s", True), ("c. Sept. 1939 – 1945", True), ("c. before 1990-1995", True),
     ("around 15/01/2018-16/01/2018", True), ("approximately 15/01/2018-16/01/2018", True),
     ("15/01/2018-16/01/2018?", True)],
)  # fmt: skip
def test_doubt_and_free_text_make_a_periods_end_approximate(text: str, end_approximate: bool) -> None:
    """A word or mark of doubt anywhere, and a reading of free text, are the whole period's (a fourth
    review: '1826-31 circa' had an exact end); a range of years or months written as such is approximate
    at its start only, as TimelineJS has it."""
    parsed, _ = _read(text, "dmy")
    assert isinstance(parsed, Parsed) and parsed.end is not None and parsed.end_approximate is end_approximate


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("1810-11/1810-12", {"year": 1810, "month": 11}, {"year": 1810, "month": 12}),  # as years: backwards
     ("1999-12/2000-01", {"year": 1999, "month": 12}, {"year": 2000, "month": 1}),  # (third review: 1999 alone)
     ("2001-02 to 2003-03", {"year": 2001, "month": 2}, {"year": 2003, "month": 3})],  # '2003-03' no years
)  # fmt: skip
def test_year_months_that_are_not_both_years_going_forward_are_months_said(
    text: str, start: dict[str, int], end: dict[str, int]
) -> None:
    parsed, _ = _read(text, None)
    assert isinstance(parsed, Parsed) and not parsed.approximate and (parsed.parts, parsed.end) == (start, end)
    assert parsed.note is not None and "could also be the years" in parsed.note


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("2000-01 - 2002-03", {"year": 2000}, {"year": 2003}),  # (a third review: January 2000 to March 2002, exact)
     ("1907-08 - 1908-09", {"year": 1907}, {"year": 1909})],
)  # fmt: skip
def test_year_months_that_could_be_years_going_forward_are_read_to_hold_both(
    text: str, start: dict[str, int], end: dict[str, int]
) -> None:
    parsed, _ = _read(text, None)
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.end_approximate
    assert (parsed.parts, parsed.end) == (start, end)
    assert parsed.note is not None and "read to cover both" in parsed.note


def test_dotted_dates_follow_their_cells_other_date_and_an_end_cell_going_backwards_is_named(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,end,title\n13.1.2018-1.2.2018,,Dots\n1.2.2018-13.2.2018,,Dots again\n"
        "15/01/2018,01/02/2018-02/01/2018,End backwards\n"
    )
    mdy = load_with_report(sheet, columns=parse_columns("date=date,end=end,title=title,order=mdy"))
    found = {event.title: _dated(event) for event in mdy.dataset.events}
    # the cell's other date shows day first (13.1): so the file's month/day order is not theirs
    assert found["Dots"][::4] == ("2018-01-13", "2018-02-01")
    assert found["Dots again"][::4] == ("2018-02-01", "2018-02-13")
    dmy = load_with_report(sheet, columns=parse_columns("date=date,end=end,title=title,order=dmy"))
    backwards = {event.title: _dated(event) for event in dmy.dataset.events}["End backwards"]
    assert backwards[::4] == ("2018-01-15", None)  # (was: the end 2 January, without a word)
    assert (
        "line 4: two dates, the second (2018-01-02) before the first (2018-02-01) read as day/month, the order this "
        "file's dates are read in: which one is wrong, the cell does not say; end date ignored" in dmy.warnings
    )


def test_an_end_year_within_the_cells_period_gives_way_to_the_finer_end(tmp_path: Path) -> None:
    timeline = tmp_path / "timeline.csv"
    timeline.write_text("Year,End Year,Headline\n15/01/2018-16/01/2018,2018,Days\n")
    (event,) = load_with_report(timeline).dataset.events
    assert _dated(event) == ("2018-01-15", "day", False, None, "2018-01-16")  # (was: the end 2018, unsaid)


def test_the_fourth_reviews_cells() -> None:
    """'approximately' was read as 'approx' and 'imately' (the cell refused), 'byzantine' as 'by' (a bound
    said of it), a space before a comma as another way of writing; the same day twice with the year once
    left out the reading of that day alone."""
    days = {"year": 2018, "month": 1, "day": 15}, {"year": 2018, "month": 1, "day": 16}
    for text in ["approximately 15/01/2018-16/01/2018", "January 15 , 2018 - January 16, 2018"]:
        parsed, _ = _read(text, None)
        assert isinstance(parsed, Parsed) and (parsed.parts, parsed.end) == days, text
    byzantine = read_date("byzantine 1200")
    assert isinstance(byzantine, Parsed) and not any("before it" in said or "'by" in said for said in byzantine.said)
    twice = read_date("5 Aug - 5 Aug 2024")
    assert isinstance(twice, Parsed) and twice.note == (
        "'5 Aug - 5 Aug 2024' could be 5 August 2024 alone, 5 August 2023 to 5 August 2024, or 5 August 2024 to "
        "5 August 2025: read as 5 August 2023 to 5 August 2025, which covers all 3"
    )


def test_an_end_columns_doubt_is_kept_beside_a_finer_period(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("date,end,title\n15/01/2018-20/01/2018,c. January 2018,Doubt\n")
    loaded = load_with_report(sheet, columns=parse_columns("date=date,end=end,title=title"))
    (event,) = loaded.dataset.events
    assert event.end is not None and (event.end.date, event.end.approximate) == ("2018-01", True)
    assert event.end.note == "c. January 2018"  # (was: the cell's exact 20 January, the doubt dropped unsaid)


@pytest.mark.parametrize(
    ("text", "parts", "approximate"),
    [("approximately-2017", {"year": 2017}, True), ("early-2017", {"year": 2017}, True),
     ("the-2017-06-15", {"year": 2017, "month": 6, "day": 15}, False), ("approximately -2017", {"year": -2017}, True),
     ("c.-460", {"year": -460}, True)],
)  # fmt: skip
def test_a_hyphen_after_a_word_of_doubt_is_no_minus_sign(text: str, parts: dict[str, int], approximate: bool) -> None:
    """A fifth review: 'approximately-2017' (refused before the words were read whole) and 'early-2017',
    'the-2017-06-15' (before this session too) were years BCE; a minus after a space or a mark stays one."""
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and (parsed.parts, parsed.approximate) == (parts, approximate)


@pytest.mark.parametrize(
    ("text", "start"),
    [("15/01/2018 - 2019", {"year": 2018, "month": 1, "day": 15}),
     ("2017-03-12/2018", {"year": 2017, "month": 3, "day": 12}),
     ("2018-01-15/2019", {"year": 2018, "month": 1, "day": 15}),
     ("15 January 2018 - 2019", {"year": 2018, "month": 1, "day": 15})],
)  # fmt: skip
def test_a_day_to_a_later_year_is_that_period(text: str, start: dict[str, int]) -> None:
    """A fifth review: '15/01/2018 - 2019' was the year 2019 alone (approximate, but starting a year late);
    '2017-03-12/2018' the year 2017 alone. Each end as precise as written."""
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and not parsed.approximate
    assert (parsed.parts, parsed.end) == (start, {"year": int(text[-4:])})
    assert read_date("15/01/2018-2017") == (
        "two dates, the second (2017) before the first (15/01/2018): which one is wrong, the cell does not say"
    )


def test_a_day_that_could_be_either_order_to_a_year_follows_the_file(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("date,title\n13/01/2018,Shows day first\n01/02/2018-2019,Until a year\n")
    found = {event.title: _dated(event) for event in load_with_report(sheet).dataset.events}
    assert found["Until a year"] == (
        "2018-02-01",
        "day",
        False,
        "could be day/month or month/day: read as day/month, shown by other dates in the file",
        "2019",
    )  # fmt: skip
