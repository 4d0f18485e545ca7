"""A fast reading of our JSON format into the model's classes, to show while the contract checks it.

msgspec decodes the bytes in C into structs that mirror the model, built from the model's own
fields and constraints (so nothing here restates the schema): the same field names, the alias
'$schema', the defaults, the enums, strict booleans and integers, and every string's length
limits and pattern, checked by Python's ``re`` (the patterns anchored with ``\\Z``, since ``$``
also matches before a final newline, and spelt for Python where Rust and Python differ). An
unknown field is an error, as in the model. The structs are then converted, in C again, into
the model's own dataclasses, and the model's own cross-field validators (``_consistent`` of
``When`` and ``Event``) and the whole-dataset checks (``check_integrity``) are run on them.

What this does not check, and the full check in another process does (``checking``): duplicate
keys, and whatever pydantic reads differently from msgspec. A file this refuses is simply read the
ordinary way (checked, then shown). Nothing here raises: ``read_fast`` answers None when in doubt.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, cast, get_args, get_origin

import msgspec

from . import records as model  # the runtime classes (plain dataclasses), which the contract validates into
from .integrity import check_integrity
from .json_text import UTF8_BOM
from .memory import collector_paused
from .records import Dataset
from .text import NO_CONTROL, ONE_LINE, SLUG

# The model's classes, leaves first: each struct is made after the structs its fields hold.
_CLASSES = (
    model.When,
    model.Source,
    model.Relation,
    model.Actor,
    model.Participant,
    model.Claim,
    model.Event,
    model.Quote,
    model.Dataset,
)

# Control characters (C0, DEL, C1) and the undrawable characters, as JSON text can carry them:
# raw (DEL, and C1, Hangul fillers and noncharacters in UTF-8) or escaped (\u0001, \u007F, \uFFFE,
# a surrogate pair for a noncharacter beyond the first plane). A file holding any of these takes
# the ordinary path, where they are reported; an escaped backslash before 'b' or 'u0001' is text, not
# an escape: not an alarm. The struct patterns refuse them too: this is a second, independent line.
_HEX = b"[0-9A-Fa-f]"
# Escapes are looked for only in a file with a backslash (a single alternation of every form took
# 2 s on 87 MB). Raw C0 controls are not looked for: JSON refuses them inside strings, and msgspec
# with it.
_ESCAPED = re.compile(
    rb"\\(?:[bfr]|u(?:00[01]"
    + _HEX
    + rb"|007[Ff]|00[89]"
    + _HEX
    + rb"|115[Ff]|1160|3164|202[AaBbCcDdEe]|206[6-9]|[Ff][Ff][Aa]0|[Ff][Dd][CcDdEe]"
    + _HEX
    + rb"|[Ff][Ff][Ff][EeFf]"
    + rb"|[Dd][89AaBb][37BbFf][Ff]\\u[Dd][Ff][Ff][EeFf]))"  # U+nFFFE/F: a high surrogate of 0x3F mod 0x40
)  # \b, \f, \r; \u of a control, a Hangul filler or a noncharacter (either case of hex digits)
# Raw sequences, by lead byte: a pattern runs only if its lead byte is in the file at all (``in``
# on bytes is memchr, a few ms for 87 MB; a pattern with a fixed first byte ~40 ms).
_RAW = (
    (b"\xc2", re.compile(rb"\xc2[\x80-\x9f]")),  # C1
    (b"\xe1", re.compile(rb"\xe1\x85[\x9f\xa0]")),  # Hangul fillers U+115F, U+1160
    (b"\xe3", re.compile(rb"\xe3\x85\xa4")),  # Hangul filler U+3164
    (b"\xe2", re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")),  # bidi controls U+202A-E, U+2066-9
    (b"\xef", re.compile(rb"\xef(?:\xbe\xa0|\xb7[\x90-\xaf]|\xbf[\xbe\xbf])")),  # U+FFA0, noncharacters
)
_PLANE_END = re.compile(rb"\xbf[\xbe\xbf](?<=[\xf0-\xf4][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf])")  # U+1FFFE ... U+10FFFF
_PLANE_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


def _starts_an_escape(raw: bytes, at: int) -> bool:
    """Whether the backslash at ``at`` begins an escape: it does unless an odd number of backslashes
    precede it (``\\\\b`` is a backslash and a 'b', not a backspace). Counted only where the pattern
    matched, so a file without such text pays nothing."""
    before = at
    while before > 0 and raw[before - 1] == 0x5C:
        before -= 1
    return (at - before) % 2 == 0


# C0 controls but tab and the line ends (a CSV's own), and DEL: deleted, to find whether there were any.
_C0 = bytes(b for b in [*range(0x20), 0x7F] if b not in b"\t\n\r")


def has_raw_control(raw: bytes) -> bool:
    """Whether ``raw`` (UTF-8 text other than JSON: a CSV file, a block of one) holds a control
    character as written (C0 but tab and line ends, DEL, C1) or one the model refuses as undrawable
    (fillers, bidirectional controls, noncharacters). A block ending inside a character is read
    with the next one's first three bytes by the caller."""
    if len(raw.translate(None, _C0)) != len(raw):
        return True
    if any(lead in raw and pattern.search(raw) for lead, pattern in _RAW):
        return True
    return any(lead in raw for lead in _PLANE_LEADS) and _PLANE_END.search(raw) is not None


