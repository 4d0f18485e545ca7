"""The fast reading shown while the full check runs: the same objects as the check, or nothing.

The oracle is ``load_with_report`` (the contract): for every valid generated dataset the fast
reading gives exactly its objects; for a file the contract refuses, the fast reading gives
nothing, except the two things left to the full check (line breaks in one-line fields, keys given
twice), which can neither crash the interface nor reach the terminal as escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from junquito_tui.core.fast_json import has_control_escape, read_fast, slugs_ok
from junquito_tui.core.loader import DatasetError, load_with_report
from junquito_tui.core.text import CONTROL, SLUG_PATTERN
from strategies import full_datasets

FAST = Path(__file__).resolve().parents[1] / "data" / "fast"
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _checked(raw: bytes, tmp_path: Path) -> Any:
    path = tmp_path / "data.json"
    path.write_bytes(raw)
    return load_with_report(path, thorough=True).dataset


@EXAMPLES
@given(data=full_datasets(), ascii_only=st.booleans(), indent=st.sampled_from([None, 1]))
def test_the_fast_reading_is_exactly_what_the_check_gives(
    data: dict[str, Any], ascii_only: bool, indent: int | None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    raw = json.dumps(data, ensure_ascii=ascii_only, indent=indent).encode()
    fast = read_fast(raw)
    assert fast is not None, "a valid dataset must take the fast path"
    checked = _checked(raw, tmp_path_factory.mktemp("oracle"))
    assert fast == checked
    assert type(fast) is type(checked) and type(fast.events) is tuple
    # and every default really is the default (not a placeholder the decoder left there)
    assert fast.schema_ == data.get("$schema") and fast.description == data.get("description", "")


@pytest.mark.parametrize(
    "name",
    [
        "escape-in-summary.json",  # \u001b, the start of a terminal escape sequence
        "c1-raw-in-title.json",  # U+009B (CSI) written raw in UTF-8
        "del-raw-in-profile.json",
        "backspace-escape.json",  # \b: a control character JSON spells without \u
        "dangling-actor.json",
        "impossible-date.json",
        "precision-contradicts-date.json",
        "unknown-field.json",
        "id-not-a-slug.json",
        "order-cycle.json",
    ],
)
def test_files_the_contract_refuses_are_not_read_fast(name: str) -> None:
    raw = (FAST / name).read_bytes()
    with pytest.raises(DatasetError):
        load_with_report(FAST / name, thorough=True)
    assert read_fast(raw) is None


@pytest.mark.parametrize("name", ["line-break-in-title.json", "duplicate-key.json"])
def test_what_is_left_to_the_full_check_is_refused_there(name: str) -> None:
    raw = (FAST / name).read_bytes()
    assert read_fast(raw) is not None  # shown while being checked: no control character in it
    with pytest.raises(DatasetError):
        load_with_report(FAST / name, thorough=True)


def test_the_valid_fixture_is_read_fast() -> None:
    fast = read_fast((FAST / "valid.json").read_bytes())
    assert fast is not None and fast == load_with_report(FAST / "valid.json").dataset


# Any character at all, and strings of them; CONTROL (core/text.py) is what the model refuses.
any_text = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    [
        *("\x1b[31m", "\x9b", "\x7f", "\u115f", "\u3164", "\ufdd0", "\uffff", "\U0001fffe", "\U0010ffff", "\b", "\r"),
        *("\u202a", "\u202e", "\u2066", "\u2069", "a\u202eb", "\u2029", "\u2067x", "\u200f", "\u2065", "\u206a"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(value=any_text, ascii_only=st.booleans(), upper=st.booleans())
def test_the_byte_scan_finds_every_character_the_model_refuses(value: str, ascii_only: bool, upper: bool) -> None:
    assume(CONTROL.search(value))
    encoded = json.dumps({"summary": value}, ensure_ascii=ascii_only)
    if upper:  # \u001B as much as \u001b: JSON allows either case of hex digits
        encoded = re.sub(r"\\u[0-9a-f]{4}", lambda found: "\\u" + found.group()[2:].upper(), encoded)
    assert has_control_escape(encoded.encode())


# Text a backslash stands in front of: JSON doubles it, and the letter after it is text, not an escape.
backslash_text = st.lists(
    st.sampled_from(["\\", "b", "f", "r", "u", "0", "1", "b", "x", "\x1b", "\b"]), max_size=8
).map("".join)


@settings(max_examples=300, deadline=None)
@given(value=any_text | backslash_text, ascii_only=st.booleans())
def test_the_byte_scan_alarms_exactly_for_the_characters_the_model_refuses(value: str, ascii_only: bool) -> None:
    raw = json.dumps({"summary": value}, ensure_ascii=ascii_only).encode()
    assert has_control_escape(raw) == bool(CONTROL.search(value))


def test_an_escaped_backslash_before_a_letter_is_no_alarm() -> None:
    # Found by the fast reading's property test: a title of a backslash and a 'b' took the slow path.
    assert not has_control_escape(rb'{"title": "\\b"}')
    assert has_control_escape(rb'{"title": "\\\b"}')  # a backslash, then a backspace
    assert not has_control_escape(rb'{"title": "\\u001b[31m"}')
    assert has_control_escape(rb'{"title": "\\\\\u001b[31m"}')


def test_ordinary_text_passes_the_byte_scan() -> None:
    for value in ["Óscar Pérez ¿dónde? ¡ya!", "«comillas» — 👩‍🚒 中文", "a\\u0001 is not a control: the backslash is"]:
        raw = json.dumps({"summary": value}, ensure_ascii=False).encode()
        assert not has_control_escape(raw)


@settings(max_examples=300, deadline=None)
@given(
    ids=st.lists(
        st.text("ab-0\nAé_", max_size=5) | st.from_regex(r"[a-z0-9]{1,3}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)
    ),
    tags=st.lists(st.text("ab-0\n Zü.", max_size=4)),
)
def test_the_bulk_slug_check_agrees_with_the_slug_pattern(ids: list[str], tags: list[str]) -> None:
    events = [SimpleNamespace(id=ident, tags=tuple(tags)) for ident in ids]
    dataset: Any = SimpleNamespace(sources=(), actors=(), events=events, quotes=())
    expected = all(SLUG_PATTERN.fullmatch(name) for name in [*ids, *(tags if events else [])])
    assert slugs_ok(dataset) == expected


def test_an_escaped_pair_is_taken_for_a_noncharacter_exactly_when_it_is_one() -> None:
    # U+1BFFE (an ordinary character) was taken for a noncharacter, so a valid file left the fast
    # path (found by this file's property test): every high surrogate against the two low ones
    for high in range(0xD800, 0xDC00):
        for low in (0xDFFE, 0xDFFF, 0xDFFD):
            point = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            raw = f'"\\u{high:04x}\\u{low:04X}"'.encode()
            assert has_control_escape(raw) == (point & 0xFFFE == 0xFFFE), hex(point)
