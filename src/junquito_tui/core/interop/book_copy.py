"""A workbook read from a private copy: every reader of it sees the same bytes.

A workbook is opened by name several times (the guard, the probe's child, the reader, the formats),
and a file swapped between them (a shared folder, a download still being written) could pass the
probe as one file and be read as another: a bomb swapped in after the probe aborted the app
(reproduced). So the file is opened once, checked to be a regular file within ``--max-bytes``, and
copied into a folder of the app's own (mode 0700), under a plain name that keeps its suffix (the
reader picks its format by it; a name that is not UTF-8 was unreadable to it); the copy goes with
the reading.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..files import _too_large, open_regular

CHUNK = 1 << 20


@contextmanager
def private_copy(path: Path, max_bytes: int) -> Iterator[Path]:
    suffix = path.suffix.lower()
    folder = Path(tempfile.mkdtemp(prefix="junquito-book-"))
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
