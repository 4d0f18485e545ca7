"""XLS and XLSB date cells formatted to show only a month or a year are read as shown, as XLSX and ODS
ones are: before, a cell showing "Jun-17" became an event of 1 June 2017, precise to the day, unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop import binary_formats
from junquito_tui.core.loader import load_with_report
from sheet_files import _xlsb_record, write_xlsb

FIXTURE = Path(__file__).parent.parent / "data" / "sheets" / "dates-month-year-formats.xls"
SHOWN = {
    "Shown as Jun-17": ("2017-06", "month"),
    "Shown as December 2017": ("2017-12", "month"),
    "Shown as 2018": ("2018", "year"),
    "Shown as 15 Jan 2018": ("2018-01-15", "day"),
    "Shown with its time": ("2018-01-15T05:30", "minute"),
}


def dates(path: Path) -> dict[str, tuple[str, str]]:
    events = load_with_report(path).dataset.events
    return {e.title: (e.when.date, e.when.precision.value) for e in events if e.when is not None}


def test_an_xls_cell_is_read_at_the_precision_its_format_shows() -> None:
    assert dates(FIXTURE) == SHOWN
    warnings = load_with_report(FIXTURE).warnings
    assert any("3 date cells are formatted to show only the month or the year" in w for w in warnings)


def test_an_xlsb_cell_is_read_at_the_precision_its_format_shows(tmp_path: Path) -> None:
    path = write_xlsb(
        tmp_path / "formats.xlsb",
        [
            ["date", "title"],
            [(42887.0, "mmm-yy"), "Shown as Jun-17"],
            [(42887.0, "[$-409]mmmm\\ yyyy;@"), "Shown as June 2017"],
            [(43101.0, "yyyy"), "Shown as 2018"],
            [(43115.0, "d mmm yyyy"), "Shown as 15 Jan 2018"],
        ],
    )
    assert dates(path) == {
        "Shown as Jun-17": ("2017-06", "month"),
        "Shown as June 2017": ("2017-06", "month"),
        "Shown as 2018": ("2018", "year"),
        "Shown as 15 Jan 2018": ("2018-01-15", "day"),
    }


def test_formats_that_cannot_be_read_are_said(monkeypatch: pytest.MonkeyPatch) -> None:
    import xlrd

    def damaged(*args: object, **kwargs: object) -> None:
        raise xlrd.XLRDError("Unsupported format, or corrupt file")

    monkeypatch.setattr(xlrd, "open_workbook", damaged)
    loaded = load_with_report(FIXTURE)
    assert any("number formats could not be read (Unsupported format, or corrupt file)" in w for w in loaded.warnings)
    # the dates are the days the file stores, as the warning says
    assert {e.title: e.when.date for e in loaded.dataset.events if e.when}["Shown as Jun-17"] == "2017-06-01"


def test_files_of_other_formats_are_left_to_their_own_readers(tmp_path: Path) -> None:
    from sheet_files import write_xlsx

    assert binary_formats.binary_cells(write_xlsx(tmp_path / "x.xlsx", [["date"], ["2018"]]), "Sheet1", []) is None


@given(st.lists(st.tuples(st.integers(0, 0x3FFF), st.binary(max_size=300)), max_size=20))
def test_records_are_read_back_as_written(records: list[tuple[int, bytes]]) -> None:
    # types take one or two bytes (7 bits each), sizes one to four: every split is met
    written = b"".join(_xlsb_record(kind, data) for kind, data in records)
    assert list(binary_formats._records(written)) == records


def test_a_record_size_past_128_bytes_is_read_whole() -> None:
    data = bytes(range(256)) * 600  # 153,600 bytes: a size in three bytes
    assert list(binary_formats._records(_xlsb_record(0x0269, data))) == [(0x0269, data)]
