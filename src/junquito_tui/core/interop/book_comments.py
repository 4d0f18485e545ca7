"""Cell comments (notes) a workbook holds: the reader gives the cells, not what is written beside them ('Unsure:
maybe the 16th' on a date), so they were lost without a word. Counted from the file's parts, and said: they
are not read, and a reader of the file can open them. XLSX keeps them in ``xl/comments*.xml`` (and
``xl/threadedComments``), ODS in ``office:annotation`` elements of ``content.xml``; XLS and XLSB are not looked
into (binary records)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..wording import count

_XLSX_PART = re.compile(r"xl/(?:[^/]+/)?(?:threaded)?comments?[^/]*\.xml", re.IGNORECASE)
_XLSX_COMMENT = re.compile(rb"<(?:[\w.-]+:)?(?:comment|threadedComment)\b")
_ODS_COMMENT = re.compile(rb"<office:annotation\b(?!-)")
_CHUNK = 1 << 20


def comments_said(path: Path) -> list[str]:
    """A warning naming how many comments the workbook holds, or none."""
    try:
        with zipfile.ZipFile(path) as book:
            names = book.namelist()
            parts = [name for name in names if _XLSX_PART.fullmatch(name)]
            pattern = _XLSX_COMMENT
            if not parts and "content.xml" in names:
                parts, pattern = ["content.xml"], _ODS_COMMENT
            found = sum(_count(book, part, pattern) for part in parts)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return []  # (an XLS file, or one the reader has said what is wrong with)
    if not found:
        return []
    which = "which is" if found == 1 else "which are"
    return [f"the workbook holds {count(found, 'cell comment')}, {which} not read: open it to see them"]


def _count(book: zipfile.ZipFile, part: str, pattern: re.Pattern[bytes]) -> int:
    """Matches of ``pattern`` in the part, read a chunk at a time (a tag may straddle two: the tail carried)."""
    found, tail = 0, b""
    with book.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            cut = max(0, len(text) - 64)  # a tag's start in the last 64 bytes is counted with the next chunk
            found += sum(1 for match in pattern.finditer(text) if match.start() < cut)
            tail = text[cut:]
    return found + sum(1 for _ in pattern.finditer(tail))
