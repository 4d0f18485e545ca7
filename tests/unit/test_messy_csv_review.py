"""What a review of messy CSV files found answered falsely, with no word: hyphenated dates with a
two-digit year read as years of the first century, a typeset minus sign dropped, years before present
read as years CE, an impossible date taken as evidence of the file's day/month order, Excel's empty date,
ranges cut short, text decoded twice through Mac Roman, a misleading --columns suggestion, a classic
Mac file's line break folded unsaid."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import titled_events, write_xlsx


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1930, 1, 1), dt.date(2029, 12, 31)), st.booleans(), st.booleans(), st.booleans())
def test_a_hyphenated_date_with_a_two_digit_year_is_that_day(
    day: dt.date, month_first: bool, pad: bool, ok: bool
) -> None:
    """Oracle: the calendar. '5-8-24' was 24 August of the year 5, no warning; it is d-m-yy or m-d-yy,
    as Excel writes them, read as the slashed form is (the year as Excel reads two digits)."""
    first, second = (day.month, day.day) if month_first else (day.day, day.month)
    form = "{:02d}-{:02d}-{}" if pad else "{}-{}-{}"
    read = read_date(form.format(first, second, f"{day.year % 100:02d}"))
    assert isinstance(read, Parsed)
    parts = read.parts
    assert parts["year"] == day.year and {parts["month"], parts["day"]} == {day.month, day.day}
    if first != second and max(first, second) > 12:  # the only reading: it shows the file's order
        assert (parts["month"], parts["day"]) == (day.month, day.day)


def test_hyphenated_two_digit_years_in_a_file(tmp_path: Path) -> None:
    events = titled_events(tmp_path / "hy.csv", "date,event\n5-8-24,A\n13-1-05,C\n24-08-05 10:00,D\n")
    whens = {title: event.when for title, event in events.items()}
    assert {title: when.date for title, when in whens.items() if when} == {
        "A": "2024-08-05",  # day first, as '13-1-05' shows
        "C": "2005-01-13",
        "D": "2005-08-24T10:00",
    }


def test_a_typeset_minus_or_a_dash_before_a_year_is_a_year_bce(tmp_path: Path) -> None:
    """'−460' (U+2212), '–460' and '- 460' were 460 CE, approximate, no warning."""
    path = tmp_path / "minus.csv"
    path.write_text("date,event\n\u2212460,A\n\u2013460,B\n- 460,C\n-460,D\n", encoding="utf-8")
    loaded = load_with_report(path)
    dates = {event.title: event.when.date for event in loaded.dataset.events if event.when}
    assert set(dates.values()) == {"-0459"} and len(dates) == 4  # each as '-460' is: 460 BCE as TimelineJS counts
    assert any(
        "negative years read as years BCE" in w and "line 2, line 3, line 4 and 1 more" in w for w in loaded.warnings
    )


def test_years_before_present_are_named_not_read_as_years_ce(tmp_path: Path) -> None:
    path = tmp_path / "bp.csv"
    path.write_text("date,event\n2000 BP,A\n5000 B.P.,B\n12000 cal BP,C\n1950,D\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["D"]
    for line, text in ((2, "2000 BP"), (3, "5000 B.P."), (4, "12000 cal BP")):
        assert any(w.startswith(f"line {line}: '{text}'") and "before the present (1950)" in w for w in loaded.warnings)


def test_an_impossible_date_does_not_decide_the_files_order(tmp_path: Path) -> None:
    """'1/99/1951' is no date either way round: it showed month/day, and '1/2/1951' became 2 January
    against the semicolons' day/month assumption."""
    path = tmp_path / "imp.csv"
    path.write_text("date;event\n1/2/1951;A\n1/99/1951;B\n", encoding="utf-8")
    loaded = load_with_report(path)
    a = next(e for e in loaded.dataset.events if e.title == "A")
    assert a.when is not None and a.when.date == "1951-02-01"  # day/month, the assumption said
    assert not any("shows" in w and "1/99/1951" in w for w in loaded.warnings)
    assert any("no date the file writes as text settles it" in w for w in loaded.warnings)
    path.write_text("date,event\n1/2/1951,A\n32/1/1951,B\n", encoding="utf-8")
    assert not any("32/1/1951" in w and "shows" in w for w in load_with_report(path).warnings)


