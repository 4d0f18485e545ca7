"""Spreadsheet date cells read honestly: never more precise than the file states, every guess said in
the date's note or a warning, and a cell that cannot be read honestly skipped with a warning naming
its row (one small file per defect a review found, written out from the text below: a folder of them
under tests/data/sheets would be read by the test that loads every file there)."""

from __future__ import annotations

import datetime as dt
import string
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import known
from junquito_tui.core.either_way import assumed_other, swapped
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.placement import time_unused, why_listed_here
from junquito_tui.core.records import Event, When

FIXTURES = {  # one small file per defect a review found, written out by the ``sheets`` fixture
    "decades.csv": (
        "date,title\n"
        "1800s,Eighteen hundreds\n"
        "the 1900s,Nineteen hundreds\n"
        "1850s,A decade\n"
        "460s BC,A decade BCE\n"
        "400s BC,Four hundreds BCE\n"
    ),
    "era-word.csv": (
        "date,title\n"
        "2003 per BBC,Invasion begins\n"
        '"15 March 2003, NBC",Strike reported\n'
        "44 BC,Ides of March\n"
        "44BC,No space\n"
        "476 B.C.,Dotted era\n"
        "1850 AD,Era CE\n"
        "Adelaide 1850,A town that starts with Ad\n"
    ),
    "month-words.csv": (
        "date,title\n"
        "Riots may have begun 1968,Everyday may\n"
        "Long March 1934,Name with a month\n"
        "1963 March on Washington,Month in a name after the year\n"
        "21 March 2020,Day month year\n"
        '"March 15, 1934",US order\n'
        "Riots in March 1968,Month after in\n"
        '"Reported, May 1968",Month after a comma\n'
        "01-January-2015,ACLED style\n"
        "1-May-20,Excel\n"
        "15 de enero de 2018,Spanish\n"
        "Spring 1850,Season\n"
    ),
    "numbers.csv": (
        "date,title\n"
        "1516000000,Unix seconds\n"
        "1516000000000,Unix milliseconds\n"
        "123456,Six digits\n"
        "43115,Day number\n"
        "-0475,Zero-padded BCE\n"
        "-460,Negative year\n"
        "1850,Plain year\n"
    ),
    "order-dot-shown.csv": ("date,title\n1.2.1951,Dotted\n25/12/1951,Shows day first\n1/2/1951,Slashed\n"),
    "order-dot.csv": ("date,title\n1.2.1951,Dotted\n1/2/1951,Slashed\n"),
    "seconds.csv": (
        "date,title\n"
        "2018-01-15 04:00:30.75,Fraction\n"
        "2018-01-15T04:00:00.5+0530,Half a second\n"
        "2018-01-15 04:00:30,Whole seconds\n"
        "2018-01-15 04:00:00.000,Zero fraction\n"
    ),
    "timesketch-odd.jsonl": (
        '{"datetime": true, "timestamp_desc": "x", "message": "bool datetime"}\n'
        '{"datetime": 1516000000, "timestamp_desc": "x", "message": "numeric datetime"}\n'
        '{"datetime": "2018-01-15T04:00:00+00:00", "timestamp_desc": "x", "message": "normal"}\n'
    ),
    "year-ranges.csv": (
        "date,title\n"
        "winter 1811-12,Retreat from Moscow\n"
        "winter 1834-35,Another winter\n"
        "1810-11,Bare year and tail\n"
        "1850-06,Plain year and month\n"
        "1850/51,Slashed years\n"
        "1810/11,Slashed year and tail\n"
        "1826-31,A range of years\n"
        "Long March 1934-35,A march\n"
    ),
}


