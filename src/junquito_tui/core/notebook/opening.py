"""Opening a notebook file whatever state it is in, and saying in one line what that state is.

A notebook that cannot be used never stops the dataset from opening: notes are then *off* (or
*read-only*) for the session, with a reason the interface shows. Nothing here ever overwrites,
truncates or deletes a file it cannot read; ``start_new`` moves an unreadable one aside (kept,
renamed) and only when asked to.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..files import file_kind
from . import schema
from .connection import DEFAULT_TIMEOUT, Mode, connect, is_damaged, is_locked, problem, use_wal
from .identity import DatasetIdentity
from .items import NotebookError
from .recording import readable_by, record_identity
from .schema import APPLICATION_ID, MigrationError, migrate, schema_problem, version_of
from .store import Notebook

SQLITE_HEADER = b"SQLite format 3\x00"


class Access(StrEnum):
    WRITABLE = "writable"
    READ_ONLY = "read-only"
    OFF = "off"


@dataclass(frozen=True)
class Opened:
    path: Path
    access: Access
    reason: str = ""  # one line for the interface; '' when all is well
    notebook: Notebook | None = None  # None when notes are off
    damaged: bool = False  # unreadable: ``start_new`` may be offered to the user
    found: str = ""  # how the file was chosen for the dataset ('' when given with --notebook)

    @property
    def writable(self) -> bool:
        return self.access is Access.WRITABLE


def _off(path: Path, why: str, *, damaged: bool = False) -> Opened:
    return Opened(path, Access.OFF, f"Notebook {path} {why}: notes are off for this session.", damaged=damaged)


def _read_only(path: Path, why: str, notebook: Notebook) -> Opened:
    return Opened(path, Access.READ_ONLY, f"Notebook {path} {why}: notes are read-only for this session.", notebook)


def open_notebook(
    path: Path, *, identity: DatasetIdentity | None = None, timeout: float = DEFAULT_TIMEOUT, record: bool = True
) -> Opened:
    """Open ``path`` (made at the first change if it does not exist). ``record`` remembers this
    dataset's identity in a writable notebook (the app does; read-only commands do not)."""
    path = Path(path).expanduser().absolute()
    opened = _open(path, identity, timeout, record)
    if opened.notebook is not None:
        opened.notebook.identity = identity  # read-only ones too: exports name their dataset
    return opened


def _open(path: Path, identity: DatasetIdentity | None, timeout: float, record: bool) -> Opened:
    if not path.exists():
        return _not_yet(path, identity, timeout)
    # a directory was 'cannot be read (permission denied)' (a trial); a FIFO would be waited on when opened
    if (kind := file_kind(path.stat().st_mode)) is not None:
        return _off(path, f"is {kind}, not a notebook file")
    header = _header(path)
    if header is None:
        return _off(path, "cannot be read (permission denied)")
    if header and not header.startswith(SQLITE_HEADER):
        return _off(path, "is not a notebook (not an SQLite database); it is left as it is", damaged=True)
    try:
        return _open_existing(path, identity, timeout, record)
    except sqlite3.Error as error:
        if is_locked(error):
            return _off(path, f"is locked by another program (waited {timeout:g} s)")
        return _off(path, f"{problem(error)}; it is left as it is", damaged=is_damaged(error))
    except (NotebookError, OSError) as error:
        return _off(path, f"cannot be used ({error}); it is left as it is")


def _not_yet(path: Path, identity: DatasetIdentity | None, timeout: float) -> Opened:
    folder = next((p for p in path.parents if p.exists()), path.anchor)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _off(path, f"cannot be created ({folder} is not writable)")
    return Opened(path, Access.WRITABLE, "", Notebook(path, identity=identity, timeout=timeout))


