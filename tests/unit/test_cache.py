"""The dataset cache: a hit is the same dataset a fresh load gives; any doubt means a fresh load."""

from __future__ import annotations

import ast
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED, MINIMAL, REPO
from junquito_tui import cli
from junquito_tui.core import arrangement, cache, cached_load
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.loader import DatasetError, load_with_report
from junquito_tui.core.model import DATASET
from junquito_tui.core.records import Actor, Dataset, Event, Quote, Source

SHEETS = REPO / "tests" / "data" / "sheets"


def assert_same(cached: Dataset, fresh: Dataset) -> None:
    assert type(cached) is Dataset
    for name, kind in (("sources", Source), ("actors", Actor), ("events", Event), ("quotes", Quote)):
        got, want = getattr(cached, name), getattr(fresh, name)
        assert type(got) is tuple and len(got) == len(want)
        assert all(type(item) is kind for item in got)
    assert DATASET.dump_python(cached) == DATASET.dump_python(fresh)  # every field of every item, nested
    assert cached == fresh


def open_twice(path: Path, folder: Path, **options: Any) -> tuple[Any, Any]:
    """Load (a miss), write the entry, load again: (first, second) as ``load_cached`` returns them."""
    first = cached_load.load_cached(path, folder=folder, **options)
    assert first[1] is not None, "the first open is a miss and offers to write the entry"
    first[1].run()
    assert first[1].written is not None and first[1].written.parent == folder
    return first, cached_load.load_cached(path, folder=folder, **options)


