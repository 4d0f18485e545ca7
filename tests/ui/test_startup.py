"""Start-up does only what the first frame needs, and leaves the process as it found it."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL
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
    "junquito_tui.core.cache",  # the dataset cache: imported to open a dataset, not with the code
    "msgspec",
    "xxhash",
    "junquito_tui.core.model",  # the contract: only to check a file (a dataset from the cache needs none)
    "pydantic",
    "pydantic_core",
    "webbrowser",  # only to open a source's address
    "zipfile",  # importlib.resources's, to find the bundled dataset: a path does it
)
# The explorer in a fresh process, headless, until its first frame; then what it imported. The
# whole start as the command line does it (`main`): reading the dataset, the app, the first frame.
OPEN_THE_EXPLORER = """
import json, sys
from textual.app import App

run = App.run
seen = {}


def headless(app, **kwargs):
    async def look(pilot):
        await pilot.pause()
        seen["events"] = len(app.chronology.events)
        await pilot.press("q")

    return run(app, headless=True, size=(120, 40), auto_pilot=look)


App.run = headless
from junquito_tui.cli import main

code = main(sys.argv[1:])
contract = [name for name in sys.modules if name.split(".")[0] in {"pydantic", "pydantic_core", "annotated_types",
            "typing_inspection"} or name == "junquito_tui.core.model"]
print(json.dumps({"code": code, "events": seen.get("events"), "contract": sorted(contract)}))
"""


def test_opening_the_explorer_imports_nothing_the_first_frame_does_not_need() -> None:
    code = "import sys, junquito_tui.cli, junquito_tui.ui.app; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(result.stdout.split())
    assert [name for name in DEFERRED if name in loaded] == []


def open_the_explorer(*args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", OPEN_THE_EXPLORER, *args], capture_output=True, text=True, timeout=120, check=True
    )
    found: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return found


@pytest.mark.parametrize("bundled", [True, False], ids=["bundled", "--data"])
def test_a_dataset_from_the_cache_opens_without_pydantic(bundled: bool, write: Callable[..., Path]) -> None:
    """Pydantic (about 120 ms of imports and schema building) is the contract for checking a file;
    a dataset already checked, read back from the cache, needs none of it: not even the bundled one."""
    args = [] if bundled else ["--data", str(write(MINIMAL))]
    expected = len(load_dataset(None if bundled else args[1]).events)
    first = open_the_explorer(*args)  # a miss: checked, then cached once the first frame is up
    assert first["code"] == 0 and first["events"] == expected
    assert "pydantic" in first["contract"]  # it was checked: the test would see pydantic
    again = open_the_explorer(*args)
    assert again == {"code": 0, "events": expected, "contract": []}


def test_a_file_that_changed_is_checked_again_with_every_rule(write: Callable[..., Path]) -> None:
    """The cache never stands in for a check of bytes it has not seen: after an edit, the file is
    checked again (pydantic and all) and a problem introduced by the edit is reported."""
    path = write(MINIMAL)
    assert open_the_explorer("--data", str(path))["contract"]
    assert open_the_explorer("--data", str(path))["contract"] == []
    document = json.loads(path.read_text(encoding="utf-8"))
    document["events"][0]["when"]["date"] = "2018-02-30"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", OPEN_THE_EXPLORER, "--data", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0  # the script's own; main's code is in the JSON
    assert json.loads(result.stdout.splitlines()[-1])["code"] == 2
    assert "events[0].when" in result.stderr and "does not exist" in result.stderr


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
