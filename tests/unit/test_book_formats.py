"""Workbook dates formatted to show only a month or a year are read as shown (python-calamine gives the
stored first day and not the format: 'June 2017' typed in Excel became the day 1 June 2017)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from junquito_tui.core.interop.book_formats import MINUTE, shown
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import DAY_60, DAY_60_NOTE, DAY_ZERO, read_date
from junquito_tui.core.loader import DatasetError, load_with_report
from sheet_files import Cell, XlsbCell, write_ods, write_xlsb, write_xlsx

# more cell styles after the fixture's three (0 General, 1 built-in 14 m/d/yyyy, 2 'yyyy-mm-dd hh:mm'):
# 3 'mmm-yy' (built-in 17), 4 'mmmm yyyy', 5 'yyyy', 6 'mmmm' (no year), 7 'd-mmm' (built-in 16, no
# year), 8 'yyyy-mm-dd' (a day, hiding any time), 9 'h:mm' (built-in 20, a time only), 10 built-in 27
# (its look depends on the language), 11 'dddd' (a weekday, no year)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="6"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>'
    '<numFmt numFmtId="165" formatCode="[$-409]mmmm\\ yyyy;@"/><numFmt numFmtId="166" formatCode="yyyy"/>'
    '<numFmt numFmtId="167" formatCode="mmmm"/><numFmt numFmtId="168" formatCode="yyyy\\-mm\\-dd"/>'
    '<numFmt numFmtId="169" formatCode="dddd"/></numFmts>'
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="12"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="17" applyNumberFormat="1"/>'
    '<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/>'
    '<xf numFmtId="167" applyNumberFormat="1"/><xf numFmtId="16" applyNumberFormat="1"/>'
    '<xf numFmtId="168" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/>'
    '<xf numFmtId="27" applyNumberFormat="1"/><xf numFmtId="169" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)


def workbook(tmp_path: Path, styles: list[str], stored: dt.datetime | dt.date = dt.date(2017, 6, 1)) -> Path:
    """A sheet of one date per row (``stored``, 1 June 2017 by default), row N's cell in the style ``styles[N]``."""
    rows: list[list[Cell]] = [["date", "title"]]
    rows += [[stored, f"Style {style}"] for style in styles]
    path = write_xlsx(tmp_path / "formats.xlsx", rows)
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    first = 2 if isinstance(stored, dt.datetime) and stored.time() != dt.time(0, 0) else 1  # the writer's style
    for number, style in enumerate(styles, 2):
        sheet = sheet.replace(f'<c r="A{number}" s="{first}">'.encode(), f'<c r="A{number}" s="{style}">'.encode())
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
        ("yyyy\\-mm", "month"),
        ("d-mmm-yy", "day"),
        ("m/d/yyyy", "day"),
        ('"Day "d" of "mmmm yyyy', "day"),
        ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "day"),
        ("d-mmm", "no year"),
        ("mmmm", "no year"),
        ("dddd", "no year"),
        ("d-mmm h:mm", "no year"),
        ("h:mm", "time"),
        ("h:mm AM/PM", "time"),
        ("[h]:mm:ss", "time"),
        ("mm:ss", "minutes of no hour"),  # no time of day: the hour is not shown
        ("mmmmm yyyy", "year"),  # 'J 2017': the month's first letter names no month
        ("yyyy-mmmmm-dd", "year"),
        ("yyyy-mm-dd hh:mm", MINUTE),
        ("m/d/yy h:mm", MINUTE),
        ("0.00", None),
        ("0.00E+00", None),
        ("General", None),
        ("[$-411]ge.m.d", "day"),  # a Japanese era year: a year all the same
        ("ddd yyyy", "year"),  # a weekday and a year show no day of the month
        ("dddd, mmm yyyy", "month"),
        ("d yyyy", "year"),
        ("ggg", "no year"),  # an era's name is no year
        ('ggge"年"m"月"d"日"', "day"),
        ("d mmm bbbb", "day"),  # a Buddhist era year
        ("[$-409]h:mm:ss AM/PM", "time"),
        ("[mm]:ss", "minutes of no hour"),
        ("h AM/PM", "hour of the day"),  # '2 PM': no minutes
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


