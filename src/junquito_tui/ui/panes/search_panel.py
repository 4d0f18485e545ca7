"""The search box and its grouped, highlighted results, shown over the panes.

The panel owns the search: the index (built here, or in a thread for a large dataset), the
queries (in worker threads when large), the results, and the filter it offers the timeline.
It answers by messages only: ``Navigate`` for a chosen result, ``FilterChanged``, ``Closed``.
"""

from __future__ import annotations

import threading
from collections.abc import Container
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.chronology import Chronology
from ...core.crashlog import failure_message
from ...core.memory import freeze_loaded_objects
from ...core.navigation import Location
from ...core.placement import Find, hit_date, listed_periods
from ...core.provenance import certainty_prefix
from ...core.records import Event
from ...core.text import one_line
from ...core.wording import count
from ..messages import Navigate, TimelineFilter
from ..steady import steady
from ..widgets.links import ItemList

if TYPE_CHECKING:  # the search engine is imported when the first search runs, not at start-up
    from ...core.annotations import Annotations
    from ...core.search import Hit, Results, SearchIndex

KIND_TITLES = {"event": "Events", "actor": "Actors", "quote": "Quotes", "source": "Sources"}
SYNC_LIMIT = 5_000  # documents; above this, the index is built and searched in threads
PER_KIND = 50  # results listed per kind; the counts are always complete
TITLE_ROOM = 100  # characters of a result's title line (with a quote's speaker) before it is cut
PLACEHOLDER = 'Search: words (AND)  "a phrase"  -exclude  actor:  by:  kind:  tag:  certainty:  date:2017-06..2017-12'


