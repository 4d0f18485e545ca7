"""Opening a large dataset on both cores: a fast reading on screen, the full check in another process.

For a file of our JSON format (not a spreadsheet, not TimelineJS) that is not in the cache, the
bytes are read once, hashed (the cache key, and what the checking process must find again), and
``checking.Check`` starts the full check in a second process; meanwhile ``fast_json`` reads them
here. The checks the fast reading makes across fields and the whole dataset are the second
process's first answer (``Quick.vouch``): meanwhile this one puts the reading in order. If the
reading is vouched for, the caller shows it, marked as being checked, and waits for the full check
(``Quick.check``): only once it says ``ok`` may the dataset be cached (``Quick.save``). If the fast
reading refuses the file, or anything is in doubt, the check is stopped and the file is loaded the
ordinary way (checked, then shown).

An ACLED export (CSV) is read fast from a private copy (``acled_fast``), its last part by another
process (``acled_part``) that starts with the copy before the interface (``check_at_once``); its
check starts once the fast reading is done, so that the reading has both cores meanwhile.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .cached_load import Opened, load_cached
from .checking import Check
from .files import Progress, default_max_bytes, preflight, read_file
from .loader import DatasetError, bundled_path, is_sheet_file, load_bytes, load_with_report

if TYPE_CHECKING:
    from .cache import Key, Save
    from .interop.acled_part import Reading
    from .interop.sheet_layouts import ColumnSpec
    from .records import Dataset

# Below this a file is checked before it is shown (it takes no time) and no second process is started.
QUICK_MIN_BYTES = 1024 * 1024
FAST_SHEET_SUFFIXES = (".csv",)  # spreadsheets with a fast reading (``acled_fast``): ACLED's exports


class EarlySheet:
    """An ACLED export's private copy and the process reading its last part (``acled_part``), made
    before the interface (``check_at_once``) by a thread of their own: the copy is written (50 MB:
    0.04 s) while the interface's modules load, and the part's process starts up while the app does."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        self._held = contextlib.ExitStack()  # the copy, removed on ``stop``
        self._made: tuple[Path, Reading] | None = None
        self._thread = threading.Thread(target=self._make, args=(path, max_bytes), name="early-sheet", daemon=True)
        self._thread.start()

    def _make(self, path: Path, max_bytes: int) -> None:
        from .interop import acled_part
        from .interop.book_copy import private_copy

        try:
            copy = self._held.enter_context(private_copy(path, max_bytes))
            if (part := acled_part.start(copy, early=True)) is not None:
                self._made = copy, part
        except Exception:  # (a file too large, or gone: the loader says so, reading it the ordinary way)
            self._made = None

    def taken(self) -> tuple[Path, Reading] | None:
        """The copy and the part's process, once made; None where they could not be (the caller reads
        the file itself)."""
        self._thread.join()
        return self._made

    def stop(self) -> None:
        if (made := self.taken()) is not None:
            made[1].stop()
        self._held.close()


Early = Check | EarlySheet  # started before the interface, for ``open_dataset``


@dataclasses.dataclass
class Quick:
    """A dataset shown before its check has finished: the check, and the cache write it allows."""

    check: Check
    save: Save | None  # start only after the check said ok
    pending: Dataset | None = None  # a fast reading not yet vouched for (``vouch``), None once it is

    def vouch(self) -> bool:
        """Whether the fast reading passes its checks (``fast_json.checks_pass``), to be called before
        it is shown: the checking process's verdict on the same bytes, or, if it gives none, the
        checks made here. False: show nothing of it (read the file the ordinary way)."""
        if self.pending is None:
            return True
        from .fast_json import checks_pass

        verdict = self.check.fast_verdict()  # for the bytes of check.digest
        passed = verdict == "ok" if verdict is not None else checks_pass(self.pending)
        self.pending = None
        return passed


def open_dataset(
    path: str | Path | None = None,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    columns: ColumnSpec | None = None,
    use_cache: bool = True,
    quick: bool = True,
    folder: Path | None = None,
    early: Early | None = None,
) -> tuple[Opened, Save | None, Quick | None]:
    """The dataset at ``path`` and what comes with it: a cache write to start (after a checked load),
    or a ``Quick`` (after a fast reading: the check under way). Raises ``DatasetError`` as
    ``load_with_report`` does; ``quick`` False: never the fast reading. ``early``: what
    ``check_at_once`` started for this file: used by a fast reading, else stopped."""
    try:
        found = _open(path, max_bytes, progress, columns, use_cache, quick, folder, early)
    except BaseException:
        if early is not None:
            early.stop()
        raise
    if early is not None and (found[2] is None or found[2].check is not early):
        early.stop()
    return found


