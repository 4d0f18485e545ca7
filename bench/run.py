"""Measure the "Scale and speed" targets in one run and print one table: figure | measured | target | ratio.

    python bench/run.py [--events N] [--seed S] [--record] [--quick] [--only startup|navigation|sheets]
    python bench/run.py --only navigation --data /tmp/big.json [--presses 100]
    python bench/run.py --only loading --data /tmp/big.json
    python bench/run.py --only reopen,visidata --data /tmp/big.json

Measures; never asserts. Start-up and loading are timed in a real pseudo-terminal driven by tmux
(a private tmux server, its pane read every ~10 ms by one control-mode client: ``observer.py``);
navigation in-process with
Textual's Pilot; search and the time axis as plain calls. ``--quick`` runs each part a few times at a
tiny size (the smoke test). ``--only startup`` measures start-up alone, three times as often;
``--only navigation`` the keys and jumps alone (``--presses`` each, on ``--data``, a dataset file made
by make_dataset.py, or one generated as for the whole run); ``--only loading`` the first open of
``--data`` alone (rows, memory of the app and of its checking process). ``--only`` also takes a
comma-separated list of the terminal parts ``loading``, ``visidata`` and ``reopen`` (on ``--data``
too), which print the machine's load average with their table. ``--only sheets`` the loading figures
of the same events as our JSON, an ACLED export and a TimelineJS sheet, side by side (``--repeat`` each).
``--record`` appends the table to bench/RESULTS.md. ratio = measured / target: at or below 1.00 meets
the target.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from make_dataset import make_dataset
from make_dataset import write as write_as
from observer import Observer
from search_bench import percentile, queries, revision
from tree_memory import TreeMemory

import junquito_tui
from junquito_tui.core import axis
from junquito_tui.core.cached_load import MIN_BYTES
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.memory import freeze_loaded_objects
from junquito_tui.core.navigation import Location
from junquito_tui.core.search import SearchIndex
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.messages import Navigate
from junquito_tui.ui.widgets.links import LinkList

RESULTS = Path(__file__).with_name("RESULTS.md")
ROOT = Path(__file__).resolve().parents[1]
MAX_BYTES = 500_000_000
SOCKET = f"junquito-bench-{os.getpid()}"  # a tmux server of our own: other sessions are never touched
BARE_MARKER = "BARE-APP-READY-7f3a"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Footer, Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static({BARE_MARKER!r})
        yield Footer()


Bare().run()
"""
ROW = re.compile(r"│ ── \S")  # a day heading at the left edge of the timeline pane
Row = tuple[str, str, str, str]  # figure, measured, target, ratio
NO_TMUX = "skipped: no tmux"
SHEET_FORMATS = ("acled", "timelinejs-sheet")


# -- tmux ------------------------------------------------------------------------------------------
def tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False)


def screen(name: str) -> str | None:
    """The pane's text, or None once the session is gone (its process exited)."""
    result = tmux("capture-pane", "-p", "-t", name)
    return result.stdout if result.returncode == 0 else None


SEARCH_RESULTS = re.compile(r"Events \(\d")  # the search panel's first group heading


def rows_visible(text: str) -> bool:
    return "Timeline ·" in text and ROW.search(text) is not None


class Pane:
    """One command in a fresh 120x40 tmux session; times are seconds since just before new-session.
    Its text is read by one control-mode client (``observer.Observer``); ``by_process``: by a new
    ``tmux capture-pane`` process each time, as earlier rounds read it (~2 ms of CPU a look)."""

    count = 0

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None, *, by_process: bool = False) -> None:
        Pane.count += 1
        self.name = f"b{Pane.count}"
        settings = {"TERM": "xterm-256color", **(env or {})}
        command = shlex.join(["env", *(f"{key}={value}" for key, value in settings.items()), *argv])
        self.start = time.perf_counter()
        tmux("new-session", "-d", "-x", "120", "-y", "40", "-c", str(ROOT), "-s", self.name, command)
        self.observer = None if by_process else Observer(SOCKET, self.name)

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def text(self) -> str | None:
        """The pane's text now; None once its session is gone."""
        return screen(self.name) if self.observer is None else self.observer.capture()

    def wait(self, done: Callable[[str], bool], timeout: float) -> float | None:
        while self.elapsed() < timeout:
            text = self.text()
            if text is None:
                return None
            if done(text):
                return self.elapsed()
            time.sleep(0.01)
        return None

    def wait_exit(self, timeout: float) -> float | None:
        while self.elapsed() < timeout:
            if self.observer is not None and self.observer.capture() is None:
                return self.elapsed()
            if self.observer is None and tmux("has-session", "-t", self.name).returncode != 0:
                return self.elapsed()
            time.sleep(0.01)
        return None

    def close(self) -> None:
        if self.observer is not None:
            self.observer.close()
        tmux("kill-session", "-t", self.name)

    def pid(self) -> int | None:
        found = tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").stdout.strip()
        return int(found) if found.isdigit() else None


def app_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "junquito_tui", *args]


def seconds(value: float | None) -> str:
    return "timed out" if value is None else f"{value:.2f} s"


