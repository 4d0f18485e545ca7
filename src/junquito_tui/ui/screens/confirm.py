"""Asking before anything leaves the app: the whole web address, then yes or no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from .modal import Modal


class ConfirmOpen(Modal[bool]):
    """Dismissed with True (open it) or False. The address is shown whole, wrapped, as text:
    what is opened is exactly what is read here."""

    DEFAULT_CSS = """
    ConfirmOpen { align: center middle; }
    ConfirmOpen > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 80%;
        border: round $warning; background: $panel; padding: 0 1;
    }
    ConfirmOpen #address { margin: 1 0; text-style: bold; }
    ConfirmOpen Horizontal { height: auto; align-horizontal: right; }
    ConfirmOpen Button { margin: 0 0 0 2; }
    """

    BINDINGS = [
        Binding("enter,y", "answer(True)", "Open it"),
        Binding("escape,n", "answer(False)", "Cancel"),
    ]

    def __init__(self, what: str, url: str) -> None:
        super().__init__()
        self._what = what
        self._url = url

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Open in your browser?")
            yield Static(Content.assemble("The web address of the source “", (self._what, "italic"), "”:"))
            yield Static(Content(self._url), id="address")
            yield Static(Content("enter or y: open it · escape or n: cancel"))
            with Horizontal():
                yield Button("Open", id="open", variant="warning")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        for button in self.query(Button):  # for the mouse: enter belongs to the screen's binding
            button.can_focus = False

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, message: Button.Pressed) -> None:
        message.stop()
        self.dismiss(message.button.id == "open")
