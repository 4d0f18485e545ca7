"""The collector policy: nothing collected between an input and its frame, full passes at quiet
moments or at the backstop, and every garbage cycle still collected (memory stays bounded)."""

from __future__ import annotations

import gc
import weakref
from collections import deque
from collections.abc import Iterator
from typing import Any

import pytest

from junquito_tui.core.collector import CollectorPolicy


class Node:
    """A garbage cycle when dropped: only the cyclic collector frees it."""

    alive = 0

    def __init__(self) -> None:
        self.me = self
        self.payload = [object() for _ in range(4)]
        Node.alive += 1

    def __del__(self) -> None:
        Node.alive -= 1


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of every collection the interpreter runs, with small thresholds so that a
    few thousand allocations make collections of every generation; everything restored after."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.collect()
    saved, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(100, 2, 2)
    gc.enable()
    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*saved)
        gc.enable() if enabled else gc.disable()
        gc.collect()


def make_garbage(count: int) -> None:
    for _ in range(count):
        Node()


def test_nothing_is_collected_between_an_input_and_its_frame(collections: list[int]) -> None:
    policy = CollectorPolicy(clock=Clock())
    policy.start()
    try:
        make_garbage(1000)
        assert collections, "the thresholds make collections without the policy's hold"
        collections.clear()
        policy.input()
        made = Node()
        dropped = weakref.ref(made)
        del made
        make_garbage(3000)
        assert collections == []
        policy.drawn()
        make_garbage(10)  # CPython collects the young generations at its next allocations
        assert collections and collections[0] in (0, 1)
        assert dropped() is None  # the cycle made while held is gone
    finally:
        policy.stop()


def test_full_passes_wait_for_a_quiet_moment(collections: list[int]) -> None:
    clock = Clock()
    policy = CollectorPolicy(clock=clock, quiet_after=1.0, backstop=1000)
    policy.start()
    try:
        for _ in range(100):  # a user pressing keys without a pause, many collections' worth
            clock.now += 0.1
            policy.input()
            make_garbage(300)
            policy.drawn()
            make_garbage(10)
            assert policy.tick() is None  # input less than a second ago
        assert 0 in collections and 1 in collections and 2 not in collections
        clock.now += 1.0
        assert policy.tick() == 2
        assert collections[-1] == 2
        assert gc.get_count()[2] == 0
        assert policy.tick() is None  # nothing due just after a full pass
    finally:
        policy.stop()


def test_the_backstop_runs_a_full_pass_after_a_frame_when_input_never_stops(collections: list[int]) -> None:
    clock = Clock()
    policy = CollectorPolicy(clock=clock, quiet_after=1.0, backstop=4)
    policy.start()
    try:
        full: list[int | None] = []
        for _ in range(100):
            clock.now += 0.1
            policy.input()
            before = len(collections)
            make_garbage(300)
            assert len(collections) == before  # held
            full.append(policy.drawn())
            make_garbage(10)
        assert 2 in full
        assert collections.count(2) == full.count(2)  # only the backstop started full passes
    finally:
        policy.stop()


@pytest.mark.parametrize("quiet", [False, True])
def test_garbage_cycles_stay_bounded_over_many_jumps(collections: list[int], quiet: bool) -> None:
    """Like the interface's caches: each jump keeps new objects (they reach the oldest generation)
    and evicts old ones, which become garbage cycles only a full pass frees."""
    clock = Clock()
    policy = CollectorPolicy(clock=clock, quiet_after=1.0, backstop=8)
    policy.start()
    cache: deque[Node] = deque(maxlen=50)
    Node.alive = 0
    try:
        alive = []
        for jump in range(600):
            clock.now += 2.0 if quiet and jump % 20 == 0 else 0.1
            policy.tick()
            policy.input()
            cache.extend(Node() for _ in range(5))
            make_garbage(50)
            policy.drawn()
            alive.append(Node.alive)
        # the cache plus what waits for a full pass (the backstop's worth); without one, 33,000
        assert max(alive) < 1500
        assert max(alive[-200:]) <= max(alive[200:400]) * 1.5
        assert collections.count(2) >= 3
    finally:
        policy.stop()
        cache.clear()


def test_stop_gives_back_the_thresholds_and_the_collector() -> None:
    saved = gc.get_threshold()
    policy = CollectorPolicy(clock=Clock())
    policy.start()
    try:
        assert gc.get_threshold()[:2] == saved[:2]
        assert gc.get_threshold()[2] > 10**6  # CPython starts no full pass of its own
        policy.input()
        assert not gc.isenabled()
    finally:
        policy.stop()
    assert gc.isenabled()
    assert gc.get_threshold() == saved


def test_inputs_that_draw_nothing_hold_the_collector_only_briefly(collections: list[int]) -> None:
    """A key with no binding, held down: no frame ends the hold, a tick does."""
    clock = Clock()
    policy = CollectorPolicy(clock=clock, quiet_after=1.0, hold_limit=0.25)
    policy.start()
    try:
        policy.input()
        clock.now += 0.1
        policy.tick()
        assert not gc.isenabled()
        for _ in range(20):  # repeated every 0.1 s: each tick past the limit lets collection run
            clock.now += 0.1
            policy.input()
            make_garbage(300)
            policy.tick()
        assert collections  # what the held keys made was collected at the ticks
        clock.now += 0.3
        policy.tick()
        assert gc.isenabled() and not policy.held
    finally:
        policy.stop()


def test_a_collector_turned_off_by_someone_else_stays_off() -> None:
    """A large load pauses collection in its thread (memory.collector_paused): a key pressed
    meanwhile must not turn it back on."""
    policy = CollectorPolicy(clock=Clock())
    policy.start()
    gc.disable()
    try:
        policy.input()
        policy.drawn()
        assert not gc.isenabled()
    finally:
        gc.enable()
        policy.stop()


def test_before_start_and_after_stop_the_policy_changes_nothing() -> None:
    policy = CollectorPolicy(clock=Clock())
    policy.input()
    assert gc.isenabled() and not policy.held
    assert policy.drawn() is None


def test_stopping_collects_nothing(collections: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting is never delayed by a pass of the policy's own, however much is due."""
    policy = CollectorPolicy(clock=Clock(), backstop=1)
    policy.start()
    make_garbage(20_000)  # many young collections: a full pass is due, by the backstop too
    assert gc.get_count()[2] > 2
    policy.input()
    started: list[int] = []

    def collect(generation: int = 2) -> int:
        started.append(generation)
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    policy.stop()
    monkeypatch.undo()
    assert started == [] and gc.isenabled()
