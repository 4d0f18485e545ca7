"""What a workbook's cells hold that the reader does not give: a cell's link (an XLSX cell's address is
in the sheet's relations, an ODS cell's in its markup; the reader gives the cell's text alone), and an
ODS cell's line breaks and tabs (the reader joins its text runs without them: 'Primera' and 'segunda'
on two lines became 'Primerasegunda').

A link's address is not put into its cell (a cell may be a date, a title or a header, whose value an
address would change): it is a source of its row's event (``Sheet.links``), and each is named in a
warning with its cell, so none is lost unsaid (a header's, or a skipped row's, too).
An ODS cell's text is read as written. Found in the probe's child (``book_formats.find``), with the
rest of what a look at the sheet finds.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree

from .book_guard import column_number, whole_tags

MAX_CELLS = 100_000  # cells looked for in a sheet (a bound on what a hostile file can make the child send)
MAX_TEXT = 20_000  # characters of one cell's text (the reader's own cells are cut by the model further on)
MAX_ADDRESS = 300  # characters of an address named in a warning (the warning names it, cut, and says so)
_HYPERLINK = re.compile(rb"<(?:[\w.-]+:)?hyperlink\s([^>]*)/?>")
_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RANGE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,9})(?::([A-Za-z]{1,3})([0-9]{1,9}))?$")

# ODS: a cell's rich text (what the reader drops), and its parts
RICH = (b"<text:line-break", b"<text:tab")
LINK = b"<text:a "
_ANNOTATION = re.compile(rb"<office:annotation\b.*?</office:annotation>", re.DOTALL)
_PART = re.compile(
    rb"<text:line-break\s*/>|<text:tab\s*/>|<text:s(?=[\s/])(?:\s[^>]*?c=[\"']([0-9]{1,4})[\"'])?[^>]*/>"
    rb"|<text:a\s([^>]*)>(.*?)</text:a>|</text:p>\s*<text:p\b[^>]*>|<text:p\b[^>]*/>|<[^>]*>|[^<]+",
    re.DOTALL,
)


def xlsx_links(book: zipfile.ZipFile, part: str) -> list[tuple[int, int, str]]:
    """(row, column, address) of each cell of the sheet ``part`` that links to an address outside the
    workbook (a link to another of its cells is no source), 0-based as the reader counts."""
    rels_name = str(PurePosixPath(part).parent / "_rels" / (PurePosixPath(part).name + ".rels"))
    if rels_name not in book.namelist():
        return []
    rels = ElementTree.fromstring(book.read(rels_name))
    targets = {
        r.get("Id", ""): r.get("Target", "")
        for r in rels.iter()
        if r.tag.endswith("Relationship") and r.get("Type", "").endswith("/hyperlink")
    }
    if not targets:
        return []
    found: list[tuple[int, int, str]] = []
    for text in whole_tags(book, part):
        if b"hyperlink" not in text:
            continue
        for tag in _HYPERLINK.finditer(text):
            attributes = _attributes(tag.group(1))
            address = targets.get(attributes.get("id", ""), "")
            cells = _RANGE.match(attributes.get("ref", ""))
            if not address or cells is None:
                continue
            first_row, last_row = int(cells.group(2)) - 1, int(cells.group(4) or cells.group(2)) - 1
            first_column = column_number(cells.group(1).upper().encode()) - 1
            last_column = column_number((cells.group(3) or cells.group(1)).upper().encode()) - 1
            for row in range(first_row, min(last_row, first_row + MAX_CELLS) + 1):
                for column in range(first_column, min(last_column, first_column + 100) + 1):
                    found.append((row, column, address[:MAX_ADDRESS]))
                    if len(found) >= MAX_CELLS:
                        return found
    return found


def ods_text(content: bytes, at: int) -> tuple[str | None, list[str]]:
    """The text of the cell whose opening tag ends at ``at`` with its line breaks, tabs and spaces (None
    if it holds neither: the reader's reading is then the cell's), and its links' addresses."""
    end = content.find(b"</table:table-cell>", at)
    inner = content[at : end if end >= 0 else at]
    if not any(mark in inner for mark in (*RICH, LINK)):
        return None, []
    inner = _ANNOTATION.sub(b"", inner)  # a comment on the cell: not its text (the reader leaves it out)
    pieces: list[str] = []
    addresses: list[str] = []
    for part in _PART.finditer(inner):
        whole, spaces, link, label = part.group(), part.group(1), part.group(2), part.group(3)
        if whole.startswith(b"<text:line-break") or whole.startswith(b"</text:p"):
            pieces.append("\n")
        elif whole.startswith(b"<text:tab"):
            pieces.append("\t")
        elif whole.startswith((b"<text:s ", b"<text:s/")):
            pieces.append(" " * int(spaces or b"1"))
        elif link is not None:
            pieces.append(html.unescape(re.sub(rb"<[^>]*>", b"", label).decode("utf-8", "replace")))
            address = html.unescape(_attributes(link).get("href", ""))
            if address and not address.startswith("#"):  # (a link to a place in the file: no address)
                addresses.append(address[:MAX_ADDRESS])
        elif not whole.startswith(b"<"):
            pieces.append(html.unescape(whole.decode("utf-8", "replace")))
    rich = any(mark in inner for mark in RICH)
    return ("".join(pieces).strip("\n")[:MAX_TEXT] if rich else None), addresses


def _attributes(tag: bytes) -> dict[str, str]:
    """A tag's attributes by their names without a namespace prefix ('r:id' is 'id')."""
    return {
        name.split(b":")[-1].decode("ascii", "replace"): (double or single).decode("utf-8", "replace")
        for name, double, single in _ATTRIBUTE.findall(tag)
    }
