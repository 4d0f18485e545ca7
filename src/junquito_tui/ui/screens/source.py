"""A source record and everything that cites it, shown over the explorer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from ..messages import Navigate
from ..widgets.links import LinkList, Row
from .modal import Modal


class SourceScreen(Modal[Navigate | None]):
    """Dismissed with the jump the user asked for (the explorer posts it on), or None."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close")]

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        page = LinkList(id="source-page")
        page.border_title = Content("Source")
        page.border_subtitle = Content("enter: follow · escape: close")
        yield page

    def on_mount(self) -> None:
        page = self.query_one(LinkList)
        page.show(self._rows)
        page.focus()

    @on(Navigate)
    def _followed(self, message: Navigate) -> None:
        message.stop()
        self.dismiss(message)
