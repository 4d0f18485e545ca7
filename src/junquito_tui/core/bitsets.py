"""Sets of document numbers as Python ints: AND, OR, NOT and counting run in C (no Textual here)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import compress

_NONZERO = re.compile(rb"[^\x00]")
_BITS = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))
_ONE = re.compile("1")
_FLAGS = str.maketrans("01", "\0\1")


def to_bits(numbers: Iterable[int], size: int) -> int:
    flags = bytearray((size + 7) // 8)
    set_flags(flags, numbers)
    return int.from_bytes(flags, "little")


def set_flags(flags: bytearray, numbers: Iterable[int]) -> None:
    """Set the bits of ``numbers`` in ``flags`` (bit n: byte n // 8, bit n % 8; little-endian)."""
    for number in numbers:
        flags[number >> 3] |= 1 << (number & 7)


def span(low: int, high: int) -> int:
    """The numbers low <= n < high."""
    return ((1 << (high - low)) - 1) << low


def bits_in(bits: int, limit: int | None = None) -> Iterator[int]:
    """The members, ascending; a C-level scan skips the empty stretches."""
    if bits <= 0 or limit == 0:
        return
    raw = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    found = 0
    for match in _NONZERO.finditer(raw):
        base = match.start() * 8
        for bit in _BITS[raw[match.start()]]:
            yield base + bit
            found += 1
            if found == limit:
                return


def members(bits: int) -> list[int]:
    """All the members, ascending, found in C: by a regex over the binary digits, or for dense
    sets (where one match object per member costs more) by ``compress`` over them."""
    if bits <= 0:
        return []
    digits = format(bits, "b")[::-1]
    if bits.bit_count() * 4 < len(digits):
        return [match.start() for match in _ONE.finditer(digits)]
    return list(compress(range(len(digits)), digits.translate(_FLAGS).encode()))


class Ordered:
    """Documents sorted by a key, answering 'every document with key <= k' as a bitset.

    Bitsets of the first 0, STEP, 2*STEP, ... documents in key order are kept, so an
    answer costs one of them plus at most STEP single-bit additions.
    """

    STEP = 512

    def __init__(self, keys: array[int], docs: array[int], size: int) -> None:
        """``docs[i]`` has the key ``keys[i]``; ``docs`` ascending, so that equal keys keep their
        documents in number order. Two arrays, not (key, document) tuples: 100,000 pairs of tuples
        were ~20 MB at the peak of the index's build."""
        order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: ties stay ascending
        self._keys = array("q", map(keys.__getitem__, order))
        self._docs = array("i", map(docs.__getitem__, order))
        del order
        flags = bytearray((size + 7) // 8)
        self._checkpoints = [0]
        for index, number in enumerate(self._docs, 1):
            flags[number >> 3] |= 1 << (number & 7)
            if index % self.STEP == 0:
                self._checkpoints.append(int.from_bytes(flags, "little"))

    def at_most(self, key: int) -> int:
        count = bisect_right(self._keys, key)
        checkpoint = count // self.STEP
        bits = self._checkpoints[checkpoint]
        for number in self._docs[checkpoint * self.STEP : count]:
            bits |= 1 << number
        return bits

    def all(self) -> int:
        return self.at_most(self._keys[-1]) if self._keys else 0
