"""Terminal sizes from 40x12 to 250x80, resizing in use, and the too-small message."""

from __future__ import annotations

import itertools

import pytest
from textual.widget import Widget

from conftest import known
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.panes.deck import PANES
from junquito_tui.ui.panes.search_panel import SearchInput
from junquito_tui.ui.widgets.timeline import Timeline

SIZES = [(40, 12), (60, 20), (80, 24), (100, 30), (120, 40), (160, 50), (250, 80)]


def visible_panes(app: JunquitoApp) -> list[Widget]:
    return [app.query_one(f"#{p}") for p in PANES if app.query_one(f"#{p}").display]


def assert_no_overlap(app: JunquitoApp) -> None:
    regions = [pane.region for pane in visible_panes(app)]
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


@pytest.mark.parametrize("width", [40, 55, 80, 100, 120, 160, 200])
async def test_the_footer_fits_every_width_with_help_and_quit(width: int) -> None:
    """At 120 columns in search results it ended 'Next da▏^p paletteQ'; at 80x24 on the Quotes tab
    '?▏^p palettet', Help and Quit cut off."""
    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(width, 24)) as pilot:
        for keys in (["1"], ["4"], ["2"], ["slash", *"perez", "down"]):
            await pilot.press(*keys)
            await pilot.pause(0.1)
            footer = "".join(segment.text for segment in app.screen._compositor.render_strips()[-1])
            assert footer.rstrip().endswith("^p palette"), (keys, footer)
            assert "? Help" in footer and "q Quit" in footer, (keys, footer)
            keys_part = footer[: footer.rindex("▏")]
            assert keys_part.endswith(" "), (keys, footer)  # nothing runs under the palette key
            await pilot.press("escape")


async def test_the_footers_keys_fit_at_every_width_from_40_to_250() -> None:
    """Every width, not a sample: in each focus state the keys chosen fit beside the palette key,
    help and quit among them, and no key that would still fit is left out (greedy in order)."""
    from junquito_tui.ui.widgets.footer import ALWAYS, PALETTE_WIDTH, KeyFooter

    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(120, 24)) as pilot:
        for keys in (["1"], ["4"], ["2"], ["3"], ["slash", *"perez", "down"]):
            await pilot.press(*keys)
            await pilot.pause(0.1)
            footer = app.screen.query_one(KeyFooter)
            every = list(footer._keys())
            for width in range(40, 251):
                chosen = footer.fitting(width)
                used = sum(footer._width(binding) for binding, _, _ in chosen)
                assert used <= width - PALETTE_WIDTH, (keys, width)
                assert {"help", "quit"} <= {b.action.removeprefix("app.") for b, _, _ in chosen}, (keys, width)
                shown = {id(binding) for binding, _, _ in chosen}
                left_out = [binding for binding, _, _ in every if id(binding) not in shown]
                assert all(used + footer._width(b) > width - PALETTE_WIDTH for b in left_out), (keys, width)
                assert all(b.action not in ALWAYS for b in left_out)
            await pilot.press("escape")


async def test_a_wide_terminal_gives_the_room_to_names_and_quotes() -> None:
    """At 200x60 the actor list stayed 26 columns wide (names wrapped) and quotes were cut at ~70
    characters."""
    from junquito_tui.ui import pages

    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        names = [a.name for a in known(app.chronology).dataset.actors]
        assert app.query_one("#actor-list").size.width >= max(len(n) for n in names if len(n) < 30) + 4
        quote = max(known(app.chronology).dataset.quotes, key=lambda q: len(q.text))
        assert len(quote.text) > 70 and pages.preview(quote) == f"“{quote.text}”"  # whole, wrapped


async def test_with_sixteen_colours_the_borders_are_not_black_on_black(monkeypatch: pytest.MonkeyPatch) -> None:
    """TERM=xterm: the theme's dim border grey became black, on black."""
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.console.color_system == "standard" and app.has_class("-sixteen-colours")
        for pane in visible_panes(app):
            colour = pane.styles.border_top[1]
            assert colour.ansi in {8, 12}, (pane, colour)  # ANSI bright black or bright blue: never black (0)
    monkeypatch.setenv("TERM", "xterm-256color")
    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.has_class("-sixteen-colours")  # the theme's own colours everywhere else
