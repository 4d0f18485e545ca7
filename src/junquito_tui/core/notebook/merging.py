"""What is kept when two versions of the same note meet: never one silently over the other.

Two versions meet when two instances edit the same note (the one saving second started from a
text that is no longer stored) and when a notebook is imported into one that already has a note
on the same item. Between two instances the text both started from is known: if only one side
changed it, that side's text is kept; if both changed it differently, both are kept, one after
the other, with a line saying where the second came from. An import has no such text: where one
version holds all of the other as whole lines (a note imported twice, one extended by new lines), it is
kept; where they differ otherwise, both are kept ("not authentic" holds "authentic", but not its lines).
"""

from __future__ import annotations


def conflict_line(label: str) -> str:
    return f"[Conflict: the note below was {label}; both versions are kept.]"


def merge_note(mine: str, theirs: str, label: str, base: str | None = None) -> tuple[str, bool]:
    """(the text to keep, whether it was a conflict).

    ``mine`` is being saved over ``theirs`` (what is stored now); ``base`` is the text ``mine``
    was edited from, when known. ``label`` says where ``theirs`` came from, for the conflict line.

    With ``base``: a side that did not change it gives way to the other silently; two sides that
    changed it differently are a conflict, whatever their texts (one holding the other is no
    exception: "not authentic" holds "authentic", and a deletion made on one side would be lost).
    Without ``base`` (an import): the version that holds all of the other as whole lines is kept.
    """
    if mine == theirs or (base is not None and theirs == base):
        return mine, False  # nobody else changed it
    if base is not None and mine == base:
        return theirs, False  # we changed nothing: keep theirs
    if not mine.strip() or not theirs.strip():
        # One side is empty. Keep the words; when we know this side emptied a note that the other
        # side changed meanwhile, that is a conflict worth saying.
        return (theirs if not mine.strip() else mine), base is not None
    # (a trial: a note within the other's words, 'authentic' in 'not authentic', gave way to it unsaid)
    if base is None and _holds_lines(mine, theirs):
        return mine, False  # ours already holds theirs (say, a notebook imported twice)
    if base is None and _holds_lines(theirs, mine):
        return theirs, False  # theirs extends ours by lines of its own
    return f"{mine.rstrip()}\n\n{conflict_line(label)}\n\n{theirs.strip(chr(10))}", True


def _holds_lines(text: str, other: str) -> bool:
    """Whether ``other`` is in ``text`` as whole lines: nothing of it changed in meaning by words beside it."""
    return f"\n{other.strip(chr(10))}\n" in f"\n{text}\n"
