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

from ..lookalike import skeleton
from ..text import has_control as _has_control

FROM_NOTES = "(in the notes) "
SAID = (
    "notes with a line that reads as one of the summary's own lines after them ('Fatalities (ACLED count)', "
    f"'Source scale', 'Id in the file', an added column's 'Name:'): marked {FROM_NOTES.strip()!r}, so that no count "
    "in the notes passes for ACLED's"
)
LABELS = ("Fatalities (ACLED count", "Source scale:", "Id in the file:")
_ASCII_START = re.compile(r"^[ \t]*(?:fatal|source|id\b)", re.MULTILINE | re.IGNORECASE)
_LINE = re.compile(r"^.*$", re.MULTILINE)


def labels_of(names: Iterable[str]) -> tuple[str, ...]:
    """The skeletons of the summary's own line openings, with those of the added columns ('population: ')."""
    return tuple(skeleton(label) for label in (*LABELS, *(f"{name}:" for name in names)))


OWN = labels_of(())


def may_pass(notes: str, labels: tuple[str, ...] = OWN) -> bool:
    """Whether any line of ``notes`` reads as one of the summary's own (cheap for plain ASCII notes)."""
    if notes.isascii() and labels == OWN and _ASCII_START.search(notes) is None and not _has_control(notes):
        return False
    return any(skeleton(line).startswith(labels) for line in notes.split("\n"))


def marked(notes: str, say: Callable[[], None], labels: tuple[str, ...] = OWN) -> str:
    """The notes, each line that reads as one of the summary's own marked as the notes' (``say`` called)."""
    if not may_pass(notes, labels):
        return notes
    say()

    def mark(line: re.Match[str]) -> str:
        text = line.group()
        return FROM_NOTES + text.lstrip(" \t") if skeleton(text).startswith(labels) else text

    return _LINE.sub(mark, notes)
