"""XLS and XLSB date cells formatted to show only a month or a year are read as shown, as XLSX and ODS
ones are: before, a cell showing "Jun-17" became an event of 1 June 2017, precise to the day, unsaid."""

from __future__ import annotations

import resource
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop import binary_formats
from junquito_tui.core.loader import load_with_report
from sheet_files import XlsbCell, _xlsb_record, write_xlsb

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
    found = binary_formats.binary_cells(FIXTURE, "Chronology", False)
    assert found is not None and not found.shown
    assert "number formats could not be read (Unsupported format, or corrupt file)" in found.said[0]


def test_an_xls_whose_merged_cells_claim_the_whole_sheet_costs_only_the_bounded_child() -> None:
    # 5.6 KB: a MERGEDCELLS record rewritten to rows 6-65,536 and columns D-65,536 (xlwt, then patched);
    # calamine ignores it, but xlrd padded every row to it: 47 GB in the app's own process
    path = Path(__file__).parent.parent / "data" / "hostile" / "xls-merged-cells-claim-the-whole-sheet.xls"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Shown as Jun-17", "Raid"]
    assert any("number formats could not be read" in w for w in loaded.warnings)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB: the child paid
    assert {e.title: e.when.date for e in loaded.dataset.events if e.when}["Shown as Jun-17"] == "2017-06-01"


def test_files_of_other_formats_are_left_to_their_own_readers(tmp_path: Path) -> None:
    from sheet_files import write_xlsx

    assert binary_formats.binary_cells(write_xlsx(tmp_path / "x.xlsx", [["date"], ["2018"]]), "Sheet1", False) is None


@given(st.lists(st.tuples(st.integers(0, 0x3FFF), st.binary(max_size=300)), max_size=20))
def test_records_are_read_back_as_written(records: list[tuple[int, bytes]]) -> None:
    # types take one or two bytes (7 bits each), sizes one to four: every split is met
    written = b"".join(_xlsb_record(kind, data) for kind, data in records)
    assert list(binary_formats._records(written)) == records


def test_a_record_size_past_128_bytes_is_read_whole() -> None:
    data = bytes(range(256)) * 600  # 153,600 bytes: a size in three bytes
    assert list(binary_formats._records(_xlsb_record(0x0269, data))) == [(0x0269, data)]


def test_a_duration_is_no_time_of_day() -> None:
    # a TimelineJS Time cell formatted '[h]:mm' showing 30:00 was read as 06:00 of the day
    from datetime import timedelta

    from junquito_tui.core.interop.sheet_clock import read_time

    assert read_time(timedelta(hours=30)) == "30:00 is a duration, not a time of day"
    assert read_time(timedelta(minutes=-90)) == "-1:30 is a duration, not a time of day"
    assert read_time(timedelta(hours=14, minutes=30)) == {"hour": 14, "minute": 30}  # a second of 0: none stated
    assert read_time(timedelta(hours=14, minutes=30, seconds=5)) == {"hour": 14, "minute": 30, "second": 5}


def test_an_xlsb_time_is_read_to_the_second_it_shows(tmp_path: Path) -> None:
    # 14:30 on 5 June 2017 in a binary float is 14:29:59.994: shown 'h:mm', it is 14:30
    rows: list[list[XlsbCell]] = [["date", "title"], [(42891.604166666, "h:mm"), "Time only"], ["2017-06-05", "Day"]]
    loaded = load_with_report(write_xlsb(tmp_path / "t.xlsb", rows))
    assert [e.title for e in loaded.dataset.events] == ["Day"]
    assert any(w.startswith("row 2: '14:30:00': a time of day without a date") for w in loaded.warnings)


def test_xlsb_records_outside_the_sheet_data_are_not_cells(tmp_path: Path) -> None:
    # the reader reads cells only between BrtBeginSheetData and BrtEndSheetData; 20 million styled
    # records before it cost 4.4 GB when they were counted
    path = write_xlsb(tmp_path / "pre.xlsb", [["date", "title"], [(42887.0, "mmm-yy"), "Shown as Jun-17"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    stray = b"".join(
        _xlsb_record(0x05, column.to_bytes(4, "little") + (1).to_bytes(4, "little") + bytes(8)) for column in range(50)
    )
    sheet = parts["xl/worksheets/sheet1.bin"]
    begin = _xlsb_record(0x91)
    parts["xl/worksheets/sheet1.bin"] = sheet.replace(begin, stray + begin, 1)
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    found = binary_formats.binary_cells(path, "s", False)
    assert found is not None and found.shown == [(1, 1, 0, 1, "month")]


def test_an_xls_locale_built_in_does_not_stop_the_other_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    # xlrd keeps Excel's locale built-ins (27-36, 50-58) with no text: 'shown(None)' raised and every
    # format of the file went unread ("Jun-17" read as 1 June 2017)
    class Format:
        def __init__(self, text: str | None) -> None:
            self.format_str = text

    class Style:
        def __init__(self, key: int) -> None:
            self.format_key = key

    class Book:
        format_map = {31: Format(None), 17: Format("mmm-yy")}
        xf_list = [Style(31), Style(17)]

    assert binary_formats._xls_styles(Book()) == {0: "locale", 1: "month"}
