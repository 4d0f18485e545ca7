"""Rows and columns a sheet hides (found by a review): a row 'DRAFT - do not publish' hidden by its
author, or filtered out by an autofilter showing only 'confirmed', became an event like the others,
and a hidden column's text went into the summaries, without a word. They are still read (the file
holds them), and named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from junquito_tui.core.interop.book_formats import FoundCells
from junquito_tui.core.interop.book_hidden import HIDDEN_ROW, hidden_said
from junquito_tui.core.loader import Loaded, load_with_report
from sheet_files import Cell, XlsbCell, write_ods, write_xlsb, write_xlsx

XLS = Path(__file__).parent.parent / "data" / "sheets" / "hidden-row-and-column.xls"
ROWS: list[list[Cell]] = [
    ["Date", "Event", "Source", "Internal note"],
    [dt.date(2018, 1, 15), "Siege begins", "El Nacional", None],
    [dt.date(2018, 1, 15), "DRAFT - do not publish", "rumour", "unconfirmed"],
    [dt.date(2018, 1, 16), "Bodies handed over", "AP", None],
]
ROW_SAID = (
    "row 3 is hidden in the sheet (by hand, by a filter or in a collapsed group): read as the others are, as the "
    "file holds them; check whether it was meant to be left out"
)
COLUMN_SAID = "column D is hidden in the sheet: read as the others are"


def titles(loaded: Loaded) -> set[str]:
    return {event.title for event in loaded.dataset.events}


def test_an_xlsx_hidden_row_and_column_are_read_and_named(tmp_path: Path) -> None:
    loaded = load_with_report(write_xlsx(tmp_path / "h.xlsx", ROWS, hidden_rows=[3], hidden_columns=[4]))
    assert "DRAFT - do not publish" in titles(loaded) and len(titles(loaded)) == 3
    assert ROW_SAID in loaded.warnings and COLUMN_SAID in loaded.warnings


@pytest.mark.parametrize("visibility", ["collapse", "filter"])
def test_an_ods_row_hidden_or_filtered_out_is_read_and_named(tmp_path: Path, visibility: str) -> None:
    loaded = load_with_report(write_ods(tmp_path / "h.ods", ROWS, hidden_rows={2: visibility}))
    assert len(titles(loaded)) == 3 and ROW_SAID in loaded.warnings


def test_an_xls_hidden_row_and_column_are_read_and_named() -> None:
    # written by xlwt: row 3's ROW record hidden, column D's COLINFO hidden
    loaded = load_with_report(XLS)
    assert "BORRADOR - no publicar" in titles(loaded) and len(titles(loaded)) == 3
    assert ROW_SAID in loaded.warnings and COLUMN_SAID in loaded.warnings


def test_an_xlsb_hidden_row_and_column_are_read_and_named(tmp_path: Path) -> None:
    # BrtRowHdr's fDyZero and BrtColInfo's fHidden (their places as ExcelDataReader reads them)
    rows: list[list[XlsbCell]] = [[cell if isinstance(cell, str) else "" for cell in row] for row in ROWS]
    rows[1][0] = rows[2][0] = rows[3][0] = "2018-01-15"
    loaded = load_with_report(write_xlsb(tmp_path / "h.xlsb", rows, hidden_rows=[2], hidden_columns=[3]))
    assert "DRAFT - do not publish" in titles(loaded) and len(titles(loaded)) == 3
    assert ROW_SAID in loaded.warnings and COLUMN_SAID in loaded.warnings
    plain = load_with_report(write_xlsb(tmp_path / "plain.xlsb", rows))
    assert not any("hidden in the sheet" in warning for warning in plain.warnings)


def test_a_sheet_hiding_nothing_says_nothing(tmp_path: Path) -> None:
    for loaded in (
        load_with_report(write_xlsx(tmp_path / "plain.xlsx", ROWS)),
        load_with_report(write_ods(tmp_path / "plain.ods", ROWS)),
    ):
        assert not any("hidden in the sheet" in warning for warning in loaded.warnings)


def test_hidden_rows_and_columns_holding_nothing_are_not_named() -> None:
    # (the sheet from B2: its rows 2-4, columns B-D) a formatted empty row, a column past the data: nothing
    rows: list[list[object]] = [["Date", "Event"], ["2018", "x"], ["", " "], ["2019", "y"]]
    found = FoundCells(hidden_rows=[(3, 1), (200, 5)], hidden_columns=[(3, 2)])
    assert hidden_said(found, rows, (1, 1)) == []
    found = FoundCells(hidden_rows=[(2, 1), (4, 1)], hidden_columns=[(0, 3)])
    assert hidden_said(found, rows, (1, 1)) == [
        "rows 3, 5 are hidden in the sheet (by hand, by a filter or in a collapsed group): read as the others "
        "are, as the file holds them; check whether they were meant to be left out",
        "columns B, C are hidden in the sheet: read as the others are",
    ]


def test_the_childs_hidden_runs_cross_the_pipe_and_a_malformed_answer_is_refused() -> None:
    found = FoundCells(hidden_rows=[(2, 1)], hidden_columns=[(3, 2)])
    assert FoundCells.of_json(found.to_json()) == found
    for key in ("hidden_rows", "hidden_columns"):
        for bad in ([[1]], [[1, 0]], [[-1, 1]], [[1, True]], "x"):
            assert FoundCells.of_json({**found.to_json(), key: bad}) is None


def _hidden_events(loaded: Loaded) -> set[str]:
    return {event.title for event in loaded.dataset.events if HIDDEN_ROW in event.summary}


def test_an_event_read_from_a_hidden_row_says_so_itself(tmp_path: Path) -> None:
    # before (a user trial): only the warning named the row; its event page, citation and exports were silent
    for loaded in (
        load_with_report(write_xlsx(tmp_path / "h.xlsx", ROWS, hidden_rows=[3])),
        load_with_report(write_ods(tmp_path / "h.ods", ROWS, hidden_rows={2: "filter"})),
        load_with_report(XLS),
    ):
        assert len(_hidden_events(loaded)) == 1 and _hidden_events(loaded) <= {
            "DRAFT - do not publish",
            "BORRADOR - no publicar",
        }
    timelinejs: list[list[Cell]] = [
        ["Year", "Month", "Day", "Headline"],
        [2018, 1, 15, "Shown"],
        [2018, 1, 16, "Retracted"],
    ]
    loaded = load_with_report(write_xlsx(tmp_path / "t.xlsx", timelinejs, hidden_rows=[3]))
    assert _hidden_events(loaded) == {"Retracted"}
    assert _hidden_events(load_with_report(write_xlsx(tmp_path / "plain.xlsx", ROWS))) == set()
