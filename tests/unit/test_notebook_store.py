"""The notebook store: stars, tags, notes and saved searches; two instances; threads; hostile text."""

from __future__ import annotations

import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import known
from junquito_tui.core.notebook import Notebook, NotebookError, Snapshot, open_notebook
from junquito_tui.core.notebook.connection import use_wal
from junquito_tui.core.notebook.merging import conflict_line, merge_note
from junquito_tui.core.text import CONTROL, without_controls


@pytest.fixture
def book(tmp_path: Path) -> Notebook:
    return Notebook(tmp_path / "nb" / "notebook.sqlite3")


def test_nothing_is_created_until_the_first_change(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "nb.sqlite3"
    opened = open_notebook(path)
    assert opened.writable and opened.notebook is not None
    assert (
        opened.notebook.items() == [] and opened.notebook.searches() == [] and not opened.notebook.snapshot().starred()
    )
    assert not path.parent.exists()
    opened.notebook.set_starred("event", "raid-begins", True)
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # notes are private
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_star_tag_note_round_trip(book: Notebook) -> None:
    assert book.toggle_starred("event", "raid-begins") is True
    item = book.set_tags("event", "raid-begins", ["Key moment", "check-later", "key-moment"])
    assert item is not None and item.tags == ("check-later", "key-moment")
    saved = book.set_note("event", "raid-begins", "# Why\n\n- *first* line\n  indented\ttab")
    assert saved.item is not None and saved.item.note == "# Why\n\n- *first* line\n  indented\ttab"  # kept as typed
    again = Notebook(book.path).item("event", "raid-begins")  # another connection, as after a restart
    assert again == saved.item
    assert again.starred and again.created <= again.updated


def test_an_item_left_with_nothing_is_no_longer_listed(book: Notebook) -> None:
    book.set_starred("actor", "oscar-perez", True)
    book.set_note("actor", "oscar-perez", "leader")
    assert book.set_starred("actor", "oscar-perez", False) is not None  # the note keeps it
    assert book.set_note("actor", "oscar-perez", "  \n ").item is None  # blank is no note
    assert book.items() == []


def test_items_are_listed_most_recently_changed_first(book: Notebook) -> None:
    for item_id in ("a", "b", "c"):
        book.set_starred("event", item_id, True)
    book.set_note("event", "a", "touched last")
    assert [item.id for item in book.items()] == ["a", "c", "b"]


@pytest.mark.parametrize(
    ("kind", "item_id", "message"),
    [
        ("person", "x", "not something a note"),
        ("event", "Not An Id", "is not an id"),
        ("event", "a" * 121, "not an id"),
    ],
)
def test_bad_keys_are_refused_with_a_reason(book: Notebook, kind: str, item_id: str, message: str) -> None:
    with pytest.raises(NotebookError, match=message):
        book.set_starred(kind, item_id, True)
    assert not book.path.exists()


def test_a_tag_without_letters_is_refused(book: Notebook) -> None:
    with pytest.raises(NotebookError, match="no letter or digit"):
        book.add_tag("event", "x", "!!!")


def test_pasted_escape_sequences_never_reach_the_store(book: Notebook) -> None:
    pasted = (
        "red: \x1b[31mALERT\x1b[0m\r\nbell\x07 title\x1b]0;owned\x07"
        " link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ \x9b2J"
    )
    saved = book.set_note("event", "x", pasted)
    assert saved.item is not None
    assert saved.item.note == "red: ALERT\nbell title link here "
    assert saved.removed > 0
    assert not CONTROL.search(known(known(book.snapshot().get("event", "x")).note))


def test_notes_written_by_another_program_are_cleaned_when_read(book: Notebook) -> None:
    book.set_note("event", "x", "clean")
    import sqlite3

    with sqlite3.connect(book.path) as other:
        other.execute("UPDATE items SET note = 'evil \x1b[2J'")
        other.execute("INSERT INTO item_tags VALUES ('event', 'x', 'bad tag \x1b')")
    item = Notebook(book.path).item("event", "x")
    assert item is not None and item.note == "evil " and item.tags == ()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
@settings(max_examples=300, deadline=None)
def test_without_controls_leaves_no_control_and_keeps_clean_text(text: str) -> None:
    clean, removed = without_controls(text)
    assert not CONTROL.search(clean)
    assert without_controls(clean) == (clean, 0)  # idempotent
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    if not CONTROL.search(normal):
        assert clean == normal and removed == 0  # nothing but line ends touched in clean text
    assert removed == len(normal) - len(clean)


def test_two_instances_editing_one_note_keep_both_versions(tmp_path: Path) -> None:
    first, second = Notebook(tmp_path / "nb.sqlite3"), Notebook(tmp_path / "nb.sqlite3")
    first.set_note("event", "x", "base")
    opened_with = known(second.item("event", "x")).note
    first.set_note("event", "x", "base, edited by the first", base="base")
    saved = second.set_note("event", "x", "base, edited by the second", base=opened_with)
    assert saved.conflict
    note = known(first.item("event", "x")).note
    assert "edited by the first" in note and "edited by the second" in note
    assert "both versions are kept" in note


def test_saving_a_note_nobody_else_touched_is_no_conflict(book: Notebook) -> None:
    book.set_note("event", "x", "one")
    saved = book.set_note("event", "x", "two", base="one")
    assert not saved.conflict and saved.item is not None and saved.item.note == "two"


def test_tags_edited_in_two_instances_are_both_kept(tmp_path: Path) -> None:
    first, second = Notebook(tmp_path / "nb.sqlite3"), Notebook(tmp_path / "nb.sqlite3")
    first.set_tags("event", "x", ["a"])
    base = known(second.item("event", "x")).tags
    first.set_tags("event", "x", ["a", "from-first"], base=["a"])
    item = second.set_tags("event", "x", ["from-second"], base=base)  # removed 'a', added one
    assert item is not None and item.tags == ("from-first", "from-second")


def test_toggle_reads_what_is_stored_not_what_a_pane_showed(tmp_path: Path) -> None:
    first, second = Notebook(tmp_path / "nb.sqlite3"), Notebook(tmp_path / "nb.sqlite3")
    assert first.toggle_starred("quote", "q1") is True
    assert second.toggle_starred("quote", "q1") is False


def test_changed_elsewhere_sees_another_instance(tmp_path: Path) -> None:
    first, second = Notebook(tmp_path / "nb.sqlite3"), Notebook(tmp_path / "nb.sqlite3")
    first.set_starred("event", "x", True)
    assert second.changed_elsewhere() is False  # the first question sets the baseline
    first.set_starred("event", "y", True)
    assert second.changed_elsewhere() is True
    assert second.changed_elsewhere() is False
    second.set_starred("event", "z", True)  # its own change, on its own connection: not elsewhere
    assert second.changed_elsewhere() is False


def test_saved_searches(book: Notebook) -> None:
    book.save_search("  raid\nday ", "date:2018-01-15   kind:event")
    assert [(s.name, s.query) for s in book.searches()] == [("raid day", "date:2018-01-15 kind:event")]
    book.save_search("raid day", "date:2018-01-15 kind:event")  # the same again: fine
    with pytest.raises(NotebookError, match="already named 'raid day'"):
        book.save_search("raid day", "perez")
    book.save_search("raid day", "perez", replace=True)
    book.save_search("Another", "x")
    assert [(s.name, s.query) for s in book.searches()] == [("Another", "x"), ("raid day", "perez")]
    assert book.delete_search("raid day") and not book.delete_search("raid day")
    with pytest.raises(NotebookError, match="needs a name"):
        book.save_search(" \x1b ", "x")


def test_tags_for_completion_most_used_first(book: Notebook) -> None:
    book.set_tags("event", "a", ["key", "odd"])
    book.set_tags("event", "b", ["key"])
    assert book.tag_counts() == [("key", 2), ("odd", 1)]


def test_each_thread_has_its_own_connection(book: Notebook) -> None:
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            for step in range(20):
                book.set_note("event", f"t{number}-{step}", f"note {step}")
                book.snapshot()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(book.items()) == 80
    book.close()
    assert len(book.items()) == 80  # usable again after close


def test_read_only_notebook_refuses_changes_and_says_so(book: Notebook) -> None:
    book.set_starred("event", "x", True)
    from junquito_tui.core.notebook.connection import Mode

    reader = Notebook(book.path, mode=Mode.READ)
    assert reader.snapshot().starred() == {("event", "x")}
    with pytest.raises(NotebookError, match="read-only: not saved"):
        reader.set_starred("event", "y", True)


# -- what the search engine asks ------------------------------------------------------------------


def test_the_snapshot_hands_over_stars_notes_and_tags(book: Notebook) -> None:
    book.set_starred("event", "a", True)
    book.set_note("event", "a", "Habló con **Pérez**")
    book.set_tags("actor", "b", ["key-moment", "to-check"])
    book.set_note("quote", "c", "only a note")
    snapshot = book.snapshot()
    assert snapshot.starred() == frozenset({("event", "a")})
    assert sorted(snapshot.notes()) == [(("event", "a"), "Habló con **Pérez**"), (("quote", "c"), "only a note")]
    assert sorted(snapshot.tags()) == [(("actor", "b"), "key-moment"), (("actor", "b"), "to-check")]
    assert Snapshot().starred() == frozenset() and list(Snapshot().notes()) == []


def test_a_snapshot_follows_a_change_without_reading_the_file(book: Notebook) -> None:
    snapshot = book.snapshot()
    item = book.set_starred("event", "x", True)
    updated = snapshot.with_item(("event", "x"), item)
    assert updated == book.snapshot() and len(snapshot) == 0  # the old one is unchanged
    assert updated.with_item(("event", "x"), book.set_starred("event", "x", False)) == book.snapshot()


def test_merge_rule() -> None:
    assert merge_note("same", "same", "x") == ("same", False)
    assert merge_note("mine", "theirs", "x", base="theirs") == ("mine", False)  # nobody else changed it
    assert merge_note("base", "theirs", "x", base="base") == ("theirs", False)  # we changed nothing
    assert merge_note("a\nb\nc", "b", "x") == ("a\nb\nc", False)  # ours holds theirs, a line of its own
    assert merge_note("a b c", "b", "x")[1]  # within a line: words beside it may change its sense
    assert merge_note("", "theirs", "x") == ("theirs", False)
    assert merge_note("", "theirs", "x", base="old") == ("theirs", True)  # we emptied, they wrote
    text, conflict = merge_note("mine", "theirs", "imported from a.json")
    assert conflict and text == f"mine\n\n{conflict_line('imported from a.json')}\n\ntheirs"


class _Busy:
    """A connection whose first ``busy`` statements fail as SQLite does when another instance
    holds the lock it needs (without waiting its busy timeout)."""

    def __init__(self, busy: int, error: str = "database is locked") -> None:
        self.busy, self.error, self.statements = busy, error, 0

    def execute(self, sql: str) -> None:
        self.statements += 1
        if self.statements <= self.busy:
            raise sqlite3.OperationalError(self.error)


def test_the_switch_to_write_ahead_logging_waits_for_another_instance() -> None:
    busy = _Busy(3)
    use_wal(busy, timeout=5.0)  # type: ignore[arg-type]
    assert busy.statements == 4


def test_the_switch_to_write_ahead_logging_gives_up_after_the_timeout() -> None:
    busy = _Busy(10**9)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        use_wal(busy, timeout=0.2)  # type: ignore[arg-type]
    assert 0.2 <= time.monotonic() - started < 2.0


def test_the_switch_to_write_ahead_logging_does_not_retry_other_errors() -> None:
    busy = _Busy(10**9, "disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk"):
        use_wal(busy, timeout=5.0)  # type: ignore[arg-type]
    assert busy.statements == 1


def test_a_file_another_instance_makes_after_opening_is_a_change(tmp_path: Path) -> None:
    """The first look at a notebook another instance created was taken as the baseline: its first
    note was never read again, and this instance's editor opened empty on it."""
    path = tmp_path / "nb.sqlite3"
    mine = Notebook(path)
    assert mine.changed_elsewhere() is False  # no file yet
    Notebook(path).set_note("event", "x", "written by the other instance")
    assert mine.changed_elsewhere() is True
    assert mine.changed_elsewhere() is False
    assert known(mine.snapshot().get("event", "x")).note == "written by the other instance"
