"""The time axis core: calendar arithmetic, placement, binning, zoom levels, ticks and compressed gaps.

The drawing is checked against a brute-force oracle over generated small chronologies:
every column's minutes are read from the layout, every event's period is compared with
every column, and what the strip draws must be what the legend promises.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from conftest import known
from junquito_tui.core import axis
from junquito_tui.core.axis_draw import draw
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.records import Event, Precision

EVENT = TypeAdapter(Event)
FIXTURES = Path(__file__).parents[1] / "data" / "axis"
DAY = axis.DAY


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
    assert (end - start) == 30 * DAY  # June
    start, end = axis.interval(minute)
    assert end - start == 1 and start % DAY == 4 * 60


# -- generated small chronologies ---------------------------------------------------------------
CUT = {"year": 1, "month": 2, "day": 3, "minute": 5}


def when_at(t: int, precision: str, approximate: bool) -> dict[str, Any]:
    """A `when` for minute ``t``, cut to ``precision`` (any year, BCE included)."""
    year, month, day = axis.civil_from_days(t // DAY)
    minute = t % DAY
    parts = [f"{year}", f"{month:02d}", f"{day:02d}"][: min(CUT[precision], 3)]
    date = "-".join(parts) + (f"T{minute // 60:02d}:{minute % 60:02d}" if precision == "minute" else "")
    when: dict[str, Any] = {"date": date, "precision": precision, "approximate": approximate}
    if precision == "minute":
        when["utc_offset"] = "-04:00"
    return when


PRECISIONS = st.sampled_from(["year", "month", "day", "minute"])
SPREADS = {"same day": DAY, "same month": 28 * DAY, "same decade": 3650 * DAY, "far apart": 10**5 * 365 * DAY}


@st.composite
def small_chronologies(draw_: st.DrawFn) -> list[Event]:
    """1-5 events near a base time (the same day, month, decade, or far apart), any precision,
    approximate or not, with or without an end, BCE years included, sometimes one undated event."""
    base_year = draw_(st.sampled_from([-3000, -499, 0, 1, 1066, 2018, 2020]))
    base = axis.days_from_civil(base_year, draw_(st.integers(1, 12)), draw_(st.integers(1, 28))) * DAY
    spread = SPREADS[draw_(st.sampled_from(list(SPREADS)))]
    events = []
    for index in range(draw_(st.integers(1, 5))):
        t = base + draw_(st.integers(0, spread - 1))
        event: dict[str, Any] = {"id": f"e{index}", "title": f"Event {index}"}
        event["when"] = when_at(t, draw_(PRECISIONS), draw_(st.booleans()))
        if draw_(st.booleans()) and draw_(st.booleans()):  # a quarter of them end later
            later = t + draw_(st.sampled_from([0, 1, 90, DAY, 40 * DAY, 800 * DAY]))
            event["end"] = when_at(later, draw_(PRECISIONS), False)
            if event["end"]["precision"] == "month" and event["when"]["precision"] in ("day", "minute"):
                del event["end"]  # When.end_key reads a missing day as 13: a later day's end month is refused
        events.append(EVENT.validate_python(event))
    if draw_(st.booleans()) and draw_(st.booleans()):
        events.append(EVENT.validate_python({"id": "undated", "title": "Undated", "after": "e0"}))
    return events


def columns(built: axis.Axis) -> dict[int, tuple[int, int]]:
    """Column -> the minutes [a, b) it shows, read from the layout (compressed gaps show none)."""
    out = {}
    for segment in built.segments:
        if not segment.compressed:
            edges = segment.edges
            for i in range(segment.columns):
                out[segment.x0 + i] = (edges[i], edges[i + 1])
    return out


def period(event: Event) -> tuple[int, int]:
    assert event.when is not None
    return axis.interval(event.when, event.end)


def expected_glyph(within: list[Event], overlapping: list[Event]) -> str:
    """What the legend promises for a column, from the events whose period lies in it or overlaps it."""
    times = [e for e in within if e.when is not None and e.when.precision is Precision.MINUTE]
    if any(e.when is not None and not e.when.approximate for e in times):
        return "◆"
    if times:
        return "◇"
    if overlapping and all(
        e.when is not None and e.when.approximate and e.when.precision != "minute" for e in overlapping
    ):
        return "┄"  # only approximate dates: drawn as exact, they looked as sure as any (a UI trial)
    return "─" if overlapping else " "


@settings(max_examples=200, deadline=None)
@given(small_chronologies(), st.sampled_from([10, 24, 37, 60, 100, 157]), st.data())
@example(
    [
        EVENT.validate_python({"id": "a", "title": "a", "when": when_at(26388555, "minute", False)}),
        EVENT.validate_python({"id": "b", "title": "b", "when": when_at(26388940, "minute", False)}),
    ],
    60,
    None,
).via("the two clock times of tests/data/axis/two-times-one-day.json")
def test_what_is_drawn_is_what_the_legend_promises(events: list[Event], width: int, data: Any) -> None:
    dated = [e for e in events if e.when is not None]
    layer = axis.Layer.of(events)
    extent = layer.extent
    assert extent == (min(period(e)[0] for e in dated), max(period(e)[1] for e in dated))
    chosen = data.draw(st.sampled_from([None, *events]), label="selected") if data is not None else None
    selected = period(chosen) if chosen is not None and chosen.when is not None else None
    for zoom in axis.zoom_levels(extent, width):
        built = axis.build(width, layer, zoom, selected)
        assert built is not None
        check_layout(built, width)
        check_ticks(built)
        check_drawing(built, dated, selected)


def check_layout(built: axis.Axis, width: int) -> None:
    assert built.segments[0].x0 == 0 and built.segments[-1].x1 == width
    for a, b in itertools.pairwise(built.segments):
        assert a.x1 == b.x0 and a.t1 == b.t0  # in time order, tiling the width
    for segment in built.segments:
        if not segment.compressed:  # never less than a minute a column
            assert all(a < b for a, b in itertools.pairwise(segment.edges))


def check_ticks(built: axis.Axis) -> None:
    """Each label starts at its mark (the column holding the boundary it names); none overlap or run off."""
    assert all(tick.text == "╵" + tick.label for tick in built.ticks)
    shown = columns(built)
    free_from = 0
    for tick in built.ticks:
        a, b = shown[tick.column]
        assert a <= tick.time < b, (tick, a, b)
        assert tick.column >= free_from and tick.column + len(tick.text) <= built.width
        free_from = tick.column + len(tick.text) + 1


def covered_by(built: axis.Axis, selected: tuple[int, int] | None) -> list[int]:
    """The columns the selected period overlaps (brute force over the layout)."""
    if selected is None:
        return []
    return [c for c, (a, b) in columns(built).items() if a < selected[1] and b > selected[0]]


def check_drawing(built: axis.Axis, dated: list[Event], selected: tuple[int, int] | None) -> None:
    top, bottom, glyphs, tick_row = ("".join(char for char, _ in row) for row in draw(built, selected))
    assert len(top) == len(bottom) == len(glyphs) == len(tick_row) == built.width
    for tick in built.ticks:
        assert tick_row[tick.column :].startswith("╵" + tick.label)
    for segment in built.segments:
        if segment.compressed:  # an empty stretch is labelled, never silently shortened
            assert axis.gap_label(segment.t1 - segment.t0) in glyphs[segment.x0 : segment.x1]
    covered = covered_by(built, selected)
    for column, (a, b) in columns(built).items():
        within = [e for e in dated if a <= period(e)[0] and period(e)[1] <= b]
        overlapping = [e for e in dated if period(e)[0] < b and period(e)[1] > a]
        assert built.bins.points[column] == len(within)  # each event lying in a column is counted there
        assert built.bins.spans[column] == len(overlapping) - len(within)  # the rest are spread
        assert (bottom[column] != " ") == bool(overlapping)  # every event visible over its whole period
        spread = len(overlapping) - len(within)  # darker where more periods overlap, under no bar
        if within:
            assert bottom[column] in "▁▂▃▄▅▆▇█"
        else:
            assert bottom[column] == (" " if not spread else "░" if spread == 1 else "▒")
        promised, drawn = expected_glyph(within, overlapping), glyphs[column]
        if column in covered:  # the selection is drawn over dates, never over a clock time's glyph
            assert drawn == promised if promised in "◆◇" and len(covered) > 1 else drawn in "▲├┤─┄", (column, glyphs)
        else:
            assert drawn == promised, (column, glyphs)
        if drawn in "◆◇":  # no day, month or year is ever drawn as a point
            assert any(e.when is not None and e.when.precision is Precision.MINUTE for e in within)
    check_selection(built, glyphs, selected)


def check_selection(built: axis.Axis, glyphs: str, selected: tuple[int, int] | None) -> None:
    covered = covered_by(built, selected)
    if selected is None or not covered:
        assert not set(glyphs) & set("▲├┤")
        return
    start, end = selected
    assert covered == list(range(covered[0], covered[-1] + 1))
    if any(a <= start and end <= b for a, b in columns(built).values()):  # it lies in one column
        assert glyphs.count("▲") == 1 and glyphs.index("▲") == covered[0] and not set(glyphs) & set("├┤")
        return
    assert "▲" not in glyphs  # a period longer than a column is never marked at a point
    first, last = covered[0], covered[-1]
    starts_here, ends_here = start >= built.window[0], end <= built.window[1]
    assert ("├" in glyphs) == (starts_here and glyphs[first] not in "◆◇")
    assert ("┤" in glyphs) == (ends_here and glyphs[last] not in "◆◇")
    assert glyphs.find("├") in (-1, first) and glyphs.find("┤") in (-1, last)


# -- the bundled chronology ---------------------------------------------------------------------
def test_whole_span_compresses_the_quiet_months(chronology: Chronology) -> None:
    layer = axis.Layer.of(chronology.events)
    built = axis.build(100, layer, ("whole span", None), None)
    assert built is not None
    gaps = [axis.gap_label(s.t1 - s.t0) for s in built.segments if s.compressed]
    assert gaps == ["6 mo", "4 wk"]  # July to mid-December 2017, then to the raid
    raid_day = axis.days_from_civil(2018, 1, 15) * DAY
    assert built.column_of(raid_day) is not None
    assert {t.label for t in built.ticks} >= {"Jun 2017", "18 Dec", "15 Jan 2018"}  # the year when it changes


def test_the_raid_day_resolves_to_hours(chronology: Chronology) -> None:
    layer = axis.Layer.of(chronology.events)
    levels = dict(axis.zoom_levels(known(layer.extent), 100))
    assert list(levels) == ["whole span", "3 months", "1 month", "1 week", "1 day", "8 hours", "2 hours"]
    built = axis.build(100, layer, ("1 day", levels["1 day"]), period(chronology.event("firefight")))
    assert built is not None
    day = axis.days_from_civil(2018, 1, 15) * DAY
    times = [4 * 60, 6 * 60 + 45, 8 * 60 + 30, 9 * 60 + 7, 11 * 60 + 45, 12 * 60]
    found = [built.column_of(day + t) for t in times]
    assert None not in found and len(set(found)) == len(times)  # all six apart
    assert all(built.bins.points[c] >= 1 and built.bins.approximate[c] >= 1 for c in found if c is not None)
    assert any(t.label in ("06:00", "12:00") for t in built.ticks)
    assert any("15 Jan 2018" in t.label for t in built.ticks)  # the day is named at an hour zoom


def test_day_precise_events_lie_in_one_column_where_a_column_holds_a_day(chronology: Chronology) -> None:
    """At the whole span a column of June 2017 is a day or two: its inner edges fall at midnight, so
    the three events of 27 June are counted in one bar rather than smeared over two columns."""
    built = axis.build(100, axis.Layer.of(chronology.events), ("whole span", None), None)
    assert built is not None
    june_27 = axis.days_from_civil(2017, 6, 27) * DAY
    column = built.column_of(june_27)
    assert column is not None and built.column_of(june_27 + DAY - 1) == column
    assert built.bins.points[column] == 3 and built.bins.times[column] == 0


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
    found = [known(built.column_of(period(e)[0])) for e in events]  # each placed (known: not None)
    assert found == sorted(set(found))  # in order, apart
    gaps = [axis.gap_label(s.t1 - s.t0) for s in built.segments if s.compressed]
    assert gaps == ["14 billion y"]  # compressed, labelled, and rounded as people say it


# -- zoom windows -------------------------------------------------------------------------------
def test_zoom_levels_never_show_less_than_a_minute_a_column() -> None:
    extent = (0, 30 * DAY)
    assert [label for label, _ in axis.zoom_levels(extent, 100)][-1] == "2 hours"
    assert [label for label, _ in axis.zoom_levels(extent, 200)][-1] == "8 hours"  # 2 hours: 0.6 min a column
    assert axis.window_for((500, 501), None, None, 80) == (461, 541)  # one clock time: 80 minutes around it


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**7), st.sampled_from([length for _, length in axis.ZOOMS]))
def test_a_zoom_window_never_suggests_a_time_inside_a_period(start: int, length: int, window: int) -> None:
    """A period that fits is shown whole; a longer one from its start, never centred on its middle."""
    lo, hi = axis.window_for((start, start + length), window, (start, start + length))
    assert hi - lo == window
    if length <= window:
        assert lo <= start and start + length <= hi
    else:
        assert lo < start < hi


# -- gap labels ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("minutes", "label"),
    [
        (45, "45 min"),
        (3 * 60, "3 h"),
        (2 * DAY + 600, "2 d"),
        (20 * DAY, "3 wk"),
        (92 * DAY, "3 mo"),
        (int(5.4 * 365.2425 * DAY), "5 y"),
        (int(136.4 * 365.2425 * DAY), "136 y"),
        (int(1234 * 365.2425 * DAY), "1,200 y"),
        (int(45_678 * 365.2425 * DAY), "46,000 y"),
        (int(999_999 * 365.2425 * DAY), "1 million y"),
        (int(9_199_811_087 * 365.2425 * DAY), "9.2 billion y"),
        (int(13.8e9 * 365.2425 * DAY), "14 billion y"),
    ],
)
def test_gap_labels_round_to_what_is_meaningful(minutes: int, label: str) -> None:
    assert axis.gap_label(minutes) == label


UNITS = {"min": 1, "h": 60, "d": DAY, "wk": 7 * DAY, "mo": 30.436875 * DAY, "y": 365.2425 * DAY}
WORDS = {"": 1, "million": 10**6, "billion": 10**9, "trillion": 10**12}


@given(st.integers(1, 10**18))
def test_gap_label_rounding_rule(minutes: int) -> None:
    """Whole units (within half a unit) up to a thousand years; then at most two significant digits
    (within 5%), in words past a million; never more than 14 characters."""
    label = axis.gap_label(minutes)
    match = re.fullmatch(r"([\d,]+(?:\.\d)?)(?: (million|billion|trillion))? (min|h|d|wk|mo|y)", label)
    assert match is not None, label
    number, word, unit = match.group(1).replace(",", ""), match.group(2) or "", match.group(3)
    value = float(number) * WORDS[word]
    true = minutes / UNITS[unit]
    if value < 1000:
        assert abs(value - true) <= 0.5 and "." not in number
    else:
        assert abs(value - true) <= 0.05 * true
        assert len(number.replace(".", "").strip("0")) <= 2  # two significant digits
    assert len(label) <= 14


# -- clicks -------------------------------------------------------------------------------------
@given(
    st.lists(st.tuples(st.integers(0, 2000), st.integers(1, 600)), max_size=12),
    st.integers(0, 2400),
    st.integers(1, 300),
)
def test_a_click_picks_what_is_drawn_under_it(raw: list[tuple[int, int]], a: int, length: int) -> None:
    """A bar's event if one lies in the column; else the shortest period spread over it; else the nearest start."""
    periods = sorted((start, start + size, key) for key, (start, size) in enumerate(raw))
    b = a + length
    chosen = axis.pick(periods, (a, b))
    if not periods:
        assert chosen is None
        return
    by_key = {key: (start, end) for start, end, key in periods}
    assert chosen is not None
    start, end = by_key[chosen]
    within = [p for p in periods if a <= p[0] and p[1] <= b]
    spread = [p for p in periods if p[0] < b and p[1] > a]
    middle = (a + b) / 2
    if within:
        assert a <= start and end <= b
        assert abs(start - middle) == min(abs(p[0] - middle) for p in within)
    elif spread:
        assert start < b and end > a and end - start == min(p[1] - p[0] for p in spread)
    else:
        assert abs(start - middle) == min(abs(p[0] - middle) for p in periods)


