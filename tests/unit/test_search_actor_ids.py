"""`actor:` and `by:` with an exact id take that actor alone, and say which other actors' names hold its
words. Before, `actor:reverol` (an actor 'Reverol') silently left out 'Néstor Reverol' (a user trial):
`actor:reverol actor:maduro` found nothing, unexplained."""

from __future__ import annotations

from pathlib import Path

import pytest

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.folding import words
from junquito_tui.core.loader import load_dataset, load_with_report
from junquito_tui.core.model import DATASET
from junquito_tui.core.search import SearchIndex


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex(Chronology(load_dataset()))


def others_named(index: SearchIndex, wanted: str) -> set[str]:
    """The oracle: every other actor with each of the words as the start of a word of its name, an alias or its id."""
    asked = words(wanted)
    found = set()
    for actor in index.chronology.dataset.actors:
        held = [w for name in (actor.name, *actor.aliases, actor.id) for w in words(name)]
        if actor.id != wanted and all(any(w.startswith(q) for w in held) for q in asked):
            found.add(actor.id)
    return found


def test_every_exact_id_names_the_others_it_leaves_out(bundled: SearchIndex) -> None:
    for actor in bundled.chronology.dataset.actors:
        for field in ("actor", "by"):
            results = bundled.search(f"{field}:{actor.id}", typing=False)
            others = others_named(bundled, actor.id)
            said = [hint for hint in results.hints if hint.startswith(f"{field}:{actor.id} takes the actor")]
            assert bool(said) == bool(others), actor.id
            for other in sorted(others, key=lambda a: bundled.chronology.actors[a].name.casefold())[:3]:
                assert f"({field}:{other})" in said[0], (actor.id, other)


def test_the_user_trials_two_reverols(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "date,event,actors\n2018-01-15,Reverol statement,Reverol\n"
        "2018-01-16,Maduro speaks,Nicolás Maduro; Néstor Reverol\n",
        encoding="utf-8",
    )
    index = SearchIndex(Chronology(load_with_report(path).dataset))
    results = index.search("actor:reverol actor:maduro", typing=False)
    assert results.matched_events == []
    assert results.hints == [
        "actor:reverol takes the actor with this id; 1 other actor's name, alias or id has words starting with these, "
        "not included: Néstor Reverol (actor:nestor-reverol)"
    ]
    assert index.search("actor:nestor-reverol actor:maduro", typing=False).matched_events == [
        "maduro-speaks-2018-01-16"
    ]


def test_an_id_named_twice_gives_its_hint_once(bundled: SearchIndex) -> None:
    hints = bundled.search("actor:cicpc actor:cicpc", typing=False).hints
    assert len([hint for hint in hints if hint.startswith("actor:cicpc takes the actor")]) == 1


def test_words_that_take_several_actors_name_them() -> None:
    # before (a review): 'actor:ana' took Anabel Ruiz too, unsaid: a silently wider answer
    data = {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "actors": [{"id": f"{n}-ruiz", "name": f"{n.title()} Ruiz", "kind": "person"} for n in ("ana", "anabel")],
        "events": [
            {"id": f"e{i}", "title": "E", "actors": [{"actor": f"{n}-ruiz", "role": "x"}], "shown_after": "e0"}
            if i
            else {"id": "e0", "title": "E", "when": {"date": "2018", "precision": "year"}}
            for i, n in enumerate(("ana", "ana", "anabel"))
        ],
    }
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    assert index.search("actor:ana", typing=False).hints == [
        "actor:ana takes 2 actors whose name, alias or id has words starting with these: "
        "Ana Ruiz (actor:ana-ruiz), Anabel Ruiz (actor:anabel-ruiz)"
    ]
    assert index.search("actor:anabel", typing=False).hints == []  # one actor: nothing to say
