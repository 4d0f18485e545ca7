"""Timeline rows: a period's untimed events under a sub-heading, and what each row's place rests on."""

from __future__ import annotations

import dataclasses
from array import array
from itertools import groupby
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology, event_order
from junquito_tui.core.dates import CLOCK_WIDTH, day_label, gap, group_parts
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET
from junquito_tui.core.placement import Placement, placement, unordered_label
from junquito_tui.core.records import Event
from junquito_tui.core.timeline_rows import HEADING, RowIndex, _about, build_rows, time_cell

WHENS = [
    {"date": "2018", "precision": "year"},
    {"date": "2018-01", "precision": "month"},
    {"date": "2018-01-15", "precision": "day", "approximate": True},
    {"date": "2018-01-15", "precision": "day"},
    {"date": "2018-01-15T04:00", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2018-01-15T12:00", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2018-01-16", "precision": "day"},
]


def rendered(view: list[Event]) -> list[str]:
    rows = build_rows(view)
    out = []
    for row, position in enumerate(rows.positions):
        if position == HEADING:
            label, _ = rows.labels[row]
            out.append(f"  {label}" if row in rows.sub_headings else f"── {label}")
        else:
            out.append(f"{time_cell(view, position):<11} {view[position].id}")
    return out


def test_the_raid_day_opens_with_its_untimed_events_in_no_order() -> None:
    chronology = Chronology(load_dataset())
    lines = rendered(chronology.events)
    start = lines.index("── Monday 15 January 2018")
    assert lines[start + 1 : start + 10] == [
        "  15 Jan 2018, times not given, in no particular order:",
        "            raid-launched",
        "            perez-calls-former-boss",
        "            perez-attempts-surrender",
        "            alleged-executions",  # 'with' the surrender at noon: no order of its own
        "            rebels-killed-and-arrested",
        "            police-colectivo-losses",
        "            raid-disorganised",
        "~04:00 VST  raid-begins",
    ]
    assert "↳ after     perez-bloodied-video" in lines
    # undated, and only said to precede the launch: shown before the day, not on it
    assert lines[start - 1] == "↱ before    perez-location-discovered"
    assert lines.index("↳ after ↑+  perez-death-confirmed") > lines.index("~12:00 VST  raid-ends")
    # the flight 'Hours after' the video, and the gunfire 'While the helicopter was near': after the video too,
    # not after the flight (listed below it, its anchor named two rows up); each day approximate
    june = lines.index("── Tuesday 27 June 2017")
    assert lines[june + 2 : june + 5] == [
        "↳ after     rebel-video-released",
        "~↳ after    helicopter-flight",
        "~↳ after ↑2 gunfire-near-supreme-court",
    ]
    assert "not ordered public-outrage" in lines


@st.composite
def views(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(1, 8))
    events: list[dict[str, Any]] = []
    for number in range(count):
        event: dict[str, Any] = {"id": f"e{number}", "title": "E", "when": draw(st.sampled_from(WHENS))}
        if number and draw(st.booleans()):
            event["after"] = f"e{draw(st.integers(0, number - 1))}"
        events.append(event)
    data = DATASET.validate_python({"schema_version": 1, "title": "T", "timezone": "UTC", "events": events})
    return Chronology(data).events


def runs(view: list[Event]) -> list[list[Event]]:
    """Consecutive events of one period (a heading each; a period may come back after a stated order)."""
    out: list[list[Event]] = []
    for event in view:
        if out and group_parts(out[-1][-1].when) == group_parts(event.when):
            out[-1].append(event)
        else:
            out.append([event])
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(views())
def test_a_sub_heading_tops_exactly_the_untimed_events_that_open_a_busy_period(view: list[Event]) -> None:
    rows = build_rows(view)
    assert [p for p in rows.positions if p != HEADING] == list(range(len(view)))  # every event once, in order
    expected = {}
    for period in runs(view):
        opening = []
        for event in period:
            if event.when is not None and event.when.precision == "minute":
                break
            opening.append(event)
        if len(period) > 1 and opening and opening[0].when is not None:
            many = sum(e.after is None for e in opening) > 1
            expected[opening[0].id] = (len(opening), many)
    found = {}
    for row in rows.sub_headings:
        assert rows.positions[row - 1] == HEADING  # right under its period's heading
        label = rows.labels[row][0]
        found[view[rows.positions[row + 1]].id] = (label, label.endswith(", in no particular order:"))
    assert {k: v[1] for k, v in expected.items()} == {k: v[1] for k, v in found.items()}
    for event_id, (count, _) in expected.items():
        missing = found[event_id][0].split(", ")[1].split()[0]  # '15 Jan 2018, times not given...'
        assert missing in (("month", "day", "time") if count == 1 else ("months", "days", "times"))