def ratio(measured: float | None, target: float | None) -> str:
    return "—" if measured is None or not target else f"{measured / target:.2f}"


# -- 1. start-up on the bundled dataset ----------------------------------------------------------------
def startup(repeat: int, timeout: float) -> list[Row]:
    bare = Path(tempfile.mkdtemp()) / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    # A cache folder of our own (the user's is never touched), holding the bundled dataset as any
    # earlier start leaves it: the figure is an ordinary start. A first start ever (an empty cache:
    # the file is checked, pydantic and all) is timed apart, each in a new empty folder.
    warm = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="junquito-bench-cache-")}
    fill_cache(warm, timeout)
    ours_times: list[float] = []
    cold_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(repeat):  # alternating, so drifts in the machine's load hit both alike
        cold = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="junquito-bench-cache-")}
        for argv, env, done, times in (
            (app_argv(), warm, rows_visible, ours_times),
            ([sys.executable, str(bare)], {}, lambda text: BARE_MARKER in text, bare_times),
            (app_argv(), cold, rows_visible, cold_times),
        ):
            pane = Pane(argv, env)
            took = pane.wait(done, timeout)
            pane.close()
            if took is not None:
                times.append(took)
    ours = statistics.median(ours_times) if ours_times else None
    base = statistics.median(bare_times) if bare_times else None
    first = statistics.median(cold_times) if cold_times else None
    target = 1.3 * base if base else None
    return [
        ("start-up, bundled dataset, to timeline rows (median)", seconds(ours), f"<= 1.3 x bare = {seconds(target)}",
         ratio(ours, target)),
        ("start-up, bare Textual app (Static + Footer), same run", seconds(base), "", ""),
        ("start-up, bundled dataset, first start ever (empty cache), same run", seconds(first), "", ""),
    ]  # fmt: skip


def fill_cache(env: dict[str, str], timeout: float) -> None:
    """Start once and quit once the dataset is written to the cache (after the first frame)."""
    pane = Pane(app_argv(), env)
    pane.wait(rows_visible, timeout)
    entries = Path(env["XDG_CACHE_HOME"], "junquito-tui", "datasets")
    deadline = time.perf_counter() + timeout
    while not list(entries.glob("*.jqc")) and time.perf_counter() < deadline:
        time.sleep(0.05)
    tmux("send-keys", "-t", pane.name, "q")
    pane.wait_exit(timeout)
    pane.close()


# -- 2. loading a large dataset ------------------------------------------------------------------------------
def loading(path: Path, repeat: int, timeout: float, label: str = "large dataset") -> list[Row]:
    argv = app_argv("--data", str(path), "--max-bytes", str(MAX_BYTES))
    firsts: list[float] = []
    rows: list[float] = []
    row_cpus: list[float] = []
    rows_by_process: list[float] = []
    searched: list[float] = []
    peaks: list[float] = []
    trees: list[TreeMemory] = []
    timer = Path("/usr/bin/time").exists()
    for _ in range(repeat):
        # 1. Timed: read by one control-mode client, nothing else looking. A first open each time:
        # an empty cache (the cached reopen is measured on its own, below).
        empty = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cache-")}
        pane = Pane(argv, empty)
        root = pane.pid()
        first = pane.wait(lambda text: text.strip() != "", timeout)
        row = pane.wait(rows_visible, timeout)
        if row is not None and root is not None and (used := TreeMemory(root).app_cpu()) is not None:
            row_cpus.append(used)  # (one read of /proc, when the rows show: no sampling thread)
        tmux("send-keys", "-t", pane.name, "q")
        pane.wait_exit(pane.elapsed() + 30)
        pane.close()
        shutil.rmtree(empty["XDG_CACHE_HOME"], ignore_errors=True)
        firsts += [first] if first is not None else []
        rows += [row] if row is not None else []
        # 2. Memory, as earlier rounds measured it all: /usr/bin/time, /proc sampled every 20 ms, the
        # pane read by a tmux process a look (its rows figure kept, for comparison with those rounds).
        report = Path(tempfile.mkdtemp()) / "time.txt"
        empty = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cache-")}
        command = ["/usr/bin/time", "-v", "-o", str(report), *argv] if timer else argv
        pane = Pane(command, empty, by_process=True)
        root = pane.pid()
        tree = TreeMemory(root).start() if root is not None and Path("/proc").is_dir() else None
        row = pane.wait(rows_visible, timeout)
        rows_by_process += [row] if row is not None else []
        # A first search waits for the index the app builds in the background once rows are up, so
        # the peak memory below covers the whole of a session: dataset, interface and index.
        # (A pane may already show an 'Events (N)' heading, an actor's profile: wait for one more.)
        before = len(SEARCH_RESULTS.findall(pane.text() or ""))
        tmux("send-keys", "-t", pane.name, "/")
        tmux("send-keys", "-t", pane.name, "-l", "raid")
        found = pane.wait(lambda text, before=before: len(SEARCH_RESULTS.findall(text)) > before, timeout)
        searched += [found] if found is not None else []
        tmux("send-keys", "-t", pane.name, "Escape")  # then wait: escape and q at once read as alt+q
        pane.wait(lambda text: "Close search" not in text, timeout)
        if tree is not None:
            tree.stop()
            trees.append(tree)
        tmux("send-keys", "-t", pane.name, "q")
        pane.wait_exit(pane.elapsed() + 30)
        pane.close()
        shutil.rmtree(empty["XDG_CACHE_HOME"], ignore_errors=True)  # the entry this first open wrote
        if timer and (peak := peak_rss_mb(report)) is not None:
            peaks.append(peak)
    first_s = statistics.median(firsts) if firsts else None
    rows_s = rows[0] if rows else None  # the first run: a fresh process, file just written (page cache warm)
    peak = max(peaks) if peaks else None
    earlier = rows_by_process[0] if rows_by_process else None
    found = [
        (f"{label}: first frame of anything (median)", seconds(first_s), "<= 0.50 s", ratio(first_s, 0.5)),
        (f"{label}: timeline rows visible (first run)", seconds(rows_s), "<= 2.00 s", ratio(rows_s, 2.0)),
        (f"{label}: timeline rows visible (median)", seconds(statistics.median(rows) if rows else None), "", ""),
        (f"{label}: the app's CPU time (user + system, /proc) when rows first show (median)",
         seconds(statistics.median(row_cpus) if row_cpus else None), "", ""),
        (f"{label}: timeline rows visible, looked at as earlier rounds did (a tmux process a look, "
         "memory sampled; first run, median)",
         f"{seconds(earlier)}, {seconds(statistics.median(rows_by_process) if rows_by_process else None)}", "", ""),
        (f"{label}: first search results (index built after the rows, median)",
         seconds(statistics.median(searched) if searched else None), "", ""),
        (f"{label}: peak RSS, loading + rows + first search, the largest single process (/usr/bin/time -v)",
         f"{peak:,.0f} MB" if peak else "not measured", "<= 400 MB", ratio(peak, 400)),
        *tree_rows(label, trees),
    ]  # fmt: skip
    if label == "large dataset":
        found += [quit_while_loading(argv, timeout), quit_bare(timeout)]
    return found


