"""The passage of a document that matched, with the matched words as spans (no Textual here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .folding import fold, fold_uncached, folded_in_place, tokens
from .lookalike import skeleton

SNIPPET_WIDTH = 110
# Every character that can end a line (or jump a column), one for one, so spans stay valid.
_ONE_LINE = str.maketrans(dict.fromkeys("\n\t\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029", " "))


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # matched words, as offsets into ``text``


# An event's own words opening as a passage's label does ('Account: Reported by ...' in ACLED's notes, look-alike
# letters or not: ``lookalike``): a re-trial found them shown as an account the event does not have; they are then
# labelled as the words they are
_LABEL_LIKE = re.compile(r"(?:account(?:by[a-z0-9()]{0,120}?)?|place|tags|(?:end)?datenote|ordernote|summary|title):")


def best_snippet(
    fields: list[str],
    exact: list[str],
    prefixes: list[str],
    compounds: tuple[re.Pattern[str], ...] = (),
    labels: tuple[str, ...] = (),
) -> Snippet:
    """The field matching most query words; body text wins ties (the title is shown anyway).
    ``compounds``: the patterns of compound words ('F-16' for f16), matched whole; ``labels``: what
    to put before a field's passage (a claim's 'Account, as reported: '), by field."""
    best: tuple[int, bool, int, str, list[tuple[int, int]]] | None = None
    for index, text in enumerate(fields):
        in_place = folded_in_place(text)
        folded = in_place if in_place is not None else fold(text) if len(text) < 200 else fold_uncached(text)
        if not any(w in folded for w in (*exact, *prefixes)) and not any(p.search(folded) for p in compounds):
            continue  # cheap test first: most fields of most hits do not match
        spans = matches(text, exact, prefixes, in_place, compounds)
        distinct = len({fold(text[s:e]) for s, e in spans})
        if spans and (best is None or (distinct, index > 0) > best[:2]):
            best = (distinct, index > 0, index, text, spans)
    if best is not None:
        found = window(best[3], best[4])
        label = labels[best[2]] if best[2] < len(labels) else ""
        if labels and not label and _LABEL_LIKE.match(skeleton(found.text[:200])):  # its own words, said as such
            label = "Title: " if best[2] == 0 else "Summary: "
        return Snippet(label + found.text, tuple((s + len(label), e + len(label)) for s, e in found.spans))
    body = fields[1] if len(fields) > 1 and fields[1] else fields[0]
    return window(body, [])


def matches(
    text: str,
    exact: list[str],
    prefixes: list[str],
    in_place: str | None = None,
    compounds: tuple[re.Pattern[str], ...] = (),
) -> list[tuple[int, int]]:
    """Spans of the words equal to an exact term or starting with a prefix, and of the compounds'
    matches (``in_place``: the text folded character for character, if already known)."""
    in_place = in_place or folded_in_place(text)
    if in_place is None:  # folding moves characters: word by word, in Python
        spans = [
            (t.start, t.end) for t in tokens(text) if t.term in exact or any(t.term.startswith(p) for p in prefixes)
        ]
        if compounds:  # (on the text as written: its digits and the scripts without spaces fold to themselves)
            spans = _merged(spans + [m.span() for c in compounds for m in c.finditer(text)])
        return spans
    pattern = _highlighter(tuple(exact), tuple(prefixes))
    spans = [m.span() for m in pattern.finditer(in_place)] if pattern else []
    if compounds:  # 'F-16' is two indexed words: its pattern's span, to the end of the word it ends in
        spans += [(m.start(), _word_end(in_place, m.end())) for c in compounds for m in c.finditer(in_place)]
        spans = _merged(spans)
    return spans


def _word_end(text: str, at: int) -> int:
    found = _WORD_REST.match(text, at)
    return found.end() if found else at


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


_WORD_REST = re.compile(r"[^\W_]*")


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
