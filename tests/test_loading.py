"""Large datasets open behind a progress screen, loaded by a background thread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, MINIMAL
from junquito_tui import cli
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.screens.loading import LoadingScreen
from junquito_tui.ui.widgets.timeline import Timeline


async def wait_for(pilot: Any, condition: Any, seconds: float = 10) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


async def test_loading_shows_progress_then_the_explorer() -> None:
    app = JunquitoApp(load=(BUNDLED, 10**9), event_id="firefight")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, LoadingScreen | ExplorerScreen)

        def shown() -> bool:
            timelines = app.screen.query(Timeline) if isinstance(app.screen, ExplorerScreen) else []
            return bool(timelines) and timelines[0].current is not None and timelines[0].current.id == "firefight"

        await wait_for(pilot, shown)
        current = app.screen.query_one(Timeline).current
        assert current is not None and current.id == "firefight"
        assert app.chronology is not None and len(app.chronology.events) == 38
        await pilot.press("j", "slash", *"perez", "escape")
        assert app.is_running


@pytest.mark.parametrize(
    ("content", "expected"),
    [("[1,]", ":1:4: invalid JSON"), (json.dumps({**MINIMAL, "title": 5}), "title: Input should be a valid string")],
)
async def test_a_bad_file_found_while_loading_exits_2_with_the_report(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.load_error is not None)
    assert app.return_code == 2
    assert app.load_error is not None and app.load_error.startswith(f"{path}: ") and expected in app.load_error


async def test_an_unknown_deep_link_found_after_loading_exits_2() -> None:
    app = JunquitoApp(load=(BUNDLED, 10**9), actor_id="oscar-peres")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.load_error is not None)
    assert app.return_code == 2 and "no actor with id 'oscar-peres'; closest: oscar-perez" in str(app.load_error)


def test_the_command_line_loads_large_files_in_the_background(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def fake_run(app: JunquitoApp) -> None:  # stands for the terminal session
        seen["load"] = app._load
        app.load_error, app._return_code = "bad.json: 1 problem\n  nothing good", 2

    monkeypatch.setattr(cli, "BACKGROUND_LOAD_BYTES", 10)
    monkeypatch.setattr(JunquitoApp, "run", fake_run)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(MINIMAL), encoding="utf-8")
    assert cli.main(["--data", str(path)]) == 2
    assert seen["load"][0] == path
    assert capsys.readouterr().err == "bad.json: 1 problem\n  nothing good\n"
