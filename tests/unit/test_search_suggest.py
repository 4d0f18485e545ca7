"""'Did you mean': better spelt queries when a query finds little, from the dataset's own words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.suggest import FEW, did_you_mean, max_edits

_INDEX: list[SearchIndex] = []


def bundled() -> SearchIndex:
    if not _INDEX:
        _INDEX.append(SearchIndex(Chronology(load_dataset())))
    return _INDEX[0]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("junqito", ["junquito"]),
        ("Junqito", ["junquito"]),
        ("helicoptr", ["helicopter"]),  # one form: 'helicopters' would find the same
        ("juqnuito", ["junquito"]),  # two letters swapped: one edit
        ("raid junqito", ["raid junquito"]),
        ('"el junqito"', ['"el junquito"']),
        ("junqito helicoptr", ["junquito helicopter"]),
        ("actor:oscar-prez", ["actor:oscar-perez"]),
        ('actor:"marco rubbio" kind:actor', ["actor:marco-rubio kind:actor"]),
        ("tag:raids", ["tag:raid"]),
        ("kind:quote maduor", ["kind:quote maduro"]),
    ],
)
def test_typos_get_the_closest_word(typed: str, suggested: list[str]) -> None:
    for typing in (False, True):
        assert bundled().search(typed, typing=typing).suggestions == suggested


@pytest.mark.parametrize("text", ["junquito", "zzyzx", "xq", "police", "kind:actor", "helicopter -helicopter"])
def test_no_suggestion_without_a_typo(text: str) -> None:
    assert bundled().search(text, typing=False).suggestions == []


def test_the_wording() -> None:
    assert did_you_mean(["a"]) == "did you mean “a”?"
    assert did_you_mean(["a", "b", "c"]) == "did you mean “a”, “b” or “c”?"


@st.composite
def typos(draw: st.DrawFn) -> tuple[str, str]:
    """A word of the dataset (6 letters or more) with one letter dropped, doubled, changed or swapped."""
    word = draw(st.sampled_from([w for w in bundled().vocabulary if len(w) >= 6 and w.isalpha()]))
    at = draw(st.integers(0, len(word) - 2))
    edit = draw(st.sampled_from(["drop", "double", "change", "swap"]))
    letter = draw(st.sampled_from("aeioustrnz"))
    typo = {
        "drop": word[:at] + word[at + 1 :],
        "double": word[:at] + word[at] + word[at:],
        "change": word[:at] + letter + word[at + 1 :],
        "swap": word[:at] + word[at + 1] + word[at] + word[at + 2 :],
    }[edit]
    return word, typo


@settings(max_examples=100, deadline=None)
@given(typos())
def test_a_suggestion_always_finds_more_and_a_typo_finds_a_suggestion(pair: tuple[str, str]) -> None:
    word, typo = pair
    index = bundled()
    results = index.search(typo, typing=False)
    for text in results.suggestions:
        again = index.search(text, typing=False)
        assert again.total > results.total and not again.unresolved
    unknown = index.document_frequency(typo) == 0 and not index.stems.forms(typo)
    if unknown and results.total < FEW and max_edits(typo) >= 1:
        assert results.suggestions, (word, typo)  # the word it came from is within reach
