"""The explorer's commands in the palette (ctrl+p): go to an item, the accounts page, export the
view, the notebook's. Imported when the palette opens, not at start-up."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import CommandPalette

from ..core.interop.export_scope import Scope
from ..core.text import one_line, visible
from ..core.wording import count
from .commands import ActorProvider, EventProvider, GoToProvider, QuoteProvider
from .export_view import export_events

if TYPE_CHECKING:
    from .screens.explorer import ExplorerScreen

EXPORTS = (("markdown", "Markdown"), ("csv", "CSV"), ("timelinejs", "TimelineJS"))


def explorer_commands(screen: ExplorerScreen) -> Iterable[SystemCommand]:
    for provider, help_text in (
        (EventProvider, "Fuzzy-find an event by its title"),
        (ActorProvider, "Fuzzy-find an actor by name or alias"),
        (QuoteProvider, "Fuzzy-find a quote by its words"),
    ):
        label = f"Go to {provider.kind}…"
        yield SystemCommand(label, help_text, _opener(screen, provider, label))
    yield SystemCommand(
        "Accounts: who says what",
        "Every claim by the moment it is about: who makes it, the source, the certainty (key: w)",
        screen.action_accounts,
    )
    if screen.load_warnings:
        yield SystemCommand(
            "Warnings from opening the file",
            "Every warning the file's reading gave: rows skipped, dates guessed, text cut (key: !)",
            screen.action_warnings,
        )
    for fmt, label in EXPORTS:
        yield SystemCommand(
            f"Export view as {label}",
            "Write the events in the timeline (the filtered ones, if filtered) to a file here"
            + (", with your notebook's stars, tags and notes" if fmt == "markdown" else ""),
            lambda f=fmt: export_view(screen, f),
        )
    yield from screen.notebook_layer.notebook_commands()


def _opener(screen: ExplorerScreen, provider: type[GoToProvider], placeholder: str) -> Callable[[], None]:
    def open_palette() -> None:
        screen.app.push_screen(CommandPalette(providers=[provider], placeholder=placeholder))

    return open_palette


def export_view(screen: ExplorerScreen, fmt: str) -> None:
    """Write the timeline's current view to a new file in the working directory, and say where."""
    view, shown = screen.timeline_pane.view, screen.timeline_filter
    notes = screen.annotations if fmt == "markdown" and screen.annotations else None  # the case file
    scope = Scope(shown.query, len(screen.chronology.events), shown.hints, shown.prefix) if shown is not None else None
    written, error, gaps = export_events(screen.chronology, fmt, Path.cwd(), [e.id for e in view], notes, scope)
    if error is not None:
        screen.notify(error, severity="error", markup=False)
        return
    exported = count(len(view), "event")
    if scope is not None:
        exported += f" of {len(screen.chronology.events):,} (a filtered view: {one_line(visible(scope.query))!r})"
    if notes is not None:
        from ..core.interop.markdown_export import notebook_words

        exported += f" with your notebook: {notebook_words(screen.chronology, list(view), notes)}"
    said = f"Exported {exported} to {written}" + (f"\n{gaps[:1].upper()}{gaps[1:]}" if gaps else "")
    screen.notify(said, title="Export", markup=False, timeout=15 if gaps else 10)
