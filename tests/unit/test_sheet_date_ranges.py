"""Ranges written as free text in a spreadsheet's date cells: the period read holds the whole of what
the text names (never its last month, never one decade of two), no more than the text allows, and the
text is kept as the date's note. Named fixtures in tests/data/sheets; an oracle over generated ranges."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, known
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import MONTHS
from junquito_tui.core.interop.markdown_export import to_markdown
from junquito_tui.core.interop.notes import Notes
from junquito_tui.core.interop.sheet_when import SheetDates, ending
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.records import Event, When

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
    # two whole months after 'from': that period as written (was approximate, the text as its note)
    assert dated(found["Months of two years"]) == ("1968-05", "month", False, None, "1969-06", "month")
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


# -- the oracle: generated ranges against the months they can mean, counted one by one -------------------------
#
# For each text, every reading it allows is spelled out as the set of months it covers (a brute-force
# reference: no interval arithmetic shared with the reader). The text's own period is the union of its
# readings: the imported date, from its start to its end, must hold all of it (its start at or before the
# text's start, its end at or after the text's end) and no more (never wider). The same text in an END
# column must end where the text's period ends.

_MONTH_FORMS = [(name, number) for number, full in enumerate(MONTHS, 1) for name in {full, full[:3]}]
_BETWEEN_MONTHS = ["-", "–", " - ", " to "]
_BETWEEN_DECADES = ["-", "–", " - ", " to "]

Months = set[tuple[int, int]]  # (year, month)


def _months_of_years(first: int, last: int) -> Months:
    return {(year, month) for year in range(first, last + 1) for month in range(1, 13)}


def _months_between(start: tuple[int, int], end: tuple[int, int]) -> Months:
    """Every month from ``start`` to ``end``, counted one by one."""
    found, at = set(), start
    while at <= end:
        found.add(at)
        at = (at[0] + 1, 1) if at[1] == 12 else (at[0], at[1] + 1)
    return found


def _covered(when: When) -> Months:
    """The months a date's period covers (the dates here are years or months)."""
    parts = when.parts()
    return {(parts[0], parts[1])} if len(parts) >= 2 else _months_of_years(parts[0], parts[0])


def _imported(text: str) -> tuple[When, When | None, When]:
    """The start, the end and the date as an END cell that an import of ``text`` makes, as generic_sheet does."""
    dates = SheetDates(Notes())
    parsed = dates.read(text, "line 2")
    assert parsed is not None, text
    start = dates.when(parsed, "line 2", "row skipped")
    as_end = dates.when(ending(parsed), "line 2", "end date ignored")
    assert start is not None and as_end is not None, text
    return start, dates.end_of(parsed, "line 2"), as_end


def _check(text: str, readings: list[Months]) -> None:
    own = set().union(*readings)
    first, last = min(own), max(own)
    start, end, as_end = _imported(text)
    begins = min(_covered(start))
    ends = max(_covered(end if end is not None else start))
    assert begins <= first and ends >= last, f"{text!r}: read as {begins} to {ends}, the text is {first} to {last}"
    assert begins >= first and ends <= last, f"{text!r}: read as {begins} to {ends}, wider than {first} to {last}"
    assert start.approximate and start.note is not None and text in start.note, text
    assert max(_covered(as_end)) == last and as_end.approximate, f"{text!r} as an end: {as_end.date}"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_MONTH_FORMS),
    st.sampled_from(_MONTH_FORMS),
    st.integers(1001, 2998),
    st.sampled_from(_BETWEEN_MONTHS),
)
def test_oracle_a_range_of_months(first: tuple[str, int], last: tuple[str, int], year: int, between: str) -> None:
    (head, one), (tail, other) = first, last
    if one <= other:
        readings = [_months_between((year, one), (year, other))]
    else:  # 'November-February 1951': across a new year, before or after the year written
        readings = [_months_between((year - 1, one), (year, other)), _months_between((year, one), (year + 1, other))]
    _check(f"{head}{between}{tail} {year}", readings)


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(100, 298), st.sampled_from(_BETWEEN_DECADES), st.sampled_from(["s", "'s"]))
def test_oracle_a_range_of_decades(data: st.DataObject, tens: int, between: str, plural: str) -> None:
    first = tens * 10
    second = data.draw(st.integers(tens + 1, 299), "second decade") * 10
    short = second - first < 100 and data.draw(st.booleans(), "short tail")  # '1970s-80s'
    tail = f"{second % 100:02d}" if short else str(second)
    # the first decade is a decade; the second, where it is a hundreds ('1900s'), may be its century too
    readings = [_months_of_years(first, second + 9)]
    if second % 100 == 0:
        readings.append(_months_of_years(first, second + 99))
    _check(f"{first}{plural}{between}{tail}{plural}", readings)


