"""A regular expression compiled when first used. The date reader's rarer patterns (offsets, feasts) are
large alternations, 10-20 ms to compile at import in each process that reads a spreadsheet; the fast
reading of an ACLED export, whose dates are plain days, never asks for them."""

from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # (only for what the instance lacks: the pattern's methods)
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done at the first search, match or other use."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
