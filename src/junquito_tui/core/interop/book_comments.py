"""Cell comments (notes) a workbook holds: the reader gives the cells, not what is written beside them ('Unsure:
maybe the 16th' on a date), so they were lost without a word. Counted as the guard reads the parts
(``book_guard``, one pass), and said: they are not read, and a reader of the file can open them. XLSX keeps
them in ``xl/comments*.xml`` (and ``xl/threadedComments``), ODS in ``office:annotation`` elements of
``content.xml``; XLS and XLSB are not looked into (binary records)."""

from __future__ import annotations

import re

from ..wording import count

XLSX_PART = re.compile(r"xl/(?:[^/]+/)?(?:threaded)?comments?[^/]*\.xml", re.IGNORECASE)
_XLSX_COMMENT = re.compile(rb"<(?:[\w.-]+:)?(?:comment|threadedComment)\b")
_ODS_COMMENT = re.compile(rb"<office:annotation\b(?!-)")


def in_chunk(text: bytes, ods: bool) -> int:
    """The comments that start in a chunk of a part's XML (``book_guard.whole_tags``: no tag is cut)."""
    return len((_ODS_COMMENT if ods else _XLSX_COMMENT).findall(text))


def comments_said(found: int) -> list[str]:
    """A warning naming how many comments the workbook holds, or none."""
    if not found:
        return []
    which = "which is" if found == 1 else "which are"
    return [f"the workbook holds {count(found, 'cell comment')}, {which} not read: open it to see them"]
