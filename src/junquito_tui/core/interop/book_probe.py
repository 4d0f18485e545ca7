"""A binary workbook (XLS, XLSB) opened first by its reader in a child process with bounded memory.

python-calamine sizes a sheet by what the file says and builds the whole rectangle at once: a 5.6 KB
XLS whose one cell claims row 65,536 and column 65,536 asked for 137 GB and aborted the process (the
terminal left in the app's screen); one whose DIMENSIONS record claims 16 million rows asked for 44
TB. XLSX and ODS are XML, measured before the reader runs (``book_guard``); these formats are binary
records, and the one measure that cannot disagree with the reader is the reader. So a child opens
the workbook with its address space limited, as this process would, and says the size of each sheet
up to the first with data (the one read); its crash is a refusal here, and so is a sheet over
``MAX_CELLS``. Only then does this process open the file.
"""

from __future__ import annotations

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

# The child's address space: the interpreter and the reader (~150 MB of mappings here), MAX_CELLS of
# calamine's 32-byte cells twice over (the sparse list and the rectangle), and the file itself.
MEMORY_BASE = 1024 * 1024 * 1024
TIME_LIMIT = 60  # seconds of CPU, and per MB of file below: a 65,536 x 256 XLS takes ~2 s here
TIME_PER_MB = 2
_ASKED = re.compile(rb"memory allocation of ([0-9]+) bytes failed")


def needs_probe(path: Path) -> bool:
    """Whether the reader will parse records ``book_guard`` cannot measure: a file that is no zip
    (XLS is an OLE compound file) or a zip holding an XLSB workbook part."""
    try:
        with zipfile.ZipFile(path) as book:
            return "xl/workbook.bin" in book.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return True


def memory_limit(size: int) -> int:
    return MEMORY_BASE + 2 * size


def probe(path: Path) -> None:
    """Raise ``BookTooLarge`` if the reader, tried apart, crashes, runs too long or finds a sheet over
    ``MAX_CELLS``; return when it opened the file within the limits (or said why it cannot: the
    reading here will say the same, as it always has)."""
    size = path.stat().st_size
    limit = memory_limit(size)
    seconds = TIME_LIMIT + TIME_PER_MB * size / 1e6
    command = [sys.executable, "-m", __name__, str(path), str(limit), str(int(seconds))]
    environment = {**os.environ, "RUST_BACKTRACE": "0"}  # the abort's backtrace is not wanted
    try:
        done = subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, timeout=seconds * 2, env=environment
        )
    except subprocess.TimeoutExpired:
        raise BookTooLarge(_refusal(f"had not finished after {seconds * 2:,.0f} seconds", limit)) from None
    except OSError as error:
        raise BookTooLarge(
            Problem("", f"cannot be read safely: no separate process could be started to open it first ({error})")
        ) from None
    answer = _answer(done.stdout) if done.returncode == 0 else None
    if answer is None:
        raise BookTooLarge(_refusal(_how(done.returncode, done.stderr), limit))
    for name, rows, columns in answer.get("sheets", []):
        too_many_cells(f"its sheet {name!r}", rows, columns)


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
    """(name, rows, columns) of each sheet, in order, up to the first with data, as ``sheet_read`` reads them."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    found = []
    for index, name in enumerate(book.sheet_names):
        sheet = book.get_sheet_by_index(index)
        found.append((name, sheet.height, sheet.width))
        if sheet.height:
            break
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
