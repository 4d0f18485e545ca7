"""The time axis's placement is computed once, by whichever of the explorer's axis and the cache
writer asks first; the entry written keeps that very placement."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED
from junquito_tui.core import axis, cache, cached_load, placing
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset


def test_placed_once_whoever_asks_first(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[axis.Placement] = []
    real = axis.Placement

    def counted(*args: Any, **kwargs: Any) -> axis.Placement:
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(placing, "Placement", counted)
    chronology = Chronology(load_dataset(BUNDLED))
    found = placing.Placing(chronology.events, chronology.position)
    assert found.done is None
    got: list[axis.Placement] = []
    threads = [threading.Thread(target=lambda: got.append(found.get())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and all(placement is made[0] for placement in got) and found.done is made[0]
    fresh = axis.Placement(chronology.events)
    assert (made[0].start, made[0].end, made[0].group) == (fresh.start, fresh.end, fresh.group)


def test_only_a_large_dataset_waits_for_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    chronology = Chronology(load_dataset(BUNDLED))
    events = chronology.events
    assert not placing.Placing(events).worth_a_thread  # a few hundred: placed before the first frame
    monkeypatch.setattr(placing, "LATER_FROM", len(events))
    assert placing.Placing(events).worth_a_thread
    assert not placing.Placing(events, placement=axis.Placement(events)).worth_a_thread  # from the cache


def test_the_cache_entry_keeps_the_placement_the_axis_made(tmp_path: Path) -> None:
    path = Path(shutil.copy(BUNDLED, tmp_path / "events.json"))
    opened, save = cached_load.load_cached(path, folder=tmp_path / "cache")
    assert save is not None
    chronology = cached_load.ordered(opened)
    found = cached_load.placing(opened, chronology, save)
    assert found.done is None  # nothing placed yet: the writer will ask
    shown = found.get()  # the axis asks first
    save.run()
    hit = cache.read(cache.Key.of(path, ""), cache.file_digest(path), tmp_path / "cache")
    assert hit is not None and hit.arrangement is not None
    kept = hit.arrangement.placement(chronology.position)
    assert (kept.start, kept.end, kept.group, kept.zone) == (shown.start, shown.end, shown.group, shown.zone)


def test_a_file_opened_before_the_interface_shares_its_placement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file small enough to open before the interface: the axis and the cache writer use one placement
    (each computed its own, at the same time, for 20,000 events or more), and a reopen uses the entry's."""
    from junquito_tui import cli
    from junquito_tui.ui.app import JunquitoApp

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    apps: list[JunquitoApp] = []
    monkeypatch.setattr(JunquitoApp, "run", lambda app: apps.append(app))
    path = Path(shutil.copy(BUNDLED, tmp_path / "events.json"))
    assert cli.main(["--data", str(path)]) == 0
    first = apps[-1]
    assert first._placing is not None and first._placing.done is None and first._save is not None
    first._save.run()  # the writer asks first: the axis then finds it done
    assert first._placing.done is not None and first._save.written is not None
    assert cli.main(["--data", str(path)]) == 0
    again = apps[-1]
    assert again._save is None and again._placing is not None  # from the cache, placement and all
    kept, made = again._placing.done, first._placing.done
    assert kept is not None and (kept.start, kept.end, kept.group) == (made.start, made.end, made.group)
