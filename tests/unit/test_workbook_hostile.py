"""Workbooks made to cost: found by a review of the probe and the formats readers, each reproduced first."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop import book_copy, ods_formats
from junquito_tui.core.interop.book_formats import MONTH, YEAR, FoundCells
from junquito_tui.core.interop.xlsx_formats import xlsx_cells
from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import write_ods, write_xlsx

XLS = Path(__file__).parent.parent / "data" / "sheets" / "timelinejs-sheet.xls"


def test_a_damaged_part_is_said_not_reported_as_a_bug(tmp_path: Path) -> None:
    # a part's checksum flipped in the zip's directory: "this is a bug in junquito-tui" before
    path = write_xlsx(tmp_path / "crc.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as book:
        crc = book.getinfo("xl/worksheets/sheet1.xml").CRC
    at = raw.rindex(b"PK\x01\x02" + raw[raw.index(b"PK\x01\x02") + 4 : raw.index(b"PK\x01\x02") + 16])
    entry = raw.index(struct.pack("<I", crc), at)
    raw[entry] ^= 0xFF
    path.write_bytes(raw)
    with pytest.raises(DatasetError) as raised:
        load_with_report(path)
    message = raised.value.problems[0].message
    assert "its part 'xl/worksheets/sheet1.xml' is damaged (Bad CRC-32" in message and "bug" not in message


def test_a_workbook_is_read_from_a_private_copy_that_goes_with_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # opened once and copied: a file swapped between the probe and the reading (a bomb put in place
    # of the file the probe passed) aborted the app
    made: list[Path] = []
    real = tempfile.mkdtemp

    def watched(prefix: str) -> str:
        folder = real(prefix=prefix)
        made.append(Path(folder))
        assert os.stat(folder).st_mode & 0o777 == 0o700  # the app's own
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", watched)
    assert len(load_with_report(XLS).dataset.events) == 3
    (folder,) = made
    assert not folder.exists()  # removed once read


@pytest.mark.skipif(os.name != "posix", reason="a reading's lock is a POSIX flock")
def test_a_copy_left_by_a_killed_app_is_removed_by_the_next(tmp_path: Path) -> None:
    # the app killed mid-read (SIGKILL: no finally runs) left the received file in the temp folder;
    # the system lets go of its lock, whatever process ids another container would see
    import fcntl

    script = (
        "import sys, time\nfrom pathlib import Path\nfrom junquito_tui.core.interop.book_copy import private_copy\n"
        "with private_copy(Path(sys.argv[1]), 10**6) as copy:\n    print(copy, flush=True)\n    time.sleep(60)\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    child = subprocess.Popen([sys.executable, "-c", script, str(XLS)], stdout=subprocess.PIPE, env=env, text=True)
    assert child.stdout is not None
    copy = Path(child.stdout.readline().strip())
    assert book_copy.remove_left_behind(tmp_path) == [] and copy.exists()  # its reading holds the lock
    child.kill()
    child.wait()
    assert copy.read_bytes() == XLS.read_bytes()  # left behind
    running = tmp_path / f"{book_copy.PREFIX}live"  # a reading under way in this process: kept
    running.mkdir()
    with (running / book_copy.LOCK).open("x") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        other = tmp_path / f"{book_copy.PREFIX}link"  # a link is never followed nor removed
        other.symlink_to(copy.parent)
        mine = tmp_path / f"{book_copy.PREFIX}notes"  # a folder of that name without our lock file
        mine.mkdir()
        assert book_copy.remove_left_behind(tmp_path) == [copy.parent]
    assert not copy.parent.exists() and running.is_dir() and other.is_symlink() and mine.is_dir()


def test_a_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    # calamine could not open it ("No such file or directory"): the copy has a plain name
    path = Path(os.fsdecode(bytes(tmp_path) + b"/ev\xffnts.xls"))
    path.write_bytes(XLS.read_bytes())
    loaded = load_with_report(path)
    assert len(loaded.dataset.events) == 3
    assert loaded.dataset.sources[0].title == "TimelineJS sheet ev\ufffdnts.xls"  # the byte shown, not lost


def test_a_copy_is_refused_when_the_file_grew_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "grown.xls"
    path.write_bytes(XLS.read_bytes())
    monkeypatch.setattr(book_copy, "open_regular", lambda target, limit: path.open("rb"))  # measured small
    with (
        pytest.raises(DatasetError, match="is 5,632 bytes, over the limit of 1,000"),
        book_copy.private_copy(path, 1000),
    ):
        pass


def test_formatted_empty_cells_are_not_taken_for_dates(tmp_path: Path) -> None:
    # '<c r="B7" s="3"/>' holds nothing (the reader skips it): 5 million of them cost 1.1 GB as found cells
    rows: list[list[object]] = [["date", "title"], ["2018-01-15", "x"]]
    path = write_xlsx(tmp_path / "empty.xlsx", rows, empty_formatted_rows=100)  # type: ignore[arg-type]
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(b'numFmtId="14"', b'numFmtId="17"')  # style 1: mmm-yy
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    assert xlsx_cells(path, "od1", False, frozenset()).shown == []


@given(st.sets(st.tuples(st.integers(0, 40), st.integers(0, 3), st.sampled_from([MONTH, YEAR])), max_size=60))
def test_the_childs_answer_holds_every_cell_it_found(cells: set[tuple[int, int, str]]) -> None:
    # single cells merged into runs down their column, then read back: the same cells, nothing more
    unique = {(row, column): what for row, column, what in sorted(cells)}
    found = FoundCells([(row, 1, column, 1, what) for (row, column), what in unique.items()])
    back = FoundCells.of_json(found.to_json())
    assert back is not None
    expanded = {
        (r, c): w
        for row, count, column, columns, w in back.shown
        for r in range(row, row + count)
        for c in range(column, column + columns)
    }
    assert expanded == unique


def test_an_answer_of_another_shape_is_not_taken() -> None:
    assert FoundCells.of_json({"shown": [[1, 1, 0, 1, "decade"]], "uncomputed": [], "said": []}) is None
    assert FoundCells.of_json({"shown": [[-1, 1, 0, 1, "month"]], "uncomputed": [], "said": []}) is None
    assert FoundCells.of_json({"shown": [], "uncomputed": [[1]], "said": []}) is None
    assert FoundCells.of_json([1, 2]) is None


def test_the_ods_styles_are_found_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the body's tag cut between two chunks; the search was over the whole each time (80 s for 400 MB)
    path = write_ods(tmp_path / "styles.ods", [["date", "title"], ["2018-01-15", "x"]])
    with zipfile.ZipFile(path) as book:
        content = book.read("content.xml")
    cut = content.index(b"<office:body") + 5
    for size in (cut, cut - 3, 7):
        monkeypatch.setattr(ods_formats, "CHUNK", size)
        with zipfile.ZipFile(path) as book:
            found = ods_formats._content_styles(book)
        assert found is not None and found.tag.endswith("document-content")


_ROW = st.tuples(
    st.booleans(), st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=4)
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=6), st.integers(0, 2))
def test_cells_are_placed_where_the_reader_places_them(
    layout: list[tuple[bool, list[tuple[bool, bool, bool]]]], gap: int
) -> None:
    # the oracle is python-calamine itself: rows and cells with and without references (some in
    # lower case), dates in a month style here and there; the walk must find each date where the
    # reader puts it
    from python_calamine import CalamineWorkbook

    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "w.xlsx", [["x"]])
        rows, number = [], 0
        for row_numbered, cells in layout:
            number += 1 + gap
            column, parts = 0, []
            for numbered, lower, dated in cells:
                column += 1 + gap
                letter = chr(64 + column)
                reference = f' r="{letter.lower() if lower else letter}{number}"' if numbered else ""
                value = ' s="3"><v>42887</v>' if dated else ' t="inlineStr"><is><t>x</t></is>'
                parts.append(f"<c{reference}{value}</c>")
            row_reference = f' r="{number}"' if row_numbered else ""
            rows.append(f"<row{row_reference}>{''.join(parts)}</row>")
        with zipfile.ZipFile(path) as book:
            content = {name: book.read(name) for name in book.namelist()}
        sheet = content["xl/worksheets/sheet1.xml"]
        start = sheet.index(b"<sheetData>") + len(b"<sheetData>")
        end = sheet.index(b"</sheetData>")
        content["xl/worksheets/sheet1.xml"] = sheet[:start] + "".join(rows).encode() + sheet[end:]
        content["xl/styles.xml"] = (
            content["xl/styles.xml"]
            .replace(b'<cellXfs count="3">', b'<cellXfs count="4">')
            .replace(b"</cellXfs>", b'<xf numFmtId="17" applyNumberFormat="1"/></cellXfs>')
        )
        with zipfile.ZipFile(path, "w") as book:
            for name, data in content.items():
                book.writestr(name, data)
        sheet_read = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        first = sheet_read.start or (0, 0)
        import datetime as dt

        expected = {
            (first[0] + r, first[1] + c)
            for r, row in enumerate(sheet_read.to_python())
            for c, cell in enumerate(row)
            if isinstance(cell, dt.date)
        }
        found = xlsx_cells(path, "od1", False, frozenset())
        # every date the reader gives is found where it gives it (a styled cell that a later one
        # overwrites in the reader is found too: harmless, as only a date is ever read as shown)
        assert expected <= {(row, column) for row, _, column, _, _ in found.shown}


def test_an_ods_file_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    from junquito_tui.core.interop.book_formats import find

    path = write_ods(tmp_path / "sheet.ods", [["date", "title"], ["2018-01-15", "x"]])
    renamed = tmp_path / "no-suffix"
    renamed.write_bytes(path.read_bytes())
    assert find(renamed, "od1", False, frozenset()).said == []  # not taken for an XLSX with parts missing
