"""The four panes together: which one is active, where focus goes, the tab bar, the selected item.

A 2x2 grid when wide; one pane at a time under a tab bar when narrow (app.tcss). The deck owns the
active pane and the focus order; the screen asks it to move focus and what the user has selected.
"""

from __future__ import annotations

from textual.containers import Container
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from ...core.navigation import Location
from ..widgets.rows import RowList
from .actors_pane import ActorsPane
from .quotes_pane import QuotesPane
from .timeline_pane import TimelinePane

PANES = ("timeline-pane", "event-pane", "actors-pane", "quotes-pane")
PANE_NAMES = ("Timeline", "Event", "Actors", "Quotes")
# Tab order; a pane's first entry is where focus lands when the pane is chosen.
FOCUS_ORDER = ("timeline", "event-detail", "actor-list", "actor-profile", "quote-list", "quote-detail")
PAGE_LIST = {"event-detail": "timeline", "actor-profile": "actor-list", "quote-detail": "quote-list"}
PANE_OF = {"timeline": 0, "event-detail": 1, "actor-list": 2, "actor-profile": 2, "quote-list": 3, "quote-detail": 3}


class PaneDeck(Container):
    active_pane: var[int] = var(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # how the user left each place (focused list or page, scroll, cursor): back/forward restore it
        self._views: dict[Location, tuple[str, float, int | None]] = {}

    def on_mount(self) -> None:
        self._update_tabs()

    def here(self) -> Location | None:
        """The item the user is looking at: the selection of the active pane."""
        if self.active_pane == 2 and (actor := self.query_one(ActorsPane).current_actor):
            return Location("actor", actor)
        if self.active_pane == 3 and (quote := self.query_one(QuotesPane).current_quote):
            return Location("quote", quote)
        event = self.query_one(TimelinePane).current
        return Location("event", event.id) if event else None

    def remember(self, here: Location) -> None:
        focused = self.screen.focused
        if focused is not None and focused.id in PANE_OF:
            cursor = getattr(focused, "highlighted", None)
            self._views[here] = (focused.id, focused.scroll_y, cursor if isinstance(cursor, int) else None)

    def restore(self, target: Location) -> None:
        """``target`` (already shown) as the user left it, if they were there before."""
        view = self._views.get(target)
        if view is None:
            return
        widget_id, scroll_y, cursor = view
        widget = self.query_one(f"#{widget_id}")
        if isinstance(widget, RowList) and cursor is not None:
            widget.highlighted = cursor
        self.focus_on(widget_id)
        widget.call_after_refresh(widget.scroll_to, y=scroll_y, animate=False, immediate=True)

    def focus_on(self, widget_id: str) -> None:
        """Focus a list or page of a pane (an id of FOCUS_ORDER), making its pane the active one."""
        self.active_pane = PANE_OF[widget_id]
        self.query_one(f"#{widget_id}").focus()

    def show_pane(self, index: int) -> None:
        self.focus_on(next(w for w in FOCUS_ORDER if PANE_OF[w] == index))

    def cycle(self, step: int) -> None:
        focused = self.screen.focused
        position = FOCUS_ORDER.index(focused.id) if focused is not None and focused.id in FOCUS_ORDER else -step
        self.focus_on(FOCUS_ORDER[(position + step) % len(FOCUS_ORDER)])

    def on_descendant_focus(self) -> None:
        focused = self.screen.focused
        if focused is not None and focused.id in PANE_OF:
            self.active_pane = PANE_OF[focused.id]

    def watch_active_pane(self, pane: int) -> None:
        changed = []
        for index, pane_id in enumerate(PANES):
            widget = self.query_one(f"#{pane_id}")
            if widget.has_class("-active") != (index == pane):
                widget.set_class(index == pane, "-active", update=False)
                changed.append(widget)
        # Restyle the panes alone: `-active` styles only a pane's border and title, and
        # restyling every widget inside (as set_class does) cost more than the rest of a jump.
        self.app.stylesheet.update_nodes(changed, animate=False)
        self._update_tabs()

    def _update_tabs(self) -> None:
        parts: list[tuple[str, str] | str] = []
        for index, name in enumerate(PANE_NAMES):
            parts.append((f" {index + 1} {name} ", "reverse bold" if index == self.active_pane else "dim"))
        # one line as wide as the screen whatever it says: no layout needed (a layout costs a frame)
        self.query_one("#pane-tabs", Static).update(Content.assemble(*parts), layout=False)
