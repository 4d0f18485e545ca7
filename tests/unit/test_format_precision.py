"""A format never makes a date more precise than the sheet shows it: a day and its hour with no minutes
('yyyy-mm-dd hh') was read to the minute stored, a month and a time with no day ('mmm yyyy hh:mm') to
the day and minute stored, and a format's later sections, which its conditions may choose, were not
looked at ('[<40000]d/m/yyyy;yyyy' shows a 2017 date as '2017': it was read as the day)."""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from pathlib import Path

import pytest

from junquito_tui.core.interop.book_formats import (
    BY_VALUE,
    CLOCK_PART,
    DAY,
    HOUR,
    HOUR_OF_DAY,
    MINUTE,
    MONTH,
    MONTH_TIME,
    NO_YEAR,
    TIME,
    YEAR,
    YEAR_TIME,
    FoundCells,
    classed,
    kind_of,
    shown,
)
from junquito_tui.core.loader import load_with_report
from sheet_files import Cell, write_xlsb, write_xlsx

_PARTS = ("year", "month", "day", "other", "hours", "minutes", "seconds")
# What a date read in each class claims the sheet shows (MINUTE: the date and its time, to the minute).
# NO_YEAR and TIME claim no date: the row is named, not read (TIME is a time of day).
CLAIMS: dict[str | None, set[str]] = {
    MINUTE: {"year", "month", "day", "hours", "minutes"},
    HOUR: {"year", "month", "day", "hours"},  # the day; the hour in the date's note
    DAY: {"year", "month", "day"},
    MONTH: {"year", "month"},
    MONTH_TIME: {"year", "month"},
    YEAR: {"year"},
    YEAR_TIME: {"year"},
    NO_YEAR: set(),
    TIME: set(),
    HOUR_OF_DAY: set(),
    CLOCK_PART: set(),
}
_DATES = (MINUTE, HOUR, DAY, MONTH, YEAR)  # the classes that read a date, from the most it claims


def _expected(parts: set[str]) -> str | None:
    """By brute force: the date class claiming the most of what is shown and nothing else; no date
    without a year; a time alone is a time; nothing shown is no date format."""
    date_parts = parts & {"year", "month", "day", "other"}
    if not parts:
        return None
    if not date_parts:  # a time to the minute with its hour, else a part of one ('2 PM', 'mm:ss')
        return TIME if {"hours", "minutes"} <= parts else HOUR_OF_DAY if "hours" in parts else CLOCK_PART
    if "year" not in parts:
        return NO_YEAR
    best = next(what for what in _DATES if CLAIMS[what] <= parts)
    if parts & {"hours", "minutes", "seconds"} and best in (MONTH, YEAR):
        return {MONTH: MONTH_TIME, YEAR: YEAR_TIME}[best]  # the time shown is said, not read
    return best


@pytest.mark.parametrize("shows", list(itertools.product((False, True), repeat=len(_PARTS))))
def test_a_class_never_claims_a_part_its_format_does_not_show(shows: tuple[bool, ...]) -> None:
    parts = {name for name, on in zip(_PARTS, shows, strict=True) if on}
    what = classed(**dict(zip(_PARTS, shows, strict=True)))
    assert what == _expected(parts)
    assert not parts or CLAIMS[what] <= parts


@pytest.mark.parametrize(
    ("code", "what"),
    [
        ("yyyy-mm-dd hh", HOUR),
        ("d/m/yyyy h AM/PM", HOUR),
        ("yyyy-mm-dd hh:mm", MINUTE),
        ("yyyy-mm-dd mm:ss", DAY),  # minutes of no hour: no time of the day
        ("mmm yyyy hh:mm", MONTH_TIME),
        ("mmmm yyyy h AM/PM", MONTH_TIME),
        ("yyyy hh:mm", YEAR_TIME),
        ("dddd yyyy hh:mm", YEAR_TIME),
        ("d-mmm hh", NO_YEAR),
        # sections: a date is a number of 0 to 2,958,465 (31 December 9999)
        ("[<40000]d/m/yyyy;yyyy", YEAR),  # 2009 and later show the year: the least of both
        ("[>=40000]yyyy;d/m/yyyy", YEAR),
        ("[<=9999999]yyyy;d/m/yyyy", YEAR),  # no date reaches the second section
        ("[>9999999]yyyy;d/m/yyyy", DAY),
        ("[<0]yyyy;d/m/yyyy", DAY),
        ("[=1]0;d/m/yyyy", DAY),  # a section showing a number is no look of a date
        ("[<1]h:mm;[<366]d-mmm;yyyy-mm-dd", NO_YEAR),
        ("yyyy;@", YEAR),
        ("d/m/yyyy;yyyy", DAY),  # with no condition the second section is for numbers below 0
        ('"a;b"yyyy;d/m/yyyy', YEAR),  # a ';' in quotes divides nothing
        ("\\;yyyy", YEAR),
    ],
)
def test_what_a_format_with_hours_or_sections_shows(code: str, what: str | None) -> None:
    assert shown(code) == what


