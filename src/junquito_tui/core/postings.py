"""Posting lists as the search index is built: the documents holding each word (no Textual here).

Documents are added in number order, so each list is an ascending array. A word held by more than
one document in 32 ends as a bitset (``to_bits``: 1 bit a document against 4 bytes); its array is
moved into flags every ``FLUSH_EVERY`` documents instead of growing to the end. At 100,000 ACLED
rows the common words ('the', the country, 'fatalities') held 5 million of the 5.9 million postings,
~24 MB of arrays kept until the build's end: the peak of a first search's memory.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from functools import partial

from .bitsets import set_flags

FLUSH_EVERY = 16384  # documents between moves: a pass over the vocabulary each (~3 ms at 24,000 words)


class Postings:
    """``lists[word].append(number)`` as documents are read; ``compact`` when they all are."""

    def __init__(self, size: int) -> None:
        self.size = size  # documents in all
        self.lists: defaultdict[str, array[int]] = defaultdict(partial(array, "i"))
        self._flags: dict[str, bytearray] = {}  # the common words' documents so far

    def done(self, number: int) -> None:
        """Document ``number`` is added: every ``FLUSH_EVERY`` documents, the common words move."""
        if number % FLUSH_EVERY == FLUSH_EVERY - 1:
            self.flush()

    def flush(self) -> None:
        """Move the lists of common words into their flags (a word once common stays common)."""
        for word, numbers in self.lists.items():
            if not numbers:
                continue
            flags = self._flags.get(word)
            if flags is None:
                if len(numbers) * 32 <= self.size:
                    continue
                flags = self._flags[word] = bytearray((self.size + 7) // 8)
            set_flags(flags, numbers)
            del numbers[:]  # frees the array's buffer

    def compact(self) -> dict[str, array[int] | int]:
        """Each word's documents: a bitset if it is in more than 1 document in 32 (smaller, and a
        common word then costs nothing the first time it is typed), else the array."""
        self.flush()
        flags, self._flags = self._flags, {}
        lists, self.lists = self.lists, defaultdict(partial(array, "i"))
        # A word without flags has all its documents in its array, and at most size / 32 of them.
        return {word: numbers if (f := flags.pop(word, None)) is None else int.from_bytes(f, "little")
                for word, numbers in lists.items()}  # fmt: skip
