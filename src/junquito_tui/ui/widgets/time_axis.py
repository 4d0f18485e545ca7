"""The time-axis strip: how many events fall where, at a zoom that fits the data.

What is drawn, cell by cell, is decided in ``core.axis_draw`` (tested without Textual);
this widget keeps the state (events, filter, selection, zoom), styles the cells, and
reports zoom changes and clicks as messages. A large dataset's events are placed in time in a
thread after the first frame (``core.placing``): until then the strip says so and draws nothing.
"""

from __future__ import annotations

import textwrap
from itertools import groupby

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ...core import axis
from ...core.axis_draw import LEGEND, ROLES, Cell, draw
from ...core.bounds import bound
from ...core.navigation import Location
from ...core.placing import Placing
from ...core.records import Event
from ...core.wording import count
from ..messages import Navigate

__all__ = ["LEGEND", "TimeAxis"]

ROWS = 4  # two rows of bars, one of glyphs, one of ticks
PLACING = "placing events in time…"  # the zoom label until the events are placed
NOT_PLACED = "not placed in time"  # ... and if placing them failed


class TimeAxis(Widget):
    """Draws only when its inputs change: the view, the filter context, the selection, the zoom, the width."""

    COMPONENT_CLASSES = {f"axis--{role}" for role in ROLES}
    DEFAULT_CSS = "TimeAxis { height: 4; }"

    class Zoomed(Message):
        """The zoom label changed (keys, wheel, a resize, new data), or a zoom needs a word of explanation.

        ``label`` is the zoom level ('whole span', '1 day', ...); ``note``, when not None, says
        something the user should read (it may quote an event title: show it as plain text).
        """

        def __init__(self, label: str, note: str | None = None) -> None:
            self.label = label
            self.note = note
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placement: axis.Placement | None = axis.Placement([])  # None: being placed (a thread)
        self._all: list[Event] = []
        self._all_layer = axis.Layer()
        self._view: list[Event] = []
        self._layer = axis.Layer()
        self._behind: axis.Layer | None = None
        self._periods: list[tuple[int, int, int]] | None = None  # (start, end, view position), for clicks
        self._selected: Event | None = None
        self._zoom = 0
        self._focus: tuple[int, int] | None = None  # the period the window is placed around
        self._axis: axis.Axis | None = None
        self._lines: list[Strip] = []
        self._announced: str | None = None  # the last zoom label posted
        self._unplaceable: str | None = None  # why the events could not be placed (the thread failed)
        self._told = False  # a zoom key while placing was answered: once is enough

    # -- inputs -------------------------------------------------------------
    def set_events(self, events: list[Event], placing: Placing | None = None) -> None:
        """Every event of the chronology, placed in time once: here, unless already done, or in a
        thread after the first frame for a large dataset (``Placing.worth_a_thread``)."""
        placing = placing or Placing(events)
        self._all, self._view = events, events
        if placing.worth_a_thread:
            self._placement = None
            self._rebuild()
            # after the first frame: a thread started now would hold the interpreter's lock half the
            # time while the rows are being drawn
            self.call_after_refresh(self._place, placing)
        else:
            self._placed(placing.get())

    @work(thread=True, exit_on_error=False, group="placing")
    def _place(self, placing: Placing) -> None:
        try:
            placement = placing.get()
        except Exception as error:  # a fast reading's dates the full check will refuse (it replaces the screen)
            self.app.call_from_thread(self._unplaced, f"{type(error).__name__}: {error}")
            return
        self.app.call_from_thread(self._placed, placement)

    def _placed(self, placement: axis.Placement) -> None:
        if not self.is_attached:  # its screen replaced while the thread placed the events
            return
        waited = self._placement is None  # placed in a thread: the label said PLACING until now
        self._placement = placement
        self._all_layer = placement.layer()
        self.show(None if self._view is self._all else self._view)  # the selection is drawn from its period
        if waited and not self.size.width:  # hidden (a short terminal): _rebuild announces nothing
            self.post_message(self.Zoomed(self.zoom_label))

    def _unplaced(self, why: str) -> None:
        if self.is_attached:
            self._unplaceable, self._told = why, False
            self._rebuild()

    def show(self, view: list[Event] | None) -> None:
        """Draw these events (a filter's matches) over the rest, drawn lighter; None shows all."""
        self._periods = None
        if self._placement is None:  # drawn once the events are placed
            self._view = self._all if view is None else view
        elif view is None:
            self._view, self._layer, self._behind = self._all, self._all_layer, None
        else:
            where = self._placement.position
            self._view = view
            self._layer = self._placement.layer(where[e.id] for e in view)
            self._behind = self._all_layer
        self._rebuild()

    def select(self, event: Event | None) -> None:
        self._selected = event
        if self._placement is None:
            return
        period = self.period(event)
        if self._axis is not None and period is not None and self._axis.columns_of(period) is None:
            # the strip follows the selection out of its window: to what the file gives of it (a bound's open
            # side runs to the end of time: the window went to 8768310736839 BCE, a review)
            self._focus = self._placement.focus(event)
        self._rebuild()

    @property
    def levels(self) -> list[tuple[str, int | None]]:
        extent = (self._behind or self._layer).extent if self._placement is not None else None
        return axis.zoom_levels(extent, self.size.width) if extent else [("whole span", None)]

    @property
    def zoom_label(self) -> str:
        """The zoom level, and the zone of the axis's clock when the dataset's clock times differ."""
        if self._placement is None:
            return NOT_PLACED if self._unplaceable else PLACING
        level = self.levels[min(self._zoom, len(self.levels) - 1)][0]
        return f"{level}, times in UTC" if self._placement.zone == 0 else level

    def zoom(self, step: int) -> None:
        """+1 zooms in around the selection, -1 out; 0 fits the whole span again.

        An undated selection has no place on the axis: the zoom centres on the nearest dated
        event instead, and says so in a Zoomed note.
        """
        if self._placement is None:  # said once, not once per key or wheel tick
            if not self._told:
                self._told = True
                said = f"The time axis is still {PLACING}: zoom again in a moment."
                if self._unplaceable:
                    said = f"The events could not be placed in time ({self._unplaceable}): the time axis has no zoom."
                self.post_message(self.Zoomed(self.zoom_label, said))
            return
        levels = self.levels
        self._zoom = 0 if step == 0 else max(0, min(min(self._zoom, len(levels) - 1) + step, len(levels) - 1))
        note = None
        target = self._selected
        if target is not None and target.when is None:
            target = self._nearest_dated(target)
            note = (
                f"This event has no date: the time axis is centred on the nearest dated event, {target.title}."
                if target is not None
                else "No event here has a date: the time axis has nothing to zoom."
            )
        self._focus = self._placement.focus(target)  # a bound's event: its bound, not the span's start
        self._rebuild()
        if note is not None:
            self.post_message(self.Zoomed(self.zoom_label, note))

    def period(self, event: Event | None) -> tuple[int, int] | None:
        """The event's whole period in minutes (None when undated, or not yet placed): never a point inside it."""
        return self._placement.period(event) if self._placement is not None else None

    def _nearest_dated(self, event: Event) -> Event | None:
        """The dated event an undated one is shown after (or before), else the nearest dated one in the view."""
        assert self._placement is not None  # zoom asks only once the events are placed
        view = self._view
        here = next((i for i, e in enumerate(view) if e.id == event.id), None)
        if here is None:
            view, here = self._all, self._placement.position[event.id]
        anchor = event.after or event.before or event.shown_after or event.shown_before
        if anchor is not None and anchor in self._placement.position:
            shown_by = self._all[self._placement.position[anchor]]
            if shown_by.when is not None:
                return shown_by
        for distance in range(1, len(view)):
            for index in (here - distance, here + distance):  # earlier first: the one it is shown after
                if 0 <= index < len(view) and view[index].when is not None:
                    return view[index]
        return None

    # -- layout ---------------------------------------------------------------
    def on_resize(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        width = self.size.width
        if self._placement is None:
            self._axis = None
            said = f"Placing {count(len(self._all), 'event')} in time…"
            if self._unplaceable:
                said = f"The events could not be placed in time ({self._unplaceable})"
            style = self.get_component_rich_style("axis--tick")
            self._lines = [Strip([Segment(line, style)]) for line in textwrap.wrap(said, max(width, 20))[:ROWS]]
            label = self.zoom_label
        else:
            levels = self.levels
            zoom = levels[min(self._zoom, len(levels) - 1)]
            self._axis = axis.build(width, self._layer, zoom, self._focus, self._behind) if width else None
            self._lines = self._draw(self._axis) if self._axis else []
            label = zoom[0]
        self.refresh()
        if width and label != self._announced:
            self._announced = label
            self.post_message(self.Zoomed(label))

    def _draw(self, built: axis.Axis) -> list[Strip]:
        styles = {role: self.get_component_rich_style(f"axis--{role}") for role in ROLES}
        chosen = self._selected
        when = chosen.when if chosen is not None else None  # (a bound's is open, drawn so: not approximate)
        rough = when is not None and when.approximate and bound(when) is None
        return [Strip(_segments(row, styles), built.width) for row in draw(built, self.period(chosen), rough)]

    def render_line(self, y: int) -> Strip:
        if y < len(self._lines):
            return self._lines[y].crop_extend(0, self.size.width, self.rich_style).apply_style(self.rich_style)
        return Strip.blank(self.size.width, self.rich_style)

    # -- mouse ----------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        """A click on a bar picks an event lying in that column; on a spread, the period under it."""
        column = self._axis.minutes_of(event.x) if self._axis is not None else None
        if column is None:
            return
        if self._periods is None:  # built on the first click only: most sessions never click
            place = self._placement
            assert place is not None  # no axis is drawn before
            at = place.position
            self._periods = sorted(  # as drawn: a bound's event open on its side (a review: clicks missed it)
                (*axis.opened(place.start[at[e.id]], place.end[at[e.id]], place.group[at[e.id]]), i)
                for i, e in enumerate(self._view)
                if e.when is not None
            )
        chosen = axis.pick(self._periods, column)
        if chosen is not None:
            self.post_message(Navigate(Location("event", self._view[chosen].id)))  # a jump, in the history

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.zoom(1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.zoom(-1)


def _segments(row: list[Cell], styles: dict[str, Style]) -> list[Segment]:
    """Runs of cells with one role become one Rich segment."""
    return [
        Segment("".join(char for char, _ in cells), styles.get(role))
        for role, cells in groupby(row, key=lambda cell: cell[1])
    ]
