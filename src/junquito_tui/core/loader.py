"""Read a dataset file into a validated ``Dataset``, or explain every problem found.

Our own format is read as it is; a TimelineJS3 file is recognised by its shape and
converted first, with warnings for what the conversion had to guess or leave out.

Each stage (file, bytes, JSON, schema, references) stops the stages after it,
because later checks would only repeat the earlier problem in other words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .integrity import check_integrity
from .memory import collector_paused
from .model import DATASET, Dataset
from .problems import Problem, json_kind, json_path
from .text import text_problem, visible

if TYPE_CHECKING:
    from .interop.sheet_layouts import ColumnSpec

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
READ_CHUNK = 4 * 1024 * 1024
BUNDLED_NAME = "events.json"
UTF8_BOM = b"\xef\xbb\xbf"


class DatasetError(Exception):
    """Every problem found in one dataset file."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        noun = "problem" if len(self.problems) == 1 else "problems"
        lines = [visible(f"{self.path}: {len(self.problems)} {noun}")]
        lines += [f"  {problem.render(self.path)}" for problem in self.problems]
        return "\n".join(lines)


def bundled_path() -> Path:
    """The dataset shipped inside the wheel (a copy of data/events.json).

    From a source checkout or an editable install there is no copy: use the
    repository's own file, the one people edit.
    """
    packaged = Path(str(resources.files("junquito_tui") / "data" / BUNDLED_NAME))
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / BUNDLED_NAME


