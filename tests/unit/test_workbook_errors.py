"""Cells holding a spreadsheet error ('#N/A', '#REF!', 'Err:502'), which the reader gives as empty
(ODS: as 0): a summary, a title or a date lost without a word. Read as the sheet shows them, said."""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop.binary_formats import _ERROR_RECORD, ERROR_CODES
from junquito_tui.core.interop.book_errors import UNKNOWN, error_text, read_errors
from junquito_tui.core.interop.book_formats import FoundCells
from junquito_tui.core.loader import load_with_report
from sheet_files import XlsbCell, XlsbError, write_ods, write_xlsb, write_xlsx

ROWS: list[list[str | None]] = [["date", "title", "summary"], ["2017-06-01", "A", "XX1"], ["2017-06-02", "XX2", "y"]]
ROWS += [["XX3", "C", "z"]]
SHEETS = Path(__file__).parent.parent / "data" / "sheets"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def _patched(path: Path, part: str, changes: dict[str, str]) -> Path:
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    text = parts[part].decode()
    for pattern, replacement in changes.items():
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, pattern
    parts[part] = text.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def _events(path: Path) -> tuple[dict[str, str], list[str]]:
    loaded = load_with_report(path)
    return {e.title: e.summary for e in loaded.dataset.events}, [str(w) for w in loaded.warnings]


def test_xlsx_error_cells_are_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    # before: the summary '#REF!' was empty, the title '#N/A' was 'no title', the date '#VALUE!' 'no date'
    path = _patched(
        write_xlsx(tmp_path / "errors.xlsx", ROWS),
        "xl/worksheets/sheet1.xml",
        {
            r'<c r="C2"[^>]*>.*?</c>': '<c r="C2" t="e"><v>#REF!</v></c>',  # typed in: no formula
            r'<c r="B3"[^>]*>.*?</c>': '<c r="B3" t="e"><f>NA()</f><v>#N/A</v></c>',
            r'<c r="A4"[^>]*>.*?</c>': "<c r='A4' t='e'><f>1+\"a\"</f><v>#VALUE!</v></c>",
        },
    )
    events, warnings = _events(path)
    assert events == {"A": "#REF!", "#N/A": "y"}
    (said,) = [w for w in warnings if "spreadsheet error" in w]
    assert "(C2: #REF!; B3: #N/A; A4: #VALUE!)" in said and said.startswith("3 cells hold")
    assert any("'#VALUE!'" in w and "row skipped" in w for w in warnings)  # named by what it holds


def test_xlsx_error_cells_without_references_are_placed_as_the_reader_places_them(tmp_path: Path) -> None:
    # no r="..." on the cells: the sheet is walked tag by tag
    path = write_xlsx(tmp_path / "walked.xlsx", ROWS)
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    sheet = re.sub(r' r="[A-Z]+[0-9]+"', "", sheet)
    sheet = re.sub(
        r'<c( s="\d+")?( t="inlineStr")?><is><t xml:space="preserve">XX2</t></is></c>',
        '<c t="e"><v>#NAME?</v></c>',
        sheet,
    )
    data = re.search(r"(?s)<sheetData>.*</sheetData>", sheet)
    assert data is not None
    _patched(path, "xl/worksheets/sheet1.xml", {r"(?s)<sheetData>.*</sheetData>": data[0]})
    events, warnings = _events(path)
    assert "#NAME?" in events and any("B3: #NAME?" in w for w in warnings)


def test_ods_error_cells_of_either_type_are_read_as_shown(tmp_path: Path) -> None:
    # LibreOffice marks them calcext:value-type="error"; a float one read as 0, a string one as empty
    path = _patched(
        write_ods(tmp_path / "errors.ods", ROWS),
        "content.xml",
        {
            r"<table:table-cell[^>]*><text:p>XX1</text:p></table:table-cell>": (
                '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
                'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
            ),
            r"<table:table-cell[^>]*><text:p>XX2</text:p></table:table-cell>": (
                '<table:table-cell office:value-type="string" office:string-value="" '
                'calcext:value-type="error"><text:p>Err:502</text:p></table:table-cell>'
            ),
            "office:version=": f'xmlns:calcext="{CALCEXT}" office:version=',
        },
    )
    events, warnings = _events(path)
    assert events["A"] == "#DIV/0!" and "Err:502" in events  # the summary was '0'
    assert any("C2: #DIV/0!; B3: Err:502" in w for w in warnings)


