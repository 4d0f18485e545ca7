"""What a review of the spreadsheet mappings (ACLED, TimelineJS sheets, any other sheet) found lost or
misstated, each case a small file written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.integrity import closest
from junquito_tui.core.interop.acled_fast import read_fast
from junquito_tui.core.interop.sheets import SHORT_ROW
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.search import SearchIndex
from sheet_files import titled_events

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


def _acled(path: Path, rows: list[dict[str, str]], header: str = ACLED_HEADER) -> Path:
    names = header.split(",")
    lines = [header]
    for number, row in enumerate(rows, 1):
        cells = {"event_id_cnty": f"VEN{number}", "event_date": "2018-01-15", "time_precision": "1", **row}
        lines.append(",".join(cells.get(name, "") for name in names))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Year,Month,Day,,Headline,Text\n2018,1,15,KEPT,Raid,Body\n", "column 4 (no header)"),
        ("date,,title\n2018-01-15,KEPT,Raid\n", "column 2 (no header)"),
    ],
)
def test_a_column_with_no_header_name_is_kept_and_named(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert f"Column {where.split()[1]}: KEPT" in event.summary  # before: lost, unsaid
    assert any(w.startswith(where) for w in loaded.warnings)


def test_an_acled_column_with_no_header_name_is_kept_read_fast_or_not(tmp_path: Path) -> None:
    header = ACLED_HEADER.replace("disorder_type,", "disorder_type,,")
    path = _acled(tmp_path / "export.csv", [{"": "IMPORTANT DATA", "notes": "A clash."}], header)
    ordinary = load_with_report(path)
    (event,) = ordinary.dataset.events
    assert "Column 6: IMPORTANT DATA" in event.summary
    assert any("column 6 (no header)" in w for w in ordinary.warnings)
    fast = read_fast(path)
    assert fast is not None and fast.dataset == ordinary.dataset and fast.warnings == ordinary.warnings


def test_a_timelinejs_sheet_s_time_with_a_zone_on_one_side_only_lends_it_to_the_other_said(tmp_path: Path) -> None:
    events = titled_events(
        tmp_path / "sheet.csv",
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline\n"
        "2018,1,15,10:30 +02:00,2018,1,15,11:00,zone on the start\n"
        "2018,1,15,10:00,2018,1,15,11:00 +05:00,zone on the end\n"
        "2018,1,15,10:30 EST,,,,,named zone\n"
        "2018,1,15,,,,20,,end with no year\n",
    )
    start = events["zone on the start"]
    assert start.end is not None and start.end.utc_offset == "+02:00"  # before: +00:00, unsaid (2.5 h long)
    assert start.end.note == "no zone given: read in its start's, +02:00"
    end = events["zone on the end"]
    assert end.end is not None and end.when is not None  # before: the end dropped as before the start
    assert end.when.utc_offset == "+05:00" and end.when.note == "no zone given: read in its end's, +05:00"
    named = events["named zone"].when
    assert (
        named is not None
        and named.note
        == "'10:30 EST': EST is not a UTC offset (a zone's abbreviation can stand for more than one): "
        "the time is ignored"
    )
    lone = events["end with no year"].when
    assert lone is not None and lone.note == "the file gives an end with no year (20): not used"


def _loaded(tmp_path: Path, text: str) -> Loaded:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    return load_with_report(path)


def _fast_or_alike(path: Path) -> None:
    fast = read_fast(path)
    if fast is not None:
        ordinary = load_with_report(path)
        assert fast.dataset == ordinary.dataset and fast.warnings == ordinary.warnings


@pytest.mark.parametrize(
    "cell",
    [
        "2018-01-16T00:00:00Z",  # as a data frame writes ACLED's day, to the minute
        "2018-01-16T00:00:00+00:00",
        "2018-01-16T00:00",
        "2018-01-16T14:30:00Z",  # a time ACLED never codes: the day, the cell in the note
        "2018-01-16T00:00:00-04:00",  # (a trial: drawn to the minute, 'within a week')
        "2018-01-16T00:00:00.5Z",  # (its seconds said once, as written: a re-trial found them twice)
    ],
)
def test_an_acled_date_with_a_time_is_the_day_written_the_time_in_its_note(tmp_path: Path, cell: str) -> None:
    path = _acled(tmp_path / "export.csv", [{"event_date": cell, "time_precision": "2"}])
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    when = event.when
    assert when is not None and when.precision == "day" and when.date == "2018-01-16", when
    assert when.utc_offset is None and when.approximate
    assert when.note == (
        f"the file gives {cell!r}, a time ACLED does not code (its dates are days): read as the day; "
        "ACLED time precision 2: within a week or so of this day"
    )
    assert any("ACLED's event dates are days" in warning for warning in loaded.warnings)
    _fast_or_alike(path)


@pytest.mark.parametrize(("cell", "finest"), [("January 2018", "month"), ("2018", "year"), ("Jan-18", "month")])
def test_an_acled_date_coarser_than_a_day_coded_1_says_so(tmp_path: Path, cell: str, finest: str) -> None:
    path = _acled(tmp_path / "export.csv", [{"event_date": cell, "time_precision": "1"}])
    (event,) = load_with_report(path).dataset.events
    assert event.when is not None and event.when.precision == finest and not event.when.approximate
    assert event.when.note is not None
    assert event.when.note.endswith(f"ACLED time precision 1, the day: the date gives only the {finest}")
    _fast_or_alike(path)


@pytest.mark.parametrize(("cell", "finest"), [("2017-12", "month"), ("2017", "year")])
def test_an_acled_month_or_year_without_a_precision_says_so(tmp_path: Path, cell: str, finest: str) -> None:
    # (a re-trial: 'this day, or a week or the month around it', of a date that gives no day)
    path = _acled(tmp_path / "export.csv", [{"event_date": cell, "time_precision": ""}])
    (event,) = load_with_report(path).dataset.events
    assert event.when is not None and event.when.precision == finest and event.when.approximate
    assert event.when.note == f"no ACLED time precision given: the date gives only the {finest}"


def test_two_disorder_types_joined_by_acled_are_two_tags(tmp_path: Path) -> None:
    path = _acled(tmp_path / "export.csv", [{"disorder_type": "Political violence; Demonstrations"}])
    (event,) = load_with_report(path).dataset.events
    assert {"political-violence", "demonstrations"} <= set(event.tags)
    assert "political-violence-demonstrations" not in event.tags
    _fast_or_alike(path)


def test_a_latitude_without_a_longitude_is_kept_and_said(tmp_path: Path) -> None:
    rows = [{"latitude": "10.46", "location": "El Junquito"}, {"longitude": "-67.08", "location": "El Junquito"}]
    rows.append({"location": "El Junquito"})
    path = _acled(tmp_path / "export.csv", rows)
    loaded = load_with_report(path)
    places = {e.id: e.place for e in loaded.dataset.events}
    assert places["ven1"] is not None and "(latitude 10.46; as written: no longitude given)" in places["ven1"]
    assert places["ven2"] is not None and "(longitude -67.08; as written: no latitude given)" in places["ven2"]
    assert places["ven3"] is not None and "(" not in places["ven3"]  # (before: all three the names alone)
    assert sum("a latitude without a longitude" in warning for warning in loaded.warnings) == 1
    _fast_or_alike(path)


def test_acled_notes_that_are_a_placeholder_go_alone(tmp_path: Path) -> None:
    rows = [{"notes": "Lorem ipsum dolor sit amet.", "fatalities": "12", "source_scale": "National"}]
    rows.append({"notes": '"{{text}}"', "fatalities": "3"})
    path = _acled(tmp_path / "export.csv", rows)
    loaded = load_with_report(path)
    summaries = {e.id: e.summary for e in loaded.dataset.events}
    assert summaries["ven1"] == "Fatalities (ACLED count): 12\n\nSource scale: National"  # before: nothing
    assert summaries["ven2"] == "Fatalities (ACLED count): 3"
    assert sum("unfilled template placeholder" in w for w in loaded.warnings) == 2
    _fast_or_alike(path)


def test_acled_sources_are_split_on_semicolons_alone(tmp_path: Path) -> None:
    path = _acled(tmp_path / "export.csv", [{"source": "Amnesty International|Foo; Reuters"}])
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    titles = {s.id: s.title for s in loaded.dataset.sources}
    assert [titles[s] for s in event.sources[1:]] == ["Amnesty International|Foo", "Reuters"]
    assert event.claims[0].statement == "Reported by Amnesty International|Foo, Reuters; coded by ACLED"
    _fast_or_alike(path)


@pytest.mark.parametrize(
    ("date", "precision", "note"),
    [
        (
            "January 2018",
            "2",
            "ACLED time precision 2, within a week or so of the day coded: the date gives only the month",
        ),
        ("2018", "2", "ACLED time precision 2, within a week or so of the day coded: the date gives only the year"),
        ("2018", "3", "ACLED time precision 3, some time in the month coded: the date gives only the year"),
        ("2018-01-15", "2", "ACLED time precision 2: within a week or so of this day"),
    ],
)
def test_an_acled_precision_finer_than_its_date_says_so(tmp_path: Path, date: str, precision: str, note: str) -> None:
    path = _acled(tmp_path / "export.csv", [{"event_date": date, "time_precision": precision}])
    (event,) = load_with_report(path).dataset.events
    assert event.when is not None and event.when.note is not None and event.when.note.endswith(note)
    _fast_or_alike(path)


def test_an_acled_actor_first_met_uncoded_takes_the_kind_of_its_first_coding(tmp_path: Path) -> None:
    rows = [
        {"actor1": "Rioters (Venezuela)", "inter1": "5", "assoc_actor_1": "Police Forces of Venezuela (2013-)"},
        {"actor1": "Police Forces of Venezuela (2013-)", "inter1": "State forces"},
        {"actor1": "Colectivos", "inter1": ""},
        {"actor1": "Colectivos", "inter1": "3"},
    ]
    path = _acled(tmp_path / "export.csv", rows)
    actors = {a.name: (a.kind, a.side) for a in load_with_report(path).dataset.actors}
    assert actors["Police Forces of Venezuela (2013-)"] == ("police-force", "State forces")  # before: 'other'
    assert actors["Colectivos"] == ("group", "Political militias")
    _fast_or_alike(path)


@pytest.mark.parametrize(("written", "precision"), [("03", "month"), ("3.00", "month"), ("2.0", "day"), ("01", "day")])
def test_an_acled_precision_written_as_a_spreadsheet_number_is_its_code(
    tmp_path: Path, written: str, precision: str
) -> None:
    path = _acled(tmp_path / "export.csv", [{"time_precision": written}])
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.precision == precision  # before: '03' was 'not 1, 2 or 3'
    assert not any("is not 1, 2 or 3" in w for w in loaded.warnings)
    _fast_or_alike(path)


def test_an_unknown_acled_precision_says_what_the_day_may_stand_for(tmp_path: Path) -> None:
    (event,) = load_with_report(_acled(tmp_path / "export.csv", [{"time_precision": "4"}])).dataset.events
    assert event.when is not None and event.when.approximate
    # read as the widest of the three, the month, its day in the note (a trial: read as about the day, a search of a
    # day in the month around it missed it, unsaid)
    assert (event.when.date, event.when.precision) == ("2018-01", "month")
    assert event.when.note == (
        "ACLED time precision '4' is not 1, 2 or 3: this day, or a week or the month around it "
        "(the export codes the day 2018-01-15)"
    )


def test_an_acled_year_column_that_disagrees_with_event_date_is_named(tmp_path: Path) -> None:
    rows = [{"year": "2019"}, {"year": "2018.0"}, {"year": "2018"}, {"year": ""}]
    path = _acled(tmp_path / "export.csv", rows)
    loaded = load_with_report(path)
    assert {e.when.date for e in loaded.dataset.events if e.when} == {"2018-01-15"}
    said = [w for w in loaded.warnings if "the year column and event_date give different years" in w]
    assert len(said) == 1 and "line 2" in said[0] and "line 3" not in said[0]  # before: nothing said
    _fast_or_alike(path)
    plain = _acled(tmp_path / "plain.csv", rows[1:])
    assert read_fast(plain) is not None  # a year as a spreadsheet writes it agrees


def test_a_long_source_name_is_kept_whole_as_the_claim_keeps_it(tmp_path: Path) -> None:
    name = "Observatorio " + "muy " * 100 + "largo"  # 418 characters: before, cut to 300 in the source
    loaded = load_with_report(_acled(tmp_path / "export.csv", [{"source": name}]))
    (event,) = loaded.dataset.events
    titles = {s.id: s.title for s in loaded.dataset.sources}
    assert titles[event.sources[1]] == name and name in event.claims[0].statement


def test_a_row_shorter_than_the_header_is_named(tmp_path: Path) -> None:
    # before: read with its missing cells empty, not a word said (a line break outside quotes splits a row so)
    path = tmp_path / "short.csv"
    path.write_text("date,title,place,source\n2020-01-01,full,Caracas,BBC\n2020-01-02,cut short\n,,,\n")
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["full", "cut short"]
    assert [w for w in loaded.warnings if "fewer cells than the header" in w] == [SHORT_ROW.format(4) + " (line 3)"]
    trailing = tmp_path / "trailing.csv"  # names only as far as the last one: 'date,title,,' has two
    trailing.write_text("date,title,,\n2020-01-01,full\n")
    assert not any("fewer cells" in w for w in load_with_report(trailing).warnings)


def test_a_short_acled_row_is_named_read_fast_or_not(tmp_path: Path) -> None:
    path = _acled(tmp_path / "export.csv", [{"notes": "A clash."}, {"notes": "Another."}])
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[-1] = ",".join(lines[-1].split(",")[:-3])  # the last three cells left out
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ordinary = load_with_report(path)
    assert any("fewer cells than the header" in w and "(line 3)" in w for w in ordinary.warnings)
    _fast_or_alike(path)


def test_an_id_the_event_could_not_keep_is_kept_in_its_summary(tmp_path: Path) -> None:
    # before: 'VEN1' met twice gave 'ven1-2', and the file's id was in a warning only, in no field
    path = _acled(
        tmp_path / "export.csv", [{"notes": "First.", "fatalities": "0"}, {"notes": "Second.", "fatalities": "0"}]
    )
    path.write_text(path.read_text(encoding="utf-8").replace("VEN2,", "VEN1,"), encoding="utf-8")
    summaries = {e.id: e.summary for e in load_with_report(path).dataset.events}
    count = "Fatalities (ACLED count): 0"
    assert summaries == {"ven1": f"First.\n\n{count}", "ven1-2": f"Second.\n\n{count}\n\nId in the file: VEN1"}
    _fast_or_alike(path)
    timeline = tmp_path / "timeline.json"
    slides = [
        {"start_date": {"year": 2020}, "text": {"headline": "A"}, "unique_id": "same"},
        {"start_date": {"year": 2021}, "text": {"headline": "B", "text": "Body."}, "unique_id": "same"},
        {"start_date": {"year": 2022}, "text": {"headline": "C"}, "unique_id": "Not A Slug"},
        {"start_date": {"year": 2023}, "text": {"headline": "D"}, "unique_id": "kept"},
    ]
    timeline.write_text(json.dumps({"events": slides}), encoding="utf-8")
    events = {e.title: (e.id, e.summary) for e in load_with_report(timeline).dataset.events}
    assert events == {
        "A": ("same", ""),
        "B": ("same-2", "Body.\n\nId in the file: same"),
        "C": ("not-a-slug", "Id in the file: Not A Slug"),
        "D": ("kept", ""),
    }


def test_the_lowercased_ids_warning_cites_an_id_of_the_file_or_is_not_given(tmp_path: Path) -> None:
    # before: always 'AFG1001 is afg1001', an id of no file, even where no id changed
    path = _acled(
        tmp_path / "export.csv", [{"notes": "First.", "fatalities": "0"}, {"notes": "Second.", "fatalities": "0"}]
    )
    said = [w for w in load_with_report(path).warnings if "lowercased" in w]
    assert said == ["ACLED event ids are lowercased to make the events' ids (VEN1 is ven1, line 2)"]
    _fast_or_alike(path)
    path.write_text(path.read_text(encoding="utf-8").replace("VEN", "ven"), encoding="utf-8")
    assert not any("lowercased" in w for w in load_with_report(path).warnings)
    _fast_or_alike(path)


def test_an_acled_id_typed_as_acled_writes_it_is_offered_as_ours() -> None:
    # before: 'AFG1002' had no suggestion at all, where a wrong lower-case id had three
    known = ["afg1001", "afg1002", "afg1003", "ven1"]
    assert closest("AFG1002", known)[0] == "afg1002"
    assert closest("Field", ["field", "fields"], limit=1) == ["field"]


def test_a_long_notes_or_location_cell_gives_way_not_the_count_or_the_coordinates(tmp_path: Path) -> None:
    # before: the summary was cut at its end, so the fatality count and source scale were what was lost;
    # a long location took the country and coordinates with it
    long_notes, long_place = "word " * 20_002, "L" * 2_000
    path = _acled(
        tmp_path / "export.csv",
        [
            {"notes": long_notes, "fatalities": "42", "source_scale": "National"},
            {
                "location": long_place,
                "country": "Afghanistan",
                "latitude": "34.5",
                "longitude": "69.2",
                "geo_precision": "1",
            },
        ],
    )
    loaded = load_with_report(path)
    events = {e.id: e for e in loaded.dataset.events}
    summary = events["ven1"].summary
    assert summary.endswith("…\n\nFatalities (ACLED count): 42\n\nSource scale: National") and len(summary) <= 100_000
    place = events["ven2"].place
    assert place is not None and place.endswith("…, Afghanistan (34.5, 69.2)") and len(place) <= 2_000
    assert any(w.startswith("line 2 (notes): 100,009 characters, cut to") for w in loaded.warnings)
    assert any(w.startswith("line 3 (location): 2,000 characters, cut to") for w in loaded.warnings)
    _fast_or_alike(path)


def test_fatalities_and_coordinates_that_are_not_numbers_are_marked_where_they_are_read(tmp_path: Path) -> None:
    rows = [
        {"fatalities": '"1,234"'},  # a count, as a CSV saved from Excel may write it: before, 'not a count'
        {"fatalities": "abc"},
        {"country": "Afghanistan", "latitude": "abc", "longitude": "999"},
        {"country": "Afghanistan", "latitude": "-34.5", "longitude": "169.2", "geo_precision": "1"},
    ]
    path = _acled(tmp_path / "export.csv", rows)
    loaded = load_with_report(path)
    events = {e.id: e for e in loaded.dataset.events}
    assert events["ven1"].summary == "Fatalities (ACLED count): 1,234"
    assert events["ven2"].summary == "Fatalities (ACLED count, as written; not a number): abc"  # before: unmarked
    assert events["ven3"].place == "Afghanistan (abc, 999; as written: not a latitude and a longitude)"
    assert events["ven4"].place == "Afghanistan (-34.5, 169.2)"
    assert not any("'1,234' is not a count" in w for w in loaded.warnings)
    assert any(w.startswith("latitude and longitude that are not coordinates") for w in loaded.warnings)
    _fast_or_alike(path)


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\u2060"])
def test_invisible_characters_neither_spoil_a_date_nor_hide_a_word(tmp_path: Path, mark: str) -> None:
    """A byte order mark inside a file (two exports joined) or a zero-width space: a date cell was read
    as its year alone, its note the cell (which looks like the date), said nowhere; a place was found by
    no search; a header was not known."""
    path = tmp_path / "sheet.csv"
    text = f"date,title{mark},place\n{mark}2018-01-16,Funeral,Cara{mark}cas\n"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and (event.when.date, event.when.precision) == ("2018-01-16", "day")
    assert any("invisible characters" in warning and "line 2" in warning for warning in loaded.warnings)
    assert event.title == "Funeral" and event.place == f"Cara{mark}cas"  # (kept as written)
    # search reads a word without a mark inside it, and marks it whole; a zero-width space parts words (Thai
    # and Khmer write no other space between them)
    found = SearchIndex(Chronology(loaded.dataset)).search("cas" if mark == "\u200b" else "caracas", typing=False)
    assert [hit.id for hit in found.hits] == [event.id]
    if mark != "\u200b":
        assert found.hits[0].snippet.text.startswith("Place: ")  # (a place said as such)
        assert found.hits[0].snippet.spans == ((7, 15),)


def test_without_event_id_cnty_acleds_other_ids_are_kept(tmp_path: Path) -> None:
    # before: data_id and event_id_no_cnty, then the export's only ids, were left out as copies
    header = "data_id,iso,event_id_no_cnty,event_date,time_precision,event_type,location,notes"
    path = tmp_path / "export.csv"
    path.write_text(
        f"{header}\n5001,862,17,2018-01-15,1,Battles,El Junquito,raid\n"
        "5002,862,18,2018-01-15,1,Battles,El Junquito,raid\n",
        encoding="utf-8",
    )
    loaded = load_with_report(path)
    summaries = sorted(event.summary for event in loaded.dataset.events)
    assert summaries == [
        "raid\n\ndata_id: 5001\n\nevent_id_no_cnty: 17",
        "raid\n\ndata_id: 5002\n\nevent_id_no_cnty: 18",
    ]
    assert any("its own ('data_id', 'event_id_no_cnty') are kept" in warning for warning in loaded.warnings)
    assert not any("not part of the ACLED layout" in warning for warning in loaded.warnings)  # (they are)
    with_ids = tmp_path / "with_ids.csv"  # beside event_id_cnty they are copies: left out, as before
    with_ids.write_text(f"event_id_cnty,{header}\nVEN1,5001,862,17,2018-01-15,1,Battles,El Junquito,raid\n")
    (event,) = load_with_report(with_ids).dataset.events
    assert event.summary == "raid"


@pytest.mark.parametrize(
    ("display", "row", "disagrees"),
    [
        ("March 3, 1999", "2018,1,16", True),
        ("2019", "2018,1,15", True),
        ("1850", "1900,,", True),
        ("January 15, 2018", "2018,1,15", False),
        ("Jan 2018", "2018,1,15", False),  # a coarser display of the same date
        ("500 BCE", "-500,,", False),  # (TimelineJS's -500 is ISO's -0499: the same year)
        ("Dawn of the siege", "2018,1,15", False),  # words: no date to compare
        ("c. 1999", "2018,1,15", True),  # approximate, but a year and more away (it was unsaid: a date trial)
        ("around March 2018", "2018,1,15", True),  # more than a month from its month
        ("c. 2017", "2018,1,15", False),  # within a year of it: approximately the same
        ("c. 20 January 2018", "2018,1,15", False),  # within a week of its day
        # other words and marks of doubt (a re-trial found each unsaid, some making the slide approximate)
        ("vers 1999", "2018,1,15", True),
        ("1999?", "2018,1,15", True),
        ("(c. 1999)", "2018,1,15", True),
        ("early 1999", "2018,1,15", True),
        ("circa 1999?", "2018,1,15", True),
        ("2018?", "2018,1,15", False),
        ("before 1999", "1990,,", False),  # a bound the slide's date keeps: nothing to say
        ("1/16/18", "1918,1,16", False),  # a two-digit year the reader completes as 2018: not the file's
        ("2018-01-15T23:00-04:00", "2018,1,16", False),  # a time in a zone: maybe the same moment
    ],
)
def test_a_display_date_giving_another_date_is_said(tmp_path: Path, display: str, row: str, disagrees: bool) -> None:
    # before: 'March 3, 1999' was the note of a slide dated 16 January 2018, as if it glossed that date
    path = tmp_path / "sheet.csv"
    path.write_text(f'Year,Month,Day,Display Date,Headline\n{row},"{display}",Raid\n', encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.note is not None and display in event.when.note
    assert ("gives another date than this one" in event.when.note) is disagrees
    assert any("display date that gives another date" in warning for warning in loaded.warnings) is disagrees
    if disagrees:  # its words of doubt are its own date's, not the slide's
        assert not event.when.approximate


def test_a_group_in_html_makes_the_tag_timelinejs_shows(tmp_path: Path) -> None:
    # before: '<b>Ops</b> &amp; Intel' made the tag 'b-ops-b-amp-intel', words the slide never shows
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Month,Day,Headline,Group\n2018,1,16,Raid,<b>Ops</b> &amp; Intel\n", encoding="utf-8")
    (event,) = load_with_report(path).dataset.events
    assert event.tags == ("ops-intel",)


def test_a_year_column_beside_v2s_dates_leaves_rows_without_a_year_their_start_date(tmp_path: Path) -> None:
    # before: a Year filled on one row made the sheet today's layout, and every other row was skipped
    loaded = _loaded(
        tmp_path,
        "Start Date,End Date,Headline,Type,Year\n2001-09-11,,Attacks,,\n1999-01-01,,Year row,,1999\n"
        "2005-07-07,2005-07-08,London,,\n",
    )
    found = {e.title: (e.when.date if e.when else None, e.end.date if e.end else None) for e in loaded.dataset.events}
    assert found == {
        "Attacks": ("2001-09-11", None),
        "Year row": ("1999", None),
        "London": ("2005-07-07", "2005-07-08"),
    }
    assert any("line 2, line 4" in warning and "TimelineJS v2" in warning for warning in loaded.warnings)


def test_an_image_in_a_slides_text_is_a_source(tmp_path: Path) -> None:
    # before: '<img src=...>' in the Text was dropped, its address nowhere
    path = tmp_path / "sheet.csv"
    path.write_text(
        'Year,Month,Day,Headline,Text\n2018,1,16,Raid,"<p>See <img src=""https://img.example/a.png""> here</p>"\n',
        encoding="utf-8",
    )
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    urls = {source.id: source.url for source in loaded.dataset.sources}
    assert "https://img.example/a.png" in [urls[source] for source in event.sources]


def test_an_acled_export_keeping_few_columns_is_still_acled(tmp_path: Path) -> None:
    # before: with its ids and actors removed it was no known layout (exit 2), and --columns lost ACLED's wording
    path = tmp_path / "export.csv"
    path.write_text("event_date,event_type,location,country,fatalities\n2018-01-15,Battles,El Junquito,Venezuela,7\n")
    (event,) = load_with_report(path).dataset.events
    assert event.summary == "Fatalities (ACLED count): 7" and event.certainty == "reported"
    for header in ("event_date,event_type,fatalities,title", "Event date,Event type,Fatalities,Title"):
        generic = tmp_path / "generic.csv"  # with a title of its own, or not spelt as ACLED does: one's own sheet
        generic.write_text(f"{header}\n2018-01-15,Battles,7,Raid\n")
        (other,) = load_with_report(generic).dataset.events
        assert other.title == "Raid" and other.certainty != "reported", header


def test_an_actor_in_roles_of_both_kinds_says_which_is_which(tmp_path: Path) -> None:
    # before: 'actor 1 and associated with actor 1 and actor 2', read as associated with both
    rows = [{"actor1": "Rebels", "assoc_actor_1": "Rebels", "actor2": "Rebels"}]
    (event,) = load_with_report(_acled(tmp_path / "export.csv", rows)).dataset.events
    assert [p.role for p in event.actors] == ["actor 1 and actor 2; associated with actor 1"]


def test_ids_and_counts_are_worded_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Headline,Unique Id\n2001,A,e1\n2002,B,E1\n2003,C,日本\n\n", encoding="utf-8")
    loaded = load_with_report(path)
    # 'E1' collides with the row before once lowercased: said (it read as only 'not a lowercase slug')
    assert any("'E1' is not a lowercase slug, and 'e1' is used by an earlier row" in w for w in loaded.warnings)
    # '日本' has letters, none a slug can hold (it said 'no letters or digits')
    assert any("'日本' has no letter or digit an id can hold (a-z, 0-9)" in w for w in loaded.warnings)
    assert loaded.summary is not None and loaded.summary.endswith("; 1 empty row ignored")  # (not '1 empty rows')


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a trial: the id made for line 2 was line 4's own, which was renamed (citing it cited line 2)
        ("id,date,event\n,2018-01-01,Same\n,2018-01-01,Same\nsame-2018-01-01,2018-01-03,Clash\n", None),
        ("Year,Headline,Unique Id\n2018,Same\n2018,Same\n2018,Clash,same-2018\n", None),
        # a file's id that is no slug is made one, never the id a later row gives
        ("Year,Headline,Unique Id\n2001,A,E 1\n2002,Clash,e-1\n", "'E 1' is not a lowercase slug, and 'e-1' is the"),
    ],
)
def test_an_id_a_row_gives_is_its_own_whatever_came_before(tmp_path: Path, text: str, said: str | None) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    ids = {event.title: event.id for event in loaded.dataset.events}
    assert ids["Clash"] == text.splitlines()[-1].split(",")[0 if text.startswith("id") else 2]
    assert len(loaded.dataset.events) == len(text.splitlines()) - 1
    assert not any("is used by an earlier row" in w for w in loaded.warnings)
    assert said is None or any(said in w for w in loaded.warnings)


def test_a_timelinejs_slides_unique_id_is_its_own_whatever_came_before() -> None:
    from junquito_tui.core.interop.timelinejs_import import from_timelinejs

    slide = {"start_date": {"year": 2018}, "text": {"headline": "Same"}}
    clash = {"start_date": {"year": 2019}, "text": {"headline": "Clash"}, "unique_id": "same-2018"}
    document, _ = from_timelinejs({"events": [slide, slide, clash]}, "t.json")
    assert [event["id"] for event in document["events"]] == ["same-2018-2", "same-2018-3", "same-2018"]


def test_a_number_as_a_column_name_is_named_as_the_sheet_shows_it() -> None:
    from junquito_tui.core.interop.sheet_read import _header_name  # (a workbook's number cell: a float)

    assert [_header_name(cell) for cell in (2018.0, 2018.5, "2018", None)] == ["2018", "2018.5", "2018", ""]


def test_a_row_with_any_of_todays_date_cells_is_not_dated_by_v2s(tmp_path: Path) -> None:
    # an End Year or a Time beside a Start Date: not dropped for it (the row is read as before, and said)
    loaded = _loaded(
        tmp_path,
        "Year,Month,Day,Time,End Year,End Month,End Day,Start Date,End Date,Headline\n"
        ",,,,2018,1,20,2018-01-15,,Second\n,,,10:00,,,,2018-01-16,,Third\n,,,,,,,2018-01-17,2018-01-18,Fourth\n",
    )
    assert [e.title for e in loaded.dataset.events] == ["Fourth"]
    assert sum("no year; row skipped" in warning for warning in loaded.warnings) == 2


def test_an_empty_fatalities_cell_is_said_not_given_and_a_file_without_the_column_says_nothing(tmp_path: Path) -> None:
    # a trial: an empty count in a full row read as a file without the column, unsaid
    from junquito_tui.core.interop.acled import NO_COUNT

    path = _acled(tmp_path / "export.csv", [{"fatalities": "", "notes": "A clash."}, {"fatalities": "3"}])
    first, second = sorted(load_with_report(path).dataset.events, key=lambda event: event.id)
    assert first.summary == f"A clash.\n\n{NO_COUNT}" and second.summary == "Fatalities (ACLED count): 3"
    _fast_or_alike(path)
    without = _acled(tmp_path / "no-count.csv", [{"notes": "A clash."}], ACLED_HEADER.replace("fatalities,", ""))
    (event,) = load_with_report(without).dataset.events
    assert event.summary == "A clash."


def test_actors_whose_names_differ_only_in_accents_are_kept_apart_and_said(tmp_path: Path) -> None:
    # (a trial: 'Nicolás Maduro|Nicolas Maduro' made two actors on one event, unsaid)
    path = tmp_path / "accents.csv"
    path.write_text(
        "date,event,actors\n2018-01-15,a,Nicolás Maduro|Nicolas Maduro\n2018-01-16,b,Óscar Pérez; ÓSCAR PEREZ\n"
        "2018-01-17,c,Ana Ruiz\n",
        encoding="utf-8",
    )
    loaded = load_with_report(path)
    names = {actor.name for actor in loaded.dataset.actors}
    assert names == {"Ana Ruiz", "Nicolas Maduro", "Nicolás Maduro", "Óscar Pérez", "ÓSCAR PEREZ"}
    (said,) = [w for w in loaded.warnings if "differ only in accents" in w]
    assert "'Nicolás Maduro' and 'Nicolas Maduro'" in said and "'Óscar Pérez' and 'ÓSCAR PEREZ'" in said
    assert "Ana Ruiz" not in said


@pytest.mark.parametrize(
    ("text", "title", "tags", "placeholder"),
    [
        # a trial: a Group of 'Media' (62 rows) was dropped as a placeholder, and a headline 'Media' too
        ("Year,Headline,Text,Group\n2018,Raid,x,Media\n", "Raid", ("media",), None),
        ("Year,Headline,Text,Group\n2018,Media,x,Text\n", "Media", ("text",), None),
        ("date,event,tags\n2018-01-15,Title,Media\n", "Title", ("media",), None),  # no template: its words are words
        # the template's own words in the fields that show them: placeholders, as before
        ("Year,Headline,Text\n2018,Headline,A body.\n", "A body.", (), "'Headline'"),
        ("Year,Headline,Text,Media Credit\n2018,Raid,x,Credit\n", "Raid", (), "'Credit'"),
        ("date,event\n2018-01-15,{{headline}}\n", "Untitled row", (), "'{{headline}}'"),  # a token: anywhere
    ],
)
def test_a_placeholder_word_is_one_only_in_the_field_that_shows_it(
    tmp_path: Path, text: str, title: str, tags: tuple[str, ...], placeholder: str | None
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert (event.title, event.tags) == (title, tags)
    said = [w for w in loaded.warnings if "looks like an unfilled template placeholder" in w]
    assert said == [] if placeholder is None else placeholder in said[0]


def test_a_line_of_the_notes_never_passes_for_the_summarys_own(tmp_path: Path) -> None:
    """A trial: notes ending 'Fatalities (ACLED count): 99' on a row whose count is 0 showed one event with
    two counts, the same way, and a search found the false one."""
    notes = "Clash.\n\nFatalities (ACLED count): 99\n  Source scale: Local\nSee Id in the file: X"
    path = _acled(tmp_path / "export.csv", [{"notes": f'"{notes}"', "fatalities": "0", "source_scale": "National"}])
    assert read_fast(path) is None  # the fast reading leaves a row said something of to the ordinary import
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.summary == (
        "Clash.\n\n(in the notes) Fatalities (ACLED count): 99\n(in the notes) Source scale: Local\n"
        "See Id in the file: X\n\nFatalities (ACLED count): 0\n\nSource scale: National"
    )
    assert any(w.startswith("notes with a line that reads as one of the summary's own") for w in loaded.warnings)
    index = SearchIndex(Chronology(loaded.dataset))
    (hit,) = index.search('"ACLED count 99"').hits
    assert "(in the notes) Fatalities (ACLED count): 99" in hit.snippet.text


@pytest.mark.parametrize(
    "line",
    [  # a re-trial: look-alikes passed unmarked, and the exports then wrote them as the very line
        "Fatalities\u00a0(ACLED count): 99",
        "Fatalities  (ACLED  count): 99",
        "\u200bFatalities (ACLED count): 99",
        "\uff26atalities (ACLED count): 99",
        "Fatalities (\u0410CLED count): 99",
        "fatalities(acled count):99",
        # a second re-trial's: characters the cleaning removes, Armenian, small capitals, dotless i, a combining mark
        "Fatal\x07ities (ACLED count): 99",
        "Fatal\u3164ities (ACLED count): 99",
        "Fatalities (ACLED c\u0585unt): 99",
        "Fatalities (\u1d00\u1d04\u029f\u1d07\u1d05 count): 99",
        "Fatal\u0131t\u0131es (ACLED count): 99",
        "Fatalitie\u0301s (ACLED\u034f count): 99",
        "population_best: 5000",  # a column ACLED does not have, kept as 'population_best: 100' after the notes
    ],
)
def test_a_look_alike_of_the_summarys_own_line_is_marked_too(tmp_path: Path, line: str) -> None:
    header = ACLED_HEADER + ",population_best"
    row = {"notes": f'"Clash.\n{line}"', "fatalities": "0", "population_best": "100"}
    loaded = load_with_report(_acled(tmp_path / "export.csv", [row], header=header))
    (event,) = loaded.dataset.events
    cleaned = line.replace("\x07", "").replace("\u3164", "")  # (removed by the cleaning, said)
    assert event.summary.startswith(f"Clash.\n(in the notes) {cleaned}")
    assert event.summary.endswith("Fatalities (ACLED count): 0\n\npopulation_best: 100")


def test_an_acled_account_names_the_sources_acled_codes_it_from(tmp_path: Path) -> None:
    """A trial: every ACLED account read 'no one named, as reported by ACLED export ...', the sources it
    names only in the statement's words: the accounts list showed no source at all."""
    from junquito_tui.core.citation import cite

    path = _acled(tmp_path / "export.csv", [{"source": "El Pitazo; Efecto Cocuyo"}])
    chronology = Chronology(load_with_report(path).dataset)
    text = cite(chronology, "event", "ven1")
    assert "claimed by El Pitazo and Efecto Cocuyo (as cited; no person named), as reported by ACLED export" in text


