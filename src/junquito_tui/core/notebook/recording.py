"""What a notebook remembers about the datasets it was opened with (see ``identity``)."""

from __future__ import annotations

import json
import sqlite3

from .identity import DatasetIdentity, Remembered
from .items import now

MAX_SEEN = 200  # (path, hash) pairs kept; the oldest go first (they only help find the notebook)


def record_identity(connection: sqlite3.Connection, identity: DatasetIdentity) -> None:
    """Remember this opening, in one transaction of its own."""
    stamp = now()
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(
            "INSERT INTO seen (path, sha256, title, opened) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (path, sha256) DO UPDATE SET title = excluded.title, opened = excluded.opened",
            (identity.path, identity.sha256, identity.title, stamp),
        )
        connection.execute(
            "DELETE FROM seen WHERE rowid NOT IN (SELECT rowid FROM seen ORDER BY opened DESC LIMIT ?)", (MAX_SEEN,)
        )
        for key, value in (("title", identity.title), ("sketch", json.dumps(identity.sketch)), ("opened", stamp)):
            connection.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def read_remembered(connection: sqlite3.Connection) -> Remembered:
    seen = tuple(connection.execute("SELECT path, sha256, title FROM seen"))
    meta = dict(connection.execute("SELECT key, value FROM meta WHERE key IN ('sketch', 'opened')").fetchall())
    try:
        sketch = tuple(int(value) for value in json.loads(meta.get("sketch", "[]")))
    except (ValueError, TypeError):
        sketch = ()  # a damaged sketch only weakens the match; paths and hashes still work
    return Remembered(seen, sketch, meta.get("opened", ""))


def readable_by(connection: sqlite3.Connection) -> int | None:
    """The oldest schema version that can read this file, as the file says (None: not said)."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'readable_by'").fetchone()
    except sqlite3.Error:
        return None
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return None
