"""Minimal XLSX and ODS workbooks written with the standard library, for the spreadsheet tests.

Only what the readers see: one sheet of inline strings, numbers and dates (an XLSX date is a
serial number with a date style, as Excel and Google Sheets save it), and optionally a run of
empty rows that carry formatting only (as a sheet someone once formatted down to row 500 has).
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.records import Event

Cell = str | int | float | dt.date | dt.datetime | dt.timedelta | None
_EPOCH = dt.datetime(1899, 12, 30)

_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
        '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="46" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>"
    ),
}


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _xlsx_cell(ref: str, value: Cell) -> str:
    if value is None:
        return f'<c r="{ref}" s="1"/>'  # formatted, empty
    if isinstance(value, dt.timedelta):  # a duration, in Excel's built-in '[h]:mm:ss'
        return f'<c r="{ref}" s="3"><v>{value.total_seconds() / 86400}</v></c>'
    if isinstance(value, dt.datetime):
        return f'<c r="{ref}" s="2"><v>{(value - _EPOCH).total_seconds() / 86400}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{(dt.datetime.combine(value, dt.time()) - _EPOCH).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Cell]],
    *,
    empty_formatted_rows: int = 0,
    links: dict[str, str] | None = None,
    merges: Sequence[str] = (),
    hidden_rows: Sequence[int] = (),
    hidden_columns: Sequence[int] = (),
) -> Path:
    """``links``: a cell reference ('C2', or a range 'C2:C3') -> the address it links to, as Excel keeps it
    (in the sheet's relations, not in the cell); ``merges``: ranges of merged cells ('A2:A4'), their
    value in the first cell, the others empty (as Excel keeps them); ``hidden_rows``, ``hidden_columns``:
    numbered from 1, hidden as Excel hides them (a filter too: ``hidden="1"`` on the row)."""
    lines = []
    for number, row in enumerate(rows, 1):
        cells = "".join(_xlsx_cell(f"{_column(i)}{number}", v) for i, v in enumerate(row))
        hidden = ' hidden="1"' if number in hidden_rows else ""
        lines.append(f'<row r="{number}"{hidden}>{cells}</row>')
    for number in range(len(rows) + 1, len(rows) + 1 + empty_formatted_rows):
        lines.append(f'<row r="{number}" s="1" customFormat="1"><c r="A{number}" s="1"/><c r="B{number}" s="1"/></row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{_hidden_columns(hidden_columns)}<sheetData>{''.join(lines)}</sheetData>{_merge_cells(merges)}"
        f"{_hyperlinks(links or {})}</worksheet>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="od1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**_XLSX_PARTS, "xl/workbook.xml": workbook, "xl/worksheets/sheet1.xml": sheet}.items():
            archive.writestr(name, text)
        if links:
            relations = "".join(
                f'<Relationship Id="rIdL{i}" Target="{escape(url)}" TargetMode="External" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
                for i, url in enumerate(links.values())
            )
            archive.writestr(
                "xl/worksheets/_rels/sheet1.xml.rels",
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships">{relations}</Relationships>',
            )
    return path


def _hidden_columns(columns: Sequence[int]) -> str:
    tags = "".join(f'<col min="{c}" max="{c}" width="0" hidden="1" customWidth="1"/>' for c in columns)
    return f"<cols>{tags}</cols>" if tags else ""


def _merge_cells(merges: Sequence[str]) -> str:
    if not merges:
        return ""
    tags = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    return f'<mergeCells count="{len(merges)}">{tags}</mergeCells>'


def _hyperlinks(links: dict[str, str]) -> str:
    if not links:
        return ""
    tags = "".join(f'<hyperlink ref="{ref}" r:id="rIdL{i}"/>' for i, ref in enumerate(links))
    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return f'<hyperlinks xmlns:r="{namespace}">{tags}</hyperlinks>'


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def _ods_cell(value: Cell) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}"/>'
    if isinstance(value, int | float):
        cell = f'<table:table-cell office:value-type="float" office:value="{value}">'
        return f"{cell}<text:p>{value}</text:p></table:table-cell>"
    if isinstance(value, dt.timedelta):  # as LibreOffice writes a duration
        cell = f'<table:table-cell office:value-type="time" office:time-value="PT{value.total_seconds() / 3600:.0f}H">'
        return f"{cell}<text:p>{value}</text:p></table:table-cell>"
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def write_ods(
    path: Path,
    rows: Sequence[Sequence[Cell]],
    *,
    empty_formatted_rows: int = 0,
    merges: dict[tuple[int, int], tuple[int, int]] | None = None,
    hidden_rows: dict[int, str] | None = None,
    date_style: Sequence[str] = (),
) -> Path:
    """``merges``: (row, column) of a cell, from 0 -> the (rows, columns) it spans, as LibreOffice
    writes them (the cells it covers are covered cells, whatever ``rows`` holds there); ``hidden_rows``:
    a row, from 0 -> its ``table:visibility`` ('collapse': hidden or in a closed group; 'filter');
    ``date_style``: the parts of a data style every date cell is shown in ('day', 'month', 'year',
    'hours', 'minutes'), in order, as LibreOffice writes one (an automatic style in content.xml)."""
    hidden = hidden_rows or {}
    spans = merges or {}
    covered = {
        (row + down, column + across)
        for (row, column), (rows_spanned, columns_spanned) in spans.items()
        for down in range(rows_spanned)
        for across in range(columns_spanned)
    } - set(spans)

    def cell(row: int, column: int, value: Cell) -> str:
        if (row, column) in covered:
            return "<table:covered-table-cell/>"
        written = _ods_cell(value)
        if date_style and isinstance(value, dt.date):
            written = written.replace("<table:table-cell", '<table:table-cell table:style-name="ce1"', 1)
        if (row, column) not in spans:
            return written
        down, across = spans[row, column]
        spanned = f'<table:table-cell table:number-rows-spanned="{down}" table:number-columns-spanned="{across}"'
        return written.replace("<table:table-cell", spanned, 1)

    body = "".join(
        f"<table:table-row{_visibility(hidden.get(r))}>"
        f"{''.join(cell(r, c, v) for c, v in enumerate(row))}</table:table-row>"
        for r, row in enumerate(rows)
    )
    if empty_formatted_rows:
        repeated = f'<table:table-row table:number-rows-repeated="{empty_formatted_rows}">'
        body += f"{repeated}<table:table-cell/></table:table-row>"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
        f"{_automatic_styles(date_style)}"
        f'<office:body><office:spreadsheet><table:table table:name="od1">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


# -- XLSB: binary records in a zip ([MS-XLSB] 2.1.4: a type and a size, each 7 bits a byte) -----------


def _automatic_styles(parts: Sequence[str]) -> str:
    """A date data style of ``parts`` (separated by '/', ' ' and ':'), and the cell style 'ce1' showing it."""
    if not parts:
        return ""
    shown = "".join(f"<number:{part}/><number:text> </number:text>" for part in parts)
    return (
        '<office:automatic-styles><number:date-style style:name="N1">'
        f'{shown}</number:date-style><style:style style:name="ce1" style:family="table-cell" '
        'style:data-style-name="N1"/></office:automatic-styles>'
    )


def _visibility(value: str | None) -> str:
    return f' table:visibility="{value}"' if value else ""


def _xlsb_number(value: int, most: int) -> bytes:
    out = bytearray()
    for _ in range(most):
        out.append((value & 0x7F) | (0x80 if value > 0x7F else 0))
        value >>= 7
        if not value:
            break
    return bytes(out)


def _xlsb_record(kind: int, data: bytes = b"") -> bytes:
    return _xlsb_number(kind, 2) + _xlsb_number(len(data), 4) + data


def _wide(text: str) -> bytes:
    return len(text).to_bytes(4, "little") + text.encode("utf-16-le")


@dataclass(frozen=True)
class XlsbError:
    """A cell holding an error: its BErr code (0x17 is '#REF!'), typed in or a formula's result."""

    code: int
    formula: bool = False


XlsbCell = str | float | tuple[float, str] | XlsbError  # a number shown in a format: (45078.0, "mmm-yy")


def _xlsb_styles(codes: list[str]) -> bytes:
    """styles.bin: the format codes (numbered from 164) and a cell style for each, after 'General'."""
    formats = [_xlsb_record(0x2C, (164 + i).to_bytes(2, "little") + _wide(code)) for i, code in enumerate(codes)]
    styles = [
        _xlsb_record(0x2F, (0xFFFF).to_bytes(2, "little") + n.to_bytes(2, "little") + bytes(12))
        for n in [0, *(164 + i for i in range(len(codes)))]
    ]
    return b"".join(
        [
            _xlsb_record(0x0267, len(formats).to_bytes(4, "little")),  # BrtBeginFmts
            *formats,
            _xlsb_record(0x0268),  # BrtEndFmts
            _xlsb_record(0x0269, len(styles).to_bytes(4, "little")),  # BrtBeginCellXFs
            *styles,
            _xlsb_record(0x026A),  # BrtEndCellXFs
        ]
    )


def write_xlsb(
    path: Path,
    rows: Sequence[Sequence[XlsbCell]],
    *,
    far: tuple[int, int] | None = None,
    dimension: int = 0,
    merges: Sequence[tuple[int, int, int, int]] = (),
    date1904: bool = False,
    hidden_rows: Sequence[int] = (),
    hidden_columns: Sequence[int] = (),
) -> Path:
    """One sheet of strings and numbers, written as Excel's binary workbook stores it; a number given
    with a format code is shown in it (a date serial in 'mmm-yy'); ``far``: one more number at (row,
    column), both from 0, as a hand-made bomb places it; ``dimension``: the rows the sheet's BrtWsDim
    record claims (0: as many as there are); ``merges``: (first row, last row, first column, last column) of
    each range of merged cells, from 0; ``date1904``: the workbook counts its days from 1904 (BrtWbProp);
    ``hidden_rows``, ``hidden_columns``: from 0, hidden (BrtRowHdr's fDyZero, BrtColInfo's fHidden)."""
    codes = list(dict.fromkeys(v[1] for row in rows for v in row if isinstance(v, tuple)))
    workbook = b"".join(
        [
            _xlsb_record(0x83),  # BrtBeginBook
            *([_xlsb_record(0x99, struct.pack("<II", 1, 0) + _wide(""))] if date1904 else []),  # BrtWbProp: f1904
            _xlsb_record(0x8F),  # BrtBeginBundleShs
            _xlsb_record(0x9C, (0).to_bytes(4, "little") + (1).to_bytes(4, "little") + _wide("rId1") + _wide("s")),
            _xlsb_record(0x90),  # BrtEndBundleShs
            _xlsb_record(0x9D, bytes(26)),  # BrtCalcProp: what follows the names
            _xlsb_record(0x84),  # BrtEndBook
        ]
    )
    cells: list[tuple[int, int, XlsbCell]] = [
        (r, c, value) for r, row in enumerate(rows) for c, value in enumerate(row)
    ]
    if far is not None:
        cells.append((far[0], far[1], 1.0))
    last_row = max(r for r, _, _ in cells)
    last_column = max(c for _, c, _ in cells)
    claimed = dimension or last_row + 1
    sheet = [
        _xlsb_record(0x81),  # BrtBeginSheet
        _xlsb_record(0x94, b"".join(n.to_bytes(4, "little") for n in (0, claimed - 1, 0, last_column))),  # BrtWsDim
        *[  # BrtColInfo: first and last column, width, style, then its flags (fHidden)
            _xlsb_record(0x3C, struct.pack("<IIII", column, column, 0, 0) + b"\x01\x00") for column in hidden_columns
        ],
        _xlsb_record(0x91),  # BrtBeginSheetData
    ]
    current = -1
    for r, c, value in cells:
        if r != current:
            flags = b"\x10" if r in hidden_rows else b"\x00"  # fDyZero, in the row header's 12th byte
            sheet.append(_xlsb_record(0x00, r.to_bytes(4, "little") + bytes(7) + flags + bytes(5)))  # BrtRowHdr
            current = r
        style = codes.index(value[1]) + 1 if isinstance(value, tuple) else 0
        head = c.to_bytes(4, "little") + style.to_bytes(4, "little")  # the column, then the style and flags
        if isinstance(value, XlsbError):  # BrtFmlaError: the code, flags and an empty formula; BrtCellError
            body = head + bytes([value.code])
            sheet.append(_xlsb_record(0x0B, body + bytes(10)) if value.formula else _xlsb_record(0x03, body))
        elif isinstance(value, tuple):
            sheet.append(_xlsb_record(0x05, head + struct.pack("<d", value[0])))  # BrtCellReal, styled
        elif isinstance(value, str):
            sheet.append(_xlsb_record(0x06, head + _wide(value)))  # BrtCellSt
        else:
            sheet.append(_xlsb_record(0x05, head + struct.pack("<d", value)))  # BrtCellReal
    sheet.append(_xlsb_record(0x92))  # BrtEndSheetData
    if merges:  # BrtBeginMergeCells (their count), a BrtMergeCell each, BrtEndMergeCells
        sheet.append(_xlsb_record(0xB1, len(merges).to_bytes(4, "little")))
        sheet += [_xlsb_record(0xB0, struct.pack("<IIII", *merge)) for merge in merges]
        sheet.append(_xlsb_record(0xB2))
    sheet.append(_xlsb_record(0x82))  # BrtEndSheet
    relations = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.bin"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/_rels/workbook.bin.rels", relations)
        archive.writestr("xl/workbook.bin", workbook)
        archive.writestr("xl/worksheets/sheet1.bin", b"".join(sheet))
        if codes:
            archive.writestr("xl/styles.bin", _xlsb_styles(codes))
    return path


def titled_events(path: Path, text: str) -> dict[str, Event]:
    """The events of the sheet ``text`` written to ``path`` (UTF-8), by title."""
    from junquito_tui.core.loader import load_with_report

    path.write_text(text, encoding="utf-8")
    return {event.title: event for event in load_with_report(path).dataset.events}


def csv_chronology(lines: Sequence[str]) -> Chronology:
    """The chronology a CSV file of these lines opens as (written to a temporary folder, read the ordinary way)."""
    import tempfile

    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.loader import load_with_report

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return Chronology(load_with_report(path).dataset)
