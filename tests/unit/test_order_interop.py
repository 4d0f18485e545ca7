"""The order of events through TimelineJS: where undated slides go, and what an import gives back."""

from __future__ import annotations

import json
from typing import Any

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import export_text
from junquito_tui.core.interop.timelinejs_import import from_timelinejs
from junquito_tui.core.loader import validate_document
from operations import growth

RESTORED = "a junquito-tui export's disputed"  # the certainty of a claim's event, kept (test_export_fidelity)


def chronology_of(minimal: dict[str, Any], *extra: dict[str, Any]) -> Chronology:
    minimal["events"] += list(extra)
    return Chronology(validate_document(minimal, "order.json"))


def slides_of(chronology: Chronology) -> dict[str, dict[str, Any]]:
    return {s["unique_id"]: s for s in json.loads(export_text(chronology, "timelinejs"))["events"]}


def round_trip(chronology: Chronology) -> tuple[Chronology, list[str]]:
    converted, warnings = from_timelinejs(json.loads(export_text(chronology, "timelinejs")), "back.json")
    return Chronology(validate_document(converted, "back.json")), warnings


def test_undated_events_take_the_date_they_are_shown_at_never_year_one(minimal: dict[str, Any]) -> None:
    """Chained undated events and orders stated from both ends used to export as year 0001."""
    chronology = chronology_of(
        minimal,
        {"id": "e1", "title": "E1", "after": "e2"},
        {"id": "e2", "title": "E2", "before": "e1", "after": "first"},
        {"id": "e3", "title": "E3", "shown_before": "second"},
    )
    slides = slides_of(chronology)
    assert slides["e2"]["start_date"] == slides["e1"]["start_date"] == {"year": "2017", "month": "6"}
    assert slides["e2"]["display_date"] == "Undated: after \u201cFirst event\u201d, before \u201cE1\u201d"
    assert slides["e3"]["start_date"]["year"] == "2017"  # shown just before 'second', after 'first'
    back, warnings = round_trip(chronology)
    assert [w for w in warnings if not w.startswith(RESTORED)] == []  # (minimal's alleged event: its accounts)
    assert [e.id for e in back.events] == [e.id for e in chronology.events]
    for event in chronology.events:
        again = back.event(event.id)
        assert (again.when is None) == (event.when is None)
        fields = ("after", "before", "shown_after", "shown_before", "order_note")
        assert [getattr(again, f) for f in fields] == [getattr(event, f) for f in fields]


def test_a_between_position_round_trips(minimal: dict[str, Any]) -> None:
    between = {"id": "mid", "title": "Mid", "after": "first", "before": "second", "order_note": "in between"}
    back, warnings = round_trip(chronology_of(minimal, between))
    assert (
        [w for w in warnings if not w.startswith(RESTORED)] == []
        and back.event("mid").after == "first"
        and back.event("mid").before == "second"
    )
    assert back.event("mid").order_note == "in between" and [e.id for e in back.events] == ["first", "mid", "second"]


def slide(unique_id: str, year: str, **order: Any) -> dict[str, Any]:
    return {"start_date": {"year": year}, "text": {"headline": unique_id}, "unique_id": unique_id, "junquito": order}


def convert(*slides: dict[str, Any]) -> tuple[Chronology, list[str]]:
    converted, warnings = from_timelinejs({"events": list(slides)}, "hand.json")
    return Chronology(validate_document(converted, "hand.json")), warnings


def test_an_imported_cycle_is_dropped_with_a_warning() -> None:
    chronology, warnings = convert(
        slide("a", "2000", undated=True, after="c"),
        slide("b", "2000", undated=True, after="a"),
        slide("c", "2000", undated=True, after="b"),
        slide("d", "2001", before="d"),
    )
    assert warnings == [  # what names no usable event first, then the cycle (one warning for it)
        "events[3].junquito: before 'd' leads back to this event; ignored",
        "events[0].junquito: after 'c' leads back to this event; ignored",
    ]
    assert chronology.event("b").after == "a" and chronology.event("c").after == "b"
    assert chronology.event("a").when is not None  # its anchor dropped, it keeps the file's date


def test_imported_orders_that_break_the_rules_are_dropped() -> None:
    chronology, warnings = convert(
        slide("early", "1990"),
        slide("late", "2020", before="early"),  # contradicts the dates
        slide("dated", "2000", shown_after="early"),  # a reading position on a dated slide
        slide("ghost", "2000", after="nobody"),
        slide("loose", "2000", undated=True, after="loose-too"),
        slide("loose-too", "2000", undated=True, before="loose"),  # ordered, but tied to no date
    )
    assert warnings == [
        "events: slides are not in date order; sorted by date, as TimelineJS shows them",
        "events[2].junquito: shown_after 'early' is a reading position, which only an undated slide without "
        "a stated order may have; ignored",
        "events[3].junquito: after 'nobody' is not an event of this file; ignored",
        "events[1].junquito: before 'early' contradicts the dates; ignored",
    ]
    assert chronology.event("loose").when is not None and chronology.event("loose").after == "loose-too"


def test_importing_a_long_chain_takes_linear_time() -> None:
    def document(size: int) -> dict[str, Any]:
        slides = [slide("e0", "2000")] + [
            slide(f"e{i}", "2000", undated=True, after=f"e{i - 1}") for i in range(1, size)
        ]
        return {"events": slides}

    documents = {size: document(size) for size in (2_000, 4_000)}
    converted, warnings = from_timelinejs(documents[2_000], "chain.json")
    assert warnings == [] and all("when" not in e for e in converted["events"][1:])
    ratio = growth(lambda size: from_timelinejs(documents[size], "chain.json"), 2_000)
    assert ratio < 2.5, f"doubling the chain multiplied the work by {ratio:.1f}"