def test_xls_error_cells_are_read_as_the_sheet_shows_them() -> None:
    # before: the summary '#REF!' was empty, the title '#N/A' missing, the date '#VALUE!' 'no date'
    # (the fixture: written once with xlwt 1.3.0, error codes 0x17, 0x2A and 0x0F in C2, B3, A4)
    events, warnings = _events(SHEETS / "errors-in-cells.xls")
    assert events == {"A": "#REF!", "#N/A": "y"}
    (said,) = [w for w in warnings if "spreadsheet error" in w]
    assert "(C2: #REF!; B3: #N/A; A4: #VALUE!)" in said and said.startswith("3 cells hold")
    assert any("'#VALUE!'" in w and "row skipped" in w for w in warnings)


@pytest.mark.parametrize("formula", [False, True], ids=["typed-in", "a-formula's-result"])
def test_xlsb_error_cells_are_read_as_the_sheet_shows_them(tmp_path: Path, formula: bool) -> None:
    rows: list[list[XlsbCell]] = [["date", "title", "summary"], ["2017-06-01", "A", XlsbError(0x17, formula)]]
    rows += [["2017-06-02", XlsbError(0x2A, formula), "y"], [XlsbError(0x0F, formula), "C", "z"]]
    events, warnings = _events(write_xlsb(tmp_path / "errors.xlsb", rows))
    assert events == {"A": "#REF!", "#N/A": "y"}
    assert any("(C2: #REF!; B3: #N/A; A4: #VALUE!)" in w for w in warnings)
    assert any("'#VALUE!'" in w and "row skipped" in w for w in warnings)


def test_a_value_the_reader_has_is_never_replaced() -> None:
    rows: list[list[object]] = [["a", "", 5.0]]
    said = read_errors([(10, 4, "#N/A"), (10, 5, "#N/A"), (10, 6, "#N/A"), (99, 0, "#N/A")], rows, (10, 4))
    assert rows == [["a", "#N/A", 5.0]] and said[0].startswith("1 cell holds") and "F11: #N/A" in said[0]


@given(st.text(max_size=30))
def test_an_error_text_is_a_known_error_or_said_to_be_one(text: str) -> None:
    # the text comes from the file: only what spreadsheets show for an error is shown
    shown = error_text(text)
    assert shown == UNKNOWN or (shown == text.strip() and (shown.startswith("#") or shown.startswith("Err:")))
    assert len(shown) <= 14 and "\n" not in shown


def test_errors_cross_from_the_child_and_only_as_known_texts() -> None:
    found = FoundCells(errors=[(3, 1, "#N/A"), (4, 2, "Err:502")])
    assert FoundCells.of_json(found.to_json()) == found
    forged = found.to_json() | {"errors": [[3, 1, "=HYPERLINK(...)"]]}
    assert FoundCells.of_json(forged) is None


@given(st.integers(0, 0xFFFF), st.integers(0, 0xFF), st.integers(0, 0xFFF), st.sampled_from(sorted(ERROR_CODES)))
def test_every_xls_error_record_is_seen_by_the_scan_that_decides_to_read_the_sheet(
    row: int, column: int, style: int, code: int
) -> None:
    # an XLS sheet is read for its errors only where this pattern matches: it must match every error
    # record BIFF8 writes ([MS-XLS] 2.4.24 BoolErr, 2.4.127 Formula with a cached error)
    cell = struct.pack("<HHH", row, column, style)
    boolerr = struct.pack("<HH", 0x0205, 8) + cell + bytes([code, 1])
    formula = struct.pack("<HH", 0x0006, 26) + cell + bytes([2, 0, code, 0, 0, 0, 0xFF, 0xFF]) + bytes(6)
    number = struct.pack("<HH", 0x0006, 26) + cell + struct.pack("<d", 1.5) + bytes(6)
    boolean = struct.pack("<HH", 0x0205, 8) + cell + bytes([1, 0])
    assert _ERROR_RECORD.search(b"\x00" * 7 + boolerr) and _ERROR_RECORD.search(formula + boolean)
    assert not _ERROR_RECORD.search(number + boolean)
