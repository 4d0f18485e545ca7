"""Pilot tests of the time-axis strip: zoom, the marker following the cursor, clicks, the filter."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App, ComposeResult

from conftest import known, make_app, navigate, wait_for
from junquito_tui.core import axis, placing
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.navigation import Location
from junquito_tui.ui.messages import Navigate
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.widgets.time_axis import LEGEND, NOT_PLACED, PLACING, TimeAxis
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
        before = row(strip, 2).index("△")  # 'around 04:00': an approximate time, drawn hollow
        await pilot.press("j", "j")  # 06:45, then 08:30
        await pilot.pause()
        after = row(strip, 2).index("△")
        assert after > before
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        # 17 or 18 January ('two days later'), outside the window: a period longer than the day shown
        await navigate(pilot, Location("event", "civilian-deaths-revealed"))
        await pilot.pause()
        assert app.chronology is not None
        revealed = app.chronology.event("civilian-deaths-revealed")
        assert revealed.when is not None
        start = axis.interval(revealed.when, revealed.end)[0]
        assert strip._axis is not None and strip._axis.window[0] < start < strip._axis.window[1]
        assert "├" in row(strip, 2) and "┤" not in row(strip, 2)  # the strip followed it: from its start


async def test_clicking_a_bar_jumps_there_and_is_recorded() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        bars = row(strip, 1)
        column = len(bars) - len(bars.lstrip(" ░"))  # the first bar: the three events of 27 June 2017
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


async def test_clicking_a_spread_day_picks_that_day_not_the_nearest_clock_time() -> None:
    """At one day, the day-precise siege is spread over 15 January: a click on it at 20:00 picks it,
    not the 12:00 surrender whose start is nearer (issue 14: a day is not a point)."""
    app = AxisApp("day-beside-noon", selected="surrender")
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        picked: list[str] = []
        original = strip.post_message

        def record(message: Any) -> bool:
            if isinstance(message, Navigate):
                picked.append(message.target.id)
            return original(message)

        strip.post_message = record  # type: ignore[method-assign]
        built = strip._axis
        assert built is not None
        evening = built.column_of(axis.days_from_civil(2018, 1, 15) * axis.DAY + 20 * 60)
        assert evening is not None and row(strip, 1)[evening] == "░"
        await pilot.click(strip, offset=(evening, 1))
        await pilot.pause()
        noon = built.column_of(axis.days_from_civil(2018, 1, 15) * axis.DAY + 12 * 60)
        assert noon is not None
        await pilot.click(strip, offset=(noon, 1))  # the bar: the event lying in that column
        await pilot.pause()
        assert picked == ["siege", "surrender"]


async def test_wheel_over_the_strip_zooms() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        strip.post_message(events.MouseScrollUp(strip, 5, 1, 0, -1, 0, False, False, False))
        await pilot.pause()
        pane = app.query_one("#timeline-pane")
        assert strip.zoom_label == "3 months"
        assert str(pane.border_subtitle).startswith("3 months (+-=)")  # the border says so too
        strip.post_message(events.MouseScrollDown(strip, 5, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert strip.zoom_label == "whole span"
        assert str(pane.border_subtitle).startswith("whole span (+-=)")


async def test_plus_on_an_undated_event_says_what_it_zoomed_around() -> None:
    app = make_app(event_id="venezuelan-crisis")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause(0.3)
        notes = [n.message for n in app._notifications]
        assert notes == [
            "This event has no date: the time axis is centred on the nearest dated event, "
            "Pérez's brother murdered near Carabobo Park."
        ]


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


# -- small datasets (tests/data/axis): what the strip draws, as a user sees it ---------------------
FIXTURES = Path(__file__).parents[1] / "data" / "axis"


class AxisApp(App[None]):
    """The strip alone, fed one dataset, recording every Zoomed message it posts."""

    def __init__(self, name: str, selected: str | None = None) -> None:
        super().__init__()
        self.chronology = Chronology(load_dataset(FIXTURES / f"{name}.json"))
        self.selected = selected
        self.zooms: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield TimeAxis()

    def on_mount(self) -> None:
        strip = self.query_one(TimeAxis)
        strip.set_events(self.chronology.events)
        if self.selected is not None:
            strip.select(self.chronology.event(self.selected))

    def on_time_axis_zoomed(self, message: Any) -> None:
        self.zooms.append((message.label, message.note))


async def test_two_clock_times_on_one_day_are_points_and_the_day_is_named() -> None:
    app = AxisApp("two-times-one-day")
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        bars, glyphs, ticks = row(strip, 1), row(strip, 2), row(strip, 3)
        assert glyphs.count("◆") == 2 and "░" not in bars and "─" not in glyphs
        assert "4 Mar" in ticks  # the day is named, not only its hours


async def test_year_only_events_never_get_the_clock_time_glyph() -> None:
    app = AxisApp("years-only")
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        glyphs = row(app.query_one(TimeAxis), 2)
        assert not set(glyphs) & set("◆◇"), glyphs


async def test_a_selected_day_is_not_marked_at_noon_and_the_day_is_named_at_hour_zooms() -> None:
    app = AxisApp("day-beside-noon", selected="siege")
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        built = strip._axis
        assert built is not None
        noon = axis.days_from_civil(2018, 1, 15) * axis.DAY + 12 * 60
        column = built.column_of(noon)
        assert column is not None and row(strip, 2)[column] == "◆"  # the real 12:00 event, not a marker
        assert "▲" not in row(strip, 2)  # a day has no point to mark
        strip.zoom(1)
        await pilot.pause()
        assert strip.zoom_label == "8 hours" and "15 Jan" in row(strip, 3)


async def test_every_zoom_change_is_posted_whatever_caused_it() -> None:
    """Keys, the wheel and a resize all change the zoom: each new label is posted (issue 12, item 19)."""
    app = AxisApp("day-beside-noon", selected="surrender")
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        assert app.zooms == [("whole span", None)]
        strip.post_message(events.MouseScrollUp(strip, 5, 1, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert app.zooms[-1] == ("8 hours", None) == (strip.zoom_label, None)
        strip.zoom(1)
        await pilot.pause()
        assert app.zooms[-1] == ("2 hours", None)
        await pilot.resize_terminal(150, 4)  # 2 hours would be less than a minute a column
        await pilot.pause()
        assert app.zooms[-1] == ("8 hours", None) == (strip.zoom_label, None)
        strip.post_message(events.MouseScrollDown(strip, 5, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert app.zooms[-1] == ("whole span", None)
        count = len(app.zooms)
        strip.zoom(-1)  # already the whole span: nothing changed, nothing posted
        await pilot.pause()
        assert len(app.zooms) == count


async def test_zooming_on_an_undated_event_centres_on_the_event_it_is_shown_after() -> None:
    app = AxisApp("day-beside-noon", selected="aftermath")  # undated, shown after the 12:00 surrender
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        strip.zoom(1)
        strip.zoom(1)
        await pilot.pause()
        label, note = app.zooms[-1]
        assert label == "2 hours" and note is not None and "Surrender announced" in note
        built = strip._axis
        assert built is not None
        noon = axis.days_from_civil(2018, 1, 15) * axis.DAY + 12 * 60
        assert built.window[0] < noon < built.window[1]
        assert not set(row(strip, 2)) & set("▲├┤")  # an undated event is marked nowhere


async def test_zooming_on_an_undated_event_of_the_bundled_chronology() -> None:
    """'venezuelan-crisis' is undated and shown first, before the first dated event: + zooms there, and says so."""
    app = make_app(event_id="venezuelan-crisis")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        notes: list[str | None] = []
        original = strip.post_message

        def record(message: Any) -> bool:
            if isinstance(message, TimeAxis.Zoomed):
                notes.append(message.note)
            return original(message)

        strip.post_message = record  # type: ignore[method-assign]
        await pilot.pause()  # the selection reaches the strip after the first frame: a press before it zooms nothing
        assert strip._selected is not None and strip._selected.id == "venezuelan-crisis"
        await pilot.press("plus")
        await pilot.pause()
        assert strip.zoom_label == "3 months"
        first = next(e for e in known(app.chronology).events if e.when is not None)
        assert notes and notes[-1] is not None and first.title in notes[-1]
        built = strip._axis
        assert first.when is not None and built is not None
        assert built.columns_of(axis.interval(first.when)) is not None


def test_readme_and_help_explain_every_glyph_the_strip_draws() -> None:
    """The legend, the README's axis section and the Timeline help name the same glyphs."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The time axis") :]
    section = section[: section.index("\n## ", 1)]
    glyphs = {char for char in LEGEND if not char.isascii()} | set("░▒├┤╵")
    assert LEGEND in section
    for text in (section, Timeline.HELP):
        assert glyphs <= set(text), glyphs - set(text)


