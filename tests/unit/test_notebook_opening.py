"""Opening a notebook in every state: damaged, another program's, newer, locked, read-only; and
migrations from every earlier version. Nothing it cannot read is ever overwritten or deleted."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import known
from junquito_tui.core.notebook import Access, Notebook, open_notebook, start_new
from junquito_tui.core.notebook import schema as schema_module
from junquito_tui.core.notebook.schema import CURRENT_VERSION, MIGRATIONS, MigrationError, migrate, version_of

FIXTURES = Path(__file__).parents[1] / "data" / "notebook"


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def made(path: Path) -> Path:
    book = Notebook(path)
    book.set_starred("event", "raid-begins", True)
    book.set_note("event", "raid-begins", "a note")
    book.close()
    return path


def from_dump(path: Path, dump: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.executescript(dump.read_text(encoding="utf-8"))
    connection.close()
    return path


# -- what cannot be used is left exactly as it is ----------------------------------------------


def test_a_file_that_is_not_a_database_is_off_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "nb.sqlite3"
    path.write_text("my shopping list\n", encoding="utf-8")
    before = fingerprint(path)
    opened = open_notebook(path)
    assert opened.access is Access.OFF and opened.notebook is None and opened.damaged
    why = "is not a notebook (not an SQLite database); it is left as it is: notes are off for this session."
    assert opened.reason == f"Notebook {path} {why}"
    assert fingerprint(path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["nb.sqlite3"]


def test_a_damaged_notebook_is_off_and_untouched(tmp_path: Path) -> None:
    path = made(tmp_path / "nb.sqlite3")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : page * 2] = bytes(range(256)) * (page // 256)  # the second page: garbage
    path.write_bytes(bytes(data))
    before = fingerprint(path)
    opened = open_notebook(path)
    assert opened.access is Access.OFF and opened.damaged, opened
    assert "is damaged" in opened.reason and "\n" not in opened.reason
    assert fingerprint(path) == before


def test_a_truncated_notebook_is_off_and_untouched(tmp_path: Path) -> None:
    path = made(tmp_path / "nb.sqlite3")
    path.write_bytes(path.read_bytes()[:5000])
    before = fingerprint(path)
    opened = open_notebook(path)
    assert opened.access is Access.OFF and opened.damaged
    assert fingerprint(path) == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.close()
    before = fingerprint(path)
    opened = open_notebook(path)
    assert opened.access is Access.OFF and "belongs to another program" in opened.reason
    assert fingerprint(path) == before


def test_start_new_moves_a_damaged_notebook_aside_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "nb.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    Path(f"{path}-wal").write_bytes(b"an old log that must not be replayed")
    original = path.read_bytes()
    assert open_notebook(path).damaged
    aside = start_new(path)
    assert aside.read_bytes() == original and Path(f"{aside}-wal").exists()
    assert not path.exists() and not Path(f"{path}-wal").exists()
    fresh = open_notebook(path)
    assert fresh.writable and fresh.notebook is not None
    fresh.notebook.set_starred("event", "x", True)
    assert known(open_notebook(path).notebook).snapshot().starred() == {("event", "x")}
    assert aside.read_bytes() == original


# -- newer versions -------------------------------------------------------------------------------


def _as_newer(path: Path, version: int, readable_by: int) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {version}")
        connection.execute("UPDATE meta SET value = ? WHERE key = 'readable_by'", (str(readable_by),))
    connection.close()


def test_a_notebook_from_a_newer_version_is_off_and_untouched(tmp_path: Path) -> None:
    path = made(tmp_path / "nb.sqlite3")
    _as_newer(path, CURRENT_VERSION + 1, CURRENT_VERSION + 1)
    before = fingerprint(path)
    opened = open_notebook(path)
    assert opened.access is Access.OFF and not opened.damaged
    assert f"newer junquito-tui (notebook version {CURRENT_VERSION + 1}" in opened.reason
    assert fingerprint(path) == before


def test_a_newer_notebook_that_says_we_can_read_it_opens_read_only(tmp_path: Path) -> None:
    path = made(tmp_path / "nb.sqlite3")
    _as_newer(path, CURRENT_VERSION + 1, CURRENT_VERSION)
    before = fingerprint(path)
    opened = open_notebook(path)
    assert opened.access is Access.READ_ONLY and opened.notebook is not None
    assert "newer junquito-tui" in opened.reason and "read-only" in opened.reason
    assert opened.notebook.snapshot().starred() == {("event", "raid-begins")}
    with pytest.raises(Exception, match="read-only"):
        opened.notebook.set_starred("event", "other", True)
    assert fingerprint(path) == before
    assert version_of(sqlite3.connect(path)) == CURRENT_VERSION + 1


# -- locks ---------------------------------------------------------------------------------------------


@pytest.fixture
def notebook_file(tmp_path: Path) -> Path:
    return made(tmp_path / "nb.sqlite3")


@pytest.fixture
def holder(notebook_file: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(notebook_file, isolation_level=None)
    yield connection
    if connection.in_transaction:
        connection.execute("ROLLBACK")
    connection.close()


def test_locked_for_writing_too_long_opens_read_only(notebook_file: Path, holder: sqlite3.Connection) -> None:
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    opened = open_notebook(notebook_file, timeout=0.2)
    assert opened.access is Access.READ_ONLY and opened.notebook is not None
    assert "locked for writing by another program (waited 0.2 s)" in opened.reason
    assert opened.notebook.snapshot().starred() == {("event", "raid-begins")}  # reading still works


def test_locked_entirely_is_off(notebook_file: Path, holder: sqlite3.Connection) -> None:
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE items SET note = note")  # takes the exclusive lock: nobody may read
    opened = open_notebook(notebook_file, timeout=0.2)
    assert opened.access is Access.OFF and not opened.damaged
    assert "locked by another program" in opened.reason


def test_a_change_blocked_by_a_lock_is_reported_not_lost_silently(
    notebook_file: Path, holder: sqlite3.Connection
) -> None:
    book = Notebook(notebook_file, timeout=0.2)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(Exception, match="locked by another program: not saved"):
        book.set_starred("event", "new", True)
    holder.execute("ROLLBACK")
    book.set_starred("event", "new", True)  # and it works once the lock is gone
    assert ("event", "new") in book.snapshot().starred()


# -- read-only places (as root, permissions only bind once DAC override is dropped) -----------------

_PROBE = """
import json, sys
from pathlib import Path
from junquito_tui.core.notebook import open_notebook
opened = open_notebook(Path(sys.argv[1]), timeout=0.5)
book = opened.notebook
print(json.dumps({"access": opened.access.value, "reason": opened.reason,
                  "starred": sorted(map(list, book.snapshot().starred())) if book else None}))
