"""In the app, the cyclic collector never runs between a key and the frame that shows its result,
and still runs (garbage made by keys is collected once their frames are out)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.screen import Screen

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.collector import CollectorPolicy
from junquito_tui.core.loader import load_dataset
from junquito_tui.ui import app as app_module
from junquito_tui.ui.app import JunquitoApp


class Probe(JunquitoApp):
    """Writes down, in order, each key's arrival, each frame and each collection."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.log_of: list[str] = []
        self.arriving = False
        self.collector = LoggedPolicy(self)

    async def on_event(self, event: events.Event) -> None:
        self.arriving = isinstance(event, events.Key) and not event.is_forwarded  # it comes back when forwarded
        await super().on_event(event)

    def _display(self, screen: Screen[object], renderable: Any) -> None:
        if renderable is not None:
            self.log_of.append("frame")  # before: the frame is written first, then the policy runs
        super()._display(screen, renderable)


class LoggedPolicy(CollectorPolicy):
    """The app's policy, writing a key down where the app tells it of one: the hold starts there,
    and what the probe itself allocates before it is not the app's doing."""

    def __init__(self, probe: Probe) -> None:
        # A hold no frame ends within 0.25 s ends anyway (for keys that change nothing); a loaded
        # test machine can take that long over a key that does change something: not tested here.
        super().__init__(hold_limit=600.0)
        self.probe = probe

    def input(self) -> None:
        if self.probe.arriving:
            self.probe.arriving = False
            self.probe.log_of.append("key")
        super().input()


@pytest.fixture
def small_thresholds() -> Iterator[None]:
    """Collections every few dozen allocations: without the policy, nearly every key has one."""
    saved = gc.get_threshold()
    gc.set_threshold(50, 2, 2)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


async def test_no_collection_between_a_key_and_its_frame(small_thresholds: None) -> None:
    app = Probe(Chronology(load_dataset()))

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            app.log_of.append(f"gc{info['generation']}")

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        gc.callbacks.append(record)
        try:
            for key in ["down"] * 15 + ["pagedown", "pagedown", "end", "home", "tab", "down", "down", "tab"]:
                await pilot.press(key)
                await pilot.pause()
        finally:
            gc.callbacks.remove(record)
        log = app.log_of
    windows: list[list[str]] = []
    for at, entry in enumerate(log):
        if entry == "key":
            end = log.index("frame", at) if "frame" in log[at:] else len(log)
            windows.append(log[at:end])
    assert len(windows) == 23
    assert [w for w in windows if any(e.startswith("gc") for e in w)] == []
    assert sum(e.startswith("gc") for e in log) > 20  # collection goes on, after the frames
    assert gc.isenabled()


async def test_the_app_gives_the_collector_back_as_it_found_it() -> None:
    saved = gc.get_threshold()
    app = Probe(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.collector.running and gc.get_threshold()[2] > 10**6
        await pilot.press("down")
    assert gc.isenabled()
    assert gc.get_threshold() == saved
