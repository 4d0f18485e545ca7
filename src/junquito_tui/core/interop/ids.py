"""Lowercase slug ids ('oscar-perez') made from any text, unique within a dataset."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import MAX_ID
from ..text import SLUG_PATTERN, slugify

__all__ = ["MAX_ID", "SLUG_PATTERN", "IdAllocator", "slugify"]


def own_id(given: str) -> str | None:
    """The id a file's id is, in any case ('RAID-1' is 'raid-1', as ids typed are); None for no id as written."""
    lowered = given.strip().lower() if given.isascii() else ""
    return lowered if SLUG_PATTERN.fullmatch(lowered) and len(lowered) <= MAX_ID else None


class IdAllocator:
    """Hands out ids never handed out before: 'battle', then 'battle-2', 'battle-3'.

    Each stem remembers the next number to try, so 20,000 slides with the same id cost 20,000
    steps, not 200 million (counting from 2 on every repeat took 41-88 s). Every candidate is
    tried at most once: a number below a stem's remembered one was handed out or found taken, and
    ids stay taken. So the work is linear in the ids handed out, whatever the input.

    Ids a file gives its rows are ``reserve``d first: an id made for a row without one never takes
    the id a later row gives (a trial: 'same-2018-01-01', made for line 2, renamed line 4's own, and
    citing that id cited the wrong row).
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.reserved: set[str] = set()
        self._next: dict[str, int] = {}  # stem -> the first number not yet known to be taken

    def reserve(self, given: Iterable[str]) -> None:
        """The ids a file gives (those that are ids as written, in any case: 'RAID-1' is 'raid-1'), kept for
        the rows that give them."""
        self.reserved.update(i for g in given if (i := own_id(g)) is not None)

    def take(self, wanted: str, own: bool = False) -> str:
        """``wanted``, or the first free 'wanted-N'; ``own``: the id the row itself gives, reserved for it."""
        wanted = wanted[:MAX_ID].strip("-") or "item"
        if wanted not in self.used and (own or wanted not in self.reserved):
            self.used.add(wanted)
            return wanted
        number = 2
        while True:
            width = len(str(number)) + 1
            stem = wanted[: MAX_ID - width].strip("-")  # long ids are cut to make room for the suffix
            number = max(number, self._next.get(stem, 2))
            if len(str(number)) + 1 != width:
                continue  # one more digit: the stem is cut shorter
            candidate = f"{stem}-{number}"
            self._next[stem] = number + 1  # taken now, or found taken: never tried again
            if candidate not in self.used and candidate not in self.reserved:
                self.used.add(candidate)
                return candidate
            number += 1
