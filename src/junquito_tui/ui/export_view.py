"""The palette's "Export view as …": a new file in a folder, never over an existing one."""

from __future__ import annotations

from pathlib import Path

from ..core.chronology import Chronology
from ..core.interop.export_scope import Scope
from ..core.notebook import Snapshot
from ..core.text import slugify


def export_events(
    chronology: Chronology,
    fmt: str,
    folder: Path,
    event_ids: list[str],
    annotations: Snapshot | None = None,
    scope: Scope | None = None,
) -> tuple[Path | None, str | None, str | None]:
    """(the file written, None, what it does not carry: ``export_gaps``, or None) or (None, why it could
    not be written, for the user, None). Markdown includes the user's notebook (``annotations``) as the
    command line's export does: a case file; ``scope``: the filter that chose the events, said in the file."""
    from ..core.interop import SUFFIXES, encode_export, export_text, write_atomically
    from ..core.interop.csv_export import Written
    from ..core.interop.export_gaps import not_carried

    path = free_name(folder, slugify(chronology.dataset.title) or "chronology", SUFFIXES[fmt])
    written = Written()
    try:
        data = encode_export(export_text(chronology, fmt, event_ids, annotations, written, scope), fmt)
        return write_atomically(path, data), None, not_carried(chronology, fmt, event_ids, written)
    except OSError as error:
        return None, f"Could not export to {path}: {error.strerror or error}", None


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """A file name that does not exist yet: exports never overwrite anything."""
    candidate, number = folder / f"{stem}{suffix}", 2
    while candidate.exists() or candidate.is_symlink():  # a dangling link "does not exist" but is there
        candidate, number = folder / f"{stem}-{number}{suffix}", number + 1
    return candidate
