"""A large ACLED export's fast reading on two cores: the rows after a cut read in a second process.

The app reads the rows before the cut (``quick_csv.split_point``: a line end near the middle); the
child (``python -m junquito_tui.core.interop.acled_part FILE OFFSET``) reads the rest with the
same code (``acled_fast``), and hands back its rows' fields as it reads them: a ``Part`` every
``BATCH_ROWS`` rows, as msgpack on its standard output, each led by its length, the last one
marked. The app takes each part over while the child reads on, so little is left to do when the
last one comes. What refers to the file's registers, which number actors and sources in the order
they are first met, is handed back as what made it (the calls that made the actors, the source and
date cells, the codings, in the order met), and the app makes it again after its own rows
(``acled_fast``'s ``adopt``): so the whole comes out as one reading of the file would make it.
Anything the child would say something of, it refuses (exit status 3), as the fast reading does; a
child that fails, hangs or prints anything else gives no rows, and the file is read the ordinary way.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from itertools import count, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import msgspec

from .. import child_process
from .quick_csv import NotQuick, split_point

if TYPE_CHECKING:
    from .acled_fast import _Columns

SPLIT_MIN_BYTES = 8 << 20  # below this (~16,000 rows, a third of a second) the child's start-up is not worth it
SHARE = 0.4  # of the file, read by the child (which starts later, and hands its part over)
EARLY_SHARE = 0.55  # ... by a child started before the interface, while the app starts up
TIME_LIMIT_BASE = 30.0  # seconds, and per MB of the file: the child reads 25 MB in about a second here
TIME_LIMIT_PER_MB = 1.0
REFUSED = 3  # the child's exit status for a part the fast reading leaves to the ordinary import
NOT_QUICK = 4  # ... and for one the csv module alone cannot read (a row over several lines, say)
BATCH_ROWS = 8192  # rows a part (two of ``acled_fast.CHUNK``): the app's work after the last part is one part's
_LENGTH_BYTES = 8  # each part is led by its length, big-endian


class Part(msgspec.Struct, array_like=True, frozen=True):
    """The rows after the cut, each field a column in the rows' order; what repeats is given once,
    with each row's index into it (``*_of``)."""

    rows: int  # read (as ``Counts.rows``), since the part before
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
    # What the child's registers made while reading these rows, numbered across its parts (an actor's
    # number: its place among all the actors made in the child, first made first; a participant's too).
    actors: list[tuple[str, str, str | None]]  # (name, kind, side): the call that made each new actor
    participants: list[tuple[int, str]]  # new (actor, role) pairs
    casts: list[tuple[int, ...]]  # each a tuple of participants' numbers
    cast_of: list[int]
    codings: list[tuple[int, list[tuple[str, str]]]]  # (actor, its new (type, first row) pairs), first coded first
    used: dict[int, int]  # columns ACLED does not have: rows with text, by position
    respelt: list[str]  # names met under another spelling of an actor made before (``ActorBook.spelt_by``)
    last: bool  # the child's last part: it read to the file's end


_DECODER = msgspec.msgpack.Decoder(Part)


class NoPart(Exception):
    """The child refused its rows, failed or took too long: the parts it handed over are of no use."""


class Reading:
    """The child reading the rows from byte ``offset`` to the end (the app reads the bytes before)."""

    def __init__(self, path: Path, offset: int) -> None:
        self.offset = offset
        self.limit = TIME_LIMIT_BASE + TIME_LIMIT_PER_MB * path.stat().st_size / 1e6
        self.command = child_process.command(__name__, str(path), str(offset))
        self.process: subprocess.Popen[bytes] | None = None
        self.reader: threading.Thread | None = None
        self.frames: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()  # each part's bytes, then None

    def start(self) -> Reading:
        self.process = child_process.start(self, self.command)
        if self.process.stdout is not None:  # read as the child writes: a part waiting in a full pipe stops it
            reader = threading.Thread(target=_frames, args=(self.process.stdout, self.frames), daemon=True)
            try:
                reader.start()
            except RuntimeError:  # no thread to be had: no part either
                self.stop()
                return self
            self.reader = reader
        return self

    def parts(self) -> Iterator[Part]:
        """The parts, each as soon as the child has handed it over. Raises ``NoPart`` where it refused
        its rows, failed, handed over anything else or took too long (after the parts before it);
        ``NotQuick`` where the rows are to be read line by line (then the whole file is)."""
        process = self.process
        if process is None or self.reader is None:
            raise NoPart
        frames = self.frames
        deadline = time.monotonic() + self.limit
        try:
            ended = False
            while (frame := self._next(frames, deadline)) is not None:
                if ended:  # something after the last part
                    raise NoPart
                try:
                    part = _DECODER.decode(frame)
                except msgspec.MsgspecError:
                    raise NoPart from None
                ended = part.last
                yield part
            returncode = process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise NoPart from None
        finally:
            self.stop()
        if returncode == NOT_QUICK:
            raise NotQuick("the part after the cut needs the ordinary reading of lines")
        if returncode != 0 or not ended:
            raise NoPart

    def _next(self, frames: queue.SimpleQueue[bytes | None], deadline: float) -> bytes | None:
        try:
            return frames.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise NoPart from None

    def stop(self) -> None:
        child_process.RUNNING.discard(self)
        process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                process.wait(timeout=5)
        if process is not None and process.stdout is not None and self.reader is None:
            process.stdout.close()  # (else the thread reading it closes it, at its end)