def test_excel_s_empty_date_is_no_date(tmp_path: Path) -> None:
    """'1/0/1900' (what Excel shows for an empty date cell) and '1900-01-00' were January 1900."""
    path = tmp_path / "zero.csv"
    path.write_text("date,event\n1/0/1900,A\n1900-01-00,B\n0/5/2001,C\n2001-05-04,D\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["D"]
    assert all(any(w.startswith(f"line {line}:") and "of 0" in w for w in loaded.warnings) for line in (2, 3, 4))


def test_a_month_and_year_with_a_hyphen_and_bounds_without_a_width(tmp_path: Path) -> None:
    """'05-2020' was skipped as having no year; 'since' and 'until' had no warning that the file does not
    say how far the date reaches."""
    path = tmp_path / "more.csv"
    path.write_text("date,event\n05-2020,A\n5-2020,B\nsince 1945,C\nuntil 1945,D\n", encoding="utf-8")
    loaded = load_with_report(path)
    whens = {e.title: e.when for e in loaded.dataset.events}
    assert {t: (w.date, w.precision, w.approximate) for t, w in whens.items() if w} == {
        "A": ("2020-05", "month", False),
        "B": ("2020-05", "month", False),
        "C": ("1945", "year", True),
        "D": ("1945", "year", True),
    }
    assert any("'since ...'" in w and "how long after it" in w for w in loaded.warnings)
    assert any("'until ...'" in w and "how long before it" in w for w in loaded.warnings)


def test_ranges_with_marks_of_doubt_decades_or_a_margin_keep_every_year_they_name(tmp_path: Path) -> None:
    """Each lost its end or part of its span, unsaid: 'c.1914-c.1918' was 1914 alone, '1940s-1955'
    1940-1949, '1900 +/- 10' 1900."""
    cases = {
        "c.1914-c.1918": ("1914", "1918"),
        "1914?-18": ("1914", "1918"),
        "[1914]-1918": ("1914", "1918"),
        "1914\u2013c.1918": ("1914", "1918"),
        "1914 (?)-1918": ("1914", "1918"),
        "1914?-1918": ("1914", "1918"),
        "1940s-1955": ("1940", "1955"),
        "1949-1950s": ("1949", "1959"),
        "1800-1850s": ("1800", "1859"),
        "1900 +/- 10": ("1890", "1910"),
        "1900\u00b15": ("1895", "1905"),
        "Sec. 1918 report": ("1918", None),  # 'c.' only as a word of its own
    }
    text = "date,event\n" + "".join(f'"{written}",{n}\n' for n, written in enumerate(cases))
    events = titled_events(tmp_path / "ranges.csv", text)
    for n, (written, (start, end)) in enumerate(cases.items()):
        event = events[str(n)]
        assert event.when is not None and event.when.approximate and event.when.note == written
        assert (event.when.date, event.end.date if event.end else None) == (start, end), written


def test_text_decoded_twice_through_mac_roman_is_noticed(tmp_path: Path) -> None:
    """'Ehren√§mter' (UTF-8 read as Mac Roman, as classic Mac Excel did) had no warning; French
    quotes ('«Ça va»') and typographic signs are not taken for it."""
    path = tmp_path / "mac.csv"
    path.write_bytes(
        b"date,event\n2020-01-01,Ehren\xe2\x88\x9a\xc2\xa7mter\n2020-01-02,Fundaci\xe2\x88\x9a\xe2\x89\xa5n\n"
    )
    (warning,) = [w for w in load_with_report(path).warnings if "decoded twice" in w]
    assert warning.startswith("line 2: 'Ehren√§mter'") and "'Ehrenämter'" in warning and "2 lines like it" in warning
    path.write_bytes("date,event\n2020-01-03,«Ça va»\n2020-01-04,It’s ≈ 5 √2 ¬a\n".encode())
    assert not any("decoded twice" in w for w in load_with_report(path).warnings)


def test_text_encoded_three_times_is_told_what_it_was(tmp_path: Path) -> None:
    """The fix suggested for 'EhrenÃƒÂ¤mter' was 'EhrenÃÂ¤mter', neither the text nor a step back."""
    path = tmp_path / "three.csv"
    path.write_text("date,event\n2020-01-01,EhrenÃƒÂ¤mter\n", encoding="utf-8")
    (warning,) = [w for w in load_with_report(path).warnings if "decoded twice" in w]
    assert "it should probably read 'Ehrenämter'" in warning


def test_the_suggested_columns_line_follows_the_names_that_say_date_and_title(tmp_path: Path) -> None:
    """The line suggested for a layout not recognised took the first columns in order: pasted as
    given, 'date_start,date_end,event_description' made events titled '1951'."""
    for header, row, line in (
        ("date_start,date_end,event_description", "1950,1951,A thing.", "date=date_start,title=event_description"),
        ("kind,what,when_it", "x,A thing,2020-01-01", "date=when_it,title=what"),
        ("a,b,c", "x,y,z", "date=a,title=b"),  # nothing to go by: the first ones
    ):
        path = tmp_path / "unknown.csv"
        path.write_text(f"{header}\n{row}\n", encoding="utf-8")
        with pytest.raises(DatasetError) as error:
            load_with_report(path)
        assert error.value.report().endswith(f"--columns {line}")


def test_a_line_break_in_a_title_of_a_classic_mac_file_is_said(tmp_path: Path) -> None:
    """CR-only line ends: a break inside a quoted title was folded with no warning (LF and CRLF had one)."""
    for end in ("\r", "\n", "\r\n"):
        path = tmp_path / "breaks.csv"
        path.write_bytes(f'date,event{end}2020-01-06,"B{end}multi"{end}'.encode())
        loaded = load_with_report(path)
        assert [e.title for e in loaded.dataset.events] == ["B multi"]
        assert any(w.startswith("line breaks or tabs in a one-line field") for w in loaded.warnings), repr(end)


def test_a_day_number_with_a_time_is_named_as_such(tmp_path: Path) -> None:
    """'43831.5' was skipped as having 'no year'; it is a day number and a time that lost its format."""
    path = tmp_path / "serial.csv"
    path.write_text("date,event\n43831.5,A\n43831,B\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert [(e.title, e.when.date if e.when else None) for e in loaded.dataset.events] == [("B", "2020-01-01")]
    assert any(w.startswith("line 2: '43831.5'") and "day number and time of day" in w for w in loaded.warnings)


def test_a_workbooks_day_number_with_a_time_is_named_as_such_too(tmp_path: Path) -> None:
    """A number cell (as a 'General'-formatted date cell holds it) of 43101.5 was skipped as 'not a year':
    it is named as the same text is; a fraction of a year is not a whole number."""
    path = write_xlsx(tmp_path / "general.xlsx", [["Date", "Event"], [43101.5, "A"], [43101, "B"], [2018.5, "C"]])
    loaded = load_with_report(path)
    assert [(e.title, e.when.date if e.when else None) for e in loaded.dataset.events] == [("B", "2018-01-01")]
    assert "row 2: '43101.5': 43101.5 looks like a spreadsheet's day number and time of day" in "\n".join(
        loaded.warnings
    )
    assert "row 4: '2018.5': 2018.5 is not a whole number: not a year; row skipped" in loaded.warnings


def test_a_timelinejs_sheet_orders_events_of_one_minute_by_their_seconds(tmp_path: Path) -> None:
    """'10:00:30' came before '10:00:10' (the importer never passed the seconds on); where one of them
    gives none ('10:00'), the file's order is kept, as in any other sheet (found by a review)."""
    head = "Year,Month,Day,Time,Headline,Text\n"
    path = tmp_path / "seconds.csv"
    path.write_text(head + "2019,3,6,10:00:30,Thirty,a\n2019,3,6,10:00:10,Ten,b\n2019,3,6,10:01,Later,c\n")
    assert [e.title for e in load_with_report(path).dataset.events] == ["Ten", "Thirty", "Later"]
    path.write_text(head + "2019,3,6,10:00:30,Thirty,a\n2019,3,6,10:00,None given,b\n")
    assert [e.title for e in load_with_report(path).dataset.events] == ["Thirty", "None given"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 59)), min_size=2, max_size=8))
