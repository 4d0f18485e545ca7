"""The search index as built, against a brute-force reading of the same documents.

The build moves common words' postings into bitsets as it goes (``postings.FLUSH_EVERY``) and keeps
dates in parallel arrays (``bitsets.Ordered``): the index must be what one pass over every document
gives, whatever the flush interval, with the same choice of bitset or array for every word.
"""

from __future__ import annotations

import random
from array import array
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core import postings
from junquito_tui.core.bitsets import Ordered, members
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.folding import field_words
from junquito_tui.core.loader import validate_document
from junquito_tui.core.postings import Postings
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.search_docs import TITLE, links

# A few words in most documents, many in one or two: both sides of "more than 1 document in 32".
COMMON = ["raid", "guard", "junquito", "the"]
RARE = [f"w{n}" for n in range(300)]


def generated(seed: int, events: int) -> dict[str, Any]:
    pick = random.Random(seed)

    def text(words: int) -> str:
        return " ".join(pick.choice(COMMON) if pick.random() < 0.4 else pick.choice(RARE) for _ in range(words))

    made = []
    for n in range(events):
        event: dict[str, Any] = {
            "id": f"e{n}",
            "title": text(pick.randint(1, 4)),
            "summary": text(pick.randint(0, 12)),
            "when": {"date": f"2017-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}", "precision": "day"},
            "actors": [{"actor": "a", "role": "x"}] if pick.random() < 0.3 else [],
            "sources": ["s"],
        }
        if pick.random() < 0.3:
            event["tags"] = [pick.choice(["protest", "raid", "statement"])]
        if pick.random() < 0.2:
            event["end"] = {"date": "2018-01-15", "precision": "day"}
        made.append(event)
    return {
        "schema_version": 1,
        "title": "Generated",
        "timezone": "UTC",
        "sources": [{"id": "s", "title": "Source", "kind": "other"}],
        "actors": [{"id": "a", "name": "Guardia Nacional", "kind": "armed-force"}],
        "events": made,
        "quotes": [],
    }


def expected_postings(index: SearchIndex) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Word -> documents, for titles and names, and for the rest (words in a title counted there only)."""
    titled: dict[str, set[int]] = {}
    body: dict[str, set[int]] = {}
    for number, doc in enumerate(index.docs):
        head = set(field_words("\n".join(text for weight, text in doc.fields if weight == TITLE)))
        rest = set(field_words("\n".join(text for weight, text in doc.fields if weight != TITLE))) | links(doc.item)
        for word in head:
            titled.setdefault(word, set()).add(number)
        for word in rest - head:
            body.setdefault(word, set()).add(number)
    return titled, body


def as_set(postings: array[int] | int) -> set[int]:
    return set(members(postings)) if isinstance(postings, int) else set(postings)


@pytest.mark.parametrize("flush_every", [1, 7, 64, postings.FLUSH_EVERY])
@pytest.mark.parametrize("seed", range(4))
def test_the_index_holds_every_words_documents_whatever_the_flush_interval(
    monkeypatch: pytest.MonkeyPatch, flush_every: int, seed: int
) -> None:
    monkeypatch.setattr(postings, "FLUSH_EVERY", flush_every)
    index = SearchIndex(Chronology(validate_document(generated(seed, 200), "<generated>")))
    size = len(index.docs)
    for built, wanted in zip((index._titled, index._body), expected_postings(index), strict=True):
        assert built.keys() == wanted.keys()
        for word, numbers in wanted.items():
            found = built[word]
            assert as_set(found) == numbers, word
            # the representation as the one-pass build chose it: a bitset exactly for common words
            assert isinstance(found, int) is (len(numbers) * 32 > size), word
            assert isinstance(found, int) or list(found) == sorted(numbers)
    assert {word for word, numbers in index._body.items() if isinstance(numbers, int)} >= {"\0certainty:confirmed"}


def test_a_word_common_early_and_rare_later_stays_a_bitset() -> None:
    postings = Postings(64)
    for number in range(3):  # 3 of 64 documents: common (3 * 32 > 64), and flushed while it is
        postings.lists["early"].append(number)
        postings.flush()
    postings.lists["rare"].append(63)
    compact = postings.compact()
    assert compact["early"] == 0b111
    assert compact["rare"] == array("i", [63])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=60), st.integers(-7, 7), st.sampled_from([1, 3, Ordered.STEP]))
def test_ordered_answers_as_a_scan_of_every_document(keys: list[int], bound: int, step: int) -> None:
    docs = array("i", range(0, 2 * len(keys), 2))  # ascending, with gaps: not every document is dated
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Ordered, "STEP", step)  # the checkpoints' bitsets, not only the last stretch
        ordered = Ordered(array("q", keys), docs, 2 * len(keys) + 1)
        assert set(members(ordered.at_most(bound))) == {d for d, k in zip(docs, keys, strict=True) if k <= bound}
        assert set(members(ordered.all())) == set(docs)
    assert list(ordered._docs) == [d for _, d in sorted(zip(keys, docs, strict=True))]  # ties in number order
