"""The timeline: a line-API ScrollView over an array of rows, never a widget per event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.dates import CLOCK_WIDTH, other_reading, until
from ...core.listed_order import ListedOrder, crossing_words
from ...core.provenance import CERTAINTY_MARK
from ...core.records import Event
from ...core.text import width_safe
from ...core.timeline_rows import HEADING, RowIndex, build_rows, time_cell
from ..notebook.marks import marker_of
from .rows import user_moved

if TYPE_CHECKING:
    from ...core.notebook import Snapshot

TIME_WIDTH = CLOCK_WIDTH + 1  # a space, then the time (or what the row's place rests on)


class Timeline(ScrollView, can_focus=True):
    """Every event in order, under day headings, with the gap between days."""

    HELP = """\
## Timeline (pane 1)
Every event under its day (or month, when only the month is known), the days in date order.
`~` marks an approximate time; `[reported]`, `[alleged]`, `[disputed]` mark claims.
Events known only to a day (or month, or year) open it, under "times not given": their order
among themselves is no claim. `↳ after`, `↱ before`: placed by an order the source states, right
after (or before) the event beside it; `↳ after ↑2`: after the event two above it (`↑+`: further, or
hidden by a filter);
`not ordered`: an undated event the source does not order, shown in reading order only.
Its page says which, and quotes the source's words for an order.
The event under the cursor is shown in the Event pane.

