"""A scrollbar that keeps its last drawings: a list that loses focus shows the bar it had before.

Textual draws a scrollbar as a Rich renderable, line by line, whenever anything restyles it or
its list (~0.8 ms for 21 lines here, 1.6 ms on a busy machine). On a jump the page left behind
loses focus and its bar goes back to the colours it had when the page was shown: the same
drawing, kept here under everything that goes into it.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.cache import LRUCache
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class KeptScrollBar(ScrollBar):
    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._drawn: LRUCache[Hashable, list[Strip]] = LRUCache(4)

    def drawing_key(self, crop: Region) -> Hashable:
        """What the drawing depends on: the bar's geometry and colours (from render(), which reads
        the list's scrollbar styles and background), this widget's own background and opacity, and
        the app's colour filters."""
        bar = self.render()
        assert isinstance(bar, ScrollBarRender)  # ScrollBar.render returns one
        app = self.app
        return (
            crop,
            self.region.size,
            (bar.virtual_size, bar.window_size, bar.position, bar.thickness, bar.vertical, bar.style),
            self.background_colors,
            self.opacity,
            tuple(self.get_line_filters()),
            app.theme,
            app.native_ansi_color,
            id(app.ansi_theme),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        key = self.drawing_key(crop)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = super().render_lines(crop)
        return drawn
