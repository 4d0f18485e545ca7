"""The time axis: bins, zoom levels, ticks and compressed gaps (no Textual here).

Time is counted in minutes on the proleptic Gregorian calendar, so any year, BCE
included, has a place. Each event covers the whole period its precision allows: a
month-precision event is a month long. Columns map to time piecewise-linearly:
long empty stretches get a few columns each, marked as compressed, never silently.
Counting uses sorted start and end arrays per kind of event, so a new zoom or a
new filter costs a few bisections per column, not a pass over the events.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import MONTHS, year_label
from .model import Event, When, parse_partial_date

MINUTE, HOUR, DAY = 1, 60, 1440
YEAR = 365 * DAY
MIN_SEGMENT_COLUMNS = 6  # a burst of activity never shrinks below this
GAP_SHARE = 0.08  # an empty stretch longer than this share of the window is compressed
ZOOMS = (("1 year", YEAR), ("3 months", 91 * DAY), ("1 month", 30 * DAY), ("1 week", 7 * DAY),
         ("1 day", DAY), ("8 hours", 8 * HOUR), ("2 hours", 2 * HOUR))  # fmt: skip


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


def interval(when: When, end: When | None = None) -> tuple[int, int]:
    """[start, end) in minutes: the whole period the stated precision allows."""
    start = _period(when)[0]
    return start, _period(end or when)[1]


def _period(when: When) -> tuple[int, int]:
    return _period_of(when.date)


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
    """Columns [x0, x1) showing minutes [t0, t1); a compressed gap shows only its label."""

    t0: int
    t1: int
    x0: int
    x1: int
    compressed: bool = False

    def time_at(self, x: float) -> float:
        return self.t0 + (x - self.x0) * (self.t1 - self.t0) / max(self.x1 - self.x0, 1)

    def column_of(self, t: float) -> int:
        x = self.x0 + (t - self.t0) * (self.x1 - self.x0) / max(self.t1 - self.t0, 1)
        return min(int(x), self.x1 - 1)


@dataclass(frozen=True)
class Tick:
    column: int
    label: str


@dataclass
class Group:
    starts: list[int] = field(default_factory=list)  # sorted
    ends: list[int] = field(default_factory=list)  # sorted (independently of starts)
    longest: int = 0


class Placement:
    """Every dated event of a list placed in time once; layers for any subset are then cheap.

    A filter costs one pass over the kept positions and C-level sorts, not a new
    calendar computation per event.
    """

    def __init__(self, events: list[Event]) -> None:
        self.position = {e.id: i for i, e in enumerate(events)}
        self.start: list[int] = [0] * len(events)
        self.end: list[int] = [0] * len(events)
        self.group: list[tuple[str, bool] | None] = [None] * len(events)
        self.longest: dict[tuple[str, bool], int] = {}
        for index, event in enumerate(events):
            if event.when is None:
                continue
            start, end = interval(event.when, event.end)
            key = ("ranged" if event.end is not None else event.when.precision.value, event.when.approximate)
            self.start[index], self.end[index], self.group[index] = start, end, key
            self.longest[key] = max(self.longest.get(key, 0), end - start)

    def layer(self, positions: Iterable[int] | None = None) -> Layer:
        """The layer of the events at ``positions`` (all of them when None)."""
        chosen = range(len(self.start)) if positions is None else positions
        by_group: dict[tuple[str, bool], list[int]] = {}
        group = self.group
        for index in chosen:  # the only per-event Python work a filter costs
            key = group[index]
            if key is not None:
                by_group.setdefault(key, []).append(index)
        start, end = self.start.__getitem__, self.end.__getitem__
        groups = {
            key: Group(sorted(map(start, found)), sorted(map(end, found)), self.longest[key])
            for key, found in by_group.items()
        }
        return Layer(groups, _periods=lambda: [(self.start[i], self.end[i]) for f in by_group.values() for i in f])


@dataclass
class Layer:
    """Events split by precision (and approximate or not), each as sorted start and end arrays.

    At a given zoom, a group whose longest period fits in one column is drawn as
    'points', binned by start so each event lands in exactly one bin; longer ones are
    'spans', drawn lighter over every column they overlap.
    """

    groups: dict[tuple[str, bool], Group] = field(default_factory=dict)
    _periods: Callable[[], list[tuple[int, int]]] | None = None  # each event's (start, end), on demand
    _merged: list[tuple[int, int]] | None = None

    @classmethod
    def of(cls, events: Iterable[Event]) -> Layer:
        return Placement(list(events)).layer()

    @property
    def merged(self) -> list[tuple[int, int]]:
        """Every event's period, merged where they touch: the complement holds the empty stretches."""
        if self._merged is None:
            periods = sorted(self._periods()) if self._periods else []
            merged: list[tuple[int, int]] = []
            for start, end in periods:
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            self._merged = merged
        return self._merged

    def starting_in(self, t0: int, t1: int) -> int:
        return sum(bisect_left(g.starts, t1) - bisect_left(g.starts, t0) for g in self.groups.values())

    @property
    def extent(self) -> tuple[int, int] | None:
        if not self.merged:
            return None
        return self.merged[0][0], max(end for _, end in self.merged)


