"""A large ACLED export's fast reading on two cores: the rows after a cut read in a second process.

The app reads the rows before the cut (``quick_csv.split_point``: a line end near the middle); the
child (``python -m junquito_tui.core.interop.acled_part FILE OFFSET``) reads the rest with the
same code (``acled_fast``), then hands back its rows' fields (``Part``, as msgpack on its standard
output). What refers to the file's registers, which number actors and sources in the order they are
first met, is handed back as what made it (the calls that made the actors, the source and date
cells, the codings, in the order met), and the app makes it again after its own rows
(``acled_fast``'s ``adopt``): so the whole comes out as one reading of the file would make it.
Anything the child would say something of, it refuses (exit status 3), as the fast reading does; a
child that fails, hangs or prints anything else gives no part, and the file is read the ordinary way.
"""

from __future__ import annotations

import contextlib
import gc
import os
import subprocess
import sys
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from .. import child_process
from .quick_csv import NotQuick, split_point

if TYPE_CHECKING:
    from .acled_fast import _Columns

SPLIT_MIN_BYTES = 8 << 20  # below this (~16,000 rows, a third of a second) the child's start-up is not worth it
SHARE = 0.4  # of the file, read by the child (which starts later, and hands its part over)
EARLY_SHARE = 0.5  # ... by a child started before the interface, while the app starts up
TIME_LIMIT_BASE = 30.0  # seconds, and per MB of the file: the child reads 25 MB in about a second here
TIME_LIMIT_PER_MB = 1.0
REFUSED = 3  # the child's exit status for a part the fast reading leaves to the ordinary import
NOT_QUICK = 4  # ... and for one the csv module alone cannot read (a row over several lines, say)


class Part(msgspec.Struct, array_like=True, frozen=True):
    """The rows after the cut, each field a column in the rows' order; what repeats is given once,
    with each row's index into it (``*_of``)."""

    rows: int  # read (as ``Counts.rows``)
    empty: int  # skipped, as empty
    wheres: list[str]
    ids: list[str]
    lowered: tuple[str, str] | None  # the first id lowercased, and where (``acled._Memo.lowered``)
    dates: list[tuple[str, str]]  # (event_date, time_precision) cells, first met first
    date_of: list[int]
    sources: list[str]  # source cells
    source_of: list[int]
    titles: list[str]
    title_of: list[int]
    summaries: list[str]
    places: list[str | None]
    tag_sets: list[tuple[str, ...]]
    tags_of: list[int]
    actors: list[tuple[str, str, str | None]]  # (name, kind, side): the call that made each actor
    participants: list[tuple[int, str]]  # (actor, role) pairs, the actor by its index in ``actors``
    casts: list[tuple[int, ...]]  # each a tuple of participants, by their index in ``participants``
    cast_of: list[int]
    codings: list[tuple[int, list[tuple[str, str]]]]  # (actor, its (type, first row) pairs), first coded first
    used: dict[int, int]  # columns ACLED does not have: rows with text, by position


_DECODER = msgspec.msgpack.Decoder(Part)


class Reading:
    """The child reading the rows from byte ``offset`` to the end (the app reads the bytes before)."""

    def __init__(self, path: Path, offset: int) -> None:
        self.offset = offset
        self.limit = TIME_LIMIT_BASE + TIME_LIMIT_PER_MB * path.stat().st_size / 1e6
        self.command = child_process.command(__name__, str(path), str(offset))
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Reading:
        self.process = child_process.start(self, self.command)
        return self

    def result(self) -> Part | None:
        """The part, once the child has read it; None if it refused it, failed or took too long.
        Raises ``NotQuick`` where the part is to be read line by line (then the whole file is)."""
        if self.process is None:
            return None
        try:
            out, _ = self.process.communicate(timeout=self.limit)
        except subprocess.TimeoutExpired:
            self.stop()
            return None
        finally:
            child_process.RUNNING.discard(self)
        if self.process.returncode == NOT_QUICK:
            raise NotQuick("the part after the cut needs the ordinary reading of lines")
        if self.process.returncode != 0:
            return None
        try:
            return _DECODER.decode(out)
        except msgspec.MsgspecError:
            return None

    def stop(self) -> None:
        child_process.RUNNING.discard(self)
        process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired, OSError, ValueError):
                process.communicate(timeout=5)


