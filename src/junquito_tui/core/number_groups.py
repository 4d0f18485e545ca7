"""Short numbers that are only the later groups of a larger one: '500' of '12,500'. Each group is indexed as
a word of its own, so a search for 500 found '12,500 displaced' (a user trial). A document holding such a
number only there is not found by it; one that also holds it alone is. As a miss is worse than a match, only
what is surely a grouped number counts: its first group of one or two digits ('1,500', '12.500'), or a later
group of 000 ('125,000'); not '242,338' or '101,102,103' (lists), nor a space ('15 500' may be two numbers).
The first group is still found ('3' in '3.500 kg', which may be 3.5).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from .bitsets import to_bits

# A number grouped by thousands with one mark throughout, whole: not the tail of a longer one, nor followed
# by its mark and more digits ('192.168.1.1' is none); a fraction in the other mark may follow ('$1,500.00')
_GROUPED = re.compile(r"(?<![\d,.'’])[1-9]\d{0,2}([,.'’])\d{3}(?:\1\d{3})*(?!\d)(?!\1\d)")
_MARK = re.compile(r"[,.'’]")
_ANY = re.compile(r"\d[,.'’]\d\d\d")  # (what every grouped number holds: most texts have none, found in C)
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
            every = Counter(word for field in words for word in field if word in groups)
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
    """Where the later groups of ``text``'s surely grouped numbers start, and the groups ('12,500': (3, '500'))."""
    if _ANY.search(text) is None:
        return
    for found in _GROUPED.finditer(text):
        head, *rest = _MARK.split(found.group())
        if len(head) <= 2 or "000" in rest:  # surely one number, not a list
            at = found.start() + len(head) + 1
            for group in rest:
                yield at, group
                at += len(group) + 1
