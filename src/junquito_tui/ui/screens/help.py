"""Help: every binding, generated from the live binding tables, and what each pane does."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

KeyDisplay = Callable[[Binding], str]


def bindings_table(sections: Iterable[tuple[str, Iterable[BindingType]]], display: KeyDisplay) -> str:
    """Markdown lists of every described binding, one key combination per binding key."""
    lines = []
    for title, bindings in sections:
        lines += [f"### {title}", ""]
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                keys = " / ".join(
                    f"`{display(Binding(key.strip(), binding.action))}`" for key in binding.key.split(",")
                )
                lines.append(f"- {keys}: {binding.description}")
        lines.append("")
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self._markdown = markdown

    def compose(self) -> ComposeResult:
        # Imported here: Markdown pulls in markdown-it and Pygments, some 40 ms that start-up need not pay.
        from textual.widgets import Markdown

        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "escape: close"
            yield Markdown(self._markdown, open_links=False)

    def on_mount(self) -> None:
        self.query_one("#help").focus()
