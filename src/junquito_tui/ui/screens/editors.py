"""The notebook's small editors, each a modal over the explorer: personal tags (`t`), a note (`a`),
and a name for a saved search. They return what the user wrote; the explorer stores it.

What the user types or pastes is text: it is shown through ``Content`` only, and control
characters in a paste (a terminal's escape sequences, in coloured output copied from elsewhere)
are removed before they reach the editor, so they never reach the screen; the editor says how many.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from ...core.notebook import NotebookError, SavedSearch, normalize_tag
from ...core.text import without_controls
from .modal import Modal


class Cleaned(Message):
    """Control characters were removed from a paste."""

    def __init__(self, removed: int) -> None:
        self.removed = removed
        super().__init__()


def _clean_paste(widget: Input | TextArea, event: events.Paste) -> None:
    """Runs before the widget's own paste handler, which inserts ``event.text``."""
    event.text, removed = without_controls(event.text)
    if removed:
        widget.post_message(Cleaned(removed))


class CleanInput(Input):
    def _on_paste(self, event: events.Paste) -> None:
        _clean_paste(self, event)


class NoteArea(TextArea):
    async def _on_paste(self, event: events.Paste) -> None:
        _clean_paste(self, event)


def removed_words(removed: int) -> str:
    return f"{removed} control character{'' if removed == 1 else 's'} (terminal codes) removed from the paste."


class Editor(Modal[object]):
    """A box over the explorer: a title line naming the item, a field, a hint line."""

    DEFAULT_CSS = """
    Editor { align: center middle; }
    Editor > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    Editor .editor--title { margin: 0 0 1 0; }
    Editor .editor--hint { color: $foreground-muted; margin: 1 0 0 0; }
    Editor .editor--hint.-problem { color: $error; }
    Editor NoteArea { height: 16; }
    """

    def __init__(self, title: Content, hint: str, *, box: str, field: Widget) -> None:
        """``box``: the frame's own title; ``field``: what the user edits, between title and hint."""
        super().__init__()
        self._title = title
        self._hint = hint
        self._box = box
        self._field = field

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self._box)
            yield Static(self._title, classes="editor--title", markup=False)
            yield self._field
            yield Static(self._hint, classes="editor--hint", markup=False)

    def hint(self, text: str, *, problem: bool = False) -> None:
        line = self.query_one(".editor--hint", Static)
        line.update(Content(text))
        line.set_class(problem, "-problem")

    @on(Cleaned)
    def _cleaned(self, message: Cleaned) -> None:
        self.hint(removed_words(message.removed), problem=True)


# -- personal tags -------------------------------------------------------------------------------
class TagSuggester(Suggester):
    """Completes the tag being typed (after the last comma) from the tags already used, the most
    used first; tags already in the box are not offered again."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, typed = value.rpartition(",")
        typed = typed.lstrip()
        if not typed:
            return None
        try:
            wanted = normalize_tag(typed)
        except NotebookError:
            return None
        present = {_tag_or_none(part) for part in head.split(",")}
        for tag in self._tags:
            if tag.startswith(wanted) and tag != wanted and tag not in present:
                return value + tag[len(wanted) :]
        return None


def _tag_or_none(text: str) -> str | None:
    try:
        return normalize_tag(text)
    except NotebookError:
        return None


def parse_tags(text: str) -> list[str]:
    """'Key moment, to check' -> ['key-moment', 'to-check'] (order kept, repeats dropped); raises
    NotebookError naming a tag with nothing to keep."""
    tags = [normalize_tag(part) for part in text.split(",") if part.strip()]
    return list(dict.fromkeys(tags))


class TagEditor(Editor):
    """Dismissed with the tags to keep (a list, maybe empty), or None when cancelled."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: Content, tags: tuple[str, ...], used: list[tuple[str, int]]) -> None:
        known = ", ".join(f"{tag} ({count})" for tag, count in used[:12]) or "none yet"
        hint = f"Separate tags with commas; → takes the suggestion. enter: save · escape: cancel\nYour tags: {known}"
        value = ", ".join(tags) + (", " if tags else "")
        # not selected on focus: a first key typed would replace every tag the item has
        suggester = TagSuggester([tag for tag, _ in used])
        field = CleanInput(
            value, placeholder="key-moment, to check", suggester=suggester, select_on_focus=False, id="tags"
        )
        super().__init__(title, hint, box="My tags", field=field)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#tags")
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        try:
            tags = parse_tags(message.value)
        except NotebookError as error:
            self.hint(str(error), problem=True)
            return
        self.dismiss(tags)


# -- a note ------------------------------------------------------------------------------------
class NoteEditor(Editor):
    """Dismissed with the note as written, or None when cancelled (asked twice if it was changed)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: Content, note: str) -> None:
        hint = "Markdown welcome (shown as plain text). ctrl+s: save · escape: cancel"
        super().__init__(title, hint, box="My note", field=NoteArea(note, soft_wrap=True, id="note"))
        self._note = note
        self._leaving = False

    def on_mount(self) -> None:
        area = self.query_one(NoteArea)
        area.move_cursor(area.document.end)
        area.focus()

    @property
    def text(self) -> str:
        return self.query_one(NoteArea).text

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        if self.text == self._note or self._leaving:
            self.dismiss(None)
            return
        self._leaving = True  # never lose what was typed to one stray key
        self.hint("The note has changed: escape again leaves it unsaved, ctrl+s saves it.", problem=True)

    @on(TextArea.Changed)
    def _changed(self) -> None:
        self._leaving = False


# -- the name of a saved search ----------------------------------------------------------------
class SearchNamer(Editor):
    """Dismissed with (name, replace) or None. A name already saved with another query is kept
    only when the user presses enter a second time."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, query: str, saved: tuple[SavedSearch, ...]) -> None:
        super().__init__(
            Content.assemble(("Search: ", "bold"), query),
            "A name for it. enter: save · escape: cancel",
            box="Save search as",
            field=CleanInput(placeholder="a name", id="search-name"),
        )
        self._saved = {search.name.casefold(): search for search in saved}
        self._query = query
        self._confirmed: str | None = None

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#search-name")
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        name = " ".join(message.value.split())
        if not name:
            self.hint("Give it a name first.", problem=True)
            return
        taken = self._saved.get(name.casefold())
        if taken is not None and taken.query != self._query and self._confirmed != name:
            self._confirmed = name
            self.hint(f"'{taken.name}' already searches for: {taken.query} - enter again replaces it.", problem=True)
            return
        self.dismiss((taken.name if taken else name, taken is not None))
