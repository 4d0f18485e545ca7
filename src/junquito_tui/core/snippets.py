"""The passage of a document that matched, with the matched words as spans (no Textual here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .folding import fold, fold_uncached, folded_in_place, tokens

SNIPPET_WIDTH = 110
# Every character that can end a line (or jump a column), one for one, so spans stay valid.
_ONE_LINE = str.maketrans(dict.fromkeys("\n\t\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # matched words, as offsets into ``text``


def best_snippet(fields: list[str], exact: list[str], prefixes: list[str]) -> Snippet:
    """The field matching most query words; body text wins ties (the title is shown anyway)."""
    best: tuple[int, bool, str, list[tuple[int, int]]] | None = None
    for index, text in enumerate(fields):
        in_place = folded_in_place(text)
        folded = in_place if in_place is not None else fold(text) if len(text) < 200 else fold_uncached(text)
        if not any(w in folded for w in (*exact, *prefixes)):
            continue  # cheap test first: most fields of most hits do not match
        spans = matches(text, exact, prefixes, in_place)
        distinct = len({fold(text[s:e]) for s, e in spans})
        if spans and (best is None or (distinct, index > 0) > best[:2]):
            best = (distinct, index > 0, text, spans)
    if best is not None:
        return window(best[2], best[3])
    body = fields[1] if len(fields) > 1 and fields[1] else fields[0]
    return window(body, [])


def matches(text: str, exact: list[str], prefixes: list[str], in_place: str | None = None) -> list[tuple[int, int]]:
    """Spans of the words equal to an exact term or starting with a prefix (``in_place``: the text
    folded character for character, if already known)."""
    in_place = in_place or folded_in_place(text)
    if in_place is None:  # folding moves characters: word by word, in Python
        return [
            (t.start, t.end) for t in tokens(text) if t.term in exact or any(t.term.startswith(p) for p in prefixes)
        ]
    pattern = _highlighter(tuple(exact), tuple(prefixes))
    return [m.span() for m in pattern.finditer(in_place)] if pattern else []


@lru_cache(maxsize=64)
def _highlighter(exact: tuple[str, ...], prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole folded words equal to an exact term or starting with a prefix, in one C-level scan."""
    options = [f"(?:{'|'.join(map(re.escape, exact))})(?![^\\W_])"] if exact else []
    options += [f"(?:{'|'.join(map(re.escape, prefixes))})[^\\W_]*"] if prefixes else []
    return re.compile(f"(?<![^\\W_])(?:{'|'.join(options)})") if options else None


def window(text: str, spans: list[tuple[int, int]]) -> Snippet:
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
