"""CPU seconds of a first open's loading work, in-process: checked then shown, against read fast and checked
in a second process (median of ``--repeat`` runs; time.process_time, which the machine's load
changes far less than the wall time).

    python bench/fast_read_bench.py --data /tmp/big.json [--repeat 3]

Measures; never asserts.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xxhash

from junquito_tui.core import fast_json
from junquito_tui.core.checking import Check
from junquito_tui.core.files import read_file
from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.memory import collector_paused

LIMIT = 500_000_000


def cpu(work: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    with collector_paused():
        started = time.process_time()
        result = work()
        return time.process_time() - started, result


def child_cpu(path: Path, digest: str) -> tuple[float, float, str]:
    """The checking process's user+system CPU, its wall time and its outcome."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    outcome = Check(path, LIMIT, digest, size=path.stat().st_size).start().wait()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, wall, outcome.kind


def one_round(path: Path, note: Callable[[str, float], None]) -> None:
    took, _ = cpu(lambda: load_with_report(path, max_bytes=LIMIT))
    note("checked in-process (load_with_report: read, pydantic, integrity)", took)
    took, raw = cpu(lambda: read_file(path, LIMIT))
    note("fast: read the file", took)
    took, digest = cpu(lambda: xxhash.xxh3_128_hexdigest(raw))
    note("fast: xxh3-128 of the bytes (the cache key; what the check must find again)", took)
    took, _ = cpu(lambda: fast_json.has_control_escape(raw))
    note("fast: byte scan for control characters", took)
    took, structs = cpu(lambda: fast_json.decode(raw))
    note("fast: msgspec decode into the mirror structs", took)
    took, dataset = cpu(lambda: fast_json.to_model(structs))
    note("fast: convert to the model's classes", took)
    took, _ = cpu(lambda: fast_json.consistent(dataset))
    note("fast: the model's cross-field validators", took)
    took, _ = cpu(lambda: fast_json.slugs_ok(dataset))
    note("fast: ids and tags are slugs", took)
    took, _ = cpu(lambda: check_integrity(dataset))
    note("fast: check_integrity (references, order)", took)
    took, _ = cpu(lambda: fast_json.read_fast(raw))
    note("fast: read_fast, all of the above but the read and the hash", took)
    used, wall, kind = child_cpu(path, digest)
    note(f"second process: the full check and the comparison, CPU ({kind})", used)
    note("second process: wall, start to answer", wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, metavar="FILE")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = Path(args.data)
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    for _ in range(args.repeat):
        one_round(path, note)
    load = os.getloadavg()
    print(f"{path.name}: {path.stat().st_size / 1e6:,.0f} MB; median of {args.repeat}; load average {load[0]:.2f}")
    print("\n| stage | CPU s (median) |\n| --- | ---: |")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
