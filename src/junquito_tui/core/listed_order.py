"""Events listed against the time they name. Each event stays under the day its source gives, in the zone
it is given in, so a 22:30 at UTC-4 on the 15th (02:30 UTC on the 16th) is listed before a 01:00 UTC on the
16th that took place 90 minutes earlier. The event page says so, naming them: the list, read across a
midnight, is then no claim of their order (a user trial found it unsaid). No Textual here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple

from .dates import zone_assumed
from .records import Event, day_number, offset_minutes

_DAY = 24 * 60
_NEAR_DAYS = 2  # zones differ by up to 26 hours (UTC-12 to UTC+14): only events so many days apart can cross


class Timed(NamedTuple):
    position: int  # in the list
    instant: int  # minutes, UTC
    event: Event


class Crossings(NamedTuple):
    earlier: list[Event]  # listed after the event, though they took place before it
    later: list[Event]  # listed before it, though they took place after it


def exact_minute(event: Event) -> bool:
    """A clock time known exactly, with no order stated: placed by its time alone."""
    when = event.when
    return when is not None and when.precision == "minute" and not when.approximate and not event.stated_order


def _placed_by_instant(event: Event) -> bool:
    """A clock time known exactly in a zone the file gives (one read as UTC, its zone not given, names no
    instant to compare)."""
    return exact_minute(event) and not zone_assumed(event.when)  # type: ignore[arg-type]


class ListedOrder:
    """The events of a list (``events``, in its order) whose clock times cross: built once, asked per event."""

    def __init__(self, events: Sequence[Event]) -> None:
        self._events = events
        # one zone or none: nothing crosses, the list is in the times' order (a set of 100,000 zones: 10 ms)
        self._one_zone = (
            len({e.when.utc_offset for e in events if e.when is not None and not zone_assumed(e.when)}) <= 1
        )

    @cached_property
    def _by_day(self) -> dict[int, list[Timed]]:
        """The local day -> its timed events (0.13 s at 100,000 events: made only where zones differ)."""
        by_day: dict[int, list[Timed]] = defaultdict(list)
        for position, event in enumerate(self._events):
            if _placed_by_instant(event):
                year, month, day, hour, minute = event.when.parts()  # type: ignore[union-attr]
                number = day_number(year, month, day)
                instant = number * _DAY + hour * 60 + minute - offset_minutes(event.when.utc_offset)  # type: ignore[union-attr]
                by_day[number].append(Timed(position, instant, event))
        return by_day

    def crossings(self, event: Event, position: int) -> Crossings:
        """The events that ``event`` (at ``position`` in the list) is listed on the wrong side of, by the
        instants their clock times and zones name."""
        if self._one_zone or not _placed_by_instant(event):
            return Crossings([], [])
        year, month, day = event.when.parts()[:3]  # type: ignore[union-attr]
        number = day_number(year, month, day)
        mine = next(t for t in self._by_day[number] if t.position == position)
        earlier, later = [], []
        for near in range(number - _NEAR_DAYS, number + _NEAR_DAYS + 1):
            for other in self._by_day.get(near, ()):
                if other.position > position and other.instant < mine.instant:
                    earlier.append(other.event)
                elif other.position < position and other.instant > mine.instant:
                    later.append(other.event)
        return Crossings(earlier, later)
