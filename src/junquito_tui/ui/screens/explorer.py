"""The main screen: four linked panes and the jump history between them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.reactive import Reactive, var
from textual.widget import Widget
from textual.widgets import Static

from ...core.axis import Placement
from ...core.chronology import Chronology
from ...core.dates import short_date
from ...core.model import Quote
from ...core.navigation import History, Location
from .. import pages
from ..widgets.footer import KeyFooter
from ..widgets.links import KEYS, LinkList
from ..widgets.rows import Row, RowList, Run, user_moved
from ..widgets.search_panel import SYNC_LIMIT, ResultList, SearchPanel
from ..widgets.time_axis import LEGEND, TimeAxis
from ..widgets.timeline import Timeline
from .help import HelpScreen, bindings_table
from .searching import SearchingScreen
from .source import SourceScreen

if TYPE_CHECKING:
    from ..app import JunquitoApp

PANES = ("timeline-pane", "event-pane", "actors-pane", "quotes-pane")
PANE_NAMES = ("Timeline", "Event", "Actors", "Quotes")
# Tab order; a pane's first entry is where focus lands when the pane is chosen.
FOCUS_ORDER = ("timeline", "event-detail", "actor-list", "actor-profile", "quote-list", "quote-detail")
PANE_OF = {"timeline": 0, "event-detail": 1, "actor-list": 2, "actor-profile": 2, "quote-list": 3, "quote-detail": 3}
QUOTE_FILTERS = ("all", "event", "actor")
MIN_SIZE = (40, 12)  # below this the layout cannot hold a readable pane


class ActorList(RowList):
    HELP = """\
## Actors (pane 3)
Every person, force and body, grouped by side. The profile beside the list shows
relations, every event they take part in and every quote they said, all as links.
"""
    BINDINGS = [Binding("enter", "select", "Open profile")]


class QuoteList(RowList):
    HELP = """\
