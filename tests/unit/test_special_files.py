"""Special files, in and out: every command that reads a dataset refuses anything but a regular file
(without hanging on a FIFO), and every command that writes never writes over its input nor
replaces a device, a FIFO, a directory or a symbolic link."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, MINIMAL
from junquito_tui.cli import main

TIMELINEJS = Path(__file__).parents[1] / "data" / "timelinejs" / "times.json"

# Every command that reads a dataset, as argv for a path.
READERS: dict[str, Callable[[str], list[str]]] = {
    "validate": lambda path: ["validate", path],
    "--data": lambda path: ["--data", path],
    "search": lambda path: ["search", "perez", "--data", path],
    "export": lambda path: ["export", "--format", "csv", "--data", path],
    "import": lambda path: ["import", path],
    "cite": lambda path: ["cite", "raid-begins", "--data", path],
    "notebook": lambda path: ["notebook", "show", "--data", path],
}


class Hung(BaseException):
    """Not an OSError nor an Exception: no handler in the code under test can swallow it."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a blocking open() of a FIFO is interrupted by the timer, which
    fires again every second until the block is left."""

    def expire(signum: int, frame: Any) -> None:
        raise Hung(f"still waiting after {seconds} s: something blocked on the file")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.json"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    path = folder / "s.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))  # the file stays after the socket is closed
    server.close()
    return path


def _loop(folder: Path) -> Path:
    (folder / "a.json").symlink_to(folder / "b.json")
    (folder / "b.json").symlink_to(folder / "a.json")
    return folder / "a.json"


def _fifo_named_csv(folder: Path) -> Path:
    path = folder / "sheet.csv"  # a spreadsheet's name: the format is sniffed only after the check
    os.mkfifo(path)
    return path


SPECIAL: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a dataset file"),
    "fifo-named-csv": (_fifo_named_csv, "is a named pipe (FIFO), not a dataset file"),
    "dev-null": (lambda folder: Path(os.devnull), "is a character device, not a dataset file"),
    "dev-zero": (lambda folder: Path("/dev/zero"), "is a character device, not a dataset file"),
    "directory": (lambda folder: folder, "is a directory, not a dataset file"),
    "socket": (_socket, "is a socket, not a dataset file"),
    "symlink-loop": (_loop, "is a loop of symbolic links"),
    "link-to-fifo": (lambda folder: _link(folder, _fifo(folder)), "is a named pipe (FIFO), not a dataset file"),
}


def _link(folder: Path, target: Path) -> Path:
    link = folder / "link.json"
    link.symlink_to(target)
    return link


@pytest.fixture(autouse=True)
def _no_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the interface started for a file that should have been refused")

    monkeypatch.setattr("junquito_tui.ui.app.JunquitoApp.run", refuse)


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("command", READERS)
def test_every_reader_refuses_non_regular_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    make, expected = SPECIAL[kind]
    path = make(tmp_path)
    with deadline(20):
        code = main(READERS[command](str(path)))
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"{path}: 1 problem\n") and expected in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("kind", [k for k in SPECIAL if k != "symlink-loop"])
def test_notebook_import_refuses_non_regular_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    # before (a notebook trial): a FIFO was waited on forever, /dev/zero read until memory ran out
    make, expected = SPECIAL[kind]
    path = make(tmp_path)
    notebook = tmp_path / "nb.sqlite3"
    with deadline(20):
        code = main(["notebook", "import", str(path), "--data", str(BUNDLED), "--notebook", str(notebook)])
    err = capsys.readouterr().err
    assert code == 2 and expected.replace("a dataset file", "a notebook export") in err, err
    assert "Traceback" not in err


def test_a_fifo_swapped_in_after_the_check_does_not_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is opened without blocking and checked again: a race cannot hang the loader."""
    from junquito_tui.core import files
    from junquito_tui.core.loader import DatasetError, load_dataset

    path = tmp_path / "data.json"
    path.write_text(json.dumps(MINIMAL), encoding="utf-8")
    checked = files.preflight

    def check_then_swap(target: Path, max_bytes: int) -> int:
        size = checked(target, max_bytes)
        path.unlink()
        os.mkfifo(path)
        return size

    monkeypatch.setattr(files, "preflight", check_then_swap)
    with deadline(20), pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert "is a named pipe (FIFO)" in caught.value.report()


