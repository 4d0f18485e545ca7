"""What the notebook adds to the panes: a marker before a marked item's title, and a "My notebook"
section on its page. Notes and tags are the user's text: they enter only through ``Content``, so a
note holding markup is shown as typed (and Markdown is shown as the text it is)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from ...core.chronology import Chronology
from ...core.provenance import certainty_prefix
from ...core.text import one_line
from ..pages import preview
from ..widgets.rows import Row

if TYPE_CHECKING:
    from ...core.notebook import Item, Snapshot

STAR = "\u2605"  # ★ starred
NOTED = "\u270e"  # ✎ a note or personal tags of yours
LEGEND = f"{STAR} starred · {NOTED} your note or tags"


def marker(item: Item | None) -> str:
    """'★ ', '✎ ', '★✎ ', or '' for an item with nothing on it: put before its title, so that
    cutting a long title never hides it."""
    if item is None:
        return ""
    mark = (STAR if item.starred else "") + (NOTED if item.note.strip() or item.tags else "")
    return f"{mark} " if mark else ""


def item_of(annotations: Snapshot | None, kind: str, item_id: str) -> Item | None:
    return annotations.get(kind, item_id) if annotations else None


def marker_of(annotations: Snapshot | None, kind: str, item_id: str) -> str:
    return marker(item_of(annotations, kind, item_id))


def changed(old: Snapshot | None, new: Snapshot | None, kind: str, item_id: str) -> bool:
    """Whether the notebook's change touched this item."""
    return item_of(old, kind, item_id) != item_of(new, kind, item_id)


def changed_ids(old: Snapshot | None, new: Snapshot | None, kind: str) -> set[str]:
    """Ids of this kind whose marks a change touched (the notebook's size, not the dataset's)."""
    before = dict(old.by_key) if old else {}
    after = dict(new.by_key) if new else {}
    return {key[1] for key in before.keys() | after.keys() if key[0] == kind and before.get(key) != after.get(key)}


def mine(annotations: Snapshot | None, kind: str, item_id: str) -> list[Row]:
    """The page section of this item, from the notebook as the panes have it."""
    return notebook_rows(item_of(annotations, kind, item_id))


def notebook_rows(item: Item | None) -> list[Row]:
    """The page's "My notebook" section (nothing for an unmarked item), then a blank line."""
    if item is None or item.empty:
        return []
    rows = [Row(Content.styled("My notebook", "bold underline"))]
    if item.starred:
        rows.append(Row(Content.styled(f"{STAR} Starred", "bold")))
    if item.tags:
        rows.append(Row(Content.assemble(("My tags: ", "bold"), ", ".join(item.tags))))
    if item.note.strip():
        rows.append(Row(Content.styled("My note:", "bold")))
        rows.append(Row(Content(item.note.rstrip())))
    rows.append(Row(Content(" ")))
    return rows


def label(chronology: Chronology, kind: str, item_id: str) -> str:
    """An item in a few words, on one line: an event's title, an actor's name, a quote's first words."""
    if kind == "event" and item_id in chronology.position:  # ('[alleged] ...' as the timeline lists it)
        event = chronology.event(item_id)
        return certainty_prefix(event) + one_line(event.title)
    if kind == "actor" and item_id in chronology.actors:
        return one_line(chronology.actors[item_id].name)
    if kind == "quote" and item_id in chronology.quotes:
        return one_line(preview(chronology.quotes[item_id]))
    if kind == "source" and item_id in chronology.sources:
        return one_line(chronology.sources[item_id].title)
    return f"{kind} {item_id}"