def _later_year(data: st.DataObject, year: int) -> tuple[str, int]:
    """A tail naming a later year, as ranges of years are written: '1826-31', '2001-2', '1999-00'."""
    if year % 100 == 99:
        return "00", year + 1  # across a new century: only the next year
    form = data.draw(st.sampled_from(["two digits", "one digit"] if year % 10 < 9 else ["two digits"]), "form")
    if form == "one digit":
        digit = data.draw(st.integers(year % 10 + 1, 9), "digit")
        return str(digit), year - year % 10 + digit
    tail = data.draw(st.integers(year % 100 + 1, 99), "tail")
    return f"{tail:02d}", year - year % 100 + tail


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(1000, 2998), st.sampled_from(["winter", "summer", "c.", "around"]))
def test_oracle_a_season_or_circa_with_a_year_and_its_tail(data: st.DataObject, year: int, word: str) -> None:
    tail, last = _later_year(data, year)
    _check(f"{word} {year}-{tail}", [_months_of_years(year, last)])


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(1000, 2998))
def test_oracle_a_year_and_its_tail(data: st.DataObject, year: int) -> None:
    tail, last = _later_year(data, year)
    text = f"{year}-{tail}"
    if len(tail) == 2 and 1 <= int(tail) <= 12:
        # the documented exception: ISO 8601's year-month ('1810-11' is November 1810), the years it could
        # also be said in its note; the month lies within them
        start, end, _ = _imported(text)
        assert (start.date, end) == (text, None)
        assert start.note == f"could also be the years {year}–{last}: read as ISO year-month"
        return
    _check(text, [_months_of_years(year, last)])


def test_a_range_of_decades_starting_at_a_hundreds_starts_with_its_decade() -> None:
    # 'the 1900s to the 1920s' cannot start with the century 1900-1999: its first decade is a decade
    found = by_title(load("dates-ranges-of-decades.csv"))
    assert dated(found["Hundreds then decades"]) == ("1900", "year", True, "1900s-1920s", "1929", "year")


def test_a_year_and_two_digits_that_could_be_a_later_year_says_so() -> None:
    found = by_title(load("dates-year-and-two-digits.csv"))
    # ISO's August 1905, and '1904-05' is how ranges of years are written: said (was said only of the next year)
    noted = "could also be the years 1905–1908: read as ISO year-month"
    assert dated(found["ISO month or a later year"]) == ("1905-08", "month", False, noted, None, None)
    # was 1999 ('0 is not a valid month'): the next year across a new century
    assert dated(found["Across a new century"]) == ("1999", "year", True, "1999-00", "2000", "year")
    assert dated(found["A winter"]) == ("1904", "year", True, "winter 1904-05", "1905", "year")


# -- a decade written without its century ----------------------------------------------------------------------


