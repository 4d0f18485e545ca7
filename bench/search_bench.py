"""Benchmark the search engine on a generated dataset: index build time and per-query latency.

    python bench/search_bench.py [--events N] [--seed S] [--queries-repeat R] [--enter] [--limit L | --all]
                                 [--index-memory] [--record]

Measures and reports; never asserts. ``--record`` appends the figures to bench/RESULTS.md.
Targets (the search issue): index build <= 1 s and p95 <= 20 ms at 100,000 events.
Queries run as in the app: 50 hits per kind with snippets (the search panel's PER_KIND), every
count exact, and the collector frozen once the index is built (as the app does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

from make_dataset import make_dataset

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import validate_document
from junquito_tui.core.search import SearchIndex

RESULTS = Path(__file__).with_name("RESULTS.md")
TARGET_BUILD_S, TARGET_P95_MS = 1.0, 20.0
T = TypeVar("T")


def queries(chronology: Chronology) -> list[str]:
    """The fixed query mix; actor and day filters use the dataset's busiest actor, a rare one, and its busiest day."""
    busy = sorted(chronology.actors, key=lambda a: (-len(chronology.appearances.get(a, ())), a))
    top, rare = chronology.actors[busy[0]], busy[len(busy) * 3 // 4]
    days = Counter(e.when.date[:10] for e in chronology.events if e.when is not None and len(e.when.date) >= 10)
    busiest_day = min(days, key=lambda d: (-days[d], d), default="2018-01-15")
    return [
        "police",  # common words
        "raid",
        "the",
        "morgue",  # rare words
        "helicopter",
        "Pérez",  # accents either way
        "perez",
        "operacion gedeon",
        "Operación Gedeón",
        "btr80",  # compounds
        "btr-80a",
        "police raid caracas",  # several words (AND)
        "army helicopter video",
        "pol",  # prefixes, as typed
        "heli",
        "caracas po",
        '"national guard"',  # phrases
        '"el junquito" raid',
        "raid -video",  # exclusions
        'police -"national guard"',
        "kind:quote police",  # field filters
        "kind:quote",
        f'actor:"{top.name}"',
        f'actor:"{top.name}" video',
        f"actor:{rare}",
        "tag:raid",
        "tag:raid police",
        "date:2017-06..2017-12",
        "date:2017-06..2017-12 protest",
        f"date:{busiest_day}",
        "zzyzx quux",  # nothing
    ]


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least ``fraction`` of the values at or below it."""
    rank = max(1, round(fraction * len(sorted_values) + 0.4999))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def current_rss_mb() -> float:
    """Resident memory now (Linux /proc; elsewhere NaN): shows what the index itself adds."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def run(args: argparse.Namespace) -> str:
    steps: list[tuple[str, float]] = []

    def timed(label: str, make: Callable[[], T]) -> T:
        start = time.perf_counter()
        value = make()
        steps.append((label, time.perf_counter() - start))
        return value

    document = timed("generate (make_dataset)", lambda: make_dataset(args.events, args.seed))
    dataset = timed("validate (validate_document)", partial(validate_document, document, "<generated>"))
    del document  # the index should not be charged for the raw JSON
    chronology = timed("Chronology", partial(Chronology, dataset))
    rss_before_index = current_rss_mb()
    index = timed("**SearchIndex (index build)**", partial(SearchIndex, chronology))
    rss_index = current_rss_mb() - rss_before_index
    build = steps[-1][1]
    gc.freeze()  # the app freezes the collector once its index is ready (screens/searching.py)
    memory = index_memory(chronology) if args.index_memory else None

    samples: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for text in queries(chronology):
        samples[text] = []
        for _ in range(args.queries_repeat):
            start = time.perf_counter()
            results = index.search(text, typing=not args.enter, limit=args.limit)
            samples[text].append((time.perf_counter() - start) * 1000)
        hits[text] = sum(results.counts.values())  # every match, even where ``limit`` cut the hits
    every = sorted(t for times in samples.values() for t in times)
    p50, p95 = percentile(every, 0.50), percentile(every, 0.95)
    rss = max_rss_mb()

    mode = "after Enter (typing=False)" if args.enter else "as typed (typing=True: the last word is a prefix)"
    out = [
        f"{args.events:,} events, {len(chronology.actors):,} actors, {len(chronology.quotes):,} quotes, "
        f"{len(index.docs):,} documents, {len(getattr(index, '_terms', ())):,} terms; seed {args.seed}; "
        f"{len(samples)} queries x {args.queries_repeat}; search mode: {mode}; limit: {args.limit}",
        "",
        "| step | seconds |",
        "| --- | ---: |",
        *(f"| {label} | {seconds:.3f} |" for label, seconds in steps),
        "",
        "| query | hits | median ms | max ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    medians = {q: sorted(t)[len(t) // 2] for q, t in samples.items()}
    for text, times in samples.items():
        out.append(f"| `{text}` | {hits[text]:,} | {medians[text]:.2f} | {max(times):.2f} |")
    slowest = sorted(medians, key=lambda q: -medians[q])[:5]
    out += [
        "",
        "| figure | measured | target |",
        "| --- | ---: | ---: |",
        f"| index build | {build:.2f} s | <= {TARGET_BUILD_S:g} s |",
        f"| query latency p50 | {p50:.2f} ms | |",
        f"| query latency p95 | {p95:.2f} ms | <= {TARGET_P95_MS:g} ms |",
        f"| peak RSS (ru_maxrss) | {rss:,.0f} MB | |",
        f"| RSS added by the index build | {rss_index:,.0f} MB | |",
        *(f"| {label} | {mb:,.1f} MB | |" for label, mb in (memory or {}).items()),
        "",
        "Slowest queries (median): " + "; ".join(f"`{q}` {medians[q]:.1f} ms ({hits[q]:,} hits)" for q in slowest),
    ]
    return "\n".join(out)


def index_memory(chronology: Chronology) -> dict[str, float]:
    """What a second index holds and peaks at while building, traced (slow: never timed)."""
    tracemalloc.start()
    index = SearchIndex(chronology)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    runs = getattr(index, "_runs", None)  # phrase word runs, where this version of the engine has them
    sizes = {"index held (tracemalloc)": held / 2**20, "index build peak (tracemalloc)": peak / 2**20}
    if runs is not None:
        sizes["of which phrase word runs (sys.getsizeof)"] = (
            sys.getsizeof(runs._text) + sys.getsizeof(runs._starts)
        ) / 2**20
    return sizes


def revision() -> str:
    """The commit measured, and any files of src/ changed but not committed (work in progress)."""
    try:
        git = ["git", "-C", str(RESULTS.parent)]
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "--", "../src"], capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    changed = [line[3:] for line in dirty.stdout.splitlines()]
    return head.stdout.strip() + (f" + uncommitted changes to {', '.join(changed)}" if changed else "")


def record(report: str, events: int, code: str) -> None:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; code: {code}"
    header = "" if RESULTS.exists() else (
        "# Search benchmark results\n\nAppended by `python bench/search_bench.py --record`. "
        f"Targets: index build <= {TARGET_BUILD_S:g} s, p95 <= {TARGET_P95_MS:g} ms at 100,000 events.\n"
    )  # fmt: skip
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(f"{header}\n## {now}: {events:,} events\n\nMachine: {machine}\n\n{report}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument("--queries-repeat", type=int, default=5, metavar="R")
    parser.add_argument("--enter", action="store_true", help="search as after Enter (typing=False): no prefix")
    parser.add_argument(
        "--limit", type=int, default=50, metavar="L", help="hits kept per kind (default: 50, as the app)"
    )
    parser.add_argument("--all", dest="limit", action="store_const", const=None, help="keep every hit, with snippets")
    parser.add_argument("--index-memory", action="store_true", help="also trace a second build's memory")
    parser.add_argument("--record", action="store_true", help=f"append the results to {RESULTS.name}")
    args = parser.parse_args(argv)
    code = revision()  # now: the modules are imported, and others may edit src/ while this runs
    report = run(args)
    print(report)
    if args.record:
        record(report, args.events, code)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
