"""What the explorer's parts say to each other: one way to ask for a jump, and the timeline filter."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..core.navigation import Location


class Navigate(Message):
    """A jump the user asked for (a link, an axis click, a search result, the palette, a source page).

    Posted to the explorer screen, which records it in the history and shows the target: the one
    place where jumps are handled.
    """

    def __init__(self, target: Location) -> None:
        self.target = target
        super().__init__()


@dataclass(frozen=True)
class TimelineFilter:
    """The timeline narrowed to a search's matching events (``query`` as the user typed it)."""

    query: str
    event_ids: frozenset[str]
    hints: tuple[str, ...] = ()  # what the search said of events it left out: an export of the view says it too
    prefix: str | None = None  # the last word, read as the start of a word while typed: an export says so
