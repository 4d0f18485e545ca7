"""Shared helpers: a small valid dataset to mutate, and a way to write it to disk."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from junquito_tui.core.dates import MONTHS

if TYPE_CHECKING:  # the interface is imported where it is used: the core tests never load Textual
    from textual.app import App

    from junquito_tui.ui.app import JunquitoApp
    from junquito_tui.ui.screens.explorer import ExplorerScreen

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "events.json"
SEED = REPO.parent / "shared" / "seed" / "000_e3a7f4f610b4419a.txt"

MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "title": "Test chronology",
    "timezone": "America/Caracas",
    "sources": [{"id": "article", "title": "An article", "kind": "encyclopedia-article"}],
    "actors": [
        {"id": "oscar-perez", "name": "Óscar Pérez", "kind": "person", "relations": []},
        {
            "id": "group",
            "name": "His group",
            "kind": "group",
            "relations": [{"type": "leader-of", "target": "oscar-perez"}],
        },
    ],
    "events": [
        {
            "id": "first",
            "title": "First event",
            "when": {"date": "2017-06", "precision": "month", "approximate": True},
            "actors": [{"actor": "oscar-perez", "role": "subject"}],
            "sources": ["article"],
        },
        {
            "id": "second",
            "title": "Second event",
            "when": {"date": "2018-01-15T04:00", "precision": "minute", "utc_offset": "-04:00", "zone_label": "VST"},
            "actors": [{"actor": "group", "role": "target"}],
            "sources": ["article"],
            "certainty": "alleged",
            "claims": [{"by": ["oscar-perez"], "statement": "it happened", "source": "article"}],
        },
    ],
    "quotes": [
        {"id": "q1", "text": "We are ... here", "speaker": "oscar-perez", "event": "first", "source": "article"}
    ],
}


@pytest.fixture
def minimal() -> dict[str, Any]:
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write(obj_or_text_or_bytes, name='data.json') -> path."""

    def _write(content: Any, name: str = "data.json") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return _write


T = TypeVar("T")


def known(value: T | None) -> T:
    """``value``, which the test expects to be there (an event's ``when``, a selected item): a None fails
    the test here, where it would have failed on the attribute read, and mypy sees the narrowed type."""
    assert value is not None
    return value


# -- date cells, shared by the spreadsheet date tests --------------------------------------------
# form -> (the text of a day, the order --columns would state for it)
DAY_FORMS: dict[str, tuple[Callable[[dt.date], str], str | None]] = {
    "iso": (dt.date.isoformat, None),
    "day first": (lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}", "dmy"),
    "month first": (lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}", "mdy"),
    "dotted": (lambda d: f"{d.day}.{d.month}.{d.year}", "dmy"),
    "written": (lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}", None),
    "written, month first": (lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}", None),
}


def dates_by_title(path: Path) -> dict[str, tuple[str, bool, str | None]]:
    """Each event of the sheet at ``path``, by title: its date, whether approximate, its end's date."""
    from junquito_tui.core.loader import load_with_report

    found = {}
    for event in load_with_report(path).dataset.events:
        when = known(event.when)
        found[event.title] = (when.date, when.approximate, event.end.date if event.end else None)
    return found


# -- the app, shared by the interface tests ------------------------------------------------------
def make_app(path: Path | None = None, **kwargs: Any) -> JunquitoApp:
    """The explorer on the bundled dataset (or ``path``), with ``event_id=``/``actor_id=`` as on the command line."""
    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.loader import load_dataset
    from junquito_tui.ui.app import JunquitoApp

    kwargs.setdefault("data_path", path)  # its notebook is found from the file, as on the command line
    return JunquitoApp(Chronology(load_dataset(path)), **kwargs)


async def wait_for(pilot: Any, condition: Callable[[], bool], seconds: float = 10) -> None:
    """Until ``condition()`` holds (what a thread posts to the app), or fail after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


def explorer(app: App[Any]) -> ExplorerScreen:
    """The explorer screen on top of ``app`` (fails if another screen is on top)."""
    from junquito_tui.ui.screens.explorer import ExplorerScreen

    screen = app.screen
    assert isinstance(screen, ExplorerScreen)
    return screen


async def navigate(pilot: Any, target: Any) -> None:
    """A jump as every link, search result and palette command makes one: a Navigate message."""
    from junquito_tui.ui.messages import Navigate

    explorer(pilot.app).post_message(Navigate(target))
    await pilot.pause()


@pytest.fixture(autouse=True)
def _private_data_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Notebooks live in the user's data folder: every test gets its own, never the real one
    (platformdirs reads XDG_DATA_HOME; subprocesses inherit it)."""
    home = tmp_path_factory.mktemp("data-home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _private_cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The dataset cache lives in the user's cache folder: every test gets its own, never the real
    one (platformdirs reads XDG_CACHE_HOME; subprocesses inherit it)."""
    home = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home
