"""Other forms of a word: 'helicopter' also finds 'helicopters' (no Textual here).

Snowball's English and Spanish stemmers through PyStemmer, the Snowball project's own C build
(the pure-Python ``snowballstemmer`` gives the same stems at ~30 us a word, 15 times slower: seconds
for a large vocabulary). Stemming is done once per distinct word of the dataset, when the index is
built, never per occurrence; a query word is stemmed when typed, and finds every word of the
dataset sharing its stem.

Which stemmers run is decided per dataset from its commonest words: the Spanish stemmer run over
English text joins words that have nothing in common ('are' and 'area', 'the' and 'their'), so
a language is stemmed only when its function words are a good share of the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import Stemmer  # PyStemmer: no type information of its own

LANGUAGES = ("english", "spanish")
# Frequent function words that are rarely part of a name (so not 'el', 'la', 'de': El Junquito).
_FUNCTION_WORDS = {
    "english": ("the", "and", "of", "to", "was", "with", "for", "that", "by", "his", "were", "from", "after"),
    "spanish": ("que", "los", "las", "por", "para", "con", "una", "pero", "como", "fue", "sus", "entre", "esta"),
}
FORMS_CACHE = 4096  # query words whose forms are remembered
SHARE = 0.2  # a language counts when its function words are at least this share of the leading one's


def languages_of(document_frequency: Callable[[str], int]) -> tuple[str, ...]:
    """The languages to stem, from how many documents hold each language's function words;
    both when neither shows (a short dataset: better too many forms than none)."""
    scores = {lang: sum(map(document_frequency, words)) for lang, words in _FUNCTION_WORDS.items()}
    best = max(scores.values())
    if best == 0:
        return LANGUAGES
    return tuple(lang for lang in LANGUAGES if scores[lang] >= SHARE * best)


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...

    def stemWords(self, words: Sequence[str]) -> list[str]: ...


def make_stemmer(language: str) -> _Stemmer:
    found: _Stemmer = Stemmer.Stemmer(language)
    return found


class Stems:
    """The vocabulary grouped by stem, one group table per language."""

    def __init__(self, vocabulary: Sequence[str], languages: Iterable[str] = LANGUAGES) -> None:
        self.languages = tuple(languages)
        self._stemmers = [make_stemmer(lang) for lang in self.languages]
        self._groups: list[dict[str, tuple[str, ...]]] = []
        self._forms: dict[str, frozenset[str]] = {}
        for stemmer in self._stemmers:
            grouped: defaultdict[str, list[str]] = defaultdict(list)
            for word, stem in zip(vocabulary, stemmer.stemWords(vocabulary), strict=True):  # one C call
                grouped[stem].append(word)
            self._groups.append({stem: tuple(words) for stem, words in grouped.items()})

    def forms(self, word: str) -> frozenset[str]:
        """The words of the vocabulary sharing a stem with ``word`` in some language (``word`` itself
        only if it is in the vocabulary). Remembered: a query asks for its words' forms several times,
        and typing asks again for the same words."""
        found = self._forms.get(word)
        if found is None:
            if len(self._forms) >= FORMS_CACHE:
                self._forms.clear()
            found = frozenset(
                form
                for stemmer, groups in zip(self._stemmers, self._groups, strict=True)
                for form in groups.get(stemmer.stemWord(word), ())
            )
            self._forms[word] = found
        return found

    def same_stem(self, word: str, other: str) -> bool:
        return word == other or any(s.stemWord(word) == s.stemWord(other) for s in self._stemmers)
