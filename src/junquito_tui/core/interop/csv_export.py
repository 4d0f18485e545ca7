"""A chronology as CSV for spreadsheets: one row per event, every cell quoted, CRLF line ends.

Dates are ISO 8601 cut to their precision (a clock time carries its UTC offset).
``after``/``before`` are the source's order (its words in ``order_note``); ``shown_after``/
``shown_before`` only a reading position; ``placement`` says which the row's place rests on.
Lists (actors, tags, sources, claims) are joined with '; '. In the actors and sources cells, which
the import splits back into items, an item's text escapes what would be read as structure: a
backslash goes before every '\\' and ';', before '(' and ')' in a role, before '<' and '>' in a
source's title or address, and before a blank at either end of a part (see ``list_part``).
The start's fields are ``start``, ``precision``, ``approximate``, ``date_note`` and ``zone_label``;
the end's ``end``, ``end_approximate``, ``end_note`` and ``end_zone_label`` (its precision is its
date's: the model allows no other). ``provenance`` holds the event's sources and claims whole, its
quotes and the actors its row names as the dataset describes them, as JSON, for the import
(``csv_provenance``); left empty where longer than ``CELL_MAX`` as written. The columns added after
``placement`` come last so that a reader that takes the columns by position still finds the older
ones where they were.

Spreadsheets read cells, not text. Every cell is quoted. A cell whose first visible character
would start a formula ('=', '+', '-', '@', or their full-width forms, after any spaces, no-break
spaces, line breaks or invisible characters), or that starts with a tab or carriage return, gets
a leading apostrophe, the spreadsheet convention for "this is text". So does such a formula
character right after a ';': in the locales where ';' separates cells (Spanish, French, German,
...) a spreadsheet opening this comma-separated file may start a new cell at any ';', quoted or
not; and right after a tab, where one asked to split at tabs too does the same. And so does every
date: a spreadsheet turns '2017-06' into 1 June 2017 (a precision the source never gave) and
'-0299-05-01' into a formula. Reading the file back, a cell is the text with those apostrophes and
no other change: an apostrophe the text already has where one would go
('=x' written as \'=x) gets one more, so that ``read_cell`` removes exactly what was added.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

from ..bounds import bound
from ..chronology import Chronology
from ..dates import ending, short_date
from ..placement import Placement, placement
from ..provenance import certainty_text
from ..records import Event, When
from ..timeline_rows import spans
from .csv_lists import ESCAPED, ROLE_ESCAPED, list_part
from .csv_provenance import CELL_MAX, claims_cell, provenance_cell, sources_cell
from .export_order import Listed, clock_order

EXCEL_CELL_MAX = 32_767  # characters a cell of Excel can hold (its specifications and limits)

COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "approximate",
    "title",
    "summary",
    "place",
    "actors",
    "tags",
    "certainty",
    "sources",
    "date_note",
    "after",
    "before",
    "claims",
    "order_note",
    "shown_after",
    "shown_before",
    "placement",
    # Added later, after every older column (see the module's docstring).
    "zone_label",
    "end_approximate",
    "end_note",
    "end_zone_label",
    "provenance",
)
ADDED_COLUMNS = COLUMNS[COLUMNS.index("zone_label") : -1]  # a file with them escapes its lists (``list_part``)
# A formula starts at '=', '+', '-', '@' (or their full-width forms) after any blank or invisible
# characters, and a double quote, which spreadsheets skip too.
_TRIGGERS = "=+\\-@\uff1d\uff0b\uff0d\uff20"
_BLANK = r"\s\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff" + '"'
# The start of the cell, and every ';': in a ';' locale a spreadsheet may start a new cell there.
# (and every tab: a spreadsheet asked to split at tabs too does so inside a quoted cell: a security trial)
_PART_START = re.compile(f"(^|[;\t])(?='*[{_BLANK}]*[{_TRIGGERS}])")
_MARKED_PART = re.compile(f"(^|[;\t])'(?='*[{_BLANK}]*[{_TRIGGERS}])")  # what _PART_START's marks look like
_CONTROL_START = re.compile(r"'*[\t\r]")
_ALWAYS_TEXT = ("start", "end")  # dates stay text, with their precision
_PROVENANCE = COLUMNS.index("provenance")
TEXT_MARK = "'"


def iso(when: When | None) -> str:
    """'2017-06', '2018-01-15T04:00-04:00'; '' for no date."""
    if when is None:
        return ""
    return when.date + (when.utc_offset or "") if when.precision == "minute" else when.date


def cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: an apostrophe at the start of the cell,
    and after any ';', where a formula could start; and at the start of a cell that starts with a
    tab or carriage return."""
    text = _PART_START.sub(lambda m: m.group(1) + TEXT_MARK, text)
    return TEXT_MARK + text if _CONTROL_START.match(text) else text


