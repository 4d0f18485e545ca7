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
