"""Lowercase slug ids ('oscar-perez') made from any text, unique within a dataset."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 120  # the model's limit
_APOSTROPHES = re.compile(r"['’ʼ]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, limit: int = 60) -> str:
    """'Euclid's <Optica>, 300 BCE' -> 'euclids-optica-300-bce'; '' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", _APOSTROPHES.sub("", ascii_text.lower())).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut  # whole words where possible
    return slug.strip("-")


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
