"""Terminal sizes from 40x12 to 250x80, resizing in use, and the too-small message."""

from __future__ import annotations

import itertools

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.panes.search_panel import SearchInput
from junquito_tui.ui.screens.explorer import PANES
from junquito_tui.ui.widgets.timeline import Timeline

SIZES = [(40, 12), (60, 20), (80, 24), (100, 30), (120, 40), (160, 50), (250, 80)]


def visible_panes(app: JunquitoApp) -> list[object]:
    return [app.query_one(f"#{p}") for p in PANES if app.query_one(f"#{p}").display]


def assert_no_overlap(app: JunquitoApp) -> None:
    regions = [pane.region for pane in visible_panes(app)]  # type: ignore[attr-defined]
    assert regions, "no pane is visible"
    for a, b in itertools.combinations(regions, 2):
        assert not a.overlaps(b), (a, b)
    screen = app.screen.region
    assert all(screen.contains_region(r) for r in regions)


async def test_resizing_keeps_the_selection_and_never_overlaps() -> None:
    app = JunquitoApp(Chronology(load_dataset()), event_id="btr-80a-arrives")
    async with app.run_test(size=(120, 40)) as pilot:
        for size in [*SIZES, *reversed(SIZES)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            current = app.query_one(Timeline).current
            assert current is not None and current.id == "btr-80a-arrives", size
            assert_no_overlap(app)
            assert not app.screen.has_class("-too-small")


async def test_resizing_in_the_middle_of_a_search() -> None:
    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"pere")
        for size in [(40, 12), (250, 80), (80, 24), (30, 8), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.press("z")
            await pilot.press("backspace")
            await pilot.pause()
        assert app.query_one(SearchInput).value == "pere"
        assert app.is_running


async def test_below_the_minimum_a_message_replaces_the_layout() -> None:
    app = JunquitoApp(Chronology(load_dataset()), event_id="raid-begins")
    async with app.run_test(size=(39, 12)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        assert app.query_one("#too-small").display and not app.query_one("#panes").display
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert not app.screen.has_class("-too-small") and app.query_one("#panes").display
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "raid-begins"  # the selection survived
        assert app.focused is app.query_one(Timeline)  # and the keys work again
        await pilot.press("j")
        assert app.query_one(Timeline).current is not current
