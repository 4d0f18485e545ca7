"""Our CSV export read back: list cells that hold ';', brackets and backslashes, every field of a start and
an end, and files written before those were escaped and added (the property test is in tests/ui/test_sheets_cli.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import REPO
from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import encode_export, export_text
from junquito_tui.core.interop.csv_export import (
    ADDED_COLUMNS,
    COLUMNS,
    ROLE_ESCAPED,
    SOURCE_ESCAPED,
    list_part,
    read_cell,
)
from junquito_tui.core.loader import load_dataset, load_with_warnings

SHEETS = REPO / "tests" / "data" / "csv-round-trip"  # apart from tests/data/sheets: not all sheets


def _through_csv(name: str, tmp_path: Path) -> tuple[Chronology, Chronology, dict[str, str], list[str]]:
    original = Chronology(load_dataset(SHEETS / name))
    text = export_text(original, "csv")
    path = tmp_path / "export.csv"
    path.write_bytes(encode_export(text, "csv"))
    back, warnings = load_with_warnings(path)
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))[:1]
    return original, Chronology(back), row, warnings


def test_the_reviewers_list_separators_come_back(tmp_path: Path) -> None:
    """Before: actors 'Pérez (El Piloto) (leader' and 'spokesman)', sources 'Reuters', 'AP pool report
    <https://example.org/a' and 'b>' with no address, 'Memo <internal>' dropped."""
    _, back, row, warnings = _through_csv("round-trip-list-separators.json", tmp_path)
    assert row["actors"] == "Pérez (El Piloto) (leader\\; spokesman)"  # as readable as before where it can be
    assert row["sources"] == "Reuters\\; AP pool report <https://example.org/a\\;b>; Memo \\<internal\\>"
    assert warnings == []
    [event] = back.events
    assert [(back.actors[p.actor].name, p.role) for p in event.actors] == [("Pérez (El Piloto)", "leader; spokesman")]
    sources = [back.sources[s] for s in event.sources[1:]]
    assert [(s.title, s.url) for s in sources] == [
        ("Reuters; AP pool report", "https://example.org/a;b"),
        ("Memo <internal>", None),
    ]


def test_the_reviewers_ends_come_back_with_every_field(tmp_path: Path) -> None:
    """Before: the siege's end exact with its note on the start; the talks' end exactly 12:00; 'VST' lost."""
    original, back, _, warnings = _through_csv("round-trip-end-approximate.json", tmp_path)
    assert warnings == []
    again = {event.id: event for event in back.events}
    for event in original.events:
        assert (again[event.id].when, again[event.id].end) == (event.when, event.end)
    siege = again["siege"]
    assert siege.when is not None and siege.when.note is None
    assert siege.end is not None and (siege.end.approximate, siege.end.note) == (True, "until around March")
    talks = again["talks"].end
    assert talks is not None and (talks.approximate, talks.zone_label) == (True, "VST")


def test_the_new_columns_come_after_every_older_one() -> None:
    """A reader that takes the columns by position finds the older ones where they were."""
    assert COLUMNS[: -len(ADDED_COLUMNS)][-1] == "placement" and COLUMNS[:2] == ("id", "start")
    assert ADDED_COLUMNS == ("zone_label", "end_approximate", "end_note", "end_zone_label")


@pytest.mark.parametrize(
    ("text", "escaped", "written"),
    [
        ("Pérez (El Piloto)", "\\;", "Pérez (El Piloto)"),  # a name's brackets: the role is the last group
        ("leader (acting)", ROLE_ESCAPED, "leader \\(acting\\)"),
        ("Memo <internal>", SOURCE_ESCAPED, "Memo \\<internal\\>"),
        ("C:\\dir; x", "\\;", "C:\\\\dir\\; x"),
        (" padded ", "\\;", "\\ padded\\ "),  # items are trimmed: a part's own blanks at its ends are marked
        (" ", "\\;", "\\ "),
    ],
)
def test_list_part_marks_only_what_would_read_as_structure(text: str, escaped: str, written: str) -> None:
    assert list_part(text, escaped) == written


