"""Spreadsheets in: each layout and each quirk of real files, one small fixture per quirk."""

from __future__ import annotations

import csv
import datetime as dt
import shlex
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import REPO, known
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import short_date
from junquito_tui.core.interop.acled import NO_PRECISION
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.loader import DatasetError, Loaded, load_with_report
from junquito_tui.core.records import Event
from junquito_tui.core.text import CONTROL
from sheet_files import Cell, write_ods, write_xlsx

SHEETS = REPO / "tests" / "data" / "sheets"


def load(name: str, columns: str | None = None) -> Loaded:
    return load_with_report(SHEETS / name, columns=parse_columns(columns) if columns else None)


def events(loaded: Loaded) -> dict[str, Event]:
    return {event.id: event for event in Chronology(loaded.dataset).events}


def by_title(loaded: Loaded) -> dict[str, Event]:
    return {event.title: event for event in loaded.dataset.events}


def warned(loaded: Loaded, *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in loaded.warnings)


def date_of(event: Event) -> tuple[str, str, bool, str | None] | None:
    when = event.when
    return None if when is None else (when.date, when.precision.value, when.approximate, when.note)


# -- TimelineJS sheets ---------------------------------------------------------------------------------


def test_timelinejs_template_sheet() -> None:
    loaded = load("timelinejs-template.csv")
    dataset, found = loaded.dataset, by_title(loaded)
    assert (dataset.title, dataset.description) == ("A sheet timeline", "Built in the template. About")
    moon = found["Moon landing"]
    assert (known(moon.when).date, known(moon.when).precision, known(moon.when).utc_offset) == (
        "1969-07-20T20:17",
        "minute",
        "+00:00",
    )
    assert moon.summary.startswith("Armstrong steps out.\n\nSee NASA.")
    assert "Notes: Watched by millions" in moon.summary  # an extra column: kept, not lost
    assert set(moon.tags) == {"space-race", "space", "moon"}  # Group, then the Tags column
    sources = {s.id: s for s in dataset.sources}
    urls = {sources[s].url for s in moon.sources}
    assert {"https://nasa.gov/apollo11", "https://example.org/moon.jpg"} <= urls
    assert moon.sources[0] == "timelinejs-sheet"
    # BCE: TimelineJS's count (-460 is 460 BCE), zero-padded or as text
    assert short_date(found["An old event"].when) == "460 BCE"
    assert short_date(found["A zero-padded year"].when) == "475 BCE"
    assert known(found["Year written with its era"].when).date == "-0475-03"
    decade = found["A decade"]
    assert date_of(decade) == ("1850", "year", True, "1850s") and known(decade.end).date == "1859"
    war = found["The Second World War"]
    assert "era" in war.tags and (known(war.when).date, known(war.end).date) == ("1939-09-01", "1945-09-02")
    assert "the file gives 06:45:56" in (known(found["Seconds in the time"].when).note or "")
    assert known(found["Impossible day"].when).date == "1990-02"
    assert warned(loaded, "line 10", "'Spring'", "row skipped")
    # it said 'a second title row; read as an event', then 'no year; row skipped'
    assert warned(loaded, "line 12", "another title row (the title is line 2's), with no date; row skipped")
    assert not warned(loaded, "line 12", "read as an event") and not warned(loaded, "line 12", "no year")
    assert warned(loaded, "line 13 (Day)", "February has no day 30")
    assert warned(loaded, "line 14 (Headline)", "placeholder")
    assert warned(loaded, "'Notes' is not part of the TimelineJS template as this sheet uses it")
    assert warned(loaded, "'Tags'", "tags")
    assert loaded.summary == "read 12 rows of data: 9 events, 1 title row, 2 skipped (each named in a warning)"


def test_a_type_timelinejs_does_not_know_is_an_event_its_value_a_tag_and_said() -> None:
    # before: 'foo' or 'Slide' in the Type column was dropped with no word (TimelineJS knows title and era)
    loaded = load("timelinejs-unknown-types.csv")
    found = by_title(loaded)
    assert loaded.dataset.title == "My title" and set(found) == {"Ev1", "Ev2", "Ev3", "Ev4", "Ev5", "Ev6"}
    tags = {title: event.tags for title, event in found.items()}
    assert tags == {
        "Ev1": ("event",), "Ev2": ("slide",), "Ev3": ("era",), "Ev4": ("foo",), "Ev5": ("slide",), "Ev6": (),
    }  # fmt: skip
    assert warned(
        loaded, "'Type' values TimelineJS does not know", "'event' (line 3)", "'Slide' (line 4, 2 rows)",
        "'foo' (line 6)", "'?' (line 8; no tag)", "read as events",
    )  # fmt: skip
    assert not warned(loaded, "'ERA'") and not warned(loaded, "'Title'")


