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
