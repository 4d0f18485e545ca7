"""Dates written in forms a date column of a real file holds: a day given as an ordinal in Spanish,
Portuguese or French ('1º de mayo de 2018'), and ISO 8601's basic day with no hyphens ('20200321')."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core.dates import day_label
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import JULIAN_NOT_READ, read_date
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


# -- Spanish forms: times, weekdays, words around a day (found by a review) -------------------------------


def _when(loaded: Loaded, title: str) -> tuple[str, str, bool, str | None]:
    when = starts(loaded)[title]
    return when.date, when.precision.value, when.approximate, when.note


def test_spanish_forms_keep_their_day_and_time_and_say_every_guess() -> None:
    # before: each of the first rows was skipped as 'no year can be read in it', and the long forms were
    # read as January 2018, approximate, unwarned
    loaded = load("dates-spanish-forms.csv")
    assert len(starts(loaded)) == 14  # every row an event
    for title in ("Hour h minutes", "Spaced pm", "Long form and pm"):
        assert _when(loaded, title)[:3] == ("2018-01-15T22:30", "minute", False), title
    assert _when(loaded, "Hours word")[:3] == ("2018-01-15T10:30", "minute", False)
    assert _when(loaded, "Weekday first") == ("2018-01-13", "day", False, None)  # a Saturday
    assert _when(loaded, "Weekday after") == ("2018-01-15", "day", False, None)  # a Monday
    assert _when(loaded, "Article") == ("2018-01-15", "day", False, None)
    for title in ("About after", "About in brackets", "About before", "Towards"):
        date, precision, approximate, note = _when(loaded, title)
        assert (date, precision, approximate) == ("2018-01-15", "day", True), title
        assert note is not None and "15" in note, title  # the text as written
    # 'antes del 15': no time on the 15th (it was the 15th): the day before it, the words in its note
    assert _when(loaded, "Before") == (
        "2018-01-14",
        "day",
        True,
        "'antes del 15 de enero de 2018': listed on 14 January 2018, the day before it; a bound: before 2018-01-15",
    )
    assert any("'antes del ...'" in w and "how long before" in w for w in loaded.warnings)
    # a part of the day after a day: the day, exact, the text its note
    assert _when(loaded, "Word after") == ("2018-01-15", "day", False, "15/01/2018 madrugada")  # (a part of the day)


def test_a_weekday_that_is_not_the_day_s_is_said() -> None:
    loaded = load("dates-spanish-forms.csv")
    clash = "the file says Monday, but 13 January 2018 was a Saturday"
    assert _when(loaded, "Weekday clash") == ("2018-01-13", "day", False, f"{clash}: read as the date written")
    assert any(clash in w and "line 8" in w for w in loaded.warnings)


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 6))
def test_a_weekday_is_said_exactly_when_it_is_not_the_day_s(day: dt.date, weekday: int) -> None:
    name = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"][weekday]
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre"]
    months += ["noviembre", "diciembre"]
    read = read_date(f"{name}, {day.day} de {months[day.month - 1]} de {day.year}")
    assert isinstance(read, Parsed) and read.parts == {"year": day.year, "month": day.month, "day": day.day}
    assert (read.note is not None) == (weekday != day.weekday())
    assert not read.approximate


@pytest.mark.parametrize(
    ("text", "note"),
    [
        # before (a date trial): 'the file says Saturday, but 14 October 1066 was a Sunday', of a right weekday
        ("Saturday, 14 October 1066", "the file says Saturday: 14 October 1066 was a Saturday by the Julian "
         "calendar, a Sunday by the Gregorian calendar; the file may date by the Julian calendar"),
        ("Friday, 12 October 1492", "the file says Friday: 12 October 1492 was a Friday by the Julian calendar, "
         "a Wednesday by the Gregorian calendar; the file may date by the Julian calendar"),
        ("Monday, 14 October 1066", "the file says Monday, but 14 October 1066 was a Sunday by the Gregorian "
         "calendar, a Saturday by the Julian"),
        ("Sunday, 14 October 1066", None),  # the Gregorian's: nothing to say
        ("Monday, 13 January 2018", "the file says Monday, but 13 January 2018 was a Saturday"),
    ],
)  # fmt: skip
def test_a_weekday_before_the_last_julian_year_is_checked_by_both_calendars(text: str, note: str | None) -> None:
    read = read_date(text)
    assert isinstance(read, Parsed)
    assert read.note == (None if note is None else f"{note}: read as the date written")


def test_no_weekday_is_shown_before_the_gregorian_calendar_began() -> None:
    # a weekday before 15 October 1582 would be the Gregorian calendar's, which no one kept yet
    assert day_label((1066, 10, 14)) == "14 October 1066"
    assert day_label((1582, 10, 4)) == "4 October 1582"
    assert day_label((1582, 10, 15)) == "Friday 15 October 1582"


def test_spanish_display_dates_that_say_about_are_approximate() -> None:
    # before: 'mediados de enero', 'aproximadamente el 15 de enero' were exact days ('mid January' was not)
    loaded = load("timelinejs-spanish-display-dates.csv")
    assert [_when(loaded, t)[2] for t in ("EN", "ES1", "ES2", "Exact")] == [True, True, True, False]
    assert _when(loaded, "PM")[0] == _when(loaded, "H")[0] == "2018-01-15T22:30"


def test_a_month_cell_out_of_range_keeps_its_day_cell_in_the_summary() -> None:
    # before: a month of 15 (the month and day columns swapped) dropped the day cell unsaid
    loaded = load("dates-month-out-of-range.csv")
    events = {event.title: event for event in loaded.dataset.events}
    for title, month, day in (("Swapped", "15", "1"), ("Month zero", "0", "3")):
        event = events[title]
        assert event.when is not None and (event.when.date, event.when.precision.value) == ("2018", "year")
        assert event.summary == f"Mes: {month}\n\nDía: {day}"
        assert any(f"'{month}' in 'Mes' is not a month" in w for w in loaded.warnings)
    right = events["Right"].when
    assert right is not None and right.date == "2018-01-15"


@settings(max_examples=100, deadline=None)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 6),
    st.sampled_from(["{w} {d:%d/%m/%Y}", "{w}, {d:%Y-%m-%d}", "{d:%d/%m/%Y} ({w})", "{d:%Y-%m-%d} {w}"]),
)
def test_a_weekday_beside_a_date_in_numbers_is_no_part_of_it_and_checked(day: dt.date, weekday: int, form: str) -> None:
    # before: 'lunes 15/01/2018' had 'no year'; '2018-01-15 (Monday)' kept the weekday as words unread
    name = ["lunes", "Tuesday", "miércoles", "Thu", "viernes", "sábado", "Sunday"][weekday]
    read = read_date(form.format(w=name, d=day))
    assert isinstance(read, Parsed) and read.parts == {"year": day.year, "month": day.month, "day": day.day}
    ambiguous = form.startswith(("{w} {d:%d", "{d:%d")) and day.day <= 12 and day.day != day.month
    if ambiguous:  # which is the day is the file's to decide: the weekday is kept, not checked
        assert read.note == f"the file says {name}"
    else:
        assert (read.note is not None) == (weekday != day.weekday())
    assert not read.approximate


@pytest.mark.parametrize("words", ["(approximate)", "estimated", "o después", "onwards", "- presente", "(mm/dd/yyyy)"])
def test_words_after_a_day_never_make_it_exact(words: str) -> None:
    read = read_date(f"15/01/2018 {words}")
    assert isinstance(read, Parsed) and read.approximate
    bounded = words in ("o después", "onwards", "- presente")  # a bound from that day, which may be the day itself
    assert read.note == f"15/01/2018 {words}" + ("; a bound: from 2018-01-15" if bounded else "")


def test_a_weekday_beside_a_day_of_undecided_order_is_kept_not_checked() -> None:
    # '02/03/2018': the file's other dates decide which is the day; checking the weekday before that said a
    # clash that was none (found by a second review)
    read = read_date("Friday 02/03/2018")
    assert isinstance(read, Parsed) and read.note == "the file says Friday" and not read.said


@pytest.mark.parametrize("text", ["desde 2015 hasta 2018", "since 1945 until 1950"])
def test_a_bound_with_its_end_given_is_a_span_and_no_bound_is_said(text: str) -> None:
    # before: 'the file does not say how long after it', of a span whose end it gives (found by a second review)
    read = read_date(text)
    assert isinstance(read, Parsed) and read.end is not None and read.approximate and read.note == text
    assert not any("does not say how long" in said for said in read.said)


@pytest.mark.parametrize(("text", "side"), [("desde 2015", "after"), ("antes del 15 de enero de 2018", "before")])
def test_a_bound_alone_is_said(text: str, side: str) -> None:
    read = read_date(text)
    assert isinstance(read, Parsed) and read.end is None and read.approximate
    assert any(f"does not say how long {side} it" in said for said in read.said)


def test_a_date_after_a_leading_apostrophe_is_that_date_and_said() -> None:
    # before (found by a review): "'2018-01-17" was 'about 2018' with no warning, "'15/01/2018" and
    # "'2018-01-16 10:30" were skipped as having no year and no day; the apostrophe is a spreadsheet's
    # mark of text, typed or written before a date to keep it one
    loaded = load("dates-leading-apostrophe.csv")
    found = {title: (when.date, when.precision.value, when.approximate) for title, when in starts(loaded).items()}
    assert found == {
        "a": ("2018-01-17", "day", False),
        "b": ("2018-01-15", "day", False),
        "c": ("2018-01-16T10:30", "minute", False),
        "d": ("2018-01-18", "day", False),
    }
    assert starts(loaded)["a"].note == 'the file writes "\'2018-01-17": read without its leading apostrophe'
    assert starts(loaded)["d"].note is None
    assert any(w.startswith("a leading apostrophe") and "(line 2, line 3, line 4)" in w for w in loaded.warnings)


@pytest.mark.parametrize("text", ["'Spring 2018'", "'", "' 2018", "'abc"])
def test_an_apostrophe_before_no_digit_is_left_to_the_text_reading(text: str) -> None:
    parsed = read_date(text)
    assert not (isinstance(parsed, Parsed) and any("apostrophe" in said for said in parsed.said))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 9999),
    st.integers(0, 19),
    st.integers(0, 39),
    st.sampled_from(["{}-{}-{}", " {}-{}-{} ", "{}-{}-{}Z"]),
)
def test_an_iso_day_read_at_once_is_read_as_the_words_read_it(year: int, month: int, day: int, form: str) -> None:
    # the ISO day's quick reading (an export's every cell) against the reading of any text, its oracle
    from junquito_tui.core.interop import sheet_dates

    text = form.format(f"{year:04d}", f"{month:02d}", f"{day:02d}")
    written = " ".join(text.split())
    assert read_date(text) == sheet_dates._from_text(written)


@pytest.mark.parametrize("text", ["-1e300", "1e300", "1.5e9", "2.018E3", "1E+10", ".5e3"])
def test_a_number_in_scientific_notation_is_no_date(text: str) -> None:
    # before: '-1e300' (Timesketch's date of none) was the year 300, approximate
    assert read_date(text) == "a number in scientific notation, not a date"


@settings(max_examples=200, deadline=None)
@given(
    st.dates(dt.date(1000, 1, 13), dt.date(2099, 12, 31)),
    st.integers(0, 23),
    st.sampled_from(["{iso}", "{dmy}", "{long}", "{us}"]),
    st.sampled_from([" {h}am", ", {h}am", " {h} pm", " {hh}h", ", {hh}h", ", {hh}:30", "; {hh}:30", "T{hh}:30"]),
)
def test_a_day_then_its_time_keeps_the_day_whatever_the_time_s_form(
    day: dt.date, hour: int, form: str, time: str
) -> None:
    # before: '15/01/2018 4am', '15/01/2018, 16h' and '2018-01-15, 04:00' skipped their rows ('a date among
    # words', 'a time with a date that has no day'), where '2018-01-15 4am' kept its day
    if day.day <= 12 or (time.startswith("T") and form != "{iso}"):
        return  # (a day and month either way round wait for the file's order; 'T' follows ISO days)
    written = form.format(
        iso=day.isoformat(),
        dmy=f"{day.day:02d}/{day.month:02d}/{day.year}",
        long=f"{day.day} {day.strftime('%B')} {day.year}",
        us=f"{day.strftime('%B')} {day.day}, {day.year}",
    ) + time.format(h=hour % 12 or 12, hh=f"{hour:02d}")
    parsed = read_date(written)
    assert isinstance(parsed, Parsed), (written, parsed)
    assert {"year": day.year, "month": day.month, "day": day.day}.items() <= parsed.parts.items(), written
    if ":30" in time:
        assert (parsed.parts.get("hour"), parsed.parts.get("minute")) == (hour, 30), written
    else:  # (an hour alone is not read as a minute's time: the day, the time in the note, said)
        assert "hour" not in parsed.parts and parsed.note and written.split()[-1] in parsed.note, written


@pytest.mark.parametrize(
    "text", ["15/01/2018 10.000 personas", "15 January 2018 4.5 magnitude", "15/01/2018 2-3 killed"]
)
def test_numbers_after_a_day_that_are_no_hour_are_not_called_a_time(text: str) -> None:
    # (a review) each was the day, exact, 'the time after the day is not read', of a count or a magnitude
    parsed = read_date(text)
    assert not (isinstance(parsed, Parsed) and parsed.note and "time after the day" in parsed.note)


_QUARTER_FORMS = ["Q{n} {y}", "Q{n}/{y}", "q{n}-{y}", "{n}Q {y}", "{n}Q{y}", "{y}-Q{n}", "{y}Q{n}", "{y} Q{n}"]
_QUARTER_WORDS = ["first", "second", "third", "fourth"]


@settings(max_examples=120, deadline=None)
@given(st.integers(1, 4), st.integers(1000, 2099), st.booleans(), st.data())
def test_oracle_a_quarter_or_a_half_is_its_months(number: int, year: int, half: bool, data: st.DataObject) -> None:
    # before (a user trial): 'Q1 2018' was the year 2018, approximate: date:2018-10 found a first quarter
    number = min(number, 2) if half else number
    forms = [f.replace("Q", "H").replace("q", "h") for f in _QUARTER_FORMS] if half else _QUARTER_FORMS
    words = f"the {_QUARTER_WORDS[number - 1]} {'half' if half else 'quarter'} of {{y}}"
    spanish = f"{['primer', 'segundo', 'tercer', 'cuarto'][number - 1]} {'semestre' if half else 'trimestre'} de {{y}}"
    text = data.draw(st.sampled_from([*forms, words, spanish])).format(n=number, y=year)
    parsed = read_date(text)
    months = 6 if half else 3
    assert isinstance(parsed, Parsed), text
    assert parsed.parts == {"year": year, "month": (number - 1) * months + 1}
    assert parsed.end == {"year": year, "month": number * months}
    assert not parsed.approximate and not parsed.end_approximate  # (the calendar bounds it: a review)
    assert "some time in it or the whole of it" in (parsed.note or "")


@pytest.mark.parametrize(
    "text",
    ["Q5 2018", "H3 2018", "third half of 2018", "Q1 FY2018", "HQ 2018", "Q1 2018 report", "Q1 0000", "H1N1 2009"],
)
def test_what_is_no_quarter_or_half_is_not_read_as_one(text: str) -> None:
    parsed = read_date(text)
    assert not (isinstance(parsed, Parsed) and parsed.note and "some time in it or the whole" in parsed.note)


def test_a_month_search_finds_the_quarters_and_halves_that_hold_it() -> None:
    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.search import SearchIndex

    loaded = load_with_report(Path(__file__).parent.parent / "data" / "sheets" / "dates-quarters.csv")
    index = SearchIndex(Chronology(loaded.dataset))
    found = {h.doc.title for h in index.search("date:2018-10", typing=False).hits}
    assert found == {"Fourth quarter count", "Informe semestral", "The whole year"}  # not Q1, not H1
    found = {h.doc.title for h in index.search("date:2018-02", typing=False).hits}
    assert found == {"Quarterly report cites 40 arrests", "First half summary", "The whole year"}
    assert any(w.startswith("a quarter or a half of a year is read as its months") for w in loaded.warnings)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("15/03/44 BC", {"year": -44, "month": 3, "day": 15}),  # was 15 March 1944: the era dropped (a review)
        ("15-03-44 BC", {"year": -44, "month": 3, "day": 15}),
        ("15/03/0044 BCE", {"year": -44, "month": 3, "day": 15}),
        ("15/3/44 AD", {"year": 44, "month": 3, "day": 15}),
        ("15/03/44", {"year": 1944, "month": 3, "day": 15}),  # (no era: two digits as Excel reads them, said)
    ],
)
def test_a_numeric_day_with_its_era_keeps_the_year_written(text: str, parts: dict[str, int]) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.parts == parts


@settings(max_examples=150, deadline=None)
@given(
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2099, 12, 1)),
    st.timedeltas(dt.timedelta(minutes=1), dt.timedelta(days=40)),
    st.sampled_from(["iso", "iso-t", "dmy", "words"]),
    st.sampled_from([" - ", " to ", " – ", "/"]),
)
@example(dt.datetime(2000, 1, 1), dt.timedelta(days=1), "iso", " - ")  # (two midnights: hypothesis found it)
@example(dt.datetime(2000, 1, 1), dt.timedelta(days=1), "iso-t", " - ")  # (... and with 'T', times: hypothesis too)
def test_oracle_two_timed_days_in_a_cell_are_a_period_to_the_minute(
    start: dt.datetime, length: dt.timedelta, form: str, joint: str
) -> None:
    # before (a user trial): '2018-01-15 10:00 - 2018-01-15 12:00' was '~2018', '03/02/2018 10:00 -
    # 05/02/2018 11:00' skipped its row; the days and times were given
    start = start.replace(second=0, microsecond=0)
    end = max((start + length).replace(second=0, microsecond=0), start + dt.timedelta(minutes=1))  # (as written)
    write: Callable[[dt.datetime], str] = {
        "iso": lambda d: d.strftime("%Y-%m-%d %H:%M"),
        "iso-t": lambda d: d.strftime("%Y-%m-%dT%H:%M"),
        "dmy": lambda d: d.strftime("%d/%m/%Y %H:%M"),
        "words": lambda d: f"{d.day} {d:%B %Y %H:%M}",
    }[form]
    if joint == "/" and form != "iso-t":
        joint = " - "  # (ISO 8601's interval mark, between ISO dates only)
    parsed = read_date(f"{write(start)}{joint}{write(end)}")
    assert isinstance(parsed, Parsed) and not parsed.approximate
    # (two midnights are the days, as a spreadsheet writes a day: a review; not ISO 8601's 'T00:00', a time written)
    midnights = start.time() == end.time() == dt.time(0, 0) and form != "iso-t"
    expected = [
        {"year": d.year, "month": d.month, "day": d.day, **({} if midnights else {"hour": d.hour, "minute": d.minute})}
        for d in (start, end)
    ]
    for parts, pair, want in ((parsed.parts, parsed.pair, expected[0]), (parsed.end, parsed.end_pair, expected[1])):
        assert parts is not None
        if pair is not None:  # day and month either way round: the file's order decides (dd/mm written here)
            assert pair == (want["day"], want["month"])
            parts = {**parts, "day": want["day"], "month": want["month"]}
        assert {k: v for k, v in parts.items() if k != "second"} == want


def test_a_timed_period_that_runs_backwards_skips_its_row(tmp_path: Path) -> None:
    path = tmp_path / "backwards.csv"
    path.write_text("date,event\n2018-01-16 10:00 - 2018-01-15 12:00,Backwards\n2018-01-15 10:00,Kept\n")
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Kept"]
    assert any("its end is before its start; row skipped" in w and "line 2" in w for w in loaded.warnings)


def test_a_cell_with_many_joints_is_cut_a_few_times_and_its_sides_not_again() -> None:
    # before (a review): a schedule in a date cell ('10:00 - event 0; 11:00 - event 1; ...') was cut at every
    # joint, each side cut again: 12 of them took a minute to read
    from junquito_tui.core.interop import sheet_dates, timed_periods

    inside = []

    def counted(value: str) -> Parsed | str | None:
        inside.append(timed_periods._INSIDE.get())  # (a side is read as one day: never cut again)
        return sheet_dates.read_date(value)

    schedule = "; ".join(f"{10 + i}:00 - event {i}" for i in range(4))
    assert timed_periods.read(schedule, counted) is None  # (no two timed days)
    assert 0 < len(inside) <= 2 * timed_periods._JOINTS and all(inside)
    assert timed_periods.read("; ".join(f"{10 + i}:00 - event {i}" for i in range(12)), counted) is None  # (too long)


_MIDNIGHT = "the file gives a time of midnight (0:00), which spreadsheets add to dates: read as the day"


@pytest.mark.parametrize(
    ("text", "start", "end", "note"),
    [
        (
            "2018-01-15 00:00 - 2018-01-16 00:00",
            {"year": 2018, "month": 1, "day": 15},
            {"year": 2018, "month": 1, "day": 16},
            _MIDNIGHT,
        ),
        (
            "2018-01-15T10:00:00.500/2018-01-15T12:00:00.250",
            {"year": 2018, "month": 1, "day": 15, "hour": 10, "minute": 0},
            {"year": 2018, "month": 1, "day": 15, "hour": 12, "minute": 0},
            "the file gives 10:00:00.500; its end: the file gives 12:00:00.250",
        ),
    ],
)
def test_two_midnights_are_days_and_the_ends_seconds_are_said_as_its(
    text: str, start: dict[str, int], end: dict[str, int], note: str
) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and not parsed.approximate
    assert (parsed.parts, parsed.end, parsed.note) == (start, end, note)


def test_a_day_with_words_beside_it_keeps_its_day_whatever_its_month_is_written_as() -> None:
    # before (a user trial): '15 January 2018, afternoon', 'afternoon of 15 January 2018' and '15 January 2018 at
    # 4am' were read as January 2018, 'Day not given', unwarned; only '15/01/2018 madrugada' kept its day. A part of
    # the day is where in it, not doubt about it: the day stays exact, the text its note
    loaded = load("dates-day-with-words.csv")
    rows = ("Comma afternoon", "Evening in brackets", "Month first", "Afternoon of", "Early hours of", "Madrugada del")
    for title in rows:
        date, precision, approximate, note = _when(loaded, title)
        assert (date, precision, approximate) == ("2018-01-15", "day", False), title
        assert note is not None and "15" in note, title  # the text as written
    for title in ("Other words", "Doubt and a part"):  # words this does not read, or a word of doubt: approximate
        assert _when(loaded, title)[:3] == ("2018-01-15", "day", True), title
    date, precision, approximate, note = _when(loaded, "At an hour")
    assert (date, precision, approximate) == ("2018-01-15", "day", False) and "at 4am" in (note or "")
    period = next(e for e in loaded.dataset.events if e.title == "A period still")
    assert period.when is not None and period.end is not None and period.end.date == "2018-01-16"
    assert _when(loaded, "Month of year")[:2] == ("2018-03", "month")  # no day: not read as one
    assert any("words beside a day" in w and "line 11" in w and "line 2," not in w for w in loaded.warnings)


def test_a_part_of_the_day_in_a_display_date_does_not_make_the_slide_s_day_approximate() -> None:
    # before (a user trial): 'Early morning', 'Before dawn', 'Late evening' on a slide of 15 January made it '~15 Jan',
    # and a date search then hinted it was 'within a week' of the 16th; the Year, Month and Day cells state the day
    loaded = load("timelinejs-part-of-day-display-dates.csv")
    for title in ("Early morning", "Before dawn", "Late night", "Principios de la tarde"):
        date, precision, approximate, note = _when(loaded, title)
        assert (date, precision, approximate) == ("2018-01-15", "day", False), title
        assert note is not None and note.lower().startswith(title.lower()[:5]), note  # the display date kept
    for title in ("Early January", "Around the day", "Month only"):  # a part of a month, a doubt, no day stated
        assert _when(loaded, title)[2] is True, title
    assert _when(loaded, "Spanish words not read")[2] is False  # (no word of doubt at its start)


def test_a_time_column_is_read_with_the_date_and_its_zone_column() -> None:
    # before (a user trial): 'date,time,event' kept the times as summary text ('time: 04:00') and the timeline said
    # 'times not given' over them
    loaded = load("dates-time-column.csv")
    events = {event.title: event for event in loaded.dataset.events}
    deploy = events["Deploy"].when
    assert deploy is not None and (deploy.date, deploy.precision.value, deploy.utc_offset) == (
        "2018-01-15T04:00",
        "minute",
        "-04:00",
    )
    assert events["Deploy"].summary == ""  # read: not also kept as text
    no_zone = events["No zone"].when
    assert no_zone is not None and no_zone.date == "2018-01-15T09:07" and "read as UTC" in (no_zone.note or "")
    assert _when(loaded, "No time")[:2] == ("2018-01-15", "day")
    abbreviation = _when(loaded, "Abbreviation")  # 'VET' can stand for more than one zone: the day, the time noted
    assert abbreviation[:2] == ("2018-01-15", "day") and "04:00 VET" in (abbreviation[3] or "")
    assert _when(loaded, "Words in time")[:3] == ("2018-01-16", "day", False)  # 'morning': where in the day
    # a time the date cannot take (no day; a time of its own) is kept in the summary and said, never lost
    assert _when(loaded, "Month only")[:2] == ("2018-01", "month") and events["Month only"].summary == "time: 10:00"
    assert events["Own time"].when is not None and events["Own time"].when.date == "2018-01-15T06:45"
    assert events["Own time"].summary == "time: 07:00"
    assert any("beside a date with no day" in w and "line 6" in w for w in loaded.warnings)
    assert any("beside a date with a time of its own" in w and "line 7" in w for w in loaded.warnings)
    assert loaded.warnings[0].startswith("columns used: date <- 'date', time <- 'time', zone <- 'zone'")


def test_a_time_column_can_be_named_with_columns() -> None:
    from junquito_tui.core.interop.sheet_layouts import parse_columns

    loaded = load_with_report(
        SHEETS / "dates-time-column-named.csv", columns=parse_columns("date=Fecha,time=Cuándo,title=Evento")
    )
    assert _when(loaded, "Despliegue")[:2] == ("2018-01-15T04:00", "minute")
    assert loaded.dataset.events[0].summary == ""


def test_a_workbook_s_day_cell_takes_its_time_column_too(tmp_path: Path) -> None:
    from sheet_files import Cell, write_xlsx

    rows: list[list[Cell]] = [
        ["Date", "Time", "Event"],
        [dt.date(2018, 1, 15), "04:00", "Text time"],
        [dt.date(2018, 1, 15), dt.timedelta(hours=9, minutes=7), "Time cell"],
        [dt.datetime(2018, 1, 15, 6, 45), "07:00", "Own time"],
    ]
    loaded = load_with_report(write_xlsx(tmp_path / "times.xlsx", rows))
    assert _when(loaded, "Text time")[:2] == ("2018-01-15T04:00", "minute")
    assert _when(loaded, "Time cell")[:2] == ("2018-01-15T09:07", "minute")
    assert _when(loaded, "Own time")[:2] == ("2018-01-15T06:45", "minute")


def test_a_minute_that_is_no_minute_keeps_the_day_not_an_hour_as_a_minute(tmp_path: Path) -> None:
    # before (a user trial): '2018-01-15T23:60' was shown as 23:00, a minute the file never gave
    sheet = tmp_path / "minutes.csv"
    sheet.write_text("date,event\n2018-01-15T23:60,Bad minute\n15/01/2018 10:75,Bad too\n2018-01-15T23:59,Good\n")
    loaded = load_with_report(sheet)
    for title in ("Bad minute", "Bad too"):
        date, precision, approximate, note = _when(loaded, title)
        assert (date, precision, approximate) == ("2018-01-15", "day", False), title
        assert "is not a valid minute: the date is kept to the day (the file gives the hour" in (note or "")
    assert _when(loaded, "Good")[:2] == ("2018-01-15T23:59", "minute")
    assert any("60 is not a valid minute" in w and "line 2" in w for w in loaded.warnings)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 31), st.integers(1, 31), st.sampled_from([1900, 2000, 2018, 2020]))
def test_oracle_a_day_its_month_lacks_either_way_round_is_read_in_the_one_order_it_could_be(
    first: int, second: int, year: int
) -> None:
    # before (a user trial): '31/04/2018' and '29/02/1900' were warned of as 'could be day/month or month/day'; the
    # number over 12 can only be the day, so the month is sure and the day is dropped (said by the date reader)
    def is_day(day: int, month: int) -> bool:
        try:
            dt.date(year, month, day)
        except ValueError:
            return False
        return True

    read = read_date(f"{first:02d}/{second:02d}/{year}")
    assert isinstance(read, Parsed)
    if min(first, second) <= 12 < max(first, second) and not is_day(first, second) and not is_day(second, first):
        assert read.parts == {"year": year, "month": min(first, second), "day": max(first, second)}
        assert read.pair is None and read.order is None  # (no evidence of the file's order either)


def test_a_file_s_dates_that_are_no_day_either_way_are_not_said_to_be_either(tmp_path: Path) -> None:
    sheet = tmp_path / "impossible.csv"
    sheet.write_text("date,event\n31/04/2018,A\n29/02/1900,B\n03/02/2018,C\n31/04/2018 10:00,D\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    either = [w for w in loaded.warnings if "could be day/month or month/day" in w]
    assert len(either) == 1 and "'03/02/2018' (line 4)" in either[0]  # only the one that could be either
    assert "line 2: April has no day 31; the date is kept to the month" in loaded.warnings
    assert [_when(loaded, t)[:2] for t in ("A", "B", "D")] == [
        ("2018-04", "month"),
        ("1900-02", "month"),
        ("2018-04", "month"),
    ]


def test_a_zone_column_is_the_zone_of_a_date_cell_s_own_time() -> None:
    # before (a re-trial): '2018-01-15T04:00' with 'UTC-4' in the zone column was read as UTC, four hours off
    loaded = load("dates-zone-column.csv")
    events = {event.title: event for event in loaded.dataset.events}
    for title, date in (("Own time zone col", "2018-01-15T04:00"), ("Own time 2", "2018-01-15T10:00")):
        when = events[title].when
        assert when is not None and (when.date, when.utc_offset) == (date, "-04:00") and events[title].summary == ""
    conflict = events["Conflict"]  # the cell's own zone wins, and the other is said and kept
    assert conflict.when is not None and conflict.when.utc_offset == "+01:00" and conflict.summary == "zone: UTC-4"
    assert any("gives its own zone: the zone column is not used" in w and "line 4" in w for w in loaded.warnings)
    assert events["Zone no time"].summary == "zone: UTC-4"  # a zone with no time to be in: kept as text
    assert not any("times carry no time zone" in w for w in loaded.warnings)


def test_a_time_the_file_gives_but_is_not_used_is_not_said_to_be_not_given() -> None:
    # before (a re-trial): '04:00' with zone 'VET' (an abbreviation, not used) was under '15 Jan 2018, times not
    # given, in no particular order'
    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.timeline_rows import build_rows

    loaded = load("dates-time-column.csv")
    assert loaded.dataset is not None
    index = build_rows(Chronology(loaded.dataset).events)
    subs = [index.labels[row][0] for row in sorted(index.sub_headings)]
    assert subs == ["15 Jan 2018, times not given or not used, in no particular order:"], subs


def test_a_time_column_s_placeholder_leaves_the_day_exact_and_is_kept(tmp_path: Path) -> None:
    # (a review: 'unknown' in the time column made the day approximate, the text gone from the summary)
    loaded = load("dates-time-column-placeholders.csv")
    events = {event.title: event for event in loaded.dataset.events}
    for title, kept in (("x", "time: unknown"), ("y", "time: n/a")):
        assert _when(loaded, title)[:3] == ("2018-01-15", "day", False) and events[title].summary == kept
    assert _when(loaded, "z")[:3] == ("2018-01-15", "day", False)  # 'morning': a part of the day, in the note
    assert _when(loaded, "w")[:2] == ("2018-01-15T04:00", "minute")


def test_a_zone_column_s_bare_offset_is_read_and_a_column_named_offset_is_no_zone(tmp_path: Path) -> None:
    # (a review: 'tz' holding '-4' was said to be the zone column, then the time read as UTC; a column 'offset' may
    # be anything, and is kept as text)
    sheet = tmp_path / "offsets.csv"
    sheet.write_text("date,tz,title\n2018-01-15 04:00,-4,y\n2018-01-15,+05:30,z\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    y = next(e for e in loaded.dataset.events if e.title == "y")
    assert y.when is not None and (y.when.date, y.when.utc_offset) == ("2018-01-15T04:00", "-04:00")
    assert next(e for e in loaded.dataset.events if e.title == "z").summary == "tz: +05:30"  # (as written)
    other = tmp_path / "other.csv"
    other.write_text("date,offset,title\n2018-01-15 04:00,-4,y\n", encoding="utf-8")
    assert load_with_report(other).dataset.events[0].summary == "offset: -4"


def test_a_time_column_beside_year_month_and_day_columns_is_kept_and_said(tmp_path: Path) -> None:
    sheet = tmp_path / "ymd.csv"
    sheet.write_text("year,month,day,time,title\n2018,1,15,04:00,x\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    assert _when(loaded, "x")[:2] == ("2018-01-15", "day") and loaded.dataset.events[0].summary == "time: 04:00"
    assert any("beside year, month and day columns, is not read" in w for w in loaded.warnings)
    assert not any("beside a date with no day" in w for w in loaded.warnings)


def test_a_display_date_s_doubt_or_another_day_still_makes_the_slide_approximate() -> None:
    # (a review of the part-of-day exemption: 'around noon' on a 12:00 slide, 'Early morning of 16 January 2018' on
    # a slide of the 15th and 'about midnight' were shown exact)
    loaded = load("timelinejs-display-doubts.csv")
    assert [_when(loaded, title)[2] for title in ("A", "B", "C", "D")] == [True, True, True, False]


@pytest.mark.parametrize(
    "text", ["15/01/1700 morning O.S.", "15 January 1700 morning Julian", "morning of 15 January 2018 O.S."]
)
def test_a_julian_day_with_a_part_of_the_day_is_not_read_as_an_exact_gregorian_day(text: str) -> None:
    # (a review: the new forms for a part of the day read these as exact Gregorian days, or skipped the row; a
    # re-trial: '15/01/1700 morning O.S.' as an approximate 15 January, the Gregorian day 11 days later: no date)
    read = read_date(text)
    assert (isinstance(read, Parsed) and read.approximate and "day" not in read.parts) or read == JULIAN_NOT_READ


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4), st.integers(1000, 2099), st.booleans(), st.sampled_from(["before", "after"]), st.data())
def test_oracle_a_bound_on_a_quarter_or_a_half_however_spelt_is_on_its_months(
    number: int, year: int, half: bool, side: str, data: st.DataObject
) -> None:
    # a review: only 'Q2 2018' was read so; 'before 2Q 2018' and 'before H1 2018' were ~2018, which 'before H1 2018'
    # is not (date:2017 missed it), and 'before Q1/2018' skipped its row
    number = min(number, 2) if half else number
    forms = [f.replace("Q", "H").replace("q", "h") for f in _QUARTER_FORMS] if half else _QUARTER_FORMS
    words = f"the {_QUARTER_WORDS[number - 1]} {'half' if half else 'quarter'} of {{y}}"
    text = f"{side} {data.draw(st.sampled_from([*forms, words])).format(n=number, y=year)}"
    parsed = read_date(text)
    months = 6 if half else 3
    first, last = (number - 1) * months + 1, number * months
    assert isinstance(parsed, Parsed) and parsed.note is not None, text
    word, written = parsed.note.rsplit("a bound: ", 1)[-1].split()
    marked = tuple(int(number) for number in written.split("-"))
    # exactly the months before or after it ('the first half of': not words placing a date early in 2018)
    assert (word, marked) == (side, (year, first if side == "before" else last)), (text, parsed.note)


@settings(max_examples=100, deadline=None)
@given(st.integers(1001, 2098), st.integers(1, 53), st.sampled_from(["before", "after"]))
def test_oracle_a_bound_on_a_week_holds_by_every_count_of_weeks_and_no_more(year: int, week: int, side: str) -> None:
    # 'before 2018-W01' was ~2018; then, on the held days' far end, 'before 2018-W02' was 'by 14 Jan 2018', found by
    # date:2018-01-10 (a user trial): before the latest first day of any count, after the earliest last day
    try:
        monday = dt.date.fromisocalendar(year, week, 1)  # ISO 8601
    except ValueError:
        return  # (no week 53 that year)
    text = f"{side} {year}-W{week:02d}"
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and parsed.note is not None, text
    word, written = parsed.note.rsplit("a bound: ", 1)[-1].split()
    new_year, last_day, six = dt.date(year, 1, 1), dt.date(year, 12, 31), dt.timedelta(days=6)
    sunday = new_year - dt.timedelta(days=new_year.isoweekday() % 7) + dt.timedelta(weeks=week - 1)
    counted = new_year + dt.timedelta(weeks=week - 1)  # (these two counts' weeks begin and end within the year)
    begins = [monday, max(sunday, new_year), max(counted, new_year)]
    ends = [monday + six, min(sunday + six, last_day), min(counted + six, last_day)]
    if side == "before":
        assert (word, written) == ("before", max(begins).isoformat()), (text, parsed.note)
    else:
        assert (word, written) == ("after", min(ends).isoformat()), (text, parsed.note)


@pytest.mark.parametrize(
    ("cell", "mark"),
    [
        ("before FY2018", "before 2018-04"),  # (Japan's and India's FY2018 begins in April 2018, the latest of all)
        ("after FY2018", "after 2017-12"),  # (a company's ends in January 2018: the held months' start on)
        ("by FY2018", "by 2019-03"),  # ('by' it, not before it: to the held months' end)
        ("since 2018-W02", "from 2018-01-07"),
    ],
)
def test_a_bound_on_a_fiscal_year_or_a_week_holds_every_reading(cell: str, mark: str) -> None:
    parsed = read_date(cell)
    assert isinstance(parsed, Parsed) and parsed.note is not None and parsed.note.endswith(f"a bound: {mark}")


@given(st.dates(dt.date(1900, 3, 1), dt.date(2100, 2, 27)))
def test_oracle_the_julian_weekday_is_the_gregorian_thirteen_days_on(day: dt.date) -> None:
    # from 1 March 1900 to 28 February 2100 a Julian date is the Gregorian date 13 days later
    from junquito_tui.core.interop.old_style import julian_weekday

    assert julian_weekday(day.year, day.month, day.day) == (day + dt.timedelta(days=13)).weekday()


@pytest.mark.parametrize(
    "text",
    [
        "about 10 am 15 January 2018",
        "15 January 2018, c. 10am",
        "15 January 2018, 4 o'clock",
        "about 10 am January 15, 2018",
        "la madrugada del 15 de enero de 2018",
    ],
)
def test_a_day_written_whole_beside_a_time_in_words_keeps_its_day(text: str) -> None:
    # before (a date trial): each was read as January 2018, approximate, with no warning; now the day,
    # approximate (the words are not read), said, the text its note
    read = read_date(text)
    assert isinstance(read, Parsed) and read.parts == {"year": 2018, "month": 1, "day": 15}
    assert read.approximate and read.note == text and any("words beside a day" in said for said in read.said)


@pytest.mark.parametrize(
    "text", ["night of 14-15 January 2018", "Room 12 March 2018 meeting", "1 January 2018 12 people"]
)
def test_a_day_among_other_words_or_numbers_is_not_taken_for_the_date(text: str) -> None:
    read = read_date(text)
    assert isinstance(read, Parsed) and "day" not in read.parts and read.approximate


@pytest.mark.parametrize(
    ("text", "parts", "clash"),
    [
        # before (a re-trial): a weekday before an O.S. date made it 'around October 1917', not 7 November
        ("Wednesday, 25 October 1917 O.S.", (1917, 11, 7), None),
        ("Thursday, 25 October 1917 O.S.", (1917, 11, 7),
         "the file says Thursday, but 25 October 1917 O.S. was a Wednesday"),
        ("Saturday, 28 October 1066 O.S.", (1066, 11, 3), None),
        ("Wednesday, 7 November 1917 N.S.", (1917, 11, 7), None),
        ("Friday, 7 November 1917 N.S.", (1917, 11, 7),
         "the file says Friday, but 7 November 1917 N.S. was a Wednesday"),
        # a year BCE (Python's dates begin at the year 1: it was a traceback); the Gregorian weekday counted back
        ("Monday, 15 March 44 BC N.S.", (-44, 3, 15), "the file says Monday, but 15 March 44 BCE N.S. was a Friday"),
    ],
)  # fmt: skip
def test_a_weekday_before_a_date_marked_with_its_calendar_is_that_calendars(
    text: str, parts: tuple[int, int, int], clash: str | None
) -> None:
    read = read_date(text)
    assert isinstance(read, Parsed) and tuple(read.parts.values()) == parts and not read.approximate
    assert read.note is not None and (clash in read.note if clash else "the file says" not in read.note)
    assert any(clash in said for said in read.said) if clash else True


@pytest.mark.parametrize("text", ["01-03", "18-03", "99-12"])
def test_a_year_of_two_digits_with_a_month_is_no_iso_date(text: str) -> None:
    # before (a re-trial): '01-03' was March of the year 1, unsaid ('the file gives the end 0001-03' as an end);
    # ISO writes four digits, and such a cell may be a two-digit year's month, or a day and month
    assert read_date(text) == "no year can be read in it"
    signed = read_date("-44-03-15")  # a sign says it is a year
    assert isinstance(signed, Parsed) and signed.parts == {"year": -45, "month": 3, "day": 15}


@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
def test_oracle_the_gregorian_weekday_counted_back_is_pythons_where_it_has_one(day: dt.date) -> None:
    from junquito_tui.core.interop.old_style import _weekday

    assert _weekday(day.year, day.month, day.day, True) == day.weekday()
