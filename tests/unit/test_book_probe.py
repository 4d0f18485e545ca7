"""Workbooks whose records claim far more than they hold: opened first by the reader in a child process
with bounded memory, refused by name here when it crashes there or finds too many cells.

Before: a 5.6 KB XLS with one cell at row 65,536, column 65,536 made python-calamine ask for 137 GB
and abort the process (exit 134, the terminal left in the app's screen); so did a DIMENSIONS record
claiming 16 million rows (44 TB), an XLSB cell at XFD1048576 (512 GB) and an XLSX of 3.5 KB whose
shared strings claim a count of 4 billion (96 GB).
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from junquito_tui.core import child_process
from junquito_tui.core.interop import book_guard, book_probe
from junquito_tui.core.interop.book_guard import MAX_CELLS, BookTooLarge, check_workbook
from junquito_tui.core.interop.book_probe import Probe
from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import write_ods, write_xlsb, write_xlsx

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


def test_an_xlsx_whose_shared_strings_claim_billions_is_refused(tmp_path: Path) -> None:
    # no cell is far away, so the guard's measure of the cells passes it; the reader reserved by the count
    path = write_xlsx(tmp_path / "strings.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    with zipfile.ZipFile(path, "a") as book:
        book.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" '
            'uniqueCount="4000000000"><si><t>a</t></si></sst>',
        )
    assert path.stat().st_size < 5000
    check_workbook(path, 10**9)  # what the guard alone let through
    assert "asked for 96,000,000,000 bytes" in refusal(path)


def test_an_xls_named_as_anything_else_is_still_opened_apart_first(tmp_path: Path) -> None:
    renamed = tmp_path / "renamed.csv"
    shutil.copy(far_cell_xls(tmp_path, 0xFFFF, 0xFFFF), renamed)
    assert "asked for" in refusal(renamed)


def test_a_file_the_reader_cannot_parse_gets_the_readers_own_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(XLS.read_bytes()[:3000])  # cut short: no bomb, a damaged file
    Probe(path, 10**9).sizes()  # the child says it cannot open it: no refusal of its own
    assert "cannot be read as a spreadsheet" in refusal(path)


def child(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """The probe's child replaced by a Python program (a real process) that behaves as ``code`` says."""
    monkeypatch.setattr(child_process, "command", lambda module, *args: [sys.executable, "-c", code])


ANSWER = 'import json, sys; print(json.dumps({"sheets": []}), flush=True); '


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('print("not an answer")', "failed \\(exit status 0\\)|gave no answer"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "ended by SIGKILL"),
        (
            'import os, sys; sys.stderr.write("memory allocation of 1234567 bytes failed\\n"); sys.stderr.flush(); '
            "os.abort()",
            "asked for 1,234,567 bytes",
        ),
        ("import time; time.sleep(30)", "had not finished after 2 seconds"),
    ],
    ids=["garbage", "killed", "aborted", "hung"],
)
def test_a_child_that_fails_to_answer_is_a_refusal(monkeypatch: pytest.MonkeyPatch, code: str, expected: str) -> None:
    monkeypatch.setattr(book_probe, "TIME_LIMIT", 1)
    monkeypatch.setattr(book_probe, "TIME_PER_MB", 0)
    child(monkeypatch, code)
    probe = Probe(XLS, 10**9)
    with pytest.raises(BookTooLarge, match=expected):
        probe.sizes()
    probe.stop()


def test_a_child_that_cannot_start_is_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    with pytest.raises(BookTooLarge, match="no separate process could be started"):
        Probe(XLS, 10**9).sizes()


def test_formats_the_child_cannot_give_are_said_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    # the sizes come, then the child dies reading the formats: the dates are read as stored, said
    child(monkeypatch, ANSWER + "sys.stdin.readline(); import os; os.abort()")
    probe = Probe(XLS, 10**9)
    probe.sizes()
    found = probe.formats("s", False, frozenset())
    assert not found.shown and "the reader opening it apart was ended by SIGABRT" in found.said[0]
    probe.stop()


def test_a_child_still_running_when_the_app_closes_is_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    child(monkeypatch, "import time; time.sleep(30)")
    probe = Probe(XLS, 10**9)  # started, never waited for: the app closed while opening the file
    assert probe.process is not None and probe.process.poll() is None
    child_process._stop_all()
    assert probe.process.poll() is not None and not child_process.RUNNING


def test_the_child_never_imports_from_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `python -m` put the current directory first on sys.path: a json.py next to a received workbook ran
    marker = tmp_path / "ran"
    (tmp_path / "json.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\nraise ImportError\n")
    monkeypatch.chdir(tmp_path)
    assert load_with_report(XLS).summary == "read 4 rows of data: 3 events, 1 title row, none skipped"
    assert not marker.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the kernel's parent-death signal is Linux's")
