"""A date filter's day against the UTC day the time axis draws: the hint counts every clock time, or period of
clock times, near the range's edges whose two days fall on two sides of it, and says where the count holds quotes
(a trial found one event on two days in two views, unsaid; a re-trial, periods left out and quotes counted as
events)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import validate_document
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.wording import count

OFFSETS = [-12 * 60, -9 * 60 - 30, -4 * 60, 0, 5 * 60 + 30, 14 * 60]
RANGES = {
    "date:2018-01-15": (dt.date(2018, 1, 15), dt.date(2018, 1, 15)),
    "date:2018-01-15..2018-01-16": (dt.date(2018, 1, 15), dt.date(2018, 1, 16)),
    "date:..2018-01-15": (dt.date.min, dt.date(2018, 1, 15)),
}


def offset_text(minutes: int) -> str:
    sign, value = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"{sign}{value // 60:02d}:{value % 60:02d}"


clock_times = st.tuples(
    st.integers(13, 17),  # the day
    st.integers(0, 23 * 60 + 59),  # the minute of the day
    st.sampled_from(OFFSETS),
    st.none() | st.tuples(st.integers(1, 20 * 60), st.sampled_from(OFFSETS)),  # a period: its length, its end's zone
    st.booleans(),  # matched by the word searched, or not
    st.booleans(),  # with a quote
)


def meets(first: dt.date, last: dt.date, range_first: dt.date, range_last: dt.date) -> bool:
    # (an end written on a day before its start's, in a zone west of it, is still after it: the period holds both
    # days, as the search reads it; the oracle took it backwards, a fuzz run found)
    first, last = min(first, last), max(first, last)
    return first <= range_last and range_first <= last


def kinds(events: int, quotes: int) -> str:
    return f" ({count(events, 'event')}, {count(quotes, 'quote')})" if quotes else ""


@settings(max_examples=150, deadline=None)
@given(st.lists(clock_times, min_size=1, max_size=10), st.sampled_from(sorted(RANGES)))
@example([(15, 0, 330, (1, -720), True, False)], "date:2018-01-15")  # an end written the day before its start
@example([(15, 0, -570, (1, -720), True, False)], "date:2018-01-15")
@example([(15, 0, 330, None, True, True)], "date:2018-01-15")  # with its quote
def test_the_hint_counts_each_clock_time_whose_utc_days_are_across_an_edge(
    times: list[tuple[int, int, int, tuple[int, int] | None, bool, bool]], query: str
) -> None:
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    out, into = [0, 0], [0, 0]  # (events, quotes)
    first, last = RANGES[query]
    for number, (day, minute, offset, period, word, quoted) in enumerate(times):
        local = dt.datetime(2018, 1, day) + dt.timedelta(minutes=minute)
        instant = local - dt.timedelta(minutes=offset)  # as UTC
        date = {"date": f"{local:%Y-%m-%dT%H:%M}", "precision": "minute", "utc_offset": offset_text(offset)}
        event: dict[str, Any] = {"id": f"e{number}", "title": f"event {number} " + ("word" if word else "other")}
        event |= {"when": date, "sources": ["s"]}
        written, utc = (local.date(), local.date()), (instant.date(), instant.date())
        if period is not None:
            length, end_offset = period
            end_instant = instant + dt.timedelta(minutes=length)
            end_local = end_instant + dt.timedelta(minutes=end_offset)
            event["end"] = {
                "date": f"{end_local:%Y-%m-%dT%H:%M}", "precision": "minute", "utc_offset": offset_text(end_offset),
            }  # fmt: skip
            written, utc = (local.date(), end_local.date()), (instant.date(), end_instant.date())
        events.append(event)
        if quoted:
            # (found by the word as its event is: a quote without it was no result, which the oracle counted)
            text = "said word" if word else "said other"
            quotes.append({"id": f"q{number}", "text": text, "event": f"e{number}", "source": "s"})
        in_written, in_utc = meets(*written, first, last), meets(*utc, first, last)
        for tally, holds in ((out, in_written and not in_utc), (into, not in_written and in_utc)):
            if word and holds:
                tally[0] += 1
                tally[1] += quoted
    document = {
        "schema_version": 1,
        "title": "T",
        "timezone": "UTC",
        "sources": [{"id": "s", "title": "S", "kind": "document"}],
        "events": events,
        "quotes": quotes,
    }
    results = SearchIndex(Chronology(validate_document(document, "utc.json"))).search(f"{query} word", typing=False)
    said = [hint for hint in results.hints if hint.startswith("in UTC")]
    if not sum(out) and not sum(into):
        assert said == []
        return
    (hint,) = said
    moved_out = f"{sum(out):,}{kinds(*out)} of them on another day"
    moved_in = f"{sum(into):,}{kinds(*into)} other{'s' if sum(into) != 1 else ''} on"
    assert (moved_out in hint) == bool(sum(out)), (hint, out)
    assert (moved_in in hint) == bool(sum(into)), (hint, into)


def test_the_bundled_raid_day_needs_no_such_hint() -> None:
    from junquito_tui.core.loader import load_dataset

    index = SearchIndex(Chronology(load_dataset()))
    assert not any(h.startswith("in UTC") for h in index.search("date:2018-01-15", typing=False).hints)
