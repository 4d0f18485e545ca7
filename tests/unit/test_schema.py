"""The published JSON Schema is generated from the models and must not go stale."""

from __future__ import annotations

import json

from conftest import BUNDLED, REPO
from junquito_tui.cli import json_schema


def test_schema_file_is_current() -> None:
    published = json.loads((REPO / "schema" / "events.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate with: junquito-tui schema > schema/events.schema.json"


def test_bundled_dataset_points_at_the_schema() -> None:
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    assert data["$schema"] == "../schema/events.schema.json"
    assert (BUNDLED.parent / data["$schema"]).resolve() == (REPO / "schema" / "events.schema.json").resolve()
