"""A notebook file someone sends is only read: a view, a trigger, a table without our constraints, or an
id with escapes in it must not hang, crash or reach the terminal (each found by a security trial, with a
real notebook altered through SQLite as an attacker would)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_notebook_opening import made  # a notebook with a star and a note on raid-begins

from conftest import REPO
from junquito_tui.core.notebook import Access, open_notebook
from junquito_tui.core.notebook.schema import CURRENT_VERSION


def altered(path: Path, *statements: str) -> Path:
    connection = sqlite3.connect(made(path), isolation_level=None)
    for statement in statements:
        connection.execute(statement)
    connection.close()
    return path


ENDLESS_VIEW = (
    "DROP TABLE item_tags",
    "DROP TABLE items",
    "CREATE VIEW items AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'event' AS kind, "
    "'g' || n AS id, 1 AS starred, 'x' AS note, '2026-01-01T00:00:00Z' AS created, '2026-01-01T00:00:00Z' AS updated "
    "FROM r",
    "CREATE TABLE item_tags (kind, id, tag)",
)
TRIGGER = ("CREATE TRIGGER t1 BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'TRIG\x1b]2;TITLE\x1b\\'); END",)
NULL_NOTE = (
    "ALTER TABLE items RENAME TO old_items",
    "CREATE TABLE items (kind TEXT, id TEXT, starred INTEGER, note TEXT, created TEXT, updated TEXT, "
    "PRIMARY KEY (kind, id))",
    "INSERT INTO items SELECT kind, id, starred, NULL, created, updated FROM old_items",
    "DROP TABLE old_items",
)
EXTRA_TABLE = ("CREATE TABLE extra (x)",)


@pytest.mark.parametrize(
    ("statements", "said"),
    [
        (ENDLESS_VIEW, "holds a view ('items')"),
        (TRIGGER, "holds a trigger ('t1')"),
        (NULL_NOTE, "tables that are not those of a junquito-tui notebook"),
        (EXTRA_TABLE, "tables that are not those of a junquito-tui notebook"),
    ],
)
def test_a_notebook_altered_beyond_ours_is_off_and_untouched(
    tmp_path: Path, statements: tuple[str, ...], said: str
) -> None:
    path = altered(tmp_path / "received.sqlite3", *statements)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    opened = open_notebook(path)  # before: the view hung for good, the others were tracebacks at a read or write
    assert opened.access is Access.OFF and opened.notebook is None
    assert said in opened.reason and "left as it is" in opened.reason and "\x1b" not in opened.reason
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_newer_notebook_may_add_columns_but_not_drop_our_constraints(tmp_path: Path) -> None:
    newer = altered(
        tmp_path / "newer.sqlite3",
        "ALTER TABLE items ADD COLUMN colour TEXT",
        f"PRAGMA user_version = {CURRENT_VERSION + 1}",
        "UPDATE meta SET value = '1' WHERE key = 'readable_by'",
    )
    assert open_notebook(newer).access is Access.READ_ONLY
    loose = altered(tmp_path / "loose.sqlite3", *NULL_NOTE, f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    opened = open_notebook(loose)
    assert opened.access is Access.OFF and "a table 'items' unlike" in opened.reason


def test_an_item_whose_id_we_could_not_have_written_is_not_read(tmp_path: Path) -> None:
    # before (a trial): its id, an OSC 52 clipboard write in it, reached the terminal in the notebook screen and
    # in the Markdown export's list of items no longer in the dataset
    path = altered(
        tmp_path / "received.sqlite3",
        "INSERT INTO items VALUES ('event', 'ghost\x1b]52;c;Y3VybA==\x1b\\', 1, 'n', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')",
    )
    opened = open_notebook(path)
    assert opened.notebook is not None
    assert [item.id for item in opened.notebook.items()] == ["raid-begins"]


def test_the_markdown_export_of_a_received_notebook_carries_no_escape(tmp_path: Path) -> None:
    path = altered(
        tmp_path / "received.sqlite3",
        "INSERT INTO items VALUES ('event', 'ghost\x1b]2;PWNED\x1b\\', 1, 'n', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')",
    )
    command = [sys.executable, "-m", "junquito_tui", "export", "--format", "markdown", "--notebook", str(path)]
    done = subprocess.run(command, capture_output=True, cwd=REPO, timeout=60)
    assert done.returncode == 0 and b"\x1b" not in done.stdout + done.stderr
    assert b"ghost" not in done.stdout and b"1 marked item" in done.stderr  # (the real one, on raid-begins)


def test_a_blob_in_a_text_column_is_not_read(tmp_path: Path) -> None:
    # (a re-trial: SQLite keeps a blob in a TEXT column as it is; the note's was a traceback in every path)
    path = altered(
        tmp_path / "received.sqlite3",
        "INSERT INTO items VALUES ('event', 'blob-note', 1, X'6e6f7465', '2026-01-01T00:00:00Z', X'00')",
        "INSERT INTO searches VALUES (X'6e', 'q', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    opened = open_notebook(path)
    assert opened.notebook is not None
    assert [item.id for item in opened.notebook.items()] == ["raid-begins"] and opened.notebook.searches() == []


def test_times_a_notebook_holds_are_read_only_as_it_writes_them(tmp_path: Path) -> None:
    # (a re-trial: 'created' holding OSC 52, U+009B and U+202E went out raw through 'notebook export')
    from junquito_tui.core.notebook.exchange import export_document

    path = altered(tmp_path / "received.sqlite3", "UPDATE items SET created = '2026\x1b]52;c;eA==\x07\u009b31m\u202e'")
    opened = open_notebook(path)
    assert opened.notebook is not None
    (item,) = opened.notebook.items()
    assert item.created == "" and item.updated != ""
    text = export_document(opened.notebook.items(), opened.notebook.searches())
    assert not any(0x80 <= ord(c) <= 0x9F or c == "\u202e" for c in text)


@pytest.mark.parametrize(
    ("statements", "said"),
    [
        (
            (
                "ALTER TABLE items ADD COLUMN g INTEGER GENERATED ALWAYS AS (length(id)) VIRTUAL",
                f"PRAGMA user_version = {CURRENT_VERSION + 1}",
                "UPDATE meta SET value = '1' WHERE key = 'readable_by'",
            ),
            "has a computed column in its table 'items'",  # (its expression ran 30 s a row: a re-trial)
        ),
        (
            ("INSERT INTO items SELECT 'event', 'x' || value, 1, '', 'a', 'a' FROM generate_series(1, 200001)",),
            "holds 200,002 items and 0 saved searches, more than this app reads",
        ),
        (("UPDATE items SET note = printf('%.*c', 1000001, 'x')",), "holds a note of 1,000,001 characters"),
    ],
)
def test_a_notebook_beyond_what_a_person_keeps_is_refused(
    tmp_path: Path, statements: tuple[str, ...], said: str
) -> None:
    # (a re-trial: 900,000 tiny rows took 1.8 GB; a 45 MB note crashed the app as it was drawn)
    path = tmp_path / "received.sqlite3"
    try:
        altered(path, *statements)
    except sqlite3.OperationalError:  # (no generate_series in this SQLite: the rows made another way)
        connection = sqlite3.connect(path)
        connection.executemany(
            "INSERT INTO items VALUES ('event', ?, 1, '', 'a', 'a')", ((f"x{n}",) for n in range(200_001))
        )
        connection.commit()
        connection.close()
    opened = open_notebook(path)
    assert opened.access is Access.OFF and said in opened.reason


def test_a_notebook_export_escapes_what_json_leaves_raw() -> None:
    from junquito_tui.core.notebook.exchange import export_document, read_document
    from junquito_tui.core.notebook.items import Item

    note = "right\u202eleft \u009b31m and\u2028on"
    text = export_document([Item("event", "raid-begins", note=note)], [])
    assert not any(0x80 <= ord(c) <= 0x9F or c in "\u202e\u2028" for c in text)
    assert read_document(text).items[0].note == note  # (escaped as JSON escapes them: read back as they were)


def test_a_note_too_long_to_draw_is_not_saved_and_long_tags_are_not_read(tmp_path: Path) -> None:
    # (a re-trial: a note of 500,000 short lines took 1.5 GB to draw and crashed the app; 15 tags of 1 MB, 1.4 GB)
    from junquito_tui.core.notebook import Notebook
    from junquito_tui.core.notebook.items import NotebookError

    book = Notebook(made(tmp_path / "mine.sqlite3"))
    with pytest.raises(NotebookError, match="not saved: the notebook would hold a note of 5,001 lines"):
        book.set_note("event", "raid-begins", "x\n" * 5_000)
    assert book.item("event", "raid-begins") is not None and book.items()[0].note == "a note"
    book.close()
    path = altered(
        tmp_path / "received.sqlite3", f"INSERT INTO item_tags VALUES ('event', 'raid-begins', '{'a' * 61}')"
    )
    opened = open_notebook(path)
    assert opened.notebook is not None and opened.notebook.items()[0].tags == ()
