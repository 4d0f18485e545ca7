"""The order of events: validation against a brute-force oracle, the chronology's order, and scale."""

from __future__ import annotations

import calendar
import datetime as dt
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology, event_order, order_events
from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET
from junquito_tui.core.order_graph import BEFORE_ALL, DateKey, Graph, edges_of, key_number, placement_keys
from junquito_tui.core.placement import Placement, order_facts, placement
from junquito_tui.core.records import DAY_END, Dataset
from operations import growth

# A few dates, some nested in others (a month, days in it, a clock time in one), so generated
# orders run into every kind of agreement and conflict with the dates.
DATES: list[dict[str, Any] | None] = [
    None,
    None,
    {"date": "2018-01", "precision": "month"},
    {"date": "2018-01-15", "precision": "day"},
    {"date": "2018-01-16", "precision": "day"},
    {"date": "2018-01-15T04:00", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2018-01-15T12:00", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2017", "precision": "year"},
    # clock times of two days in two zones whose instants run the other way (the 16th's is 17.5
    # hours earlier), and approximate dates, checked with their margins
    {"date": "2018-01-16T00:00", "precision": "minute", "utc_offset": "+14:00"},
    {"date": "2018-01-15T23:30", "precision": "minute", "utc_offset": "-04:00"},
    {"date": "2018-01-15T04:30", "precision": "minute", "utc_offset": "-04:00", "approximate": True},
    {"date": "2018-01-22", "precision": "day", "approximate": True},
    {"date": "2017-12", "precision": "month", "approximate": True},
]


def dataset(events: list[dict[str, Any]]) -> Dataset:
    return DATASET.validate_python({"schema_version": 1, "title": "T", "timezone": "UTC", "events": events})


@st.composite
def order_graphs(draw: st.DrawFn, dates: list[dict[str, Any] | None] = DATES) -> list[dict[str, Any]]:
    """1-7 events, each dated or not, with any stated orders and (undated only) reading positions
    the model allows, pointing anywhere but at themselves."""
    count = draw(st.integers(1, 7))
    events = []
    for me in range(count):
        others = [f"e{i}" for i in range(count) if i != me]
        when = draw(st.sampled_from(dates))
        event: dict[str, Any] = {"id": f"e{me}", "title": f"E{me}", "when": when}
        if others:
            for name in ("after", "before"):
                if draw(st.booleans()):
                    event[name] = draw(st.sampled_from(others))
            if when is None and "after" not in event and "before" not in event:
                event[draw(st.sampled_from(["shown_after", "shown_before"]))] = draw(st.sampled_from(others))
        if not {"after", "before", "shown_after", "shown_before"} & event.keys():
            event["when"] = when or {"date": "2018-01-15", "precision": "day"}  # a lone event needs a date
        events.append(event)
    return events


def edges(events: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """(earlier, later) pairs, straight from the field meanings (written apart from the code under test)."""
    number = {e["id"]: i for i, e in enumerate(events)}
    out = set()
    for i, event in enumerate(events):
        for name in ("after", "shown_after"):
            if name in event:
                out.add((number[event[name]], i))
        for name in ("before", "shown_before"):
            if name in event:
                out.add((i, number[event[name]]))
    return out


def reach(count: int, pairs: set[tuple[int, int]]) -> list[list[bool]]:
    """Floyd-Warshall transitive closure: reach[a][b] when a path leads from a to b."""
    closure = [[(a, b) in pairs for b in range(count)] for a in range(count)]
    for k in range(count):
        for a in range(count):
            if closure[a][k]:
                for b in range(count):
                    closure[a][b] = closure[a][b] or closure[k][b]
    return closure


def oracle(events: list[dict[str, Any]]) -> tuple[int, set[int]]:
    """(number of cycles to report: one per set of mutually reachable events, or 0; events whose place
    is wrong when there is no cycle: undated ones tied to no date, dated ones after a later one)."""
    count = len(events)
    closure = reach(count, edges(events))
    tangles = {frozenset(b for b in range(count) if closure[a][b] and closure[b][a]) for a in range(count)}
    cycles = sum(1 for t in tangles if len(t) > 1)
    if cycles:
        return cycles, set()
    whens = [e["when"] for e in events]
    wrong = set()
    for node, when in enumerate(whens):
        dated_around = [j for j in range(count) if whens[j] is not None and (closure[j][node] or closure[node][j])]
        if when is None and not dated_around:
            wrong.add(node)
        for j in range(count):
            earlier = whens[j]
            if when is not None and earlier is not None and closure[j][node] and _before(when, earlier):
                wrong.add(node)
    return 0, wrong


def _before(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """Whether ``later``'s period ends before ``earlier``'s begins, by calendar arithmetic: two clock
    times by their instants (an hour either side of an approximate one), else by days (a clock time
    its day; an approximate date a day, a week, a month or a year either side, by precision)."""
    if later["precision"] == earlier["precision"] == "minute":
        return _moment(later)[1] < _moment(earlier)[0]
    return _days(later)[1] < _days(earlier)[0]


def _moment(when: dict[str, Any]) -> tuple[dt.datetime, dt.datetime]:
    sign = -1 if when["utc_offset"][0] == "-" else 1
    hours, minutes = map(int, when["utc_offset"][1:].split(":"))
    zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    moment = dt.datetime.fromisoformat(when["date"]).replace(tzinfo=zone)
    margin = dt.timedelta(hours=1 if when.get("approximate") else 0)
    return moment - margin, moment + margin


def _days(when: dict[str, Any]) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in when["date"][:10].split("-")]
    year = parts[0]
    if len(parts) == 1:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if when.get("approximate"):
            first, last = dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)
        return first, last
    month = parts[1]
    if len(parts) == 2:
        if when.get("approximate"):
            low, high = (
                (year, month - 1) if month > 1 else (year - 1, 12),
                (year, month + 1) if month < 12 else (year + 1, 1),
            )
        else:
            low = high = (year, month)
        return dt.date(*low, 1), dt.date(*high, calendar.monthrange(*high)[1])
    day = dt.date(year, month, parts[2])
    reach = dt.timedelta(days=(1 if when["precision"] == "minute" else 7) if when.get("approximate") else 0)
    return day - reach, day + reach


