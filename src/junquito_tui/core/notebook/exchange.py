"""A notebook as a JSON document, to move it between machines or colleagues; and merging one in.

The document (``FORMAT``, version ``VERSION``)::

    {"format": "junquito-tui notebook", "version": 1, "exported": "2025-01-31T10:00:00.000Z",
     "dataset": {"title": "...", "sha256": "..."},
     "items": [{"kind": "event", "id": "raid-begins", "starred": true, "tags": ["key-moment"],
                "note": "Markdown text", "created": "...", "updated": "..."}],
     "searches": [{"name": "raid day", "query": "date:2018-01-15", "created": "...", "updated": "..."}]}

Merging never overwrites silently: a star is kept if either side has it; tags are the union;
notes follow ``merging.merge_note`` (both kept, with a conflict line, where they differ); a
saved search whose name is taken by a different query comes in under a new name. Everything a
merge changed or could not reconcile is reported.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass as model

from ..json_text import SURROGATE_ESCAPE, SURROGATE_SAID, with_surrogates
from ..problems import Problem, json_kind
from ..schema_problems import schema_problems
from ..text import SLUG, without_controls
from ..wording import count
from .items import MAX_ID, STAMP, Item, NotebookError, SavedSearch, clean_line, clean_note, normalize_tag, now
from .merging import merge_note
from .schema import KINDS
from .tables import read_item, read_searches

FORMAT = "junquito-tui notebook"
VERSION = 1
STRICT = ConfigDict(extra="forbid")
Kind = Literal["event", "actor", "quote", "source"]
ItemId = Annotated[str, StringConstraints(pattern=SLUG, max_length=MAX_ID)]
# A time as ``items.now`` writes it ('2026-12-07T22:35:14.123456Z'), or none: a received file's escapes in one were
# stored as they were (a security trial)
Stamp = Annotated[str, StringConstraints(pattern=f"^(?:{STAMP.pattern})?$")]
assert set(KINDS) == set(Kind.__args__)  # type: ignore[attr-defined]


@model(frozen=True, kw_only=True, config=STRICT)
class ItemRecord:
    kind: Kind
    id: ItemId
    starred: bool = False
    tags: tuple[str, ...] = ()
    note: str = ""
    created: Stamp = ""
    updated: Stamp = ""


@model(frozen=True, kw_only=True, config=STRICT)
class SearchRecord:
    name: str
    query: str
    created: Stamp = ""
    updated: Stamp = ""


@model(frozen=True, kw_only=True, config=STRICT)
class DatasetRecord:
    title: str = ""
    sha256: str = ""


@model(frozen=True, kw_only=True, config=STRICT)
class Document:
    format: Literal["junquito-tui notebook"]
    version: int = Field(ge=1)
    exported: Stamp = ""
    dataset: DatasetRecord = field(default_factory=DatasetRecord)
    items: tuple[ItemRecord, ...] = ()
    searches: tuple[SearchRecord, ...] = ()


DOCUMENT = TypeAdapter(Document)


class ExchangeError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.render("") for p in problems))


def export_document(items: list[Item], searches: list[SavedSearch], title: str = "", sha256: str = "") -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported": now(),
        "dataset": {"title": title, "sha256": sha256},
        "items": [
            {
                "kind": i.kind,
                "id": i.id,
                "starred": i.starred,
                "tags": list(i.tags),
                "note": i.note,
                "created": i.created,
                "updated": i.updated,
            }
            for i in sorted(items, key=lambda i: i.key)
        ],
        "searches": [{"name": s.name, "query": s.query, "created": s.created, "updated": s.updated} for s in searches],
    }
    # C1 controls and bidirectional or invisible marks escaped: JSON leaves them raw, and a terminal acts on U+009B
    # as on an escape (a re-trial found them from a received notebook on standard output)
    return _UNSEEN.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


_UNSEEN = re.compile("[\u0080-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]")


def read_document(text: str) -> Document:
    """The document in ``text``, or ``ExchangeError`` naming every problem with its JSON path."""
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExchangeError([Problem("", f"invalid JSON: {error.msg}", error.lineno, error.colno)]) from error
    except RecursionError:  # (a traceback, exit status 1: a security review)
        raise ExchangeError([Problem("", "is nested too deeply to be a notebook export")]) from None
    except ValueError as error:  # a number of more than 4,300 digits (a traceback: a re-trial)
        raise ExchangeError([Problem("", f"holds a number too long to read ({error})")]) from None
    # a note is the user's words: one holding half a character is refused where it is, never changed (it was a
    # traceback when written)
    if SURROGATE_ESCAPE.search(text) and (broken := with_surrogates(raw)[1]):
        raise ExchangeError([Problem(where, SURROGATE_SAID) for where in broken])
    if not isinstance(raw, dict):  # (pydantic's words were 'Input should be a dictionary or an instance of Document')
        found = f'is {json_kind(raw)}, not a notebook export (a JSON object with "format")'
        raise ExchangeError([Problem("", found)])
    if "format" not in raw and ("schema_version" in raw or "events" in raw):  # (ten 'unknown field' lines: a re-trial)
        raise ExchangeError([Problem("", "is a dataset file, not a notebook export (see 'notebook export')")])
    if isinstance(raw.get("version"), int) and raw["version"] > VERSION:
        message = f"written by a newer junquito-tui (notebook format {raw['version']}; this one reads {VERSION})"
        raise ExchangeError([Problem("version", message)])
    try:
        return DOCUMENT.validate_python(raw)
    except ValidationError as error:  # worded for people, as a dataset's are ('extra: Unexpected keyword argument')
        raise ExchangeError(schema_problems(error)) from error


@dataclass
class MergeReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    searches_added: int = 0
    conflicts: list[str] = field(default_factory=list)  # one line each: what differed, what was kept
    removed_controls: int = 0

    def summary(self) -> str:
        searches = count(self.searches_added, "saved search", "saved searches")
        conflicts = count(len(self.conflicts), "conflict")
        return f"{self.added} added, {self.updated} merged, {self.unchanged} unchanged, {searches} added, {conflicts}"


def merge_into(connection: sqlite3.Connection, document: Document, label: str) -> MergeReport:
    """Merge ``document`` inside the caller's transaction (all of it, or nothing)."""
    report = MergeReport()
    for record in document.items:
        _merge_item(connection, record, label, report)
    taken = {search.name: search.query for search in read_searches(connection)}
    for search in document.searches:
        _merge_search(connection, search, taken, report)
    return report


