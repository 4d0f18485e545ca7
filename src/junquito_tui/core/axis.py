"""The time axis: where events fall, at a zoom that fits the data (no Textual here).

Each event covers the whole period its precision allows: a month-precision event is a
month long (see ``axis_scale``). At any zoom, an event whose whole period lies within one
column is counted in that column (its bar); any other event is *spread* over every column
its period overlaps. Nothing is ever placed at a point inside its period: a day known
without a time is not drawn at noon, whatever the zoom.

Columns map to time piecewise-linearly: long empty stretches get a few columns each,
marked as compressed, never silently. Counting uses sorted arrays per kind of event, so a
new zoom or a new filter costs a few bisections per column, not a pass over the events.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .axis_labels import Tick, gap_label, ticks
from .axis_scale import (
    DAY,
    HOUR,
    MINUTE,
    YEAR,
    Segment,
    axis_zone,
    civil_from_days,
    days_from_civil,
    interval,
)
from .bounds import BOUND, bound
from .records import Event, Precision

__all__ = [
    "DAY", "HOUR", "MINUTE", "YEAR", "Axis", "Bins", "Layer", "Placement", "Segment", "Tick", "build",
    "civil_from_days", "count", "days_from_civil", "gap_label", "interval", "layout", "opened", "pick", "ticks",
    "window_for",
    "zoom_levels",
]  # fmt: skip

MIN_SEGMENT_COLUMNS = 6  # a burst never shrinks below this (unless it lasts fewer minutes)
GAP_SHARE = 0.08  # an empty stretch longer than this share of the window is compressed
ZOOMS = (("1 year", YEAR), ("3 months", 91 * DAY), ("1 month", 30 * DAY), ("1 week", 7 * DAY),
         ("1 day", DAY), ("8 hours", 8 * HOUR), ("2 hours", 2 * HOUR))  # fmt: skip
RANGED = 0  # the length in a group key of events with an end: their lengths vary
# ... of events given only as a bound ('before 15 Jan 2018'), open before, after or both: their periods run from
# the date next to the bound (where they sort, ``bounds``) to OPEN, beyond any window, and are counted so: never
# a bar on that date, which is no date of theirs; and no empty stretch is drawn where they may lie
OPEN_BEFORE, OPEN_AFTER, OPEN_BOTH = -1, -2, -3
OPEN = 2**62  # minutes

# (kind, approximate, length): kind 'time' when the start is a clock time, 'date' otherwise
GroupKey = tuple[str, bool, int]


def kind_of(event: Event) -> str:
    """'time' for a clock time (the legend's ◆/◇), 'date' for a day, month or year."""
    return "time" if event.when is not None and event.when.precision is Precision.MINUTE else "date"


def _open_sides(event: Event) -> tuple[bool, bool] | None:
    """For an event given only as a bound (at its start, its end or both), whether its period is open
    before and after; None for any other. A start 'after X' with an end still ends there (as searched)."""
    when, end = event.when, event.end
    start_bound, end_bound = bound(when), bound(end)
    if start_bound is None and end_bound is None:
        return None
    before = start_bound is not None and start_bound.earlier
    after = (start_bound is not None and not start_bound.earlier and end is None) or (
        end_bound is not None and not end_bound.earlier
    )
    return before, after


def opened(start: int, end: int, key: GroupKey | None) -> tuple[int, int]:
    """The period [start, end), open on the side(s) its group key says (``OPEN_BEFORE``...)."""
    if key is None or key[2] >= 0:
        return start, end
    return (-OPEN if key[2] != OPEN_AFTER else start), (OPEN if key[2] != OPEN_BEFORE else end)


class Placement:
    """Every dated event of a list placed in time once; layers for any subset are then cheap.

    A filter costs one pass over the kept positions and C-level sorts, not a new
    calendar computation per event.
    """

    def __init__(self, events: list[Event], position: dict[str, int] | None = None) -> None:
        """``position``: event id -> index in ``events``, when the caller has it (the chronology's)."""
        self.position = position if position is not None else {e.id: i for i, e in enumerate(events)}
        self.zone = zone = axis_zone(d for e in events for d in (e.when, e.end))
        self.start: list[int] = [0] * len(events)
        self.end: list[int] = [0] * len(events)
        self.group: list[GroupKey | None] = [None] * len(events)
        for index, event in enumerate(events):
            if event.when is None:
                continue
            start, end = interval(event.when, event.end, zone)
            length = RANGED if event.end is not None else end - start
            # (the notes tested here, not in a call per event: placing 100,000 ACLED rows, 0.12 s, took 0.16 s)
            noted = ((note := event.when.note) and BOUND in note) or (
                event.end and (note := event.end.note) and BOUND in note
            )
            if noted and (sides := _open_sides(event)) is not None and any(sides):
                length = OPEN_BOTH if all(sides) else OPEN_BEFORE if sides[0] else OPEN_AFTER
            self.start[index], self.end[index] = start, end
            self.group[index] = (kind_of(event), event.when.approximate, length)

    @classmethod
    def restore(
        cls,
        position: dict[str, int],
        start: list[int],
        end: list[int],
        group: list[GroupKey | None],
        zone: int | None = None,
    ) -> Placement:
        """A placement computed before (the dataset cache keeps one), without the calendar work."""
        placement = cls.__new__(cls)
        placement.position, placement.start, placement.end, placement.group = position, start, end, group
        placement.zone = zone
        return placement

    def period(self, event: Event | None) -> tuple[int, int] | None:
        """The event's whole period in minutes, as the selection marks it (None when undated): a bound's event
        is open on its side, to the window's edge and beyond, never closed there by a ├ or ┤."""
        if event is None or event.when is None:
            return None
        start, end = interval(event.when, event.end, self.zone)
        index = self.position.get(event.id)
        return opened(start, end, self.group[index]) if index is not None else (start, end)

    def focus(self, event: Event | None) -> tuple[int, int] | None:
        """Where a zoom centres for the event: its period, or for a bound's event the bound itself, the one end of
        it the file gives (a re-trial: a zoom on 'before 2017' showed January 2016, never the bound)."""
        if event is None or event.when is None:
            return None
        start, end = interval(event.when, event.end, self.zone)
        index = self.position.get(event.id)
        key = self.group[index] if index is not None else None
        if key is not None and key[2] in (OPEN_BEFORE, OPEN_AFTER):
            return (end - 1, end) if key[2] == OPEN_BEFORE else (start, start + 1)
        return start, end

    def layer(self, positions: Iterable[int] | None = None) -> Layer:
        """The layer of the events at ``positions`` (all of them when None)."""
        chosen = range(len(self.start)) if positions is None else positions
        by_group: dict[GroupKey, list[int]] = {}
        group = self.group
        for index in chosen:  # the only per-event Python work a filter costs
            key = group[index]
            if key is not None:
                by_group.setdefault(key, []).append(index)
        start, end = self.start.__getitem__, self.end.__getitem__
        layer = Layer()
        for key, found in by_group.items():
            if key[2] <= RANGED:
                known = sorted((start(i), end(i)) for i in found)
                pairs = [opened(s, e, key) for s, e in known] if key[2] < RANGED else known
                # what the file gives of the periods: the window's extent (an open side is no date)
                extent = (known[0][0], max(e for _, e in known))
                layer.ranged[key] = Ranged([s for s, _ in pairs], sorted(e for _, e in pairs), pairs, extent)
            else:  # one sort: the ends are the starts shifted by the group's length
                layer.fixed[key] = sorted(map(start, found))
        return layer


@dataclass
class Ranged:
    """Events with an end, whose lengths vary: starts and ends sorted independently, and the pairs."""

    starts: list[int]
    ends: list[int]
    pairs: list[tuple[int, int]]  # sorted by start
    extent: tuple[int, int]  # the first start and the last end, of a bound's events those beside their bounds


@dataclass
class Layer:
    """A set of events as sorted arrays: the starts of each group of one kind and one length (their
    ends are the starts shifted by that length), and the events with an end apart."""

    fixed: dict[GroupKey, list[int]] = field(default_factory=dict)
    ranged: dict[GroupKey, Ranged] = field(default_factory=dict)
    _merged: list[tuple[int, int]] | None = None

    @classmethod
    def of(cls, events: Iterable[Event]) -> Layer:
        return Placement(list(events)).layer()

    @property
    def merged(self) -> list[tuple[int, int]]:
        """Every event's period, merged where they touch: the complement holds the empty stretches."""
        if self._merged is None:
            periods = [(s, s + key[2]) for key, starts in self.fixed.items() for s in starts]
            periods += [pair for group in self.ranged.values() for pair in group.pairs]
            merged: list[tuple[int, int]] = []
            for start, end in sorted(periods):
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            self._merged = merged
        return self._merged

    def starting_in(self, t0: int, t1: int) -> int:
        groups = [*self.fixed.values(), *(group.starts for group in self.ranged.values())]
        return sum(bisect_left(starts, t1) - bisect_left(starts, t0) for starts in groups)

    @property
    def extent(self) -> tuple[int, int] | None:
        ends = [starts[-1] + key[2] for key, starts in self.fixed.items()]
        ends += [group.extent[1] for group in self.ranged.values()]
        if not ends:
            return None
        firsts = [starts[0] for starts in self.fixed.values()] + [g.extent[0] for g in self.ranged.values()]
        return min(firsts), max(ends)


@dataclass
class Bins:
    """Per column: events whose whole period lies within it (the bar), of which clock times and
    approximate clock times (the ◆ and ◇ glyphs), and events spread over it (longer, or across its edges)."""

    points: list[int]
    times: list[int]
    approximate: list[int]
    spans: list[int]
    rough: list[int]  # approximate dates without a time, within or spread ('around 16 Jan', ACLED's precision 2)

    @classmethod
    def empty(cls, width: int) -> Bins:
        return cls([0] * width, [0] * width, [0] * width, [0] * width, [0] * width)


@dataclass
class Axis:
    window: tuple[int, int]
    width: int
    segments: list[Segment]
    ticks: list[Tick]
    bins: Bins
    context: Bins | None  # every event, when a filter narrows what ``bins`` counts
    zoom_label: str

    def column_of(self, t: int) -> int | None:
        """The column holding minute ``t``; None outside the window or inside a compressed gap."""
        for segment in self.segments:
            if segment.t0 <= t < segment.t1:
                return None if segment.compressed else segment.column_of(t)
        return None

    def columns_of(self, period: tuple[int, int]) -> tuple[int, int, bool, bool] | None:
        """(first, last, starts here, ends here): the columns a period overlaps, None when out of the window."""
        (start, end), (lo, hi) = period, self.window
        if end <= lo or start >= hi:
            return None
        first, last = self.column_of(max(start, lo)), self.column_of(min(end, hi) - 1)
        if first is None or last is None:  # only a period drawn on another layout lies in a gap
            return None
        return first, last, start >= lo, end <= hi

    def minutes_of(self, column: int) -> tuple[int, int] | None:
        """The minutes [a, b) a column shows; None in a compressed gap or off the strip."""
        for segment in self.segments:
            if segment.x0 <= column < segment.x1 and not segment.compressed:
                i = column - segment.x0
                return segment.edges[i], segment.edges[i + 1]
        return None

    def gap_at(self, column: int) -> Segment | None:
        return next((s for s in self.segments if s.compressed and s.x0 <= column < s.x1), None)


def zoom_levels(extent: tuple[int, int], width: int = 0) -> list[tuple[str, int | None]]:
    """'whole span' (None) first, then the fixed windows shorter than the data's span.

    A window of fewer minutes than ``width`` columns is not offered: a column never shows
    less than a minute, the finest precision a date can have.
    """
    span = extent[1] - extent[0]
    return [("whole span", None), *((label, length) for label, length in ZOOMS if width <= length < span)]


def window_for(
    extent: tuple[int, int], length: int | None, focus: tuple[int, int] | None, width: int = 0
) -> tuple[int, int]:
    """The minutes shown: the whole extent, or ``length`` minutes around ``focus`` (a period).

    A period that fits is centred in the window; a longer one is shown from its start (a
    little before it), so the window never suggests a time inside the period. The window
    is at least ``width`` minutes long.
    """
    if length is None:
        lo, hi = extent
        missing = width - (hi - lo)
        return (lo - missing // 2, lo - missing // 2 + width) if missing > 0 else (lo, hi)
    length = max(length, width)
    start, end = focus if focus is not None else (extent[0], extent[0] + 1)
    first = (start + end - length) // 2 if end - start <= length else start - length // 8
    return first, first + length


def layout(window: tuple[int, int], width: int, layer: Layer, *, compress: bool = True) -> list[Segment]:
    """Columns for the window: empty stretches that would waste columns are compressed to their label.

    A stretch is compressed when it is longer than GAP_SHARE of the window and would take
    more columns drawn to scale than its label does. If the rest cannot then be drawn (too
    few columns for the bursts, or fewer minutes than columns), the shortest candidate is
    drawn to scale instead, until it can.
    """
    lo, hi = window[0], max(window[1], window[0] + width)  # never less than a minute a column
    gaps = _empty_stretches((lo, hi), width, layer) if compress and width >= 24 else []
    while True:
        pieces: list[tuple[int, int, bool]] = []
        cursor = lo
        for start, end in gaps:
            if start > cursor:
                pieces.append((cursor, start, False))
            pieces.append((start, end, True))
            cursor = end
        if cursor < hi:
            pieces.append((cursor, hi, False))
        segments = _allocate(pieces, width, layer)
        if segments is not None:
            return segments
        gaps.remove(min(gaps, key=lambda gap: gap[1] - gap[0]))


def _empty_stretches(window: tuple[int, int], width: int, layer: Layer) -> list[tuple[int, int]]:
    lo, hi = window
    span = hi - lo

    def worth_it(start: int, end: int) -> bool:
        length = end - start
        return length > GAP_SHARE * span and length * width / span > len(gap_label(length)) + 2

    gaps: list[tuple[int, int]] = []
    cursor = lo
    for start, end in layer.merged:
        if end <= lo or start >= hi:
            continue
        if worth_it(cursor, start):
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor > lo and worth_it(cursor, hi):
        gaps.append((cursor, hi))
    return gaps


def _allocate(pieces: list[tuple[int, int, bool]], width: int, layer: Layer) -> list[Segment] | None:
    """Gaps get room for their label; active stretches share the rest by how many events they hold
    (so a burst stays readable beside a long quiet stretch), none with more columns than minutes.
    None when that cannot be done with these gaps compressed."""
    gap_widths = [len(gap_label(t1 - t0)) + 2 for t0, t1, c in pieces if c]
    active = [(t0, t1) for t0, t1, c in pieces if not c]
    open_columns = width - sum(gap_widths)
    minutes = [t1 - t0 for t0, t1 in active]
    if gap_widths and (open_columns < MIN_SEGMENT_COLUMNS * len(active) or sum(minutes) < open_columns):
        return None
    weights = [layer.starting_in(t0, t1) + 1 for t0, t1 in active]
    wanted = [
        max(min(MIN_SEGMENT_COLUMNS, m), open_columns * w / sum(weights)) for w, m in zip(weights, minutes, strict=True)
    ]
    gaps, opens = iter(gap_widths), iter(_share(open_columns, wanted, minutes))
    segments, x = [], 0
    for t0, t1, compressed in pieces:
        columns = next(gaps) if compressed else next(opens)
        segments.append(Segment(t0, t1, x, x + columns, compressed))
        x += columns
    return segments


def _share(total: int, wanted: list[float], caps: list[int]) -> list[int]:
    """Whole sizes summing to ``total``, in proportion to ``wanted``, each at least 1 and at most its cap.

    The caller guarantees len(wanted) <= total <= sum(caps).
    """
    sizes = [0] * len(wanted)
    free, remaining = list(range(len(wanted))), total
    while free:  # fill the capped ones first: what they cannot take goes to the others
        weight = sum(wanted[i] for i in free)
        capped = [i for i in free if remaining * wanted[i] / weight >= caps[i]]
        if not capped:
            break
        for i in capped:
            sizes[i], remaining = caps[i], remaining - caps[i]
        free = [i for i in free if i not in capped]
    if not free:
        return sizes
    weight = sum(wanted[i] for i in free)
    exact = {i: remaining * wanted[i] / weight for i in free}
    for i in free:
        sizes[i] = max(1, int(exact[i]))
    by_remainder = sorted(free, key=lambda i: exact[i] - sizes[i], reverse=True)
    while (missing := remaining - sum(sizes[i] for i in free)) > 0:  # round up the largest remainders
        for i in [i for i in by_remainder if sizes[i] < caps[i]][:missing]:
            sizes[i] += 1
    while sum(sizes[i] for i in free) > remaining:  # the rounded-up small ones borrow from the largest
        sizes[max(free, key=sizes.__getitem__)] -= 1
    return sizes


def count(layer: Layer, segments: Sequence[Segment], width: int) -> Bins:
    """Per column: events lying within it (each in exactly one bin), clock times among them, and spreads."""
    bins = Bins.empty(width)
    for segment in segments:
        if not segment.compressed:
            widest = max(b - a for a, b in pairwise(segment.edges))  # no longer event lies in one column
            for (kind, approx, length), starts in layer.fixed.items():
                _count_fixed(starts, length, length <= widest, segment, bins, (kind == "time", approx))
            for (kind, approx, length), group in layer.ranged.items():  # (a bound's is open, not approximate)
                _count_ranged(group, segment, bins, (kind == "time", approx and length > OPEN_BEFORE))
    return bins


def _add(bins: Bins, column: int, within: int, spread: int, how: tuple[bool, bool]) -> None:
    bins.spans[column] += spread
    if how[1] and not how[0]:  # approximate dates, within or spread over it
        bins.rough[column] += within + spread
    if within:
        bins.points[column] += within
        if how[0]:
            bins.times[column] += within
            if how[1]:
                bins.approximate[column] += within


def _count_fixed(
    starts: list[int], length: int, fits: bool, segment: Segment, bins: Bins, how: tuple[bool, bool]
) -> None:
    """Events of one length L starting at ``starts``: in column [a, b), those starting in [a - L + 1, b)
    overlap it, and those starting in [a, b - L] lie within it."""
    edges = segment.edges
    lo, hi = bisect_left(starts, edges[0] - length + 1), bisect_left(starts, edges[-1])
    if lo == hi:
        return
    # starts before the column's start: for the first, those before the segment's start (an event
    # straddling it overlaps the column, never lies in it)
    begun = bisect_left(starts, edges[0], lo, hi)
    for i in range(segment.columns):
        a, b = edges[i], edges[i + 1]
        started = bisect_left(starts, b, lo, hi)
        if length == 1:  # a clock time: always within the column holding it
            overlapping = within = started - begun
        else:
            overlapping = started - bisect_right(starts, a - length, lo, hi)
            within = bisect_right(starts, b - length, lo, hi) - begun if fits and b - length >= a else 0
        if overlapping:
            _add(bins, segment.x0 + i, within, overlapping - within, how)
        begun = started


def _count_ranged(group: Ranged, segment: Segment, bins: Bins, how: tuple[bool, bool]) -> None:
    """Events with an end: overlaps from the sorted starts and ends; lying within, one by one
    (few, and only those starting in this segment)."""
    edges = segment.edges
    within = [0] * segment.columns
    pairs = group.pairs
    for start, end in pairs[bisect_left(group.starts, edges[0]) : bisect_left(group.starts, edges[-1])]:
        i = bisect_right(edges, start) - 1
        if end <= edges[i + 1]:
            within[i] += 1
    for i in range(segment.columns):
        overlapping = bisect_left(group.starts, edges[i + 1]) - bisect_right(group.ends, edges[i])
        if overlapping:
            _add(bins, segment.x0 + i, within[i], overlapping - within[i], how)


def pick(periods: Sequence[tuple[int, int, int]], column: tuple[int, int]) -> int | None:
    """What a click on a column means, as the third item of ``periods`` ((start, end, key), sorted):
    an event lying within the column (the one starting nearest its middle), else the shortest
    period spread over it, else the event starting nearest the column. None when there is none."""
    if not periods:
        return None
    a, b = column
    middle = (a + b) / 2
    first, after = bisect_left(periods, (a,)), bisect_left(periods, (b,))
    within = [p for p in periods[first:after] if p[1] <= b]
    if within:
        return min(within, key=lambda p: abs(p[0] - middle))[2]
    spread = [p for p in periods[:after] if p[1] > a]  # a click is rare: a scan is fine
    if spread:
        return min(spread, key=lambda p: (p[1] - p[0], -p[0]))[2]
    nearby = periods[max(first - 1, 0) : first + 1]
    return min(nearby, key=lambda p: abs(p[0] - middle))[2]


def build(
    width: int,
    layer: Layer,
    zoom: tuple[str, int | None],
    focus: tuple[int, int] | float | None,
    context: Layer | None = None,
) -> Axis | None:
    """Everything the strip draws, for one width, zoom, selection (a period, or a time) and filter."""
    base = context or layer
    extent = base.extent
    if extent is None or width < 1:
        return None
    if focus is not None and not isinstance(focus, tuple):
        focus = (int(focus), int(focus) + 1)
    window = window_for(extent, zoom[1], focus, width)
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
