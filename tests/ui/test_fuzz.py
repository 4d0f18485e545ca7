"""Property-based fuzzing of the loader and the app.

CI runs a bounded number of examples. For a long run by hand:
    HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop.timelinejs_import import is_timelinejs
from junquito_tui.core.loader import DatasetError, load_dataset, validate_document
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.widgets.links import LinkList
from junquito_tui.ui.widgets.timeline import Timeline
from strategies import valid_datasets

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
KEYS = ["schema_version", "title", "timezone", "sources", "actors", "events", "quotes", "id", "when", "date"]
datasetish = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), json_values, max_size=8)


@given(json_values | datasetish)
def test_any_json_value_is_loaded_or_explained(value: Any) -> None:
    try:
        validate_document(value, "fuzz.json")
    except DatasetError as error:
        assert error.problems and all(p.message for p in error.problems)


@given(st.binary(max_size=400))
def test_any_bytes_are_loaded_or_explained(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_bytes(raw)
        try:
            load_dataset(path)
        except DatasetError as error:
            assert error.report().startswith(str(path))


@given(valid_datasets())
def test_generated_valid_datasets_load(data: dict[str, Any]) -> None:
    dataset = validate_document(json.loads(json.dumps(data)), "generated.json")
    assert len(Chronology(dataset).events) == len(data["events"])


@settings(max_examples=int(os.environ.get("FUZZ_APP_EXAMPLES", "8")))
@given(valid_datasets())
async def test_the_app_renders_every_pane_for_generated_datasets(data: dict[str, Any]) -> None:
    app = JunquitoApp(Chronology(validate_document(data, "generated.json")))
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("j", "G", "2", "j", "3", "j", "4", "j", "slash", "a", "escape", "1", "right_square_bracket"):
            await pilot.press(key)
        await pilot.pause()
        for widget in (app.query_one(Timeline), *app.query(LinkList)):
            for y in range(widget.size.height):
                widget.render_line(y)
        assert app.is_running


def _outcome(load: Any) -> Any:
    try:
        return load()
    except DatasetError as error:
        return [str(problem.render("f")) for problem in error.problems]


@given(valid_datasets() | datasetish)
def test_reading_straight_from_bytes_agrees_with_parsing_first(value: Any) -> None:
    """The loader first asks pydantic-core to check the raw bytes (fast); whatever it accepts must
    be exactly what parsing with ``json`` and then validating accepts, and give the same dataset."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        assume(False)  # infinity has no JSON spelling: another test covers the file saying 'Infinity'
    assume(not is_timelinejs(value))  # converted, not validated as it is
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f"
        path.write_text(text, encoding="utf-8")
        assert _outcome(lambda: load_dataset(path)) == _outcome(lambda: validate_document(value, "f"))