def test_an_older_export_imports_exactly_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with the older columns (written before the escapes), as the previous version imported it
    (the expected file is its output): no backslash is read as one ('Memo C:\\dir'), its date_note is
    the start's, names are tidied and merged ('ana', 'ANA') as they were."""
    output = tmp_path / "older.json"
    assert main(["import", str(SHEETS / "junquito-export-older.csv"), "-o", str(output)]) == 0
    assert "warning" not in capsys.readouterr().err
    expected = json.loads((SHEETS / "junquito-export-older.expected.json").read_text(encoding="utf-8"))
    assert json.loads(output.read_text(encoding="utf-8")) == expected


def _new_format(tmp_path: Path, actors: str, sources: str, extra: list[str], end: str = "") -> Path:
    """A hand-written file with this version's columns."""
    header = [*COLUMNS]
    values = {"id": "e1", "start": "2018-01-15T10:00-04:00", "end": end, "precision": "minute", "title": "T"}
    values |= {"actors": actors, "sources": sources, "certainty": "confirmed"}
    values |= dict(zip(ADDED_COLUMNS, extra, strict=True))
    path = tmp_path / "hand.csv"
    out = io.StringIO()
    csv.writer(out).writerows([header, [values.get(name, "") for name in header]])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_hand_written_file_of_this_version_keeps_other_backslashes_and_refused_links(tmp_path: Path) -> None:
    """A backslash before a character that needs no escape is text; a source whose address is not a web
    address keeps its title (with a warning), where before the whole source was dropped."""
    path = _new_format(tmp_path, "Ana\\Bel (lead)", "Memo <internal>; Paper <https://example.org/p>", ["", "", "", ""])
    back, warnings = load_with_warnings(path)
    [event] = back.events
    assert [(a.name, event.actors[0].role) for a in back.actors] == [("Ana\\Bel", "lead")]
    titles = {s.id: (s.title, s.url) for s in back.sources}
    assert [titles[s] for s in event.sources[1:]] == [("Memo", None), ("Paper", "https://example.org/p")]
    assert any("'internal' is not a web address" in w for w in warnings)


def test_true_as_a_spreadsheet_saves_it_and_a_misplaced_zone_label(tmp_path: Path) -> None:
    """'TRUE' (a spreadsheet's own spelling, when it read the cell as a truth value) is true; a zone label
    on a date with no clock time is left out with a warning, the date kept."""
    path = _new_format(tmp_path, "", "", ["VST", "TRUE", "until noon", "VST"], end="2018-01-16")
    back, warnings = load_with_warnings(path)
    [event] = back.events
    assert event.when is not None and event.when.zone_label == "VST"
    assert event.end is not None and (event.end.date, event.end.approximate, event.end.note) == (
        "2018-01-16",
        True,
        "until noon",
    )
    assert event.end.zone_label is None
    assert any("zone label 'VST'" in w and "label ignored" in w for w in warnings)


def test_a_confirmed_events_claims_come_back(tmp_path: Path) -> None:
    """Before: the claims cell of a confirmed event was read only for an event that was not confirmed,
    so 'International media ..., as reported by Wikipedia: What happened at El Junquito was a
    massacre.' was dropped without a word. Every event's claims cell now comes back as one claim."""
    original = Chronology(load_dataset())
    text = export_text(original, "csv")
    path = tmp_path / "bundled.csv"
    path.write_bytes(encode_export(text, "csv"))
    back, _ = load_with_warnings(path)
    again = {event.id: event for event in back.events}
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}
    reaction = again["international-reaction"]
    assert reaction.certainty == "confirmed"
    [claim] = reaction.claims
    assert claim.statement.startswith(
        "International media and Politicians and citizens around the world (some), as reported by Wikipedia: "
        "What happened at El Junquito was a massacre."
    )
    assert (claim.by, claim.source) == ((), "csv-file")
    for event in original.events:
        cell = read_cell(rows[event.id]["claims"], "claims")
        assert [c.statement for c in again[event.id].claims] == ([cell] if cell else []), event.id
        assert again[event.id].certainty == event.certainty
