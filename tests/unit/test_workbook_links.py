"""What a workbook's cells hold that the reader does not give (found by a review): a cell's link (its
address named in a warning, never read into the cell: a date, a title or a header stays as it is), and
an ODS cell's line breaks and tabs (the reader glued 'Primera' and 'segunda' into 'Primerasegunda')."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from junquito_tui.core.loader import load_with_report
from sheet_files import Cell, write_ods, write_xlsx

HEADER = ["Fecha", "Evento", "Fuente", "Descripción"]


def test_an_xlsx_link_is_named_with_its_address_and_changes_no_cell(tmp_path: Path) -> None:
    # a first version put the address after the cell's text: a linked date cell lost its day, a linked
    # header its column, a linked title its id (found by a second review)
    rows: list[list[Cell]] = [
        [*HEADER],
        [dt.date(2018, 1, 15), "Allanamiento", "El Nacional", "Ver nota"],
        ["15/01/2018", "Otro", "AP", "x"],
    ]
    long = "https://e.org/" + "a" * 20_100  # one address over every limit: the rest of the look still counts
    links = {"A1": "https://docs.example/", "A2": "https://a.example/1", "B3": long, "C2": "https://elnacional.com/1"}
    loaded = load_with_report(write_xlsx(tmp_path / "links.xlsx", rows, links=links))
    events = {event.title: event for event in loaded.dataset.events}
    assert set(events) == {"Allanamiento", "Otro"}
    assert [(e.when.date, e.when.precision.value) for e in events.values() if e.when] == [("2018-01-15", "day")] * 2
    said = next(w for w in loaded.warnings if "are links" in w)
    assert said.startswith("4 cells are links, read as the text shown; each address is a source of its row's event")
    for cell, address in (
        ("A1", "https://docs.example/"),
        ("A2", "https://a.example/1"),
        ("C2", "https://elnacional.com/1"),
    ):
        assert f"{cell} <{address}>" in said
    assert "B3 <https://e.org/aaa" in said and "(cut)" in said and len(said) < 2_000
    # the row's links are its event's sources, titled with their cells' text; a cut address is none
    sources = {source.id: source for source in loaded.dataset.sources}
    cited = {(sources[s].title, sources[s].url) for s in events["Allanamiento"].sources if sources[s].url}
    assert cited == {("2018-01-15", "https://a.example/1"), ("El Nacional", "https://elnacional.com/1")}
    named = [sources[s].title for s in events["Allanamiento"].sources if not sources[s].url]
    assert "El Nacional" not in named  # the linked cell's source is the address, not also a name without one
    assert not any(sources[s].url for s in events["Otro"].sources)
    assert all("docs.example" not in (source.url or "") for source in loaded.dataset.sources)  # the header's


def test_a_timelinejs_workbook_s_link_cells_are_sources(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [["Year", "Month", "Day", "Headline", "Text"], [2018, 1, 15, "Marcha", "Ver"]]
    loaded = load_with_report(write_xlsx(tmp_path / "tl.xlsx", rows, links={"D2": "https://news.example/marcha"}))
    (event,) = loaded.dataset.events
    assert event.title == "Marcha" and event.when is not None and event.when.date == "2018-01-15"
    sources = {source.id: source for source in loaded.dataset.sources}
    assert [(sources[s].title, sources[s].url) for s in event.sources if sources[s].url] == [
        ("Marcha", "https://news.example/marcha")
    ]


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


def _read_cell(tmp_path: Path, rich: str) -> tuple[str, list[str]]:
    """The summary an ODS cell of ``rich`` markup gives, and the file's warnings."""
    loaded = load_with_report(_ods_with(tmp_path, rich))
    (event,) = loaded.dataset.events
    return event.summary, loaded.warnings


def test_an_ods_cell_keeps_its_line_breaks_tabs_spaces_and_links(tmp_path: Path) -> None:
    rich = (
        '<text:p>Primera<text:line-break/>segunda</text:p><text:p>A<text:s text:c="3"/>B<text:tab/>C '
        '<text:a xlink:href="https://example.org/x">nota</text:a> aquí<text:soft-page-break/></text:p>'
    )
    summary, warnings = _read_cell(tmp_path, rich)
    assert summary == "Primera\nsegunda\nA   B\tC nota aquí"
    assert any("1 ODS cell holds line breaks or tabs the reader drops: read as written" in w for w in warnings)
    assert any("1 cell is a link" in w and "D2 <https://example.org/x>" in w for w in warnings)


def test_an_ods_cell_with_only_a_comment_or_a_link_is_read_as_the_reader_reads_it(tmp_path: Path) -> None:
    rich = (
        "<office:annotation><text:p>a<text:line-break/>comment</text:p></office:annotation>"
        '<text:p><text:a xlink:href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</text:a></text:p>'
    )
    summary, warnings = _read_cell(tmp_path, rich)
    assert summary == "https://www.youtube.com/watch?v=abc"  # no address added to a media cell
    assert not any("line breaks or tabs" in w for w in warnings)
