"""What an export says of a clock time's place beyond its time, as the event page says it: the same minute as others
(their order no claim), and the events listed across a midnight on the other side of it than they took place (each
stays under the day its source gives). A user trial found both in the Markdown and CSV exports, unsaid."""

from __future__ import annotations

from collections.abc import Callable, Container

from ..chronology import Chronology
from ..records import Event

CROSSED = ("listed after it, took place before it", "listed before it, took place after it")


def clock_order(
    chronology: Chronology, event: Event, name: Callable[[Event], str], listed: Container[str] | None = None
) -> list[str]:
    """The sentences, each other event named by ``name`` (an export's own way: a title, an id); ``listed``: the ids
    the export lists, where it leaves some out (an event it does not list is listed neither before nor after: a
    filtered export named them, a trial)."""
    said = []
    if others := chronology.same_minute(event):
        said.append(f"the same minute as {others} other event{'s' if others > 1 else ''}: their order is no claim")
    earlier, later = chronology.listed_order.crossings(event, chronology.position[event.id])
    for found, words in zip((earlier, later), CROSSED, strict=True):
        found = [other for other in found if listed is None or other.id in listed]
        if found:
            named = ", ".join(map(name, found))
            said.append(f"listed under the day its source gives; by the times and zones given, {named} {words}")
    return said
