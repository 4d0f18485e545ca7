"""Counts in words: '1 event', '2 events', '100,000 events' (no Textual here)."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` with its noun, singular where it is one; thousands separated."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