def check_at_once(path: Path, max_bytes: int, *, use_cache: bool = True, folder: Path | None = None) -> Early | None:
    """What a fast reading of a large file needs most, started at once: before the interface is up,
    a third of a second before ``open_dataset`` could start it. For our JSON format, the checking
    process, whose first answer (``Quick.vouch``) then comes that much sooner; for an ACLED export,
    its private copy and the process reading its last part (``EarlySheet``). None where no fast
    reading will be made: a file under ``QUICK_MIN_BYTES``, another spreadsheet, one the dataset
    cache has an entry for, or in doubt. Hand it to ``open_dataset``, which stops it if unused."""
    try:
        size = preflight(path, max_bytes)
        sheet = is_sheet_file(path, None)
        if size < QUICK_MIN_BYTES or (sheet and path.suffix.lower() not in FAST_SHEET_SUFFIXES):
            return None
        if use_cache:
            from . import cache

            if cache.Key.of(path, "").entry(folder or cache.cache_dir()).exists():
                return None  # most likely read from the cache: no check
        return _sheet_at_once(path, max_bytes) if sheet else Check(path, max_bytes, "", size=size).start()
    except (OSError, DatasetError):  # in doubt (a file open_dataset will say is wrong, no process to be had)
        return None


def _sheet_at_once(path: Path, max_bytes: int) -> EarlySheet | None:
    """The copy and the part's process, for a CSV file large enough to be read in two parts (None for
    another). Whether it is an ACLED export is asked when it is read (the child, which reads the
    header too, refuses any other), so that start-up here imports and reads no more than it must.
    Only a file whose first bytes name the two columns a fast reading needs is worth it
    (``might_be_acled``): a TimelineJS sheet or a newsroom's chronology gets no copy and no process."""
    return EarlySheet(path, max_bytes) if might_be_acled(path) else None