@example([30, 10, None])  # (a review: left so, against the order the file states of 30 and 10)
def test_events_of_one_minute_that_give_seconds_are_in_their_order_those_without_keep_their_place(
    seconds: list[int | None],
) -> None:
    rows = "".join(f"2018-01-15 04:00{'' if s is None else f':{s:02d}'},Row {n}\n" for n, s in enumerate(seconds))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "minute.csv"
        path.write_text("date,title\n" + rows, encoding="utf-8")
        titles = [e.title for e in load_with_report(path).dataset.events]
    # the oracle: the rows with seconds sorted by them (ties in the file's order), in the places they hold
    timed = iter(sorted((s, n) for n, s in enumerate(seconds) if s is not None))
    expected = [f"Row {n}" if s is None else f"Row {next(timed)[1]}" for n, s in enumerate(seconds)]
    assert titles == expected


def test_a_timelinejs_file_orders_events_of_one_minute_by_their_seconds(tmp_path: Path) -> None:
    import json

    def slide(title: str, **clock: int) -> dict[str, object]:
        return {"start_date": {"year": 2019, "month": 3, "day": 6, "hour": 10, "minute": 0, **clock},
                "text": {"headline": title}}  # fmt: skip

    path = tmp_path / "timeline.json"
    slides = [slide("Thirty", second=30), slide("Ten and a half", second=10, millisecond=500), slide("Ten", second=10)]
    path.write_text(json.dumps({"events": slides}), encoding="utf-8")
    assert [e.title for e in load_with_report(path).dataset.events] == ["Ten", "Ten and a half", "Thirty"]
    path.write_text(json.dumps({"events": [slide("Thirty", second=30), slide("No second")]}), encoding="utf-8")
    assert [e.title for e in load_with_report(path).dataset.events] == ["Thirty", "No second"]


