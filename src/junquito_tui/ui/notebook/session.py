"""The notebook of the dataset on screen, for the interface: opened and changed off the interface
thread, seen by the panes as immutable snapshots.

Every notebook call runs in one writer thread of its own, in the order the user asked: opening
hashes the dataset file (half a second at 100,000 events) and a change may wait for another
instance's write lock (up to five seconds), and neither may freeze a key or delay the first frame.
One thread, so a star and an unstar pressed in quick succession are stored in that order. What a
call found comes back as a message to the screen (``Done``), which alone updates the snapshot the
panes and the search read.

The thread is a ``ThreadPoolExecutor``'s: the interpreter waits for it at exit, so a change asked
for just before `q` is committed, not dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from textual.message import Message
from textual.notifications import SeverityLevel

from ...core.chronology import Chronology, exists
from ...core.crashlog import failure_message
from ...core.notebook import (
    Access,
    Notebook,
    NotebookError,
    Opened,
    SavedSearch,
    Snapshot,
    open_for_dataset,
    start_new,
)
from .outcome import Job, Outcome

POLL_EVERY = 2.0  # seconds between looks for another instance's changes (a PRAGMA: microseconds)


class NotebookSession:
    """The screen's notebook. Reads (``snapshot``, ``searches``, ``opened``) are plain attributes
    the interface thread owns; ``run`` queues a job for the writer thread."""

    class Done(Message):
        def __init__(self, outcome: Outcome) -> None:
            self.outcome = outcome
            super().__init__()

    def __init__(
        self,
        chronology: Chronology,
        post: Callable[[Message], object],
        *,
        data_path: str | None = None,
        notebook_file: str | None = None,
    ) -> None:
        self.chronology = chronology
        self.data_path = data_path  # as the user gave it: its notebook is found from it
        self.notebook_file = notebook_file
        self.opened: Opened | None = None  # None while opening
        self.snapshot = Snapshot()
        self.searches: tuple[SavedSearch, ...] = ()
        self._post = post
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebook")
        self._closed = False

    # -- state ------------------------------------------------------------------------------------
    @property
    def writable(self) -> bool:
        return self.opened is not None and self.opened.writable

    @property
    def readable(self) -> bool:
        return self.opened is not None and self.opened.notebook is not None

    @property
    def why_not(self) -> str:
        """Why a change cannot be made now ('' when it can)."""
        if self.opened is None:
            return "The notebook is still opening: try again in a moment."
        return self.opened.reason if not self.opened.writable else ""

    def tag_counts(self) -> list[tuple[str, int]]:
        """Tags already used, most used first (as ``Notebook.tag_counts``, from the snapshot)."""
        counts = Counter(tag for _, tag in self.snapshot.tags())
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))

    def apply(self, outcome: Outcome) -> None:
        """Take in what a job found (on the interface thread, in the order the jobs ran)."""
        if outcome.opened is not None:
            self.opened = outcome.opened
        if outcome.snapshot is not None:
            self.snapshot = outcome.snapshot
        elif outcome.key is not None:
            self.snapshot = self.snapshot.with_item(outcome.key, outcome.item)
        if outcome.searches is not None:
            self.searches = outcome.searches

    # -- jobs ---------------------------------------------------------------------------------------
    def open(self) -> None:
        """Open the dataset's notebook (or the ``--notebook`` file) and read it."""
        self._submit(self._opening)

    def start_new(self) -> None:
        """Move a damaged notebook aside (kept) and start a new one at its place."""
        opened = self.opened
        if opened is None or not opened.damaged:
            return

        def job() -> Outcome:
            try:
                aside = start_new(opened.path)
            except NotebookError as error:
                return Outcome(say=str(error), severity="error")
            reopened = self._open_file(opened.path)
            say = f"The damaged notebook is kept as {aside}. A new one starts at {opened.path} with your next change."
            return replace(reopened, say=reopened.say or say)

        self._submit(job)

    def run(self, job: Job) -> None:
        """Run ``job`` on the open notebook, in the writer thread; a NotebookError becomes a line
        for the user, never a crash."""
        opened = self.opened
        if opened is None or opened.notebook is None:
            return
        notebook = opened.notebook

        def guarded() -> Outcome:
            try:
                return job(notebook)
            except NotebookError as error:
                return Outcome(say=str(error), title="Not saved", severity="error")

        self._submit(guarded)

    def poll(self) -> None:
        """Read the notebook again if another instance changed it (cheap: one PRAGMA)."""

        def job(notebook: Notebook) -> Outcome:
            if not notebook.changed_elsewhere():
                return Outcome()
            return Outcome(snapshot=notebook.snapshot(), searches=tuple(notebook.searches()))

        if self.readable:
            self.run(job)

    def close(self) -> None:
        """No more jobs; those queued still run (a change asked for is never dropped)."""
        self._closed = True
        self._executor.shutdown(wait=False)

    # -- the writer thread --------------------------------------------------------------------------
    def _submit(self, job: Callable[[], Outcome]) -> None:
        if self._closed:
            return

        def run() -> None:
            try:
                outcome = job()
            except Exception as error:  # a bug of ours: said on screen, the app goes on
                outcome = Outcome(say=failure_message("The notebook", error), severity="error")
            self._post(self.Done(outcome))

        self._executor.submit(run)

    def _opening(self) -> Outcome:
        try:
            opened = open_for_dataset(self.data_path, self.chronology.dataset, notebook_file=self.notebook_file)
        except Exception as error:  # a bug of ours, or a dataset file gone since it was loaded: notes off, said
            why = failure_message("Opening the notebook", error)
            opened = Opened(Path(self.notebook_file or "."), Access.OFF, f"{why}: notes are off for this session.")
        return self._with_gone(self._read(opened))

    def _open_file(self, path: Path) -> Outcome:
        opened = open_for_dataset(self.data_path, self.chronology.dataset, notebook_file=path)
        return self._with_gone(self._read(opened))

    def _with_gone(self, outcome: Outcome) -> Outcome:
        """Said on opening: items on ids this dataset does not have (a sheet's event ids hold its dates, so
        --columns order=dmy changes them). Before, their stars and notes vanished from the pages, unsaid
        but in the notebook's list (a user trial)."""
        chronology = self.chronology
        gone = sum(not exists(chronology, item.kind, item.id) for item in outcome.snapshot or ())
        if not gone:
            return outcome
        line = (
            f"{gone:,} of the notebook's items (stars, tags, notes) "
            f"{'are' if gone > 1 else 'is'} on an id this dataset does not have (an id changed, or the item was "
            "removed): kept in the notebook; b lists them."
        )
        severity: SeverityLevel = "warning" if outcome.severity == "information" else outcome.severity
        return replace(outcome, say=" ".join(filter(None, (outcome.say, line))), severity=severity, timeout=15)

    @staticmethod
    def _read(opened: Opened) -> Outcome:
        notebook = opened.notebook
        snapshot, searches = Snapshot(), tuple[SavedSearch, ...]()
        if notebook is not None:
            try:
                snapshot, searches = notebook.snapshot(), tuple(notebook.searches())
                notebook.changed_elsewhere()  # the baseline the polling compares with
            except NotebookError as error:
                notebook.close()
                opened = Opened(opened.path, Access.OFF, f"{error}: notes are off for this session.")
        severity: SeverityLevel = "information" if opened.access is Access.WRITABLE else "warning"
        say = opened.reason
        if opened.damaged:
            say += ' To keep it aside and start a new one: ctrl+p, "Start a new notebook".'
        return Outcome(opened=opened, snapshot=snapshot, searches=searches, say=say, severity=severity)
