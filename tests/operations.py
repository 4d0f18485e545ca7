"""Counting work instead of timing it: timings on a shared machine are noise, line counts are not."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

PACKAGE = "junquito_tui"


def lines_run(work: Callable[[], Any]) -> int:
    """How many lines of junquito_tui's own code ``work()`` executes (library code is not counted,
    a call into C counts as one line): a deterministic measure of how the work grows."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if PACKAGE not in frame.f_code.co_filename:
            return None  # do not trace inside other code
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def growth(work: Callable[[int], Any], size: int) -> float:
    """How much more code runs for twice the input: about 2 when linear, 4 when quadratic."""
    return lines_run(lambda: work(2 * size)) / lines_run(lambda: work(size))
