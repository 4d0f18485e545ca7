"""Every way a dataset file can be wrong, through both `validate` and `--data`: exit 2, located, no traceback."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL
from junquito_tui.cli import main


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _del(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


# (name, file content, text every report must contain)
CASES: list[tuple[str, bytes, str]] = [
    ("empty", b"", "is empty"),
    ("whitespace", b"  \n\t\n ", "is empty"),
    ("truncated", _json(MINIMAL)[:200], "invalid JSON"),
    ("trailing comma", b'{\n  "title": "x",\n  "events": [],\n}', ":4:1: invalid JSON"),
    ("array at top", b"[]", "the top level must be a JSON object, not an array"),
    ("string at top", b'"events"', "the top level must be a JSON object, not a string"),
    ("NaN", b'{"title": NaN}', "NaN is not valid JSON"),
    ("Infinity", b'{"title": Infinity}', "Infinity is not valid JSON"),
    ("UTF-16", _json(MINIMAL).decode().encode("utf-16"), "looks like UTF-16"),
    ("Latin-1", '{"title": "Pérez"}'.encode("latin-1"), ":1:13: byte 0xE9 is not valid UTF-8"),
    ("binary", bytes(range(256)), "binary data"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("unknown field", _json(_set(MINIMAL, ("events", 0, "colour"), "red")), "events[0].colour: unknown field"),
    ("missing field", _json(_del(MINIMAL, ("events", 1, "title"))), "events[1].title: missing required field"),
    ("missing top field", _json(_del(MINIMAL, ("timezone",))), "timezone: missing required field"),
    (
        "duplicate id",
        _json(_set(MINIMAL, ("actors", 1, "id"), "oscar-perez")),
        "actors[1].id: duplicate id 'oscar-perez'",
    ),
    (
        "unknown actor",
        _json(_set(MINIMAL, ("events", 0, "actors", 0, "actor"), "oscar-peres")),
        "events[0].actors[0].actor: unknown actor 'oscar-peres' (did you mean 'oscar-perez'?)",
    ),
    ("unknown event", _json(_set(MINIMAL, ("quotes", 0, "event"), "frist")), "quotes[0].event: unknown event 'frist'"),
    ("unknown source", _json(_set(MINIMAL, ("events", 0, "sources", 0), "artcle")), "unknown source 'artcle'"),
    (
        "end before start",
        _json(_set(MINIMAL, ("events", 0, "end"), {"date": "2017-05", "precision": "month"})),
        "events[0]: end '2017-05' is before start '2017-06'",
    ),
    (
        "impossible day",
        _json(_set(MINIMAL, ("events", 0, "when"), {"date": "2018-02-30", "precision": "day"})),
        "events[0].when: date '2018-02-30' does not exist",
    ),
    (
        "impossible time",
        _json(_set(MINIMAL, ("events", 1, "when", "date"), "2018-01-15T24:61")),
        "events[1].when: date '2018-01-15T24:61' has an impossible time 24:61",
    ),
    (
        "precision contradicts value",
        _json(_set(MINIMAL, ("events", 0, "when", "precision"), "day")),
        "events[0].when: precision 'day' contradicts date '2017-06'",
    ),
    (
        "control character",
        _json(_set(MINIMAL, ("events", 0, "title"), "a\x1b]52;c;aGk=\x07b")),
        "events[0].title: control character U+001B",
    ),
]


def _wrong_types(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every leaf and container of the minimal dataset, with a value of the wrong type."""
    if isinstance(data, dict):
        if path:
            yield path, ["not", "an", "object"]
        for key, value in data.items():
            yield from _wrong_types(value, (*path, key))
    elif isinstance(data, list):
        yield path, {"not": "a list"}
        for index, value in enumerate(data):
            yield from _wrong_types(value, (*path, index))
    elif isinstance(data, bool):
        yield path, "yes"
    elif isinstance(data, int):
        yield path, "one"
    elif isinstance(data, str):
        yield path, 12345


def _path_text(path: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


WRONG_TYPES = [(_path_text(path), _json(_set(MINIMAL, path, value))) for path, value in _wrong_types(MINIMAL)]


@pytest.fixture(params=["validate", "--data"])
def run(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[[Path], tuple[int, str]]:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the interface started for a file that should have been refused")

    monkeypatch.setattr("junquito_tui.ui.app.JunquitoApp.run", refuse)

    def _run(path: Path) -> tuple[int, str]:
        argv = ["validate", str(path)] if request.param == "validate" else ["--data", str(path)]
        code = main(argv)
        captured = capsys.readouterr()
        assert captured.out == "" or request.param == "validate"
        return code, captured.err

    return _run


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_file(run: Any, tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, err = run(path)
    assert code == 2
    assert err.startswith(f"{path}: ")  # names the file
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("where", "content"), WRONG_TYPES, ids=[w for w, _ in WRONG_TYPES])
def test_wrong_type_is_located(run: Any, tmp_path: Path, where: str, content: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, err = run(path)
    assert code == 2
    assert f"  {where}" in err or f"  {where}." in err or f"  {where}[" in err, err


def test_bom_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + _json(MINIMAL))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 events")


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_paths_that_are_not_files(run: Any, tmp_path: Path, kind: str) -> None:
    path = tmp_path if kind == "directory" else tmp_path / "absent.json"
    code, err = run(path)
    assert code == 2 and ("is a directory" in err if kind == "directory" else "no such file" in err)


def test_huge_file_is_refused_before_reading(run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("junquito_tui.core.files.available_memory", lambda: 400_000_000)  # a small machine
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    code, err = run(path)
    assert code == 2
    assert "is 209,715,200 bytes, over the limit of 52,428,800: a dataset takes about 8 times its size" in err
    assert "0.4 GB of memory is available (raise the limit with --max-bytes, at most " in err


def test_a_field_at_its_limit_is_accepted_and_a_ten_megabyte_one_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big-field.json"
    path.write_bytes(_json(_set(MINIMAL, ("events", 0, "summary"), "word " * 20_000)))  # 100,000 characters
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 events")
    path.write_bytes(_json(_set(MINIMAL, ("events", 0, "summary"), "word " * 2_000_000)))
    assert main(["validate", str(path)]) == 2
    assert (
        "events[0].summary: a summary is at most 100,000 characters; this one has 10,000,000" in capsys.readouterr().err
    )


def test_the_memory_available_counts_ulimit_v() -> None:
    # (a security trial ran under 'ulimit -v 1500000': the limits were reckoned from the machine's memory alone)
    import resource
    import subprocess
    import sys

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, resource.RLIM_INFINITY))

    probe = "from junquito_tui.core.files import available_memory; print(available_memory())"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, preexec_fn=limited, timeout=60, check=True
    )
    assert 0 < int(done.stdout) < 1_500_000_000
