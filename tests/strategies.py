"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


@st.composite
def whens(draw: st.DrawFn) -> dict[str, Any]:
    """A valid `when` of any precision, BCE years included, sometimes approximate."""
    precision = draw(st.sampled_from(["year", "month", "day", "minute"]))
    year = draw(st.integers(-3000, 3000))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    date = {
        "year": f"{year}",
        "month": f"{year}-{month:02d}",
        "day": f"{year}-{month:02d}-{day:02d}",
        "minute": f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}",
    }[precision]
    when: dict[str, Any] = {"date": date, "precision": precision, "approximate": draw(st.booleans())}
    if precision == "minute":
        when["utc_offset"] = draw(st.sampled_from(["-04:00", "+00:00", "+05:30"]))
    return when
