"""A source record and everything that cites it, shown over the explorer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from ...core.navigation import Location
from ..widgets.links import LinkList, Row


class SourceScreen(ModalScreen[Location | None]):
    """Dismissed with the link the user followed, or None."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close")]

    def __init__(self, rows: list[Row], title: str) -> None:
        super().__init__()
        self._rows = rows
        self._title = title

    def compose(self) -> ComposeResult:
        page = LinkList(id="source-page")
        page.border_title = "Source"
        page.border_subtitle = "enter: follow · escape: close"
        yield page

    def on_mount(self) -> None:
        page = self.query_one(LinkList)
        page.show(self._rows)
        page.focus()

    @on(LinkList.Followed)
    def _followed(self, message: LinkList.Followed) -> None:
        message.stop()
        self.dismiss(message.target)
