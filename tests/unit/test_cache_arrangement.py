"""The order, time-axis placement and timeline rows kept in a cache entry: a reopen gets exactly what
a fresh load computes, without computing it; an entry whose arrangement does not fit its events is
never used."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED
from junquito_tui.core import axis, cache, cached_load, chronology, timeline_rows
from junquito_tui.core.arrangement import Arrangement
from junquito_tui.core.axis import Placement
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.model import DATASET
from junquito_tui.core.timeline_rows import HEADING, build_rows
from strategies import ordered_documents


@pytest.fixture(autouse=True)
def _cache_every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small files are not cached (checking them is as quick); these tests cache small files."""
    monkeypatch.setattr(cached_load, "MIN_BYTES", 0)


def first_open(path: Path, folder: Path, *, as_the_explorer: bool) -> None:
    """A miss that writes the entry: the explorer hands the writer the order, placement and rows it
    computed; the commands hand it the order only, and the writer computes the rest itself."""
    opened, save = cached_load.load_cached(path, folder=folder)
    assert save is not None and opened.arrangement is None
    ordered = cached_load.ordered(opened)
    if as_the_explorer:
        cached_load.placing(opened, ordered, save).get()
        assert ordered.timeline_rows.height > 0
    else:
        save.arrange(ordered)
        assert "timeline_rows" not in vars(ordered), "not built yet: the writer builds them"
    save.run()
    assert save.written is not None


def assert_same_arrangement(path: Path, folder: Path) -> None:
    """The reopen against the oracle: the uncached computation on a fresh load of the file."""
    opened, save = cached_load.load_cached(path, folder=folder)
    assert save is None and opened.arrangement is not None, "a hit, with its arrangement"
    fresh = Chronology(load_with_report(path).dataset)
    reopened = cached_load.ordered(opened)
    assert [e.id for e in reopened.events] == [e.id for e in fresh.events]
    assert reopened.events == fresh.events and reopened.position == fresh.position
    assert [q.id for q in reopened.quote_order] == [q.id for q in fresh.quote_order]
    got, want = cached_load.placing(opened, reopened).get(), Placement(fresh.events)
    assert (got.start, got.end, got.group, got.position, got.zone) == (
        want.start,
        want.end,
        want.group,
        want.position,
        want.zone,
    )
    assert got.layer() == want.layer()
    assert reopened.timeline_rows == build_rows(fresh.events)
    assert_lookups_match_the_order(reopened)


def assert_lookups_match_the_order(ordered: Chronology) -> None:
    """Quotes and appearances against brute force over the dataset, in the chronology's order."""
    position = {event.id: i for i, event in enumerate(ordered.events)}
    quotes = ordered.dataset.quotes
    assert ordered.quote_order == sorted(quotes, key=lambda q: position[q.event])  # stable: file order kept
    for quote in quotes:
        assert ordered.quotes_by_event[quote.event] == [q for q in ordered.quote_order if q.event == quote.event]
        if quote.speaker is not None:
            said = [q for q in ordered.quote_order if q.speaker == quote.speaker]
            assert ordered.quotes_by_speaker[quote.speaker] == said
    assert "appearances" not in vars(ordered), "built when first asked, not before the first rows"
    for actor in {p.actor for event in ordered.events for p in event.actors}:
        expected = [(e.id, p.role) for e in ordered.events for p in e.actors if p.actor == actor]
        assert [(a.event.id, a.role) for a in ordered.appearances[actor]] == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(document=ordered_documents(), as_the_explorer=st.booleans())
def test_a_reopen_has_the_order_and_placement_of_a_fresh_load(document: dict[str, Any], as_the_explorer: bool) -> None:
    assume(not check_integrity(DATASET.validate_python(document)))  # only valid datasets are opened
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "data.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        first_open(path, Path(scratch) / "cache", as_the_explorer=as_the_explorer)
        assert_same_arrangement(path, Path(scratch) / "cache")


