"""A TimelineJS sheet's Time cell: an ODS duration (python-calamine gives it as ISO 8601 text) is no time
of day, and milliseconds, given by a time cell or written, are kept in the date's note and order the
events of one second."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest

import sheet_files
from junquito_tui.core.interop.sheet_clock import read_time
from junquito_tui.core.loader import load_with_report


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("PT30H00M00S", "30:00 is a duration, not a time of day"),  # was "'PT30H00M00S' is not a time of day"
        ("P1DT2H00M00S", "26:00 is a duration, not a time of day"),
        ("-PT1H30M00S", "-1:30 is a duration, not a time of day"),
        ("PT10H30M15.5S", {"hour": 10, "minute": 30, "second": 15, "millisecond": 500}),
        ("PT10H30M00S", {"hour": 10, "minute": 30}),
        ("10:30:15.5", {"hour": 10, "minute": 30, "second": 15, "millisecond": 500}),
        ("10:30:15,25", {"hour": 10, "minute": 30, "second": 15, "millisecond": 250}),
        ("10:30:15.1239", {"hour": 10, "minute": 30, "second": 15, "millisecond": 123}),  # to TimelineJS's unit
        ("10:30:15", {"hour": 10, "minute": 30, "second": 15}),
        (time(10, 30, 15, 500_000), {"hour": 10, "minute": 30, "second": 15, "millisecond": 500}),
        (time(10, 30, 0, 250_000), {"hour": 10, "minute": 30, "second": 0, "millisecond": 250}),
        (timedelta(hours=10, minutes=30, seconds=15.25), {"hour": 10, "minute": 30, "second": 15, "millisecond": 250}),
        # a bare number was 'not a time of day' (a user trial: '9' may well be an hour): said as what it lacks
        ("9", "'9' is a number, not a time (an hour is written with its minutes: '09:00')"),
        ("¹", "'¹' is not a time of day"),  # (a digit int() cannot read: it raised, found by a property test)
        ("Morning", "'Morning' is not a time of day"),
    ],
)
def test_a_time_cell_is_read_to_its_millisecond_and_a_duration_is_named(cell: object, expected: object) -> None:
    assert read_time(cell) == expected


def test_an_ods_duration_in_the_time_column_is_said_as_hours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = sheet_files._ods_cell

    def cell(value: sheet_files.Cell) -> str:  # an ODS time cell: the value type python-calamine reads
        if isinstance(value, str) and value.startswith("PT"):
            typed = f'office:value-type="time" office:time-value="{value}"'
            return f"<table:table-cell {typed}><text:p>x</text:p></table:table-cell>"
        return real(value)

    monkeypatch.setattr(sheet_files, "_ods_cell", cell)
    rows: list[list[sheet_files.Cell]] = [
        ["Year", "Month", "Day", "Time", "Headline"],
        [2018, 1, 16, "PT30H00M00S", "Long"],
    ]
    path = sheet_files.write_ods(tmp_path / "times.ods", rows)
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.date == "2018-01-16"
    assert event.when.note == "30:00 is a duration, not a time of day: the time is ignored"
    assert "row 2: 30:00 is a duration, not a time of day; the time is ignored" in loaded.warnings


def test_milliseconds_are_noted_and_order_the_events_of_one_second(tmp_path: Path) -> None:
    path = tmp_path / "ms.csv"
    path.write_text(
        "Year,Month,Day,Time,Headline\n2018,1,15,10:30:15.25,A\n2018,1,15,10:30:15.2,B\n2018,1,15,10:30:15,C\n"
    )
    from junquito_tui.core.chronology import Chronology

    events = Chronology(load_with_report(path).dataset).events
    assert [e.title for e in events] == ["C", "B", "A"]  # 15.000, 15.200, 15.250 (file order was A, B, C)
    notes = [e.when.note for e in events if e.when is not None]
    assert [note.split(";")[0] for note in notes if note] == [
        "the file gives 10:30:15",
        "the file gives 10:30:15.200",
        "the file gives 10:30:15.250",
    ]
