"""Importing and exporting take time in proportion to the input, whatever the input.

Counted, not timed (the machine is shared): the work of a run is the number of Python and C
function calls it makes, which a quadratic loop multiplies. Doubling the input must not double
the work twice over: a linear path does about 2x, a quadratic one 4x; the bound is 2.5x.
A last test times the worst case found (20,000 repeated ids), best of three runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from conftest import MINIMAL
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import export_text
from junquito_tui.core.interop.ids import IdAllocator
from junquito_tui.core.interop.timelinejs_import import from_timelinejs
from junquito_tui.core.loader import validate_document

RATIO = 2.5


def work(run: Callable[[], object]) -> int:
    """How many function calls (Python and C) ``run`` makes."""
    calls = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def assert_linear(run: Callable[[int], object], n: int) -> None:
    small, large = work(lambda: run(n)), work(lambda: run(2 * n))
    assert large <= RATIO * small, f"{n} -> {small:,} calls, {2 * n} -> {large:,} calls ({large / small:.2f}x)"


class CountingSet(set[str]):
    probes = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.probes += 1
        return super().__contains__(item)


@pytest.mark.parametrize(
    "wanted",
    [
        lambda i: "same",  # one id, over and over
        lambda i: "x" * 200,  # cut to make room for the suffix
        lambda i: "p" * 117 + f"{i % 1000:03d}",  # many long ids sharing the stem the suffix leaves
        lambda i: "a" if i % 2 else f"a-{i}",  # the numbers handed out directly as well
    ],
    ids=["same", "too-long", "shared-stem", "taken-numbers"],
)
def test_id_allocation_probes_each_candidate_once(wanted: Callable[[int], str]) -> None:
    def probes(n: int) -> int:
        ids = IdAllocator()
        ids.used = CountingSet()
        CountingSet.probes = 0
        taken = [ids.take(wanted(i)) for i in range(n)]
        assert len(set(taken)) == n  # and every id is new
        return CountingSet.probes

    assert probes(4_000) <= 4 * 4_000
    assert probes(8_000) <= RATIO * probes(4_000)


def _importing(slide: Callable[[int], dict[str, Any]], era: bool = False) -> Callable[[int], object]:
    def run(n: int) -> object:
        slides = [slide(i) for i in range(n)]
        document = {"events": [], "eras": slides} if era else {"events": slides}
        return from_timelinejs(document, "big.json")

    return run


_DATE = {"year": 2000, "month": 1, "day": 1}
IMPORTS: dict[str, Callable[[int], dict[str, Any]]] = {
    "same-unique-id": lambda i: {"start_date": _DATE, "unique_id": "same", "text": {"headline": "h"}},
    "same-headline-and-date": lambda i: {"start_date": _DATE, "text": {"headline": "The same headline"}},
    "links-with-a-long-common-prefix": lambda i: {
        "start_date": _DATE,
        "text": {"headline": "h", "text": f'<a href="https://example.org/{"a" * 60}/{i}">x</a>'},
    },
    "media": lambda i: {
        "start_date": _DATE,
        "text": {"headline": "h"},
        "media": {"url": f"https://example.org/{i}.jpg", "caption": "A photo", "credit": "Someone"},
    },
    "dates-in-reverse": lambda i: {"start_date": {"year": 3000 - i}, "text": {"headline": f"h {i}"}},
}


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_timelinejs_import_is_linear(name: str) -> None:
    assert_linear(_importing(IMPORTS[name]), 400)


def test_timelinejs_eras_import_is_linear() -> None:
    era = {"start_date": {"year": 1900}, "end_date": {"year": 1950}, "text": {"headline": "An era"}}
    assert_linear(_importing(lambda i: era, era=True), 400)


def _chronology(n: int) -> Chronology:
    data = {**MINIMAL, "events": [], "quotes": []}
    template = MINIMAL["events"][1]
    for i in range(n):
        event = {**template, "id": f"e{i}", "title": f"Event {i}", "summary": "=1+1; a, b\nc"}
        event["when"] = {**template["when"], "date": f"{2000 + i // 365:04d}-01-01T04:00"}
        data["events"].append(event)
    data["quotes"] = [
        {"id": f"q{i}", "text": "Said.", "speaker": "oscar-perez", "event": f"e{i}", "source": "article"}
        for i in range(n)
    ]
    return Chronology(validate_document(data, "big.json"))


@pytest.mark.parametrize("fmt", ["csv", "markdown", "timelinejs"])
def test_export_is_linear(fmt: str) -> None:
    chronologies = {n: _chronology(n) for n in (300, 600)}
    assert_linear(lambda n: export_text(chronologies[n], fmt), 300)


def test_twenty_thousand_repeated_ids_import_in_seconds_not_a_minute() -> None:
    # Measured before the fix: 20,000 slides with one unique_id took 41-88 s.
    run = _importing(IMPORTS["same-unique-id"])
    best = min(_seconds(lambda: run(20_000)) for _ in range(3))
    assert best < 10


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start
