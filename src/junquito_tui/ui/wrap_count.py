"""How many lines Textual wraps a row into, counted without building the lines.

Textual wraps Content with rich's ``divide_line`` (words, then folding of words longer than the
width) and makes a Content per line; measuring 50,000 quote rows that way took seconds. For text
whose characters are all one cell wide (most text) the same rules are counted here with plain
lengths; anything else goes through ``divide_line`` itself. tests/test_rows.py checks both
against Textual's own ``Content.get_height``.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line
from rich.cells import _SINGLE_CELLS, cell_len

WORD = re.compile(r"\s*\S+\s*")  # rich's word: leading spaces, the word, trailing spaces
# rich's one-cell characters, plus the punctuation of quotes and bylines (— “ ” …), also one cell
ONE_CELL = _SINGLE_CELLS | frozenset(c for c in map(chr, range(0x2010, 0x205F)) if cell_len(c) == 1)


def line_count(text: str, width: int) -> int:
    """Lines of ``text`` (no newlines, no tabs) wrapped to ``width`` cells as Textual does."""
    if not ONE_CELL.issuperset(text):
        return 1 if cell_len(text) <= width else len(divide_line(text, width, fold=True)) + 1
    if len(text) <= width:
        return 1
    breaks = offset = 0
    for match in WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded into pieces of `width`; a break before each but at the start
            pieces = -(-len(word) // width)
            breaks += pieces if start else pieces - 1
            offset = len(word) - (pieces - 1) * width
        elif offset and start:
            breaks += 1
            offset = len(word)
    return breaks + 1
