"""Lowercase slug ids ('oscar-perez') made from any text, unique within a dataset."""

from __future__ import annotations

from ..model import MAX_ID
from ..text import SLUG_PATTERN, slugify

__all__ = ["MAX_ID", "SLUG_PATTERN", "IdAllocator", "slugify"]


class IdAllocator:
    """Hands out ids never handed out before: 'battle', then 'battle-2', 'battle-3'."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        wanted = wanted[:MAX_ID].strip("-") or "item"
        candidate, number = wanted, 1
        while candidate in self.used:
            number += 1
            suffix = f"-{number}"
            candidate = wanted[: MAX_ID - len(suffix)].strip("-") + suffix
        self.used.add(candidate)
        return candidate
