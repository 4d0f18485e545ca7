"""Workbook dates formatted to show only a month or a year are read as shown (python-calamine gives the
stored first day and not the format: 'June 2017' typed in Excel became the day 1 June 2017)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from junquito_tui.core.interop.book_formats import shown
from junquito_tui.core.interop.sheet_dates import DAY_ZERO, Parsed, read_date
from junquito_tui.core.loader import load_with_report
from sheet_files import Cell, write_xlsx

# three more cell styles after the fixture's three: 3 'mmm-yy' (built-in 17), 4 'mmmm yyyy', 5 'yyyy'
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>'
    '<numFmt numFmtId="165" formatCode="[$-409]mmmm\\ yyyy;@"/><numFmt numFmtId="166" formatCode="yyyy"/></numFmts>'
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="17" applyNumberFormat="1"/>'
    '<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)


def workbook(tmp_path: Path, styles: list[str]) -> Path:
    """A sheet of one date per row (1 June 2017 each), row N's cell in the style ``styles[N]``."""
    rows: list[list[Cell]] = [["date", "title"]]
    rows += [[dt.date(2017, 6, 1), f"Style {style}"] for style in styles]
    path = write_xlsx(tmp_path / "formats.xlsx", rows)
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for number, style in enumerate(styles, 2):
        sheet = sheet.replace(f'<c r="A{number}" s="1">'.encode(), f'<c r="A{number}" s="{style}">'.encode())
    parts["xl/worksheets/sheet1.xml"], parts["xl/styles.xml"] = sheet, STYLES.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("code", "what"),
    [
        ("mmm-yy", "month"),
        ("mmmm yyyy", "month"),
        ("[$-409]mmmm\\ yyyy;@", "month"),
        ("yyyy", "year"),
        ('"Year "yyyy', "year"),
        ("d-mmm-yy", None),
        ("m/d/yyyy", None),
        ("yyyy-mm-dd hh:mm", None),
        ("h:mm", None),
        ("0.00", None),
    ],
)
def test_what_a_number_format_shows(code: str, what: str | None) -> None:
    assert shown(code) == what


def test_dates_are_read_as_their_format_shows_them(tmp_path: Path) -> None:
    loaded = load_with_report(workbook(tmp_path, ["1", "3", "4", "5"]))
    dates = {e.title: (e.when.date, e.when.precision) for e in loaded.dataset.events if e.when}
    assert dates == {
        "Style 1": ("2017-06-01", "day"),  # m/d/yyyy (built-in 14) shows the day
        "Style 3": ("2017-06", "month"),
        "Style 4": ("2017-06", "month"),
        "Style 5": ("2017", "year"),
    }
    assert any("3 date cells are formatted to show only the month or the year" in w for w in loaded.warnings)


def test_a_workbook_whose_formats_all_show_the_day_says_nothing(tmp_path: Path) -> None:
    loaded = load_with_report(workbook(tmp_path, ["1", "1"]))
    assert [e.when.precision for e in loaded.dataset.events if e.when] == ["day", "day"]
    assert not any("formatted to show" in w for w in loaded.warnings)


def test_a_date_cell_at_day_zero_is_named_not_read(tmp_path: Path) -> None:
    # 30 December 1899, midnight, is what python-calamine makes of a date cell holding NaN
    path = write_xlsx(
        tmp_path / "zero.xlsx", [["date", "title"], [dt.date(2017, 6, 2), "NaN"], [dt.date(2017, 6, 1), "Real"]]
    )
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"<v>42888</v>", b"<v>NaN</v>")
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Real"]
    assert any(w.startswith("row 2:") and "day 0 of a spreadsheet's day numbers" in w for w in loaded.warnings)
    assert read_date(dt.datetime(1899, 12, 30)) == read_date(dt.date(1899, 12, 30)) == DAY_ZERO
    assert isinstance(read_date(dt.datetime(1899, 12, 30, 12, 0)), Parsed)  # a time that day is a time
