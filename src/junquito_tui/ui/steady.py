"""Content drawn at the width Rich measures it: without the characters terminals draw differently.

Rich 15 measures an emoji ZWJ sequence as its first emoji and a skin-tone modifier as no cell;
terminals that draw the parts one by one shift every border after it (``core.text.width_safe``
says which characters). Dataset text reaches the screen through rows and titles built as
``Content``; this removes those characters there, keeping every style on the characters left.
"""

from __future__ import annotations

from itertools import accumulate

from textual.content import Content, Span

from ..core.text import UNSTEADY


def steady(content: Content) -> Content:
    plain = content.plain
    if plain.isascii() or UNSTEADY.search(plain) is None:
        return content
    kept = [UNSTEADY.match(char) is None for char in plain]
    before = list(accumulate(kept, initial=0))  # characters kept before each offset
    text = "".join(char for char, keep in zip(plain, kept, strict=True) if keep)
    spans = [Span(before[span.start], before[span.end], span.style) for span in content.spans]
    return Content(text, [span for span in spans if span.end > span.start])
