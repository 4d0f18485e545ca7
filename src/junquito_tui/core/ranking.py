"""The order of search results, as disjoint bitsets best first (no Textual here).

1. Names: a document with a title, name or alias holding every query word and not much else (at
   most twice as many words as the query), shortest first: `perez` puts the actor whose alias is
   "Pérez" before the 21 events that mention him. Through a word's own spelling first, then its
   other forms.
2. Then documents matching every word as typed (or as a prefix while typing), before those that
   match some word only through another form of it (`helicopter` finding "helicopters").
3. Within each: every word in a title or name, then some, then none.
4. Last, within each tier: the last word typed held exactly (or in another form) before as a prefix only.

Equal documents keep chronological (or dataset) order. The search then lists the kinds in the
order of their best tier, so a name match brings its kind to the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .query import Query

if TYPE_CHECKING:
    from .search import SearchIndex

NAME_WORDS = 8  # longer titles are never name matches (their lengths are not kept apart)


def wanted_words(index: SearchIndex, query: Query) -> list[tuple[str, bool, bool]]:
    """(word, as a prefix, in other forms too) for every word the ranking looks for."""
    last = len(query.terms) - 1
    wanted = [(t, query.prefix_last and i == last, t not in query.literal) for i, t in enumerate(query.terms)]
    wanted += [(t, index.open_word(query, i, t), False) for i, p in enumerate(query.phrases) for t in p]
    wanted += [(head, True, False) for head in query.compound_heads]
    return wanted


def tiers(index: SearchIndex, query: Query, matched: int) -> list[int]:
    wanted = wanted_words(index, query)
    if not wanted:
        return [matched]
    as_typed, every, some = matched, matched, 0
    for term, prefix, stemmed in wanted:
        if stemmed:
            as_typed &= index.bits(term, prefix=prefix)
        titled = index.bits(term, prefix=prefix, titles_only=True, stemmed=stemmed)
        every &= titled
        some |= titled
    some &= matched & ~every
    rest = matched & ~every & ~some
    names, shorter = [], 0
    for length in range(1, min(2 * query.words_wanted, NAME_WORDS) + 1):
        up_to = every & index.short(length)
        names.append(up_to & ~shorter)
        shorter = up_to
    every &= ~shorter
    ordered = [n & as_typed for n in names] + [n & ~as_typed for n in names]
    ordered += [tier & as_typed for tier in (every, some, rest)] + [tier & ~as_typed for tier in (every, some, rest)]
    if query.prefix_last:
        whole = index.bits(query.terms[-1], stemmed=query.terms[-1] not in query.literal)
        ordered = [t for tier in ordered for t in (tier & whole, tier & ~whole)]
    return [t for t in ordered if t]
