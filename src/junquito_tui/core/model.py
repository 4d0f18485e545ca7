"""The data contract: pydantic's reading of the records, to check a dataset and write its JSON Schema.

The fields, their limits and the rules across them are stated once, in ``records``; this module
is where pydantic comes in (importing it and building the schemas costs about 120 ms, which a
start from the cache never pays). ``DATASET`` validates a document into the records' own classes.
The classes here, of the same names, are the records checked on construction (``When(date=
"2017-02-29", ...)`` raises ``ValidationError``) for code that builds one from text it was given:
instances of a subclass, equal only to instances of the same class (dataclass equality), so compare
what they hold, not them with loaded records.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter
from pydantic.dataclasses import dataclass

from . import records
from .records import (
    DATE_MAX,
    LINE_MAX,
    MAX_ID,
    RELATION_WORDS,
    SCHEMA_VERSION,
    TEXT_MAX,
    URL_MAX,
    UTC_OFFSET,
    ZONE_LABEL_MAX,
    ActorKind,
    Certainty,
    Id,
    Line,
    OneLine,
    Passage,
    Precision,
    RelationType,
    SourceKind,
    Tag,
    Text,
    Url,
    parse_partial_date,
)

__all__ = [
    "DATASET",
    "DATE_MAX",
    "LINE_MAX",
    "MAX_ID",
    "RELATION_WORDS",
    "SCHEMA_VERSION",
    "TEXT_MAX",
    "URL_MAX",
    "UTC_OFFSET",
    "ZONE_LABEL_MAX",
    "Actor",
    "ActorKind",
    "Certainty",
    "Claim",
    "Dataset",
    "Event",
    "Id",
    "Line",
    "OneLine",
    "Participant",
    "Passage",
    "Precision",
    "Quote",
    "Relation",
    "RelationType",
    "Source",
    "SourceKind",
    "Tag",
    "Text",
    "Url",
    "When",
    "checked_when",
    "parse_partial_date",
]

# Validates a whole document (from Python objects or straight from JSON bytes) into the records,
# and writes the JSON schema: the model-level API that dataclasses lack.
DATASET = TypeAdapter(records.Dataset)
_WHEN = TypeAdapter(records.When)


def checked_when(**fields: Any) -> records.When:
    """A ``When`` from what a user or a file gave, checked as a dataset's are (``ValidationError``,
    a ``ValueError``, says why not): a record like every loaded one, unlike ``When(...)`` here."""
    return _WHEN.validate_python(fields)


# Checked on construction. No fields of their own: the records' fields, limits and rules, inherited.
# (The decorator is spelled out on each class so type checkers see dataclasses.)
@dataclass(frozen=True, slots=True, kw_only=True)
class When(records.When):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(records.Source):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation(records.Relation):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(records.Actor):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant(records.Participant):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(records.Claim):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(records.Event):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(records.Quote):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset(records.Dataset):
    pass
