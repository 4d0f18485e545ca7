"""The csv module alone (``quick_csv``): whatever file it reads, it reads as ``open_table`` does (header,
each row's line and cells, empty rows); any other file it leaves to it."""

from __future__ import annotations

import codecs
import csv
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.quick_csv import _SCAN_BYTES, NotQuick, _cells, open_quick, twice_marked
from junquito_tui.core.interop.sheet_read import open_table
from junquito_tui.core.interop.sheets import Sheet


def _ordinary(path: Path) -> tuple[list[str], int, list[tuple[str, list[Any]]], int, list[str]]:
    sheet = Sheet(path, open_table(path))
    rows = list(sheet.rows())
    return sheet.header.names, sheet.table.header_at, rows, sheet.counts.empty, sheet.finish_notes()


def _quick(path: Path) -> tuple[list[str], int, list[tuple[str, list[Any]]], int, list[str]]:
    with open_quick(path) as quick:
        rows: list[tuple[str, list[Any]]] = []
        empty = 0
        for wheres, cells, skipped in quick.chunks(3):  # small chunks: rows across their edges
            rows += zip(wheres, cells, strict=True)
            empty += skipped
        return quick.table.header, quick.table.header_at, rows, empty, quick.table.notes


_PLAIN = ["a", "", " ", "1,5", 'say "hi"', "é", "\t", "2018-01-15", "ẞ", '"', ',"']
_CELLS = st.sampled_from(_PLAIN * 8 + ["x\ny", "Ã©", "é\r\nb"])  # now and then, one open_table reads its own way
_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    lines = [draw(st.sampled_from(["", "\n"])) + "id,date,title"]
    for _ in range(draw(st.integers(0, 8))):
        cells = draw(st.lists(_CELLS, min_size=0, max_size=4))
        quoted = [f'"{c.replace(chr(34), chr(34) * 2)}"' if draw(st.booleans()) or c[:1] in ',"' else c for c in cells]
        lines.append(",".join(quoted))
    text = "".join(line + draw(_ENDS) for line in lines)
    data = text.encode("utf-8")
    return (codecs.BOM_UTF8 if draw(st.booleans()) else b"") + data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_files())
def test_a_file_read_quickly_is_read_as_open_table_reads_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(data)
    try:
        quick = _quick(path)
    except NotQuick:
        event("left to open_table")
        return
    event("read quickly")
    assert quick == _ordinary(path)


_LINE_PARTS = st.sampled_from(["a", "", " ", ",", '"', '""', "\0", "é", "\t", "x y", ", "])


@st.composite
def _lines(draw: st.DrawFn) -> list[str]:
    """Lines as a file's iteration gives them: each ends with its line end, the last perhaps with none."""
    texts = draw(st.lists(st.lists(_LINE_PARTS, max_size=6).map("".join), min_size=1, max_size=8))
    lines = [text + draw(_ENDS) for text in texts]
    if texts[-1] and draw(st.booleans()):
        lines[-1] = texts[-1]
    return lines


@settings(max_examples=500, deadline=None)
@given(_lines())
def test_a_line_s_cells_are_what_the_csv_module_reads_in_it(lines: list[str]) -> None:
    """The oracle: the csv module (strict) reading each line alone. A line it cannot read as one row
    of its own (a quote left open, a NUL) ends the quick reading."""
    expected: list[list[str]] | None = []
    for line in lines:
        try:
            rows = list(csv.reader([line], strict=True))
        except csv.Error:
            rows = []
        if expected is not None and len(rows) == 1:
            expected.append(rows[0])
        else:
            expected = None
    if expected is None:
        event("left to the ordinary reading")
        with pytest.raises(NotQuick):
            _cells(lines)
    else:
        quoted = sum('"' in line for line in lines)
        event("split" if not quoted else "all read by the csv module" if quoted * 2 > len(lines) else "split in part")
        assert _cells(lines) == expected


def test_a_cell_over_the_csv_module_s_limit_ends_the_quick_reading_as_open_table_refuses_it() -> None:
    """Found in review: split at its commas, a line with no quote was read whatever its cells' length."""
    limit = csv.field_size_limit()
    with pytest.raises(NotQuick):
        _cells(["a," + "x" * (limit + 1) + "\n"])
    assert _cells(["a," + "x" * limit + "\n"]) == [["a", "x" * limit]]  # (the limit itself is allowed)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a quoted line break", b'id,title\n1,"two\nlines"\n'),
        ("a quote never closed", b'id,title\n1,"open\n'),
        ("a closing quote with more after it", b'id,title\n1,"a"b\n'),
        ("semicolons", b"id;title;date\n1;a;2018\n"),
        ("text decoded twice", "id,title\n1,EhrenÃ¤mter\n".encode()),
        ("UTF-16", "id,title\n1,a\n".encode("utf-16")),
    ],
)
def test_a_file_open_table_reads_its_own_way_is_left_to_it(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(data)
    with pytest.raises(NotQuick):
        _quick(path)


@pytest.mark.parametrize("rows", [1, 5000])  # in the sample, and past it
def test_a_legacy_file_is_not_read_quickly(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(("id,title\n" + "1,a\n" * rows + "2,Fundación\n").encode("cp1252"))
    with pytest.raises(NotQuick):
        _quick(path)


# The marks as one alternation, as they were first written: the oracle for the scan by lead byte.
_ONE_PATTERN = re.compile(b"\xc3[\x82\x83\xa2]|\xc2\xac|\xe2\x88\x9a|\xc6\x92|\xe2\x89\x88|\xe2\x80\x9a")
_MARK_BYTES = st.sampled_from([b"\xc3", b"\xc2", b"\xc6", b"\xe2", b"\x82", b"\x83", b"\xa2", b"\xac", b"\x88", b"\x89",
                               b"\x9a", b"\x92", b"\x80", b"a", b"\xa9"])  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_MARK_BYTES, max_size=12).map(b"".join))
def test_the_scan_for_text_decoded_twice_finds_what_one_pattern_finds(block: bytes) -> None:
    assert twice_marked(block) == (_ONE_PATTERN.search(block) is not None)


# Each mark cut after its first byte, or its first two (a mark of three bytes): the cut at a block's end.
_CUTS = [(mark, cut) for mark in ["Ã¤", "Â", "â€š", "¬", "√", "ƒ", "≈", "‚"] for cut in range(1, len(mark.encode()))]


@pytest.mark.parametrize(("mark", "cut"), _CUTS)
def test_a_mark_of_text_decoded_twice_across_two_blocks_is_seen(tmp_path: Path, mark: str, cut: int) -> None:
    encoded = mark.encode()
    head = "id,title\n1,"
    filler = "a" * (_SCAN_BYTES - len(head) - cut)  # the mark starts `cut` bytes before the first block ends
    path = tmp_path / "file.csv"
    path.write_bytes((head + filler).encode() + encoded + b"\n")
    with pytest.raises(NotQuick, match="decoded twice"):
        _quick(path)
