"""How our child processes (the dataset check, the workbook probe) start and end.

``python -m`` puts the current directory first on ``sys.path``: a ``json.py`` in the folder a received
workbook sits in ran as soon as the workbook was opened (reproduced). ``-P`` (Python 3.11) leaves it
out, so a child imports only our modules and the installed ones. And a child ends with the app: it
watches its parent's process id and ends when it changes (the parent died, by any signal: ``atexit``
runs only on a normal exit). Linux's parent-death signal would be quicker, but it fires when the
*thread* that started the child ends, and the dataset check outlives the thread that starts it.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
import time
from typing import Protocol

_PARENT = "JUNQUITO_PARENT"
WATCH_SECONDS = 0.5


class Child(Protocol):
    def stop(self) -> None: ...


RUNNING: set[Child] = set()  # children started and not yet waited for (each removes itself)


@atexit.register
def _stop_all() -> None:
    """The app closing (or closed): a child nobody will wait for is not left to run on alone."""
    for running in list(RUNNING):
        running.stop()


def command(module: str, *arguments: str) -> list[str]:
    """The command that runs ``module`` in a child, never importing from the current directory."""
    return [sys.executable, "-P", "-m", module, *arguments]


def start(child: Child, command: list[str]) -> subprocess.Popen[bytes]:
    """``command`` started as ``child``'s process: its output for the parent to read, nothing asked of
    it, its errors not shown (a traceback would land on the interface); stopped with the app."""
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment()
    )
    RUNNING.add(child)
    return process


def environment(**more: str) -> dict[str, str]:
    """The child's environment: ours, its parent's process id (see ``end_with_parent``), and ``more``."""
    return {**os.environ, _PARENT: str(os.getpid()), **more}


def end_with_parent() -> None:
    """In the child, first thing: end when the parent is gone (its process id is no longer our
    parent's: we were handed to another). A daemon thread looks twice a second."""
    parent = os.environ.get(_PARENT)
    if parent is None or not parent.isdigit():
        return

    def watch() -> None:
        while os.getppid() == int(parent):
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="end-with-parent").start()
