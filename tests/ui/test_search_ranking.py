"""Names first: a result whose name or title is the query comes first, whatever its kind, in the
engine, the command line and the app alike."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.folding import words
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET
from junquito_tui.core.search import SearchIndex


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex(Chronology(load_dataset()))


@pytest.mark.parametrize(
    ("query", "first"),
    [("perez", "oscar-perez"), ("maduro", "nicolas-maduro"), ("rubio", "marco-rubio"), ("oscar perez", "oscar-perez")],
)
def test_a_name_search_puts_the_named_actor_first(bundled: SearchIndex, query: str, first: str) -> None:
    for typing in (True, False):
        results = bundled.search(query, typing=typing)
        assert results.hits[0].id == first and next(iter(results.counts)) == "actor"


def test_without_a_name_match_the_kinds_keep_their_order(bundled: SearchIndex) -> None:
    results = bundled.search("raid", typing=False)  # events titled with it; no actor named it
    assert next(iter(results.counts)) == "event"
    assert [h.kind for h in results.hits] == sorted((h.kind for h in results.hits), key=list(results.counts).index)


def test_a_short_quote_that_is_the_query_comes_first(bundled: SearchIndex) -> None:
    results = bundled.search('"order fulfilled"', typing=False)
    assert results.hits[0].id == "order-fulfilled" and next(iter(results.counts)) == "quote"


# -- against a brute-force reading of "the name is the query", on generated datasets --------------
NAMES = ["Raid", "Raid begins", "Guard", "Guard post", "Caracas", "Police", "Police raid on the guard post"]


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5))
    titles = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6))
    bodies = draw(st.lists(st.sampled_from(NAMES), min_size=len(titles), max_size=len(titles)))
    return {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "actors": [{"id": f"a{n}", "name": name, "kind": "other", "profile": "x"} for n, name in enumerate(names)],
        "events": [
            {"id": f"e{n}", "title": f"{title} seen", "summary": body, "when": {"date": f"{2000 + n}", "precision": "year"}}  # noqa: E501
            for n, (title, body) in enumerate(zip(titles, bodies, strict=True))
        ],
    }  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(datasets(), st.sampled_from(NAMES[:6]))
def test_the_document_named_exactly_the_query_comes_first(data: dict[str, Any], query: str) -> None:
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    results = index.search(query, typing=False)
    named = {a["id"] for a in data["actors"] if words(a["name"]) == words(query)}
    if named:
        assert results.hits[0].id in named, (query, [h.id for h in results.hits])
        assert [h.id for h in results.hits[: len(named)]] == sorted(named, key=lambda i: int(i[1:]))


# -- the command line and the app list the same order ---------------------------------------------
def test_the_command_line_and_the_app_order_alike(capsys: pytest.CaptureFixture[str], bundled: SearchIndex) -> None:
    assert main(["search", "perez", "--json"]) == 0
    printed = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert printed[0] == "oscar-perez"
    assert printed == [h.id for h in bundled.search("perez", typing=False).hits]


async def test_the_app_lists_the_named_actor_first() -> None:
    from junquito_tui.ui.app import JunquitoApp
    from junquito_tui.ui.panes.search_panel import ResultList

    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"perez")
        await pilot.pause()
        results = app.query_one(ResultList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(4)]
        assert prompts[0].startswith("Actors (") and prompts[1].startswith("Óscar Pérez  ")
        assert (
            str(app.query_one("#search-hint").render()).split(": ")[1].startswith("26 actors, 23 events")
        )  # one by its date note, one by its order note
