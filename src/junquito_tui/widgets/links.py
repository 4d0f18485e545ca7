"""A scrollable page of text lines and link lines; the cursor visits only the links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..navigation import Location

KEYS: list[BindingType] = [
    Binding("down,j", "cursor_down", "Down", show=False),
    Binding("up,k", "cursor_up", "Up", show=False),
    Binding("home,g", "first", "First", show=False),
    Binding("end,G", "last", "Last", show=False),
]


@dataclass(frozen=True)
class Row:
    content: Content
    target: Location | None = None


class ItemList(OptionList):
    """An OptionList that never parses markup, with vi keys."""

    BINDINGS: ClassVar[list[BindingType]] = KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)


class LinkList(ItemList):
    """Lines of plain text with links among them; ``enter`` or a click follows a link."""

    HELP = """\
## Links
Lines marked `→` are links: move to one with up/down and press `enter`, or click it.
"""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Follow link")]

    class Followed(Message):
        def __init__(self, target: Location) -> None:
            self.target = target
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: list[Location | None] = []

    def show(self, rows: list[Row]) -> None:
        self._targets = [row.target for row in rows]
        self.set_options(Option(row.content, disabled=row.target is None) for row in rows)
        first_link = next((i for i, t in enumerate(self._targets) if t is not None), None)
        self.highlighted = first_link
        self.scroll_home(animate=False)

    @property
    def links(self) -> list[Location]:
        return [t for t in self._targets if t is not None]

    def highlight_target(self, target: Location) -> bool:
        if target in self._targets:
            self.highlighted = self._targets.index(target)
            return True
        return False

    @on(OptionList.OptionSelected)
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets[event.option_index]
        if target is not None:
            self.post_message(self.Followed(target))