def test_title_rows_after_the_first_and_a_dated_title_are_said_for_what_they_are(tmp_path: Path) -> None:
    # a dated title row lost its date unsaid; a third title row was called 'a second'
    path = tmp_path / "titles.csv"
    path.write_text("Year,Headline,Type\n1950,Dated title,title\n1951,A,\n1952,Second,title\n1953,Third,title\n")
    loaded = load_with_report(path)
    assert loaded.dataset.title == "Dated title" and [e.title for e in loaded.dataset.events] == [
        "A",
        "Second",
        "Third",
    ]
    assert warned(loaded, "line 2", "the title row's date is not used")
    assert warned(loaded, "line 4", "another title row (the title is line 2's); read as an event")
    assert warned(loaded, "line 5", "another title row (the title is line 2's); read as an event")


def test_every_row_is_an_event_or_named_in_a_warning() -> None:
    for path in sorted(SHEETS.iterdir()):
        if path.name in {
            "unrecognised-layout.csv",
            "columns-option.csv",
            "no-header-line.csv",
            "title-above-header.csv",
            "encoding-mac-roman-german-short.csv",
            "misnamed-html-as.xls",  # (refused: no rows)
            "encoding-utf16-without-bom.csv",
            "quote-open-in-the-header.csv",
            "misnamed-png-as.xlsx",  # (refused: no dataset)
            "misnamed-pdf-as.csv",
        }:
            continue
        loaded = load_with_report(path)
        assert loaded.summary is not None, path
        assert "skipped" in loaded.summary
        skipped = int(loaded.summary.split(", ")[-1].split()[0]) if "none skipped" not in loaded.summary else 0
        named = [w for w in loaded.warnings if "skipped" in w]
        assert len(named) >= (1 if skipped else 0), path
        assert len(loaded.dataset.events) + skipped + ("title row" in loaded.summary) == _rows(loaded.summary), path


def _rows(summary: str) -> int:
    return int(summary.split()[1].replace(",", ""))


def test_camel_case_headers() -> None:
    loaded = load("timelinejs-camelcase.csv")
    found = by_title(loaded)
    assert loaded.dataset.title == "Camel case"
    first = found["First"]
    assert known(first.when).date == "2020-03-21" and first.tags == ("group-a",)
    assert any(s.endswith("-media") for s in first.sources)
    second = found["Second"]
    assert date_of(second) == ("2020-04", "month", True, "around April 2020")
    assert warned(loaded, "line 3 (mediaCaption)", "placeholder")


def test_v2_layout_start_and_end_date_columns() -> None:
    loaded = load("timelinejs-v2.csv")
    found = by_title(loaded)
    assert loaded.dataset.title == "Version two"
    assert known(found["Christmas (day first)"].when).date == "1951-12-25"
    # the file shows day/month (25/12), so 3/4/1952 is 3 April
    ambiguous = found["Ambiguous in itself"]
    assert (known(ambiguous.when).date, known(ambiguous.end).date) == ("1952-04-03", "1952-04-05")
    assert known(found["Year only"].when).precision == "year" and found["New year"].tags == ("events",)


@pytest.mark.parametrize(
    "name", ["timelinejs-sheet-empty-formatted-rows.xlsx", "timelinejs-sheet.ods", "timelinejs-sheet.xls"]
)
def test_workbooks(name: str) -> None:
    loaded = load(name)
    found = by_title(loaded)
    assert loaded.dataset.title == "From a workbook"
    assert known(found["Moon landing"].when).date.startswith("1969-07-20")
    assert known(found["Month with a line break"].when).date == "2018-01-15"  # the cell "1\n"
    assert short_date(found["BCE as a number"].when) == "460 BCE"
    assert len(loaded.dataset.events) == 3 and "empty" not in known(loaded.summary)  # formatted empty rows: not data


def test_workbook_time_cell_and_hundreds_of_empty_rows(tmp_path: Path) -> None:
    rows: list[Sequence[Cell]] = [
        ["date", "title"],
        [dt.datetime(2018, 1, 15, 4, 0), "Timed"],
        [dt.date(2018, 1, 16), "Day"],
    ]
    rows += [[None, None]] * 3 + [["2018-01-17", "After blank rows"]]
    loaded = load_with_report(write_xlsx(tmp_path / "blank-rows.xlsx", rows, empty_formatted_rows=500))
    found = by_title(loaded)
    assert known(found["Timed"].when).date == "2018-01-15T04:00" and known(found["Day"].when).precision == "day"
    assert known(found["After blank rows"].when).date == "2018-01-17"
    assert known(loaded.summary).endswith("3 empty rows ignored")


