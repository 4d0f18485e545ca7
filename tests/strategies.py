"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from junquito_tui.core.text import CONTROL

YEARS = st.integers(-3000, 3000)
OFFSETS = st.sampled_from(["-04:00", "+00:00", "+05:30"])
NOTHING: st.SearchStrategy[str | None] = st.none()


@st.composite
def whens(
    draw: st.DrawFn,
    years: st.SearchStrategy[int] = YEARS,
    offsets: st.SearchStrategy[str] = OFFSETS,
    labels: st.SearchStrategy[str | None] = NOTHING,
    notes: st.SearchStrategy[str | None] = NOTHING,
    padded: bool = False,
) -> dict[str, Any]:
    """A valid `when` of any precision, BCE years included, sometimes approximate; a clock time's
    offset, its zone label and the date's note drawn from ``offsets``, ``labels``, ``notes``;
    ``padded``: years written with four digits at least ('-0475')."""
    precision = draw(st.sampled_from(["year", "month", "day", "minute"]))
    year = draw(years)
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    digits = (f"{year:04d}" if year >= 0 else f"-{-year:04d}") if padded else f"{year}"
    date = {
        "year": digits,
        "month": f"{digits}-{month:02d}",
        "day": f"{digits}-{month:02d}-{day:02d}",
        "minute": f"{digits}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}",
    }[precision]
    when: dict[str, Any] = {"date": date, "precision": precision, "approximate": draw(st.booleans())}
    if precision == "minute":
        when["utc_offset"] = draw(offsets)
        if (label := draw(labels)) is not None:
            when["zone_label"] = label
    if (note := draw(notes)) is not None:
        when["note"] = note
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


# Any text a one-line field takes: no controls, line breaks, Hangul fillers or noncharacters.
text = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)
    .map(lambda drawn: CONTROL.sub("", drawn))
    .filter(bool)
)
slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)


@st.composite
def valid_datasets(draw: st.DrawFn) -> dict[str, Any]:
    actor_ids = draw(st.lists(slug, min_size=1, max_size=5, unique=True))
    event_ids = draw(st.lists(slug, min_size=1, max_size=8, unique=True))
    actors = [
        {"id": a, "name": draw(text), "kind": draw(st.sampled_from(["person", "group", "country"]))} for a in actor_ids
    ]
    for actor in actors:
        if draw(st.booleans()):
            actor["profile"] = draw(text)
        if draw(st.booleans()):
            actor["side"] = draw(text)
    events = []
    for index, event_id in enumerate(event_ids):
        event: dict[str, Any] = {"id": event_id, "title": draw(text)}
        when = draw(st.none() | whens())
        if when is None and index > 0:
            event["after"] = event_ids[0]  # the first event is always dated
        elif when is None:
            when = {"date": "2018", "precision": "year"}
        if when is not None:
            event["when"] = when
        if draw(st.booleans()):
            event["summary"] = draw(text)
        event["actors"] = [
            {"actor": a, "role": draw(text)} for a in draw(st.lists(st.sampled_from(actor_ids), max_size=3))
        ]
        if draw(st.booleans()):
            event["certainty"] = "alleged"
            event["claims"] = [{"by": [draw(st.sampled_from(actor_ids))], "statement": draw(text)}]
        events.append(event)
    quotes = [
        {
            "id": f"q{i}",
            "text": draw(text),
            "event": draw(st.sampled_from(event_ids)),
            "speaker": draw(st.sampled_from([*actor_ids, None])),
            "source": "s",
        }
        for i in range(draw(st.integers(0, 4)))
    ]
    return {
        "schema_version": 1,
        "title": draw(text),
        "timezone": "UTC",
        "sources": [{"id": "s", "title": draw(text), "kind": "other"}],
        "actors": actors,
        "events": events,
        "quotes": quotes,
    }


@st.composite
def full_datasets(draw: st.DrawFn) -> dict[str, Any]:
    """``valid_datasets`` with the optional fields drawn too (tags, aliases, relations, ends, places,
    order notes, reading positions, '$schema', ...), each present or left to its default."""
    data = draw(valid_datasets())
    maybe = st.booleans()
    if draw(maybe):
        data["$schema"] = "https://example.org/schema.json"
    if draw(maybe):
        data["description"] = draw(text) + "\n" + draw(text)  # multi-line text may hold line breaks
    actor_ids = [a["id"] for a in data["actors"]]
    for actor in data["actors"]:
        if draw(maybe):
            actor["aliases"] = draw(st.lists(text, max_size=2))
        others = [a for a in actor_ids if a != actor["id"]]
        if draw(maybe) and others:
            actor["relations"] = [{"type": "ally-of", "target": draw(st.sampled_from(others))}]
    first = data["events"][0]
    for event in data["events"]:
        if draw(maybe):
            event["tags"] = draw(st.lists(slug, max_size=3))
        if draw(maybe):
            event["place"] = draw(text)
        if draw(maybe):
            event["sources"] = ["s"]
        if "after" in event and draw(maybe):
            event["order_note"] = draw(text)
        if "when" in event and event["when"]["precision"] == "year" and draw(maybe):
            event["end"] = {"date": event["when"]["date"], "precision": "year"}
        if "after" in event and event is not first and draw(maybe):  # a reading position instead
            del event["after"]
            event.pop("order_note", None)
            event["shown_after"] = first["id"]
    for quote in data["quotes"]:
        if draw(maybe):
            quote["context"] = draw(text)
    if draw(maybe):
        data["sources"][0] |= {"publisher": draw(text), "url": "https://example.org/a", "note": draw(text)}
    return data


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