def test_the_new_kinds_pass_from_the_probe_s_child() -> None:
    found = FoundCells([(1, 1, 0, 1, HOUR), (2, 1, 0, 1, MONTH_TIME), (3, 1, 0, 1, YEAR_TIME)])
    assert FoundCells.of_json(found.to_json()) == found  # as the probe's child sends them


def test_a_format_whose_conditions_choose_between_looks_is_marked() -> None:
    assert kind_of("[<40000]d/m/yyyy;yyyy") == YEAR + BY_VALUE
    assert kind_of("[<=9999999]yyyy;d/m/yyyy") == YEAR  # one look for every date
    assert kind_of("[<40000]yyyy;yyyy") == YEAR
    assert kind_of("[<40000]yyyy-mm-dd hh:mm;yyyy-mm-dd hh:mm") == MINUTE
    found = FoundCells([(1, 1, 0, 1, NO_YEAR + BY_VALUE), (2, 1, 0, 1, YEAR + BY_VALUE)])
    assert FoundCells.of_json(found.to_json()) == found
    assert FoundCells.of_json({"shown": [[1, 1, 0, 1, "decade" + BY_VALUE]], "uncomputed": [], "said": []}) is None


def coded(tmp_path: Path, codes: list[str], stored: dt.datetime) -> Path:
    """An XLSX sheet of one date per row, ``stored``, row N+2 in the format ``codes[N]`` (its title the code)."""
    rows: list[list[Cell]] = [["date", "title"]]
    rows += [[stored, code] for code in codes]
    path = write_xlsx(tmp_path / "coded.xlsx", rows)
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    formats = "".join(
        f'<numFmt numFmtId="{164 + n}" formatCode="{code.replace("<", "&lt;").replace(">", "&gt;")}"/>'
        for n, code in enumerate(codes)
    )
    styles = "".join(f'<xf numFmtId="{164 + n}" applyNumberFormat="1"/>' for n in range(len(codes)))
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(codes)}">{formats}</numFmts>'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
        f'<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/>{styles}</cellXfs></styleSheet>'
    ).encode()
    sheet = parts["xl/worksheets/sheet1.xml"]
    for n in range(len(codes)):
        sheet = sheet.replace(f'<c r="A{n + 2}" s="2">'.encode(), f'<c r="A{n + 2}" s="{3 + n}">'.encode())
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def read(path: Path) -> tuple[dict[str, tuple[str, str, str | None]], list[str]]:
    loaded = load_with_report(path)
    events = {e.title: (e.when.date, e.when.precision.value, e.when.note) for e in loaded.dataset.events if e.when}
    return events, loaded.warnings


def test_a_day_shown_with_its_hour_and_no_minutes_is_the_day_the_hour_in_its_note(tmp_path: Path) -> None:
    # before: both 2017-06-05T14:37, to the minute, unsaid
    stored = dt.datetime(2017, 6, 5, 14, 37)
    events, warnings = read(coded(tmp_path, ["yyyy-mm-dd hh", "d/m/yyyy h AM/PM", "yyyy-mm-dd hh:mm"], stored))
    note = "the sheet shows the hour 14, not its minutes"
    assert events == {
        "yyyy-mm-dd hh": ("2017-06-05", "day", note),
        "d/m/yyyy h AM/PM": ("2017-06-05", "day", note),
        "yyyy-mm-dd hh:mm": ("2017-06-05T14:37", "minute", "no time zone is given with the time: read as UTC"),
    }
    assert (
        "2 date cells are formatted to show the day and the hour but not the minutes (as 'yyyy-mm-dd hh' does): "
        "read as the day (a date here is precise to the day or the minute, never the hour), the hour shown kept in "
        "the date's note (such as row 2: 2017-06-05, hour 14)"
    ) in warnings


def test_a_whole_day_shown_with_an_hour_keeps_the_hour_shown(tmp_path: Path) -> None:
    # a sheet with no time anywhere: the format shows '00' all the same
    events, _ = read(coded(tmp_path, ["yyyy-mm-dd hh"], dt.datetime(2017, 6, 5)))
    assert events == {"yyyy-mm-dd hh": ("2017-06-05", "day", "the sheet shows the hour 00, not its minutes")}


