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

import atexit
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

from ..problems import Problem
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


_RUNNING: set[Probe] = set()


@atexit.register
def _stop_all() -> None:
    """The app closing while a workbook is being opened: its child is not left to run on alone."""
    for running in list(_RUNNING):
        running.stop()


class Probe:
    """The reader opening ``path`` in a child, started at once (it runs beside ``book_guard``'s scan);
    ``result`` waits for it and raises ``BookTooLarge`` if it crashed, ran too long or found a sheet
    over ``MAX_CELLS``; it returns when the reader opened the file within the limits, or said why it
    cannot (the reading here will say the same, as it always has)."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        size = path.stat().st_size
        self.limit = memory_limit(path, max_bytes)
        self.seconds = TIME_LIMIT + TIME_PER_MB * size / 1e6
        command = [sys.executable, "-m", __name__, str(path), str(self.limit), str(int(self.seconds))]
        environment = {**os.environ, "RUST_BACKTRACE": "0"}  # the abort's backtrace is not wanted
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
            )
            self.failure: OSError | None = None
            _RUNNING.add(self)
        except OSError as error:
            self.process, self.failure = None, error

    def result(self) -> None:
        if self.process is None:
            raise BookTooLarge(
                Problem(
                    "", f"cannot be read safely: no separate process could be started to open it first ({self.failure})"
                )
            )
        try:
            out, err = self.process.communicate(timeout=self.seconds * 2)
        except subprocess.TimeoutExpired:
            self.stop()
            raise BookTooLarge(
                _refusal(f"had not finished after {self.seconds * 2:,.0f} seconds", self.limit)
            ) from None
        finally:
            _RUNNING.discard(self)
        code = self.process.returncode
        answer = _answer(out) if code == 0 else None
        if answer is None:
            raise BookTooLarge(_refusal(_how(code, err), self.limit))
        for name, rows, columns in answer.get("sheets", []):
            too_many_cells(f"its sheet {name!r}", rows, columns)

    def stop(self) -> None:
        """End the child if it still runs (the guard refused the file first, or the app closes)."""
        _RUNNING.discard(self)
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.process.kill()
            self.process.communicate()


def _answer(out: bytes) -> dict[str, list[tuple[str, int, int]]] | None:
    try:
        answer = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError, UnicodeDecodeError):
        return None
    return answer if isinstance(answer, dict) else None


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
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
