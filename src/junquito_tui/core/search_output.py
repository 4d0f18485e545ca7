"""Search results for the terminal or for machines, outside the UI.

Every printed field is one line (``one_line``): a title holding line breaks or tabs cannot draw a
fake result. JSON lines escape U+2028 and U+2029 too, which some readers take for line ends.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Container

from .bounds import bound
from .date_keys import iso_date
from .placement import Find, hit_date, listed_periods
from .provenance import certainty_prefix
from .records import Event, When
from .search import Hit, Results
from .suggest import did_you_mean
from .text import one_line, visible
from .wording import count

MARK_OPEN, MARK_CLOSE = "«", "»"


def marked(hit: Hit) -> str:
    """The snippet with matched words between « and », for plain-text output."""
    text, out, last = hit.snippet.text, [], 0
    for start, end in hit.snippet.spans:
        out += [text[last:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)


def as_record(hit: Hit) -> dict[str, object]:
    """One result for --json (a period's ``end``, or null; each date's ``note``, or null); a quote also has
    ``speaker``: {"id", "name"}, or null when it has none."""
    when, end = hit.doc.when, hit.doc.end
    record: dict[str, object] = {
        "kind": hit.kind,
        "id": hit.id,
        "date": when.date if when else None,
        "precision": when.precision.value if when else None,
        "approximate": when.approximate if when else None,
        "utc_offset": when.utc_offset if when else None,
        "note": when.note if when else None,  # what the date rests on: a zone or a day/month order assumed, say
        # a date given only as a bound ('before 15 January 2018'): 'date' is the day it sorts on, not its date
        "bound": _bound(when),
        # a period's end: what a date filter matched may lie anywhere in it
        "end": {"date": end.date, "precision": end.precision.value, "approximate": end.approximate}
        | {"utc_offset": end.utc_offset, "note": end.note, "bound": _bound(end)}
        if end
        else None,
        "title": hit.doc.title,
        "score": hit.score,
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.spans],
    }
    if isinstance(hit.doc.item, Event):  # (a script was not told an event was only alleged)
        record["certainty"] = hit.doc.item.certainty.value
    if hit.kind == "quote":
        record["speaker"] = {"id": hit.speaker.id, "name": hit.speaker.name} if hit.speaker else None
    return record


def _bound(when: When | None) -> dict[str, str] | None:
    """{'side': 'before', 'date': '2018-01-15'} (``bounds``), or None (a review: a script read 'date': '2018-01-14'
    where every view showed 'before 15 Jan 2018')."""
    if (given := bound(when)) is None:
        return None
    return {"side": given.side, "date": iso_date(given.parts)}


def json_line(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def title_line(hit: Hit, shared: Container[tuple[int, ...]] = (), find: Find | None = None) -> str:
    """Kind, id, date and title (a quote's with its speaker), on one line."""
    date = hit_date(hit, shared, find)
    title = hit.doc.title + (f" — {hit.speaker.name}" if hit.speaker else "")
    title = certainty_prefix(hit.doc.item) + title if isinstance(hit.doc.item, Event) else title  # ('[alleged] ')
    return f"{hit.kind:<7} {hit.id:<32} {date:<20} {one_line(title)}"


def summary(results: Results) -> str:
    counts = ", ".join(count(n, kind) for kind, n in results.counts.items())
    shown = f" ({len(results.hits):,} shown)" if len(results.hits) < results.total else ""
    total = results.total
    return f"{count(total, 'result')}{': ' + counts if counts else ''}{shown}"


def print_results(results: Results, *, as_json: bool, command: str = "search") -> None:
    """Hits on stdout; hints, problems and the summary on stderr (the query, typed by anyone, made visible)."""
    for problem in results.unresolved:
        print(f"junquito-tui: {command}: {one_line(visible(problem))}; nothing matches", file=sys.stderr)
    print_hints(results)
    shared = listed_periods(results)
    for hit in results.hits:
        if as_json:
            print(json_line(as_record(hit)))
        else:
            print(title_line(hit, shared, results.find))
            print(f"        {one_line(marked(hit))}")
    print(summary(results), file=sys.stderr)


def print_hints(results: Results) -> None:
    hints = [*results.hints, *([did_you_mean(results.suggestions)] if results.suggestions else [])]
    for hint in hints:
        print(f"hint: {one_line(visible(hint))}", file=sys.stderr)