@settings(max_examples=4, deadline=None)
@given(seed=st.integers(0, 10_000), events=st.integers(50, 400))
def test_a_reopen_of_a_generated_chronology_has_its_order_and_placement(seed: int, events: int) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    from make_dataset import make_dataset  # stated orders, reading positions, every precision, ranges

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "data.json"
        path.write_text(json.dumps(make_dataset(events, seed), ensure_ascii=False), encoding="utf-8")
        first_open(path, Path(scratch) / "cache", as_the_explorer=True)
        assert_same_arrangement(path, Path(scratch) / "cache")


def test_a_reopen_neither_orders_nor_places_the_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(shutil.copy(BUNDLED, tmp_path / "events.json"))
    first_open(path, tmp_path / "cache", as_the_explorer=True)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("computed again on a reopen")

    monkeypatch.setattr(chronology, "order_events", refuse)
    monkeypatch.setattr(axis.Placement, "__init__", refuse)
    monkeypatch.setattr(chronology, "build_rows", refuse)
    monkeypatch.setattr(timeline_rows, "build_rows", refuse)
    opened, _ = cached_load.load_cached(path, folder=tmp_path / "cache")
    ordered = cached_load.ordered(opened)
    placement = cached_load.placing(opened, ordered).get()
    assert len(ordered.events) == len(placement.start) == len(ordered.timeline_rows.event_rows) == 38
    assert placement.position is ordered.position, "one id -> position map, shared"


# -- an arrangement that does not fit: a miss, and the entry rebuilt ---------------------------------


def tampered(arrangement: Arrangement, how: str) -> Arrangement:
    order, start, end = list(arrangement.order), list(arrangement.start), list(arrangement.end)
    groups, group = list(arrangement.groups), list(arrangement.group)
    if how == "an index twice":
        order[1] = order[0]
    elif how == "an index past the end":
        order[order.index(max(order))] = len(order)
    elif how == "a negative index":
        order[order.index(0)] = -1
    elif how == "an event missing":
        order.pop()
    elif how == "an event too many":
        order.append(len(order))
    elif how == "a start missing":
        start.pop()
    elif how == "an end too many":
        end.append(end[-1])
    elif how == "a group missing":
        group.pop()
    elif how == "a group past the table":
        group[0] = len(groups)
    elif how == "a group below -1":
        group[0] = -2
    elif how == "an end before its start":
        dated = group.index(0)
        start[dated], end[dated] = end[dated], start[dated]
    elif how == "a group of another kind":
        groups[0] = ("week", *groups[0][1:])  # type: ignore[assignment]
    elif how == "a group of another shape":
        groups[0] = (*groups[0], 1)  # type: ignore[assignment]
    elif how == "a placement in place of the order":
        order = start
    else:
        return msgspec.structs.replace(arrangement, rows=tampered_rows(arrangement.rows, how))
    return msgspec.structs.replace(arrangement, order=order, start=start, end=end, groups=groups, group=group)


def tampered_rows(rows: Any, how: str) -> Any:
    positions, labels, event_rows = list(rows.positions), list(rows.labels), list(rows.event_rows)
    days, subs = list(rows.day_starts), list(rows.sub_headings)
    first_heading = positions.index(HEADING)
    if how == "rows: an event on two rows":
        positions[event_rows[1]] = 0
    elif how == "rows: two events swapped":
        event_rows[0], event_rows[1] = event_rows[1], event_rows[0]
    elif how == "rows: an event row past the end":
        event_rows[-1] = len(positions)
    elif how == "rows: an event missing":
        event_rows.pop()
    elif how == "rows: a heading unlabelled":
        labels.pop()
    elif how == "rows: a label twice":
        labels[1] = (labels[0][0], *labels[1][1:])
    elif how == "rows: a label on an event's row":
        labels[0] = (event_rows[0], *labels[0][1:])
    elif how == "rows: a row below the headings' mark":
        positions[first_heading] = HEADING - 1
    elif how == "rows: days not rising":
        days.reverse()
    elif how == "rows: a day past the events":
        days[-1] = len(event_rows)
    elif how == "rows: a sub-heading that is no heading":
        subs.append(event_rows[0])
    return msgspec.structs.replace(
        rows, positions=positions, labels=labels, event_rows=event_rows, day_starts=days, sub_headings=subs
    )