def _merge_item(connection: sqlite3.Connection, record: ItemRecord, label: str, report: MergeReport) -> None:
    key = (record.kind, record.id)
    where = f"{record.kind} {record.id}"
    note, removed = clean_note(record.note)
    report.removed_controls += removed
    tags = set()
    for tag in record.tags:
        try:
            tags.add(normalize_tag(tag))
        except NotebookError:
            report.conflicts.append(f"{where}: tag '{without_controls(tag)[0]}' has no letter or digit; left out")
    if not (record.starred or tags or note):
        report.unchanged += 1  # nothing on it: nothing to bring in
        return
    local = read_item(connection, key) or Item(*key)
    kept_note, conflict = merge_note(local.note, note, label)
    starred = local.starred or record.starred
    merged_tags = set(local.tags) | tags
    if conflict:
        report.conflicts.append(f"{where}: the notes differ; both kept, the imported one after a conflict line")
    if local.created and (local.note, local.starred, set(local.tags)) == (kept_note, starred, merged_tags):
        report.unchanged += 1
        return
    stamp = now()
    created = min(filter(None, (local.created, record.created)), default=stamp)
    connection.execute(
        "INSERT INTO items (kind, id, starred, note, created, updated) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, id) DO UPDATE SET starred = excluded.starred, note = excluded.note, "
        "created = excluded.created, updated = excluded.updated",
        (*key, int(starred), kept_note, created, stamp),
    )
    for tag in merged_tags - set(local.tags):
        connection.execute("INSERT OR IGNORE INTO item_tags (kind, id, tag) VALUES (?, ?, ?)", (*key, tag))
    if local.created:
        report.updated += 1
    else:
        report.added += 1


def _merge_search(
    connection: sqlite3.Connection, search: SearchRecord, taken: dict[str, str], report: MergeReport
) -> None:
    try:
        name, query = clean_line(search.name, "name"), clean_line(search.query, "query")
    except NotebookError as error:
        report.conflicts.append(f"{error}; left out")
        return
    if taken.get(name) == query:
        return
    if name in taken:
        original, number = name, 1
        while name in taken and taken[name] != query:
            name = f"{original} (imported{'' if number == 1 else f' {number}'})"
            number += 1
        if taken.get(name) == query:
            return  # imported under that name before: nothing new (a re-trial: a conflict said at every import)
        report.conflicts.append(f"saved search '{original}': a different query; imported as '{name}'")
    stamp = now()
    connection.execute(
        "INSERT INTO searches (name, query, created, updated) VALUES (?, ?, ?, ?)",
        (name, query, search.created or stamp, stamp),
    )
    taken[name] = query
    report.searches_added += 1
