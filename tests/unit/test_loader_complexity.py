"""Opening a JSON dataset grows linearly with it, on the good path and on the every-problem path.

The importers and the order graph had doubling tests; the plain loader (read, parse, duplicate keys,
schema, references, anchors) had none. Work is counted in lines run (tests/operations.py), not timed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from junquito_tui.core.loader import DatasetError, load_with_report
from operations import growth


def document(size: int, typo: bool) -> dict[str, Any]:
    """``size`` events, each with an actor, a source, a quote and (every other one) an 'after' anchor;
    with ``typo`` every event misspells its precision and its actor (two problems an event)."""
    actors = [{"id": f"a{i}", "name": f"Actor {i}", "kind": "person"} for i in range(size // 10 + 1)]
    events: list[dict[str, Any]] = []
    for i in range(size):
        event: dict[str, Any] = {
            "id": f"e{i}",
            "title": f"Event {i}",
            "actors": [{"actor": f"a{i // 10}" + ("x" if typo else ""), "role": "r"}],
            "sources": ["s"],
        }
        if i % 2 and i > 0:
            event["after"] = f"e{i - 1}"
        else:
            event["when"] = {"date": f"{1900 + i % 100}-01-02", "precision": "daay" if typo else "day"}
        events.append(event)
    quotes = [{"id": f"q{i}", "text": f"Said {i}", "event": f"e{i}", "source": "s"} for i in range(0, size, 3)]
    return {
        "schema_version": 1,
        "title": "Grown",
        "timezone": "UTC",
        "sources": [{"id": "s", "title": "A source", "kind": "encyclopedia-article"}],
        "actors": actors,
        "events": events,
        "quotes": quotes,
    }


@pytest.mark.parametrize("typo", [False, True], ids=["valid", "every-problem"])
def test_loading_twice_the_events_is_twice_the_work(typo: bool, tmp_path: Path) -> None:
    files = {}
    for size in (500, 1_000):
        files[size] = tmp_path / f"{size}.json"
        files[size].write_text(json.dumps(document(size, typo)), encoding="utf-8")

    def load(size: int) -> None:
        try:
            load_with_report(files[size], thorough=True)
        except DatasetError as error:
            assert typo and len(error.problems) >= size  # every problem is reported, not the first ones
        else:
            assert not typo

    ratio = growth(load, 500)
    assert ratio < 2.3, ratio
