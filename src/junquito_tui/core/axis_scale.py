"""Time in minutes for the axis: calendar arithmetic, periods, and columns that map to time.

Time is counted in whole minutes on the proleptic Gregorian calendar, so any year, BCE
included, has a place. A minute is the finest precision a dataset can state, so a column
never shows less than one minute: its edges are whole minutes and a clock time falls in
exactly one column.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .records import Precision, When, offset_minutes, parse_partial_date

MINUTE, HOUR, DAY = 1, 60, 1440
YEAR = 365 * DAY


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 for any proleptic Gregorian date (H. Hinnant's algorithm)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


def axis_zone(whens: Iterable[When | None]) -> int | None:
    """The zone the axis draws clock times in: None when every one states the same UTC offset (drawn
    as written, in that zone); 0 (UTC) when they differ, so that each is drawn at its instant."""
    offsets = {w.utc_offset for w in whens if w is not None and w.precision == Precision.MINUTE}
    return 0 if len(offsets) > 1 else None


def interval(when: When, end: When | None = None, zone: int | None = None) -> tuple[int, int]:
    """[start, end) in minutes: the whole period the stated precision allows, never a point inside it;
    a clock time moved into ``zone`` (minutes east of UTC; None: as written)."""
    last = end or when
    return _period_of(when.date)[0] + _shift(when, zone), _period_of(last.date)[1] + _shift(last, zone)


def _shift(when: When, zone: int | None) -> int:
    if zone is None or when.precision != Precision.MINUTE:
        return 0  # a day, month or year has no zone: it is the one the source gives
    return zone - offset_minutes(when.utc_offset)


@lru_cache(maxsize=1 << 17)  # events share dates: at 100,000 events, 60,000 distinct ones
def _period_of(date: str) -> tuple[int, int]:
    parts = parse_partial_date(date)  # validated: its length is the precision
    year = parts[0]
    if len(parts) == 1:
        return days_from_civil(year, 1, 1) * DAY, days_from_civil(year + 1, 1, 1) * DAY
    month = parts[1]
    if len(parts) == 2:
        following = days_from_civil(year + (month == 12), month % 12 + 1, 1)
        return days_from_civil(year, month, 1) * DAY, following * DAY
    day = days_from_civil(year, month, parts[2]) * DAY
    if len(parts) == 3:
        return day, day + DAY
    start = day + parts[3] * HOUR + parts[4]
    return start, start + MINUTE


@dataclass(frozen=True)
class Segment:
    """Columns [x0, x1) showing minutes [t0, t1); a compressed gap shows only its label.

    Column ``x0 + i`` shows the minutes [edges[i], edges[i + 1]): whole minutes, so every
    caller (counting, ticks, the selection) agrees on which column holds a given minute.
    An open segment never has more columns than minutes. Where a column spans at least a
    day (a month, a year), its inner edges fall on day (month, year) boundaries, so a
    day-precise event lies within one column instead of straddling two.
    """

    t0: int
    t1: int
    x0: int
    x1: int
    compressed: bool = False

    @property
    def columns(self) -> int:
        return self.x1 - self.x0

    @cached_property
    def edges(self) -> list[int]:
        length, columns = self.t1 - self.t0, self.columns
        per_column = length / columns
        inner = (_snap(self.t0 + i * length // columns, per_column) for i in range(1, columns))
        return [self.t0, *inner, self.t1]

    def column_of(self, t: int) -> int:
        """The column whose minutes hold ``t`` (t0 <= t < t1)."""
        return self.x0 + min(bisect_right(self.edges, t) - 1, self.columns - 1)


def _snap(t: int, per_column: float) -> int:
    """The calendar boundary at or before ``t`` of the largest unit a column can hold (none below a day).

    Consecutive edges are at least one unit apart, so snapped edges stay strictly increasing.
    """
    if per_column < DAY:
        return t
    day = t // DAY
    if per_column < 31 * DAY:
        return day * DAY
    year, month, _ = civil_from_days(day)
    return days_from_civil(year, month if per_column < 366 * DAY else 1, 1) * DAY
