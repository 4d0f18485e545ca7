"""Snapshot tests of what a person sees (reviewed by eye before acceptance)."""

from __future__ import annotations

from typing import Any

from conftest import make_app

app = make_app


def test_main_screen_120x40(snap_compare: Any) -> None:
    assert snap_compare(app(event_id="raid-begins"), terminal_size=(120, 40))


def test_main_screen_80x24(snap_compare: Any) -> None:
    assert snap_compare(app(event_id="raid-begins"), terminal_size=(80, 24))


def test_actor_profile(snap_compare: Any) -> None:
    assert snap_compare(app(actor_id="oscar-perez"), terminal_size=(120, 40))


def test_help(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=(120, 40), press=["question_mark"])


def test_light_theme(snap_compare: Any) -> None:
    async def light(pilot: Any) -> None:
        pilot.app.theme = "textual-light"

    assert snap_compare(app(event_id="alleged-executions"), terminal_size=(120, 40), run_before=light)


def test_search_results(snap_compare: Any) -> None:
    async def search(pilot: Any) -> None:
        await pilot.pause()  # the explorer is mounted: keys typed before it would be lost
        await pilot.press("slash", *"perez vid")
        await pilot.pause()  # results arrive as a message: let it land before the picture
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(120, 40), run_before=search)


def test_axis_whole_span(snap_compare: Any) -> None:
    assert snap_compare(app(event_id="firefight"), terminal_size=(120, 40))


def test_axis_raid_day_by_hours(snap_compare: Any) -> None:
    assert snap_compare(app(event_id="firefight"), terminal_size=(120, 40), press=["plus"] * 4)


def test_axis_with_a_filter(snap_compare: Any) -> None:
    keys = ["slash", *"video ", "down", "f"]  # f closes the search box too
    assert snap_compare(app(event_id="perez-video-fired-upon"), terminal_size=(120, 40), press=keys)


def test_notebook_screen(snap_compare: Any) -> None:
    """The Notebook screen over the explorer: starred, tagged and noted items newest first, an
    item the dataset no longer has, a saved search. A fixed file: the screen shows where it is."""
    import shutil
    import tempfile
    from pathlib import Path

    from junquito_tui.core.notebook import Notebook

    folder = Path(tempfile.gettempdir()) / "junquito-tui-snapshot"
    shutil.rmtree(folder, ignore_errors=True)
    book = Notebook(folder / "case.sqlite3")
    book.set_starred("event", "raid-begins", True)
    book.set_tags("actor", "oscar-perez", ["leader", "key-moment"])
    book.set_starred("quote", "same-fate", True)
    book.set_starred("event", "firefight", True)
    book.set_note("event", "firefight", "Compare with the *video* timestamps.\nAsk the source about [the] times.")
    book.set_tags("event", "firefight", ["key-moment", "to-check"])
    book.set_note("event", "removed-in-an-edit", "An event the dataset no longer has.")
    book.save_search("Helicopter", "helicopter -video")
    book.close()

    async def open_notebook(pilot: Any) -> None:
        screen = pilot.app.screen
        for _ in range(400):
            await pilot.pause(0.05)
            if screen.notebook_layer.notebook is not None and screen.notebook_layer.notebook.opened is not None:
                break
        await pilot.press("b")
        await pilot.pause()

    assert snap_compare(
        app(event_id="raid-begins", notebook_file=book.path), terminal_size=(120, 40), run_before=open_notebook
    )


def test_accounts_120x40(snap_compare: Any) -> None:
    """Who says what, opened on a contested moment: its two accounts side by side."""
    assert snap_compare(app(event_id="helicopter-episode-accounts"), terminal_size=(120, 40), press=["w"])
