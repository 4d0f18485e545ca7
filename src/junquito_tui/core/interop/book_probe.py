"""A workbook opened first by its reader in a child process with bounded memory, before this one opens it.

python-calamine sizes what it builds by what the file says: a 5.6 KB XLS whose one cell claims row
65,536 and column 65,536 asked for 137 GB and aborted the process (the terminal left in the app's
screen); an XLS whose DIMENSIONS record claims 16 million rows asked for 44 TB, an XLSX of 3.5 KB
whose shared strings claim a count of 4 billion 96 GB, an XLSB cell at XFD1048576 512 GB.
``book_guard`` measures an XLSX's or ODS's cells in its XML, but a reader has more ways to be asked
for memory than cells, and binary formats (XLS, XLSB) have records of their own: the one measure that
cannot disagree with the reader is the reader. So a child opens the workbook with its address space
limited and says the size of each sheet (any may be the one read); its crash is a
refusal here, and so is a sheet over ``MAX_CELLS``. It runs beside the guard's scan, on the other core.
"""

from __future__ import annotations

import contextlib
import json
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

from .. import child_process
from ..problems import Problem
from .book_formats import FoundCells, formats_unread
from .book_guard import MAX_CELLS, BookTooLarge, too_many_cells

# The child's address space: the interpreter and the reader (377 MB at the peak for a 100,000 x 31 XLSX
# here), and twice what the file holds (its strings are held as it reads them).
MEMORY_BASE = 1024 * 1024 * 1024
TIME_LIMIT = 60  # seconds of CPU, and per MB of file below: a 65,536 x 256 XLS takes ~2 s here
TIME_PER_MB = 2
_ASKED = re.compile(rb"memory allocation of ([0-9]+) bytes failed")


def memory_limit(path: Path, max_bytes: int) -> int:
    """What the reader may use: a base, and twice what the file holds (a zip's parts unpacked, as far
    as the guard allows: ``max_bytes``; any other file as it is)."""
    try:
        with zipfile.ZipFile(path) as book:
            held = min(max_bytes, sum(entry.file_size for entry in book.infolist()))
    except (zipfile.BadZipFile, OSError, ValueError):
        held = path.stat().st_size
    return MEMORY_BASE + 2 * held


class Probe:
    """The reader opening ``path`` in a child, started at once (it runs beside ``book_guard``'s scan).
    ``sizes`` waits for the sheets' sizes and raises ``BookTooLarge`` if the child crashed, ran too long
    or found a sheet over ``MAX_CELLS``; it returns when the reader opened the file within the limits,
    or said why it cannot (the reading here will say the same, as it always has). ``formats`` then
    asks the same child for the chosen sheet's formats (``book_formats.find``): a hostile file's
    styles or records cost only its bounded memory and time, and its failure is said, not fatal."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        size = path.stat().st_size
        self.limit = memory_limit(path, max_bytes)
        self.seconds = TIME_LIMIT + TIME_PER_MB * size / 1e6
        self.deadline = time.monotonic() + self.seconds * 2
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        self.errors = bytearray()
        self.heights: dict[str, int] = {}  # each sheet's rows, as the child's reader sizes it (``sizes``)
        command = child_process.command(__name__, str(path), str(self.limit), str(int(self.seconds)))
        environment = child_process.environment(RUST_BACKTRACE="0")  # the abort's backtrace is not wanted
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
            )
            self.failure: OSError | None = None
            child_process.RUNNING.add(self)
        except OSError as error:
            self.process, self.failure = None, error
            return
        threading.Thread(target=self._read_lines, daemon=True).start()
        self.reading_errors = threading.Thread(target=self._read_errors, daemon=True)
        self.reading_errors.start()

    def _read_lines(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        with self.process.stdout:
            for line in iter(self.process.stdout.readline, b""):
                self.lines.put(line)
        self.lines.put(None)

    def _read_errors(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        with self.process.stderr:
            while chunk := self.process.stderr.read(65536):
                if len(self.errors) < 65536:  # what says why it failed is at the start; the rest is let go
                    self.errors += chunk

    def _answer(self) -> tuple[dict[str, Any] | None, str]:
        """The child's next answer, or None and why there is none."""
        try:
            line = self.lines.get(timeout=max(0.0, self.deadline - time.monotonic()))
        except queue.Empty:
            self.stop()
            return None, f"had not finished after {self.seconds * 2:,.0f} seconds"
        if line is not None:
            try:
                answer = json.loads(line)
            except ValueError:
                answer = None
            if isinstance(answer, dict):
                return answer, ""
        assert self.process is not None
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.stop()
            code = -signal.SIGKILL
        self.reading_errors.join(timeout=5)  # what it wrote before it ended, read to the end
        return None, _how(code, bytes(self.errors))

    def sizes(self) -> None:
        if self.process is None:
            raise BookTooLarge(
                Problem(
                    "", f"cannot be read safely: no separate process could be started to open it first ({self.failure})"
                )
            )
        answer, why = self._answer()
        if answer is None:
            raise BookTooLarge(_refusal(why, self.limit))
        for name, rows, columns in answer.get("sheets", []):
            too_many_cells(f"its sheet {name!r}", rows, columns)
            if isinstance(name, str) and isinstance(rows, int):
                self.heights[name] = rows

    def formats(self, sheet: str, times: bool, formulas: frozenset[str], orders: bool = False) -> FoundCells:
        """What ``book_formats.find`` says of the sheet, found by the child; its failure said."""
        assert self.process is not None and self.process.stdin is not None
        request = {"sheet": sheet, "times": times, "formulas": sorted(formulas), "orders": orders}
        with contextlib.suppress(OSError):  # the child is gone: its answer below says how
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        answer, why = self._answer()
        found = FoundCells.of_json(answer) if answer is not None else None
        if found is None:
            return FoundCells(said=[formats_unread(f"the reader opening it apart {why or 'gave no answer'}")])
        return found

    def stop(self) -> None:
        """End the child if it still runs (the guard refused the file first, or the app closes)."""
        child_process.RUNNING.discard(self)
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()  # the readers' threads close their own pipes at their end