def test_a_child_ends_when_the_app_is_killed(tmp_path: Path) -> None:
    # atexit does not run on SIGKILL: the kernel ends the child (PR_SET_PDEATHSIG)
    pid_file = tmp_path / "child.pid"
    grandchild = (
        "import os, time; from junquito_tui.core.child_process import end_with_parent; end_with_parent(); "
        f"open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    )
    parent = (
        "import subprocess, sys, time; from junquito_tui.core import child_process; "
        f"subprocess.Popen([sys.executable, '-c', {grandchild!r}], env=child_process.environment()); time.sleep(60)"
    )
    app = subprocess.Popen([sys.executable, "-c", parent])
    for _ in range(100):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.05)
    pid = int(pid_file.read_text())
    app.kill()
    app.wait()
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the child outlived the app")


def test_the_command_line_says_what_is_wrong_and_exits_2(tmp_path: Path) -> None:
    path = far_cell_xls(tmp_path, 0xFFFF, 0xFFFF)
    for command in (["validate", str(path)], ["--data", str(path)]):
        done = subprocess.run(
            [sys.executable, "-m", "junquito_tui", *command], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2, done.stderr[-2000:]
        assert "bomb.xls" in done.stderr and "asked for" in done.stderr
        assert "Traceback" not in done.stderr and "memory allocation" not in done.stderr


def test_a_part_of_mostly_nothing_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a security review: 3.5 MB holding 150 million empty rows (1.8 GB of XML) passed every limit and took a minute;
    # here the same shape at a 1 MB threshold: 4 MB of '<row r="3"/>' packed some 500 times
    monkeypatch.setattr(book_guard, "BOMB_BYTES", 1 << 20)
    path = write_xlsx(tmp_path / "bomb.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", b'<row r="3"/>' * 350_000 + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in {**parts, "xl/worksheets/sheet1.xml": sheet}.items():
            book.writestr(name, data)
    with pytest.raises(BookTooLarge, match=r"'xl/worksheets/sheet1.xml' unpacks to 4,200,\d+ bytes .* zip bomb"):
        check_workbook(path, 10**9)
    # ... and a sheet as large of real cells is read: it packs far less
    rows = [["date", "title"], *([f"2018-01-{1 + n % 28:02d}", f"event {n} {n * 7919 % 10007}"] for n in range(40_000))]
    check_workbook(write_xlsx(tmp_path / "large.xlsx", rows), 10**9)


def test_a_sheet_of_rows_with_almost_no_cells_is_refused_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a re-review: 400 MB of empty rows, a random comment every 100 rows so that it packs only 106 times, passed the
    # ratio and took 19 s blank; here the same shape at a 1 MB threshold
    monkeypatch.setattr(book_guard, "BOMB_BYTES", 1 << 20)
    path = write_xlsx(tmp_path / "sparse.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    filler = b"".join(b'<row r="3"/>' * 100 + f"<!-- {os.urandom(8).hex()} -->".encode() for _ in range(2_000))
    sheet = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", filler + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in {**parts, "xl/worksheets/sheet1.xml": sheet}.items():
            book.writestr(name, data)
    with pytest.raises(BookTooLarge, match=r"holds [\d,]+ bytes of rows and more for 4 filled cells"):
        check_workbook(path, 10**9)


def test_an_ods_row_of_values_repeated_a_million_times_is_refused(tmp_path: Path) -> None:
    # a re-review: 832 bytes, one row of values with table:number-rows-repeated="2000000": 1,048,575 events, 34 s
    path = write_ods(tmp_path / "repeated.ods", [["date", "title"], ["2018-01-15", "x"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    content = parts["content.xml"]
    second = content.index(b"<table:table-row", content.index(b"<table:table-row") + 1)
    content = content[:second] + b'<table:table-row table:number-rows-repeated="2000000"' + content[second + 16 :]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in {**parts, "content.xml": content}.items():
            book.writestr(name, data)
    with pytest.raises(BookTooLarge, match="repeats rows of values 1,999,999 times and more"):
        check_workbook(path, 10**9)


def test_ods_rows_of_values_repeated_are_counted_all_told(tmp_path: Path) -> None:
    # a re-trial: 24 rows each repeated 99,999 times (918 bytes) were 1,048,575 events, each under the limit alone
    path = write_ods(tmp_path / "many.ods", [["date", "title"], *([f"2018-01-{n:02d}", "x"] for n in range(1, 25))])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    content = parts["content.xml"].replace(b"<table:table-row>", b'<table:table-row table:number-rows-repeated="9999">')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in {**parts, "content.xml": content}.items():
            book.writestr(name, data)
    with pytest.raises(BookTooLarge, match=r"repeats rows of values 1\d\d,\d{3} times and more"):
        check_workbook(path, 10**9)