@pytest.fixture(autouse=True)
def _cache_every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests cache small files, whatever the threshold (``MIN_BYTES``) is."""
    monkeypatch.setattr(cached_load, "MIN_BYTES", 0)


def test_files_under_the_threshold_are_checked_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cached_load, "MIN_BYTES", BUNDLED.stat().st_size + 1)
    loaded, save = cached_load.load_cached(BUNDLED, folder=tmp_path)
    assert save is None and len(loaded.dataset.events) == 38
    assert not list(tmp_path.iterdir())


@pytest.fixture
def no_fresh_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hit must not read the file as a dataset at all."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("loaded from the file, not the cache")

    monkeypatch.setattr(cached_load, "load_with_report", refuse)


def test_a_hit_is_the_bundled_dataset_without_loading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (loaded, _), _ = open_twice(BUNDLED, tmp_path)
    monkeypatch.setattr(cached_load, "load_with_report", lambda *a, **k: pytest.fail("not from the cache"))
    hit, save = cached_load.load_cached(BUNDLED, folder=tmp_path)
    assert save is None
    assert_same(hit.dataset, load_with_report(BUNDLED).dataset)
    assert hit.warnings == loaded.warnings == []


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), events=st.integers(1, 250))
def test_a_hit_equals_a_fresh_load_of_generated_datasets(tmp_path: Path, seed: int, events: int) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from make_dataset import make_dataset  # the benchmark's generator: every field the model has

    path = tmp_path / f"generated-{seed}-{events}.json"
    path.write_text(json.dumps(make_dataset(events, seed), ensure_ascii=False), encoding="utf-8")
    (first, _), (hit, save) = open_twice(path, tmp_path / "cache")
    assert save is None
    assert_same(hit.dataset, load_with_report(path).dataset)
    assert_same(hit.dataset, first.dataset)


def test_a_spreadsheet_hit_keeps_its_warnings_and_summary(tmp_path: Path, no_fresh_load: None) -> None:
    path = SHEETS / "dates-ambiguous.csv"
    fresh = load_with_report(path)
    assert fresh.warnings, "the fixture is chosen for its warnings"
    folder = tmp_path / "cache"
    entry = cache.Cached(fresh.dataset, fresh.warnings, fresh.summary)
    cache.Save(cache.Key.of(path, ""), cache.file_digest(path), entry, folder).run()
    hit, save = cached_load.load_cached(path, folder=folder)
    assert save is None
    assert_same(hit.dataset, fresh.dataset)
    assert (hit.warnings, hit.summary) == (fresh.warnings, fresh.summary)


def test_columns_are_part_of_the_key(tmp_path: Path) -> None:
    path = SHEETS / "columns-option.csv"
    columns = parse_columns("date=When it happened,title=What,place=Where")
    (first, _), (hit, save) = open_twice(path, tmp_path, columns=columns)
    assert save is None
    other = cached_load.load_cached(path, folder=tmp_path, columns=parse_columns("date=When it happened,title=What"))
    assert other[1] is not None, "other columns: another entry, not this one"
    assert_same(hit.dataset, first.dataset)


# -- any doubt: a fresh load -----------------------------------------------------------------------


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_changed_file_of_the_same_size_and_time_is_loaded_again(tmp_path: Path) -> None:
    path = write_json(tmp_path / "data.json", {**MINIMAL, "title": "Title A"})
    open_twice(path, tmp_path / "cache")
    status = os.stat(path)
    write_json(path, {**MINIMAL, "title": "Title B"})  # same length: only the bytes differ
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert os.stat(path).st_size == status.st_size
    loaded, save = cached_load.load_cached(path, folder=tmp_path / "cache")
    assert save is not None, "a miss"
    assert loaded.dataset.title == "Title B"


def test_a_touched_file_is_loaded_again_and_its_entry_rebuilt(tmp_path: Path) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    (_, first_save), _ = open_twice(path, tmp_path / "cache")
    status = os.stat(path)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    _loaded, save = cached_load.load_cached(path, folder=tmp_path / "cache")
    assert save is not None, "a new time is a miss, even with the same bytes"
    save.run()
    assert save.written == first_save.written, "the entry for this path is replaced, not added to"
    assert cached_load.load_cached(path, folder=tmp_path / "cache")[1] is None


def entry_of(path: Path, folder: Path) -> Path:
    return cache.Key.of(path, "").entry(folder)


def damaged(data: bytes, how: str) -> bytes:
    middle = len(data) // 2
    return {
        "empty": b"",
        "truncated at the end": data[:-3],
        "truncated in the middle": data[:middle],
        "its first half only": data[middle:],
        "a byte changed inside a title": data.replace(b"First event", b"First evenT", 1),
        "a byte flipped in the frames": data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :],
        "garbage": os.urandom(len(data)),
        "zeros": bytes(len(data)),
        "the magic wrong": data[:-4] + b"JQTX",
        "a huge header length": data[:-8] + (2**32 - 1).to_bytes(4, "little") + data[-4:],
    }[how]


@pytest.mark.parametrize(
    "how",
    [
        "empty", "truncated at the end", "truncated in the middle", "its first half only",
        "a byte changed inside a title", "a byte flipped in the frames", "garbage", "zeros", "the magic wrong",
        "a huge header length",
    ],
)  # fmt: skip
def test_a_corrupt_entry_is_ignored_and_rebuilt(tmp_path: Path, how: str) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    folder = tmp_path / "cache"
    open_twice(path, folder)
    entry = entry_of(path, folder)
    good = entry.read_bytes()
    assert b"First event" in good, "the title is stored as it is: the change above hits it"
    entry.write_bytes(damaged(good, how))
    loaded, save = cached_load.load_cached(path, folder=folder)
    assert save is not None, "a miss"
    assert_same(loaded.dataset, load_with_report(path).dataset)
    save.run()
    assert entry.read_bytes() == good, "rebuilt as it was"


@pytest.mark.parametrize("field", ["package", "schema", "format", "code"])
def test_an_entry_from_another_version_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    folder = tmp_path / "cache"
    with monkeypatch.context() as patch:  # written by another version of junquito-tui
        if field == "package":
            patch.setattr(cache, "__version__", "0.0.1")
        elif field == "schema":
            patch.setattr(cache, "SCHEMA_VERSION", 0)
        elif field == "format":
            patch.setattr(cache, "CACHE_FORMAT", 0)
        else:
            patch.setattr(cache, "_code_stamp", lambda: 1)
        open_twice(path, folder)
        assert cached_load.load_cached(path, folder=folder)[1] is None, "that version reads its own entry"
    assert cached_load.load_cached(path, folder=folder)[1] is not None, "this version does not"


def test_an_unreadable_entry_is_a_miss_never_an_error(tmp_path: Path) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    folder = tmp_path / "cache"
    folder.mkdir()
    entry = entry_of(path, folder)
    os.mkfifo(entry)  # would block a plain open() for ever
    loaded, save = cached_load.load_cached(path, folder=folder)
    assert loaded.dataset.title == MINIMAL["title"] and save is not None
    entry.unlink()
    entry.mkdir()
    assert cached_load.load_cached(path, folder=folder)[0].dataset.title == MINIMAL["title"]
    entry.rmdir()
    entry.symlink_to(path)  # never followed
    assert cached_load.load_cached(path, folder=folder)[1] is not None


def test_a_cache_directory_that_cannot_be_written_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    loaded, save = cached_load.load_cached(path, folder=blocker / "cache")
    assert loaded.dataset.title == MINIMAL["title"] and save is not None
    save.run()  # does not raise
    assert save.written is None and blocker.read_text(encoding="utf-8") == "not a directory"

    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")  # what a read-only directory says (root is exempt)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)  # the cache writes through it
    loaded, save = cached_load.load_cached(path, folder=tmp_path / "read-only")
    assert save is not None
    save.start()
    save.join(10)
    assert save.written is None
    assert cached_load.load_cached(path, folder=tmp_path / "read-only")[0].dataset.title == MINIMAL["title"]


def test_a_file_changed_after_loading_is_not_cached(tmp_path: Path) -> None:
    path = write_json(tmp_path / "data.json", {**MINIMAL, "title": "Title A"})
    _loaded, save = cached_load.load_cached(path, folder=tmp_path / "cache")
    status = os.stat(path)
    write_json(path, {**MINIMAL, "title": "Title B"})
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # even with the same size and time
    assert save is not None
    save.run()
    assert save.written is None and not (tmp_path / "cache").exists()


def test_a_dataset_that_fails_validation_is_never_cached(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", {**MINIMAL, "title": 5})
    with pytest.raises(DatasetError):
        cached_load.load_cached(path, folder=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
    assert cli.main(["search", "x", "--data", str(path)]) == 2
    assert not cache.cache_dir().exists()


# -- the command line ----------------------------------------------------------------------------


def test_commands_use_the_cache_and_no_cache_neither_reads_nor_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write_json(tmp_path / "data.json", MINIMAL))
    assert cli.main(["search", "first", "--no-cache", "--data", path]) == 0
    assert cli.main(["--no-cache", "export", "--format", "csv", "--data", path]) == 0
    assert not cache.cache_dir().exists(), "--no-cache wrote nothing"
    assert cli.main(["search", "first", "--data", path]) == 0
    assert len(list(cache.cache_dir().glob("*.jqc"))) == 1, "a search leaves the dataset cached"
    monkeypatch.setattr(cache, "read", lambda *a, **k: pytest.fail("the cache was read"))
    assert cli.main(["search", "first", "--no-cache", "--data", path]) == 0
    assert cli.main(["validate", path]) == 0, "validate checks the file itself"
    with pytest.raises(pytest.fail.Exception):
        cli.main(["search", "first", "--data", path])
    capsys.readouterr()


def test_validate_never_trusts_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    assert cli.main(["validate", str(path)]) == 0
    assert not cache.cache_dir().exists(), "validate writes no entry"
    capsys.readouterr()


# -- data, not code ------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [cache, arrangement], ids=["cache", "arrangement"])
def test_the_cache_modules_run_no_code_from_their_entries(module: Any) -> None:
    source = Path(module.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"pickle", "marshal", "shelve", "dill", "cloudpickle", "importlib", "copyreg"}
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}
    assert "ext_hook" not in source, "no MessagePack extension types: only plain data"


class _Marker:
    def __reduce__(self) -> Any:
        return (Path.touch, (Path(os.environ["JUNQUITO_TEST_MARKER"]),))


def test_a_pickle_in_place_of_an_entry_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_json(tmp_path / "data.json", MINIMAL)
    folder = tmp_path / "cache"
    open_twice(path, folder)
    marker = tmp_path / "ran"
    monkeypatch.setenv("JUNQUITO_TEST_MARKER", str(marker))
    entry = entry_of(path, folder)
    good = entry.read_bytes()
    trailer = good[-8:]
    header_length = int.from_bytes(trailer[:4], "little")
    header = good[-8 - header_length : -8]
    evil = pickle.dumps(_Marker())
    for frames in (evil, b"\x00" + len(evil).to_bytes(4, "little") + evil):
        entry.write_bytes(frames + header + trailer)
        loaded, save = cached_load.load_cached(path, folder=folder)
        assert save is not None and loaded.dataset.title == MINIMAL["title"]
    assert not marker.exists()


# -- bounded ---------------------------------------------------------------------------------------


def test_the_least_recently_used_entries_are_evicted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    folder = tmp_path / "cache"
    paths = [write_json(tmp_path / f"data-{n}.json", MINIMAL) for n in range(3)]
    orphan = folder / ".left-by-a-stopped-writer.tmp"
    for number, path in enumerate(paths[:2]):
        open_twice(path, folder)
        os.utime(entry_of(path, folder), (1_000 + number, 1_000 + number))
    orphan.write_bytes(b"partial")
    os.utime(orphan, (1_000, 1_000))
    assert cached_load.load_cached(paths[0], folder=folder)[1] is None  # a hit: now the most recently used
    open_twice(paths[2], folder)
    assert sorted(folder.iterdir()) == sorted([entry_of(paths[0], folder), entry_of(paths[2], folder)])
    monkeypatch.setattr(cache, "MAX_TOTAL_BYTES", entry_of(paths[2], folder).stat().st_size)
    cache.evict(folder)
    assert len(list(folder.iterdir())) == 1


def test_the_file_is_hashed_only_when_an_entry_for_it_is_there(tmp_path: Path) -> None:
    """A first opening reads the file once, not once to find no entry and again to load it: the digest
    is asked for only once an entry for the file's path, size and time is found; then it decides."""
    path = tmp_path / "events.json"
    path.write_bytes(BUNDLED.read_bytes())
    asked: list[str] = []

    def digest() -> str:
        asked.append("digest")
        return cache.file_digest(path)

    key = cache.Key.of(path, "")
    assert cache.read(key, digest, tmp_path) is None and asked == []  # no entry: not hashed
    opened, save = cached_load.load_cached(path, folder=tmp_path)
    assert save is not None
    save.run()
    found = cache.read(key, digest, tmp_path)
    assert asked == ["digest"] and found is not None and found.dataset == opened.dataset
    assert cache.read(key, lambda: "0" * 32, tmp_path) is None  # other bytes of the same size and time
