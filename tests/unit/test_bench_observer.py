"""bench/observer.py: the control-mode client the bench reads its panes through reads what
``tmux capture-pane`` reads, leaves the window's size alone, and says when the session is gone."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
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
