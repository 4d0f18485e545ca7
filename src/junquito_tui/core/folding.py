"""Text normalisation for search: case, accents and punctuation never matter (no Textual here)."""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat

# A word: letters and digits (any script); everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# Characters drawn as nothing inside a word, which it is read without ('Cara\ufeffcas' is Caracas): a byte order
# mark met inside a text (two files joined), the word joiner, the soft hyphen. Not the zero-width space, which
# parts words (Thai and Khmer write no other space), nor the joiners, which Persian writes inside words and
# search has always parted them at ('کتاب‌ها': کتاب and ها).
_IGNORED = str.maketrans({"\u00ad": None, "\u2060": None, "\ufeff": None, "\u200b": " "})
# A word as it is written in a text, those characters inside it: found whole, for highlighting
_WRITTEN_WORD = re.compile(r"[^\W_]+(?:[\u00ad\u2060\ufeff]+[^\W_]+)*")
# The same for folded ASCII text, where it is a third faster (no Unicode tables).
_ASCII_WORD = re.compile(r"[a-z0-9]+")
# Letters and digits apart: 'btr80a' -> 'btr', '80', 'a'.
_PIECE = re.compile(r"[^\W\d_]+|\d+")
# Combining marks that carry accents on Latin, Greek and Cyrillic letters once decomposed.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Letters that carry their mark in their shape, which decomposition leaves alone ('Łódź', 'Søren',
# 'Diyarbakır', 'Đorđević', 'Cœur', 'Ærø'): spelt as a reader without them types them.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "ı": "i", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ƀ": "b", "ɨ": "i", "œ": "oe", "æ": "ae"}
    | {"þ": "th"}
)


def fold_uncached(text: str) -> str:
    if text.isascii():
        return text.lower()
    # invisible characters out ('Cara\ufeffcas'), compatibility forms ('𝐀' -> 'A'), case, then accents
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text.translate(_IGNORED)).casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed).translate(_UNDECOMPOSED))


# Query words and short texts repeat; whole documents do not, so indexing bypasses the cache.
fold = lru_cache(maxsize=8192)(fold_uncached)
fold.__doc__ = "Lower-case, strip accents and compatibility forms: 'Operación' -> 'operacion', 'Łódź' -> 'lodz'."


def words(text: str) -> list[str]:
    """The folded words of a text: 'BTR-80A arrives' -> ['btr', '80a', 'arrives']."""
    return _WORD.findall(fold(text))


def index_terms(text: str) -> set[str]:
    """The distinct folded words a document field is found by."""
    return set(_WORD.findall(fold_uncached(text)))


def field_words(text: str) -> list[str]:
    """The folded words of a document field, in order (uncached: documents do not repeat)."""
    folded = fold_uncached(text)
    return (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)


def pieces(word: str) -> list[str]:
    """A query word cut where punctuation joins parts or letters meet digits: 'BTR-80A' -> btr, 80, a.

    More than one piece makes it a compound, matched as those pieces in a row with
    anything but spaces between them, so 'btr80', 'btr-80a' and 'BTR80A' all find 'BTR-80A'.
    """
    return _PIECE.findall(fold(word))


def compound_pattern(parts: list[str]) -> re.Pattern[str]:
    """Matches the pieces in a row in folded text, at the start of a word."""
    return _literal_led(parts, r"[^\w\s]*", "")


# A number of four digits or more as it is often written, its thousands grouped: '1,234', '1.234', '1 234',
# "1'234" (one mark throughout), not inside a longer number ('11,234', '1 234 567', '1,2345')
_GROUP_MARKS = (",", ".", " ", "'", "\u2019", "\u00a0", "\u202f")


def digit_groups(term: str) -> list[str] | None:
    """A query word of 4 to 15 ASCII digits (no leading zero) cut in thousands: '1234' -> 1, 234; else None."""
    if not (4 <= len(term) <= 15 and term.isdigit() and term.isascii()) or term[0] == "0":
        return None
    head = len(term) % 3 or 3
    return [term[:head], *(term[at : at + 3] for at in range(head, len(term), 3))]


