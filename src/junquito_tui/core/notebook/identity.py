"""Which notebook belongs to a dataset: the dataset's identity, and how a notebook recognises it.

A path alone fails when the file is moved or renamed; a hash of the bytes alone fails at the first
edit. So a notebook remembers every (path, content hash, title) it was opened with, and a *sketch*
of the dataset's ids at the last opening: the 128 smallest hashes of its 'kind:id' strings (a
bottom-k sketch). Two sketches estimate how much two id sets overlap (their Jaccard similarity)
without keeping 150,000 ids in every notebook; sets under 128 ids are compared exactly.

A dataset finds a notebook (see ``match_rank``) when it is
1. byte for byte a file the notebook was opened with (a moved or renamed copy, or an old version);
2. at a path the notebook was opened with, under the same title (the file edited in place);
3. under the same title, with mostly the same ids (an edited copy elsewhere); or
4. at a path the notebook was opened with, with mostly the same ids (retitled in place).
Otherwise it gets a new notebook. Notes on ids that an edit removed stay in the notebook (orphaned).
"""

from __future__ import annotations

import hashlib
import heapq
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from ..folding import words
from ..records import Dataset

SKETCH_SIZE = 128
SIMILAR = 0.5  # "mostly the same ids": at least half of the ids of either shared


@dataclass(frozen=True)
class DatasetIdentity:
    title: str
    path: str  # absolute
    sha256: str  # of the file's bytes
    sketch: tuple[int, ...]  # ascending

    @classmethod
    def of(cls, path: Path, dataset: Dataset) -> DatasetIdentity:
        """Reads the file once more to hash it (a few ms per MB): call it off the interface thread."""
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        return cls(dataset.title, str(path.absolute()), digest, sketch_of(dataset_keys(dataset)))


def dataset_keys(dataset: Dataset) -> Iterable[str]:
    """'kind:id' for every item a note can be attached to."""
    return chain(
        (f"event:{e.id}" for e in dataset.events),
        (f"actor:{a.id}" for a in dataset.actors),
        (f"quote:{q.id}" for q in dataset.quotes),
        (f"source:{s.id}" for s in dataset.sources),
    )


def sketch_of(keys: Iterable[str], size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """The ``size`` smallest distinct hashes of ``keys``, ascending.

    CRC-32 rather than a cryptographic hash: it runs in C (150,000 ids in 60 ms where BLAKE2 took
    350 ms); the sketch only needs hashes unrelated to which ids an edit touched. Two keys with
    the same hash count once (as in any hash sketch): at most a few among 150,000.
    """
    return tuple(sorted(set(heapq.nsmallest(size, map(zlib.crc32, map(str.encode, keys))))))


def similarity(first: Sequence[int], second: Sequence[int], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of the two id sets behind two sketches (exact below ``size`` ids)."""
    if not first or not second:
        return 0.0
    union = heapq.nsmallest(size, set(first) | set(second))
    shared = set(first) & set(second)
    return sum(1 for value in union if value in shared) / len(union)


def same_title(first: str, second: str) -> bool:
    """Titles compared as search compares words: case, accents and punctuation do not matter."""
    return words(first) == words(second)


@dataclass(frozen=True)
class Remembered:
    """What a notebook recorded about the datasets it was opened with."""

    seen: tuple[tuple[str, str, str], ...]  # (path, sha256, title)
    sketch: tuple[int, ...]  # of the last opening
    last_opened: str  # ISO time: the tie-breaker between equally good notebooks


def match_rank(identity: DatasetIdentity, remembered: Remembered) -> tuple[int, float, str] | None:
    """How well a notebook matches a dataset (higher is better), or None when it is another dataset's."""
    alike = similarity(identity.sketch, remembered.sketch)
    if any(sha256 == identity.sha256 for _, sha256, _ in remembered.seen):
        return (4, alike, remembered.last_opened)
    same_path = any(path == identity.path for path, _, _ in remembered.seen)
    titled = any(same_title(title, identity.title) for _, _, title in remembered.seen)
    if same_path and titled:
        return (3, alike, remembered.last_opened)
    if alike >= SIMILAR and (titled or same_path):
        return (2 if titled else 1, alike, remembered.last_opened)
    return None
