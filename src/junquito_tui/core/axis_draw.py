"""What the time-axis strip draws, cell by cell: (character, role) pairs; the widget styles the roles.

Four rows. Two rows of bars (eighths of a cell, log scale) count the events whose whole
period lies within the column. Where no bar stands, `░` shows events spread over the
column: a day, month or year (or a range) longer than the column, or crossing its edge
(`▒` two or more).
The glyph row says what kind of events are there: `◆` a clock time, `◇` only approximate
clock times, `─` only dates without a time (a day, month or year, or a range), `┄` only approximate
ones ('around 16 January': drawn as exact, it looked as sure as any, a UI trial), ` ` none.
The selected event is `▲` when its whole period lies in one column (`△` for an approximate date: drawn
`▲`, 'around 08:30' looked as sure as any); otherwise its period
is drawn `├──┤` from its first column to its last (`├┄┄┤` for an approximate date; an end beyond the
window is left open), leaving visible the `◆`/`◇` of clock times inside it.
Compressed stretches read `⋯5 mo⋯`. The last row holds the tick labels, each just after
its mark `╵`, drawn in the column holding the moment it names.
"""

from __future__ import annotations

import math

from .axis import Axis, Bins, gap_label

BLOCKS = " ▁▂▃▄▅▆▇█"
LEGEND = "▇count ◆time ─░period ◇┄△~ ▲chosen ⋯gap"
ROLES = ("bar", "context", "span", "selected", "tick", "gap")  # and "" for an empty cell

Cell = tuple[str, str]


def draw(built: Axis, selected: tuple[int, int] | None, rough: bool = False) -> list[list[Cell]]:
    """The four rows of the strip for ``built``, with the ``selected`` period (None: nothing selected; ``rough``:
    its date is approximate)."""
    width = built.width
    heights = _heights(built.bins.points)
    behind = _heights(built.context.points) if built.context else [0] * width
    top: list[Cell] = []
    bottom: list[Cell] = []
    for column in range(width):
        for row, low in ((top, 8), (bottom, 0)):
            level = max(0, min(heights[column] - low, 8))
            level_behind = max(0, min(behind[column] - low, 8))
            if level:
                row.append((BLOCKS[level], "bar"))
            elif level_behind:
                row.append((BLOCKS[level_behind], "context"))
            elif row is bottom and built.bins.spans[column]:
                row.append((shade(built.bins.spans[column]), "span"))
            else:
                row.append((" ", ""))
    glyphs = [glyph(built.bins, column) for column in range(width)]
    _draw_gaps(glyphs, built)
    for column, char in selection(built, selected, rough).items():
        if char in "▲△" or glyphs[column][0] in " ─┄":  # a clock time inside a selected period stays visible
            glyphs[column] = (char, "selected")
    return [top, bottom, glyphs, _tick_row(built)]


def shade(spread: int) -> str:
    """░ for one period over the column, ▒ for more: where a busy day stands out in its month.

    Never darker: a ▓ beside a bar's █ would read as a bar."""
    return "░" if spread == 1 else "▒"


def glyph(bins: Bins, column: int) -> Cell:
    """◆ if a clock time lies in the column, ◇ if only approximate ones do, ─ for dates alone."""
    times, approximate = bins.times[column], bins.approximate[column]
    if times > approximate:
        return "◆", "bar"
    if times:
        return "◇", "bar"
    if bins.points[column] or bins.spans[column]:
        return ("┄" if bins.rough[column] == bins.points[column] + bins.spans[column] else "─"), "span"
    return " ", ""


def selection(built: Axis, period: tuple[int, int] | None, rough: bool = False) -> dict[int, str]:
    """Column -> marker for the selected period: ▲ if it lies in one column, else ├──┤ over its columns (△ and ├┄┄┤
    where it is ``rough``, approximate)."""
    where = built.columns_of(period) if period is not None else None
    if where is None:
        return {}
    first, last, starts_here, ends_here = where
    if first == last and starts_here and ends_here:
        return {first: "△" if rough else "▲"}
    marks = dict.fromkeys(range(first, last + 1), "┄" if rough else "─")
    if starts_here:
        marks[first] = "├"
    if ends_here:
        marks[last] = "┤"
    return marks


def _draw_gaps(glyphs: list[Cell], built: Axis) -> None:
    """Compressed stretches read '⋯5 mo⋯' across their columns."""
    for segment in built.segments:
        if segment.compressed:
            label = f"⋯{gap_label(segment.t1 - segment.t0)}⋯".center(segment.columns, "⋯")
            for offset, char in enumerate(label[: segment.columns]):
                glyphs[segment.x0 + offset] = (char, "gap")


def _tick_row(built: Axis) -> list[Cell]:
    cells: list[Cell] = [(" ", "")] * built.width
    for tick in built.ticks:
        cells[tick.column : tick.column + len(tick.text)] = [(char, "tick") for char in tick.text]
    return cells[: built.width]


def _heights(counts: list[int]) -> list[int]:
    """Bar heights in eighths of a cell over two rows (0..16), on a log scale so one event shows."""
    peak = max(counts, default=0)
    if not peak:
        return [0] * len(counts)
    scale = 16 / math.log1p(peak)
    return [max(1, round(math.log1p(c) * scale)) if c else 0 for c in counts]
