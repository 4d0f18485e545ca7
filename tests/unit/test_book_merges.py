"""Merged cells: a date written once beside the three events of its day, a source merged over two rows.
The reader gives the value in the range's first row only: the rows under it were skipped ("no date")
or lost their source. Each row a range spans is now read with the value the sheet shows for it, said."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop.book_formats import FoundCells
from junquito_tui.core.interop.book_merges import Range, spread
from junquito_tui.core.loader import Loaded, load_with_report
from sheet_files import Cell, XlsbCell, write_ods, write_xlsb, write_xlsx

XLS = Path(__file__).parent.parent / "data" / "sheets" / "merged-cells-dates-and-sources.xls"
ROWS: list[list[Cell]] = [
    ["Date", "Event", "Source"],
    ["2018-01-15", "Siege begins", "El Nacional"],
    [None, "Negotiation", None],
    [None, "Final assault", "AP"],
    ["2018-01-16", "Bodies handed over", "AP"],
]
SAID = (
    "2 ranges of merged cells show one value across several rows (A2:A4, C2:C3): each row is read with the value "
    "the sheet shows for it (rows 3-4), not as empty"
)


def read(loaded: Loaded) -> dict[str, tuple[str | None, list[str]]]:
    """Each event's date and its sources' titles (after the file's own, every event's first), by title."""
    titles = {source.id: source.title for source in loaded.dataset.sources}
    assert all(titles[event.sources[0]].startswith("Spreadsheet ") for event in loaded.dataset.events)
    return {
        event.title: (event.when.date if event.when else None, [titles[s] for s in event.sources[1:]])
        for event in loaded.dataset.events
    }


def expected_of(loaded: Loaded) -> None:
    assert read(loaded) == {
        "Siege begins": ("2018-01-15", ["El Nacional"]),
        "Negotiation": ("2018-01-15", ["El Nacional"]),
        "Final assault": ("2018-01-15", ["AP"]),
        "Bodies handed over": ("2018-01-16", ["AP"]),
    }
    assert SAID in loaded.warnings
    assert loaded.summary is not None and "4 events, none skipped" in loaded.summary


def test_an_xlsx_merged_date_and_source_are_read_for_every_row_they_span(tmp_path: Path) -> None:
    expected_of(load_with_report(write_xlsx(tmp_path / "m.xlsx", ROWS, merges=["A2:A4", "C2:C3"])))


def test_an_ods_merged_date_and_source_are_read_for_every_row_they_span(tmp_path: Path) -> None:
    # python-calamine gives no ranges for ODS: the probe's child reads table:number-rows-spanned
    expected_of(load_with_report(write_ods(tmp_path / "m.ods", ROWS, merges={(1, 0): (3, 1), (1, 2): (2, 1)})))


def test_an_xlsb_merged_date_and_source_are_read_for_every_row_they_span(tmp_path: Path) -> None:
    # nor for XLSB: the child reads its BrtMergeCell records, after the sheet data
    rows: list[list[XlsbCell]] = [[cell if isinstance(cell, str) else "" for cell in row] for row in ROWS]
    expected_of(load_with_report(write_xlsb(tmp_path / "m.xlsb", rows, merges=[(1, 3, 0, 0), (1, 2, 2, 2)])))


def test_an_xls_merged_date_and_source_are_read_for_every_row_they_span() -> None:
    # written by xlwt (write_merge), Spanish headers, a date cell in dd/mm/yyyy
    loaded = load_with_report(XLS)
    assert read(loaded) == {
        "Comienza el asedio": ("2018-01-15", ["El Nacional"]),
        "Negociacion": ("2018-01-15", ["El Nacional"]),
        "Asalto final": ("2018-01-15", ["AP"]),
        "Entrega de cuerpos": ("2018-01-16", ["AP"]),
    }
    assert SAID in loaded.warnings


def test_without_merges_the_empty_cells_stay_empty_and_nothing_is_said(tmp_path: Path) -> None:
    loaded = load_with_report(write_xlsx(tmp_path / "plain.xlsx", ROWS))
    assert set(read(loaded)) == {"Siege begins", "Bodies handed over"}  # the two dateless rows skipped, named
    assert not any("merged" in warning for warning in loaded.warnings)


def test_a_range_across_columns_only_changes_nothing(tmp_path: Path) -> None:
    # a title written over three columns: its value is the first column's, where the reader gives it
    rows: list[list[Cell]] = [["Date", "Event", "Source"], ["2018-01-15", "A title over two columns", None]]
    loaded = load_with_report(write_xlsx(tmp_path / "across.xlsx", rows, merges=["B2:C2"]))
    assert read(loaded) == {"A title over two columns": ("2018-01-15", [])}
    assert not any("merged" in warning for warning in loaded.warnings)


def test_a_range_claiming_the_whole_sheet_costs_only_the_rows_there_are(tmp_path: Path) -> None:
    # Excel's last row and column: the rows filled are the sheet's own three, in no time
    rows: list[list[Cell]] = [["Date", "Event"], ["2018-01-15", "a"], [None, "b"], [None, "c"]]
    path = write_xlsx(tmp_path / "huge.xlsx", rows, merges=["A2:XFD1048576"])
    began = time.process_time()
    loaded = load_with_report(path)
    assert time.process_time() - began < 5
    assert [e.when.date for e in loaded.dataset.events if e.when] == ["2018-01-15"] * 3
    assert any("(A2:XFD1048576)" in warning and "(rows 3-4)" in warning for warning in loaded.warnings)


def test_the_childs_ranges_cross_the_pipe_and_a_malformed_answer_is_refused() -> None:
    found = FoundCells(merges=[(1, 3, 0, 1)])
    back = FoundCells.of_json(found.to_json())
    assert back is not None and back.merges == [(1, 3, 0, 1)] and back.merged() == [((1, 0), (3, 0))]
    for bad in ([[1, 3, 0]], [[1, 0, 0, 1]], [[1, 3, -1, 1]], [[1, 3, 0, "1"]], [[1, 3, 0, 1, 5]], [7], "x"):
        assert FoundCells.of_json({**found.to_json(), "merges": bad}) is None
    older = {key: value for key, value in found.to_json().items() if key != "merges"}
    assert FoundCells.of_json(older) == FoundCells()  # an older child's answer: no ranges


GRID = st.lists(st.lists(st.sampled_from(["", " ", "x", "y", None, 7]), min_size=0, max_size=5), max_size=7)
RANGES = st.lists(
    st.tuples(st.integers(0, 9), st.integers(0, 4), st.integers(0, 9), st.integers(0, 4)).map(
        lambda r: ((r[0], r[1]), (r[0] + r[2], r[1] + r[3]))
    ),
    max_size=4,
).filter(lambda ranges: not any(_overlap(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :]))


def _overlap(a: Range, b: Range) -> bool:
    """Whether two ranges share a cell: Excel and LibreOffice never write such merges, and which one a cell
    then follows is no reading of the sheet (the oracle and ``spread`` may differ there: a fuzz found one)."""
    (top, left), (bottom, right) = a
    (top2, left2), (bottom2, right2) = b
    return top <= bottom2 and top2 <= bottom and left <= right2 and left2 <= right


@given(GRID, RANGES, st.tuples(st.integers(0, 2), st.integers(0, 2)))
def test_spread_matches_a_brute_force_reading_of_the_sheet(
    grid: list[list[object]], merges: list[Range], start: tuple[int, int]
) -> None:
    # the oracle: a cell takes a value only if it is empty, in the first column of a range, below its first
    # row, and that first cell holds a value (ranges in the sheet's order: a later one sees the earlier's)
    expected = [list(row) for row in grid]
    for (top, left), (bottom, _) in sorted(merges):
        at, across = top - start[0], left - start[1]
        if not (0 <= at < len(expected) and 0 <= across < len(expected[at])):
            continue
        value = expected[at][across]
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        for below in range(at + 1, len(expected)):
            if below <= bottom - start[0] and across < len(expected[below]):
                cell = expected[below][across]
                if cell is None or (isinstance(cell, str) and not cell.strip()):
                    expected[below][across] = value
    original = [list(row) for row in grid]
    said = spread(grid, merges, start)
    assert grid == expected
    assert bool(said) == (grid != original)  # said exactly when a row took a value


def test_a_merged_day_keeps_its_format_in_the_rows_it_spans(tmp_path: Path) -> None:
    # the first cell is a date cell (numFmt 14): the rows under it take that day, not a number
    rows: list[list[Cell]] = [["Date", "Event"], [dt.date(2018, 1, 15), "a"], [None, "b"]]
    loaded = load_with_report(write_xlsx(tmp_path / "day.xlsx", rows, merges=["A2:A3"]))
    assert [(e.title, e.when.date if e.when else None) for e in loaded.dataset.events] == [
        ("a", "2018-01-15"),
        ("b", "2018-01-15"),
    ]