def test_an_acled_accounts_sources_are_named_alike_in_the_csv_export_and_never_miscounted(tmp_path: Path) -> None:
    """A re-trial: the CSV export's claims column still read 'no one named'; and 'Reuters, AFP; BBC, Caracas' (two
    sources) read 'Reuters, AFP and BBC, Caracas', four."""
    import csv
    import io

    from junquito_tui.core.citation import cite
    from junquito_tui.core.interop import export_text

    path = _acled(tmp_path / "export.csv", [{"source": '"Reuters, AFP; BBC, Caracas"'}])
    chronology = Chronology(load_with_report(path).dataset)
    who = "\u201cReuters, AFP\u201d and \u201cBBC, Caracas\u201d (as cited; no person named), as reported by ACLED"
    who += " export"
    said = "Reported by \u201cReuters, AFP\u201d, \u201cBBC, Caracas\u201d; coded by ACLED"
    assert f"claimed by {who} export.csv: {said}" in cite(chronology, "event", "ven1")
    (row,) = csv.DictReader(io.StringIO(export_text(chronology, "csv").lstrip("\ufeff")))
    assert row["claims"].startswith(f"{who} export.csv: {said}")
    assert "(citing: Reuters, AFP, cited in ACLED export export.csv; BBC, Caracas, cited in" in row["claims"]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r", "\t", "\u2028", "\x85"])  # (a tab, LS, NEL: a re-trial)