def test_workbook_with_several_sheets_reads_the_first_with_data(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "one.ods", [["date", "title"], ["2020", "Only"]])
    assert known(by_title(load_with_report(path))["Only"].when).date == "2020"


def test_a_broken_workbook_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    assert "cannot be read as a spreadsheet" in error.value.report()


# -- ACLED ---------------------------------------------------------------------------------------------


def test_acled_current_layout() -> None:
    loaded = load("acled-current.csv")
    found = events(loaded)
    assert set(found) == {"afg1001", "afg1002", "afg1003"}
    kabul = found["afg1001"]
    assert kabul.title == "Armed clash in Kabul" and kabul.certainty == "reported"
    assert kabul.place == "Kabul, Afghanistan (34.5553, 69.2075)"
    assert "Fatalities (ACLED count): 3" in kabul.summary and kabul.summary.startswith("On 15 August 2021")
    assert set(kabul.tags) == {"political-violence", "battles", "armed-clash"}
    actors = {a.id: a for a in loaded.dataset.actors}
    roles = {actors[p.actor].name: p.role for p in kabul.actors}
    assert roles == {
        "Taliban": "actor 1",
        "Military Forces of Afghanistan (2004-2021)": "actor 2",
        "Police Forces of Afghanistan (2004-2021)": "associated with actor 2",
    }
    assert actors["taliban"].side == "Rebel groups" and actors["taliban"].kind == "group"
    sources = {s.id: s.title for s in loaded.dataset.sources}
    assert [sources[s] for s in kabul.sources] == ["ACLED export acled-current.csv", "Xinhua", "Pajhwok Afghan News"]
    assert kabul.claims[0].statement == "Reported by Xinhua, Pajhwok Afghan News; coded by ACLED"
    # read in the export, which attributes it to the sources it names: before, the claim's source was
    # the first named (Xinhua, never read here) and the second was not named at all
    claim = kabul.claims[0]
    assert (claim.source, claim.cited) == ("acled-file", ("source-xinhua", "source-pajhwok-afghan-news"))
    assert {s.id: s.cited_in for s in loaded.dataset.sources} == {
        "acled-file": None,
        "source-xinhua": "acled-file",
        "source-pajhwok-afghan-news": "acled-file",
        "source-twitter": "acled-file",
        "source-local-source": "acled-file",
    }
    # time_precision: 1 the day, 2 approximate within a week (said), 3 approximate, the month
    assert date_of(kabul) == ("2021-08-15", "day", False, None)
    week = found["afg1002"]
    assert date_of(week) == ("2021-08-20", "day", True, "ACLED time precision 2: within a week or so of this day")
    month = found["afg1003"]
    # (the day coded kept in words: shown as the month, it was nowhere; a user trial)
    note = "ACLED time precision 3: some time in this month (the export codes the day 2021-08-01)"
    assert date_of(month) == ("2021-08", "month", True, note)
    assert "civilian-targeting" in month.tags and "somewhere in this region" in (month.place or "")
    assert "crowd-size-dozens" in week.tags
    assert warned(loaded, "line 5", "no event_date", "row skipped")


def test_acled_actor_names_and_sources_are_cleaned_like_every_cell() -> None:
    # Control characters in an actor's name or a source cell, and a template placeholder as the only
    # words of a title, failed the whole import with a schema problem: now mended, each one warned.
    loaded = load("acled-control-characters.csv")
    found = events(loaded)
    names = {a.name for a in loaded.dataset.actors}
    assert "Taliban[31m" in names and not any(CONTROL.search(name) for name in names)
    assert found["afg1001"].claims[0].statement == "Reported by Xinhua, Pajhwok Afghan News; coded by ACLED"
    assert warned(loaded, "line 2", "control characters", "removed")
    assert found["afg1003"].title == "Event" and warned(loaded, "line 3", "placeholder", "ignored")


def test_acled_actors_are_one_record_per_name() -> None:
    loaded = load("acled-current.csv")
    names = [a.name for a in loaded.dataset.actors]
    assert len(names) == len(set(names)) and names.count("Taliban") == 1
    appearances = Chronology(loaded.dataset).appearances["taliban"]
    assert len(appearances) == 2


def test_acled_older_layout_and_written_out_dates() -> None:
    found = events(load("acled-older.csv"))
    assert known(found["afg29"].when).date == "2015-01-01" and known(found["afg30"].when).date == "2015-03-21"
    assert found["afg30"].title == "Mob violence in Kabul"