def test_a_month_or_a_year_shown_with_a_time_and_no_day_is_the_month_or_the_year(tmp_path: Path) -> None:
    # before: both 2017-06-05T14:37, a day and a minute the sheet does not show
    events, warnings = read(coded(tmp_path, ["mmm yyyy hh:mm", "yyyy hh:mm"], dt.datetime(2017, 6, 5, 14, 37)))
    assert events == {"mmm yyyy hh:mm": ("2017-06", "month", None), "yyyy hh:mm": ("2017", "year", None)}
    assert (
        "2 date cells are formatted to show the month or the year and a time but no day (as 'mmm yyyy hh:mm' "
        "does): read as the month or the year shown; the time, of a day the sheet does not show, is not read "
        "(such as row 2: 2017-06)"
    ) in warnings


def test_a_format_whose_conditions_show_a_date_otherwise_is_read_as_the_least(tmp_path: Path) -> None:
    # Excel shows 5 June 2017 (day 42891) in '[<40000]d/m/yyyy;yyyy' as '2017': before, read as the day
    codes = ["[<40000]d/m/yyyy;yyyy", "[<=9999999]yyyy;d/m/yyyy", "d/m/yyyy;yyyy"]
    events, warnings = read(coded(tmp_path, codes, dt.datetime(2017, 6, 5)))
    assert events == {
        "[<40000]d/m/yyyy;yyyy": ("2017", "year", None),
        "[<=9999999]yyyy;d/m/yyyy": ("2017", "year", None),
        "d/m/yyyy;yyyy": ("2017-06-05", "day", None),
    }
    assert any(w.startswith("2 date cells are formatted to show only the month or the year") for w in warnings)
    assert (
        "1 date cell is in a format that shows a date one way or another by its value (sections with conditions, "
        "as '[<40000]d/m/yyyy;yyyy', or an ODS style's conditions, style:map): read as the least any of its ways "
        "shows (such as row 2: 2017)"
    ) in warnings


def test_xlsb_hours_times_and_conditions_are_read_as_shown(tmp_path: Path) -> None:
    day = 42891 + (14 * 60 + 37) / 1440  # 5 June 2017 14:37
    path = write_xlsb(
        tmp_path / "f.xlsb",
        [
            ["date", "title"],
            [(day, "yyyy-mm-dd hh"), "Hour"],
            [(day, "mmm yyyy hh:mm"), "Month and time"],
            [(day, "[<40000]d/m/yyyy;yyyy"), "By value"],
        ],
    )
    events, warnings = read(path)
    assert events == {
        "Hour": ("2017-06-05", "day", "the sheet shows the hour 14, not its minutes"),
        "Month and time": ("2017-06", "month", None),
        "By value": ("2017", "year", None),
    }
    assert any(w.startswith("1 date cell is in a format that shows a date one way or another") for w in warnings)


def test_a_time_cell_shown_as_its_hour_gives_no_time_of_day(tmp_path: Path) -> None:
    # a TimelineJS Time cell formatted 'h AM/PM' (showing '2 PM') was read as 14:37, minutes the sheet
    # does not show; 'mm:ss' (no hour) likewise; 'h:mm' is a time to the minute
    rows: list[list[Cell]] = [["Year", "Month", "Day", "Time", "Headline"]]
    codes = ["h AM/PM", "mm:ss", "h:mm"]
    rows += [[2017, 6, 5 + n, dt.datetime(1899, 12, 30, 14, 37), code] for n, code in enumerate(codes)]
    path = write_xlsx(tmp_path / "times.xlsx", rows)
    _styled(path, codes, {f"D{n + 2}": n for n in range(len(codes))})
    events, warnings = read(path)
    assert events == {
        "h AM/PM": ("2017-06-05", "day", "a time shown as the hour 14 without its minutes: the time is ignored"),
        "mm:ss": ("2017-06-06", "day", "a time shown as minutes and seconds, without its hour: the time is ignored"),
        "h:mm": ("2017-06-07T14:37", "minute", "no time zone is given with the time: read as UTC"),
    }
    assert "row 2: a time shown as the hour 14 without its minutes; the time is ignored" in warnings
    assert "row 3: a time shown as minutes and seconds, without its hour; the time is ignored" in warnings
    assert kind_of("h AM/PM") == HOUR_OF_DAY and kind_of("[$-409]h AM/PM;@") == HOUR_OF_DAY


def _styled(path: Path, codes: list[str], cells: dict[str, int]) -> None:
    """``path``'s cells in ``cells`` given the formats ``codes`` (by index)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    formats = "".join(f'<numFmt numFmtId="{164 + n}" formatCode="{code}"/>' for n, code in enumerate(codes))
    styles = "".join(f'<xf numFmtId="{164 + n}" applyNumberFormat="1"/>' for n in range(len(codes)))
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(codes)}">{formats}</numFmts>'
        f'<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/>{styles}</cellXfs></styleSheet>'
    ).encode()
    sheet = parts["xl/worksheets/sheet1.xml"]
    for ref, index in cells.items():
        sheet = sheet.replace(f'<c r="{ref}" s="2">'.encode(), f'<c r="{ref}" s="{3 + index}">'.encode())
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
