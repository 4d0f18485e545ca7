"""A date filter's day against the UTC day the time axis draws: the hint counts every clock time near the range's
edges whose two days fall on two sides of it (a trial found one event on two days in two views, unsaid)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import validate_document
from junquito_tui.core.search import SearchIndex

OFFSETS = [-12 * 60, -9 * 60 - 30, -4 * 60, 0, 5 * 60 + 30, 14 * 60]
RANGES = {
    "date:2018-01-15": (dt.date(2018, 1, 15), dt.date(2018, 1, 15)),
    "date:2018-01-15..2018-01-16": (
        dt.date(2018, 1, 15),
        dt.date(2018, 1, 16),
    ),
    "date:..2018-01-15": (dt.date.min, dt.date(2018, 1, 15)),
}


def offset_text(minutes: int) -> str:
    sign, value = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"{sign}{value // 60:02d}:{value % 60:02d}"


clock_times = st.tuples(
    st.integers(13, 17), st.integers(0, 23), st.integers(0, 59), st.sampled_from(OFFSETS), st.booleans()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(clock_times, min_size=1, max_size=12), st.sampled_from(sorted(RANGES)))
def test_the_hint_counts_each_clock_time_whose_utc_day_is_across_an_edge(
    times: list[tuple[int, int, int, int, bool]], query: str
) -> None:
    events: list[dict[str, Any]] = []
    out = into = 0
    first, last = RANGES[query]
    for number, (day, hour, minute, offset, other_word) in enumerate(times):
        local = dt.datetime(2018, 1, day, hour, minute)
        utc = (local - dt.timedelta(minutes=offset)).date()
        date = {"date": f"{local:%Y-%m-%dT%H:%M}", "precision": "minute", "utc_offset": offset_text(offset)}
        title = f"event {number} " + ("other" if other_word else "word")
        events.append({"id": f"e{number}", "title": title, "when": date, "sources": ["s"]})
        written_in, utc_in = first <= local.date() <= last, first <= utc <= last
        out += not other_word and written_in and not utc_in
        into += not other_word and not written_in and utc_in
    document = {
        "schema_version": 1,
        "title": "T",
        "timezone": "UTC",
        "sources": [{"id": "s", "title": "S", "kind": "document"}],
        "events": events,
    }
    results = SearchIndex(Chronology(validate_document(document, "utc.json"))).search(f"{query} word", typing=False)
    said = [hint for hint in results.hints if hint.startswith("in UTC")]
    if not out and not into:
        assert said == []
        return
    (hint,) = said
    assert (f"{out:,} of them on another day" in hint) == bool(out), hint
    assert (f"{into:,} other{'s' if into != 1 else ''} on" in hint) == bool(into), hint


def test_the_bundled_raid_day_needs_no_such_hint() -> None:
    from junquito_tui.core.loader import load_dataset

    index = SearchIndex(Chronology(load_dataset()))
    assert not any(h.startswith("in UTC") for h in index.search("date:2018-01-15", typing=False).hints)