def test_acled_legacy_upper_case_with_excel_dates_and_codes() -> None:
    loaded = load("acled-legacy-upper-case.csv")
    found = events(loaded)
    assert known(found["1alg"].when).date == "2020-05-01" and known(found["2alg"].when).date == "2024-08-05"
    assert warned(loaded, "two-digit year '20' read as 2020")
    actors = {a.name: a for a in loaded.dataset.actors}
    assert actors["Military Forces of Algeria"].side == "State forces"  # INTER1 code 1
    assert actors["Military Forces of Algeria"].kind == "armed-force"
    ally = [p for p in found["2alg"].actors if p.role == "actor 2"]
    assert ally and actors["AQIM: Al Qaeda in the Islamic Maghreb"].id == ally[0].actor


def test_acled_with_columns_removed() -> None:
    loaded = load("acled-columns-removed.csv")
    (event,) = loaded.dataset.events
    assert (event.id, event.title, event.place) == ("ven1", "Battles in Venezuela", "Venezuela")
    assert "Fatalities (ACLED count): 7" in event.summary
    # no time_precision column: the day may stand for a week or a month (it was an exact day, unsaid)
    assert date_of(event) == ("2018-01", "month", True, f"{NO_PRECISION} (the export codes the day 2018-01-15)")
    assert warned(loaded, "no time_precision column", "every date is marked approximate")


def test_acled_empty_cells_and_odd_counts_are_said() -> None:
    # an empty time_precision made an exact day; an empty event_id_cnty an id from the title, unsaid;
    # a fatalities cell 'abc' or '-3' was shown as ACLED's count with no word
    loaded = load("acled-empty-cells.csv")
    first, second = sorted(loaded.dataset.events, key=lambda e: known(e.when).date)
    assert date_of(first) == ("2018-01", "month", True, f"{NO_PRECISION} (the export codes the day 2018-01-15)")
    assert warned(loaded, "no time_precision; the date is marked approximate", "(line 2)")
    assert date_of(second) == ("2018-01-16", "day", False, None)
    assert second.id == "armed-clash-in-el-junquito-2018-01-16"
    assert warned(loaded, "no event_id_cnty; the event's id is made from its title and date", "(line 3)")
    assert warned(loaded, "fatalities 'abc' is not a count", "(line 2)")
    assert warned(loaded, "fatalities '-3' is not a count", "(line 3)")
    assert first.claims[0].statement == "Reported by AP, Reuters; coded by ACLED"  # 'AP; AP; Reuters'
    assert first.claims[0].cited == ("source-ap", "source-reuters")


# -- Timesketch ------------------------------------------------------------------------------------------


def test_timesketch_csv() -> None:
    loaded = load("timesketch.csv")
    found = by_title(loaded)
    modified = found["C:\\Windows\\evil.exe was modified"]
    assert (known(modified.when).date, known(modified.when).utc_offset) == ("2020-03-21T10:30", "+00:00")
    assert "the file gives 10:30:45" in (known(modified.when).note or "")
    assert set(modified.tags) == {"last-modified-time", "malware"}
    assert "data_type: fs:stat" in modified.summary and "hostname: WS01" in modified.summary
    assert known(found["User logged in"].when).utc_offset == "+02:00"
    assert known(found["Only a timestamp"].when).date == "2020-03-21T11:26"  # from the microseconds
    assert warned(loaded, "no datetime: the timestamp is used", "(line 4)")  # it was used unsaid
    assert warned(loaded, "line 5", "no datetime", "row skipped")


def test_timesketch_json_lines() -> None:
    loaded = load("timesketch.jsonl")
    found = by_title(loaded)
    long = found["First line of a long message"]
    assert "second line" in long.summary and 'extra: {"k": "v"}' in long.summary
    assert set(found["Second"].tags) == {"creation-time", "a", "b"}
    assert warned(loaded, "line 3", "not a JSON object") and warned(loaded, "line 4", "not a JSON object")


# -- any other sheet -------------------------------------------------------------------------------------------


def test_generic_sheet_columns_found_and_said() -> None:
    loaded = load("generic-spanish.csv")
    found = by_title(loaded)
    raid = found["Asalto en El Junquito"]
    assert known(raid.when).date == "2018-01-15" and raid.place == "El Junquito"
    assert raid.summary.startswith("Operativo contra Óscar Pérez") and "Comentario: revisar" in raid.summary
    urls = {s.url for s in loaded.dataset.sources}
    assert "https://es.wikipedia.org/wiki/Masacre_de_El_Junquito" in urls
    assert len(found["Helicóptero sobre el TSJ"].sources) == 3  # the file, Wikipedia, El Pitazo
    assert warned(loaded, "columns used: date <- 'Fecha', title <- 'Evento'", "'Comentario'")