"""


def _probe(path: Path) -> dict[str, object]:
    command = [sys.executable, "-c", _PROBE, str(path)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(json.loads(result.stdout))


def test_a_notebook_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = made(folder / "nb.sqlite3")
    path.chmod(0o644)
    before = fingerprint(path)
    folder.chmod(0o555)
    try:
        result = _probe(path)
    finally:
        folder.chmod(0o755)
    assert result["access"] == "read-only", result
    assert "cannot be written (a read-only file or folder)" in str(result["reason"])
    assert result["starred"] == [["event", "raid-begins"]]
    assert fingerprint(path) == before and sorted(p.name for p in folder.iterdir()) == ["nb.sqlite3"]


def test_a_read_only_notebook_file_opens_read_only(tmp_path: Path) -> None:
    path = made(tmp_path / "nb.sqlite3")
    path.chmod(0o444)
    before = fingerprint(path)
    result = _probe(path)
    assert result["access"] == "read-only", result
    assert fingerprint(path) == before


def test_a_notebook_that_cannot_be_created_is_off(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = _probe(folder / "sub" / "nb.sqlite3")
    finally:
        folder.chmod(0o755)
    assert result["access"] == "off" and "cannot be created" in str(result["reason"]), result


# -- migrations ------------------------------------------------------------------------------------------


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("v*.sql"))


def test_there_is_a_fixture_for_every_released_version() -> None:
    assert [p.stem for p in _fixtures()] == [f"v{n}" for n in range(1, CURRENT_VERSION + 1)]


@pytest.mark.parametrize("dump", _fixtures(), ids=lambda p: p.stem)
def test_every_earlier_version_opens_with_its_notes(tmp_path: Path, dump: Path) -> None:
    path = from_dump(tmp_path / "nb.sqlite3", dump)
    opened = open_notebook(path)
    assert opened.writable and opened.notebook is not None, opened.reason
    book = opened.notebook
    item = book.item("event", "raid-begins")
    assert item is not None and item.starred and item.tags == ("check", "key-moment")
    assert item.note.startswith("# Timing\n\nCompare with the **Bellingcat** video")
    assert known(book.item("actor", "oscar-perez")).note == "Pérez — «líder»"
    assert book.snapshot().starred() == {
        ("event", "raid-begins"),
        ("quote", "nationalists-patriots-statement"),
        ("event", "an-event-since-removed"),
    }
    assert [(s.name, s.query) for s in book.searches()] == [("raid day", "date:2018-01-15 kind:event")]
    assert version_of(sqlite3.connect(path)) == CURRENT_VERSION


def test_the_latest_fixture_has_exactly_todays_schema(tmp_path: Path) -> None:
    """If the tables change, the version must change (and a new fixture be added)."""
    fixture = from_dump(tmp_path / "fixture.sqlite3", _fixtures()[-1])
    fresh = tmp_path / "fresh.sqlite3"
    Notebook(fresh).set_starred("event", "x", True)

    def tables(path: Path) -> list[tuple[str, str]]:
        return sqlite3.connect(path).execute("SELECT name, sql FROM sqlite_schema ORDER BY name").fetchall()

    assert tables(fixture) == tables(fresh)


def test_an_empty_file_is_a_new_notebook(tmp_path: Path) -> None:
    path = tmp_path / "nb.sqlite3"
    path.touch()
    opened = open_notebook(path)
    assert opened.writable and opened.notebook is not None
    opened.notebook.set_starred("event", "x", True)
    assert version_of(sqlite3.connect(path)) == CURRENT_VERSION


def _add_colour(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE items ADD COLUMN colour TEXT NOT NULL DEFAULT 'none'")


def test_the_runner_applies_a_later_migration_and_keeps_everything(tmp_path: Path) -> None:
    path = from_dump(tmp_path / "nb.sqlite3", FIXTURES / "v1.sql")
    connection = sqlite3.connect(path, isolation_level=None)
    before = connection.execute("SELECT kind, id, starred, note FROM items ORDER BY kind, id").fetchall()
    assert migrate(connection, target=2, migrations={**MIGRATIONS, 1: _add_colour}) == (1, 2)
    assert version_of(connection) == 2
    assert connection.execute("SELECT kind, id, starred, note FROM items ORDER BY kind, id").fetchall() == before
    assert {row[0] for row in connection.execute("SELECT colour FROM items")} == {"none"}
    assert migrate(connection, target=2, migrations={**MIGRATIONS, 1: _add_colour}) == (2, 2)  # done once


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = from_dump(tmp_path / "nb.sqlite3", FIXTURES / "v1.sql")
    connection = sqlite3.connect(path, isolation_level=None)
    dump_before = list(connection.iterdump())

    def half_then_fail(connection: sqlite3.Connection) -> None:
        _add_colour(connection)
        connection.execute("UPDATE items SET note = ''")
        connection.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(MigrationError, match="migration to schema version 3 failed"):
        migrate(connection, target=3, migrations={**MIGRATIONS, 1: lambda c: None, 2: half_then_fail})
    assert version_of(connection) == 1
    assert list(connection.iterdump()) == dump_before


def test_a_missing_migration_is_an_error_not_a_guess(tmp_path: Path) -> None:
    path = from_dump(tmp_path / "nb.sqlite3", FIXTURES / "v1.sql")
    connection = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(MigrationError, match="no migration from schema version 1"):
        migrate(connection, target=2)
    assert version_of(connection) == 1


def test_opening_an_older_notebook_migrates_it_after_keeping_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = from_dump(tmp_path / "nb.sqlite3", FIXTURES / "v1.sql")
    original = sqlite3.connect(path).execute("SELECT * FROM items ORDER BY kind, id").fetchall()
    monkeypatch.setattr(schema_module, "CURRENT_VERSION", 2)
    monkeypatch.setattr(schema_module, "MIGRATIONS", {**MIGRATIONS, 1: _add_colour})
    opened = open_notebook(path)
    assert opened.writable, opened.reason
    assert version_of(sqlite3.connect(path)) == 2
    backup = tmp_path / "nb.sqlite3.v1.bak"
    assert version_of(sqlite3.connect(backup)) == 1
    assert sqlite3.connect(backup).execute("SELECT * FROM items ORDER BY kind, id").fetchall() == original
    assert opened.notebook is not None and opened.notebook.item("event", "raid-begins") is not None
