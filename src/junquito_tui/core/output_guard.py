"""What a command may never write over: the files it reads and the user's notebooks.

One check (``refusal``) for every command that writes a file (``export``, ``import -o``,
``notebook export -o``): before anything is written, the output is compared with each file kept
(the dataset read, the notebook in use and its ``-wal``, ``-shm`` and ``-journal`` files) by its
resolved path (``..`` and symbolic links followed) and, when both exist, by device and inode (a
hard link is the same file under another name). Whatever the names, an existing SQLite database
(any notebook, of any dataset) or log (``-wal``, ``-journal``; and any ``-wal``, ``-shm`` or
``-journal`` beside a database), a file that cannot be read (so cannot be checked), and anything in
the folder where junquito-tui keeps its notebooks are refused too. No Textual, no SQLite here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's own files beside a database
WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")  # a write-ahead log's first bytes
JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"  # a rollback journal's


@dataclass(frozen=True)
class Kept:
    """A file that must survive the command: ``what`` it is, in words ("the input file")."""

    path: Path
    what: str


def notebook_files(path: Path, what: str = "the notebook itself") -> list[Kept]:
    """A notebook and the files SQLite keeps beside it (its log holds changes not yet in the file)."""
    beside = f"a file SQLite keeps beside the notebook {path.name} (changes not yet in it)"
    return [Kept(path, what)] + [Kept(Path(f"{path}{suffix}"), beside) for suffix in SIDE_FILES]


def refusal(target: Path, kept: Iterable[Kept], notebooks: Path | None = None) -> str | None:
    """Why ``target`` must not be written (words naming the file it would destroy), or None.
    ``notebooks``: the folder of the user's notebooks (nothing is ever written in it)."""
    target = Path(target).expanduser()
    resolved = _resolved(target)
    status = _status(target)
    for keep in kept:
        if resolved == _resolved(keep.path) or _same_inode(status, _status(keep.path)):
            return f"is {keep.what} ({_resolved(keep.path)})"
    if notebooks is not None and resolved.is_relative_to(_resolved(notebooks)):
        return f"is in the folder where your notebooks are kept ({_resolved(notebooks)})"
    for suffix in SIDE_FILES:  # any notebook's log: its changes not yet in the file
        base = Path(str(resolved).removesuffix(suffix))
        if resolved.name.endswith(suffix) and _header(base) == SQLITE_HEADER:
            return f"is a file SQLite keeps beside the database {base.name} (changes not yet in it)"
    if status is None or not stat.S_ISREG(status.st_mode):
        return None  # nothing there yet (or not a file: writing refuses that with its own words)
    header = _header(target)
    if header is None:
        return "exists and cannot be read, so it cannot be checked that it is not a notebook"
    if header == SQLITE_HEADER:
        return "is an SQLite database (a notebook, perhaps)"
    if header[:4] in WAL_MAGIC or header[:8] == JOURNAL_MAGIC:
        return "is an SQLite log (a notebook's changes not yet in it, perhaps)"
    return None


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links: compared as written
        return Path(os.path.abspath(Path(path).expanduser()))


def _status(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _same_inode(one: os.stat_result | None, other: os.stat_result | None) -> bool:
    return one is not None and other is not None and (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def _header(path: Path) -> bytes | None:
    """The file's first bytes; None when it cannot be read. Opened without blocking: a FIFO put
    in its place since it was looked at does not hang the command."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return b""
        return os.read(descriptor, len(SQLITE_HEADER))
    except OSError:
        return None
    finally:
        os.close(descriptor)
