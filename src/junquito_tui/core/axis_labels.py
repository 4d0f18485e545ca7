"""Words on the time axis: tick labels at calendar boundaries, and the length of a compressed gap.

A tick marks a calendar boundary (the first minute of a year, month, day, hour, ...):
its *mark* is the column holding that minute, drawn `╵`, and the label follows it, so
two labels side by side never read as one ('15 Jan 2018 06:00' would). Each label names
what the previous one did not: the first names the day and the year even at hour zooms
('15 Jan 2018 04:00'); a later one adds the year or the day only when it changes, so the
date is always on screen without repeating itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .axis_scale import DAY, HOUR, MINUTE, YEAR, Segment, civil_from_days, days_from_civil
from .dates import MONTHS, year_label

TICK_SPACING = 7  # columns between labels, at least, when choosing the unit
MARK = "╵"  # drawn in the marked column, just before the label


@dataclass(frozen=True)
class Tick:
    column: int  # the mark: the column holding ``time``; MARK is drawn here, the label just after
    label: str
    time: int  # the calendar boundary marked, in minutes

    @property
    def text(self) -> str:
        return MARK + self.label


def ticks(segments: Sequence[Segment], width: int) -> list[Tick]:
    """Labels at calendar boundaries, as dense as their width allows, never overlapping."""
    out: list[Tick] = []
    free_from = 0
    named: tuple[int | None, int | None] = (None, None)  # the year and the day already on screen
    for segment in segments:
        if segment.compressed:
            continue
        per_column = (segment.t1 - segment.t0) / segment.columns
        for t, unit in _boundaries(segment.t0, segment.t1, per_column):
            column = segment.column_of(t)
            if column < free_from:
                continue
            label, now_named = _label(t, unit, named)
            tick = Tick(column, label, t)
            if column + len(tick.text) <= width:
                out.append(tick)
                free_from, named = column + len(tick.text) + 1, now_named
    return out


def _label(t: int, unit: str, named: tuple[int | None, int | None]) -> tuple[str, tuple[int | None, int | None]]:
    day = t // DAY
    year, month, dom = civil_from_days(day)
    if unit == "years":
        return year_label(year), (year, None)
    if unit == "month":
        return (year_label(year) if month == 1 else f"{MONTHS[month - 1][:3]} {year_label(year)}"), (year, None)
    date = f"{dom} {MONTHS[month - 1][:3]}" + ("" if named[0] == year else f" {year_label(year)}")
    minute = t - day * DAY
    if unit == "day" or minute == 0:
        return date, (year, day)
    clock = f"{minute // 60:02d}:{minute % 60:02d}"
    return (clock if named[1] == day else f"{date} {clock}"), (year, day)


_UNITS = ((YEAR, "year"), (91 * DAY, "quarter"), (30 * DAY, "month"), (7 * DAY, "week"), (DAY, "day"),
          (6 * HOUR, "6h"), (HOUR, "hour"), (15, "15m"), (MINUTE * 5, "5m"), (MINUTE, "minute"))  # fmt: skip
_CLOCK_STEPS = {"6h": 6 * HOUR, "hour": HOUR, "15m": 15, "5m": 5, "minute": 1}


def _boundaries(t0: int, t1: int, per_column: float) -> Iterable[tuple[int, str]]:
    """(minute, kind) of each calendar boundary in [t0, t1): kind is years, month, day or clock."""
    # the finest unit whose labels stay at least about TICK_SPACING columns apart
    unit = next((name for length, name in reversed(_UNITS) if length / per_column >= TICK_SPACING), "years")
    day = t0 // DAY
    if unit == "years":
        yield from _years(t0, t1, per_column)
    elif unit in ("year", "quarter", "month"):
        year, month, _ = civil_from_days(day)
        step = {"year": 12, "quarter": 3, "month": 1}[unit]
        month = ((month - 1) // step) * step + 1
        while (t := days_from_civil(year, month, 1) * DAY) < t1:
            if t >= t0:
                yield t, "years" if unit == "year" else "month"
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    elif unit in ("week", "day"):
        for d in range(day, t1 // DAY + 1, 7 if unit == "week" else 1):
            if t0 <= d * DAY < t1:
                yield d * DAY, "day"
    else:
        step = _CLOCK_STEPS[unit]
        for t in range(-(-t0 // step) * step, t1, step):
            yield t, "clock"


def _years(t0: int, t1: int, per_column: float) -> Iterable[tuple[int, str]]:
    """Several years a step: 2, 5, 10, 20, 50, ... (cosmological spans too), round as people count."""
    step = _nice(per_column * TICK_SPACING / YEAR)
    first, last = civil_from_days(t0 // DAY)[0], civil_from_days(t1 // DAY)[0]
    # 500 BCE is astronomical year -499
    bce = range(1 - (-(-(1 - min(last, 0)) // step)) * step, first - 1, -step) if first <= 0 else range(0)
    ce = range(max(-(-max(first, 1) // step) * step, step), last + 1, step)
    for year in [*reversed(bce), *ce]:
        t = days_from_civil(year, 1, 1) * DAY
        if t0 <= t < t1:
            yield t, "years"


def _nice(value: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... at least ``value``."""
    scale = 1
    while True:
        for factor in (1, 2, 5):
            if factor * scale >= value:
                return factor * scale
        scale *= 10


def gap_label(minutes: int) -> str:
    """The length of a compressed stretch, as a person would say it: '7 h', '3 d', '5 mo', '9.2 billion y'.

    Small lengths are whole units (within half a unit of the truth); from a thousand years
    on, two significant digits: the edges of a gap are the periods of its neighbours, so
    more digits would claim a precision nobody has.
    """
    days = minutes / DAY
    if days >= 730:
        return f"{_about(days / 365.2425)} y"
    if days >= 60:
        return f"{round(days / 30.436875)} mo"
    if days >= 14:
        return f"{round(days / 7)} wk"
    if days >= 2:
        return f"{round(days)} d"
    if minutes >= 2 * HOUR:
        return f"{round(minutes / HOUR)} h"
    return f"{minutes} min"


_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def _about(years: float) -> str:
    """'730', '1,200', '46,000', '9.2 billion': whole years below a thousand, then two significant digits."""
    if years < 1000:
        return str(round(years))
    unit = 10 ** (math.floor(math.log10(years)) - 1)
    value = round(years / unit) * unit  # an int: two significant digits
    for scale, word in _SCALES:
        if value >= scale:
            number = value / scale
            return f"{number:.1f}".removesuffix(".0") + f" {word}" if number < 10 else f"{round(number)} {word}"
    return f"{value:,}"
