"""The fast reading of an ACLED export (shown while the ordinary import checks it in another process):
whatever it accepts, it reads exactly as the ordinary import does (dataset, warnings and counts);
what the ordinary import would warn about, it leaves to it."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xxhash
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from acled_files import HEADER, plain_rows, rows_with_odd_cells, same_reading, write_export
from junquito_tui.core import cached_load, checking, fast_json, quick_load
from junquito_tui.core.cached_load import Opened
from junquito_tui.core.checking import Check
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import acled_fast
from junquito_tui.core.interop.acled_fast import read_fast
from junquito_tui.core.interop.fields import FieldReader, plain_lines
from junquito_tui.core.interop.notes import Notes
from junquito_tui.core.loader import DatasetError, Loaded, load_with_report
from junquito_tui.core.text import CONTROL

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
BENCH = Path(__file__).resolve().parents[2] / "bench"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plain_rows())
def test_a_plain_export_is_read_fast_exactly_as_the_ordinary_import_reads_it(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str | None]]
) -> None:
    path = write_export(tmp_path_factory.mktemp("acled") / "export.csv", rows)
    fast = read_fast(path)
    assert fast is not None
    assert same_reading(fast, load_with_report(path))


# Columns an export may leave out (ACLED's export tool chooses them), and the order they may come in.
_LEFT_OUT = st.sets(st.sampled_from([name for name in HEADER if name not in {"event_id_cnty", "event_date"}]))


@settings(max_examples=120, deadline=None)
@given(rows_with_odd_cells(), _LEFT_OUT, st.randoms(use_true_random=False))
def test_whatever_the_fast_reading_accepts_it_reads_as_the_ordinary_import(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str | None]], left_out: set[str], order: Any
) -> None:
    header = [name for name in HEADER if name not in left_out]
    order.shuffle(header)
    path = write_export(tmp_path_factory.mktemp("acled") / "export.csv", rows, header=tuple(header))
    fast = read_fast(path)
    event("read fast" if fast is not None else "left to the ordinary import")
    if fast is not None:
        assert same_reading(fast, load_with_report(path))


@pytest.mark.parametrize("name", sorted(p.name for p in SHEETS.glob("*.csv")))
def test_every_sheet_fixture_is_read_alike_or_left_to_the_ordinary_import(name: str) -> None:
    fast = read_fast(SHEETS / name)
    if fast is not None:
        assert same_reading(fast, load_with_report(SHEETS / name))


def test_the_bench_s_export_is_read_fast(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    command = [sys.executable, str(BENCH / "make_dataset.py"), "--events", "3000", "--format", "acled"]
    subprocess.run([*command, "--out", str(path)], check=True, capture_output=True)
    fast = read_fast(path)
    assert fast is not None and len(fast.dataset.events) == 3000
    assert same_reading(fast, load_with_report(path))

    # The events come in chronological order: the app takes that order and sorts nothing again.
    assert fast.in_order
    assert cached_load.ordered(Opened.of(fast)).events == Chronology(fast.dataset).events


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"event_date": ""}, "a row skipped"),
        ({"event_id_cnty": "VEN1"}, "an id given twice"),
        ({"notes": "x\x1b[31m"}, "a control character removed"),
        ({"time_precision": ""}, "no time precision"),
        ({"fatalities": "many"}, "fatalities that are not a count"),
    ],
)
def test_a_row_the_ordinary_import_warns_about_is_left_to_it(
    tmp_path: Path, change: dict[str, str | None], why: str
) -> None:
    plain: dict[str, str | None] = {"event_date": "2014-07-01", "time_precision": "1", "actor1": "Rebels"}
    path = write_export(tmp_path / "export.csv", [plain, plain, plain | change])
    assert read_fast(path) is None, why
    assert load_with_report(path).warnings  # which says so


# Columns an export may carry that ACLED's layout does not have (its population figures, a team's own).
_EXTRA_NAMES = ["population_best", "my notes", "Notas del equipo"]
_EXTRA_PLAIN = ["", "1200", "Seen on TV", "Núñez; Pérez"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plain_rows(), st.lists(st.sampled_from(_EXTRA_NAMES), min_size=1, max_size=2, unique=True), st.data())
def test_columns_acled_does_not_have_are_read_fast_into_the_summary_as_the_ordinary_import_keeps_them(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str | None]], extras: list[str], data: Any
) -> None:
    for row in rows:
        row |= {name: data.draw(st.sampled_from(_EXTRA_PLAIN)) for name in extras}
    path = write_export(tmp_path_factory.mktemp("acled") / "export.csv", rows, header=(*HEADER, *extras))
    fast = read_fast(path)
    assert fast is not None
    assert same_reading(fast, load_with_report(path))
    events = {e.id: e for e in fast.dataset.events}
    for number, row in enumerate(rows, 1):  # each cell as a paragraph of its event's summary
        for name in extras:
            line = f"{name}: {row[name]}"
            assert (line in events[f"ven{number}"].summary.split("\n\n")) == bool(row[name])
    filled = [name for name in extras if any(row[name] for row in rows)]
    said = [w for w in fast.warnings if "not part of the ACLED layout" in w]
    assert len(said) == (1 if filled else 0)
    assert all(repr(name) in said[0] for name in filled)


@pytest.mark.parametrize(
    "cell", ["{{text}}", "Headline", "a\tb", "two\nlines", "\u202eevil", "\u3164", "x" * 100_000], ids=repr
)
def test_a_cell_of_another_column_the_ordinary_import_would_clean_is_left_to_it(tmp_path: Path, cell: str) -> None:
    rows: list[dict[str, str | None]] = [
        {"event_date": "2014-07-01", "time_precision": "1", "my notes": v} for v in ("a", cell)
    ]
    path = write_export(tmp_path / "export.csv", rows, header=(*HEADER, "my notes"))
    fast = read_fast(path)
    assert fast is None or same_reading(fast, load_with_report(path))
    assert fast is None, "each of these is cleaned, cut or said by the ordinary import"


# -- the check in the other process, and the app's opening of a large export -------------------------


def _plain_export(path: Path, count: int = 40) -> Path:
    rows: list[dict[str, str | None]] = [
        {"event_date": f"2014-07-{day % 28 + 1:02d}", "time_precision": str(day % 3 + 1), "actor1": f"Group {day % 7}",
         "inter1": "Rebel groups" if day % 2 else "Rioters", "source": "Wikipedia; El Pitazo", "notes": f"Row {day}."}
        for day in range(count)
    ]  # fmt: skip
    return write_export(path, rows)


def test_the_check_of_an_export_read_fast_is_ok(tmp_path: Path) -> None:
    path = _plain_export(tmp_path / "export.csv")
    digest = xxhash.xxh3_128_hexdigest(path.read_bytes())
    assert Check(path, 10**9, digest).start().wait().kind == "ok"
    assert checking.check(path, 10**9, "0" * 32) == {"outcome": "changed"}


def test_the_check_says_differs_when_the_fast_reading_is_not_the_ordinary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _plain_export(tmp_path / "export.csv")
    digest = xxhash.xxh3_128_hexdigest(path.read_bytes())
    real = acled_fast.read_fast

    def one_warning_less(*args: object, **kwargs: object) -> Loaded | None:
        loaded = real(*args, **kwargs)  # type: ignore[arg-type]
        assert loaded is not None
        return Loaded(loaded.dataset, loaded.warnings[1:], loaded.summary)

    monkeypatch.setattr(acled_fast, "read_fast", one_warning_less)
    assert checking.check(path, 10**9, digest) == {"outcome": "differs"}


def test_a_large_export_opens_fast_and_is_cached_only_by_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    path = _plain_export(tmp_path / "My export.csv")
    loaded, save, quick = quick_load.open_dataset(path, folder=tmp_path / "cache")
    assert save is None and quick is not None and quick.save is not None
    full = load_with_report(path)
    assert loaded.dataset == full.dataset and loaded.warnings == full.warnings and loaded.summary == full.summary
    assert loaded.dataset.title == "ACLED events: My export"  # named after the file, not its private copy
    assert not (tmp_path / "cache").exists()
    assert quick.check.wait().kind == "ok"


def test_a_large_sheet_the_fast_reading_leaves_is_loaded_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)

    def no_second_process(self: Check) -> Check:
        raise AssertionError("a check was started for a file with no fast reading")

    monkeypatch.setattr(Check, "start", no_second_process)
    path = tmp_path / "chronology.csv"
    path.write_text("date,event\n2014-07-01,A march\n1850s,A decade\n", encoding="utf-8")
    loaded, save, quick = quick_load.open_dataset(path, folder=tmp_path / "cache")
    assert quick is None and save is not None
    assert [e.title for e in loaded.dataset.events] == ["A decade", "A march"]


# -- the test for a row's own text: what it calls plain, cleaning gives back as it is, silently --------

_PRINTABLE = ["a", "É", " ", "  ", "(", "-66.9", ",", "{{", "}}", "lorem ipsum", "Headline", "\u3164", "\U0001f600"]
_UNPRINTABLE = ["\t", "\n", "\r", "\x1b", "\x85", "\xa0", "\u2028", "\u202e", "\ufffe", "\U0001fffe", "\u200b"]
_PIECES = st.sampled_from(_PRINTABLE * 6 + _UNPRINTABLE)  # mostly printable


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=8).map("".join), st.integers(1, 40))
def test_a_plain_line_is_given_back_as_it_is_and_nothing_said(text: str, limit: int) -> None:
    notes = Notes()
    cleaned = FieldReader(notes).line(text, "line 2", limit)
    if plain_lines([text], limit) == [True]:
        assert cleaned == text and notes.said == 0


def test_a_place_with_its_coordinates_is_plain() -> None:
    place = "Catia, Libertador, Distrito Capital, Venezuela (10.4954, -66.5505; near this place)"
    assert plain_lines([place, "Catia  (10.4954, -66.5505)", "{{place}}"]) == [True, False, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeff\nEVENT_ID_CNTY,EVENT_DATE,YEAR\nVEN1,2018-01-15,2018\n", True),
        ("event_id_cnty,event_date\n", True),
        ("date,event\n2018-01-15,A raid\n", False),
        ("Year,Month,Day,Headline\n", False),
        ("", False),
    ],
)
def test_only_an_acled_header_is_worth_a_fast_reading(tmp_path: Path, text: str, expected: bool) -> None:
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    assert acled_fast.is_acled(path) is expected


def test_with_no_room_for_a_private_copy_an_export_opens_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def full(*args: object, **kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    monkeypatch.setattr(tempfile, "mkdtemp", full)
    path = _plain_export(tmp_path / "export.csv")
    loaded, save, quick = quick_load.open_dataset(path, folder=tmp_path / "cache")
    assert quick is None and save is not None
    assert loaded.dataset == load_with_report(path).dataset


def test_a_check_stopped_mid_way_leaves_no_copy_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile
    import time

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # the child's temporary folder
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # and ours
    path = _plain_export(tmp_path / "export.csv", count=20_000)
    check = Check(path, 10**9, xxhash.xxh3_128_hexdigest(path.read_bytes())).start()
    for _ in range(400):  # until the child is making its copy (its folder and lock made: not between the two)
        if list(temp.glob("junquito-book-*/.reading")):
            break
        time.sleep(0.025)
    assert list(temp.glob("junquito-book-*/.reading")), "the child made no copy"
    check.stop()  # as the app does when it quits while the check runs
    assert list(temp.glob("junquito-book-*")) == []


@pytest.mark.parametrize(
    "scale", ["National\x01x", "\x1b]2;PWNED\x07", "Nat\rional", "Nat\r\nional", "\u3164", "\u202eNational"]
)
def test_a_cell_the_ordinary_import_would_clean_is_never_shown_as_written(tmp_path: Path, scale: str) -> None:
    # the source scale was joined into the summary untested: an escape sequence reached the terminal
    rows: list[dict[str, str | None]] = [{"event_date": "2014-07-01", "time_precision": "1"}] * 3
    path = write_export(tmp_path / "export.csv", [*rows, {**rows[0], "source_scale": scale}])
    fast = read_fast(path)
    assert fast is None or same_reading(fast, load_with_report(path))
    assert fast is None or all(scale not in event.summary for event in fast.dataset.events)


_TEXT = st.text(
    st.sampled_from("a é\t\n\r\x00\x1b\x7f\x85\x9b\xa0\u115f\u202e\u2066\u3164\ufdd0\ufeff\uffff\U0001fffe\U0010ffff😀")
)


@given(_TEXT, _TEXT)
def test_the_raw_scan_finds_what_the_model_refuses_as_a_control(before: str, text: str) -> None:
    raw = (before + text).encode("utf-8", "surrogatepass")
    refused = CONTROL.search((before + text).replace("\r", "")) is not None  # a CSV's line ends are its own
    assert fast_json.has_raw_control(raw) is refused


@pytest.mark.parametrize(
    ("extra", "fast"),
    [(["EXTRA"], False), (["", "  "], False), (["", "EXTRA"], False)],  # (each said by the ordinary import)
)
def test_a_cell_past_the_last_column_name_is_left_to_the_ordinary_import(
    tmp_path: Path, extra: list[str], fast: bool
) -> None:
    path = tmp_path / "export.csv"
    rows: list[dict[str, str | None]] = [{"event_date": "2014-07-01", "time_precision": "1"}] * 3
    write_export(path, rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += "," + ",".join(extra)  # the second row runs on past the header
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_fast(path)
    assert (read is not None) is fast
    assert read is None or same_reading(read, load_with_report(path))


def test_a_delimiter_after_every_rows_last_cell_keeps_the_fast_reading(tmp_path: Path) -> None:
    # (a review: refused once rows longer than the header were named, 0.8 s became 3.3 s at 50,000 rows; every row
    # long alike by an empty cell is said nothing of, by either reading)
    path = tmp_path / "export.csv"
    write_export(path, [{"event_date": "2014-07-01", "time_precision": "1"}] * 3)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], *(line + "," for line in lines[1:])]) + "\n", encoding="utf-8")
    read = read_fast(path)
    assert read is not None and same_reading(read, load_with_report(path))
    assert not any("more cells" in warning for warning in read.warnings)


def test_an_app_that_exits_while_a_copy_is_read_leaves_no_copy(tmp_path: Path) -> None:
    # the loading thread does not hold the app open: its own cleanup never ran when the app quit
    temp = tmp_path / "temp"
    temp.mkdir()
    path = _plain_export(tmp_path / "export.csv")
    code = (
        "import sys, threading, time\n"
        "from pathlib import Path\n"
        "from junquito_tui.core.interop.book_copy import private_copy\n"
        "def read():\n"
        "    with private_copy(Path(sys.argv[1]), 10**9):\n"
        "        time.sleep(60)\n"
        "threading.Thread(target=read, daemon=True).start()\n"
        "for _ in range(200):\n"
        "    time.sleep(0.02)\n"
        "    if list(Path(sys.argv[2]).glob('junquito-book-*')):\n"
        "        break\n"
        "print(len(list(Path(sys.argv[2]).glob('junquito-book-*'))))\n"
    )
    env = {**os.environ, "TMPDIR": str(temp)}
    done = subprocess.run([sys.executable, "-c", code, str(path), str(temp)], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "1"  # the copy was there while the thread read it
    assert list(temp.glob("junquito-book-*")) == []


def test_a_cell_over_the_csv_module_s_limit_is_refused_by_both_readings(tmp_path: Path) -> None:
    """Found in review: the fast reading split the line at its commas and read what the ordinary refuses."""
    rows: list[dict[str, str | None]] = [{"event_date": "2018-01-15", "time_precision": "1"}] * 3
    rows[1] = {**rows[1], "timestamp": "x" * (csv.field_size_limit() + 1)}  # a column the fast reading skips
    path = write_export(tmp_path / "export.csv", rows)
    assert read_fast(path) is None
    with pytest.raises(DatasetError, match="131,072"):
        load_with_report(path)