def test_an_empty_date_cell_takes_the_year_beside_it_said() -> None:
    # before: a row with no date in 'Date' was skipped, though its 'Year' cell gave the year
    loaded = load("dates-empty-date-beside-year.csv")
    found = by_title(loaded)
    assert set(found) == {"Dated", "Year only", "Date only"}
    assert date_of(found["Year only"]) == ("2017", "year", False, "no date in 'Date': the year from 'Year'")
    assert date_of(found["Dated"]) == ("2018-01-15", "day", False, None)  # the date cell, where it has one
    assert warned(loaded, "line 3", "no date in 'Date': the year from 'Year' (2017)")
    assert warned(loaded, "line 4", "no date in 'Date'; row skipped")
    assert warned(loaded, "line 5", "'n/a'", "no date in 'Date': row skipped")
    assert "Year: 2017" in found["Year only"].summary  # the column is still kept, as every other


def test_columns_option_names_the_columns() -> None:
    spec = "date='When it happened',title=What,actors=Who,place=Where,tags=Kind,source=Ref"
    loaded = load("columns-option.csv", spec)
    (event,) = loaded.dataset.events
    assert (event.title, event.place, event.tags) == ("Raid", "El Junquito", ("raid", "siege"))
    assert sorted(a.name for a in loaded.dataset.actors) == ["Police", "Óscar Pérez"]


def test_unrecognised_layout_names_headers_and_the_columns_line() -> None:
    with pytest.raises(DatasetError) as error:
        load("unrecognised-layout.csv")
    report = error.value.report()
    assert "the headers found are 'col a', 'col b'" in report
    assert "--columns 'date=col a,title=col b'" in report


def test_a_file_with_no_line_of_column_names_is_said_to_have_none() -> None:
    # it suggested '--columns date=1950,title='Event one'', which names a row of data: followed, the 1950
    # row was read as the names and lost, unsaid
    with pytest.raises(DatasetError) as error:
        load("no-header-line.csv")
    report = error.value.report()
    assert "holds '1950', a year or a date, so it looks like a row of data" in report and "--columns" not in report
    loaded = load("no-header-line.csv", "date=1,title=2")
    assert [e.title for e in loaded.dataset.events] == ["Event two"]
    assert warned(loaded, "the first line is read as column names, but it holds '1950'", "not read as an event")


def test_a_line_above_the_column_names_is_said() -> None:
    # it suggested '--columns date='My chronology of things',title=COLUMN', which cannot work
    with pytest.raises(DatasetError) as error:
        load("title-above-header.csv")
    report = error.value.report()
    assert "has 1 column name" in report and "remove the lines above them" in report and "COLUMN" not in report


def test_columns_naming_a_missing_column() -> None:
    with pytest.raises(DatasetError) as error:
        load("columns-option.csv", "date=Nope,title=What")
    assert "--columns date=Nope: no such column" in error.value.report()


@pytest.mark.parametrize(
    ("text", "message"),
    [("date", "is not FIELD=COLUMN"), ("colour=x", "unknown field 'colour'"), ("order=ymd", "order=dmy")],
)
def test_columns_option_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_columns(text)


@pytest.mark.parametrize(
    ("date", "title"),
    [
        ("when, roughly", "it,em"),  # a comma ends a field in --columns: named by number
        ("Fecha(UTC)", "Suceso&Lugar"),  # a shell's ( and &
        ("$when", "*"),  # a shell's $ and *
        ("it's", '"quoted"'),  # quotes
        ("\u200bMomento", "Evento"),  # a zero-width space, invisible in the line (a header not known)
    ],
)
def test_the_suggested_columns_line_works_as_it_is_pasted_into_a_shell(tmp_path: Path, date: str, title: str) -> None:
    # before: 'date='when, roughly',title='it,em'' and 'date=Fecha(UTC),title=Suceso&Lugar' could not be used
    path = tmp_path / "odd.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([[date, title], ["2018-01-15", "Asalto"]])
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    suggested = error.value.report().split("for example: ", 1)[1].strip()
    argv = shlex.split(suggested)  # as a POSIX shell reads it
    assert argv[0] == "--columns" and len(argv) == 2
    (event,) = load_with_report(path, columns=parse_columns(argv[1])).dataset.events
    assert event.title == "Asalto" and event.when is not None and event.when.date == "2018-01-15"


@pytest.mark.parametrize(
    "header",
    ["Année,Mois,Jour,Titre,Description,Lieu", "Jahr,Monat,Tag,Ereignis,Beschreibung,Ort"],
)
def test_french_and_german_headers_are_known(tmp_path: Path, header: str) -> None:
    # before: 'no date column is obvious', and with --columns the month and day were not joined to the year
    path = tmp_path / "sheet.csv"
    path.write_text(f"{header}\n1789,7,14,Prise de la Bastille,Assaut,Paris\n", encoding="utf-8")
    (event,) = load_with_report(path).dataset.events
    assert event.title == "Prise de la Bastille" and event.place == "Paris" and event.summary.startswith("Assaut")
    assert event.when is not None and event.when.date == "1789-07-14"
    assert event.tags == ()  # (German 'Tag' is the day: it was a tag, '14', the date a month)


