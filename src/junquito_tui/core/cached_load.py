"""Loading through the dataset cache: a hit skips parsing and validation, a miss loads as usual.

The file's bytes are hashed before anything else reads them, and again (with its size, time and
inode) before an entry is written: an entry only ever holds the dataset of the bytes it names.
``validate`` never comes here: it checks the file itself, every time.

Files under ``MIN_BYTES`` are not cached: checking them is as quick as reading an entry, once the
cache's own imports (msgspec) are counted (median of 5 fresh processes, this machine: the bundled
75 KB file 13 ms checked against 21 ms cached; 268 KB 34 against 37 ms; 2.6 MB 185 against 122 ms;
8.7 MB 557 against 228 ms).

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
    from .axis import Placement
    from .interop.sheet_layouts import ColumnSpec

MIN_BYTES = 1024 * 1024


@dataclass
class Opened(Loaded):
    arrangement: Arrangement | None = None  # from the cache: checked to fit the events


def ordered(opened: Opened) -> Chronology:
    """The dataset in order, with its timeline rows: the cached ones when there are some."""
    if (arrangement := opened.arrangement) is None:
        return Chronology(opened.dataset)
    return Chronology(opened.dataset, arrangement.order, arrangement.rows.row_index())


def placed(opened: Opened, chronology: Chronology, save: cache.Save | None = None) -> Placement:
    """The events on the time axis: the cached placement, or computed (and given to ``save`` to keep)."""
    if opened.arrangement is not None:
        return opened.arrangement.placement(chronology.position)
    from .axis import Placement  # only for the explorer: the commands place nothing

    placement = Placement(chronology.events, chronology.position)
    if save is not None:
        save.arrange(chronology, placement)
    return placement


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
        return _opened(load_with_report(path, max_bytes=max_bytes, progress=progress, columns=columns)), None
    target = Path(path) if path is not None else bundled_path()
    size = preflight(target, max_bytes if max_bytes is not None else default_max_bytes())  # no FIFO, not too big
    if size < MIN_BYTES:
        return _opened(load_with_report(target, max_bytes=max_bytes, progress=progress, columns=columns)), None
    from . import cache  # only for a file worth caching: its imports cost more than a small file's check

    options = str(columns) if columns is not None else ""
    try:
        key = cache.Key.of(target, options)
        digest = cache.file_digest(target)
    except OSError:  # the loader says what is wrong with the file
        return _opened(load_with_report(target, max_bytes=max_bytes, progress=progress, columns=columns)), None
    if progress is not None:
        progress("Reading the cache", None)
    hit = cache.read(key, digest, folder)
    if hit is not None:
        return Opened(hit.dataset, hit.warnings, hit.summary, hit.arrangement), None
    loaded = _opened(load_with_report(target, max_bytes=max_bytes, progress=progress, columns=columns))
    return loaded, cache.Save(key, digest, cache.Cached(loaded.dataset, loaded.warnings, loaded.summary), folder)


def _opened(loaded: Loaded) -> Opened:
    return Opened(loaded.dataset, loaded.warnings, loaded.summary)
