"""The benchmark scripts still run: the generator is deterministic and valid, the search bench reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from junquito_tui.core.loader import load_dataset

BENCH = Path(__file__).resolve().parents[2] / "bench"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_make_dataset_is_deterministic_and_valid(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        result = run("make_dataset.py", "--events", "300", "--seed", "7", "--out", str(out))
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    dataset = load_dataset(first)
    assert (len(dataset.events), len(dataset.actors), len(dataset.quotes)) == (300, 15, 150)


def test_search_bench_reports_latency() -> None:
    result = run("search_bench.py", "--events", "300", "--queries-repeat", "1")
    assert result.returncode == 0, result.stderr
    assert "p95" in result.stdout
    assert "index build" in result.stdout


def test_axis_bench_reports_recompute_times() -> None:
    result = run("axis_bench.py", "--events", "300", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    assert "| new zoom: whole span |" in result.stdout and "| new filter:" in result.stdout


def test_notebook_bench_reports_each_step() -> None:
    result = run("notebook_bench.py", "--events", "300", "--notebooks", "3", "--items", "20", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    assert (
        "| find its notebook among 4 |" in result.stdout
        and "| one change (star), committed and synced |" in result.stdout
    )


def test_make_dataset_writes_acled_and_timelinejs_sheets_that_open(tmp_path: Path) -> None:
    from junquito_tui.core.loader import load_with_report

    for fmt in ("acled", "timelinejs-sheet"):
        out = tmp_path / f"{fmt}.csv"
        result = run("make_dataset.py", "--events", "300", "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        loaded = load_with_report(out)
        assert len(loaded.dataset.events) == 300, fmt
        assert loaded.summary is not None and "none skipped" in loaded.summary, (fmt, loaded.summary)
