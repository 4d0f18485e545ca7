"""Workbooks that would unpack to far more than they weigh: refused by name before the reader runs.

Each bomb is a few hundred bytes; python-calamine, given the first, asked for 512 GB and aborted the
process (exit 134, the terminal left in the app's screen); the ODS one took 6.7 GB and 108 s.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from junquito_tui.core.interop import book_guard
from junquito_tui.core.interop.book_guard import MAX_CELLS, BookTooLarge, check_workbook
from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import write_ods, write_xlsx

SHEET = "xl/worksheets/sheet1.xml"


def rewritten(path: Path, part: str, old: bytes, new: bytes) -> Path:
    """The workbook with one replacement in one of its XML parts (how a hand-made bomb differs)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def corner_bomb(tmp_path: Path, ref: str = "XFD1048576") -> Path:
    """Two cells of a header, then one far away: the rectangle to it is what the reader allocates."""
    path = write_xlsx(tmp_path / "corner.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    return rewritten(path, SHEET, b'r="B2"', f'r="{ref}"'.encode())


def repeat_bomb(tmp_path: Path, rows: int, columns: int) -> Path:
    """A header, then one row repeated ``rows`` times holding a date and ``columns`` cells of text."""
    path = write_ods(tmp_path / "repeat.ods", [["date", "title"], ["2018-01-15", "x"]])
    path = rewritten(
        path,
        "content.xml",
        b'<table:table-row><table:table-cell office:value-type="string"><text:p>2018-01-15',
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="string">'
        "<text:p>2018-01-15".encode(),
    )
    return rewritten(
        path,
        "content.xml",
        b'<table:table-cell office:value-type="string"><text:p>x<',
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x<'.encode(),
    )


def test_a_cell_at_the_far_corner_is_refused_with_the_size_it_asks_for(tmp_path: Path) -> None:
    path = corner_bomb(tmp_path)
    assert path.stat().st_size < 3000
    with pytest.raises(DatasetError) as raised:
        load_with_report(path)
    (problem,) = raised.value.problems
    assert "1,048,576 rows by 16,384 columns" in problem.message and f"{MAX_CELLS:,}" in problem.message


def test_a_far_cell_in_a_near_row_counts_where_the_cell_says(tmp_path: Path) -> None:
    # the reader places a cell by its own reference, whatever its row's number says
    path = rewritten(
        write_xlsx(tmp_path / "row.xlsx", [["date", "title"], ["2018-01-15", "x"]]), SHEET, b'r="A2"', b'r="A9000000"'
    )
    with pytest.raises(BookTooLarge, match="9,000,000 rows by 2 columns"):
        check_workbook(path, 10**9)


def test_repeated_rows_and_cells_are_counted_as_the_reader_expands_them(tmp_path: Path) -> None:
    with pytest.raises(BookTooLarge, match="60,001 rows by 100 columns"):  # (under the repeats refused alone)
        check_workbook(repeat_bomb(tmp_path, 60_000, 99), 10**9)


def test_a_workbook_within_the_limits_opens_as_before(tmp_path: Path) -> None:
    # formatted empty rows and cells (the hundreds a spreadsheet program leaves) are not cells with data
    rows = [["date", "title"], *[[f"2018-01-{day:02d}", f"Event {day}"] for day in range(1, 29)]]
    for path in (
        write_xlsx(tmp_path / "ok.xlsx", rows, empty_formatted_rows=5000),
        write_ods(tmp_path / "ok.ods", rows, empty_formatted_rows=1_000_000),
    ):
        check_workbook(path, 10**9)
        assert len(load_with_report(path).dataset.events) == 28
    small = repeat_bomb(tmp_path, 2000, 9)  # 2,001 x 10 cells: expanded, and read
    assert len(load_with_report(small).dataset.events) == 2000


def test_the_unpacked_xml_is_held_to_the_byte_limit(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "long.xlsx", [["date", "title"], ["2018-01-15", "x" * 200_000]])
    assert path.stat().st_size < 10_000
    with pytest.raises(DatasetError) as raised:
        load_with_report(path, max_bytes=100_000)
    assert "unpacks to" in raised.value.problems[0].message and "--max-bytes" in raised.value.problems[0].message


def test_the_command_line_says_what_is_wrong_and_exits_2(tmp_path: Path) -> None:
    path = corner_bomb(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "junquito_tui", "validate", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert "corner.xlsx" in done.stderr and "16,384 columns" in done.stderr and "Traceback" not in done.stderr


def test_the_column_letters_count_as_the_spreadsheet_numbers_them() -> None:
    assert [book_guard.column_number(c) for c in (b"A", b"Z", b"AA", b"AZ", b"ZZ", b"XFD")] == [
        1,
        26,
        27,
        52,
        702,
        16384,
    ]


def test_a_sheet_stored_outside_the_usual_folder_is_measured_too(tmp_path: Path) -> None:
    # the reader follows the workbook's relations to any part: a bomb need not be in xl/worksheets/
    path = corner_bomb(tmp_path)
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/elsewhere"] = parts.pop(SHEET)  # not even named .xml
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b'Target="worksheets/sheet1.xml"', b'Target="elsewhere"')
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    with pytest.raises(BookTooLarge, match="1,048,576 rows by 16,384 columns"):
        check_workbook(path, 10**9)


def test_a_cell_in_the_last_bytes_of_a_part_is_measured(tmp_path: Path) -> None:
    # the scan reads a part in chunks ending before a tag: what follows the last '<' is read too
    path = write_xlsx(tmp_path / "tail.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    path = rewritten(path, SHEET, b"</sheetData></worksheet>", b'<c r="XFD1048576" t="n">')
    with pytest.raises(BookTooLarge, match="16,384 columns"):
        check_workbook(path, 10**9)
