"""The time axis core: calendar arithmetic, binning, zoom levels, ticks and compressed gaps."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from junquito_tui.core import axis
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import Event
from strategies import whens

EVENT = TypeAdapter(Event)


@pytest.fixture(scope="module")
def chronology() -> Chronology:
    return Chronology(load_dataset())


@given(st.dates())
def test_day_numbers_agree_with_datetime(day: dt.date) -> None:
    number = axis.days_from_civil(day.year, day.month, day.day)
    assert number == (day - dt.date(1970, 1, 1)).days
    assert axis.civil_from_days(number) == (day.year, day.month, day.day)


@given(st.integers(-(10**9), 10**9))
def test_days_round_trip_beyond_datetime(days: int) -> None:
    assert axis.days_from_civil(*axis.civil_from_days(days)) == days


def test_intervals_cover_the_stated_precision(chronology: Chronology) -> None:
    month = chronology.event("perez-brother-murdered").when
    minute = chronology.event("raid-begins").when
    assert month is not None and minute is not None
    start, end = axis.interval(month)
    assert (end - start) == 30 * axis.DAY  # June
    start, end = axis.interval(minute)
    assert end - start == 1 and start % axis.DAY == 4 * 60


@st.composite
def event_strategy(draw: st.DrawFn) -> Event:
    return EVENT.validate_python({"id": f"e{draw(st.integers(0, 10**6))}", "title": "t", "when": draw(whens())})


@settings(max_examples=150, deadline=None)
@given(st.lists(event_strategy(), min_size=1, max_size=40), st.integers(20, 200), st.integers(0, 7))
def test_binning_ticks_and_gaps_properties(events: list[Event], width: int, level: int) -> None:
    layer = axis.Layer.of(events)
    extent = layer.extent
    assert extent is not None
    levels = axis.zoom_levels(extent)
    zoom = levels[min(level, len(levels) - 1)]
    centre = sum(axis.interval(events[0].when)) / 2  # type: ignore[arg-type]
    built = axis.build(width, layer, zoom, centre)
    assert built is not None
    # columns tile the width, in time order, and compressing gaps never reorders anything
    assert built.segments[0].x0 == 0 and built.segments[-1].x1 == width
    for a, b in itertools.pairwise(built.segments):
        assert a.x1 == b.x0 and a.t1 == b.t0
    # ticks are increasing and inside the span
    columns = [t.column for t in built.ticks]
    assert columns == sorted(columns) and len(set(columns)) == len(columns)
    assert all(t.column >= 0 and t.column + len(t.label) <= width for t in built.ticks)
    # at the whole span, every event drawn as a point lands in exactly one bin
    if zoom[1] is None:
        spans = sum(built.bins.spans) > 0
        points = sum(built.bins.points)
        assert all(group.starts == sorted(group.starts) for group in layer.groups.values())
        if not spans:
            assert points == len(events)
        positions = [built.column_of(s) for g in layer.groups.values() for s in g.starts]
        assert all(p is not None and 0 <= p < width for p in positions)
        assert positions_monotonic(layer, built)


def positions_monotonic(layer: axis.Layer, built: axis.Axis) -> bool:
    starts = sorted(s for g in layer.groups.values() for s in g.starts)
    columns = [built.column_of(s) for s in starts]
    return all(a is not None and b is not None and a <= b for a, b in itertools.pairwise(columns))


def test_whole_span_compresses_the_quiet_months(chronology: Chronology) -> None:
    layer = axis.Layer.of(chronology.events)
    built = axis.build(100, layer, ("whole span", None), None)
    assert built is not None
    gaps = [axis.gap_label(s.t1 - s.t0) for s in built.segments if s.compressed]
    assert gaps == ["6 mo", "4 wk"]  # July to mid-December 2017, then to the raid
    raid_day = axis.days_from_civil(2018, 1, 15) * axis.DAY
    assert built.column_of(raid_day) is not None
    assert {t.label for t in built.ticks} >= {"Jun 2017", "18 Dec", "15 Jan"}


def test_the_raid_day_resolves_to_hours(chronology: Chronology) -> None:
    layer = axis.Layer.of(chronology.events)
    levels = dict(axis.zoom_levels(layer.extent))  # type: ignore[arg-type]
    assert list(levels) == ["whole span", "3 months", "1 month", "1 week", "1 day", "8 hours", "2 hours"]
    firefight = chronology.event("firefight").when
    assert firefight is not None
    built = axis.build(100, layer, ("1 day", levels["1 day"]), sum(axis.interval(firefight)) / 2)
    assert built is not None
    day = axis.days_from_civil(2018, 1, 15) * axis.DAY
    times = [4 * 60, 6 * 60 + 45, 8 * 60 + 30, 9 * 60 + 7, 11 * 60 + 45, 12 * 60]
    columns = [built.column_of(day + t) for t in times]
    assert None not in columns and len(set(columns)) == len(times)  # all six apart
    assert all(built.bins.points[c] >= 1 for c in columns if c is not None)
    assert any(t.label in ("06:00", "12:00") for t in built.ticks)


def test_a_filter_keeps_the_context(chronology: Chronology) -> None:
    matching = [e for e in chronology.events if "video" in e.title.lower()]
    built = axis.build(80, axis.Layer.of(matching), ("whole span", None), None, axis.Layer.of(chronology.events))
    assert built is not None and built.context is not None
    assert sum(built.bins.points) < sum(built.context.points)
    assert all(m <= c for m, c in zip(built.bins.points, built.context.points, strict=True))


def test_bce_and_cosmological_years_are_placed_and_labelled() -> None:
    events = [
        EVENT.validate_python({"id": "a", "title": "a", "when": {"date": "-13800000000", "precision": "year"}}),
        EVENT.validate_python({"id": "b", "title": "b", "when": {"date": "-500", "precision": "year"}}),
        EVENT.validate_python({"id": "c", "title": "c", "when": {"date": "2018", "precision": "year"}}),
    ]
    built = axis.build(60, axis.Layer.of(events), ("whole span", None), None)
    assert built is not None
    columns = [built.column_of(axis.interval(e.when)[0]) for e in events]  # type: ignore[arg-type]
    assert columns == sorted(columns)
    gaps = [axis.gap_label(s.t1 - s.t0) for s in built.segments if s.compressed]
    assert gaps and all(g.endswith(" y") for g in gaps)  # billions of years, compressed and labelled
