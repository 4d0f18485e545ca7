"""A validated dataset put in order, with the lookups every pane needs (no Textual here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import InitVar, dataclass, field
from functools import cached_property
from typing import NamedTuple

from .bounds import BOUND, bound
from .dates import group_parts, per_when
from .listed_order import ListedOrder, exact_minute
from .order_graph import BEFORE_ALL, DateKey, Graph, edges_of, key_number, placement_keys
from .placement import shared_periods
from .provenance import AccountIndex
from .records import DAY_END, RELATION_WORDS, Actor, Dataset, Event, Quote, Source, When
from .timeline_rows import RowIndex, build_rows


class Appearance(NamedTuple):
    """An actor's part in one event (a tuple: there is one per participant, 190,000 at 100,000 events)."""

    event: Event
    role: str


@dataclass
class Chronology:
    """``order``, when given, is ``event_order(dataset.events)`` computed before, and ``rows`` the
    ``timeline_rows`` (the dataset cache keeps both): the caller vouches for them; the cache checks
    that they fit the events."""

    dataset: Dataset
    order: InitVar[Sequence[int] | None] = None
    rows: InitVar[RowIndex | None] = None
    events: list[Event] = field(init=False)  # chronological
    position: dict[str, int] = field(init=False)  # event id -> index in ``events``
    actors: dict[str, Actor] = field(init=False)
    quotes: dict[str, Quote] = field(init=False)
    sources: dict[str, Source] = field(init=False)
    quotes_by_speaker: dict[str, list[Quote]] = field(init=False)
    quotes_by_event: dict[str, list[Quote]] = field(init=False)
    quote_order: list[Quote] = field(init=False)  # quotes in the order of their events

    def __post_init__(self, order: Sequence[int] | None, rows: RowIndex | None) -> None:
        if rows is not None:
            self.__dict__["timeline_rows"] = rows  # as the cached_property below keeps what it computed
        data = self.dataset
        self.events = order_events(data.events) if order is None else list(map(data.events.__getitem__, order))
        self.position = {e.id: i for i, e in enumerate(self.events)}
        self.actors = {a.id: a for a in data.actors}
        self.quotes = {q.id: q for q in data.quotes}
        self.sources = {s.id: s for s in data.sources}
        self.quotes_by_event = defaultdict(list)
        for quote in data.quotes:  # file order within an event, as a stable sort by event keeps it
            self.quotes_by_event[quote.event].append(quote)
        by_event = self.quotes_by_event
        self.quote_order = (  # (a pass over every event: none where there are no quotes, as in a spreadsheet)
            [quote for event in self.events if event.id in by_event for quote in by_event[event.id]] if by_event else []
        )
        self.quotes_by_speaker = defaultdict(list)
        for quote in self.quote_order:
            if quote.speaker is not None:
                self.quotes_by_speaker[quote.speaker].append(quote)

    @cached_property
    def appearances(self) -> dict[str, list[Appearance]]:
        """Actor id -> their part in each event, in order: built when first asked (an actor's profile),
        not before the first rows: 190,000 of them at 100,000 events take ~0.1 s."""
        appearances: dict[str, list[Appearance]] = defaultdict(list)
        for event in self.events:
            for participant in event.actors:
                appearances[participant.actor].append(Appearance(event, participant.role))
        return appearances

    @cached_property
    def timeline_rows(self) -> RowIndex:
        """The timeline's rows of every event (headings, sub-headings, events): built when first asked."""
        return build_rows(self.events)

    def event(self, event_id: str) -> Event:
        return self.events[self.position[event_id]]

    def find(self, event_id: str) -> Event | None:
        """The event of this id, or None."""
        position = self.position.get(event_id)
        return self.events[position] if position is not None else None

    @cached_property
    def listed_order(self) -> ListedOrder:
        """Which events are listed on the other side of an event than the time they name (built when first asked)."""
        return ListedOrder(self.events)

    @cached_property
    def shared_periods(self) -> set[tuple[int, ...]]:
        """The days (months, years) more than one event is listed under (``placement.why_listed_here``), found when
        first asked (the palette's events, at every key)."""
        return shared_periods(event.when for event in self.events)

    def same_minute(self, event: Event) -> int:
        """How many other events start at the event's clock time, exactly (the same instant, under the day its
        source gives), none of them with a stated order: listed as the file lists them, which no one stated (a
        review found five 04:00s shown as a sequence)."""
        if not exact_minute(event):
            return 0
        return self._minutes[event.when.sort_key()] - 1  # type: ignore[union-attr]

    @cached_property
    def _minutes(self) -> Counter[tuple[int, int, int, int]]:
        return Counter(e.when.sort_key() for e in self.events if exact_minute(e))  # type: ignore[union-attr]

    def related_to(self, actor_id: str) -> list[tuple[str, str, str]]:
        """(words, other actor id, note), each relation once, in words both ways: 'A boss-of B' reads
        'boss of B' on A and 'subordinate of A' on B; 'A sibling-of B' stated on both is one relation."""
        found: dict[tuple[str, str], list[str]] = {}
        for words, other, note in self._relations.get(actor_id, ()):
            notes = found.setdefault((words, other), [])
            if note and note not in notes:
                notes.append(note)
        return [(words, other, " ".join(notes)) for (words, other), notes in found.items()]

    @cached_property
    def _relations(self) -> dict[str, list[tuple[str, str, str]]]:
        out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for actor in self.dataset.actors:  # stated ones first, then the inverses
            for relation in actor.relations:
                out[actor.id].append((RELATION_WORDS[relation.type][0], relation.target, relation.note or ""))
        for actor in self.dataset.actors:
            for relation in actor.relations:
                out[relation.target].append((RELATION_WORDS[relation.type][1], actor.id, relation.note or ""))
        return out

    @cached_property
    def accounts(self) -> AccountIndex:
        """Every claim by the moment it is about, and by who makes it or is in it (built when first asked)."""
        return AccountIndex(self)


