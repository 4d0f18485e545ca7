"""Short numbers that are only the later groups of a larger one: '500' of '12,500'. Each group is indexed as
a word of its own, so a search for 500 found '12,500 displaced' (a user trial). A document holding such a
number only there is not found by it; one that also holds it alone is. As a miss is worse than a match, only
what is surely a grouped number counts: its first group of one or two digits ('1,500', '12.500'), or a later
group of 000 ('125,000'); not '242,338' or '101,102,103' (lists), nor a space ('15 500' may be two numbers).
The first group is still found ('3' in '3.500 kg', which may be 3.5).

So is a number's fraction: '5' of '10.5' (a coordinate; an ACLED trial's 'fatalities 5' found every event at
a longitude of .5). Only a point between digits, once ('15.01.2018' and '192.168.1.1' are no fractions).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from .bitsets import to_bits

# A number grouped by thousands with one mark throughout, whole: not the tail of a longer one, nor followed
# by its mark and more digits ('192.168.1.1' is none); a fraction in the other mark may follow ('$1,500.00')
_GROUPED = re.compile(r"(?<![\d,.'’])[1-9]\d{0,2}([,.'’])\d{3}(?:\1\d{3})*(?!\d)(?!\1\d)")
_MARK = re.compile(r"[,.'’]")
_ANY = re.compile(r"\d[,.'’]\d\d\d")  # (what every grouped number holds: most texts have none, found in C)
# A number with a fraction of up to three digits (a longer one is never a short number), whole: not a part of a
# grouped number, a dotted date or an address ('$1,500.00', '1.5.2018')
_FRACTION = re.compile(r"(?<=\d)\.(\d{1,3})(?!\d)(?![,.'’]\d)")  # (its whole part checked apart: ``_fractions``)
_POINT = re.compile(r"\d\.\d")
SHORT = 3  # digits: a group's


class NumberGroups:
    """Per short number, the documents that hold it only as a group of larger numbers."""

    def __init__(self) -> None:
        self._only_inside: defaultdict[str, list[int]] = defaultdict(list)
        self._inside: defaultdict[str, list[int]] = defaultdict(list)  # also alone, or not
        self._bits: dict[tuple[str, bool], int] = {}
        self.size = 0

    def add(self, number: int, texts: Iterable[str], words: Iterable[list[str]]) -> None:
        """Document ``number``: its fields' texts, and their folded words in order (each group one of them)."""
        self.size = number + 1
        groups = Counter(group for text in texts for _, group in later_groups(text))
        if groups:
            # (in C: with a fraction's places every coordinate's document is counted, 100,000 at 100,000 ACLED rows)
            every = Counter(filter(groups.__contains__, chain.from_iterable(words)))
            for group, inside in groups.items():
                self._inside[group].append(number)
                if inside >= every[group]:  # never alone
                    self._only_inside[group].append(number)

    def only_inside(self, term: str) -> int:
        """The documents holding ``term`` (a number of up to three digits) only as a group of larger ones."""
        return self._documents(term, only=True)

    def inside(self, term: str) -> int:
        """The documents holding ``term`` as a group of a larger number, whether or not also alone."""
        return self._documents(term, only=False)

    def _documents(self, term: str, *, only: bool) -> int:
        if not is_short_number(term):
            return 0
        if (found := self._bits.get((term, only))) is None:
            numbers = (self._only_inside if only else self._inside).get(term, [])
            found = self._bits[term, only] = to_bits(numbers, self.size)
        return found


def is_short_number(word: str) -> bool:
    """Whether ``word`` could be a later group of a larger number."""
    return len(word) <= SHORT and word.isdigit() and word.isascii()


def later_groups(text: str) -> Iterator[tuple[int, str]]:
    """Where the later groups of ``text``'s surely grouped numbers start, and the groups ('12,500': (3, '500')),
    with the fractions of its numbers ('10.5': (3, '5')); each place once."""
    found: dict[int, str] = {}
    if _ANY.search(text) is not None:
        for number in _GROUPED.finditer(text):
            head, *rest = _MARK.split(number.group())
            if len(head) <= 2 or "000" in rest:  # surely one number, not a list
                at = number.start() + len(head) + 1
                for group in rest:
                    found[at] = group
                    at += len(group) + 1
    if _POINT.search(text) is not None:
        for at, fraction in _fractions(text):
            found.setdefault(at, fraction)
    yield from sorted(found.items())


def _fractions(text: str) -> Iterator[tuple[int, str]]:
    """Where each short fraction of a number starts, and its digits: only a point after a whole part that is
    not the tail of a grouped number, a dotted date or an address ('$1,500.00', '1.5.2018')."""
    for match in _FRACTION.finditer(text):
        start = match.start()
        while start and text[start - 1].isdigit():
            start -= 1
        if not start or text[start - 1] not in _GROUP_MARKS:
            yield match.start(1), match.group(1)


_GROUP_MARKS = frozenset(",.'’")