def test_a_line_break_in_a_timelinejs_sheets_headline_is_said(tmp_path: Path, end: str) -> None:
    """A trial: 'Line<break>break headline' became 'Line break headline' with no warning (a sheet of any
    other layout says it, as the README promises of every one-line field)."""
    path = tmp_path / "sheet.csv"
    line = end if end in "\r\n" else "\n"  # the file's own line ends: a tab, LS or NEL only in the cell
    path.write_bytes(f'Year,Headline,Text{line}2018,"Line{end}break",x{line}2019,Plain,y{line}'.encode())
    loaded = load_with_report(path)
    assert [event.title for event in loaded.dataset.events] == ["Line break", "Plain"]
    (said,) = [w for w in loaded.warnings if w.startswith("line breaks or tabs in a one-line field")]
    assert said.endswith("(line 2 (Headline))")


@pytest.mark.parametrize(
    "text",
    [
        "date,event\n2018-01-01,Same\n2018-01-01,Same\n2018-01-02,Other\n2018-01-01,Same\n",
        "Year,Month,Day,Headline\n2018,1,1,Same\n2018,1,1,Same\n2018,1,2,Other\n2018,1,1,Same\n",
    ],
)
def test_a_row_pasted_twice_is_said(tmp_path: Path, text: str) -> None:
    """A trial: two identical rows were two events ('a-2018-01-15', 'a-2018-01-15-2'), not a word said."""
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    assert len(loaded.dataset.events) == 4  # each row an event still: the file may mean two
    (said,) = [w for w in loaded.warnings if w.startswith("rows the same as an earlier row, cell for cell")]
    assert said.endswith("(line 3, line 5)")


