"""Every guess or coarsening in reading a date is said with the date itself, in its note, not only in a
warning: the imported dataset keeps its notes and loses the warnings, and the event page shows the note.
Named fixtures in tests/data/sheets."""

from __future__ import annotations

from conftest import REPO, known
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.records import Event

SHEETS = REPO / "tests" / "data" / "sheets"
EXCEL_YEARS = "as Excel reads it (00-29: 2000s, 30-99: 1900s)"


def load(name: str) -> Loaded:
    return load_with_report(SHEETS / name)


def by_title(loaded: Loaded) -> dict[str, Event]:
    return {event.title: event for event in loaded.dataset.events}


def dated(event: Event) -> tuple[str, str, bool, str | None]:
    when = known(event.when)
    return when.date, when.precision.value, when.approximate, when.note


def warned(loaded: Loaded, *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in loaded.warnings)


def test_each_guess_in_a_sheets_dates_is_in_the_dates_note() -> None:
    loaded = load("dates-guesses-noted.csv")
    found = by_title(loaded)
    for title, expected in [
        # each was said only in a warning: the date had no note
        ("Excel two-digit year", ("2020-05-01", "day", False, f"two-digit year '20' read as 2020, {EXCEL_YEARS}")),
        (
            "Dotted two-digit year",  # both of its guesses
            (
                "1950-05-03",
                "day",
                False,
                f"two-digit year '50' read as 1950, {EXCEL_YEARS}; could be day/month or month/day: read as "
                "day/month, as dates with dots are usually written",
            ),
        ),
        (
            "A day number",
            (
                "2023-03-15",
                "day",
                False,
                "the file gives the number 45000: read as a spreadsheet's day number "
                "(a date cell that lost its format)",
            ),
        ),
        # ('13/13/2020': it was also counted among the dates that could be day/month or month/day)
        (
            "No valid month",
            ("2020", "year", False, "'13/13/2020' is no day and month either way round: the date is kept to the year"),
        ),
        ("No such day", ("2020-02", "month", False, "February has no day 30: the date is kept to the month")),
        (
            "A negative year",
            (
                "-0459",
                "year",
                False,
                "-460 read as 460 BCE, as TimelineJS counts years (ISO 8601 counts it as 461 BCE)",
            ),
        ),
        (
            "A midnight",
            (
                "2018-01-15",
                "day",
                False,
                "the file gives a time of midnight (0:00), which spreadsheets add to dates: read as the day",
            ),
        ),
        ("A month and a year past 31", ("1945-05", "month", False, f"two-digit year '45' read as 1945, {EXCEL_YEARS}")),
    ]:
        assert dated(found[title]) == expected, title
    # (the warnings still say it, once for the file)
    assert warned(loaded, "two-digit year '20' read as 2020", "line 2")
    assert warned(loaded, "45000 read as a spreadsheet's day number", "line 4")


def test_a_month_and_two_digits_is_read_as_excels_month_and_year_and_the_other_reading_said() -> None:
    loaded = load("dates-guesses-noted.csv")
    found = by_title(loaded)
    # was skipped as 'has a day and a month but no year': Excel shows a month and year typed as 'May 2020'
    # this way (mmm-yy), and a CSV saved from it keeps what the cell shows
    assert dated(found["Excel month and year"]) == (
        "2020-05",
        "month",
        False,
        "read as Excel writes a month and year (mmm-yy), two-digit year '20' as 2020 (00-29: 2000s, 30-99: 1900s); "
        "could also be 20 May, with no year",
    )
    assert warned(loaded, "(Excel's mmm-yy) read as Excel writes a month and year", "line 9")
    # a day before its month is Excel's day and month (d-mmm), with no year: still skipped, named
    assert "A day and a month" not in found
    assert warned(loaded, "line 11", "'20-May' has a day and a month but no year", "row skipped")


def test_a_timelinejs_sheets_guesses_are_in_the_dates_note_after_its_display_date() -> None:
    found = by_title(load("timelinejs-guesses-noted.csv"))
    two_digits = f"two-digit year '20' read as 2020, {EXCEL_YEARS}"
    assert dated(found["Two-digit year"]) == ("2020-05-01", "day", False, two_digits)
    # the Display Date is the note; how the Year cell was read follows it (was lost)
    assert dated(found["Two-digit year with a display date"])[3] == f"May Day; {two_digits}"
    no_day = "February has no day 30: the date is kept to the month"
    assert dated(found["No such day"]) == ("2020-02", "month", False, no_day)
    assert dated(found["No valid month"]) == (
        "2020",
        "year",
        False,
        "13 is not a valid month: the date is kept to the year",
    )
    assert dated(found["Year zero"]) == ("0000", "year", False, "year 0 read as 1 BCE, as TimelineJS has no year 0")


def test_an_acled_dates_own_note_is_kept_before_acleds_precision() -> None:
    found = {event.id: event for event in load("acled-legacy-upper-case.csv").dataset.events}
    assert known(found["1alg"].when).note == f"two-digit year '20' read as 2020, {EXCEL_YEARS}"
    assert known(found["2alg"].when).note == (
        f"two-digit year '24' read as 2024, {EXCEL_YEARS}; ACLED time precision 2: within a week or so of this day"
    )


def test_year_month_and_day_columns_make_one_date_and_what_they_cannot_give_is_said() -> None:
    loaded = load("dates-year-month-day-columns.csv")
    found = by_title(loaded)
    # was the year only, with 'month: 5' and 'day: 3' in the summary
    assert dated(found["One"]) == ("1950-05-03", "day", False, None) and found["One"].summary == ""
    assert dated(found["Two"]) == ("1951", "year", False, None)
    assert dated(found["Named month"]) == ("1953-03-04", "day", False, None)
    assert warned(loaded, "columns used: date <- 'year', title <- 'event', month <- 'month', day <- 'day'")
    # what cannot be part of the date: the date stops before it, its note says why, the cell is kept
    for title, expected, summary in [
        ("Three", ("1952", "year", False, "'13' in 'month' is not a month: the date is kept to the year"), "month: 13"),
        (
            "Season",
            ("1954", "year", False, "'Spring' in 'month' is not a month: the date is kept to the year"),
            "month: Spring",
        ),
        (
            "Weekday",
            ("1955-06", "month", False, "'Monday' in 'day' is not a day of the month: the date is kept to the month"),
            "day: Monday",
        ),
        ("No such day", ("1956-02", "month", False, "February has no day 30: the date is kept to the month"), ""),
        ("Day alone", ("1957", "year", False, "'month' is empty: the date is kept to the year"), "day: 4"),
    ]:
        assert dated(found[title]) == expected, title
        assert found[title].summary == summary, title
    # a year cell that is no plain year keeps its own reading; its month and day are kept in the summary
    decade = found["Decade"]
    assert (dated(decade)[:3], decade.summary) == (("1950", "year", True), "month: 5")
    assert warned(loaded, "line 8", "'1950s' in 'year' is not a plain year", "kept in the summary")
