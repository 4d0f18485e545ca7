"""Is a file a spreadsheet (or JSON lines) rather than a JSON dataset? Decided from its first bytes and name.

Kept apart from the readers so that opening a JSON dataset imports none of them.
"""

from __future__ import annotations

import re
from pathlib import Path

WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # XLSX and ODS are zip files; XLS an OLE file
SHEET_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".txt", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


# Files sent for a dataset that are none, by their first bytes: named by the sheet reader (as text, a PNG file
# was 'the layout is not recognised', its header '‰PNG'; as JSON, 'byte 0x89 is not valid UTF-8')
_NOT_DATA = {
    b"\x89PNG\r\n\x1a\n": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image", b"%PDF-": "a PDF document", b"\x1f\x8b": "gzip-compressed data (unpack it first)",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive (unpack it first)", b"Rar!\x1a\x07": "a RAR archive (unpack it first)",
    b"SQLite format 3\x00": "an SQLite database",
    **{b"BZh%d1AY&SY" % size: "bzip2-compressed data (unpack it first)" for size in range(1, 10)},
    b"\xfd7zXZ\x00": "xz-compressed data (unpack it first)", b"\x7fELF": "a program",
}  # fmt: skip


def not_data(head: bytes) -> str | None:
    """What a file starting with ``head`` holds where it is a known kind of file that holds no dataset."""
    return next((name for magic, name in _NOT_DATA.items() if head.startswith(magic)), None)


_NO_JSON_ARRAY = re.compile(rb"\[\s*[^\s\[{\"\]\-0-9tfn]")  # '[' then what opens no JSON value


def is_sheet(path: Path) -> bool:
    """True for a workbook, a CSV-like file or JSON lines; False for what should be read as JSON."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False  # the JSON path reports why the file cannot be read
    if head.startswith(WORKBOOK_MAGIC) or path.suffix.lower() in JSONL_SUFFIXES or not_data(head):
        return True  # (the sheet reader names what a file that holds no dataset holds)
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    # ('[Datum],[Ereignis]' of a .csv: a column name in brackets, no JSON array, which a value opens; a re-trial)
    bracketed = path.suffix.lower() in SHEET_SUFFIXES and _NO_JSON_ARRAY.match(text) is not None
    if text.startswith((b"{", b"[")) and not bracketed:
        return looks_like_json_lines(text)
    if path.suffix.lower() in SHEET_SUFFIXES:
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with no name that says: the JSON reader names it
        return False
    # no name that says (none, '.dat', '.export'): columns on the first line make it a CSV file, not broken JSON
    return path.suffix.lower() != ".json" and any(mark in text.split(b"\n", 1)[0] for mark in (b",", b";", b"\t"))


def looks_like_json_lines(head: bytes) -> bool:
    """A whole JSON object on the first line and another starting on the second: JSON lines."""
    lines = head.removeprefix(b"\xef\xbb\xbf").lstrip().splitlines()
    if len(lines) < 2:
        return False
    first, second = lines[0].strip(), lines[1].strip()
    return first.startswith(b"{") and first.endswith(b"}") and second.startswith(b"{")


def columns_refused(path: Path) -> str | None:
    """Why ``--columns`` cannot apply to ``path`` (it names a spreadsheet's columns), or None: a JSON
    file (a dataset, a TimelineJS file) has no columns, and JSON lines name their fields themselves.
    Refused rather than ignored: read as a CSV, a JSON file gave '0 events' and 'ok'."""
    if not is_sheet(path):
        return "is JSON (a dataset or a TimelineJS file), which has no columns: --columns is for spreadsheets"
    with path.open("rb") as handle:
        head = handle.read(65536)
    if path.suffix.lower() in JSONL_SUFFIXES or looks_like_json_lines(head):
        return (
            "is JSON lines (a Timesketch timeline), whose fields are read by their names: --columns is for "
            "CSV and workbook files"
        )
    return None
