"""The dataset cache in the explorer: written once the interface is up, read on the next open."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL, wait_for
from junquito_tui.core import cache, cached_load
from junquito_tui.core.chronology import Chronology
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.explorer import ExplorerScreen


@pytest.fixture(autouse=True)
def _cache_every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests cache small files, whatever the threshold (``MIN_BYTES``) is."""
    monkeypatch.setattr(cached_load, "MIN_BYTES", 0)


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def entries() -> list[Path]:
    return list(cache.cache_dir().glob("*.jqc"))


async def test_the_explorer_writes_the_entry_once_up_and_reopens_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    app = JunquitoApp(load=(path, 10**9), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        await pilot.pause(0.2)
    assert entries() == [], "--no-cache: nothing written"
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen) and bool(entries()))

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("loaded from the file, not the cache")

    monkeypatch.setattr(cached_load, "load_with_report", refuse)
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        assert app.chronology is not None and app.chronology.dataset.title == MINIMAL["title"]


async def test_a_small_dataset_is_cached_after_the_first_frame(tmp_path: Path) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    loaded, save = cached_load.load_cached(path)
    assert save is not None
    app = JunquitoApp(Chronology(loaded.dataset), save=save)
    assert save.written is None
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: save.written is not None)
    assert cached_load.load_cached(path)[1] is None


async def test_a_reopen_in_the_explorer_takes_order_placement_and_rows_from_the_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from junquito_tui.core import axis, chronology
    from junquito_tui.core.timeline_rows import build_rows
    from junquito_tui.ui.widgets import timeline
    from junquito_tui.ui.widgets.time_axis import TimeAxis

    path = write_json(tmp_path / "data.json", MINIMAL)
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen) and bool(entries()))
        first = app.chronology
    assert first is not None

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("computed again on a reopen")

    place = axis.Placement.__init__

    def placed_only_if_empty(self: axis.Placement, events: list[Any], *args: Any) -> None:
        assert not events, "placed again on a reopen"  # the axis starts with an empty placement
        place(self, events, *args)

    def rows_only_if_empty(events: list[Any]) -> Any:
        assert not events, "timeline rows built again on a reopen"  # the timeline starts with none
        return build_rows(events)

    monkeypatch.setattr(chronology, "order_events", refuse)
    monkeypatch.setattr(axis.Placement, "__init__", placed_only_if_empty)
    monkeypatch.setattr(chronology, "build_rows", refuse)
    monkeypatch.setattr(timeline, "build_rows", rows_only_if_empty)
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        await pilot.pause()
        assert app.chronology is not None
        assert [e.id for e in app.chronology.events] == [e.id for e in first.events]
        placement = app.screen.query_one(TimeAxis)._placement
        assert (
            placement is not None
            and placement.position is app.chronology.position
            and len(placement.start) == len(first.events)
        )
        assert "Second event" in "".join(app.screen.query_one(timeline.Timeline).render_line(y).text for y in range(6))