def _text_cell(text: str) -> str:
    return TEXT_MARK + text if text else text


def read_cell(text: str, column: str) -> str:
    """The inverse of what the export does to a cell of ``column``: the text as it was."""
    if column in _ALWAYS_TEXT:
        return text.removeprefix(TEXT_MARK)
    if text.startswith(TEXT_MARK) and _CONTROL_START.match(text, 1):
        text = text[1:]
    return _MARKED_PART.sub(lambda m: m.group(1), text)


@dataclass
class Written:
    """What writing the rows met, for the export's note (``export_gaps``): the events whose provenance cell
    is left empty (too long), and those with a cell longer than Excel holds."""

    emptied: list[str] = field(default_factory=list)
    long: list[str] = field(default_factory=list)


def to_csv(chronology: Chronology, events: list[Event], written: Written | None = None) -> str:
    """The events' rows; ``written``: given what writing them met."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    listed = Listed.of(events)
    for span in spans(events):
        for position, event in enumerate(span.events):
            untimed = span.untimed if position < span.untimed_count else ""
            order = "; ".join(clock_order(chronology, event, _ID, listed))
            row = _row(chronology, event, _placement(event, untimed, order))
            if written is not None and not row[_PROVENANCE]:
                written.emptied.append(event.id)
            if written is not None and max(map(len, row)) > EXCEL_CELL_MAX:
                written.long.append(event.id)
            writer.writerow(row)
    return out.getvalue()


_ID: Callable[[Event], str] = attrgetter("id")


def _placement(event: Event, untimed: str, clock: str = "") -> str:
    """What the row's place in the list rests on; for a day's untimed events, that their order is no claim; for a
    clock time, what ``_clock_order`` says; and for an end given only as a bound, that 'end' is no date of it
    either (a review)."""
    kind = placement(event)
    if kind is Placement.PERIOD and bound(event.when) is not None:  # (a user trial: its 'start' was read as its
        # date, 'known only to its day', where the file gives only a bound)
        said = f"given only as a bound, {short_date(event.when)}: 'start' is where it is listed, not a date of it"
    else:
        said = untimed.rstrip(":") if kind is Placement.PERIOD and untimed else kind.value
        said += f"; {clock}" if clock else ""
    if event.end is not None and bound(event.end) is not None:
        shown = ending(event.end, short_date(event.end))
        said += f"; the end given only as a bound, {shown}: 'end' is beside it, not a date of it"
    return said


def _row(chronology: Chronology, event: Event, place: str) -> list[str]:
    def name(actor_id: str) -> str:
        actor = chronology.actors.get(actor_id)
        return actor.name if actor else actor_id

    sources = chronology.sources
    start, end = event.when, event.end
    text = {
        "title": event.title,
        "summary": event.summary,
        "place": event.place or "",
        "actors": "; ".join(
            f"{list_part(name(p.actor), ESCAPED)} ({list_part(p.role, ROLE_ESCAPED)})" for p in event.actors
        ),
        "tags": "; ".join(event.tags),  # slugs: no ';', no blanks
        "sources": sources_cell(sources, event.sources),
        "date_note": (start.note or "") if start else "",
        "zone_label": (start.zone_label or "") if start else "",
        "end_note": (end.note or "") if end else "",
        "end_zone_label": (end.zone_label or "") if end else "",
        "claims": claims_cell(sources, name, event.claims),
        "provenance": provenance_cell(sources, chronology.actors, event, chronology.quotes_by_event.get(event.id, ())),
        "order_note": event.order_note or "",
        "placement": place,
    }
    values = {
        "id": event.id,
        "start": iso(event.when),
        "end": iso(event.end),
        "precision": event.when.precision.value if event.when else "",
        "approximate": "true" if start is not None and start.approximate else "false",
        "end_approximate": "" if end is None else "true" if end.approximate else "false",
        "certainty": certainty_text(event),  # 'confirmed (the file lists it, ...)': read back as such
        "after": event.after or "",
        "before": event.before or "",
        "shown_after": event.shown_after or "",
        "shown_before": event.shown_before or "",
        **text,
    }
    row = [_text_cell(values[c]) if c in _ALWAYS_TEXT else cell(values[c]) for c in COLUMNS]
    if len(row[_PROVENANCE]) > CELL_MAX:  # as written: a formula's mark after each '; =' makes it longer
        row[_PROVENANCE] = ""
    return row
