"""A TimelineJS sheet whose Year cell is a whole date written as text: what its other date cells become."""

from __future__ import annotations

import json
from pathlib import Path

from junquito_tui.core.loader import Loaded, load_with_report

HEADER = "Year,Month,Day,Time,Headline\n"


def load(tmp_path: Path, rows: str) -> Loaded:
    sheet = tmp_path / "timeline.csv"
    sheet.write_text(HEADER + rows, encoding="utf-8")
    return load_with_report(sheet)


def test_month_and_day_cells_that_contradict_a_written_date_are_named(tmp_path: Path) -> None:
    loaded = load(tmp_path, "1 March 1850,4,,,Conflict\n1 March 1850,3,1,,Agrees\n1 March 1850,,9,,Other day\n")
    dates = {e.title: (e.when.date, e.when.precision) for e in loaded.dataset.events if e.when}
    assert dates == {
        "Conflict": ("1850-03-01", "day"),
        "Agrees": ("1850-03-01", "day"),
        "Other day": ("1850-03-01", "day"),
    }
    ignored = [w for w in loaded.warnings if "ignored: the date written in the Year cell" in w]
    assert len(ignored) == 2
    assert any(w.startswith("line 2 (Month): '4'") for w in ignored)
    assert any(w.startswith("line 4 (Day): '9'") for w in ignored)


def test_a_time_cell_gives_the_time_of_a_written_date_with_a_day_only(tmp_path: Path) -> None:
    loaded = load(tmp_path, "1 March 1850,,,10:30,Timed\nMarch 1850,,,10:30,Month only\n")
    dates = {e.title: (e.when.date, e.when.precision) for e in loaded.dataset.events if e.when}
    assert dates == {"Timed": ("1850-03-01T10:30", "minute"), "Month only": ("1850-03", "month")}
    assert any(w.startswith("line 3") and "the time is ignored" in w for w in loaded.warnings)


def test_a_v2_date_that_could_be_read_either_way_says_how_it_was_read(tmp_path: Path) -> None:
    sheet = tmp_path / "v2.csv"
    sheet.write_text(
        "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
        "2/3/2011,,Ambiguous,,,,,,,\n25/12/2011,,Shows the order,,,,,,,\n4/4/2011,,Either way,,,,,,,\n",
        encoding="utf-8",
    )
    events = {e.title: e.when for e in load_with_report(sheet).dataset.events}
    ambiguous = events["Ambiguous"]
    assert ambiguous is not None and ambiguous.date == "2011-03-02"
    assert ambiguous.note == "could be day/month or month/day: read as day/month, shown by other dates in the file"
    assert all(w is not None and w.note is None for title, w in events.items() if title != "Ambiguous")


def test_a_v2_date_written_with_commas_is_read_as_timelinejs_v2_reads_it() -> None:
    # TimelineJS v2's own form, 'YYYY,MM,DD[,hh,mm,...]' (its VMM.Date.parse splits at commas in that
    # order): was approximately the year 1990, its month and day lost
    sheet = Path(__file__).parent.parent / "data" / "sheets" / "timelinejs-v2-commas.csv"
    loaded = load_with_report(sheet)
    dates = {e.title: (e.when.date, e.when.precision, e.when.approximate) for e in loaded.dataset.events if e.when}
    assert dates["Commas"] == ("1990-05-04", "day", False)
    assert dates["Commas with a time"] == ("1990-05-04T10:30", "minute", False)
    assert dates["Commas BCE"] == ("-0299-01", "month", False)  # TimelineJS's -300 is 300 BCE
    assert dates["Zeros"] == ("1990", "year", False)  # v2 leaves a zero part out
    ends = {e.title: e.end.date for e in loaded.dataset.events if e.end}
    assert ends == {"Commas to a month": "1990-06"}
    # the parts go through the TimelineJS date reader: a bad month is dropped, said, and noted on the date
    bad = next(e.when for e in loaded.dataset.events if e.title == "Bad month")
    # the day after a month not valid is named, with its value (a trial: a day 40 after a month 13 went unsaid)
    note = "13 is not a valid month: the date is kept to the year; day 4 ignored: given without a valid month"
    assert bad is not None and (bad.date, bad.note) == ("1990", note)
    assert any(w.startswith("line 6 (Start Date)") and "13 is not a valid month" in w for w in loaded.warnings)


def test_a_year_of_five_digits_that_could_be_a_day_number_is_said(tmp_path: Path) -> None:
    # before (a date trial): a Year of 43910 (20 March 2020 as a spreadsheet's day number) was the year 43910, unsaid
    loaded = load(tmp_path, "43910,,,,Lost format\n43910,3,,,With a month\n1850,,,,Plain\n")
    events = {event.title: event.when for event in loaded.dataset.events}
    lost = events["Lost format"]
    assert lost is not None and lost.date == "43910"  # as TimelineJS reads it
    assert lost.note == (
        "a Year of 43910 read as that year, as TimelineJS reads it: it may be a spreadsheet's day number (2020-03-20)"
    )
    assert (
        "a Year of 43910 read as that year, as TimelineJS reads it: it may be a spreadsheet's day number that lost its "
        "date format (line 2)"
    ) in loaded.warnings
    assert all(event is not None and event.note is None for title, event in events.items() if title != "Lost format")