def test_a_timelinejs_sheet_keeps_the_date_columns_of_its_other_layout(tmp_path: Path) -> None:
    """v2's Start Date and End Date beside a Year, or a Time and an End Year beside v2's dates, were
    dropped with no word: only one layout's dates are read; the other's are kept, named."""
    path = tmp_path / "both.csv"
    path.write_text("Year,Month,Day,Headline,Text,Start Date,End Date\n2001,,,A,a,2001-05-04,2003-07-01\n")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.date == "2001"
    assert event.summary == "a\n\nStart Date: 2001-05-04\n\nEnd Date: 2003-07-01"
    assert any(w.startswith("'Start Date', 'End Date' are not part of") and "Year, Month, Day and Time" in w
               for w in loaded.warnings)  # fmt: skip
    path.write_text("Start Date,End Date,Headline,Text,Time,End Year\n2001,,A,a,10:30,2005\n")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.summary == "a\n\nTime: 10:30\n\nEnd Year: 2005" and event.end is None
    assert any(w.startswith("'Time', 'End Year' are not part of") and "Start Date and End Date" in w
               for w in loaded.warnings)  # fmt: skip


def test_a_timelinejs_year_that_is_not_whole_is_no_month(tmp_path: Path) -> None:
    """'2019.5' in a CSV's Year was May 2019, unsaid ('2019.1' January), where a workbook's cell of 2019.5
    is named as not a whole number and its row skipped: now the same from both."""
    path = tmp_path / "decimal.csv"
    path.write_text(
        "Year,Month,Day,Headline,Text\n2019.5,,,Half,a\n2019.1,,,Tenth,b\n2019.5,7,,Month too,c\n2019,,,Plain,d\n"
    )
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Plain"]
    for line, text in ((2, "2019.5"), (3, "2019.1"), (4, "2019.5")):
        assert f"line {line} (Year): '{text}' is not a whole number; row skipped" in loaded.warnings


def test_a_timelinejs_year_cell_with_its_own_time_keeps_it(tmp_path: Path) -> None:
    """A Year cell's '1990-05-04T14:30' gave way to the Time cell's 16:00, unsaid, and '...T10:00+02:00'
    with a Time of 11:00 gave 11:00 at +02:00; a Day beside 'March 1850' was said to clash with the
    day the Year cell gives, which it does not give (found by a review)."""
    head = "Year,Month,Day,Time,Headline,Text\n"
    rows = (
        "1990-05-04T14:30,,,16:00,YT,a\n2019-03-05T10:00+02:00,,,11:00,IZ,b\n"
        "March 1850,,5,,MD,c\n1990-05-04,,,16:00,D,e\n"
    )
    path = tmp_path / "year-time.csv"
    path.write_text(head + rows, encoding="utf-8")
    loaded = load_with_report(path)
    events = {e.title: e for e in loaded.dataset.events}
    when = {title: (e.when.date, e.when.utc_offset) for title, e in events.items() if e.when}
    assert when == {
        "YT": ("1990-05-04T14:30", "+00:00"),
        "IZ": ("2019-03-05T10:00", "+02:00"),
        "MD": ("1850-03", None),
        "D": ("1990-05-04T16:00", "+00:00"),  # a day alone in the Year cell: the Time cell gives its time
    }
    assert events["YT"].summary == "a\n\nTime: 16:00" and events["IZ"].summary == "b\n\nTime: 11:00"
    assert (
        "line 2 (Time): '16:00' ignored: the date written in the Year cell gives its own time; kept in the summary"
        in loaded.warnings
    )
    assert any(
        w.startswith("line 4 (Day): '5' ignored: the date written in the Year cell gives no day")
        for w in loaded.warnings
    )
    assert not any("gives its own day" in w for w in loaded.warnings)