def _header(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except OSError:
        return None


def _open_existing(path: Path, identity: DatasetIdentity | None, timeout: float, record: bool) -> Opened:
    # Looked at through a read-only connection first: a file is never written (not even a
    # checkpoint of its log) until it has shown that it is a healthy notebook of ours.
    mode, reader = _connect_reading(path, timeout)
    try:
        version = version_of(reader)
        refusal = _refusal(reader, path, version)
        if refusal is not None:
            return refusal
        check = reader.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            return _off(path, f"is damaged ({check}); it is left as it is", damaged=True)
    finally:
        reader.close()
    if version > schema.CURRENT_VERSION:
        return _read_only(path, "was written by a newer junquito-tui", Notebook(path, mode=mode, timeout=timeout))
    return _open_writable(path, mode, version, identity, timeout, record)


def _connect_reading(path: Path, timeout: float) -> tuple[Mode, sqlite3.Connection]:
    """Read-only; or, in a read-only folder with no write-ahead log, immutable (SQLite cannot
    even make its shared-memory file there)."""
    modes = [Mode.READ] + ([] if Path(f"{path}-wal").exists() else [Mode.IMMUTABLE])
    for mode in modes:
        connection = connect(path, mode, timeout)
        try:
            connection.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()
            return mode, connection
        except sqlite3.Error as error:
            connection.close()
            if is_locked(error) or is_damaged(error) or mode is modes[-1]:
                raise
    raise AssertionError("unreachable: the last mode raises")


def _open_writable(
    path: Path, mode: Mode, version: int, identity: DatasetIdentity | None, timeout: float, record: bool
) -> Opened:
    try:
        writer = connect(path, Mode.WRITE, timeout)
    except sqlite3.Error:
        return _reader_only(path, mode, version, timeout)
    try:
        blocked = _write_blocked(writer, version, timeout)
        if blocked == "read-only":
            return _reader_only(path, mode, version, timeout)
        if blocked is not None:
            return _read_only(path, blocked, Notebook(path, mode=mode, timeout=timeout))
        _upgrade(writer, path, version)
        if record and identity is not None:
            record_identity(writer, identity)
    finally:
        writer.close()
    return Opened(path, Access.WRITABLE, "", Notebook(path, identity=identity, timeout=timeout))


def _refusal(connection: sqlite3.Connection, path: Path, version: int) -> Opened | None:
    """Why this file must not be used at all, or None."""
    application = int(connection.execute("PRAGMA application_id").fetchone()[0])
    tables = connection.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()[0]
    if application not in (0, APPLICATION_ID) or (application == 0 and tables):
        return _off(path, "belongs to another program (it is not a junquito-tui notebook); it is left as it is")
    if (why := schema_problem(connection, version)) is not None:
        return _off(path, f"{why}; it is left as it is")
    if version > schema.CURRENT_VERSION:
        oldest = readable_by(connection)
        if oldest is None or oldest > schema.CURRENT_VERSION:
            return _off(
                path,
                f"was written by a newer junquito-tui (notebook version {version}; "
                f"this one reads up to {schema.CURRENT_VERSION}): upgrade junquito-tui to use it",
            )
    return None


def _reader_only(path: Path, mode: Mode, version: int, timeout: float) -> Opened:
    if version < schema.CURRENT_VERSION and version != 0:
        return _off(path, f"needs upgrading (version {version}) and cannot be written (a read-only file or folder)")
    why = "cannot be written (a read-only file or folder)"
    return _read_only(path, why, Notebook(path, mode=mode, timeout=timeout))


def _write_blocked(connection: sqlite3.Connection, version: int, timeout: float) -> str | None:
    """Why a change could not be saved now ('read-only', or a reason), or None. Writes the
    version it already has inside a transaction it rolls back: SQLite opens a write-protected
    file read-only without a word, and says so only at the first write."""
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(f"PRAGMA user_version = {int(version)}")
        connection.execute("ROLLBACK")
        use_wal(connection, timeout)
    except sqlite3.OperationalError as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if is_locked(error):
            return f"is locked for writing by another program (waited {timeout:g} s)"
        return "read-only" if "readonly" in str(error) else problem(error)
    return None


def _upgrade(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """Migrate an older notebook, after keeping a copy of it as it was (``NAME.vN.bak``)."""
    if version >= schema.CURRENT_VERSION:
        return
    if version > 0:
        _keep_copy(connection, path.with_name(f"{path.name}.v{version}.bak"))
    try:
        migrate(connection)
    except MigrationError as error:
        raise NotebookError(f"Notebook {path}: {error}; it is left as it was") from error


def _keep_copy(connection: sqlite3.Connection, backup: Path) -> None:
    """A consistent copy (SQLite's backup API), written under a temporary name and then renamed,
    so that a copy interrupted half-way is never taken for a good one."""
    if backup.exists():
        return
    partial = backup.with_name(f".{backup.name}.partial")
    copy = sqlite3.connect(partial)
    try:
        connection.backup(copy)
    finally:
        copy.close()
    os.replace(partial, backup)


def start_new(path: Path) -> Path:
    """Move an unreadable notebook aside (``NAME.unreadable-YYYYMMDDTHHMMSS``, with its -wal and
    -shm files: a stale log must never be replayed into the new file) so that a new one starts at
    ``path``. Nothing is deleted. Returns where the old file now is."""
    path = Path(path).expanduser().absolute()
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.unreadable-{stamp}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{path}{suffix}")
        target = Path(f"{aside}{suffix}")
        if source.exists():
            if target.exists():
                raise NotebookError(f"{target} already exists; try again in a second")
            try:
                source.rename(target)
            except OSError as error:
                raise NotebookError(f"{source} cannot be moved aside: {error.strerror or error}") from error
    return aside