def hit_content(hit: Hit, shared: Container[tuple[int, ...]] = (), find: Find | None = None) -> Content:
    """Title (a quote's with its speaker), date and snippet, each on one line, with matched words
    styled by span: data is never parsed."""
    snippet = Content(hit.snippet.text)
    for start, end in hit.snippet.spans:
        snippet = snippet.stylize("bold reverse", start, end)
    date = hit_date(hit, shared, find) if hit.doc.when else ""
    speaker = "  — " + one_line(hit.speaker.name) if hit.speaker else ""
    room = max(TITLE_ROOM - len(speaker), TITLE_ROOM // 2)  # a long quote leaves room for who said it
    title = one_line(hit.doc.title)
    title = certainty_prefix(hit.doc.item) + title if isinstance(hit.doc.item, Event) else title  # (cut with it)
    title = title if len(title) <= room else title[: room - 1] + "…"
    return steady(Content.assemble((title, "bold"), (speaker, "italic"), (f"  {date}", "italic"), "\n  ", snippet))


class ResultList(ItemList):
    BINDINGS = [
        Binding("enter", "select", "Go to result"),
        Binding("f", "toggle_filter", "Filter timeline"),
        Binding("escape", "close", "Close search"),
    ]

    def action_toggle_filter(self) -> None:
        self.post_message(SearchPanel.FilterToggled())

    def action_close(self) -> None:
        self.post_message(SearchPanel.Closed())


class SearchInput(Input):
    BINDINGS = [
        Binding("down", "results", "Results", show=False),
        Binding("escape", "close", "Close search"),
        Binding("pagedown", "hints(1)", "More hints", show=False),  # (past half the panel they scroll)
        Binding("pageup", "hints(-1)", "Earlier hints", show=False),
    ]

    def action_results(self) -> None:
        results = self.screen.query_one(ResultList)
        if results.option_count:
            results.focus()

    def action_hints(self, step: int) -> None:
        hints = self.screen.query_one("#search-hints", VerticalScroll)
        hints.scroll_to(y=hints.scroll_y + step * max(1, hints.size.height - 1), animate=False)

    def action_close(self) -> None:
        self.post_message(SearchPanel.Closed())


class SearchPanel(Vertical):
    """Type to search; `enter`/`down` to the results; `enter` jumps; `f` filters; `escape` closes."""

    HELP = """\
## Search (`/`)
Words are all required (AND), case, accents and punctuation do not matter, each word also finds
its other forms (`helicopter`: helicopters; a word in quotes finds only itself), and the last
word counts as a prefix while you type. `"a phrase"`, `-word` to exclude, and filters
`actor:ID-or-name`, `by:ID-or-name` (claims made by), `kind:event|actor|quote|source`,
`tag:NAME`, `certainty:disputed` (or confirmed, reported, alleged), `date:2018-01-15`,
`date:2017-06..2017-12` (a month or year covers all of it), `id:VEN1001` (an id, any case), and from your notebook
`is:starred`, `note:WORD`, `mytag:NAME`. A filter that matches no actor or tag finds nothing,
and the lines under the box say why, and what a filter leaves out (each on its own line; past half
the panel they scroll: `page down` / `page up` in the box); a typo gets "did you mean". In the results, `enter`
jumps, `f` narrows the timeline to the matching events (`escape` clears it), and `n` / `N`
step through them later.
"""

    # Bound to the explorer screen's filter: new results re-filter the timeline while it is on.
    timeline_filter: var[TimelineFilter | None] = var(None, init=False)

    class Closed(Message):
        """The user closed the panel (the screen gives the focus back)."""

    class FilterToggled(Message):
        """`f` in the results: the panel answers with FilterChanged."""

    class FilterChanged(Message):
        """The timeline should show only these matches (None: everything again); ``show``: the user
        asked for it (`f`), so the timeline is to be shown, not left behind the search box."""

        def __init__(self, timeline_filter: TimelineFilter | None, *, show: bool = False) -> None:
            self.timeline_filter = timeline_filter
            self.show = show
            super().__init__()

    class Updated(Message):
        """New results for the text the user typed (posted from a worker thread for large datasets)."""

        def __init__(self, text: str, results: Results) -> None:
            self.text = text
            self.results = results
            super().__init__()

    class IndexReady(Message):
        def __init__(self, index: SearchIndex) -> None:
            self.index = index
            super().__init__()

    class Failed(Message):
        """Building the index (``lasting``: search is off from now on) or one query failed."""

        def __init__(self, report: str, *, lasting: bool) -> None:
            self.report = report
            self.lasting = lasting
            super().__init__()

    def __init__(self, chronology: Chronology, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chronology = chronology
        self.results: Results | None = None  # the last search, for n / N and the filter
        # The user's notebook, for is:starred, note: and mytag: (set it when one is open; None: they match nothing)
        self.annotations: Annotations | None = None
        self._index: SearchIndex | None = None
        self._indexing = False
        self._failed: str | None = None
        self._targets: list[Location | None] = []

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=PLACEHOLDER, id="search-input")
        with VerticalScroll(id="search-hints", can_focus=False):  # past half the panel: a bar, and page up/down
            yield Static(id="search-hint", markup=False)
        yield ResultList(id="search-results")

    def on_mount(self) -> None:
        self.border_title = Content("Search")
        self.border_subtitle = Content("enter/down: results · enter: go · f: filter timeline · escape: close")

    # -- open and close -----------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    def open(self) -> None:
        self.add_class("-open")
        self.screen.set_focus(self.input)  # now: Widget.focus() would queue it behind keys already typed
        self._run(self.input.value)

    def close(self) -> None:
        self.remove_class("-open")

    @property
    def index(self) -> SearchIndex | None:
        """The search index, once built (at the first search, or in the background when large)."""
        return self._index

    @property
    def matched_events(self) -> list[str]:
        """Ids of every event the last search matched, in chronological order."""
        return self.results.matched_events if self.results is not None else []

    def set_annotations(self, annotations: Annotations | None) -> None:
        """The notebook changed: is:starred, note: and mytag: match what it holds now. Results on
        show follow at once; a timeline already filtered stays as it is until searched again (an
        event unstarred there does not vanish from under the cursor)."""
        self.annotations = annotations
        if self.is_open and self.input.value.strip():
            self._run(self.input.value)

    # -- the index ------------------------------------------------------------
    @property
    def is_large(self) -> bool:
        data = self.chronology.dataset
        return len(data.events) + len(data.actors) + len(data.quotes) + len(data.sources) > SYNC_LIMIT

    def start_indexing(self) -> None:
        """Build the index in a thread (large datasets); results come as soon as it is ready."""
        if self._indexing or self._index is not None:
            return
        self._indexing = True
        from ...core.search import SearchIndex

        def build() -> None:
            # A daemon thread, not a Textual worker: the interpreter waits for worker threads at
            # exit, and `q` must not wait seconds for an index nobody will use.
            try:
                self.post_message(self.IndexReady(SearchIndex(self.chronology)))
            except Exception as error:  # shown on screen, never lost with the thread
                self.post_message(self.Failed(failure_message("Building the search index", error), lasting=True))

        threading.Thread(target=build, name="search-index", daemon=True).start()

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self._index = message.index
        # The index lives as long as the screen: spare it the collector's full passes (a
        # pause of a good part of a second at 100,000 events, felt as a frozen key), and give
        # back what its build freed.
        freeze_loaded_objects()
        if self.is_open:
            self._run(self.input.value)

    @on(Failed)
    def _search_failed(self, message: Failed) -> None:
        if message.lasting:
            self._failed = message.report
        self._hint(message.report)

    # -- searching --------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _typed(self, message: Input.Changed) -> None:
        message.stop()
        self._run(message.value)

    def _run(self, text: str) -> None:
        if self._failed is not None:
            self._hint(self._failed)
        elif self.is_large and self._index is None:
            self._hint("Indexing… results appear as soon as the index is ready.")
            self.start_indexing()
        elif self.is_large:
            self._search_in_thread(self._index, text)
        else:
            self._search_here(text)

    def _search_here(self, text: str) -> None:
        """A small dataset: index and search at once (a bug of ours is said on screen, not fatal)."""
        if self._index is None:
            from ...core.search import SearchIndex

            try:
                self._index = SearchIndex(self.chronology)
            except Exception as error:
                self.post_message(self.Failed(failure_message("Building the search index", error), lasting=True))
                return
        try:
            self.post_message(
                self.Updated(text, self._index.search(text, limit=PER_KIND, annotations=self.annotations))
            )
        except Exception as error:
            self.post_message(self.Failed(failure_message(f"Searching for {text!r}", error), lasting=False))

    @work(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, index: SearchIndex, text: str) -> None:
        try:
            self.post_message(self.Updated(text, index.search(text, limit=PER_KIND, annotations=self.annotations)))
        except Exception as error:
            self.post_message(self.Failed(failure_message(f"Searching for {text!r}", error), lasting=False))

    @on(Updated)
    def _updated(self, message: Updated) -> None:
        if message.text != self.input.value:
            return  # stale: the user has typed on
        self.results = message.results
        self._show(message.results)
        if self.timeline_filter is not None:  # filtering: the timeline follows the new matches
            self.post_message(self.FilterChanged(self._filter(message.results)))

    def _filter(self, results: Results) -> TimelineFilter:
        prefix = next(iter(results.query.highlight_prefixes), None)  # (an unclosed phrase's last word too)
        return TimelineFilter(results.query_text, frozenset(results.matched_events), tuple(results.hints), prefix)

    def _show(self, results: Results) -> None:
        options: list[Option] = []
        self._targets = []
        shared = listed_periods(results)
        for kind, total in results.counts.items():
            options.append(Option(Content.styled(f"{KIND_TITLES[kind]} ({total:,})", "bold underline"), disabled=True))
            self._targets.append(None)
            hits = results.of_kind(kind)
            for hit in hits:
                options.append(Option(hit_content(hit, shared, results.find)))
                self._targets.append(Location(hit.kind, hit.id))  # type: ignore[arg-type]
            if total > len(hits):
                more = f"  … and {total - len(hits):,} more {KIND_TITLES[kind].lower()}: add words to narrow"
                options.append(Option(Content.styled(more, "italic"), disabled=True))
                self._targets.append(None)
        result_list = self.query_one(ResultList)
        result_list.set_options(options)
        result_list.highlighted = 1 if len(options) > 1 else None
        self._hint(self._summary(results))

    def _hint(self, text: str) -> None:
        self.query_one("#search-hint", Static).update(text)

    @staticmethod
    def _summary(results: Results) -> str:
        """One line: the counts, or why nothing can match; what was read leniently; better spellings."""
        if results.query.is_empty and not results.hints:
            return "Type to search events, actors, quotes and sources."
        if results.unresolved:
            line = "Nothing matches: " + "; ".join(map(one_line, results.unresolved))
        else:
            counts = ", ".join(count(n, kind) for kind, n in results.counts.items())
            total = results.total
            line = count(total, "result") + (f": {counts}" if counts else "")
            if any(n > len(results.of_kind(kind)) for kind, n in results.counts.items()):
                # (said below the last one listed too, a line a user paging down with End did not see: a UI trial)
                line += f" (the first {PER_KIND} of each kind listed)"
        if results.hints:
            line += "".join(f"\n· {one_line(hint)}" for hint in results.hints)
        if results.suggestions:
            from ...core.suggest import did_you_mean  # with the engine: not at start-up

            line += "  ·  " + one_line(did_you_mean(results.suggestions))
        return line

    # -- answers ----------------------------------------------------------------
    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        target = self._targets[message.option_index]
        if target is not None:
            self.close()
            self.post_message(Navigate(target))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        self.input.action_results()

    @on(FilterToggled)
    def _toggle_filter(self, message: FilterToggled) -> None:
        message.stop()
        if self.timeline_filter is not None:
            self.post_message(self.FilterChanged(None, show=True))
        elif self.results is not None:
            self.post_message(self.FilterChanged(self._filter(self.results), show=True))
