"""A line-API list of rows: only the rows on screen are built, wrapped and drawn.

An OptionList wraps and measures every option when it is filled (a profile of 27,000 links
took seconds); here a row is made when it is first needed, so filling a list costs nothing
and a jump repaints as soon as the visible rows are ready. Rows below the screen are
measured a slice at a time while the app is idle, to size the scrollbar.
"""

from __future__ import annotations

import time
from abc import abstractmethod
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar, cast, overload

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from ...core.navigation import Location
from ..steady import steady
from ..wrap_count import line_count
from .kept_scrollbar import KeptScrollBar
from .kept_styles import KeptStyles

IDLE_SLICE = 0.001  # seconds of measuring per idle step, then three times as long for keys and paints
RESIZE_EVERY = 0.5  # seconds between scrollbar updates while measuring in the background
QUIET = 0.3  # seconds after the user's last move before measuring resumes: it must never delay a jump
_last_move = 0.0


def user_moved() -> None:
    """Hold back idle measuring of every list for a moment: the user is moving."""
    global _last_move
    _last_move = time.perf_counter()


KEYS: list[BindingType] = [
    Binding("down,j", "cursor_down", "Down", show=False),
    Binding("up,k", "cursor_up", "Up", show=False),
    Binding("home,g", "first", "First", show=False),
    Binding("end,G", "last", "Last", show=False),
]


@dataclass(frozen=True)
class Row:
    """A line of a list; with a target it can be selected (a link, an actor, a quote)."""

    content: Content
    target: Location | None = None


