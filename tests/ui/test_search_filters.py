"""Filters: certainty:, by:, the notebook's is:starred / note: / mytag:, and filters that cannot be
resolved, which match nothing and say why (in the engine, `search`, `export --query` and the app)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUNDLED
from junquito_tui.cli import main
from junquito_tui.core.annotations import Annotations, ItemKey
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET
from junquito_tui.core.query import parse_query
from junquito_tui.core.search import SearchIndex

DATA: dict[str, Any] = json.loads(BUNDLED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex(Chronology(load_dataset()))


def ids(index: SearchIndex, text: str, **options: Any) -> set[str]:
    return {h.id for h in index.search(text, typing=False, **options).hits}


# -- certainty: and by: ------------------------------------------------------------------------------
@pytest.mark.parametrize("certainty", ["confirmed", "reported", "alleged", "disputed"])
def test_certainty_filter_finds_the_events_of_that_certainty(bundled: SearchIndex, certainty: str) -> None:
    wanted = {e["id"] for e in DATA["events"] if e.get("certainty", "confirmed") == certainty}
    assert wanted and ids(bundled, f"certainty:{certainty}") == wanted
    assert ids(bundled, f"certainty:{certainty[:4].upper()}") == wanted  # a start is enough, any case


def test_certainty_filters_are_alternatives_and_a_bad_one_matches_nothing(bundled: SearchIndex) -> None:
    assert ids(bundled, "certainty:alleged certainty:disputed") == ids(bundled, "certainty:alleged") | ids(
        bundled, "certainty:disputed"
    )
    results = bundled.search("certainty:maybe raid", typing=False)
    assert not results.hits and results.unresolved == [
        "certainty:maybe is not one of confirmed, reported, alleged, disputed"
    ]


CLAIMANTS = [("bellingcat", "bellingcat"), ('"forensic architecture"', "forensic-architecture"),
             ("oscar-perez", "oscar-perez"), ("maduro", "nicolas-maduro")]  # fmt: skip


@pytest.mark.parametrize(("by", "actor"), CLAIMANTS)
def test_by_finds_the_events_with_a_claim_by_that_actor(bundled: SearchIndex, by: str, actor: str) -> None:
    wanted = {e["id"] for e in DATA["events"] for c in e.get("claims", ()) if actor in c["by"]}
    assert wanted and ids(bundled, f"by:{by}") == wanted


def test_by_is_not_actor(bundled: SearchIndex) -> None:
    # Pérez takes part in many events; he makes claims in a few
    assert ids(bundled, "by:oscar-perez") < ids(bundled, "actor:oscar-perez kind:event")


NAMES = {"a": "Alpha Group", "b": "Bravo Unit", "c": "Charlie Station"}


@st.composite
def claimed(draw: st.DrawFn) -> dict[str, Any]:
    actors = ["a", "b", "c"]
    events = []
    for number in range(draw(st.integers(1, 8))):
        certainty = draw(st.sampled_from(["confirmed", "reported", "alleged", "disputed"]))
        claims = [] if certainty == "confirmed" else [
            {"by": draw(st.lists(st.sampled_from(actors), unique=True, max_size=2)), "statement": "s"}
            for _ in range(draw(st.integers(1, 2)))
        ]  # fmt: skip
        events.append({"id": f"e{number}", "title": "T", "when": {"date": "2018", "precision": "year"},
                       "certainty": certainty, "claims": claims})  # fmt: skip
    return {"schema_version": 1, "title": "t", "timezone": "UTC", "events": events,
            "actors": [{"id": a, "name": NAMES[a], "kind": "other"} for a in actors]}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(claimed(), st.sampled_from(["a", "b", "c"]), st.sampled_from(["confirmed", "reported", "alleged", "disputed"]))
def test_by_and_certainty_against_the_claims(data: dict[str, Any], actor: str, certainty: str) -> None:
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    by = {e["id"] for e in data["events"] for c in e["claims"] if actor in c["by"]}
    of_certainty = {e["id"] for e in data["events"] if e["certainty"] == certainty}
    assert ids(index, f"by:{actor}") == by
    assert ids(index, f'by:"{NAMES[actor].lower()}"') == by  # by name
    assert ids(index, f"by:{actor} certainty:{certainty}") == by & of_certainty


# -- filters that cannot be resolved --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("actor:oscar-prez", "actor:oscar-prez matches no actor"),
        ("raid by:nobody", "by:nobody matches no actor"),
        ("tag:raids", "tag:raids: no event has this tag"),
        ("raid kind:person", "kind:person is not one of event, actor, quote, source"),
        # (each was 'is not a date like 2018-01-15...', which did not say what was wrong: a user trial)
        ("raid date:2018-02-30", "date:2018-02-30: 2018-02-30 is no day or month of the calendar"),
        ("raid date:2018-13", "date:2018-13: 2018-13 is no day or month of the calendar"),
        ("raid date:2018..2017", "date:2018..2017 runs backwards: the earlier date comes first (date:2017..2018)"),
        (
            "raid date:2018-01-16..2018-01-15",
            "runs backwards: the earlier date comes first (date:2018-01-15..2018-01-16)",
        ),
        ("raid date:soon", "date:soon is not a date like 2018-01-15 or a range like 2017-06..2017-12"),
        ("raid -actor:maduro", "-actor: cannot be excluded"),
        ("raid is:read", "is:read is not one of starred"),
        ("raid is:starred", "is:starred: no notebook open"),
    ],
)
def test_an_unresolvable_filter_matches_nothing_and_says_why(bundled: SearchIndex, text: str, why: str) -> None:
    for typing in (True, False):
        results = bundled.search(text, typing=typing)
        assert not results.hits and results.total == 0 and not results.matched_events
        assert any(why in problem for problem in results.unresolved), results.unresolved


def test_an_empty_field_is_ignored_only_while_typing(bundled: SearchIndex) -> None:
    typing = bundled.search("raid actor:")
    assert typing.hits and not typing.unresolved and "actor: needs a value; ignored" in typing.hints
    entered = bundled.search("raid actor:", typing=False)
    assert not entered.hits and entered.unresolved == ["actor: needs a value"]


def test_each_actor_filter_narrows(bundled: SearchIndex) -> None:
    both = ids(bundled, "actor:maduro actor:oscar-perez")
    assert both == ids(bundled, "actor:maduro") & ids(bundled, "actor:oscar-perez") and both


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_export_of_an_unresolvable_filter_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = _cli(capsys, "export", "--format", "csv", "--query", "actor:oscar-prez")
    assert status == 2 and out == ""
    assert "junquito-tui: export: actor:oscar-prez matches no actor; nothing written" in err
    assert "did you mean “actor:oscar-perez”?" in err
    target = tmp_path / "out.csv"
    assert _cli(capsys, "export", "--format", "csv", "--query", "actor:oscar-prez", "-o", str(target))[0] == 2
    assert not target.exists()


def test_export_of_a_resolvable_filter_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _cli(capsys, "export", "--format", "csv", "--query", "actor:oscar-perez")
    wanted = {e["id"] for e in DATA["events"] if any(a["actor"] == "oscar-perez" for a in e.get("actors", ()))}
    wanted |= {e["id"] for e in DATA["events"] for c in e.get("claims", ()) if "oscar-perez" in c["by"]}
    assert status == 0 and {row["id"] for row in csv.DictReader(io.StringIO(out))} == wanted


def test_search_of_an_unresolvable_filter_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _cli(capsys, "search", "actor:oscar-prez raid")
    assert status == 2 and out == ""
    assert "junquito-tui: search: actor:oscar-prez matches no actor; nothing matches" in err


@pytest.mark.parametrize("limit", ["-1", "-50", "x"])
def test_a_negative_limit_is_an_error(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["search", "raid", "--limit", limit])
    assert exit_.value.code == 2 and "--limit" in capsys.readouterr().err


def test_limit_zero_prints_the_counts_only(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _cli(capsys, "search", "raid", "--limit", "0")
    assert status == 0 and out == "" and err.strip().endswith("shown)")


async def test_the_app_says_why_nothing_matches() -> None:
    from junquito_tui.ui.app import JunquitoApp
    from junquito_tui.ui.panes.search_panel import ResultList

    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("slash", *"actor:oscar-prez")
        await pilot.pause()
        hint = str(app.query_one("#search-hint").render())
        assert hint.startswith("Nothing matches: actor:oscar-prez matches no actor")
        assert "did you mean “actor:oscar-perez”?" in hint
        assert app.query_one(ResultList).option_count == 0


# -- the notebook ----------------------------------------------------------------------------------------
class FakeNotebook:
    def __init__(self, starred: Collection[ItemKey] = (), notes: Iterable[tuple[ItemKey, str]] = (),
                 tags: Iterable[tuple[ItemKey, str]] = ()) -> None:  # fmt: skip
        self._starred, self._notes, self._tags = set(starred), list(notes), list(tags)

    def starred(self) -> Collection[ItemKey]:
        return self._starred

    def notes(self) -> Iterable[tuple[ItemKey, str]]:
        return self._notes

    def tags(self) -> Iterable[tuple[ItemKey, str]]:
        return self._tags


NOTEBOOK = FakeNotebook(
    starred={("event", "raid-begins"), ("actor", "oscar-perez"), ("event", "no-such-event")},
    notes=[(("event", "raid-begins"), "Check the HELICOPTERS\nagainst the video"),
           (("quote", "order-fulfilled"), "Maduro's words: cite with the date"),
           (("event", "firefight"), "Operación seen from the road")],
    tags=[(("event", "firefight"), "To check"), (("actor", "oscar-perez"), "to-check"),
          (("event", "raid-ends"), "later")],
)  # fmt: skip


def test_the_fake_notebook_is_an_annotations_provider() -> None:
    provider: Annotations = NOTEBOOK  # mypy checks the Protocol here
    assert provider.starred()


def test_notebook_filters_parse() -> None:
    query = parse_query('is:starred note:"Safe surrender" mytag:"To Check" raid')
    assert query.starred and query.notes == [["safe", "surrender"]] and query.mytags == ["tocheck"]
    assert query.terms == ["raid"] and query.notebook


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("is:starred", {"raid-begins", "oscar-perez"}),  # an unknown item is left out
        ("is:starred kind:event", {"raid-begins"}),
        ("note:helicopter", {"raid-begins"}),  # folded and stemmed like any text
        ("note:video note:check", {"raid-begins"}),
        ('note:"check video"', {"raid-begins"}),  # every word, in any order
        ("note:operacion", {"firefight"}),
        ("note:maduro", {"order-fulfilled"}),
        ("note:nowhere", set()),
        ("mytag:to-check", {"firefight", "oscar-perez"}),
        ('mytag:"TO CHECK" is:starred', {"oscar-perez"}),
        ("mytag:later troops", set()),
        ("is:starred troops", {"raid-begins"}),
    ],
)
def test_notebook_filters_with_a_provider(bundled: SearchIndex, text: str, wanted: set[str]) -> None:
    results = bundled.search(text, typing=False, annotations=NOTEBOOK)
    assert not results.unresolved and {h.id for h in results.hits} == wanted


@pytest.mark.parametrize("text", ["is:starred", "note:helicopter", "mytag:later", "raid mytag:later"])
def test_notebook_filters_without_a_notebook_match_nothing(bundled: SearchIndex, text: str) -> None:
    results = bundled.search(text, typing=False)
    assert not results.hits and results.unresolved and all("no notebook open" in u for u in results.unresolved)
