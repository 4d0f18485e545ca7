"""The full check of a dataset in a second process, while the first shows a fast reading of it.

The child (``python -m junquito_tui.core.checking FILE MAX_BYTES DIGEST``) reads the file as the
loader does, makes sure its bytes are the ones the parent read (their xxh3-128 ``DIGEST``), checks
them exactly as ``validate`` does (``load_bytes``, duplicate keys included), and compares what the
check gives with the fast reading of the same bytes (``fast_json``, by a digest of their content, so
that the two are never in memory at once): the parent shows the fast one, so it is trusted only if
the two are equal. It prints one JSON line and exits 0; anything else
(a crash, a kill, a hang past the time limit, output that is not that line) is an outcome of its
own, never taken for success.

Before that line, for our JSON format, it prints the verdict of the fast reading's own checks on the
bytes it read, and their digest (``{"fast": "ok", "digest": ...}``, or "refused", or "changed" when
they are not the bytes the parent read; ``Check.fast_verdict``): the parent builds its fast reading
and puts it in order on one core while this one checks it on the other, and shows it once this says
yes. A check started before the parent has read the file (``DIGEST`` empty: see
``quick_load.check_at_once``) leaves the comparison of the digests to the parent.

Outcomes: ``ok``; ``failed`` (the file's problem report); ``changed`` (the file is not what the
parent read: read it again) or ``differs`` (the readings differ: read it the ordinary way);
``broken`` (the check did not finish: a report that says so).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from . import child_process
from .problems import DatasetError, Problem

if TYPE_CHECKING:
    from .loader import Loaded

TIME_LIMIT_BASE = 120.0  # seconds, and per MB below: checking 87 MB takes ~2 s of CPU here
TIME_LIMIT_PER_MB = 2.0
# How long the parent waits for the fast reading's verdict, from the child's start: it comes ~1.3 s
# after it for 67 MB here, and three times that is waited for; then the parent checks on its own (a
# child that hangs or is slow delays the dataset by this much at most, and never stops it showing).
FAST_LIMIT_BASE = 1.0
FAST_LIMIT_PER_MB = 0.06


@dataclasses.dataclass(frozen=True)
class Outcome:
    kind: str  # ok, failed, changed, differs, broken
    report: str | None = None  # for failed and broken: what to show in place of the dataset


def time_limit(size: int) -> float:
    return TIME_LIMIT_BASE + TIME_LIMIT_PER_MB * size / 1e6


def fast_limit(size: int) -> float:
    return FAST_LIMIT_BASE + FAST_LIMIT_PER_MB * size / 1e6


class Check:
    """The child checking ``path``; ``wait`` (in a thread: it blocks) says how it ended."""

    def __init__(self, path: Path, max_bytes: int, digest: str, *, size: int = 0, limit: float | None = None) -> None:
        """``digest``: of the bytes the parent read ('' if it has not read them yet: it compares the
        child's with its own); ``size``: the file's, in bytes (sets the time limits, unless ``limit``
        is given)."""
        self.path, self.max_bytes, self.digest = path, max_bytes, digest
        self.limit = limit if limit is not None else time_limit(size)
        self.fast_limit = fast_limit(size)  # for its first answer (``fast_verdict``)
        self._started = 0.0  # time.monotonic() at the start
        self.command = child_process.command(__name__, str(path), str(max_bytes), digest)
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._lines: list[bytes] = []  # what the child has printed
        self._first = threading.Event()  # set by its first line, or the end of its output
        self._ended = threading.Event()  # set by the end of its output (it exited, or was killed)

    def start(self) -> Check:
        with self._lock:
            if not self._stopped:
                self._process = child_process.start(self, self.command)
                self._started = time.monotonic()
                threading.Thread(target=self._read, args=(self._process,), name="check-output", daemon=True).start()
        return self

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        """Every line the child prints, as it prints it, until its output ends (one reader: lines
        read ahead by another would be lost to it)."""
        assert process.stdout is not None
        with contextlib.suppress(OSError, ValueError):
            for line in process.stdout:
                self._lines.append(line)
                self._first.set()
        self._first.set()
        self._ended.set()

    def fast_verdict(self) -> str | None:
        """The child's verdict on the fast reading's checks, once it has given it: 'ok', 'refused', or
        'changed' (its bytes are not the parent's, whose digest is ``self.digest``); None if it gave none
        (it ended first, printed something else, or took more than ``fast_limit`` seconds from its
        start)."""
        waited = self._started + self.fast_limit - time.monotonic()
        if self._process is None or not self._first.wait(max(0.0, waited)):
            return None
        try:
            answer = json.loads(self._lines[0].decode("utf-8"))
            verdict, read = answer["fast"], answer["digest"]
        except (ValueError, IndexError, KeyError, TypeError, UnicodeDecodeError):
            return None
        if verdict not in ("ok", "refused", "changed"):
            return None
        return "changed" if read != self.digest else verdict

    def stop(self) -> None:
        """End the child, if it still runs (the app closes, or no longer needs the answer)."""
        with self._lock:
            self._stopped = True
            process = self._process
            child_process.RUNNING.discard(self)
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
            from .interop.book_copy import remove_left_behind

            remove_left_behind()  # the private copy a spreadsheet's check was reading (50 MB at 100,000 rows)

    def wait(self) -> Outcome:
        process = self._process
        if process is None:
            return self._broken("it was not started")
        try:
            if not self._ended.wait(self.limit):
                self.stop()
                return self._broken(f"it did not finish within {self.limit:,.1f} seconds and was stopped")
            process.wait()
        finally:
            child_process.RUNNING.discard(self)
        return self._outcome(process.returncode, b"".join(self._lines))

    def _outcome(self, code: int, out: bytes) -> Outcome:
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return self._broken(f"the checking process was ended by {name}")
        if code != 0:
            return self._broken(f"the checking process failed (exit status {code})")
        try:
            answer = json.loads(out.decode("utf-8").strip().splitlines()[-1])
            kind = answer["outcome"]
            report = answer.get("report")
            checked = answer.get("digest", self.digest)  # of the bytes it checked, where it says
        except (ValueError, IndexError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
            return self._broken("the checking process gave no answer")
        if kind not in {"ok", "failed", "changed", "differs"} or (kind == "failed" and not isinstance(report, str)):
            return self._broken("the checking process gave no answer")
        if self.digest and checked != self.digest:  # started before the parent read the file: other bytes
            return Outcome("changed")
        return Outcome(kind, report if kind == "failed" else None)

    def _broken(self, why: str) -> Outcome:
        message = f"could not be checked: {why}; nothing of it is shown (junquito-tui validate FILE checks it alone)"
        return Outcome("broken", DatasetError(str(self.path), [Problem("", message)]).report())


# -- the child --------------------------------------------------------------------------------------


def check(path: Path, max_bytes: int, digest: str) -> dict[str, str]:
    import xxhash

    from .fast_json import digest as content_digest
    from .fast_json import read_fast
    from .files import read_file
    from .loader import is_sheet_file, load_bytes
    from .memory import collector_paused, release_free_memory
    from .records import parse_partial_date

    if is_sheet_file(path, None):
        return check_sheet(path, max_bytes, digest)
    try:
        raw = read_file(path, max_bytes)
    except DatasetError:
        say({"fast": "changed", "digest": ""})
        return {"outcome": "changed"}  # it could be read a moment ago: it is not what the app shows
    read = xxhash.xxh3_128_hexdigest(raw)
    if digest and read != digest:
        say({"fast": "changed", "digest": read})
        return {"outcome": "changed"}
    # The fast reading first: its verdict at once (the parent waits for it to show its own reading),
    # then its digest. One reading in memory at a time: the fast one's digest, then the checked one's.
    try:
        with collector_paused():
            fast = read_fast(raw)
    except Exception:  # the fast reading fails: the parent reads the file the ordinary way
        fast = None
    say({"fast": "ok" if fast is not None else "refused", "digest": read})
    if fast is None:
        return {"outcome": "differs"}  # nothing of the fast reading is shown: nothing to compare
    try:
        shown = content_digest(fast)
    except Exception:  # what is shown cannot be compared: it is read again, the ordinary way
        return {"outcome": "differs"}
    del fast
    # Its memory back before the contract's reading: the date cache's keys are its dates, and they
    # and the free lists kept most of it (the peak was 440 MB, against 367 MB checked first).
    parse_partial_date.cache_clear()
    gc.collect()
    release_free_memory()
    try:
        checked = load_bytes(raw, path, thorough=True)
    except DatasetError as error:
        return {"outcome": "failed", "report": error.report(), "digest": read}
    if checked.warnings:  # converted (TimelineJS): not what the fast reading reads
        return {"outcome": "differs"}
    # with the digest of the bytes checked: the parent's own, if it gave none (``_outcome``)
    return {"outcome": "ok" if content_digest(checked.dataset) == shown else "differs", "digest": read}


def check_sheet(path: Path, max_bytes: int, digest: str) -> dict[str, str]:
    """The same for a spreadsheet the parent read fast (``acled_fast``), from a private copy of it: the
    ordinary import of the copy and the fast reading of it must give the same dataset, warnings and
    counts."""
    from .cache import file_digest
    from .interop.acled_fast import read_fast
    from .interop.book_copy import private_copy
    from .memory import release_free_memory

    try:
        with private_copy(path, max_bytes) as copy:
            if file_digest(copy) != digest:
                return {"outcome": "changed"}
            from .loader import load_sheet_copy

            try:
                checked = load_sheet_copy(copy, path, max_bytes)
            except DatasetError as error:
                return {"outcome": "failed", "report": error.report()}
            expected = loaded_digest(checked)
            del checked
            release_free_memory()
            fast = read_fast(copy, max_bytes, shown=path)
            same = fast is not None and loaded_digest(fast) == expected
    except (DatasetError, OSError):
        return {"outcome": "changed"}  # it could be read a moment ago: it is not what the app shows
    return {"outcome": "ok" if same else "differs"}


def loaded_digest(loaded: Loaded) -> str:
    """A hash of a loaded file: its dataset's content, its warnings and its counts."""
    import xxhash

    from .fast_json import digest

    said = json.dumps([digest(loaded.dataset), loaded.warnings, loaded.summary], ensure_ascii=False)
    return xxhash.xxh3_128_hexdigest(said.encode("utf-8", "surrogatepass"))


def say(answer: dict[str, str]) -> None:
    """One line of JSON to the parent, at once."""
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    child_process.end_with_parent()
    path, max_bytes, digest = Path(argv[0]), int(argv[1]), argv[2]
    say(check(path, max_bytes, digest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