async def test_a_large_datasets_axis_is_placed_after_its_rows_and_then_as_if_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Placing 100,000 events (~0.2 s) waits for the first frame: the rows show, the strip says it is
    placing them, a zoom key is answered in words, a filter set meanwhile is kept; once placed, the
    strip is exactly the one placed before the first frame."""

    async def filtered_strip(app: Any, pilot: Any) -> list[str]:
        await pilot.press("slash", *"video ", "down", "f")  # a filter: the rest drawn lighter
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        await wait_for(pilot, lambda: strip._placement is not None)
        await pilot.pause()
        return [row(strip, y) for y in range(4)]

    async with make_app(event_id="raid-begins").run_test(size=(120, 40)) as pilot:
        at_once = await filtered_strip(pilot.app, pilot)

    gate = threading.Event()  # the placement waits for it: the state before it is seen, not raced
    real = axis.Placement

    def held(*args: Any, **kwargs: Any) -> axis.Placement:
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(placing, "LATER_FROM", 0)  # the bundled dataset as large as any
    monkeypatch.setattr(placing, "Placement", held)
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        assert app.chronology is not None
        assert row(strip, 0).startswith(f"Placing {len(app.chronology.events)} events in time…")
        assert strip.zoom_label == PLACING and PLACING in str(app.query_one("#timeline-pane").border_subtitle)
        timeline = app.query_one(Timeline)
        assert timeline.current is not None and timeline.current.id == "raid-begins"
        assert "── " in "".join(row(timeline, y) for y in range(3))  # type: ignore[arg-type]  # rows drawn
        await pilot.press("plus")
        await pilot.pause()
        assert any(f"still {PLACING}" in str(n.message) for n in app._notifications)
        assert strip.zoom_label == PLACING
        gate.set()
        assert await filtered_strip(app, pilot) == at_once
        assert strip.zoom_label == "whole span"


@pytest.fixture
def held_placement(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The bundled dataset placed as a large one is: in a thread, which waits for the event returned."""
    gate = threading.Event()
    real = axis.Placement

    def held(*args: Any, **kwargs: Any) -> axis.Placement:
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(placing, "LATER_FROM", 0)
    monkeypatch.setattr(placing, "Placement", held)
    return gate


