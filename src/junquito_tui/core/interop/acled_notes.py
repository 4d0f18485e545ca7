"""ACLED's notes beside the summary's own lines: a line of the notes that reads as one of those lines
('Fatalities (ACLED count): 99' in the notes of a row whose count is 0) is marked as the notes'.

A trial found one event showing two counts alike, and search finding the false one; a re-trial found
look-alikes passing unmarked (a no-break or doubled space, a zero-width space before it, a full-width
'Ｆ', a Cyrillic 'А' in 'ACLED'), which the Markdown and TimelineJS exports then wrote as the very line.
So a line is compared by its skeleton (``lookalike``): what a reader sees of it, spaces, marks and
look-alike letters aside.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress

from ..lookalike import skeleton

FROM_NOTES = "(in the notes) "
SAID = (
    "notes with a line that reads as one of the summary's own lines after them ('Fatalities (ACLED count)', "
    f"'Source scale', 'Id in the file', an added column's 'Name:'): marked {FROM_NOTES.strip()!r}, so that no count "
    "in the notes passes for ACLED's"
)
LABELS = ("Fatalities (ACLED count", "Source scale:", "Id in the file:")
# A line of ASCII notes that may open as a label does, as its skeleton reads it: a label's first letters, what is
# no letter, digit, bracket or colon around them (an ASCII line has no look-alike letters)
_GAP = r"[^a-z0-9():\n]*"
_ASCII_START = re.compile(
    "^" + _GAP + "(?:" + "|".join(_GAP.join(map(re.escape, skeleton(label)[:6])) for label in LABELS) + ")",
    re.MULTILINE | re.IGNORECASE,
)
_NOT_KEPT_ASCII = str.maketrans(dict.fromkeys(c for c in range(128) if not chr(c).isalnum() and chr(c) not in "():\n"))
_HEAD = 40  # a line's first characters: a label is shorter, and a skeleton of each whole line cost 0.2 s a 100,000 rows
_LINE = re.compile(r"^.*$", re.MULTILINE)


def labels_of(names: Iterable[str]) -> tuple[str, ...]:
    """The skeletons of the summary's own line openings, with those of the added columns ('population: ')."""
    return tuple(skeleton(label) for label in (*LABELS, *(f"{name}:" for name in names)))


OWN = labels_of(())


def may_pass_each(notes: list[str], labels: tuple[str, ...]) -> list[bool]:
    """``may_pass`` of each of ``notes``: the ASCII ones (most) tested all at once (one at a time, 0.15 s a
    100,000 rows), each tested alone only where one of them may."""
    if labels != OWN:
        return [may_pass(n, labels) for n in notes]
    plain = list(map(str.isascii, notes))
    # the ASCII notes as their skeletons read (one C pass over them all), then each label opening a line
    skeletons = "\n" + "\n".join(compress(notes, plain)).lower().translate(_NOT_KEPT_ASCII)
    alike = any(f"\n{label[:6]}" in skeletons for label in OWN)
    return [may_pass(n) if alike or not ascii else False for n, ascii in zip(notes, plain, strict=True)]


def may_pass(notes: str, labels: tuple[str, ...] = OWN) -> bool:
    """Whether any line of ``notes`` reads as one of the summary's own (cheap for plain ASCII notes)."""
    if notes.isascii() and labels == OWN and _ASCII_START.search(notes) is None:
        return False
    head = max(_HEAD, 2 * max(map(len, labels)))  # (an added column's name may be long)
    return any(skeleton(line[:head]).startswith(labels) for line in notes.split("\n"))


def marked(notes: str, say: Callable[[], None], labels: tuple[str, ...] = OWN) -> str:
    """The notes, each line that reads as one of the summary's own marked as the notes' (``say`` called)."""
    if not may_pass(notes, labels):
        return notes
    say()
    head = max(_HEAD, 2 * max(map(len, labels)))

    def mark(line: re.Match[str]) -> str:
        text = line.group()
        return FROM_NOTES + text.lstrip(" \t") if skeleton(text[:head]).startswith(labels) else text

    return _LINE.sub(mark, notes)
