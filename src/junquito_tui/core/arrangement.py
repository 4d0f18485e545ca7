"""What a dataset cache entry keeps beside the dataset, so that a reopen computes nothing of it before
the first rows: the events' order, where each falls on the time axis, and the timeline's rows.

At 100,000 events (bench/RESULTS.md) ordering took ~0.2 s of CPU, placing on the time axis ~0.1 s
and the timeline's rows ~0.15 s, against ~0.01 s to read and check them here. Plain data decoded by
msgspec into typed structs, never code. Each part is checked against the events on reading
(``fits``); one that does not fit is never used: the cache ignores the whole entry and loads the file.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from .timeline_rows import HEADING, RowIndex

if TYPE_CHECKING:
    from .axis import GroupKey, Placement
    from .chronology import Chronology

Index = Annotated[int, msgspec.Meta(ge=0)]


def _rising(numbers: list[int]) -> bool:
    return all(map(int.__lt__, numbers, numbers[1:]))


class Rows(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A ``RowIndex`` as plain lists (see timeline_rows)."""

    positions: list[Annotated[int, msgspec.Meta(ge=HEADING)]]
    labels: list[tuple[Index, str, str]]  # (heading row, label, gap text)
    event_rows: list[Index]
    day_starts: list[Index]
    sub_headings: list[Index]

    @classmethod
    def of(cls, rows: RowIndex) -> Rows:
        labels = [(row, label, gap) for row, (label, gap) in rows.labels.items()]
        return cls(
            rows.positions.tolist(), labels, rows.event_rows.tolist(), rows.day_starts, sorted(rows.sub_headings)
        )

    def fits(self, count: int) -> bool:
        """Whether these can be the rows of ``count`` events: each event on its own row, rows rising
        with the events; every other row a heading, labelled once; day starts and sub-headings among them."""
        positions, event_rows, height = self.positions, self.event_rows, len(self.positions)
        if len(event_rows) != count or height != count + len(self.labels):
            return False
        if event_rows and (event_rows[-1] >= height or not _rising(event_rows)):
            return False
        if list(map(positions.__getitem__, event_rows)) != list(range(count)):
            return False
        headings = {row for row, _, _ in self.labels}
        if len(headings) != len(self.labels) or any(row >= height or positions[row] != HEADING for row in headings):
            return False
        days = self.day_starts
        return _rising(days) and (not days or days[-1] < count) and headings.issuperset(self.sub_headings)

    def row_index(self) -> RowIndex:
        labels = {row: (label, gap) for row, label, gap in self.labels}
        return RowIndex(
            array("q", self.positions), labels, array("q", self.event_rows), self.day_starts, set(self.sub_headings)
        )


class Arrangement(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The events of the dataset beside it in order, on the time axis and as timeline rows."""

    order: list[Index]  # the index in ``dataset.events`` of each event, first to last
    start: list[int]  # per event in that order: its interval on the time axis, in minutes (0 if undated)
    end: list[int]
    # the placement's group keys, each once: kind, approximate, length (or a kind of period: ``axis.RANGED``...)
    groups: list[tuple[Literal["time", "date"], bool, Annotated[int, msgspec.Meta(ge=-3)]]]  # (-3: OPEN_BOTH)
    group: list[Annotated[int, msgspec.Meta(ge=-1)]]  # per event: its index in ``groups``; -1 undated
    rows: Rows
    zone: int | None = None  # the zone the axis draws clock times in (axis_scale.axis_zone)

    def fits(self, count: int) -> bool:
        """Whether this can be the arrangement of ``count`` events: a permutation of their indices,
        one interval and one group per event, each group one of ``groups``, and rows that fit."""
        order, group = self.order, self.group
        if not len(order) == len(self.start) == len(self.end) == len(group) == count:
            return False
        if len(set(order)) != count or max(order, default=-1) >= count:  # no index twice, none outside
            return False
        if max(group, default=-1) >= len(self.groups) or not all(map(int.__le__, self.start, self.end)):
            return False
        return self.rows.fits(count)

    def placement(self, position: dict[str, int]) -> Placement:
        from .axis import Placement

        table: list[GroupKey | None] = [*self.groups, None]  # -1 picks the None: an undated event
        return Placement.restore(position, self.start, self.end, list(map(table.__getitem__, self.group)), self.zone)

    @classmethod
    def of(cls, chronology: Chronology, placement: Placement | None = None) -> Arrangement:
        """The arrangement of ``chronology``, with its placement when the caller has one (computed here
        otherwise, as the rows are when the chronology has not built them: in the writing thread)."""
        from .axis import Placement

        index = {e.id: i for i, e in enumerate(chronology.dataset.events)}  # ids are unique: validated
        order = [index[e.id] for e in chronology.events]
        placement = placement or Placement(chronology.events, chronology.position)
        groups = sorted({key for key in placement.group if key is not None})
        number = {key: n for n, key in enumerate(groups)}
        group = [-1 if key is None else number[key] for key in placement.group]
        rows = Rows.of(chronology.timeline_rows)
        return cls(order, placement.start, placement.end, groups, group, rows, placement.zone)  # type: ignore[arg-type]