def subtitle(app: Any) -> str:
    return str(app.query_one("#timeline-pane").border_subtitle).split(" (+-=)")[0]


async def test_the_zoom_label_follows_the_placement_in_a_terminal_too_short_for_the_strip(
    held_placement: threading.Event,
) -> None:
    """Under 20 rows the strip is hidden (no width): its label said 'placing' for good (found by a review)."""
    app = make_app()
    async with app.run_test(size=(120, 15)) as pilot:
        await pilot.pause()
        assert subtitle(app) == PLACING
        held_placement.set()
        strip = app.query_one(TimeAxis)
        await wait_for(pilot, lambda: strip._placement is not None)
        await wait_for(pilot, lambda: subtitle(app) == "whole span")


async def test_zoom_keys_while_placing_are_answered_once(held_placement: threading.Event) -> None:
    """Ten wheel ticks while placing stacked ten identical toasts (found by a review)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        for _ in range(10):
            strip.post_message(events.MouseScrollUp(strip, 5, 1, 0, 0, 0, False, False, False))
        await pilot.press("plus", "minus")
        await pilot.pause()
        assert [PLACING in str(n.message) for n in app._notifications] == [True]
        held_placement.set()


async def test_events_that_cannot_be_placed_are_said_so_and_stay_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A placement that fails (a fast reading the check will refuse) is said on the strip, and a resize
    no longer turns it back into 'Placing N events in time…' (found by a review)."""

    def fail(*args: Any, **kwargs: Any) -> axis.Placement:
        raise ValueError("no such day")

    monkeypatch.setattr(placing, "LATER_FROM", 0)
    monkeypatch.setattr(placing, "Placement", fail)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.query_one(TimeAxis)
        await wait_for(pilot, lambda: "could not be placed" in row(strip, 0))
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        said = " ".join(row(strip, y).strip() for y in range(4)).strip()
        assert said == "The events could not be placed in time (ValueError: no such day)"
        assert subtitle(app) == NOT_PLACED
        await pilot.press("plus")
        await pilot.pause()
        assert any("could not be placed" in str(n.message) for n in app._notifications)


