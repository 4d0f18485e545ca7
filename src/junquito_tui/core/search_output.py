"""Search results for the terminal or for machines, outside the UI."""

from __future__ import annotations

import json
import sys

from .dates import short_date
from .search import Hit, Results

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
    when = hit.doc.when
    return {
        "kind": hit.kind,
        "id": hit.id,
        "date": when.date if when else None,
        "precision": when.precision.value if when else None,
        "approximate": when.approximate if when else None,
        "title": hit.doc.title,
        "score": hit.score,
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.spans],
    }


def print_results(results: Results, *, as_json: bool) -> None:
    for hint in results.hints:
        print(f"hint: {hint}", file=sys.stderr)
    for hit in results.hits:
        if as_json:
            print(json.dumps(as_record(hit), ensure_ascii=False))
        else:
            date = short_date(hit.doc.when) if hit.doc.when or hit.kind in ("event", "quote") else ""
            print(f"{hit.kind:<7} {hit.id:<32} {date:<20} {hit.doc.title}")
            print(f"        {marked(hit)}")
    counts = ", ".join(f"{n:,} {kind}{'s' if n != 1 else ''}" for kind, n in results.counts.items())
    shown = f" ({len(results.hits):,} shown)" if len(results.hits) < results.total else ""
    print(f"{results.total:,} results{': ' + counts if counts else ''}{shown}", file=sys.stderr)
