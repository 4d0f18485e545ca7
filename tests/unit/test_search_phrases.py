"""Phrases from word runs, and highlighting in place, against the brute-force checks they replace."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core import folding
from junquito_tui.core.bitsets import bits_in, members, span, to_bits
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.folding import WordRuns, field_words, fold, folded_in_place, phrase_pattern, tokens
from junquito_tui.core.loader import validate_document
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.snippets import matches

VOCABULARY = ["guard", "national", "Guardia", "el", "junquito", "Pérez", "PEREZ", "raid", "r", "80a", "ﬁre"]
SEPARATORS = [" ", " ", ", ", "-", "\n", "_", "'"]


def in_a_row(words: list[str], phrase: list[str], endings: set[str] | None) -> bool:
    head = phrase if endings is None else phrase[:-1]
    for at in range(len(words) - len(head) + (0 if endings is None else -1) + 1):
        if words[at : at + len(head)] == head and (endings is None or words[at + len(head)] in endings):
            return True
    return False


word_lists = st.lists(st.lists(st.sampled_from(["a", "b", "c", "ab", "abc", "d"]), max_size=8), max_size=12)


@given(
    word_lists,
    st.lists(st.sampled_from(["a", "b", "c", "ab", "x"]), min_size=2, max_size=3),
    st.booleans(),
    st.sampled_from([1, 2, 3, WordRuns.CHUNK]),  # documents joined a few at a time as they come
)
def test_runs_find_exactly_the_documents_with_the_words_in_a_row(
    docs: list[list[str]], phrase: list[str], open_ended: bool, chunk: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WordRuns, "CHUNK", chunk)
        runs = WordRuns()
        for words in docs:
            runs.add(words)
        runs.close()
    endings = {w for ws in docs for w in ws if w.startswith(phrase[-1])} if open_ended else None
    expected = [n for n, words in enumerate(docs) if in_a_row(words, phrase, endings)]
    numbers = list(range(len(docs)))
    assert runs.holding(numbers, phrase, sorted(endings) if endings is not None else None) == expected
    assert runs.holding(numbers[1::2], phrase, None if endings is None else list(endings)) == [
        n for n in expected if n % 2
    ]


def test_runs_tell_when_the_vocabulary_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WordRuns, "LIMIT", 3)
    runs = WordRuns()
    runs.add(["a", "b"])
    assert runs.usable
    runs.add(["c", "d"])
    assert not runs.usable


def dataset(texts: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "events": [
            {
                "id": f"e{n}",
                "title": title.replace("\n", " "),  # a title is one line; the summary keeps its line breaks
                "summary": summary,
                "when": {"date": "2018-01-15", "precision": "day"},
            }
            for n, (title, summary) in enumerate(texts)
        ],
        "actors": [{"id": "a", "name": "National Guard", "kind": "group", "profile": "raid el junquito"}],
    }


texts = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=10).flatmap(
    lambda ws: st.lists(st.sampled_from(SEPARATORS), min_size=len(ws), max_size=len(ws)).map(
        lambda seps: "".join(w + s for w, s in zip(ws, seps, strict=True)).strip() or "x"
    )
)
phrases = st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=3).map(" ".join)


def expected_ids(index: SearchIndex, words: list[str], open_ended: bool) -> set[str]:
    """The old check, document by document: the phrase's regex over the folded text, and the last
    word held as a word unless it is long enough to have been looked up as a prefix."""
    pattern, found = phrase_pattern(words, open_ended), set()
    for doc in index.docs:
        held = {t.term for _, text in doc.fields for t in tokens(text)}
        last_held = words[-1] in held or (open_ended and len(words[-1]) >= 2)
        if last_held and pattern.search(fold("\n".join(text for _, text in doc.fields))):
            found.add(doc.id)
    return found


@pytest.mark.parametrize("vocabulary_limit", [WordRuns.LIMIT, 1])  # 1: the runs turn off, regexes take over
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=12), phrases, st.sampled_from(['"', "", " "]))
def test_phrase_search_matches_the_regex_over_folded_text(
    vocabulary_limit: int, docs: list[tuple[str, str]], phrase: str, end: str
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WordRuns, "LIMIT", vocabulary_limit)
        index = SearchIndex(Chronology(validate_document(dataset(docs), "<generated>")))
    assert index._runs.usable is (vocabulary_limit == WordRuns.LIMIT)
    results = index.search(f'"{phrase}{end}')
    words, open_ended = results.query.phrases[0], results.query.open_phrase
    assert {h.id for h in results.hits} == expected_ids(index, words, open_ended)
    assert sum(results.counts.values()) == len(results.hits)
    without = index.search(f'raid -"{phrase}"', typing=False)
    with_raid = {h.id for h in index.search("raid", typing=False).hits}
    assert {h.id for h in without.hits} == with_raid - expected_ids(index, words, False)


tricky = ["é", "É", "ñ", "ü", "ß", "ﬁ", "²", "ø", "e\u0301", "\u0301", "İ", "Σ", "ς", "ℌ", "Å", "Ⅻ", "＿", "ǅ"]
characters = st.one_of(st.sampled_from([*"aZ9 _-'.\n", *tricky]), st.characters())


@given(st.lists(characters, max_size=30).map("".join), st.data())
def test_highlighting_in_place_equals_folding_word_by_word(text: str, data: st.DataObject) -> None:
    terms = [t.term for t in tokens(text)] + ["e", "ss", "fi", "2"]
    exact = data.draw(st.lists(st.sampled_from(terms), max_size=3))
    prefixes = data.draw(st.lists(st.sampled_from(terms).map(lambda t: t[:2]), max_size=2))
    by_word = [(t.start, t.end) for t in tokens(text) if t.term in exact or any(t.term.startswith(p) for p in prefixes)]
    assert matches(text, exact, prefixes) == by_word
    in_place = folded_in_place(text)
    assert in_place is None or (in_place == fold(text) and len(in_place) == len(text))


def test_actor_filter_matches_every_word_as_a_prefix_of_some_name() -> None:
    index = SearchIndex(Chronology(validate_document(dataset([("x", "y")]), "<generated>")))
    assert index.actors_matching("nat gu") == {"a"}
    assert index.actors_matching("guard national") == {"a"}
    assert index.actors_matching("national police") == set()
    assert index.actors_matching("") == set()


@given(st.sets(st.integers(0, 3000)), st.integers(0, 5))
def test_members_and_bits_in_list_a_bitset_in_order(numbers: set[int], limit: int) -> None:
    bits = to_bits(sorted(numbers), 3001)
    assert members(bits) == list(bits_in(bits)) == sorted(numbers)
    assert list(bits_in(bits, limit)) == sorted(numbers)[:limit]
    dense = span(0, 3001) & ~bits  # the other branch of members()
    assert members(dense) == sorted(set(range(3001)) - numbers)


@given(st.lists(characters, max_size=30).map("".join))
def test_field_words_are_the_folded_words(text: str) -> None:
    assert field_words(text) == folding.words(text)


COMPOUND_WORDS = ["F16", "f-16", "F-16s", "G20", "2nd", "9mm", "COVID19", "covid-19", "BTR-80A", "btr80", "a1", "4th"]
COMPOUND_WORDS += ["the-1", "the1", "x'16", "a.16", "e-mail", "email", "the_1", "theory-1", "a--1", "f/16"]
COMPOUND_WORDS += ["the", "16", "mm", "f", "nd", "th", "1", "mail", "e", "a"]  # the pieces alone: no match
compound_texts = st.lists(st.sampled_from(COMPOUND_WORDS), min_size=1, max_size=6).map(lambda ws: "x " + " ".join(ws))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(compound_texts, compound_texts), min_size=1, max_size=10), st.sampled_from(COMPOUND_WORDS))
def test_a_word_of_letters_and_digits_finds_exactly_where_it_is_written(
    docs: list[tuple[str, str]], typed: str
) -> None:
    # 'F16', '2nd', '9mm' were found nowhere (their later pieces start no indexed word) and '-F16'
    # excluded nothing; the oracle is the compound's own pattern over each document's folded text
    index = SearchIndex(Chronology(validate_document(dataset(docs), "<generated>")))
    parts = folding.pieces(typed)
    if len(parts) < 2:
        return  # a plain word: other tests
    pattern = folding.compound_pattern(parts)
    expected = {doc.id for doc in index.docs if pattern.search(fold("\n".join(text for _, text in doc.fields)))}
    assert {h.id for h in index.search(typed, typing=False).hits} == expected
    everything = {h.id for h in index.search("x", typing=False).hits}
    assert {h.id for h in index.search(f"x -{typed}", typing=False).hits} == everything - expected


def test_a_compound_highlights_its_own_word_not_a_word_its_piece_starts() -> None:
    # '4th' highlighted 'the' in 'troops of the 4th brigade' (its piece 'th' taken as a prefix)
    index = SearchIndex(Chronology(validate_document(dataset([("x", "troops of the 4th brigade")]), "<generated>")))
    (hit,) = index.search("4th", typing=False).hits
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["4th"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(compound_texts, compound_texts), min_size=1, max_size=10), st.sampled_from(COMPOUND_WORDS))
@example([("x BTR-80A", "x btr80")], "BTR-80A")  # 'btr80' was marked, as a word starting with 'btr'
def test_a_compound_is_highlighted_where_its_pattern_matches(docs: list[tuple[str, str]], typed: str) -> None:
    # 'F16' found 'An F-16 flew over' with nothing highlighted (its indexed words are f and 16), and a
    # long summary's snippet could miss the match
    index = SearchIndex(Chronology(validate_document(dataset(docs), "<generated>")))
    parts = folding.pieces(typed)
    if len(parts) < 2:
        return
    pattern = folding.compound_pattern(parts)
    for hit in index.search(typed, typing=False).hits:
        marked = [fold(hit.snippet.text[s:e]) for s, e in hit.snippet.spans]
        assert any(pattern.match(word) for word in marked), (hit.snippet, typed)


def test_a_compound_of_a_common_letter_is_not_looked_for_in_every_document() -> None:
    # 'a16' was checked against every document holding the word 'a' (0.43 s at 100,000 events)
    index = SearchIndex(Chronology(validate_document(dataset([("a b", "a c"), ("x", "an a-16 here")]), "<t>")))
    assert list(bits_in(index.compound_bits(["a", "16"]))) == [1]
    assert [h.id for h in index.search("a16", typing=False).hits] == ["e1"]


def test_a_compound_of_a_common_word_is_narrowed_by_its_next_piece() -> None:
    # 'the-1' was checked against every document with a word starting 'the' (0.8 s at 100,000 events)
    docs = [("the theory", "the 2 of them"), ("x", "the-1 here"), ("y", "the1"), ("z", "theory-1")]
    index = SearchIndex(Chronology(validate_document(dataset(docs), "<t>")))
    assert list(bits_in(index.compound_bits(["the", "1"]))) == [1, 2]
    assert [h.id for h in index.search("the-1", typing=False).hits] == ["e1", "e2"]