def tree_rows(label: str, trees: list[TreeMemory]) -> list[Row]:
    """The app's own peak, its checking process's, and the two together (see tree_memory.py)."""
    if not trees:
        return []
    mb = 1024
    app = max(t.app_peak_kb for t in trees) / mb
    helper = max(t.helper_peak_kb for t in trees) / mb
    total = max(t.sum_peak_kb for t in trees) / mb
    helpers = max(t.helpers_seen for t in trees)
    return [
        (f"{label}: peak RSS of the app's own process (VmHWM)", f"{app:,.0f} MB", "", ""),
        (f"{label}: peak RSS of its checking process ({helpers} seen; VmHWM)",
         f"{helper:,.0f} MB" if helpers else "none started", "", ""),
        (f"{label}: peak RSS of the app and its checking process together (sampled every 20 ms)",
         f"{total:,.0f} MB", "", ""),
    ]  # fmt: skip


def cached_entry(home: Path) -> bool:
    """Whether the app has written its dataset cache entry (and no write is under way)."""
    folder = home / "junquito-tui" / "datasets"
    return folder.is_dir() and any(folder.glob("*.jqc")) and not any(folder.glob(".*.tmp"))


def reopen(path: Path, repeat: int, timeout: float, visidata_s: float | None) -> list[Row]:
    """The same file opened again, unchanged: the first open writes the cache, the next ones read it."""
    argv = app_argv("--data", str(path), "--max-bytes", str(MAX_BYTES))
    figure = "large dataset opened again, unchanged (from the cache): timeline rows visible (median)"
    if path.stat().st_size < MIN_BYTES:
        return [(figure, f"not cached: under {MIN_BYTES / 2**20:.0f} MB, a file is checked instead", "", "")]
    home = Path(tempfile.mkdtemp(prefix="cache-"))
    env = {"XDG_CACHE_HOME": str(home)}
    pane = Pane(argv, env)  # the first open, which writes the entry once the explorer is up
    written = pane.wait(rows_visible, timeout) is not None
    while written and not cached_entry(home) and pane.elapsed() < 60:
        time.sleep(0.05)
    tmux("send-keys", "-t", pane.name, "q")
    pane.wait_exit(pane.elapsed() + 30)
    pane.close()
    rows: list[float] = []
    peaks: list[float] = []
    timer = Path("/usr/bin/time").exists()
    for _ in range(repeat if cached_entry(home) else 0):
        report = Path(tempfile.mkdtemp()) / "time.txt"
        pane = Pane(["/usr/bin/time", "-v", "-o", str(report), *argv] if timer else argv, env)
        row = pane.wait(rows_visible, timeout)
        tmux("send-keys", "-t", pane.name, "q")
        pane.wait_exit(pane.elapsed() + 30)
        pane.close()
        rows += [row] if row is not None else []
        if timer and (peak := peak_rss_mb(report)) is not None:
            peaks.append(peak)
    shutil.rmtree(home, ignore_errors=True)
    median = statistics.median(rows) if rows else None
    target = 1.5 * visidata_s if visidata_s else None
    peak = max(peaks) if peaks else None
    return [
        (figure, seconds(median) if rows else "no cache entry written",
         f"<= 1.5 x VisiData = {seconds(target)}" if target else "<= 1.5 x VisiData", ratio(median, target)),
        ("large dataset opened again: peak RSS to rows and q (/usr/bin/time -v)",
         f"{peak:,.0f} MB" if peak else "not measured", "", ""),
    ]  # fmt: skip