@pytest.mark.parametrize(
    "text",
    [
        "Year,Headline,Text,Unique Id\n2018,Raid,t1,\n2018,Other,t2,RAID-2018\n",  # a re-trial's: cited the wrong row
        "id,date,event\n,2018-01-01,Raid\nRAID-2018-01-01,2018-01-05,Other\n",
    ],
)
def test_an_id_a_row_gives_in_capitals_is_its_own_too(tmp_path: Path, text: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    ids = {event.title: event.id for event in load_with_report(path).dataset.events}
    given = text.splitlines()[-1].split(",")[-1 if text.startswith("Year") else 0]
    assert ids["Other"] == given.lower() and ids["Raid"] == f"{given.lower()}-2"


def test_a_csv_year_that_is_a_year_typed_in_a_date_cell_says_so(tmp_path: Path) -> None:
    """A re-trial: the CSV download of a sheet whose Year of 2018 was formatted as a date holds 1905-07-10, and the
    event fell 113 years early, unsaid. Read as written (a CSV has no formats), the likely year said in its note."""
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Month,Day,Headline\n1905-07-10,3,15,Typed\n1905-07-10,7,10,Agreeing\n", encoding="utf-8")
    events = {e.title: e for e in load_with_report(path).dataset.events}
    typed, agreeing = events["Typed"].when, events["Agreeing"].when
    assert typed is not None and typed.date == "1905-07-10"
    assert typed.note == (
        "1905-07-10 is how a spreadsheet shows the year 2018 typed in a cell formatted as a date: if that year is "
        "meant, write it as a number"
    )
    assert agreeing is not None and agreeing.note is None  # its Month and Day agree: a date, nothing to say

    # a day the calendar has not, in those years: said as such, no traceback (found rereading the change)
    bad = tmp_path / "bad.csv"
    bad.write_text("Year,Month,Day,Headline\n1905-02-30,3,15,Bad\n1905-13-01,3,15,Worse\n", encoding="utf-8")
    assert len(load_with_report(bad).dataset.events) == 2


def test_a_citation_gives_the_id_the_file_gives_where_the_events_was_made(tmp_path: Path) -> None:
    """A re-trial: 'cite x1-2' cited an ACLED row by the id made for it, the file's 'X1' nowhere in the citation."""
    from junquito_tui.core.citation import cite

    path = _acled(tmp_path / "export.csv", [{"event_id_cnty": "X1"}, {"event_id_cnty": "X1"}])
    chronology = Chronology(load_with_report(path).dataset)
    assert "Id in the file: X1 (this event's id here, x1-2, was made)\n" in cite(chronology, "event", "x1-2")
    assert "Id in the file" not in cite(chronology, "event", "x1")


@pytest.mark.parametrize(
    "summary",
    ["Id in the file: ZZZ9", "  id  in the file : ZZZ9", "Id in the\x07 file: ZZZ9", "\u0406d in the file: ZZZ9"],
)
def test_a_cell_written_as_the_importers_id_line_is_no_id_the_file_gives(tmp_path: Path, summary: str) -> None:
    """A second re-trial: 'cite' printed 'Id in the file: ZZZ9 (this event's id here, ..., was made)' from a
    summary cell (or ACLED notes) written so: both false."""
    from junquito_tui.core.citation import cite

    path = tmp_path / "sheet.csv"
    path.write_text(f'date,title,summary\n2018-01-15,Raid,"Before.\n{summary}"\n', encoding="utf-8")
    loaded = load_with_report(path)
    chronology = Chronology(loaded.dataset)
    assert "Id in the file" not in cite(chronology, "event", "raid-2018-01-15")
    assert "\n(in the file's text) " in loaded.dataset.events[0].summary
    assert SearchIndex(chronology).search("id:zzz9").hits == []
