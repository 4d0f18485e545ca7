"""A cache of validated datasets: data only, in the user's cache directory, rebuilt whenever in doubt.

Reading and validating a 100,000-event file takes about 2 s; reading the same dataset back from
MessagePack into the model's own classes about 0.4 s (bench/RESULTS.md). An entry is pure data:
msgspec decodes it straight into the model's frozen dataclasses, checking every field's type on
the way (strings, numbers, enums, tuples) and running no code of the entry's choosing: no pickle,
no ``__reduce__``, no import by name. Pydantic is not asked again: the entry holds a dataset that
passed it, as long as every check below holds. Beside the dataset, an entry keeps what a reopen
would otherwise compute again before the first rows (``arrangement.Arrangement``): the events'
order (a permutation of their indices, checked to be one), their places on the time axis and the
timeline's rows.

An entry is used only when all of these match (anything else is a miss, and the file is loaded
and checked as usual): the cache format, the package version, the schema version, the newest
modification time of the loader's own modules (a changed loader may read a file differently),
the file's resolved path, the options that change the result (``--columns``), the file's size,
modification time and a hash of its bytes (xxh3-128), and a hash of the entry's own bytes.
Reading an entry never raises: a corrupt, truncated, foreign or unreadable one is ignored, as is
one whose arrangement does not fit its events.
Writing one never raises either, and happens in a background thread, started by the caller
when it suits (after the first frame); a cache directory that cannot be written means no cache.

Layout of an entry (``<key>.jqc``): frames (one byte kind, four bytes length, MessagePack), then
the header (MessagePack), its length (four bytes) and ``MAGIC``. The header comes last so that
the frames can be written as they are encoded, hashed on the way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import stat
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
import xxhash

from .. import __version__
from .arrangement import Arrangement
from .memory import collector_paused
from .records import SCHEMA_VERSION, Actor, Dataset, Event, Quote, Source

if TYPE_CHECKING:
    from .axis import Placement
    from .chronology import Chronology

log = logging.getLogger(__name__)  # debug only: a warning would be printed over the interface

CACHE_FORMAT = 2  # 2: with the arrangement (order, time-axis placement, timeline rows)
MAGIC = b"JQTC"
SUFFIX = ".jqc"
MAX_ENTRIES = 16  # the least recently used go first beyond this many,
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # or beyond this much (a 100,000-event dataset is about 88 MB)
CHUNK = 2_000  # items a frame: encoding one holds the interpreter lock for a few milliseconds only
ORPHAN_SECONDS = 3600  # a temporary file this old was left by a writer that was stopped
READ_BLOCK = 1 << 20
_FRAME = struct.Struct("<BI")
_TRAILER = struct.Struct("<I4s")
_HEAD, _SOURCES, _ACTORS, _EVENTS, _QUOTES, _ARRANGEMENT = range(6)
_SECTIONS = {_SOURCES: "sources", _ACTORS: "actors", _EVENTS: "events", _QUOTES: "quotes"}


class Header(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: int
    package: str
    schema: int
    code: int
    path: str
    options: str
    size: int
    mtime_ns: int
    digest: str  # of the dataset file's bytes
    payload_size: int
    payload_digest: str  # of the frames


class Head(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    warnings: list[str]
    summary: str | None
    dataset: Dataset  # without its four sections, which follow in frames


@dataclasses.dataclass(frozen=True)
class Cached:
    dataset: Dataset
    warnings: list[str]
    summary: str | None
    arrangement: Arrangement | None = None  # always read from an entry; computed when writing if None


_ENCODER = msgspec.msgpack.Encoder()
_HEADER = msgspec.msgpack.Decoder(Header)
_HEAD_DECODER = msgspec.msgpack.Decoder(Head)
_ARRANGEMENT_DECODER = msgspec.msgpack.Decoder(Arrangement)
_DECODERS: dict[int, msgspec.msgpack.Decoder[Any]] = {
    _SOURCES: msgspec.msgpack.Decoder(tuple[Source, ...]),
    _ACTORS: msgspec.msgpack.Decoder(tuple[Actor, ...]),
    _EVENTS: msgspec.msgpack.Decoder(tuple[Event, ...]),
    _QUOTES: msgspec.msgpack.Decoder(tuple[Quote, ...]),
}


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("junquito-tui", appauthor=False)) / "datasets"


def _code_stamp() -> int:
    """The newest modification time of the modules that turn a file into a dataset."""
    here = Path(__file__).parent
    newest = 0
    for folder in (here, here / "interop"):
        with os.scandir(folder) as entries:
            newest = max([newest, *(e.stat().st_mtime_ns for e in entries if e.name.endswith(".py"))])
    return newest


@dataclasses.dataclass(frozen=True)
class Key:
    """What an entry must match, short of the bytes: where the file is, how it was read, what it is now."""

    path: str
    options: str
    size: int
    mtime_ns: int
    inode: tuple[int, int]

    @classmethod
    def of(cls, target: Path, options: str) -> Key:
        status = os.stat(target)
        return cls(str(target.resolve()), options, status.st_size, status.st_mtime_ns, (status.st_dev, status.st_ino))

    def entry(self, folder: Path) -> Path:
        name = xxhash.xxh3_128_hexdigest(f"{self.path}\0{self.options}".encode("utf-8", "surrogateescape"))
        return folder / f"{name}{SUFFIX}"

    def matches(self, header: Header) -> bool:
        expected = (CACHE_FORMAT, __version__, SCHEMA_VERSION, _code_stamp(), self.path, self.options)
        found = (header.format, header.package, header.schema, header.code, header.path, header.options)
        return found == expected and (header.size, header.mtime_ns) == (self.size, self.mtime_ns)


def file_digest(target: Path) -> str:
    hasher = xxhash.xxh3_128()
    with open(target, "rb") as handle:
        while block := handle.read(READ_BLOCK):
            hasher.update(block)
    return hasher.hexdigest()


# Reading


def read(key: Key, digest: str | Callable[[], str], folder: Path | None = None) -> Cached | None:
    """The cached dataset for ``key`` whose bytes hash to ``digest``, or None: never an exception.
    ``digest`` may be a function: the file is then hashed only if an entry for ``key`` is there (a
    first opening does not read 66 MB to find nothing)."""
    entry = key.entry(folder or cache_dir())
    try:
        with collector_paused():  # hundreds of thousands of new objects, no cycles: as the loader does
            return _read(entry, key, digest)
    except FileNotFoundError:
        return None
    except Exception as error:  # any doubt at all: the file is loaded as if there were no cache
        log.debug("cache entry %s ignored: %s: %s", entry, type(error).__name__, error)
        return None


def _read(entry: Path, key: Key, digest: str | Callable[[], str]) -> Cached | None:
    # Without blocking: something other than a file there (a FIFO) must not hang the load.
    with open(os.open(entry, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)), "rb", buffering=0) as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size < _TRAILER.size:
            return None
        handle.seek(status.st_size - _TRAILER.size)
        length, magic = _TRAILER.unpack(handle.read(_TRAILER.size))
        if magic != MAGIC or length > status.st_size - _TRAILER.size:
            return None
        handle.seek(status.st_size - _TRAILER.size - length)
        header = _HEADER.decode(handle.read(length))
        if not key.matches(header) or header.digest != (digest if isinstance(digest, str) else digest()):
            return None
        if header.payload_size != status.st_size - _TRAILER.size - length:
            return None
        handle.seek(0)
        payload = handle.read(header.payload_size)
    if xxhash.xxh3_128_hexdigest(payload) != header.payload_digest:
        return None
    cached = _decode(memoryview(payload))
    _touch(entry)
    return cached


def _decode(payload: memoryview) -> Cached:
    sections: dict[int, list[Any]] = {kind: [] for kind in _DECODERS}
    head: Head | None = None
    arrangement: Arrangement | None = None
    offset = 0
    while offset < len(payload):
        kind, length = _FRAME.unpack_from(payload, offset)
        offset += _FRAME.size
        body = payload[offset : offset + length]
        if len(body) != length:
            raise ValueError("a frame runs past the end")
        offset += length
        if kind == _HEAD and head is None:
            head = _HEAD_DECODER.decode(body)
        elif kind == _ARRANGEMENT and arrangement is None:
            arrangement = _ARRANGEMENT_DECODER.decode(body)
        elif kind in sections:
            sections[kind].extend(_DECODERS[kind].decode(body))
        else:
            raise ValueError(f"unexpected frame {kind}")
    if head is None or arrangement is None:
        raise ValueError("no head frame" if head is None else "no arrangement frame")
    dataset = head.dataset
    for kind, items in sections.items():
        # The dataclass is frozen; this is how its own __init__ sets a field.
        object.__setattr__(dataset, _SECTIONS[kind], tuple(items))
    if not arrangement.fits(len(dataset.events)):
        raise ValueError("the arrangement does not fit the events")
    return Cached(dataset, head.warnings, head.summary, arrangement)


def _touch(entry: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(entry)  # most recently used: the last to be evicted


# Writing


class Save:
    """Writing one entry, in a daemon thread started by ``start`` (when the interface is up)."""

    def __init__(self, key: Key, digest: str, cached: Cached, folder: Path | None = None) -> None:
        self.key, self.digest, self.cached = key, digest, cached
        self.folder = folder
        self._arranged: tuple[Chronology, Placement | Callable[[], Placement] | None] | None = None
        self._thread: threading.Thread | None = None
        self.written: Path | None = None

    def arrange(self, chronology: Chronology, placement: Placement | Callable[[], Placement] | None = None) -> None:
        """The dataset in order and its placement (or how to get it: ``Placing.get``), to keep in the
        entry; the writing thread computes what it is not given."""
        self._arranged = (chronology, placement)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self.run, name="cache-dataset", daemon=True)
            self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def run(self) -> None:
        """Never raises: a cache that cannot be written is no cache."""
        folder = self.folder or cache_dir()
        try:
            cached = self.cached
            if cached.arrangement is None:
                chronology, placement = self._arranged or (_chronology(cached.dataset), None)
                arrangement = Arrangement.of(chronology, placement() if callable(placement) else placement)
                cached = dataclasses.replace(cached, arrangement=arrangement)
            self.written = write(self.key, self.digest, cached, folder)
        except Exception as error:
            log.debug("dataset not cached in %s: %s: %s", folder, type(error).__name__, error)


def write(key: Key, digest: str, cached: Cached, folder: Path) -> Path | None:
    """Write the entry atomically; None (nothing written) if the file changed since it was read."""
    target = Path(key.path)
    if Key.of(target, key.options) != key or file_digest(target) != digest:
        return None  # what was loaded may not be what the file now holds
    folder.mkdir(parents=True, exist_ok=True)
    entry = key.entry(folder)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            hasher, size = xxhash.xxh3_128(), 0
            for frame in _frames(cached):
                handle.write(frame)
                hasher.update(frame)
                size += len(frame)
            header = Header(
                CACHE_FORMAT, __version__, SCHEMA_VERSION, _code_stamp(), key.path, key.options,
                key.size, key.mtime_ns, digest, size, hasher.hexdigest(),
            )  # fmt: skip
            encoded = _ENCODER.encode(header)
            handle.write(encoded + _TRAILER.pack(len(encoded), MAGIC))
        os.replace(temporary, entry)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    evict(folder)
    return entry


def _frames(cached: Cached) -> Iterator[bytes]:
    dataset = cached.dataset
    fields = {f.name: getattr(dataset, f.name) for f in dataclasses.fields(dataset) if f.name not in _SECTIONS.values()}
    yield _frame(_HEAD, {"warnings": cached.warnings, "summary": cached.summary, "dataset": fields})
    for kind, name in _SECTIONS.items():
        items = getattr(dataset, name)
        for start in range(0, len(items), CHUNK):
            yield _frame(kind, items[start : start + CHUNK])
    yield _frame(_ARRANGEMENT, cached.arrangement or Arrangement.of(_chronology(dataset)))


def _chronology(dataset: Dataset) -> Chronology:
    from .chronology import Chronology

    return Chronology(dataset)


def _frame(kind: int, value: object) -> bytes:
    body = _ENCODER.encode(value)
    return _FRAME.pack(kind, len(body)) + body


def evict(folder: Path) -> None:
    """Keep the newest entries within MAX_ENTRIES and MAX_TOTAL_BYTES; clear old orphans."""
    entries: list[tuple[int, int, Path]] = []
    now = time.time()
    with os.scandir(folder) as found:
        for item in found:
            status = item.stat(follow_symlinks=False)
            if item.name.endswith(SUFFIX):
                entries.append((status.st_mtime_ns, status.st_size, Path(item.path)))
            elif item.name.endswith(".tmp") and now - status.st_mtime > ORPHAN_SECONDS:
                Path(item.path).unlink(missing_ok=True)
    entries.sort(reverse=True)
    total = 0
    for count, (_, size, path) in enumerate(entries):
        total += size
        if count >= MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            path.unlink(missing_ok=True)
