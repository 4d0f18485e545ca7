"""Read a dataset file into a validated ``Dataset``, or explain every problem found.

Our own format is read as it is; a TimelineJS3 file (recognised by its shape) and a spreadsheet
(by its first bytes and name) are converted first, with warnings for what the conversion had to
guess or leave out.

A valid file takes the fast path: pydantic-core checks the bytes directly. Anything else
takes the careful path, which reports every problem in one run: duplicate keys, the schema,
and the references and anchor order of whatever parts are valid. Only a file that cannot be
read as JSON at all stops there. Whatever goes wrong, the caller gets a ``DatasetError``
naming the file (an unexpected exception too, naming the stage it happened in): never a
traceback for a file someone gave us.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .files import Progress, default_max_bytes, preflight, read_file
from .integrity import check_integrity
from .json_text import (
    SURROGATE_ESCAPE,
    SURROGATE_SAID,
    UTF8_BOM,
    decode,
    has_duplicate_keys,
    parse_json,
    with_surrogates,
)
from .memory import collector_paused
from .problems import DatasetError, Problem, json_kind
from .records import Dataset
from .text import file_name

if TYPE_CHECKING:
    from .interop.sheet_layouts import ColumnSpec

__all__ = [
    "DatasetError",
    "Loaded",
    "bundled_path",
    "load_bytes",
    "load_dataset",
    "load_timelinejs",
    "load_with_report",
    "load_with_warnings",
    "preflight",
]

BUNDLED_NAME = "events.json"
# Duplicate keys are looked for on the fast path in files up to this size (about 10 ms a MB with
# jiter), and in any file `validate` checks; skipping it keeps a large load as fast as it was.
DUPLICATE_SCAN_BYTES = 8 * 1024 * 1024


def bundled_path() -> Path:
    """The dataset shipped inside the wheel (a copy of data/events.json).

    From a source checkout or an editable install there is no copy: use the
    repository's own file, the one people edit.
    """
    # Next to the package's own files, where the wheel puts it (importlib.resources would say the
    # same for an installed package, at the cost of importing zipfile and more at every start).
    packaged = Path(__file__).resolve().parents[1] / "data" / BUNDLED_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / BUNDLED_NAME


def load_dataset(path: str | Path | None = None, *, max_bytes: int | None = None) -> Dataset:
    """Load and validate ``path`` (default: the bundled dataset); raise ``DatasetError``."""
    return load_with_warnings(path, max_bytes=max_bytes)[0]


class _Stage:
    """What the loader is doing, for the message if something unexpected happens."""

    def __init__(self) -> None:
        self.now = "read"


@contextmanager
def _last_line_of_defence(name: str) -> Iterator[_Stage]:
    """Any exception from reading, parsing, converting or checking becomes a ``DatasetError``."""
    stage = _Stage()
    try:
        yield stage
    except DatasetError:
        raise
    except MemoryError:
        message = f"ran out of memory while it was being {stage.now} (try a smaller --max-bytes, or more memory)"
        raise DatasetError(name, [Problem("", message)]) from None
    except RecursionError:
        raise DatasetError(name, [Problem("", "is nested too deeply to be a dataset")]) from None
    except Exception as error:
        detail = f"{type(error).__name__}: {error}"
        detail = detail if len(detail) <= 200 else detail[:197] + "..."
        message = f"could not be {stage.now} ({detail}); this is a bug in junquito-tui, please report it"
        raise DatasetError(name, [Problem("", message)]) from error


@dataclass
class Loaded:
    dataset: Dataset
    warnings: list[str]
    summary: str | None = None  # for a spreadsheet: what became of its rows
    # The events are already in chronological order (``event_order``'s): a fast reading sorted them
    # by the same keys, and nothing is to be sorted again.
    in_order: bool = field(default=False, kw_only=True)


def read_nothing(loaded: Loaded, name: str) -> DatasetError | None:
    """The error for a file converted (a spreadsheet, TimelineJS) of which not one event was read, its warnings
    its problems; None for any other. (A trial: the interface opened on '0 events', an export wrote 0 events
    with exit 0, a search said '0 results', where validate and import refused the file.)"""
    if loaded.dataset.events or (loaded.summary is None and not loaded.warnings):
        return None
    if not loaded.warnings:
        return DatasetError(name, [Problem("", "not one event was read (the file has no rows of data)")])
    # its warnings as its reading said them, uncounted: not all are problems ('columns used: ...', 'sep=;')
    said = [Problem("", warning) for warning in loaded.warnings]
    return DatasetError(name, said, headline="not one event was read; its reading said:")


def load_with_warnings(
    path: str | Path | None = None,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    columns: ColumnSpec | None = None,
    thorough: bool = False,
) -> tuple[Dataset, list[str]]:
    """Like ``load_dataset``, for any format we read: a TimelineJS3 file (recognised by its shape)
    or a spreadsheet is converted, and what the conversion had to guess or leave out comes back as
    warnings. ``progress`` hears about each stage (from the calling thread). ``thorough`` looks for
    duplicate keys in a valid file of any size (`validate` does)."""
    loaded = load_with_report(path, max_bytes=max_bytes, progress=progress, columns=columns, thorough=thorough)
    return loaded.dataset, loaded.warnings


def load_with_report(
    path: str | Path | None = None,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    columns: ColumnSpec | None = None,
    thorough: bool = False,
) -> Loaded:
    """``load_with_warnings``, with the row counts of a spreadsheet (``columns``: ``--columns``)."""
    report = progress or (lambda stage, fraction: None)
    target = Path(path) if path is not None else bundled_path()
    name = str(target)
    limit = max_bytes if max_bytes is not None else default_max_bytes()
    with _last_line_of_defence(name) as stage:
        preflight(target, limit)  # before anything opens it: a FIFO would block even the format sniffing
        if _is_sheet(target, columns):
            stage.now = "converted from a spreadsheet"
            return _load_sheet(target, columns, report, limit)
        # No name kept here for the bytes: the careful path lets go of them once parsed.
        return _load_json(read_file(target, limit, report), target, stage, report, thorough)


def load_bytes(raw: bytes, path: str | Path, *, thorough: bool = False) -> Loaded:
    """What ``load_with_report`` makes of a JSON file (our format or TimelineJS) whose bytes were read
    already (``path`` names it in messages): the same checks, the same ``DatasetError``."""
    target = Path(path)
    with _last_line_of_defence(str(target)) as stage:
        return _load_json(raw, target, stage, lambda stage, fraction: None, thorough)


def _load_json(raw: bytes, target: Path, stage: _Stage, report: Progress, thorough: bool) -> Loaded:
    name = str(target)
    stage.now = "checked"  # parsed, validated, converted: each stage below names itself
    report(f"Checking {len(raw) / 1e6:,.1f} MB", None)
    dataset = _valid_as_is(raw, name, duplicates=thorough or len(raw) <= DUPLICATE_SCAN_BYTES)
    if dataset is not None:
        return Loaded(dataset, [])
    # Something is wrong, or the file is TimelineJS: the careful path says what, or converts.
    # The collector stays out of the way: a parse tree is acyclic, and walking it again and
    # again as it grows was two thirds of the time (5 s at 100,000 events).
    with collector_paused():
        text = decode(raw, name)
        del raw
        document, duplicates = parse_json(text, name)
        halves = SURROGATE_ESCAPE.search(text) is not None  # (no document is walked for what its text cannot hold)
        del text
        from .interop.timelinejs_import import is_timelinejs  # only for such files

        if is_timelinejs(document):
            stage.now = "converted from TimelineJS"
            report("Converting from TimelineJS", None)
            dataset, warnings = _from_timelinejs(document, target, stage, halves)
            return Loaded(dataset, [*_as_warnings(duplicates), *warnings])
        return Loaded(validate_document(document, name, duplicates), [])


def _from_timelinejs(document: Any, target: Path, stage: _Stage, halves: bool) -> tuple[Dataset, list[str]]:
    """A TimelineJS file's document converted and checked, with warnings: a lone surrogate escape in a string replaced
    by U+FFFD and said where the file has it, as other unreadable text is (it refused the file, at a place of the
    converted document, 'events[1].title', the file does not have: a security review); ``halves``: whether the
    file's text holds such an escape at all (else the document is not walked)."""
    from .interop.timelinejs_import import from_timelinejs

    document, broken = with_surrogates(document, replace=True) if halves else (document, [])
    said = [f"{where}: {SURROGATE_SAID}: replaced by U+FFFD" for where in broken[:SURROGATES_SAID]]
    said += [f"... and {len(broken) - SURROGATES_SAID:,} more such strings"] if len(broken) > SURROGATES_SAID else []
    converted, warnings = from_timelinejs(document, file_name(target.name))
    stage.now = "checked"
    return validate_document(converted, str(target)), [*said, *warnings]


