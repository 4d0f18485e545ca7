"""Every row an event or named in a warning, nothing invented, every guess said: an open quote that
takes rows into a cell, an ACLED actor on both sides or coded two ways, names with commas, a title cut
from a description, and Timesketch dates that are not what they seem (named fixtures: ``FIXTURES``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, known
from junquito_tui.core.interop.generic_sheet import first_sentence
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.records import Event

SHEETS = REPO / "tests" / "data" / "sheets"

# Named fixtures, written to a temporary folder by ``rows``: a folder under tests/data/sheets would
# be read as a sheet by test_sheets_layouts' every-file test.
FIXTURES = {
    "acled-actors.csv": (  # an export with columns removed, as ACLED allows
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,"
        "assoc_actor_2,inter2,country,location,source,notes\n"
        "KEN1,2021-08-15,1,Riots,Mob violence,Rioters (Kenya),,Rioters,Rioters (Kenya),,Rioters,Kenya,Nairobi,"
        "The Star,Rioters clashed with rioters.\n"
        "KEN2,2021-08-16,3,Violence against civilians,Attack,Unidentified Armed Group (Kenya),,Political militias,"
        "Civilians (Kenya),,Civilians,Kenya,Nairobi,,Some attack.\n"
        "KEN3,2021-08-17,2,Battles,Armed clash,Unidentified Armed Group (Kenya),Al Shabaab; ,External/Other forces,"
        "Military Forces of Kenya (2013-),Police Forces of Kenya (2013-),1,Kenya,Lamu,Daily Nation;The Star,Clash.\n"
    ),
    "actor-commas.csv": (
        "date,event,actors\n"
        '2018-01-15,Killing,"Pérez, Óscar"\n'
        '2018-01-16,Escape,"Smith, Jr., John"\n'
        '2018-01-17,Talks,"Óscar Pérez, Nicolás Maduro"\n'
        '2018-01-18,Raid,"Pérez, Óscar; Rubio, Marco"\n'
    ),
    "quoted-prose-over-lines.csv": (
        "date,title,summary\n"
        '2018-01-15,A title,"Troops came, with tanks, at dawn\n'
        'Then, later, they left"\n'
        '2018-01-16,Second,"One line\n'
        'another line"\n'
    ),
    "runaway-quote.csv": (
        "date,event,source\n"
        "2018-01-14,First,X\n"
        '2018-01-15,"Opened here,A\n'
        "2018-01-16,Swallowed one,B\n"
        "2018-01-17,Swallowed two,C\n"
        '2018-01-18,Closed at last",D\n'
        "2018-01-19,Last,E\n"
    ),
    "timesketch-odd.jsonl": (
        '{"datetime": true, "timestamp_desc": "x", "message": "bool datetime"}\n'
        '{"datetime": 1516000000, "timestamp_desc": "x", "message": "numeric datetime"}\n'
        '{"datetime": "", "timestamp": "1516000000", "timestamp_desc": "x", "message": "timestamp in seconds"}\n'
        '{"datetime": "2018-01-15T04:00:00+00:00", "timestamp_desc": "x", "message": "normal"}\n'
        '{"datetime": 1516000000, "timestamp": 1516000000000000, "message": "numeric datetime with a timestamp"}\n'
        '{"datetime": "", "timestamp": 1516000000000, "message": "timestamp in milliseconds"}\n'
        '{"datetime": "", "timestamp": 0, "timestamp_desc": "x", "message": "timestamp zero"}\n'
        '{"datetime": "", "timestamp": 1516000000000000, "message": "timestamp in microseconds"}\n'
    ),
    "title-from-description.csv": (
        "date,description\n"
        "2018-01-15,U.S. troops arrived in the city. Many died.\n"
        "2018-01-16,Gen. Smith resigned.\n"
        "2018-01-17,Signed by A. Smith on Jan. 5 in Caracas. Later ratified.\n"
    ),
    "unclosed-quote.csv": ('date,event,source\n2018-01-15,"Never closed,A\n2018-01-16,Middle row,B\n'),
}


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    """A folder holding the named fixtures above, each as its own file."""
    for name, text in FIXTURES.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return tmp_path


def load(path: Path) -> Loaded:
    return load_with_report(path)


def by_title(loaded: Loaded) -> dict[str, Event]:
    return {event.title: event for event in loaded.dataset.events}


def warnings_with(loaded: Loaded, *fragments: str) -> list[str]:
    return [w for w in loaded.warnings if all(fragment in w for fragment in fragments)]


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# -- 1. a quote left open ----------------------------------------------------------------------------


def test_a_quote_open_at_the_end_of_the_file_is_named_with_the_line_it_took(rows: Path) -> None:
    loaded = load(rows / "unclosed-quote.csv")
    # read as CSV reads it (the second row is in the first's cell), but said, by line
    assert [e.title for e in loaded.dataset.events] == ["Never closed,A 2018-01-16,Middle row,B"]
    found = warnings_with(loaded, "line 2:", "never closed", "the file ends inside it", "the line after it")
    assert len(found) == 1 and "'2018-01-16,Middle row,B'" in found[0]


def test_a_quote_open_on_the_last_line_is_said_even_when_it_took_no_line(tmp_path: Path) -> None:
    loaded = load(written(tmp_path, "last.csv", 'date,event\n2018-01-15,Fine\n2018-01-16,"Never closed'))
    assert sorted(e.title for e in loaded.dataset.events) == ["Fine", "Never closed"]
    assert warnings_with(loaded, "line 3:", "never closed", "no line after it was taken")


def test_a_quote_that_runs_over_rows_is_named_with_where_it_opens_and_ends(rows: Path) -> None:
    loaded = load(rows / "runaway-quote.csv")
    assert loaded.summary is not None and loaded.summary.startswith("read 3 rows")
    found = warnings_with(loaded, "line 3:", "runs on to line 6", "2 lines that look like rows", "Swallowed one")
    assert len(found) == 1 and "closing quote is probably missing" in found[0]
    assert "lines 4 to 6 are read" in found[0]  # every line taken named, not only those like rows


def test_a_runaway_quote_names_the_row_it_ends_inside(tmp_path: Path) -> None:
    # before (a trial): 'Four', whose start the cell took (its own quote closing it), was named nowhere
    text = (
        'date,title,summary,n\n2018-01-15,One,"starts here,0\n2018-01-16,Two,plain,0\n2018-01-17,Three,plain,0\n'
        '2018-01-18,Four,"quoted",0\n2018-01-19,Five,plain,0\n'
    )
    loaded = load(written(tmp_path, "q3.csv", text))
    (found,) = warnings_with(loaded, "line 2:", "runs on to line 5", "2 lines that look like rows")
    assert "lines 3 to 5 are read" in found and "the rest of line 5 gives the row's next cells" in found


@pytest.mark.parametrize("name", ["line-breaks-in-quoted-cells.csv", "quoted-prose-over-lines.csv"])
def test_quoted_cells_over_several_lines_read_as_before_without_a_warning(rows: Path, name: str) -> None:
    loaded = load(SHEETS / name if (SHEETS / name).exists() else rows / name)
    assert not warnings_with(loaded, "quoted cell")
    if name == "quoted-prose-over-lines.csv":
        summary = by_title(loaded)["A title"].summary
        assert summary == "Troops came, with tanks, at dawn\nThen, later, they left"
    else:
        assert "Date with a newline" in by_title(loaded)  # the date cell "2001-01-02\n" still a date


def test_closed_quotes_at_the_end_of_a_file_without_a_final_line_break_add_nothing(tmp_path: Path) -> None:
    loaded = load(written(tmp_path, "closed.csv", 'date,event,source\n2018-01-15,"Closed",A'))
    assert [e.title for e in loaded.dataset.events] == ["Closed"]
    assert loaded.summary is not None and loaded.summary.startswith("read 1 row of data: 1 event, none skipped")
    assert not warnings_with(loaded, "quoted cell")


# -- 2 and 3. ACLED's actors ------------------------------------------------------------------------------


def test_acled_actor_on_both_sides_keeps_both_roles(rows: Path) -> None:
    loaded = load(rows / "acled-actors.csv")
    ken1 = next(e for e in loaded.dataset.events if e.id == "ken1")
    assert [(p.actor, p.role) for p in ken1.actors] == [("rioters-kenya", "actor 1 and actor 2")]


def test_acled_actor_coded_two_ways_keeps_both_codings_and_says_so(rows: Path) -> None:
    loaded = load(rows / "acled-actors.csv")
    actor = next(a for a in loaded.dataset.actors if a.id == "unidentified-armed-group-kenya")
    assert actor.side == "Political militias; External/Other forces"
    found = warnings_with(
        loaded,
        "'Unidentified Armed Group (Kenya)'",
        "'Political militias' (line 3)",
        "'External/Other forces' (line 4)",
    )
    assert len(found) == 1 and "kind (group) follows the first" in found[0]
    # an actor coded one way only is not warned about, and keeps its coding as its side
    rioters = next(a for a in loaded.dataset.actors if a.id == "rioters-kenya")
    assert rioters.side == "Rioters" and not warnings_with(loaded, "Rioters (Kenya)")


def test_acled_actors_coded_two_ways_are_named_one_by_one_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    header = "event_id_cnty,event_date,sub_event_type,actor1,inter1,location\n"
    rows = [f"K{n}{side},2021-08-1{side},Attack,Group {n},{side},Lamu\n" for n in range(22) for side in (2, 3)]
    loaded = load(written(tmp_path, "recoded.csv", header + "".join(rows)))
    assert len(warnings_with(loaded, "ACLED codes 'Group ", "'Rebel groups'", "'Political militias'")) == 20
    assert warnings_with(loaded, "2 more actors are coded as different actor types", "'Group 20', 'Group 21'")
    assert {a.side for a in loaded.dataset.actors} == {"Rebel groups; Political militias"}


def test_names_differing_only_in_case_are_one_actor_and_the_merge_is_said(tmp_path: Path) -> None:
    rows = "date,event,actors\n2018-01-15,One,Ana Pérez\n2018-01-16,Two,ANA PÉREZ\n2018-01-17,Three,ana  pérez\n"
    loaded = load(written(tmp_path, "respelt.csv", rows))
    assert [a.name for a in loaded.dataset.actors] == ["Ana Pérez"]
    found = warnings_with(
        loaded, "differ only in case", "read as one actor", "'Ana Pérez' (also 'ANA PÉREZ', 'ana pérez')"
    )
    assert len(found) == 1


def test_an_actor_s_other_spellings_are_quoted_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    # (a security trial: 20,000 spellings of one name took 6 s, quadratic, and one warning of 600,000 characters)
    spellings = ["".join(c.upper() if bit == "1" else c for c, bit in zip("abcdefgh", f"{n:08b}", strict=True))
                 for n in range(200)]  # fmt: skip
    rows = "".join(f"2018-01-15,Row {n},{name}\n" for n, name in enumerate(spellings))
    [found] = warnings_with(load(written(tmp_path, "spellings.csv", "date,event,actors\n" + rows)), "differ only")
    assert found.endswith("'abcdeFgH' and 194 more)") and len(found) < 300


def test_a_name_composed_otherwise_is_the_same_actor_and_nothing_is_said(tmp_path: Path) -> None:
    # (a re-trial: 'ñ' and 'n' with a combining tilde made two actors of one name, each with half its events)
    rows = "date,event,actors\n2018-01-15,One,Colectivo Monta\u00f1a\n2018-01-16,Two,Colectivo Montan\u0303a\n"
    loaded = load(written(tmp_path, "composed.csv", rows))
    assert [a.name for a in loaded.dataset.actors] == ["Colectivo Montaña"]
    assert not warnings_with(loaded, "one actor")


def test_names_differing_only_in_spacing_are_one_actor_and_nothing_is_said(tmp_path: Path) -> None:
    rows = "date,event,actors\n2018-01-15,One,Ana Pérez\n2018-01-16,Two,Ana   Pérez\n"
    loaded = load(written(tmp_path, "spaced.csv", rows))
    assert [a.name for a in loaded.dataset.actors] == ["Ana Pérez"] and not warnings_with(loaded, "one actor")


def test_sources_differing_only_in_case_are_one_source_and_the_merge_is_said(tmp_path: Path) -> None:
    # before (a trial's note left open): 'reuters' was cited as 'Reuters', unsaid (actors' merges were said)
    rows = (
        "date,event,source\n2018-01-15,One,Reuters\n2018-01-16,Two,reuters; AP\n2018-01-17,Three,REUTERS\n"
        "2018-01-18,Four,Cafe\u0301 TV\n2018-01-19,Five,Caf\u00e9  TV\n"
    )
    loaded = load(written(tmp_path, "sources.csv", rows))
    named = sorted(s.title for s in loaded.dataset.sources if s.id != "sheet-file")
    assert named == ["AP", "Cafe\u0301 TV", "Reuters"]
    [found] = warnings_with(loaded, "differ only in case")
    assert found.endswith("read as one source, shown as first written: 'Reuters' (also 'reuters', 'REUTERS')")


def test_acled_actors_respelt_are_named_in_the_order_first_met_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    header = "event_id_cnty,event_date,time_precision,actor1,assoc_actor_1,location\n"
    names = [f"Group {n}" for n in range(7)]
    rows = [f"K{n},2021-08-1{n},1,{name},,Lamu\n" for n, name in enumerate(names)]
    rows += [f"L{n},2021-08-1{n},1,Other,{name.upper()},Lamu\n" for n, name in reversed(list(enumerate(names)))]
    loaded = load(written(tmp_path, "respelt-acled.csv", header + "".join(rows)))
    [found] = warnings_with(loaded, "differ only in case")
    assert found.endswith("'Group 0' (also 'GROUP 0'); 'Group 1' (also 'GROUP 1'); 'Group 2' (also 'GROUP 2'); "
                          "'Group 3' (also 'GROUP 3'); 'Group 4' (also 'GROUP 4'); and 2 more")  # fmt: skip
    assert len(loaded.dataset.actors) == 8


# -- 4. names with commas ---------------------------------------------------------------------------------


def test_names_with_commas_are_not_split_into_invented_actors(rows: Path) -> None:
    loaded = load(rows / "actor-commas.csv")
    names = {e.title: [p.actor for p in e.actors] for e in loaded.dataset.events}
    assert names["Killing"] == ["perez-oscar"]
    assert names["Escape"] == ["smith-jr-john"]
    assert names["Talks"] == ["oscar-perez", "nicolas-maduro"]  # a list, said
    assert names["Raid"] == ["perez-oscar", "rubio-marco"]  # ';' separates, commas stay in names
    actors = {a.id: a.name for a in loaded.dataset.actors}
    assert actors["perez-oscar"] == "Pérez, Óscar" and actors["smith-jr-john"] == "Smith, Jr., John"
    assert "perez" not in actors and "oscar" not in actors and "jr" not in actors


def test_each_reading_of_a_comma_in_actors_is_said_once_with_an_example(rows: Path) -> None:
    loaded = load(rows / "actor-commas.csv")
    one = warnings_with(loaded, "read as one name", "'Pérez, Óscar' (line 2)")
    listed = warnings_with(loaded, "read as lists of names", "'Óscar Pérez, Nicolás Maduro' (line 4)")
    assert len(one) == 1 and len(listed) == 1
    assert len(warnings_with(loaded, "cells with commas")) == 2  # not once per row


# -- 5. a title from a description --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("U.S. troops arrived in the city. Many died.", "U.S. troops arrived in the city."),
        ("Gen. Smith resigned. Then he left.", "Gen. Smith resigned."),
        ("Dr. Pérez met Mr. Rubio at St. Mary's. Later", "Dr. Pérez met Mr. Rubio at St. Mary's."),
        ("Signed by A. Smith on Jan. 5 in Caracas. Later ratified.", "Signed by A. Smith on Jan. 5 in Caracas."),
        ("It fell on Mar. 5 at dawn. Then", "It fell on Mar. 5 at dawn."),
        ("Cayó al mar. Luego vino la lancha.", "Cayó al mar."),
        ("Approx. five died. More later.", "Approx. five died."),
        ("First line\nsecond line", "First line"),
        ("No full stop at all", "No full stop at all"),
    ],
)
def test_first_sentence_does_not_end_at_an_abbreviation(text: str, first: str) -> None:
    assert first_sentence(text) == first


def test_a_title_cut_from_a_description_is_the_first_sentence_and_said(rows: Path) -> None:
    loaded = load(rows / "title-from-description.csv")
    events = by_title(loaded)
    assert set(events) == {
        "U.S. troops arrived in the city.",
        "Gen. Smith resigned.",
        "Signed by A. Smith on Jan. 5 in Caracas.",
    }
    assert events["U.S. troops arrived in the city."].summary == "U.S. troops arrived in the city. Many died."
    found = warnings_with(loaded, "title: the first sentence of the description")
    assert len(found) == 1 and "line 2" in found[0] and "line 4" in found[0] and "line 3" not in found[0]


def test_a_title_cut_from_a_description_column_beside_a_summary_says_it_is_the_first_sentence(
    tmp_path: Path,
) -> None:
    path = written(tmp_path, "desc.csv", "date,description,place\n2018-01-15,Gen. Smith resigned. Then left.,Caracas\n")
    loaded = load(path)
    assert [e.title for e in loaded.dataset.events] == ["Gen. Smith resigned."]
    assert warnings_with(loaded, "line 2", "the first sentence")


# -- 6. Timesketch dates ----------------------------------------------------------------------------------


def test_timesketch_odd_dates_each_become_an_event_or_are_named(rows: Path) -> None:
    loaded = load(rows / "timesketch-odd.jsonl")
    assert loaded.summary is not None and loaded.summary.startswith("read 8 rows of data: 5 events, 3 skipped")
    assert warnings_with(loaded, "line 1:", "datetime is true", "row skipped")
    assert warnings_with(loaded, "line 2:", "datetime is the number 1516000000", "no usable timestamp", "row skipped")
    assert warnings_with(loaded, "line 7:", "timestamp 0", "row skipped")
    for event in loaded.dataset.events:  # never 1970, never the year 1516000000
        assert known(event.when).date.startswith("2018-01-15"), event.title


def test_timesketch_timestamp_in_seconds_or_milliseconds_is_read_by_its_size_and_said(rows: Path) -> None:
    loaded = load(rows / "timesketch-odd.jsonl")
    events = by_title(loaded)
    seconds = known(events["timestamp in seconds"].when)
    assert seconds.date == "2018-01-15T07:06"
    assert seconds.note is not None and "read as seconds since 1970" in seconds.note
    assert "1970-01-01T00:25:16Z" in seconds.note  # what microseconds would have said
    assert warnings_with(loaded, "timestamp read as seconds since 1970", "line 3")
    millis = known(events["timestamp in milliseconds"].when)
    assert millis.date == "2018-01-15T07:06" and millis.note is not None and "milliseconds" in millis.note
    assert warnings_with(loaded, "timestamp read as milliseconds since 1970", "line 6")
    micro = known(events["timestamp in microseconds"].when)  # Timesketch's own unit: nothing to say
    assert micro.date == "2018-01-15T07:06" and micro.note is not None and "read as" not in micro.note


def test_timesketch_numeric_datetime_gives_way_to_the_timestamp_and_says_so(rows: Path) -> None:
    loaded = load(rows / "timesketch-odd.jsonl")
    event = by_title(loaded)["numeric datetime with a timestamp"]
    assert known(event.when).date == "2018-01-15T07:06"
    assert warnings_with(loaded, "datetime is a number or true/false (or a word", "the timestamp is used", "line 5")


def test_timesketch_csv_datetime_of_digits_is_not_a_year(tmp_path: Path) -> None:
    path = written(
        tmp_path, "ts.csv", "datetime,timestamp_desc,message,timestamp\n1516000000,x,digits,1516000000000000\n"
    )
    loaded = load(path)
    assert [known(e.when).date for e in loaded.dataset.events] == ["2018-01-15T07:06"]
    assert warnings_with(loaded, "the timestamp is used", "line 2")
