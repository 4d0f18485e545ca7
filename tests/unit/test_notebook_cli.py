"""The command line: cite, notebook show / export / import / new, and the case file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL
from junquito_tui.cli import main
from junquito_tui.core.notebook import Notebook

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "events.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book(tmp_path: Path) -> Notebook:
    notebook = Notebook(tmp_path / "mine.sqlite3")
    notebook.set_starred("event", "raid-begins", True)
    notebook.set_tags("event", "raid-begins", ["key-moment"])
    notebook.set_note("event", "raid-begins", "# Check\nthe time: 04:00 or 04:15?")
    notebook.set_note("actor", "oscar-perez", "leader of the group")
    notebook.set_starred("event", "no-longer-there", True)
    notebook.save_search("raid day", "date:2018-01-15")
    return notebook


# -- cite ------------------------------------------------------------------------------------------


def test_cite_prints_the_citation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cite", "raid-begins")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "About 500 troops deployed against Pérez's group"
    assert out.endswith("Reopen: junquito-tui --event raid-begins\n")


def test_cite_names_the_closest_ids_for_an_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cite", "oscar-peres")
    assert code == 2 and out == ""
    assert err == "junquito-tui: cite: no event, actor, quote or source with id 'oscar-peres'; closest: oscar-perez\n"


def test_cite_asks_which_kind_when_an_id_is_shared(
    capsys: pytest.CaptureFixture[str], write: Any, minimal: dict[str, Any]
) -> None:
    minimal["actors"].append({"id": "first", "name": "Named like an event", "kind": "other"})
    path = write(minimal)
    code, _, err = run(capsys, "cite", "first", "--data", str(path))
    assert code == 2 and "'first' is the id of an event and of an actor: add --kind event or --kind actor" in err
    code, out, _ = run(capsys, "cite", "first", "--kind", "actor", "--data", str(path))
    assert code == 0 and out.startswith("Named like an event\n")
    assert f"Reopen: junquito-tui --data {path} --actor first" in out
    code, _, err = run(capsys, "cite", "q1", "--kind", "actor", "--data", str(path))
    assert code == 2 and "no actor with id 'q1'" in err


def test_cite_a_bad_dataset_exits_2(capsys: pytest.CaptureFixture[str], write: Any) -> None:
    code, _, err = run(capsys, "cite", "x", "--data", str(write("{")))
    assert code == 2 and "Traceback" not in err


# -- notebook export / import ----------------------------------------------------------------------


def test_export_then_import_into_another_notebook(
    capsys: pytest.CaptureFixture[str], book: Notebook, tmp_path: Path
) -> None:
    exported = tmp_path / "mine.json"
    code, _, err = run(capsys, "notebook", "export", "--notebook", str(book.path), "-o", str(exported))
    assert code == 0 and "wrote 3 items and 1 search " in err
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "junquito-tui notebook" and document["version"] == 1
    colleague = tmp_path / "theirs.sqlite3"
    code, out, err = run(capsys, "notebook", "import", str(exported), "--notebook", str(colleague))
    assert code == 0, err
    assert "3 added, 0 merged, 0 unchanged, 1 saved search added, 0 conflicts" in out
    assert "1 imported items are not in this dataset: kept, listed as orphaned" in err
    theirs = {(i.kind, i.id, i.starred, i.tags, i.note) for i in Notebook(colleague).items()}
    assert theirs == {(i.kind, i.id, i.starred, i.tags, i.note) for i in book.items()}
    code, out, _ = run(capsys, "notebook", "import", str(exported), "--notebook", str(colleague))
    assert "0 added, 0 merged, 3 unchanged, 0 saved searches added, 0 conflicts" in out  # twice is once


def test_a_notebook_from_another_dataset_is_refused_unless_asked(
    capsys: pytest.CaptureFixture[str], book: Notebook, tmp_path: Path
) -> None:
    # before (a notebook trial): its notes were put on this dataset's items of the same ids, unsaid
    exported = tmp_path / "mine.json"
    assert run(capsys, "notebook", "export", "--notebook", str(book.path), "-o", str(exported))[0] == 0
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**MINIMAL, "title": "Other"}), "utf-8")
    target = tmp_path / "target.sqlite3"
    args = ["notebook", "import", str(exported), "--data", str(other), "--notebook", str(target)]
    code, out, err = run(capsys, *args)
    assert code == 2 and "exported from another dataset ('El Junquito raid: a chronology', not 'Other')" in err
    assert "nothing imported (--any-dataset imports it anyway)" in err and not Notebook(target).items()
    code, out, err = run(capsys, *args, "--any-dataset")
    assert code == 0 and "items matched by id, as --any-dataset asks" in err and "3 added" in out
    edited = tmp_path / "edited.json"  # the same title, other content: said, imported
    edited.write_text(BUNDLED.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out, err = run(capsys, "notebook", "import", str(exported), "--data", str(edited), "--notebook", str(target))
    assert code == 0 and "was exported from another version of 'El Junquito raid: a chronology'" in err


def test_import_reports_conflicts_and_keeps_both(
    capsys: pytest.CaptureFixture[str], book: Notebook, tmp_path: Path
) -> None:
    incoming = {
        "format": "junquito-tui notebook",
        "version": 1,
        "items": [
            {"kind": "event", "id": "raid-begins", "tags": ["from-ana"], "note": "Ana: the video says 04:15"},
            {"kind": "quote", "id": "nationalists-patriots-statement", "starred": True},
        ],
        "searches": [{"name": "raid day", "query": "date:2018-01-15..2018-01-16"}],
    }
    path = tmp_path / "ana.json"
    path.write_text(json.dumps(incoming), encoding="utf-8")
    code, out, err = run(capsys, "notebook", "import", str(path), "--notebook", str(book.path))
    assert code == 0
    assert "1 added, 1 merged, 0 unchanged, 1 saved search added, 2 conflicts" in out
    assert "conflict: event raid-begins: the notes differ; both kept" in err
    assert "ana.json names no dataset's content: items matched by id" in err  # (it has no dataset block)
    assert "conflict: saved search 'raid day': a different query; imported as 'raid day (imported)'" in err
    item = book.item("event", "raid-begins")
    assert item is not None and item.starred and item.tags == ("from-ana", "key-moment")
    assert item.note.startswith("# Check\nthe time: 04:00 or 04:15?\n\n[Conflict: the note below was imported from")
    assert item.note.endswith("Ana: the video says 04:15")
    assert {s.name: s.query for s in book.searches()} == {
        "raid day": "date:2018-01-15",
        "raid day (imported)": "date:2018-01-15..2018-01-16",
    }
    code, out, err = run(capsys, "notebook", "import", str(path), "--notebook", str(book.path))  # the same again
    assert code == 0 and "0 added, 0 merged, 2 unchanged, 0 saved searches added, 0 conflicts" in out
    assert "conflict:" not in err  # (a re-trial: the saved search's conflict was said at every import)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{", "ana.json:1:2: invalid JSON"),
        ('{"format": "junquito-tui notebook", "version": 9}', "version: written by a newer junquito-tui"),
        (
            '{"format": "junquito-tui notebook", "version": 1, "items": [{"kind": "event", "id": "Bad Id"}]}',
            "items[0].id: an id must be a lowercase slug like 'oscar-perez'",
        ),
        ("[1]", "ana.json: 1 problem\n  is an array, not a notebook export"),  # (was pydantic's 'an instance of')
        ('{"format": "junquito-tui notebook", "version": 1, "extra": 1}', "extra: unknown field 'extra'"),
        ('{"format": "junquito-tui notebook", "version": 1, "items": {}}', "items: should be a list, found an object"),
        ('{"format": "junquito-tui notebook", "version": 1, "items": [1]}', "items[0]: should be an object, found a"),
        ('{"schema_version": 1, "title": "x", "events": []}', "is a dataset file, not a notebook export"),
        (  # (a security trial: a received file's escapes in a time were stored as they were)
            '{"format": "junquito-tui notebook", "version": 1, "items": [{"kind": "event", "id": "a", '
            '"created": "x\\u001b[31m"}]}',
            "items[0].created: should be a time in UTC as a notebook export writes it, like '2026-12-07T22:35:14Z' "
            "(got 'x\\x1b[31m')",
        ),
    ],
)
def test_import_of_a_bad_file_names_the_problem(
    capsys: pytest.CaptureFixture[str], book: Notebook, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "ana.json"
    path.write_text(content, encoding="utf-8")
    before = book.items()
    code, _, err = run(capsys, "notebook", "import", str(path), "--notebook", str(book.path))
    assert code == 2 and expected in err and "Traceback" not in err
    assert book.items() == before


def test_export_never_writes_over_the_notebook_or_the_data(
    capsys: pytest.CaptureFixture[str], book: Notebook, write: Any, minimal: dict[str, Any]
) -> None:
    before = book.path.read_bytes()
    code, _, err = run(capsys, "notebook", "export", "--notebook", str(book.path), "-o", str(book.path))
    assert code == 2 and "is the notebook itself" in err
    data = write(minimal)
    code, _, err = run(capsys, "notebook", "export", "--data", str(data), "--notebook", str(book.path), "-o", str(data))
    assert code == 2 and "is the input file" in err
    assert book.path.read_bytes() == before and json.loads(data.read_text(encoding="utf-8")) == minimal


def test_import_into_a_notebook_that_is_off_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    damaged = tmp_path / "nb.sqlite3"
    damaged.write_bytes(b"not a database")
    export = tmp_path / "x.json"
    export.write_text('{"format": "junquito-tui notebook", "version": 1}', encoding="utf-8")
    code, _, err = run(capsys, "notebook", "import", str(export), "--notebook", str(damaged))
    assert code == 2 and "is not a notebook" in err and "notes are off" in err
    assert damaged.read_bytes() == b"not a database"


# -- show and new ------------------------------------------------------------------------------------


def test_show_lists_items_orphans_and_searches(capsys: pytest.CaptureFixture[str], book: Notebook) -> None:
    code, out, _ = run(capsys, "notebook", "show", "--notebook", str(book.path))
    assert code == 0
    assert f"notebook: {book.path} (writable)" in out
    assert "3 items (1 orphaned), 1 saved searches" in out
    assert "\u2605 event raid-begins  [key-moment]\n    # Check\n    the time: 04:00 or 04:15?" in out
    assert "\u2605 event no-longer-there  (orphaned: no longer in the dataset)" in out
    assert "search 'raid day': date:2018-01-15" in out


def test_show_prints_every_line_of_every_note(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """'Everything in it': a note was cut after three lines with no mark, and its fourth line
    ("BUT this is false, retracted") never shown (the review's finding 12)."""
    note = "line 1\nline 2\nline 3\nline 4: BUT this is false, retracted\n\nline 6\tafter a tab"
    exported = tmp_path / "nb4.json"
    document = {
        "format": "junquito-tui notebook",
        "version": 1,
        "items": [{"kind": "event", "id": "raid-begins", "note": note}],
    }
    exported.write_text(json.dumps({**document, "searches": []}), encoding="utf-8")
    book = tmp_path / "nb4b.sqlite3"
    assert run(capsys, "notebook", "import", str(exported), "--notebook", str(book))[0] == 0
    code, out, _ = run(capsys, "notebook", "show", "--notebook", str(book))
    assert code == 0
    shown = "\n".join(f"    {line}" for line in note.replace("\t", "    ").split("\n"))
    assert f"  event raid-begins\n{shown}\n" in out
    connection = sqlite3.connect(book)  # a note written by another program: its codes never sent
    connection.execute("UPDATE items SET note = ? WHERE id = 'raid-begins'", ("one\n\x1b[2Jtwo",))
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "notebook", "show", "--notebook", str(book))
    assert code == 0 and "    one\n    " in out and "two" in out and "\x1b" not in out


