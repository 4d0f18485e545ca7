"""The events' placement on the time axis, computed once, by whichever asks first.

Placing 100,000 events takes ~0.2 s, and the timeline's rows do not need it: the explorer draws its
rows first and the time axis a moment later, from a thread (``TimeAxis``). The cache writer needs the
same placement for its entry; whichever of the two asks second waits for the first's, never computing
it again. A placement read from the cache entry is there from the start.
"""

from __future__ import annotations

import threading

from .axis import Placement
from .records import Event

# Fewer events than this are placed at once, before the first frame (~2 ms per 1,000 events): an
# axis drawn a moment after its rows is worth it only where the wait is felt.
LATER_FROM = 20_000


class Placing:
    def __init__(
        self, events: list[Event], position: dict[str, int] | None = None, placement: Placement | None = None
    ) -> None:
        self._events, self._position = events, position
        self._placement = placement
        self._lock = threading.Lock()

    @property
    def done(self) -> Placement | None:
        """The placement, if it has been computed (or read from the cache); None: ``get`` computes it."""
        return self._placement

    @property
    def worth_a_thread(self) -> bool:
        """Whether to compute it after the first frame, rather than before."""
        return self._placement is None and len(self._events) >= LATER_FROM

    def get(self) -> Placement:
        """The placement, computed here if nobody has yet (from any thread; the others wait for it)."""
        with self._lock:
            if self._placement is None:
                self._placement = Placement(self._events, self._position)
            return self._placement
