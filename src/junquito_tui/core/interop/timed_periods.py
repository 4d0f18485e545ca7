"""Two days with their times in one cell ('03/02/2018 10:00 - 05/02/2018 11:00', '2018-01-15T10:00/2018-01-15T12:00',
'15 January 2018 10:00 to 16 January 2018 09:00'): the first with the second as its end, each to the minute.
Each was read as its year or month, approximate, or its row skipped: the days and times were given.

Each side is read as a cell of its own would be (``read``); the two must be days with a time, in one zone or
none, and one order of day and month (one showing it decides the other's, as in ``sheet_ranges``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace

from .sheet_clock import MIDNIGHT, MIDNIGHT_NOTE
from .sheet_date_values import Parsed, ordered

# Between the two: a dash or a word with spaces round it, an en or em dash, or ISO 8601's '/' before a year
_JOINT = re.compile(
    r"\s+(?:-|–|—|to|until|till|through|al|hasta|bis|au|à)\s+|\s*[–—]\s*|\s*/\s*(?=[+-]?\d{4}-\d)", re.IGNORECASE
)
_ORDERS = ("dmy", "mdy")
_LONGEST = 80  # characters: two days with their times and zones, written out ('15 September 2018 10:00 ...')
_JOINTS = 3  # places a cell is cut at, at most (a schedule in a date cell took a minute, each side cut again)
_INSIDE: ContextVar[bool] = ContextVar("timed_periods_inside", default=False)  # a side is read as one day


def read(text: str, read_one: Callable[[str], Parsed | str | None]) -> Parsed | str | None:
    """The period, a reason it is none (its end before its start), or None: not two timed days."""
    if not 2 <= text.count(":") <= 6 or len(text) > _LONGEST or _INSIDE.get():  # (most cells: no two times)
        return None
    token = _INSIDE.set(True)  # (each side is read without being cut again)
    try:
        for joint in list(_JOINT.finditer(text))[:_JOINTS]:
            first, last = read_one(text[: joint.start()].strip()), read_one(text[joint.end() :].strip())
            if _timed_day(first) and _timed_day(last):
                assert isinstance(first, Parsed) and isinstance(last, Parsed)
                return _period(text, _clocked(first, last), _clocked(last, first))
        return None
    finally:
        _INSIDE.reset(token)


def _clocked(parsed: Parsed, other: Parsed) -> Parsed:
    """A day whose midnight was dropped as a spreadsheet's (``sheet_clock.MIDNIGHT``) at 00:00 again beside a
    time: it is one ('2018-01-15 00:00 - 2018-01-15 06:00'); beside another midnight, the day it is."""
    if "hour" in parsed.parts or "hour" not in other.parts:
        return parsed
    note = "; ".join(part for part in (parsed.note or "").split("; ") if part != MIDNIGHT_NOTE) or None
    said = [one for one in parsed.said if one != MIDNIGHT]
    return replace(parsed, parts={**parsed.parts, "hour": 0, "minute": 0}, note=note, said=said, seconds=0.0)


def _timed_day(parsed: Parsed | str | None) -> bool:  # (a midnight: the day a spreadsheet gives)
    return (
        isinstance(parsed, Parsed)
        and "day" in parsed.parts
        and ("hour" in parsed.parts or MIDNIGHT in parsed.said)
        and not parsed.approximate
        and parsed.end is None
        and not parsed.month_only
        and not parsed.dotted
        and not parsed.shift
    )


def _period(text: str, first: Parsed, last: Parsed) -> Parsed | str | None:
    if first.offset != last.offset:  # (two zones: not read as one period here)
        return None
    shown = {one.order for one in (first, last) if one.order in _ORDERS}
    if len(shown) > 1:  # one day/month, the other month/day: no one writer's
        return None
    if shown:  # a day that could be either is read as the cell's other day shows
        (order,) = shown
        first, last = (replace(one, parts=ordered(one.parts, one.pair, order), pair=None) for one in (first, last))
    if first.pair is None and last.pair is None and _moment(last.parts) < _moment(first.parts):
        return "its end is before its start"
    # (one note for the period: the end's said as the end's, 'the file gives 12:00:00.250')
    ends = [f"its end: {last.note}"] if last.note and last.note != first.note else []
    notes = "; ".join([*([first.note] if first.note else []), *ends])
    return Parsed(
        first.parts, note=notes or None, end=last.parts, offset=first.offset, pair=first.pair, end_pair=last.pair,
        order=next(iter(shown), None), said=[*first.said, *last.said], seconds=first.seconds,
    )  # fmt: skip


def _moment(parts: dict[str, int]) -> tuple[int, ...]:
    return tuple(parts.get(name, 0) for name in ("year", "month", "day", "hour", "minute", "second"))