def order_events(events: Sequence[Event]) -> list[Event]:
    """The events in chronological order (see ``event_order``)."""
    return list(map(events.__getitem__, event_order(events)))


def event_order(events: Sequence[Event]) -> list[int]:
    """Where each event goes, as indices into ``events``, first to last. Dated events at the start of
    their period; every order the source states kept; undated events next to what they are ordered
    by or shown with. Equal places keep file order (stable).

    See ``order_graph.placement_keys``: a day-precise event without a stated order sorts at the start
    of its day, in one group with the others of that day (never at an invented point inside it).
    """
    starts = per_when(events, _start)
    edges = edges_of(events, {e.id: i for i, e in enumerate(events)})
    if not edges:  # nothing but dates to sort by (stable: equal dates keep file order)
        return sorted(range(len(events)), key=starts.__getitem__)
    graph = Graph(edges)
    topo, _ = graph.topological()
    # (an order the source states ranks its events by their dates as given: a bound's place among the day's
    # events is for those of no stated order; a review found a 10:00 event put after 20:00 by it)
    given = per_when(events, _given)
    keys = placement_keys(graph, {node: given[node] if events[node].when else None for node in graph.nodes}, topo)
    # Keys rise along every edge, so one stable sort keeps every order (equal keys in file order);
    # events of no edge sort by date. Each key (date, rank) as one number (``key_number``): sorting
    # 100,000 numbers takes a tenth of the time of sorting the tuples.
    span = 2 * len(graph.nodes) + 1  # a rank counts steps along edges: never more than the nodes
    numbers = [key_number(start) * span for start in starts]
    for node, (date, rank) in keys.items():
        numbers[node] = key_number(date) * span + rank
    return sorted(range(len(events)), key=numbers.__getitem__)


def _start(when: When | None) -> DateKey:
    """Where a date sorts; a date given only as a bound before the others of the day (month, year) it is listed on
    if it may be earlier ('before 15 January', on the 14th), after them if it may be later ('after 13 January'):
    in file order, 'by' and 'from' one day alternated, each under a heading of its own (a re-trial)."""
    if when is None:
        return BEFORE_ALL
    key = when.sort_key()
    if when.note and BOUND in when.note and (given := bound(when)) is not None:  # (each side's words apart)
        return (*key[:3], _BOUND_MINUTE[given.side])
    return key


_BOUND_MINUTE = {"before": -3, "by": -2, "from": DAY_END + 1, "after": DAY_END + 2}


def _given(when: When | None) -> DateKey:
    return when.sort_key() if when is not None else BEFORE_ALL


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


def missing_link(
    chronology: Chronology, event_id: str | None, actor_id: str | None, quote_id: str | None = None
) -> str | None:
    """Why a deep link (--event / --actor / --quote) cannot be followed, naming the closest ids; None if it can."""
    from .integrity import closest

    links = (("event", event_id, chronology.position), ("actor", actor_id, chronology.actors))
    every = (*links, ("quote", quote_id, chronology.quotes))
    for option, wanted, known in every:
        if wanted is not None and wanted not in known:
            other = next((kind for kind, _, ids in every if kind != option and wanted in ids), None)
            if other is not None:  # (a re-trial: '--quote raid-begins' named only close quote ids)
                article = "a" if other == "quote" else "an"
                return f"junquito-tui: --{option}: '{wanted}' is the id of {article} {other}: use --{other} {wanted}"
            guesses = closest(wanted, known, limit=5)
            hint = f"; closest: {', '.join(guesses)}" if guesses else ""
            return f"junquito-tui: --{option}: no {option} with id '{wanted}'{hint}"
    return None
