"""The program as a shell runs it: without a terminal, in pipes closed early, interrupted by Ctrl-C."""

from __future__ import annotations

import errno
import os
import pty
import select
import signal
import subprocess
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from conftest import BUNDLED
from junquito_tui import cli, launch

PROGRAM = [sys.executable, "-m", "junquito_tui"]
HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
TIMELINEJS = Path(__file__).parents[1] / "data" / "timelinejs" / "times.json"


def test_the_console_script_is_the_guarded_entry_point() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "junquito-tui"]
    assert script.value == "junquito_tui.launch:run"


@pytest.mark.parametrize("argv", [[], ["--data", str(BUNDLED)], ["--event", "raid-begins"]])
def test_the_explorer_refuses_to_start_without_a_terminal(tmp_path: Path, argv: list[str]) -> None:
    """`junquito-tui </dev/null >out` from a script or cron: one line, exit 2, nothing in the file
    (it used to spin a CPU forever writing escape codes into it)."""
    out = tmp_path / "out"
    with out.open("wb") as stdout:
        result = subprocess.run(
            [*PROGRAM, *argv], stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False
        )
    assert result.returncode == 2
    assert out.read_bytes() == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "the explorer needs a terminal" in lines[0] and "validate, search or export" in lines[0]


def test_a_terminal_on_input_only_is_not_enough(tmp_path: Path) -> None:
    main, secondary = pty.openpty()
    try:
        result = subprocess.run(PROGRAM, stdin=secondary, capture_output=True, timeout=60, check=False)
    finally:
        os.close(main)
        os.close(secondary)
    assert result.returncode == 2 and result.stdout == b"" and b"needs a terminal" in result.stderr


def test_the_explorer_still_starts_in_a_terminal() -> None:
    main, secondary = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    process = subprocess.Popen(PROGRAM, stdin=secondary, stdout=secondary, stderr=secondary, env=env)
    os.close(secondary)
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"Timeline" not in seen and time.monotonic() < deadline:
            if select.select([main], [], [], 1)[0]:
                seen += os.read(main, 65536)
        assert b"Timeline" in seen  # the explorer drew its first screen
        os.write(main, b"q")
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:  # keep reading: a full pty blocks it
            if select.select([main], [], [], 0.2)[0]:
                try:
                    os.read(main, 65536)
                except OSError:  # the program closed its side
                    break
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)


@pytest.mark.parametrize(
    "argv",
    [["validate"], ["schema"], ["search", "perez"], ["export", "--format", "csv"], ["import", str(TIMELINEJS)]],
)
def test_subcommands_work_in_pipes(argv: list[str]) -> None:
    result = subprocess.run([*PROGRAM, *argv], stdin=subprocess.DEVNULL, capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout and b"\x1b" not in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["schema"],
        ["search", "perez"],
        ["search", "perez", "--json"],
        ["export", "--format", "markdown"],
        ["export", "--format", "timelinejs"],
        ["import", str(TIMELINEJS)],
    ],
)
def test_a_pipe_closed_early_ends_quietly_with_141(argv: list[str]) -> None:
    """`junquito-tui search perez | head -3`: the reader stops; no BrokenPipeError traceback, and
    the status a shell gives any program SIGPIPE ended (128 + 13)."""
    process = subprocess.Popen(
        [*PROGRAM, *argv], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader has gone before a byte is written
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert b"Traceback" not in err and b"BrokenPipeError" not in err and b"Exception ignored" not in err


def test_a_closed_error_stream_ends_quietly_too() -> None:
    """`junquito-tui validate bad.json 2>&1 | head -0`: the report has nowhere to go."""
    process = subprocess.Popen(
        [*PROGRAM, "validate", str(HOSTILE / "three-typos.json")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    process.stdout.close()
    assert process.wait(timeout=60) == 141


INTERRUPTED_LOAD = """
import os, signal, sys
import junquito_tui.core.loader as loader
real = loader.read_file
def interrupted(*args, **kwargs):  # Ctrl-C in the middle of reading the dataset
    os.kill(os.getpid(), signal.SIGINT)
    return real(*args, **kwargs)
loader.read_file = interrupted
from junquito_tui.launch import run
sys.argv = ["junquito-tui", *sys.argv[1:]]
sys.exit(run())
"""


@pytest.mark.parametrize("argv", [["validate"], ["search", "perez"], ["--data", str(BUNDLED)]])
def test_ctrl_c_exits_130_without_a_traceback(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_LOAD, *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as from a shell, not a background job
    )
    assert result.returncode == 130
    assert b"Traceback" not in result.stderr and b"KeyboardInterrupt" not in result.stderr


@pytest.mark.parametrize(
    ("number", "said"),
    [(errno.EMFILE, "too many open files (this shell's limit: "), (errno.ENFILE, "the system has too many files open")],
)
def test_a_limit_on_open_files_is_said_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], number: int, said: str
) -> None:
    """With `ulimit -n 6` the explorer failed to import a module of Textual's and printed a traceback."""

    def main(**_: object) -> int:
        raise OSError(number, os.strerror(number), "textual/pilot.py")

    monkeypatch.setattr(cli, "main", main)
    assert launch.run() == 2
    err = capsys.readouterr().err
    assert err.startswith(f"junquito-tui: {said}") and "Traceback" not in err


def test_another_os_error_is_not_taken_for_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    def main(**_: object) -> int:
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(PermissionError):
        launch.run()
