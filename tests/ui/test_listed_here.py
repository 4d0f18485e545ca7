"""Flat lists by time (a profile's events, the accounts' moments, search results, a source's events) say why an
event without a time stands where it does among others of its day. A user trial: Óscar Pérez's profile listed 'Pérez
and five of his men shot dead', 15 Jan 2018, before the 04:00 deployment, and the accounts view and `search` did
the same, with no word of why; the timeline heads such events 'times not given, in no particular order'."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import group_parts
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.placement import hit_date, listed_date, listed_periods, shared_periods, why_listed_here
from junquito_tui.core.records import Event, Precision
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.search_output import title_line
from junquito_tui.ui import pages
from junquito_tui.ui.account_rows import moment_rows

_DATES = [
    {"date": "2018-01-15", "precision": "day"},
    {"date": "2018-01-15T04:00", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2018-01-15T12:00", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2018-01", "precision": "month"},
    {"date": "2018-01-16", "precision": "day", "approximate": True},
    {"date": "2018", "precision": "year"},
]


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    for number in range(draw(st.integers(1, 7))):
        when = draw(st.sampled_from(_DATES))
        event: dict[str, Any] = {
            "id": f"e{number}",
            "title": f"E{number}",
            "when": when,
            "actors": [{"actor": "a", "role": "r"}],
            "certainty": "alleged",
            "claims": [{"by": ["a"], "statement": "s"}],
        }
        # an order the source states: a day's event after one of that day (or of its month), as 'then' does
        anchors = [other["id"] for other in events if other["when"] in _DATES[:4]]
        if when is _DATES[0] and len(anchors) > 0 and draw(st.booleans()):
            event["after"] = draw(st.sampled_from(anchors))
        events.append(event)
    return {
        "schema_version": 1,
        "title": "T",
        "timezone": "UTC",
        "actors": [{"id": "a", "name": "A", "kind": "person"}],
        "events": events,
    }


def _oracle(event: Event, listed: list[Event]) -> bool:
    """Whether the event needs a word on its place: it has no time, and another listed event shares its period."""
    if event.when is None or event.when.precision is Precision.MINUTE:
        return False
    return sum(group_parts(other.when) == group_parts(event.when) for other in listed) > 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_oracle_an_event_without_a_time_among_others_of_its_period_says_why_it_stands_there(
    document: dict[str, Any],
) -> None:
    chronology = Chronology(validate_document(document, "listed.json"))
    listed = [found.event for found in chronology.appearances["a"]]
    shared = shared_periods(event.when for event in listed)
    profile = [row.content.plain for row in _rows(pages.actor_rows(chronology, "a"))]
    moments = [row.content.plain for row in _rows(moment_rows(chronology))]
    for event in listed:
        why = why_listed_here(event, shared, chronology.find)
        assert bool(why) == _oracle(event, listed), (event.id, why)
        shown = listed_date(event, shared, chronology.find)
        assert any(line.startswith(f"→ {shown} · {event.title} · ") for line in profile)
        assert any(line.startswith(f"{shown} · {event.title}") for line in moments)
        if event.stated_order and why:  # what the source orders it after, named
            anchor = chronology.event(event.after or "")
            assert why.endswith(", as the source states") and f"after {_named(anchor)}" in why, why


def _named(anchor: Event) -> str:
    if anchor.when is not None and anchor.when.precision is Precision.MINUTE:
        return anchor.when.date[11:16]  # ('after 04:00 UTC-4', its clock time)
    return f"\u201c{anchor.title}"


def _rows(rows: Any) -> list[Any]:
    return [rows[index] for index in range(len(rows))]


def test_the_bundled_profile_accounts_and_search_say_a_time_is_not_given() -> None:
    chronology = Chronology(load_dataset())
    profile = [row.content.plain for row in _rows(pages.actor_rows(chronology, "oscar-perez"))]
    assert "→ 15 Jan 2018, time not given · Pérez and five of his men shot dead, six arrested · shot dead" in profile
    assert any(line.startswith("→ ~04:00 VST 15 Jan 2018 · About 500 troops deployed") for line in profile)
    moments = [row.content.plain.split("\n")[0] for row in _rows(moment_rows(chronology))]
    executions = next(line for line in moments if "likely executed" in line)
    assert executions.startswith("15 Jan 2018, time not given · ")
    results = SearchIndex(chronology).search("date:2018-01-15", typing=False, limit=100)
    shared = listed_periods(results)
    lines = {hit.id: title_line(hit, shared, results.find) for hit in results.hits}
    assert "15 Jan 2018, time not given" in lines["rebels-killed-and-arrested"]
    assert "15 Jan 2018, time not given; after ~09:07 VST, as the source states" in lines["perez-bloodied-video"]
    assert "~04:00 VST 15 Jan 2018 " in lines["raid-begins"]
    assert all(hit_date(hit, shared, results.find) for hit in results.hits)


async def test_the_notebook_by_date_and_the_palette_say_a_time_is_not_given() -> None:
    # a re-trial: both listed '15 Jan 2018 · Pérez and five of his men shot dead' above the 04:00 deployment, unsaid
    from junquito_tui.core.notebook import Item
    from junquito_tui.core.notebook.snapshot import Snapshot
    from junquito_tui.ui.app import JunquitoApp
    from junquito_tui.ui.commands import EventProvider
    from junquito_tui.ui.screens.notebook import notebook_rows

    chronology = Chronology(load_dataset())
    starred = Snapshot.of(Item("event", e, starred=True) for e in ("rebels-killed-and-arrested", "raid-begins"))
    texts = [row.content.plain for row in notebook_rows(chronology, starred, None, [], "date")]
    assert any("15 Jan 2018, time not given · Pérez and five of his men shot dead" in text for text in texts)
    alone = Snapshot.of([Item("event", "rebels-killed-and-arrested", starred=True)])  # (no other of its day listed)
    assert any(
        "15 Jan 2018 · Pérez and five" in row.content.plain
        for row in notebook_rows(chronology, alone, None, [], "date")
    )
    app = JunquitoApp(chronology)
    async with app.run_test(size=(120, 40)):
        helps = {item_id: help_text for _, help_text, item_id in EventProvider(app.screen).items(chronology)}
    assert helps["rebels-killed-and-arrested"] == "event · 15 Jan 2018, time not given"
    assert helps["raid-begins"] == "event · ~04:00 VST 15 Jan 2018"
