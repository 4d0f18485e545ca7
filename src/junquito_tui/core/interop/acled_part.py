"""A large ACLED export's fast reading on two cores: the rows after a cut read in a second process.

The app reads the rows before the cut (``split_point``: a line end near the middle); the
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
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .. import child_process

if TYPE_CHECKING:
    from .acled_wire import Part

# Nothing else is imported at the top: the child is started before the interface, and whatever this
# module imports delays the interface (the readers, msgspec: 0.1 s). The child and the app's loading
# thread import what they use (``acled_wire``, ``quick_csv``) where they use it.

SPLIT_MIN_BYTES = 8 << 20  # below this (~16,000 rows, a third of a second) the child's start-up is not worth it
SHARE = 0.4  # of the file, read by the child (which starts later, and hands its part over)
EARLY_SHARE = 0.55  # ... by a child started before the interface, while the app starts up
TIME_LIMIT_BASE = 30.0  # seconds, and per MB of the file: the child reads 25 MB in about a second here
TIME_LIMIT_PER_MB = 1.0
REFUSED = 3  # the child's exit status for a part the fast reading leaves to the ordinary import
NOT_QUICK = 4  # ... and for one the csv module alone cannot read (a row over several lines, say)
LENGTH_BYTES = 8  # each part is led by its length, big-endian
BATCH_ROWS = 8192  # rows a part (two of ``acled_fast.CHUNK``): the app's work after the last part is one part's


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
        import msgspec

        from .acled_wire import DECODER
        from .quick_csv import NotQuick

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
                    part = DECODER.decode(frame)
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
            len(head := out.read(LENGTH_BYTES)) == LENGTH_BYTES
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


def split_point(path: Path, share: float) -> int | None:
    """Where the file can be cut for two readers: the byte after the first line feed past ``share``
    of it; None where no line starts past that point. The cut may fall inside a quoted cell: the
    first reader then finds a quote left open at its end (``quick_csv.open_quick``), and says so."""
    with path.open("rb") as raw:
        size = raw.seek(0, os.SEEK_END)
        raw.seek(int(size * share))
        ahead = raw.read(1 << 16)
    if (found := ahead.find(b"\n")) < 0 or int(size * share) + found + 1 >= size:
        return None
    return int(size * share) + found + 1


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)  # the cores this process may run on (Linux)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


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
    import msgspec

    payload = msgspec.msgpack.encode(part)
    return len(payload).to_bytes(LENGTH_BYTES, "big") + payload


def main(argv: list[str]) -> int:
    from .quick_csv import NotQuick

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
