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

KEPT = "words with letters or symbols a tag cannot hold"


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
        # a re-trial: letters with no decomposition were dropped from the tag ('odz', 'resund'), emoji lost unsaid
        ("Year,Headline,Text,Group\n2018,A,a,Łódź\n", ("lodz",), "a"),
        ("Year,Headline,Text,Group\n2018,A,a,Straße Øresund\n", ("strasse-oresund",), "a"),
        ("Year,Headline,Text,Group\n2018,A,a,🔥 Fire\n", ("fire",), "a\n\nGroup: 🔥 Fire"),
        ("date,event,tags\n2018-01-15,A,💥 boom\n", ("boom",), "Tags: 💥 boom"),
        # a second re-trial: 'C++' and 'C#' were both the tag 'c', unsaid; '½' the tag '12'
        ("Year,Headline,Text,Group\n2018,A,a,C++\n", ("c",), "a\n\nGroup: C++"),
        ("Year,Headline,Text,Group\n2018,A,a,½\n", (), "a\n\nGroup: ½"),
        ("Year,Headline,Text,Group\n2018,A,a,Women’s rights (UN)\n", ("womens-rights-un",), "a"),  # marks part words
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


def test_a_placeholder_group_is_said_as_one_only(tmp_path: Path) -> None:
    """A re-trial: 'Lorem ipsum dolor sit amet' as a Group was also said to have 'no letter or digit'."""
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Headline,Text,Group\n2018,A,a,Lorem ipsum dolor sit amet\n", encoding="utf-8")
    warnings = load_with_report(path).warnings
    assert any("looks like an unfilled template placeholder" in w for w in warnings)
    assert not any("no letter or digit" in w for w in warnings)


def test_the_warning_names_the_rows_and_no_value_the_file_lacks(tmp_path: Path) -> None:
    """A re-trial: the warning quoted 'Политика' and 'Raid 中文' of a file holding neither, and named no row."""
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Headline,Text,Tags\n2018,A,a,x\n2018,B,b,Событие\n", encoding="utf-8")
    (said,) = [w for w in load_with_report(path).warnings if w.startswith(KEPT)]
    assert "Политика" not in said and said.endswith("(line 3)")