def grouped_pattern(groups: list[str]) -> re.Pattern[str]:
    """Matches the number ``groups`` make, its thousands grouped by one mark, in folded text: no digit and
    that mark before it or after it (a fraction after it, in the other mark, is no more of it: '1.234,50')."""
    return re.compile(
        "|".join(
            rf"(?<![^\W_])(?<!\d{re.escape(mark)}){re.escape(mark).join(groups)}(?![^\W_])(?!{re.escape(mark)}\d)"
            for mark in _GROUP_MARKS
        )
    )


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
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WRITTEN_WORD.finditer(text)]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _ascii_fold(char: str) -> str:
    """The one ASCII character ``char`` folds to on its own and inside any word, or ''."""
    folded = fold_uncached(char)
    if len(folded) != 1 or not folded.isascii() or unicodedata.combining(char):
        return ""
    # Decomposed, it must be a starter and marks that folding strips: then nothing reorders or
    # composes across characters, and a word folds character by character.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    if decomposed[0] != folded or _ACCENTS.sub("", decomposed) != folded:
        return ""
    return folded if bool(_WORD.fullmatch(char)) == bool(_WORD.fullmatch(folded)) else ""


def folded_in_place(text: str) -> str | None:
    """``fold(text)`` when every character folds to exactly one, in place (so spans carry over), else None."""
    if text.isascii():
        return text.lower()
    for char in set(_NON_ASCII.findall(text)):
        folded = _ascii_fold(char)
        if not folded:
            return None
        text = text.replace(char, folded)
    return text.lower()


class WordRuns:
    """Every document's folded words in order, one character per distinct word.

    Whether a document holds words in a row (a phrase) is then a substring search run in C
    over a couple of bytes per word, instead of re-folding its text and running a regex.
    Documents are added in number order; a document's fields run on as in "\\n".join(fields).
    """

    LIMIT = 0x110000  # code points; a larger vocabulary turns the runs off (phrases then use regexes)
    CHUNK = 1024  # documents joined into one string as they come

    def __init__(self) -> None:
        self._codes: defaultdict[str, str] = defaultdict(self._new_code)
        self._parts: list[str] = []
        self._chunks: list[str] = []
        self._starts = array("q", [0])  # document n is _text[_starts[n]:_starts[n + 1]]
        self._text = ""
        self._limit = self.LIMIT

    def _new_code(self) -> str:
        return chr(min(len(self._codes), self._limit - 1))

    def add(self, words: Iterable[str]) -> None:
        part = "".join(map(self._codes.__getitem__, words))
        self._parts.append(part)
        self._starts.append(self._starts[-1] + len(part))
        if len(self._parts) == self.CHUNK:  # a string per document costs ~70 bytes more than its text
            self._chunks.append("".join(self._parts))
            self._parts.clear()

    def close(self) -> None:
        """Done adding: one string for all documents."""
        self._chunks += self._parts
        self._text, self._parts, self._chunks = "".join(self._chunks), [], []

    @property
    def usable(self) -> bool:
        return len(self._codes) < self._limit

    def holding(self, numbers: list[int], words: Sequence[str], last: Iterable[str] | None = None) -> list[int]:
        """The documents among ``numbers`` holding ``words`` in a row; with ``last``, the final
        word may instead be any of those (the expansions of a prefix)."""
        head = words if last is None else words[:-1]
        if not all(w in self._codes for w in head):
            return []
        needle = "".join(self._codes[w] for w in head)
        starts = map(self._starts.__getitem__, numbers)
        ends = map(self._starts.__getitem__, map((1).__add__, numbers))
        if last is None:
            found = map((-1).__lt__, map(self._text.find, repeat(needle), starts, ends))
            return list(compress(numbers, found))
        endings = "".join(re.escape(self._codes[w]) for w in last if w in self._codes)
        if not endings:
            return []
        pattern = re.compile(f"{re.escape(needle)}[{endings}]")
        return list(compress(numbers, map(pattern.search, repeat(self._text), starts, ends)))