SURROGATES_SAID = 20  # strings with a lone surrogate named one by one; the rest counted


def is_sheet_file(target: Path, columns: ColumnSpec | None) -> bool:
    """Whether ``load_with_report`` reads ``target`` as a spreadsheet (by its first bytes and name)."""
    return _is_sheet(target, columns)


def _is_sheet(target: Path, columns: ColumnSpec | None) -> bool:
    from .interop.sheet_detect import columns_refused, is_sheet  # a few bytes read; the readers only for sheets

    if columns is not None and (why := columns_refused(target)) is not None:
        raise DatasetError(str(target), [Problem("", why)])
    return columns is not None or is_sheet(target)


def load_sheet_copy(copy: Path, path: Path, max_bytes: int) -> Loaded:
    """What ``load_with_report`` makes of the spreadsheet ``path``, read from ``copy``, a private copy
    of it (its suffix kept): every message names ``path``."""
    with _last_line_of_defence(str(path)) as stage:
        stage.now = "converted from a spreadsheet"
        return _load_sheet(copy, None, lambda stage, fraction: None, max_bytes, shown=path)


def _load_sheet(
    target: Path, columns: ColumnSpec | None, report: Progress, limit: int, shown: Path | None = None
) -> Loaded:
    """A spreadsheet (CSV, XLSX, ODS, ...) or JSON lines, converted; its rows counted for ``validate``."""
    from .interop.sheets import SheetError, import_sheet

    name = str(shown or target)
    report("Reading the spreadsheet", None)
    # Rows become drafts, events, a document and the dataset: millions of objects, no cycles. The
    # collector re-walking them as they grew was a fifth of the import (as for JSON, below); one pause
    # for the whole, so that the objects are walked once after it, not once per stage.
    with collector_paused():
        try:
            imported = import_sheet(target, columns, report, limit, shown)
        except SheetError as error:
            raise DatasetError(name, [error.problem]) from None
        except OSError as error:
            raise DatasetError(name, [Problem("", f"cannot be read: {error.strerror or error}")]) from None
        report(f"Checking {len(imported.document.get('events', [])):,} events", None)
        return Loaded(validate_document(imported.document, name), imported.warnings, imported.summary)


