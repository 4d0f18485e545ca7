"""Search on the main screen: the panel, the index (built in a worker when large),
the timeline filter and stepping through the matches with n / N.

The explorer screen extends this one; it supplies the panes and the jumps.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ...core.chronology import Chronology
from ...core.memory import freeze_loaded_objects
from ...core.navigation import Location
from ..widgets.search_panel import SYNC_LIMIT, SearchInput, SearchPanel
from ..widgets.time_axis import TimeAxis
from ..widgets.timeline import Timeline

if TYPE_CHECKING:  # the search engine is imported when the first search runs, not at start-up
    from ...core.search import Results, SearchIndex


class SearchingScreen(Screen[None]):
    BINDINGS = [
        # A priority binding acts as the key arrives. Otherwise the key first goes to the focused pane
        # and bubbles back, while keys typed straight after it ("/raid") are already routed there too.
        Binding("slash", "open_search", "Search", priority=True),
        Binding("n", "step_match(1)", "Next hit"),
        Binding("N", "step_match(-1)", "Prev hit"),
        Binding("escape", "clear_filter", "Clear filter"),
    ]

    def __init__(self, chronology: Chronology) -> None:
        super().__init__()
        self.chronology = chronology
        self._index: SearchIndex | None = None
        self._results: Results | None = None  # the last search, for n / N and the filter
        self._return_focus: str | None = None
        self.timeline_filter: str | None = None
        self._indexing = False

    # -- what the explorer provides -------------------------------------------
    @abstractmethod
    def goto(self, target: Location) -> None: ...

    @abstractmethod
    def _focus(self, widget_id: str) -> None: ...

    @abstractmethod
    def _restore_focus(self, widget_id: str | None) -> None: ...

    @abstractmethod
    def _title_timeline(self) -> None: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_match":
            return bool(self._results and self._results.counts.get("event"))  # only once events matched
        if action == "clear_filter":
            return self.timeline_filter is not None  # hidden (and escape passes on) without a filter
        return True

    def action_open_search(self) -> None:
        search_input = self.query_one(SearchInput)
        if self.focused is search_input:
            search_input.insert_text_at_cursor("/")  # in the box, '/' is part of the query
            return
        panel = self.query_one(SearchPanel)
        if not panel.has_class("-open"):
            self._return_focus = self.focused.id if self.focused is not None else None
            panel.add_class("-open")
        self.set_focus(search_input)  # now: Widget.focus() would queue it behind keys already typed
        self._run_search(self.query_one(SearchInput).value)

    def _close_search(self, restore_focus: bool) -> None:
        self.query_one(SearchPanel).remove_class("-open")
        if restore_focus:
            self._restore_focus(self._return_focus)
        self.refresh_bindings()

    @on(Input.Changed, "#search-input")
    def _typed(self, message: Input.Changed) -> None:
        self._run_search(message.value)

    def _run_search(self, text: str) -> None:
        if self._index is not None:
            self.query_one(SearchPanel).search(self._index, text)
        elif self._document_count() <= SYNC_LIMIT:
            from ...core.search import SearchIndex

            self._index = SearchIndex(self.chronology)
            self.query_one(SearchPanel).search(self._index, text)
        else:
            self.query_one("#search-hint", Static).update("Indexing… results appear as soon as the index is ready.")
            self._start_indexing()

    def _start_indexing(self) -> None:
        if not self._indexing:
            self._indexing = True
            self._build_index()

    def _document_count(self) -> int:
        data = self.chronology.dataset
        return len(data.events) + len(data.actors) + len(data.quotes) + len(data.sources)

    class IndexReady(Message):
        def __init__(self, index: SearchIndex) -> None:
            self.index = index
            super().__init__()

    def _build_index(self) -> None:
        # A daemon thread, not a Textual worker: the interpreter waits for worker threads at
        # exit, and `q` must not wait seconds for an index nobody will use.
        from ...core.search import SearchIndex

        def build() -> None:
            self.post_message(self.IndexReady(SearchIndex(self.chronology)))

        threading.Thread(target=build, name="search-index", daemon=True).start()

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self._index = message.index
        # The index lives as long as the screen: spare it the collector's full passes (a
        # pause of a good part of a second at 100,000 events, felt as a frozen key), and give
        # back what its build freed.
        freeze_loaded_objects()
        if self.query_one(SearchPanel).has_class("-open"):
            self._run_search(self.query_one(SearchInput).value)

    @on(SearchPanel.Updated)
    def _results_ready(self, message: SearchPanel.Updated) -> None:
        if message.text != self.query_one(SearchInput).value:
            return  # stale: the user has typed on
        self._results = message.results
        self.query_one(SearchPanel).show_results(message.results)
        if self.timeline_filter is not None:
            self._apply_filter(message.results)
        self.refresh_bindings()

    @on(SearchPanel.Chosen)
    def _result_chosen(self, message: SearchPanel.Chosen) -> None:
        self._close_search(restore_focus=False)
        self.goto(message.target)

    @on(SearchPanel.Closed)
    def _search_closed(self) -> None:
        self._close_search(restore_focus=True)

    @on(SearchPanel.FilterToggled)
    def _filter_toggled(self) -> None:
        if self.timeline_filter is not None:
            self.action_clear_filter()
        elif self._results is not None:
            self._apply_filter(self._results)

    def _apply_filter(self, results: Results) -> None:
        matching = set(self._match_ids())
        timeline = self.query_one(Timeline)
        current = timeline.current.id if timeline.current else None
        view = [e for e in self.chronology.events if e.id in matching]
        timeline.set_view(view, keep=current)
        self.query_one(TimeAxis).show(view)
        self.timeline_filter = results.query_text
        self._title_timeline()
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        if self.timeline_filter is None:
            return
        timeline = self.query_one(Timeline)
        current = timeline.current.id if timeline.current else None
        self.timeline_filter = None
        timeline.set_view(self.chronology.events, keep=current)
        self.query_one(TimeAxis).show(None)
        if current:
            timeline.select(current)
        self._title_timeline()
        self.refresh_bindings()

    def _match_ids(self) -> list[str]:
        return self._results.matched_events if self._results is not None else []

    def action_step_match(self, step: int) -> None:
        """Move the timeline to the next (1) or previous (-1) matching event, wrapping round."""
        positions = sorted(self.chronology.position[i] for i in self._match_ids())
        if not positions:
            return
        timeline = self.query_one(Timeline)
        here = self.chronology.position[timeline.current.id] if timeline.current else -1
        if step > 0:
            target = next((p for p in positions if p > here), positions[0])
        else:
            target = next((p for p in reversed(positions) if p < here), positions[-1])
        event_id = self.chronology.events[target].id
        if not timeline.select(event_id):
            self.action_clear_filter()
            timeline.select(event_id)
        self._focus("timeline")
