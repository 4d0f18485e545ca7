"""What an export says of a clock time's place beyond its time, as the event page says it: the same minute as others
(their order no claim), and the events listed across a midnight on the other side of it than they took place (each
stays under the day its source gives). A user trial found both in the Markdown and CSV exports, unsaid."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..chronology import Chronology
from ..listed_order import exact_minute
from ..records import Event

CROSSED = ("listed after it, took place before it", "listed before it, took place after it")


@dataclass(frozen=True)
class Listed:
    """The events a filtered export holds: an event it leaves out is listed neither before nor after another, nor
    counted in another's minute (a filtered export named them: two trials)."""

    ids: frozenset[str]
    minutes: Counter[tuple[int, int, int, int]]

    @classmethod
    def of(cls, events: Iterable[Event]) -> Listed:
        held = list(events)
        minutes = Counter(e.when.sort_key() for e in held if e.when is not None and exact_minute(e))
        return cls(frozenset(e.id for e in held), minutes)

    def named(self, event_id: str) -> str:
        """' (not in this export)' after an event it leaves out, named by the source's order."""
        return "" if event_id in self.ids else " (not in this export)"


def clock_order(
    chronology: Chronology, event: Event, name: Callable[[Event], str], listed: Listed | None = None
) -> list[str]:
    """The sentences, each other event named by ``name`` (an export's own way: a title, an id); ``listed``: what
    the export holds, where it leaves some out."""
    said = []
    others = chronology.same_minute(event)
    if others and listed is not None and event.when is not None:
        others = listed.minutes[event.when.sort_key()] - 1
    if others:
        said.append(f"the same minute as {others} other event{'s' if others > 1 else ''}: their order is no claim")
    earlier, later = chronology.listed_order.crossings(event, chronology.position[event.id])
    for found, words in zip((earlier, later), CROSSED, strict=True):
        found = [other for other in found if listed is None or other.id in listed.ids]
        if found:
            named = ", ".join(map(name, found))
            said.append(f"listed under the day its source gives; by the times and zones given, {named} {words}")
    return said
