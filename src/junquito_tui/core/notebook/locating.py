"""Finding a dataset's notebook in the user's data folder (see ``identity`` for the rules).

Each notebook describes itself (the ``seen`` table and its sketch), so there is no separate
index to fall out of step with the files: the folder is the index, and a notebook copied into
it from another machine is found like any other. The folder holds one small file per dataset
ever annotated, so reading each one's few rows at opening costs milliseconds.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..text import slugify
from .connection import Mode, connect
from .identity import DatasetIdentity, Remembered, match_rank
from .opening import SQLITE_HEADER
from .recording import read_remembered, readable_by
from .schema import CURRENT_VERSION, version_of

APP_NAME = "junquito-tui"
SUFFIX = ".sqlite3"


def notebooks_folder() -> Path:
    """``~/.local/share/junquito-tui/notebooks`` on Linux (``$XDG_DATA_HOME`` respected), the
    platform's own place elsewhere."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "notebooks"


@dataclass(frozen=True)
class Located:
    path: Path
    how: str  # for `notebook show`: why this file


def locate(identity: DatasetIdentity, folder: Path | None = None) -> Located:
    """The notebook of this dataset: the best match among the folder's notebooks; else an
    unreadable notebook that may be this dataset's (so that it is reported, not replaced by a new
    one behind the user's back); else the name a new one will take (created at the first change)."""
    folder = folder or notebooks_folder()
    slug = slugify(identity.title, limit=40) or "dataset"
    best: tuple[tuple[int, float, str], Path] | None = None
    doubtful: list[Path] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        remembered = _remembered(path)
        if remembered is None:
            if path.name.startswith(f"{slug}-"):
                doubtful.append(path)
            continue
        rank = match_rank(identity, remembered)
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, path)
    if best is not None:
        return Located(best[1], _HOW[best[0][0]])
    if doubtful:
        return Located(doubtful[0], "a notebook for a dataset of the same title, which cannot be read")
    return Located(_new_name(folder, slug, identity.sha256), "new: made at the first change")


_HOW = {
    4: "this exact file was opened with it before",
    3: "the same file, edited in place",
    2: "the same title, with mostly the same ids (an edited copy)",
    1: "the same path, with mostly the same ids (retitled)",
}


def _remembered(path: Path) -> Remembered | None:
    """What a notebook remembers, or None when it cannot be read as one of ours (yet)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        mode = Mode.READ if os.access(path.parent, os.W_OK) else Mode.IMMUTABLE
        connection = connect(path, mode, timeout=1.0)
    except (OSError, sqlite3.Error):
        return None
    try:
        version = version_of(connection)
        if version == 0 or (version > CURRENT_VERSION and (readable_by(connection) or version) > CURRENT_VERSION):
            return None
        return read_remembered(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _new_name(folder: Path, slug: str, sha256: str) -> Path:
    path = folder / f"{slug}-{sha256[:10]}{SUFFIX}"
    number = 2
    while path.exists():
        path = folder / f"{slug}-{sha256[:10]}-{number}{SUFFIX}"
        number += 1
    return path
