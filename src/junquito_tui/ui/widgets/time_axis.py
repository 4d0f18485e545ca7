"""The time-axis strip: how many events fall where, at a zoom that fits the data."""

from __future__ import annotations

import math
from bisect import bisect_left

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from ...core import axis
from ...core.model import Event
from ...core.navigation import Location
from ..messages import Navigate

BLOCKS = " ▁▂▃▄▅▆▇█"
ROWS = 4  # two rows of bars, one of glyphs, one of ticks
LEGEND = "▇count ◆time ◇~time ░vague ▲selected ⋯gap"


class TimeAxis(Widget):
    """Draws only when its inputs change: the view, the filter context, the selection, the zoom, the width."""

    COMPONENT_CLASSES = {"axis--bar", "axis--context", "axis--span", "axis--selected", "axis--tick", "axis--gap"}
    DEFAULT_CSS = "TimeAxis { height: 4; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placement = axis.Placement([])
        self._all: list[Event] = []
        self._all_layer = axis.Layer()
        self._view: list[Event] = []
        self._layer = axis.Layer()
        self._behind: axis.Layer | None = None
        self._starts: list[tuple[int, int]] | None = None  # (start minute, view position), for clicks
        self._selected: Event | None = None
        self._zoom = 0
        self._centre: float | None = None
        self._axis: axis.Axis | None = None
        self._lines: list[Strip] = []

    # -- inputs -------------------------------------------------------------
    def set_events(self, events: list[Event], placement: axis.Placement | None = None) -> None:
        """Every event of the chronology, placed in time once (here, unless already done)."""
        self._placement = placement or axis.Placement(events)
        self._all = events
        self._all_layer = self._placement.layer()
        self.show(None)

    def show(self, view: list[Event] | None) -> None:
        """Draw these events (a filter's matches) over the rest, drawn lighter; None shows all."""
        if view is None:
            self._view, self._layer, self._behind = self._all, self._all_layer, None
        else:
            where = self._placement.position
            self._view = view
            self._layer = self._placement.layer(where[e.id] for e in view)
            self._behind = self._all_layer
        self._starts = None
        self._rebuild()

    def select(self, event: Event | None) -> None:
        self._selected = event
        centre = self._midpoint(event)
        if self._axis is not None and centre is not None and self._axis.column_of(centre) is None:
            self._centre = centre  # the strip follows the selection out of its window
        self._rebuild()

    @property
    def levels(self) -> list[tuple[str, int | None]]:
        extent = (self._behind or self._layer).extent
        return axis.zoom_levels(extent) if extent else [("whole span", None)]

    @property
    def zoom_label(self) -> str:
        return self.levels[min(self._zoom, len(self.levels) - 1)][0]

    def zoom(self, step: int) -> None:
        """+1 zooms in around the selection, -1 out; 0 fits the whole span again."""
        self._zoom = 0 if step == 0 else max(0, min(self._zoom + step, len(self.levels) - 1))
        self._centre = self._midpoint(self._selected)
        self._rebuild()

    @staticmethod
    def _midpoint(event: Event | None) -> float | None:
        if event is None or event.when is None:
            return None
        start, end = axis.interval(event.when, event.end)
        return (start + end) / 2

    # -- layout ---------------------------------------------------------------
    def on_resize(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        width = self.size.width
        levels = self.levels
        zoom = levels[min(self._zoom, len(levels) - 1)]
        self._axis = axis.build(width, self._layer, zoom, self._centre, self._behind) if width else None
        self._lines = self._draw(self._axis, width) if self._axis else []
        self.refresh()

    def _draw(self, built: axis.Axis, width: int) -> list[Strip]:
        style = self.get_component_rich_style
        bar, context, span = style("axis--bar"), style("axis--context"), style("axis--span")
        top: list[Segment] = []
        bottom: list[Segment] = []
        glyphs: list[Segment] = []
        heights = _heights(built.bins.points)
        context_heights = _heights(built.context.points) if built.context else [0] * width
        selected = self._selected_column(built)
        for column in range(width):
            height, behind = heights[column], context_heights[column]
            for row, low in ((top, 8), (bottom, 0)):
                level = max(0, min(height - low, 8))
                level_behind = max(0, min(behind - low, 8))
                if level:
                    row.append(Segment(BLOCKS[level], bar))
                elif level_behind:
                    row.append(Segment(BLOCKS[level_behind], context))
                elif row is bottom and built.bins.spans[column]:
                    row.append(Segment("░", span))
                else:
                    row.append(Segment(" "))
            glyphs.append(self._glyph(built, column, selected))
        return [
            Strip(top, width),
            Strip(bottom, width),
            Strip(_merge_gaps(glyphs, built, style("axis--gap"))),
            self._tick_strip(built, width),
        ]

    def _glyph(self, built: axis.Axis, column: int, selected: int | None) -> Segment:
        if column == selected:
            return Segment("▲", self.get_component_rich_style("axis--selected"))
        points, approximate = built.bins.points[column], built.bins.approximate[column]
        if points:
            return Segment("◇" if points == approximate else "◆", self.get_component_rich_style("axis--bar"))
        if built.bins.spans[column]:
            return Segment("─", self.get_component_rich_style("axis--span"))
        return Segment(" ")

    def _tick_strip(self, built: axis.Axis, width: int) -> Strip:
        cells = [" "] * width
        for tick in built.ticks:
            cells[tick.column : tick.column + len(tick.label)] = list(tick.label)
        return Strip([Segment("".join(cells)[:width], self.get_component_rich_style("axis--tick"))], width)

    def _selected_column(self, built: axis.Axis) -> int | None:
        centre = self._midpoint(self._selected)
        return built.column_of(centre) if centre is not None else None

    def render_line(self, y: int) -> Strip:
        if y < len(self._lines):
            return self._lines[y].crop_extend(0, self.size.width, self.rich_style).apply_style(self.rich_style)
        return Strip.blank(self.size.width, self.rich_style)

    # -- mouse ----------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        if self._axis is None:
            return
        time = self._axis.time_at(event.x)
        if time is None:
            return
        if self._starts is None:  # built on the first click only: most sessions never click
            place = self._placement
            self._starts = sorted((place.start[place.position[e.id]], i) for i, e in enumerate(self._view) if e.when)
        starts = self._starts
        if not starts:
            return
        index = bisect_left(starts, (time, -1))
        nearby = [p for p in (index - 1, index) if 0 <= p < len(starts)]
        best = min(nearby, key=lambda p: abs(starts[p][0] - time))
        # a click on a bar or a tick: a jump to the event nearest that time
        self.post_message(Navigate(Location("event", self._view[starts[best][1]].id)))

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.zoom(1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.zoom(-1)


def _heights(counts: list[int]) -> list[int]:
    """Bar heights in eighths of a cell over two rows (0..16), on a log scale so one event shows."""
    peak = max(counts, default=0)
    if not peak:
        return [0] * len(counts)
    scale = 16 / math.log1p(peak)
    return [max(1, round(math.log1p(c) * scale)) if c else 0 for c in counts]


def _merge_gaps(glyphs: list[Segment], built: axis.Axis, style: Style) -> list[Segment]:
    """Compressed stretches read '⋯5 mo⋯' across their columns."""
    for segment in built.segments:
        if segment.compressed:
            label = f"⋯{axis.gap_label(segment.t1 - segment.t0)}⋯".center(segment.x1 - segment.x0, "⋯")
            for offset, char in enumerate(label[: segment.x1 - segment.x0]):
                glyphs[segment.x0 + offset] = Segment(char, style)
    return glyphs
