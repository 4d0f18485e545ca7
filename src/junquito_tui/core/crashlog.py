"""Where a failure in the background goes: the traceback to a log file, its path for the message.

A thread that dies silently leaves the user looking at "Indexing…" forever; the interface shows
a one-line message naming this file instead, and the file keeps the details for a bug report.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from pathlib import Path

LOG_NAME = "junquito-tui.log"


def log_directory() -> Path:
    """The user's log directory (platformdirs), created if needed; the temporary directory if not."""
    try:
        from platformdirs import user_log_path

        folder = user_log_path("junquito-tui", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        return Path(tempfile.gettempdir())


def log_exception(what: str, error: BaseException) -> Path | None:
    """Append ``what`` and the traceback of ``error`` to the log; its path, or None if it cannot be written."""
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    text = f"--- {stamp} pid {os.getpid()}: {what}\n" + "".join(traceback.format_exception(error))
    for folder in (log_directory(), Path(tempfile.gettempdir())):
        path = folder / LOG_NAME
        try:
            with path.open("a", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    return None


def failure_message(what: str, error: BaseException) -> str:
    """One line for the screen: what failed, why in a few words, and where the details are."""
    path = log_exception(what, error)
    reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
    where = f" (details in {path})" if path else ""
    return f"{what} failed: {reason}{where}"
