"""Help: every key in force on the explorer, generated from the live binding tables, and what each pane does."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.dom import DOMNode

from .modal import Modal

if TYPE_CHECKING:
    from .accounts import AccountsScreen
    from .explorer import ExplorerScreen

KeyDisplay = Callable[[Binding], str]

INTRO = (
    "# junquito-tui\n\nRead the chronology in the Timeline; every person, force, quote and source "
    "is a link. Jumps are remembered: go back and forward as in a browser.\n\n"
    "`ctrl+p` opens the command palette: *Go to event…*, *Go to actor…*, *Go to quote…*, "
    "*Export view as…*, *Accounts: who says what*, *Notebook*, *Save search as…* and your saved searches"
    " (*Search: NAME*).\n\n"
)


def bindings_of(node: type[DOMNode]) -> list[Binding]:
    """Every binding a class has, its bases' included (Textual merges them along the class tree)."""
    return [binding for bindings in node._merge_bindings().key_to_bindings.values() for binding in bindings]


def own_bindings(node: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares itself, not those it inherits ('escape,q' made two)."""
    own = BindingsMap(node.BINDINGS).key_to_bindings.values()
    return [binding for bindings in own for binding in bindings]


def bindings_table(sections: Iterable[tuple[str, Iterable[Binding]]], display: KeyDisplay) -> str:
    """Markdown lists of every described binding; keys bound to the same action are listed together."""
    lines = []
    for title, bindings in sections:
        lines += [f"### {title}", ""]
        keys_of: dict[tuple[str, str], list[str]] = {}
        for binding in bindings:
            if binding.description:
                keys_of.setdefault((binding.action, binding.description), []).append(
                    f"`{display(Binding(binding.key, binding.action))}`"
                )
        # one key doing one thing or another by where you are is one line ('esc' was listed twice: a trial)
        said: dict[tuple[str, ...], list[str]] = {}
        for (_, description), keys in keys_of.items():
            said.setdefault(tuple(keys), []).append(description)
        lines += [f"- {' / '.join(keys)}: {_either(descriptions)}" for keys, descriptions in said.items()]
        lines.append("")
    return "\n".join(lines)


def _either(descriptions: list[str]) -> str:
    return descriptions[0] if len(descriptions) == 1 else f"{', or '.join(descriptions)} (whichever applies)"


# Inherited from ScrollView, bound but idle here: no pane scrolls sideways (text wraps).
SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}


def help_markdown(screen: ExplorerScreen) -> str:
    """The help page for the screen as it is: its own keys, the app's, and each pane's."""
    from ..notebook.layer import NOTEBOOK_ACTIONS, NOTEBOOK_BINDINGS, NOTEBOOK_HELP
    from ..panes.actors_pane import ActorList
    from ..panes.quotes_pane import QuoteList, QuotesPane
    from ..panes.search_panel import ResultList, SearchInput, SearchPanel
    from ..widgets.links import LinkList
    from ..widgets.timeline import Timeline
    from .editors import NoteEditor
    from .notebook import NotebookScreen
    from .source import SourceScreen

    app = screen.app
    palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
    lists = {name: bindings_of(widget) for name, widget in (("Timeline", Timeline), ("Lists and pages", LinkList))}
    lists["Actors"] = bindings_of(ActorList)
    lists["Quotes"] = [*bindings_of(QuoteList), *bindings_of(QuotesPane)]
    shared = set.intersection(*({(b.key, b.description) for b in found} for found in lists.values()))
    sections: list[tuple[str, list[Binding]]] = [
        (
            "Everywhere",
            [
                b
                for b in [*bindings_of(type(screen)), *bindings_of(type(app)), palette]
                if b.action not in NOTEBOOK_ACTIONS
            ],
        ),
        ("Your notebook: on the selected event, actor or quote", NOTEBOOK_BINDINGS),
        ("In every list and page", [b for b in bindings_of(LinkList) if (b.key, b.description) in shared]),
        *((name, [b for b in found if (b.key, b.description) not in shared]) for name, found in lists.items()),
        # its own keys; the text-editing keys of every input box (arrows, ctrl+w, ...) are Textual's
        ("Search box", [*own_bindings(SearchInput), Binding("enter", "submit", "Go to the results")]),
        ("Search results", bindings_of(ResultList)),
        ("Notebook screen (`b`)", [Binding("enter", "select", "Go to the item"), *own_bindings(NotebookScreen)]),
        ("Note editor (`a`)", own_bindings(NoteEditor)),
        ("Source page", own_bindings(SourceScreen)),
        ("Accounts (`w`)", accounts_bindings()),
    ]
    sections = [(title, [b for b in found if b.action not in SIDEWAYS]) for title, found in sections]
    panes = (Timeline, LinkList, ActorList, QuoteList, SearchPanel, accounts_screen())
    helps = "\n".join([*(w.HELP for w in panes), NOTEBOOK_HELP])
    return INTRO + "## Keys\n\n" + bindings_table(sections, app.get_key_display) + "\n" + helps


def accounts_screen() -> type[AccountsScreen]:
    from .accounts import AccountsScreen

    return AccountsScreen


def accounts_bindings() -> list[Binding]:
    """The accounts page's keys: its own, and those of its moment list (the columns are link lists)."""
    from .accounts import MomentList

    return [*own_bindings(accounts_screen()), *own_bindings(MomentList)]


def accounts_help_markdown(screen: AccountsScreen) -> str:
    """The help page over the accounts page: its keys, then what it shows."""
    from ..widgets.links import LinkList

    sections = [
        ("On this page", accounts_bindings()),
        ("In every list", [b for b in bindings_of(LinkList) if b.action not in SIDEWAYS]),
    ]
    keys = bindings_table(sections, screen.app.get_key_display)
    return "# junquito-tui\n\n## Keys\n\n" + keys + "\n" + screen.HELP + "\n" + LinkList.HELP


class HelpScreen(Modal[None]):
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