@dataclass
class Bins:
    points: list[int]  # per column: events binned by start
    approximate: list[int]  # of which approximate
    spans: list[int]  # per column: longer events overlapping it


@dataclass
class Axis:
    window: tuple[int, int]
    width: int
    segments: list[Segment]
    ticks: list[Tick]
    bins: Bins
    context: Bins | None  # every event, when a filter narrows what ``bins`` counts
    zoom_label: str

    def column_of(self, t: float) -> int | None:
        for segment in self.segments:
            if segment.t0 <= t < segment.t1 or (t == segment.t1 and segment is self.segments[-1]):
                return segment.column_of(t)
        return None

    def time_at(self, column: int) -> float | None:
        for segment in self.segments:
            if segment.x0 <= column < segment.x1 and not segment.compressed:
                return segment.time_at(column + 0.5)
        return None

    def gap_at(self, column: int) -> Segment | None:
        return next((s for s in self.segments if s.compressed and s.x0 <= column < s.x1), None)


def zoom_levels(extent: tuple[int, int]) -> list[tuple[str, int | None]]:
    """'whole span' (None) first, then the fixed windows shorter than the data's span."""
    span = extent[1] - extent[0]
    return [("whole span", None), *((label, length) for label, length in ZOOMS if length < span)]


def window_for(extent: tuple[int, int], length: int | None, centre: float | None) -> tuple[int, int]:
    if length is None or centre is None:
        return extent
    start = int(centre - length / 2)
    return start, start + length


def layout(window: tuple[int, int], width: int, layer: Layer, *, compress: bool = True) -> list[Segment]:
    """Columns for the window: empty stretches longer than GAP_SHARE of it are compressed."""
    lo, hi = window
    hi = max(hi, lo + 1)
    gaps: list[tuple[int, int]] = []
    if compress and width >= 24:
        cursor = lo
        for start, end in layer.merged:
            if end <= lo or start >= hi:
                continue
            if start - cursor > GAP_SHARE * (hi - lo):
                gaps.append((cursor, start))
            cursor = max(cursor, end)
        if hi - cursor > GAP_SHARE * (hi - lo) and cursor > lo:
            gaps.append((cursor, hi))
    pieces: list[tuple[int, int, bool]] = []
    cursor = lo
    for start, end in gaps:
        if start > cursor:
            pieces.append((cursor, start, False))
        pieces.append((start, end, True))
        cursor = end
    if cursor < hi:
        pieces.append((cursor, hi, False))
    return _allocate(pieces, width, layer)


def _allocate(pieces: list[tuple[int, int, bool]], width: int, layer: Layer) -> list[Segment]:
    """Gaps get room for their label; active stretches share the rest by how many events they hold,
    so a burst stays readable beside a long quiet stretch. Too little room: no compression."""
    gap_widths = [len(gap_label(t1 - t0)) + 2 for t0, t1, c in pieces if c]
    active = [(t0, t1) for t0, t1, c in pieces if not c]
    open_columns = width - sum(gap_widths)
    if gap_widths and open_columns < MIN_SEGMENT_COLUMNS * len(active):
        return [Segment(pieces[0][0], pieces[-1][1], 0, width)]
    weights = [layer.starting_in(t0, t1) + 1 for t0, t1 in active]
    wanted = [max(MIN_SEGMENT_COLUMNS, open_columns * w / sum(weights)) for w in weights]
    scale = open_columns / sum(wanted)
    sizes = [max(1, int(w * scale)) for w in wanted]
    while sum(sizes) > open_columns:  # rounding up the small ones borrowed from the largest
        sizes[sizes.index(max(sizes))] -= 1
    sizes[sizes.index(max(sizes))] += open_columns - sum(sizes)
    gaps, opens = iter(gap_widths), iter(sizes)
    segments, x = [], 0
    for t0, t1, compressed in pieces:
        columns = next(gaps) if compressed else next(opens)
        segments.append(Segment(t0, t1, x, x + columns, compressed))
        x += columns
    return segments


def gap_label(minutes: int) -> str:
    """'5 mo', '4 wk', '3 d', '7 h': the length of a compressed stretch, in a few characters."""
    days = minutes / DAY
    if days >= 730:
        return f"{round(days / 365.25):,} y"
    if days >= 60:
        return f"{round(days / 30.44)} mo"
    if days >= 14:
        return f"{round(days / 7)} wk"
    if days >= 2:
        return f"{round(days)} d"
    if minutes >= 2 * HOUR:
        return f"{round(minutes / HOUR)} h"
    return f"{minutes} min"


