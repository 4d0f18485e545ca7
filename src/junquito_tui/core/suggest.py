"""'Did you mean junquito?': better spelt queries, when a query finds little (no Textual here).

Words are compared with rapidfuzz's OSA distance (edits, a swap of neighbours counting as one:
'juqnuito') over the dataset's own vocabulary, in C++; actor names with its similarity ratio. A
suggestion is the whole query with the closest, commonest spellings put in, and is offered only if
it finds more than the query did.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .annotations import Annotations, tag_key
from .folding import tokens, words

if TYPE_CHECKING:
    from .search import Results, SearchIndex

FEW = 3  # fewer results than this: look for better spellings (of words held by fewer documents)
MAX_SUGGESTIONS = 3
NAME_SIMILARITY = 75  # rapidfuzz ratio (0-100) for an actor name or id to be offered
_ANY_FIELD = re.compile(r'(?<![\w-])[A-Za-z]+:("[^"]*"?|\S+)')  # field values are never fixed as words


def max_edits(word: str) -> int:
    """Edits allowed to reach a known word: none for short words (too many neighbours), then 1, then 2."""
    return 0 if len(word) < 4 else 1 if len(word) < 6 else 2


def close_words(index: SearchIndex, word: str, held_by: int) -> list[str]:
    """Words of the dataset within ``max_edits`` of ``word`` and held by more than ``held_by``
    documents: the closest first, then the commonest."""
    edits = max_edits(word)
    if not edits:
        return []
    near = index.words_of_length(len(word) - edits, len(word) + edits)  # no others are within reach
    found = process.extract(word, near, scorer=OSA.distance, score_cutoff=edits, limit=None)
    ranked = []
    for candidate, distance, _ in found:
        frequency = index.document_frequency(candidate)
        if candidate != word and frequency > held_by and candidate.isdigit() == word.isdigit():
            ranked.append((distance, -frequency, candidate))
    chosen: list[str] = []
    for *_, candidate in sorted(ranked):  # one form of each word: 'helicopters' finds what 'helicopter' does
        if not any(index.stems.same_stem(candidate, other) for other in chosen):
            chosen.append(candidate)
    return chosen[:MAX_SUGGESTIONS]


def close_actors(index: SearchIndex, wanted: str) -> list[str]:
    """Ids of the actors whose id or name is most like ``wanted``."""
    names = {f"{actor.id}\0{n}": " ".join(words(n)) for actor in index.chronology.dataset.actors
             for n in (actor.id, actor.name, *actor.aliases)}  # fmt: skip
    found = process.extract(" ".join(words(wanted)), names, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY, limit=20)
    ids = [key.split("\0")[0] for _, _, key in found]
    return list(dict.fromkeys(ids))[:MAX_SUGGESTIONS]


def suggestions(index: SearchIndex, results: Results, annotations: Annotations | None = None) -> list[str]:
    """Up to MAX_SUGGESTIONS query texts, each finding more than ``results`` did."""
    fixes = list(_fixes(index, results))
    found: list[str] = []
    pasted = results.query_text.strip().lower()  # an id pasted whole ('VEN1001'): the item it names, if not found
    if pasted and not _ANY_FIELD.search(pasted) and index.id_bits(pasted) & ~results.matched_bits:
        found.append(f"id:{pasted}")
    for text in map(str.strip, _variants(results.query_text, fixes)):
        again = index.search(text, typing=results.typing, limit=0, annotations=annotations, suggest=False)
        if not again.unresolved and again.total > results.total and text not in found:
            found.append(text)
            if len(found) == MAX_SUGGESTIONS:
                break
    return found


Span = tuple[int, int]
Fix = tuple[list[Span], list[str]]  # where a misspelling is in the query text, and its replacements, best first


def _fixes(index: SearchIndex, results: Results) -> Iterator[Fix]:
    query, text = results.query, results.query_text
    last = len(query.terms) - 1
    typed = [(t, query.prefix_last and i == last) for i, t in enumerate(query.terms)]
    typed += [(t, False) for phrase in query.phrases for t in phrase]
    fields = [m.span() for m in _ANY_FIELD.finditer(text)]
    for word, prefix in dict.fromkeys(typed):
        held_by = index.bits(word, prefix=prefix, stemmed=word not in query.literal).bit_count()
        close = close_words(index, word, held_by) if held_by < FEW else []
        spans = [(t.start, t.end) for t in tokens(text) if t.term == word and not _inside(t.start, fields)]
        if close and spans:
            yield spans, close
    for field, values in (("actor", query.actors), ("by", query.claimants)):
        for wanted in values:
            if f"{field}:{wanted} matches no actor" in results.unresolved:
                spans = _field_spans(text, field, wanted)
                yield spans, [f"{field}:{actor}" for actor in close_actors(index, wanted)]
    for tag in (t for t in query.tags if t not in index.tags):
        near = process.extract(tag, sorted(index.tags), scorer=OSA.distance, score_cutoff=max_edits(tag), limit=3)
        yield (
            _field_spans(text, "tag", tag, normalise=tag_key),
            [f"tag:{index.tag_names.get(n, n)}" for n, _, _ in near],
        )


def _inside(at: int, spans: list[Span]) -> bool:
    return any(start <= at < end for start, end in spans)


def _field_spans(text: str, field: str, wanted: str, normalise: Callable[[str], str] = str) -> list[Span]:
    """Where ``field:value`` is written in ``text`` with the value ``wanted`` (once normalised, quotes removed)."""
    pattern = re.compile(rf'(?i)(?<![\w-]){field}:("[^"]*"?|\S+)')
    return [m.span() for m in pattern.finditer(text) if normalise(m.group(1).strip('"')) == wanted]


def _variants(text: str, fixes: list[Fix]) -> Iterator[str]:
    """The text with every best replacement; then with one fix at a time taking its next best."""
    fixes = [(spans, options) for spans, options in fixes if spans and options]
    if not fixes:
        return
    best = [options[0] for _, options in fixes]
    yield _replaced(text, fixes, best)
    for position, (_, options) in enumerate(fixes):
        for option in options[1:]:
            yield _replaced(text, fixes, [*best[:position], option, *best[position + 1 :]])


def _replaced(text: str, fixes: list[Fix], choices: list[str]) -> str:
    edits = sorted(((span, choice) for (spans, _), choice in zip(fixes, choices, strict=True) for span in spans),
                   reverse=True)  # fmt: skip
    for (start, end), choice in edits:
        text = text[:start] + choice + text[end:]
    return text


def did_you_mean(suggested: list[str]) -> str:
    """'did you mean "a", "b" or "c"?' (the CLI's hint and the search panel's)."""
    quoted = [f"“{text}”" for text in suggested]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {listed}?"
