"""TimelineJS orders slides by their clock times as written, whatever their zones: a slide it shows out of the order
in which its event took place says so in its text (a user trial: 10:00 JST, 01:00 UTC, was shown after 05:00 VST,
09:00 UTC, unsaid). The oracle: every pair of clock times whose written order is not their order in time."""

from __future__ import annotations

import json
from itertools import combinations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop.timelinejs_export import to_timelinejs_json
from junquito_tui.core.interop.timelinejs_import import from_timelinejs
from junquito_tui.core.loader import validate_document

_OFFSETS = ["-04:00", "+00:00", "+09:00", "+05:30"]


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, Any]:
    events = []
    for number in range(draw(st.integers(1, 7))):
        hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))
        when = {"date": f"2018-01-15T{hour:02d}:{minute:02d}", "precision": "minute"}
        events.append(
            {"id": f"e{number}", "title": f"E{number}", "when": when | {"utc_offset": draw(st.sampled_from(_OFFSETS))}}
        )
    return {"schema_version": 1, "title": "T", "timezone": "UTC", "events": events}


def _instant(when: dict[str, Any]) -> int:
    hour, minute = map(int, when["date"][11:].split(":"))
    sign, offset = (-1 if when["utc_offset"][0] == "-" else 1), when["utc_offset"][1:].split(":")
    return hour * 60 + minute - sign * (int(offset[0]) * 60 + int(offset[1]))


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_oracle_a_slide_timelinejs_shows_out_of_order_says_so(document: dict[str, Any]) -> None:
    chronology = Chronology(validate_document(document, "zones.json"))
    exported = json.loads(to_timelinejs_json(chronology, chronology.events))
    said = {slide["unique_id"] for slide in exported["events"] if "TimelineJS orders slides" in slide["text"]["text"]}
    whens = {event["id"]: event["when"] for event in document["events"]}
    inverted: set[str] = set()
    for a, b in combinations(whens, 2):
        written, took_place = whens[a]["date"] < whens[b]["date"], _instant(whens[a]) < _instant(whens[b])
        distinct = whens[a]["date"] != whens[b]["date"] and _instant(whens[a]) != _instant(whens[b])
        if distinct and written != took_place:
            inverted |= {a, b}
    assert said == inverted
    # ... and it is no part of the event: an import gives back each summary as it was (none)
    back, _ = from_timelinejs(exported, "zones.json")
    assert all(not event.get("summary") for event in back["events"])