def start(path: Path, share: float | None = None, *, early: bool = False) -> Reading | None:
    """The child reading the last ``share`` of the file; by default ``SHARE`` of a large file, where
    two cores are at hand (``early``: ``EARLY_SHARE``, the child started before the interface).
    None: the app reads it all (a small file, one core, a share not between 0 and 1, no cut, no
    process)."""
    try:
        if share is None:
            if path.stat().st_size < SPLIT_MIN_BYTES or _cores() < 2:
                return None
            share = EARLY_SHARE if early else SHARE
        if not 0 < share < 1:  # (nor a NaN)
            return None
        offset = split_point(path, 1 - share)
        return Reading(path, offset).start() if offset is not None else None
    except OSError:
        return None


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)  # the cores this process may run on (Linux)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def exported(reading: _Columns, rows: int, empty: int) -> Part:
    """The child's rows as a ``Part`` (its actor book kept the calls that made its actors)."""
    fields, memo, made_by = reading.fields, reading.memo, reading.book.actors.made_by
    assert made_by is not None
    dates, date_of = _by_value(reading.kept_dates)
    sources, source_of = _by_value(reading.kept_sources)
    titles, title_of = _by_identity(fields["title"])
    tag_sets, tags_of = _by_identity(fields["tags"])
    casts, cast_of = _by_identity(fields["actors"])
    index = {actor["id"]: number for number, actor in enumerate(reading.book.actors.actors)}
    people = list(reading.people.values())  # one record per actor and role, shared by the casts
    person = dict(zip(map(id, people), count()))
    return Part(
        rows=rows, empty=empty, wheres=list(fields["where"]), ids=fields["id"], lowered=memo.lowered,
        dates=dates, date_of=date_of, sources=sources, source_of=source_of, titles=titles, title_of=title_of,
        summaries=fields["summary"], places=fields["place"], tag_sets=tag_sets, tags_of=tags_of, actors=made_by,
        participants=[(index[one.actor], one.role) for one in people],
        casts=[tuple(map(person.__getitem__, map(id, cast))) for cast in casts], cast_of=cast_of,
        codings=[(index[actor], list(coded.items())) for actor, coded in memo.codings.items()],
        used=dict(reading.extras.used),
    )  # fmt: skip


def _by_value(values: list[Any]) -> tuple[list[Any], list[int]]:
    """The distinct values, first met first, and each value's index among them."""
    index = dict(zip(dict.fromkeys(values), count()))
    return list(index), list(map(index.__getitem__, values))


def _by_identity(values: list[Any]) -> tuple[list[Any], list[int]]:
    """The same for values the reading shares (one object per distinct value: its memos' own)."""
    ids = list(map(id, values))
    distinct = dict(zip(ids, values, strict=True))  # (an id's first value is its every value: one object)
    index = dict(zip(distinct, count()))
    return list(distinct.values()), list(map(index.__getitem__, ids))


def read_part(path: Path, offset: int) -> Part | None:
    """In the child: the rows from ``offset`` on, read as the fast reading reads them; None where it
    would say something of them. Raises ``NotQuick`` where the csv module alone cannot read them."""
    from .acled_fast import read_rows_after
    from .quick_csv import open_part

    try:
        quick = open_part(path, offset)
    except OSError:
        return None
    with quick:
        return read_rows_after(path, quick, offset)


def main(argv: list[str]) -> int:
    child_process.end_with_parent()
    gc.disable()  # a second's work making objects, no cycles, and then the process ends
    try:
        part = read_part(Path(argv[0]), int(argv[1]))
    except NotQuick:
        return NOT_QUICK
    if part is None:
        return REFUSED
    sys.stdout.buffer.write(msgspec.msgpack.encode(part))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