def test_a_month_shown_is_that_month_and_no_range_of_years(tmp_path: Path) -> None:
    # a date cell of July 1905 shown as a month: before, read as the text '1905-07', noted "could also be
    # the years 1905-1907", which a typed date cell never is
    loaded = load_with_report(workbook(tmp_path, ["3", "4"], dt.date(1905, 7, 12)))
    whens = [e.when for e in loaded.dataset.events if e.when]
    assert [(w.date, w.precision, w.note) for w in whens] == [("1905-07", "month", None)] * 2


def test_a_workbook_whose_formats_all_show_the_day_says_nothing(tmp_path: Path) -> None:
    loaded = load_with_report(workbook(tmp_path, ["1", "1"]))
    assert [e.when.precision for e in loaded.dataset.events if e.when] == ["day", "day"]
    assert not any("formatted to show" in w for w in loaded.warnings)


def test_a_date_cell_at_day_zero_is_named_not_read(tmp_path: Path) -> None:
    # 30 December 1899, midnight, is what python-calamine makes of a date cell holding NaN
    path = write_xlsx(
        tmp_path / "zero.xlsx", [["date", "title"], [dt.date(2017, 6, 2), "NaN"], [dt.date(2017, 6, 1), "Real"]]
    )
    loaded = load_with_report(rewritten_sheet(path, {b"<v>42888</v>": b"<v>NaN</v>"}))
    assert [e.title for e in loaded.dataset.events] == ["Real"]
    assert any(w.startswith("row 2:") and "day 0 of a spreadsheet's day numbers" in w for w in loaded.warnings)
    assert read_date(dt.datetime(1899, 12, 30)) == read_date(dt.date(1899, 12, 30)) == DAY_ZERO
    assert isinstance(read_date(dt.datetime(1899, 12, 30, 12, 0)), Parsed)  # a time that day is a time


def test_an_ods_date_cell_of_30_december_1899_is_the_date_it_states(tmp_path: Path) -> None:
    """Before: skipped as 'day 0 of a spreadsheet's day numbers'. ODS writes a date as its text, and a
    broken one reaches us as that text, not as day 0: the date is the file's."""
    rows: list[list[Cell]] = [["date", "title"], [dt.date(1899, 12, 30), "Zero"], [dt.date(1899, 12, 31), "One"]]
    loaded = load_with_report(write_ods(tmp_path / "zero.ods", rows))
    assert [(e.title, e.when.date if e.when else None) for e in loaded.dataset.events] == [
        ("Zero", "1899-12-30"),
        ("One", "1899-12-31"),
    ]
    assert not any("day 0" in w for w in loaded.warnings)


def test_28_february_1900_from_a_workbook_says_it_may_be_the_29th_the_sheet_shows(tmp_path: Path) -> None:
    """Before: day 60, which a spreadsheet shows as 29 February 1900 (a day that never was), came back as
    28 February 1900 without a word, as day 59 does. The value cannot tell which: both are said."""
    day = dt.date(1899, 12, 30)  # the helper writes a date as its days from here: 1 March 1900 is day 61
    rows: list[list[Cell]] = [["date", "title"]]
    rows += [[day + dt.timedelta(days=n), f"day {n}"] for n in (59, 60, 61)]
    loaded = load_with_report(write_xlsx(tmp_path / "sixty.xlsx", rows))
    events = {e.title: e.when for e in loaded.dataset.events if e.when}
    assert [(events[f"day {n}"].date, events[f"day {n}"].note) for n in (59, 60, 61)] == [
        ("1900-02-28", DAY_60_NOTE),
        ("1900-02-28", DAY_60_NOTE),
        ("1900-03-01", None),
    ]
    assert [w for w in loaded.warnings if "29 February 1900" in w] == [f"{DAY_60} (row 2, row 3)"]


