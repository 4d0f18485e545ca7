"""What a CSV export is said to leave out (``export_gaps``) is what reading the file back loses: the
oracle is the round trip itself, the file written and read again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import BUNDLED
from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import selected_events, write_export
from junquito_tui.core.interop.export_gaps import not_carried
from junquito_tui.core.loader import load_dataset, load_with_report
from junquito_tui.core.records import Actor, Dataset
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.wording import count


def _details(actor: Actor) -> tuple[object, ...]:
    return actor.kind, actor.side, actor.profile, actor.aliases, actor.fate, actor.relations


def _kinds_only(dataset: Dataset) -> Dataset:
    """The dataset's actors with their kinds alone: no side, profile, alias, fate or relation."""
    bare = [replace(a, side=None, profile="", aliases=(), fate=None, relations=()) for a in dataset.actors]
    return replace(dataset, actors=tuple(bare))


@pytest.mark.parametrize("kinds_only", [False, True])
@pytest.mark.parametrize("query", [None, "pérez", "video", "bellingcat"])
def test_a_csv_export_names_the_quotes_and_actor_details_reading_it_back_loses(
    tmp_path: Path, query: str | None, kinds_only: bool
) -> None:
    dataset = load_dataset(BUNDLED)
    chronology = Chronology(_kinds_only(dataset) if kinds_only else dataset)
    ids = None if query is None else SearchIndex(chronology).search(query, typing=False, limit=0).matched_events
    events = selected_events(chronology, ids)
    back = load_with_report(write_export(chronology, "csv", tmp_path / "out.csv", ids)).dataset
    shown = {event.id for event in events}
    quotes_lost = sum(quote.event in shown for quote in chronology.dataset.quotes) - len(back.quotes)
    again = {actor.name: actor for actor in back.actors}
    named = {participant.actor for event in events for participant in event.actors}
    actors_lost = sum(_details(chronology.actors[a]) != _details(again[chronology.actors[a].name]) for a in named)
    assert actors_lost > 0  # (the bundled actors have kinds): the test sees what it measures
    note = not_carried(chronology, "csv", ids)
    assert note is not None
    assert (f"{count(quotes_lost, 'quote')} and" in note) == (quotes_lost > 0)
    assert f"details of {count(actors_lost, 'actor')} " in note


def test_a_csv_export_of_what_a_csv_file_holds_leaves_nothing_out(tmp_path: Path) -> None:
    chronology = Chronology(load_dataset(BUNDLED))
    back = load_with_report(write_export(chronology, "csv", tmp_path / "out.csv")).dataset
    assert not_carried(Chronology(back), "csv") is None
    assert not_carried(chronology, "markdown") is None and not_carried(chronology, "timelinejs") is None


def test_the_command_line_says_what_its_csv_file_leaves_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "out.csv")]) == 0
    err = capsys.readouterr().err
    assert "note: left out of the CSV file, which has no column for them: 8 quotes" in err
    assert main(["export", "--format", "markdown", "-o", str(tmp_path / "out.md")]) == 0
    assert "left out" not in capsys.readouterr().err
