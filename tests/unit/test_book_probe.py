"""Binary workbooks (XLS, XLSB) whose records claim far more cells than they hold: opened first by the
reader in a child process with bounded memory, refused by name here when it crashes or finds too many.

Before: a 5.6 KB XLS with one cell at row 65,536, column 65,536 made python-calamine ask for 137 GB
and abort the process (exit 134, the terminal left in the app's screen); so did a DIMENSIONS record
claiming 16 million rows (44 TB) and an XLSB cell at XFD1048576 (512 GB).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from junquito_tui.core.interop.book_guard import MAX_CELLS, BookTooLarge
from junquito_tui.core.interop.book_probe import needs_probe, probe
from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import write_xlsb, write_xlsx

SHEETS = Path(__file__).parent.parent / "data" / "sheets"
XLS = SHEETS / "timelinejs-sheet.xls"
# The fixture's NUMBER record (type 0x0203, 14 bytes) at row 2, column 3, and its DIMENSIONS record
# (0x0200, 14 bytes: first row, last row + 1 as 32-bit numbers, then the columns as 16-bit ones).
NUMBER = struct.pack("<HHHH", 0x0203, 14, 2, 3)
DIMENSIONS = struct.pack("<HHII", 0x0200, 14, 0, 5)


def patched_xls(tmp_path: Path, old: bytes, new: bytes, name: str = "bomb.xls") -> Path:
    raw = XLS.read_bytes()
    assert raw.count(old) == 1
    path = tmp_path / name
    path.write_bytes(raw.replace(old, new))
    return path


def far_cell_xls(tmp_path: Path, row: int, column: int) -> Path:
    return patched_xls(tmp_path, NUMBER, struct.pack("<HHHH", 0x0203, 14, row, column))


def refusal(path: Path) -> str:
    with pytest.raises(DatasetError) as raised:
        load_with_report(path)
    (problem,) = raised.value.problems
    return problem.message


def test_an_xls_cell_at_the_far_corner_is_refused_without_harm(tmp_path: Path) -> None:
    path = far_cell_xls(tmp_path, 0xFFFF, 0xFFFF)
    assert path.stat().st_size == XLS.stat().st_size  # 5.6 KB, as before
    message = refusal(path)
    assert "separate process" in message and "asked for 137,438,953,472 bytes" in message
    assert f"{MAX_CELLS:,} cells" in message


def test_an_xls_dimensions_record_claiming_millions_of_rows_is_refused(tmp_path: Path) -> None:
    path = patched_xls(tmp_path, DIMENSIONS, struct.pack("<HHII", 0x0200, 14, 0, 0x00FFFFFF))
    assert "asked for" in refusal(path)


def test_an_xls_within_the_memory_but_over_the_cells_is_refused_with_its_size(tmp_path: Path) -> None:
    # 65,536 rows by 101 columns: 210 MB for the reader, but more cells than are read from a workbook
    path = far_cell_xls(tmp_path, 0xFFFF, 100)
    message = refusal(path)
    assert "its sheet" in message and "65,536 rows by 101 columns (6,619,136 cells)" in message


def test_an_xlsb_cell_at_the_far_corner_is_refused(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "far.xlsb", [["date", "title"], ["2018-01-15", "x"]], far=(1_048_575, 16_383))
    assert path.stat().st_size < 1000
    assert "asked for 549,755,813,888 bytes" in refusal(path)
    # the column is a 32-bit number in XLSB: far beyond any spreadsheet's last one
    wide = write_xlsb(tmp_path / "wide.xlsb", [["date", "title"], ["2018-01-15", "x"]], far=(1, 0xFFFFFFF0))
    assert "asked for" in refusal(wide)


def test_workbooks_within_the_limits_open_as_before(tmp_path: Path) -> None:
    assert load_with_report(XLS).summary == "read 4 rows of data: 3 events, 1 title row, none skipped"
    rows: list[list[str | float]] = [["date", "title"], ["2018-01-15", "Raid"], ["2017-06-27", "Helicopter"]]
    book = load_with_report(write_xlsb(tmp_path / "ok.xlsb", rows)).dataset
    assert [e.title for e in book.events] == ["Helicopter", "Raid"]
    # a dimension record claiming more rows than are filled allocates nothing by itself
    claimed = write_xlsb(tmp_path / "claimed.xlsb", rows, dimension=0xFFFFFFF)
    assert len(load_with_report(claimed).dataset.events) == 2


def test_only_what_the_xml_guard_cannot_measure_is_probed(tmp_path: Path) -> None:
    assert needs_probe(XLS)
    assert needs_probe(write_xlsb(tmp_path / "b.xlsb", [["date"], ["2018"]]))
    assert not needs_probe(write_xlsx(tmp_path / "x.xlsx", [["date"], ["2018"]]))
    # an XLS renamed as anything else is still an OLE file the reader parses as XLS
    renamed = tmp_path / "renamed.csv"
    shutil.copy(far_cell_xls(tmp_path, 0xFFFF, 0xFFFF), renamed)
    assert needs_probe(renamed) and "asked for" in refusal(renamed)


def test_a_file_the_reader_cannot_parse_gets_the_readers_own_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(XLS.read_bytes()[:3000])  # cut short: no bomb, a damaged file
    probe(path)  # the child says it cannot open it; that is no refusal of its own
    assert "cannot be read as a spreadsheet" in refusal(path)


def test_a_child_that_cannot_start_or_answer_is_a_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "run", no_process)
    with pytest.raises(BookTooLarge, match="no separate process could be started"):
        probe(XLS)

    def silent(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(command, 0, b"not an answer\n", b"")

    monkeypatch.setattr(subprocess, "run", silent)
    with pytest.raises(BookTooLarge, match="failed"):
        probe(XLS)

    def killed(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(command, -9, b"", b"")

    monkeypatch.setattr(subprocess, "run", killed)
    with pytest.raises(BookTooLarge, match="ended by SIGKILL"):
        probe(XLS)

    def slow(command: list[str], **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(command, 1.0)

    monkeypatch.setattr(subprocess, "run", slow)
    with pytest.raises(BookTooLarge, match="had not finished"):
        probe(XLS)


def test_the_command_line_says_what_is_wrong_and_exits_2(tmp_path: Path) -> None:
    path = far_cell_xls(tmp_path, 0xFFFF, 0xFFFF)
    for command in (["validate", str(path)], ["--data", str(path)]):
        done = subprocess.run(
            [sys.executable, "-m", "junquito_tui", *command], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2, done.stderr[-2000:]
        assert "bomb.xls" in done.stderr and "asked for" in done.stderr
        assert "Traceback" not in done.stderr and "memory allocation" not in done.stderr