@pytest.mark.parametrize(
    ("header", "suggested", "caution"),
    [
        ("Report date,Incident date,Event", "'date=Incident date,title=Event'", False),
        ("Fecha de publicación,Fecha del hecho,Evento", "'date=Fecha del hecho,title=Evento'", False),
        ("Name,Date of birth,Event", "'date=Date of birth,title=Event'", True),  # the only date: said what it is
    ],
)
def test_the_suggested_date_is_the_events_not_a_birth_or_a_report(
    tmp_path: Path, header: str, suggested: str, caution: bool
) -> None:
    path = tmp_path / "sheet.csv"
    first = "Ana" if header.startswith("Name") else "2018-02-01"  # (a name is no date: the rows are looked at)
    path.write_text(f"{header}\n{first},2018-01-15,Raid\n", encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    report = error.value.report()
    assert f"--columns {suggested}" in report
    assert ("may not be when the event happened" in report) is caution


def test_a_year_column_that_disagrees_with_the_date_is_said() -> None:
    # before: '16/01/2018' beside a 'Year' of 2017 was read as 2018, unsaid (ACLED's own year column was said)
    loaded = load("dates-year-column-disagrees.csv")
    said = [w for w in loaded.warnings if "give different years" in w]
    assert said == [
        "the 'Year' and 'Date' columns give different years: the date is read from 'Date' (line 2, line 5, line 7)"
    ]
    assert (
        len(loaded.dataset.events) == 8
    )  # (each row read, its date the date column's; the last two: the year it writes)


def test_a_date_in_a_column_not_read_shows_the_files_order_of_day_and_month() -> None:
    # before (a user trial): '03/02/2018' beside a Published '25/02/2018' was read as 2 March, after its
    # own publication, and the warning said no date the file writes settled the order
    loaded = load("dates-order-in-another-column.csv")
    assert [e.when.date for e in loaded.dataset.events] == ["2018-02-03", "2018-02-04", "2018-02-05"]  # type: ignore[union-attr]
    said = [w for w in loaded.warnings if "could be day/month or month/day" in w]
    assert said == [
        "3 dates such as '03/02/2018' (line 2) could be day/month or month/day: read as day/month, the order "
        "'25/02/2018' (line 2, column 'Published') shows (--columns order=dmy or order=mdy says otherwise)"
    ]
    assert "shown by other dates in the file" in (loaded.dataset.events[0].when.note or "")  # type: ignore[union-attr]
    by_title = {e.title: e for e in loaded.dataset.events}
    assert "Published: 25/02/2018" in by_title["Hunger strike begins"].summary  # still kept, as a column not read


@pytest.mark.parametrize(
    ("header", "cell"),
    [
        ("Docket", "17-10-1234"),  # a number of a court's, not a date (a review: it set the order)
        ("Ref", "12-13-14"),
        ("Published", "10-13-2018 was the final"),  # a date among words: not a day alone in its cell
    ],
)
def test_a_code_or_words_in_a_column_not_read_show_no_order(tmp_path: Path, header: str, cell: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f'Date,Title,{header}\n03/02/2018,Hearing,"{cell}"\n04/02/2018,Ruling,\n', encoding="utf-8")
    loaded = load_with_report(path)
    assert [e.when.date for e in loaded.dataset.events] == ["2018-03-02", "2018-04-02"]  # type: ignore[union-attr]
    assert any("no date the file writes as text settles it" in w for w in loaded.warnings)


def test_an_acled_month_s_coded_day_is_noted_only_as_a_day_and_never_drops_its_row(tmp_path: Path) -> None:
    # (a review: a date cell with a control or a direction mark, copied into the note, had its row refused; 'August
    # 2021' was said to code the day 'August 2021')
    head = "event_id_cnty,event_date,year,time_precision,event_type,actor1,country,location,source,notes,fatalities\n"
    rows = ["A1,2021-08-15\x07", "A2,\u202e2021-08-15", "A3,August 2021", "A4,2021-08-20"]
    sheet = tmp_path / "acled.csv"
    sheet.write_text(head + "".join(f"{row},2021,3,Battles,X,Afghanistan,Kabul,S,n,0\n" for row in rows), "utf-8")
    loaded = load_with_report(sheet)
    notes = {e.id: e.when.note for e in loaded.dataset.events if e.when is not None}
    month = "ACLED time precision 3: some time in this month"
    assert notes == {
        "a1": f"{month} (the export codes the day 2021-08-15)",
        "a2": f"{month} (the export codes the day 2021-08-15)",
        "a3": month,
        "a4": f"{month} (the export codes the day 2021-08-20)",
    }


def test_acled_legacy_geo_precis_is_the_geo_precision(tmp_path: Path) -> None:
    # a trial: the legacy files' GEO_PRECIS was 'not part of the ACLED layout', kept in the summary, its place drawn
    # as exact where the same code in geo_precision says 'near this place'
    text = (SHEETS / "acled-legacy-upper-case.csv").read_text(encoding="utf-8").replace("GEO_PRECISION", "GEO_PRECIS")
    path = tmp_path / "legacy.csv"
    path.write_text(text.replace(",36.7631,3.0506,1,", ",36.7631,3.0506,2,"), encoding="utf-8")
    loaded = load_with_report(path)
    place = events(loaded)["1alg"].place
    assert place is not None and place.endswith("(36.7631, 3.0506; near this place)")
    assert not warned(loaded, "GEO_PRECIS")


def written(tmp_path: Path, name: str, text: str) -> Loaded:
    """A small CSV file of ``text``, loaded."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_with_report(path)


def test_an_acled_export_without_its_source_column_says_the_file_names_no_report(tmp_path: Path) -> None:
    # before (a trial): "Coded by ACLED from reports it does not name", where ACLED names them and the file lacks them
    text = (
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,location,country,notes,fatalities\n"
        "VEN1,2018-01-15,1,Battles,Armed clash,Colectivos,Caracas,Venezuela,x,2\n"
    )
    (event,) = written(tmp_path, "nosrc.csv", text).dataset.events
    assert event.claims[0].statement == "Coded by ACLED; the reports it coded are not named in this file"


def test_coordinates_whose_geo_precision_is_none_of_acleds_say_so(tmp_path: Path) -> None:
    # before (a trial): a geo precision of 4, 'near' or none showed the coordinates as code 1's, the place itself
    rows = [
        f"V{n},2018-01-15,1,Battles,A,Caracas,Venezuela,10.48,-66.90,{geo},0"
        for n, geo in enumerate(["4", "", "1", "2.0"])
    ]
    header = "event_id_cnty,event_date,time_precision,event_type,actor1,location,country,latitude,longitude,"
    loaded = written(tmp_path, "geo.csv", header + "geo_precision,fatalities\n" + "\n".join(rows) + "\n")
    places = [event.place for event in sorted(loaded.dataset.events, key=lambda e: e.id)]
    assert places == [
        "Caracas, Venezuela (10.48, -66.90; how near, not said: its geo precision is none of ACLED's (1, 2, 3))",
        "Caracas, Venezuela (10.48, -66.90; how near, not given)",
        "Caracas, Venezuela (10.48, -66.90)",
        "Caracas, Venezuela (10.48, -66.90; near this place)",
    ]


@pytest.mark.parametrize(
    "header",
    [
        "event_date,Actor 1,fatalities",
        "event_date,actor_1,fatalities",
        "eventIdCnty,eventDate,actor1,assocActor1,actor2,assocActor2,fatalities",
        "event_id_cnty,event_date,actor1,Assoc Actor 1,actor2,ASSOC_ACTOR_2,fatalities",
    ],
)
def test_acled_columns_are_found_however_their_digit_is_spelt(tmp_path: Path, header: str) -> None:
    # before (a trial): 'Actor 1' and 'actor_1' beside few columns were no ACLED export (exit 2), and camelCase
    # 'assocActor1' was "not part of the ACLED layout", its actors text in the summary
    from junquito_tui.core.interop.sheet_layouts import normal

    cells = {"event id cnty": "V1", "event date": "2018-01-15", "fatalities": "2"}
    row = [cells.get(normal(name), f"Actor {n}") for n, name in enumerate(header.split(","))]
    loaded = written(tmp_path, "cast.csv", header + "\n" + ",".join(row) + "\n")
    assert {actor.name for actor in loaded.dataset.actors} == {cell for cell in row if cell.startswith("Actor")}
    assert not warned(loaded, "not part of")


def test_an_actor_type_none_of_acleds_is_kept_as_the_side_and_its_kind_not_guessed(tmp_path: Path) -> None:
    # before (a trial): inter1 '10' made the actor a group, a kind the file does not give
    text = (
        "event_id_cnty,event_date,event_type,actor1,inter1,actor2,inter2\n"
        "V1,2018-01-15,Battles,Unknown Band,10,Rioters of X,Rioters\n"
    )
    actors = {actor.name: actor for actor in written(tmp_path, "inter.csv", text).dataset.actors}
    assert (actors["Unknown Band"].side, actors["Unknown Band"].kind) == ("10", "other")
    assert (actors["Rioters of X"].side, actors["Rioters of X"].kind) == ("Rioters", "group")


@pytest.mark.parametrize("name", ["zona", "huso", "fuseau"])
def test_a_zone_column_named_as_people_do_is_read(tmp_path: Path, name: str) -> None:
    # before (a trial): 'zona' kept in the summary while a warning said the times carried no zone, read as UTC
    path = tmp_path / "zones.csv"
    path.write_text(f"fecha,hora,{name},evento\n15/01/2018,04:00,-4,e1\n", encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.date == "2018-01-15T04:00" and event.when.utc_offset == "-04:00"
    assert not any("carry no time zone" in warning for warning in loaded.warnings)


@pytest.mark.parametrize("name", ["offset", "UTC", "GMT offset"])
def test_a_column_that_may_be_a_zone_is_named_where_times_are_read_as_utc(tmp_path: Path, name: str) -> None:
    # (a trial: 'the file's times carry no time zone' beside a column 'offset' of -4; it may hold anything, a byte
    # offset or a time, so it is not read as the zone, but the warning no longer says the file gives none)
    path = tmp_path / "zones.csv"
    path.write_text(f"fecha,hora,{name},evento\n15/01/2018,04:00,-4,e1\n", encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.utc_offset == "+00:00" and f"{name}: -4" in (event.summary or "")
    said = next(warning for warning in loaded.warnings if "carry no time zone" in warning)
    assert f"its column {name!r} was not read as one: --columns zone=COL reads it" in said


def test_columns_naming_one_column_for_two_fields_is_refused(tmp_path: Path) -> None:
    # (a trial: 'date=fecha,title=fecha' was taken, every event titled with its date, unsaid)
    path = tmp_path / "fechas.csv"
    path.write_text("fecha,evento\n15/01/2018,x\n", encoding="utf-8")
    with pytest.raises(DatasetError) as refused:
        load_with_report(path, columns=parse_columns("date=fecha,title=fecha"))
    assert (
        refused.value.problems[0].message
        == "--columns date= and title= name one column, 'fecha': give each field its own"
    )
    shared = load_with_report(path, columns=parse_columns("date=fecha,title=evento,summary=evento"))
    assert shared.dataset.events[0].title == "x"  # (a title and a summary may share one)


@pytest.mark.parametrize(
    ("date", "time", "expected"),
    [  # (a re-trial: each was read as UTC, 4 hours off, the zone column 'zona -4' in the summary, said to be none)
        ("2018-01-15T06:00 approx", "", ("2018-01-15T06:00", True)),
        ("2018-01-15 06:00?", "", ("2018-01-15T06:00", True)),
        ("15/01/2018 06:00 (circa)", "", ("2018-01-15T06:00", True)),
        ("approx. 06:00 15/01/2018", "", ("2018-01-15T06:00", True)),
        ("15 January 2018 06:30 (approx.)", "", ("2018-01-15T06:30", True)),
        ("Sat Jan 13 14:00 2018", "", ("2018-01-13T14:00", False)),
        ("15/01/2018", "06:00?", ("2018-01-15T06:00", True)),  # (its time was dropped, the zone blamed)
        ("15/01/2018", "06:00 (circa)", ("2018-01-15T06:00", True)),
    ],
)
def test_a_zone_column_is_read_with_a_time_in_doubt(
    tmp_path: Path, date: str, time: str, expected: tuple[str, bool]
) -> None:
    path = tmp_path / "zona.csv"
    path.write_text(f'date,time,zona,title\n"{date}","{time}",-4,x\n', encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and (event.when.date, event.when.approximate) == expected
    assert event.when.utc_offset == "-04:00"
    assert not any("no time zone" in warning or "no zone read" in warning for warning in loaded.warnings)


@pytest.mark.parametrize(("time", "offset"), [("06:00 UTC", "+00:00"), ("06:00-05:00", "-05:00")])
def test_a_time_cell_s_own_zone_is_used_and_the_zone_column_kept(tmp_path: Path, time: str, offset: str) -> None:
    # (a re-trial: '06:00 UTC' beside '-04:00' was read together, the time lost and the column too, with a garbled
    # note; '06:00-05:00' was said to sit 'beside a zone not read as a UTC offset')
    path = tmp_path / "zones.csv"
    path.write_text(f"date,time,zona,title\n2018-01-15,{time},-04:00,x\n", encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and (event.when.date, event.when.utc_offset) == ("2018-01-15T06:00", offset)
    assert event.summary == "zona: -04:00"
    assert any(w.startswith("the time cell gives its own zone") for w in loaded.warnings)
