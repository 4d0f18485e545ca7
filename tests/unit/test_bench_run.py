"""bench/run.py still runs end to end at a tiny size and lists every figure.

The terminal runs (start-up, loading, the cache, VisiData, spreadsheets: real processes in tmux)
took two minutes of the suite's time at 300 events; they run here only with BENCH_SMOKE_TMUX=1
(and tmux). The in-process parts always run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[2] / "bench" / "run.py"


def test_bench_run_quick_lists_every_figure() -> None:
    in_tmux = bool(os.environ.get("BENCH_SMOKE_TMUX")) and shutil.which("tmux") is not None
    argv = [sys.executable, str(RUN), "--quick", "--events", "300", *([] if in_tmux else ["--no-tmux"])]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "| figure | measured | target | ratio |" in out
    for figure in ("navigation: down", "navigation: pagedown", "navigation: end", "navigation: goto actor"):
        assert figure in out
    assert "search: query p95" in out and "axis: new zoom" in out and "axis: new filter" in out
    if in_tmux:
        for figure in ("start-up, bundled dataset", "first frame", "timeline rows visible", "peak RSS", "q pressed"):
            assert figure in out
        # the cached reopen (not cached at 300 events: under the cache's 1 MB) and VisiData beside it
        assert "opened again, unchanged (from the cache)" in out and "| VisiData" in out
        for fmt in ("acled", "timelinejs-sheet"):  # the same events as spreadsheets
            assert f"{fmt} CSV, 300 rows" in out and f"{fmt} CSV, 300 rows (0 MB): timeline rows visible" in out
    else:
        assert "| start-up | skipped" in out and "| large dataset | skipped" in out


def test_bench_run_only_navigation_lists_the_keys_and_jumps_alone() -> None:
    result = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--only", "navigation", "--events", "300"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Navigation only" in out and "load average" in out
    for figure in ("navigation: down", "navigation: end", "navigation: goto actor", "main-thread CPU to it"):
        assert figure in out
    assert "start-up" not in out.split("Method:")[0] and "search: query" not in out


def test_bench_run_only_loading_lists_the_first_open_and_both_processes_memory() -> None:
    if not (os.environ.get("BENCH_SMOKE_TMUX") and shutil.which("tmux")):
        import pytest

        pytest.skip("terminal runs only with BENCH_SMOKE_TMUX=1 and tmux")
    result = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--only", "loading", "--events", "300"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.split("Method:")[0]
    assert "First open only" in out and "load average" in out
    for figure in ("timeline rows visible", "CPU time", "the largest single process", "its checking process"):
        assert figure in out
    assert "navigation:" not in out and "start-up" not in out
