"""The warnings of the dataset's opening, all of them, over the explorer: the toast at start shows a
few and goes; this page stays until closed (key ``!``, or the palette's "Warnings from opening the file")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...core.citation import OpenedAs
from ...core.text import shell_word, visible
from .modal import Modal

SHOWN = 300  # warnings on the page; the rest are counted, and ``validate`` prints them all


class WarningsScreen(Modal[None]):
    BINDINGS = [Binding("escape,q,exclamation_mark", "dismiss(None)", "Close")]

    def __init__(self, warnings: list[str], opened: OpenedAs) -> None:
        super().__init__()
        self._warnings = warnings
        self._path = visible(opened.path) if opened.path else None  # (a file's name can hold escapes)
        # the command that prints them, as the file was read (with its --columns: without, others)
        words = ["junquito-tui", "validate", *opened.validate_args()]
        self._validate = " ".join(map(shell_word, words)) if opened.path else ""

    def compose(self) -> ComposeResult:
        page = VerticalScroll(id="warnings-page")
        page.border_title = Content(f"Warnings from opening the file · {len(self._warnings):,}")
        page.border_subtitle = Content("↑↓ pgup pgdn: scroll · escape: close")
        with page:
            if self._path:
                yield Static(Content(f"{self._path} ({self._validate} prints them too)"), classes="warnings-file")
            for warning in self._warnings[:SHOWN]:  # the file's text may be in them: content, never markup
                yield Static(Content(warning), classes="warning")
            if (more := len(self._warnings) - SHOWN) > 0:  # a widget each: 45,000 of them took 40 s and 1 GB
                where = self._validate or "junquito-tui validate"
                yield Static(Content(f"… and {more:,} more: {where} prints them all"), classes="warnings-file")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
