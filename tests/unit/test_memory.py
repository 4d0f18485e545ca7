"""Memory given back after a load (glibc only: elsewhere release_free_memory does nothing)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from junquito_tui.core import memory


def resident_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1e6


@pytest.mark.skipif(memory._malloc_trim() is None or not Path("/proc/self/statm").exists(), reason="needs glibc")
def test_freed_heap_memory_goes_back_to_the_system() -> None:
    # Like a parse tree: many malloc'd blocks, a few of them kept (which pins the heap without a trim).
    blocks = [bytes(1200) + bytes([i % 256]) for i in range(80_000)]
    kept = blocks[::500]
    del blocks
    gc.collect()
    before = resident_mb()
    memory.release_free_memory()
    assert before - resident_mb() > 40
    assert len(kept) == 160
