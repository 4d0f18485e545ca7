"""A number searched is found however its thousands are grouped: '1234' finds '1,234 displaced', '1.234' and
'1 234' (it found only '1234'; '1,234' typed found all three). The oracle: each text's number, by value."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core import search
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.records import Event
from junquito_tui.core.search import Results, SearchIndex

MARKS = [",", ".", " ", "'", "\u2019", "\u00a0", "\u202f"]


def _grouped(number: int, mark: str) -> str:
    return f"{number:,}".replace(",", mark)


def _index(summaries: list[str]) -> SearchIndex:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "numbers.csv"
        rows = "".join(f'2018-01-{n + 1:02d},Row {n},"{text}"\n' for n, text in enumerate(summaries))
        path.write_text("date,title,summary\n" + rows, encoding="utf-8")
        return SearchIndex(Chronology(load_with_report(path).dataset))


def _titles(results: Results) -> set[str]:
    return {hit.doc.item.title for hit in results.hits if isinstance(hit.doc.item, Event)}


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 999_999_999), st.sampled_from(MARKS), st.sampled_from(MARKS))
@example(1234, ",", ".")
@example(1234567, " ", ",")
def test_a_number_is_found_however_its_thousands_are_grouped(number: int, mark: str, other: str) -> None:
    written = {  # the text -> the number it holds (as a whole number)
        f"{_grouped(number, mark)} displaced": number,
        f"{number} dead": number,
        f"costs {_grouped(number, '.')},50 euros": number,  # (a fraction in the other mark)
        f"{_grouped(number * 10, mark)} displaced": number * 10,
        f"{_grouped(number + 10 ** len(str(number)), other)} displaced": number + 10 ** len(str(number)),
        f"{_grouped(number * 1000 + 7, mark)} displaced": number * 1000 + 7,  # (its groups, then one more)
    }
    index = _index(list(written))
    expected = {f"Row {n}" for n, value in enumerate(written.values()) if value == number}
    found = index.search(str(number), typing=False)
    assert _titles(found) == expected and found.total == len(expected)
    others = {f"Row {n}" for n, (text, value) in enumerate(written.items()) if "displaced" in text and value != number}
    assert _titles(index.search(f"displaced -{number}", typing=False)) == others
    for typed in (_grouped(number, ","), _grouped(number, ".")):  # typed grouped: the same number, the same rows
        assert _titles(index.search(typed, typing=False)) == expected  # ('1,200' missed '1 200': a user trial)
        assert _titles(index.search(f"displaced -{typed}", typing=False)) == others


def test_the_number_is_marked_whole_in_the_snippet() -> None:
    index = _index(["1,234 people displaced"])
    (hit,) = index.search("1234", typing=False).hits
    start, end = hit.snippet.spans[0]
    assert hit.snippet.text[start:end] == "1,234"


_FORMS: dict[
    str, Callable[[int, int], bool]
] = {  # a number N among a text's words (head: 1 to 999): whether the text holds N itself (the oracle)
    "{n} people": lambda head, n: True,
    "{h},{n} people": lambda head, n: head >= 100,  # (N a later group: 12,500; '242,338' may be a list: found)
    "{h}.{n} people": lambda head, n: head == n,  # (a later group, or a fraction: '123.500' is 123.5 or 123,500)
    "{h}'{n} people": lambda head, n: head >= 100,  # (Swiss: 1'500)
    "{h},{n},000 people": lambda head, n: head == n,  # (a group of 000: surely one number; its head is found)
    "{n},{b} people": lambda head, n: True,  # (N the first group: '3.500 kg' may be 3.5)
    "{h} {n} people": lambda head, n: True,  # (a space: '15 500' may be fifteen, then five hundred)
    "{n}.5 people": lambda head, n: True,  # (a fraction: no group)
    "{h},{n}.50 people": lambda head, n: head >= 100,  # (a fraction in the other mark after the groups: '$1,500.00')
    "0.{n} people": lambda head, n: False,  # (a fraction, not the number: an ACLED trial's coordinates)
}


@settings(max_examples=80, deadline=None)
@given(
    st.integers(100, 999),
    st.lists(st.lists(st.sampled_from(sorted(_FORMS)), min_size=1, max_size=3), min_size=1, max_size=8),
    st.integers(1, 999),
    st.integers(0, 999),
)
def test_oracle_a_short_number_is_not_found_as_a_later_group_of_a_larger_one(
    number: int, texts: list[list[str]], head: int, tail: int
) -> None:
    # before (a user trial): 500 found '12,500 displaced'; a review: not '242,338' nor '3.500 kg' missed
    written = [" and ".join(f.format(n=number, h=head, b=f"{tail:03d}") for f in forms) for forms in texts]
    index = _index(written)
    expected = {f"Row {i}" for i, forms in enumerate(texts) if any(_FORMS[f](head, number) for f in forms)}
    assert _titles(index.search(str(number), typing=False)) == expected
    everything = {f"Row {i}" for i in range(len(texts))}
    assert _titles(index.search(f"people -{number}", typing=False)) == everything - expected
    # a phrase is read as its words in a row: a grouped number in it is found (a review: it found nothing)
    grouped = {f"Row {i}" for i, forms in enumerate(texts) if "{h},{n} people" in forms}
    assert grouped <= _titles(index.search(f'"{head},{number} people"', typing=False))
    # nor is a phrase found where its first word is only a later group ('"500 people"' found '12,500 people')
    phrased = {f"Row {i}" for i, forms in enumerate(texts) if any(_PHRASED[f](head, number, tail) for f in forms)}
    for typing in (False, True):
        assert _titles(index.search(f'"{number} people"', typing=typing)) == phrased
    assert _titles(index.search(f'people -"{number} people"', typing=False)) == everything - phrased


_PHRASED: dict[str, Callable[[int, int, int], bool]] = {  # whether the text holds 'N people', N itself
    "{n} people": lambda head, n, tail: True,
    "{h},{n} people": lambda head, n, tail: head >= 100,
    "{h}.{n} people": lambda head, n, tail: False,
    "{h}'{n} people": lambda head, n, tail: head >= 100,
    "{h},{n},000 people": lambda head, n, tail: False,
    "{n},{b} people": lambda head, n, tail: tail == n,  # ('500,500 people': the second may be a list's)
    "{h} {n} people": lambda head, n, tail: True,
    "{n}.5 people": lambda head, n, tail: False,
    "{h},{n}.50 people": lambda head, n, tail: False,
    "0.{n} people": lambda head, n, tail: False,
}


def test_a_number_s_fraction_is_not_the_number() -> None:
    # (an ACLED trial: 'fatalities 5' found every place at a longitude of .5; '10.5' was read as 10 and 5)
    index = _index(["Caracas (10.5, -66.9)", "5 killed", "15.01.2018 report", "version 1.5.2", "pages 5.5"])
    assert _titles(index.search("5", typing=False)) == {"Row 1", "Row 3", "Row 4"}  # (not the fractions)
    assert _titles(index.search("10", typing=False)) == {"Row 0"}  # (a number's whole part is found)
    assert _titles(index.search("01", typing=False)) == {"Row 2"}  # (a dotted date's parts are no fractions)
    assert _titles(index.search('"10.5"', typing=False)) == {"Row 0"}


def test_a_short_number_as_typed_is_not_found_as_a_group_either() -> None:
    # the app reads the last word as a prefix while it is typed: '500' then found '12,500' still
    index = _index(["12,500 displaced", "500 marched", "5000 tonnes and 12,500 more"])
    assert _titles(index.search("500", typing=True)) == {"Row 1", "Row 2"}  # (Row 2: '5000' starts with it)
    assert _titles(index.search("500", typing=False)) == {"Row 1"}


def test_a_phrase_s_start_is_read_in_at_most_so_many_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    # a review: 100,000 documents holding '500' alone and in '12,500' took 2.5 s to read; beyond CHECKED_MOST
    # they are kept (a miss is worse than a match), while those never holding it alone are left out unread
    texts = ["12,500 people and 500 dollars", "12,500 people, 500 more", "12,500 people", "500 people"]
    index = _index(texts)
    assert _titles(index.search('"500 people"', typing=False)) == {"Row 3"}
    monkeypatch.setattr(search, "CHECKED_MOST", 1)
    assert _titles(index.search('"500 people"', typing=False)) == {"Row 0", "Row 1", "Row 3"}
