"""When the cyclic garbage collector may run in an interactive app (no Textual here).

The loaded dataset is frozen (memory.freeze_loaded_objects), but the interface's own long-lived
objects are not: Textual's caches of drawn lines, styles and layout keep a hundred thousand
containers and more alive (each cached ``Strip`` carries seven small caches of its own), more with
every jump. A full collection walks all of them and everything they point to, 55-400 ms here, and
CPython starts one whenever enough objects have survived, often in the middle of a key's handling
(bench/RESULTS.md, 2026-12-02 15:40).

The policy: no collection while a key (or click) is being handled, until its result is on screen;
then the collection CPython would have run meanwhile runs (its own rules for the young
generations), and collection resumes. The full pass is kept for a quiet moment (no input for a
second). A backstop bounds memory when input never stops: once the full pass has waited
``backstop`` times as long as CPython would let it, it runs after the next frame anyway. Every
garbage cycle is still collected; only the moment changes.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

_NEVER = 2**31 - 1  # a generation-2 threshold CPython never reaches: full passes are ours to start


class CollectorPolicy:
    """Hold collection from an input event to its frame; run full passes when the user pauses."""

    def __init__(
        self,
        *,
        backstop: int = 8,
        quiet_after: float = 1.0,
        hold_limit: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._backstop = backstop
        self._quiet_after = quiet_after  # seconds without input before a full pass may run
        self._hold_limit = hold_limit  # a hold no frame has ended (keys with no effect) ends at a tick after this
        self._held_since = 0.0
        self._clock = clock
        self._saved: tuple[int, int, int] | None = None  # the thresholds before start()
        self._held = False
        self._was_enabled = True
        self._last_input = clock()

    @property
    def running(self) -> bool:
        return self._saved is not None

    @property
    def held(self) -> bool:
        return self._held

    def start(self) -> None:
        """Take full passes over from CPython (young collections stay automatic)."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            gc.set_threshold(self._saved[0], self._saved[1], _NEVER)

    def stop(self) -> None:
        """Give everything back as it was (and never leave the collector off); nothing is
        collected here, so that quitting is never delayed by a full pass."""
        if self._held:
            self._held = False
            if self._was_enabled:
                gc.enable()
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def _full_due(self, times: int) -> bool:
        """CPython's count: young (gen-1) collections since the last full pass, over its threshold."""
        assert self._saved is not None
        return gc.get_count()[2] > self._saved[2] * times

    def input(self) -> None:
        """A key or click has arrived: no collection until what it changes has been drawn."""
        self._last_input = self._clock()
        if self.running and not self._held:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._held = True
            self._held_since = self._last_input

    def drawn(self) -> int | None:
        """The screen has been updated: run the collection CPython held back, if one is due (by
        its own rules for the young generations; a full pass only at the backstop), and let
        collection resume. Returns the generation collected, if any."""
        if self._held:
            self._held = False
            if self._was_enabled:
                gc.enable()
        if not (self.running and gc.isenabled()):
            return None
        assert self._saved is not None
        young, middle, _ = gc.get_count()
        if self._full_due(self._backstop):
            generation = 2
        elif young > self._saved[0]:  # explicit: the next input may come before any allocation
            generation = 1 if middle > self._saved[1] else 0
        else:
            return None
        gc.collect(generation)
        return generation

    def tick(self) -> int | None:
        """Called now and then (a timer). A hold that no frame has ended (keys that change nothing,
        held down) ends here; once the user has paused, the full pass runs if CPython would have
        run it by now. Returns the generation collected, if any."""
        now = self._clock()
        if self._held and now - self._held_since >= self._hold_limit:
            collected = self.drawn()
            if collected is not None:
                return collected
        if now - self._last_input < self._quiet_after or self._held:
            return None
        if self.running and gc.isenabled() and self._full_due(1):
            gc.collect(2)
            return 2
        return None