def _bool_workbook(path: Path) -> None:
    """An XLSX whose first date cell is the boolean TRUE (t="b"), then a real date (a day number, date format)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    sheet = (
        f'{head}<worksheet xmlns="{main}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>'
        '<row r="3"><c r="A3" s="1"><v>42887</v></c><c r="B3" t="s"><v>3</v></c></row>'
        "</sheetData></worksheet>"
    )
    words = ["date", "event", "Date cell is TRUE", "Normal row"]
    strings = f'{head}<sst xmlns="{main}">' + "".join(f"<si><t>{w}</t></si>" for w in words) + "</sst>"
    styles = (
        f'{head}<styleSheet xmlns="{main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    book = (
        f'{head}<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    book_relations = (
        f'{head}<Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{kind}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{kind}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{kind}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    )
    root = (
        f'{head}<Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{kind}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = (
        f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in [
            ("[Content_Types].xml", types),
            ("_rels/.rels", root),
            ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", book_relations),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", strings),
        ]:
            archive.writestr(name, text)


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dates")
    for name, text in FIXTURES.items():
        (folder / name).write_text(text, encoding="utf-8")
    _bool_workbook(folder / "bool-date.xlsx")
    return folder


def load(sheets: Path, name: str, columns: str | None = None) -> Loaded:
    return load_with_report(sheets / name, columns=parse_columns(columns) if columns else None)


def by_title(loaded: Loaded) -> dict[str, Event]:
    return {event.title: event for event in loaded.dataset.events}


def start(loaded: Loaded, title: str) -> When:
    return known(by_title(loaded)[title].when)


def end_date(loaded: Loaded, title: str) -> str | None:
    end = by_title(loaded)[title].end
    return end.date if end is not None else None


def warned(loaded: Loaded, *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in loaded.warnings)


# -- 1. an era is a word of its own: 'BBC' is no 'BC' ------------------------------------------------------


def test_an_era_at_the_end_of_a_word_is_not_an_era(sheets: Path) -> None:
    loaded = load(sheets, "era-word.csv")
    bbc = start(loaded, "Invasion begins")
    assert (bbc.date, bbc.precision, bbc.approximate, bbc.note) == ("2003", "year", True, "2003 per BBC")
    nbc = start(loaded, "Strike reported")
    assert (nbc.date, nbc.approximate, nbc.note) == ("2003-03-15", True, "15 March 2003, NBC")  # (its day kept)
    # the eras people write still are eras: 44 BC (astronomical -0043), with or without a space, dotted
    assert start(loaded, "Ides of March").date == "-0043" and start(loaded, "No space").date == "-0043"
    assert start(loaded, "Dotted era").date == "-0475" and start(loaded, "Era CE").date == "1850"
    # nor is 'AD' the start of a word
    assert start(loaded, "A town that starts with Ad").note == "Adelaide 1850"


_LETTERS = st.text(alphabet=string.ascii_letters, min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 2999),
    _LETTERS,
    st.sampled_from(["bc", "BC", "Bc", "bce", "BCE", "B.C.", "b.c.e."]),
    st.sampled_from([" ", " per ", ", ", " - "]),
)
def test_a_word_that_merely_ends_in_an_era_never_makes_a_date_bce(year: int, stem: str, era: str, between: str) -> None:
    parsed = read_date(f"{year}{between}{stem}{era}")
    assert isinstance(parsed, Parsed) or year < 100  # free text: a year has three or four digits
    if isinstance(parsed, Parsed):
        assert parsed.parts["year"] > 0 and (parsed.end is None or parsed.end["year"] > 0)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 2999), st.sampled_from(["BC", "BCE", "B.C.", "bc", "a. C."]), st.sampled_from(["", " "]))
def test_an_era_of_its_own_is_still_read(year: int, era: str, space: str) -> None:
    parsed = read_date(f"{year}{space}{era}")
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": -year}


# -- 2 and 6. a year and a short tail: a month, or the years? ----------------------------------------------


def test_a_season_with_a_year_and_its_tail_is_the_two_years(sheets: Path) -> None:
    loaded = load(sheets, "year-ranges.csv")
    for title, first, last, note in [
        ("Retreat from Moscow", "1811", "1812", "winter 1811-12"),  # was December 1811
        ("Another winter", "1834", "1835", "winter 1834-35"),
        ("A range of years", "1826", "1831", "1826-31"),
        ("Slashed years", "1850", "1851", "1850/51"),  # was 1850, with '51 is not a valid month'
        ("A march", "1934", "1935", "Long March 1934-35"),  # was March 1934
    ]:
        when = start(loaded, title)
        assert (when.date, when.precision, when.approximate, when.note) == (first, "year", True, note), title
        assert end_date(loaded, title) == last, title
    assert not warned(loaded, "not a valid month")


def test_a_bare_iso_year_month_that_could_be_two_years_says_so(sheets: Path) -> None:
    loaded = load(sheets, "year-ranges.csv")
    bare = start(loaded, "Bare year and tail")
    assert (bare.date, bare.precision, bare.approximate) == ("1810-11", "month", False)
    assert bare.note == "could also be the years 1810–1811: read as ISO year-month"
    assert end_date(loaded, "Bare year and tail") is None
    plain = start(loaded, "Plain year and month")  # 06 is no year after 1850: nothing to say
    assert (plain.date, plain.note) == ("1850-06", None)
    # with a slash, the years, as ranges are written ('1850/51'): they hold November 1810 too
    slashed = start(loaded, "Slashed year and tail")
    assert (slashed.date, slashed.approximate, end_date(loaded, "Slashed year and tail")) == ("1810", True, "1811")
    assert slashed.note == "'1810/11' could also be November 1810: read as the years 1810–1811, which covers both"


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 2999), st.sampled_from(["winter", "summer", "c.", "around", "early"]))
def test_words_around_a_year_and_its_next_years_tail_give_the_two_years(year: int, word: str) -> None:
    tail = (year + 1) % 100
    parsed = read_date(f"{word} {year}-{tail:02d}")
    assert isinstance(parsed, Parsed) and parsed.approximate
    if 1 <= tail <= 12 or tail > year % 100:  # a range of years (a two-digit tail after 99 wraps: not read)
        assert parsed.parts == {"year": year} and parsed.end == {"year": year + 1}


# -- 3. a month word counts only as part of the date --------------------------------------------------------


def test_a_month_is_taken_only_from_the_date_expression(sheets: Path) -> None:
    loaded = load(sheets, "month-words.csv")
    for title, date in [
        ("Everyday may", "1968"),  # was May 1968
        ("Name with a month", "1934"),  # 'Long March': a name
        ("Month in a name after the year", "1963"),  # 'March on Washington'
        ("Month after in", "1968-03"),
        ("Month after a comma", "1968-05"),
    ]:
        when = start(loaded, title)
        assert (when.date, when.approximate) == (date, True), title
    # what worked still works
    for title, date in [
        ("Day month year", "2020-03-21"),
        ("US order", "1934-03-15"),
        ("ACLED style", "2015-01-01"),
        ("Excel", "2020-05-01"),
        ("Spanish", "2018-01-15"),
    ]:
        when = start(loaded, title)
        assert (when.date, when.approximate) == (date, False), title
    assert (start(loaded, "Season").date, start(loaded, "Season").note) == ("1850", "Spring 1850")


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1000, 2999),
    st.sampled_from(["may", "march", "mar", "set", "ago"]),
    st.sampled_from(["have begun", "be", "", "in", "the year"]),
)
def test_an_everyday_word_in_a_sentence_is_no_month(year: int, word: str, other: str) -> None:
    parsed = read_date(" ".join(f"Riots {word} {other} {year}".split()))
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": year}


# -- 4. decades: '1800s' may be the century; BCE decades run backwards --------------------------------------


def test_a_hundreds_decade_is_read_as_the_century_and_said(sheets: Path) -> None:
    loaded = load(sheets, "decades.csv")
    hundreds = start(loaded, "Eighteen hundreds")
    assert (hundreds.date, hundreds.approximate, end_date(loaded, "Eighteen hundreds")) == ("1800", True, "1899")
    assert hundreds.note == (
        "'1800s' could mean the decade 1800–1809 or the century 1800–1899: read as 1800–1899, which covers both"
    )
    the = start(loaded, "Nineteen hundreds")
    assert (the.date, end_date(loaded, "Nineteen hundreds")) == ("1900", "1999")
    assert the.note is not None and the.note.startswith("'the 1900s' could mean the decade 1900–1909")
    decade = start(loaded, "A decade")  # not a hundreds: the decade, as before
    assert (decade.date, decade.note, end_date(loaded, "A decade")) == ("1850", "1850s", "1859")


def test_a_bce_decade_runs_from_its_highest_year(sheets: Path) -> None:
    loaded = load(sheets, "decades.csv")
    # the 460s BC are 469-460 BCE: astronomically -0468 to -0459 (was -0459, its end dropped with a false warning)
    decade = start(loaded, "A decade BCE")
    assert (decade.date, decade.approximate, end_date(loaded, "A decade BCE")) == ("-0468", True, "-0459")
    assert not warned(loaded, "before the start")
    century = start(loaded, "Four hundreds BCE")
    assert (century.date, end_date(loaded, "Four hundreds BCE")) == ("-0498", "-0399")
    assert "read as 499–400 BCE" in (century.note or "")


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 299), st.booleans())
def test_a_decade_always_starts_before_it_ends(tens: int, bce: bool) -> None:
    parsed = read_date(f"{tens * 10}s" + (" BC" if bce else ""))
    assert isinstance(parsed, Parsed) and parsed.end is not None
    assert parsed.parts["year"] < parsed.end["year"]
    assert (parsed.parts["year"] < 0) == bce


# -- 5. a number that is no plausible year ------------------------------------------------------------------


def test_a_long_number_is_not_a_year_and_its_row_is_named(sheets: Path) -> None:
    loaded = load(sheets, "numbers.csv")
    found = by_title(loaded)
    assert {"Unix seconds", "Unix milliseconds", "Six digits"}.isdisjoint(found)
    assert warned(loaded, "line 2", "'1516000000'", "10 digits, not a year", "timestamp", "row skipped")
    assert warned(loaded, "line 3", "'1516000000000'", "timestamp", "row skipped")
    assert warned(loaded, "line 4", "'123456'", "not a year", "row skipped")
    # what a short number means stays: a day number, a year, TimelineJS's negative years
    assert start(loaded, "Day number").date == "2018-01-15"
    assert start(loaded, "Zero-padded BCE").date == "-0474" and start(loaded, "Negative year").date == "-0459"
    assert start(loaded, "Plain year").date == "1850"


def test_a_timestamp_in_a_json_datetime_is_not_a_year(sheets: Path) -> None:
    loaded = load(sheets, "timesketch-odd.jsonl")
    assert [e.title for e in loaded.dataset.events] == ["normal"]
    # (Timesketch's reader may say it in its own words, as a datetime it does not write: the row is named)
    assert warned(loaded, "line 2", "1516000000", "row skipped")


@settings(max_examples=200, deadline=None)
@given(st.integers(10_000, 10**40).filter(lambda n: not 20_000 <= n <= 80_000), st.booleans())
def test_no_bare_number_of_more_than_four_digits_is_a_year(number: int, as_text: bool) -> None:
    read = read_date(str(number) if as_text else number)
    # eight digits may be ISO 8601's day with no hyphens ('20200321', said: test_sheet_date_forms): never a year
    assert isinstance(read, str) or (
        isinstance(read, Parsed) and 10**7 <= number < 10**8 and set(read.parts) == {"year", "month", "day"}
    )


# -- 7. dots are a convention, not evidence of the file's order -------------------------------------------


def test_a_dotted_date_is_day_first_said_and_shows_no_order(sheets: Path) -> None:
    loaded = load(sheets, "order-dot.csv")
    dotted = start(loaded, "Dotted")
    assert dotted.date == "1951-02-01"
    assert dotted.note == "could be day/month or month/day: read as day/month, as dates with dots are usually written"
    assert warned(loaded, "dates with dots", "read as day/month", "(line 2)")
    # the slash date is not 'shown' by the dotted one: no date shows the order, the assumption is said
    slashed = start(loaded, "Slashed")
    assert slashed.date == "1951-01-02"
    assert slashed.note == (
        "could be day/month or month/day: read as month/day, assumed: no date the file writes as text shows it"
    )
    assert not warned(loaded, "'1.2.1951' (line 2) shows")


def test_a_part_over_twelve_shows_the_order_and_the_dotted_date_is_not_cited(sheets: Path) -> None:
    loaded = load(sheets, "order-dot-shown.csv")
    assert start(loaded, "Slashed").date == "1951-02-01"
    assert warned(loaded, "'1/2/1951' (line 4)", "the order '25/12/1951' (line 3) shows")
    assert not warned(loaded, "'1.2.1951' (line 2) shows")


def test_the_order_given_with_columns_applies_to_dotted_dates_too(sheets: Path) -> None:
    loaded = load(sheets, "order-dot.csv", "order=mdy")
    assert start(loaded, "Dotted").date == "1951-01-02"
    assert (
        start(loaded, "Dotted").note
        == "could be day/month or month/day: read as month/day, as --columns order=mdy says"
    )
    assert not warned(loaded, "dates with dots")


# -- 8. seconds quoted as the file gives them ---------------------------------------------------------------


def test_fractions_of_a_second_are_quoted_as_written(sheets: Path) -> None:
    loaded = load(sheets, "seconds.csv")
    utc = "no time zone is given with the time: read as UTC"  # a time without a zone says so with the date too
    assert start(loaded, "Fraction").note == f"the file gives 04:00:30.75; {utc}"  # was 04:00:30
    half = start(loaded, "Half a second")  # (its zone is the file's: nothing to say)
    assert (half.date, half.utc_offset, half.note) == ("2018-01-15T04:00", "+05:30", "the file gives 04:00:00.5")
    assert start(loaded, "Whole seconds").note == f"the file gives 04:00:30; {utc}"
    assert start(loaded, "Zero fraction").note == utc
    assert warned(loaded, "seconds are finer than minute precision", "line 2", "line 3")


# -- 9. a true/false cell is no date, and its row is named --------------------------------------------------


def test_a_boolean_date_cell_in_a_workbook_is_named(sheets: Path) -> None:
    loaded = load(sheets, "bool-date.xlsx")
    assert [e.title for e in loaded.dataset.events] == ["Normal row"]
    assert warned(loaded, "row 2", "TRUE", "not a date", "row skipped")


def test_a_boolean_datetime_in_json_lines_is_named(sheets: Path) -> None:
    loaded = load(sheets, "timesketch-odd.jsonl")
    assert any(w.startswith("line 1:") and "true" in w.lower() and w.endswith("row skipped") for w in loaded.warnings)


@pytest.mark.parametrize("value", [True, False])
def test_a_boolean_is_never_a_date(value: bool) -> None:
    assert read_date(value) == "a true/false value, not a date"


# -- every skipped row is named ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "count"), [("numbers.csv", 3), ("bool-date.xlsx", 1), ("timesketch-odd.jsonl", 2)])
def test_every_skipped_row_is_named_in_a_warning(sheets: Path, name: str, count: int) -> None:
    loaded = load(sheets, name)
    assert f"{count} skipped (each named in a warning)" in (loaded.summary or "")
    assert len([w for w in loaded.warnings if w.endswith("; row skipped")]) == count


@pytest.mark.parametrize(
    ("text", "side", "bound"),
    [
        ("by March 1850", "before", "by 1850-03"),
        ("since 1900", "after", "from 1900"),
        ("until 1900", "before", "by 1900"),
    ],
)
def test_a_date_given_as_one_bound_says_how_it_was_read(text: str, side: str, bound: str) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.note == f"{text}; a bound: {bound}"
    assert parsed.said == [
        f"a date given as '{text.split()[0]} ...' is shown as a bound, listed on that date (or the month or year it "
        f"is in): the file does not say how long {side} it"
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(dt.date(1000, 1, 2), dt.date(2099, 12, 30)),
    st.sampled_from(["day", "month", "year"]),
    st.sampled_from([("before", "before"), ("after", "after"), ("prior to", "before"), ("antes de", "before")]),
)
def test_oracle_a_bound_that_leaves_its_date_out_is_the_period_beside_it(
    day: dt.date, unit: str, bound: tuple[str, str]
) -> None:
    # before: 'before 2018' was 2018, approximate: a search for 2018 found it, one for 2017 did not
    words, side = bound
    written = {"day": f"{day.day} {day.strftime('%B')} {day.year}", "month": f"{day.strftime('%B')} {day.year}"}
    parsed = read_date(f"{words} {written.get(unit, str(day.year))}")
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.end is None
    step = -1 if side == "before" else 1
    if unit == "day":
        moved = day + dt.timedelta(days=step)
        expected = {"year": moved.year, "month": moved.month, "day": moved.day}
    elif unit == "month":
        months = day.year * 12 + day.month - 1 + step
        expected = {"year": months // 12, "month": months % 12 + 1}
    else:
        expected = {"year": day.year + step}
    assert parsed.parts == expected
    assert parsed.said == [
        f"a date given as '{words} ...' is shown as a bound, listed on the nearest year, month or day {side} it: "
        f"the file does not say how long {side} it"
    ]


@settings(max_examples=120, deadline=None)
@given(
    st.dates(dt.date(1000, 1, 2), dt.date(2099, 12, 30)).filter(lambda d: d.day <= 12 and d.day != d.month),
    st.sampled_from(["before", "after"]),
    st.sampled_from(["none", "dmy", "mdy"]),
)
def test_oracle_a_bound_on_a_day_either_way_round_moves_the_day_once_read(day: dt.date, side: str, shown: str) -> None:
    # before: 'before 03/02/2018' was 3 February itself (a search for that day found it); and a day that
    # could be either way round: the other reading is the day next to the other day, not the moved day swapped
    cell = f"{side} {day.day:02d}/{day.month:02d}/{day.year}"  # written day first
    settles = {"none": [], "dmy": ["25/12/2017,shows"], "mdy": ["12/25/2017,shows"]}[shown]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bound.csv"
        path.write_text("\n".join(["date,event", f"{cell},bound", *settles]) + "\n", encoding="utf-8")
        dataset = load_with_report(path).dataset
    when = next(e.when for e in dataset.events if e.title == "bound")
    assert when is not None and when.approximate and when.precision == "day"
    step = dt.timedelta(days=-1 if side == "before" else 1)
    written = day if shown == "dmy" else dt.date(day.year, day.day, day.month)  # month first: as assumed
    other = dt.date(day.year, day.day, day.month) if shown == "dmy" else day
    assert when.date == (written + step).isoformat()
    assert swapped(when) == ((other + step).year, (other + step).month, (other + step).day)
    assert (assumed_other(when) is not None) == (shown == "none")  # marked only where the order is assumed


def test_an_approximate_date_says_nothing_of_bounds() -> None:
    parsed = read_date("c. 1900")
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.said == []


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("10:30 PM 1/15/2018", "1/15/2018 10:30 PM"),
        ("04:00 15 January 2018", "15 January 2018 04:00"),
        ("10:30:45 2018-01-15", "2018-01-15 10:30:45"),
        ("12:00 AM 1/15/2018", "1/15/2018 12:00 AM"),  # a spreadsheet's midnight: no time, said
    ],
)
def test_a_time_written_before_its_date_is_read_as_after_it(text: str, same_as: str) -> None:
    before, after = read_date(text), read_date(same_as)
    assert isinstance(before, Parsed) and isinstance(after, Parsed)
    assert (before.parts, before.said, before.approximate) == (after.parts, after.said, after.approximate)
    assert before.parts["day"] == 15


def test_a_time_alone_is_still_no_date() -> None:
    assert read_date("10:30") == read_date("12:00 AM") == "no year can be read in it"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("aprox. 12:00 del 15/01/2018", "a date (15/01/2018)"),
        ("15/01/2018 or 16/01/2018", "dates (15/01/2018, 16/01/2018)"),
        ("entre 15/01/2018-16/01/2018", "dates (15/01/2018, 16/01/2018)"),  # (in review: was 'no year')
        ("sometime near 2018.01.15, or after", "a date (2018.01.15)"),
        ("1/1/2018, 1/1/2018, 2/1/2018, 3/1/2018, 4/1/2018 ?", "dates (1/1/2018, 2/1/2018, 3/1/2018, …)"),
    ],
)
def test_a_date_among_words_not_read_is_named_not_called_yearless(text: str, held: str) -> None:
    """Before: 'no year can be read in it', of a cell whose year a person sees at once."""
    expected = f"it holds {held} among words this reader does not read: write one date alone in the cell"
    assert read_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tel. 12-34-56",
        "ref 99/99/99",
        "version 10.4.12",
        "at 12.30.45 local",
        "art. 12.3.40 of the law",
        "ref 2018/45/99",
    ],
)
def test_numbers_that_are_no_day_are_not_called_one(text: str) -> None:
    """Found in review: a phone number, a version, a clock time were each said to hold a date."""
    assert read_date(text) == "no year can be read in it"


@pytest.mark.parametrize(
    ("text", "parts", "mark"),
    [
        ("before the end of 2018", {"year": 2018}, "by 2018"),  # (a review: each was moved a year or a month past
        ("after early 2018", {"year": 2018}, "from 2018"),  # its date; a user trial: each was '~2018', unmarked,
        ("before Easter 2018", {"year": 2018, "month": 4, "day": 2}, "by 2018-04-02"),  # missed by a search for
        ("before mid-January 2018", {"year": 2018, "month": 1}, "by 2018-01"),  # 2017: a bound on what was read)
        ("before or on 15 January 2018", {"year": 2018, "month": 1}, None),  # (words not read: no bound claimed)
        ("before and including 2018", {"year": 2018}, None),
        ("na 15 de janeiro de 2018", {"year": 2018, "month": 1, "day": 15}, None),  # Portuguese 'in the', not Dutch
    ],
)
def test_a_bound_over_more_than_a_plain_date_is_not_moved_past_it(
    text: str, parts: dict[str, int], mark: str | None
) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.parts == parts
    assert text in (parsed.note or "")
    assert (parsed.note or "").endswith(f"; a bound: {mark}") if mark else parsed.note == text


def test_a_bound_at_a_time_is_a_bound_on_its_day() -> None:
    # 'before 2018-01-15 04:00' was '~04:00' on the 15th, 'around' a time (a re-trial): by that day, the time noted
    parsed = read_date("before 2018-01-15 04:00")
    assert isinstance(parsed, Parsed) and parsed.approximate and parsed.parts == {"year": 2018, "month": 1, "day": 15}
    assert parsed.note == "before 2018-01-15 04:00; a bound: by 2018-01-15"


def test_a_dotted_bound_says_the_day_it_was_moved_to(tmp_path: Path) -> None:
    # before (a review): 'before 03.02.2018' was 2 February (dots: day first) with a note saying 1 March
    path = tmp_path / "dotted.csv"
    path.write_text("date,event\nbefore 03.02.2018,Dotted\n", encoding="utf-8")
    when = load_with_report(path).dataset.events[0].when
    assert when is not None and when.date == "2018-02-02"
    assert "listed on 2 February 2018, the day before it" in (when.note or "")


def test_a_negative_iso_date_says_it_counts_years_as_iso_does_beside_a_negative_year_alone(tmp_path: Path) -> None:
    # before (a date trial): '-0044-03-15' was 15 March 45 BCE unsaid, while '-0044' in the same file was 44 BCE, said
    path = tmp_path / "bce.csv"
    path.write_text("date,event\n-0044-03-15,Ides\n-0044,Year\n-0044-03,Month\n", encoding="utf-8")
    loaded = load_with_report(path)
    by_title = {event.title: known(event.when) for event in loaded.dataset.events}
    assert by_title["Ides"].date == "-0044-03-15" and by_title["Month"].date == "-0044-03"  # 45 BCE, as ISO counts
    assert by_title["Year"].date == "-0043"  # 44 BCE, as TimelineJS counts
    for title in ("Ides", "Month"):
        assert "ISO 8601 counts years: 45 BCE (44 BCE as TimelineJS counts them)" in (by_title[title].note or "")
    (said,) = [warning for warning in loaded.warnings if "ISO 8601 dates with a negative year" in warning]
    assert said.endswith("(line 2, line 4)")


def test_an_end_not_read_is_in_the_dates_note_not_only_in_a_warning(tmp_path: Path) -> None:
    # before (a date trial): an End cell of '25 March' or 'foo' was warned about, and the event showed one exact
    # day with nothing of it; end month and day cells without an end year were dropped unsaid
    path = tmp_path / "ends.csv"
    path.write_text("date,end date,event\n2020-03-21,25 March,Day\n2020-03-21,foo,Word\n", encoding="utf-8")
    loaded = load_with_report(path)
    notes = {event.title: known(event.when).note for event in loaded.dataset.events}
    assert notes == {
        "Day": "the file gives the end '25 March': not read",
        "Word": "the file gives the end 'foo': not read",
    }
    parts = tmp_path / "parts.csv"
    parts.write_text(
        "year,month,day,end year,end month,end day,title\n1950,5,3,,6,1,No end year\n1951,5,3,1951,6,1,Whole\n",
        encoding="utf-8",
    )
    loaded = load_with_report(parts)
    events = {event.title: event for event in loaded.dataset.events}
    said = "the file gives an end with no year (end month 6, end day 1): not used"
    assert known(events["No end year"].when).note == said and events["No end year"].end is None
    assert f"{said} (line 2)" in loaded.warnings
    whole = events["Whole"]
    assert whole.end is not None and whole.end.date == "1951-06-01" and known(whole.when).note is None


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("Room 101", True),  # (a date trial: '~101', its note only the cell, no warning)
        ("Boeing 737 crash", True),
        ("Battle of Tours 732", True),  # a year, maybe: read so, and said as a guess
        ("c. 850", False),  # dates as written
        ("spring 850", False),
        ("about 900", False),
        ("in 850", False),
        ("850", False),
    ],
)
def test_a_number_under_1000_among_unknown_words_is_said_to_be_read_as_a_year(cell: str, said: bool) -> None:
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and set(parsed.parts) == {"year"}
    number = cell.split()[-1] if cell[-1].isdigit() else "737"
    warned = any(line.startswith("a number under 1000 among words") for line in parsed.said)
    assert warned is said
    if said:
        assert (
            parsed.approximate
            and parsed.note == f"{cell!r}: the number {number} among words read as the year {number}, approximate"
        )


def test_a_time_column_not_read_says_why_truly(tmp_path: Path) -> None:
    # before (a date trial): '14:30' beside the zone 'Europe/Madrid', and '0:00', were said to be 'in a form not
    # read as a time'; the first is a time whose zone is no UTC offset, the second a midnight, read as the day
    path = tmp_path / "times.csv"
    path.write_text(
        "date,time,zone,event\n2020-03-21,14:30,Europe/Madrid,Named zone\n2020-03-22,0:00,,Midnight\n"
        "2020-03-23,10:15,UTC+1,Offset\n2020-03-24,0:00,Europe/Madrid,Zoned midnight\n",
        encoding="utf-8",
    )
    loaded = load_with_report(path)
    events = {event.title: event for event in loaded.dataset.events}
    assert known(events["Named zone"].when).date == "2020-03-21"
    assert events["Named zone"].summary == "time: 14:30\n\nzone: Europe/Madrid"
    # ... and its date says the time was given, not used (the event pane and lists said 'Time not given': a UI trial)
    assert known(events["Named zone"].when).note == (
        "the file gives the time '14:30' with the zone 'Europe/Madrid': not used: kept in the summary, as its warning "
        "says"
    )
    assert time_unused(events["Named zone"].when)
    assert why_listed_here(events["Named zone"], {(2020, 3, 21)}) == "time given but not used (its note says why)"
    assert (
        "a time in the time column, beside a zone not read as a UTC offset ('Europe/Madrid'), is not read: the day "
        "kept, the time and zone in the summary (line 2)"
    ) in loaded.warnings
    midnight = known(events["Midnight"].when)
    assert midnight.date == "2020-03-22" and "a time of midnight (0:00)" in (midnight.note or "")
    assert not any("in a form not read as a time" in warning for warning in loaded.warnings)
    zoned = known(events["Zoned midnight"].when)  # (a re-trial: said to be in a form not read as a time)
    assert zoned.date == "2020-03-24" and "a time of midnight (0:00)" in (zoned.note or "")
    assert events["Zoned midnight"].summary == "zone: Europe/Madrid"
    assert (
        known(events["Offset"].when).date == "2020-03-23T10:15" and known(events["Offset"].when).utc_offset == "+01:00"
    )


def test_a_date_whose_day_and_month_can_be_neither_way_round_is_not_said_to_be_either(tmp_path: Path) -> None:
    # before (a date trial): '32/1/1951' was among the dates that 'could be day/month or month/day'
    path = tmp_path / "neither.csv"
    path.write_text("date,event\n32/1/1951,Typo\n03/04/1951,Either\n", encoding="utf-8")
    loaded = load_with_report(path)
    events = {event.title: known(event.when) for event in loaded.dataset.events}
    assert events["Typo"].date == "1951"
    assert events["Typo"].note == "'32/1/1951' is no day and month either way round: the date is kept to the year"
    (either,) = [warning for warning in loaded.warnings if "could be day/month or month/day" in warning]
    assert "'03/04/1951' (line 3)" in either and "32/1/1951" not in either


def test_a_five_digit_number_outside_the_day_numbers_read_is_not_said_to_be_no_day_number() -> None:
    # before (a date trial): '10000' was 'not a year (nor a spreadsheet's day number, 20,000-80,000)': it is one
    said = read_date("10000")
    assert said == (
        "a number of 5 digits, not a year; a spreadsheet's day number is read only from 20,000 to 80,000 (1954-2119), "
        "where a number in a date column is most likely one"
    )


@pytest.mark.parametrize(
    ("cell", "years"),
    [("Boeing 737-800", (737, 800)), ("Rooms 101 and 102", (101, 102)), ("Flight 370s", (370, 379))],
)
def test_numbers_under_1000_among_unknown_words_read_as_years_are_said_too(cell: str, years: tuple[int, int]) -> None:
    # before (a re-trial): two numbers among words were read as a range of years with no word of a guess
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and (parsed.parts["year"], known(parsed.end)["year"]) == years
    assert parsed.note == f"{cell!r}: numbers among words read as the years {years[0]} to {years[1]}, approximate"
    assert any(line.startswith("a number under 1000 among words") for line in parsed.said)
    assert not read_date_said("850-900 AD") and not read_date_said("c. 850-900")


def read_date_said(cell: str) -> bool:
    parsed = read_date(cell)
    return isinstance(parsed, Parsed) and any(line.startswith("a number under 1000") for line in parsed.said)


@pytest.mark.parametrize("cell", ["15 - 17 March 44 BC", "28 December 44 BC - 3 January", "Dec 1 BC - Feb"])
def test_a_period_in_a_year_bce_is_not_said_to_have_no_year(cell: str) -> None:
    # before (a re-trial): skipped as 'no year can be read in it', its year plainly there (the row is still named)
    assert read_date(cell) == (
        "a period in a year with its era is not read as one (its year is there): write its dates apart, or the year "
        "alone ('44 BC')"
    )
    assert read_date("Route 66") == "no year can be read in it"  # (no era: as before)


# -- a blind trial of this round: doubts after a time, other calendars in doubt, ctime -------------------------
@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("2018-01-15T06:00 approx", (2018, 1, 15, 6, 0)),  # was the day, exact, 'approx' called an unread time
        ("2018-01-15T06:00:30 approx", (2018, 1, 15, 6, 0)),
        ("15 January 2018 06:30 (approx.)", (2018, 1, 15, 6, 30)),
        ("2018-01-15? 06:00", (2018, 1, 15, 6, 0)),  # was skipped as 'a time with a date that has no day'
        ("circa 2018-01-15 2018", (2018, 1, 15)),  # was exact: its 'circa' lost
    ],
)
def test_a_date_in_doubt_with_a_time_after_it_is_approximate(cell: str, parts: tuple[int, ...]) -> None:
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and parsed.approximate
    names = ("year", "month", "day", "hour", "minute")
    assert tuple(parsed.parts[name] for name in names[: len(parts)]) == parts and len(parsed.parts) >= len(parts)
    assert parsed.note is not None and cell in parsed.note


@pytest.mark.parametrize(
    ("cell", "first"),
    [
        ("۱۳۹۷/۱۰/۲۵?", (2019, 1, 15)),  # each was the Gregorian year 1397 or 1378, unsaid
        ("1397 SH?", (2018, 3)),
        ("c. 1397 SH", (2018, 3)),
        ("c. ۱۳۹۷", (2018, 3)),
        ("۱۳۹۷?", (2018, 3)),
        ("6 Aban 1378?", (1999, 10, 28)),
        ("c. 6 Aban 1378", (1999, 10, 28)),
    ],
)
def test_a_solar_hijri_date_in_doubt_is_converted(cell: str, first: tuple[int, ...]) -> None:
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and parsed.approximate
    assert tuple(parsed.parts.values())[: len(first)] == first
    assert parsed.note is not None and parsed.note.startswith(f"'{cell}'") and "Solar Hijri" in parsed.note


@pytest.mark.parametrize("cell", ["حدود ۱۳۹۷", "15/01/2018 ۱۳۹۶", "2018 (۱۳۹۶)"])
def test_a_solar_hijri_year_among_words_not_read_gives_no_date(cell: str) -> None:
    assert isinstance(read_date(cell), str)  # before: the Gregorian year 1397 (or 1396 to 2018), unsaid


@pytest.mark.parametrize(
    ("cell", "offset"),
    [("Sat Mar 21 14:00:00 2020", None), ("Mar 21 14:00:00 2020", None), ("Sat Mar 21 14:00:00 UTC 2020", "+00:00")],
)
def test_a_ctime_is_read_to_its_minute(cell: str, offset: str | None) -> None:
    parsed = read_date(cell)  # before: the year 2020, approximate, no warning
    assert isinstance(parsed, Parsed) and not parsed.approximate and parsed.offset == offset
    assert parsed.parts == {"year": 2020, "month": 3, "day": 21, "hour": 14, "minute": 0, "second": 0}


def test_a_ctime_with_the_wrong_weekday_is_said() -> None:
    parsed = read_date("Sun Mar 21 14:00:00 2020")
    assert isinstance(parsed, Parsed) and parsed.note is not None and "Saturday" in parsed.note


@pytest.mark.parametrize(
    ("cell", "offset"),
    [  # (a re-trial: the first was the year 2020, approximate, the second the month, neither named in a warning)
        ("Sat Mar 21 14:00:00 2020 +0100", "+01:00"),
        ("Sat Mar 21 2020 14:00:00 GMT+0100 (Central European Standard Time)", "+01:00"),
        ("06:00 21/03/2020 UTC-4", "-04:00"),
    ],
)
def test_a_ctime_or_javascript_date_with_its_offset_is_read_to_its_minute(cell: str, offset: str) -> None:
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and not parsed.approximate and parsed.offset == offset
    assert {k: parsed.parts[k] for k in ("year", "month", "day")} == {"year": 2020, "month": 3, "day": 21}


@pytest.mark.parametrize(
    ("cell", "parts", "approximate"),
    [  # (a re-trial: each kept the Julian day, 25 October, or fell to October 1917; the Gregorian day is 7 November)
        ("25/10/1917 O.S. 10:00", (1917, 11, 7, 10, 0), False),
        ("1917-10-25T10:00 O.S.", (1917, 11, 7, 10, 0), False),
        ("25 Oct 1917 OS?", (1917, 11, 7), True),
        ("25 October 1917 O.S.?", (1917, 11, 7), True),
        ("25 October 1917 O.S. (?)", (1917, 11, 7), True),
        ("25 October 1917 (O.S.) approx.", (1917, 11, 7), True),
    ],
)
def test_a_julian_day_with_a_time_or_a_doubt_is_its_gregorian_day(
    cell: str, parts: tuple[int, ...], approximate: bool
) -> None:
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and parsed.approximate is approximate and parsed.end is None
    names = ("year", "month", "day", "hour", "minute")
    assert tuple(parsed.parts[name] for name in names[: len(parts)]) == parts
    assert parsed.note is not None and parsed.note.startswith(f"'{cell}': the Julian calendar's, 7 November 1917")


@pytest.mark.parametrize(
    "cell",
    [
        "25/10/1917 (O.S.) morning",
        "15/01/1700 morning O.S.",
        "25-26 October 1917 O.S.",
        "before 25 October 1917 O.S.",  # (was October 1917: its Gregorian day, 7 November, after it)
    ],
)
def test_a_julian_day_in_a_form_not_converted_gives_no_date(cell: str) -> None:
    from junquito_tui.core.interop.sheet_dates import JULIAN_NOT_READ

    assert read_date(cell) == JULIAN_NOT_READ  # (the Julian day was read as the Gregorian one)


@pytest.mark.parametrize(
    ("cell", "doubted"),
    [
        ("2018-01-15 [06:00]", True),
        ("2018-01-15 (06:00)", False),
        ("15/01/2018 (06:00)", False),
        ("2018-01-15 (approx. 06:00)", True),
    ],
)
def test_a_time_in_brackets_after_a_day_is_its_time(cell: str, doubted: bool) -> None:
    # (a re-trial: the year 2018, approximate, no warning; or the row skipped; square brackets mark doubt, as the
    # README has '[1914]', and so does a word of doubt inside: a second re-trial)
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and parsed.approximate is doubted
    assert {k: parsed.parts[k] for k in ("year", "month", "day", "hour", "minute")} == {
        "year": 2018, "month": 1, "day": 15, "hour": 6, "minute": 0,
    }  # fmt: skip


def test_words_beside_a_time_are_said_as_such() -> None:
    from junquito_tui.core.interop.sheet_dates import WORDS_UNREAD, WORDS_UNREAD_TIME

    parsed = read_date("15/01/2018 hacia las 06:00")  # (a re-trial: said 'the day is kept' of a time kept)
    assert isinstance(parsed, Parsed) and parsed.parts["hour"] == 6 and parsed.approximate
    assert WORDS_UNREAD_TIME in parsed.said and WORDS_UNREAD not in parsed.said


@pytest.mark.parametrize(
    "cell",
    [
        "25 October 1917 стар. ст.",
        "25 October 1917 ст. ст.",
        "25 octobre 1917 (ancien style)",
        "25 October 1917 O.S. 10:00:30.5",
    ],
)
def test_a_julian_mark_in_another_language_or_before_seconds_is_read(cell: str) -> None:
    parsed = read_date(cell)  # (a re-trial: 25 October as the Gregorian day, or the row skipped as 'no day')
    assert isinstance(parsed, Parsed) and (parsed.parts["month"], parsed.parts["day"]) == (11, 7)


def test_a_ctime_with_a_named_offset_before_the_year_is_read() -> None:
    parsed = read_date("Sat Mar 21 14:00:00 UTC+1 2020")  # (a re-trial: the year 2020, unsaid)
    assert isinstance(parsed, Parsed) and parsed.offset == "+01:00" and parsed.parts["hour"] == 14


@pytest.mark.parametrize(
    ("text", "parts", "said"),
    [
        # a trial: '2019.5' was May 2019 unsaid (it is also a decimal year), '1998.25' "no year can be read in it"
        ("2019.5", {"year": 2019, "month": 5}, "'2019.5' read as a year and a month (May 2019), as some write them"),
        ("2019.12", {"year": 2019, "month": 12}, "(December 2019)"),
        ("1998.25", None, "a number with a fraction, not a date (a decimal year is not read)"),
        ("2019.12.31", {"year": 2019, "month": 12, "day": 31}, None),  # a day: no fraction to doubt
        ("2019/5", {"year": 2019, "month": 5}, None),  # a slash is no decimal point
        ("2019.0", {"year": 2019}, None),  # a whole number written with its point, as a number cell shows it
        # a re-trial: a decimal comma ('2019,5') was 'around 2019', unsaid
        (
            "2019,5",
            None,
            "a number with a fraction, written with a decimal comma, not a date (a decimal year is not read)",
        ),
        (
            "1998,25",
            None,
            "a number with a fraction, written with a decimal comma, not a date (a decimal year is not read)",
        ),
        # and a Chinese, Japanese or Korean date was 'around 2018', its month and day lost
        ("2018年1月15日", {"year": 2018, "month": 1, "day": 15}, None),
        ("2018년 1월 15일", {"year": 2018, "month": 1, "day": 15}, None),
        ("2018年1月", {"year": 2018, "month": 1}, None),
        ("2018年度", {"year": 2018, "month": 1}, "a fiscal or school year"),  # not the year '2018度' (CI's catch)
        # a second re-trial: with a time, the row was skipped as 'a date that has no day'
        ("2018年1月15日 14:30", {"year": 2018, "month": 1, "day": 15, "hour": 14, "minute": 30, "second": 0}, None),
        ("2018년 1월 15일T14:30", {"year": 2018, "month": 1, "day": 15, "hour": 14, "minute": 30, "second": 0}, None),
    ],
)
def test_a_year_and_a_month_with_a_dot_says_it_may_be_a_decimal_year(
    text: str, parts: dict[str, int] | None, said: str | None
) -> None:
    found = read_date(text)
    if parts is None:
        assert found == said
        return
    assert isinstance(found, Parsed) and found.parts == parts
    assert (found.note or "") == "" if said is None else said in (found.note or "")