VISIDATA_VENV = Path("/tmp/junquito-bench/visidata-venv")


def visidata_command(install: bool) -> Path | None:
    """VisiData in a venv of its own (never a dependency of ours), installed from PyPI if asked."""
    vd = VISIDATA_VENV / "bin" / "vd"
    if not vd.exists() and install:
        subprocess.run([sys.executable, "-m", "venv", str(VISIDATA_VENV)], check=False, capture_output=True)
        pip = VISIDATA_VENV / "bin" / "pip"
        subprocess.run([str(pip), "install", "--quiet", "visidata"], check=False, capture_output=True)
    return vd if vd.exists() else None


def visidata(path: Path, repeat: int, timeout: float, install: bool) -> tuple[list[Row], float | None]:
    """VisiData's time to its first rows of the same events, as JSON Lines (one event a line)."""
    vd = visidata_command(install)
    figure = "VisiData: the same events as JSON Lines, first rows visible (median)"
    if vd is None:
        return [(figure, "skipped: VisiData not installed" + (" (--quick)" if not install else ""), "", "")], None
    document = json.loads(path.read_bytes())
    lines = path.with_suffix(".jsonl")
    with lines.open("w", encoding="utf-8") as handle:
        for event in document["events"]:
            handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    first = document["events"][0]["id"][:12]  # the first row's id, as its (narrow) column shows it
    del document
    home = tempfile.mkdtemp(prefix="vd-home-")  # its settings and logs, not the user's
    times: list[float] = []
    for _ in range(repeat):
        pane = Pane([str(vd), str(lines)], {"HOME": home})
        took = pane.wait(lambda text: first in text, timeout)
        tmux("send-keys", "-t", pane.name, "C-q")  # quits at once, even while reading
        pane.wait_exit(pane.elapsed() + 10)
        pane.close()
        times += [took] if took is not None else []
    size = lines.stat().st_size / 1e6
    lines.unlink()
    shutil.rmtree(home, ignore_errors=True)
    median = statistics.median(times) if times else None
    return [(f"VisiData {visidata_version(vd)}: the same events as JSON Lines ({size:,.0f} MB), first rows visible "
             "(median)", seconds(median), "", "")], median  # fmt: skip


