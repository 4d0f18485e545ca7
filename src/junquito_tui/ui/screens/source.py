"""A source record and everything that cites it, shown over the explorer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from ..messages import Navigate
from ..widgets.links import LinkList, Row
from .modal import Modal

if TYPE_CHECKING:
    from ..notebook.sharing import Sharing


class SourceScreen(Modal[Navigate | None]):
    """Dismissed with the jump the user asked for (the explorer posts it on), or None."""

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close"),
        Binding("o", "open_source", "Open in browser"),
        Binding("c", "cite", "Cite"),
    ]

    def __init__(self, rows: list[Row], source_id: str | None = None, sharing: Sharing | None = None) -> None:
        super().__init__()
        self._rows = rows
        self._source_id = source_id
        self._sharing = sharing

    def compose(self) -> ComposeResult:
        page = LinkList(id="source-page")
        page.border_title = Content("Source")
        page.border_subtitle = Content("enter: follow · o: open in browser · c: cite · escape: close")
        yield page

    def on_mount(self) -> None:
        page = self.query_one(LinkList)
        page.show(self._rows)
        page.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_source", "cite"):
            return self._source_id is not None and self._sharing is not None
        return True

    def action_open_source(self) -> None:
        if self._source_id is not None and self._sharing is not None:
            self._sharing.open_source(self.app, self._source_id)

    def action_cite(self) -> None:
        if self._source_id is not None and self._sharing is not None:
            self._sharing.cite(self.app, "source", self._source_id)

    @on(Navigate)
    def _followed(self, message: Navigate) -> None:
        message.stop()
        self.dismiss(message)
