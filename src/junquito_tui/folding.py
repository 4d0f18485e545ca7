"""Text normalisation for search: case, accents and punctuation never matter (no Textual here)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters and digits (any script); everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# A compound: words joined by punctuation without spaces ("BTR-80A", "Pérez's").
_COMPOUND = re.compile(r"[^\W_]+(?:[^\w\s]+[^\W_]+)*|[^\W_]+")
_ALPHA_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and compatibility forms: 'Operación' -> 'operacion'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def words(text: str) -> list[str]:
    """The folded words of a text: 'BTR-80A arrives' -> ['btr', '80a', 'arrives']."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Token:
    term: str  # folded
    start: int  # span in the original text, for highlighting
    end: int


def tokens(text: str) -> list[Token]:
    """Words with their spans in the original text (folding can change lengths, so fold per word)."""
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def compound_terms(text: str) -> list[Token]:
    """Extra index terms for words joined by punctuation or mixing letters and digits.

    'BTR-80A' yields 'btr80' and 'btr80a' (its prefixes at each boundary), so 'btr80'
    and 'btr-80a' both find it. Plain words yield nothing here.
    """
    out = []
    for match in _COMPOUND.finditer(text):
        pieces = [p for w in _WORD.findall(fold(match.group())) for p in _ALPHA_DIGIT.split(w)]
        if len(pieces) < 2:
            continue
        joined = ""
        for index, piece in enumerate(pieces):
            joined += piece
            if index >= 1:
                out.append(Token(joined, match.start(), match.end()))
    return out


def squash(word: str) -> str:
    """A query word without its punctuation: 'btr-80a' -> 'btr80a' (matches compound terms)."""
    return "".join(_WORD.findall(fold(word)))
