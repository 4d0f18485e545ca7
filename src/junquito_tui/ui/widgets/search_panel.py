"""The search box and its grouped, highlighted results, shown over the panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.dates import short_date
from ...core.navigation import Location
from .links import ItemList

if TYPE_CHECKING:  # the search engine is imported when the first search runs, not at start-up
    from ...core.search import Hit, Results, SearchIndex

KIND_TITLES = {"event": "Events", "actor": "Actors", "quote": "Quotes", "source": "Sources"}
SYNC_LIMIT = 5_000  # documents; above this, searching runs in a worker thread
PER_KIND = 50  # results listed per kind; the counts are always complete
PLACEHOLDER = 'Search: words (AND)  "a phrase"  -exclude  actor:  kind:  tag:  date:2017-06..2017-12'


def hit_content(hit: Hit) -> Content:
    """Title, date and snippet, with matched words styled by span: data is never parsed."""
    snippet = Content(hit.snippet.text)
    for start, end in hit.snippet.spans:
        snippet = snippet.stylize("bold reverse", start, end)
    date = short_date(hit.doc.when) if hit.doc.when else ""
    title = hit.doc.title if len(hit.doc.title) <= 100 else hit.doc.title[:99] + "…"
    return Content.assemble((title, "bold"), (f"  {date}", "italic"), "\n  ", snippet)


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
    ]

    def action_results(self) -> None:
        results = self.screen.query_one(ResultList)
        if results.option_count:
            results.focus()

    def action_close(self) -> None:
        self.post_message(SearchPanel.Closed())


class SearchPanel(Vertical):
    """Type to search; `enter`/`down` to the results; `enter` jumps; `f` filters; `escape` closes."""

    HELP = """\
## Search (`/`)
Words are all required (AND), case, accents and punctuation do not matter, and the last word
counts as a prefix while you type. `"a phrase"`, `-word` to exclude, and filters
`actor:ID-or-name`, `kind:event|actor|quote|source`, `tag:NAME`, `date:2018-01-15`,
`date:2017-06..2017-12`. In the results, `enter` jumps, `f` narrows the timeline to the
matching events (`escape` clears it), and `n` / `N` step through them later.
"""

    class Chosen(Message):
        def __init__(self, target: Location) -> None:
            self.target = target
            super().__init__()

    class Closed(Message):
        pass

    class FilterToggled(Message):
        pass

    class Updated(Message):
        """New results for the text the user typed (posted from a worker thread for large datasets)."""

        def __init__(self, text: str, results: Results) -> None:
            self.text = text
            self.results = results
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.results: Results | None = None
        self._targets: list[Location | None] = []

    def on_mount(self) -> None:
        self.border_title = "Search"
        self.border_subtitle = "enter/down: results · enter: go · f: filter timeline · escape: close"

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=PLACEHOLDER, id="search-input")
        yield Static(id="search-hint", markup=False)
        yield ResultList(id="search-results")

    def search(self, index: SearchIndex, text: str) -> None:
        if len(index.docs) <= SYNC_LIMIT:
            self.post_message(self.Updated(text, index.search(text, limit=PER_KIND)))
        else:
            self._search_in_thread(index, text)

    @work(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, index: SearchIndex, text: str) -> None:
        self.post_message(self.Updated(text, index.search(text, limit=PER_KIND)))

    def show_results(self, results: Results) -> None:
        self.results = results
        options: list[Option] = []
        self._targets = []
        for kind, count in results.counts.items():
            options.append(Option(Content.styled(f"{KIND_TITLES[kind]} ({count:,})", "bold underline"), disabled=True))
            self._targets.append(None)
            hits = results.of_kind(kind)
            for hit in hits:
                options.append(Option(hit_content(hit)))
                self._targets.append(Location(hit.kind, hit.id))  # type: ignore[arg-type]
            if count > len(hits):
                more = f"  … and {count - len(hits):,} more {KIND_TITLES[kind].lower()}: add words to narrow"
                options.append(Option(Content.styled(more, "italic"), disabled=True))
                self._targets.append(None)
        result_list = self.query_one(ResultList)
        result_list.set_options(options)
        result_list.highlighted = 1 if len(options) > 1 else None
        self.query_one("#search-hint", Static).update(self._summary(results))

    @staticmethod
    def _summary(results: Results) -> str:
        if results.query.is_empty and not results.hints:
            return "Type to search events, actors, quotes and sources."
        counts = ", ".join(f"{n:,} {k}{'' if n == 1 else 's'}" for k, n in results.counts.items())
        total = results.total
        line = f"{total:,} result{'' if total == 1 else 's'}" + (f": {counts}" if counts else "")
        if results.hints:
            line += "  ·  " + "; ".join(results.hints)
        return line

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        target = self._targets[message.option_index]
        if target is not None:
            self.post_message(self.Chosen(target))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self.query_one(SearchInput).action_results()
