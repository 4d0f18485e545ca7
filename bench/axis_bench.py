"""Benchmark the time axis at scale: a new zoom, and a new filter, on a generated dataset.

    python bench/axis_bench.py [--events N] [--seed S] [--width W] [--repeat R]

Measures; never asserts. Target (the time-axis issue): recomputing the axis for a new
zoom or filter <= 10 ms at 100,000 events.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from make_dataset import make_dataset

from junquito_tui.core import axis
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import validate_document

TARGET_MS = 10.0


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[-1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--width", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    chronology = Chronology(validate_document(make_dataset(args.events, args.seed), "<generated>"))
    events = chronology.events
    placement = axis.Placement(events)
    every = placement.layer()
    half = [placement.position[e.id] for e in events[::2]]  # a filter keeping half of the events
    extent = every.extent
    assert extent is not None
    middle = next(e for e in events[len(events) // 2 :] if e.when is not None)
    assert middle.when is not None
    centre = axis.interval(middle.when, middle.end)  # zoom around an event's whole period, as the strip does
    rows = [("placing every event in time (once per dataset)", timed(lambda: axis.Placement(events), args.repeat))]
    stretches = timed(lambda: axis.Layer(every.fixed, every.ranged).merged, args.repeat)
    rows.append(("finding the empty stretches (once per dataset)", stretches))
    assert every.merged  # found once, then kept: the zooms below reuse it
    for label, length in axis.zoom_levels(extent, args.width):
        rows.append(
            (
                f"new zoom: {label}",
                timed(lambda z=(label, length): axis.build(args.width, every, z, centre), args.repeat),
            )
        )
    whole = axis.zoom_levels(extent, args.width)[0]
    rows.append(
        (
            "new filter: half the events (layer + axis)",
            timed(lambda: axis.build(args.width, placement.layer(half), whole, centre, every), args.repeat),
        )
    )
    print(f"{len(events):,} events, width {args.width}, {args.repeat} runs each\n")
    print("| recompute | median ms | max ms | target |\n| --- | ---: | ---: | ---: |")
    for label, (median, worst) in rows:
        target = f"<= {TARGET_MS:.0f} ms" if label.startswith("new") else ""
        print(f"| {label} | {median:.2f} | {worst:.2f} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
