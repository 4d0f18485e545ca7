"""Loading through the dataset cache: a hit skips parsing and validation, a miss loads as usual.

The file's bytes are hashed before anything else reads them, and again (with its size, time and
inode) before an entry is written: an entry only ever holds the dataset of the bytes it names.
``validate`` never comes here: it checks the file itself, every time.

Every file is cached (``MIN_BYTES`` is 0), the bundled dataset too: a hit needs no pydantic at all
(the records are plain dataclasses; ``model``, the contract, is imported only to check a file), and
pydantic's imports and schemas were most of the cost of a small file. CPU from the first import to
the bundled dataset (75 KB), median of 9 fresh processes, load average 4.3 on 2 cores: checked
307 ms, from the cache 116 ms. (Before the records left pydantic, a hit paid pydantic's imports all
the same and small files were checked instead: the threshold was 1 MB.)

A hit also brings the events' order, time-axis placement and timeline rows (``Arrangement``):
``ordered`` and ``placed`` below take them from there, or compute them and hand them to the ``Save``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .chronology import Chronology
from .files import Progress, default_max_bytes, preflight
from .loader import Loaded, bundled_path, load_with_report

if TYPE_CHECKING:
    from . import cache
    from .arrangement import Arrangement
    from .interop.sheet_layouts import ColumnSpec
    from .placing import Placing

MIN_BYTES = 0


@dataclass
class Opened(Loaded):
    arrangement: Arrangement | None = None  # from the cache: checked to fit the events

    @classmethod
    def of(cls, loaded: Loaded) -> Opened:
        """A dataset just loaded: nothing arranged yet."""
        return cls(loaded.dataset, loaded.warnings, loaded.summary, in_order=loaded.in_order)


def ordered(opened: Opened) -> Chronology:
    """The dataset in order, with its timeline rows: the cached ones when there are some."""
    if (arrangement := opened.arrangement) is None:
        return Chronology(opened.dataset, range(len(opened.dataset.events)) if opened.in_order else None)
    return Chronology(opened.dataset, arrangement.order, arrangement.rows.row_index())


def placing(opened: Opened, chronology: Chronology, save: cache.Save | None = None) -> Placing:
    """The events on the time axis: the cached placement, or one computed when first asked (by the
    explorer's axis or by ``save``, which keeps it)."""
    from .placing import Placing  # only for the explorer: the commands place nothing

    if opened.arrangement is not None:
        return Placing(chronology.events, chronology.position, opened.arrangement.placement(chronology.position))
    found = Placing(chronology.events, chronology.position)
    if save is not None:
        save.arrange(chronology, found.get)
    return found


def load_cached(
    path: str | Path | None = None,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    columns: ColumnSpec | None = None,
    use_cache: bool = True,
    folder: Path | None = None,
) -> tuple[Opened, cache.Save | None]:
    """The dataset at ``path`` (default: the bundled one), from the cache when it holds it; with,
    after a miss, the ``Save`` that would cache it (its ``start`` writes in the background).
    Raises ``DatasetError`` exactly as ``load_with_report`` does."""
    if not use_cache:
        return Opened.of(load_with_report(path, max_bytes=max_bytes, progress=progress, columns=columns)), None
    target = Path(path) if path is not None else bundled_path()
    size = preflight(target, max_bytes if max_bytes is not None else default_max_bytes())  # no FIFO, not too big
    if size < MIN_BYTES:
        return Opened.of(load_with_report(target, max_bytes=max_bytes, progress=progress, columns=columns)), None
    from . import cache  # only for a file worth caching: its imports cost more than a small file's check

    options = str(columns) if columns is not None else ""
    try:
        key = cache.Key.of(target, options)
        digest = cache.file_digest(target)
    except OSError:  # the loader says what is wrong with the file
        return Opened.of(load_with_report(target, max_bytes=max_bytes, progress=progress, columns=columns)), None
    if progress is not None:
        progress("Reading the cache", None)
    hit = cache.read(key, digest, folder)
    if hit is not None:
        return Opened(hit.dataset, hit.warnings, hit.summary, hit.arrangement), None
    loaded = Opened.of(load_with_report(target, max_bytes=max_bytes, progress=progress, columns=columns))
    return loaded, cache.Save(key, digest, cache.Cached(loaded.dataset, loaded.warnings, loaded.summary), folder)
