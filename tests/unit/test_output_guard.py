"""No command that writes a file ever writes it over the user's notebook or the dataset it reads.

The review's finding 8: ``export --notebook NB -o NB`` replaced the notebook with the report (every
format, and the dataset's default notebook too), and ``notebook export -o sub/../NB`` did the same
(the guard compared unresolved paths). Every writing command is run here at the notebook (named,
the default one, through ``..``, through a hard link, its write-ahead log) and at the dataset:
each is refused with exit status 2 and a message naming the file, and every file kept is left
byte for byte as it was.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from junquito_tui.cli import main
from junquito_tui.core.notebook import Notebook
from junquito_tui.core.output_guard import Kept, notebook_files, refusal

# (name, the command's arguments before -o: {data} and {notebook} filled in; None: the default notebook)
COMMANDS = {
    "export-markdown": ["export", "--format", "markdown", "--data", "{data}"],
    "export-csv": ["export", "--format", "csv", "--data", "{data}"],
    "export-timelinejs": ["export", "--format", "timelinejs", "--data", "{data}"],
    "import": ["import", "{timeline}"],  # its input: a TimelineJS file
    "notebook-export": ["notebook", "export", "--data", "{data}"],
}
TARGETS = ["named", "default", "dotdot", "hardlink", "symlink", "wal", "dataset"]


@pytest.fixture
def setting(tmp_path: Path, write: Callable[..., Path], minimal: dict[str, Any], _private_data_home: Path) -> Any:
    """A dataset, a named notebook beside it, and the dataset's default notebook (in the data folder)."""
    data = write(minimal)
    named = Notebook(tmp_path / "named.sqlite3")
    named.set_note("event", "first", "line 1\nline 2\nline 3\nline 4: BUT this is false, retracted")
    named.close()
    exported = tmp_path / "exported.json"
    assert main(["notebook", "export", "--data", str(data), "--notebook", str(named.path), "-o", str(exported)]) == 0
    assert main(["notebook", "import", str(exported), "--data", str(data)]) == 0  # makes the default notebook
    (default,) = (_private_data_home / "junquito-tui" / "notebooks").glob("*.sqlite3")
    (tmp_path / "sub").mkdir()
    timeline = {"events": [{"start_date": {"year": "2018"}, "text": {"headline": "An event"}}]}
    _timeline(data).write_text(json.dumps(timeline), encoding="utf-8")
    return data, named.path, default


def _bytes(paths: list[Path]) -> dict[Path, bytes]:
    """The files as stored, every notebook's log written into it first (the commands run in this
    process: a connection left to the garbage collector would otherwise do that later, and a
    notebook's bytes would change with nothing of the user's lost)."""
    gc.collect()
    for path in paths:
        if path.suffix == ".sqlite3":
            connection = sqlite3.connect(path)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
    return {path: path.read_bytes() for path in paths}


def _arguments(command: str, data: Path, notebook: Path | None) -> list[str]:
    arguments = [word.format(data=data, timeline=_timeline(data)) for word in COMMANDS[command]]
    if notebook is not None and command != "import":
        arguments += ["--notebook", str(notebook)]
    return arguments


def _timeline(data: Path) -> Path:
    return data.with_name("timeline.json")


def _target(
    command: str, kind: str, tmp_path: Path, data: Path, named: Path, default: Path
) -> tuple[Path, Path | None, Path]:
    """(the output given, the --notebook given, the file that must survive)."""
    if kind == "named":
        return named, named, named
    if kind == "default":
        return default, None, default
    if kind == "dotdot":
        return tmp_path / "sub" / ".." / named.name, named, named
    if kind == "hardlink":
        link = tmp_path / "hard"
        os.link(named, link)
        return link, named, named
    if kind == "symlink":
        link = tmp_path / "soft"
        link.symlink_to(named)
        return link, named, named
    if kind == "wal":  # its write-ahead log: changes not yet in the notebook when another instance has it open
        return Path(f"{named}-wal"), named, named
    source = _timeline(data) if command == "import" else data  # the file the command reads
    return source, named, source


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_writing_command_replaces_the_notebook_or_the_dataset(
    command: str, kind: str, setting: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, named, default = setting
    output, notebook, survivor = _target(command, kind, tmp_path, data, named, default)
    kept = list(dict.fromkeys([data, _timeline(data), named, default, survivor]))
    before = _bytes(kept)
    capsys.readouterr()
    code = main([*_arguments(command, data, notebook), "-o", str(output)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"{output}: " in err and "nothing written" in err and "Traceback" not in err
    assert _bytes(kept) == before
    if kind == "wal":
        assert not output.exists()
    assert not list(tmp_path.glob(".*.tmp")) and not list(default.parent.glob(".*.tmp"))  # nothing half-written


@pytest.mark.parametrize("command", list(COMMANDS))
def test_any_notebook_is_refused_whatever_its_name(
    command: str, setting: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A notebook not in use (another dataset's, a copy) is still a notebook: never an output."""
    data, named, _ = setting
    other = tmp_path / "other-notes.md"
    other.write_bytes(named.read_bytes())
    before = _bytes([other])[other]
    code = main([*_arguments(command, data, None), "-o", str(other)])
    assert code == 2 and "is an SQLite database" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_nothing_is_written_in_the_notebooks_folder(
    command: str, setting: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _, default = setting
    output = default.parent / "report.txt"
    code = main([*_arguments(command, data, None), "-o", str(output)])
    assert code == 2 and "where your notebooks are kept" in capsys.readouterr().err
    assert not output.exists()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_ordinary_output_is_still_written_and_replaced(
    command: str, setting: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, named, _ = setting
    output = tmp_path / "out.txt"
    output.write_text("an older export\n", encoding="utf-8")
    assert main([*_arguments(command, data, named), "-o", str(output)]) == 0
    assert output.read_text(encoding="utf-8-sig") != "an older export\n"
    if command == "notebook-export":
        assert json.loads(output.read_text(encoding="utf-8"))["items"][0]["id"] == "first"


def test_refusal_names_what_the_output_would_destroy(tmp_path: Path) -> None:
    notebook = tmp_path / "nb.sqlite3"
    notebook.write_bytes(b"SQLite format 3\x00" + bytes(84))
    kept = notebook_files(notebook)
    assert refusal(tmp_path / "x" / ".." / "nb.sqlite3", kept) == f"is the notebook itself ({notebook})"
    assert "beside the notebook nb.sqlite3" in (refusal(Path(f"{notebook}-shm"), kept) or "")
    assert refusal(tmp_path / "new.md", kept) is None
    plain = tmp_path / "plain.md"
    plain.write_text("text", encoding="utf-8")
    assert refusal(plain, [Kept(tmp_path / "data.json", "the input file")]) is None
    copy = tmp_path / "copy"
    copy.write_bytes(notebook.read_bytes())
    assert refusal(copy, []) == "is an SQLite database (a notebook, perhaps)"
    assert refusal(tmp_path / "folder" / "a.md", [], tmp_path / "folder") is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_existing_file_that_cannot_be_read_is_not_written_over(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.write_bytes(b"SQLite format 3\x00")
    locked.chmod(0o200)
    try:
        assert "cannot be read" in (refusal(locked, []) or "")
    finally:
        locked.chmod(0o600)
