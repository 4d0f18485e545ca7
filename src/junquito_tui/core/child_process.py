"""How our child processes (the dataset check, the workbook probe) start and end.

``python -m`` puts the current directory first on ``sys.path``: a ``json.py`` in the folder a received
workbook sits in ran as soon as the workbook was opened (reproduced). ``-P`` (Python 3.11) leaves it
out, so a child imports only our modules and the installed ones. And a child ends with the app: on
Linux the kernel kills it when the app dies by any signal (``atexit`` runs only on a normal exit).
"""

from __future__ import annotations

import os
import signal
import sys

_PARENT = "JUNQUITO_PARENT"


def command(module: str, *arguments: str) -> list[str]:
    """The command that runs ``module`` in a child, never importing from the current directory."""
    return [sys.executable, "-P", "-m", module, *arguments]


def environment(**more: str) -> dict[str, str]:
    """The child's environment: ours, its parent's process id (see ``end_with_parent``), and ``more``."""
    return {**os.environ, _PARENT: str(os.getpid()), **more}


def end_with_parent() -> None:
    """In the child, first thing: be killed when the parent dies (Linux; elsewhere the parent's own
    ``atexit`` and time limits hold). If the parent is already gone, end now."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    parent = os.environ.get(_PARENT)
    if parent is not None and parent != str(os.getppid()):
        os._exit(1)
