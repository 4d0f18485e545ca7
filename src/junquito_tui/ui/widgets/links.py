"""Pages of text lines and link lines; the cursor visits only the links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from ...core.navigation import Location
from ..messages import Navigate
from .rows import KEYS, Row, RowList

__all__ = ["KEYS", "ItemList", "LinkList", "Row"]


class ItemList(OptionList):
    """An OptionList that never parses markup, with vi keys (for short lists: search results)."""

    BINDINGS: ClassVar[list[BindingType]] = KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)


class LinkList(RowList):
    """Lines of plain text with links among them; ``enter`` or a click follows a link (posts Navigate)."""

    HELP = """\
## Links
Lines marked `→` are links: move to one with up/down and press `enter`, or click it.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Follow link")]

    def show(self, rows: Sequence[Row]) -> None:
        """A new page, from the top, the cursor on its first link."""
        self.show_rows(rows)
        self.highlighted = self.first_selectable()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.keep_top = True

    @property
    def links(self) -> list[Location]:
        return [row.target for row in self.rows if row.target is not None]

    def highlight_target(self, target: Location) -> bool:
        for index, row in enumerate(self.rows):
            if row.target == target:
                self.highlighted = index
                return True
        return False

    @on(RowList.Selected)
    def _follow(self, event: RowList.Selected) -> None:
        event.stop()
        self.post_message(Navigate(event.target))
