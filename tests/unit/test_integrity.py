"""Whole-dataset rules: every problem reported with its JSON path and a readable message."""

from __future__ import annotations

from typing import Any

from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.model import DATASET


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
    assert problems(minimal) == ["events[0].after: dated 2017-06, it cannot come after 'second' (2018-01-15T04:00)"]


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
        "(2018-01-15T04:00), which is later"
    ]


def test_a_direct_before_that_contradicts_the_dates(minimal: dict[str, Any]) -> None:
    minimal["events"][1]["before"] = "first"
    assert problems(minimal) == ["events[1].before: dated 2018-01-15T04:00, it cannot come before 'first' (2017-06)"]


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
