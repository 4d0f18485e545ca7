"""The loader's messages and locations, for each way a file can be wrong."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from junquito_tui.core.loader import DatasetError, load_dataset
from junquito_tui.core.model import TEXT_MAX
from junquito_tui.core.problems import Problem


def error_of(path: Path, **kwargs: Any) -> DatasetError:
    with pytest.raises(DatasetError) as caught:
        load_dataset(path, **kwargs)
    return caught.value


def test_valid_file_loads(write: Any, minimal: dict[str, Any]) -> None:
    assert len(load_dataset(write(minimal)).events) == 2


def test_bundled_dataset_loads_by_default() -> None:
    dataset = load_dataset()
    assert dataset.events and dataset.actors and dataset.quotes and dataset.sources


@pytest.mark.parametrize(("content", "message"), [("", "is empty"), ("  \n\t ", "is empty")])
def test_empty_files(write: Any, content: str, message: str) -> None:
    assert message in error_of(write(content)).report()


def test_truncated_json_gives_line_and_column(write: Any) -> None:
    path = write('{\n  "title": "x",\n  "events": [\n')
    report = error_of(path).report()
    assert f"{path}:4:1: invalid JSON" in report


def test_trailing_comma_gives_line_and_column(write: Any) -> None:
    path = write('{\n  "title": "x",\n}\n')
    assert f"{path}:3:1: invalid JSON: expected a quoted key (a trailing comma" in error_of(path).report()


@pytest.mark.parametrize(("content", "kind"), [("[1, 2]", "an array"), ('"hello"', "a string"), ("3", "a number")])
def test_top_level_must_be_an_object(write: Any, content: str, kind: str) -> None:
    assert f"the top level must be a JSON object, not {kind}" in error_of(write(content)).report()


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_rejected(write: Any, constant: str) -> None:
    assert f"{constant} is not valid JSON" in error_of(write(f'{{"title": {constant}}}')).report()


def test_utf8_bom_is_accepted(write: Any, minimal: dict[str, Any]) -> None:
    path = write(b"\xef\xbb\xbf" + json.dumps(minimal).encode())
    assert load_dataset(path).title == "Test chronology"


def test_utf16_is_named(write: Any, minimal: dict[str, Any]) -> None:
    path = write(json.dumps(minimal).encode("utf-16"))
    assert "looks like UTF-16" in error_of(path).report()


def test_latin1_is_located(write: Any) -> None:
    path = write('{\n  "title": "Pérez"\n}'.encode("latin-1"))
    assert f"{path}:2:14: byte 0xE9 is not valid UTF-8 (is it Latin-1" in error_of(path).report()


def test_binary_is_named(write: Any) -> None:
    assert "binary data" in error_of(write(bytes(range(256)) * 4)).report()
    assert "not valid UTF-8" in error_of(write(b'{"title": "\xff\xfe\x80"}')).report()


def test_directory_missing_and_unreadable_paths(tmp_path: Path, write: Any) -> None:
    assert "is a directory" in error_of(tmp_path).report()
    assert "no such file" in error_of(tmp_path / "absent.json").report()
    locked = write("{}", "locked.json")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: nothing to test then
            pytest.skip("running as a user who can read a mode-000 file")
        assert "permission denied" in error_of(locked).report()
    finally:
        locked.chmod(0o644)


def test_size_limit_is_an_option(write: Any, minimal: dict[str, Any]) -> None:
    path = write(minimal)
    report = error_of(path, max_bytes=100).report()
    assert "over the limit of 100" in report and "--max-bytes" in report


def test_deep_nesting_is_refused_cleanly(write: Any) -> None:
    path = write("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in error_of(path).report()


def test_schema_problems_are_all_reported_with_paths(write: Any, minimal: dict[str, Any]) -> None:
    minimal["events"][1]["actors"][0]["actor"] = 7
    minimal["events"][0]["when"]["date"] = "2018-02-30"
    minimal["quotes"][0]["colour"] = "red"
    del minimal["actors"][0]["name"]
    report = error_of(write(minimal)).report()
    assert "4 problems" in report
    assert "actors[0].name: missing required field 'name'" in report
    assert "events[0].when: date '2018-02-30' does not exist" in report
    assert "events[1].actors[0].actor: Input should be a valid string (got 7)" in report
    assert "quotes[0].colour: unknown field 'colour'" in report


def test_reference_problems_reach_the_report(write: Any, minimal: dict[str, Any]) -> None:
    minimal["events"][0]["actors"][0]["actor"] = "oscar-peres"
    path = write(minimal)
    report = error_of(path).report()
    assert report.splitlines()[0] == f"{path}: 1 problem"
    assert "events[0].actors[0].actor: unknown actor 'oscar-peres' (did you mean 'oscar-perez'?)" in report


def test_a_field_at_its_limit_loads_and_one_character_more_is_located(write: Any, minimal: dict[str, Any]) -> None:
    minimal["events"][0]["summary"] = "x" * TEXT_MAX
    assert len(load_dataset(write(minimal)).events[0].summary) == TEXT_MAX
    minimal["events"][0]["summary"] = "x" * 10_000_000
    assert error_of(write(minimal)).problems == [
        Problem("events[0].summary", "a summary is at most 100,000 characters; this one has 10,000,000")
    ]


def test_loading_never_writes_the_file(write: Any, minimal: dict[str, Any]) -> None:
    path = write(minimal)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_dataset(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_control_characters_in_keys_are_shown_escaped(write: Any, minimal: dict[str, Any]) -> None:
    minimal["events"][0]["\x1b]52;c;aGk=\x07"] = 1
    report = error_of(write(minimal)).report()
    assert "\\x1b]52;c;aGk=\\x07" in report and "\x1b" not in report and "\x07" not in report


# -- messages that say where and what -----------------------------------------------------------------

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


def test_a_number_too_long_to_read_is_located() -> None:
    path = HOSTILE / "number-5000-digits.json"
    report = error_of(path).report()
    assert report == f"{path}: 1 problem\n  {path}:2:21: a number of 5,000 digits is too long to read (at most 4,300)"


def test_a_long_number_inside_a_string_is_not_the_one_located(write: Any) -> None:
    path = write('{"title": "' + "9" * 5000 + '",\n "n": -' + "1" * 4400 + "}")
    assert f"{path}:2:7: a number of 4,400 digits is too long" in error_of(path).report()


def test_nan_is_located(write: Any) -> None:
    path = write('{"title": "NaN",\n  "x": [1, NaN]}')
    assert f"{path}:2:12: NaN is not valid JSON" in error_of(path).report()  # not the one in the string


def test_a_zero_filled_file_is_binary_not_utf16(write: Any) -> None:
    report = error_of(write(bytes(100_000))).report()
    assert "holds binary data (zero bytes)" in report and "UTF-16" not in report


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_is_still_named_with_or_without_a_byte_order_mark(write: Any, encoding: str) -> None:
    assert "looks like UTF-16" in error_of(write('{"title": "x"}'.encode(encoding))).report()


def test_a_huge_zero_filled_file_is_refused_from_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "zeros.json"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: 2 GB on paper
    assert "holds binary data" in error_of(path, max_bytes=3 * 1024**3).report()


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    write: Any, minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from junquito_tui.core import files

    path = write(minimal)
    monkeypatch.setattr(files, "preflight", lambda target, max_bytes: 10)  # it was small when checked
    assert "over the limit of 100" in error_of(path, max_bytes=100).report()


# -- the last line of defence: any exception while loading is a located report ------------------------


@pytest.mark.parametrize(
    ("where", "error", "expected", "valid"),
    [
        ("core.loader.check_integrity", RuntimeError("boom"), "could not be checked (RuntimeError: boom)", True),
        ("core.loader.parse_json", KeyError("x"), "could not be checked (KeyError: 'x')", False),
        ("core.raw_checks.check_integrity", TypeError("t"), "could not be checked (TypeError: t)", False),
        ("core.loader.read_file", MemoryError(), "ran out of memory while it was being read", True),
    ],
)
def test_unexpected_exceptions_become_a_report_naming_file_and_stage(
    write: Any,
    minimal: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    error: Exception,
    expected: str,
    valid: bool,
) -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(f"junquito_tui.{where}", fail)
    if not valid:
        minimal["title"] = 5  # the careful path: the document is parsed and checked part by part
    path = write(minimal)
    report = error_of(path).report()
    assert report.startswith(f"{path}: 1 problem\n") and expected in report


def test_an_importer_bug_is_reported_as_a_conversion_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    from junquito_tui.core.interop import timelinejs_import
    from junquito_tui.core.loader import load_timelinejs

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr(timelinejs_import, "from_timelinejs", fail)
    path = Path(__file__).parents[1] / "data" / "timelinejs" / "times.json"
    for load in (load_dataset, load_timelinejs):
        with pytest.raises(DatasetError) as caught:
            load(path)
        report = caught.value.report()
        assert report.startswith(f"{path}: 1 problem\n  could not be converted from TimelineJS (ValueError: Exceeds")
        assert "this is a bug in junquito-tui, please report it" in report


def test_keyboard_interrupt_is_not_swallowed(
    write: Any, minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr("junquito_tui.core.loader.check_integrity", interrupt)
    with pytest.raises(KeyboardInterrupt):
        load_dataset(write(minimal))


def test_a_dataset_whose_timezone_key_is_escaped_still_loads(tmp_path: Path, minimal: dict[str, Any]) -> None:
    # (the quick check reads a file only where the bytes hold '"timezone"': a TimelineJS file's slides were copied
    # into its errors, 1 GB for 10.5 MB, a security trial; an escaped key goes the careful way, read the same)
    path = tmp_path / "escaped.json"
    path.write_text(json.dumps(minimal).replace('"timezone"', '"\\u0074imezone"'), encoding="utf-8")
    assert b'"timezone"' not in path.read_bytes()
    assert load_dataset(path).timezone == minimal["timezone"]


def test_a_file_nested_too_deeply_is_refused_naming_where(tmp_path: Path) -> None:
    # (a security trial: a chain of sources 1,000 deep was refused naming no place)
    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 2000 + "1" + "}" * 2000, encoding="utf-8")
    report = error_of(path).report()
    assert "deep.json:1:501: is nested too deeply to be a dataset (past 100 levels here)" in report
