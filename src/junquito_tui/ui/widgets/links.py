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
        # The cursor goes on the first link without scrolling to it (the page shows from its top):
        # scrolling would measure every row above it, all 100 rows of a long summary.
        # The new page's first link: first_selectable() before show_rows would read the old rows.
        first = next((index for index, row in enumerate(rows) if row.target is not None), None)
        self.show_rows(rows, first, scroll=False)
        self.keep_top = True

    def on_focus(self) -> None:
        # A page shown from its top may have its first link below what is on screen: a cursor
        # there is a link the user cannot see, that enter would follow. None instead: the page
        # reads from the top, and down moves to the first link.
        index = self.highlighted
        if self.keep_top and index is not None and not self.is_row_on_screen(index):
            self.highlighted = None
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