def test_show_before_any_note_creates_nothing(capsys: pytest.CaptureFixture[str], _private_data_home: Path) -> None:
    code, out, _ = run(capsys, "notebook", "show")
    assert code == 0 and "none yet: made at your first star, tag or note" in out
    assert list(_private_data_home.iterdir()) == []


def test_new_moves_a_damaged_notebook_aside(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    damaged = tmp_path / "nb.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 500)
    code, out, _ = run(capsys, "notebook", "new", "--notebook", str(damaged))
    assert code == 0 and "kept, not deleted" in out
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("nb.sqlite3.unreadable-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"SQLite format 3\x00" + b"\x07" * 500
    assert not damaged.exists()


def test_new_on_a_healthy_notebook_does_nothing(capsys: pytest.CaptureFixture[str], book: Notebook) -> None:
    before = book.path.read_bytes()
    code, _, err = run(capsys, "notebook", "new", "--notebook", str(book.path))
    assert code == 1 and "not damaged: nothing done" in err
    assert book.path.read_bytes() == before


# -- the case file ---------------------------------------------------------------------------------------


def test_a_filtered_export_counts_only_the_marked_items_it_carries(
    capsys: pytest.CaptureFixture[str], book: Notebook
) -> None:
    # before (a notebook trial): '--query date:2018-01-15' said '13 marked items' of a file holding 4
    book.set_note("event", "operation-genesis", "not on the raid's day")
    code, out, err = run(
        capsys, "export", "--format", "markdown", "--notebook", str(book.path), "--query", "helicopter"
    )
    carried = "2 of your 4 marked items (the rest are on events this export leaves out)"
    assert code == 0 and f"with your notebook: {carried}" in err, err
    assert out.count("**My note:**") == 1 and "not on the raid" not in out  # the actor's; no event of its own
    assert "(no longer in the dataset)" in out  # the orphaned star, the second carried


def test_markdown_export_includes_the_notebook(capsys: pytest.CaptureFixture[str], book: Notebook) -> None:
    before = (BUNDLED.read_bytes(), BUNDLED.stat().st_mtime_ns)
    code, out, err = run(capsys, "export", "--format", "markdown", "--notebook", str(book.path))
    assert code == 0 and "with your notebook: 3 marked items (--no-notebook leaves them out)" in err
    assert "- **Starred** in my notebook\n- **My tags:** `key-moment`\n\n**My note:**\n\n> # Check\n> the time" in out
    assert "## Also in my notebook" in out
    assert "### actor `oscar-perez`: Óscar Pérez\n\n**My note:**\n\n> leader of the group" in out
    assert "### event `no-longer-there` (no longer in the dataset)" in out
    code, plain, err = run(capsys, "export", "--format", "markdown", "--notebook", str(book.path), "--no-notebook")
    assert "My note" not in plain and "with your notebook" not in err
    code, csv, _ = run(capsys, "export", "--format", "csv", "--notebook", str(book.path))
    assert "leader of the group" not in csv
    assert (BUNDLED.read_bytes(), BUNDLED.stat().st_mtime_ns) == before


def test_a_note_cannot_inject_html_into_the_case_file(capsys: pytest.CaptureFixture[str], book: Notebook) -> None:
    book.set_note("event", "raid-begins", "<script>alert(1)</script> see <https://example.org/x>")
    _, out, _ = run(capsys, "export", "--format", "markdown", "--notebook", str(book.path))
    assert "> &lt;script>alert(1)&lt;/script> see <https://example.org/x>" in out


def test_reading_commands_create_no_notebook(capsys: pytest.CaptureFixture[str], _private_data_home: Path) -> None:
    for argv in (["export", "--format", "markdown"], ["search", "perez"], ["cite", "raid-begins"]):
        run(capsys, *argv)
    assert list(_private_data_home.iterdir()) == []


def test_case_file_of_starred_events(capsys: pytest.CaptureFixture[str], book: Notebook) -> None:
    code, out, _ = run(capsys, "export", "--format", "markdown", "--query", "is:starred", "--notebook", str(book.path))
    assert code == 0
    assert out.count("\n### ") - out.count("\n### actor") - out.count("\n### event `") == 1  # raid-begins only
    assert "About 500 troops deployed against Pérez's group" in out and "My note" in out


def test_the_notebook_file_is_a_real_sqlite_database_in_wal_mode(book: Notebook) -> None:
    connection = sqlite3.connect(book.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_notebook_path_that_is_no_notebook_file_is_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # before (a notebook trial): a directory was 'cannot be read (permission denied)'; a mistyped path gave a
    # case file without notes, unsaid; 'is:starred' with the notebook off said only 'no event matches'
    import os

    fifo = tmp_path / "nb.fifo"
    os.mkfifo(fifo)
    for path, said in ((tmp_path, "is a directory, not a notebook file"), (fifo, "is a named pipe (FIFO)")):
        code, _, err = run(capsys, "export", "--format", "markdown", "--notebook", str(path))
        assert code == 0 and said in err and "permission denied" not in err
        code, _, err = run(capsys, "search", "is:starred", "--notebook", str(path))
        assert code == 2 and "is:starred: no notebook open; nothing matches" in err
    typo = tmp_path / "typo.sqlite3"
    code, _, err = run(capsys, "export", "--format", "markdown", "--notebook", str(typo))
    assert code == 0 and f"there is no notebook at {typo}: nothing is marked" in err and not typo.exists()


def test_import_of_a_number_too_long_to_read_names_it(
    capsys: pytest.CaptureFixture[str], book: Notebook, tmp_path: Path
) -> None:
    # (a re-trial: a 'version' of 5,000 digits was a traceback, exit status 1)
    path = tmp_path / "big.json"
    path.write_text('{"format": "junquito-tui notebook", "version": 1' + "0" * 5000 + "}", encoding="utf-8")
    code, _, err = run(capsys, "notebook", "import", str(path), "--notebook", str(book.path))
    assert code == 2 and "holds a number too long to read" in err and "Traceback" not in err


def test_new_on_a_refused_notebook_is_a_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # (a re-trial: a notebook refused for its tables exited 1, 'nothing matched')
    path = tmp_path / "nb.sqlite3"
    book = Notebook(path)
    book.set_starred("event", "raid-begins", True)
    book.close()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE extra (x)")
    connection.close()
    code, _, err = run(capsys, "notebook", "new", "--notebook", str(path))
    assert code == 2 and "is off, not damaged: nothing done" in err and "tables that are not those" in err


def test_show_draws_no_bidirectional_mark_of_a_saved_search(capsys: pytest.CaptureFixture[str], book: Notebook) -> None:
    # (a re-trial: a saved search's name and query printed U+200F and U+061C raw, where a note's are escaped)
    book.save_search("raid\u200fday", "date:2018\u061c-01")
    code, out, _ = run(capsys, "notebook", "show", "--notebook", str(book.path))
    assert code == 0 and "\u200f" not in out and "\u061c" not in out and "raid\\u200fday" in out


@pytest.mark.parametrize("what", ["searches", "lines"])
def test_an_import_that_would_take_the_notebook_past_what_it_reads_is_refused_whole(
    capsys: pytest.CaptureFixture[str], book: Notebook, tmp_path: Path, what: str
) -> None:
    # (a re-trial: 20,001 saved searches or a note of 500,000 lines imported with exit 0, and the user's own notebook
    # was refused from then on, for good)
    stamp = "2026-01-01T00:00:00Z"
    document: dict[str, Any] = {"format": "junquito-tui notebook", "version": 1, "items": [], "searches": []}
    if what == "searches":
        document["searches"] = [
            {"name": f"s{n}", "query": "q", "created": stamp, "updated": stamp} for n in range(20_001)
        ]
    else:
        document["items"] = [{"kind": "event", "id": "raid-begins", "note": "x\n" * 5_000}]
    path = tmp_path / "received.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = (book.items(), book.searches())
    code, _, err = run(capsys, "notebook", "import", str(path), "--notebook", str(book.path))
    assert code == 2 and "not imported: the notebook would hold" in err and "Traceback" not in err
    assert (book.items(), book.searches()) == before
    assert run(capsys, "notebook", "show", "--notebook", str(book.path))[0] == 0  # (still read)
