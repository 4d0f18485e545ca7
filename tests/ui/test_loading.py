"""Large datasets open behind a progress screen, loaded by a background thread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, MINIMAL, wait_for
from junquito_tui import cli
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.screens.loading import LoadingScreen
from junquito_tui.ui.widgets.timeline import Timeline


async def test_loading_shows_progress_then_the_explorer() -> None:
    app = JunquitoApp(load=(BUNDLED, 10**9), event_id="firefight")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, LoadingScreen | ExplorerScreen)

        def shown() -> bool:
            timelines = list(app.screen.query(Timeline)) if isinstance(app.screen, ExplorerScreen) else []
            return bool(timelines) and timelines[0].current is not None and timelines[0].current.id == "firefight"

        await wait_for(pilot, shown)
        current = app.screen.query_one(Timeline).current
        assert current is not None and current.id == "firefight"
        assert app.chronology is not None and len(app.chronology.events) == 38
        await pilot.press("j", "slash", *"perez", "escape")
        assert app.is_running


async def test_the_loaded_objects_are_frozen_before_the_collector_is_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turned back on first, the collector walked every object just loaded at the next allocation
    (~0.3 s of CPU at 100,000 events, on every open): they are frozen while it is still off."""
    import gc

    from junquito_tui.core.memory import freeze_loaded_objects as freeze

    collector_on: list[bool] = []

    def watched() -> None:
        collector_on.append(gc.isenabled())
        freeze()

    monkeypatch.setattr("junquito_tui.ui.screens.loading.freeze_loaded_objects", watched)
    app = JunquitoApp(load=(BUNDLED, 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
    assert collector_on == [False]
    assert gc.isenabled(), "and on again once the load is over"


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


HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


async def test_a_large_sheet_of_which_no_event_was_read_is_refused_by_the_loading_screen(tmp_path: Path) -> None:
    # before (a trial): the interface opened on '0 events'
    path = tmp_path / "allbad.csv"
    path.write_text("date,title\n" + "Spring,x\n" * 3, encoding="utf-8")
    app = await _load_in_background(path)
    assert app.load_error is not None and "allbad.csv: not one event was read; its reading said:" in app.load_error
    assert "line 2: 'Spring': no year can be read in it" in app.load_error and app.return_code == 2
    # what its reading said, uncounted: it said '5 problems' for three rows, the columns used and the refusal
    assert "problems" not in app.load_error and "\n  columns used: date <- 'date'" in app.load_error


async def _load_in_background(path: Path) -> JunquitoApp:
    """The large-file path: the interface first, the file read and checked by the loading thread."""
    app = JunquitoApp(load=(path, 10**9))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.load_error is not None or isinstance(app.screen, ExplorerScreen), 60)
    return app


def _big_timelinejs(tmp_path: Path, slides: list[dict[str, Any]]) -> Path:
    """Over 8 MB (what the command line loads in the background): padding in a presentation-only field."""
    document = {
        "title": {"text": {"headline": "Big"}, "background": {"color": "#" + "0" * 9_000_000}},
        "events": slides,
    }
    path = tmp_path / "big-timeline.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert path.stat().st_size > cli.BACKGROUND_LOAD_BYTES
    return path


async def test_a_year_of_5000_digits_in_a_big_file_is_a_warning_not_a_dead_thread(tmp_path: Path) -> None:
    slides = json.loads((HOSTILE / "timelinejs-year-5000-digits.json").read_text(encoding="utf-8"))["events"]
    app = await _load_in_background(_big_timelinejs(tmp_path, slides))
    assert app.load_error is None and app.chronology is not None
    assert [e.title for e in app.chronology.events] == ["An ordinary slide"]
    assert any("start_date.year: '1111" in w and "is beyond the 999,999,999,999 years" in w for w in app.load_warnings)


async def test_an_escape_code_as_zone_label_in_a_big_file_is_removed(tmp_path: Path) -> None:
    slides = json.loads((HOSTILE / "timelinejs-zone-label-escape.json").read_text(encoding="utf-8"))["events"]
    app = await _load_in_background(_big_timelinejs(tmp_path, slides))
    assert app.load_error is None and app.chronology is not None
    (event,) = app.chronology.events
    assert event.when is not None and event.when.utc_offset == "+01:00" and "\x1b" not in (event.when.zone_label or "")


@pytest.mark.parametrize(
    ("where", "stage"),
    [
        ("junquito_tui.core.interop.timelinejs_import.from_timelinejs", "could not be converted from TimelineJS"),
        ("junquito_tui.ui.screens.loading.ordered", "could not be ordered"),
        ("junquito_tui.ui.screens.loading.placing", "could not be placed in time"),
    ],
)
async def test_any_exception_in_the_loading_thread_ends_in_a_report_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, stage: str
) -> None:
    """It used to kill the thread unseen: the progress screen forever, and `q` exited 0."""

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr(where, fail)
    path = _big_timelinejs(tmp_path, [{"start_date": {"year": 2018}, "text": {"headline": "One"}}])
    app = await _load_in_background(path)
    assert app.return_code == 2
    assert app.load_error is not None and app.load_error.startswith(
        f"{path}: 1 problem\n  {stage} (ValueError: Exceeds"
    )


def test_the_command_line_prints_a_loading_thread_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The whole way: --data on a large file, the thread fails, the report on stderr, exit 2."""
    monkeypatch.setattr(cli, "BACKGROUND_LOAD_BYTES", 10)

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr("junquito_tui.ui.screens.loading.placing", fail)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(MINIMAL), encoding="utf-8")

    def headless_run(app: JunquitoApp) -> None:  # the real app and thread, without a terminal
        import asyncio

        async def session() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await wait_for(pilot, lambda: app.load_error is not None, 30)

        asyncio.run(session())

    monkeypatch.setattr(JunquitoApp, "run", headless_run)
    assert cli.main(["--data", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: 1 problem\n  could not be placed in time (RuntimeError: boom)")