def test_28_february_1900_in_an_ods_cell_is_the_date_it_states(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [["date", "title"], [dt.date(1900, 2, 28), "Last day"], [dt.date(1900, 3, 1), "Next"]]
    loaded = load_with_report(write_ods(tmp_path / "feb.ods", rows))
    assert [(e.when.date, e.when.note) for e in loaded.dataset.events if e.when] == [
        ("1900-02-28", None),
        ("1900-03-01", None),
    ]
    assert not any("29 February 1900" in w for w in loaded.warnings)


def dates_of(path: Path) -> tuple[dict[str, tuple[str, str] | None], list[str]]:
    loaded = load_with_report(path)
    events = {e.title: (e.when.date, e.when.precision.value) if e.when else None for e in loaded.dataset.events}
    return events, loaded.warnings


def test_a_date_shown_without_its_year_is_named_not_read(tmp_path: Path) -> None:
    # 'mmmm', 'd-mmm' (what Excel stores for "5-Jun", filling in the year it is typed in), 'dddd'
    events, warnings = dates_of(workbook(tmp_path, ["6", "7", "11", "8"]))
    assert events == {"Style 8": ("2017-06-01", "day")}
    for row in (2, 3, 4):
        assert any(
            w.startswith(f"row {row}: '1 June': its format shows no year")
            and "the year it stores (2017) is not one the sheet shows" in w
            for w in warnings
        ), row
    assert any("3 date cells are formatted to show no year" in w for w in warnings)


def test_a_time_the_format_hides_is_not_read(tmp_path: Path) -> None:
    # 14:30 stored with the day, shown as 'yyyy-mm-dd' or m/d/yyyy: the day is what the sheet shows
    events, warnings = dates_of(workbook(tmp_path, ["8", "1", "2"], stored=dt.datetime(2017, 6, 5, 14, 30)))
    assert events == {
        "Style 8": ("2017-06-05", "day"),
        "Style 1": ("2017-06-05", "day"),
        "Style 2": ("2017-06-05T14:30", "minute"),  # 'yyyy-mm-dd hh:mm' shows the time
    }
    assert any("2 date cells are formatted to hide the time stored with the day" in w for w in warnings)


def test_a_date_shown_only_as_a_time_is_a_time_of_day(tmp_path: Path) -> None:
    events, warnings = dates_of(workbook(tmp_path, ["9", "8"], stored=dt.datetime(2017, 6, 5, 14, 30)))
    assert events == {"Style 8": ("2017-06-05", "day")}
    assert any(w.startswith("row 2: '14:30:00': a time of day without a date") for w in warnings)
    assert any("1 date cell is formatted to show only a time" in w for w in warnings)


def test_a_locale_built_in_format_is_said(tmp_path: Path) -> None:
    events, warnings = dates_of(workbook(tmp_path, ["10"]))
    assert events == {"Style 10": ("2017-06-01", "day")}
    assert any(
        "1 date cell is in one of Excel's built-in formats whose look depends on the language" in w for w in warnings
    )


def rewritten_sheet(path: Path, change: dict[bytes, bytes], part: str = "xl/worksheets/sheet1.xml") -> Path:
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    for old, new in change.items():
        assert old in parts[part], old
        parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "variant",
    [
        {b' r="A': b' data-r="A', b' r="B': b' data-r="B'},  # no cell references (the reader counts places)
        {
            b"<c ": b"<x:c ",
            b"</c>": b"</x:c>",
            b"<v>": b"<x:v>",
            b"</v>": b"</x:v>",
            b"<is>": b"<x:is>",
            b"</is>": b"</x:is>",
            b"<t ": b"<x:t ",
            b"</t>": b"</x:t>",
            b"<row ": b"<x:row ",
            b"</row>": b"</x:row>",
            b"<sheetData>": b"<x:sheetData>",
            b"</sheetData>": b"</x:sheetData>",
            b"<worksheet xmlns=": b"<x:worksheet xmlns:x=",
            b"</worksheet>": b"</x:worksheet>",
        },  # a namespace prefix, as the .NET SDK writes
        {b's="3"': b"s='3'"},  # single quotes
    ],
    ids=["no-references", "prefixed", "single-quotes"],
)
def test_the_sheet_is_read_however_its_xml_is_written(tmp_path: Path, variant: dict[bytes, bytes]) -> None:
    path = rewritten_sheet(workbook(tmp_path, ["3", "1"]), variant)
    events, _ = dates_of(path)
    assert events == {"Style 3": ("2017-06", "month"), "Style 1": ("2017-06-01", "day")}