def problems_of(events: list[dict[str, Any]]) -> list[str]:
    return [f"{p.path}: {p.message}" for p in check_integrity(dataset(events))]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order_graphs())
def test_validation_matches_the_brute_force_oracle(events: list[dict[str, Any]]) -> None:
    cycles, wrong = oracle(events)
    found = problems_of(events)
    if cycles:
        assert len(found) == cycles and all("cycle" in p for p in found), found
        return
    assert len(found) == len(wrong), (found, wrong)
    assert {int(p[len("events[") : p.index("]")]) for p in found} <= set(range(len(events)))
    assert not any("cycle" in p for p in found)


SAME_DAY: list[dict[str, Any] | None] = [{"date": "2018-01-15", "precision": "day"}]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order_graphs(SAME_DAY))
def test_validation_accepts_exactly_the_acyclic_orders(events: list[dict[str, Any]]) -> None:
    """With every event on one day, nothing but a cycle can be wrong."""
    closure = reach(len(events), edges(events))
    acyclic = not any(closure[a][a] for a in range(len(events)))
    assert (problems_of(events) == []) == acyclic


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order_graphs())
def test_the_chronology_keeps_every_order_and_every_date(events: list[dict[str, Any]]) -> None:
    data = dataset(events)
    if check_integrity(data):
        return  # only valid datasets are put in order
    chronology = Chronology(data)
    position = chronology.position
    for earlier, later in edges(events):
        assert position[f"e{earlier}"] < position[f"e{later}"], (earlier, later)
    closure = reach(len(events), edges(events))
    # an event the source orders may sit among later days' events (after '~22 January', the 15th
    # follows the 16th): only events no order moves are held to the dates alone
    ordered = [any(closure[n]) or any(row[n] for row in closure) for n in range(len(events))]
    dated = [int(e.id[1:]) for e in chronology.events if e.when is not None]
    for i, one in enumerate(dated):
        for other in dated[i + 1 :]:
            if closure[one][other]:  # the source's order, which validation checked (margins, instants)
                assert not _before(events[other]["when"], events[one]["when"])
            elif not ordered[one] and not ordered[other]:  # by the dates alone, each under its own day
                assert _days(events[other]["when"])[1] >= _days(events[one]["when"])[0]


def test_a_between_position_stated_by_the_source_is_kept() -> None:
    events: list[dict[str, Any]] = [
        {"id": "a", "title": "A", "when": {"date": "2018-01-15", "precision": "day"}},
        {"id": "c", "title": "C", "when": {"date": "2018-01-17", "precision": "day"}},
        {"id": "b", "title": "B", "after": "a", "before": "c", "order_note": "between them"},
        {"id": "z", "title": "Z", "when": {"date": "2018-01-16", "precision": "day"}},
    ]
    assert problems_of(events) == []
    assert [e.id for e in order_events(dataset(events).events)] == ["a", "b", "z", "c"]


