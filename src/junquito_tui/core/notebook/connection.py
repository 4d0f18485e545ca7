"""Opening SQLite connections to a notebook file, and SQLite's errors in words for people."""

from __future__ import annotations

import sqlite3
import time
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

DEFAULT_TIMEOUT = 5.0  # seconds to wait for another instance's write before calling the file locked


class Mode(StrEnum):
    WRITE = "mode=rw"
    READ = "mode=ro"
    # For a folder where even SQLite's shared-memory file cannot be made: reads the file as it
    # is, ignoring other writers (there can be none there). Only when no write-ahead log exists.
    IMMUTABLE = "mode=ro&immutable=1"


def connect(path: Path, mode: Mode, timeout: float = DEFAULT_TIMEOUT) -> sqlite3.Connection:
    """A connection for one thread. Autocommit (we write our own BEGIN/COMMIT); FULL sync, so a
    committed change survives a power cut, not only ``kill -9``. ``check_same_thread`` is off only
    so that ``close`` can close every thread's connection; each is still used by one thread."""
    uri = f"file:{quote(str(path.absolute()))}?{mode.value}"
    connection = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA trusted_schema = OFF")  # a received file's schema calls no function of note
        if mode is Mode.WRITE:
            connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def use_wal(connection: sqlite3.Connection, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Put the file in write-ahead-log mode. SQLite answers 'database is locked' at once, without
    waiting its busy timeout, when another instance is creating the same file at that moment
    (seen: 3 in 240 processes started together), so this waits the timeout itself."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if not is_locked(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def problem(error: BaseException) -> str:
    """What went wrong, in a few words: 'is locked by another program', 'is damaged (...)'."""
    text = str(error)
    if "locked" in text:
        return "is locked by another program"
    if "readonly" in text or "read-only" in text:
        return "cannot be written (a read-only file or folder)"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"is damaged ({text})"
    if "unable to open" in text:
        return "cannot be opened (a missing or unreadable file or folder)"
    if isinstance(error, OSError):
        return f"cannot be used ({error.strerror or error})"
    return f"cannot be used ({text})"


def is_locked(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


def is_damaged(error: BaseException) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and ("not a database" in str(error) or "malformed" in str(error))