## Quotes (pane 4)
Every quote with its speaker and date; the one under the cursor is shown whole below,
with links to its speaker, its event and its source. `f` filters the list to the
current event, then to the current actor, then back to all.
"""
    BINDINGS = [Binding("enter", "select", "Open quote"), Binding("f", "screen.filter_quotes", "Filter quotes")]


class ExplorerScreen(SearchingScreen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # a short terminal keeps its rows for text

    BINDINGS = [
        Binding("tab", "cycle(1)", "Next pane", show=False),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False),
        Binding("1", "pane(0)", "Timeline", show=False),
        Binding("2", "pane(1)", "Event", show=False),
        Binding("3", "pane(2)", "Actors", show=False),
        Binding("4", "pane(3)", "Quotes", show=False),
        Binding("backspace,alt+left", "history_back", "Back"),
        Binding("alt+right", "history_forward", "Forward"),
        Binding("left_square_bracket", "day(-1)", "Prev day"),
        Binding("right_square_bracket", "day(1)", "Next day"),
        Binding("plus", "zoom_axis(1)", "Zoom in", show=False),
        Binding("minus", "zoom_axis(-1)", "Zoom out", show=False),
        Binding("equals_sign", "zoom_axis(0)", "Whole span", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    # vars, not reactives: a reactive on the screen repaints the whole screen when it changes
    active_pane: var[int] = var(0)
    # Textual's own `focused` repaints the whole screen at every focus change; the widgets that
    # gain and lose focus restyle and repaint themselves, which is all this screen needs.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    quote_filter: var[str] = var("all", init=False)

    def __init__(self, chronology: Chronology, start: Location | None, placement: Placement | None = None) -> None:
        super().__init__(chronology)
        self._placement = placement
        self.history = History(start)
        self._start = start
        self._quote_view: Sequence[Quote] = chronology.quote_order
        self._quote_rows: dict[str, int] | None = None  # quote id -> row, built when first needed
        self._actor_rows: dict[str, int] = {}

    @property
    def explorer(self) -> JunquitoApp:
        return self.app  # type: ignore[return-value]

    # -- layout -----------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield SearchPanel(id="search-panel")
        yield Static(id="pane-tabs")
        with Container(id="panes"):
            with Vertical(id="timeline-pane", classes="pane"):
                yield TimeAxis(id="time-axis")
                yield Timeline(self.chronology.events, id="timeline")
            with Vertical(id="event-pane", classes="pane"):
                yield LinkList(id="event-detail")
            with Horizontal(id="actors-pane", classes="pane"):
                yield ActorList(id="actor-list")
                yield LinkList(id="actor-profile")
            with Vertical(id="quotes-pane", classes="pane"):
                yield QuoteList(id="quote-list")
                yield LinkList(id="quote-detail")
        yield Static(
            f"The terminal is too small: make it at least {MIN_SIZE[0]}×{MIN_SIZE[1]}.", id="too-small", markup=False
        )
        yield KeyFooter(compact=True)

    def on_resize(self) -> None:
        too_small = self.size.width < MIN_SIZE[0] or self.size.height < MIN_SIZE[1]
        self.set_class(too_small, "-too-small")
        if not too_small and self.focused is None:  # hiding the panes took the focus away
            self.call_after_refresh(self.action_pane, self.active_pane)

    def on_mount(self) -> None:
        self.query_one(TimeAxis).set_events(self.chronology.events, self._placement)
        data = self.chronology.dataset
        self._title_timeline()
        self.query_one("#event-pane").border_title = "2 Event"
        self.query_one("#actors-pane").border_title = f"3 Actors · {len(data.actors):,}"
        self._fill_actor_list()
        self._fill_quote_list()
        if self._start is not None:
            self.show(self._start)
        self._update_tabs()
        if self._document_count() > SYNC_LIMIT:
            # Large datasets: index in the background, once the first frame is painted (the thread
            # shares the interpreter with the painting, and would hold back the rows on screen).
            self.call_after_refresh(self._start_indexing)

    def action_zoom_axis(self, step: int) -> None:
        self.query_one(TimeAxis).zoom(step)
        self._subtitle_timeline()

    def _subtitle_timeline(self) -> None:
        pane = self.query_one("#timeline-pane")
        pane.border_subtitle = f"{self.query_one(TimeAxis).zoom_label} (+-=) · {LEGEND}"

    @on(TimeAxis.Picked)
    def _axis_picked(self, message: TimeAxis.Picked) -> None:
        self.goto(Location("event", message.event.id))

    def _title_timeline(self) -> None:
        total = len(self.chronology.events)
        title = f"1 Timeline · {total:,} events"
        if self.timeline_filter is not None:
            shown = len(self.query_one(Timeline).view)
            query = self.timeline_filter.strip()
            title = f"1 Timeline · filter: {query} · {shown:,} of {total:,} events (escape clears)"
        self.query_one("#timeline-pane").border_title = title
        self._subtitle_timeline()

    def _fill_actor_list(self) -> None:
        """Actors grouped under their side, sides in order of first appearance."""
        sides: dict[str, list[str]] = {}
        for actor in self.chronology.dataset.actors:
            sides.setdefault(actor.side or "No side given", []).append(actor.id)
        entries: list[tuple[str, str | None]] = []  # (side heading, None) or (name, actor id)
        for side, ids in sides.items():
            entries.append((f"{side} ({len(ids):,})", None))
            entries += [(self.chronology.actors[actor_id].name, actor_id) for actor_id in ids]
        self._actor_rows = {actor_id: row for row, (_, actor_id) in enumerate(entries) if actor_id is not None}

        def make(index: int) -> Row:
            label, actor_id = entries[index]
            if actor_id is None:
                return Row(Content.styled(label, "bold"))
            return Row(Content(f"  {label}"), Location("actor", actor_id))

        actor_list = self.query_one(ActorList)
        actor_list.show_rows(Run(len(entries), make))
        actor_list.highlighted = actor_list.first_selectable()
        if (actor_id := self._current_actor()) is not None:
            self._show_actor(actor_id)

    def _fill_quote_list(self, keep: str | None = None) -> None:
        chronology = self.chronology
        self._quote_view = view = self._filtered_quotes()
        self._quote_rows = None

        def make(index: int) -> Row:
            quote = view[index]
            event = chronology.event(quote.event)
            byline = f"  — {pages.speaker_name(chronology, quote)}, {short_date(event.when)}, in: {event.title}"
            content = Content.assemble(pages.preview(quote), "\n", (byline, "italic"))
            return Row(content, Location("quote", quote.id))

        quote_list = self.query_one(QuoteList)
        quote_list.show_rows(Run(len(view), make), self._quote_row(keep) if keep else (0 if view else None))
        if not view:
            self.query_one("#quote-detail", LinkList).show([pages.text("No quotes here.", "italic")])
        elif (quote_id := self._current_quote()) is not None:
            self._show_quote(quote_id)
        title = f"4 Quotes · {len(view):,}"
        if self.quote_filter == "event" and (shown := self.query_one(Timeline).current):
            title += f" of event: {shown.title}"
        elif self.quote_filter == "actor" and (actor_id := self._current_actor()):
            title += f" of actor: {self.chronology.actors[actor_id].name}"
        self.query_one("#quotes-pane").border_title = title

    def _filtered_quotes(self) -> Sequence[Quote]:
        chronology = self.chronology
        if self.quote_filter == "event" and (event := self.query_one(Timeline).current):
            return chronology.quotes_by_event.get(event.id, ())
        if self.quote_filter == "actor" and (actor_id := self._current_actor()):
            return chronology.quotes_by_speaker.get(actor_id, ())
        return chronology.quote_order

    def _quote_row(self, quote_id: str) -> int | None:
        if self._quote_rows is None:
            self._quote_rows = {quote.id: row for row, quote in enumerate(self._quote_view)}
        return self._quote_rows.get(quote_id)

    # -- where the user is ------------------------------------------------
    def _current_actor(self) -> str | None:
        target = self.query_one(ActorList).highlighted_target
        return target.id if target is not None else None

    def _current_quote(self) -> str | None:
        target = self.query_one(QuoteList).highlighted_target
        return target.id if target is not None else None

    def here(self) -> Location | None:
        """The item the user is looking at: the selection of the focused pane."""
        pane = self.active_pane
        if pane == 2 and (actor := self._current_actor()):
            return Location("actor", actor)
        if pane == 3 and (quote := self._current_quote()):
            return Location("quote", quote)
        event = self.query_one(Timeline).current
        return Location("event", event.id) if event else None

    # -- jumping ----------------------------------------------------------
    def goto(self, target: Location) -> None:
        """A jump the user asked for: recorded in the history, then shown."""
        self.history.visit(target, here=self.here())
        self.show(target)
        self.refresh_bindings()

    def show(self, target: Location) -> None:
        """Select ``target`` in its pane, scroll to it and focus that pane."""
        user_moved()
        if target.kind == "event":
            if not self.query_one(Timeline).select(target.id):
                self.action_clear_filter()  # the event is filtered out: show everything again
                self.query_one(Timeline).select(target.id)
            self._focus("timeline")
        elif target.kind == "actor":
            self.query_one(ActorList).highlighted = self._actor_rows[target.id]
            self._show_actor(target.id)
            self._focus("actor-profile")
        elif target.kind == "quote":
            if self._quote_row(target.id) is None:  # filtered out: show every quote again
                self.quote_filter = "all"
            self.query_one(QuoteList).highlighted = self._quote_row(target.id)
            self._show_quote(target.id)
            self._focus("quote-detail")
        elif target.kind == "source":
            rows = pages.source_rows(self.chronology, target.id)
            self.app.push_screen(SourceScreen(rows, target.id), self._after_source)

    def _after_source(self, followed: Location | None) -> None:
        if followed is not None:
            self.goto(followed)

    def action_history_back(self) -> None:
        target = self.history.back(here=self.here())
        if target is not None:
            self.show(target)
        self.refresh_bindings()

    def action_history_forward(self) -> None:
        target = self.history.forward(here=self.here())
        if target is not None:
            self.show(target)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "history_back":
            return True if self.history.can_go_back else None  # None: shown dimmed in the footer
        if action == "history_forward":
            return self.history.can_go_forward  # hidden until there is somewhere to go forward to
        return super().check_action(action, parameters)

    # -- panes and focus --------------------------------------------------
    def _restore_focus(self, widget_id: str | None) -> None:
        self._focus(widget_id if widget_id in PANE_OF else "timeline")

    def _focus(self, widget_id: str) -> None:
        self.active_pane = PANE_OF[widget_id]
        self.query_one(f"#{widget_id}").focus()

    def action_pane(self, index: int) -> None:
        self._focus(next(w for w in FOCUS_ORDER if PANE_OF[w] == index))

    def action_cycle(self, step: int) -> None:
        focused = self.focused.id if self.focused is not None else None
        position = FOCUS_ORDER.index(focused) if focused in FOCUS_ORDER else -step
        self._focus(FOCUS_ORDER[(position + step) % len(FOCUS_ORDER)])

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
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

    def action_day(self, direction: int) -> None:
        self.query_one(Timeline).step_day(direction)
        self._focus("timeline")

    def action_help(self) -> None:
        sections: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, *self.app.BINDINGS]),
            ("Timeline", list(Timeline.BINDINGS)),
            ("Lists and pages", [*LinkList.BINDINGS, *KEYS]),
            ("Quotes", list(QuoteList.BINDINGS)),
            ("Search results", list(ResultList.BINDINGS)),
        ]
        panes = (Timeline, LinkList, ActorList, QuoteList, SearchPanel)
        helps = "\n".join(w.HELP for w in panes)
        intro = (
            "# junquito-tui\n\nRead the chronology in the Timeline; every person, force, quote and source "
            "is a link. Jumps are remembered: go back and forward as in a browser.\n\n"
            "`ctrl+p` opens the command palette: *Go to event…*, *Go to actor…*, *Go to quote…*.\n\n"
        )
        self.app.push_screen(
            HelpScreen(intro + "## Keys\n\n" + bindings_table(sections, self.app.get_key_display) + "\n" + helps)
        )

    def action_filter_quotes(self) -> None:
        self.quote_filter = QUOTE_FILTERS[(QUOTE_FILTERS.index(self.quote_filter) + 1) % len(QUOTE_FILTERS)]

    def watch_quote_filter(self) -> None:
        self._fill_quote_list(keep=self._current_quote())

    # -- selection changes ------------------------------------------------
    @on(Timeline.Highlighted)
    def _event_highlighted(self, message: Timeline.Highlighted) -> None:
        event = message.event
        self.query_one(TimeAxis).select(event)
        self.query_one("#event-detail", LinkList).show(pages.event_rows(self.chronology, event))
        self.query_one("#event-pane").border_title = f"2 Event · {short_date(event.when)}"
        if self.quote_filter == "event":
            self._fill_quote_list()

    @on(Timeline.Chosen)
    def _event_chosen(self) -> None:
        self._focus("event-detail")

    @on(RowList.Highlighted, "#actor-list")
    def _actor_highlighted(self, message: RowList.Highlighted) -> None:
        self._show_actor(message.target.id)

    @on(RowList.Selected, "#actor-list")
    def _actor_chosen(self) -> None:
        self._focus("actor-profile")

    def _show_actor(self, actor_id: str) -> None:
        self.query_one("#actor-profile", LinkList).show(pages.actor_rows(self.chronology, actor_id))
        if self.quote_filter == "actor":
            self._fill_quote_list()

    @on(RowList.Highlighted, "#quote-list")
    def _quote_highlighted(self, message: RowList.Highlighted) -> None:
        self._show_quote(message.target.id)

    @on(RowList.Selected, "#quote-list")
    def _quote_chosen(self) -> None:
        self._focus("quote-detail")

    def _show_quote(self, quote_id: str) -> None:
        self.query_one("#quote-detail", LinkList).show(
            pages.quote_rows(self.chronology, self.chronology.quotes[quote_id])
        )

    @on(LinkList.Followed)
    def _followed(self, message: LinkList.Followed) -> None:
        self.goto(message.target)
