"""Pane 3: every actor grouped by side, and the profile of the one under the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import var

from ...core.chronology import Chronology
from ...core.citation import OpenedAs
from ...core.navigation import Location
from .. import pages
from ..notebook.marks import changed, changed_ids, marker_of, mine
from ..widgets.links import LinkList
from ..widgets.rows import Row, RowList, Run

if TYPE_CHECKING:
    from ...core.notebook import Snapshot


class ActorList(RowList):
    HELP = """\
## Actors (pane 3)
Every person, force and body, grouped by side. The profile beside the list shows
relations, every event they take part in and every quote they said, all as links.
"""
    BINDINGS = [Binding("enter", "select", "Open profile")]


class ActorsPane(Horizontal):
    annotations: var[Snapshot | None] = var(None, init=False)  # bound: markers, the profile's notebook section

    class Changed(Message):
        """Another actor's profile is shown (the quotes pane may filter by it)."""

        def __init__(self, actor_id: str) -> None:
            self.actor_id = actor_id
            super().__init__()

    def __init__(
        self,
        chronology: Chronology,
        *,
        opened: OpenedAs | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.chronology = chronology
        self.opened = opened  # how the user opened the dataset: a page's reopen command says it
        self._rows: dict[str, int] = {}  # actor id -> its row in the list
        self._profile_shown = False  # a deep link or a move may show one before the first frame's turn

    def compose(self) -> ComposeResult:
        yield ActorList(id="actor-list")
        yield LinkList(id="actor-profile")

    def on_mount(self) -> None:
        self.border_title = Content(f"3 Actors · {len(self.chronology.dataset.actors):,}")
        self._fill()

    @property
    def actor_list(self) -> ActorList:
        return self.query_one(ActorList)

    @property
    def profile(self) -> LinkList:
        return self.query_one("#actor-profile", LinkList)

    @property
    def current_actor(self) -> str | None:
        target = self.actor_list.highlighted_target
        return target.id if target is not None else None

    def show_actor(self, actor_id: str) -> None:
        """Put the cursor on the actor and show their profile."""
        self.actor_list.highlighted = self._rows[actor_id]
        self._show_profile(actor_id)

    def _fill(self) -> None:
        """Actors grouped under their side, sides in order of first appearance."""
        sides: dict[str, list[str]] = {}
        for actor in self.chronology.dataset.actors:
            sides.setdefault(actor.side or "No side given", []).append(actor.id)
        entries: list[tuple[str, str | None]] = []  # (side heading, None) or (name, actor id)
        for side, ids in sides.items():
            entries.append((f"{side} ({len(ids):,})", None))
            entries += [(self.chronology.actors[actor_id].name, actor_id) for actor_id in ids]
        self._rows = {actor_id: row for row, (_, actor_id) in enumerate(entries) if actor_id is not None}

        def make(index: int) -> Row:
            label, actor_id = entries[index]
            if actor_id is None:
                return Row(Content.styled(label, "bold"))
            mark = marker_of(self.annotations, "actor", actor_id)
            return Row(Content(f"  {mark}{label}"), Location("actor", actor_id))

        self.actor_list.show_rows(Run(len(entries), make))
        self.actor_list.highlighted = self.actor_list.first_selectable()
        # After the first frame: a profile needs every actor's appearances (~0.1 s at 100,000 events).
        self.call_after_refresh(self._show_first_profile)

    def _show_first_profile(self) -> None:
        # Run after a refresh: its screen may have been replaced (and its children removed) by then.
        if self._pruning or not self.is_attached:
            return
        if not self._profile_shown and (actor_id := self.current_actor) is not None:
            self._show_profile(actor_id)

    def _show_profile(self, actor_id: str) -> None:
        self._profile_shown = True
        self.profile.show(
            pages.actor_rows(self.chronology, actor_id, mine(self.annotations, "actor", actor_id), self.opened)
        )
        self.post_message(self.Changed(actor_id))

    def watch_annotations(self, old: Snapshot | None, new: Snapshot | None) -> None:
        at = self._rows
        self.actor_list.rows_changed(at[actor] for actor in changed_ids(old, new, "actor") if actor in at)
        actor_id = self.current_actor
        if actor_id is not None and changed(old, new, "actor", actor_id):
            before, after = mine(old, "actor", actor_id), mine(new, "actor", actor_id)
            rows = pages.actor_rows(self.chronology, actor_id, after, self.opened)
            self.profile.replace_rows(rows, len(after) - len(before))

    @on(RowList.Highlighted, "#actor-list")
    def _highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()
        self._show_profile(message.target.id)

    @on(RowList.Selected, "#actor-list")
    def _chosen(self, message: RowList.Selected) -> None:
        message.stop()
        self.profile.focus()
