"""Hostile spreadsheet and JSON-lines files: each problem said in words, at its line and column (exit
status 2 for a file that cannot be read, a warning naming the line for a row that cannot), never a
bug report, a traceback or an encoding nobody chose; and legacy encodings read as their writers meant."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from junquito_tui.core.files import LOAD_FACTOR, ROW_BYTES, row_limit
from junquito_tui.core.interop.sheet_read import detect_encoding
from junquito_tui.core.loader import DatasetError, Loaded, load_with_report

OK_LINE = '{"datetime": "2018-01-15T04:00:00+00:00", "timestamp_desc": "Event", "message": "hello"}\n'


def warned(loaded: Loaded, *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in loaded.warnings)


def refused(path: Path) -> DatasetError:
    with pytest.raises(DatasetError) as caught:
        load_with_report(path)
    return caught.value


def only_problem(path: Path) -> tuple[int | None, int | None, str]:
    error = refused(path)
    assert len(error.problems) == 1, error.report()
    problem = error.problems[0]
    report = error.report()
    assert "bug in junquito-tui" not in report and "Traceback" not in report
    return problem.line, problem.column, problem.message


# -- Timesketch JSON lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        '{"datetime": "2018-01-16", "message": "m", "n": ' + "9" * 5000 + "}\n",
        '{"timestamp": ' + "1" * 5000 + ', "message": "m"}\n',
    ],
    ids=["in-a-field", "as-the-timestamp"],
)
def test_a_number_of_5000_digits_skips_its_line_in_words(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bigint.jsonl"
    path.write_text(OK_LINE + line + OK_LINE, encoding="utf-8")
    loaded = load_with_report(path)
    assert len(loaded.dataset.events) == 2
    assert warned(loaded, "line 2", "a number of 5,000 digits", "skipped")
    assert "1 skipped" in (loaded.summary or "")


def test_a_long_number_in_a_timesketch_csv_is_said_by_its_digits(tmp_path: Path) -> None:
    path = tmp_path / "timesketch.csv"
    rows = f",x,big,{'1' * 5000}\n,x,not a number,nan\n,x,fine,1516000000000000\n"
    path.write_text("datetime,timestamp_desc,message,timestamp\n" + rows, encoding="utf-8")
    loaded = load_with_report(path)
    assert [event.title for event in loaded.dataset.events] == ["fine"]
    assert warned(loaded, "line 2", "(a number of 5,000 digits) is too large", "row skipped")
    assert warned(loaded, "line 3", "timestamp 'nan' is not a number", "row skipped")
    assert all(len(warning) < 400 for warning in loaded.warnings)


def test_a_control_character_in_a_key_is_removed_like_one_in_a_value(tmp_path: Path) -> None:
    path = tmp_path / "esc-key.jsonl"
    path.write_text(OK_LINE + '{"datetime":"2018-01-16","message":"m","k\\u001b[31m":"v"}\n', encoding="utf-8")
    loaded = load_with_report(path)
    assert len(loaded.dataset.events) == 2
    assert warned(loaded, "control characters", "removed", "line 2")
    summary = next(event.summary for event in loaded.dataset.events if event.title == "m")
    assert "k[31m: v" in summary and "\x1b" not in summary


@pytest.mark.parametrize(("good_lines", "bad_line"), [(1, 2), (5000, 5001)])
def test_a_byte_that_is_not_utf8_is_reported_on_its_own_line(tmp_path: Path, good_lines: int, bad_line: int) -> None:
    path = tmp_path / "not-utf8.jsonl"
    bad = b'{"datetime": "2018-01-16", "message": "caf\xe9"}\n'
    path.write_bytes(OK_LINE.encode() * good_lines + bad + OK_LINE.encode())
    line, column, message = only_problem(path)
    assert (line, column) == (bad_line, bad.index(b"\xe9") + 1)
    assert "not UTF-8" in message and "0xE9" in message


def test_a_tag_is_never_evaluated_and_an_unreadable_list_is_said(tmp_path: Path) -> None:
    path = tmp_path / "tag.jsonl"
    record = {"datetime": "2018-01-16", "message": "m", "tag": "[" + "-" * 100_000 + "1]"}
    path.write_text(OK_LINE + json.dumps(record) + "\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert len(loaded.dataset.events) == 2
    assert warned(loaded, "line 2", "tag", "cannot be read as one", "read as text")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("['malware', 'lateral movement']", ["malware", "lateral movement"]),
        ('["a", "b"]', ["a", "b"]),
        ("[\"it's\", 'say \\'hi\\'', 'x\\x41\\n']", ["it's", "say 'hi'", "xA\n"]),
        ("[1, -2.5, 'c',]", ["1", "-2.5", "c"]),
        ("[]", []),
        ("[ ]", []),
        ("[['nested']]", None),
        ("['open", None),
        ("['a'] tail]", None),
        ("[" + "-" * 100_000 + "1]", None),
        ("[" + "0," * 600_000 + "0]", None),  # past the length read as a list
    ],
    ids=lambda value: repr(value)[:30] if isinstance(value, str) else None,
)
def test_tag_lists_as_timesketch_and_json_write_them(text: str, expected: list[str] | None) -> None:
    from junquito_tui.core.interop.timesketch import _read_list  # here: the test file loads without it

    assert _read_list(text) == expected


def test_a_tag_list_as_timesketch_writes_it_becomes_tags(tmp_path: Path) -> None:
    path = tmp_path / "tags.jsonl"
    record = {"datetime": "2018-01-16", "message": "m", "tag": "['malware', 'lateral movement']"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert {"malware", "lateral-movement"} <= {str(tag) for tag in event.tags}
    assert not loaded.warnings or not warned(loaded, "tag")


# -- CSV: cells too long, quotes left open --------------------------------------------------------------


def test_a_quote_left_open_past_the_cell_limit_is_named_with_its_column(tmp_path: Path) -> None:
    path = tmp_path / "unbalanced-long.csv"
    rows = "".join(f"2018-01-{1 + n % 28:02d},row {n} with some words in it to fill the cell\n" for n in range(20_000))
    path.write_text('date,title\n2018-01-15,fine\n2018-01-16,"never closed\n' + rows, encoding="utf-8")
    line, column, message = only_problem(path)
    assert (line, column) == (3, len("2018-01-16,") + 1)
    assert "quoted cell (column 2) opens here" in message and "closing quote is probably missing" in message
    assert "field limit" not in message


def test_a_cell_past_the_limit_is_named_with_its_column(tmp_path: Path) -> None:
    path = tmp_path / "bigcell.csv"
    path.write_text("date,title\n2018-01-15," + "x" * 200_000 + "\n", encoding="utf-8")
    line, column, message = only_problem(path)
    assert (line, column) == (2, len("2018-01-15,") + 1)
    assert "cell in column 2 is longer than 131,072 characters" in message


# -- CSV: bytes that are not text -----------------------------------------------------------------------


def test_random_bytes_are_said_not_to_be_text_with_where_and_what_was_tried(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    data = random.Random(7).randbytes(4096)
    path.write_bytes(data)
    line, column, message = only_problem(path)
    assert line is not None and column is not None
    assert "does not look like text" in message
    assert "tried: UTF-8" in message and "Windows-1252" in message and "charset-normalizer" in message
    assert "cp1252" not in message and "<undefined>" not in message


def test_first_undecodable_names_the_line_and_column_across_blocks(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    from junquito_tui.core.interop.sheet_read import first_undecodable  # here: the test file loads without it

    path.write_bytes(b"a,b\r\n" * 300_000 + b"x,caf\xe9\n")
    offset, byte, line, column = first_undecodable(path, "utf-8") or (0, 0, 0, 0)
    assert (offset, byte, line, column) == (1_500_005, 0xE9, 300_001, 6)


def test_a_late_byte_the_chosen_encoding_cannot_read_is_named_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "cp1251-late.csv"
    rows = "2018-01-15,Операция в Джункито: погиб Оскар Перес\n" * 10_000
    path.write_bytes(("date,title\n" + rows).encode("cp1251") + b"2018-01-16,x\x98y\n")  # 0x98: no cp1251
    line, column, message = only_problem(path)
    assert (line, column) == (10_002, len("2018-01-16,x") + 1)
    assert "not Windows-1251: 0x98" in message


# -- CSV: legacy encodings ------------------------------------------------------------------------------


def titles(path: Path) -> list[str]:
    return [event.title for event in load_with_report(path).dataset.events]


def test_latin1_spanish_reads_as_windows_1252_not_central_european(tmp_path: Path) -> None:
    path = tmp_path / "latin1-es.csv"
    text = "fecha,evento,lugar\n15/01/2018,Operación Gedeón: muere Óscar Pérez,El Junquito\n"
    path.write_bytes((text + "16/01/2018,Reacción del año,Caracas\n").encode("latin-1"))
    assert titles(path) == ["Operación Gedeón: muere Óscar Pérez", "Reacción del año"]
    encoding, notes = detect_encoding(path)
    assert encoding == "cp1252" and "read as Windows-1252" in notes[0] and "a guess" in notes[0]


def test_a_stray_byte_windows_1252_leaves_undefined_keeps_the_western_reading(tmp_path: Path) -> None:
    path = tmp_path / "badutf8.csv"
    path.write_bytes(b"date,title\n2018-01-15,caf\xe9 \xff\xfe\x81\n")
    loaded = load_with_report(path)
    assert [event.title for event in loaded.dataset.events] == ["café ÿþ"]
    assert warned(loaded, "read as Windows-1252", "0x81", "control character")
    assert warned(loaded, "control characters", "removed", "line 2")


@pytest.mark.parametrize(
    ("encoding", "label", "title", "second"),
    [
        ("cp1251", "Windows-1251", "Операция в Джункито: погиб Оскар Перес", "Реакция правительства"),
        ("cp1250", "Windows-1250", "Zażółć gęślą jaźń w Łodzi", "Spotkanie z przedstawicielami rządu"),
        ("mac_roman", "Mac Roman", "Ehrenämter in München gegründet", "Grüße aus Köln für die Bürger"),
        (
            "shift_jis",
            "Shift-JIS (Windows code page 932)",
            "東京で会議が開かれました。",
            "大阪の天気は晴れです",
        ),  # a multi-byte one
        ("euc_kr", "EUC-KR (Windows code page 949)", "서울에서 회의가 열렸습니다", "부산 날씨 맑음"),
    ],
)
def test_another_encoding_the_detector_is_sure_of_and_that_reads_better_wins(
    tmp_path: Path, encoding: str, label: str, title: str, second: str
) -> None:
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(f"date,title\n2018-01-15,{title}\n2018-01-16,{second}\n".encode(encoding))
    loaded = load_with_report(path)
    assert [event.title for event in loaded.dataset.events] == [title, second]
    assert warned(loaded, f"read as {label}", "charset-normalizer detects")


@pytest.mark.parametrize(
    ("name", "header", "row"),
    [
        ("tiny.csv", "Date,Title\n", "2018-01-15,T\n"),
        ("tiny.jsonl", "", '{"datetime": "2018-01-15T00:00:00Z", "timestamp_desc": "E", "message": "m"}\n'),
    ],
)
def test_more_rows_than_the_memory_allows_are_refused_early(tmp_path: Path, name: str, header: str, row: str) -> None:
    # before (a security trial): 18 MB of '2018-01-15,T' lines took 1.5 GB and ran out of memory after 27 s; a row
    # becomes an event of about ROW_BYTES however short it is, so the rows are counted against the memory too
    limit = row_limit(50_000)
    assert limit == 50_000 * LOAD_FACTOR // ROW_BYTES
    path = tmp_path / name
    path.write_text(header + row * limit, encoding="utf-8")
    assert len(load_with_report(path, max_bytes=50_000).dataset.events) == limit
    path.write_text(header + row * (limit + 1), encoding="utf-8")
    with pytest.raises(DatasetError) as refused:
        load_with_report(path, max_bytes=50_000)
    (problem,) = refused.value.problems
    assert problem.message.startswith(f"has more than {limit:,} rows: each becomes an event of about {ROW_BYTES:,}")
    assert problem.path == f"line {limit + 1 + bool(header)}"