def test_undated_days_open_their_day_and_stated_ones_follow_their_anchor() -> None:
    day = {"date": "2018-01-15", "precision": "day"}
    events: list[dict[str, Any]] = [
        {"id": "noon", "title": "Noon", "when": {"date": "2018-01-15T12:00", "precision": "minute", "utc_offset": "Z"}},
        {"id": "then", "title": "Then", "when": day, "after": "dawn"},
        {"id": "some-time", "title": "Some time", "when": day},
        {"id": "dawn", "title": "Dawn", "when": {"date": "2018-01-15T04:00", "precision": "minute", "utc_offset": "Z"}},
        {"id": "another-time", "title": "Another time", "when": day},
    ]
    events[0]["when"]["utc_offset"] = events[3]["when"]["utc_offset"] = "-04:00"
    order = [e.id for e in order_events(dataset(events).events)]
    assert order == ["some-time", "another-time", "dawn", "then", "noon"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"order_note": "then", "when": {"date": "2018", "precision": "year"}}, "'order_note' quotes the source's"),
        ({"shown_after": "b", "when": {"date": "2018", "precision": "year"}}, "a dated event is placed by its date"),
        ({"shown_after": "b", "after": "b"}, "needs no reading position"),
        ({"shown_after": "b", "shown_before": "c"}, "one reading position"),
        ({}, "an undated event needs"),
    ],
)
def test_the_model_keeps_orders_and_reading_positions_apart(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        dataset([{"id": "a", "title": "A", **extra}])


# -- scale: one pass, never one walk per event --------------------------------------------------------


def chain(length: int) -> Dataset:
    events: list[dict[str, Any]] = [{"id": "e0", "title": "E", "when": {"date": "2018", "precision": "year"}}]
    events += [{"id": f"e{i}", "title": "E", "after": f"e{i - 1}"} for i in range(1, length)]
    return dataset(events)


@pytest.mark.parametrize("work", [check_integrity, Chronology], ids=["integrity", "chronology"])
def test_a_long_after_chain_takes_linear_time(work: Any) -> None:
    """A 20,000-event 'after' chain took 21.6 s to check (every chain walked from every event)."""
    assert check_integrity(chain(2_000)) == []
    datasets = {size: chain(size) for size in (2_000, 4_000)}  # built outside the count
    ratio = growth(lambda size: work(datasets[size]), 2_000)
    assert ratio < 2.5, f"doubling the chain multiplied the work by {ratio:.1f}"


def ring(length: int) -> Dataset:
    events: list[dict[str, Any]] = [{"id": f"e{i}", "title": "E", "after": f"e{i - 1}"} for i in range(length)]
    events[0]["after"] = f"e{length - 1}"
    return dataset(events)


def test_a_long_cycle_is_one_problem_found_in_linear_time() -> None:
    found = check_integrity(ring(20_000))
    assert len(found) == 1 and found[0].path == "events[0].after" and "cycle" in found[0].message
    assert "'e0' after 'e19999'" in found[0].message and "(20,000 steps in all)" in found[0].message
    datasets = {size: ring(size) for size in (2_000, 4_000)}
    ratio = growth(lambda size: check_integrity(datasets[size]), 2_000)
    assert ratio < 2.5, f"doubling the cycle multiplied the work by {ratio:.1f}"


def test_pairwise_order_of_a_chain_is_its_file_order() -> None:
    ordered = order_events(chain(500).events)
    assert all(int(b.id[1:]) == int(a.id[1:]) + 1 for a, b in pairwise(ordered))


ORDER_FIXTURES = Path(__file__).parents[1] / "data" / "order"


def test_a_file_written_before_reading_positions_loads_with_its_orders_as_stated() -> None:
    """Old 'after'/'before' were documented as 'known to follow/precede': read as the source's order."""
    chronology = Chronology(load_dataset(ORDER_FIXTURES / "old-anchors.json"))
    assert [e.id for e in chronology.events] == ["plans", "launch", "landing", "walk"]
    walk = chronology.event("walk")
    assert placement(walk) is Placement.STATED and walk.order_note is None
    assert [f.words for f in order_facts(walk)] == ["This comes after:"]


def test_validate_reports_each_cycle_once_with_its_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ORDER_FIXTURES / "mixed-cycle.json")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[1:] == [
        "  events[1].after: the order of events forms a cycle ('e1' after 'e2', 'e1' before 'e2'): "
        "no event can come first",
        "  events[3].after: the order of events forms a cycle ('a' after 'b', 'c' after 'a', 'b' after 'c'): "
        "no event can come first",
    ]


_DATE_KEYS = st.tuples(
    st.integers(-(10**13), 10**13) | st.integers(-3, 3),  # any year, and neighbouring ones
    st.integers(0, 13),  # 0: no month given; 13: after every month (an end)
    st.integers(0, 32),
    st.integers(-1, DAY_END),
)


@given(_DATE_KEYS, _DATE_KEYS)
def test_key_numbers_keep_the_order_of_date_keys(one: DateKey, other: DateKey) -> None:
    numbers = key_number(one), key_number(other)
    assert (numbers[0] < numbers[1], numbers[0] == numbers[1]) == (one < other, one == other)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order_graphs())
def test_the_order_is_the_sort_of_the_placement_keys_themselves(events: list[dict[str, Any]]) -> None:
    """The oracle: each event's (date key, rank) as a tuple, sorted with its file position."""
    data = dataset(events)
    if check_integrity(data):
        return
    found = data.events
    graph = Graph(edges_of(found, {e.id: i for i, e in enumerate(found)}))
    starts = [e.when.sort_key() if e.when else None for e in found]
    keys = placement_keys(graph, {node: starts[node] for node in graph.nodes}, graph.topological()[0])
    expected = sorted(range(len(found)), key=lambda i: (keys.get(i) or (starts[i] or BEFORE_ALL, 0), i))
    assert event_order(found) == expected
