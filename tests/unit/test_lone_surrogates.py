"""A JSON string may escape half a character ('\\ud800'), which is no text and no UTF-8. A security review: a
TimelineJS or Timesketch file holding one was refused at a place the file does not have ('events[1].title'), and
a notebook import holding one (or nested 100,000 deep) ended in a traceback. Now a received file's is replaced by
U+FFFD and said where it is, as other unreadable text is; a notebook's (the user's words) refuses the import there."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.json_text import with_surrogates
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.notebook.exchange import ExchangeError, read_document

_TEXT = st.text(alphabet=st.sampled_from(["a", "é", "\ud800", "\udfff", "\ud83d"]), max_size=4)
_JSON = st.recursive(
    st.none() | st.integers() | _TEXT,
    # (keys that stay distinct once replaced)
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["k", "\ud800k", "\udfffz"]), inner),
    max_leaves=8,
)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *_strings(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _broken(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


@given(_JSON)
def test_every_string_with_half_a_character_is_found_and_only_those_are_changed(document: Any) -> None:
    fixed, found = with_surrogates(document, replace=True)
    assert len(found) == sum(map(_broken, _strings(document)))
    assert not any(map(_broken, _strings(fixed)))
    assert _strings(fixed) == [re.sub("[\ud800-\udfff]", "\ufffd", text) for text in _strings(document)]
    assert with_surrogates(document)[0] is document  # (only asked: nothing made)


def test_a_timelinejs_file_s_half_character_is_replaced_and_said_where_the_file_has_it(tmp_path: Path) -> None:
    path = tmp_path / "timeline.json"
    slides = [
        {"start_date": {"year": "2018"}, "text": {"headline": "ok"}},
        {"start_date": {"year": "2019"}, "text": {"headline": "x\ud800y"}, "unique_id": "\udc00"},
    ]
    path.write_text(json.dumps({"events": slides}), encoding="utf-8")  # (json writes the escapes, as files do)
    loaded = load_with_report(path)
    assert [event.title for event in loaded.dataset.events] == ["ok", "x\ufffdy"]
    said = [warning.split(":")[0] for warning in loaded.warnings if "lone surrogate" in warning]
    assert said == ["events[1].text.headline", "events[1].unique_id"]


def test_a_timesketch_line_s_half_character_is_replaced_and_said_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "sketch.jsonl"
    lines = [
        {"datetime": "2018-01-15T04:00:00Z", "timestamp_desc": "x", "message": "ok"},
        {"datetime": "2018-01-15T05:00:00Z", "timestamp_desc": "x", "message": "bad\ud800"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    loaded = load_with_report(path)
    assert sorted(event.title for event in loaded.dataset.events) == ["bad\ufffd", "ok"]
    assert any(warning.startswith("line 2: message: a lone surrogate") for warning in loaded.warnings)


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        ('{"items": [{"kind": "event", "id": "e", "note": "a\\ud800b"}]}', "items[0].note", "lone surrogate"),
        ("[" * 100_000, "", "nested too deeply"),
    ],
)
def test_a_notebook_export_with_half_a_character_or_too_deep_is_refused_where_it_is(
    text: str, where: str, said: str
) -> None:
    with pytest.raises(ExchangeError) as refused:
        read_document(text)
    (problem,) = refused.value.problems
    assert problem.path == where and said in problem.message
