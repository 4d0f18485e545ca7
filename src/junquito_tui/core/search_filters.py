"""Search filters resolved against the dataset (and the user's notebook), as bitsets (no Textual here).

A filter that cannot be resolved (an actor or tag the dataset does not have, a notebook filter with
no notebook open) matches nothing: it is listed in ``results.unresolved`` with the reason, never
silently dropped, so that `export --query 'actor:oscar-prez'` exports nothing instead of everything.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from .annotations import Annotations, ItemKey, with_note, with_tag
from .bitsets import span
from .search_docs import IN, LISTED
from .wording import count

if TYPE_CHECKING:
    from .query import Query
    from .search import Results, SearchIndex

NO_NOTEBOOK = "no notebook open"


def apply_filters(
    index: SearchIndex, query: Query, matched: int, results: Results, annotations: Annotations | None
) -> int:
    """``matched`` narrowed by every filter of ``query``; 0, with the reasons, if one cannot be resolved."""
    if query.kinds:
        matched &= _any(index.kind_bits(kind) for kind in query.kinds)
    if query.certainties:
        matched &= _any(index.bits(f"\0certainty:{c}") for c in query.certainties)
    for tag in query.tags:
        if tag in index.tags:
            matched &= index.bits(f"\0tag:{tag}")
        else:
            results.unresolved.append(f"tag:{query.typed.get(tag, tag)}: no event has this tag")
    named = [("actor", wanted) for wanted in query.actors] + [("by", wanted) for wanted in query.claimants]
    for field, wanted in named:  # each filter narrows; the actors one filter names are alternatives
        ids = index.actors_matching(wanted)
        if ids:
            matched &= _any(index.bits(f"\0{field}:{actor}") for actor in ids)
            if (others := index.actors_named(wanted) - ids) and (hint := _others_named(index, field, wanted, others)):
                results.hints += [] if hint in results.hints else [hint]  # an exact id: never a silent narrowing
            elif len(ids) > 1 and (hint := _taken(index, field, wanted, ids)) not in results.hints:
                results.hints.append(hint)  # nor a silent widening: 'actor:ana' took Anabel Ruiz too (a review)
        else:
            results.unresolved.append(f"{field}:{wanted} matches no actor")
    for wanted in query.ids:
        if found := index.id_bits(wanted):
            matched &= found
        else:
            results.unresolved.append(f"id:{query.typed.get(wanted, wanted)}: nothing has this id")
    for dates in query.dates:
        matched &= index.dated(dates.start, dates.end)
    if query.notebook:
        matched &= _notebook(index, query, results, annotations)
    if results.unresolved:
        return 0
    _what_filters_took(index, query, matched, results)
    return matched


def _what_filters_took(index: SearchIndex, query: Query, matched: int, results: Results) -> None:
    """What a filter's results hold that its word may not say (a trial): certainty:confirmed takes events a file
    lists with no certainty of its own, and actor: events an actor only makes a claim about."""
    if "confirmed" in query.certainties and (listed := (matched & index.bits(LISTED)).bit_count()):
        results.hints.append(
            f"certainty:confirmed takes {count(listed, 'event')} confirmed only as a file lists "
            f"{'it' if listed == 1 else 'them'}, with no certainty of its own read"
        )
    for wanted in query.actors:
        ids = index.actors_matching(wanted)
        took = matched & index.kind_bits("event") & _any(index.bits(f"\0actor:{actor}") for actor in ids)
        if only := (took & ~_any(index.bits(f"{IN}{actor}") for actor in ids)).bit_count():
            results.hints.append(
                f"actor:{wanted} takes {count(only, 'event')} the actor only makes a claim about, without being "
                f"among its actors (by:{wanted} finds claims alone)"
            )


def _notebook(index: SearchIndex, query: Query, results: Results, annotations: Annotations | None) -> int:
    if annotations is None:
        asked = ["is:starred"] if query.starred else []
        asked += [f"note:{' '.join(words)}" for words in query.notes] + [f"mytag:{tag}" for tag in query.mytags]
        results.unresolved += [f"{text}: {NO_NOTEBOOK}" for text in asked]
        return 0
    found: list[Collection[ItemKey]] = [annotations.starred()] if query.starred else []
    found += [with_note(annotations, words, index.stems.same_stem) for words in query.notes]
    found += [with_tag(annotations, tag) for tag in query.mytags]
    matched = span(0, len(index.docs))
    for items in found:
        matched &= index.numbers(items)
    return matched


def _others_named(index: SearchIndex, field: str, wanted: str, others: set[str]) -> str:
    """'actor:reverol takes the actor with this id; 1 other actor's name, alias or id has words starting with these,
    not included: Néstor Reverol (actor:nestor-reverol)': the filter took the id, where the words would take more."""
    many = (
        "1 other actor's name, alias or id has"
        if len(others) == 1
        else f"{len(others):,} other actors' names, aliases or ids have"
    )
    listed = _listed(index, field, others)
    return f"{field}:{wanted} takes the actor with this id; {many} words starting with these, not included: {listed}"


def _taken(index: SearchIndex, field: str, wanted: str, ids: set[str]) -> str:
    """'actor:ana takes 2 actors whose name, alias or id has words starting with these: Ana Ruiz (actor:ana-ruiz),
    Anabel Ruiz (actor:anabel-ruiz)'."""
    return f"{field}:{wanted} takes {len(ids):,} actors whose name, alias or id has words starting with these: " + (
        _listed(index, field, ids)
    )


def _listed(index: SearchIndex, field: str, ids: set[str]) -> str:
    actors = index.chronology.actors
    named = sorted(ids, key=lambda actor: actors[actor].name.casefold())
    shown = ", ".join(f"{actors[actor].name} ({field}:{actor})" for actor in named[:3])
    return shown + (f" and {len(named) - 3:,} more" if len(named) > 3 else "")


def _any(bitsets: Iterable[int]) -> int:
    found = 0
    for bits in bitsets:
        found |= bits
    return found
