"""Date cells a review found read as a wrong year or a wrong period, unsaid: each form here must give
a period that holds every day its text names (an oracle over generated texts), or be skipped and named."""

from __future__ import annotations

import calendar
import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.dates import MONTHS
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.loader import load_with_report
from sheet_files import Cell, titled_events, write_xlsx

Day = tuple[int, int, int]


def _period(parsed: Parsed) -> tuple[Day, Day]:
    """The first and last day the reading holds (positive years)."""
    start, end = parsed.parts, parsed.end or parsed.parts
    first = (start["year"], start.get("month", 1), start.get("day", 1))
    last_month = end.get("month", 12)
    last = (end["year"], last_month, end.get("day", calendar.monthrange(end["year"], last_month)[1]))
    return first, last


def _read(text: str) -> Parsed:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), f"{text!r}: {parsed}"
    return parsed


_YEARS = st.integers(1000, 2099)
_MONTH_NUMBERS = st.integers(1, 12)


@given(_YEARS, st.sampled_from([",", " "]))
def test_a_year_written_with_a_thousands_separator_is_that_year_and_said(year: int, separator: str) -> None:
    text = f"{year // 1000}{separator}{year % 1000:03d}"
    parsed = _read(text)
    assert parsed.parts == {"year": year} and parsed.end is None
    assert any("thousands separators" in said for said in parsed.said)
    assert parsed.note is not None and text in parsed.note


@given(st.integers(1, 9999).map(lambda n: n * 10), st.sampled_from(["BCE", "BC"]))
def test_a_bce_year_with_a_separator_stays_bce(year: int, era: str) -> None:
    assert _read(f"{year:,} {era}").parts == {"year": -year}


@given(_YEARS, _MONTH_NUMBERS, _MONTH_NUMBERS, st.integers(1, 28), st.sampled_from([" - ", "–", " to ", " until "]))
def test_a_day_of_a_month_then_a_later_month_holds_both(year: int, first: int, last: int, day: int, dash: str) -> None:
    text = f"{MONTHS[first - 1]} {day}{dash}{MONTHS[last - 1]} {year}"
    parsed = read_date(text)
    if first > last:  # across a new year the text does not place: never a year of the day's digits
        assert not isinstance(parsed, Parsed) or parsed.parts["year"] >= year - 1
        return
    start, end = _period(_read(text))
    assert start <= (year, first, day) and end >= (year, last, 1)
    assert start[0] == year  # before: 'June 5 - July 1950' began in the year 5


@given(_YEARS, _MONTH_NUMBERS, st.integers(1, 30), st.sampled_from([" - ", "–", "-", " "]))
def test_a_month_and_a_range_of_years_is_the_years(year: int, month: int, later: int, dash: str) -> None:
    text = f"{MONTHS[month - 1]} {year}{dash}{year + later}"
    parsed = _read(text)
    start, end = _period(parsed)
    assert start <= (year, month, 1) and end[0] == year + later  # before: one month, 'day' the last year
    if dash.strip():  # from the month to the year, each as written (was: the years, approximate)
        assert (parsed.parts, parsed.end) == ({"year": year, "month": month}, {"year": end[0]})
        assert not parsed.approximate
    else:  # no joint: the years free text names
        assert parsed.approximate


@given(_YEARS, _MONTH_NUMBERS, _MONTH_NUMBERS, st.integers(1, 28), st.integers(1, 28), st.data())
def test_two_days_of_one_year_in_different_months_are_both_held(
    year: int, first: int, last: int, day: int, other: int, data: st.DataObject
) -> None:
    one, two = f"{day} {MONTHS[first - 1]}", f"{other} {MONTHS[last - 1]}"
    form = data.draw(st.sampled_from(["{a} {y} - {b} {y}", "{a} - {b} {y}", "between {a} and {b} {y}"]))
    text = form.format(a=one, b=two, y=year)
    whole = text.startswith(f"{one} {year} - ")  # two whole dates
    if whole and (first, day) > (last, other):  # going backwards: skipped, named (which is wrong is not said)
        assert read_date(text) == f"two dates, the second ({two} {year}) before the first ({one} {year}): " + (
            "which one is wrong, the cell does not say"
        )
        return
    parsed = _read(text)
    start, end = _period(parsed)
    named = sorted([(year, first, day), (year, last, other)])
    assert start <= named[0] and end >= named[1]  # whatever the order: a period that holds both days
    if whole:  # forward
        assert (start, end) == (named[0], named[1]) and not parsed.approximate  # exactly the days written


