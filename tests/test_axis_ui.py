"""Pilot tests of the time-axis strip: zoom, the marker following the cursor, clicks, the filter."""

from __future__ import annotations

from textual import events

from conftest import make_app, navigate
from junquito_tui.core.navigation import Location
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.widgets.time_axis import TimeAxis
from junquito_tui.ui.widgets.timeline import Timeline


def row(strip_owner: TimeAxis, y: int) -> str:
    return "".join(s.text for s in strip_owner.render_line(y))


async def test_zoom_keys_step_through_levels_and_back() -> None:
    app = make_app(event_id="firefight")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        assert strip.zoom_label == "whole span"
        assert "whole span" in str(app.query_one("#timeline-pane").border_subtitle)
        seen = []
        for _ in range(7):
            await pilot.press("plus")
            seen.append(strip.zoom_label)
        assert seen == ["3 months", "1 month", "1 week", "1 day", "8 hours", "2 hours", "2 hours"]
        await pilot.press("minus")
        assert strip.zoom_label == "8 hours"
        await pilot.press("equals_sign")
        assert strip.zoom_label == "whole span"


async def test_marker_follows_the_timeline_cursor() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        for _ in range(4):
            await pilot.press("plus")  # one day around 04:00
        await pilot.pause()
        before = row(strip, 2).index("▲")
        await pilot.press("j", "j")  # 06:45, then 08:30
        await pilot.pause()
        after = row(strip, 2).index("▲")
        assert after > before
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        await navigate(pilot, Location("event", "civilian-deaths-revealed"))  # two days later, outside the window
        await pilot.pause()
        assert "▲" in row(strip, 2)  # the strip followed it
        assert strip._axis is not None and strip._axis.window[0] > 0


async def test_clicking_a_bar_jumps_there_and_is_recorded() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        glyphs = row(strip, 2)
        column = glyphs.index("◆")  # the first precisely timed event: 27 June 2017
        await pilot.click(strip, offset=(column, 0))
        await pilot.pause()
        current = app.query_one(Timeline).current
        assert current is not None and current.when is not None and current.when.date.startswith("2017-06")
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        assert screen.history.entries[0] == Location("event", "raid-begins")
        await pilot.press("backspace")
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "raid-begins"


async def test_wheel_over_the_strip_zooms() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        strip.post_message(events.MouseScrollUp(strip, 5, 1, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert strip.zoom_label == "3 months"
        strip.post_message(events.MouseScrollDown(strip, 5, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert strip.zoom_label == "whole span"


async def test_a_filtered_timeline_draws_the_rest_lighter() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"video ", "down", "f")  # f closes the search box too
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        built = strip._axis
        assert built is not None and built.context is not None
        assert sum(built.bins.points) < sum(built.context.points)
        await pilot.press("escape")  # clear the filter: no context any more
        await pilot.pause()
        assert strip._axis is not None and strip._axis.context is None