def test_a_symbolic_link_to_a_regular_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "real.json"
    target.write_text(json.dumps(MINIMAL), encoding="utf-8")
    assert main(["validate", str(_link(tmp_path, target))]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 events")


# -- outputs ------------------------------------------------------------------------------------------


def _char_device(folder: Path) -> Path:
    """A copy of /dev/null's node in the test's folder: nothing outside the folder is at risk."""
    path = folder / "null-device"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    return path


def _dangling(folder: Path) -> Path:
    link = folder / "dangling.csv"
    link.symlink_to(folder / "nowhere" / "x.csv")
    return link


def _link_to_file(folder: Path) -> Path:
    target = folder / "somewhere-else.csv"
    target.write_text("precious\n", encoding="utf-8")
    return _link(folder, target)


TARGETS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a regular file"),
    "char-device": (_char_device, "is a character device, not a regular file"),
    "directory": (lambda folder: folder / "sub", "is a directory, not a regular file"),
    "dangling-symlink": (_dangling, "is a symbolic link"),
    "symlink-to-file": (_link_to_file, "is a symbolic link"),
}


def _snapshot(path: Path) -> tuple[Any, ...]:
    status = os.lstat(path)
    content = os.readlink(path) if stat.S_ISLNK(status.st_mode) else None
    return (stat.S_IFMT(status.st_mode), status.st_ino, content)


WRITERS: dict[str, Callable[[str], list[str]]] = {
    "export": lambda out: ["export", "--format", "csv", "-o", out],
    "import": lambda out: ["import", str(TIMELINEJS), "-o", out],
    "notebook-export": lambda out: ["notebook", "export", "-o", out],
}


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("command", WRITERS)
def test_outputs_that_are_not_regular_files_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str
) -> None:
    make, expected = TARGETS[kind]
    target = make(tmp_path)
    if kind == "directory":
        target.mkdir()
    before = _snapshot(target)
    with deadline(20):
        code = main(WRITERS[command](str(target)))
    err = capsys.readouterr().err
    assert code == 2 and f"junquito-tui: {target}: cannot be written: {expected}" in err, err
    assert _snapshot(target) == before  # the same node, kind and link text: nothing replaced
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary left behind
    if kind == "symlink-to-file":
        assert (tmp_path / "somewhere-else.csv").read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("kind", TARGETS)
def test_write_atomically_itself_refuses_them(tmp_path: Path, kind: str) -> None:
    """Every caller is covered, the in-app export (a fresh name, which may be a dangling link) too."""
    from junquito_tui.core.interop import write_atomically

    make, expected = TARGETS[kind]
    target = make(tmp_path)
    if kind == "directory":
        target.mkdir()
    before = _snapshot(target)
    with pytest.raises(OSError) as caught:
        write_atomically(target, b"data")
    assert expected in str(caught.value.strerror)
    assert _snapshot(target) == before


def test_write_atomically_replaces_a_regular_file_keeping_its_mode(tmp_path: Path) -> None:
    from junquito_tui.core.interop import write_atomically

    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert write_atomically(target, b"new") == target
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o600


# -- never over an input -----------------------------------------------------------------------------


def test_export_without_data_never_writes_over_the_bundled_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """The file the commands read without --data: the repository's in a checkout, the wheel's copy
    in an installed package (CI)."""
    from junquito_tui.core.loader import bundled_path

    bundled = bundled_path()
    before = bundled.read_bytes()
    for argv in (["export", "--format", f] for f in ("csv", "markdown", "timelinejs")):
        assert main([*argv, "-o", str(bundled)]) == 2
        assert "is the input file" in capsys.readouterr().err
    assert main(["notebook", "export", "-o", str(bundled)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert bundled.read_bytes() == before


def _input_names(folder: Path, source: Path) -> dict[str, Path]:
    """The input under other names: a hard link, a relative path with '..'."""
    hard = folder / "hard-link.json"
    os.link(source, hard)
    sub = folder / "sub"
    sub.mkdir()
    return {"same": source, "hard-link": hard, "dotdot": sub / ".." / source.name}


@pytest.mark.parametrize("name", ["same", "hard-link", "dotdot"])
@pytest.mark.parametrize("command", ["export", "import", "notebook-export"])
def test_no_command_writes_over_its_input_under_any_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    source = tmp_path / "input.json"
    shutil.copy(TIMELINEJS if command == "import" else BUNDLED, source)
    before = source.read_bytes()
    output = str(_input_names(tmp_path, source)[name])
    argv = {
        "export": ["export", "--format", "timelinejs", "--data", str(source), "-o", output],
        "import": ["import", str(source), "-o", output],
        "notebook-export": ["notebook", "export", "--data", str(source), "-o", output],
    }[command]
    assert main(argv) == 2
    assert "is the input file" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_a_new_output_beside_the_input_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "input.json"
    shutil.copy(TIMELINEJS, source)
    assert main(["import", str(source), "-o", str(tmp_path / "out.json")]) == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["schema_version"] == 1
    assert "wrote 6 events" in capsys.readouterr().err