def count(layer: Layer, segments: Sequence[Segment], width: int) -> Bins:
    """Per column: points by start (each event in exactly one bin), approximate ones, and spans."""
    points, approximate, spans = [0] * width, [0] * width, [0] * width
    for segment in segments:
        if segment.compressed:
            continue
        columns = segment.x1 - segment.x0
        edges = [round(segment.time_at(segment.x0 + i)) for i in range(columns)] + [segment.t1]
        column_length = (segment.t1 - segment.t0) / max(columns, 1)
        for (_, approx), group in layer.groups.items():
            starts, ends = group.starts, group.ends
            if group.longest <= column_length:
                previous = bisect_left(starts, edges[0])
                for i in range(columns):
                    following = bisect_left(starts, edges[i + 1])
                    points[segment.x0 + i] += following - previous
                    if approx:
                        approximate[segment.x0 + i] += following - previous
                    previous = following
            else:
                for i in range(columns):
                    begun = bisect_left(starts, edges[i + 1])
                    over = bisect_left(ends, edges[i] + 1)  # ends are exclusive
                    spans[segment.x0 + i] += begun - over
    return Bins(points, approximate, spans)


def ticks(segments: Sequence[Segment], width: int) -> list[Tick]:
    """Labels at calendar boundaries, as dense as their width allows, never overlapping."""
    out: list[Tick] = []
    free_from = 0
    for segment in segments:
        if segment.compressed:
            continue
        per_column = (segment.t1 - segment.t0) / max(segment.x1 - segment.x0, 1)
        for t, label in _boundaries(segment.t0, segment.t1, per_column):
            column = segment.column_of(t)
            if column >= free_from and column + len(label) <= width:
                out.append(Tick(column, label))
                free_from = column + len(label) + 1
    return out


_UNITS = ((YEAR, "year"), (91 * DAY, "quarter"), (30 * DAY, "month"), (7 * DAY, "week"), (DAY, "day"),
          (6 * HOUR, "6h"), (HOUR, "hour"), (15, "15m"), (MINUTE * 5, "5m"), (MINUTE, "minute"))  # fmt: skip


def _boundaries(t0: int, t1: int, per_column: float) -> Iterable[tuple[int, str]]:
    # the finest unit whose labels stay at least about 10 columns apart
    unit = next((name for length, name in reversed(_UNITS) if length / per_column >= 10), "years")
    day = t0 // DAY
    if unit == "years":  # several years a step: 2, 5, 10, 20, 50, ... (cosmological spans too)
        step = _nice(per_column * 10 / YEAR)
        first, last = civil_from_days(day)[0], civil_from_days(t1 // DAY)[0]
        # round numbers as people count: 500 BCE is astronomical year -499
        bce = range(1 - (-(-(1 - min(last, 0)) // step)) * step, first - 1, -step) if first <= 0 else range(0)
        ce = range(max(-(-max(first, 1) // step) * step, step), last + 1, step)
        for year in [*reversed(bce), *ce]:
            t = days_from_civil(year, 1, 1) * DAY
            if t0 <= t < t1:
                yield t, year_label(year)
    elif unit in ("year", "quarter", "month"):
        year, month, _ = civil_from_days(day)
        step = {"year": 12, "quarter": 3, "month": 1}[unit]
        month = ((month - 1) // step) * step + 1
        while (t := days_from_civil(year, month, 1) * DAY) < t1:
            if t >= t0:
                yield t, year_label(year) if unit == "year" or month == 1 else f"{MONTHS[month - 1][:3]} {year}"
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    elif unit in ("week", "day"):
        step = 7 if unit == "week" else 1
        for d in range(day, t1 // DAY + 1, step):
            if t0 <= d * DAY < t1:
                yield d * DAY, _day_label(d * DAY)
    else:
        step = {"6h": 6 * HOUR, "hour": HOUR, "15m": 15, "5m": 5, "minute": 1}[unit]
        first = -(-t0 // step) * step
        for t in range(first, t1, step):
            minute = t % DAY
            yield t, f"{minute // 60:02d}:{minute % 60:02d}" if minute else _day_label(t)


def _nice(value: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... at least ``value``."""
    scale = 1
    while True:
        for factor in (1, 2, 5):
            if factor * scale >= value:
                return factor * scale
        scale *= 10


def _day_label(t: int) -> str:
    _, month, dom = civil_from_days(t // DAY)
    return f"{dom} {MONTHS[month - 1][:3]}"


def build(
    width: int,
    layer: Layer,
    zoom: tuple[str, int | None],
    centre: float | None,
    context: Layer | None = None,
) -> Axis | None:
    """Everything the strip draws, for one width, zoom, selection and filter."""
    base = context or layer
    extent = base.extent
    if extent is None or width < 1:
        return None
    window = window_for(extent, zoom[1], centre)
    segments = layout(window, width, base)
    return Axis(
        window,
        width,
        segments,
        ticks(segments, width),
        count(layer, segments, width),
        count(context, segments, width) if context is not None else None,
        zoom[0],
    )
