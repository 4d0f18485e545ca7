"""Whole-dataset rules: every problem reported with its JSON path and a readable message."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.model import DATASET
from junquito_tui.core.order_dates import by_day
from junquito_tui.core.records import Precision, When


def problems(data: dict[str, Any]) -> list[str]:
    return [f"{p.path}: {p.message}" for p in check_integrity(DATASET.validate_python(data))]


def test_minimal_is_sound(minimal: dict[str, Any]) -> None:
    assert problems(minimal) == []


def test_duplicate_id_names_the_first_use(minimal: dict[str, Any]) -> None:
    minimal["actors"].append({"id": "group", "name": "Again", "kind": "group"})
    assert problems(minimal) == ["actors[2].id: duplicate id 'group' (first used at actors[1])"]


def test_unknown_actor_suggests_the_closest(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["actors"][0]["actor"] = "oscar-peres"
    assert problems(minimal) == ["events[0].actors[0].actor: unknown actor 'oscar-peres' (did you mean 'oscar-perez'?)"]


def test_every_reference_kind_is_checked(minimal: dict[str, Any]) -> None:
    minimal["events"][1]["sources"] = ["nowhere"]
    minimal["events"][1]["claims"][0]["by"] = ["ghost"]
    minimal["quotes"][0]["event"] = "third"
    minimal["quotes"][0]["speaker"] = "nobody"
    minimal["actors"][1]["relations"][0]["target"] = "stranger"
    found = problems(minimal)
    assert [p.split(":")[0] for p in found] == [
        "actors[1].relations[0].target",
        "events[1].sources[0]",
        "events[1].claims[0].by[0]",
        "quotes[0].speaker",
        "quotes[0].event",
    ]
    assert "unknown source 'nowhere'" in found[1]


def test_anchor_cycle_is_reported(minimal: dict[str, Any]) -> None:
    minimal["events"].append({"id": "a", "title": "A", "after": "b"})
    minimal["events"].append({"id": "b", "title": "B", "after": "a"})
    assert any("cycle" in p for p in problems(minimal))


def test_anchor_must_agree_with_dates(minimal: dict[str, Any]) -> None:
    minimal["events"][0]["after"] = "second"  # June 2017 cannot come after 15 January 2018
    assert problems(minimal) == [
        "events[0].after: dated 2017-06, it cannot come after 'second' (2018-01-15T04:00-04:00)"
        ", even allowing a month either side of an approximate date"
    ]


def test_self_relation_is_rejected(minimal: dict[str, Any]) -> None:
    minimal["actors"][1]["relations"][0]["target"] = "group"
    assert problems(minimal) == ["actors[1].relations[0].target: an actor cannot be related to itself"]


def _undated(event_id: str, **order: str) -> dict[str, Any]:
    return {"id": event_id, "title": event_id.upper(), **order}


def test_after_and_before_the_same_event_is_a_cycle(minimal: dict[str, Any]) -> None:
    minimal["events"].append(_undated("e1", after="first", before="first"))
    assert problems(minimal) == [
        "events[2].after: the order of events forms a cycle ('e1' after 'first', 'e1' before 'first'): "
        "no event can come first"
    ]


def test_mixed_three_cycle_is_one_problem(minimal: dict[str, Any]) -> None:
    """a after b, c before b, a before c: a, then c, then b, then a again."""
    minimal["events"] += [_undated("a", after="b", before="c"), _undated("b", after="first"), _undated("c", before="b")]
    assert problems(minimal) == [
        "events[2].after: the order of events forms a cycle ('a' after 'b', 'a' before 'c', 'c' before 'b'): "
        "no event can come first"
    ]


def test_two_separate_cycles_are_two_problems(minimal: dict[str, Any]) -> None:
    minimal["events"] += [_undated("a", after="b"), _undated("b", after="a")]
    minimal["events"] += [_undated("c", before="d"), _undated("d", before="c")]
    assert [p.split(":")[0] for p in problems(minimal)] == ["events[2].after", "events[4].before"]


def test_undated_events_ordered_only_among_themselves_cannot_be_placed(minimal: dict[str, Any]) -> None:
    """'e1.after = e2, e2.before = e1' state one order twice (no cycle), but neither has a date."""
    minimal["events"] += [_undated("e1", after="e2"), _undated("e2", before="e1")]
    assert [p.split(":")[0] for p in problems(minimal)] == ["events[2].after", "events[3].before"]
    assert "nothing ties it to a date" in problems(minimal)[0]
    minimal["events"][3]["after"] = "first"  # tie one to a date: both can be placed
    assert problems(minimal) == []


def test_dates_must_agree_through_undated_events(minimal: dict[str, Any]) -> None:
    """June 2017 cannot come after an undated event that comes after 15 January 2018."""
    minimal["events"].append(_undated("between", after="second"))
    minimal["events"][0]["after"] = "between"
    assert problems(minimal) == [
        "events[0].after: through 'between', this order puts 'first' (2017-06) after 'second' "
        "(2018-01-15T04:00-04:00), which is later"
        ", even allowing a month either side of an approximate date"
    ]


@pytest.mark.parametrize(
    ("approximate", "exact", "refused"),
    [
        ({"date": "2018-01-15T04:30", "precision": "minute"}, "2018-01-15T04:10", None),  # the review's three
        ({"date": "2017-06", "precision": "month"}, "2017-05-30", None),
        ({"date": "2017", "precision": "year"}, "2016-12-30", None),
        ({"date": "2018-01-15T04:30", "precision": "minute"}, "2018-01-15T03:10", "an hour"),
        ({"date": "2017-06", "precision": "month"}, "2017-04-30", "a month"),
        ({"date": "2017", "precision": "year"}, "2015-12-31", "a year"),
        ({"date": "2018-01-15", "precision": "day"}, "2018-01-08", None),
        ({"date": "2018-01-15", "precision": "day"}, "2018-01-07", "a week"),
        ({"date": "-0044-03-15", "precision": "day"}, "-0044-02-01", None),  # BCE: its month's margin
        ({"date": "-0044-03-15", "precision": "day"}, "-0044-01-31", "a month"),
    ],
)
def test_an_approximate_date_is_checked_with_a_margin_the_message_states(
    minimal: dict[str, Any], approximate: dict[str, Any], exact: str, refused: str | None
) -> None:
    # '04:10, after around 04:30' was refused as a contradiction: a true file could not be opened
    precision = "minute" if "T" in exact else "day"
    zone = {"utc_offset": "-04:00"} if precision == "minute" else {}
    minimal["events"][0]["when"] = {**approximate, **zone, "approximate": True}
    minimal["events"][1]["when"] = {"date": exact, "precision": precision, **zone}
    minimal["events"][1]["after"] = "first"
    found = problems(minimal)
    if refused is None:
        assert found == []
    else:
        (problem,) = found
        assert problem.endswith(f"even allowing {refused} either side of an approximate date")
    minimal["events"][0]["when"]["approximate"] = False  # stated exactly, any of them contradicts the order
    (exact_problem,) = problems(minimal)
    assert "cannot come after 'first'" in exact_problem and "allowing" not in exact_problem


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.integers(-20, 20))
def test_an_approximate_day_has_a_week_either_side(day: dt.date, shift: int) -> None:
    # the oracle: calendar arithmetic on the days themselves
    approximate = When(date=day.isoformat(), precision=Precision.DAY, approximate=True)
    try:
        other = day + dt.timedelta(days=shift)
    except OverflowError:
        return
    start, end = by_day(approximate)
    other_start = When(date=other.isoformat(), precision=Precision.DAY).sort_key()
    if 8 <= day.toordinal() <= dt.date.max.toordinal() - 7:
        assert (other_start < start) == (shift < -7) and (other_start > end) == (shift > 7)


def test_exact_dates_still_conflict_through_an_approximate_one(minimal: dict[str, Any]) -> None:
    # first (around June 2017) after 'around 2018', which is after second (15 January 2018)
    minimal["events"].append({"id": "between", "title": "B", "when": {"date": "2018", "precision": "year"}})
    minimal["events"][-1]["when"]["approximate"] = True
    minimal["events"][-1]["after"] = "second"
    minimal["events"][0]["after"] = "between"
    assert problems(minimal) == [
        "events[0].after: through 'between', this order puts 'first' (2017-06) after 'second' "
        "(2018-01-15T04:00-04:00), which is later"
        ", even allowing a month either side of an approximate date"
    ]


def test_a_direct_before_that_contradicts_the_dates(minimal: dict[str, Any]) -> None:
    minimal["events"][1]["before"] = "first"
    assert problems(minimal) == [
        "events[1].before: dated 2018-01-15T04:00-04:00, it cannot come before 'first' (2017-06)"
        ", even allowing a month either side of an approximate date"
    ]


def test_reading_positions_are_checked_like_orders(minimal: dict[str, Any]) -> None:
    minimal["events"].append(_undated("shown", shown_after="ghost"))
    assert problems(minimal) == ["events[2].shown_after: unknown event 'ghost'"]
    minimal["events"][2]["shown_after"] = "shown"
    assert problems(minimal) == ["events[2].shown_after: an event cannot be placed relative to itself"]


def test_second_hand_sources_are_cited_through_their_source(minimal: dict[str, Any]) -> None:
    minimal["sources"].append({"id": "report", "title": "A report", "kind": "investigation", "cited_in": "article"})
    claim = minimal["events"][1]["claims"][0]
    claim["cited"] = ["report"]
    assert problems(minimal) == []
    minimal["events"][1]["sources"] = ["report"]  # the report alone, as if it had been read
    claim["cited"] = ["article"]  # the article is not cited in itself
    assert problems(minimal) == [
        "events[1].sources[0]: 'report' is known only through 'article' (its cited_in), which this event does not cite",
        "events[1].claims[0].cited[0]: 'article' must be a source cited in 'article': set its cited_in",
    ]


def test_sources_cited_in_each_other_are_a_loop(minimal: dict[str, Any]) -> None:
    minimal["sources"][0]["cited_in"] = "report"
    minimal["sources"].append({"id": "report", "title": "A report", "kind": "investigation", "cited_in": "article"})
    assert problems(minimal) == ["sources[0].cited_in: sources cite each other in a loop (article → report → article)"]
    minimal["sources"][1]["cited_in"] = "nowhere"
    assert problems(minimal)[0].startswith("sources[1].cited_in: unknown source 'nowhere'")
