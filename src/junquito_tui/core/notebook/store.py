"""A notebook file: every change is one transaction, committed before the call returns.

Threads: a ``Notebook`` may be used from any thread; each thread gets its own SQLite connection
(connections are never shared between threads). ``snapshot()`` returns plain values that any
thread may keep and read without touching SQLite: give that to the search and to the panes.

Two instances on one file never lose each other's changes: each change touches only what it
changes (a star, a tag, a note), inside ``BEGIN IMMEDIATE``; a note saved with the text it was
edited from (``base``) is merged with what another instance stored meanwhile (both kept).

The file is created at the first change, not at opening: looking at a dataset leaves nothing behind.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .connection import DEFAULT_TIMEOUT, Mode, connect, problem, use_wal
from .identity import DatasetIdentity
from .items import (
    Item,
    Key,
    NotebookError,
    NoteSaved,
    SavedSearch,
    check_key,
    clean_line,
    clean_note,
    normalize_tag,
    now,
)
from .merging import merge_note
from .recording import record_identity
from .schema import migrate, note_too_large, too_large, version_of
from .snapshot import Snapshot
from .tables import read_item, read_items, read_searches, tag_counts

if TYPE_CHECKING:
    from .exchange import Document, MergeReport

T = TypeVar("T")


class Notebook:
    def __init__(
        self,
        path: Path,
        *,
        mode: Mode = Mode.WRITE,
        identity: DatasetIdentity | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.path = Path(path).absolute()
        self.mode = mode
        self.identity = identity  # recorded in the file when it is created
        self.timeout = timeout
        self._lock = threading.Lock()
        self._connections: dict[int, sqlite3.Connection] = {}
        self._versions: dict[int, int] = {}  # thread -> PRAGMA data_version last seen

    @property
    def read_only(self) -> bool:
        return self.mode is not Mode.WRITE

    # -- reading ---------------------------------------------------------------------------

    def item(self, kind: str, item_id: str) -> Item | None:
        key = check_key(kind, item_id)
        connection = self._reader()
        return None if connection is None else self._guard(lambda c: read_item(c, key), connection)

    def items(self) -> list[Item]:
        """Every marked item, most recently changed first (orphaned ones included)."""
        connection = self._reader()
        return [] if connection is None else self._guard(read_items, connection)

    def snapshot(self) -> Snapshot:
        """Everything, read at one moment (one query), as plain values for any thread: what the
        panes show and what the search engine asks (is:starred, note:, mytag:)."""
        return Snapshot.of(self.items())

    def tag_counts(self) -> list[tuple[str, int]]:
        """Personal tags already used, most used first: for completion."""
        connection = self._reader()
        return [] if connection is None else self._guard(tag_counts, connection)

    def searches(self) -> list[SavedSearch]:
        connection = self._reader()
        return [] if connection is None else self._guard(read_searches, connection)

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another instance, or another thread) committed a change
        since this thread last asked: cheap enough to poll every second or two."""
        connection, thread = self._reader(), threading.get_ident()
        if connection is None:  # no file (or no tables) yet: whatever another instance writes is a change
            self._versions[thread] = _NOTHING_YET
            return False
        version = self._guard(lambda c: int(c.execute("PRAGMA data_version").fetchone()[0]), connection)
        previous = self._versions.get(thread, version)
        self._versions[thread] = version
        return version != previous

    # -- changing ----------------------------------------------------------------------------

    def set_starred(self, kind: str, item_id: str, starred: bool) -> Item | None:
        """The item after the change (None when nothing is left on it)."""
        key = check_key(kind, item_id)
        with self._transaction() as connection:
            stamp = self._touch(connection, key)
            connection.execute(
                "UPDATE items SET starred = ?, updated = ? WHERE kind = ? AND id = ?", (int(starred), stamp, *key)
            )
            return self._settle(connection, key)

    def toggle_starred(self, kind: str, item_id: str) -> bool:
        """Star or unstar, from what is stored now (not from what a pane last showed); the new state."""
        key = check_key(kind, item_id)
        with self._transaction() as connection:
            stamp = self._touch(connection, key)
            connection.execute(
                "UPDATE items SET starred = 1 - starred, updated = ? WHERE kind = ? AND id = ?", (stamp, *key)
            )
            item = self._settle(connection, key)
            return item is not None and item.starred

    def set_tags(self, kind: str, item_id: str, tags: Iterable[str], base: Iterable[str] | None = None) -> Item | None:
        """Give the item these tags. With ``base`` (the tags the editor started from), only the
        tags added and removed in the editor change, so another instance's tags survive."""
        key = check_key(kind, item_id)
        wanted = {normalize_tag(tag) for tag in tags}
        with self._transaction() as connection:
            stamp = self._touch(connection, key)
            stored = {row[0] for row in connection.execute(_TAGS_OF, key)}
            before = stored if base is None else {normalize_tag(tag) for tag in base}
            for tag in before - wanted:
                connection.execute("DELETE FROM item_tags WHERE kind = ? AND id = ? AND tag = ?", (*key, tag))
            for tag in wanted - before:
                connection.execute("INSERT OR IGNORE INTO item_tags (kind, id, tag) VALUES (?, ?, ?)", (*key, tag))
            connection.execute("UPDATE items SET updated = ? WHERE kind = ? AND id = ?", (stamp, *key))
            return self._settle(connection, key)

    def add_tag(self, kind: str, item_id: str, tag: str) -> Item | None:
        return self.set_tags(kind, item_id, [tag], base=[])

    def remove_tag(self, kind: str, item_id: str, tag: str) -> Item | None:
        return self.set_tags(kind, item_id, [], base=[tag])

    def set_note(self, kind: str, item_id: str, text: str, base: str | None = None) -> NoteSaved:
        """Save a note (Markdown, kept as typed; control characters removed and counted).

        ``base`` is the note the editor opened with: if another instance saved a different note
        meanwhile, both are kept (see ``merging``) and ``NoteSaved.conflict`` says so. Without
        ``base`` the text replaces what is stored (the interface should always pass it).
        """
        key = check_key(kind, item_id)
        note, removed = clean_note(text)
        with self._transaction() as connection:
            stamp = self._touch(connection, key)
            kept, conflict = note, False
            if base is not None:  # the editor says what it started from: merge with any change since
                stored, changed = connection.execute(_NOTE_OF, key).fetchone()
                label = f"saved meanwhile by another session ({changed})"
                kept, conflict = merge_note(note, stored, label, base=clean_note(base)[0])
            if (why := note_too_large(kept)) is not None:  # (a note the notebook could not be read with: not saved)
                raise NotebookError(f"not saved: the notebook would hold {why}")
            connection.execute("UPDATE items SET note = ?, updated = ? WHERE kind = ? AND id = ?", (kept, stamp, *key))
            return NoteSaved(self._settle(connection, key), conflict, removed)

    def save_search(self, name: str, query: str, *, replace: bool = False) -> SavedSearch:
        name, query = clean_line(name, "name"), clean_line(query, "query")
        with self._transaction() as connection:
            stamp = now()
            found = connection.execute("SELECT query FROM searches WHERE name = ?", (name,)).fetchone()
            if found is not None and not replace and found[0] != query:
                raise NotebookError(f"a saved search is already named '{name}' ({found[0]})")
            connection.execute(
                "INSERT INTO searches (name, query, created, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated = excluded.updated",
                (name, query, stamp, stamp),
            )
        return SavedSearch(name, query, stamp, stamp)

    def delete_search(self, name: str) -> bool:
        with self._transaction() as connection:
            return connection.execute("DELETE FROM searches WHERE name = ?", (name,)).rowcount > 0

    def merge(self, document: Document, label: str) -> MergeReport:
        """Merge an exported notebook in, in one transaction (see ``exchange``); ``label`` says
        where it came from, in the conflict line of a note kept twice."""
        from .exchange import merge_into  # pydantic reads the document: not for opening the explorer

        with self._transaction() as connection:
            report = merge_into(connection, document, label)
            if (why := too_large(connection)) is not None:  # (all of it, or nothing: the transaction is rolled back)
                raise NotebookError(f"not imported: the notebook would hold {why.removeprefix('holds ')}")
            return report

    def close(self) -> None:
        """Close every thread's connection (the notebook opens them again if used after)."""
        with self._lock:
            connections, self._connections = list(self._connections.values()), {}
        for connection in connections:
            connection.close()

    # -- plumbing ------------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection | None:
        """This thread's connection; None while there is nothing to read: no file yet, or a file
        another instance has just created and not yet given its tables."""
        connection = self._connections.get(threading.get_ident())
        if connection is not None:
            return connection
        if not self.path.exists():
            return None
        connection = self._open_connection()
        if self._guard(version_of, connection) == 0:
            self._drop_connection()
            return None
        return connection

    def _open_connection(self) -> sqlite3.Connection:
        try:
            connection = connect(self.path, self.mode, self.timeout)
        except sqlite3.Error as error:
            raise NotebookError(f"notebook {self.path} {problem(error)}") from error
        with self._lock:
            self._forget_finished_threads()
            self._connections[threading.get_ident()] = connection
        return connection

    def _drop_connection(self) -> None:
        with self._lock:
            connection = self._connections.pop(threading.get_ident(), None)
        if connection is not None:
            connection.close()

    def _forget_finished_threads(self) -> None:
        alive = {thread.ident for thread in threading.enumerate()}
        for ident in [ident for ident in self._connections if ident not in alive]:
            self._connections.pop(ident).close()
            self._versions.pop(ident, None)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One change: BEGIN IMMEDIATE ... COMMIT, or nothing at all."""
        if self.read_only:
            raise NotebookError(f"notebook {self.path} is open read-only: not saved")
        connection = self._reader() or self._create()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise NotebookError(f"notebook {self.path} {problem(error)}: not saved") from error
            raise

    def _create(self) -> sqlite3.Connection:
        """The file, made at the first change: private to the user, in WAL mode, at the current
        schema. Safe when another instance creates it at the same moment (nothing is truncated;
        the migration checks the version again under the write lock)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            connection = self._open_connection()
            use_wal(connection, self.timeout)
            before, _ = migrate(connection)
            if before == 0 and self.identity is not None:
                record_identity(connection, self.identity)
        except (OSError, sqlite3.Error) as error:
            self._drop_connection()
            raise NotebookError(f"notebook {self.path} {problem(error)}: not saved") from error
        return connection

    def _guard(self, read: Callable[[sqlite3.Connection], T], connection: sqlite3.Connection) -> T:
        try:
            return read(connection)
        except sqlite3.Error as error:
            raise NotebookError(f"notebook {self.path} {problem(error)}") from error

    @staticmethod
    def _touch(connection: sqlite3.Connection, key: Key) -> str:
        stamp = now()
        connection.execute(
            "INSERT OR IGNORE INTO items (kind, id, created, updated) VALUES (?, ?, ?, ?)", (*key, stamp, stamp)
        )
        return stamp

    @staticmethod
    def _settle(connection: sqlite3.Connection, key: Key) -> Item | None:
        """The item as stored now; an item left with nothing on it is removed (not listed as marked)."""
        item = read_item(connection, key)
        if item is not None and item.empty:
            connection.execute("DELETE FROM items WHERE kind = ? AND id = ?", key)
            return None
        return item


_NOTHING_YET = -1  # no PRAGMA data_version is negative
_TAGS_OF = "SELECT tag FROM item_tags WHERE kind = ? AND id = ?"
_NOTE_OF = "SELECT note, updated FROM items WHERE kind = ? AND id = ?"
