"""The notebook's keys and palette commands, on the container that holds the explorer's panes.

Keys bubble from the focused list or page up through this container, so its bindings are in force
wherever the focus is on the explorer (Textual's way: the bindings live with what they act on).
What a key acts on is the *selected item*, ``PaneDeck.here()``: the event under the timeline's
cursor (also when its page has the focus: the page is that event's), the actor under the actor
list's cursor (whose profile is shown), the quote under the quote list's cursor. On a page, a link
is not the selected item: `s` on an event page stars the event, not the actor a link names. The one
key that acts on a link is `o`, on a link to a source (a source has no pane).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.message import Message

from ...core.navigation import Location
from ..panes.deck import PaneDeck
from ..widgets.rows import RowList
from .marks import label
from .outcome import Outcome
from .sharing import Sharing

if TYPE_CHECKING:
    from ...core.chronology import Chronology
    from ...core.notebook import Item, Key, Notebook, Snapshot
    from ..panes.search_panel import SearchPanel
    from .session import NotebookSession

NOTEBOOK_BINDINGS = [
    Binding("s", "star", "Star"),
    Binding("t", "tags", "Tags"),
    Binding("a", "note", "Note"),
    Binding("c", "cite", "Cite"),
    Binding("y", "copy_quote", "Copy quote"),
    Binding("o", "open_source", "Open source"),
    Binding("b", "notebook", "Notebook"),
]
NOTEBOOK_HELP = """\
## Your notebook
Kept beside the dataset, never in it, and saved the moment you change it. `s`, `t`, `a` and `c`
act on the selected item: the event under the timeline's cursor (also on its page), the actor
under the actor list's cursor, the quote under the quote list's cursor; a link on a page is not
the selected item (`s` on an event's page stars the event). `★` marks what you starred and `✎`
what you tagged or noted, in the timeline, the lists and the pages, whose "My notebook" section
shows your tags and note (Markdown, shown as plain text). `y` copies a quote's words with who
said them, when and the source; `o` on a link to a source (or on a source's page) shows its whole
web address and asks before opening it (only http and https). `b` lists everything you marked,
newest first or by date (`d`), with items the dataset no longer has. In the search,
`is:starred`, `note:WORD` and `mytag:NAME` find them, and `f` filters the timeline to them.
"""
NOTEBOOK_ACTIONS = {binding.action for binding in NOTEBOOK_BINDINGS}
CHANGES = {"star", "tags", "note"}  # dimmed (and explained when pressed) without a writable notebook
CHANGE_KEYS = {binding.key: binding.action for binding in NOTEBOOK_BINDINGS if binding.action in CHANGES}


class NotebookLayer(Container):
    """The explorer's body (search panel, panes) with the notebook's keys over it. Opens the
    notebook after the first frame; says when it changed with ``Changed`` (the screen binds the
    snapshot into the panes)."""

    BINDINGS = [*NOTEBOOK_BINDINGS]
    FOOTER_LATE = True  # in the footer after the screen's keys (widgets/footer.py)
    notebook: NotebookSession | None = None  # made once the first frame is on screen

    class Changed(Message):
        """The notebook's contents changed (or it opened): the panes' markers and the search follow."""

        def __init__(self, snapshot: Snapshot) -> None:
            self.snapshot = snapshot
            super().__init__()

    def __init__(
        self,
        chronology: Chronology,
        sharing: Sharing,
        notebook_wanted: tuple[str | None, str | None] | None,
        *,
        id: str | None = None,
    ) -> None:
        """``notebook_wanted``: the dataset's path and the --notebook file; None: no notebook."""
        super().__init__(id=id)
        self.chronology = chronology
        self.sharing = sharing
        self.notebook_wanted = notebook_wanted

    def here(self) -> Location | None:
        return self.query_one(PaneDeck).here()

    @property
    def search_panel(self) -> SearchPanel:
        from ..panes.search_panel import SearchPanel

        return self.query_one(SearchPanel)

    def on_mount(self) -> None:
        self.start_notebook()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.notebook_action_state(action) if action in NOTEBOOK_ACTIONS else True

    def show_annotations(self) -> None:
        if self.notebook is not None:
            self.post_message(self.Changed(self.notebook.snapshot))

    # -- opening ------------------------------------------------------------------------------------
    def start_notebook(self) -> None:
        """Open the notebook once the first frame is on screen (even importing it costs 30 ms)."""
        if self.notebook_wanted is not None:
            self.call_after_refresh(self._open_notebook)

    def _open_notebook(self) -> None:
        from .session import POLL_EVERY, NotebookSession

        assert self.notebook_wanted is not None
        data_path, notebook_file = self.notebook_wanted
        session = NotebookSession(self.chronology, self.post_message, data_path=data_path, notebook_file=notebook_file)
        self.notebook = session
        session.open()
        self.set_interval(POLL_EVERY, session.poll)  # another instance's changes appear here too

    def on_notebook_session_done(self, message: NotebookSession.Done) -> None:
        message.stop()
        session = self.notebook
        if session is None:
            return
        outcome = message.outcome
        session.apply(outcome)
        if outcome.snapshot is not None or outcome.key is not None:
            self.show_annotations()
        if outcome.say:
            said = outcome.say
            self.notify(said, title=outcome.title, severity=outcome.severity, markup=False, timeout=outcome.timeout)
        if outcome.opened is not None:  # writable, read-only or off: the footer dims or not
            self.refresh_bindings()
        if outcome.then is not None:
            outcome.then()

    def on_unmount(self) -> None:
        if self.notebook is not None:
            self.notebook.close()

    # -- what the keys act on -----------------------------------------------------------------------
    def link_under_cursor(self) -> Location | None:
        """The link highlighted in the focused page, if a page has the focus."""
        from ..widgets.links import LinkList

        focused = self.screen.focused
        return focused.highlighted_target if isinstance(focused, LinkList) else None

    @property
    def notebook_opening(self) -> bool:
        return self.notebook_wanted is not None and (self.notebook is None or self.notebook.opened is None)

    def notebook_action_state(self, action: str) -> bool | None:
        """Shown (True), dimmed (None: pressing it says why) or hidden (False). While the notebook
        opens (a fraction of a second) the keys show as they will most likely be: usable."""
        here = self.here()
        if action in CHANGES:
            if here is None or self.notebook_wanted is None:
                return False
            return True if self.notebook_opening or (self.notebook and self.notebook.writable) else None
        if action == "cite":
            return here is not None
        if action == "copy_quote":
            return here is not None and here.kind == "quote"
        if action == "open_source":
            link = self.link_under_cursor()
            return link is not None and link.kind == "source"
        return self.notebook_wanted is not None  # the Notebook screen

    def on_key(self, event: events.Key) -> None:
        """A dimmed notebook key pressed anyway: say why it does nothing (Textual would say nothing)."""
        if event.key not in CHANGE_KEYS or self.notebook_wanted is None or self.here() is None:
            return
        session = self.notebook
        if session is None or session.opened is None or session.writable:
            return  # the key runs its action
        event.stop()
        event.prevent_default()
        self.notify(session.why_not, title="Notes are off", severity="warning", markup=False)

    def _writable(self) -> NotebookSession | None:
        """The notebook, if a change can be saved now; else None, and the user is told why."""
        session = self.notebook
        if session is not None and session.writable:
            return session
        why = session.why_not if session is not None else "The notebook is still opening: try again in a moment."
        self.notify(why, title="Not saved", severity="warning", markup=False)
        return None

    def on_row_list_highlighted(self, message: RowList.Highlighted) -> None:
        self.refresh_bindings()  # `o` shows while a link to a source is under the cursor

    # -- the keys -------------------------------------------------------------------------------------
    def _selected(self) -> tuple[Key, str] | None:
        here = self.here()
        if here is None:
            return None
        return (here.kind, here.id), label(self.chronology, here.kind, here.id)

    def _to_change(self) -> tuple[Key, str, NotebookSession, Item | None] | None:
        """The selected item (key, name), the notebook if it can be changed now, and what it holds
        on the item; None when there is nothing selected or the notebook cannot take a change."""
        selected = self._selected()
        session = self._writable() if selected is not None else None
        if selected is None or session is None:
            return None
        key, name = selected
        return key, name, session, session.snapshot.get(*key)

    def action_star(self) -> None:
        if (change := self._to_change()) is None:
            return
        key, name, session, _ = change

        def job(notebook: Notebook) -> Outcome:
            starred = notebook.toggle_starred(*key)
            said = f"{'★ Starred' if starred else 'Unstarred'}: {name}"
            return Outcome(key=key, item=notebook.item(*key), say=said, timeout=3)  # the marker says it too

        session.run(job)

    def action_tags(self) -> None:
        from ..screens.editors import TagEditor

        if (change := self._to_change()) is None:
            return
        key, name, session, item = change
        before = item.tags if item is not None else ()

        def edited(tags: object) -> None:
            if not isinstance(tags, list):
                return

            def job(notebook: Notebook) -> Outcome:
                stored = notebook.set_tags(*key, tags, base=before)
                now = ", ".join(stored.tags) if stored is not None and stored.tags else "none"
                return Outcome(key=key, item=stored, say=f"My tags on {name}: {now}")

            session.run(job)

        self.app.push_screen(TagEditor(self._title("Tags for", key, name), before, session.tag_counts()), edited)

    def action_note(self) -> None:
        """Open the note editor on the note as it is stored now, read in the writer thread (after any
        change still queued): what this instance last polled may be older than what another
        instance saved since, and an editor opened on an old text would take it for the base."""
        from ...core.notebook import NotebookError

        if (change := self._to_change()) is None:
            return
        key, name, session, _ = change

        def read(notebook: Notebook) -> Outcome:
            try:
                item = notebook.item(*key)
            except NotebookError as error:
                return Outcome(say=str(error), title="Note not opened", severity="error")
            return Outcome(key=key, item=item, then=lambda: self._edit_note(key, name, session))

        session.run(read)

    def _edit_note(self, key: Key, name: str, session: NotebookSession) -> None:
        from ..screens.editors import NoteEditor

        if isinstance(self.app.screen, NoteEditor):  # `a` pressed twice while the note was read
            return
        item = session.snapshot.get(*key)  # just read from the file
        base = item.note if item is not None else ""

        def edited(text: object) -> None:
            if not isinstance(text, str):
                return

            def job(notebook: Notebook) -> Outcome:
                saved = notebook.set_note(*key, text, base=base)
                return Outcome(key=key, item=saved.item, say=note_saved_words(name, saved.removed, saved.conflict))

            session.run(job)

        self.app.push_screen(NoteEditor(self._title("Note on", key, name), base), edited)

    @staticmethod
    def _title(what: str, key: Key, name: str) -> Content:
        return Content.assemble((f"{what} the {key[0]} ", "bold"), name)

    def action_cite(self) -> None:
        here = self.here()
        if here is not None:
            self.sharing.cite(self.app, here.kind, here.id)

    def action_copy_quote(self) -> None:
        here = self.here()
        if here is not None and here.kind == "quote":
            self.sharing.copy_quote(self.app, here.id)

    def action_open_source(self) -> None:
        link = self.link_under_cursor()
        if link is not None and link.kind == "source":
            self.sharing.open_source(self.app, link.id)

    def action_notebook(self) -> None:
        from ..messages import Navigate
        from ..screens.notebook import NotebookScreen

        if self.notebook_wanted is None:
            return
        session = self.notebook

        def chosen(jump: Navigate | None) -> None:
            if jump is not None:
                self.post_message(Navigate(jump.target))

        if session is None:
            screen = NotebookScreen(self.chronology, None, None)
        else:
            screen = NotebookScreen(self.chronology, session.snapshot, session.opened, session.searches)
        self.app.push_screen(screen, chosen)

    # -- the palette ------------------------------------------------------------------------------------
    def notebook_commands(self) -> Iterable[SystemCommand]:
        session = self.notebook
        if session is None:
            return
        yield SystemCommand("Notebook", "Everything you starred, tagged or noted (b)", self.action_notebook)
        yield SystemCommand(
            "Save search as…", "Keep the query in the search box under a name, in your notebook", self.save_search
        )
        # Saved searches ('Search: NAME') come from commands.SavedSearchProvider: their names are
        # text, and a system command's title is parsed as markup.
        if session.opened is not None and session.opened.damaged:
            yield SystemCommand(
                "Start a new notebook (the damaged one is kept)",
                "Move the damaged file aside, renamed (nothing is deleted), and start a new notebook",
                session.start_new,
            )

    def save_search(self) -> None:
        from ..screens.editors import SearchNamer

        session = self.notebook
        if session is None:
            return
        query = " ".join(self.search_panel.input.value.split())
        if not query:
            say = "Nothing to save: type a search first (/), then ctrl+p, Save search as…"
            self.notify(say, markup=False, severity="warning")
            return
        if self._writable() is None:
            return

        def named(answer: object) -> None:
            if not isinstance(answer, tuple):
                return
            name, replace = answer

            def job(notebook: Notebook) -> Outcome:
                saved = notebook.save_search(name, query, replace=replace)
                say = f"Saved search '{saved.name}': {saved.query}. ctrl+p, Search: {saved.name} runs it."
                return Outcome(searches=tuple(notebook.searches()), say=say)

            session.run(job)

        self.app.push_screen(SearchNamer(query, session.searches), named)


def note_saved_words(name: str, removed: int, conflict: bool) -> str:
    words = [f"Note saved on {name}."]
    if removed:
        words.append(f"{removed} control character{'' if removed == 1 else 's'} (terminal codes) removed.")
    if conflict:
        words.append("Another session had changed it meanwhile: both versions are kept, one under a line saying so.")
    return " ".join(words)