@pytest.mark.parametrize(
    ("text", "parts", "end"),
    [
        ("BCE 476", {"year": -476}, None),
        ("BC 44", {"year": -44}, None),
        ("100 BC - 100 AD", {"year": -100}, {"year": 100}),
        ("50 BC to 50 AD", {"year": -50}, {"year": 50}),
        ("500 BC - 400 BC", {"year": -500}, {"year": -400}),
        ("2,500 BC - 2,000 BC", {"year": -2500}, {"year": -2000}),
        ("2020-032", {"year": 2020, "month": 2, "day": 1}, None),
        ("2020-366", {"year": 2020, "month": 12, "day": 31}, None),
    ],
)
def test_eras_and_ordinal_dates(text: str, parts: dict[str, int], end: dict[str, int] | None) -> None:
    parsed = _read(text)
    assert (parsed.parts, parsed.end) == (parts, end)


def test_a_range_that_runs_back_across_the_eras_is_named_not_read() -> None:
    assert isinstance(read_date("100 AD - 50 BC"), str)


@pytest.mark.parametrize("text", ["50", "98", "7"])
def test_a_year_of_one_or_two_digits_is_read_as_written_and_said(text: str) -> None:
    parsed = _read(text)
    assert parsed.parts == {"year": int(text)}
    assert parsed.said and parsed.note and "read as written" in parsed.note


TIMELINEJS_SHEET = (
    "Year,Month,Day,Time,End Year,End Month,End Day,Headline\n"
    "1850s,5,3,,,,,decade with a day\n"
    "1850s,5,3,10:00,,,,decade with a time\n"
    "1826-31,5,3,,,,,range with a day\n"
    "19th century,5,,,,,,century with a month\n"
    "1950,5,3,,1950s,6,,end decade with a month\n"
    "476 BCE,3,15,,,,,plain year BCE\n"
)