def test_an_end_not_read_is_named_in_the_dates_note_in_v2_sheets_and_timelinejs_files(tmp_path: Path) -> None:
    # before (a re-trial): an End Date of '3 January' or 'foo', and a TimelineJS end_date with no year, were warned
    # about only: the event showed one exact day with nothing of them
    sheet = tmp_path / "v2.csv"
    sheet.write_text(
        "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
        "2020-03-21,3 January,No year,,,,,,,\n2020-03-22,foo,Word,,,,,,,\n2020-03-23,2020-03-25,Read,,,,,,,\n",
        encoding="utf-8",
    )
    notes = {event.title: event.when.note for event in load_with_report(sheet).dataset.events if event.when}
    assert notes == {
        "No year": "the file gives the end '3 January': not read",
        "Word": "the file gives the end 'foo': not read",
        "Read": None,
    }
    slides = tmp_path / "slides.json"
    slides.write_text(
        json.dumps(
            {"events": [{"start_date": {"year": "2020"}, "end_date": {"month": "5"}, "text": {"headline": "x"}}]}
        ),
        encoding="utf-8",
    )
    (event,) = load_with_report(slides).dataset.events
    assert event.end is None and event.when is not None
    assert event.when.note == "the file gives an end date not read (month '5'): not used"


def test_an_end_not_read_names_only_the_fields_timelinejs_knows_each_quoted(tmp_path: Path) -> None:
    # a fuzz test's end_date {'\x08': False}: its key went raw into the date's note, which refused the dataset
    slides = tmp_path / "odd.json"
    end = {"\b": False, "month": "5\b"}
    slides.write_text(
        json.dumps({"events": [{"start_date": {"year": "2020"}, "end_date": end, "text": {"headline": "x"}}]}),
        encoding="utf-8",
    )
    (event,) = load_with_report(slides).dataset.events
    assert (
        event.when is not None and event.when.note == "the file gives an end date not read (month '5\\x08'): not used"
    )


def test_hour_24_is_the_days_end_not_an_invalid_hour(tmp_path: Path) -> None:
    # ISO 8601's 24:00 closes the day: was 'not a valid hour', which it is not; 24:30 still is not one
    loaded = load(tmp_path, "2020,3,21,24:00,Midnight\n2020,3,21,24:30,Past\n")
    events = {e.title: e.when for e in loaded.dataset.events}
    midnight, past = events["Midnight"], events["Past"]
    assert midnight is not None and (midnight.date, midnight.precision) == ("2020-03-21", "day")
    assert midnight.note == "24:00, midnight at the day's end (00:00 the next day): the date is kept to the day"
    assert past is not None and past.date == "2020-03-21"
    assert past.note == "24 is not a valid hour: the date is kept to the day"


def test_an_hour_kept_out_of_a_date_is_a_time_given_but_not_used(tmp_path: Path) -> None:
    # before (a date trial): a search result read '15 Jan 2018, time not given' for 24:00 and for hour 25
    from junquito_tui.core.placement import time_unused

    loaded = load(tmp_path, "2018,1,15,24:00,Midnight\n2018,1,15,25:00,Bad hour\n2018,1,15,,Day\n")
    unused = {e.title: time_unused(e.when) for e in loaded.dataset.events}
    assert unused == {"Midnight": True, "Bad hour": True, "Day": False}


def test_an_end_before_a_bce_start_is_named_in_the_files_era(tmp_path: Path) -> None:
    # before (a date trial): 'the end -0399 is before the start -0299', our count, read as 399 BCE
    sheet = tmp_path / "bce.csv"
    sheet.write_text("date,end,title\n300 BC,400 BC,BCE\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    assert any("the end 400 BCE is before the start 300 BCE" in w for w in loaded.warnings), loaded.warnings
    slides = tmp_path / "bce.json"
    slides.write_text(json.dumps({"events": [{"start_date": {"year": "-300"}, "end_date": {"year": "-400"},
                                              "text": {"headline": "x"}}]}), encoding="utf-8")  # fmt: skip
    loaded = load_with_report(slides)
    assert any("400 BCE is before the start 300 BCE" in w for w in loaded.warnings), loaded.warnings
    assert "-0399" not in json.dumps([e.when.note for e in loaded.dataset.events if e.when])


def test_an_end_read_in_an_assumed_order_says_so_and_a_date_search_hints_it(tmp_path: Path) -> None:
    # before (a date trial): '3/5/2018' as an End Date (or a text end in End Year) had no note, shown plain as
    # 'Until: Monday 5 March 2018', and date:2018-04-20 (inside 3 April - 3 May, the other reading) hinted nothing
    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.search import SearchIndex

    sheet = tmp_path / "v2.csv"
    sheet.write_text(
        "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
        "3/4/2018,3/5/2018,beta,,,,,,,\n",
        encoding="utf-8",
    )
    loaded = load_with_report(sheet)
    (event,) = loaded.dataset.events
    assert event.end is not None and event.end.date == "2018-03-05"
    assert event.end.note is not None and event.end.note.startswith("could be day/month or month/day: read as")
    results = SearchIndex(Chronology(loaded.dataset)).search("date:2018-04-20", typing=False)
    assert not results.matched_events and any("read the other way" in hint for hint in results.hints)


def test_a_year_of_two_digits_is_read_as_timelinejs_reads_it_and_said(tmp_path: Path) -> None:
    # before (a date trial): a Year of '18' was the year 18, unsaid (a generic sheet's '15/01/18' is said)
    loaded = load(tmp_path, "18,1,15,,Short\n2018,1,15,,Long\n")
    events = {e.title: e.when for e in loaded.dataset.events}
    short, long = events["Short"], events["Long"]
    assert (
        short is not None
        and short.date == "0018-01-15"
        and short.note == "the year is written '18': read as the year 18"
    )
    assert long is not None and long.note is None
    assert any("a year written with one or two digits ('18')" in w and "line 2" in w for w in loaded.warnings)
