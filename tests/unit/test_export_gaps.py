"""What a CSV export is said to give back incompletely (``export_gaps``) is what reading the file back
loses: the oracle is the round trip itself, the file written and read again."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import BUNDLED
from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import encode_export, export_text, selected_events, write_export
from junquito_tui.core.interop.csv_export import Written
from junquito_tui.core.interop.export_gaps import not_carried
from junquito_tui.core.loader import load_dataset, load_with_report, validate_document
from junquito_tui.core.records import Actor, Dataset
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.wording import count


def _details(actor: Actor, names: dict[str, str]) -> tuple[object, ...]:
    relations = tuple((r.type, names[r.target], r.note) for r in actor.relations)
    return actor.kind, actor.side, actor.profile, actor.aliases, actor.fate, relations


def _without_relations(dataset: Dataset) -> Dataset:
    return replace(dataset, actors=tuple(replace(a, relations=()) for a in dataset.actors))


@pytest.mark.parametrize("relations", [True, False])
@pytest.mark.parametrize("query", [None, "pérez", "video", "bellingcat", "maduro"])
def test_a_csv_export_names_what_reading_it_back_loses(tmp_path: Path, query: str | None, relations: bool) -> None:
    dataset = load_dataset(BUNDLED)
    chronology = Chronology(dataset if relations else _without_relations(dataset))
    ids = None if query is None else SearchIndex(chronology).search(query, typing=False, limit=0).matched_events
    back = Chronology(load_with_report(write_export(chronology, "csv", tmp_path / "out.csv", ids)).dataset)
    names = {actor.id: actor.name for actor in chronology.dataset.actors}
    names_back = {actor.id: actor.name for actor in back.dataset.actors}
    again = {actor.name: actor for actor in back.dataset.actors}
    lost = sum(  # every actor the file names, read back with less than the dataset says of it
        _details(actor, names) != _details(again[actor.name], names_back)
        for actor in chronology.dataset.actors
        if actor.name in again
    )
    # the quotes of every event read back (an undated row placed after an event not exported is skipped)
    kept = {event.id for event in back.events}
    assert kept <= {event.id for event in selected_events(chronology, ids)}
    quoted = sorted(q.id for q in chronology.dataset.quotes if q.event in kept)
    assert sorted(q.id for q in back.dataset.quotes) == quoted
    note = not_carried(chronology, "csv", ids)
    if lost == 0:
        assert note is None
    else:
        assert note is not None and note.startswith(f"the CSV file names {count(lost, 'actor')} only in other")


def test_only_a_csv_export_is_said_to_leave_anything_out() -> None:
    chronology = Chronology(load_dataset(BUNDLED))
    video = SearchIndex(chronology).search("video", typing=False, limit=0).matched_events
    assert not_carried(chronology, "csv", video) is not None
    assert not_carried(chronology, "markdown", video) is None and not_carried(chronology, "timelinejs", video) is None


def test_the_command_line_says_what_its_csv_file_gives_back_incompletely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "csv", "--query", "video", "-o", str(tmp_path / "out.csv")]) == 0
    assert "note: the CSV file names 2 actors only in other actors' relations" in capsys.readouterr().err
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "all.csv")]) == 0  # every actor in some row
    assert "note:" not in capsys.readouterr().err


def test_a_row_whose_provenance_cell_is_left_empty_is_said_at_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: a cell too long to write (a source with a 70,000-character note, cited twice in a
    row) is left empty, and the export said nothing of what its row then reads back as."""
    document = {
        "schema_version": 1, "title": "t", "timezone": "UTC",
        "sources": [{"id": "s", "title": "S", "kind": "other", "note": "n" * 70_000}],
        "events": [{"id": f"e{i}", "title": "T", "when": {"date": "2018", "precision": "year"}, "sources": ["s"],
                    "certainty": "reported", "claims": [{"statement": "x", "source": "s"}]} for i in range(2)],
    }  # fmt: skip
    dataset = tmp_path / "long.json"
    dataset.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--data", str(dataset), "export", "--format", "csv", "-o", str(tmp_path / "a.csv")]) == 0
    err = capsys.readouterr().err
    assert "note: the provenance cell of 2 rows is left empty, as it would be longer than 100,000 characters" in err
    written = Written()
    export_text(Chronology(load_dataset(dataset)), "csv", None, None, written)
    assert written.emptied == ["e0", "e1"]


