"""A date search counts, in a hint, the undated events (and their quotes) listed beside the dated events in its range:
never matched (an undated event is in no range), never left out unsaid. A user trial: `date:2017-12` found Operation
Genesis and said nothing of 'The group then destroyed images...', 'Maduro responded...' and Maduro's quote."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.search import SearchIndex


def _hints(index: SearchIndex, text: str) -> list[str]:
    return [hint for hint in index.search(text, typing=False).hints if " undated" in hint]


def test_the_bundled_undated_events_after_operation_genesis_are_counted() -> None:
    index = SearchIndex(Chronology(load_dataset()))
    said = "3 undated (2 events, 1 quote) listed beside events in 2017-12, not included"
    assert _hints(index, "date:2017-12")[0].startswith(said)
    assert _hints(index, "maduro date:2017-12")[0].startswith(said)  # (each matches maduro; Genesis does not)
    assert _hints(index, "rifles date:2017-12") == []  # the words leave none of them
    assert _hints(index, "date:2018-01-16") == [
        "2 undated events listed beside events in 2018-01-16, not included: undated, in no date range"
    ]
    assert _hints(index, "rifles") == []  # no date: nothing left out


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    for number in range(draw(st.integers(1, 8))):
        event: dict[str, Any] = {"id": f"e{number}", "title": f"E{number}"}
        if number == 0 or draw(st.booleans()):
            event["when"] = {"date": str(2000 + draw(st.integers(0, 3))), "precision": "year"}
        else:  # after a dated event, or after one after one (so in each direction: a chain ends at a date)
            field = draw(st.sampled_from(["after", "before", "shown_after", "shown_before"]))
            anchors = [other["id"] for other in events if "when" in other or field in other]
            event[field] = draw(st.sampled_from(anchors))
        events.append(event)
    quotes = [
        {"id": f"q{n}", "text": "words", "event": f"e{draw(st.integers(0, len(events) - 1))}", "source": "s"}
        for n in range(draw(st.integers(0, 3)))
    ]
    document: dict[str, Any] = {"schema_version": 1, "title": "T", "timezone": "UTC", "events": events}
    return document | {"sources": [{"id": "s", "title": "S", "kind": "other"}], "quotes": quotes}


def _oracle(document: dict[str, Any], year: int) -> int:
    """Undated events whose order fields lead, through other undated events, to an event of ``year``; and their
    quotes."""
    by_id = {event["id"]: event for event in document["events"]}

    def year_of(event: dict[str, Any]) -> int | None:
        while "when" not in event:
            event = by_id[next(event[f] for f in ("after", "before", "shown_after", "shown_before") if f in event)]
        return int(event["when"]["date"])

    beside = {event["id"] for event in document["events"] if "when" not in event and year_of(event) == year}
    return len(beside) + sum(quote["event"] in beside for quote in document["quotes"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), st.integers(2000, 2003))
def test_oracle_every_undated_item_beside_the_range_is_counted(document: dict[str, Any], year: int) -> None:
    index = SearchIndex(Chronology(validate_document(document, "beside.json")))
    hints = _hints(index, f"date:{year}")
    expected = _oracle(document, year)
    assert (int(hints[0].split()[0]) if hints else 0) == expected, hints
