"""The notebook's tables, and the runner that brings any earlier version up to date.

A notebook's version is SQLite's ``PRAGMA user_version``. Version 0 is a new, empty database;
``MIGRATIONS[n]`` turns version n into n + 1. All the steps a file needs run in one transaction
(SQLite's schema changes are transactional), so a migration interrupted at any point, by an
error or by ``kill -9``, leaves the file exactly as it was.

A file written by a newer junquito-tui is never migrated (we cannot know what its tables mean):
``meta.readable_by`` names the oldest schema version that can still *read* it, so that a future
version that only adds things can let older ones open it read-only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

CURRENT_VERSION = 1
# 'JUNQ': marks the file as ours, so that --notebook pointing at another program's database is
# refused instead of having our tables added to it.
APPLICATION_ID = 0x4A554E51
KINDS = ("event", "actor", "quote", "source")

Migration = Callable[[sqlite3.Connection], None]

_V1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Every (path, content hash) this notebook was opened with: how a moved copy, or an older
-- version of the file, finds it again.
CREATE TABLE seen (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    opened TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
);
CREATE TABLE items (
    kind TEXT NOT NULL CHECK (kind IN ({", ".join(f"'{kind}'" for kind in KINDS)})),
    id TEXT NOT NULL,
    starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE item_tags (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (kind, id, tag),
    FOREIGN KEY (kind, id) REFERENCES items (kind, id) ON DELETE CASCADE
);
CREATE INDEX item_tags_by_tag ON item_tags (tag);
CREATE TABLE searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('readable_by', '1');
"""


def _create_v1(connection: sqlite3.Connection) -> None:
    for statement in _V1.split(";\n"):
        if statement.strip():
            connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")


MIGRATIONS: Mapping[int, Migration] = {0: _create_v1}


class MigrationError(Exception):
    """A migration failed; the file was left as it was."""


def version_of(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    connection: sqlite3.Connection,
    *,
    target: int | None = None,
    migrations: Mapping[int, Migration] | None = None,
) -> tuple[int, int]:
    """Bring the database to ``target`` (default ``CURRENT_VERSION``) in one transaction, with
    ``migrations`` (default ``MIGRATIONS``); (version before, version after).

    ``connection`` must be in autocommit mode (``isolation_level=None``): the transaction is ours.
    """
    target = CURRENT_VERSION if target is None else target
    migrations = MIGRATIONS if migrations is None else migrations
    current = version_of(connection)
    if current >= target:
        return current, current
    connection.execute("BEGIN IMMEDIATE")
    try:
        start = version_of(connection)  # again, under the lock: another process may have just done it
        missing = [v for v in range(start, target) if v not in migrations]
        if missing:
            raise MigrationError(f"no migration from schema version {missing[0]}")
        for version in range(start, target):
            migrations[version](connection)
            connection.execute(f"PRAGMA user_version = {version + 1}")
        connection.execute("COMMIT")
    except BaseException as error:  # anything at all: the file is left as it was
        if connection.in_transaction:  # some errors have already rolled it back
            connection.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise MigrationError(f"migration to schema version {target} failed: {error}") from error
        raise
    return start, max(start, target)


def schema_problem(connection: sqlite3.Connection, version: int) -> str | None:
    """Why a file's tables are not a notebook's, or None. A received file is only read: a view
    (an endless recursive one hung the app for good), a trigger (its error, raw escapes in it, came
    out as a traceback) or a table without our constraints (a NULL note was a traceback) would make
    our reading do more than read (a security trial). A newer version may add things; ours it keeps."""
    found = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    if version == 0:  # (ours makes its tables and its version in one transaction)
        return "has tables but no notebook version" if found else None
    for kind, name, _, _ in found:
        if kind in ("view", "trigger"):
            return f"holds a {kind} ({' '.join(str(name).split())[:40]!r}), which no junquito-tui notebook has"
    expected = _expected()
    if version == CURRENT_VERSION and sorted(found) != expected:
        return "has tables that are not those of a junquito-tui notebook (changed by another program)"
    for table in sorted(name for kind, name, _, _ in expected if kind == "table"):
        ours = _columns(_reference(), table)
        if _columns(connection, table)[: len(ours)] != ours:  # (a newer version may add columns after ours)
            return f"has a table {table!r} unlike a junquito-tui notebook's (changed by another program)"
        # ... but none computed as it is read: a generated column's expression ran for 30 s a row (a re-trial)
        if any(hidden for *_, hidden in connection.execute(f"PRAGMA table_xinfo({table})")):
            return f"has a computed column in its table {table!r}, which no junquito-tui notebook has"
    return too_large(connection)


# The most a notebook holds that this app reads (a person's notes: thousands; a received file's 900,000 tiny rows
# took 1.8 GB, a 45 MB note crashed the app drawing it: a re-trial)
MAX_ITEMS = 200_000
MAX_SEARCHES = 20_000
MAX_NOTE = 1_000_000  # characters of one note
MAX_NOTE_LINES = 5_000  # lines of one note (500,000 lines of one character took 1.5 GB to draw: a re-trial)


def too_large(connection: sqlite3.Connection) -> str | None:
    """Why the notebook holds more than this app reads, or None (checked before an import is committed too: one of
    20,001 saved searches, exit 0, locked the user out of their own notebook, a re-trial)."""
    items, searches = (
        connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("items", "searches")
    )
    if items > MAX_ITEMS or searches > MAX_SEARCHES:
        most = f"{MAX_ITEMS:,} items, {MAX_SEARCHES:,} searches"
        return f"holds {items:,} items and {searches:,} saved searches, more than this app reads ({most})"
    longest = connection.execute("SELECT MAX(length(note)) FROM items").fetchone()[0] or 0  # (characters)
    if longest > MAX_NOTE:
        return f"holds a note of {longest:,} characters, more than this app reads ({MAX_NOTE:,})"
    lines = connection.execute(_MOST_LINES).fetchone()[0] or 0
    if lines >= MAX_NOTE_LINES:
        return f"holds a note of {lines + 1:,} lines, more than this app reads ({MAX_NOTE_LINES:,})"
    return None


_MOST_LINES = "SELECT MAX(length(note) - length(replace(note, char(10), ''))) FROM items WHERE typeof(note) = 'text'"


def note_too_large(note: str) -> str | None:
    """Why one note is more than this app reads, or None (the limits ``too_large`` checks a notebook's notes by)."""
    if len(note) > MAX_NOTE:
        return f"a note of {len(note):,} characters, more than this app reads ({MAX_NOTE:,})"
    if (lines := note.count("\n")) >= MAX_NOTE_LINES:
        return f"a note of {lines + 1:,} lines, more than this app reads ({MAX_NOTE_LINES:,})"
    return None


def _columns(connection: sqlite3.Connection, table: str) -> list[tuple[str, str, int]]:
    """(name, type, not null) of each column, in order."""
    return [(name, kind, notnull) for _, name, kind, notnull, _, _ in connection.execute(f"PRAGMA table_info({table})")]


_REFERENCE: list[sqlite3.Connection] = []


def _reference() -> sqlite3.Connection:
    """An empty notebook of the current version, in memory: what a file's tables are compared with."""
    if not _REFERENCE:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _create_v1(connection)
        _REFERENCE.append(connection)
    return _REFERENCE[0]


def _expected() -> list[tuple[str, str, str, str | None]]:
    return sorted(_reference().execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall())