def load_dataset(path: str | Path | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Load and validate ``path`` (default: the bundled dataset); raise ``DatasetError``."""
    return load_with_warnings(path, max_bytes=max_bytes)[0]


Progress = Callable[[str, float | None], None]  # (what is happening, fraction done or None)


@dataclass
class Loaded:
    dataset: Dataset
    warnings: list[str]
    summary: str | None = None  # for a spreadsheet: what became of its rows


def load_with_warnings(
    path: str | Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    columns: ColumnSpec | None = None,
) -> tuple[Dataset, list[str]]:
    """Like ``load_dataset``, for any format we read: a TimelineJS3 file (recognised by its shape)
    or a spreadsheet is converted, and what the conversion had to guess or leave out comes back as
    warnings. ``progress`` hears about each stage (from the calling thread)."""
    loaded = load_with_report(path, max_bytes=max_bytes, progress=progress, columns=columns)
    return loaded.dataset, loaded.warnings


def load_with_report(
    path: str | Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    columns: ColumnSpec | None = None,
) -> Loaded:
    """``load_with_warnings``, with the row counts of a spreadsheet (``columns``: ``--columns``)."""
    report = progress or (lambda stage, fraction: None)
    target = Path(path) if path is not None else bundled_path()
    name = str(target)
    if _is_sheet(target, columns):
        return _load_sheet(target, max_bytes, columns, report)
    raw = _read_bytes(target, name, max_bytes, report)
    report(f"Checking {len(raw) / 1e6:,.1f} MB", None)
    dataset = _valid_as_is(raw, name)
    if dataset is not None:
        return Loaded(dataset, [])
    # Something is wrong, or the file is TimelineJS: the careful path says what, or converts.
    document = _parse_json(_decode(raw, name), name)
    del raw
    from .interop.timelinejs_import import from_timelinejs, is_timelinejs  # only for such files: start-up

    if is_timelinejs(document):
        report("Converting from TimelineJS", None)
        converted, warnings = from_timelinejs(document, target.name)
        return Loaded(validate_document(converted, name), warnings)
    return Loaded(validate_document(document, name), [])


def _is_sheet(target: Path, columns: ColumnSpec | None) -> bool:
    from .interop.sheet_detect import is_sheet  # a few bytes read; the readers only for spreadsheets

    return columns is not None or is_sheet(target)


def _load_sheet(target: Path, max_bytes: int, columns: ColumnSpec | None, report: Progress) -> Loaded:
    """A spreadsheet (CSV, XLSX, ODS, ...) or JSON lines, converted; its rows counted for ``validate``."""
    from .interop.sheets import SheetError, import_sheet

    name = str(target)
    preflight(target, max_bytes)
    report("Reading the spreadsheet", None)
    try:
        imported = import_sheet(target, columns, report)
    except SheetError as error:
        raise DatasetError(name, [error.problem]) from None
    except OSError as error:
        raise DatasetError(name, [Problem("", f"cannot be read: {error.strerror or error}")]) from None
    report(f"Checking {len(imported.document.get('events', [])):,} events", None)
    return Loaded(validate_document(imported.document, name), imported.warnings, imported.summary)


def _valid_as_is(raw: bytes, name: str) -> Dataset | None:
    """The dataset, if ``raw`` is a valid one, checked by pydantic-core straight from the bytes
    (no Python copy of the JSON tree: half the time and memory of parsing first); None if
    the schema check fails. Reference problems raise at once: they carry their own paths."""
    with collector_paused():
        try:
            dataset = DATASET.validate_json(raw.removeprefix(UTF8_BOM))
        except ValidationError:
            return None
    problems = check_integrity(dataset)
    if problems:
        raise DatasetError(name, problems)
    return dataset


def load_timelinejs(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, columns: ColumnSpec | None = None
) -> tuple[Dataset, list[str]]:
    """A TimelineJS3 file or a spreadsheet as a dataset, with warnings; ``DatasetError`` for any other file."""
    from .interop.timelinejs_import import from_timelinejs, is_timelinejs

    if _is_sheet(Path(path), columns):
        loaded = _load_sheet(Path(path), max_bytes, columns, lambda stage, fraction: None)
        return loaded.dataset, loaded.warnings
    target, name, document = _read_document(path, max_bytes)
    if not is_timelinejs(document):
        why = (
            "is already a junquito-tui dataset; there is nothing to import"
            if isinstance(document, dict) and "schema_version" in document
            else "is not a TimelineJS3 file (expected an object with an 'events' array of slides with 'start_date') "
            "nor a spreadsheet"
        )
        raise DatasetError(name, [Problem("", why)])
    converted, warnings = from_timelinejs(document, target.name)
    return validate_document(converted, name), warnings


def _read_document(path: str | Path | None, max_bytes: int, report: Progress | None = None) -> tuple[Path, str, Any]:
    target = Path(path) if path is not None else bundled_path()
    name = str(target)
    raw = _read_bytes(target, name, max_bytes, report)
    if report:
        report("Parsing JSON", None)
    return target, name, _parse_json(_decode(raw, name), name)


def validate_document(document: Any, name: str) -> Dataset:
    """Validate already-parsed JSON (used by importers that build documents in memory)."""
    if not isinstance(document, dict):
        raise DatasetError(name, [Problem("", f"the top level must be a JSON object, not {json_kind(document)}")])
    try:
        with collector_paused():
            dataset = DATASET.validate_python(document)
    except ValidationError as error:
        raise DatasetError(name, _schema_problems(error)) from None
    problems = check_integrity(dataset)
    if problems:
        raise DatasetError(name, problems)
    return dataset


def preflight(target: Path, max_bytes: int) -> int:
    """The file's size, once it is known to be a readable file within the limit; else ``DatasetError``."""
    name = str(target)
    try:
        if target.is_dir():
            raise DatasetError(name, [Problem("", "is a directory, not a dataset file")])
        size = target.stat().st_size
        if size > max_bytes:
            raise DatasetError(
                name,
                [Problem("", f"is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")],
            )
        with target.open("rb"):  # read-only: the app never writes a dataset
            return size
    except FileNotFoundError:
        raise DatasetError(name, [Problem("", "no such file")]) from None
    except PermissionError:
        raise DatasetError(name, [Problem("", "permission denied: the file cannot be read")]) from None
    except OSError as error:
        raise DatasetError(name, [Problem("", f"cannot be read: {error.strerror or error}")]) from None


def _read_bytes(target: Path, name: str, max_bytes: int, report: Progress | None = None) -> bytes:
    size = preflight(target, max_bytes)
    try:
        with target.open("rb") as handle:  # read-only: the app never writes a dataset
            if report is None:
                return handle.read(max_bytes + 1)
            chunks, done = [], 0
            while chunk := handle.read(min(READ_CHUNK, max_bytes + 1 - done)):
                chunks.append(chunk)
                done += len(chunk)
                report(f"Reading {done / 1e6:,.1f} of {size / 1e6:,.1f} MB", done / max(size, 1))
            return b"".join(chunks)
    except OSError as error:
        raise DatasetError(name, [Problem("", f"cannot be read: {error.strerror or error}")]) from None


def _decode(raw: bytes, name: str) -> str:
    sample = raw[:64]
    # UTF-16 text is ASCII interleaved with zero bytes; other zero bytes mean binary.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(sample) >= 4 and (not any(sample[1::2]) or not any(sample[0::2]))
    ):
        raise DatasetError(name, [Problem("", "looks like UTF-16; save the file as UTF-8")])
    if b"\x00" in raw[:4096]:
        raise DatasetError(name, [Problem("", "holds binary data (zero bytes), not JSON text")])
    raw = raw.removeprefix(UTF8_BOM)  # a UTF-8 byte order mark is harmless
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"byte 0x{raw[error.start]:02X} is not valid UTF-8 (is it Latin-1 or another legacy encoding?); "
            "save the file as UTF-8"
        )
        raise DatasetError(name, [Problem("", message, line=line, column=column)]) from None
    if not text.strip():
        raise DatasetError(name, [Problem("", "is empty; a dataset is a JSON object")])
    return text


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is not valid JSON")


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise DatasetError(
            name, [Problem("", _json_message(error.msg), line=error.lineno, column=error.colno)]
        ) from None
    except ValueError as error:  # NaN / Infinity
        raise DatasetError(name, [Problem("", str(error))]) from None
    except RecursionError:
        raise DatasetError(name, [Problem("", "is nested too deeply to be a dataset")]) from None


def _json_message(message: str) -> str:
    if message.startswith("Expecting property name enclosed in double quotes"):
        return "invalid JSON: expected a quoted key (a trailing comma before '}'?)"
    if message == "Expecting value":
        return "invalid JSON: expected a value (a trailing comma, or the file is cut short?)"
    return f"invalid JSON: {message[0].lower()}{message[1:]}"


def _schema_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        location = list(item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] in {"extra_forbidden", "unexpected_keyword_argument"}:
            message = f"unknown field '{location[-1]}'"
        elif item["type"] == "missing":
            message = f"missing required field '{location[-1]}'"
        elif (worded := text_problem(item, location)) is not None:  # characters, line breaks, length
            message = worded
        elif item["type"] not in {"value_error", "string_pattern_mismatch"} and "input" in item:
            message = f"{message} (got {_short(item['input'])})"
        elif item["type"] == "string_pattern_mismatch" and location and location[-1] in {"id", "actor", "target"}:
            message = "an id must be a lowercase slug like 'oscar-perez'"
        problems.append(Problem(json_path(location), message))
    return problems


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