def test_a_timelinejs_title_row_keeps_its_other_columns(tmp_path: Path) -> None:
    """A title row's Notes and Tags were lost with no warning (the row is read before the columns'
    cells are kept): they now follow the dataset's description (found by a review)."""
    path = tmp_path / "title.csv"
    path.write_text(
        "Year,Month,Day,Headline,Text,Type,Notes,Tags\n"
        ",,,The Title,Desc,title,Important note on the title,tag-on-title\n2001,,,A,a,,,\n",
        encoding="utf-8",
    )
    loaded = load_with_report(path)
    assert loaded.dataset.title == "The Title"
    assert loaded.dataset.description == "Desc\n\nNotes: Important note on the title\n\nTags: tag-on-title"
    assert any(w.startswith("'Notes' is not part of") for w in loaded.warnings)


def test_a_timelinejs_extra_column_s_html_and_addresses(tmp_path: Path) -> None:
    """Only a cell that was one address became a source; addresses in text were not, and HTML stayed as
    markup in the summary (the README says an address there is a source too; found by a review)."""
    path = tmp_path / "extra.csv"
    path.write_text(
        "Year,Headline,Text,Sources,Notes\n"
        '2001,A,a,"https://a.example/1, https://b.example/2","<a href=""https://c.example/3"">report</a>"\n'
        "2002,B,b,https://e.example/5,see https://d.example/4.\n",
        encoding="utf-8",
    )
    dataset = load_with_report(path).dataset
    urls = {source.id: source.url for source in dataset.sources}
    cited = {e.title: [urls[s] for s in e.sources if urls[s]] for e in dataset.events}
    assert cited == {
        "A": ["https://a.example/1", "https://b.example/2", "https://c.example/3"],
        "B": ["https://e.example/5", "https://d.example/4"],
    }
    summaries = {e.title: e.summary for e in dataset.events}
    assert summaries["A"] == "a\n\nSources: https://a.example/1, https://b.example/2\n\nNotes: report"
    assert summaries["B"] == "b\n\nSources: https://e.example/5\n\nNotes: see https://d.example/4."


def test_a_line_break_inside_a_date_cell_is_said_with_what_was_read(tmp_path: Path) -> None:
    """'2020-01-\\n04' (a quoted cell over two lines) was read as the year 2020, unsaid (found by a review)."""
    path = tmp_path / "broken.csv"
    path.write_bytes(b'date,title\n2020-01-01,A\n"2020-01-\n04",D\n"4\n",E\n')
    loaded = load_with_report(path)
    assert "line 3: the date cell holds a line break; read as '2020-01- 04'" in loaded.warnings
    assert not any("line 5: the date cell holds a line break" in w for w in loaded.warnings)  # a break at the end


def test_a_title_over_the_limit_is_its_first_sentence_and_the_whole_is_kept(tmp_path: Path) -> None:
    # before (found by a review): a paragraph of 6,004 characters in the Event column was cut to 2,000, the
    # rest, its ending too, thrown away (said); it is now the summary's first paragraph, whole
    paragraph = "Security forces surround the house. " + "They wait. " * 400 + "The END."
    path = tmp_path / "long.csv"
    path.write_text(f'Date,Event,Notes\n2018-01-15,"{paragraph}",A note\n2018-01-16,Short,\n', encoding="utf-8")
    loaded = load_with_report(path)
    events = {event.when.date if event.when else "": event for event in loaded.dataset.events}
    long = events["2018-01-15"]
    assert long.title == "Security forces surround the house."
    assert long.summary == f"{paragraph.strip()}\n\nA note" and long.summary.count("The END.") == 1
    assert events["2018-01-16"].title == "Short" and events["2018-01-16"].summary == ""
    assert any(w.startswith("a title over 2,000 characters") and "(line 2)" in w for w in loaded.warnings)
    assert not any("cut to" in warning for warning in loaded.warnings)
