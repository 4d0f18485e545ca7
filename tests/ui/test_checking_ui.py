"""A large first open on both cores, as the user sees it: the explorer marked 'being checked' until the
second process says the file is valid; a file that fails is replaced by its problem report (exit 2),
with nothing of it kept, not even in the cache."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path
from typing import Any

import pytest

from junquito_tui.core import cache, child_process, quick_load
from junquito_tui.core.checking import Check, Outcome
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.panes.timeline_pane import CHECKING, TimelinePane
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.widgets.timeline import Timeline

FAST = Path(__file__).resolve().parents[1] / "data" / "fast"


@pytest.fixture(autouse=True)
def _every_file_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)


async def _until(pilot: Any, condition: Any, seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


def _title(app: JunquitoApp) -> str:
    """The timeline's title, once the explorer has drawn it ('' before)."""
    panes = list(app.screen.query(TimelinePane)) if isinstance(app.screen, ExplorerScreen) else []
    return str(panes[0].border_title) if panes and panes[0].border_title is not None else ""


def _entries() -> list[Path]:
    folder = cache.cache_dir()
    return list(folder.glob("*.jqc")) if folder.exists() else []


def _held_answers(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The check runs to its end; its answer reaches the app once the event returned is set."""
    release = threading.Event()
    real_wait = Check.wait

    def held_wait(self: Check) -> Outcome:
        outcome = real_wait(self)
        release.wait(30)
        return outcome

    monkeypatch.setattr(Check, "wait", held_wait)
    return release


async def test_the_explorer_is_marked_until_the_check_says_the_file_is_valid(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    release = _held_answers(monkeypatch)
    path = tmp_path / "data.json"
    shutil.copy(FAST / "valid.json", path)
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: CHECKING.strip(" ·") in _title(app))
        assert app.screen.query_one(Timeline).current is not None  # rows on screen, marked
        await pilot.pause(0.3)
        assert _entries() == []  # nothing cached while unchecked
        await pilot.press("question_mark")  # the help screen on top when the answer comes
        await _until(pilot, lambda: not isinstance(app.screen, ExplorerScreen))
        release.set()
        await _until(pilot, lambda: len(_entries()) == 1)  # cached once found valid
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        assert _title(app) == "1 Timeline · 2 events"
        assert app.is_running and app.return_code is None


async def test_a_check_started_before_the_app_is_the_one_it_waits_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "data.json"
    shutil.copy(FAST / "valid.json", path)
    early = quick_load.check_at_once(path, 10**9)
    assert isinstance(early, Check)
    started: list[Check] = []
    real_start = Check.start

    def recorded(self: Check) -> Check:
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(Check, "start", recorded)
    app = JunquitoApp(load=(path, 10**9), early_check=early)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: len(_entries()) == 1)  # shown, found valid, cached
        assert _title(app) == "1 Timeline · 2 events"
    assert started == [] and early._process is not None and early._process.poll() == 0


@pytest.mark.parametrize(
    ("name", "shown_first", "expected"),
    [
        ("line-break-in-title.json", True, "events[1].title: a title is one line: line break at offset 3"),
        ("duplicate-key.json", True, "key 'title' given again"),
        ("escape-in-summary.json", False, "control character U+001B at offset 0 is not allowed"),
        ("c1-raw-in-title.json", False, "control character U+009B"),
        ("dangling-actor.json", False, "unknown actor 'nobody'"),
        ("impossible-date.json", False, "month 2 has no day 30"),
        ("unknown-field.json", False, "color"),
        ("order-cycle.json", False, "cycle"),
    ],
)
async def test_a_file_that_fails_ends_in_its_report_and_nothing_of_it_is_kept(
    name: str, shown_first: bool, expected: str
) -> None:
    app = JunquitoApp(load=(FAST / name, 10**9))
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:

        def ended() -> bool:
            if _title(app):
                for widget in app.screen.query(Timeline):  # drawing it must not fail
                    for y in range(widget.size.height):
                        widget.render_line(y)
                seen.append(_title(app))
            return app.load_error is not None

        await _until(pilot, ended)
    assert app.return_code == 2 and app.chronology is None
    assert app.load_error is not None and app.load_error.startswith(f"{FAST / name}: ") and expected in app.load_error
    assert "\x1b" not in app.load_error and "\x9b" not in app.load_error  # shown as \x1b, never sent
    if shown_first:  # a fast reading was on screen, marked, until the check refused the file
        assert seen and all("being checked" in title for title in seen)
    else:  # refused by the fast reading: checked before anything is shown, as before
        assert seen == []
    assert _entries() == []


async def test_a_killed_check_ends_in_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    real_start = Check.start

    def start_then_kill(self: Check) -> Check:
        real_start(self)
        assert self._process is not None
        os.kill(self._process.pid, signal.SIGKILL)
        return self

    monkeypatch.setattr(Check, "start", start_then_kill)
    app = JunquitoApp(load=(FAST / "valid.json", 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: app.load_error is not None)
    assert app.return_code == 2 and app.chronology is None
    assert "could not be checked: the checking process was ended by SIGKILL" in str(app.load_error)
    assert _entries() == []


async def test_a_reading_that_differs_from_the_check_is_read_again_the_ordinary_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[bool] = []
    real_open = quick_load.open_dataset

    def recorded(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["quick"])
        return real_open(*args, **kwargs)

    monkeypatch.setattr(quick_load, "open_dataset", recorded)
    monkeypatch.setattr(Check, "wait", lambda self: Outcome("differs"))
    app = JunquitoApp(load=(FAST / "valid.json", 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: calls == [True, False] and _title(app) == "1 Timeline · 2 events")
        assert app.chronology is not None and app.is_running


async def test_quitting_while_the_check_runs_ends_the_checking_process(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Check] = []
    real_start = Check.start

    def slow_start(self: Check) -> Check:
        self.command = [self.command[0], "-c", "import time; time.sleep(60)"]
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(Check, "start", slow_start)
    app = JunquitoApp(load=(FAST / "valid.json", 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: "being checked" in _title(app))
        await pilot.press("q")
    process = started[0]._process
    assert process is not None and process.poll() is not None
    assert started[0] not in child_process.RUNNING


async def test_a_large_acled_export_is_shown_marked_until_the_ordinary_import_agrees(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    release = _held_answers(monkeypatch)
    path = tmp_path / "export.csv"
    header = "event_id_cnty,event_date,time_precision,event_type,actor1,inter1,location,source,notes,fatalities"
    rows = [f"VEN{n},2018-01-{n:02d},1,Battles,Rebels,Rebel groups,Caracas,Wikipedia,Row {n}.,0" for n in (1, 2, 3)]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: CHECKING.strip(" ·") in _title(app))
        assert app.screen.query_one(Timeline).current is not None  # rows on screen, marked
        assert app.load_warnings and "ACLED event ids are lowercased" in app.load_warnings[-1]
        assert _entries() == []
        release.set()
        await _until(pilot, lambda: len(_entries()) == 1)  # cached once the ordinary import agreed
        await _until(pilot, lambda: _title(app) == "1 Timeline · 3 events")
        assert app.is_running and app.return_code is None