class _Lazy(Sequence[Row]):
    """Indexing (negative indexes, slices, bounds) over ``_row``, which makes one row."""

    @abstractmethod  # enforced: Sequence's metaclass is ABCMeta
    def _row(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._row(index)


class Run(_Lazy):
    """``count`` rows made on demand by ``make(index)``: a long list costs nothing until shown."""

    def __init__(self, count: int, make: Callable[[int], Row]) -> None:
        self._count = count
        self._make = make

    def __len__(self) -> int:
        return self._count

    def _row(self, index: int) -> Row:
        return self._make(index)


class Rows(_Lazy):
    """Lists and runs joined end to end."""

    def __init__(self, *parts: Sequence[Row]) -> None:
        self._parts = [part for part in parts if len(part)]
        self._starts = list(accumulate((len(part) for part in self._parts), initial=0))

    def __len__(self) -> int:
        return self._starts[-1]

    def _row(self, index: int) -> Row:
        part = bisect_right(self._starts, index) - 1
        return self._parts[part][index - self._starts[part]]

    def __iter__(self) -> Iterator[Row]:
        for part in self._parts:
            yield from part


class RowList(ScrollView, can_focus=True):
    """Rows of text, some selectable; a cursor moves between the selectable ones.

    Looks and behaves like an OptionList (the same keys, cursor, hover and wrapping);
    setting ``highlighted`` moves the cursor quietly, a user's move posts ``Highlighted``.
    """

    DEFAULT_CSS = """
    RowList {
        color: $foreground;
        overflow-x: hidden;
        padding: 0 1;
        background: $surface;
        & > .row-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .row-list--text { color: $text-disabled; }
        & > .row-list--hover { background: $block-hover-background; }
    }
    """

    ALLOW_SELECT = False  # as OptionList: a click picks a row, a drag does not select text
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--row", "row-list--text", "row-list--cursor", "row-list--hover"}

    BINDINGS: ClassVar[list[BindingType]] = [
        *KEYS,
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    class Highlighted(Message):
        """The user moved the cursor to a row."""

        def __init__(self, row_list: RowList, index: int, target: Location) -> None:
            self.row_list = row_list
            self.index = index
            self.target = target
            super().__init__()

        @property
        def control(self) -> RowList:
            return self.row_list

        def can_replace(self, message: Message) -> bool:
            # Keys held down queue a highlight per row: only the last one needs showing.
            return type(self) is type(message) is RowList.Highlighted and message.row_list is self.row_list

    class Selected(Highlighted):
        """The user pressed enter on a row or clicked it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[Row] = ()
        self._highlighted: int | None = None
        self.keep_top = False  # a page shown from its top stays there when laid out, cursor or not
        self._hover: int | None = None
        self._tops: list[int] = [0]  # first line of each measured row, then the line after the last
        self._links: list[bool] = []  # whether each measured row is selectable: drawing needs no row
        self._render_width = 0
        self._width = 0
        self._sized_at = 0.0
        self._generation = 0  # bumped whenever the rows or the width change: stale idle steps stop
        # keyed by style too: focus and theme changes find their own strips, and a pane that
        # loses focus and gets it back is not drawn again
        self._strips: LRUCache[tuple[int, Style], list[Strip]] = LRUCache(512)
        self._kept_styles = KeptStyles()

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles from the stylesheet at each focus change; a list that has been in this
        # state before gets the styles it had then (kept_styles.py).
        self._kept_styles.restyle(self)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's own, made the same way, but keeping its drawings (see kept_scrollbar)."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = KeptScrollBar(thickness=self.scrollbar_size_vertical, name="vertical")
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # -- the rows ---------------------------------------------------------
    def show_rows(self, rows: Sequence[Row], highlighted: int | None = None, *, scroll: bool = True) -> None:
        """Replace the rows (nothing is built yet), put the cursor on ``highlighted`` and (with
        ``scroll``) scroll to it; else show the rows from the top."""
        self.rows = rows
        self._highlighted = highlighted
        self._hover = None
        self._remeasure()
        self.scroll_to(y=0, animate=False, immediate=True)
        if scroll:
            self._scroll_to_row(highlighted)
        self.refresh()  # new rows: when neither the size nor the scroll changed, nothing else repaints

    def rows_changed(self, indexes: Iterable[int]) -> None:
        """These rows, made on demand, now read differently (a marker came or went): measured and
        drawn anew, the others as they were (a list of 50,000 quotes is not measured again for one
        star), the cursor and the scroll staying where they are."""
        self._strips.clear()
        tops = self._tops
        for index in sorted(set(indexes)):
            if 0 <= index < len(tops) - 1:  # measured already: its height may have changed
                shift = self._height(self.rows[index].content, self._width) - (tops[index + 1] - tops[index])
                if shift:
                    tops[index + 1 :] = [top + shift for top in tops[index + 1 :]]
        self._update_virtual_size()
        self.refresh()

    def replace_rows(self, rows: Sequence[Row], shift: int) -> None:
        """The same page with ``shift`` rows more (or fewer) above the cursor: it stays on its row."""
        index, top, keep_top = self._highlighted, self.scroll_y, self.keep_top
        self.show_rows(rows)
        self._highlighted = None if index is None else max(0, min(index + shift, len(rows) - 1))
        self.scroll_to(y=top, animate=False, immediate=True)
        if not keep_top:  # a page read from its top stays there; otherwise the cursor stays in view
            self._scroll_to_row(self._highlighted)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        """Move the cursor without telling anyone (the caller shows what goes with it)."""
        if index is not None and not 0 <= index < len(self.rows):
            index = None
        self.keep_top = False
        self._highlighted = index
        self._scroll_to_row(index)
        self.refresh()

    @property
    def highlighted_target(self) -> Location | None:
        return self.rows[self._highlighted].target if self._highlighted is not None else None

    def is_row_on_screen(self, index: int) -> bool:
        """Whether the row's first line is within the lines shown."""
        self._measure(rows=index + 1)
        height = self.scrollable_content_region.height
        if index >= len(self._tops) or height <= 0:
            return True  # not laid out (a hidden tab): nothing to judge by, so nothing changes
        return self.scroll_y <= self._tops[index] < self.scroll_y + height

    def first_selectable(self) -> int | None:
        return self._next_selectable(-1, 1)

    def _next_selectable(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self.rows):
            if self.rows[index].target is not None:
                return index
            index += step
        return None

    # -- measuring ----------------------------------------------------------
    def _remeasure(self) -> None:
        self._forget_measures()
        self._measure(lines=self.scrollable_content_region.height + 1)
        self._update_virtual_size()

    def _forget_measures(self) -> None:
        self._generation += 1
        self._tops = [0]
        self._links = []
        self._strips.clear()
        self._width = self.scrollable_content_region.width
        if self.rows:
            self.call_after_refresh(self._measure_while_idle, self._generation)

    def _measure(self, *, lines: int = 0, rows: int = 0) -> None:
        """Measure rows until ``lines`` lines or ``rows`` rows are known (or all are)."""
        tops, links, all_rows, width = self._tops, self._links, self.rows, self._width
        if width <= 0:
            return  # not laid out yet: measured at the first resize
        while len(tops) <= len(all_rows) and (tops[-1] < lines or len(tops) - 1 < rows):
            row = all_rows[len(tops) - 1]
            links.append(row.target is not None)
            tops.append(tops[-1] + self._height(steady(row.content), width))

    def _height(self, content: Content, width: int) -> int:
        """Lines once wrapped; Content.get_height builds every wrapped line, this only counts them."""
        if "\t" in content.plain:
            return content.get_height(cast(RulesMap, self.styles), width)
        return sum(line_count(line, width) for line in content.plain.split("\n"))

    def _measure_while_idle(self, generation: int) -> None:
        if generation != self._generation or self._width <= 0:
            return  # stale, or hidden (a tab not shown): the resize that lays it out starts again
        now = time.perf_counter()
        if now - _last_move > QUIET:
            deadline = now + IDLE_SLICE
            while len(self._tops) <= len(self.rows) and time.perf_counter() < deadline:
                self._measure(rows=len(self._tops) + 10)
        finished = len(self._tops) > len(self.rows)
        if finished or now - self._sized_at > RESIZE_EVERY:  # a scrollbar repaint per slice cost more than measuring
            self._sized_at = now
            self._update_virtual_size()
        if not finished:
            self.set_timer(3 * IDLE_SLICE, lambda: self._measure_while_idle(generation))

    def _update_virtual_size(self) -> None:
        """Measured lines, plus the rows not measured yet at the average height so far."""
        measured = len(self._tops) - 1
        average = self._tops[-1] / measured if measured else 1.0
        size = Size(self._width, self._tops[-1] + round((len(self.rows) - measured) * average))
        if size == self.virtual_size:
            return
        # Not through the reactive: that lays out the whole screen again, and only our scrollbar
        # changes (the gutter is stable). A scrollbar appearing or going still lays out.
        self.set_reactive(RowList.virtual_size, size)
        self._scroll_update(size)

    def _row_at_line(self, line: int) -> int | None:
        self._measure(lines=line + 1)
        if line < 0 or line >= self._tops[-1]:
            return None
        return bisect_right(self._tops, line) - 1

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._forget_measures()
        self._update_virtual_size()
        if not self.keep_top:
            self._scroll_to_row(self._highlighted)

    # -- moving -------------------------------------------------------------
    def _move(self, index: int | None) -> None:
        user_moved()
        if index is None:
            return
        self.highlighted = index
        target = self.rows[index].target
        if target is not None:
            self.post_message(self.Highlighted(self, index, target))

    def action_cursor_down(self) -> None:
        following = self._next_selectable(self._cursor_or(-1), 1)
        if following is None:
            self.scroll_relative(y=1, animate=False, immediate=True)  # past the last link: read on
        self._move(following)

    def action_cursor_up(self) -> None:
        preceding = self._next_selectable(self._cursor_or(len(self.rows)), -1)
        if preceding is None:
            self.scroll_relative(y=-1, animate=False, immediate=True)
        self._move(preceding)

    def _cursor_or(self, default: int) -> int:
        return self._highlighted if self._highlighted is not None else default

    def action_first(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)
        self._move(self.first_selectable())

    def action_last(self) -> None:
        self._measure(rows=len(self.rows))
        self._update_virtual_size()
        self.scroll_to(y=self._tops[-1], animate=False, immediate=True)
        self._move(self._next_selectable(len(self.rows), -1))

    def action_page(self, direction: int) -> None:
        page = max(self.scrollable_content_region.height - 1, 1)
        if self._highlighted is None:
            self.scroll_relative(y=direction * page, animate=False, immediate=True)
            return
        self._measure(rows=self._highlighted + 1)
        line = self._tops[self._highlighted] + direction * page
        row = self._row_at_line(max(0, line))
        if row is None:  # beyond the end
            row = len(self.rows) - 1 if direction > 0 else 0
        landing = self._next_selectable(row - direction, direction)
        self._move(landing if landing is not None else self._next_selectable(row, -direction))

    def action_select(self) -> None:
        user_moved()
        index = self._highlighted
        if index is not None and (target := self.rows[index].target) is not None:
            self.post_message(self.Selected(self, index, target))

    def _scroll_to_row(self, index: int | None) -> None:
        if index is None or not self.scrollable_content_region:
            return
        self._measure(rows=index + 1)
        self._update_virtual_size()
        top, bottom = self._tops[index], self._tops[index + 1]
        height = max(self.scrollable_content_region.height, 1)
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=min(top, bottom - height), animate=False, immediate=True)

    # -- the mouse ------------------------------------------------------------
    def _row_under(self, y: int) -> int | None:
        return self._row_at_line(y + int(self.scroll_y))

    def on_click(self, event: events.Click) -> None:
        index = self._row_under(event.y)
        if index is not None and self.rows[index].target is not None:
            self._move(index)
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_under(event.y))

    def on_leave(self) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            self.refresh()

    # -- drawing ----------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        self._render_width = width = self.scrollable_content_region.width  # once, not per line
        if width != self._width:  # laid out anew, and painted before on_resize runs
            self._forget_measures()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._render_width or self.scrollable_content_region.width
        index = self._row_at_line(y + int(self.scroll_y))
        if index is None:
            return Strip.blank(width, self.get_visual_style("row-list--row").rich_style)
        strips = self._row_strips(index, width)
        line = y + int(self.scroll_y) - self._tops[index]
        return strips[line] if line < len(strips) else Strip.blank(width)

    def _row_strips(self, index: int, width: int) -> list[Strip]:
        """The row's lines, made (and its row built) only when not cached."""
        if not self._links[index]:
            style = self.get_visual_style("row-list--row", "row-list--text")
        elif index == self._highlighted:
            style = self.get_visual_style("row-list--row", "row-list--cursor")
        elif index == self._hover:
            style = self.get_visual_style("row-list--row", "row-list--hover")
        else:
            style = self.get_visual_style("row-list--row")
        key = (index, style)
        strips = self._strips.get(key)
        if strips is None:
            content = steady(self.rows[index].content)
            if content.cell_length <= width and "\n" not in content.plain and "\t" not in content.plain:
                # one line as it is: a third of the cost of the general path, same cells and styles
                rendered = [Strip(content.render_segments(style), content.cell_length)]
            else:
                rendered = Visual.to_strips(self, content, width, None, style)
            strips = [strip.extend_cell_length(width, style.rich_style) for strip in rendered]
            self._strips[key] = strips
        return strips

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width
