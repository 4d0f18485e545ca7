"""A group, a Type or a tags cell whose letters a tag cannot hold (a tag is a-z, 0-9) is kept in the
event's summary, said in a warning: a trial found 'Политика', 'سياسة' and '中文' dropped (the warning
calling them 'no letters or digits'), and 'Raid 中文' cut to the tag 'raid', unsaid."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop.timelinejs_import import from_timelinejs
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.text import slug_loses

KEPT = "words with letters a tag cannot hold"


@pytest.mark.parametrize(
    ("text", "tags", "summary"),
    [
        ("Year,Headline,Text,Group\n2018,A,a,Политика\n", (), "a\n\nGroup: Политика"),
        ("Year,Headline,Text,Group\n2018,A,a,Raid 中文\n", ("raid",), "a\n\nGroup: Raid 中文"),
        ("Year,Headline,Text,Group\n2018,A,a,Économie\n", ("economie",), "a"),  # accents: a tag holds its letters
        ("Year,Headline,Text,Tags\n2018,A,a,Политика; протест\n", (), "a\n\nTags: Политика; протест"),
        ("Year,Headline,Text,Type\n2018,A,a,سياسة\n", (), "a\n\nType: سياسة"),
        ("date,event,tags\n2018-01-15,A,Raid; 中文\n", ("raid",), "Tags: Raid; 中文"),
        ("date,event,tags\n2018-01-15,A,Ñandú\n", ("nandu",), ""),
    ],
)
def test_a_value_no_tag_can_hold_whole_is_kept_in_the_summary(
    tmp_path: Path, text: str, tags: tuple[str, ...], summary: str
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.tags == tags and event.summary == summary
    assert any(w.startswith(("groups with letters", KEPT)) for w in loaded.warnings) is (summary.count(":") > 0)
    assert not any("has no letters or digits" in w or "no letter or digit" in w for w in loaded.warnings)


SCRIPTS = st.text(st.sampled_from("abcÉé Ñ9ПолитикаسياسةΠολ中文 -"), min_size=1, max_size=12)


@given(SCRIPTS)
def test_no_letter_of_a_group_is_lost(group: str) -> None:
    """Oracle: each letter or digit of the group is in the summary, or its a-z form in a tag."""
    slide = {"start_date": {"year": 2018}, "text": {"headline": "A"}, "group": group}
    document, _ = from_timelinejs({"events": [slide]}, "t.json")
    (event,) = document["events"]
    summary, tags = event.get("summary", ""), " ".join(event.get("tags", []))
    for char in group:
        if char.isalnum():
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode().lower()
            assert char in summary or (plain and plain in tags), (char, event)
    assert ("Group: " in summary) is slug_loses(group.strip())
