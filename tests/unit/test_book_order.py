"""The day/month order a workbook's date cells are formatted in, as evidence for its text dates (found by
a review): a historian's '05/03/1899', typed as text (no spreadsheet stores a date before 1900), was
read as 3 May, "assumed: no date in the file shows it", beside date cells all formatted dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from junquito_tui.core.interop.book_formats import FoundCells
from junquito_tui.core.interop.book_order import day_order, evidence, ods_day_order
from junquito_tui.core.loader import Loaded, load_with_report
from sheet_files import Cell, XlsbCell, write_xlsb, write_xlsx

XLS = Path(__file__).parent.parent / "data" / "sheets" / "dates-text-beside-day-first-cells.xls"
ROWS: list[list[Cell]] = [
    ["Date", "Event"],
    ["05/03/1899", "Founding (text: before 1900)"],
    [dt.datetime(2018, 1, 15), "Siege"],
    [dt.datetime(2018, 1, 25), "Funeral"],
]


@pytest.mark.parametrize(
    ("code", "order"),
    [
        ("dd/mm/yyyy", "dmy"),
        ("mm/dd/yy", "mdy"),
        ("d.m.yyyy", "dmy"),
        ("dd/mm/yyyy hh:mm", "dmy"),  # minutes are no month
        ("hh:mm mm/dd/yyyy", "mdy"),
        ("dd/mm", "dmy"),
        ("d mmm yyyy", None),  # a month's name says nothing of how numbers are written
        ("yyyy-mm-dd", None),  # nor does ISO's order
        ("mmm-yy", None),
        ("[<40000]dd/mm/yyyy;mm/dd/yyyy", None),  # two looks, two orders
        ("General", None),
        ("0.00", None),
    ],
)
def test_the_order_a_format_writes_out(code: str, order: str | None) -> None:
    assert day_order(code) == order


def test_the_order_an_ods_date_style_writes_out() -> None:
    number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

    def style(*parts: str, textual: bool = False) -> ElementTree.Element:
        element = ElementTree.Element(f"{{{number}}}date-style")
        for part in parts:
            child = ElementTree.SubElement(element, f"{{{number}}}{part}")
            if part == "month" and textual:
                child.set(f"{{{number}}}textual", "true")
        return element

    assert ods_day_order(style("day", "text", "month", "text", "year")) == "dmy"
    assert ods_day_order(style("month", "day", "year")) == "mdy"
    assert ods_day_order(style("day", "month", "year", textual=True)) is None
    assert ods_day_order(style("year", "month", "day")) is None


def dated(loaded: Loaded) -> dict[str, tuple[str, str | None]]:
    return {e.title: (e.when.date, e.when.note) for e in loaded.dataset.events if e.when}


def formatted(tmp_path: Path, code: str, number: int = 164) -> Path:
    """ROWS as an XLSX whose date cells are in ``code`` (numbered ``number``: 164 and up are custom)."""
    path = write_xlsx(tmp_path / "book.xlsx", ROWS)
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    styles = parts["xl/styles.xml"].replace(b'formatCode="yyyy-mm-dd hh:mm"', f'formatCode="{code}"'.encode())
    parts["xl/styles.xml"] = styles.replace(b'<xf numFmtId="164"', f'<xf numFmtId="{number}"'.encode())
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


@pytest.mark.parametrize(("code", "read"), [("dd/mm/yyyy", "1899-03-05"), ("mm/dd/yyyy", "1899-05-03")])
def test_an_xlsx_text_date_takes_the_order_of_the_sheets_date_cells(tmp_path: Path, code: str, read: str) -> None:
    loaded = load_with_report(formatted(tmp_path, code))
    date, note = dated(loaded)["Founding (text: before 1900)"]
    shown = "dd/mm" if code.startswith("dd") else "mm/dd"
    assert date == read
    assert note is not None and note.endswith(f"as the sheet's 2 date cells are formatted ({shown}, such as row 3)")
    assert not any("assumed" in warning for warning in loaded.warnings)


def test_one_formatted_date_cell_is_said_as_one() -> None:
    found = FoundCells()
    found.orders["dmy"] = (1, 9)
    assert evidence(found) == ("dmy", "as the sheet's one date cell is formatted (dd/mm, such as row 10)")


def test_excels_built_in_short_date_is_no_evidence(tmp_path: Path) -> None:
    # numFmtId 14 is shown in the order of the computer's language: the assumption stays, said
    loaded = load_with_report(formatted(tmp_path, "m/d/yyyy", number=14))
    date, note = dated(loaded)["Founding (text: before 1900)"]
    assert (date, note) == ("1899-05-03", "could be day/month or month/day: read as month/day, assumed: "
                            "no date the file writes as text shows it")  # fmt: skip


def test_an_xls_text_date_takes_the_order_of_the_sheets_date_cells() -> None:
    # written by xlwt, its date cells in a custom dd/mm/yyyy
    dates = dated(load_with_report(XLS))
    assert dates["Fundación del pueblo (texto: antes de 1900)"][0] == "1899-03-05"
    assert dates["Comienza el asedio"][0] == "2018-01-15"


def test_an_xlsb_text_date_takes_the_order_of_the_sheets_date_cells(tmp_path: Path) -> None:
    rows: list[list[XlsbCell]] = [
        ["Date", "Event"],
        ["05/03/1899", "Founding"],
        [(43115.0, "dd/mm/yyyy"), "Siege"],
    ]
    assert dated(load_with_report(write_xlsb(tmp_path / "book.xlsb", rows)))["Founding"][0] == "1899-03-05"


def test_the_childs_counts_cross_the_pipe_and_a_malformed_answer_is_refused() -> None:
    found = FoundCells(orders={"dmy": (3, 2)})
    assert FoundCells.of_json(found.to_json()) == found
    for bad in ({"ymd": [1, 2]}, {"dmy": [1]}, {"dmy": [-1, 2]}, {"dmy": "x"}, [1]):
        assert FoundCells.of_json({**found.to_json(), "orders": bad}) is None