def test_strict_ooxml_namespaces_are_read(tmp_path: Path) -> None:
    strict, transitional = b"http://purl.oclc.org/ooxml/", b"http://schemas.openxmlformats.org/"
    path = workbook(tmp_path, ["3"])
    path = rewritten_sheet(
        path, {transitional + b"spreadsheetml/2006/main": strict + b"spreadsheetml/main"}, "xl/styles.xml"
    )
    path = rewritten_sheet(
        path,
        {
            transitional + b"spreadsheetml/2006/main": strict + b"spreadsheetml/main",
            transitional + b"officeDocument/2006/relationships": strict + b"officeDocument/relationships",
        },
        "xl/workbook.xml",
    )
    from junquito_tui.core.interop.xlsx_formats import xlsx_cells

    assert xlsx_cells(path, "od1", False, frozenset()).shown == [(1, 1, 0, 1, "month")]


def test_xlsx_rows_of_formulas_without_values_are_named(tmp_path: Path) -> None:
    # what openpyxl and other scripts write: formulas, no computed values; the reader sees empty cells
    path = write_xlsx(tmp_path / "f.xlsx", [["date", "title"], ["2018-01-15", "Kept"], ["x", "y"], ["z", "w"]])
    cells = {
        "A3": b"<f>DATE(2020,1,2)</f><v></v>",
        "B3": b'<f>"a"&amp;"b"</f>',
        "A4": b"<f>A3+1</f><v/>",
        "B4": b"<f>B3</f><v>computed</v>",
    }
    inline = {"A3": "x", "B3": "y", "A4": "z", "B4": "w"}
    path = rewritten_sheet(
        path,
        {
            f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{inline[ref]}</t></is></c>'.encode(): (
                f'<c r="{ref}">'.encode() + content + b"</c>"
            )
            for ref, content in cells.items()
        },
    )
    from junquito_tui.core.interop.book_guard import check_workbook

    assert check_workbook(path, 10**9).formulas == {"xl/worksheets/sheet1.xml"}  # the guard saw them on its way
    assert check_workbook(write_xlsx(tmp_path / "plain.xlsx", [["date"], ["2018"]]), 10**9).formulas == frozenset()
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Kept"]
    named = [w for w in loaded.warnings if "keeps no computed value" in w]
    assert named[0].startswith("row 3: its cells are formulas the file keeps no computed value for")
    assert named[1].startswith("row 4: cells in it are formulas")  # B4 was computed: the row has a value
    assert len(named) == 2


def test_a_whole_day_shown_only_as_a_time_is_a_time_of_day_too(tmp_path: Path) -> None:
    # 'h:mm' over a day with no time shows 0:00: it was read as the day, precise, unsaid
    events, warnings = dates_of(workbook(tmp_path, ["9", "1"], stored=dt.date(2017, 6, 5)))
    assert events == {"Style 1": ("2017-06-05", "day")}
    assert any(w.startswith("row 2: '00:00:00': a time of day without a date") for w in warnings)


def test_an_empty_text_result_is_a_computed_value(tmp_path: Path) -> None:
    # Excel writes =IF(A2="","",A2) giving "" as t="str" with an empty value: computed, not missing
    path = write_xlsx(tmp_path / "e.xlsx", [["date", "title", "extra"], ["2018-01-15", "Kept", "x"]])
    path = rewritten_sheet(
        path,
        {
            b'<c r="C2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c>': (
                b'<c r="C2" t="str"><f>IF(A2="","",A2)</f><v/></c>'
            )
        },
    )
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Kept"]
    assert not any("no computed value" in w for w in loaded.warnings)


