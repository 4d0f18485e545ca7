"""Which sheet of a workbook is read: the first visible one holding more than blank cells, said.

Before: a hidden first sheet (drafts, lookups) was read in place of the visible one, and the warning
did not say it was hidden; a cover sheet of one space made the file fail with "has no header row".
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import Cell, write_xlsx

DATA: list[list[Cell]] = [["date", "title"], ["2020-01-01", "Visible event"]]
DRAFT: list[list[Cell]] = [["date", "title"], ["1999-01-01", "Draft event"]]


def two_sheets(tmp_path: Path, first: list[list[Cell]], second: list[list[Cell]], *, hidden: str = "") -> Path:
    """A workbook of the sheets 'First' and 'Second' (``hidden``: the one whose state is hidden)."""
    one = write_xlsx(tmp_path / "one.xlsx", first)
    two = write_xlsx(tmp_path / "two.xlsx", second)
    with zipfile.ZipFile(one) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    with zipfile.ZipFile(two) as book:
        parts["xl/worksheets/sheet2.xml"] = book.read("xl/worksheets/sheet1.xml")

    def state(name: str) -> str:
        return ' state="hidden"' if name == hidden else ""

    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b'<sheet name="od1" sheetId="1" r:id="rId1"/>',
        f'<sheet name="First" sheetId="1" r:id="rId1"{state("First")}/>'
        f'<sheet name="Second" sheetId="2" r:id="rId3"{state("Second")}/>'.encode(),
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    )
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def test_a_hidden_first_sheet_is_not_read_in_place_of_the_visible_one(tmp_path: Path) -> None:
    loaded = load_with_report(two_sheets(tmp_path, DRAFT, DATA, hidden="First"))
    assert [e.title for e in loaded.dataset.events] == ["Visible event"]
    assert "read sheet 'Second', the first visible one with data, of 2: 'First' (hidden), 'Second'" in loaded.warnings


def test_a_hidden_sheet_is_read_when_no_visible_one_holds_data_and_that_is_said(tmp_path: Path) -> None:
    loaded = load_with_report(two_sheets(tmp_path, [[None]], DRAFT, hidden="Second"))
    assert [e.title for e in loaded.dataset.events] == ["Draft event"]
    assert any("read sheet 'Second', hidden, read as no visible sheet holds data" in w for w in loaded.warnings)


def test_a_cover_sheet_of_blank_cells_is_passed_over_and_named(tmp_path: Path) -> None:
    loaded = load_with_report(two_sheets(tmp_path, [[" ", None], [None, "  "]], DATA))
    assert [e.title for e in loaded.dataset.events] == ["Visible event"]
    assert "sheet 'First' holds only blank cells: not read" in loaded.warnings


def test_a_workbook_of_blank_sheets_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"no sheet with data \(only blank cells in sheets 'First', 'Second'\)"):
        load_with_report(two_sheets(tmp_path, [[" "]], [["\t"]]))


def test_a_problem_with_the_sheet_read_names_it_among_the_others(tmp_path: Path) -> None:
    unknown: list[list[Cell]] = [["colour", "size"], ["red", "large"]]
    with pytest.raises(DatasetError) as raised:
        load_with_report(two_sheets(tmp_path, unknown, DATA))
    message = raised.value.problems[0].message
    assert message.startswith("the layout is not recognised")
    assert message.endswith("(read sheet 'First', the first with data, of 2: 'First', 'Second')")


@pytest.mark.parametrize(
    "first",
    [
        [["This workbook lists events. See sheet Second."]],  # a cover: one line of text
        [["date", "title"]],  # a template: the column names alone
    ],
)
def test_a_cover_or_an_empty_template_before_the_data_is_passed_over_named(
    tmp_path: Path, first: list[list[Cell]]
) -> None:
    # before: the cover failed the file ('remove the lines above them'); the template gave 0 events and 'ok'
    loaded = load_with_report(two_sheets(tmp_path, first, DATA))
    assert [e.title for e in loaded.dataset.events] == ["Visible event"]
    assert "sheet 'First' holds one line only, no rows under it: not read" in loaded.warnings


def test_a_workbook_of_one_line_sheets_still_reads_the_first(tmp_path: Path) -> None:
    loaded = load_with_report(two_sheets(tmp_path, [["date", "title"]], [["A note"]]))
    assert loaded.dataset.events == ()
    assert "read sheet 'First', the first with data, of 2: 'First', 'Second'" in loaded.warnings
    assert "sheet 'Second' holds one line only, no rows under it: not read" in loaded.warnings


def test_a_data_sheet_with_a_title_above_its_names_is_the_one_read(tmp_path: Path) -> None:
    # before (this round's first fix): passed over for its one-cell first line, and a later sheet (a list of
    # sources) imported as the chronology; it is read, and the title above its names named
    titled: list[list[Cell]] = [["Chronology of the raid (compiled by X)"], *DATA]
    with pytest.raises(DatasetError, match="remove the lines above them"):
        load_with_report(two_sheets(tmp_path, titled, DRAFT))


def test_a_sheet_after_the_one_read_is_named_with_its_rows(tmp_path: Path) -> None:
    # before (found by a review): a chronology split into sheets '2018' and '2019' gave 2018's events, the
    # other sheet only listed by name, nothing saying it held rows that were not read
    loaded = load_with_report(two_sheets(tmp_path, DATA, [*DRAFT, ["1999-01-02", "Another draft"]]))
    assert [e.title for e in loaded.dataset.events] == ["Visible event"]
    assert (
        "not read: 'Second', 3 rows (the rows its cells span); one sheet is read, the first visible one with data: "
        "to read another, move it first or save it as a file of its own"
    ) in loaded.warnings
    hidden = load_with_report(two_sheets(tmp_path, DRAFT, DATA, hidden="First"))
    assert any(w.startswith("not read: 'First' (hidden), 2 rows") for w in hidden.warnings)
    blank_after = load_with_report(two_sheets(tmp_path, DATA, [[" "]]))
    assert not any(w.startswith("not read:") for w in blank_after.warnings)  # said as blank instead
