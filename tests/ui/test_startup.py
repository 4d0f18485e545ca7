"""Start-up does only what the first frame needs, and leaves the process as it found it."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.ui import app as app_module
from junquito_tui.ui.app import JunquitoApp

# Imported when first used (help, palette, search, a large load), never to open the explorer.
DEFERRED = (
    "textual.widgets._markdown",
    "markdown_it",
    "junquito_tui.ui.commands",
    "junquito_tui.core.search",
    "junquito_tui.ui.screens.loading",
    "junquito_tui.core.interop.timelinejs_import",
    "ctypes",  # only to give memory back after a large load
    "junquito_tui.core.notebook",  # opened in the background once the explorer is up
    "sqlite3",
    "rapidfuzz",  # suggestions and stemming: with the first search
    "Stemmer",
    "junquito_tui.core.cache",  # the dataset cache: only for files of 1 MB or more
    "msgspec",
    "xxhash",
)


def test_opening_the_explorer_imports_nothing_the_first_frame_does_not_need() -> None:
    code = "import sys, junquito_tui.cli, junquito_tui.ui.app; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(result.stdout.split())
    assert [name for name in DEFERRED if name in loaded] == []


class Probe(JunquitoApp):
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # a relative one would be read next to this file
    collector_on_at_mount: bool | None = None

    def on_mount(self) -> None:  # Textual also runs JunquitoApp.on_mount
        self.collector_on_at_mount = gc.isenabled()


async def test_collector_is_paused_while_the_interface_is_built_and_on_again_after() -> None:
    assert gc.isenabled()
    app = Probe(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.collector_on_at_mount is False
        assert gc.isenabled()
    assert gc.isenabled()


def test_collector_is_on_again_when_the_app_closes_before_its_first_frame() -> None:
    app = JunquitoApp(Chronology(load_dataset()))
    try:
        app.on_load()
        assert not gc.isenabled()
        app.on_unmount()  # no Ready came
        assert gc.isenabled()
    finally:
        gc.enable()