def _how(code: int, err: bytes) -> str:
    asked = _ASKED.search(err[:4096])
    if asked:
        return f"asked for {int(asked.group(1)):,} bytes of memory and stopped"
    if code < 0:
        try:
            return f"was ended by {signal.Signals(-code).name}"
        except ValueError:
            return f"was ended by signal {-code}"
    return f"failed (exit status {code})"


def _refusal(how: str, limit: int) -> Problem:
    return Problem(
        "",
        f"cannot be read: the spreadsheet reader, opening it first in a separate process with at most "
        f"{limit // 1024**2:,} MB of memory, {how}; the file asks for more than junquito-tui reads from a "
        f"workbook ({MAX_CELLS:,} cells), whether damaged, made to exhaust memory or that large",
    )


# -- the child --------------------------------------------------------------------------------------


def sizes(path: Path) -> list[tuple[str, int, int]]:
    """(name, rows, columns) of every sheet: ``sheet_read`` may read any of them (the first visible
    one with data that is not blank)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    found = []
    for index, name in enumerate(book.sheet_names):
        sheet = book.get_sheet_by_index(index)
        found.append((name, sheet.height, sheet.width))
    return found


def main(argv: list[str]) -> int:
    child_process.end_with_parent()
    path, limit, seconds = Path(argv[0]), int(argv[1]), int(argv[2])
    try:
        import resource  # not on Windows: there only the parent's time limit holds
    except ImportError:
        pass
    else:
        for kind, value in ((resource.RLIMIT_AS, limit), (resource.RLIMIT_CPU, seconds)):
            with contextlib.suppress(ValueError, OSError):  # a lower hard limit holds, or none can be set
                resource.setrlimit(kind, (value, value))
    try:
        answer: dict[str, object] = {"sheets": sizes(path)}
    except MemoryError:
        raise  # never an answer: the parent would open the file without a limit
    except Exception as error:  # the parent's own reading says what is wrong, as it always has
        answer = {"error": str(error)[:200]}
    _send(answer)
    if "error" in answer or not (request := sys.stdin.readline()):
        return 0  # the parent read no sheet, or needs no formats
    ask = json.loads(request)
    from . import book_formats

    try:
        found = book_formats.find(
            path, ask["sheet"], ask["times"], frozenset(ask["formulas"]), ask.get("orders") is True
        )
    except MemoryError:
        found = FoundCells(said=[formats_unread(f"they need more than the {limit // 1024**2:,} MB of memory allowed")])
    except Exception as error:  # a file its readers choke on: said, and its dates read as stored
        found = FoundCells(said=[formats_unread(f"{type(error).__name__}: {error}"[:200])])
    _send(found.to_json())
    return 0


def _send(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