def test_a_timelinejs_year_that_is_no_plain_year_takes_no_month_day_or_time(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(TIMELINEJS_SHEET, encoding="utf-8")
    loaded = load_with_report(path)
    events = {e.title: e for e in loaded.dataset.events}
    for title in ("decade with a day", "decade with a time", "range with a day", "century with a month"):
        when = events[title].when
        assert when is not None and when.precision == "year" and when.approximate, title
        assert "Month: 5" in events[title].summary  # kept, not lost
    assert "Time: 10:00" in events["decade with a time"].summary
    ended = events["end decade with a month"]
    assert ended.when is not None and ended.when.date == "1950-05-03"
    assert ended.end is not None and ended.end.precision == "year" and "End Month: 6" in ended.summary
    plain = events["plain year BCE"].when
    assert plain is not None and plain.precision == "day"  # a plain year takes its month and day
    said = [w for w in loaded.warnings if "is not a plain year" in w]
    assert len(said) == 5 and any("'Month', 'Day', 'Time' cells" in w for w in said)


def _dates(
    tmp_path: Path, rows: str, columns: str | None = None
) -> tuple[dict[str, tuple[str, str | None]], list[str]]:
    path = tmp_path / "dates.csv"
    path.write_text("date,title\n" + rows, encoding="utf-8")
    loaded = load_with_report(path, columns=parse_columns(columns) if columns else None)
    return {e.title: (e.when.date, e.when.note) for e in loaded.dataset.events if e.when}, loaded.warnings


def test_a_dotted_date_over_twelve_is_no_evidence_of_how_slashes_are_written(tmp_path: Path) -> None:
    dates, warnings = _dates(tmp_path, "1/2/1951,slashed\n1.2.1951,dotted\n13.1.1951,dotted over twelve\n")
    assert dates["dotted over twelve"][0] == "1951-01-13"
    assert dates["slashed"][1] is not None and "no date the file writes as text shows it" in dates["slashed"][1]
    assert not any("'13.1.1951' (line 4) shows" in w for w in warnings)  # before: it decided the slashes


def test_as_many_dates_of_each_order_is_said_as_a_tie(tmp_path: Path) -> None:
    rows = "1/2/1951,a\n25/12/1951,b\n3/4/1952,c\n12/31/1952,d\n"
    dates, warnings = _dates(tmp_path, rows)
    assert dates["a"][1] is not None and "both orders as often" in dates["a"][1]  # not 'shown by other dates'
    assert any("show neither more often" in w for w in warnings)


def test_dates_against_the_order_given_are_named(tmp_path: Path) -> None:
    dates, warnings = _dates(tmp_path, "1/2/1951,a\n12/31/1952,b\n", "order=dmy")
    assert dates["a"] == (
        "1951-02-01",
        "could be day/month or month/day: read as day/month, as --columns order=dmy says",
    )
    assert dates["b"][0] == "1952-12-31"
    assert any(
        "--columns order=dmy, but 1 date such as '12/31/1952' (line 3) can only be month/day" in w for w in warnings
    )


def test_what_a_timelinejs_sheet_s_date_drops_is_said_in_its_note(tmp_path: Path) -> None:
    events = titled_events(
        tmp_path / "sheet.csv",
        "Year,Month,Day,Time,End Year,End Month,End Day,Headline\n"
        "1950,,5,,,,,day without a month\n"
        "1950,5,,10:00,,,,time without a day\n"
        "1950,5,3,,1949,,,end before the start\n",
    )
    notes = {title: (event.when.note if event.when else None) for title, event in events.items()}
    assert notes["day without a month"] == "day 5 ignored: given without a month"  # (its value named: a trial)
    assert notes["time without a day"] == "hour 10, minute 0 ignored: given without a day"
    assert notes["end before the start"] == "the file gives the end 1949, before this start: not used"
    assert events["end before the start"].end is None


def test_an_end_before_the_start_in_a_sheet_stays_in_the_start_s_note(tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("date,end,title\n2020-01-15,2020-01-10,ends before\n", encoding="utf-8")
    (event,) = load_with_report(path).dataset.events
    assert event.end is None and event.when is not None
    assert event.when.note == "the file gives the end 2020-01-10, before this start: not used"


@pytest.mark.parametrize(
    ("line", "read"),
    [('"Title" extra', "Title extra"), ('"Operation "Storm" begins"', 'Operation Storm" begins"')],
)
def test_a_quote_csv_does_not_write_so_is_named_with_the_cell_as_read(tmp_path: Path, line: str, read: str) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(f'date,title\n2020-01-01,{line}\n2020-01-02,Fine "quoted" word\n2020-01-03,"Doubled ""ok"""\n')
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == [read, 'Fine "quoted" word', 'Doubled "ok"']
    said = [w for w in loaded.warnings if "a quote is not where CSV puts one" in w]
    assert len(said) == 1 and said[0].startswith("line 2:") and repr(read) in said[0]


@pytest.mark.parametrize(
    "text", ["21 March 2020 at 10:00", "21 March 2020, at 10:00", "21 de marzo de 2020 a las 10:00"]
)
def test_a_time_after_at_is_the_time_of_that_day(text: str) -> None:
    # before: skipped as "a time of day with a date that has no day"
    assert _read(text).parts == {"year": 2020, "month": 3, "day": 21, "hour": 10, "minute": 0, "second": 0}


def test_a_date_cell_in_a_timelinejs_year_column_is_its_date(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [["Year", "Month", "Day", "Headline"], [dt.date(2020, 5, 1), None, None, "date"]]
    rows += [[dt.date(2020, 5, 1), 6, None, "date and another month"], [1950, 5, 3, "plain"]]
    loaded = load_with_report(write_xlsx(tmp_path / "sheet.xlsx", rows))
    dates = {e.title: e.when.date for e in loaded.dataset.events if e.when}
    assert dates == {"date": "2020-05-01", "date and another month": "2020-05-01", "plain": "1950-05-03"}
    assert any("'6' ignored: the date written in the Year cell gives its own month" in w for w in loaded.warnings)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1950 (300 killed)", 1950, 1950),  # before: 300 to 1950
        ("about 800 people, 1968", 1968, 1968),
        ("between 950 and 1050", 950, 1050),
        ("950-1050", 950, 1050),
        ("1200–950 BCE", -1200, -950),  # before: 1950 to 950 BCE (the tail read as '1950')
        ("1200-950", 950, 1200),  # backwards in CE: both years held
    ],
)
def test_a_count_beside_a_year_is_no_year_but_a_range_s_end_is(text: str, first: int, last: int) -> None:
    parsed = _read(text)
    assert (parsed.parts["year"], (parsed.end or parsed.parts)["year"]) == (first, last)


@given(
    st.integers(100, 2099),
    st.integers(100, 2099),
    st.sampled_from(["-", "–", " - ", "/", " to ", " and "]),
    st.sampled_from(["", "c. ", "between ", "about "]),
)
def test_two_full_years_in_free_text_are_both_held(first: int, second: int, joiner: str, lead: str) -> None:
    parsed = read_date(f"{lead}{first}{joiner}{second}")
    if isinstance(parsed, Parsed) and first != second:  # (some forms are months or are named, not read)
        low = parsed.parts["year"]
        high = (parsed.end or parsed.parts)["year"]
        if "month" not in parsed.parts:  # years, not an ISO month or an ordinal day
            assert low <= min(first, second) and high >= max(first, second)


def test_a_zero_in_a_date_column_skips_its_row_named(tmp_path: Path) -> None:
    dates, warnings = _dates(tmp_path, "0,unknown\n1950,known\n")
    assert dates == {"known": ("1950", None)}  # before: 'unknown' in 1 BCE
    assert any(w.startswith("line 2:") and "0 is no year" in w for w in warnings)


@pytest.mark.parametrize("text", ["March 15-16, 1950", "15-16 March 1950", "15–16 de marzo de 1950"])
def test_two_days_of_one_month_are_those_days(text: str) -> None:
    parsed = _read(text)  # before: the year 1950
    assert (parsed.parts, parsed.end) == ({"year": 1950, "month": 3, "day": 15}, {"year": 1950, "month": 3, "day": 16})


@pytest.mark.parametrize("text", ["May 1st 1950", "1st May 1950", "the 1st of May, 1950"])
def test_an_ordinal_day_is_that_day(text: str) -> None:
    assert _read(text).parts == {"year": 1950, "month": 5, "day": 1}  # before: the year 1950


@given(
    st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)),
    st.sampled_from(["Year,Month,Day", "Start Year,Start Month,Start Day", "año,mes,día"]),
    st.booleans(),
    st.booleans(),
)
def test_a_year_with_its_month_and_day_columns_is_that_day_found_or_named(
    day: dt.date, names: str, by_columns: bool, with_day: bool
) -> None:
    # before: 'Year,Month' dropped the month unsaid, '--columns date=Year' the month and day (as text)
    year_name, month_name, day_name = names.split(",")
    header = [year_name, month_name, *([day_name] if with_day else []), "Event"]
    row = [str(day.year), str(day.month), *([str(day.day)] if with_day else []), "A"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.csv"
        path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
        spec = parse_columns(f"date={year_name},title=Event") if by_columns else None
        (event,) = load_with_report(path, columns=spec).dataset.events
    assert event.when is not None
    assert event.when.date == (day.isoformat() if with_day else day.isoformat()[:7])
    assert event.summary == ""  # the month and day are the date's, not text beside it


def test_an_end_year_takes_its_end_month_and_day(tmp_path: Path) -> None:
    # before: the end was the year 1950: a strike of 3 May - 10 June shown lasting to 31 December
    events = titled_events(
        tmp_path / "sheet.csv", "Year,Month,Day,End Year,End Month,End Day,Event\n1950,5,3,1950,6,10,Strike\n"
    )
    strike = events["Strike"]
    assert strike.when is not None and strike.when.date == "1950-05-03"
    assert strike.end is not None and strike.end.date == "1950-06-10" and strike.summary == ""


def test_a_timelinejs_sheet_keeps_what_its_year_date_overrules_and_names_a_time_of_another_day(
    tmp_path: Path,
) -> None:
    # before: Month 6 and Day 7 beside a Year cell holding 3 May 1950 were in a warning only; a Time cell
    # holding 1 January 1951 14:30 gave the row 14:30 on 3 May 1950, its day dropped unsaid
    rows: list[list[Cell]] = [
        ["Year", "Month", "Day", "Time", "Headline"],
        [dt.date(1950, 5, 3), 6, 7, None, "overruled"],
        [1950, 5, 3, dt.datetime(1951, 1, 1, 14, 30), "another day"],
        [1950, 5, 3, dt.datetime(1950, 5, 3, 14, 30), "the same day"],
    ]
    loaded = load_with_report(write_xlsx(tmp_path / "sheet.xlsx", rows))
    events = {e.title: e for e in loaded.dataset.events}
    overruled, other, same = events["overruled"], events["another day"], events["the same day"]
    assert (
        overruled.when is not None and overruled.when.date == "1950-05-03" and overruled.summary == "Month: 6\n\nDay: 7"
    )
    assert other.when is not None and other.when.date == "1950-05-03"
    assert other.when.note == "the Time cell gives a day too, 1951-01-01, not this row's: the time is ignored"
    assert same.when is not None and same.when.date == "1950-05-03T14:30"


def test_our_csv_layout_saved_as_a_workbook_reads_a_date_and_time_cell(tmp_path: Path) -> None:
    # before: the reader wrote the cell as '2018-01-16 09:15:00' and refused it as no ISO date: row skipped
    from junquito_tui.core.interop.csv_export import COLUMNS

    header = list(COLUMNS)
    row: list[Cell] = [""] * len(header)
    for name, value in (("id", "added"), ("start", dt.datetime(2018, 1, 16, 9, 15)), ("precision", "minute")):
        row[header.index(name)] = value
    row[header.index("title")] = "Added in a spreadsheet"
    loaded = load_with_report(write_xlsx(tmp_path / "export.xlsx", [header, row]))
    (event,) = loaded.dataset.events
    assert event.when is not None and (event.when.date, event.when.utc_offset) == ("2018-01-16T09:15", "+00:00")
    assert event.when.note == "no time zone is given with the time: read as UTC"
    assert any(w.startswith("times without a UTC offset read as UTC") for w in loaded.warnings)
