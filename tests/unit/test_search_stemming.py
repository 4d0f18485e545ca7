"""Stemming: a word also finds its other forms, for inclusion and exclusion alike, English and Spanish.

The oracle stems with PyStemmer itself, word by word over every document: it shares the Snowball
algorithms with the engine but none of its grouping, caching or bitsets.
"""

from __future__ import annotations

from typing import Any

import pytest
import Stemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core import stemming
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.folding import field_words
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.stemming import LANGUAGES, Stems, languages_of


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex(Chronology(load_dataset()))


def ids(index: SearchIndex, text: str) -> list[str]:
    return [h.id for h in index.search(text, typing=False).hits]


def test_helicopter_finds_the_actor_whose_profile_says_helicopters(bundled: SearchIndex) -> None:
    assert "cicpc" in ids(bundled, "helicopter")
    assert "cicpc" in ids(bundled, "helicopter kind:actor")
    hit = next(h for h in bundled.search("helicopter", typing=False).hits if h.id == "cicpc")
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["helicopters"]  # the form found is marked


def test_excluding_a_word_excludes_its_other_forms(bundled: SearchIndex) -> None:
    assert "cicpc" not in ids(bundled, "kind:actor -helicopter")
    assert "cicpc" in ids(bundled, "kind:actor -airplane")


def test_a_word_in_quotes_finds_only_itself(bundled: SearchIndex) -> None:
    assert "cicpc" not in ids(bundled, '"helicopter"')
    assert "cicpc" in ids(bundled, '"helicopters"')
    assert "cicpc" in ids(bundled, 'kind:actor -"helicopter"')


def dataset(texts: dict[str, str], **extra: Any) -> dict[str, Any]:
    """One event per (id, 'title|summary'), a year apart."""
    events = []
    for number, (key, text) in enumerate(texts.items()):
        title, _, summary = text.partition("|")
        events.append(
            {
                "id": key,
                "title": title,
                "summary": summary,
                "when": {"date": f"{2000 + number}", "precision": "year"},
            }
        )
    return {"schema_version": 1, "title": "t", "timezone": "UTC", "events": events, **extra}  # fmt: skip


def index_of(texts: dict[str, str]) -> SearchIndex:
    return SearchIndex(Chronology(DATASET.validate_python(dataset(texts))))


def test_exact_matches_rank_above_other_forms() -> None:
    index = index_of({"forms": "Helicopters seen over the city|x", "exact": "A helicopter seen over the city|y"})
    assert ids(index, "helicopter") == ["exact", "forms"]
    assert ids(index, "helicopters") == ["forms", "exact"]


SPANISH = {
    "policias": "Los policías llegaron por la mañana|con las armas que tenían",
    "operaciones": "Las operaciones de la guardia|para una investigación",
    "otro": "Una protesta en Caracas|que fue pacífica",
}


def test_a_spanish_dataset_is_stemmed_in_spanish() -> None:
    index = index_of(SPANISH)
    assert "spanish" in index.stems.languages
    assert ids(index, "policía") == ["policias"]
    assert ids(index, "operacion") == ["operaciones"]
    assert ids(index, "-operacion protesta") == ["otro"]


def test_languages_come_from_the_function_words() -> None:
    english = index_of({"a": "The raid was over by noon|and the troops left with the bodies"})
    assert english.stems.languages == ("english",)
    assert index_of(SPANISH).stems.languages == ("spanish",)
    assert index_of({"a": "Raid|Caracas"}).stems.languages == LANGUAGES  # nothing to tell: both
    # English alone: the Spanish stemmer would join 'are' and 'area', 'the' and 'their'
    assert "area" not in ids(english, "-are raid") and ids(english, "their") == []


def test_each_distinct_word_is_stemmed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    stemmed: list[str] = []

    class Counting:
        def __init__(self, language: str) -> None:
            self._stemmer = Stemmer.Stemmer(language)

        def stemWord(self, word: str) -> str:
            stemmed.append(word)
            return str(self._stemmer.stemWord(word))

        def stemWords(self, words: list[str]) -> list[str]:
            stemmed.extend(words)
            return list(self._stemmer.stemWords(words))

    monkeypatch.setattr(stemming, "make_stemmer", Counting)
    texts = {f"e{n}": "the raid and the raids|the police raided the house again and again" for n in range(40)}
    index = index_of(texts)
    vocabulary = index.vocabulary
    assert sorted(stemmed) == sorted(vocabulary * len(index.stems.languages))  # 40 documents, each word once
    stemmed.clear()
    index.search("raids police", typing=False)
    assert len(stemmed) <= 2 * len(index.stems.languages)  # the query's words, not the documents'


# -- against the oracle, on generated documents ------------------------------------------------------
POOL = ["helicopter", "helicopters", "raid", "raided", "raids", "raiding", "police", "policía", "policías",
        "operación", "operaciones", "killed", "killing", "kill", "the", "and", "que", "los", "guard"]  # fmt: skip


def holds(languages: tuple[str, ...], words: list[str], term: str) -> bool:
    stemmers = [Stemmer.Stemmer(lang) for lang in languages]
    return any(w == term or any(s.stemWord(w) == s.stemWord(term) for s in stemmers) for w in words)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=6).map(" ".join), min_size=1, max_size=8),
    st.sampled_from(POOL),
    st.sampled_from(POOL),
)
def test_matches_and_exclusions_equal_the_stemmers_verdict(texts: list[str], wanted: str, unwanted: str) -> None:
    index = index_of({f"d{n}": f"{text}|" for n, text in enumerate(texts)})
    words = {f"d{n}": field_words(text) for n, text in enumerate(texts)}
    term, excluded = field_words(wanted)[0], field_words(unwanted)[0]
    languages = index.stems.languages
    found = set(ids(index, wanted))
    assert found == {d for d, held in words.items() if holds(languages, held, term)}
    without = set(ids(index, f"{wanted} -{unwanted}"))
    assert without == {d for d in found if not holds(languages, words[d], excluded)}


def test_stems_forms_are_the_vocabulary_sharing_a_stem() -> None:
    stems = Stems(["raid", "raided", "raiders", "police"], ["english"])
    assert stems.forms("raids") == {"raid", "raided"}
    assert stems.forms("unknown") == set()
    assert languages_of(lambda word: 0) == LANGUAGES