def _bounds_app(tmp_path: Path, first: str, last: str, event_id: str) -> Any:
    """The explorer on a sheet of three rows: 'First', 'before 15 January 2018' ('Bound') and 'Last'."""
    path = tmp_path / "bounds.csv"
    path.write_text(f"date,event\n{first},First\nbefore 15 January 2018,Bound\n{last},Last\n", encoding="utf-8")
    return make_app(path, event_id=event_id)


async def test_a_bound_is_spread_over_its_open_side_and_zoomed_on_at_its_bound(tmp_path: Path) -> None:
    """'before 15 January 2018' is drawn open from the window's start to its bound (no ├: the file gives no start),
    and + zooms to the bound (the end of it the file gives), not to the span's start seven months before."""
    app = _bounds_app(tmp_path, "2017-06-01", "2018-01-20", "bound-before-2018-01-15")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        built = strip._axis
        assert built is not None and strip._selected is not None and strip._selected.title == "Bound"
        bound = axis.days_from_civil(2018, 1, 15) * axis.DAY
        last = built.column_of(bound - 1)
        assert last is not None
        marks = row(strip, 2)
        assert marks[0] == "─" and marks[last] == "┤" and "├" not in marks  # open before, to the window's edge
        assert "⋯" not in marks[: last + 1]  # no empty stretch drawn where it may lie
        for _ in range(3):
            strip.zoom(1)
        await pilot.pause()
        assert strip.zoom_label == "1 week"
        built = strip._axis
        assert built is not None and built.window[0] < bound - axis.DAY < built.window[1]


async def test_selecting_a_bound_out_of_the_window_follows_it_to_its_bound(tmp_path: Path) -> None:
    """A review: the strip followed a bound's open side to the end of time ('╵10 Mar 8768310736839 BCE')."""
    app = _bounds_app(tmp_path, "2017-06-01", "2020-01-20", "last-2020-01-20")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        for _ in range(3):
            strip.zoom(1)
        await pilot.pause()
        bound = next(event for event in app.query_one(Timeline).view if event.title == "Bound")
        strip.select(bound)
        await pilot.pause()
        built = strip._axis
        edge = axis.days_from_civil(2018, 1, 15) * axis.DAY
        assert built is not None and built.window[0] < edge < built.window[1]
        assert "BCE" not in row(strip, 3) and "┤" in row(strip, 2) and "├" not in row(strip, 2)


async def test_clicking_a_bound_s_open_side_picks_it(tmp_path: Path) -> None:
    """A review: a click on a 2016 column drawn ░ for 'before 15 January 2018' picked the 2015 event, the
    nearest start, as if nothing were drawn there."""
    app = _bounds_app(tmp_path, "2015-03-01", "2018-06-20", "last-2018-06-20")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeAxis)
        built = strip._axis
        assert built is not None
        column = built.column_of(axis.days_from_civil(2016, 6, 1) * axis.DAY)
        assert column is not None and row(strip, 1)[column] == "░"
        await pilot.click(strip, offset=(column, 1))
        await pilot.pause()
        current = app.query_one(Timeline).current
        assert current is not None and current.title == "Bound"