def has_control_escape(raw: bytes) -> bool:
    """Whether ``raw`` (JSON text) may hold a character the model refuses as a control or undrawable."""
    if b"\x7f" in raw:  # DEL, raw
        return True
    if b"\\" in raw and any(_starts_an_escape(raw, found.start()) for found in _ESCAPED.finditer(raw)):
        return True
    if any(lead in raw and pattern.search(raw) for lead, pattern in _RAW):
        return True
    return any(lead in raw for lead in _PLANE_LEADS) and _PLANE_END.search(raw) is not None


# Patterns are not checked string by string (a Python ``re`` call per string was 1.1 s of 1.4 at
# 100,000 events), but in bulk or by what implies them: the controls and undrawable characters of
# the text patterns by ``has_control_escape`` in the bytes; ids and tags by ``slugs_ok`` on the ids
# the dataset defines (a reference must name one of them: ``check_integrity``); other patterns
# (the time zone: one string) as usual. What is left to the full check: line breaks in one-line
# fields, which draw over the next line until the check replaces the screen.
_BULK_PATTERNS = {NO_CONTROL, ONE_LINE, SLUG}
_SLUG_CHARACTERS = b"abcdefghijklmnopqrstuvwxyz0123456789-\n"


def _python_pattern(pattern: str) -> str | None:
    if pattern in _BULK_PATTERNS:
        return None
    # Python's '$' also matches before a final newline ('abc\n' would pass); Rust's does not.
    return pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern


def _meta(metadata: tuple[Any, ...]) -> msgspec.Meta | None:
    limits: dict[str, Any] = {}
    for item in metadata:
        for name in ("min_length", "max_length", "pattern"):
            value = getattr(item, name, None)
            if value is not None and name == "pattern":
                value = _python_pattern(value)
            if value is not None:
                limits[name] = value
    return msgspec.Meta(**limits) if limits else None


def slugs_ok(dataset: Dataset) -> bool:
    """Every id the dataset defines, and every tag, is a slug ('a-z0-9' words joined by single
    hyphens): checked on all of them joined, with string operations (a regular expression over the
    joined ids took four times as long)."""
    names = [
        *(item.id for section in (dataset.sources, dataset.actors, dataset.events, dataset.quotes) for item in section),
        *{tag for event in dataset.events for tag in event.tags},
    ]
    if not names:
        return True
    joined = "\n".join(names)
    return (
        joined.isascii()
        and not joined.encode("ascii").translate(None, _SLUG_CHARACTERS)  # in C: a tenth of set(joined)
        and joined.count("\n") == len(names) - 1  # no name holds the separator itself
        and not any(wrong in joined for wrong in ("--", "\n-", "-\n", "\n\n"))
        and not joined.startswith(("-", "\n"))
        and not joined.endswith(("-", "\n"))
        and joined != ""
    )


def _mirror(hint: Any, structs: dict[type, type]) -> Any:
    """The msgspec type for a field of the model's type ``hint``."""
    origin = get_origin(hint)
    if origin is Annotated:
        base, *metadata = get_args(hint)
        mirrored = _mirror(base, structs)
        meta = _meta(tuple(metadata))
        return Annotated[mirrored, meta] if meta is not None else mirrored
    if origin in (Union, types.UnionType):
        options = tuple(_mirror(option, structs) for option in get_args(hint))
        return Union[options]  # noqa: UP007 (a tuple of types, not an expression)
    if origin is tuple:
        item, _ = get_args(hint)
        return tuple[_mirror(item, structs), ...]  # type: ignore[misc]
    if origin is Literal or hint is type(None):
        return hint
    if isinstance(hint, type) and hint in structs:
        return structs[hint]
    if isinstance(hint, type) and issubclass(hint, (Enum, str, int, bool)):
        return hint
    raise TypeError(f"no mirror for {hint!r}")


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default_factory is not dataclasses.MISSING:
        return msgspec.field(default_factory=field.default_factory)
    return field.default


