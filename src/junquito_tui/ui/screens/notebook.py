"""The Notebook screen: everything the user marked, newest first or in the timeline's order, each
row a jump to its item; items the dataset no longer has (orphaned) listed as such; saved searches.

Notes and tags are the user's text, shown through ``Content`` only (a note's Markdown as text).
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from ...core.chronology import Chronology, exists
from ...core.navigation import Location
from ...core.notebook import Access, Item, Opened, SavedSearch, Snapshot, chronological
from ...core.placement import listed_date, shared_periods
from ...core.records import Event
from ...core.text import one_line, visible
from ..messages import Navigate
from ..notebook.marks import LEGEND, label, marker
from ..widgets.links import LinkList
from ..widgets.rows import Row
from .modal import Modal

NOTE_PREVIEW = 90  # characters of a note's first line in its row
ORDERS = {"newest": "newest first", "date": "by date"}


def newest_first(items: Iterable[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.updated, item.kind, item.id), reverse=True)


def event_of(chronology: Chronology, item: Item) -> Event | None:
    """An event's item's event, a quote's event; None for an actor or a source."""
    if item.kind in ("event", "quote"):
        return chronology.event(item.id if item.kind == "event" else chronology.quotes[item.id].event)
    return None


def when_of(chronology: Chronology, item: Item, shared: Container[tuple[int, ...]] = ()) -> str:
    """The date a row shows: an event's, a quote's event's, said as a list by time says it (``shared``: the periods
    other rows' events are under too: '15 Jan 2018, time not given' above a 04:00, a re-trial); what it is for an
    actor or a source."""
    if (event := event_of(chronology, item)) is not None:  # a period whole ('~17 Jan 2018' alone: a trial)
        return listed_date(event, shared, chronology.find)
    return item.kind


def item_row(chronology: Chronology, item: Item, shared: Container[tuple[int, ...]] = ()) -> Row:
    """'★✎ 15 Jan 2018 · Title' and, under it, the tags and the note's first line."""
    head = Content.assemble(
        (marker(item).ljust(3), "bold"),
        (f"{when_of(chronology, item, shared)} · ", "italic"),
        (label(chronology, item.kind, item.id), "bold" if item.starred else ""),
    )
    details = _details(item)
    content = Content.assemble(head, "\n", details) if details else head
    return Row(content, Location(item.kind, item.id))  # type: ignore[arg-type]


def _details(item: Item) -> Content | None:
    parts: list[Content] = []
    if item.tags:
        parts.append(Content.assemble(("my tags: ", "italic"), ", ".join(item.tags)))
    if item.note.strip():
        parts.append(Content.assemble(("note: ", "italic"), one_line(item.note, NOTE_PREVIEW)))
    if not parts:
        return None
    return Content("   ").append(Content(" · ").join(parts))


def orphan_row(item: Item) -> Row:
    what = ", ".join(
        word
        for word, present in (("starred", item.starred), ("tags", bool(item.tags)), ("a note", bool(item.note)))
        if present
    )
    head = Content.assemble((marker(item).ljust(3), "bold"), f"{item.kind} {item.id} ", (f"({what})", "italic"))
    details = _details(item)
    return Row(Content.assemble(head, "\n", details) if details else head)


def state_line(opened: Opened | None) -> Row:
    if opened is None:
        return Row(Content.styled("The notebook is opening…", "italic"))
    if opened.access is Access.WRITABLE:
        return Row(Content.assemble(("Kept in ", "italic"), visible(str(opened.path))))  # (a folder's name: escapes)
    return Row(Content.styled(opened.reason, "bold"))


def notebook_rows(
    chronology: Chronology,
    snapshot: Snapshot,
    opened: Opened | None,
    searches: Iterable[SavedSearch],
    order: str,
) -> list[Row]:
    present = [item for item in snapshot if exists(chronology, item.kind, item.id)]
    gone = [item for item in snapshot if not exists(chronology, item.kind, item.id)]
    listed = chronological(present, chronology) if order == "date" else newest_first(present)
    rows = [state_line(opened), Row(Content.styled(LEGEND, "italic")), Row(Content(" "))]
    if not present and not gone:
        rows.append(Row(Content("Nothing marked yet. On an event, actor or quote: s stars it, t tags it, a notes it.")))
    shared = shared_periods(event.when for item in listed if (event := event_of(chronology, item)) is not None)
    rows += [item_row(chronology, item, shared) for item in listed]
    if gone:
        title = f"No longer in this dataset ({len(gone):,}): kept in the notebook, listed here"
        rows += [Row(Content(" ")), Row(Content.styled(title, "bold underline"))]
        rows += [orphan_row(item) for item in newest_first(gone)]
    saved = list(searches)
    if saved:
        title = f"Saved searches ({len(saved):,}): ctrl+p, Search: NAME runs one"
        rows += [Row(Content(" ")), Row(Content.styled(title, "bold underline"))]
        rows += [Row(Content.assemble((search.name, "bold"), f"  {search.query}")) for search in saved]
    return rows


class NotebookScreen(Modal[Navigate | None]):
    """Dismissed with the jump the user chose (the explorer makes it), or None."""

    BINDINGS = [
        Binding("d", "order('date')", "By date"),
        Binding("d", "order('newest')", "Newest first"),
        Binding("escape,q,b", "dismiss(None)", "Close"),
    ]

    def __init__(
        self,
        chronology: Chronology,
        snapshot: Snapshot | None,
        opened: Opened | None,
        searches: Iterable[SavedSearch] = (),
        order: str = "newest",
    ) -> None:
        super().__init__()
        self.chronology = chronology
        self.snapshot = snapshot if snapshot is not None else Snapshot()
        self.opened = opened
        self.searches = tuple(searches)
        self.order = order

    def compose(self) -> ComposeResult:
        yield LinkList(id="notebook-page")

    @property
    def page(self) -> LinkList:
        return self.query_one("#notebook-page", LinkList)

    def on_mount(self) -> None:
        self._fill()
        self.page.focus()

    def _fill(self) -> None:
        page = self.page
        page.show(notebook_rows(self.chronology, self.snapshot, self.opened, self.searches, self.order))
        count = len(self.snapshot)
        page.border_title = Content(f"Notebook · {count:,} marked · {ORDERS[self.order]}")
        other = "newest first" if self.order == "date" else "by date"
        page.border_subtitle = Content(f"enter: go to · d: {other} · escape: close")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "order":
            return parameters[0] != self.order  # one `d` in the footer: the other order
        return True

    def action_order(self, order: str) -> None:
        self.order = order
        self._fill()
        self.refresh_bindings()

    @on(Navigate)
    def _chosen(self, message: Navigate) -> None:
        message.stop()
        self.dismiss(message)
