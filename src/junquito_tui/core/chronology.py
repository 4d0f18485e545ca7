"""A validated dataset put in order, with the lookups every pane needs (no Textual here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .dates import group_parts
from .model import Actor, Dataset, Event, Quote, Source

DateKey = tuple[int, int, int, int]


class Appearance(NamedTuple):
    """An actor's part in one event (a tuple: there is one per participant, 190,000 at 100,000 events)."""

    event: Event
    role: str


@dataclass
class Chronology:
    dataset: Dataset
    events: list[Event] = field(init=False)  # chronological
    position: dict[str, int] = field(init=False)  # event id -> index in ``events``
    actors: dict[str, Actor] = field(init=False)
    quotes: dict[str, Quote] = field(init=False)
    sources: dict[str, Source] = field(init=False)
    appearances: dict[str, list[Appearance]] = field(init=False)  # actor id -> events, in order
    quotes_by_speaker: dict[str, list[Quote]] = field(init=False)
    quotes_by_event: dict[str, list[Quote]] = field(init=False)
    quote_order: list[Quote] = field(init=False)  # quotes in the order of their events

    def __post_init__(self) -> None:
        data = self.dataset
        self.events = order_events(data.events)
        self.position = {e.id: i for i, e in enumerate(self.events)}
        self.actors = {a.id: a for a in data.actors}
        self.quotes = {q.id: q for q in data.quotes}
        self.sources = {s.id: s for s in data.sources}
        self.appearances = defaultdict(list)
        for event in self.events:
            for participant in event.actors:
                self.appearances[participant.actor].append(Appearance(event, participant.role))
        self.quote_order = sorted(data.quotes, key=lambda q: self.position[q.event])
        self.quotes_by_speaker = defaultdict(list)
        self.quotes_by_event = defaultdict(list)
        for quote in self.quote_order:
            if quote.speaker is not None:
                self.quotes_by_speaker[quote.speaker].append(quote)
            self.quotes_by_event[quote.event].append(quote)

    def event(self, event_id: str) -> Event:
        return self.events[self.position[event_id]]

    def related_to(self, actor_id: str) -> list[tuple[str, str, str]]:
        """(relation, other actor id, note) both ways: 'brother-of X' also shows on X as 'X <- brother-of'."""
        out = [(r.type.value, r.target, r.note or "") for r in self.actors[actor_id].relations]
        for other in self.dataset.actors:
            for relation in other.relations:
                if relation.target == actor_id:
                    out.append((f"{relation.type.value} (inverse)", other.id, relation.note or ""))
        return out


def order_events(events: Sequence[Event]) -> list[Event]:
    """Sort by date; 'after'/'before' anchors place undated events and order equal dates.

    Each event gets (date key, rank): an anchored event takes its anchor's key when
    its own date cannot separate them, with rank one above (after) or below (before).
    Ties keep file order, so sorting is stable and deterministic.
    """
    by_id = {e.id: e for e in events}
    keys: dict[str, tuple[DateKey, int]] = {}

    def key_of(event: Event) -> tuple[DateKey, int]:
        if event.after is None and event.before is None:
            return _own_key(event, keys, by_id)  # most events: no chain to walk
        chain = []
        current: Event | None = event
        while current is not None and current.id not in keys:  # iterative: chains may be long
            chain.append(current)
            anchor = current.after or current.before
            current = by_id.get(anchor) if anchor else None
            if current is not None and current in chain:
                break  # cycles are reported by integrity checks; never loop here
        for item in reversed(chain):
            keys[item.id] = _own_key(item, keys, by_id)
        return keys[event.id]

    decorated = [(key_of(e), i, e) for i, e in enumerate(events)]
    decorated.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in decorated]


def _own_key(event: Event, keys: dict[str, tuple[DateKey, int]], by_id: dict[str, Event]) -> tuple[DateKey, int]:
    own = event.when.sort_key() if event.when is not None else None
    anchor_id = event.after or event.before
    anchor = keys.get(anchor_id) if anchor_id else None
    if anchor is None:
        return (own if own is not None else (0, 0, 0, -1), 0)
    step = 1 if event.after else -1
    if own is None or (event.after and own <= anchor[0]) or (event.before and own >= anchor[0]):
        return (anchor[0], anchor[1] + step)
    return (own, 0)


def group_key(event: Event) -> tuple[int, ...]:
    return group_parts(event.when)


def exists(chronology: Chronology, kind: str, item_id: str) -> bool:
    """Whether the dataset has an item of this kind ('event', 'actor', 'quote', 'source') and id."""
    if kind == "event":
        return item_id in chronology.position
    if kind == "actor":
        return item_id in chronology.actors
    if kind == "quote":
        return item_id in chronology.quotes
    return kind == "source" and item_id in chronology.sources


def missing_link(chronology: Chronology, event_id: str | None, actor_id: str | None) -> str | None:
    """Why a deep link (--event / --actor) cannot be followed, naming the closest ids; None if it can."""
    from .integrity import closest

    for option, wanted, known in (("event", event_id, chronology.position), ("actor", actor_id, chronology.actors)):
        if wanted is not None and wanted not in known:
            guesses = closest(wanted, known, limit=5)
            hint = f"; closest: {', '.join(guesses)}" if guesses else ""
            return f"junquito-tui: --{option}: no {option} with id '{wanted}'{hint}"
    return None
