"""Command palette providers: fuzzy 'Go to' over events, actors and quotes (the explorer's COMMANDS).

A chosen item is a ``Navigate`` posted to the screen the palette was opened from. Textual's
``Matcher.highlight`` parses its candidate as markup, so hits are highlighted here by hand on
a literal ``Content``.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Iterator
from typing import ClassVar, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..core.chronology import Chronology
from ..core.dates import period_date
from ..core.navigation import Kind, Location
from ..core.placement import listed_date
from ..core.provenance import certainty_prefix
from ..core.text import one_line
from .messages import Navigate
from .pages import preview
from .steady import steady


def hit_help(text: str) -> str:
    """A hit's help line, shown as written. Textual parses a help line as markup, but takes a ``Content`` as it is
    (``Content.from_markup``): a zone label '[b]VST[/b]' was shown '(b)VST(/b)', '[alleged]' '(alleged)', when
    brackets became parentheses (two trials)."""
    return cast(str, Content(text))  # (typed str by Textual, which draws a Content unparsed)


class GoToProvider(Provider):
    kind: ClassVar[Kind]

    def _items(self) -> Iterator[tuple[str, str, str]]:
        chronology: Chronology | None = getattr(self.screen, "chronology", None)
        return iter(()) if chronology is None else self.items(chronology)  # nothing while loading

    @abstractmethod
    def items(self, chronology: Chronology) -> Iterator[tuple[str, str, str]]:
        """(label, help, id) for every item of this kind; help is our own text, never data."""

    def _callback(self, item_id: str) -> Callable[[], None]:
        target = Location(self.kind, item_id)
        return lambda: self._navigate(target)

    def _navigate(self, target: Location) -> None:
        self.screen.post_message(Navigate(target))

    async def discover(self) -> Hits:
        for label, help_text, item_id in self._items():
            yield DiscoveryHit(steady(Content(label)), self._callback(item_id), text=label, help=hit_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        fuzzy = matcher.fuzzy_search
        for label, help_text, item_id in self._items():
            score = matcher.match(label)
            if score > 0:
                _, offsets = fuzzy.match(matcher.query, label)
                content = Content(label)
                for offset in offsets:
                    content = content.stylize("bold underline", offset, offset + 1)
                yield Hit(score, steady(content), self._callback(item_id), text=label, help=hit_help(help_text))


class EventProvider(GoToProvider):
    kind = "event"

    def items(self, chronology: Chronology) -> Iterator[tuple[str, str, str]]:
        shared = chronology.shared_periods  # ('time not given' beside a 04:00)
        for event in chronology.events:
            when = listed_date(event, shared, chronology.find)
            yield event.title, f"event · {certainty_prefix(event)}{when}", event.id


class ActorProvider(GoToProvider):
    kind = "actor"

    def items(self, chronology: Chronology) -> Iterator[tuple[str, str, str]]:
        for actor in chronology.dataset.actors:
            label = actor.name if not actor.aliases else f"{actor.name} ({', '.join(actor.aliases)})"
            yield label, f"actor · {actor.kind.value}", actor.id


class QuoteProvider(GoToProvider):
    kind = "quote"

    def items(self, chronology: Chronology) -> Iterator[tuple[str, str, str]]:
        """The quote and who said it (so 'maduro' finds his words too); nothing more for a quote without a speaker."""
        for quote in chronology.quote_order:
            speaker = chronology.actors[quote.speaker].name if quote.speaker else None
            label = preview(quote) + (f" — {speaker}" if speaker else "")
            event = chronology.event(quote.event)
            yield one_line(label), f"quote · {period_date(event.when, event.end)}", quote.id


class SavedSearchProvider(Provider):
    """'Search: NAME' for each search saved in the notebook: opens the search box with its query.
    A name and a query are the user's text (or a colleague's, imported): shown as literal Content,
    never given to the system commands, whose titles Textual parses as markup."""

    def _searches(self) -> list[tuple[str, str]]:
        from .screens.explorer import ExplorerScreen  # here: the explorer imports this module late

        screen = self.screen
        session = screen.notebook_layer.notebook if isinstance(screen, ExplorerScreen) else None
        searches = session.searches if session is not None else ()
        return [(f"Search: {one_line(s.name)}", s.query) for s in searches]

    def _callback(self, query: str) -> Callable[[], None]:
        return lambda: self.screen.search_for(query)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for label, query in self._searches():
            yield DiscoveryHit(
                Content(label), self._callback(query), text=label, help=hit_help(f"Saved search: {query}")
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, saved in self._searches():
            score = matcher.match(label)
            if score > 0:
                _, offsets = matcher.fuzzy_search.match(matcher.query, label)
                content = Content(label)
                for offset in offsets:
                    content = content.stylize("bold underline", offset, offset + 1)
                help_text = hit_help(f"Saved search: {saved}")
                yield Hit(score, content, self._callback(saved), text=label, help=help_text)