def test_a_decade_without_its_century_is_read_as_excel_reads_two_digit_years() -> None:
    # '60s' and 'the 80s' were 60-69 and 80-89 CE: events placed nineteen centuries early, the text kept
    # only as the note
    loaded = load("dates-decades-without-century.csv")
    found = by_title(loaded)
    said = "written without its century: read as the {}s, as Excel reads two-digit years"
    assert dated(found["Sixties"]) == ("1960", "year", True, f"'60s': {said.format(1960)}", "1969", "year")
    assert dated(found["Eighties"])[::4] == ("1980", "1989") and "'the 80s'" in (dated(found["Eighties"])[3] or "")
    assert dated(found["Twenties"])[::4] == ("2020", "2029")  # Excel's 00-29: the 2000s, said
    assert dated(found["Nineties"])[::4] == ("1990", "1999")
    assert dated(found["Roman sixties"])[::4] == ("0060", "0069")  # an era says which: as written
    assert dated(found["Written whole"]) == ("1960", "year", True, "1960s", "1969", "year")
    assert any("a decade written without its century ('20s') read as the 2020s" in w for w in loaded.warnings)


def test_every_two_digit_decade_gets_the_century_excel_gives_its_years() -> None:
    # exhaustive: the ten decades a two-digit one can be, against Excel's rule written out
    for tens in range(10):
        decade = tens * 10
        full = decade + (2000 if decade < 30 else 1900)
        parsed = SheetDates(Notes()).read(f"{decade:02d}s", "line 2")
        assert parsed is not None and parsed.parts == {"year": full} and parsed.end == {"year": full + 9}
        assert parsed.approximate and f"read as the {full}s" in (parsed.note or "")


@settings(max_examples=120, deadline=None)
@given(
    st.integers(1010, 2099),  # (a year under 1000 beside one over is read as a count: '1950 (300 killed)')
    st.integers(1, 9),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["or", "o", "ou", "oder", "OR"]),
    st.sampled_from(["{}", "c. {}", "Battle of the Marne, {}"]),
)
def test_oracle_either_of_two_years_holds_both(
    year: int, step: int, later: bool, whole: bool, word: str, form: str
) -> None:
    # before: '1918 or 20' was 1918 alone (approximate), the year 1920 it names lost to a date search
    from junquito_tui.core.interop.sheet_date_values import Parsed
    from junquito_tui.core.interop.sheet_dates import read_date

    other = year + step if later else year - step  # (two digits: the year of that ending nearest the first,
    written = str(other) if whole else f"{other % 100:02d}"  # '1999 or 01' is 2001, as 'step' is at most 9)
    cell = form.format(f"{year} {word} {written}")
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.end is not None
    assert (parsed.parts, parsed.end) == ({"year": min(year, other)}, {"year": max(year, other)})
    assert parsed.note == f"'{cell}': names two years: read as the years from the first to the second, which hold both"


@pytest.mark.parametrize(
    ("text", "parts", "end"),
    [  # a number after 'o' that is no year's end of the cell (a review: each became a year up to 2025)
        ("marzo 2019 o 25 de abril de 2019", {"year": 2019, "month": 3}, {"year": 2019, "month": 4}),
        ("2019 o 20 de abril", {"year": 2019}, None),
        ("1820 o 30 años después", {"year": 1820}, None),
    ],
)
def test_a_number_after_or_that_is_not_a_year_is_not_read_as_one(
    text: str, parts: dict[str, int], end: dict[str, int] | None
) -> None:
    from junquito_tui.core.interop.sheet_date_values import Parsed
    from junquito_tui.core.interop.sheet_dates import read_date

    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and (parsed.parts, parsed.end) == (parts, end)


# -- an end without a year is the first such day or month after the start ---------------------------------------