_DAYS = [
    {"date": "2021-08-15", "precision": "day"},
    {"date": "2021-08-15", "precision": "day", "approximate": True},
    {"date": "2021-08-20", "precision": "day"},
    {"date": "2021-08-20", "precision": "day", "approximate": True},
    {"date": "2021-09-30", "precision": "day", "approximate": True},
    {"date": "2021-09-30T10:00", "precision": "minute", "utc_offset": "+00:00"},
    {"date": "2021-09-30T11:00", "precision": "minute", "utc_offset": "+00:00", "approximate": True},
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_DAYS), min_size=2, max_size=6))
def test_a_gap_to_or_from_a_day_known_only_approximately_says_about(whens: list[dict[str, Any]]) -> None:
    # before: 'Friday 20 August 2021 · 5 days later' under an ACLED date 'within a week or so of this day'
    events = [{"id": f"e{n}", "title": "E", "when": when} for n, when in enumerate(whens)]
    data = DATASET.validate_python({"schema_version": 1, "title": "T", "timezone": "UTC", "events": events})
    view = Chronology(data).events
    rows = build_rows(view)
    headings = [row for row, at in enumerate(rows.positions) if at == HEADING and row not in rows.sub_headings]
    periods = runs(view)
    assert len(headings) == len(periods)
    for heading, period in zip(headings, periods, strict=True):  # (a user trial: 'Wednesday 17 January 2018' over
        # a lone 'around 17 January' was more precise than the source)
        # (a day only about it, not an approximate clock time's, which knows its day: a re-trial)
        about = all(e.when is not None and e.when.approximate and e.when.precision != "minute" for e in period)
        assert rows.labels[heading][0].startswith("Around ") == about, (rows.labels[heading], period)
    for index in range(1, len(periods)):
        gap = rows.labels[headings[index]][1]
        exact = all(
            any(e.when is not None and not e.when.approximate for e in p) for p in periods[index - 1 : index + 1]
        )
        assert gap.endswith("later")
        assert gap.startswith("about ") != exact, (gap, [[e.when for e in p] for p in periods[index - 1 : index + 1]])


@st.composite
def shared_views(draw: st.DrawFn) -> list[Event]:
    """Views whose events share their ``When`` objects where equal (as a spreadsheet's do), some
    undated (shown next to another, or not), some ordered by the source."""
    count = draw(st.integers(1, 10))
    events: list[dict[str, Any]] = []
    for number in range(count):
        event: dict[str, Any] = {"id": f"e{number}", "title": "E"}
        when = draw(st.sampled_from([*WHENS, None])) if number else WHENS[0]  # undated: placed by an earlier one
        if when is not None:
            event["when"] = when
        if when is None or (number and draw(st.booleans())):
            key = "after" if when is not None else draw(st.sampled_from(["after", "shown_after"]))
            event[key] = f"e{draw(st.integers(0, number - 1))}"
        events.append(event)
    data = DATASET.validate_python({"schema_version": 1, "title": "T", "timezone": "UTC", "events": events})
    view = Chronology(data).events
    one: dict[Any, Any] = {}
    return [dataclasses.replace(event, when=one.setdefault(event.when, event.when)) for event in view]