def _two_anas(tmp_path: Path, relations: list[dict[str, str]]) -> tuple[Chronology, Chronology, list[str]]:
    """Two actors called Ana (one plain, one a police force), each named by one event: through CSV and back."""
    document = {
        "schema_version": 1, "title": "t", "timezone": "UTC",
        "actors": [{"id": "a", "name": "Ana", "kind": "other"},
                   {"id": "b", "name": "Ana", "kind": "police-force", "side": "right", "relations": relations},
                   {"id": "c", "name": "Bo", "kind": "person"}],
        "events": [{"id": f"e{i}", "title": "T", "when": {"date": "2018", "precision": "year"},
                    "actors": [{"actor": actor, "role": "r"}]} for i, actor in enumerate(["a", "b"])],
    }  # fmt: skip
    chronology = Chronology(validate_document(document, "t.json"))
    loaded = load_with_report(write_export(chronology, "csv", tmp_path / "anas.csv"))
    return chronology, Chronology(loaded.dataset), loaded.warnings


def test_two_actors_of_one_name_are_said_to_be_one_at_export_and_at_import(tmp_path: Path) -> None:
    """Found in review: merged without a word, the plain Ana came back a police force."""
    chronology, back, warnings = _two_anas(tmp_path, [])
    assert [actor.name for actor in back.dataset.actors] == ["Ana"]
    assert (not_carried(chronology, "csv") or "").startswith("1 name is shared by two actors or more")
    assert warnings == [
        "line 2: actor 'Ana' named with no description here, described on line 3: two actors of one name? "
        "read as one, as described"
    ]


def test_two_relations_to_one_actor_differing_by_their_note_both_come_back(tmp_path: Path) -> None:
    """Found in review: keyed by type and target, the first one's note was lost without a word."""
    relations = [
        {"type": "ally-of", "target": "c", "note": "until 2019"},
        {"type": "ally-of", "target": "c", "note": "again from 2021"},
    ]
    _, back, _ = _two_anas(tmp_path, relations)
    [ana] = back.dataset.actors[:1]
    assert [r.note for r in ana.relations] == ["until 2019", "again from 2021"]


def test_a_provenance_cell_made_long_by_formula_marks_is_left_empty_and_the_file_reads(tmp_path: Path) -> None:
    """Found in review: under 100,000 characters as JSON, a quote of ';=' 45,000 times grew past the
    131,072 the import reads once a spreadsheet's formula mark went after each ';': the file failed whole."""
    document = {
        "schema_version": 1, "title": "t", "timezone": "UTC",
        "sources": [{"id": "s", "title": "S", "kind": "other"}],
        "events": [{"id": "e", "title": "T", "when": {"date": "2018", "precision": "year"}, "sources": ["s"]}],
        "quotes": [{"id": "q", "text": ";=" * 45_000, "event": "e", "source": "s"}],
    }  # fmt: skip
    chronology = Chronology(validate_document(document, "t.json"))
    written = Written()
    (tmp_path / "q.csv").write_bytes(encode_export(export_text(chronology, "csv", None, None, written), "csv"))
    assert written.emptied == ["e"]
    assert load_with_report(tmp_path / "q.csv").dataset.events[0].id == "e"  # read: the quote said lost at export


def test_a_cell_longer_than_excel_holds_is_said_at_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A summary of 40,000 characters is written whole, but a cell of Excel holds 32,767: opened and saved
    there, the file would come back with it cut, and the export said nothing of it."""
    document = {
        "schema_version": 1, "title": "t", "timezone": "UTC",
        "events": [{"id": f"e{i}", "title": "T", "when": {"date": "2018", "precision": "year"},
                    "summary": "s" * length} for i, length in enumerate([32_767, 32_768, 40_000])],
    }  # fmt: skip
    dataset = tmp_path / "long.json"
    dataset.write_text(json.dumps(document), encoding="utf-8")
    written = Written()
    export_text(Chronology(load_dataset(dataset)), "csv", None, None, written)
    assert written.long == ["e1", "e2"]  # (a cell of exactly 32,767 characters, as written, fits)
    assert main(["--data", str(dataset), "export", "--format", "csv", "-o", str(tmp_path / "a.csv")]) == 0
    assert (
        "note: 2 rows have cells longer than the 32,767 characters a cell of Excel can hold (such as 'e1'): "
        "opened and saved in Excel, the file does not come back whole" in capsys.readouterr().err
    )
    back = load_with_report(tmp_path / "a.csv").dataset.events  # (our own reading keeps them whole)
    assert [len(event.summary) for event in back] == [32_767, 32_768, 40_000]
