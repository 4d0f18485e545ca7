"""The Textual application: presents a validated chronology, loading a large one in the background first."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen

from ..core.chronology import Chronology, missing_link
from ..core.citation import OpenedAs
from ..core.collector import CollectorPolicy
from ..core.navigation import Location
from ..core.text import one_line, slugify, terminal_safe
from ..core.wording import count
from .paste_guard import install as install_paste_guard
from .screens.explorer import ExplorerScreen

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.notifications import SeverityLevel

    from ..core.cache import Save
    from ..core.interop.sheet_layouts import ColumnSpec
    from ..core.placing import Placing
    from ..core.quick_load import Early, Quick
    from .screens.loading import LoadingScreen


TOAST_WARNINGS = 3  # warnings the toast at start shows: a toast taller than the screen lost its title
TOAST_WARNING = 160  # characters of each (the '!' page shows them whole)


class JunquitoApp(App[None]):
    CSS_PATH = "app.tcss"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def run(self, *args: Any, **kwargs: Any) -> None:
        install_paste_guard()  # the terminal's input is read through it: a paste is text, never key presses
        return super().run(*args, **kwargs)

    def __init__(
        self,
        chronology: Chronology | None = None,
        *,
        load: tuple[Path, int] | tuple[Path, int, ColumnSpec | None] | None = None,
        event_id: str | None = None,
        actor_id: str | None = None,
        quote_id: str | None = None,
        warnings: list[str] | None = None,
        data_path: str | Path | None = None,
        columns: ColumnSpec | None = None,
        notebook_file: str | Path | None = None,
        use_notebook: bool = True,
        use_cache: bool = True,
        save: Save | None = None,
        placing: Placing | None = None,
        early_check: Early | None = None,
    ) -> None:
        """Show ``chronology``, or ``load`` (path, max bytes[, --columns]) one in the background first.

        ``data_path`` is the dataset's file as the user gave it (None: the bundled one; with
        ``load``, its path): its notebook opens, or ``notebook_file`` (``--notebook``); ``columns``
        (``--columns``; with ``load``, its own), for the commands that reopen it.
        ``use_cache`` (False: ``--no-cache``) lets ``load`` read the dataset cache; ``save`` writes
        ``chronology`` to it, started once the first frame is on screen; ``placing`` places its events
        on the time axis (the cached placement, or computed once, shared with ``save``);
        ``early_check``: what ``quick_load.check_at_once`` started for ``load``'s file, before the app."""
        super().__init__()
        self.chronology = chronology
        self._load = load
        if data_path is None and load is not None:
            data_path = load[0]
        self._data_path = str(data_path) if data_path is not None else None
        columns = columns or (load[2] if load is not None and len(load) == 3 else None)
        self._opened = OpenedAs(self._data_path, str(columns) if columns else None)
        self._notebook_file = str(notebook_file) if notebook_file is not None else None
        self._use_notebook = use_notebook
        self._use_cache = use_cache
        self._save = save
        self._placing = placing
        self._early_check = early_check
        self._quick: Quick | None = None  # a dataset on screen whose full check is still running
        self._after_check: Callable[[], object] | None = None
        self._event_id, self._actor_id, self._quote_id = event_id, actor_id, quote_id
        self.load_warnings = list(warnings or [])
        self.load_error: str | None = None  # printed by the command line after the app has closed
        self._collector_paused = False
        self.collector = CollectorPolicy()  # no collection between a key and its frame (core/collector.py)
        if chronology is not None:
            self.title = chronology.dataset.title  # the terminal window's title; never shown as markup

    def on_load(self) -> None:
        # Building the interface makes tens of thousands of long-lived objects and next to no
        # garbage: a full collection in the middle of it is some 20 ms of wasted start-up
        # (bench/RESULTS.md). Collection resumes once the first frame is on screen. Not while a
        # large dataset loads: the loader decides about the collector there.
        if self.chronology is not None and gc.isenabled():
            gc.disable()
            self._collector_paused = True

    def on_mount(self) -> None:
        # A 16-colour terminal maps the theme's dim greys to black: the stylesheet draws borders
        # in ANSI colours there (app.tcss).
        self.set_class(self.console.color_system in ("standard", "windows"), "-sixteen-colours")
        if self.chronology is None:
            assert self._load is not None, "give the app a chronology or something to load"
            from .screens.loading import LoadingScreen

            # replaced by the explorer once loaded
            early, self._early_check = self._early_check, None
            self.push_screen(LoadingScreen(*self._load, use_cache=self._use_cache, early=early))
        self._show_warnings()

    def on_ready(self) -> None:  # Textual's Ready: the first frame is on screen
        self._resume_collector()
        self.collector.start()
        self.set_interval(0.5, self.collector.tick)  # full passes once the user pauses
        if self._save is not None:
            self._save.start()  # the cache is written in the background, never before the first frame

    def on_unmount(self) -> None:  # closed before its first frame: never leave the collector off
        self._resume_collector()
        if self._quick is not None:
            self._quick.check.stop()  # nobody will look at its answer
        self.collector.stop()

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def _show_warnings(self) -> None:
        if self.load_warnings:  # a few, as text (they may quote the file's content); '!' shows them all
            shown = "\n".join(one_line(w, TOAST_WARNING) for w in self.load_warnings[:TOAST_WARNINGS])
            shown += f"\n{count(len(self.load_warnings), 'warning')} in all: press ! to read them"
            self.notify(shown, title="Opened with warnings", severity="warning", timeout=15, markup=False)

    def get_default_screen(self) -> Screen[None]:
        return self._explorer(self.chronology, self._placing) if self.chronology is not None else Screen()

    def _explorer(self, chronology: Chronology, placing: Placing | None = None) -> ExplorerScreen:
        if self._actor_id is not None:
            start: Location | None = Location("actor", self._actor_id)
        elif self._quote_id is not None:
            start = Location("quote", self._quote_id)
        else:
            first = self._event_id or (chronology.events[0].id if chronology.events else None)
            start = Location("event", first) if first else None
        return ExplorerScreen(
            chronology,
            start,
            placing,
            opened=self._opened,
            notebook_file=self._notebook_file,
            use_notebook=self._use_notebook,
        )

    def on_loading_screen_loaded(self, message: LoadingScreen.Loaded) -> None:
        quick = message.quick
        problem = missing_link(message.chronology, self._event_id, self._actor_id, self._quote_id)
        if problem and quick is None:
            self._fail(problem)
            return
        if problem and quick is not None:  # the file's own problems, if any, say more than this one
            self._quick = quick
            self._await_check(quick, then=lambda: self._fail(problem))
            return
        self.chronology = message.chronology
        self.title = message.chronology.dataset.title
        explorer = self._explorer(message.chronology, message.placing)
        if quick is not None:
            explorer.set_reactive(ExplorerScreen.checking, True)  # marked on screen until the check says so
            self._quick = quick
            # Its answer is awaited once the explorer is drawn: a screen replaced while it mounts
            # would still run its handlers on a half-built tree.
            explorer.call_after_refresh(self._await_check, quick)
        self.switch_screen(explorer)
        if message.save is not None:
            explorer.call_after_refresh(message.save.start)  # once the explorer is drawn
        self.load_warnings = message.warnings
        self._show_warnings()

    def _await_check(self, quick: Quick, then: Callable[[], object] | None = None) -> None:
        from .screens.loading import LoadingScreen

        self._after_check = then
        waiter = threading.Thread(
            target=lambda: self.post_message(LoadingScreen.Checked(quick.check.wait())), name="await-check", daemon=True
        )
        waiter.start()

    def on_loading_screen_checked(self, message: LoadingScreen.Checked) -> None:
        """A dataset on screen is valid (marked so, and cached), or goes, replaced by its report."""
        quick, self._quick = self._quick, None
        outcome = message.outcome
        if quick is None:
            return
        quick.check.stop()  # ended already, but for a check whose answer came some other way
        if outcome.kind == "ok":
            if self._after_check is not None:
                self._after_check()
                return
            for screen in self.screen_stack:  # under a modal (help, search) as much as on top
                if isinstance(screen, ExplorerScreen):
                    screen.checking = False
            if quick.save is not None:
                quick.save.start()  # only now: the cache holds nothing that was not checked
            return
        self.chronology = None  # nothing of it is kept
        if outcome.kind in ("changed", "differs"):  # read it again, checked before it is shown
            from .screens.loading import LoadingScreen

            assert self._load is not None
            self.switch_screen(LoadingScreen(*self._load, use_cache=self._use_cache, quick=False))
            return
        self._fail(outcome.report or "the dataset could not be checked")

    def on_loading_screen_failed(self, message: LoadingScreen.Failed) -> None:
        self._fail(message.report)

    def _fail(self, report: str) -> None:
        self.load_error = report
        self.exit(return_code=2)

    def _handle_exception(self, error: Exception) -> None:
        # Closing (q) while the explorer is still being built: Textual then closes the widgets
        # left over in no particular order, so a pane's children can be gone before its on_mount,
        # a watcher or a resize handler runs, which then finds no child where it always has one.
        # The user asked to leave and nothing more is drawn: no traceback, no exit status 1.
        # (Textual's one place for a handler's exception; is_running is False from the shutdown on.)
        if isinstance(error, NoMatches) and not self.is_running:
            return
        super()._handle_exception(error)

    async def on_event(self, event: events.Event) -> None:
        # A key queued for a modal that has gone (two keys that close it, sent together) is
        # delivered only as the app closes, when no screen is left to route it to: Textual then
        # raises ScreenStackError. Such a key has nowhere to go; drop it.
        if isinstance(event, events.Key) and not self.screen_stack:
            return
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp):
            self.collector.input()  # until _display below has put its result on screen
        await super().on_event(event)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        # Textual calls this with each compositor update; the frame has gone to the terminal when
        # it returns. Overridden (it is private) because no public hook marks a frame written.
        super()._display(screen, renderable)
        if renderable is not None:
            self.collector.drawn()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        # Every toast (a widget's or a screen's come here) drawn as text, never markup: a message may name a file or
        # folder, whose name can hold a terminal's escapes (a security review: a toast wrote the clipboard, OSC 52)
        message, title = terminal_safe(message), terminal_safe(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ExplorerScreen):  # nothing to go to or export while loading
            yield from screen.system_commands()

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        # Textual names the file after the title and quotes its path in a toast as markup: a
        # dataset's title ('Chronology [a=b=c]') would be parsed there. A slug of it cannot be.
        if not filename:
            from textual._files import generate_datetime_filename

            filename = generate_datetime_filename(slugify(self.title) or "junquito-tui", ".svg", time_format)
        return super().deliver_screenshot(filename, path, time_format)
