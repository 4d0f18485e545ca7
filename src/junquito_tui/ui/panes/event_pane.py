"""Pane 2: the page of the event selected in the timeline (bound to the screen's current event)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var

from ...core.chronology import Chronology
from ...core.citation import OpenedAs
from ...core.dates import period_date
from ...core.records import Event
from .. import pages
from ..notebook.marks import changed, mine
from ..widgets.links import LinkList

if TYPE_CHECKING:
    from ...core.notebook import Snapshot


class EventPane(Vertical):
    current_event: var[Event | None] = var(None, init=False)
    annotations: var[Snapshot | None] = var(None, init=False)  # the user's notebook section, under the title

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

    def compose(self) -> ComposeResult:
        yield LinkList(id="event-detail")

    def on_mount(self) -> None:
        self.border_title = Content("2 Event")

    @property
    def page(self) -> LinkList:
        return self.query_one(LinkList)

    def watch_current_event(self, event: Event | None) -> None:
        if event is None:
            return
        self.page.show(pages.event_rows(self.chronology, event, mine(self.annotations, "event", event.id), self.opened))
        self.border_title = Content(f"2 Event · {period_date(event.when, event.end)}")

    def watch_annotations(self, old: Snapshot | None, new: Snapshot | None) -> None:
        event = self.current_event
        if event is not None and changed(old, new, "event", event.id):  # shown again, the cursor on its link
            before, after = mine(old, "event", event.id), mine(new, "event", event.id)
            self.page.replace_rows(
                pages.event_rows(self.chronology, event, after, self.opened), len(after) - len(before)
            )