def visidata_version(vd: Path) -> str:
    found = subprocess.run([str(vd), "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"v(\d[\w.]*)", found)
    return match.group(1) if match else "?"


def spreadsheets(events: int, seed: int, repeat: int, timeout: float) -> list[Row]:
    """The same loading figures for the same events as an ACLED export and as a TimelineJS sheet (CSV)."""
    out: list[Row] = []
    for fmt in SHEET_FORMATS:
        path = Path(tempfile.mkdtemp()) / f"{fmt}-{events}.csv"
        write_as(fmt, events, str(path), seed)
        label = f"{fmt} CSV, {events:,} rows ({path.stat().st_size / 1e6:,.0f} MB)"
        out += loading(path, repeat, timeout, label)
        path.unlink()
    return out


def peak_rss_mb(report: Path) -> float | None:
    """The "Maximum resident set size" that /usr/bin/time -v wrote, in MB."""
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text()) if report.exists() else None
    return int(found.group(1)) / 1024 if found else None


def quit_while_loading(argv: list[str], timeout: float) -> Row:
    """Press q 0.3 s after start; how long until the process has exited."""
    pane = Pane(argv)
    time.sleep(max(0.0, 0.3 - pane.elapsed()))
    tmux("send-keys", "-t", pane.name, "q")
    pressed = pane.elapsed()
    gone = pane.wait_exit(timeout)
    pane.close()
    took = None if gone is None else gone - pressed
    return ("large dataset: q pressed at 0.3 s, until the process exits", seconds(took),
            "prompt (<= 0.50 s assumed)", ratio(took, 0.5))  # fmt: skip


def quit_bare(timeout: float) -> Row:
    """The floor for the figure above: q in the bare Textual app, once it shows, until it has exited."""
    bare = Path(tempfile.mkdtemp()) / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    pane = Pane([sys.executable, str(bare)])
    pane.wait(lambda text: BARE_MARKER in text, timeout)
    tmux("send-keys", "-t", pane.name, "q")
    pressed = pane.elapsed()
    gone = pane.wait_exit(timeout)
    pane.close()
    return ("bare Textual app: q until the process exits (Textual's own shutdown)",
            seconds(None if gone is None else gone - pressed), "", "")  # fmt: skip


# -- 3. navigation ---------------------------------------------------------------------------------
Timing = tuple[float, float | None, float | None]  # wall ms with pilot.pause(); to the first update: wall, CPU


async def navigation_times(chronology: Chronology, presses: int) -> dict[str, list[Timing]]:
    """Per action: (wall ms of the action + pilot.pause(), ms from the action to the first repaint after
    it, main-thread CPU ms over the same span: what the machine's load does not change)."""
    app = JunquitoApp(chronology)
    appearances = chronology.appearances
    busiest = max(appearances, key=lambda a: len(appearances[a]))
    typical = min(appearances, key=lambda a: (abs(len(appearances[a]) - 500), a))  # the "500 events"
    first = Location("event", chronology.events[0].id)
    paints: list[tuple[float, float]] = []  # (perf_counter, thread_time) of each compositor update
    shown: list[float] = []  # when the screen finished showing a jump's target
    display = app._display

    def stamped(screen: object, renderable: object) -> None:
        if renderable is not None:  # the compositor has just rendered an update for the screen
            paints.append((time.perf_counter(), time.thread_time()))
        display(screen, renderable)  # type: ignore[arg-type]

    app._display = stamped  # type: ignore[method-assign]
    times: dict[str, list[Timing]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        explorer = app.screen
        while explorer.search_panel.is_large and explorer.search_panel.index is None:  # type: ignore[attr-defined]
            await asyncio.sleep(0.05)  # a large dataset's search index builds in a thread: let it finish
        await pilot.press("1")
        screen = app.screen
        show = screen._show  # type: ignore[attr-defined]

        def stamped_show(target: Location) -> None:
            show(target)
            shown.append(time.perf_counter())

        screen._show = stamped_show  # type: ignore[attr-defined]

        async def timed(
            label: str, act: Callable[[], Awaitable[object]], reset: bool = False, repeat: int = presses
        ) -> None:
            for _ in range(repeat):
                if reset:
                    app.screen.post_message(Navigate(first))
                    await pilot.pause()
                paints.clear()
                shown.clear()
                start, cpu = time.perf_counter(), time.thread_time()
                await act()
                await pilot.pause()
                wall = (time.perf_counter() - start) * 1000
                # a jump counts from the first update that can show it, not one already on its way
                since = shown[0] if shown else start
                update = next(((p - start, c - cpu) for p, c in paints if p >= since), None)
                repaint, used = (update[0] * 1000, update[1] * 1000) if update else (None, None)
                times.setdefault(label, []).append((wall, repaint, used))

        async def follow(actor: str) -> None:
            """As a user does: open an event the actor is in, put the cursor on their link, press enter."""
            label = f"goto actor {actor} ({len(appearances[actor]):,} events) by enter on a link"
            for count in range(presses):
                event = appearances[actor][count % len(appearances[actor])].event
                app.screen.post_message(Navigate(Location("event", event.id)))
                await pilot.pause()
                page = app.screen.query_one("#event-detail", LinkList)
                page.focus()
                page.highlight_target(Location("actor", actor))
                await pilot.pause()
                await timed(label, lambda: pilot.press("enter"), repeat=1)

        await timed("f12 (no binding: baseline)", lambda: pilot.press("f12"))
        await timed("down", lambda: pilot.press("down"))
        await timed("pagedown", lambda: pilot.press("pagedown"))
        await timed("end", lambda: pilot.press("end"), reset=True)
        await follow(typical)
        await follow(busiest)  # informative: the largest profile in the dataset
    return times


def navigation(chronology: Chronology, presses: int) -> list[Row]:
    freeze_loaded_objects()  # as the app does after a load: the collector no longer re-walks the dataset
    times = asyncio.run(navigation_times(chronology, presses))
    labels = list(times)
    baseline = statistics.median(wall for wall, _, _ in times[labels[0]])
    base_p95 = percentile(sorted(wall for wall, _, _ in times[labels[0]]), 0.95)
    out: list[Row] = [(f"navigation: {labels[0]}, wall p95 (median {baseline:.1f} ms)", f"{base_p95:.1f} ms", "", "")]
    for label in labels[1:]:
        p95 = max(0.0, percentile(sorted(wall for wall, _, _ in times[label]), 0.95) - baseline)
        out.append((f"navigation: {label}, key to repaint p95", f"{p95:.1f} ms", "<= 16 ms", ratio(p95, 16)))
    for label in labels[1:]:
        hooked = sorted(r for _, r, _ in times[label] if r is not None)
        p95 = percentile(hooked, 0.95) if hooked else None
        missed = len(times[label]) - len(hooked)
        shown = f"{p95:.1f} ms" if p95 is not None else "no repaint"
        median = f"median {statistics.median(hooked):.1f} ms, " if hooked else ""
        figure = f"navigation: {label}, key to first compositor update p95 ({median}{len(hooked)} presses)"
        figure += f" ({missed} without)" if missed else ""
        out.append((figure, shown, "<= 16 ms", ratio(p95, 16)))
    for label in labels[1:]:
        used = sorted(c for _, _, c in times[label] if c is not None)
        if used:
            figure = f"navigation: {label}, main-thread CPU to it, p95 (median {statistics.median(used):.1f} ms)"
            out.append((figure, f"{percentile(used, 0.95):.1f} ms", "", ""))
    return out


# -- 4. search, 5. axis ----------------------------------------------------------------------------
def search(chronology: Chronology, repeat: int) -> list[Row]:
    start = time.perf_counter()
    index = SearchIndex(chronology)
    build = time.perf_counter() - start
    samples = []
    for text in queries(chronology):
        for _ in range(repeat):
            start = time.perf_counter()
            index.search(text, limit=50)
            samples.append((time.perf_counter() - start) * 1000)
    p95 = percentile(sorted(samples), 0.95)
    return [
        ("search: query p95 (search_bench queries, limit 50)", f"{p95:.1f} ms", "<= 20 ms", ratio(p95, 20)),
        ("search: index build (in a worker thread in the app)", f"{build:.2f} s", "", ""),
    ]


def time_axis(chronology: Chronology, repeat: int) -> list[Row]:
    placement = axis.Placement(chronology.events)
    every = placement.layer()
    half = [placement.position[e.id] for e in chronology.events[::2]]
    if every.extent is None:
        return [("axis: new zoom / new filter", "no dated events", "", "")]
    centre = sum(every.extent) / 2
    levels = axis.zoom_levels(every.extent)

    def median_ms(work: Callable[[], object]) -> float:
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            work()
            samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)

    zoom = max(median_ms(lambda z=z: axis.build(100, every, z, centre)) for z in levels)  # type: ignore[misc]
    refilter = median_ms(lambda: axis.build(100, placement.layer(half), levels[0], centre, every))
    return [
        ("axis: new zoom (median, slowest level)", f"{zoom:.2f} ms", "<= 10 ms", ratio(zoom, 10)),
        ("axis: new filter, half the events (median)", f"{refilter:.2f} ms", "<= 10 ms", ratio(refilter, 10)),
    ]


# -- the run -------------------------------------------------------------------------------------------
def run(args: argparse.Namespace) -> str:
    repeat = 2 if args.quick else 5
    timeout = 180.0
    if args.only == "startup":
        try:
            found = startup(3 * repeat, timeout) if shutil.which("tmux") else [("start-up", NO_TMUX, "", "")]
        finally:
            tmux("kill-server")
        table = ["| figure | measured | target | ratio |", "| --- | ---: | ---: | ---: |"]
        table += [f"| {' | '.join(row)} |" for row in found]
        return "\n".join(["Start-up only (`--only startup`); terminal 120x40", "", *table, "", METHOD])
    # Our own cache folder: the user's cache is never read nor filled by the bench.
    own_cache = tempfile.mkdtemp(prefix="junquito-bench-cache-")
    os.environ["XDG_CACHE_HOME"] = own_cache
    if args.only == "navigation":
        try:
            return navigation_only(args)
        finally:
            shutil.rmtree(own_cache, ignore_errors=True)
    if args.only:
        try:
            if args.only == "sheets":
                return sheets_only(args, timeout)
            if args.only == "loading":
                return loading_only(args, 1 if args.quick else 3, timeout)
            return terminal_only(args, args.only.split(","), timeout)
        finally:
            tmux("kill-server")
            shutil.rmtree(own_cache, ignore_errors=True)
    path = Path(tempfile.mkdtemp()) / f"events-{args.events}.json"
    document = make_dataset(args.events, args.seed)
    path.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    del document
    rows: list[Row] = []
    if shutil.which("tmux") and not args.no_tmux:
        try:
            rows += startup(repeat, timeout)
            rows += loading(path, 1 if args.quick else 3, timeout)
            found, visidata_s = visidata(path, 1 if args.quick else 5, timeout, install=not args.quick)
            rows += found + reopen(path, 1 if args.quick else 5, timeout, visidata_s)
            rows += spreadsheets(args.events, args.seed, 1 if args.quick else 3, timeout)
        finally:
            tmux("kill-server")
    else:
        why = "skipped (--no-tmux)" if args.no_tmux else NO_TMUX
        rows += [(figure, why, "", "") for figure in ("start-up", "large dataset")]
    chronology = Chronology(load_dataset(path, max_bytes=MAX_BYTES))
    rows += navigation(chronology, 5 if args.quick else 30)
    rows += search(chronology, 1 if args.quick else 3)
    rows += time_axis(chronology, 3 if args.quick else 5)
    head = (
        f"{args.events:,} events, {len(chronology.actors):,} actors, {len(chronology.quotes):,} quotes "
        f"(bench/make_dataset.py, seed {args.seed}, {path.stat().st_size / 1e6:,.0f} MB); terminal 120x40"
    )
    table = ["| figure | measured | target | ratio |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    path.unlink()
    shutil.rmtree(own_cache, ignore_errors=True)
    return "\n".join([head, "", *table, "", METHOD])


def loading_only(args: argparse.Namespace, repeat: int, timeout: float) -> str:
    """The first-open figures alone, on ``--data`` (never deleted) or a dataset generated for the run."""
    path = Path(args.data) if args.data else Path(tempfile.mkdtemp()) / f"events-{args.events}.json"
    if not args.data:
        path.write_text(json.dumps(make_dataset(args.events, args.seed), ensure_ascii=False) + "\n", encoding="utf-8")
    if not shutil.which("tmux"):
        return NO_TMUX
    load = os.getloadavg()
    rows = loading(path, repeat, timeout)
    load = tuple(max(a, b) for a, b in zip(load, os.getloadavg(), strict=True))
    head = (
        f"First open only (`--only loading`), {path.name} ({path.stat().st_size / 1e6:,.0f} MB), {repeat} runs; "
        f"terminal 120x40; load average (1, 5, 15 min, the higher of before and after): "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    table = ["| figure | measured | target | ratio |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    if not args.data:
        path.unlink()
    return "\n".join([head, "", *table, "", METHOD])


def sheets_only(args: argparse.Namespace, timeout: float) -> str:
    """The loading figures of the same events as our JSON, an ACLED export and a TimelineJS sheet."""
    if not shutil.which("tmux"):
        return f"Spreadsheets only (`--only sheets`): {NO_TMUX}"
    repeat = args.repeat or (1 if args.quick else 3)
    path = Path(tempfile.mkdtemp()) / f"events-{args.events}.json"
    write_as("json", args.events, str(path), args.seed, quotes=0)  # the sheets carry no quotes either
    load = os.getloadavg()
    rows = loading(path, repeat, timeout, f"our JSON, {args.events:,} events ({path.stat().st_size / 1e6:,.0f} MB)")
    path.unlink()
    rows += spreadsheets(args.events, args.seed, repeat, timeout)
    load = tuple(max(a, b) for a, b in zip(load, os.getloadavg(), strict=True))
    head = (
        f"Spreadsheets only (`--only sheets`), {args.events:,} events (seed {args.seed}, no quotes), {repeat} "
        f"runs each; terminal 120x40; load average (1, 5, 15 min, the higher of before and after): "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    table = ["| figure | measured | target | ratio |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join([head, "", *table, "", METHOD])


def navigation_only(args: argparse.Namespace) -> str:
    """The navigation figures alone, on ``--data`` (never deleted) or a dataset generated for the run."""
    path = Path(args.data) if args.data else Path(tempfile.mkdtemp()) / f"events-{args.events}.json"
    if not args.data:
        path.write_text(json.dumps(make_dataset(args.events, args.seed), ensure_ascii=False) + "\n", encoding="utf-8")
    chronology = Chronology(load_dataset(path, max_bytes=MAX_BYTES))
    presses = args.presses or (5 if args.quick else 30)
    load = os.getloadavg()
    rows = navigation(chronology, presses)
    load = tuple(max(a, b) for a, b in zip(load, os.getloadavg(), strict=True))
    head = (
        f"Navigation only (`--only navigation`), {len(chronology.events):,} events ({path.name}), "
        f"{presses} presses each; terminal 120x40; load average (1, 5, 15 min, the higher of before and "
        f"after): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    table = ["| figure | measured | target | ratio |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    if not args.data:
        path.unlink()
    return "\n".join([head, "", *table, "", METHOD])


def terminal_only(args: argparse.Namespace, parts: list[str], timeout: float) -> str:
    """Some of the loading parts alone (``loading``, ``visidata``, ``reopen``), side by side in one run."""
    path = Path(args.data) if args.data else Path(tempfile.mkdtemp()) / f"events-{args.events}.json"
    if not args.data:
        path.write_text(json.dumps(make_dataset(args.events, args.seed), ensure_ascii=False) + "\n", encoding="utf-8")
    repeat = 1 if args.quick else 5
    load = os.getloadavg()
    rows: list[Row] = []
    if not shutil.which("tmux"):
        rows.append(("loading parts", NO_TMUX, "", ""))
    else:
        if "loading" in parts:
            rows += loading(path, 1 if args.quick else 3, timeout)
        visidata_s = None
        if "visidata" in parts:
            found, visidata_s = visidata(path, repeat, timeout, install=not args.quick)
            rows += found
        if "reopen" in parts:
            rows += reopen(path, repeat, timeout, visidata_s)
    load = tuple(max(a, b) for a, b in zip(load, os.getloadavg(), strict=True))
    head = (
        f"Only {', '.join(parts)} (`--only`), {path.name} ({path.stat().st_size / 1e6:,.0f} MB); terminal 120x40; "
        f"load average (1, 5, 15 min, the higher of before and after): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    table = ["| figure | measured | target | ratio |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    if not args.data:
        path.unlink()
    return "\n".join([head, "", *table, "", METHOD])


METHOD = """Method: start-up and loading run `python -m junquito_tui` in a detached 120x40 tmux session
(TERM=xterm-256color), reading the pane every ~10 ms from just before `new-session` with `capture-pane`
sent to one tmux control-mode client (bench/observer.py: ~0.07 ms a look; earlier rounds ran a
`tmux capture-pane` process a look, ~2 ms of CPU each, taken from the app's two cores); "rows
visible" is the border title "Timeline ·" plus a day heading (`│ ── …`) on screen. Start-up alternates
our app (its bytecode compiled first, as an install does; the bundled dataset in the bench's own
cache folder, filled by one start before, as any earlier start leaves it), a bare Textual app (one
Static, a Footer) and our app's first start ever (a new empty cache folder each time: the file is
checked) and takes medians. A large dataset's first open is timed (first frame, rows, and the app's own
CPU time, user + system from /proc/PID/stat, at the moment rows first show, which the machine's load
changes far less than the wall time) in a run where nothing else looks; a second run per repeat
measures memory as earlier rounds did, and its rows figure is kept beside, for comparison with them
(the pane read by a `tmux capture-pane` process a look, and /proc sampled meanwhile). Peak RSS is
/usr/bin/time -v's "Maximum resident set size" of that run, which shows rows, searches for `raid`
(waiting for the index the app builds in the background) and quits with `q`: the largest single
process. The app checks a large first open in a second process, so the same run is also sampled from
/proc (bench/tree_memory.py): the app's own peak (VmHWM), the checking process's, and the largest sum
of the two seen in one 20 ms sample. Navigation runs in-process
(Pilot, 120x40): each figure is the wall time of `await pilot.press(key)` + `await pilot.pause()`,
p95, minus the median of the same for `f12` (no binding) as the Pilot's own overhead (the Pilot waits
for the process to go idle in 20 ms slices, and long lists measure their rows' heights in idle 1 ms
slices after each move, so this figure counts that background work too and is coarse). A second figure per key stamps
`App._display` (called with each compositor update) and takes the time from just before the key press
to the first update after it (for a jump, the first update after the screen has shown the target),
and the main thread's CPU time (time.thread_time) over the same span, which the machine's load
changes far less than the wall time. The search index (built in a thread) is ready before any key
is pressed, and the loaded objects are
frozen for the collector as the app does after a load; `end` starts from the first event each time.
An actor jump is `enter` on the actor's link in the Event pane of one of their events (a different
event each time): to the actor with the number of events closest to 500, and to the busiest actor.
Every first open starts from an empty cache folder (XDG_CACHE_HOME). "Opened again" opens the file
once, waits until the app has written its cache entry (after the first frame, in the background) and
quits; then times each further open, to rows, from that entry. VisiData (installed by the bench from
PyPI into /tmp/junquito-bench/visidata-venv, never a dependency of ours; its HOME a temporary folder)
opens the same events written one a line as JSON Lines, in the same 120x40 tmux set-up: "first rows"
is the first event's id on screen (VisiData reads on in the background and shows rows as they come).
ratio = measured / target."""


def machine() -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{now}; {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


LOADING_PARTS = ("loading", "visidata", "reopen")


def only_parts(value: str) -> str:
    """'startup', 'navigation', 'sheets', or a comma-separated list of LOADING_PARTS."""
    parts = value.split(",")
    if value in ("startup", "navigation", "sheets") or (parts and all(part in LOADING_PARTS for part in parts)):
        return value
    loading_parts = ", ".join(LOADING_PARTS)
    raise argparse.ArgumentTypeError(
        f"{value!r}: choose startup, navigation, sheets, or any of {loading_parts} (comma-separated)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, metavar="N", help="default 100,000 (300 with --quick)")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument("--record", action="store_true", help=f"append the table to {RESULTS.name}")
    parser.add_argument("--quick", action="store_true", help="few repeats, tiny size: a smoke test")
    parser.add_argument(
        "--no-tmux", action="store_true", help="only the in-process parts (navigation, search, axis): no terminal runs"
    )
    parser.add_argument(
        "--only",
        type=only_parts,
        metavar="PART[,PART]",
        help="only this part: startup, navigation, sheets, or any of loading, visidata, reopen (comma-separated)",
    )
    parser.add_argument("--data", metavar="FILE", help="with --only: this dataset (make_dataset.py)")
    parser.add_argument("--repeat", type=int, metavar="R", help="with --only sheets: runs per file (default 3)")
    parser.add_argument("--presses", type=int, metavar="P", help="with --only navigation: presses per key")
    args = parser.parse_args(argv)
    args.events = args.events if args.events is not None else 300 if args.quick else 100_000
    code = revision()
    # Bytecode for our package, as `pip install` writes it (Textual's is there already), before every part
    # that starts the app: from a checkout under PYTHONDONTWRITEBYTECODE, each run compiled the modules
    # changed or added since the last bytecode (importing the app and the ACLED reading took 0.48-0.57 s,
    # not 0.31-0.36 s).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(junquito_tui.__file__).parent)], check=False)
    # Every folder and file the bench makes (cache folders, generated datasets, reports) goes in one
    # folder of its own, removed at the end: runs left dozens behind in the temporary folder.
    scratch = tempfile.mkdtemp(prefix="junquito-bench-")
    tempfile.tempdir = scratch
    try:
        report = run(args)
    finally:
        tempfile.tempdir = None
        shutil.rmtree(scratch, ignore_errors=True)
    where = f"Machine: {machine()}; code: {code}"
    print(f"{where}\n\n{report}")
    if args.record:
        with RESULTS.open("a", encoding="utf-8") as handle:
            title = f"## {machine()[:20]}: scale and speed, {args.events:,} events (`bench/run.py`)"
            handle.write(f"\n{title}\n\n{where}\n\n{report}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
