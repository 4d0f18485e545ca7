"""Peak memory of a process tree, sampled from /proc (Linux): the app and the checking process it starts.

/usr/bin/time -v reports the largest single process it waited for, not what the machine held: once
the app checks a dataset in a second process, the two processes' memory adds up. This samples every
process under a root pid every ``interval`` seconds and keeps, per process, its own peak (VmHWM, exact:
the kernel's high-water mark, read while the process lives) and the largest sum of the resident sizes
(VmRSS) seen in one sample (sampled: a peak between two samples can be missed).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

PROC = Path("/proc")


def _status(pid: int) -> dict[str, int]:
    found: dict[str, int] = {}
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS", "PPid"):
                found[key] = int(value.split()[0])
    except (OSError, ValueError, IndexError):
        return {}
    return found


def _argv(pid: int) -> list[str]:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _children(pid: int) -> list[int]:
    """Children started by any of the process's threads (each thread lists its own)."""
    found: set[int] = set()
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            found.update(int(word) for word in (task / "children").read_text().split())
    except (OSError, ValueError):
        pass
    return sorted(found)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of ``pid`` so far (its own threads; not children it has not reaped)."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class TreeMemory:
    """Samples the processes under ``root`` in a thread; the app is the first process run as
    ``python -m APP_MARKER`` (not /usr/bin/time, whose arguments name it too); every process under it
    counts as a helper: the checking process, and short-lived ones such as the ``ldconfig`` that
    ``ctypes.util.find_library`` runs."""

    def __init__(self, root: int, app_marker: str = "junquito_tui", interval: float = 0.02) -> None:
        self.root, self.marker, self.interval = root, app_marker, interval
        self.app_peak_kb = 0
        self.helper_peak_kb = 0  # the largest helper process
        self.sum_peak_kb = 0  # app + helpers, in one sample
        self.helpers_seen = 0
        self._seen: set[int] = set()
        self.app: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> TreeMemory:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _find_app(self) -> int | None:
        stack = [self.root]
        while stack:
            pid = stack.pop()
            if _argv(pid)[1:3] == ["-m", self.marker]:
                return pid
            stack += _children(pid)
        return None

    def _run(self) -> None:
        while not self._stop.is_set():
            self.app = self.app or self._find_app()
            if self.app is not None:
                self._sample(self.app)
            time.sleep(self.interval)

    def app_cpu(self) -> float | None:
        """The app's CPU seconds so far (see ``cpu_seconds``)."""
        app = self.app or self._find_app()
        return cpu_seconds(app) if app is not None else None

    def _sample(self, app: int) -> None:
        own = _status(app)
        if not own:
            return
        self.app_peak_kb = max(self.app_peak_kb, own.get("VmHWM", 0))
        total = own.get("VmRSS", 0)
        stack = _children(app)
        visited: set[int] = set()
        app_argv = _argv(app)
        while stack:
            pid = stack.pop()
            if pid in visited:
                continue
            visited.add(pid)
            if _argv(pid) == app_argv:  # forked, not yet exec'd: its pages are the app's, counted already
                continue
            found = _status(pid)
            if found:
                if pid not in self._seen:
                    self._seen.add(pid)
                    self.helpers_seen += 1
                self.helper_peak_kb = max(self.helper_peak_kb, found.get("VmHWM", 0))
                total += found.get("VmRSS", 0)
            stack += _children(pid)
        self.sum_peak_kb = max(self.sum_peak_kb, total)
