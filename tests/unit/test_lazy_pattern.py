"""A pattern compiled at its first use answers as the compiled one does, and an invalid one fails there."""

from __future__ import annotations

import re

import pytest

from junquito_tui.core.interop.lazy_pattern import lazy


def test_a_lazy_pattern_answers_as_re_compile_does() -> None:
    text = "3 Days after 30 December 2017; 4 days before"
    made, compiled = lazy(r"(\d+) (days?)", re.IGNORECASE), re.compile(r"(\d+) (days?)", re.IGNORECASE)
    assert [m.groups() for m in made.finditer(text)] == [m.groups() for m in compiled.finditer(text)]
    assert made.search(text) is not None and made.fullmatch(text) is None
    assert made.sub("N", text) == compiled.sub("N", text) and made.pattern == compiled.pattern


def test_an_invalid_pattern_fails_when_first_used_not_when_made() -> None:
    broken = lazy(r"(unclosed")
    with pytest.raises(re.error):
        broken.search("unclosed")
