"""A word of a script written without spaces (Chinese, Japanese, Thai) is found inside a longer run of it: a
run is indexed as one word, so '抗议' found nothing in '在北京市中心发生抗议活动' (a review). The oracle: the
text holds it, by a brute-force scan."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.records import Event
from junquito_tui.core.search import SearchIndex

_HAN = "北京市中心发生抗议活动在东"  # (few characters: their pairs recur across texts)
_KANA = "とうきょうのデモ"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(st.sampled_from(_HAN + _KANA), min_size=2, max_size=12), min_size=1, max_size=6),
    st.data(),
)
def test_a_piece_of_a_run_finds_every_text_holding_it(texts: list[str], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unspaced.csv"
        rows = "".join(f"2018-01-{n + 1:02d},Row {n},{text}\n" for n, text in enumerate(texts))
        path.write_text("date,title,summary\n" + rows, encoding="utf-8")
        index = SearchIndex(Chronology(load_with_report(path).dataset))
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(source) - 2))
    piece = source[start : start + data.draw(st.integers(2, 3))]
    expected = {f"Row {n}" for n, text in enumerate(texts) if piece in text}
    found = index.search(piece, typing=False)
    assert {hit.doc.item.title for hit in found.hits if isinstance(hit.doc.item, Event)} == expected, piece


def test_the_piece_is_marked_where_it_is() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "protest.csv"
        path.write_text("date,title,summary\n2018-01-19,北京发生抗议,在北京市中心发生抗议活动\n", encoding="utf-8")
        index = SearchIndex(Chronology(load_with_report(path).dataset))
    (hit,) = index.search("抗议", typing=False).hits
    marked = [hit.snippet.text[start:end] for start, end in hit.snippet.spans]
    assert marked and all(text == "抗议" for text in marked)
