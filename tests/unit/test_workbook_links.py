"""What a workbook's cells hold that the reader does not give (found by a review): an XLSX cell's link
(its address kept after its text; a source column reads it as a source with that address), and an ODS
cell's line breaks, tabs and links (the reader glued 'Primera' and 'segunda' into 'Primerasegunda')."""

from __future__ import annotations

import zipfile
from pathlib import Path

from junquito_tui.core.loader import load_with_report
from sheet_files import write_ods, write_xlsx

HEADER = ["Fecha", "Evento", "Fuente", "Descripción"]


def test_an_xlsx_link_s_address_is_a_source_and_said(tmp_path: Path) -> None:
    rows = [HEADER, ["2018-01-15", "Allanamiento", "El Nacional", "Ver nota"], ["2018-01-16", "Otro", "AP", "x"]]
    path = write_xlsx(
        tmp_path / "links.xlsx", rows, links={"C2": "https://www.elnacional.com/articulo-123", "D2": "https://e.org/d"}
    )
    loaded = load_with_report(path)
    events = {event.title: event for event in loaded.dataset.events}
    sources = {source.id: source for source in loaded.dataset.sources}
    cited = [sources[s] for s in events["Allanamiento"].sources if sources[s].url is not None]
    assert [(s.title, s.url) for s in cited] == [("El Nacional", "https://www.elnacional.com/articulo-123")]
    assert events["Allanamiento"].summary.startswith("Ver nota <https://e.org/d>")
    assert all(sources[s].url is None for s in events["Otro"].sources)  # a cell with no link: as before
    assert any("2 cells are links" in w and "row 2" in w for w in loaded.warnings)


def _ods_with(tmp_path: Path, cell_xml: str) -> Path:
    path = write_ods(tmp_path / "rich.ods", [HEADER, ["2018-01-15", "Evento", "AP", "PLACEHOLDER"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    marker = b"<text:p>PLACEHOLDER</text:p>"
    assert marker in parts["content.xml"]
    parts["content.xml"] = parts["content.xml"].replace(marker, cell_xml.encode())
    parts["content.xml"] = parts["content.xml"].replace(
        b"office:version", b'xmlns:xlink="http://www.w3.org/1999/xlink" office:version', 1
    )
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_cell_keeps_its_line_breaks_tabs_spaces_and_links(tmp_path: Path) -> None:
    rich = (
        '<text:p>Primera<text:line-break/>segunda</text:p><text:p>A<text:s text:c="3"/>B<text:tab/>C '
        '<text:a xlink:href="https://example.org/x">nota</text:a> aquí<text:soft-page-break/></text:p>'
    )
    loaded = load_with_report(_ods_with(tmp_path, rich))
    (event,) = loaded.dataset.events
    assert event.summary == "Primera\nsegunda\nA   B\tC nota <https://example.org/x> aquí"
    assert any("ODS cells hold line breaks, tabs or links" in w for w in loaded.warnings)
