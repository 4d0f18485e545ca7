"""Timesketch timelines (forensic super-timelines), as CSV or JSON lines: ``datetime, timestamp_desc,
message`` and any other columns, which are kept as the event's details.

The message is the title (its first line, cut at 120 characters) and, when longer, the summary;
``timestamp_desc`` ("Last Modified Time") and Timesketch's own ``tag`` list become tags.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..problems import Problem
from .sheet_events import Counts, Draft, RowEvents, cell_text
from .sheet_read import SheetError, Table, TwiceEncoded
from .sheets import Imported, Sheet

FILE_SOURCE = "timesketch-file"
KNOWN = frozenset({"datetime", "timestamp_desc", "message", "timestamp", "tag", "__ts_timeline_id"})
TITLE_LENGTH = 120


def convert(sheet: Sheet) -> dict[str, Any]:
    names = sheet.header.names
    records = (
        (where, {names[i]: cells[i] for i in range(min(len(names), len(cells))) if names[i]})
        for where, cells in sheet.rows()
    )
    return _convert(sheet, records)


def _convert(sheet: Sheet, records: Iterator[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    events = RowEvents(sheet.name, sheet.notes, sheet.dates, FILE_SOURCE, f"Timesketch timeline {sheet.name}")
    for where, record in records:
        draft = _draft(events, record, where)
        if draft is not None:
            events.drafts.append(draft)
    description = f"Converted from the Timesketch timeline {sheet.name}; other fields are kept in each summary."
    return events.finish(f"Timesketch: {sheet.stem}", description, sheet.counts)


def _draft(events: RowEvents, record: dict[str, Any], where: str) -> Draft | None:
    lowered = {str(key).lower(): value for key, value in record.items()}
    value = lowered.get("datetime")
    if not cell_text(value) and isinstance(lowered.get("timestamp"), int | float | str):
        value = _from_timestamp(lowered["timestamp"])
    start = events.dates.read(value, where)
    if start is None:
        if not cell_text(value):
            events.notes.add(where, "no datetime; row skipped")
        return None
    message = events.text(_plain(lowered.get("message")), where)
    first = " ".join(message.strip().split("\n", 1)[0].split())
    title = first if len(first) <= TITLE_LENGTH else first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    details = [
        f"{key}: {events.text(_plain(value), where)}"
        for key, value in record.items()
        if str(key).lower() not in KNOWN and cell_text(_plain(value))
    ]
    summary = [message] if message.strip() != title else []
    fields: dict[str, Any] = {"title": title or "Untitled row", "summary": events.summary(summary + details, where)}
    tags = [cell_text(lowered.get("timestamp_desc")), *_tag_list(lowered.get("tag"))]
    fields["tags"] = events.tags([t for t in tags if t], where)
    return Draft(where, fields, start)


def _plain(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def _from_timestamp(value: Any) -> str | None:
    """Timesketch's ``timestamp``: microseconds since 1970 (UTC)."""
    try:
        micro = int(float(value))
        return datetime.fromtimestamp(micro / 1_000_000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        return None


def _tag_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    text = cell_text(value)
    if text.startswith("["):
        try:
            parsed = ast.literal_eval(text)  # Timesketch writes Python-style lists: "['a', 'b']"
        except (ValueError, SyntaxError):
            parsed = None
        if isinstance(parsed, list):
            return [str(v) for v in parsed]
    return [t.strip() for t in text.split(",") if t.strip()]


def from_jsonl(path: Path) -> Imported:
    """A Timesketch JSON-lines export, streamed a line at a time."""
    table = Table(["datetime", "timestamp_desc", "message"], 0, iter(()), "line", twice=TwiceEncoded("line"))
    sheet = Sheet(path, table)
    document = _convert(sheet, _records(path, sheet.counts, sheet))
    return Imported(document, sheet.finish_notes(), sheet.counts.summary())


def _records(path: Path, counts: Counts, sheet: Sheet) -> Iterator[tuple[str, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig", errors="strict") as handle:
        number = 0
        try:
            for number, line in enumerate(handle, 1):  # number is read after the loop
                if not line.strip():
                    counts.empty += 1
                    continue
                counts.rows += 1
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as error:
                    sheet.notes.add(f"line {number}", f"not a JSON object ({getattr(error, 'msg', error)}); skipped")
                    continue
                if not isinstance(record, dict):
                    sheet.notes.add(f"line {number}", "not a JSON object; skipped")
                    continue
                yield f"line {number}", record
        except UnicodeDecodeError:
            raise SheetError(Problem("", "is not UTF-8 (JSON lines must be)", line=number + 1, column=1)) from None
