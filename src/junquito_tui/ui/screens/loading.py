"""Opening a large dataset: progress on screen while a background thread reads and checks it.

The thread is a plain daemon thread rather than a Textual worker: worker threads
belong to an executor that the interpreter waits for at exit, so `q` during a
ten-second load would hang until the load finished. Messages carry everything
back to the app; the thread never touches a widget.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from ...core.cached_load import ordered, placing
from ...core.loader import DatasetError, load_with_report, read_nothing
from ...core.memory import collector_paused, freeze_loaded_objects
from ...core.problems import Problem

if TYPE_CHECKING:
    from ...core.cache import Save
    from ...core.cached_load import Opened
    from ...core.checking import Outcome
    from ...core.chronology import Chronology
    from ...core.interop.sheet_layouts import ColumnSpec
    from ...core.placing import Placing
    from ...core.quick_load import Early, Quick

# Seconds between progress messages: each redraws the screen, in the process whose core the reading needs
# (every 0.05 s: 22 frames in a 2-second load, 0.03 s of that core more than every 0.25 s)
REPORT_EVERY = 0.25


class LoadingScreen(Screen[None]):
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    class Progress(Message):
        def __init__(self, stage: str, fraction: float | None) -> None:
            self.stage = stage
            self.fraction = fraction
            super().__init__()

        def can_replace(self, message: Message) -> bool:
            # Only the latest stage matters: a queue of stale ones would lag the bar.
            return isinstance(message, LoadingScreen.Progress)

    class Loaded(Message):
        def __init__(
            self,
            chronology: Chronology,
            placing: Placing,
            warnings: list[str],
            save: Save | None = None,
            quick: Quick | None = None,
        ) -> None:
            self.chronology = chronology
            self.placing = placing  # the time axis's placement: done, or done after the first frame
            self.warnings = warnings
            self.save = save  # writes the dataset cache: to start once the explorer is on screen
            self.quick = quick  # a fast reading, its full check under way in another process
            super().__init__()

    class Checked(Message):
        """The full check of a dataset on screen has ended (posted to the app, from a thread)."""

        def __init__(self, outcome: Outcome) -> None:
            self.outcome = outcome
            super().__init__()

    class Failed(Message):
        def __init__(self, report: str) -> None:
            self.report = report
            super().__init__()

    def __init__(
        self,
        path: Path,
        max_bytes: int,
        columns: ColumnSpec | None = None,
        *,
        use_cache: bool = True,
        quick: bool = True,
        early: Early | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.max_bytes = max_bytes
        self.columns = columns  # --columns, for a spreadsheet
        self.use_cache = use_cache  # False: --no-cache
        self.quick = quick  # False: never the fast reading (checked, then shown)
        self.early = early  # started before the interface for this file (``check_at_once``)
        self._last_report = 0.0
        self._stage = "read"  # what the loading thread is doing, for the message if it fails

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(f"Loading {self.path}", id="loading-title", markup=False)
            yield ProgressBar(total=None, show_eta=False, id="loading-bar")
            yield Static("Starting", id="loading-stage", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        threading.Thread(target=self._load, name="load-dataset", daemon=True).start()

    def _load(self) -> None:
        """Every way this can end posts a message: a thread that died silently would leave the
        progress screen up forever, and `q` would then exit 0 as if nothing had gone wrong."""
        self._stage = "read"
        quick: Quick | None = None
        try:
            with collector_paused():  # all of this is new, long-lived and acyclic
                early, self.early = self.early, None  # for the first reading only
                loaded, save, quick = self._open(quick=self.quick, early=early)
                if (nothing := read_nothing(loaded, str(self.path))) is not None:  # (it opened on '0 events')
                    raise nothing
                chronology, placed = self._order(loaded, quick, save)
                if quick is not None and quick.pending is not None:
                    self._report("Checking the reading", None, force=True)
                    _ = chronology.timeline_rows  # drawn first thing: made while the other core checks
                    if not quick.vouch():  # it does not pass the fast reading's checks: the ordinary way
                        quick.check.stop()
                        loaded, save, quick = self._open(quick=False)
                        chronology, placed = self._order(loaded, None, save)
                warnings = loaded.warnings
                # The load's last step, with the collector still off: turned back on first, it walked
                # every object just made at the next allocation (~0.3 s of CPU at 100,000 events).
                freeze_loaded_objects()
        except DatasetError as error:
            if quick is not None:
                quick.check.stop()
            self.post_message(self.Failed(error.report()))
            return
        except BaseException as error:
            if quick is not None:
                quick.check.stop()
            detail = f"{type(error).__name__}: {error}"[:200]
            why = f"could not be {self._stage} ({detail})"
            if not isinstance(error, MemoryError):
                why += "; this is a bug in junquito-tui, please report it"
            self.post_message(self.Failed(DatasetError(str(self.path), [Problem("", why)]).report()))
            return
        self.post_message(self.Loaded(chronology, placed, warnings, save, quick))

    def _open(self, *, quick: bool, early: Early | None = None) -> tuple[Opened, Save | None, Quick | None]:
        from ...core.quick_load import open_dataset  # the thread's, not start-up's

        return open_dataset(
            self.path,
            max_bytes=self.max_bytes,
            progress=self._report,
            columns=self.columns,
            use_cache=self.use_cache,
            quick=quick,
            early=early,
        )

    def _order(self, loaded: Opened, quick: Quick | None, save: Save | None) -> tuple[Chronology, Placing]:
        """The chronology and its placement in time (for a large dataset, computed after the first
        frame, see ``Placing``). A fast reading that cannot be ordered is checked here, at once: its
        problems are the answer (a valid file that fails here is a bug)."""
        try:
            self._stage = "ordered"
            self._report(f"Ordering {len(loaded.dataset.events):,} events", None, force=True)
            chronology = ordered(loaded)  # from the cache when it holds the order
            self._stage = "placed in time"
            # the save keeps what was computed (after a fast reading, the check's save does)
            found = placing(loaded, chronology, save if quick is None else quick.save)
            if not found.worth_a_thread:
                self._report("Placing events in time", None, force=True)
                found.get()
            return chronology, found
        except Exception:
            if quick is None:
                raise
            quick.check.stop()
            load_with_report(self.path, max_bytes=self.max_bytes, thorough=True)  # raises with the problems
            raise

    def _report(self, stage: str, fraction: float | None, force: bool = False) -> None:
        now = time.monotonic()
        if force or fraction is None or now - self._last_report >= REPORT_EVERY:
            self._last_report = now
            self.post_message(self.Progress(stage, fraction))

    def on_loading_screen_progress(self, message: Progress) -> None:
        bar = self.query_one(ProgressBar)
        if message.fraction is None:
            bar.update(total=None)
        else:
            bar.update(total=100, progress=100 * message.fraction)
        self.query_one("#loading-stage", Static).update(message.stage)
