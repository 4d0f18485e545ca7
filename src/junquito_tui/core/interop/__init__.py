"""Other formats: TimelineJS3 in; TimelineJS3, Markdown and CSV out. No Textual here.

For the app and the command line: ``export_text`` renders events of a chronology in
one of ``FORMATS``; ``write_export`` writes that to a file, safely and with the
right encoding (CSV files start with a UTF-8 byte order mark so spreadsheet programs
read accented letters correctly).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..files import file_kind

if TYPE_CHECKING:  # the notebook (sqlite3 and all) is imported only by what uses it; the chronology
    # only by what exports (the ACLED part's child imports this package, and needs neither)
    from ..chronology import Chronology
    from ..notebook.snapshot import Snapshot
    from ..records import Event
    from .csv_export import Written
    from .export_scope import Scope

FORMATS = ("timelinejs", "markdown", "csv")
SUFFIXES = {"timelinejs": ".json", "markdown": ".md", "csv": ".csv"}


def selected_events(chronology: Chronology, event_ids: Iterable[str] | None = None) -> list[Event]:
    """The chronology's events in order; only those in ``event_ids`` when given (unknown ids ignored)."""
    if event_ids is None:
        return list(chronology.events)
    wanted = set(event_ids)
    return [event for event in chronology.events if event.id in wanted]


def export_text(
    chronology: Chronology,
    fmt: str,
    event_ids: Iterable[str] | None = None,
    annotations: Snapshot | None = None,
    written: Written | None = None,
    scope: Scope | None = None,
) -> str:
    """The events (all, or those in ``event_ids``, always in chronological order) as ``fmt`` text;
    Markdown includes the user's notebook (``annotations``) when given; ``written`` is given what
    writing CSV rows met (``export_gaps``); ``scope``: the search that chose ``event_ids``, said at the top of
    the Markdown and on the TimelineJS title slide (a CSV file has no place for it: its rows are read back)."""
    events = selected_events(chronology, event_ids)
    if fmt == "timelinejs":
        from .timelinejs_export import to_timelinejs_json

        return to_timelinejs_json(chronology, events, scope)
    if fmt == "markdown":
        from .markdown_export import to_markdown

        return to_markdown(chronology, events, annotations, scope)
    if fmt == "csv":
        from .csv_export import to_csv

        return to_csv(chronology, events, written)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def encode_export(text: str, fmt: str) -> bytes:
    """UTF-8, with a byte order mark for CSV (Excel needs it to read UTF-8 CSV as UTF-8)."""
    return text.encode("utf-8-sig" if fmt == "csv" else "utf-8")


def write_export(chronology: Chronology, fmt: str, path: str | Path, event_ids: Iterable[str] | None = None) -> Path:
    """Write the export to ``path`` atomically (never a half-written file); return the absolute path.

    Raises ``OSError`` when the file cannot be written, ``ValueError`` for an unknown format.
    """
    data = encode_export(export_text(chronology, fmt, event_ids), fmt)
    return write_atomically(Path(path), data)


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` whole or not at all (a temporary file, then a rename); return the absolute path.

    Only a regular file is ever replaced: a device, a FIFO, a socket or a directory there raises
    ``OSError`` instead (renaming over a device node would delete it), and so does a symbolic
    link, dangling or not, which is never followed nor replaced.
    """
    target = target.expanduser().absolute()
    try:
        status: os.stat_result | None = os.lstat(target)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISLNK(status.st_mode):
        raise OSError(errno.EEXIST, "is a symbolic link; name the file itself (a link is never written through)")
    kind = file_kind(status.st_mode) if status is not None else None
    if kind is not None:
        raise OSError(errno.EEXIST, f"is {kind}, not a regular file; only regular files are written")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, status.st_mode & 0o777 if status is not None else 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