def test_an_encrypted_part_is_said_not_reported_as_a_bug(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "enc.xlsx", [["date", "title"], ["2018-01-15", "x"]])
    raw = bytearray(path.read_bytes())
    at = raw.index(b"PK\x01\x02")  # the first entry of the zip's directory: its 'encrypted' flag set
    raw[at + 8] |= 0x01
    path.write_bytes(raw)
    with pytest.raises(DatasetError, match=r"is damaged .*encrypted"):
        load_with_report(path)


def test_a_title_excel_turned_into_a_date_shows_its_day_and_month_not_our_words(tmp_path: Path) -> None:
    # before: the event was titled 'a date shown without its year', words of ours, and its id made of them
    path = write_xlsx(tmp_path / "titles.xlsx", [["title", "date"], [dt.date(2017, 9, 11), "2001-09-11"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'<c r="A2" s="1">', b'<c r="A2" s="7">'
    )
    parts["xl/styles.xml"] = STYLES.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.title == "11 September" and event.when is not None and event.when.date == "2001-09-11"
    assert any("the day and month stored are shown" in w for w in loaded.warnings)


@pytest.mark.parametrize(("flag", "read"), [("", "2014-01-14"), ('<workbookPr date1904="1"/>', "2018-01-15")])
def test_a_plain_number_in_a_1904_workbook_is_a_day_of_that_system(tmp_path: Path, flag: str, read: str) -> None:
    # before: 41653 in a workbook counting days from 1904 was read as 1900's day, 2014-01-14, unsaid
    path = write_xlsx(tmp_path / "book.xlsx", [["date", "title"], [41653, "day number"], [2.5, "not a day"]])
    loaded = load_with_report(rewritten_sheet(path, {b"<sheets>": flag.encode() + b"<sheets>"}, "xl/workbook.xml"))
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.date == read
    assert ("counted from 1904" in (event.when.note or "")) == bool(flag)


@pytest.mark.parametrize("flag", [True, False])
def test_a_plain_number_in_a_1904_xlsb_workbook_is_a_day_of_that_system(tmp_path: Path, flag: bool) -> None:
    # before: only an XLSX's flag was read; an XLSB's (BrtWbProp's f1904, found by the probe's child) was not,
    # and its lost-format day number was read 4 years and a day early, as 1900's day
    rows: list[list[XlsbCell]] = [["date", "title"], [(41653.0, "dd/mm/yyyy"), "date cell"], [41653.0, "day number"]]
    loaded = load_with_report(write_xlsb(tmp_path / "book.xlsb", rows, date1904=flag))
    dates = {event.title: event.when.date for event in loaded.dataset.events if event.when}
    assert dates == ({"date cell": "2018-01-15", "day number": "2018-01-15"} if flag else {
        "date cell": "2014-01-14", "day number": "2014-01-14"
    })  # fmt: skip
    assert any("counted from 1904" in warning for warning in loaded.warnings) == flag


def test_a_plain_number_in_a_1904_xls_workbook_is_a_day_of_that_system() -> None:
    # written by xlwt with dates_1904 (its DATEMODE record), read by the probe's child through xlrd
    loaded = load_with_report(Path(__file__).parent.parent / "data" / "sheets" / "dates-1904-plain-number.xls")
    dates = {event.title: event.when.date for event in loaded.dataset.events if event.when}
    assert dates == {"A date cell": "2018-01-15", "A day number that lost its format": "2018-01-15"}
    assert any("(2018-01-15, counted from 1904" in warning for warning in loaded.warnings)


NIGHT: list[list[Cell]] = [
    ["date", "title"],
    [dt.datetime(2018, 1, 14, 23, 45), "Before"],
    [dt.datetime(2018, 1, 15, 0, 0), "At midnight"],
    [dt.datetime(2018, 1, 15, 0, 15), "After"],
]


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_midnight_the_sheet_shows_among_times_is_that_time(tmp_path: Path, kind: str) -> None:
    # before (found by a review): in 'yyyy-mm-dd hh:mm' cells at 23:45, 00:00 and 00:15 of an overnight
    # sequence, the middle one became the whole day, unsaid (python-calamine gives an XLSX midnight as a
    # date, an ODS one as 0:00, and a midnight was taken for a day alone)
    if kind == "xlsx":  # and a date cell in m/d/yyyy: its format shows no time, it stays the day
        path = write_xlsx(tmp_path / "night.xlsx", [*NIGHT, [dt.date(2018, 1, 16), "A day cell"]])
    else:
        path = write_ods(tmp_path / "night.ods", NIGHT, date_style=["year", "month", "day", "hours", "minutes"])
    loaded = load_with_report(path)
    read = {e.title: (e.when.date, e.when.precision.value) for e in loaded.dataset.events if e.when}
    assert read == {
        "Before": ("2018-01-14T23:45", "minute"),
        "At midnight": ("2018-01-15T00:00", "minute"),
        "After": ("2018-01-15T00:15", "minute"),
        **({"A day cell": ("2018-01-16", "day")} if kind == "xlsx" else {}),
    }
    (said,) = [w for w in loaded.warnings if "showing 00:00" in w]
    assert said.startswith("1 date cell is formatted to show a day and its time") and "(such as row 3" in said


def test_a_sheet_whose_times_are_all_midnight_is_read_as_days(tmp_path: Path) -> None:
    # no cell holds another time: a date column an export wrote with 00:00, not a time anyone gave
    rows: list[list[Cell]] = [["date", "title"], [dt.datetime(2018, 1, 15), "a"], [dt.datetime(2018, 1, 16), "b"]]
    loaded = load_with_report(write_xlsx(tmp_path / "days.xlsx", rows))
    assert {(e.when.date, e.when.precision.value) for e in loaded.dataset.events if e.when} == {
        ("2018-01-15", "day"),
        ("2018-01-16", "day"),
    }
    assert not any("00:00" in warning for warning in loaded.warnings)


@pytest.mark.parametrize("from_1904", [False, True])
def test_a_year_typed_in_a_cell_formatted_as_a_date_is_that_year(tmp_path: Path, from_1904: bool) -> None:
    """A trial: 2018 typed in a TimelineJS sheet's Year cell formatted as a date (it shows 1905-07-10) made
    the event 1905-07-10, its Month and Day of 1 and 18 set aside as given by the Year cell; a re-trial: in a
    workbook counting its days from 1904 (it shows 1909-07-11), still."""
    typed = dt.date(1905, 7, 10)  # day 2018, counted from 30 December 1899 (1 January 1904: 1909-07-11)
    rows: list[list[Cell]] = [["Year", "Month", "Day", "Headline"], [typed, 1, 18, "Typed"]]
    rows += [[typed, None, None, "Alone"], [dt.date(1917, 3, 8), 1, 2, "Later"]]
    if not from_1904:  # (the writer writes days from 1899: this one's Month and Day agree in that system alone)
        rows.append([typed, 7, 10, "Agreeing"])
    path = write_xlsx(tmp_path / "typed.xlsx", rows)
    if from_1904:
        rewritten_sheet(path, {b"<sheets>": b'<workbookPr date1904="1"/><sheets>'}, "xl/workbook.xml")
    loaded = load_with_report(path)
    read = {e.title: (e.when.date, e.when.note) for e in loaded.dataset.events if e.when}
    shown = "1909-07-11" if from_1904 else "1905-07-10"
    note = f"the Year cell holds 2018 shown as a date ({shown}): read as the year 2018"
    assert read["Typed"] == ("2018-01-18", note)
    # a date whose Month and Day agree, a date alone, a day number no year (6,277): the date, as before
    assert read["Alone"][0] == shown and read["Later"][0] == ("1921-03-09" if from_1904 else "1917-03-08")
    # alone, the date is read, the year it may be said (a second re-trial: 1905-07-10, unsaid)
    assert read["Alone"][1] == f"the Year cell's {shown} is also the year 2018 typed in a cell shown as a date"
    assert read["Later"][1] is None  # (6,277 is no year)
    assert from_1904 or read["Agreeing"][0] == "1905-07-10"
    assert any(w.startswith("a Year cell formatted as a date, holding a number") for w in loaded.warnings)
