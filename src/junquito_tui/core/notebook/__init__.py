"""The investigator's notebook: stars, personal tags, notes and saved searches kept beside a
dataset (never inside it), in an SQLite file of the user's own. No Textual here.

The interface and the command line start from ``open_for_dataset``, which finds the dataset's
notebook and opens it in whatever state it is (writable, read-only or off, with a reason).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..loader import bundled_path
from ..records import Dataset
from .connection import DEFAULT_TIMEOUT
from .identity import DatasetIdentity
from .items import Item, Key, NotebookError, NoteSaved, SavedSearch, normalize_tag
from .locating import Located, locate, notebooks_folder
from .opening import Access, Opened, open_notebook, start_new
from .snapshot import Snapshot, chronological, orphaned
from .store import Notebook

__all__ = [
    "Access",
    "DatasetIdentity",
    "Item",
    "Key",
    "Located",
    "NoteSaved",
    "Notebook",
    "NotebookError",
    "Opened",
    "SavedSearch",
    "Snapshot",
    "chronological",
    "locate",
    "normalize_tag",
    "notebooks_folder",
    "open_for_dataset",
    "open_notebook",
    "orphaned",
    "start_new",
]


def open_for_dataset(
    data_path: str | Path | None,
    dataset: Dataset,
    *,
    notebook_file: str | Path | None = None,
    folder: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    record: bool = True,
) -> Opened:
    """The notebook of the dataset loaded from ``data_path`` (None: the bundled one), or the file
    given with ``--notebook``. Reads the dataset file once more to hash it, and every notebook's
    few identity rows: call it off the interface thread. Never raises for a notebook problem:
    the result says whether notes are writable, read-only or off, and why."""
    source = Path(data_path) if data_path is not None else bundled_path()
    identity = DatasetIdentity.of(source, dataset)
    if notebook_file is not None:
        return open_notebook(Path(notebook_file), identity=identity, timeout=timeout, record=record)
    located = locate(identity, folder)
    opened = open_notebook(located.path, identity=identity, timeout=timeout, record=record)
    return dataclasses.replace(opened, found=located.how)
