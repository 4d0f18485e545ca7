"""Benchmark the notebook: finding a dataset's notebook, saving a change, reading a snapshot.

    python bench/notebook_bench.py [--events N] [--notebooks K] [--items M] [--repeat R]

Measures; never asserts. What the interface pays: the dataset's identity (a hash of the file
and a sketch of its ids) and the search of the notebooks folder, once per opening, off the
interface thread; one committed change per keystroke that changes something (star, tag, note),
with a full sync to disk; a snapshot after each change, for the panes and the search.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from make_dataset import make_dataset

from junquito_tui.core.loader import validate_document
from junquito_tui.core.notebook import Notebook, locate
from junquito_tui.core.notebook.identity import DatasetIdentity, dataset_keys, sketch_of


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[-1]


def digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--notebooks", type=int, default=50, help="other datasets' notebooks in the folder")
    parser.add_argument("--items", type=int, default=1_000, help="marked items in the notebook")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        document = make_dataset(args.events)
        data = root / "data.json"
        data.write_text(json.dumps(document), encoding="utf-8")
        dataset = validate_document(document, str(data))
        folder = root / "notebooks"
        for number in range(args.notebooks):
            other = DatasetIdentity(f"Other dataset {number}", f"/elsewhere/{number}.json", f"{number:064x}", ())
            Notebook(folder / f"other-{number}.sqlite3", identity=other).set_starred("event", "x", True)
        identity = DatasetIdentity.of(data, dataset)
        book = Notebook(locate(identity, folder).path, identity=identity)
        for number in range(args.items):
            book.set_note("event", f"item-{number}", f"note {number} about the raid")
        counter = iter(range(10**9))
        snapshot, item = book.snapshot(), book.item("event", "item-0")
        size = data.stat().st_size
        rows = [
            ("hash of the dataset file", timed(lambda: digest(data), args.repeat)),
            ("sketch of its ids", timed(lambda: sketch_of(dataset_keys(dataset)), args.repeat)),
            (f"find its notebook among {args.notebooks + 1}", timed(lambda: locate(identity, folder), args.repeat)),
            ("one change (star), committed and synced", timed(lambda: book.toggle_starred("event", "x"), args.repeat)),
            (
                "one note saved, with its base",
                timed(lambda: book.set_note("event", "y", f"n {next(counter)}", base=None), args.repeat),
            ),
            (f"snapshot of {args.items + 2} items, read from the file", timed(book.snapshot, args.repeat)),
            ("snapshot updated after a change", timed(lambda: snapshot.with_item(("event", "z"), item), args.repeat)),
        ]
    print(f"{len(dataset.events):,} events ({size / 1e6:,.1f} MB), {args.repeat} runs each\n")
    print("| step | median ms | max ms |\n| --- | ---: | ---: |")
    for label, (median, worst) in rows:
        print(f"| {label} | {median:.2f} | {worst:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
