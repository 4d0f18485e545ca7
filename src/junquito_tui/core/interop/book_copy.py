"""A workbook read from a private copy: every reader of it sees the same bytes.

A workbook is opened by name several times (the guard, the probe's child, the reader, the formats),
and a file swapped between them (a shared folder, a download still being written) could pass the
probe as one file and be read as another: a bomb swapped in after the probe aborted the app
(reproduced). So the file is opened once, checked to be a regular file within ``--max-bytes``, and
copied into a folder of the app's own (mode 0700), under a plain name that keeps its suffix (the
reader picks its format by it; a name that is not UTF-8 was unreadable to it); the copy goes with
the reading. A copy left behind by an app that was killed is removed by the next one: the reading
holds a lock on a file in its folder (the system lets go of it when the process ends, however it
ends, and whatever process ids another container sees), and a folder whose lock can be taken has no
reader left.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..files import _too_large, open_regular

CHUNK = 1 << 20
PREFIX = "junquito-book-"
LOCK = ".reading"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


# The copies being read now: removed when the app exits, the reading with it (a thread that loads
# in the background is not waited for: its own cleanup would never run).
_READING: set[Path] = set()


@atexit.register
def _remove_copies_being_read() -> None:
    for folder in list(_READING):
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def private_copy(path: Path, max_bytes: int, head: bytes = b"") -> Iterator[Path]:
    suffix = path.suffix.lower()
    remove_left_behind()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    _READING.add(folder)
    try:
        with _held(folder / LOCK):
            copy = folder / ("workbook" + (suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""))
            with open_regular(path, max_bytes) as source, copy.open("xb") as target:
                copied = 0
                while chunk := source.read(CHUNK):
                    copied += len(chunk)
                    if copied > max_bytes:  # it grew since it was measured
                        raise _too_large(str(path), copied, max_bytes)
                    target.write(chunk)
            if head and (kind := kind_by_content(head, copy)) != suffix:  # named as another kind of workbook
                copy = copy.rename(copy.with_suffix(kind))
            yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _READING.discard(folder)


def kind_by_content(head: bytes, copy: Path) -> str:
    """The suffix the reader needs for a workbook, whatever its name says (an ODS file named .xlsx was
    refused for a part of XLSX it lacks): OLE is XLS; a zip holding an OpenDocument's parts is ODS, one
    holding Office Open XML's is that (its own suffix kept: .xlsm, .xlsb); else the name's."""
    suffix = copy.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".xls"
    if not head.startswith(b"PK\x03\x04"):
        return suffix
    try:
        with zipfile.ZipFile(copy) as book:
            names = set(book.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return suffix  # (the reader says what is wrong with it)
    if "[Content_Types].xml" in names:
        return suffix if suffix in (".xlsx", ".xlsm", ".xlsb") else ".xlsx"
    return ".ods" if "content.xml" in names else suffix


@contextmanager
def _held(lock: Path) -> Iterator[None]:
    with lock.open("x") as file:
        if fcntl is not None:
            fcntl.flock(file, fcntl.LOCK_EX)
        yield


def remove_left_behind(temp: Path | None = None) -> list[Path]:
    """Remove the copies' folders no reading holds any more (its app killed mid-read): only our own
    folders, holding our lock file, never a link; one whose lock is held is being read."""
    removed: list[Path] = []
    if fcntl is None:  # no such lock (Windows): a folder left there stays
        return removed
    with contextlib.suppress(OSError):
        for entry in os.scandir(temp or tempfile.gettempdir()):
            if not entry.name.startswith(PREFIX):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
                    continue
                descriptor = os.open(Path(entry.path) / LOCK, os.O_RDONLY | os.O_NOFOLLOW)
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises while a reading holds it
                    shutil.rmtree(entry.path)
                    removed.append(Path(entry.path))
                finally:
                    os.close(descriptor)
    return removed
