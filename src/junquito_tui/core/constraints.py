"""Field constraints the records carry and pydantic enforces, without importing pydantic to state them.

``records`` declares every field's limits with these markers (``Annotated[str, Chars(...)]``); a
program that only reads a dataset already checked (from the cache) never builds a schema, so never
imports pydantic (about 120 ms of start-up). When ``model`` builds the schema, pydantic calls each
marker's ``__get_pydantic_core_schema__`` (its documented hook for custom metadata), which sets the
very keys pydantic's own ``StringConstraints``, ``Strict`` and ``BeforeValidator`` set: the same
core schema, checked in Rust, and the same JSON Schema. ``Record`` does the same for a whole record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


@dataclass(frozen=True, slots=True)
class Chars:
    """A string's length and pattern (pydantic's ``StringConstraints``)."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema: dict[str, Any] = dict(handler(source))
        for name in ("min_length", "max_length", "pattern"):
            if (value := getattr(self, name)) is not None:
                schema[name] = value
        return schema


@dataclass(frozen=True, slots=True)
class Strict:
    """No lax conversion (``"true"`` or 1 for a boolean): pydantic's ``Strict``."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return {**handler(source), "strict": True}


@dataclass(frozen=True, slots=True)
class Before:
    """A check run on the raw value before the type's own: pydantic's ``BeforeValidator``."""

    function: Callable[[object], object]

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))


class Record:
    """The base of every record: how pydantic builds one's schema, when something asks it to.

    Two things pydantic's own dataclasses did, kept so that the JSON Schema and the order in which
    problems are reported stay as they were: fields declared with a description or an alias come
    first (pydantic marked them positional, ``kw_only=None``, and put those first), and a record's
    rules across fields (its ``_consistent``, raising ``ValueError``) run after its fields' checks,
    as ``model_validator(mode="after")`` ran them.
    """

    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        schema = handler(source)
        built = handler.resolve_ref_schema(schema)
        if built["type"] != "dataclass":  # a pydantic subclass's, built by this method already
            return schema
        described = {field.name for field in dataclasses.fields(cls) if field.metadata}  # type: ignore[arg-type]
        arguments: Any = built["schema"]
        arguments["fields"].sort(key=lambda field: field["name"] not in described)  # a stable sort
        rules: Callable[[Any], None] | None = getattr(cls, "_consistent", None)
        if rules is None:
            return schema

        def after(value: Any) -> Any:
            rules(value)
            return value

        return core_schema.no_info_after_validator_function(after, schema)
