"""The spreadsheet import's shortcuts give exactly what the plain code gives (each against it as the oracle)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.text import CONTROL, has_control

# Every kind of character CONTROL knows, its neighbours, and ordinary text, ASCII or not.
_TRICKY = [
    *"\x00\x08\t\n\x0b\x1b\x1f\x7f\x80\x9f\xa0",
    *"\u115e\u115f\u1160\u3164\uffa0\ufdcf\ufdd0\ufdef\ufdf0\ufffd\ufffe\uffff",
    *(chr(plane * 0x10000 + low) for plane in (1, 2, 14, 16) for low in (0xFFFD, 0xFFFE, 0xFFFF)),
    "\U00010000",
    "😀",
    *"aé Ñ-",
]


@settings(max_examples=500)
@given(st.lists(st.one_of(st.sampled_from(_TRICKY), st.characters()), max_size=40).map("".join))
def test_has_control_is_control_search(text: str) -> None:
    assert has_control(text) is (CONTROL.search(text) is not None)


def test_has_control_knows_every_character() -> None:
    """Each code point alone, and after an ASCII letter and an accented one (the fast paths differ)."""
    for code in range(0x110000):
        char = chr(code)
        expected = CONTROL.search(char) is not None
        assert has_control(char) is expected, hex(code)
        if code % 4096 in (0, 0xFFE, 0xFFF) or expected:
            assert has_control("a" + char) is expected and has_control("é" + char) is expected, hex(code)


def test_re_whitespace_is_str_isspace() -> None:
    """one_line folds with str.split(): the same characters as the \\s it replaced, every one of them."""
    space = re.compile(r"\s")
    assert all((space.fullmatch(chr(c)) is not None) is chr(c).isspace() for c in range(0x110000))
