"""Leaving while the explorer is still being built ends quietly: no traceback, no exit status 1.

Textual closes the widgets left over at an exit in no particular order: a pane's children could
be gone before its on_mount (or a watcher, a resize handler) ran, which raised NoMatches. Seen
1 run in 8 when a test left as soon as the explorer replaced the loading screen.
"""

from __future__ import annotations

import asyncio

from textual import events

from conftest import BUNDLED
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.screens.loading import LoadingScreen


async def _until_the_explorer_is_switched_in(app: JunquitoApp) -> None:
    """Not a frame later: the moment the explorer is the screen, while its panes still mount."""
    for _ in range(20_000):
        if isinstance(app.screen, ExplorerScreen):
            return
        await asyncio.sleep(0.001)
    raise AssertionError("the explorer never came")


async def test_closing_the_moment_the_explorer_replaces_the_loading_screen_is_no_error() -> None:
    """The shape of the test that failed by chance, made certain: nothing awaited in between."""
    for _ in range(3):  # the exact moment, three times over
        app = JunquitoApp(load=(BUNDLED, 10**9))
        async with app.run_test(size=(100, 30)):
            await _until_the_explorer_is_switched_in(app)
        assert app._exception is None and app.return_code != 1


async def test_q_while_the_explorer_mounts_quits_cleanly() -> None:
    for steps in range(6):  # q after 0-5 turns of the event loop: each a different stage of the mount
        app = JunquitoApp(load=(BUNDLED, 10**9))
        async with app.run_test(size=(100, 30)) as pilot:
            await _until_the_explorer_is_switched_in(app)
            for _ in range(steps):
                await asyncio.sleep(0)
            app.post_message(events.Key("q", "q"))  # as the terminal sends it: nothing awaited
            await pilot.pause()
        assert app._exception is None and app.return_code != 1


async def test_a_screen_switched_in_while_the_explorer_mounts_is_no_error() -> None:
    """As when a quick-opened file is found changed: the loading screen replaces the explorer."""
    app = JunquitoApp(load=(BUNDLED, 10**9))
    async with app.run_test(size=(100, 30)) as pilot:
        await _until_the_explorer_is_switched_in(app)
        app.switch_screen(LoadingScreen(BUNDLED, 10**9))
        for _ in range(200):  # and the file is read again into a new explorer
            await pilot.pause(0.05)
            if isinstance(app.screen, ExplorerScreen):
                break
        assert isinstance(app.screen, ExplorerScreen)
    assert app._exception is None
