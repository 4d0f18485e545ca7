"""Text normalisation for search: case, accents and punctuation never matter (no Textual here)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters and digits (any script); everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# Letters and digits apart: 'btr80a' -> 'btr', '80', 'a'.
_PIECE = re.compile(r"[^\W\d_]+|\d+")
# Combining marks that carry accents on Latin, Greek and Cyrillic letters once decomposed.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold_uncached(text: str) -> str:
    if text.isascii():
        return text.lower()
    # compatibility forms first ('𝐀' -> 'A'), then case, then decompose again for accents
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


# Query words and short texts repeat; whole documents do not, so indexing bypasses the cache.
fold = lru_cache(maxsize=8192)(fold_uncached)
fold.__doc__ = "Lower-case, strip accents and compatibility forms: 'Operación' -> 'operacion'."


def words(text: str) -> list[str]:
    """The folded words of a text: 'BTR-80A arrives' -> ['btr', '80a', 'arrives']."""
    return _WORD.findall(fold(text))


def index_terms(text: str) -> set[str]:
    """The distinct folded words a document field is found by."""
    return set(_WORD.findall(fold_uncached(text)))


def pieces(word: str) -> list[str]:
    """A query word cut where punctuation joins parts or letters meet digits: 'BTR-80A' -> btr, 80, a.

    More than one piece makes it a compound, matched as those pieces in a row with
    anything but spaces between them, so 'btr80', 'btr-80a' and 'BTR80A' all find 'BTR-80A'.
    """
    return _PIECE.findall(fold(word))


def compound_pattern(parts: list[str]) -> re.Pattern[str]:
    """Matches the pieces in a row in folded text, at the start of a word."""
    return _literal_led(parts, r"[^\w\s]*", "")


def phrase_pattern(words: list[str], open_ended: bool = False) -> re.Pattern[str]:
    """Matches whole words in a row in folded text; ``open_ended`` lets the last be a prefix."""
    return _literal_led(words, r"[\W_]+", "" if open_ended else r"(?![^\W_])")


def _literal_led(words: list[str], between: str, after: str) -> re.Pattern[str]:
    # Starting with a literal word lets the C scanner jump between its occurrences;
    # the lookbehind then checks that it starts a word.
    first = re.escape(words[0])
    rest = "".join(between + re.escape(w) for w in words[1:])
    return re.compile(f"{first}(?<![^\\W_]{first}){rest}{after}")


@dataclass(frozen=True)
class Token:
    term: str  # folded
    start: int  # span in the original text, for highlighting
    end: int


def tokens(text: str) -> list[Token]:
    """Words with their spans in the original text (folding can change lengths, so fold per word)."""
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]
