"""Dates made from TimelineJS parts without pydantic are the dates pydantic makes (or refuses)."""

from __future__ import annotations

import calendar

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from junquito_tui.core.interop.timelinejs_dates import _PRECISION, _iso, _when
from junquito_tui.core.model import checked_when


@st.composite
def _parts(draw: st.DrawFn) -> list[int]:
    """Parts as ``DateReader._build`` passes them on: each checked, a day that exists."""
    year = draw(st.one_of(st.integers(-9999, 9999), st.integers(-(10**12) + 1, 10**12 - 1)))
    numbers = [year]
    depth = draw(st.sampled_from([1, 2, 3, 5]))
    if depth >= 2:
        numbers.append(draw(st.integers(1, 12)))
    if depth >= 3:
        # calendar knows years 1-9999 only; our years are astronomical, so take a year with the same leap rule
        leap_like = 2000 if year % 400 == 0 else 1996 if year % 4 == 0 and year % 100 else 1999
        numbers.append(draw(st.integers(1, calendar.monthrange(leap_like, numbers[1])[1])))
    if depth == 5:
        numbers += [draw(st.integers(0, 23)), draw(st.integers(0, 59))]
    return numbers


_notes = st.one_of(
    st.none(),
    st.text(max_size=40),  # any characters: controls and noncharacters too
    st.sampled_from(["around 1850", "the file gives the hour only", "x" * 100_001]),
)


@settings(max_examples=500, deadline=None)
@given(_parts(), st.booleans(), _notes)
def test_a_date_made_directly_is_the_date_pydantic_makes(
    numbers: list[int], approximate: bool, note: str | None
) -> None:
    fields: dict[str, object] = {"date": _iso(numbers), "precision": _PRECISION[len(numbers)]}
    if len(numbers) == 5:
        fields["utc_offset"] = "+00:00"
    if approximate:
        fields["approximate"] = True
    if note is not None:
        fields["note"] = note
    try:
        expected = checked_when(**fields)
    except ValidationError:
        expected = None
    try:
        made = _when(tuple(fields.items()))
    except ValidationError:
        made = None
    assert made == expected
