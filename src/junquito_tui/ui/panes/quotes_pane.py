"""Pane 4: quotes (all, or those of the current event or actor) and the one under the cursor, whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var

from ...core.chronology import Chronology
from ...core.citation import OpenedAs
from ...core.dates import period_date
from ...core.navigation import Location
from ...core.records import Event, Quote
from .. import pages
from ..notebook.marks import changed, changed_ids, marker_of, mine
from ..steady import steady
from ..widgets.links import LinkList
from ..widgets.rows import Row, RowList, Run

if TYPE_CHECKING:
    from ...core.notebook import Snapshot

FILTERS = ("all", "event", "actor")


class QuoteList(RowList):
    HELP = """\
## Quotes (pane 4)
Every quote with its speaker and date; the one under the cursor is shown whole below,
with links to its speaker, its event and its source. `f` filters the list to the
current event, then to the current actor, then back to all.
"""
    BINDINGS = [Binding("enter", "select", "Open quote")]


class QuotesPane(Vertical):
    BINDINGS = [Binding("f", "cycle_filter", "Filter quotes")]

    # Bound to the explorer screen: what the event and actor filters follow.
    current_event: var[Event | None] = var(None, init=False)
    current_actor: var[str | None] = var(None, init=False)
    quote_filter: var[str] = var("all", init=False)
    annotations: var[Snapshot | None] = var(None, init=False)  # bound: markers, the detail's notebook section

    def __init__(
        self,
        chronology: Chronology,
        *,
        opened: OpenedAs | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.chronology = chronology
        self.opened = opened  # how the user opened the dataset: a page's reopen command says it
        self._view: Sequence[Quote] = chronology.quote_order
        self._rows: dict[str, int] | None = None  # quote id -> row, built when first needed

    def compose(self) -> ComposeResult:
        yield QuoteList(id="quote-list")
        yield LinkList(id="quote-detail")

    def on_mount(self) -> None:
        self._fill()

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    @property
    def detail(self) -> LinkList:
        return self.query_one("#quote-detail", LinkList)

    @property
    def current_quote(self) -> str | None:
        target = self.quote_list.highlighted_target
        return target.id if target is not None else None

    def show_quote(self, quote_id: str) -> None:
        """Put the cursor on the quote (showing every quote if the filter hides it) and show it whole."""
        if self._row(quote_id) is None:
            self.quote_filter = "all"
        self.quote_list.highlighted = self._row(quote_id)
        self._show_detail(quote_id)

    def action_cycle_filter(self) -> None:
        self.quote_filter = FILTERS[(FILTERS.index(self.quote_filter) + 1) % len(FILTERS)]

    def watch_quote_filter(self) -> None:
        self._fill(keep=self.current_quote)

    def watch_current_event(self) -> None:
        if self.quote_filter == "event":
            self._fill()

    def watch_current_actor(self) -> None:
        if self.quote_filter == "actor":
            self._fill()

    def _filtered(self) -> Sequence[Quote]:
        chronology = self.chronology
        if self.quote_filter == "event" and self.current_event is not None:
            return chronology.quotes_by_event.get(self.current_event.id, ())
        if self.quote_filter == "actor" and self.current_actor is not None:
            return chronology.quotes_by_speaker.get(self.current_actor, ())
        return chronology.quote_order

    def _fill(self, keep: str | None = None) -> None:
        chronology = self.chronology
        self._view = view = self._filtered()
        self._rows = None

        def make(index: int) -> Row:
            quote = view[index]
            event = chronology.event(quote.event)
            byline = (
                f"  — {pages.speaker_name(chronology, quote)}, {period_date(event.when, event.end)}, in: {event.title}"
            )
            mark = marker_of(self.annotations, "quote", quote.id)
            content = Content.assemble((mark, "bold"), pages.preview(quote), "\n", (byline, "italic"))
            return Row(content, Location("quote", quote.id))

        if view:
            self.quote_list.show_rows(Run(len(view), make), self._row(keep) if keep else 0)
            if (quote_id := self.current_quote) is not None:
                self._show_detail(quote_id)
        else:  # an empty list says which filter left it empty, and how to change it
            self.quote_list.show_rows([Row(self._nothing_matches())])
            self.detail.show([pages.text("No quote to show: f changes the filter.", "italic")])
        self.border_title = steady(self._title(len(view)))

    def _nothing_matches(self) -> Content:
        if self.quote_filter == "event" and self.current_event is not None:
            of = Content.assemble("No quote of the event “", self.current_event.title, "”.")
        elif self.quote_filter == "actor" and self.current_actor is not None:
            of = Content.assemble("No quote said by “", self.chronology.actors[self.current_actor].name, "”.")
        else:
            of = Content("The dataset has no quotes.")
        following = {"event": "the current actor's", "actor": "all the"}.get(self.quote_filter)
        hint = f" Press f for {following} quotes." if following else ""
        return Content.assemble(of, (hint, "italic"))

    def _title(self, count: int) -> Content:
        title = Content(f"4 Quotes · {count:,}")
        if self.quote_filter == "event" and self.current_event is not None:
            return Content.assemble(title, " of event: ", self.current_event.title)
        if self.quote_filter == "actor" and self.current_actor is not None:
            return Content.assemble(title, " of actor: ", self.chronology.actors[self.current_actor].name)
        return title

    def _row(self, quote_id: str) -> int | None:
        if self._rows is None:
            self._rows = {quote.id: row for row, quote in enumerate(self._view)}
        return self._rows.get(quote_id)

    def _show_detail(self, quote_id: str) -> None:
        notes = mine(self.annotations, "quote", quote_id)
        self.detail.show(pages.quote_rows(self.chronology, self.chronology.quotes[quote_id], notes, self.opened))

    def watch_annotations(self, old: Snapshot | None, new: Snapshot | None) -> None:
        touched = changed_ids(old, new, "quote")
        if touched and self._view:
            self.quote_list.rows_changed(row for quote in touched if (row := self._row(quote)) is not None)
        quote_id = self.current_quote
        if quote_id is not None and changed(old, new, "quote", quote_id):
            before, after = mine(old, "quote", quote_id), mine(new, "quote", quote_id)
            rows = pages.quote_rows(self.chronology, self.chronology.quotes[quote_id], after, self.opened)
            self.detail.replace_rows(rows, len(after) - len(before))

    @on(RowList.Highlighted, "#quote-list")
    def _highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()
        self._show_detail(message.target.id)

    @on(RowList.Selected, "#quote-list")
    def _chosen(self, message: RowList.Selected) -> None:
        message.stop()
        self.detail.focus()
