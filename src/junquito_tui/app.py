"""The Textual application: loads nothing itself, presents a validated chronology."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from .chronology import Chronology
from .commands import ActorProvider, EventProvider, GoToProvider, QuoteProvider
from .navigation import Location
from .screens.explorer import ExplorerScreen


class JunquitoApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {EventProvider, ActorProvider, QuoteProvider}
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(
        self,
        chronology: Chronology,
        *,
        event_id: str | None = None,
        actor_id: str | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.chronology = chronology
        self.load_warnings = list(warnings or [])
        self.title = chronology.dataset.title
        if actor_id is not None:
            self._start = Location("actor", actor_id)
        else:
            first = event_id or (chronology.events[0].id if chronology.events else None)
            self._start = Location("event", first) if first else Location("actor", "")

    def on_mount(self) -> None:
        if self.load_warnings:  # shown once, as text: they may quote the file's content
            shown = "\n".join(self.load_warnings[:8])
            more = len(self.load_warnings) - 8
            if more > 0:
                shown += f"\n… and {more} more (junquito-tui validate FILE lists them all)"
            self.notify(shown, title="Opened with warnings", severity="warning", timeout=15, markup=False)

    def get_default_screen(self) -> ExplorerScreen:
        return ExplorerScreen(self.chronology, self._start)

    @property
    def explorer(self) -> ExplorerScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    def goto(self, target: Location) -> None:
        self.explorer.goto(target)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for provider, help_text in (
            (EventProvider, "Fuzzy-find an event by its title"),
            (ActorProvider, "Fuzzy-find an actor by name or alias"),
            (QuoteProvider, "Fuzzy-find a quote by its words"),
        ):
            label = f"Go to {provider.kind}…"
            yield SystemCommand(label, help_text, lambda p=provider, t=label: self.open_go_to(p, t))

    def open_go_to(self, provider: type[GoToProvider], placeholder: str) -> None:
        self.push_screen(CommandPalette(providers=[provider], placeholder=placeholder))
