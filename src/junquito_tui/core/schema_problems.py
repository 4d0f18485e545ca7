"""pydantic's validation errors as problems for people: located by JSON path, worded plainly,
with the closest allowed value for a misspelt one ('minite' -> did you mean 'minute'?), and
for a misspelt field name the field it was meant to be (one problem, not 'unknown' plus 'missing')."""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from typing import Any

from pydantic import ValidationError

from .integrity import closest
from .problems import Problem, json_kind, json_path
from .records import Dataset
from .text import text_problem

_QUOTED = re.compile(r"'([^']*)'")
_UNKNOWN = {"extra_forbidden", "unexpected_keyword_argument"}
_SHAPES = {
    "tuple_type": "a list",
    "list_type": "a list",
    "dataclass_type": "an object",
    "model_type": "an object",
    "dict_type": "an object",
}


def schema_problems(error: ValidationError) -> list[Problem]:
    errors = error.errors(include_url=False)
    missing = {(tuple(e["loc"][:-1]), e["loc"][-1]) for e in errors if e["type"] == "missing"}
    meant = _misspelt_fields(errors, missing)
    problems = []
    for item in errors:
        location = tuple(item["loc"])
        if item["type"] == "missing" and (location[:-1], location[-1]) in meant.values():
            continue  # said with the misspelt field that was meant to be it
        problems.append(Problem(json_path(location), _message(item, meant.get(location))))
    return problems


def _message(item: Any, meant: tuple[tuple[Any, ...], Any] | None) -> str:
    location, kind = list(item["loc"]), item["type"]
    message: str = item["msg"].removeprefix("Value error, ")
    if kind in _UNKNOWN:
        message = f"unknown field '{location[-1]}'"
        if meant is not None:
            message += f" (did you mean '{meant[1]}'? it is required)"
        elif guesses := closest(str(location[-1]), _fields_at(location[:-1]), limit=1):
            message += f" (did you mean '{guesses[0]}'?)"
    elif kind == "missing":
        message = f"missing required field '{location[-1]}'"
    elif kind in _SHAPES:  # (pydantic's words: 'a valid tuple', 'an instance of ItemRecord': a re-trial)
        message = f"should be {_SHAPES[kind]}, found {json_kind(item.get('input'))}"
    elif (worded := text_problem(item, location)) is not None:  # characters, line breaks, length
        message = worded
    elif kind == "enum" and isinstance(item.get("input"), str):
        message = f"{message} (got {_short(item['input'])}{_did_you_mean(item)})"
    elif kind not in {"value_error", "string_pattern_mismatch"} and "input" in item:
        message = f"{message} (got {_short(item['input'])})"
    elif kind == "string_pattern_mismatch" and location and location[-1] in {"id", "actor", "target"}:
        message = "an id must be a lowercase slug like 'oscar-perez'"
    elif kind == "string_pattern_mismatch" and location and location[-1] in {"created", "updated", "exported"}:
        like = "like '2026-12-07T22:35:14Z'"
        message = f"should be a time in UTC as a notebook export writes it, {like} (got {_short(item.get('input'))})"
    return message


def _misspelt_fields(errors: list[Any], missing: set[tuple[tuple[Any, ...], Any]]) -> dict[tuple[Any, ...], Any]:
    """Unknown field location -> (object, missing field) it is closest to, in the same object."""
    meant: dict[tuple[Any, ...], Any] = {}
    for item in errors:
        if item["type"] not in _UNKNOWN:
            continue
        parent, name = tuple(item["loc"][:-1]), str(item["loc"][-1])
        candidates = [field for where, field in missing if where == parent and (parent, field) not in meant.values()]
        if guesses := closest(name, candidates, limit=1):
            meant[tuple(item["loc"])] = (parent, guesses[0])
    return meant


def _fields_at(location: list[Any]) -> list[str]:
    """The field names of the object at ``location`` in a dataset ([] if it is not one of ours)."""
    record: Any = Dataset
    for part in location:
        if isinstance(part, int):
            continue
        found = next((f for f in dataclasses.fields(record) if _key(f) == part), None)
        if found is None:
            return []
        annotation = typing.get_type_hints(record)[found.name]
        record = next((t for t in _types(annotation) if dataclasses.is_dataclass(t)), None)
        if record is None:
            return []
    return [_key(f) for f in dataclasses.fields(record)]


def _key(field: dataclasses.Field[Any]) -> str:
    """A field's name in a file: its alias ('$schema') or its name."""
    return str(field.metadata.get("alias", field.name))


def _types(annotation: Any) -> list[Any]:
    """The classes inside ``When | None`` or ``tuple[Event, ...]``."""
    arguments = typing.get_args(annotation)
    return [annotation] if not arguments else [t for argument in arguments for t in _types(argument)]


def _did_you_mean(item: Any) -> str:
    """'; did you mean 'minute'?' for a value close to one the field allows ('' if none is)."""
    allowed = _QUOTED.findall(str(item.get("ctx", {}).get("expected", "")))
    guesses = closest(item["input"], allowed, limit=1)
    return f"; did you mean '{guesses[0]}'?" if guesses else ""


def _short(value: Any) -> str:
    if isinstance(value, str):
        value = value[:60]  # a 42 MB value is never copied whole into a message
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