def _rows_one_by_one(view: list[Event]) -> RowIndex:
    """``build_rows`` as it was written before it looked things up by C: an event at a time."""
    positions: array[int] = array("q")
    event_rows: array[int] = array("q")
    labels: dict[int, tuple[str, str]] = {}
    sub_headings: set[int] = set()
    starts: list[int] = []
    last_dated: tuple[int, ...] = ()
    last_exact, position = True, 0
    for parts, run in groupby(view, key=lambda e: group_parts(e.when)):
        span = list(run)
        leading: list[Event] = []
        for event in span if parts and len(span) > 1 else []:
            if placement(event) is Placement.CLOCK:
                break
            leading.append(event)
        unordered = sum(placement(e) is Placement.PERIOD for e in leading)
        untimed = unordered_label(parts, len(leading), unordered) if leading else ""
        exact = any(event.when is not None and not event.when.approximate for event in span)
        about = all(e.when is not None and e.when.approximate and e.when.precision != "minute" for e in span)
        label = (
            (f"Around {day_label(parts)}" if about else day_label(parts)) if parts else "Date not given in the source"
        )
        labels[len(positions)] = (label, _about(gap(last_dated, parts), exact and last_exact) if parts else "")
        positions.append(HEADING)
        starts.append(position)
        if parts:
            last_dated, last_exact = parts, exact
        if untimed:
            labels[len(positions)] = (untimed, "")
            sub_headings.add(len(positions))
            positions.append(HEADING)
        for _ in span:
            event_rows.append(len(positions))
            positions.append(position)
            position += 1
    return RowIndex(positions, labels, event_rows, starts, sub_headings)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shared_views())
def test_the_rows_and_the_order_are_the_same_whether_dates_are_shared_or_not(view: list[Event]) -> None:
    assert build_rows(view) == _rows_one_by_one(view)
    # each event with a When of its own: the same rows, and the same order of the events reversed
    own = [dataclasses.replace(e, when=None if e.when is None else dataclasses.replace(e.when)) for e in view]
    assert build_rows(own) == build_rows(view)
    assert event_order(own[::-1]) == event_order(view[::-1])


@given(views())
def test_oracle_a_stated_order_names_where_its_event_is(view: list[Event]) -> None:
    # before (a trial): '↳ after' under a row it does not follow read as following it
    for position, event in enumerate(view):
        cell = time_cell(view, position)
        assert len(cell) <= CLOCK_WIDTH
        if event.after is None or not cell.lstrip("~").startswith("↳"):
            continue
        above = [other.id for other in view[max(0, position - 9) : position]][::-1]  # nearest first
        shown = cell.rsplit(" ", 1)[-1]
        if shown == "after":
            assert above[:1] == [event.after]
        elif shown == "↑+":
            assert event.after not in above
        else:
            assert above.index(event.after) + 1 == int(shown.removeprefix("↑")) >= 2


def test_a_between_mark_fits_the_column_and_names_a_far_anchor_below() -> None:
    # a review: '~↕ between ↑2' was 13 characters in a 12-character column, and 'before' was never looked for
    day = {"date": "2020-01-15", "precision": "day", "approximate": True}
    events = [
        {"id": "a", "title": "A", "when": day},
        {"id": "x", "title": "X", "when": day},
        {"id": "b", "title": "B", "when": day, "after": "a", "before": "x"},
        {"id": "d", "title": "D", "when": day, "before": "x"},
    ]
    data = DATASET.validate_python({"schema_version": 1, "title": "T", "timezone": "UTC", "events": events})
    view = Chronology(data).events
    cells = {event.id: time_cell(view, position) for position, event in enumerate(view)}
    assert all(len(cell) <= CLOCK_WIDTH for cell in cells.values()), cells
    order = [event.id for event in view]
    a, b, x = order.index("a"), order.index("b"), order.index("x")
    expected = f"↑{b - a}" if b - a != 1 else f"↓{x - b}" if x - b != 1 else "between"  # the first not beside it
    assert cells["b"].endswith(expected), (order, cells)
    assert cells["d"].endswith(f"↓{x - order.index('d')}" if x - order.index("d") != 1 else "before")