def test_an_event_straddling_the_window_start_is_spread_not_counted_in_the_first_column() -> None:
    # found by the property test above: with 15 Jan -3000 chosen, the one-month window starts at noon on
    # 1 Jan, and that day's event was counted as lying in the first column (a bar), not spread over it
    def dated(name: str, date: str, precision: str) -> Event:
        return EVENT.validate_python({"id": name, "title": name, "when": {"date": date, "precision": precision}})

    events = [dated("a", "-3000", "year"), dated("b", "-3000-01-16", "day"), dated("c", "-3000-01-01", "day")]
    layer = axis.Layer.of(events)
    selected = period(events[1])
    assert layer.extent is not None
    (month,) = [zoom for zoom in axis.zoom_levels(layer.extent, 10) if zoom[0] == "1 month"]
    built = axis.build(10, layer, month, selected)
    assert built is not None and built.window[0] == period(events[2])[0] + 720  # noon: c straddles it
    check_drawing(built, events, selected)
    assert built.bins.points[0] == 0 and built.bins.spans[0] == 2


def test_an_approximate_date_selected_is_drawn_dotted(chronology: Chronology) -> None:
    # before (a UI trial): ACLED's 'within a week or so' of 16 January was drawn ├──┤ over that day, as an exact one
    (around,) = [
        e for e in chronology.events if e.when is not None and e.when.approximate and e.when.precision == "month"
    ][:1]
    layer = axis.Layer.of(chronology.events)
    built = axis.build(100, layer, ("whole span", None), period(around))
    assert built is not None
    glyphs = "".join(char for char, _ in draw(built, period(around), rough=True)[2])
    exact = "".join(char for char, _ in draw(built, period(around))[2])
    assert "┄" in glyphs and glyphs.replace("┄", "─") == exact.replace("┄", "─")


def test_an_approximate_point_selected_is_drawn_hollow(chronology: Chronology) -> None:
    # before (a trial): 'around 08:30' selected was drawn ▲, as sure as an exact time
    around = next(
        e for e in chronology.events if e.when is not None and e.when.approximate and e.when.precision == "minute"
    )
    layer = axis.Layer.of(chronology.events)
    levels = dict(axis.zoom_levels(known(layer.extent), 100))
    built = axis.build(100, layer, ("1 day", levels["1 day"]), period(around))
    assert built is not None
    rough = "".join(char for char, _ in draw(built, period(around), rough=True)[2])
    exact = "".join(char for char, _ in draw(built, period(around))[2])
    assert rough.count("△") == 1 and "▲" not in rough
    assert exact.count("▲") == 1 and "△" not in exact and rough.index("△") == exact.index("▲")