Above it, the time axis shows when things happen; each event covers its whole period (a day-precise
event is the whole day, never a point in it). `▇` bars count events whose period lies within one
column; `░` (`▒` where more overlap) spreads a longer one over every column it covers. Below,
`◆` marks a clock time, `◇` an approximate one, `─` days, months, years and ranges, `┄` approximate
ones. The selected event is `▲` (`△` approximate), or `├──┤` over its period when that is wider than a
column (`├┄┄┤` when its date is approximate); `⋯5 mo⋯` is an empty
stretch drawn compressed. Each date label follows its mark `╵`, under the moment it names; the
first names the day. `+` / `-` zoom around the selection (or the mouse wheel over the axis; an
undated event zooms around the dated one it is shown after), `=` shows the whole span again.
Clicking a bar jumps to an event lying in it, clicking a `░` to the period spread there.
"""

    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(-1)", "Last", show=False),
        Binding("enter", "choose", "Open event"),
    ]

    COMPONENT_CLASSES = {
        "timeline--heading",
        "timeline--gap",
        "timeline--time",
        "timeline--cursor",
        "timeline--reported",
        "timeline--alleged",
        "timeline--disputed",
        "timeline--mark",
    }

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class Highlighted(Message):
        def __init__(self, event: Event) -> None:
            self.event = event
            super().__init__()

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, Timeline.Highlighted)  # a key held down: only the last one matters

    class Chosen(Message):
        def __init__(self, event: Event) -> None:
            self.event = event
            super().__init__()

    def __init__(
        self,
        events_in_order: list[Event],
        *,
        position: dict[str, int] | None = None,
        rows: RowIndex | None = None,
        order: ListedOrder | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.view: list[Event] = []
        self._rows: RowIndex = build_rows([])
        self._order: ListedOrder | None = None  # which rows cross by their clocks: made when a clock time is drawn
        self._days: list[int] = []
        self._position: dict[str, int] = {}
        self.annotations: Snapshot | None = None  # the user's notebook: a marker before marked events
        self.set_view(events_in_order, position=position, rows=rows, order=order)

    # -- the view ---------------------------------------------------------
    def set_view(
        self,
        events_in_order: list[Event],
        keep: str | None = None,
        position: dict[str, int] | None = None,
        rows: RowIndex | None = None,
        order: ListedOrder | None = None,
    ) -> None:
        """Show these events; keep the event with id ``keep`` selected when it is among them.
        ``position`` (event id -> index in ``events_in_order``), ``rows`` (``build_rows`` of them) and ``order``
        (their ``ListedOrder``), when the caller has them: the chronology's, for every event."""
        self.view = events_in_order
        self._order = order
        self._rows = rows if rows is not None else build_rows(events_in_order)
        self._days = self._rows.day_starts
        self._position = position if position is not None else {e.id: i for i, e in enumerate(events_in_order)}
        self.virtual_size = Size(0, self._rows.height)
        target = self._position.get(keep, 0) if keep else 0
        self.set_reactive(Timeline.cursor, min(target, max(len(self.view) - 1, 0)))
        self.refresh()
        if self.view:
            self.call_after_refresh(self._cursor_changed)

    @property
    def current(self) -> Event | None:
        return self.view[self.cursor] if self.view else None

    def select(self, event_id: str) -> bool:
        position = self._position.get(event_id)
        if position is None:
            return False
        self.cursor = position
        self._scroll_to_cursor()
        self.call_after_refresh(self._scroll_to_cursor)  # before the first layout the height is unknown
        return True

    # -- actions ----------------------------------------------------------
    def action_move(self, step: int) -> None:
        self._set(self.cursor + step)

    def action_page(self, direction: int) -> None:
        rows = self._rows
        target_row = rows.event_rows[self.cursor] + direction * max(self.scrollable_content_region.height - 1, 1)
        target_row = max(0, min(target_row, rows.height - 1))
        # find the nearest event row in the direction of travel
        while 0 <= target_row < rows.height and rows.positions[target_row] == HEADING:
            target_row += 1 if direction > 0 or target_row == 0 else -1
        if 0 <= target_row < rows.height:
            self._set(rows.positions[target_row])

    def action_edge(self, which: int) -> None:
        self._set(0 if which == 0 else len(self.view) - 1)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current))

    def step_day(self, direction: int) -> None:
        """Move to the first event of the previous (-1) or next (+1) heading."""
        if not self._days:
            return
        if direction > 0:
            later = [d for d in self._days if d > self.cursor]
            if later:
                self._set(later[0])
        else:
            current_day = max(d for d in self._days if d <= self.cursor)
            earlier = [d for d in self._days if d < current_day]
            self._set(earlier[-1] if earlier else current_day)

    def _set(self, position: int) -> None:
        user_moved()
        if self.view:
            self.cursor = max(0, min(position, len(self.view) - 1))
            self._scroll_to_cursor()

    def watch_cursor(self) -> None:
        self._cursor_changed()

    def _cursor_changed(self) -> None:
        self.refresh()
        if self.current is not None:
            # Sent by the timeline itself even when called back from its parent's context: Textual
            # stops a message at its sender's level, and the screen must hear it.
            self.post_message(self.Highlighted(self.current).set_sender(self))

    def _scroll_to_cursor(self) -> None:
        if not self.view:
            return
        row = self._rows.event_rows[self.cursor]
        height = max(self.scrollable_content_region.height, 1)
        top = row - 1 if row > 0 and self._rows.positions[row - 1] == HEADING else row
        top = top - 1 if top in self._rows.labels and self._rows.labels[top][1] else top
        if top < self.scroll_y:
            self.scroll_to(y=max(top - 1, 0), animate=False, immediate=True)
        elif row >= self.scroll_y + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        row = event.y + int(self.scroll_y)
        if 0 <= row < self._rows.height and self._rows.positions[row] != HEADING:
            self.cursor = self._rows.positions[row]
            if event.chain > 1:
                self.action_choose()

    # -- drawing ----------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= self._rows.height:
            return Strip.blank(width, base)
        kind = self._rows.positions[row]
        text = self._heading(row) if kind == HEADING else self._event_line(kind)
        text.truncate(width, overflow="ellipsis", pad=False)
        style = base
        if kind == self.cursor and kind != HEADING:
            style = base + self.get_component_rich_style("timeline--cursor", partial=True)
        # the row's own styles sit on top of the widget (or cursor) background
        strip = Strip(list(text.render(self.app.console)), text.cell_len).apply_style(style)
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _heading(self, row: int) -> Text:
        label, gap_text = self._rows.labels[row]
        text = Text(no_wrap=True, end="")
        if row in self._rows.sub_headings:  # the period's untimed events: their order is no claim
            text.append(f"   {label}", self.get_component_rich_style("timeline--gap", partial=True))
            return text
        text.append(f"── {label} ", self.get_component_rich_style("timeline--heading", partial=True))
        if gap_text:
            text.append(f" · {gap_text}", self.get_component_rich_style("timeline--gap", partial=True))
        return text

    def _event_line(self, position: int) -> Text:
        event = self.view[position]
        text = Text(no_wrap=True, end="")
        text.append(
            f" {time_cell(self.view, position):<{TIME_WIDTH - 1}}",
            self.get_component_rich_style("timeline--time", partial=True),
        )
        text.append(" ")
        mark = CERTAINTY_MARK.get(event.certainty)
        if mark:  # before the title, so truncating a long title never hides it
            text.append(f"{mark} ", self.get_component_rich_style(f"timeline--{event.certainty}", partial=True))
        if other := other_reading(event.when):  # the day under its heading is an assumed order's: said on the row
            text.append(f"{other} ", self.get_component_rich_style("timeline--gap", partial=True))
        if crossed := self._crossed(position):  # across a midnight, the rows' order is not the clocks'
            text.append(f"{crossed} ", self.get_component_rich_style("timeline--gap", partial=True))
        if event.end is not None:  # a period, not its start alone ('Winter 2018' showed as '~Dec' only); before
            # the title, which a narrow pane cuts (a trial read the revelation on 17 or 18 January as the 17th)
            text.append(f"({until(event.end)}) ", self.get_component_rich_style("timeline--gap", partial=True))
        mine = marker_of(self.annotations, "event", event.id)
        if mine:
            text.append(mine, self.get_component_rich_style("timeline--mark", partial=True))
        text.append(width_safe(event.title))  # plain data: appended as Text, never parsed as markup
        return text

    def _crossed(self, position: int) -> str:
        """'(took place before 1 above)' for a clock time listed on the wrong side of others shown."""
        when = self.view[position].when
        if when is None or when.precision != "minute":  # (a view of no clock time never makes its order)
            return ""
        if self._order is None:
            self._order = ListedOrder(self.view)
        return crossing_words(self._order.crossings(self.view[position], position))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width