def _first_after(start: tuple[int, ...], end: tuple[int, ...]) -> tuple[int, ...]:
    """The first (month, day) or (month,) ``end`` after ``start`` (year, month[, day]), counted by brute force."""
    year = start[0]
    while (year, *end) <= start:
        year += 1
    return (year, *end)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1001, 2998),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(["{d} {M} {y}{j}{e} {E}", "{M} {d}, {y}{j}{E} {e}", "{M} {y}{j}{E}", "{d} {m}. {y}{j}{e} {F}."]),
    st.sampled_from([" - ", " – ", "-", " to "]),
)
def test_oracle_an_end_without_a_year_takes_the_starts_and_is_the_first_after_it(
    year: int, month: int, day: int, end_month: int, end_day: int, form: str, joint: str
) -> None:
    names = [name.title() for name in MONTHS]
    text = form.format(
        d=day, M=names[month - 1], m=names[month - 1][:3], y=year, j=joint, e=end_day, E=names[end_month - 1],
        F=names[end_month - 1][:3],
    )  # fmt: skip
    with_day = "{d}" in form
    start = (year, month, day) if with_day else (year, month)
    end = (end_month, end_day) if with_day else (end_month,)
    if (year, *end) == start:
        return  # (the same day or month twice: a year's period, or a slip; not read as either)
    dates = SheetDates(Notes())
    parsed = dates.read(text, "line 2")
    assert parsed is not None, text
    when, until = dates.when(parsed, "line 2", "row skipped"), dates.end_of(parsed, "line 2")
    assert when is not None and until is not None, text
    assert tuple(when.parts()) == start and not when.approximate, f"{text!r}: starts {when.date}"
    assert tuple(until.parts()) == _first_after(start, end) and not until.approximate, f"{text!r}: ends {until.date}"
    # said on the end, the date inferred (the Markdown export labelled it the start's note)
    assert until.note is not None and "has no year of its own" in until.note and str(until.parts()[0]) in until.note
    assert when.note is None or "of its own" not in when.note


def test_an_end_without_a_year_on_the_starts_day_or_on_29_february_is_read_truly() -> None:
    dates = SheetDates(Notes())
    # the same day: that day alone, or a year on; read to cover both (it was March 2018, the second reading lost)
    same = dates.read("15 March 2018 - 15 March", "line 2")
    assert same is not None and (same.parts, same.end, same.end_approximate) == (
        {"year": 2018, "month": 3, "day": 15},
        {"year": 2019, "month": 3, "day": 15},
        True,
    )
    assert same.end_note is not None and same.end_note.startswith("'15 March' could be 15 March 2018 again")
    assert same.note is None  # (a re-trial: the end's reading was said as the start's note)
    # 29 February: the first one after the start, however far (it was the years 2021 to 2029, '29' a year)
    for cell, end in [("1 March 2021 - 29 February", 2024), ("1 March 1899 - 29 February", 1904)]:
        leap = dates.read(cell, "line 3")
        assert leap is not None and leap.end == {"year": end, "month": 2, "day": 29} and not leap.approximate, cell
    assert dates.read("12/03/2019 - 5 April", "line 4") is None  # (its day and month either way: not lent)


@pytest.mark.parametrize(
    "cell",
    [
        "December 2019 - 3 January",
        "28 December 2019? - 3 January",
        "28 December 2019 10:00 - 3 January 12:00",
        "between 28 December 2019 and 3 January",
        "28 December 2019 - c. 3 January",
    ],
)
def test_free_text_whose_year_is_written_with_its_first_month_crosses_a_new_year_forward(cell: str) -> None:
    # before (a date trial's re-trial): read as the years 2018 to 2020, 'which covers either': 2018 the text rules out
    parsed = SheetDates(Notes()).read(cell, "line 2")
    assert parsed is not None and parsed.approximate
    assert (parsed.parts, parsed.end) == ({"year": 2019, "month": 12}, {"year": 2020, "month": 1})
    assert parsed.note is not None and "read as December 2019 to January 2020" in parsed.note
    # the year after the last month still places nothing: both readings held
    either = SheetDates(Notes()).read("November-February 1951", "line 3")
    assert either is not None and (either.parts["year"], either.end) == (1950, {"year": 1952, "month": 2})


def test_the_markdown_export_says_an_inferred_end_year_is_the_ends(tmp_path: Path) -> None:
    # before (a trial's note left open): '— start: '01-03' has no year of its own...', the end's inference
    sheet = tmp_path / "ends.csv"
    sheet.write_text("date,title\n2019-12-28 - 01-03,Across\n28 December 2019 - 3 January,Words\n", encoding="utf-8")
    chronology = Chronology(load_with_report(sheet).dataset)
    text = to_markdown(chronology, chronology.events)
    assert text.count("— end: ") == 2 and "start: " not in text
