"""Whether a stated order contradicts the dates, and the periods dates are checked in.

Two linear passes over the order graph (``order_graph.date_conflicts``): by the day each date's
source gives, a clock time standing for its whole day; then between clock times by the instants they
name (00:00 at +14:00 on the 16th is 17 hours before 23:30 at -04:00 on the 15th: an order may put it
first, and not the other way round), whatever lies between them along the order. An approximate
date states no width, so it is checked with a margin either side (``MARGINS``; 04:10 after 'around
04:30' is no contradiction), said in the message when it counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .order_graph import DateConflict, DateKey, Graph, date_conflicts
from .records import DAY_END, When, instant

MARGINS = {"year": "a year", "month": "a month", "day": "a week", "minute": "an hour"}
Whens = Mapping[int, When | None]


def order_conflicts(graph: Graph, whens: Whens, topo: Sequence[int]) -> list[DateConflict]:
    """Dated nodes the order puts after one that starts later than they end, each named once. Three
    passes, so that no kind of date hides another (each compares with the latest start along the
    order): after a later date, by days; a date after a later clock time's day; and a clock time
    after a later one, by instants."""
    days = {node: by_day(when) for node, when in whens.items() if when is not None}
    clocks = {node for node, when in whens.items() if _clock(when)}
    moments = {node: _by_instant(whens[node]) for node in clocks}
    dates = {node: period for node, period in days.items() if node not in clocks}
    passes = [
        (dates, days),  # whose start bounds, whose end is checked
        ({node: period for node, period in days.items() if node in clocks}, dates),
        (moments, moments),
    ]
    found: dict[int, DateConflict] = {}
    for bounding, checked in passes:
        starts = {node: period[0] if (period := bounding.get(node)) else None for node in whens}
        ends = {node: period[1] if (period := checked.get(node)) else None for node in whens}
        for conflict in date_conflicts(graph, starts, ends, topo):
            found.setdefault(conflict.node, conflict)
    return sorted(found.values(), key=lambda conflict: conflict.node)


def _clock(when: When | None) -> bool:
    return when is not None and when.precision == "minute"


def _by_instant(when: When | None) -> tuple[DateKey, DateKey]:
    moment = instant(when) if when is not None else None
    assert when is not None and moment is not None  # a clock time
    hour = 60 * when.approximate
    return (moment - hour, 0, 0, 0), (moment + hour, 0, 0, 0)


def by_day(when: When) -> tuple[DateKey, DateKey]:
    """The period a date may stand for when an order is checked against it by days: its own (a
    clock time its whole day), or for an approximate one ``margin(when)`` either side (a clock time
    the day before and after)."""
    start, end = when.sort_key(), when.end_key()
    year, month, day, _ = start
    if when.precision == "minute":
        start, end = (year, month, day, -1), (year, month, day, DAY_END)
    if not when.approximate:
        return start, end
    reach = {"minute": 1, "day": 7}.get(when.precision)
    if reach is not None and (ordinal := _inside(when, reach)) is not None:
        before, after = dt.date.fromordinal(ordinal - reach), dt.date.fromordinal(ordinal + reach)
        return (before.year, before.month, before.day, -1), (after.year, after.month, after.day, DAY_END)
    if when.precision != "year":  # a month, or a day outside the calendar module's years: a month
        low = (year, month - 1) if month > 1 else (year - 1, 12)
        high = (year, month + 1) if month < 12 else (year + 1, 1)
        return (*low, 0, -1), (*high, 32, DAY_END)
    return (year - 1, 0, 0, -1), (year + 1, 13, 32, DAY_END)


def margin(when: When, *, against_clock: bool = True) -> str:
    """What an approximate date is allowed either side: a clock time an hour against another clock
    time, its day before and after against a date; a day outside the calendar module's years (BCE,
    past 9999) its month."""
    if when.precision == "minute" and not against_clock:
        return "a day" if _inside(when, 1) is not None else MARGINS["month"]
    if when.precision == "day" and _inside(when, 7) is None:
        return MARGINS["month"]
    return MARGINS[when.precision]


def margins_said(later: When, earlier: When) -> str:
    """', even allowing a month either side of an approximate date', for a conflict's message, or ''."""
    clocks = _clock(later) and _clock(earlier)
    said = [margin(w, against_clock=clocks) for w in (later, earlier) if w.approximate]
    margins = " and ".join(dict.fromkeys(said))
    return f", even allowing {margins} either side of an approximate date" if margins else ""


def _inside(when: When, reach: int) -> int | None:
    """The day's ordinal, if it and ``reach`` days either side are dates the calendar module can make."""
    year, month, day, _ = when.sort_key()
    if not 1 <= year <= 9999:
        return None
    ordinal = dt.date(year, month, day).toordinal()
    return ordinal if reach < ordinal <= dt.date.max.toordinal() - reach else None
