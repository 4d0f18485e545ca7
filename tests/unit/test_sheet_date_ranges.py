"""Ranges written as free text in a spreadsheet's date cells: the period read holds the whole of what
the text names (never its last month, never one decade of two), no more than the text allows, and the
text is kept as the date's note. Named fixtures in tests/data/sheets; an oracle over generated ranges."""

from __future__ import annotations

from conftest import REPO, known
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.records import Event

SHEETS = REPO / "tests" / "data" / "sheets"

# date, precision, approximate, note, end, the end's precision
Dated = tuple[str, str, bool, str | None, str | None, str | None]


def load(name: str) -> Loaded:
    return load_with_report(SHEETS / name)


def by_title(loaded: Loaded) -> dict[str, Event]:
    return {event.title: event for event in loaded.dataset.events}


def dated(event: Event) -> Dated:
    when = known(event.when)
    end = event.end
    return (
        when.date,
        when.precision.value,
        when.approximate,
        when.note,
        end.date if end else None,
        end.precision.value if end else None,
    )


# -- a range of months is every month it names ----------------------------------------------------------------


def test_a_range_of_months_runs_from_its_first_month_to_its_last() -> None:
    found = by_title(load("dates-ranges-of-months.csv"))
    # was 1950-03, 'around March 1950': the last month only, where the year is written
    assert dated(found["Months with a hyphen"]) == ("1950-01", "month", True, "January-March 1950", "1950-03", "month")
    # was 2020-05
    assert dated(found["Months with an en dash"]) == ("2020-03", "month", True, "March–May 2020", "2020-05", "month")
    assert dated(found["Abbreviated months"])[::4] == ("1950-01", "1950-03")
    assert dated(found["Months of two years"]) == (
        "1968-05",
        "month",
        True,
        "from May 1968 to June 1969",
        "1969-06",
        "month",
    )
    assert dated(found["Spanish months"])[::4] == ("1950-01", "1950-03")
    assert dated(found["Months BCE"])[::4] == ("-0043-01", "-0043-03")  # 44 BCE is astronomical -0043


def test_a_range_of_months_across_a_new_year_covers_both_years_and_says_so() -> None:
    across = by_title(load("dates-ranges-of-months.csv"))["Across a new year"]
    assert dated(across) == (
        "1950-11",
        "month",
        True,
        "'November-February 1951' could be November 1950 to February 1951 or November 1951 to February 1952: "
        "read as November 1950 to February 1952, which covers both",
        "1952-02",
        "month",
    )


# -- a range of decades is both decades, whole -----------------------------------------------------------------


def test_a_range_of_decades_runs_from_the_first_decades_start_to_the_last_ones_end() -> None:
    found = by_title(load("dates-ranges-of-decades.csv"))
    for title, start, end, note in [
        ("Decades with a hyphen", "1960", "1979", "1960s-1970s"),  # was ~1960, no end
        ("Decades with an en dash", "1960", "1979", "1960s–1970s"),  # was 1960 to 1970
        ("Decades with a short tail", "1970", "1989", "1970s-80s"),  # was ~1970, no end
        ("Decades with apostrophes", "1970", "1989", "1970's-'80s"),
        ("A decade in a sentence", "1960", "1969", "the late 1960s in Paris"),  # was ~1960, no end
    ]:
        assert dated(found[title]) == (start, "year", True, note, end, "year"), title
    # the 460s BC are 469-460 BCE, the 450s BC 459-450 BCE: astronomically -0468 to -0449
    assert dated(found["Decades BCE"])[::4] == ("-0468", "-0449")


def test_a_range_of_hundreds_holds_the_centuries_and_says_so() -> None:
    hundreds = by_title(load("dates-ranges-of-decades.csv"))["Hundreds"]
    assert dated(hundreds) == (
        "1800",
        "year",
        True,
        "'1800s-1900s' could mean 1800–1909 or 1800–1999: read as 1800–1999, which covers both",
        "1999",
        "year",
    )


# -- an end cell's period ends where its text's period ends ----------------------------------------------------


def test_an_end_cell_holding_a_range_ends_where_the_range_ends() -> None:
    found = by_title(load("dates-end-text.csv"))
    for title, end, precision, note in [
        ("End a range of years", "1831", "year", "1826-31"),  # was 1826, the range's start
        ("End a season", "1835", "year", "winter 1834-35"),  # was 1834
        ("End a decade", "1959", "year", "1950s"),  # was 1950
        ("End a range of decades", "1979", "year", "1960s-1970s"),
        ("End a range of months", "1951-03", "month", "January-March 1951"),
        ("End circa", "1840", "year", "c. 1840"),
    ]:
        made = found[title].end
        assert made is not None, title
        assert (made.date, made.precision.value, made.approximate, made.note) == (end, precision, True, note), title
    plain = found["End a month"].end  # a plain date is its own end, as before
    assert plain is not None and (plain.date, plain.approximate, plain.note) == ("1950-06", False, None)


def test_a_timelinejs_end_year_written_as_a_range_ends_where_it_ends_and_keeps_its_note() -> None:
    found = by_title(load("timelinejs-end-text.csv"))
    for title, end, note in [
        ("End a range of years", "1831", "1826-31"),  # was 1826, with no note and not approximate
        ("End a season", "1835", "winter 1834-35"),
        ("End a decade", "1959", "1950s"),
        ("End a range of months", "1951-03", "January-March 1951"),
    ]:
        made = found[title].end
        assert made is not None, title
        assert (made.date, made.approximate, made.note) == (end, True, note), title


# -- a year and one digit: not ISO 8601, and could be the years ------------------------------------------------


def test_a_year_and_one_digit_is_read_as_the_years_which_hold_the_month_and_says_so() -> None:
    found = by_title(load("dates-year-and-one-digit.csv"))
    for title, start, end, note in [
        # was February 2001 with no note: ISO 8601 writes it 2001-02; as ranges are written, 2001 to 2002
        ("A year and a digit", "2001", "2002", "'2001-2' could also be February 2001: read as the years 2001–2002"),
        ("January or the years", "1950", "1951", "'1950-1' could also be January 1950: read as the years 1950–1951"),
        (
            "A later year of the decade",
            "1914",
            "1918",
            "'1914-8' could also be August 1914: read as the years 1914–1918",
        ),
        ("With a slash", "2001", "2002", "'2001/2' could also be February 2001: read as the years 2001–2002"),
    ]:
        assert dated(found[title]) == (start, "year", True, f"{note}, which covers both", end, "year"), title
    # a digit that names no later year is only a month; ISO's own form keeps its reading, noted as before
    assert dated(found["Only a month"]) == ("2005-03", "month", False, None, None, None)
    iso = "could also be the years 1810–1811: read as ISO year-month"
    assert dated(found["ISO year and month"]) == ("1810-11", "month", False, iso, None, None)
