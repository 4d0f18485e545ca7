"""What a notebook holds: marked items and saved searches (plain values, safe to share across threads)."""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass

from ..text import SLUG_PATTERN, slugify, without_controls
from .schema import KINDS

Key = tuple[str, str]  # (kind, id)
MAX_ID = 120
MAX_NAME = 200


class NotebookError(Exception):
    """Something a person can act on, said in one line (which file, what is wrong)."""


@dataclass(frozen=True, slots=True)
class Item:
    """An event, actor, quote or source the user marked: starred, personal tags, a note."""

    kind: str
    id: str
    starred: bool = False
    tags: tuple[str, ...] = ()  # sorted slugs
    note: str = ""  # Markdown as typed, control characters removed
    created: str = ""  # ISO 8601 UTC
    updated: str = ""

    @property
    def key(self) -> Key:
        return (self.kind, self.id)

    @property
    def empty(self) -> bool:
        return not (self.starred or self.tags or self.note.strip())


@dataclass(frozen=True, slots=True)
class NoteSaved:
    """What ``set_note`` stored: the item (None when nothing is left on it), whether another
    instance had changed the note meanwhile (both versions kept), and how many control
    characters were removed from the text."""

    item: Item | None
    conflict: bool
    removed: int


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    created: str = ""
    updated: str = ""


_last = dt.datetime.min.replace(tzinfo=dt.UTC)
_clock = threading.Lock()


STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z")  # as ``now`` writes one


def now() -> str:
    """UTC to the microsecond, and never twice the same in one process, so that 'most recently
    changed first' orders changes made in quick succession."""
    global _last
    with _clock:
        _last = max(dt.datetime.now(dt.UTC), _last + dt.timedelta(microseconds=1))
        return _last.isoformat(timespec="microseconds").replace("+00:00", "Z")


def check_key(kind: str, item_id: str) -> Key:
    if kind not in KINDS:
        raise NotebookError(f"'{kind}' is not something a note can be attached to ({', '.join(KINDS)})")
    if len(item_id) > MAX_ID or not SLUG_PATTERN.fullmatch(item_id):
        raise NotebookError(f"'{without_controls(item_id)[0][:MAX_ID]}' is not an id (lowercase words joined by '-')")
    return kind, item_id


def normalize_tag(text: str) -> str:
    """A personal tag as stored: 'Key moment' -> 'key-moment' (the same rule as the dataset's tags)."""
    tag = slugify(text)
    if not tag:
        raise NotebookError(
            f"tag '{without_controls(text)[0][:MAX_NAME]}' has no letter or digit to keep "
            "(tags are written like the dataset's: a-z, 0-9 and '-'; accents are dropped)"
        )
    return tag


def clean_note(text: str) -> tuple[str, int]:
    """A note as stored: control characters removed (see ``text.without_controls``); blank is empty."""
    clean, removed = without_controls(text)
    return ("" if not clean.strip() else clean), removed


def clean_line(text: str, what: str) -> str:
    """A one-line name or query: controls removed, runs of spaces and line breaks made one space."""
    line = " ".join(without_controls(text)[0].split())
    if not line:
        raise NotebookError(f"a saved search needs a {what}")
    if len(line) > 10 * MAX_NAME:
        raise NotebookError(f"a saved search's {what} is too long ({len(line):,} characters)")
    return line
