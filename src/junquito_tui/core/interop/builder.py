"""What every importer shares once a row or a slide is read: events waiting to be ordered, actors made
from names, and the finished dataset document (which the loader then validates as usual)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..folding import fold_uncached
from ..records import LINE_MAX, MAX_ID, When
from ..text import LINE_BREAK, SLUG_PATTERN, slugify
from .ids import IdAllocator

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@cache
def _when_adapter() -> TypeAdapter[When]:
    """Dumps a date the way the dataset file writes it (pydantic: only once a document is made)."""
    from pydantic import TypeAdapter

    return TypeAdapter(When)


@dataclass(slots=True)
class Pending:
    """An event being built, with what is needed to sort it and resolve its anchor."""

    fields: dict[str, Any]
    when: When
    index: int
    path: str
    anchors: dict[str, str] = field(default_factory=dict)  # order field -> unique_id, from our own export
    order_note: str | None = None  # the source's words for that order, from our own export
    zoned: bool = False  # a clock time whose zone the file states
    end_zoned: bool | None = None  # the same for the end, where the file says it apart (None: as the start)
    undated: bool = False  # our own export dated it by the event it is shown next to
    # its clock time's seconds, where the file gives them (our dates end at the minute): events of one
    # minute all giving theirs are put in the order of their seconds, not the file's
    second: float | None = None


def dump_event(
    fields: dict[str, Any], *, in_place: bool = False, memo: dict[When, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """An event's fields as the dataset file writes them (dates as objects); ``in_place``: in
    ``fields`` itself (no second dict per event while a document is made). Imports share their
    dates (each built once): with a ``memo`` (one document's), each is dumped once too."""
    out = fields if in_place else dict(fields)
    for name in ("when", "end"):
        if isinstance(when := out.get(name), When):
            if memo is None:
                out[name] = _when_adapter().dump_python(when, mode="json", exclude_defaults=True)
                continue
            if (dumped := memo.get(when)) is None:
                dumped = memo[when] = _when_adapter().dump_python(when, mode="json", exclude_defaults=True)
            out[name] = dict(dumped)  # a copy: the document is the caller's to change
    return out


def has_clock_time(fields: dict[str, Any]) -> bool:
    return any(isinstance(d, When) and d.precision == "minute" for d in (fields.get("when"), fields.get("end")))


def out_of_order(pending: list[Pending]) -> bool:
    """True where an event's whole period lies before the start of the one above it."""
    return any(later.when.end_key() < earlier.when.sort_key() for earlier, later in pairwise(pending))


def _some(spellings: list[str]) -> str:
    """The first few spellings, the rest counted (a warning quoted 20,000 of them: 600,000 characters)."""
    more = f" and {len(spellings) - SHOWN_RESPELT:,} more" if len(spellings) > SHOWN_RESPELT else ""
    return ", ".join(map(repr, spellings[:SHOWN_RESPELT])) + more


def actor_base(name: str) -> str:
    """What an actor's id is made from: its name's slug (made unique by a number where taken)."""
    return slugify(name, 60) or "actor"


SHOWN_RESPELT = 5  # actors named in the warning on other spellings (the rest counted)


@dataclass
class ActorBook:
    """Actors named in a file, one record per distinct name (case and spacing ignored)."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    _by_name: dict[str, str] = field(default_factory=dict)
    _ids: IdAllocator = field(default_factory=IdAllocator)
    _as_written: dict[str, str] = field(default_factory=dict)  # the same spelling again: no work
    exact: bool = False  # our own CSV export: each name as written ('Ana' and 'ANA' are two actors)
    # (name, kind, side) of the call that made each actor, in ``actors``' order, where kept: a reading
    # in two parts makes the second's actors again in the first's book (``acled_part``)
    made_by: list[tuple[str, str, str | None]] | None = None
    # The other spellings met of each actor's name (they differ in case only), in order met: a guess
    # the file is told of (``respelt_note``); ``spelt_by``, where kept, the names as written, for the
    # same second part to hand back as ``made_by``.
    respelt: dict[str, dict[str, None]] = field(default_factory=dict)  # (ordered sets: a file of 20,000 took 6 s)
    spelt_by: list[str] | None = None
    # Actors whose names differ only in accents ('Nicolás Maduro', 'Nicolas Maduro'): kept apart (one may be
    # another person), said (a trial found two actors on one event, unsaid); the first's id -> the others'
    accented: dict[str, list[str]] = field(default_factory=dict)
    _plain: dict[str, str] = field(default_factory=dict)  # a name without accents -> the first actor so named
    _by_id: dict[str, dict[str, Any]] = field(default_factory=dict)  # actor id -> its record (its name as shown)
    _bases: dict[str, str] = field(default_factory=dict)  # actor id -> what it was made from (``settle``)

    def take(self, name: str, kind: str = "other", side: str | None = None, profile: str = "") -> str:
        """The id of the actor called ``name``, made the first time it is met."""
        if (known := self._as_written.get(name)) is not None:
            return known
        self._as_written[name] = actor_id = self._take(name, kind, side, profile)
        return actor_id

    def _take(self, name: str, kind: str, side: str | None, profile: str) -> str:
        # (composed or not, 'ñ' is one letter: 'n' and a combining tilde made a second actor of one name, a re-trial)
        key = name if self.exact else unicodedata.normalize("NFC", " ".join(name.split())).casefold()
        found = self._by_name.get(key)
        if found is not None:
            if not self.exact:
                self._spelt(found, name)
            return found
        actor_id = self._ids.take(base := actor_base(name))
        self._bases[actor_id] = base
        shown = " ".join(name.split())[:LINE_MAX] or "Unnamed"  # a name is one line
        if self.exact and name and len(name) <= LINE_MAX and not LINE_BREAK.search(name):
            shown = name
        actor: dict[str, Any] = {"id": actor_id, "name": shown, "kind": kind}
        if side and (side := " ".join(side.split())[:LINE_MAX]):
            actor["side"] = side
        if profile:
            actor["profile"] = profile
        self.actors.append(actor)
        self._by_name[key] = actor_id
        self._by_id[actor_id] = actor
        # names apart only in accents, as search folds them ('Łódź' and 'Lodz' too)
        if not self.exact and (first := self._plain.setdefault(fold_uncached(key), actor_id)) != actor_id:
            self.accented.setdefault(first, []).append(actor_id)
        if self.made_by is not None:
            self.made_by.append((name, kind, side))
        return actor_id

    def settle(self, given: dict[str, str]) -> tuple[dict[str, str], list[str]]:
        """The ids a file gives its actors (``given``: an id made here -> the file's, where it is a slug no
        other actor takes first), the others made again around them, in the order first met: what changed
        (old id -> new), and the ids made here whose given one was not taken (to be said: an edited file
        gave a second actor another's id, unsaid, a security trial). Our CSV export gives the ids, which
        read in the export's order came back as other ids, or another actor's (a trial). The book's last
        call: the records' ids change, not the book's own keys (no name is taken after it)."""
        ids, kept, refused = IdAllocator(), {}, []
        for made, wanted in given.items():
            if SLUG_PATTERN.fullmatch(wanted) and len(wanted) <= MAX_ID and wanted not in ids.used:
                kept[made] = ids.take(wanted)
            else:
                refused.append(made)
        renamed = {}
        for record in self.actors:
            old = record["id"]
            if (new := kept.get(old) or ids.take(self._bases[old])) != old:
                renamed[old] = new
        for record in self.actors:
            record["id"] = renamed.get(record["id"], record["id"])
        return renamed, refused

    def _spelt(self, actor_id: str, name: str) -> None:
        spelling = " ".join(name.split())[:LINE_MAX]  # (spaces apart: the name shown is spaced so too)
        others = self.respelt.setdefault(actor_id, {})
        shown = unicodedata.normalize("NFC", self._by_id[actor_id]["name"])  # (composed otherwise: the same)
        if unicodedata.normalize("NFC", spelling) != shown and spelling not in others:
            others[spelling] = None
            if self.spelt_by is not None:
                self.spelt_by.append(name)

    def respelt_note(self) -> str | None:
        """The file-wide warning naming the actors met under other spellings, or None."""
        respelt = {actor_id: list(others) for actor_id, others in self.respelt.items() if others}
        if not respelt:
            return None
        listed = [  # in the actors' order: the same whichever part of the file met a spelling first
            respelt_item(record["name"], respelt[record["id"]]) for record in self.actors if record["id"] in respelt
        ]
        return respelt_words("actor", listed)

    def accents_note(self) -> str | None:
        """The file-wide warning naming the actors kept apart whose names differ only in accents, or None."""
        if not self.accented:
            return None
        listed = [
            " and ".join(repr(self._by_id[actor_id]["name"]) for actor_id in (first, *others))
            for first, others in self.accented.items()
        ]
        more = f"; and {len(listed) - SHOWN_RESPELT} more" if len(listed) > SHOWN_RESPELT else ""
        return (
            "names that differ only in accents are kept as different actors (check whether each is one): "
            + "; ".join(listed[:SHOWN_RESPELT])
            + more
        )


def respelt_words(what: str, listed: list[str]) -> str:
    """The warning on names merged that differ only in case, for actors or sources: the first few listed."""
    more = f"; and {len(listed) - SHOWN_RESPELT} more" if len(listed) > SHOWN_RESPELT else ""
    return f"names that differ only in case are read as one {what}, shown as first written: " + (
        "; ".join(listed[:SHOWN_RESPELT]) + more
    )


def respelt_item(shown: str, spellings: list[str]) -> str:
    """ "'Reuters' (also 'reuters')"": one name merged, as that warning lists it."""
    return f"{shown!r} (also {_some(spellings)})"
