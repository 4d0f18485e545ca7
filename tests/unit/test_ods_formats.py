"""ODS workbooks: dates formatted to show only a month or a year are read as shown (python-calamine gives
the stored day, not the format), and rows of formula cells that keep no computed value, which the reader
sees empty, are named rather than counted among the empty rows."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from junquito_tui.core.interop import ods_formats
from junquito_tui.core.interop.ods_formats import ods_cells
from junquito_tui.core.loader import load_with_report
from sheet_files import write_ods

_STYLE_NS = (
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
)
# content.xml's automatic styles: ce1 shows 'MMM YY' (N37), ce2 a year through its parent 'YearOnly'
# (a common style of styles.xml), ce3 the day (N38), ce4 the month and an hour (N39: no day)
AUTOMATIC = (
    "<office:automatic-styles>"
    '<number:date-style style:name="N37"><number:month number:textual="true"/><number:text> </number:text>'
    "<number:year/></number:date-style>"
    '<number:date-style style:name="N38"><number:year number:style="long"/><number:text>-</number:text>'
    "<number:month/><number:text>-</number:text><number:day/></number:date-style>"
    '<number:date-style style:name="N39"><number:month/><number:text>/</number:text><number:year/>'
    "<number:text> </number:text><number:hours/></number:date-style>"
    '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" '
    'style:data-style-name="N37"/>'
    '<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="YearOnly"/>'
    '<style:style style:name="ce3" style:family="table-cell" style:data-style-name="N38"/>'
    '<style:style style:name="ce4" style:family="table-cell" style:data-style-name="N39"/>'
    "</office:automatic-styles>"
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    f'{_STYLE_NS}office:version="1.2"><office:styles>'
    '<number:date-style style:name="N50"><number:year number:style="long"/></number:date-style>'
    '<style:style style:name="Default" style:family="table-cell"/>'
    '<style:style style:name="YearOnly" style:family="table-cell" style:data-style-name="N50"/>'
    "</office:styles></office:document-styles>"
)


def _rewrite(path: Path, change: dict[str, str]) -> Path:
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name).decode() for name in book.namelist()}
    parts.update(change)
    with zipfile.ZipFile(path, "w") as book:
        for name, text in parts.items():
            book.writestr(name, text, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return path


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    f'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" {_STYLE_NS}'
)


def text(value: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def day(style: str | None, value: str = "2017-06-01") -> str:
    named = f' table:style-name="{style}"' if style else ""
    return f'<table:table-cell{named} office:value-type="date" office:date-value="{value}"/>'


def row(*cells: str, repeated: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


def workbook(
    tmp_path: Path, rows: list[str], *, automatic: str = AUTOMATIC, styles: str | None = STYLES, columns: str = ""
) -> Path:
    """An ODS file whose sheet 'od1' holds ``rows`` (after an empty sheet: the reader takes the first
    with data), with these automatic styles and styles.xml (the ones above unless told); the archive
    is the one ``write_ods`` makes."""
    path = write_ods(tmp_path / "book.ods", [["placeholder"]])
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
        f"{automatic}<office:body><office:spreadsheet>"
        '<table:table table:name="empty"><table:table-row><table:table-cell/></table:table-row></table:table>'
        f'<table:table table:name="od1">{columns}{"".join(rows)}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    return _rewrite(path, {"content.xml": content, **({"styles.xml": styles} if styles else {})})


def _dates(path: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    loaded = load_with_report(path)
    found = [(e.title, e.when.date, e.when.precision.value) for e in loaded.dataset.events if e.when]
    return found, loaded.warnings


def test_ods_dates_are_read_as_their_style_shows_them(tmp_path: Path) -> None:
    # the third column's cells that name no style take the column's, ce1 (after two columns written as one)
    columns = (
        '<table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:default-cell-style-name="ce1"/>'
    )
    empty = "<table:table-cell/>"
    spanned = (
        '<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Covered</text:p>'
        "</table:table-cell><table:covered-table-cell/>"
    )
    path = workbook(
        tmp_path,
        [
            row(text("title"), text("note"), text("date")),
            row(text("Month"), empty, day("ce1")),
            row('<table:table-cell table:number-columns-repeated="3"/>', repeated=3),  # empty rows, one element
            row(text("Year"), empty, day("ce2", "2016-01-01")),
            row(text("Day"), empty, day("ce3")),
            row(text("Month and hour"), empty, day("ce4", "2015-03-01T10:00:00")),
            row(text("Column's style"), empty, day(None, "2014-02-01")),
            row(spanned, day("ce2", "2012-08-01")),  # a covered cell is a cell
            row(text("Repeated"), empty, day("ce1", "2013-05-01"), repeated=2),
        ],
        columns=columns,
    )
    dates, warnings = _dates(path)
    assert sorted(dates) == [
        ("Column's style", "2014-02", "month"),
        ("Covered", "2012", "year"),
        ("Day", "2017-06-01", "day"),
        ("Month", "2017-06", "month"),
        ("Month and hour", "2015-03", "month"),  # before: 2015-03-01T10:00, a day the sheet does not show
        ("Repeated", "2013-05", "month"),
        ("Repeated", "2013-05", "month"),
        ("Year", "2016", "year"),
    ]
    assert any("6 date cells are formatted to show only the month or the year" in w for w in warnings)
    assert any(w.startswith("1 date cell is formatted to show the month or the year and a time but") for w in warnings)
    assert ods_cells(path, "od1", False).shown[-1] == (10, 2, 2, 1, "month")  # the repeated row, 0-based


# styles that all show the day: ce3 as above, and a common style of styles.xml
DAY_ONLY = (
    AUTOMATIC[: AUTOMATIC.index('<number:date-style style:name="N39">')].replace(
        '<number:month number:textual="true"/>', '<number:day/><number:month number:textual="true"/>'
    )
    + "</office:automatic-styles>"
)


@pytest.mark.parametrize(
    ("automatic", "styles"),
    [("", None), (DAY_ONLY, STYLES.replace("<number:year", "<number:day/><number:year"))],
    ids=["no styles", "styles showing the day"],
)
def test_an_ods_file_whose_styles_all_show_the_day_says_nothing_and_walks_no_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, automatic: str, styles: str | None
) -> None:
    def no_walk(*_: object) -> None:
        raise AssertionError("the cells were walked")

    monkeypatch.setattr(ods_formats, "_walk", no_walk)
    rows = [row(text("date"), text("title")), row(day("ce3"), text("Day")), row(day(None), text("Plain"))]
    dates, warnings = _dates(workbook(tmp_path, rows, automatic=automatic, styles=styles))
    assert dates == [("Day", "2017-06-01", "day"), ("Plain", "2017-06-01", "day")]
    assert not any("formatted to show" in w or "formulas" in w for w in warnings)


FORMULA = '<table:table-cell table:formula="of:=[.A2]+1"/>'


def test_ods_rows_of_formulas_without_values_are_named(tmp_path: Path) -> None:
    computed = '<table:table-cell table:formula="of:=1" office:value-type="float" office:value="1"/>'
    error = (
        '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="">'
        "<text:p>#DIV/0!</text:p></table:table-cell>"
    )
    path = workbook(
        tmp_path,
        [
            row(FORMULA),  # above the header
            row(text("date"), text("title")),
            row(day(None, "2017-06-02"), text("First")),
            row(FORMULA, FORMULA),  # row 4
            row(day(None, "2017-06-03"), text("Computed"), computed, FORMULA),  # has values: an event
            row(error, '<table:table-cell table:formula="of:=1" office:value-type="float"/>', repeated=3),  # 6-8
            row(day(None, "2017-06-04"), text("Last")),
            row(FORMULA, repeated=2),  # 10-11, after the last the reader keeps
        ],
        automatic="",
        styles=None,
    )
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["First", "Computed", "Last"]
    named = [w for w in loaded.warnings if "formulas the file keeps no computed value" in w]
    assert named == [
        "rows 1, 4, 6 and 4 more: their cells are formulas the file keeps no computed value for (save the sheet "
        "again in LibreOffice or Excel to store them); the rows are empty to the reader",
        # an event's row: its formula cell is lost to the reader, said too
        "row 5: cells in it are formulas the file keeps no computed value for (save the sheet again in LibreOffice "
        "or Excel to store them); those cells are empty to the reader",
    ]
    found = ods_cells(path, "od1", False)
    assert found.uncomputed == [(0, 1), (3, 1), (4, 1), (5, 3), (9, 2)] and not found.shown


def test_one_row_of_formulas_without_values_is_named_alone(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            row(text("date"), text("title")),
            row(day(None, "2017-06-02"), text("First")),
            row(FORMULA, FORMULA),
            row(day(None, "2017-06-03"), text("Second")),
        ],
    )
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["First", "Second"]
    assert (
        "row 3: its cells are formulas the file keeps no computed value for (save the sheet again in LibreOffice "
        "or Excel to store them); the row is empty to the reader"
    ) in loaded.warnings


@pytest.mark.parametrize(
    ("parts", "what"),
    [
        (["quarter"], "no year"),  # 'Q2': no year, no day shown
        (["week-of-year"], "no year"),
        (["era"], "no year"),
        (["day-of-week", "year"], "year"),  # 'Thu 2017'
        (["day-of-week", "month", "year"], "month"),
        (["day", "year"], "year"),  # '15 2017': a day of no month
        (["day", "month", "year"], "day"),
        (["hours"], "hour of the day"),  # '14': no minutes, no time to the minute
        (["year", "month", "day", "hours"], "hour"),  # the day, its hour in the note
        (["year", "month", "day", "hours", "am-pm"], "hour"),
        (["year", "month", "day", "hours", "minutes"], "day and time"),
        (["year", "month", "hours", "minutes"], "month, time"),
        (["year", "hours"], "year, time"),
    ],
)
def test_what_an_ods_date_style_shows(parts: list[str], what: str) -> None:
    from xml.etree import ElementTree

    number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
    style = ElementTree.Element(f"{{{number}}}date-style")
    for part in parts:
        ElementTree.SubElement(style, f"{{{number}}}{part}")
    assert ods_formats.ods_shown(style) == what


HOUR_STYLE = (
    '<number:date-style style:name="N40"><number:year/><number:text>-</number:text><number:month/>'
    "<number:text>-</number:text><number:day/><number:text> </number:text><number:hours/></number:date-style>"
    '<style:style style:name="ce5" style:family="table-cell" style:data-style-name="N40"/>'
)


def test_an_ods_day_shown_with_its_hour_is_the_day_the_hour_in_its_note(tmp_path: Path) -> None:
    # before: 2017-06-05T14:37, to the minute the sheet does not show
    automatic = AUTOMATIC.replace("</office:automatic-styles>", HOUR_STYLE + "</office:automatic-styles>")
    path = workbook(
        tmp_path,
        [row(text("title"), text("date")), row(text("Hour"), day("ce5", "2017-06-05T14:37:00"))],
        automatic=automatic,
    )
    loaded = load_with_report(path)
    assert [(e.when.date, e.when.precision.value, e.when.note) for e in loaded.dataset.events if e.when] == [
        ("2017-06-05", "day", "the sheet shows the hour 14, not its minutes")
    ]
    assert any(
        w.startswith("1 date cell is formatted to show the day and the hour but not the minutes")
        and w.endswith("(such as row 2: 2017-06-05, hour 14)")
        for w in loaded.warnings
    )


def _mapped(target: str, target_parts: str, where: str = "automatic") -> tuple[str, str]:
    """Automatic styles and styles.xml where ce6's data style N100 shows the day, and by its condition
    (value()>=0, as LibreOffice writes) the style ``target`` showing ``target_parts``, kept in ``where``."""
    mapped = f'<number:date-style style:name="{target}">{target_parts}</number:date-style>'
    base = (
        '<number:date-style style:name="N100"><number:year/><number:text>-</number:text><number:month/>'
        "<number:text>-</number:text><number:day/>"
        f'<style:map style:condition="value()&gt;=0" style:apply-style-name="{target}"/></number:date-style>'
        '<style:style style:name="ce6" style:family="table-cell" style:data-style-name="N100"/>'
    )
    automatic = AUTOMATIC.replace(
        "</office:automatic-styles>", (mapped if where == "automatic" else "") + base + "</office:automatic-styles>"
    )
    styles = STYLES.replace("</office:styles>", (mapped if where == "styles" else "") + "</office:styles>")
    return automatic, styles


@pytest.mark.parametrize("where", ["automatic", "styles"])
def test_an_ods_style_whose_condition_shows_less_is_read_as_the_least(tmp_path: Path, where: str) -> None:
    # before: 2017-06-05, the day of the base style, where LibreOffice shows '2017' (value()>=0)
    automatic, styles = _mapped("N100P0", '<number:year number:style="long"/>', where)
    rows = [row(text("title"), text("date")), row(text("Mapped"), day("ce6", "2017-06-05"))]
    loaded = load_with_report(workbook(tmp_path, rows, automatic=automatic, styles=styles))
    assert [(e.when.date, e.when.precision.value) for e in loaded.dataset.events if e.when] == [("2017", "year")]
    assert (
        "1 date cell is in a format that shows a date one way or another by its value (sections with conditions, "
        "as '[<40000]d/m/yyyy;yyyy', or an ODS style's conditions, style:map): read as the least any of its ways "
        "shows (such as row 2: 2017)"
    ) in loaded.warnings


def test_an_ods_style_whose_conditions_show_alike_says_nothing_of_them(tmp_path: Path) -> None:
    automatic, styles = _mapped("N100P0", "<number:day/><number:month/><number:year/>")
    rows = [row(text("title"), text("date")), row(text("Mapped"), day("ce6", "2017-06-05"))]
    loaded = load_with_report(workbook(tmp_path, rows, automatic=automatic, styles=styles))
    assert [(e.when.date, e.when.precision.value) for e in loaded.dataset.events if e.when] == [("2017-06-05", "day")]
    assert not any("by its value" in w for w in loaded.warnings)