def _alias(field: dataclasses.Field[Any]) -> str | None:
    """The field's name in JSON ('$schema'), where it differs (the records keep it in the metadata)."""
    alias = field.metadata.get("alias")
    return alias if isinstance(alias, str) else None


@cache
def _structs() -> dict[type, type]:
    structs: dict[type, type] = {}
    for cls in _CLASSES:
        hints = typing.get_type_hints(cls, include_extras=True)
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for field in dataclasses.fields(cls):
            hint = _mirror(hints[field.name], structs)
            default = _default(field)
            fields.append((field.name, hint) if default is dataclasses.MISSING else (field.name, hint, default))
        rename = {f.name: alias for f in dataclasses.fields(cls) if (alias := _alias(f)) is not None}
        structs[cls] = msgspec.defstruct(
            f"Fast{cls.__name__}", fields, kw_only=True, forbid_unknown_fields=True, rename=rename or None, gc=False
        )
    return structs


@cache
def _decoder() -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(_structs()[Dataset])


def decode(raw: bytes) -> Any:
    """The mirror structs of ``raw``; ``msgspec.ValidationError`` or ``DecodeError`` if they cannot be."""
    return _decoder().decode(raw.removeprefix(UTF8_BOM))


_SECTIONS = {"sources": model.Source, "actors": model.Actor, "events": model.Event, "quotes": model.Quote}


def to_model(document: Any) -> Dataset:
    """The model's dataclasses, from the mirror structs (their fields read by name, in C), one section
    at a time, each section's structs let go of once converted (the strings are shared, not copied)."""
    sections = {}
    for name, cls in _SECTIONS.items():
        part = getattr(document, name)
        setattr(document, name, ())
        sections[name] = msgspec.convert(part, tuple[cls, ...], from_attributes=True)  # type: ignore[valid-type]
        del part
    dataset: Dataset = msgspec.convert(document, Dataset, from_attributes=True)
    for name, items in sections.items():
        object.__setattr__(dataset, name, items)  # frozen: how its own __init__ sets a field
    return dataset


def digest(dataset: Dataset) -> str:
    """A hash of the dataset's content (MessagePack of every field, in frames): equal datasets hash
    alike, so two readings can be compared without holding both in memory."""
    import xxhash

    encoder = msgspec.msgpack.Encoder()
    hasher = xxhash.xxh3_128()
    head = {f.name: getattr(dataset, f.name) for f in dataclasses.fields(dataset) if f.name not in _SECTIONS}
    hasher.update(encoder.encode(head))
    for name in _SECTIONS:
        items = getattr(dataset, name)
        hasher.update(encoder.encode(len(items)))
        for start in range(0, len(items), 2_000):
            hasher.update(encoder.encode(items[start : start + 2_000]))
    return hasher.hexdigest()


def consistent(dataset: Dataset) -> bool:
    """The model's own cross-field validators, run on the built objects: False if any refuses."""
    # The methods themselves (plain functions, or pydantic's wrappers of them): Any to the type checker.
    when_check = cast(Any, model.When)._consistent
    event_check = cast(Any, model.Event)._consistent
    try:
        for event in dataset.events:
            if event.when is not None:
                when_check(event.when)
            if event.end is not None:
                when_check(event.end)
            event_check(event)
    except ValueError:
        return False
    return True


def read_fast(raw: bytes) -> Dataset | None:
    """``raw`` as a dataset that passes every check made here, or None (then read it the ordinary way)."""
    structs = first_pass(raw)
    return None if structs is None else second_pass(structs)


def first_pass(raw: bytes) -> Any | None:
    """The byte scan and the decoding: the mirror structs, or None. ``raw`` is not needed after it."""
    if has_control_escape(raw):
        return None
    try:
        with collector_paused():
            return decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, RecursionError):
        return None


def second_pass(structs: Any) -> Dataset | None:
    """The model's classes built from the structs (which are emptied on the way), then checked."""
    dataset = built(structs)
    return dataset if dataset is not None and checks_pass(dataset) else None


def built(structs: Any) -> Dataset | None:
    """The model's classes built from the structs (emptied on the way), not yet checked across fields
    (``checks_pass``): what the app reads while the checking process makes those checks."""
    try:
        with collector_paused():
            return to_model(structs)
    except (msgspec.ValidationError, ValueError, TypeError, RecursionError):
        return None


def checks_pass(dataset: Dataset) -> bool:
    """The checks the fast reading makes on the built classes: the model's cross-field validators,
    ids and tags that are slugs, and the whole-dataset checks (``check_integrity``)."""
    if not consistent(dataset) or not slugs_ok(dataset):
        return False
    try:
        return not check_integrity(dataset)
    except (ValueError, KeyError, RecursionError):  # a date the validators let through that integrity cannot read
        return False
