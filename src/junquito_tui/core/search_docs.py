"""The documents search looks through: one per event, actor, quote and source, with their texts by
weight and the links (actors, claimants, tags, certainty) that filters find them by (no Textual here)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .annotations import tag_key
from .chronology import Chronology
from .provenance import certainty_text, claimants
from .records import Actor, Claim, Event, Quote, Source, When

TITLE, BODY = 2, 1  # a match in a title, name or alias outranks one in body text


@dataclass(frozen=True, slots=True)  # one per document: slots, and no copies of the texts
class Doc:
    kind: str
    id: str
    title: str
    item: Event | Actor | Quote | Source  # its texts are read from it when asked
    when: When | None = None
    end: When | None = None

    @property
    def fields(self) -> tuple[tuple[int, str], ...]:
        """(weight, text): titles, names and aliases first, then body text."""
        return fields_of(self.item)


def documents(chronology: Chronology) -> Iterable[Doc]:
    for event in chronology.events:
        yield Doc("event", event.id, event.title, event, event.when, event.end)
    for actor in chronology.dataset.actors:
        yield Doc("actor", actor.id, actor.name, actor)
    for quote in chronology.quote_order:
        event = chronology.event(quote.event)
        yield Doc("quote", quote.id, quote.text, quote, event.when, event.end)
    for source in chronology.dataset.sources:
        yield Doc("source", source.id, source.title, source)


def fields_of(item: Event | Actor | Quote | Source) -> tuple[tuple[int, str], ...]:
    if isinstance(item, Event):
        return tuple((weight, text) for weight, text, _ in _event_fields(item))
    if isinstance(item, Actor):
        texts = [(TITLE, item.name), *((TITLE, a) for a in item.aliases), (BODY, item.profile)]
        return (*texts, *((BODY, t) for t in (item.side, item.fate) if t))
    if isinstance(item, Quote):
        return (TITLE, item.text), (BODY, item.context)
    return ((TITLE, item.title), *((BODY, t) for t in (item.publisher, item.author) if t))


def field_labels(item: Event | Actor | Quote | Source, chronology: Chronology | None = None) -> tuple[str, ...]:
    """What a passage from each of ``fields_of(item)`` is, said before it where it is not the item's
    own words ('Account: ', 'Account by Óscar Pérez: ', 'Date note: '); '' for its own. Claimants
    are named as the accounts view names them (``provenance.claimants``; by id without ``chronology``)."""
    if not isinstance(item, Event):
        return ()
    return tuple(_said(what, chronology) for _, _, what in _event_fields(item))


def _said(what: str | Claim, chronology: Chronology | None) -> str:
    if isinstance(what, str):
        return what
    if not what.by:
        return "Account: "
    return f"Account by {claimants(chronology, what) if chronology else ', '.join(what.by)}: "


def _event_fields(event: Event) -> list[tuple[int, str, str | Claim]]:
    """(weight, text, what it is): the event's own words (''), then what its page shows besides, each
    said for what it is: its accounts' statements (the claim, labelled only when a passage is
    shown: the index reads every event), its dates' notes, the source's words for its order."""
    fields: list[tuple[int, str, str | Claim]] = [(TITLE, event.title, ""), (BODY, event.summary, "")]
    # the place and the tags said as such: 'reaction executions' alone read as the event's words (a trial)
    fields += [(BODY, event.place or "", "Place: "), (BODY, " ".join(event.tags), "Tags: ")]
    fields += [(BODY, claim.statement, claim) for claim in event.claims]
    fields += [
        (BODY, w.note, f"{name} note: ") for name, w in (("Date", event.when), ("End date", event.end)) if w and w.note
    ]
    fields += [(BODY, event.order_note, "Order note: ")] if event.order_note else []
    return fields


TAG = "\0tag:"


IN = "\0in:"  # an actor an event has among its actors (not only among its claims' authors)
LISTED = "\0listed"  # an event confirmed only as a file without certainties lists it


@lru_cache(maxsize=4096)  # tags repeat across events: folded once each (300,000 folds at 100,000 ACLED rows)
def _tag_term(tag: str) -> str:
    return f"{TAG}{tag_key(tag)}"


def links(item: Event | Actor | Quote | Source) -> set[str]:
    """What a document is found by with actor:, by:, tag: and certainty:, as index terms."""
    if isinstance(item, Event):
        claimants = {a for c in item.claims for a in c.by}
        actors = {p.actor for p in item.actors} | claimants
        links = {f"\0actor:{a}" for a in actors} | {f"\0by:{a}" for a in claimants}
        links.update(f"{IN}{p.actor}" for p in item.actors)  # (actor: takes claims too: said, ``search_filters``)
        links.update(map(_tag_term, item.tags))
        links.add(f"\0certainty:{item.certainty.value}")
        if certainty_text(item) != item.certainty.value:  # confirmed only as a file lists it: said
            links.add(LISTED)
        return links
    if isinstance(item, Actor):
        return {f"\0actor:{item.id}"}
    return {f"\0actor:{item.speaker}"} if isinstance(item, Quote) and item.speaker else set()
