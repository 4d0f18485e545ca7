"""Events listed against the time they name. Each event stays under the day its source gives, in the zone
it is given in, so a 22:30 at UTC-4 on the 15th (02:30 UTC on the 16th) is listed before a 01:00 UTC on the
16th that took place 90 minutes earlier. The event page says so, naming them: the list, read across a
midnight, is then no claim of their order (a user trial found it unsaid). A time with no zone, read as UTC,
is listed by that reading among times that give theirs: each page names the others it may be before or
after (``unzoned``). No Textual here."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple

from .dates import zone_assumed
from .records import Event, day_number, offset_minutes

_DAY = 24 * 60
_NEAR_DAYS = 2  # zones differ by up to 26 hours (UTC-12 to UTC+14): only events so many days apart can cross
# A local time in an unknown zone took place between 14 hours before it reads in UTC and 12 hours after
_EAST, _WEST = 14 * 60, 12 * 60


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


def _instant(event: Event) -> int:
    """Minutes, UTC, of an exact clock time (one with no zone: as read, UTC)."""
    year, month, day, hour, minute = event.when.parts()  # type: ignore[union-attr]
    return day_number(year, month, day) * _DAY + hour * 60 + minute - offset_minutes(event.when.utc_offset)  # type: ignore[union-attr]


def _placed_by_instant(event: Event) -> bool:
    """A clock time known exactly in a zone the file gives (one read as UTC, its zone not given, names no
    instant to compare)."""
    return exact_minute(event) and not zone_assumed(event.when)  # type: ignore[arg-type]


class ListedOrder:
    """The events of a list (``events``, in its order) whose clock times cross: built once, asked per event."""

    def __init__(self, events: Sequence[Event]) -> None:
        self._events = events  # (nothing made until asked: the timeline holds one from its first frame)

    @cached_property
    def _one_zone(self) -> bool:
        """One zone or none: nothing crosses, the list is in the times' order (a set of 100,000 zones: 10 ms)."""
        events = self._events
        return len({e.when.utc_offset for e in events if e.when is not None and not zone_assumed(e.when)}) <= 1

    @cached_property
    def _by_day(self) -> dict[int, list[Timed]]:
        """The local day -> its timed events (0.13 s at 100,000 events: made only where zones differ)."""
        by_day: dict[int, list[Timed]] = defaultdict(list)
        for position, event in enumerate(self._events):
            if _placed_by_instant(event):
                year, month, day = event.when.parts()[:3]  # type: ignore[union-attr]
                by_day[day_number(year, month, day)].append(Timed(position, _instant(event), event))
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

    @cached_property
    def _times(self) -> tuple[tuple[list[int], list[Event]], tuple[list[int], list[Event]]]:
        """The exact clock times in a zone the file gives, and those with none (read as UTC), each in the
        order of their instants as read: made only where both are."""
        zoned = [e for e in self._events if _placed_by_instant(e)]
        unzoned = [e for e in self._events if exact_minute(e) and zone_assumed(e.when)]  # type: ignore[arg-type]
        return _by_instant(zoned), _by_instant(unzoned)

    def unzoned(self, event: Event) -> list[Event]:
        """For a time with no zone (read as UTC): the times that give their zones and may be before or after
        it, whatever zone it was taken in; for a time that gives its zone, those with none that may be. The
        list puts them in order by the reading as UTC, which is no claim."""
        if not exact_minute(event) or not self._mixed:
            return []
        (zoned, zoned_events), (unzoned, unzoned_events) = self._times
        instant = _instant(event)
        if zone_assumed(event.when):  # type: ignore[arg-type]
            low, high = instant - _EAST, instant + _WEST  # where it may have taken place
            return zoned_events[bisect_right(zoned, low) : bisect_left(zoned, high)]  # (strictly inside: either side)
        # the times with no zone that may have taken place on either side of this one
        return unzoned_events[bisect_right(unzoned, instant - _WEST) : bisect_left(unzoned, instant + _EAST)]

    @cached_property
    def _mixed(self) -> bool:
        """Whether times with no zone sit beside times that give theirs."""
        kinds = {zone_assumed(e.when) for e in self._events if exact_minute(e)}  # type: ignore[arg-type]
        return len(kinds) == 2


def crossing_words(crossings: Crossings) -> str:
    """A row's words for the rows it is listed on the wrong side of: '(took place before 1 above)' ('' for none).
    The event page names them; the rows alone read as the order of events across a midnight (a date trial)."""
    sides = [f"before {len(crossings.later)} above" if crossings.later else ""]
    sides.append(f"after {len(crossings.earlier)} below" if crossings.earlier else "")
    said = " and ".join(side for side in sides if side)
    return f"(took place {said})" if said else ""


def _by_instant(events: list[Event]) -> tuple[list[int], list[Event]]:
    ordered = sorted(zip(map(_instant, events), range(len(events)), events, strict=True))
    return [instant for instant, _, _ in ordered], [event for _, _, event in ordered]
