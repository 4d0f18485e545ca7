"""bench/observer.py: the control-mode client the bench reads its panes through reads what
``tmux capture-pane`` reads, leaves the window's size alone, and says when the session is gone."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

OBSERVER = Path(__file__).resolve().parents[2] / "bench" / "observer.py"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _observer_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_observer", OBSERVER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_observer_reads_the_pane_as_capture_pane_does_and_knows_when_it_is_gone() -> None:
    socket = f"junquito-observer-test-{os.getpid()}"

    def tmux(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=False)

    tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "s", "printf 'one\\n%%end\\ntwo\\n'; sleep 30")
    observer = _observer_module().Observer(socket, "s")
    try:
        deadline = time.perf_counter() + 10
        while "two" not in (text := observer.capture() or "") and time.perf_counter() < deadline:
            time.sleep(0.02)
        assert text.splitlines()[:3] == ["one", "%end", "two"]  # (a line of the pane's like tmux's own end)
        assert text.rstrip("\n") == tmux("capture-pane", "-p", "-t", "s").stdout.rstrip("\n")
        assert tmux("display-message", "-p", "-t", "s", "#{window_width}x#{window_height}").stdout.strip() == "120x40"
        tmux("kill-session", "-t", "s")
        assert observer.capture() is None
    finally:
        observer.close()
        tmux("kill-server")


class _Recorder:
    """A client's standard input that notes when each command came."""

    def __init__(self) -> None:
        self.written: list[tuple[float, bytes]] = []

    def write(self, data: bytes) -> int:
        self.written.append((time.perf_counter(), data))
        return len(data)


def test_the_observer_sends_nothing_before_tmux_has_answered_its_attach(monkeypatch: pytest.MonkeyPatch) -> None:
    """tmux may run commands from standard input before the attach (a review saw the first capture
    read '' and the pane's output come as notifications in 8 of 40 starts)."""
    module = _observer_module()
    read_end, write_end = os.pipe()
    recorder = _Recorder()

    class Client:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.stdin, self.stdout = recorder, os.fdopen(read_end, "rb", buffering=0)

        def poll(self) -> int | None:
            return None

        def kill(self) -> None:
            pass

        def wait(self) -> int:
            return 0

    monkeypatch.setattr(module.subprocess, "Popen", Client)
    answered: list[float] = []

    def answer_later() -> None:
        time.sleep(0.3)
        answered.append(time.perf_counter())
        os.write(write_end, b"%begin 1 263 0\n%end 1 263 0\n%session-changed $0 s\n")
        time.sleep(0.2)
        os.write(write_end, b"%begin 1 264 1\n%end 1 264 1\n%begin 1 265 1\npane text\n%end 1 265 1\n")

    writer = threading.Thread(target=answer_later)
    writer.start()
    observer = module.Observer("socket", "s")
    assert observer.capture() == "pane text"
    writer.join()
    os.close(write_end)
    assert [data for _, data in recorder.written] == [b"refresh-client -f no-output\n", b"capture-pane -p -t s\n"]
    assert recorder.written[0][0] >= answered[0]  # nothing before the attach's answer
