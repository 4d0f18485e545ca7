"""Durability: kill -9 at any moment loses at most the change in flight; two processes on one
notebook never lose each other's changes. Real processes, real SIGKILL, real files."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from junquito_tui.core.notebook import Access, Notebook, open_notebook

# Writes change after change, printing each one's number once its call has returned (committed).
WRITER = """
import sys
from pathlib import Path
from junquito_tui.core.notebook import Notebook
book = Notebook(Path(sys.argv[1]))
prefix, number = sys.argv[2], int(sys.argv[3])
while True:
    book.set_note("event", f"{prefix}-{number}", f"note {number} " + "words " * (number % 300))
    print(number, flush=True)
    book.add_tag("event", f"{prefix}-{number}", f"t{number % 7}")
    print(f"tag {number}", flush=True)
    number += 1
"""


def _committed(lines: list[str]) -> tuple[set[int], set[int]]:
    notes = {int(line) for line in lines if line.strip().isdigit()}
    tags = {int(line.split()[1]) for line in lines if line.startswith("tag ")}
    return notes, tags


def _kill_while_writing(path: Path, start: int, rng: random.Random) -> list[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "k", str(start)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    lines = [process.stdout.readline()]  # it has started writing
    time.sleep(rng.uniform(0.0, 0.25))  # then at a random moment, mid-transaction or not
    process.send_signal(signal.SIGKILL)
    lines += process.stdout.read().splitlines()  # everything it reported before dying
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return [line for line in lines if line.strip()]


def test_kill_9_while_writing_loses_at_most_the_change_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "nb.sqlite3"
    rng = random.Random(16)
    notes: set[int] = set()
    tags: set[int] = set()
    start = 0
    for _ in range(6):
        lines = _kill_while_writing(path, start, rng)
        new_notes, new_tags = _committed(lines)
        notes |= new_notes
        tags |= new_tags
        start = max(notes) + 1
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(connection.execute("SELECT id, note FROM items").fetchall())
        tagged = {row[0] for row in connection.execute("SELECT id FROM item_tags")}
        connection.close()
        for number in notes:
            assert stored[f"k-{number}"].startswith(f"note {number} "), number
        assert {f"k-{number}" for number in tags} <= tagged
        # At most the one change in flight beyond what was reported.
        assert len(stored) - len(notes) <= 1
    assert len(notes) >= 6  # every round committed something before the kill
    opened = open_notebook(path)
    assert opened.access is Access.WRITABLE, opened.reason


# Two processes: each stars its own items, tags one shared item, and appends lines to one
# shared note, saving each time with the text it started from (as the note editor does).
SHARER = """
import sys
from pathlib import Path
from junquito_tui.core.notebook import Notebook
book = Notebook(Path(sys.argv[1]))
name, count = sys.argv[2], int(sys.argv[3])
for number in range(count):
    book.set_starred("event", f"{name}-{number}", True)
    book.add_tag("event", "shared", f"{name}-{number}")
    item = book.item("event", "shared")
    base = item.note if item else ""
    book.set_note("event", "shared", (base + "\\n" if base else "") + f"line {name} {number}", base=base)
print("done", flush=True)
"""


def test_two_processes_on_one_notebook_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nb.sqlite3"
    count = 40
    processes = [
        subprocess.Popen([sys.executable, "-c", SHARER, str(path), name, str(count)], stdout=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    for process in processes:
        out, _ = process.communicate(timeout=240)
        assert process.returncode == 0 and out.strip() == "done"
    book = Notebook(path)
    expected = {("event", f"{name}-{n}") for name in ("a", "b") for n in range(count)}
    assert book.snapshot().starred() == expected
    shared = book.item("event", "shared")
    assert shared is not None
    assert set(shared.tags) == {f"{name}-{n}" for name in ("a", "b") for n in range(count)}
    for name in ("a", "b"):
        for number in range(count):
            assert f"line {name} {number}" in shared.note, (name, number)


@pytest.mark.parametrize("instances", [2])
def test_two_instances_creating_the_file_at_once(tmp_path: Path, instances: int) -> None:
    """The file is made at the first change; two instances may make it at the same moment."""
    path = tmp_path / "nb.sqlite3"
    code = (
        "import sys; from pathlib import Path; from junquito_tui.core.notebook import Notebook\n"
        "b = Notebook(Path(sys.argv[1])); [b.set_starred('event', f'{sys.argv[2]}-{n}', True) for n in range(10)]"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(path), f"p{n}"], stderr=subprocess.PIPE, text=True)
        for n in range(instances)
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-2000:]
    assert len(Notebook(path).snapshot().starred()) == 10 * instances


# Processes that each create the same new notebook at the same moment (they wait for a start file).
CREATOR = """
import sys, time
from pathlib import Path
from junquito_tui.core.notebook import Notebook
go = Path(sys.argv[3])
while not go.exists():
    time.sleep(0.001)
Notebook(Path(sys.argv[1])).set_starred("event", sys.argv[2], True)
print("done", flush=True)
"""


def test_instances_creating_one_notebook_at_the_same_moment_all_save(tmp_path: Path) -> None:
    # SQLite refuses the switch to write-ahead logging at once (no busy wait) when another
    # instance is switching the same new file: 3 failures in 240 processes before the fix.
    for round_ in range(6):
        path, go = tmp_path / f"nb{round_}.sqlite3", tmp_path / f"go{round_}"
        names = [f"p{n}" for n in range(4)]
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", CREATOR, str(path), name, str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name in names
        ]
        time.sleep(0.5)  # every process past its imports, polling
        go.touch()
        for process in processes:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0 and out.strip() == "done", err
        assert Notebook(path).snapshot().starred() == {("event", name) for name in names}
