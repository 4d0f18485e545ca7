"""Any other spreadsheet: an obvious date column and title column, or the ones ``--columns`` names.

One line says which column was used for what. Cells are plain text (never markup). Lists (actors,
tags, sources) are split on ';' (or on ',' when a cell has no ';'); a source that is an address
becomes a link. Columns not used are kept in each event's summary as 'Column: value'.
"""

from __future__ import annotations

import re
from typing import Any

from .fields import short
from .sheet_events import Draft, RowEvents, cell_text
from .sheet_layouts import generic_columns
from .sheet_read import Cell
from .sheets import Extras, Sheet

FILE_SOURCE = "sheet-file"
_SENTENCE = re.compile(r"(?<=[.!?])\s|\n")


def convert(sheet: Sheet) -> dict[str, Any]:
    chosen = generic_columns(sheet.header, sheet.spec)
    names = sheet.header.names
    extras = Extras.of(sheet, set(chosen.values()), "the columns used")
    used = ", ".join(f"{key} <- {names[position]!r}" for key, position in chosen.items())
    rest = [repr(names[p]) for p in extras.positions]
    sheet.notes.add(
        "",
        f"columns used: {used}"
        + (f"; kept in each event's summary: {', '.join(rest)}" if rest else "")
        + ("" if sheet.spec and sheet.spec.fields else " (--columns date=COL,title=COL,... chooses others)"),
    )
    events = RowEvents(sheet.name, sheet.notes, sheet.dates, FILE_SOURCE, f"Spreadsheet {sheet.name}")
    for where, cells in sheet.rows():

        def cell(key: str, cells: list[Cell] = cells) -> Cell:
            position = chosen.get(key)
            return cells[position] if position is not None and position < len(cells) else None

        draft = _draft(events, cell, where, names[chosen["date"]], chosen.get("title") == chosen.get("summary"))
        if draft is not None:
            if details := extras.details(cells, where):
                draft.fields["summary"] = events.summary([draft.fields.get("summary", ""), *details], where)
            events.drafts.append(draft)
    extras.warn(unnamed_only=True)  # the named ones are in the 'columns used' line
    return events.finish(sheet.stem, "", sheet.counts)


def _draft(events: RowEvents, cell: Any, where: str, date_column: str, shared: bool) -> Draft | None:
    start = events.dates.read(cell("date"), where)
    if start is None:
        if not cell_text(cell("date")):
            events.notes.add(where, f"no date in {date_column!r}; row skipped")
        return None
    end = events.dates.read(cell("end"), where, "end date ignored")
    summary = events.summary([events.text(cell("summary"), where)], where)
    title = events.line(cell("title"), where)
    if shared or not title:
        title = _title(events, title or summary, where, shared)
    if shared and summary == title:
        summary = ""
    fields: dict[str, Any] = {"title": title}
    if summary:
        fields["summary"] = summary
    if place := events.line(cell("place"), where):
        fields["place"] = place
    actors = _split(events.text(cell("actors"), where))
    fields["actors"] = [{"actor": events.actors.take(name), "role": "named in the file"} for name in actors]
    fields["actors"] = list({p["actor"]: p for p in fields["actors"]}.values())
    fields["tags"] = events.tags(_split(events.text(cell("tags"), where)), where)
    fields["sources"] = events.sources(events.text(cell("source"), where), where)
    return Draft(where, fields, start, end, given_id=cell_text(cell("id")))


def _title(events: RowEvents, text: str, where: str, shared: bool) -> str:
    first = _SENTENCE.split(text.strip(), maxsplit=1)[0] if text.strip() else ""
    first = " ".join(first.split())
    if len(first) > 100:
        first = first[:99].rsplit(" ", 1)[0] + "…"
    if not first:
        events.notes.add(where, "no title and no description; titled 'Untitled row'")
        return "Untitled row"
    if not shared:
        events.notes.add(where, f"no title; titled {short(first)} from its description")
    return first


def _split(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [item.strip() for item in re.split(rf"\s*[{separator}\n|]\s*", text) if item.strip()]
