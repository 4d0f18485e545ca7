"""A workbook read from a private copy: every reader of it sees the same bytes.

A workbook is opened by name several times (the guard, the probe's child, the reader, the formats),
and a file swapped between them (a shared folder, a download still being written) could pass the
probe as one file and be read as another: a bomb swapped in after the probe aborted the app
(reproduced). So the file is opened once, checked to be a regular file within ``--max-bytes``, and
copied into a folder of the app's own (mode 0700), under a plain name that keeps its suffix (the
reader picks its format by it; a name that is not UTF-8 was unreadable to it); the copy goes with
the reading. A copy left behind by an app that was killed (its folder names its process) is removed
by the next one: a received file is not kept in the temp folder for longer than it is read.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..files import _too_large, open_regular

CHUNK = 1 << 20
PREFIX = "junquito-book-"
_LEFT = re.compile(re.escape(PREFIX) + r"(\d+)-")


@contextmanager
def private_copy(path: Path, max_bytes: int) -> Iterator[Path]:
    suffix = path.suffix.lower()
    remove_left_behind()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        copy = folder / ("workbook" + (suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""))
        with open_regular(path, max_bytes) as source, copy.open("xb") as target:
            copied = 0
            while chunk := source.read(CHUNK):
                copied += len(chunk)
                if copied > max_bytes:  # it grew since it was measured
                    raise _too_large(str(path), copied, max_bytes)
                target.write(chunk)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_left_behind(temp: Path | None = None) -> list[Path]:
    """Remove the copies' folders whose process has ended (killed mid-read): only our own folders,
    never a link; a pid in use again keeps its folder (harmless: removed once that process ends)."""
    removed: list[Path] = []
    if os.name != "posix":  # Windows' os.kill(pid, 0) would end that process, not ask about it
        return removed
    with contextlib.suppress(OSError):
        for entry in os.scandir(temp or tempfile.gettempdir()):
            match = _LEFT.match(entry.name)
            if match is None or _alive(int(match[1])):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
                    shutil.rmtree(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or not a pid: not ours to judge
    return True
