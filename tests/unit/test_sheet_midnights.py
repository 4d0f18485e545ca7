"""A file whose every time is midnight gives days, not events at 00:00: programs write a date alone so
('2020-03-21T00:00:00', pandas' '1810-11-09 00:00:00+00:00', JavaScript's '...T00:00:00.000Z'). A trial
found 00:00 drawn for each. Where some date gives another time, a midnight written as a time is one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.sheet_when import ALL_MIDNIGHT, ALL_MIDNIGHT_NOTE
from junquito_tui.core.loader import load_with_report

# named after what a trial saw: each file's date column as written
FILES = {
    "iso-midnights.csv": ["2020-03-21T00:00:00", "2020-03-22T00:00:00", "2020-03-23T00:00:00"],
    "pandas-zoned-midnights.csv": ["1810-11-09 00:00:00+00:00", "1850-03-22 00:00:00+00:00"],
    "javascript-midnights.csv": ["2020-03-21T00:00:00.000Z", "2020-03-22T00:00:00.000Z"],
}


def _write(path: Path, cells: list[str]) -> Path:
    rows = [f"{cell},Event {number}" for number, cell in enumerate(cells)]
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_files_whose_every_time_is_midnight_give_days_said(tmp_path: Path) -> None:
    for name, cells in FILES.items():
        loaded = load_with_report(_write(tmp_path / name, cells))
        whens = [event.when for event in loaded.dataset.events]
        assert all(when is not None and when.precision == "day" and when.utc_offset is None for when in whens), name
        assert all(when is not None and when.note and ALL_MIDNIGHT_NOTE in when.note for when in whens), name
        assert [w for w in loaded.warnings if w.startswith(ALL_MIDNIGHT)], name
        assert not [w for w in loaded.warnings if "carry no time zone" in w], name  # (no time is read)


def test_a_midnight_written_as_a_time_beside_other_times_is_00_00(tmp_path: Path) -> None:
    loaded = load_with_report(_write(tmp_path / "times.csv", ["2020-03-21T00:00:00Z", "2020-03-21T14:30:00Z"]))
    assert sorted(str(event.when.date) for event in loaded.dataset.events if event.when) == [
        "2020-03-21T00:00",
        "2020-03-21T14:30",
    ]
    assert not [w for w in loaded.warnings if w.startswith(ALL_MIDNIGHT)]


def test_a_timelinejs_sheet_whose_every_time_is_midnight_gives_days_said(tmp_path: Path) -> None:
    header = "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
    path = tmp_path / "v2-midnights.csv"
    path.write_text(header + "2020-03-21T00:00:00,,One,,,,,,,\n2020-03-22T00:00:00,,Two,,,,,,,\n", encoding="utf-8")
    loaded = load_with_report(path)
    whens = [event.when for event in loaded.dataset.events]
    assert all(
        when is not None and when.precision == "day" and ALL_MIDNIGHT_NOTE in (when.note or "") for when in whens
    )
    assert [w for w in loaded.warnings if w.startswith(ALL_MIDNIGHT)]


def test_a_fraction_of_a_second_past_midnight_is_a_time(tmp_path: Path) -> None:
    loaded = load_with_report(_write(tmp_path / "fraction.csv", ["2020-03-21T00:00:00.5Z", "2020-03-22T00:00:00Z"]))
    assert {event.when.precision for event in loaded.dataset.events if event.when} == {"minute"}


# A date cell: a day alone, or a day with a time (midnight or not) written ISO's way, with a zone or not.
_CELL = st.tuples(st.dates(), st.sampled_from(["none", "midnight", "time"]), st.sampled_from(["T", "T+Z", " +00:00"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=6))
def test_a_date_is_to_the_minute_exactly_where_it_gives_a_time_and_some_date_gives_one_not_midnight(
    tmp_path_factory: pytest.TempPathFactory, cells: list[tuple[date, str, str]]
) -> None:
    written = []
    for day, kind, form in cells:
        clock = {"none": "", "midnight": "00:00:00", "time": "14:30:00"}[kind]
        zone = {"T": "", "T+Z": "Z", " +00:00": "+00:00"}[form]
        joint = " " if form.startswith(" ") else "T"
        written.append(f"{day.isoformat()}{joint}{clock}{zone}" if clock else day.isoformat())
    path = _write(tmp_path_factory.mktemp("midnights") / "dates.csv", written)
    timed_file = any(kind == "time" for _, kind, _ in cells)
    by_title = {event.title: event.when for event in load_with_report(path).dataset.events}
    for number, (_, kind, _) in enumerate(cells):
        when = by_title[f"Event {number}"]
        assert when is not None
        assert (when.precision == "minute") == (kind == "time" or (kind == "midnight" and timed_file)), written