def _valid_as_is(raw: bytes, name: str, *, duplicates: bool) -> Dataset | None:
    """The dataset, if ``raw`` is a valid one, checked by pydantic-core straight from the bytes
    (no Python copy of the JSON tree: half the time and memory of parsing first); None if
    the schema check fails or a key is given twice (``duplicates``: if that is looked for).
    Reference problems raise at once: they carry their own paths."""
    from pydantic import ValidationError  # the contract: only for a file to check (the cache needs none)

    from .model import DATASET

    # No dataset (a required field's name: a TimelineJS file, whose every slide the check below copies into its
    # errors, 1 GB for 10.5 MB of source notes: a security trial); or one whose key is escaped, read the careful way
    if b'"timezone"' not in raw:
        return None
    with collector_paused():
        # Duplicate keys first: the scan's parse tree is gone before validation builds the dataset
        # (the other way round, both were in memory at once: 700 MB at the peak for 87 MB).
        if duplicates and has_duplicate_keys(raw):
            return None
        try:
            dataset = DATASET.validate_json(raw.removeprefix(UTF8_BOM))
        except ValidationError:
            return None
    problems = check_integrity(dataset)
    if problems:
        raise DatasetError(name, problems)
    return dataset


def _as_warnings(problems: list[Problem]) -> list[str]:
    """A TimelineJS file is read leniently: its duplicate keys are warnings, the last value used."""
    return [f"{p.path} (line {p.line}): {p.message.replace('would be silently lost', 'is dropped')}" for p in problems]


def load_timelinejs(
    path: str | Path, *, max_bytes: int | None = None, columns: ColumnSpec | None = None
) -> tuple[Dataset, list[str]]:
    """A TimelineJS3 file or a spreadsheet as a dataset, with warnings; ``DatasetError`` for any other file."""
    target = Path(path)
    name = str(target)
    limit = max_bytes if max_bytes is not None else default_max_bytes()
    with _last_line_of_defence(name) as stage:
        preflight(target, limit)
        if _is_sheet(target, columns):
            stage.now = "converted from a spreadsheet"
            loaded = _load_sheet(target, columns, lambda stage, fraction: None, limit)
            return loaded.dataset, loaded.warnings
        raw = read_file(target, limit)
        text = decode(raw, name)
        document, duplicates = parse_json(text, name)
        halves = SURROGATE_ESCAPE.search(text) is not None
        from .interop.timelinejs_import import is_timelinejs

        if not is_timelinejs(document):
            why = (
                "is already a junquito-tui dataset; there is nothing to import"
                if isinstance(document, dict) and "schema_version" in document
                else "is not a TimelineJS3 file (expected an object with an 'events' array of slides with "
                "'start_date') nor a spreadsheet"
            )
            raise DatasetError(name, [Problem("", why)])
        stage.now = "converted from TimelineJS"
        dataset, warnings = _from_timelinejs(document, target, stage, halves)
        return dataset, [*_as_warnings(duplicates), *warnings]


def validate_document(document: Any, name: str, problems: list[Problem] | None = None) -> Dataset:
    """Validate already-parsed JSON (also used by importers that build documents in memory).

    ``problems`` found before (duplicate keys) are reported with the rest. When the schema check
    fails, ids, references and anchors are still checked on whatever parts are valid.
    """
    from pydantic import ValidationError

    from .model import DATASET
    from .raw_checks import ordering_problems, reference_problems
    from .schema_problems import schema_problems

    found = list(problems or [])
    if not isinstance(document, dict):
        raise DatasetError(
            name, [*found, Problem("", f"the top level must be a JSON object, not {json_kind(document)}")]
        )
    try:
        with collector_paused():
            dataset = DATASET.validate_python(document)
    except ValidationError as error:
        found += schema_problems(error)
        found += reference_problems(document, skip={problem.path for problem in found})
        found += ordering_problems(document, found)
        raise DatasetError(name, found) from None
    found += check_integrity(dataset)
    if found:
        raise DatasetError(name, found)
    return dataset
