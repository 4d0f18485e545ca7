"""What search asks of the user's notebook (stars, notes, their own tags), and how it matches them.

The notebook stores; the search engine matches. A provider only hands over what it holds, so a
note is searched exactly like dataset text: folded (case, accents and punctuation do not matter)
and stemmed with the dataset's languages (``note:helicopter`` finds a note saying "helicopters").
``note:`` words are all required, in any order; ``mytag:`` names compare like ``tag:`` (folded, and
spaces and punctuation dropped: ``mytag:"To check"`` finds a tag written ``to-check``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Protocol

from .folding import field_words, words

ItemKey = tuple[str, str]  # (kind, id): ('event', 'raid-begins'), ('actor', 'oscar-perez'), ...


class Annotations(Protocol):
    """A notebook, as search sees it (any object with these three methods will do)."""

    def starred(self) -> Collection[ItemKey]:
        """The items the user starred."""
        ...

    def notes(self) -> Iterable[tuple[ItemKey, str]]:
        """Every (item, note text) pair; an item may have several notes."""
        ...

    def tags(self) -> Iterable[tuple[ItemKey, str]]:
        """Every (item, tag name) pair the user gave."""
        ...


def tag_key(name: str) -> str:
    """How ``mytag:`` and ``tag:`` compare names: folded words run together."""
    return "".join(words(name)) or name.lower()


def with_note(annotations: Annotations, wanted: list[str], same_stem: Callable[[str, str], bool]) -> set[ItemKey]:
    """Items with a note holding every wanted (folded) word, or another form of it."""
    found: set[ItemKey] = set()
    for item, text in annotations.notes():
        held = set(field_words(text))
        if all(word in held or any(same_stem(word, h) for h in held) for word in wanted):
            found.add(item)
    return found


def with_tag(annotations: Annotations, name: str) -> set[ItemKey]:
    """Items the user tagged ``name`` (already a ``tag_key``)."""
    return {item for item, tag in annotations.tags() if tag_key(tag) == name}