def _frames(out: IO[bytes], frames: queue.SimpleQueue[bytes | None]) -> None:
    """Each part's bytes as they come, then None at the output's end; before it, b'' (no part) where
    the output holds anything else."""
    try:
        while (
            len(head := out.read(_LENGTH_BYTES)) == _LENGTH_BYTES
            and (frame := _exactly(out, int.from_bytes(head, "big"))) is not None
        ):
            frames.put(frame)
        if head:  # bytes that are no part: a length cut short, or a part shorter than its length
            frames.put(b"")
    except (OSError, ValueError):
        frames.put(b"")
    finally:
        frames.put(None)
        with contextlib.suppress(OSError):
            out.close()


def _exactly(out: IO[bytes], size: int) -> bytes | None:
    """The next ``size`` bytes, or None where the output ends before. Read a megabyte at a time: a
    length that is no part's (up to 2**64) is never set aside at once."""
    pieces = []
    while size > 0 and (piece := out.read(min(size, 1 << 20))):
        pieces.append(piece)
        size -= len(piece)
    return b"".join(pieces) if size == 0 else None


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


class Batches:
    """In the child: its rows handed over a part at a time (``next``), each with what the registers made
    since the part before, numbered across the parts (actors, participants, codings)."""

    def __init__(self, reading: _Columns) -> None:
        self.reading = reading
        self.actor_number: dict[str, int] = {}  # actor id -> its number
        self.person_number: dict[int, int] = {}  # id of a participant record -> its number
        self.coded: dict[str, int] = {}  # actor id -> its codings handed over
        self.rows = self.empty = self.spelt = 0

    def next(self, rows: int, empty: int, *, last: bool = False) -> Part:
        """The rows read since the part before (``rows``, ``empty``: counted so far) as a ``Part``."""
        reading = self.reading
        fields, kept_dates, kept_sources = reading.batch()
        memo, made_by, book = reading.memo, reading.book.actors.made_by, reading.book.actors.actors
        assert made_by is not None
        new_actors = made_by[len(self.actor_number) :]  # (one call per actor made, in order)
        self.actor_number.update(
            zip((actor["id"] for actor in book[len(self.actor_number) :]), count(len(self.actor_number)))
        )
        people = list(islice(reading.people.values(), len(self.person_number), None))  # (made, never dropped)
        self.person_number.update(zip(map(id, people), count(len(self.person_number))))
        dates, date_of = _by_value(kept_dates)
        sources, source_of = _by_value(kept_sources)
        titles, title_of = _by_identity(fields["title"])
        tag_sets, tags_of = _by_identity(fields["tags"])
        casts, cast_of = _by_identity(fields["actors"])
        codings = []
        for actor, coded in memo.codings.items():
            if len(coded) > (handed := self.coded.get(actor, 0)):
                codings.append((self.actor_number[actor], list(islice(coded.items(), handed, None))))
                self.coded[actor] = len(coded)
        spelt_by = reading.book.actors.spelt_by
        assert spelt_by is not None
        respelt, self.spelt = spelt_by[self.spelt :], len(spelt_by)
        used = dict(reading.extras.used)
        reading.extras.used.clear()
        part = Part(
            rows=rows - self.rows, empty=empty - self.empty, wheres=list(fields["where"]), ids=fields["id"],
            lowered=memo.lowered, dates=dates, date_of=date_of, sources=sources, source_of=source_of, titles=titles,
            title_of=title_of, summaries=fields["summary"], places=fields["place"], tag_sets=tag_sets, tags_of=tags_of,
            actors=new_actors, participants=[(self.actor_number[one.actor], one.role) for one in people],
            casts=[tuple(map(self.person_number.__getitem__, map(id, cast))) for cast in casts], cast_of=cast_of,
            codings=codings, used=used, respelt=respelt, last=last,
        )  # fmt: skip
        self.rows, self.empty = rows, empty
        return part


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


def read_part(path: Path, offset: int, hand: Callable[[Part], None]) -> bool:
    """In the child: the rows from ``offset`` on, read as the fast reading reads them, handed to ``hand``
    a part at a time; False where it would say something of them. Raises ``NotQuick`` where the csv
    module alone cannot read them."""
    from .acled_fast import read_rows_after
    from .quick_csv import open_part

    try:
        quick = open_part(path, offset)
    except OSError:
        return False
    with quick:
        return read_rows_after(path, quick, offset, hand)


def handed_over(part: Part) -> bytes:
    """A part as the child writes it: its length, then its msgpack."""
    payload = msgspec.msgpack.encode(part)
    return len(payload).to_bytes(_LENGTH_BYTES, "big") + payload


def main(argv: list[str]) -> int:
    child_process.end_with_parent()
    gc.disable()  # a second's work making objects, no cycles, and then the process ends
    waiting: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    # the parts written by a thread of their own: the rows after them are read while the app takes them
    writer = threading.Thread(target=_write, args=(waiting, sys.stdout.buffer), name="parts")
    writer.start()
    try:
        read = read_part(Path(argv[0]), int(argv[1]), lambda part: waiting.put(handed_over(part)))
    except NotQuick:
        return NOT_QUICK
    finally:
        waiting.put(None)
        writer.join()
    return 0 if read else REFUSED


def _write(waiting: queue.SimpleQueue[bytes | None], out: IO[bytes]) -> None:
    try:
        while (frame := waiting.get()) is not None:
            out.write(frame)
            out.flush()
    except OSError:  # the app is gone (or stopped the reading): nobody to write to
        pass


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
