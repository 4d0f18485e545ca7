"""Giving memory back to the system after a large load (no Textual here).

Checking a large file builds a parse tree in pydantic-core and many short-lived
objects; once they are freed, glibc keeps the space in its heap, so the process
stays ~170 MB larger at 100,000 events than the data it keeps. ``malloc_trim``
returns that space. Elsewhere (not glibc) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
        return trim
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Return freed heap memory to the operating system, where the C library allows it."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def freeze_loaded_objects() -> None:
    """The loaded dataset lives as long as the app: keep the collector from re-walking it.

    No collection first: loading makes no cycles to speak of (5 unreachable objects at 100,000
    events), and a full pass over the new objects took 0.3 s of the load."""
    gc.freeze()
    release_free_memory()
