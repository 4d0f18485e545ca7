"""A notebook's contents at one moment, as plain values: what the panes and the search read.

``Snapshot`` is immutable, so a search thread can use it while the interface thread takes a newer
one after each change (``with_item``). It is the provider the search engine asks for the query
language's ``is:starred``, ``note:WORD`` and ``mytag:NAME`` (``core.annotations.Annotations``):
it hands over stars, notes and tags; the engine matches them as it matches dataset text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..chronology import Chronology, exists
from .items import Item, Key


@dataclass(frozen=True)
class Snapshot:
    by_key: Mapping[Key, Item] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, items: Iterable[Item]) -> Snapshot:
        return cls(MappingProxyType({item.key: item for item in items}))

    def with_item(self, key: Key, item: Item | None) -> Snapshot:
        """A new snapshot with one item as a change left it (None: nothing left on it): what the
        interface keeps after its own change, without reading the whole notebook again."""
        items = dict(self.by_key)
        if item is None or item.empty:
            items.pop(key, None)
        else:
            items[key] = item
        return Snapshot(MappingProxyType(items))

    def get(self, kind: str, item_id: str) -> Item | None:
        return self.by_key.get((kind, item_id))

    def __len__(self) -> int:
        return len(self.by_key)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.by_key.values())

    def starred(self) -> frozenset[Key]:
        return frozenset(key for key, item in self.by_key.items() if item.starred)

    def notes(self) -> Iterator[tuple[Key, str]]:
        """(item, note) for every item with a note."""
        return ((key, item.note) for key, item in self.by_key.items() if item.note)

    def tags(self) -> Iterator[tuple[Key, str]]:
        """(item, tag) for every personal tag of every item."""
        return ((key, tag) for key, item in self.by_key.items() for tag in item.tags)


def orphaned(items: Iterable[Item], chronology: Chronology) -> list[Item]:
    """Items whose id the dataset no longer has: kept, and listed so, never dropped."""
    return [item for item in items if not exists(chronology, item.kind, item.id)]


def chronological(items: Iterable[Item], chronology: Chronology) -> list[Item]:
    """Items in the order of the timeline: an event at its place, a quote at its event's, an actor
    at their first event, a source at the first event citing it; anything undated or orphaned last."""
    first_citing: dict[str, int] = {}
    listed = list(items)
    wanted_sources = {item.id for item in listed if item.kind == "source"}
    if wanted_sources:
        for number, event in enumerate(chronology.events):
            for source in event.sources:
                if source in wanted_sources:
                    first_citing.setdefault(source, number)
    last = len(chronology.events)

    def place(item: Item) -> tuple[int, str, str]:
        if item.kind == "event":
            return (chronology.position.get(item.id, last), item.kind, item.id)
        if item.kind == "quote":
            quote = chronology.quotes.get(item.id)
            return (chronology.position.get(quote.event, last) if quote else last, item.kind, item.id)
        if item.kind == "actor":
            appearances = chronology.appearances.get(item.id)
            return (chronology.position[appearances[0].event.id] if appearances else last, item.kind, item.id)
        return (first_citing.get(item.id, last), item.kind, item.id)

    return sorted(listed, key=place)
