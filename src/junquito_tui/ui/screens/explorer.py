"""The main screen: four panes, the search panel over them, and the jumps between them.

The screen keeps only what the panes share: the current event and actor (bound into the
quotes and event panes) and the timeline filter (bound into the timeline and the search
panel). Every jump arrives as one ``Navigate`` message, handled here and recorded in the
history; each pane owns the rest of its state.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ...core.chronology import Chronology
from ...core.citation import OpenedAs
from ...core.navigation import History, Location
from ...core.placing import Placing
from ...core.records import Event
from ...core.text import one_line
from .. import pages
from ..messages import Navigate, TimelineFilter
from ..notebook.layer import NotebookLayer
from ..notebook.sharing import Sharing
from ..panes.actors_pane import ActorsPane
from ..panes.deck import PAGE_LIST, PANE_OF, PaneDeck
from ..panes.event_pane import EventPane
from ..panes.quotes_pane import QuotesPane
from ..panes.search_panel import SearchPanel
from ..panes.timeline_pane import TimelinePane
from ..widgets.footer import KeyFooter
from ..widgets.timeline import Timeline
from .source import SourceScreen

if TYPE_CHECKING:
    from ...core.notebook import Snapshot

MIN_SIZE = (40, 12)  # below this the layout cannot hold a readable pane


# The palette's providers are imported when first used, not at start-up (bench/run.py).
def _event_provider() -> type[Provider]:
    from ..commands import EventProvider

    return EventProvider


def _actor_provider() -> type[Provider]:
    from ..commands import ActorProvider

    return ActorProvider


def _quote_provider() -> type[Provider]:
    from ..commands import QuoteProvider

    return QuoteProvider


def _saved_search_provider() -> type[Provider]:
    from ..commands import SavedSearchProvider

    return SavedSearchProvider


_TOAST_HINT = 240  # characters of each hint shown when a filter is applied (the search box shows them whole)


class ExplorerScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # a short terminal keeps its rows for text
    COMMANDS = Screen.COMMANDS | {_event_provider, _actor_provider, _quote_provider, _saved_search_provider}

    BINDINGS = [
        # A priority binding acts as the key arrives. Otherwise the key first goes to the focused pane
        # and bubbles back, while keys typed straight after it ("/raid") are already routed there too.
        Binding("slash", "open_search", "Search", priority=True),
        Binding("n", "step_match(1)", "Next hit"),
        Binding("N", "step_match(-1)", "Prev hit"),
        # escape: from a page back to its list; else clear the timeline filter (the first allowed runs)
        Binding("escape", "back_to_list", "Back to the list"),
        Binding("escape", "clear_filter", "Clear filter"),
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
        Binding("w", "accounts", "Accounts: who says what", show=False),
        # shown in the footer while there are any: the toast went, and nothing said the file had warnings (a UI trial)
        Binding("exclamation_mark", "warnings", "Warnings", key_display="!"),
    ]

    # Shared state, bound into the panes. vars, not reactives: a reactive on the screen repaints
    # the whole screen when it changes.
    current_event: var[Event | None] = var(None, init=False)
    current_actor: var[str | None] = var(None, init=False)
    timeline_filter: var[TimelineFilter | None] = var(None, init=False)
    annotations: var[Snapshot | None] = var(None, init=False)  # the user's notebook, as the panes show it
    # True while the dataset shown is a fast reading whose full check (another process) still runs.
    checking: var[bool] = var(False, init=False)
    # Textual's own `focused` repaints the whole screen at every focus change; the widgets that
    # gain and lose focus restyle and repaint themselves, which is all this screen needs.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(
        self,
        chronology: Chronology,
        start: Location | None,
        placing: Placing | None = None,
        *,
        opened: OpenedAs | None = None,
        notebook_file: str | None = None,
        use_notebook: bool = True,
    ) -> None:
        super().__init__()
        self.chronology = chronology
        self.sharing = Sharing(chronology, opened)
        # opened after the first frame; the dataset's file finds it
        self.notebook_wanted = (self.sharing.opened.path, notebook_file) if use_notebook else None
        self._placing = placing  # the time axis's placement, when the loading screen made one
        self.history = History(start)
        self._start = start
        self._return_focus: str | None = None  # where focus goes back to when search closes

    # -- layout -----------------------------------------------------------
    def compose(self) -> ComposeResult:
        chronology, opened = self.chronology, self.sharing.opened
        with NotebookLayer(chronology, self.sharing, self.notebook_wanted, id="body"):
            yield SearchPanel(chronology, id="search-panel").data_bind(ExplorerScreen.timeline_filter)
            with PaneDeck(id="panes"):
                yield Static(id="pane-tabs")
                timeline = TimelinePane(chronology, self._placing, id="timeline-pane", classes="pane")
                yield timeline.data_bind(
                    ExplorerScreen.timeline_filter, ExplorerScreen.annotations, ExplorerScreen.checking
                )
                event = EventPane(chronology, opened=opened, id="event-pane", classes="pane")
                yield event.data_bind(ExplorerScreen.current_event, ExplorerScreen.annotations)
                yield ActorsPane(chronology, opened=opened, id="actors-pane", classes="pane").data_bind(
                    ExplorerScreen.annotations
                )
                quotes = QuotesPane(chronology, opened=opened, id="quotes-pane", classes="pane")
                yield quotes.data_bind(
                    ExplorerScreen.current_event, ExplorerScreen.current_actor, ExplorerScreen.annotations
                )
            yield Static(
                f"The terminal is too small: make it at least {MIN_SIZE[0]}×{MIN_SIZE[1]}.",
                id="too-small",
                markup=False,
            )
        yield KeyFooter(compact=True)

    @property
    def deck(self) -> PaneDeck:
        return self.query_one(PaneDeck)

    @property
    def notebook_layer(self) -> NotebookLayer:
        return self.query_one(NotebookLayer)

    @property
    def timeline_pane(self) -> TimelinePane:
        return self.query_one(TimelinePane)

    @property
    def actors_pane(self) -> ActorsPane:
        return self.query_one(ActorsPane)

    @property
    def quotes_pane(self) -> QuotesPane:
        return self.query_one(QuotesPane)

    @property
    def search_panel(self) -> SearchPanel:
        return self.query_one(SearchPanel)

    def on_mount(self) -> None:
        if self._start is not None and self._start.kind == "quote":  # (--quote: its event selected beside it)
            self.timeline_pane.select(self.chronology.quotes[self._start.id].event)
        if self._start is not None:
            self._show(self._start)
        if self.search_panel.is_large:
            # Large datasets: index in the background, once the first frame is painted (the thread
            # shares the interpreter with the painting, and would hold back the rows on screen).
            self.call_after_refresh(self.search_panel.start_indexing)

    def on_resize(self) -> None:
        too_small = self.size.width < MIN_SIZE[0] or self.size.height < MIN_SIZE[1]
        self.set_class(too_small, "-too-small")
        if not too_small and self.focused is None:  # hiding the panes took the focus away
            self.call_after_refresh(self.deck.show_pane, self.deck.active_pane)

    # -- what the panes share -------------------------------------------------
    @on(Timeline.Highlighted)
    def _event_highlighted(self, message: Timeline.Highlighted) -> None:
        self.current_event = message.event

    @on(Timeline.Chosen)
    def _event_chosen(self) -> None:
        self._focus("event-detail")

    @on(ActorsPane.Changed)
    def _actor_changed(self, message: ActorsPane.Changed) -> None:
        self.current_actor = message.actor_id

    @on(SearchPanel.FilterChanged)
    def _filter_changed(self, message: SearchPanel.FilterChanged) -> None:
        self.timeline_filter = message.timeline_filter
        if message.show:  # `f` in the results: the filtered timeline, not the search box over it
            self.search_panel.close()
            self._focus("timeline")
            if (shown := message.timeline_filter) is not None and shown.hints:
                # what the search said it left out goes with it (a UI trial: a day read the other way round
                # went unsaid once the box closed)
                said = "\n".join(one_line(hint, _TOAST_HINT) for hint in shown.hints)
                self.notify(said, title="The filter, as the search said", timeout=15, markup=False)
        self.refresh_bindings()

    @on(SearchPanel.Updated)
    def _results_changed(self) -> None:
        self.refresh_bindings()  # n / N appear once events match

    def here(self) -> Location | None:
        """The item the user is looking at: the selection of the active pane."""
        return self.deck.here()

    @on(NotebookLayer.Changed)
    def _notebook_changed(self, message: NotebookLayer.Changed) -> None:
        """The panes' markers and pages, and the search's is:/note:/mytag:, follow the notebook."""
        self.annotations = message.snapshot
        self.search_panel.set_annotations(message.snapshot)

    # -- jumping ----------------------------------------------------------
    @on(Navigate)
    def _navigate(self, message: Navigate) -> None:
        """A jump the user asked for: recorded in the history, then shown."""
        message.stop()
        here = self._remember()
        self.history.visit(message.target, here=here)
        self._show(message.target)
        self.refresh_bindings()

    def _show(self, target: Location) -> None:
        """Select ``target`` in its pane, scroll to it and focus that pane."""
        from ..widgets.rows import user_moved

        user_moved()
        if target.kind == "event":
            if not self.timeline_pane.select(target.id):
                self.timeline_filter = None  # the event is filtered out: show everything again
                self.timeline_pane.select(target.id)
            self._focus("timeline")
        elif target.kind == "actor":
            self.actors_pane.show_actor(target.id)
            self._focus("actor-profile")
        elif target.kind == "quote":
            self.quotes_pane.show_quote(target.id)
            self._focus("quote-detail")
        elif target.kind == "source" and self.app.screen is self:  # never a page over a page
            rows = pages.source_rows(self.chronology, target.id)
            self.app.push_screen(SourceScreen(rows, target.id, self.sharing), self._after_source)

    def _after_source(self, followed: Navigate | None) -> None:
        if followed is not None:
            self.post_message(Navigate(followed.target))

    def action_history_back(self) -> None:
        if not self.history.can_go_back:  # nowhere to go back to: from a page, back to its list
            self.action_back_to_list()
            return
        target = self.history.back(here=self._remember())
        if target is not None:
            self._return_to(target)
        self.refresh_bindings()

    def action_history_forward(self) -> None:
        target = self.history.forward(here=self._remember())
        if target is not None:
            self._return_to(target)
        self.refresh_bindings()

    def _remember(self) -> Location | None:
        """Where the user is; the deck keeps how they left it (focus, scroll, cursor) for back/forward."""
        here = self.here()
        if here is not None:
            self.deck.remember(here)
        return here

    def _return_to(self, target: Location) -> None:
        """Back or forward to a place: shown as it was left, scroll and cursor included."""
        self._show(target)
        self.deck.restore(target)

    def _on_page(self) -> bool:
        return self.focused is not None and self.focused.id in PAGE_LIST

    def action_back_to_list(self) -> None:
        """From an event, actor or quote page to the list it belongs to (at 80 columns: another tab)."""
        if self.focused is not None and self.focused.id in PAGE_LIST:
            self._focus(PAGE_LIST[self.focused.id])
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_search":
            # In the box '/' is a character: typed in order with the keys before it. Inserting it
            # from this priority binding put it ahead of keys still queued ('raid [/]' became '/raid []').
            return self.focused is not self.search_panel.input
        if action == "history_back":  # None: shown dimmed in the footer
            return True if self.history.can_go_back or self._on_page() else None
        if action == "back_to_list":
            return self._on_page()
        if action == "warnings":
            return bool(self.load_warnings)
        if action == "history_forward":
            return self.history.can_go_forward  # hidden until there is somewhere to go forward to
        if action == "step_match":
            results = self.search_panel.results
            return bool(results and results.counts.get("event"))  # only once events matched
        if action == "clear_filter":
            return self.timeline_filter is not None  # hidden (and escape passes on) without a filter
        return True

    # -- search -------------------------------------------------------------
    def action_open_search(self) -> None:
        panel = self.search_panel
        if not panel.is_open:
            self._return_focus = self.focused.id if self.focused is not None else None
        panel.open()

    def search_for(self, query: str) -> None:
        """The search box opened with ``query`` in it (a saved search, from the palette)."""
        panel = self.search_panel
        if not panel.is_open:
            self.action_open_search()
        panel.input.value = query
        panel.input.cursor_position = len(query)

    @on(SearchPanel.Closed)
    def _search_closed(self) -> None:
        self.search_panel.close()
        self._focus(self._return_focus if self._return_focus in PANE_OF else "timeline")
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        self.timeline_filter = None
        self.refresh_bindings()

    def action_step_match(self, step: int) -> None:
        """Move the timeline to the next (1) or previous (-1) matching event, wrapping round."""
        event_id = self.timeline_pane.next_match(self.search_panel.matched_events, step)
        if event_id is None:
            return
        if not self.timeline_pane.select(event_id):
            self.timeline_filter = None
            self.timeline_pane.select(event_id)
        self._focus("timeline")

    # -- panes and focus (the deck keeps which pane is active) --------------------------------
    def _focus(self, widget_id: str) -> None:
        self.deck.focus_on(widget_id)

    def action_pane(self, index: int) -> None:
        self.deck.show_pane(index)

    def action_cycle(self, step: int) -> None:
        self.deck.cycle(step)

    def action_day(self, direction: int) -> None:
        self.timeline_pane.step_day(direction)
        self._focus("timeline")

    def action_zoom_axis(self, step: int) -> None:
        self.timeline_pane.zoom(step)

    def action_help(self) -> None:
        from .help import HelpScreen, help_markdown

        self.app.push_screen(HelpScreen(help_markdown(self)))

    def action_accounts(self) -> None:
        """Every claim by its moment, opened at the current event; a jump from it comes back here."""
        from .accounts import AccountsScreen

        event = self.timeline_pane.current
        self.app.push_screen(AccountsScreen(self.chronology, event.id if event else None), self._after_source)

    def action_warnings(self) -> None:
        """Every warning of the dataset's opening (the toast at start shows a few)."""
        from .warnings import WarningsScreen

        self.app.clear_notifications()  # the toast of a few of them, drawn over any screen
        self.app.push_screen(WarningsScreen(self.load_warnings, self.sharing.opened))

    @property
    def load_warnings(self) -> list[str]:
        return list(getattr(self.app, "load_warnings", []))

    # -- palette ------------------------------------------------------------
    def system_commands(self) -> Iterable[SystemCommand]:
        """The palette's commands for this screen (ui/palette.py)."""
        from ..palette import explorer_commands

        return explorer_commands(self)
