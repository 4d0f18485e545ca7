"""Full-text search over events, actors, quotes and sources (no Textual here).

An inverted index built once per dataset maps each folded term to two parallel
arrays: the documents holding it (ascending) and the best field weight it has in
each. Queries intersect the rarest term first, checking membership by bisection
when the candidates are few, so cost follows the answer, not the dataset.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .chronology import Chronology
from .folding import compound_terms, fold, tokens, words
from .model import When
from .query import KINDS, Query, parse_query

TITLE, ALIAS, LABEL, BODY = 4, 3, 2, 1  # field weights: a name or title outranks body text
PREFIX_PENALTY = 0.5
MIN_PREFIX = 2
SNIPPET_WIDTH = 110
_ONE_LINE = str.maketrans("\n\t\r", "   ")


@dataclass(frozen=True)
class Doc:
    kind: str
    id: str
    title: str
    fields: tuple[tuple[int, str], ...]  # (weight, text), title first
    when: When | None = None
    end: When | None = None
    actors: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # matched words, as offsets into ``text``


@dataclass(frozen=True)
class Hit:
    doc: Doc
    score: float
    snippet: Snippet

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def id(self) -> str:
        return self.doc.id


@dataclass
class Results:
    query_text: str
    query: Query
    hits: list[Hit] = field(default_factory=list)  # grouped by kind, ranked within each
    hints: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Hit]:
        return [h for h in self.hits if h.kind == kind]

    @property
    def counts(self) -> dict[str, int]:
        return {kind: n for kind in KINDS if (n := sum(1 for h in self.hits if h.kind == kind))}


class SearchIndex:
    def __init__(self, chronology: Chronology) -> None:
        self.chronology = chronology
        self.docs: list[Doc] = list(_documents(chronology))
        self._postings: dict[str, tuple[array[int], array[int]]] = {}
        for number, doc in enumerate(self.docs):
            best: dict[str, int] = {}
            for weight, text in doc.fields:
                for token in _index_terms(text):
                    if best.get(token, 0) < weight:
                        best[token] = weight
            for term, weight in best.items():
                entry = self._postings.get(term)
                if entry is None:
                    entry = self._postings[term] = (array("i"), array("b"))
                entry[0].append(number)
                entry[1].append(weight)
        self._terms = sorted(self._postings)

    # -- matching ---------------------------------------------------------
    def search(self, text: str, *, typing: bool = True, limit: int | None = None) -> Results:
        query = parse_query(text, typing=typing)
        results = Results(text, query, hints=list(query.hints))
        if query.is_empty:
            return results
        actor_ids = self._resolve_actors(query, results.hints)
        scores = self._candidates(query)
        kind_rank = {k: i for i, k in enumerate(KINDS)}
        ranked = []
        for number, score in scores.items():
            doc = self.docs[number]
            if not self._passes(doc, query, actor_ids):
                continue
            bonus = self._bonus(doc, query)
            if bonus is not None:
                ranked.append((kind_rank[doc.kind], -(score + bonus), number))
        ranked.sort()  # grouped by kind; best first; ties in chronological / dataset order
        if limit is not None:
            ranked = ranked[:limit]
        results.hits = [Hit(self.docs[n], -s, self.snippet(self.docs[n], query)) for _, s, n in ranked]
        return results

    def _postings_for(self, term: str, prefix: bool) -> dict[int, float]:
        """doc -> weight for one query term; a prefix term unions every term it starts."""
        exact = self._postings.get(term)
        found: dict[int, float] = dict(zip(exact[0], exact[1], strict=True)) if exact else {}
        if prefix and len(term) >= MIN_PREFIX:
            start = bisect.bisect_left(self._terms, term)
            for other in self._terms[start:]:
                if not other.startswith(term):
                    break
                if other == term:
                    continue
                docs, weights = self._postings[other]
                for doc, weight in zip(docs, weights, strict=True):
                    if found.get(doc, 0) < weight - PREFIX_PENALTY:
                        found[doc] = weight - PREFIX_PENALTY
        return found

    def _candidates(self, query: Query) -> dict[int, float]:
        required = [(t, query.prefix_last and i == len(query.terms) - 1) for i, t in enumerate(query.terms)]
        required += [(t, False) for phrase in query.phrases for t in phrase]
        if not required:
            allowed = query.kinds or set(KINDS)
            return {n: 0.0 for n, d in enumerate(self.docs) if d.kind in allowed}
        # rarest first, so the candidate set is small from the start
        required.sort(key=self._selectivity)
        scores: dict[int, float] | None = None
        for term, prefix in required:
            if scores is not None and not prefix and term in self._postings:
                docs, weights = self._postings[term]
                scores = _intersect(scores, docs, weights)
            else:
                matched = self._postings_for(term, prefix)
                scores = matched if scores is None else {d: s + matched[d] for d, s in scores.items() if d in matched}
            if not scores:
                return {}
        assert scores is not None
        for term in query.excluded_terms:
            if term in self._postings:
                docs = self._postings[term][0]
                scores = {d: s for d, s in scores.items() if not _contains(docs, d)}
        return scores

    def _selectivity(self, item: tuple[str, bool]) -> int:
        """Sort key: absent terms first (they end the search), then the rarest; prefixes last."""
        term, prefix = item
        if prefix:
            return len(self.docs) + 1
        return len(self._postings[term][0]) if term in self._postings else -1

    def _passes(self, doc: Doc, query: Query, actor_ids: set[str] | None) -> bool:
        if query.kinds and doc.kind not in query.kinds:
            return False
        if actor_ids is not None and not (doc.actors & actor_ids):
            return False
        if query.tags and not all(t in doc.tags for t in query.tags):
            return False
        if query.dates:
            if doc.when is None:
                return False
            start, end = doc.when.sort_key(), (doc.end or doc.when).end_key()
            if not all(r.overlaps(start, end) for r in query.dates):
                return False
        return not any(self._has_phrase(doc, p) for p in query.excluded_phrases)

    def _bonus(self, doc: Doc, query: Query) -> float | None:
        """Extra score for phrases and for every word in the title; None when a phrase is missing."""
        bonus = 0.0
        for phrase in query.phrases:
            weight = self._phrase_weight(doc, phrase)
            if weight == 0:
                return None
            bonus += weight
        if len(query.terms) > 1:
            title = _field_terms(doc.fields[0][1])
            last = len(query.terms) - 1
            if all(
                t in title or (query.prefix_last and i == last and any(x.startswith(t) for x in title))
                for i, t in enumerate(query.terms)
            ):
                bonus += TITLE  # all words in the title beat some of them there and the rest in the body
        return bonus

    def _phrase_weight(self, doc: Doc, phrase: list[str]) -> int:
        for weight, text in doc.fields:
            terms = [t.term for t in tokens(text)]
            n = len(phrase)
            if any(terms[i : i + n] == phrase for i in range(len(terms) - n + 1)):
                return weight
        return 0

    def _has_phrase(self, doc: Doc, phrase: list[str]) -> bool:
        return self._phrase_weight(doc, phrase) > 0

    def _resolve_actors(self, query: Query, hints: list[str]) -> set[str] | None:
        if not query.actors:
            return None
        resolved: set[str] | None = None
        for wanted in query.actors:
            ids = self.actors_matching(wanted)
            if not ids:
                hints.append(f"actor:{wanted} matches no actor; ignored")
                continue
            resolved = ids if resolved is None else resolved & ids
        return resolved

    def actors_matching(self, wanted: str) -> set[str]:
        """An exact id, or every actor whose name or aliases contain all the words given."""
        actors = self.chronology.actors
        if wanted in actors:
            return {wanted}
        needed = words(wanted)
        found = set()
        for actor in actors.values():
            names = {w for n in (actor.name, *actor.aliases, actor.id) for w in words(n)}
            if needed and all(any(n.startswith(w) for n in names) for w in needed):
                found.add(actor.id)
        return found

    # -- snippets ---------------------------------------------------------
    def snippet(self, doc: Doc, query: Query) -> Snippet:
        """The passage matching most query words; body text wins ties (the title is shown anyway)."""
        wanted = query.highlight_terms
        prefix = query.terms[-1] if query.prefix_last and query.terms else None
        best: tuple[int, int, str, list[tuple[int, int]]] | None = None
        for index, (_, text) in enumerate(doc.fields):
            spans = _matches(text, wanted, prefix)
            distinct = len({fold(text[s:e]) for s, e in spans})
            candidate = (distinct, index > 0, text, spans)
            if spans and (best is None or candidate[:2] > best[:2]):
                best = candidate
        if best is not None:
            return _window(best[2], best[3])
        body = doc.fields[1][1] if len(doc.fields) > 1 and doc.fields[1][1] else doc.fields[0][1]
        return _window(body, [])


def _intersect(scores: dict[int, float], docs: array[int], weights: array[int]) -> dict[int, float]:
    if len(scores) * 20 < len(docs):  # few candidates: bisect into the long posting list
        out = {}
        for doc, score in scores.items():
            i = bisect.bisect_left(docs, doc)
            if i < len(docs) and docs[i] == doc:
                out[doc] = score + weights[i]
        return out
    return {d: scores[d] + w for d, w in zip(docs, weights, strict=True) if d in scores}


def _contains(docs: array[int], doc: int) -> bool:
    i = bisect.bisect_left(docs, doc)
    return i < len(docs) and docs[i] == doc


def _index_terms(text: str) -> Iterator[str]:
    for token in tokens(text):
        yield token.term
    for token in compound_terms(text):
        yield token.term


def _field_terms(text: str) -> set[str]:
    return set(_index_terms(text))


def _matches(text: str, wanted: list[str], prefix: str | None) -> list[tuple[int, int]]:
    """Spans of matching words (compounds included), overlapping ones merged."""
    spans = sorted(
        (t.start, t.end)
        for t in [*tokens(text), *compound_terms(text)]
        if t.term in wanted or (prefix is not None and t.term.startswith(prefix))
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, spans: list[tuple[int, int]]) -> Snippet:
    """About SNIPPET_WIDTH characters around the first match, on one line."""
    text = text.translate(_ONE_LINE)  # same length, so spans stay valid
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_WIDTH // 3, len(text) - SNIPPET_WIDTH))
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and first - space < SNIPPET_WIDTH // 2 else start
    end = min(len(text), start + SNIPPET_WIDTH)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(lead + text[start:end] + tail, inside)


def _documents(chronology: Chronology) -> Iterable[Doc]:
    for event in chronology.events:
        claimants = {a for c in event.claims for a in c.by}
        yield Doc(
            "event",
            event.id,
            event.title,
            ((TITLE, event.title), (BODY, event.summary), (LABEL, event.place or ""), (LABEL, " ".join(event.tags))),
            event.when,
            event.end,
            frozenset({p.actor for p in event.actors} | claimants),
            frozenset(fold(t).replace("-", "") for t in event.tags),
        )
    for actor in chronology.dataset.actors:
        texts = [(TITLE, actor.name), *((ALIAS, a) for a in actor.aliases), (BODY, actor.profile)]
        texts += [(BODY, t) for t in (actor.side, actor.fate) if t]
        yield Doc("actor", actor.id, actor.name, tuple(texts), actors=frozenset({actor.id}))
    for quote in chronology.quote_order:
        event = chronology.event(quote.event)
        speaker = frozenset({quote.speaker}) if quote.speaker else frozenset()
        yield Doc(
            "quote", quote.id, quote.text, ((TITLE, quote.text), (BODY, quote.context)), event.when, event.end, speaker
        )
    for source in chronology.dataset.sources:
        texts = [(TITLE, source.title)] + [(BODY, t) for t in (source.publisher, source.author) if t]
        yield Doc("source", source.id, source.title, tuple(texts))