HOW = [
    "an index twice", "an index past the end", "a negative index", "an event missing", "an event too many",
    "a start missing", "an end too many", "a group missing", "a group past the table", "a group below -1",
    "an end before its start", "a group of another kind", "a group of another shape",
    "a placement in place of the order", "rows: an event on two rows", "rows: two events swapped",
    "rows: an event row past the end", "rows: an event missing", "rows: a heading unlabelled", "rows: a label twice",
    "rows: a label on an event's row", "rows: a row below the headings' mark", "rows: days not rising",
    "rows: a day past the events", "rows: a sub-heading that is no heading",
]  # fmt: skip


@pytest.fixture
def written(tmp_path: Path) -> Iterator[tuple[Path, Path, bytes]]:
    """(dataset file, cache folder, its good entry's bytes)."""
    path = Path(shutil.copy(BUNDLED, tmp_path / "events.json"))
    folder = tmp_path / "cache"
    first_open(path, folder, as_the_explorer=True)
    yield path, folder, cache.Key.of(path, "").entry(folder).read_bytes()


def good_entry(path: Path, folder: Path) -> cache.Cached:
    """The entry as written, read back (a hit)."""
    found = cache.read(cache.Key.of(path, ""), cache.file_digest(path), folder)
    assert found is not None and found.arrangement is not None
    return found


def rewrite(path: Path, folder: Path, arrangement: Arrangement | None, good: cache.Cached | None = None) -> None:
    """The entry written again, every hash right, with this arrangement (None: the writer's own)."""
    dataset = (good or good_entry(path, folder)).dataset
    cache.write(cache.Key.of(path, ""), cache.file_digest(path), cache.Cached(dataset, [], None, arrangement), folder)


def assert_ignored_and_rebuilt(path: Path, folder: Path, good: bytes) -> None:
    opened, save = cached_load.load_cached(path, folder=folder)
    assert save is not None and opened.arrangement is None, "a miss: the entry is not trusted"
    assert opened.dataset == load_with_report(path).dataset
    cached_load.placing(opened, cached_load.ordered(opened), save).get()
    save.run()
    assert cache.Key.of(path, "").entry(folder).read_bytes() == good, "rebuilt as it was"
    assert_same_arrangement(path, folder)


@pytest.mark.parametrize("how", HOW)
def test_an_arrangement_that_does_not_fit_its_events_is_ignored_and_rebuilt(
    written: tuple[Path, Path, bytes], how: str
) -> None:
    path, folder, good = written
    arrangement = good_entry(path, folder).arrangement
    assert arrangement is not None
    rewrite(path, folder, tampered(arrangement, how))
    assert cache.Key.of(path, "").entry(folder).read_bytes() != good
    assert_ignored_and_rebuilt(path, folder, good)


def test_an_entry_without_its_arrangement_is_ignored_and_rebuilt(
    written: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, folder, good = written
    frames = cache._frames
    with monkeypatch.context() as patch:
        patch.setattr(cache, "_frames", lambda cached: (f for f in frames(cached) if f[0] != cache._ARRANGEMENT))
        rewrite(path, folder, None)
    assert_ignored_and_rebuilt(path, folder, good)


def test_an_entry_with_two_arrangements_is_ignored_and_rebuilt(
    written: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, folder, good = written
    frames = cache._frames

    def twice(cached: cache.Cached) -> Iterator[bytes]:
        for frame in frames(cached):
            yield from [frame, frame] if frame[0] == cache._ARRANGEMENT else [frame]

    with monkeypatch.context() as patch:
        patch.setattr(cache, "_frames", twice)
        rewrite(path, folder, None)
    assert_ignored_and_rebuilt(path, folder, good)


def test_an_entry_of_the_previous_format_is_ignored(
    written: tuple[Path, Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Format 1 had no arrangement: its entries are misses, rebuilt in format 2."""
    path, folder, good = written
    entry = good_entry(path, folder)
    with monkeypatch.context() as patch:
        patch.setattr(cache, "CACHE_FORMAT", 1)
        rewrite(path, folder, None, entry)
    assert_ignored_and_rebuilt(path, folder, good)