def might_be_acled(path: Path) -> bool:
    """Whether the file's first 256 KB (where ``is_acled`` looks for its header) hold the words of the
    two columns the fast reading needs, however spelt ('event_id_cnty', 'EVENT_ID_CNTY', 'eventIdCnty';
    'time_precision'...): without them it reads no file, and no module need be imported to know. A
    header may run on past them (thousands of columns): then the id's word is enough."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES).lower()
    if (at := head.find(b"cnty")) < 0:
        return False
    ends = [end for end in (head.find(b"\n", at), head.find(b"\r", at)) if end >= 0]
    return not ends or b"precision" in head[: min(ends)]  # (no line end: the header runs on)


_HEAD_BYTES = 256 * 1024  # (sheet_read.SAMPLE_BYTES, which is_acled reads: a test checks they agree)


def _open(
    path: str | Path | None,
    max_bytes: int | None,
    progress: Progress | None,
    columns: ColumnSpec | None,
    use_cache: bool,
    quick: bool,
    folder: Path | None,
    early: Early | None,
) -> tuple[Opened, Save | None, Quick | None]:
    target = Path(path) if path is not None else bundled_path()
    limit = max_bytes if max_bytes is not None else default_max_bytes()
    options = dict(max_bytes=limit, progress=progress, columns=columns, use_cache=use_cache, folder=folder)
    if not quick or columns is not None or preflight(target, limit) < QUICK_MIN_BYTES:
        return (*load_cached(target, **options), None)  # type: ignore[arg-type]
    sheet = is_sheet_file(target, None)
    if sheet and target.suffix.lower() not in FAST_SHEET_SUFFIXES:
        return (*load_cached(target, **options), None)  # type: ignore[arg-type]
    import xxhash

    from . import cache  # a large file: worth the imports

    try:
        key = cache.Key.of(target, "")  # before the bytes are read: a change after it is seen when saving
    except OSError:
        return (*load_cached(target, **options), None)  # type: ignore[arg-type]  # the loader says what is wrong
    if use_cache:
        if progress is not None:
            progress("Reading the cache", None)
        # The file hashed as it streams past, and only if an entry for it is there: its bytes (87 MB at
        # 100,000 events) are not held while the entry is decoded (they were: a reopen's peak rose by
        # their size, 366 -> 440 MB), and a first opening does not read them twice.
        hit = cache.read(key, lambda: cache.file_digest(target), folder)  # never raises: None when in doubt
        if hit is not None:
            return Opened(hit.dataset, hit.warnings, hit.summary, hit.arrangement), None, None
    if sheet:
        begun = early if isinstance(early, EarlySheet) else None
        return _read_sheet_quickly(target, limit, key, progress, use_cache, folder, begun)
    raw = read_file(target, limit, progress)
    digest = xxhash.xxh3_128_hexdigest(raw)  # what the check must find again, and the entry's key
    held = [raw]  # handed over: the bytes are let go of as soon as they are decoded
    del raw
    return _read_quickly(held, target, limit, key, digest, progress, use_cache, folder, early)


def _read_quickly(
    held: list[bytes],
    target: Path,
    limit: int,
    key: Key,
    digest: str,
    progress: Progress | None,
    use_cache: bool,
    folder: Path | None,
    early: Early | None,
) -> tuple[Opened, Save | None, Quick | None]:
    from . import cache
    from .fast_json import built, first_pass

    raw = held.pop()
    # on the other core, while this one reads
    check = early if isinstance(early, Check) else Check(target, limit, digest, size=len(raw)).start()
    check.digest = digest  # an early check's answers are about the bytes of this digest, or are not taken
    if progress is not None:
        progress(f"Reading {len(raw) / 1e6:,.1f} MB (checked in the background)", None)
    try:
        structs = first_pass(raw)
        if structs is None:  # in doubt: the ordinary way, which says what is wrong (or converts)
            check.stop()
            loaded = Opened.of(load_bytes(raw, target))
            del raw
            save = cache.Save(key, digest, cache.Cached(loaded.dataset, loaded.warnings, loaded.summary), folder)
            return loaded, save if use_cache else None, None
        del raw  # 87 MB at 100,000 events, no longer needed: the peak is in what follows
        dataset = built(structs)  # its checks: the checking process's first answer (``Quick.vouch``)
    except BaseException:
        check.stop()
        raise
    if dataset is None:  # the bytes are gone: read the file again, the ordinary way (it may have changed:
        check.stop()  # then the entry is not written, as ``Save`` finds the file's bytes are not these)
        loaded = Opened.of(load_with_report(target, max_bytes=limit, progress=progress))
        save = cache.Save(key, digest, cache.Cached(loaded.dataset, loaded.warnings, loaded.summary), folder)
        return loaded, save if use_cache else None, None
    later = cache.Save(key, digest, cache.Cached(dataset, [], None), folder) if use_cache else None
    return Opened(dataset, []), None, Quick(check, later, pending=dataset)


def _read_sheet_quickly(
    target: Path,
    limit: int,
    key: Key,
    progress: Progress | None,
    use_cache: bool,
    folder: Path | None,
    early: EarlySheet | None,
) -> tuple[Opened, Save | None, Quick | None]:
    """An ACLED export read fast (``acled_fast``) from a private copy, then checked by another process
    from its own copy: the ordinary import and the fast reading of the same bytes must agree. Any other
    spreadsheet, or one the fast reading refuses, is loaded the ordinary way. The check starts once
    the fast reading is done: meanwhile a large file's fast reading has both cores (``acled_part``)."""
    from . import cache
    from .interop.acled_fast import is_acled, read_fast
    from .interop.book_copy import private_copy

    check, fast, digest = None, None, ""
    made = early.taken() if early is not None else None
    copied = contextlib.nullcontext(made[0]) if made is not None else private_copy(target, limit)
    try:
        with copied as copy:
            if is_acled(copy):  # no second process for a file with no fast reading
                digest = cache.file_digest(copy)  # the copy's bytes: what the check must find again
                fast = read_fast(copy, limit, progress, shown=target, part=made[1] if made is not None else None)
                if fast is not None:
                    check = Check(target, limit, digest, size=copy.stat().st_size).start()
    except OSError:  # no room for a copy (a full or read-only temporary folder): the ordinary way
        fast = None
    except BaseException:
        if check is not None:
            check.stop()
        raise
    finally:
        if early is not None:
            early.stop()  # its copy goes, as ``private_copy``'s does
    if check is None or fast is None:  # another layout, or a file the fast reading leaves to the ordinary one
        if check is not None:
            check.stop()
        opened, save = load_cached(target, max_bytes=limit, progress=progress, use_cache=use_cache, folder=folder)
        return opened, save, None
    later = cache.Save(key, digest, cache.Cached(fast.dataset, fast.warnings, fast.summary), folder)
    return Opened.of(fast), None, Quick(check, later if use_cache else None)
