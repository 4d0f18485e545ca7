"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

import re
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


@st.composite
def claim_datasets(draw: st.DrawFn) -> dict[str, Any]:
    """Small datasets whose events carry claims by random actors (the accounts index's oracle tests)."""
    actors = [f"a{i}" for i in range(draw(st.integers(1, 4)))]
    events = []
    for number in range(draw(st.integers(1, 5))):
        claims = [
            {"by": draw(st.lists(st.sampled_from(actors), max_size=3)), "statement": f"s{number}-{k}"}
            for k in range(draw(st.integers(0, 3)))
        ]
        event: dict[str, Any] = {
            "id": f"e{number}",
            "title": f"E{number}",
            "when": {"date": f"{2000 + draw(st.integers(0, 3))}", "precision": "year"},
            "actors": [{"actor": a, "role": "r"} for a in draw(st.lists(st.sampled_from(actors), unique=True))],
        }
        if claims:
            event |= {"certainty": draw(st.sampled_from(["reported", "alleged", "disputed"])), "claims": claims}
        events.append(event)
    return {
        "schema_version": 1,
        "title": "T",
        "timezone": "UTC",
        "actors": [{"id": a, "name": a.upper(), "kind": "person"} for a in actors],
        "events": events,
    }


@st.composite
def ordered_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Dataset documents of 1-12 events for ordering and the time axis: every precision, BCE years,
    ranges (an end), equal dates, approximate dates, stated orders on dated events, and undated events
    placed by a stated order or a reading position. Some break the order rules (a cycle, an order
    against the dates, an undated event tied to no date): filter with ``check_integrity``."""
    count = draw(st.integers(1, 12))
    events: list[dict[str, Any]] = []
    shared = draw(whens())  # equal dates: ties that keep file order
    for me in range(count):
        others = [f"e{i}" for i in range(count) if i != me]
        event: dict[str, Any] = {"id": f"e{me}", "title": f"E{me}"}
        dated = not others or draw(st.integers(0, 3)) > 0
        if dated:
            event["when"] = shared if draw(st.booleans()) else draw(whens())
            if draw(st.integers(0, 4)) == 0:  # an end: a later (or the same) year always ends after the start
                year = int(re.match(r"-?[0-9]+", event["when"]["date"]).group())  # type: ignore[union-attr]
                event["end"] = {"date": f"{year + draw(st.integers(0, 3))}", "precision": "year"}
        if others and (not dated or draw(st.integers(0, 5)) == 0):
            fields = ["after", "before"] if dated else ["after", "before", "shown_after", "shown_before"]
            event[draw(st.sampled_from(fields))] = draw(st.sampled_from(others))
        events.append(event)
    return {"schema_version": 1, "title": "T", "timezone": "UTC", "events": events}
