"""Which notebook a dataset finds: moved or renamed copies, edited files, other datasets."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.notebook import Access, locate, open_for_dataset, orphaned
from junquito_tui.core.notebook.identity import DatasetIdentity, similarity, sketch_of

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "events.json"


def write(path: Path, document: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def bundled() -> dict[str, Any]:
    return dict(json.loads(BUNDLED.read_text(encoding="utf-8")))


def star(path: Path, folder: Path, *keys: tuple[str, str]) -> Path:
    """Open the dataset at ``path`` as the app does, star ``keys``; the notebook's file."""
    opened = open_for_dataset(path, load_dataset(path), folder=folder)
    assert opened.notebook is not None and opened.access is Access.WRITABLE, opened.reason
    for kind, item_id in keys:
        opened.notebook.set_starred(kind, item_id, True)
    opened.notebook.close()
    return opened.path


def found(path: Path, folder: Path) -> tuple[Path, str]:
    opened = open_for_dataset(path, load_dataset(path), folder=folder)
    return opened.path, opened.found


def test_a_moved_and_renamed_copy_finds_its_notebook(tmp_path: Path, bundled: dict[str, Any]) -> None:
    folder = tmp_path / "notebooks"
    original = write(tmp_path / "a" / "events.json", bundled)
    notebook = star(original, folder, ("event", "raid-begins"))
    moved = tmp_path / "elsewhere" / "renamed.json"
    moved.parent.mkdir()
    shutil.move(original, moved)
    assert found(moved, folder) == (notebook, "this exact file was opened with it before")


def test_an_edited_file_keeps_its_notebook_and_notes_on_ids_still_there(
    tmp_path: Path, bundled: dict[str, Any]
) -> None:
    folder = tmp_path / "notebooks"
    path = write(tmp_path / "events.json", bundled)
    anchors = {e.get(side) for e in bundled["events"] for side in ("after", "before", "shown_after", "shown_before")}
    gone = next(e["id"] for e in reversed(bundled["events"]) if e["id"] not in anchors)
    notebook = star(path, folder, ("event", "raid-begins"), ("event", gone))
    edited = copy.deepcopy(bundled)
    edited["events"][0]["summary"] += " (corrected)"
    edited["events"] = [e for e in edited["events"] if e["id"] != gone]  # deleted: its note stays, orphaned
    edited["quotes"] = [q for q in edited["quotes"] if q["event"] != gone]
    write(path, edited)
    assert found(path, folder) == (notebook, "the same file, edited in place")
    opened = open_for_dataset(path, load_dataset(path), folder=folder)
    assert opened.notebook is not None
    items = opened.notebook.items()
    assert {item.id for item in items} == {"raid-begins", gone}
    assert [item.id for item in orphaned(items, Chronology(load_dataset(path)))] == [gone]


def test_an_edited_copy_elsewhere_finds_it_by_title_and_ids(tmp_path: Path, bundled: dict[str, Any]) -> None:
    folder = tmp_path / "notebooks"
    notebook = star(write(tmp_path / "mine.json", bundled), folder, ("event", "raid-begins"))
    edited = copy.deepcopy(bundled)
    edited["events"][0]["title"] = "A corrected title"
    copy_path = write(tmp_path / "colleague" / "theirs.json", edited)
    assert found(copy_path, folder) == (notebook, "the same title, with mostly the same ids (an edited copy)")


def test_a_retitled_file_in_place_finds_it_by_path_and_ids(tmp_path: Path, bundled: dict[str, Any]) -> None:
    folder = tmp_path / "notebooks"
    path = write(tmp_path / "events.json", bundled)
    notebook = star(path, folder, ("event", "raid-begins"))
    write(path, {**bundled, "title": "Something else entirely"})
    assert found(path, folder) == (notebook, "the same path, with mostly the same ids (retitled)")


def test_another_dataset_with_the_same_title_gets_its_own_notebook(tmp_path: Path, minimal: dict[str, Any]) -> None:
    folder = tmp_path / "notebooks"
    first = star(write(tmp_path / "one.json", minimal), folder, ("event", "first"))
    other = copy.deepcopy(minimal)
    for number, event in enumerate(other["events"]):
        event["id"] = f"other-{number}"
    other["quotes"] = []
    second_path, how = found(write(tmp_path / "two.json", other), folder)
    assert second_path != first and how == "new: made at the first change"


def test_a_different_dataset_at_the_same_path_gets_its_own_notebook(tmp_path: Path, minimal: dict[str, Any]) -> None:
    folder = tmp_path / "notebooks"
    path = write(tmp_path / "data.json", minimal)
    first = star(path, folder, ("event", "first"))
    other = copy.deepcopy(minimal)
    other["title"] = "A different chronology"
    for number, event in enumerate(other["events"]):
        event["id"] = f"other-{number}"
    other["quotes"] = []
    write(path, other)
    assert found(path, folder)[0] != first


def test_an_unreadable_notebook_of_the_same_title_is_reported_not_replaced(
    tmp_path: Path, minimal: dict[str, Any]
) -> None:
    folder = tmp_path / "notebooks"
    path = write(tmp_path / "data.json", minimal)
    notebook = star(path, folder, ("event", "first"))
    notebook.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # damaged
    opened = open_for_dataset(path, load_dataset(path), folder=folder)
    assert opened.path == notebook and opened.access is Access.OFF and opened.damaged
    assert sorted(p.name for p in folder.glob("*.sqlite3")) == [notebook.name]  # no second one made


def test_looking_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "notebooks"
    opened = open_for_dataset(None, load_dataset(), folder=folder)
    assert opened.writable and not folder.exists()


def test_the_default_folder_is_the_users_data_folder(_private_data_home: Path) -> None:
    dataset = load_dataset()
    located = locate(DatasetIdentity.of(BUNDLED, dataset))
    assert located.path.parent == _private_data_home / "junquito-tui" / "notebooks"
    assert located.path.name.startswith("el-junquito-raid-a-chronology-")


# -- the sketch against the exact Jaccard similarity -----------------------------------------------


def jaccard(first: set[str], second: set[str]) -> float:
    return len(first & second) / len(first | second) if first | second else 0.0


@given(st.sets(st.integers(0, 400), min_size=1, max_size=120), st.sets(st.integers(0, 400), min_size=1, max_size=120))
@settings(max_examples=200, deadline=None)
def test_small_sets_are_compared_exactly(first: set[int], second: set[int]) -> None:
    a, b = {f"event:e-{n}" for n in first}, {f"event:e-{n}" for n in second}
    assert similarity(sketch_of(a), sketch_of(b)) == pytest.approx(jaccard(a, b))


@given(
    st.integers(2_000, 20_000),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.5),
    st.sampled_from(["event:{}", "quote:q{}-said", "actor:person-{}"]),
)
@settings(max_examples=40, deadline=None)
def test_large_sets_are_estimated_within_a_tolerance(size: int, kept: float, added: float, shape: str) -> None:
    """An edit keeps a share of the ids and adds new ones; the estimate from 128 hashes stays within
    0.2 of the exact similarity (its standard error is at most 0.045: 0.2 is over four of them)."""
    original = {shape.format(n) for n in range(size)}
    keep = int(size * kept)
    edited = {shape.format(n) for n in range(keep)} | {shape.format(f"new-{n}") for n in range(int(size * added))}
    if not edited:
        return
    assert abs(similarity(sketch_of(original), sketch_of(edited)) - jaccard(original, edited)) < 0.2
