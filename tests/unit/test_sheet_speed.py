"""The spreadsheet import's shortcuts give exactly what the plain code gives (each against it as the oracle)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from random import Random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from junquito_tui.core import records
from junquito_tui.core.interop import acled, timelinejs_dates, timelinejs_sheet
from junquito_tui.core.interop.builder import dump_event
from junquito_tui.core.interop.notes import Notes
from junquito_tui.core.interop.sheet_clock import read_time
from junquito_tui.core.interop.sheet_events import cell_text
from junquito_tui.core.interop.sheet_layouts import TIMELINEJS_COLUMNS
from junquito_tui.core.interop.sheet_when import DayOrder, SheetDates
from junquito_tui.core.interop.sheets import import_sheet
from junquito_tui.core.interop.timelinejs_sheet import _time_of
from junquito_tui.core.model import When
from junquito_tui.core.text import CONTROL, has_control
from strategies import whens

BENCH = Path(__file__).resolve().parents[2] / "bench"

# Every kind of character CONTROL knows, its neighbours, and ordinary text, ASCII or not.
_TRICKY = [
    *"\x00\x08\t\n\x0b\x1b\x1f\x7f\x80\x9f\xa0",
    *"\u115e\u115f\u1160\u3164\uffa0\ufdcf\ufdd0\ufdef\ufdf0\ufffd\ufffe\uffff",
    *"\u2029\u202a\u202e\u202f\u2065\u2066\u2069\u206a\u200f",
    *(chr(plane * 0x10000 + low) for plane in (1, 2, 14, 16) for low in (0xFFFD, 0xFFFE, 0xFFFF)),
    "\U00010000",
    "😀",
    *"aé Ñ-",
]


@settings(max_examples=500)
@given(st.lists(st.one_of(st.sampled_from(_TRICKY), st.characters()), max_size=40).map("".join))
def test_has_control_is_control_search(text: str) -> None:
    assert has_control(text) is (CONTROL.search(text) is not None)


def test_has_control_knows_every_character() -> None:
    """Each code point alone, and after an ASCII letter and an accented one (the fast paths differ)."""
    for code in range(0x110000):
        char = chr(code)
        expected = CONTROL.search(char) is not None
        assert has_control(char) is expected, hex(code)
        if code % 4096 in (0, 0xFFE, 0xFFF) or expected:
            assert has_control("a" + char) is expected and has_control("é" + char) is expected, hex(code)


def test_re_whitespace_is_str_isspace() -> None:
    """one_line folds with str.split(): the same characters as the \\s it replaced, every one of them."""
    space = re.compile(r"\s")
    assert all((space.fullmatch(chr(c)) is not None) is chr(c).isspace() for c in range(0x110000))


# -- memos: a repeated cell gives what reading it afresh gives --------------------------------------

_DATE_FORMS = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(2100, 12, 31)).flatmap(
        lambda d: st.sampled_from(
            [d.isoformat(), f"{d.day}/{d.month}/{d.year}", f"{d.month}/{d.day}/{d.year}", f"{d.day} {d:%B %Y}"]
        )
    ),
    st.sampled_from(["1850s", "Spring 1834", "winter 1834-35", "1826-31", "-460", "476 BCE", "c. 1900", "nope", ""]),
    st.sampled_from(["1-May-20", "11-09-1810  0:00:00", "2018-01-15T04:00-04:00", "44000", "2014-02-30", "12:30"]),
)


def _parsed(dates: SheetDates, text: str, where: str) -> object:
    parsed = dates.read(text, where)
    return None if parsed is None else dataclasses.asdict(parsed)


@settings(max_examples=60, deadline=None)
@given(st.lists(_DATE_FORMS, min_size=1, max_size=30), st.randoms(use_true_random=False))
def test_the_date_memo_reads_as_a_fresh_reader(texts: list[str], random: Random) -> None:
    """Cells read by one SheetDates (each text parsed once, then shared) give what readers that have
    never seen the text give (one per cell, the file's warnings and day-order evidence shared): the
    same parts, the same warnings, the same evidence."""
    texts = texts + random.sample(texts, len(texts))  # every text at least twice, in another order
    shared = SheetDates(Notes(), DayOrder())
    notes, order = Notes(), DayOrder()
    for number, text in enumerate(texts):
        assert _parsed(shared, text, f"line {number}") == _parsed(SheetDates(notes, order), text, f"line {number}")
    assert shared.notes.lines() == notes.lines()
    assert (shared.order.seen, shared.order.ambiguous) == (order.seen, order.ambiguous)
    assert shared.order.decide(shared.notes) == order.decide(notes) and shared.notes.lines() == notes.lines()
    assert shared._parsed.keys() == set(texts)  # the memo held each text once


@given(st.one_of(st.sampled_from(["10:30", "10:30 PM", "0:00", "25:00", "x", "10:30:45", " 7:05 am", ""]), st.text()))
def test_the_time_memo_is_read_time(text: str) -> None:
    assert _time_of(text)[0] == read_time(text)
    assert _time_of(text)[0] == read_time(text)  # from the memo the second time


@given(
    st.sampled_from(["10:30", "10:30 PM", "7:05 am"]), st.sampled_from(["", "Z", " UTC", " +02:00", "-0530", " +14:00"])
)
def test_the_time_memo_keeps_the_zone_a_time_states(clock: str, zone: str) -> None:
    parts, offset = _time_of(clock + zone)
    assert parts == read_time(clock)
    expected = {"": None, "Z": "+00:00", " UTC": "+00:00", " +02:00": "+02:00", "-0530": "-05:30", " +14:00": "+14:00"}
    assert offset == expected[zone]


@given(whens())
def test_a_dumped_date_is_the_model_s_dump_and_a_copy(raw: dict[str, object]) -> None:
    when = When(**raw)  # type: ignore[arg-type]
    expected = TypeAdapter(When).dump_python(when, mode="json", exclude_defaults=True)
    memo: dict[records.When, dict[str, Any]] = {}  # keyed by the records the builder dumps
    first = dump_event({"title": "t", "when": when}, memo=memo)
    first["when"]["date"] = "changed"  # the document's copy is the caller's to change
    assert dump_event({"title": "t", "when": when}, memo=memo)["when"] == expected == dump_event({"when": when})["when"]


# -- rows by one C call give the cells the plain loop gives ------------------------------------------

_CELLS = st.lists(st.sampled_from(["", " a ", "b", "  ", "VEN1", "2014-01-01", "\t3\n"]), max_size=12)


@given(st.dictionaries(st.sampled_from(list(acled.COLUMNS)), st.integers(0, 9)), _CELLS)
def test_acled_cells_fast_path_is_the_plain_path(at: dict[str, int], cells: list[str]) -> None:
    columns: dict[str, int | None] = {key: at.get(key) for key in acled.COLUMNS}
    fast = acled._Cells(columns, all_text=True).row(list(cells))
    plain = acled._Cells(columns, all_text=False).row(list(cells))
    assert fast == plain
    assert plain == {
        key: (cell_text(cells[p]) if p < len(cells) else "") if p is not None else "" for key, p in columns.items()
    }


@given(st.dictionaries(st.sampled_from(list(TIMELINEJS_COLUMNS)), st.integers(0, 9)), _CELLS)
def test_timelinejs_cells_are_the_template_s_columns(at: dict[str, int], cells: list[str]) -> None:
    columns: dict[str, int | None] = {key: at.get(key) for key in TIMELINEJS_COLUMNS}
    row = timelinejs_sheet._Cells(columns).row(list(cells))
    assert row == {key: cells[p] if p is not None and p < len(cells) else None for key, p in columns.items()}


# -- ACLED's repeats: an event from a file of many rows is the event of its row alone ----------------

_ACLED_HEADER = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1"]
_ACLED_HEADER += ["assoc_actor_1", "inter1", "location", "latitude", "longitude", "source", "notes", "tags"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["2014-07-01", "2014-07-02", "2015-01-31", "13/02/2014", "1850s", "2014"]),
            st.sampled_from(["", "1", "2", "3", "2.0", "4"]),
            st.sampled_from(["Battles", "Protests", "Riots"]),
            st.sampled_from(["", "Police Forces of Venezuela", "Rebels", "  Rebels "]),
            st.sampled_from(["", "A; B", "B"]),
            st.sampled_from(["", "1", "6", "State forces"]),
            st.sampled_from(["Caracas", "Catia", ""]),
            st.sampled_from(["", "El Pitazo; Efecto Cocuyo", "Wikipedia"]),
            st.sampled_from(["", "crowd size=no report", "a;b"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_acled_rows_read_together_as_each_alone(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, ...]]
) -> None:
    folder = tmp_path_factory.mktemp("acled")

    def write(name: str, numbered: list[tuple[int, tuple[str, ...]]]) -> dict[str, dict[str, object]]:
        path = folder / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(_ACLED_HEADER)
            for number, (date, precision, kind, actor, assoc, inter, place, source, tags) in numbered:
                out.writerow([f"VEN{number}", date, precision, kind, "Attack", actor, assoc, inter, place,
                              "10.5", "-66.9", source, f"Notes {number}", tags])  # fmt: skip
        events = import_sheet(path).document["events"]
        return {event["id"]: {k: v for k, v in event.items() if k != "sources"} for event in events}

    together = write("all.csv", list(enumerate(rows)))
    alone: dict[str, dict[str, object]] = {}
    for number, row in enumerate(rows):
        alone |= write(f"row{number}.csv", [(number, row)])
    assert together == alone


# -- streaming: the import never holds the rows, the events and the document all at once ------------


def _copied(value: Any, seen: dict[int, Any] | None) -> Any:
    """A copy of a document's dicts and lists (the rest shared); with ``seen``, a container met twice
    is copied once, as the original shares it; without, each place gets its own."""
    if not isinstance(value, dict | list):
        return value
    if seen is not None and id(value) in seen:
        return seen[id(value)]
    if isinstance(value, dict):
        copy: Any = {key: _copied(item, seen) for key, item in value.items()}
    else:
        copy = [_copied(item, seen) for item in value]
    if seen is not None:
        seen[id(value)] = copy
    return copy


def _containers_bytes(make: Any) -> int:
    """What ``make()`` allocates and keeps (tracemalloc running)."""
    before = tracemalloc.get_traced_memory()[0]
    kept = make()
    size = tracemalloc.get_traced_memory()[0] - before
    del kept
    return size


@pytest.mark.parametrize("fmt", ["acled", "timelinejs-sheet"])
def test_the_import_peak_is_near_the_document_it_returns(tmp_path: Path, fmt: str) -> None:
    """tracemalloc (deterministic, unlike the process's size): each row's draft and slide go as its
    event is made, and each event is dumped in place; holding them all until the end was 1.65x
    (ACLED) and 2.45x (TimelineJS sheet) the document at 3,000 rows."""
    path = tmp_path / f"{fmt}.csv"
    made = subprocess.run(
        [sys.executable, str(BENCH / "make_dataset.py"), "--events", "3000", "--format", fmt, "--out", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    # The same start whatever ran before: the importers' memos of dates and parts are module-wide.
    for memo in (timelinejs_dates._when, timelinejs_dates._number_text, timelinejs_dates._day_exists, _time_of):
        memo.cache_clear()
    records.parse_partial_date.cache_clear()
    gc.collect()
    tracemalloc.start()
    try:
        imported = import_sheet(path)
        held, peak = tracemalloc.get_traced_memory()
        # The import shares the lists rows repeat (an ACLED event's claims and tags), which made the
        # document smaller and this ratio larger: compare with the document as if nothing were shared
        # (its containers copied as they are, then each its own; the strings are shared by both copies).
        shared = _containers_bytes(lambda: _copied(imported.document, {}))
        unshared = _containers_bytes(lambda: _copied(imported.document, None))
    finally:
        tracemalloc.stop()
    assert len(imported.document["events"]) == 3000
    held += unshared - shared
    assert peak <= 1.55 * held, (peak, held)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_long_csv_reports_how_far_it_has_read(tmp_path: Path, newline: str) -> None:
    """The loading screen's bar follows the bytes read: rising, within (0, 1], near 1 at the last report."""
    path = tmp_path / "long.csv"
    rows = [f"2017-06-{1 + n % 28:02d},Event number {n} with ñ and some words" for n in range(12_000)]
    path.write_text(newline.join(["date,event", *rows]) + newline, encoding="utf-8", newline="")
    reported: list[tuple[str, float | None]] = []
    imported = import_sheet(path, progress=lambda stage, fraction: reported.append((stage, fraction)))
    assert len(imported.document["events"]) == 12_000
    shares = [fraction for stage, fraction in reported if stage.startswith("Reading rows")]
    assert len(shares) == 12_000 // 5000
    assert all(share is not None for share in shares)
    known = [share for share in shares if share is not None]
    assert known == sorted(known) and len(set(known)) == len(known)
    assert 0 < known[0] < 0.6 and 0.7 < known[-1] <= 1.0  # rows 5,000 and 10,000 of 12,000
