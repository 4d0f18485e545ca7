"""Reading a notebook's rows into values.

What is read is cleaned again (control characters out of notes, tags that are not slugs left
out): the file may have been edited by another program, and a note must never reach the
terminal as escape sequences.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..text import SLUG_PATTERN, without_controls
from .items import MAX_ID, STAMP, Item, Key, SavedSearch, clean_note
from .schema import KINDS

MAX_TAG = 60  # ``text.slugify``'s length, as every tag is made
# Tags are slugs: a comma never appears in one, so GROUP_CONCAT's separator is safe.
_ITEMS = """
SELECT i.kind, i.id, i.starred, i.note, i.created, i.updated, GROUP_CONCAT(t.tag)
FROM items AS i LEFT JOIN item_tags AS t ON t.kind = i.kind AND t.id = i.id
{where}
GROUP BY i.kind, i.id
ORDER BY i.updated DESC, i.kind, i.id
"""


def _item(row: tuple[str, str, int, str, str, str, str | None]) -> Item:
    kind, item_id, starred, note, created, updated, tags = row
    # (a tag as ``items.normalize_tag`` makes one: 60 characters at most; 15 tags of 1 MB took 1.4 GB: a re-trial)
    written = (tags if isinstance(tags, str) else "").split(",")
    kept = sorted(tag for tag in written if len(tag) <= MAX_TAG and SLUG_PATTERN.fullmatch(tag))
    return Item(kind, item_id, starred == 1, tuple(kept), clean_note(note)[0], _stamp(created), _stamp(updated))


def _stamp(value: object) -> str:
    """A time as ``items.now`` writes it, or '' (a received file's escapes in one went out raw: a re-trial)."""
    return value if isinstance(value, str) and STAMP.fullmatch(value) else ""


def read_item(connection: sqlite3.Connection, key: Key) -> Item | None:
    rows = connection.execute(_ITEMS.format(where="WHERE i.kind = ? AND i.id = ?"), key).fetchall()
    return _item(rows[0]) if rows and _ours(rows[0][0], rows[0][1], rows[0][3]) else None


def read_items(connection: sqlite3.Connection) -> list[Item]:
    """Every item, most recently changed first; one query, so one consistent moment. An item whose kind or id
    this app could not have written is left out: its id, escapes and all, reached the terminal (a trial)."""
    return [_item(row) for row in connection.execute(_ITEMS.format(where="")) if _ours(row[0], row[1], row[3])]


def _ours(kind: object, item_id: object, note: object = "") -> bool:
    slug = isinstance(item_id, str) and len(item_id) <= MAX_ID and SLUG_PATTERN.fullmatch(item_id) is not None
    return kind in KINDS and slug and isinstance(note, str)  # (a blob in a text column was a traceback: a re-trial)


def read_searches(connection: sqlite3.Connection) -> list[SavedSearch]:
    rows = connection.execute("SELECT name, query, created, updated FROM searches").fetchall()
    rows = [row for row in rows if isinstance(row[0], str) and isinstance(row[1], str)]  # (not a blob: a re-trial)
    found = (SavedSearch(_line(n), _line(q), _stamp(c), _stamp(u)) for n, q, c, u in rows)
    return sorted(found, key=lambda s: (s.name.casefold(), s.name))


def _line(text: str) -> str:
    return " ".join(without_controls(text)[0].split())


def tag_counts(connection: sqlite3.Connection) -> list[tuple[str, int]]:
    rows: Iterable[tuple[str, int]] = connection.execute(
        "SELECT tag, COUNT(*) FROM item_tags GROUP BY tag ORDER BY COUNT(*) DESC, tag"
    )
    return [(tag, n) for tag, n in rows if isinstance(tag, str) and len(tag) <= MAX_TAG and SLUG_PATTERN.fullmatch(tag)]
