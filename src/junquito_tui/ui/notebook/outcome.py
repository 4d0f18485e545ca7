"""What one notebook call did, carried back to the interface thread (see ``session``).

Kept apart from ``session`` so that the explorer can name it without importing the notebook
(SQLite, platformdirs: some 30 ms) before the first frame is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

if TYPE_CHECKING:
    from ...core.notebook import Item, Key, Notebook, Opened, SavedSearch, Snapshot


@dataclass(frozen=True)
class Outcome:
    """An item as it is now stored (``key`` and ``item``, None when nothing is left on it), or the
    whole notebook read again (``snapshot``); the saved searches; the notebook as opened; a line
    for the user; and what to do next with all that (``then``: open an editor on what was read)."""

    key: Key | None = None
    item: Item | None = None
    snapshot: Snapshot | None = None
    searches: tuple[SavedSearch, ...] | None = None
    opened: Opened | None = None
    say: str = ""
    title: str = "Notebook"
    severity: SeverityLevel = "information"
    timeout: float = 8.0  # seconds on screen
    then: Callable[[], object] | None = None  # run on the interface thread once the rest is taken in


Job = Callable[["Notebook"], Outcome]
