"""What real spreadsheet files do: encodings, line ends, delimiters, line breaks in cells, and dates
as people type them (a fixture per quirk), with property tests of the date reader against datetime."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, known
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import short_date
from junquito_tui.core.interop.sheet_clock import read_time
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.interop.sheet_read import choose_delimiter
from junquito_tui.core.loader import DatasetError, Loaded, load_with_report
from junquito_tui.core.records import Event
from sheet_files import write_ods, write_xlsx

SHEETS = REPO / "tests" / "data" / "sheets"


def load(name: str, columns: str | None = None) -> Loaded:
    return load_with_report(SHEETS / name, columns=parse_columns(columns) if columns else None)


def titles(loaded: Loaded) -> list[str]:
    return [event.title for event in loaded.dataset.events]


def by_title(loaded: Loaded) -> dict[str, Event]:
    return {event.title: event for event in loaded.dataset.events}


def warned(loaded: Loaded, *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in loaded.warnings)


# -- encodings -----------------------------------------------------------------------------------------------


def test_utf8_with_a_byte_order_mark() -> None:
    loaded = load("encoding-utf8-bom.csv")
    assert titles(loaded) == ["Año nuevo"] and not warned(loaded, "UTF-8")


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        ("encoding-windows-1252.csv", "Windows-1252", "Asalto en El Junquito – operación contra Óscar Pérez"),
        ("encoding-mac-roman.csv", "Mac Roman", "Ehrenämter in München gegründet"),
    ],
)
def test_legacy_encodings_are_detected_and_named(name: str, encoding: str, expected: str) -> None:
    loaded = load(name)
    assert expected in titles(loaded)
    assert warned(loaded, "not UTF-8", f"read as {encoding}", "charset-normalizer")


def test_mac_roman_spanish_with_cr_line_ends_and_semicolons() -> None:
    # Classic Mac Excel: Mac Roman, CR line ends, ';'. charset-normalizer picks Windows-1252 (no chaos
    # seen in 'Fundaci—n'), which put symbols inside words and lost the 'descripción' column.
    loaded = load("encoding-mac-roman-spanish-cr.csv")
    assert titles(loaded) == ["Fundación del sindicato", "Huelga en Córdoba", "Manifestación del Primero de Mayo"]
    assert (
        by_title(loaded)["Huelga en Córdoba"].summary == "La huelga paralizó la producción más de una semana en Cádiz."
    )
    assert warned(loaded, "read as Mac Roman, a guess", "charset-normalizer's pick, Windows-1252", "'descripci—n'")
    assert warned(loaded, "lines end in CR alone, as classic Mac OS wrote them")
    assert warned(loaded, "summary <- 'descripción'")


def test_mac_roman_french_with_a_byte_windows_1252_leaves_undefined() -> None:
    # 'è' is Mac Roman's 0x8F, undefined in Windows-1252: read so, it became a control character and
    # was removed ('aprs', 'trs'), and 'É' and 'é' read as 'ƒ' and 'Ž' ('ƒvŽnement numŽro').
    loaded = load("encoding-mac-roman-french.csv")
    assert titles(loaded)[:2] == ["Événement numéro 0", "Événement numéro 1"]
    assert by_title(loaded)["Événement numéro 1"].summary == "Le député a été réélu après une campagne très disputée."
    assert warned(loaded, "read as Mac Roman, the encoding charset-normalizer detects")
    assert not warned(loaded, "Windows-1252") and not warned(loaded, "control character")


def test_mac_roman_german_short_file_is_not_read_as_central_european() -> None:
    loaded = load("encoding-mac-roman-german-short.csv", "date=Datum,title=Ereignis")
    assert titles(loaded) == ["Gründung der Bürgerinitiative für Straßenbau in Köln", "Öffnung"]
    assert warned(loaded, "read as Mac Roman, a guess", "charset-normalizer's pick, Windows-1250", "'Grźndung'")


def test_a_file_mixing_utf8_and_windows_1252_lines_reads_each_line_as_what_it_is() -> None:
    loaded = load("encoding-mixed-utf8-and-1252.csv")
    assert titles(loaded) == ["Café in UTF-8", "Café in Windows-1252", "Ehrenämter in UTF-8"]
    assert warned(loaded, "not UTF-8 throughout: lines 2 and 4 are UTF-8 and line 3 is not", "read as Windows-1252")
    assert not warned(loaded, "iso8859") and not warned(loaded, "decoded twice")


def test_double_encoded_utf8_is_noticed() -> None:
    loaded = load("double-encoded-utf8.csv")
    assert "EhrenÃ¤mter der Stadt" in titles(loaded)  # kept as written: we do not guess over the file
    assert warned(loaded, "line 2", "'EhrenÃ¤mter'", "decoded twice", "'Ehrenämter'", "2 lines like it")


def test_utf16_with_its_mark(tmp_path: Path) -> None:
    path = tmp_path / "unicode-text.txt"
    path.write_bytes("date\ttitle\n2020-01-01\tÑandú\n".encode("utf-16"))
    assert titles(load_with_report(path)) == ["Ñandú"]


def test_binary_in_a_csv_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"date,title\n\x00\x01\x02")
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    assert "binary data" in error.value.report()


# -- line ends, delimiters, cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("line-ends-cr-only.csv", ["One", "Two", "Three"]),
        ("line-ends-crlf.csv", ["One", "Two"]),
        ("line-ends-mixed.csv", ["One", "Two", "Three", "Four"]),
    ],
)
def test_line_ends(name: str, expected: list[str]) -> None:
    loaded = load(name)
    assert titles(loaded) == expected
    assert [known(e.when).date for e in loaded.dataset.events] == [f"2001-01-0{i}" for i in range(1, len(expected) + 1)]


def test_line_numbers_count_physical_lines_with_cr_only_ends(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b"date,title\r2001,One\rnope,Two\r")
    assert warned(load_with_report(path), "line 3", "'nope'", "row skipped")


def test_line_breaks_inside_quoted_cells() -> None:
    loaded = load("line-breaks-in-quoted-cells.csv")
    found = by_title(loaded)
    assert found["A title over two lines"].summary == "Line one\nline two\nline three"  # a title is one line
    assert known(found["Date with a newline"].when).date == "2001-01-02"  # the cell "2001-01-02\n"


def test_a_quoted_date_cell_with_a_line_break_in_a_timelinejs_sheet() -> None:
    assert known(by_title(load("timelinejs-template.csv"))["Moon landing"].when).date.startswith("1969-07-20")  # "7\n"


@pytest.mark.parametrize(("name", "said"), [("delimiter-semicolon.csv", "semicolons"), ("delimiter-tab.tsv", "tabs")])
def test_delimiters(name: str, said: str) -> None:
    loaded = load(name)
    assert warned(loaded, f"columns separated by {said}")
    assert len(loaded.dataset.events) == 2 and all(e.place for e in loaded.dataset.events)
    assert any("," in title for title in titles(loaded))  # a comma inside a cell is text, not a column


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1,5;2;3\n", ";"),
        ("a\tb\n1, 2\t3\n", "\t"),
        ('date;title\n2020;"a, b, c, d"\n', ";"),
        ("a|b\n1|2\n", "|"),
    ],
)
def test_choose_delimiter(sample: str, expected: str) -> None:
    assert choose_delimiter(sample) == expected


def test_trailing_empty_header_names_and_cells_past_the_header() -> None:
    loaded = load("trailing-empty-headers.csv")
    found = by_title(loaded)
    assert found["Raid"].summary == ""
    assert found["Extra cell"].summary == "Column 5: stray text"
    assert warned(loaded, "column 5 (no header)")


# -- dates, per fixture ------------------------------------------------------------------------------------------


def dates(loaded: Loaded) -> dict[str, tuple[str, str, bool]]:
    return {
        e.title: (known(e.when).date, known(e.when).precision.value, known(e.when).approximate)
        for e in loaded.dataset.events
    }


def test_day_first_file() -> None:
    loaded = load("dates-day-first.csv")
    found = dates(loaded)
    assert found["Ambiguous alone"] == ("1810-09-11", "day", False)  # 25/12 shows the file is day/month
    assert found["Same either way"][0] == "1951-01-01"
    assert warned(loaded, "a time of midnight (0:00) read as no time")
    # the ambiguous date's reading is an inference from another row: said, with both rows named
    assert warned(
        loaded, "the date '11-09-1810 0:00:00' (line 2)", "read as day/month, the order '25/12/1810' (line 3)"
    )
    # and on the date itself, where a reader of the event looks; a date that shows its order has no such note
    notes = {e.title: known(e.when).note for e in loaded.dataset.events}
    # (its 0:00:00, a time the file gives and the date does not keep, is said there too)
    assert notes["Ambiguous alone"] == (
        "the file gives a time of midnight (0:00), which spreadsheets add to dates: read as the day; "
        "could be day/month or month/day: read as day/month, shown by other dates in the file"
    )
    assert notes["Shows day first"] is None and notes["Same either way"] is None


def test_a_file_without_ambiguous_dates_says_nothing_of_their_order() -> None:
    loaded = load("dates-written-out.csv")
    assert not warned(loaded, "could be day/month")


def test_month_first_file() -> None:
    assert dates(load("dates-month-first.csv"))["Ambiguous alone"][0] == "2020-03-04"


def test_ambiguous_file_states_its_assumption() -> None:
    loaded = load("dates-ambiguous.csv")
    assert dates(loaded)["Could be either"][0] == "2020-03-04"
    assumed = known(by_title(loaded)["Could be either"].when).note
    assert assumed == (
        "could be day/month or month/day: read as month/day, assumed: no date the file writes as text shows it"
    )
    assert warned(loaded, "2 dates such as '3/4/2020' (line 2)", "read as month/day", "order=dmy")
    assert dates(load("dates-ambiguous.csv", "order=dmy"))["Could be either"][0] == "2020-04-03"


def test_semicolon_files_default_to_day_first() -> None:
    loaded = load("delimiter-semicolon.csv")
    assert known(by_title(loaded)["Marcha, con comas"].when).date == "2018-04-03"
    assert warned(loaded, "read as day/month", "semicolons")


def test_both_orders_in_one_file() -> None:
    loaded = load("dates-both-orders.csv")
    found = dates(loaded)
    assert found["Month first"][0] == "2020-12-27" and found["Day first"][0] == "2020-12-25"
    assert found["Either"][0] == "2020-04-03"  # the majority's order
    assert warned(loaded, "dates in both orders", "'25/12/2020' (line 2)", "'12/27/2020' (line 4)")


def test_dates_written_out() -> None:
    loaded = load("dates-written-out.csv")
    found = dates(loaded)
    assert found["Day month year"] == ("2020-03-21", "day", False)
    assert found["ACLED style"][0] == "2015-01-01"
    assert found["Excel two-digit year"][0] == "2020-05-01" and found["Excel again"][0] == "2024-08-05"
    assert found["US order in words"][0] == "2020-03-21"
    assert found["Clock time"] == ("2018-01-15T06:45", "minute", False)
    timed = known(by_title(loaded)["Clock time with offset"].when)
    assert (timed.date, timed.utc_offset) == ("2018-01-15T04:00", "-04:00")
    assert found["Lost its date format"][0] == "2020-01-01"
    assert warned(loaded, "43831 read as a spreadsheet's day number")
    assert warned(loaded, "no time zone", "line 8") and not warned(loaded, "no time zone", "line 9")


def test_bce_dates() -> None:
    loaded = load("dates-bce.csv")
    shown = {e.title: short_date(e.when) for e in Chronology(loaded.dataset).events}
    assert shown["Negative year"] == "460 BCE" and shown["Zero-padded"] == "475 BCE"
    assert shown["Era as text"] == "476 BCE" and shown["Ides"] == "44 BCE"
    century = by_title(loaded)["A century"]
    assert (short_date(century.when), short_date(century.end)) == ("~500 BCE", "401 BCE")
    assert warned(loaded, "negative years read as years BCE")
    assert [e.title for e in Chronology(loaded.dataset).events][:2] == ["A century", "Era as text"]


def test_free_text_dates() -> None:
    loaded = load("dates-free-text.csv")
    found = by_title(loaded)
    assert "No year at all" not in found and warned(loaded, "line 2", "'Spring'", "no year", "row skipped")
    assert warned(loaded, "line 8", "no date in 'date'", "row skipped")
    for title, start, end, note in [
        ("A decade", "1850", "1859", "1850s"),
        ("A range of years", "1826", "1831", "1826-31"),
        ("A season and a range", "1834", "1835", "winter 1834-35"),
        ("Circa", "1900", None, "c. 1900"),
        ("Mid month", "2017-06", None, "mid-June 2017"),
    ]:
        event = found[title]
        when = known(event.when)
        assert (when.date, when.approximate, when.note) == (start, True, note), title
        assert (event.end.date if event.end else None) == end, title


# -- the date reader against datetime (an oracle) -------------------------------------------------------------

_days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31))
_FORMATS = ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d-%b-%Y", "%d-%B-%Y", "%A %d %B %Y", "%Y/%m/%d", "%d.%m.%Y"]


@settings(max_examples=300, deadline=None)
@given(_days, st.sampled_from(_FORMATS))
def test_written_dates_read_back_as_the_same_day(day: dt.date, form: str) -> None:
    parsed = read_date(day.strftime(form))
    assert isinstance(parsed, Parsed)
    assert parsed.parts == {"year": day.year, "month": day.month, "day": day.day}
    # (a year of the Thai Buddhist era's, 2400-2700, after a day and month in digits: noted as perhaps one)
    maybe_buddhist = form == "%d.%m.%Y" and 2400 <= day.year <= 2700
    assert not parsed.approximate and (parsed.note is None) is not maybe_buddhist


@settings(max_examples=300, deadline=None)
@given(_days)
def test_numeric_dates_show_their_order_or_wait_for_the_file(day: dt.date) -> None:
    for text, order in ((day.strftime("%d/%m/%Y"), "dmy"), (day.strftime("%m/%d/%Y"), "mdy")):
        parsed = read_date(text)
        assert isinstance(parsed, Parsed)
        if day.day == day.month:
            assert parsed.parts == {"year": day.year, "month": day.month, "day": day.day}
        elif day.day > 12:
            assert parsed.order == order and parsed.parts == {"year": day.year, "month": day.month, "day": day.day}
        else:
            first, second = (day.day, day.month) if order == "dmy" else (day.month, day.day)
            assert parsed.pair == (first, second) and parsed.order is None


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 99), st.integers(1, 12), st.integers(1, 28))
def test_two_digit_years_follow_excel_and_are_said(short: int, month: int, day: int) -> None:
    text = dt.date(2000, month, day).strftime(f"%d-%b-{short:02d}")
    parsed = read_date(text)
    assert isinstance(parsed, Parsed)
    assert parsed.parts["year"] == (2000 + short if short < 30 else 1900 + short)
    assert parsed.said and "two-digit year" in parsed.said[0]


@settings(max_examples=200, deadline=None)
@given(st.times())
def test_times_of_day(moment: dt.time) -> None:
    twelve = moment.strftime("%I:%M:%S %p")
    for text in (moment.strftime("%H:%M:%S"), twelve):  # the seconds written: stated, 0 too
        assert read_time(text) == {"hour": moment.hour, "minute": moment.minute, "second": moment.second}
    # a time cell stores a second whether or not the sheet shows it: only one that is not 0 says one;
    # and its milliseconds (TimelineJS's unit: finer is not kept)
    millisecond = moment.microsecond // 1000
    seconds = {"second": moment.second} if moment.second or millisecond else {}
    finer = {"millisecond": millisecond} if millisecond else {}
    assert read_time(moment) == {"hour": moment.hour, "minute": moment.minute, **seconds, **finer}
    assert read_time(moment.strftime("%H:%M")) == {"hour": moment.hour, "minute": moment.minute}


@pytest.mark.parametrize("text", ["Spring", "sometime", "n/a", "May 20", "10:30"])
def test_no_year_no_date(text: str) -> None:
    assert isinstance(read_date(text), str)


# -- the fast path for simple HTML (most sheet cells: '<p>text with <b>bold</b></p>') ------------------------

_fragments = st.sampled_from(
    ["<p>", "</p>", "<b>", "</b>", "<div>", "</DIV>", "<I>", "</span>", "a", " ", "\n", "\n\n", "-", " - ", "\u00a0"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_fragments, max_size=14).map("".join).filter(lambda html: "<" in html))
def test_simple_html_reads_as_the_parser_reads_it(html: str) -> None:
    from junquito_tui.core.interop import html_text

    collector = html_text._Collector(False)
    collector.feed(html)
    collector.close()
    assert html_text.html_to_text(html).text == html_text._joined(collector.paragraphs)


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(["<p>", "<P>"]),
    st.text(st.sampled_from(["a", "B", "é", " ", "\t", "\r", "\n", "-", "\u00a0", "\u2028", ">"]), max_size=20),
    st.sampled_from(["</p>", "</P>"]),
)
def test_one_paragraph_of_plain_text_reads_as_the_parser_reads_it(opening: str, text: str, closing: str) -> None:
    """The shortest path (a Text cell that is one '<p>' of plain text) against the HTML parser."""
    from junquito_tui.core.interop import html_text

    html = f"{opening}{text}{closing}"
    assert html_text._ONE_PARAGRAPH.fullmatch(html)
    collector = html_text._Collector(False)
    collector.feed(html)
    collector.close()
    assert html_text.html_to_text(html).text == html_text._joined(collector.paragraphs)


def test_html_that_is_not_simple_is_recognised_at_once() -> None:
    """The simple-HTML test must not backtrack: a long text ending in a link took minutes before."""
    import time

    from junquito_tui.core.interop.html_text import html_to_text

    start = time.perf_counter()
    converted = html_to_text("word " * 5000 + '<a href="https://example.org">a link</a>')
    assert converted.links and time.perf_counter() - start < 2.0


def test_a_no_break_space_after_a_capital_a_is_not_called_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "nbsp.csv"
    path.write_text("date,title\n2020,Â\u00a0plain\n2021,â€™quoted\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert warned(loaded, "line 3", "decoded twice") and not warned(loaded, "line 2")


# -- never a crash: any cells under any known header ----------------------------------------------------------

_HEADERS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline", "Text",
    "Media", "Media Caption", "Media Credit", "Type", "Group", "Start Date", "End Date", "Tags", "event_id_cnty",
    "event_date", "time_precision", "actor1", "assoc_actor_1", "inter1", "actor2", "source", "notes", "fatalities",
    "latitude", "longitude", "geo_precision", "location", "country", "datetime", "message", "timestamp_desc",
    "timestamp", "tag", "date", "title", "end", "actors", "id", "start", "precision", "after", "before", "",
]  # fmt: skip
_CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "-0475",
            "476 BCE",
            "1850s",
            "Spring",
            "31/31/2020",
            "2020-02-30",
            "99999999999999",
            "-13800000000",
            "1e400",
            "nan",
            "<a href='javascript:x'>y</a>",
            "{{headline}}",
            "\x1b[2J",
            "title",
            "era",
            "'=1",
            "25:99",
            "10:30 PM",
            "0",
            "2",
            "3",
            "x;y;;z",
            "Ã¤",
            "2018-01-15T04:00-04:00",
            "1/2/3",
            "5-Aug-24",
            "43831",
            "a\nb",
        ]
    ),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=7),
    st.lists(st.lists(_CELLS, max_size=8), max_size=5),
    st.sampled_from([",", ";", "\t"]),
)
def test_any_cells_under_any_header_load_or_fail_with_a_located_problem(
    header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    import csv
    import io
    import tempfile

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        try:
            loaded = load_with_report(path)
        except DatasetError as error:  # the file's layout or bytes, never a dataset we built wrong
            assert error.report().startswith(str(path)) and all(not p.path for p in error.problems), error.report()
            return
    Chronology(loaded.dataset)
    assert all("\x1b" not in warning for warning in loaded.warnings)


def test_excels_separator_line_says_the_delimiter_and_is_no_header() -> None:
    # before: 'sep=;' was read as a header of one column: the file was refused, the ';' never named
    loaded = load("delimiter-excel-sep-line.csv")
    assert warned(loaded, "'sep=;', is Excel's")
    assert titles(loaded) == ["Marcha, con comas", "Funeral"] and all(e.place for e in loaded.dataset.events)
    assert known(by_title(loaded)["Marcha, con comas"].when).date == "2018-04-03"  # day first, as semicolon files


@pytest.mark.parametrize(
    ("name", "like", "said"),
    [
        ("misnamed-ods-as.xlsx", "timelinejs-sheet.ods", None),  # read by its content (it was refused)
        ("misnamed-xlsx-as.ods", "timelinejs-sheet-empty-formatted-rows.xlsx", None),
        ("misnamed-csv-as.xlsx", None, "is named .xlsx but holds text, not a workbook: read as CSV"),
        ("misnamed-csv-no-extension", None, None),  # (it was read as broken JSON)
    ],
)
def test_a_file_is_read_by_what_it_holds_not_its_name(name: str, like: str | None, said: str | None) -> None:
    loaded = load(name)
    if like is not None:
        assert loaded.dataset.events == load(like).dataset.events
    else:
        assert titles(loaded) == ["Raid"]
    if said is not None:
        assert warned(loaded, said)


def test_a_web_page_named_as_a_workbook_is_named_so() -> None:
    with pytest.raises(DatasetError) as error:
        load("misnamed-html-as.xls")
    assert "is named .xls but holds HTML or XML, not a workbook" in error.value.report()


@pytest.mark.parametrize(
    ("name", "said"),
    [("misnamed-png-as.xlsx", "holds a PNG image, not a spreadsheet"), ("misnamed-pdf-as.csv", "holds a PDF document")],
)
def test_a_file_that_holds_no_dataset_is_named_by_what_it_holds(tmp_path: Path, name: str, said: str) -> None:
    # before: 'the layout is not recognised ... the headers found are '‰PNG'' (as JSON: 'byte 0x89 is not valid UTF-8')
    sent = [tmp_path / "sent.json", tmp_path / "sent"]  # (read as JSON by their names)
    for path in sent:
        path.write_bytes((SHEETS / name).read_bytes())
    for path in (SHEETS / name, *sent):
        with pytest.raises(DatasetError) as error:
            load_with_report(path)
        assert said in error.value.report(), path


def test_a_row_with_more_cells_than_the_header_is_named() -> None:
    # before (a review): a comma outside quotes ('12,500 pages') put '500 pages.' in the place, unsaid, its one
    # cell past the header's empty
    loaded = load("row-shifted-by-a-comma.csv")
    assert warned(loaded, "more cells than the header's 4 columns", "line 3")
    assert not any("line 2" in w or "line 4" in w for w in loaded.warnings if "more cells" in w)
    # a delimiter after every row's last cell shifts nothing: not said
    assert not any("more cells" in w for w in load("row-delimiter-after-every-row.csv").warnings)


def test_rows_long_by_an_empty_cell_half_of_them_or_more_are_an_exports_delimiter(tmp_path: Path) -> None:
    # (a review: a ragged export, most rows ending with a delimiter, some not, had each long row named)
    path = tmp_path / "ragged.csv"
    path.write_text("date,title\n2018-01-15,A,\n2018-01-16,B,\n2018-01-17,C\n", encoding="utf-8")
    assert not any("more cells" in w for w in load_with_report(path).warnings)
    path.write_text("date,title\n2018-01-15,A,\n2018-01-16,B\n2018-01-17,C\n", encoding="utf-8")
    assert warned(load_with_report(path), "more cells than the header's 2 columns", "line 2")


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_workbook_names_only_the_rows_with_text_past_the_header(tmp_path: Path, kind: str) -> None:
    # (a trial: each row of a workbook reaches its widest, so a stray note in the last row named every row, as a
    # delimiter's shift a workbook cannot have)
    rows = [["Fecha", "Evento"], ["21/03/2020", "Uno"], ["22/03/2020", "Dos"], ["24/03/2020", "Cuatro", "stray note"]]
    path = tmp_path / f"stray.{kind}"
    (write_xlsx if kind == "xlsx" else write_ods)(path, rows)
    loaded = load_with_report(path)
    said = [w for w in loaded.warnings if "past the header's 2 columns" in w]
    assert len(said) == 1 and said[0].endswith("(row 4)") and "delimiter" not in said[0]
    assert not any("more cells" in w for w in loaded.warnings)


def test_a_csv_row_long_by_empty_cells_is_not_named_beside_one_with_text_past_the_header(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("date,title\n2018-01-15,A,\n2018-01-16,B\n2018-01-17,C,note\n2018-01-18,D\n", encoding="utf-8")
    said = [w for w in load_with_report(path).warnings if "more cells" in w]
    assert len(said) == 1 and said[0].endswith("(line 4)")


def test_column_names_decoded_twice_are_said_when_the_layout_is_not_recognised(tmp_path: Path) -> None:
    # (a trial: 'TÃ­tulo' was refused with no word of why its names read so)
    path = tmp_path / "twice.csv"
    path.write_text("Fecha,TÃ­tulo,DescripciÃ³n\n2018-01-15,Uno,Algo\n", encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    assert "looks like UTF-8 text decoded twice (it should probably read 'Título')" in error.value.report()


@pytest.mark.parametrize("cell", ["noon", "Noon", "12 noon", "midday", "mediodía"])
def test_noon_in_a_time_cell_is_12_00(cell: str) -> None:
    # an hour and AM or PM: an hour without its minutes (the day kept), not 'not a time of day' (a trial)
    assert read_time("2 PM") == "a time shown as the hour 14 without its minutes"
    assert read_time("12 am") == "a time shown as the hour 00 without its minutes"
    assert read_time("13 PM") == "'13 PM' is not a time of day"
    # (a trial: 'noon' was not a time of day, the event kept to its day)
    assert read_time(cell) == {"hour": 12, "minute": 0}
    assert isinstance(read_time("midnight"), str)  # the day's start or its end: not read


def test_a_zero_byte_in_a_cell_is_removed_and_said_wherever_it_is(tmp_path: Path) -> None:
    # before: refused as binary near the start of the file, removed and said further on
    early = load("zero-byte-in-a-cell.csv")
    assert titles(early) == ["Asalto NUL", "Funeral"] and warned(early, "control characters", "line 2")
    late = tmp_path / "late.csv"
    rows = "".join(f"2018-01-{n % 28 + 1:02d},Row {n},Caracas\n" for n in range(20_000))
    late.write_bytes(b"date,title,place\n" + rows.encode() + b"2018-01-15,Asalto\x00 NUL,Caracas\n")
    assert warned(load_with_report(late), "control characters", "line 20002")


def test_utf16_without_its_mark_is_named() -> None:
    with pytest.raises(DatasetError) as error:
        load("encoding-utf16-without-bom.csv")
    assert "looks like UTF-16 text without a byte order mark to say so: save it as UTF-8" in error.value.report()


def test_a_quote_left_open_in_the_column_names_is_named() -> None:
    # before: 'no title column is obvious', the names shown holding the rows, and a --columns line that
    # read 0 events and said 'ok'
    with pytest.raises(DatasetError) as error:
        load("quote-open-in-the-header.csv")
    report = error.value.report()
    assert ":1:1: the column names' line opens a quoted cell" in report and "a closing quote is missing" in report


@pytest.mark.parametrize(
    ("name", "said"), [("cell-comment.xlsx", "1 cell comment, which is"), ("cell-comments.ods", "2 cell comments")]
)
def test_cell_comments_are_said_not_lost_unsaid(name: str, said: str) -> None:
    # before: 'Unsure: maybe 16th' beside a date was nowhere, and nothing said it was there
    loaded = load(name)
    assert warned(loaded, f"the workbook holds {said}", "not read: open it to see them")
    assert len(loaded.dataset.events) >= 1


def test_a_column_name_over_two_lines_with_commas_is_a_name(tmp_path: Path) -> None:
    # a quoted name may hold a line break and commas: rows after it show its quote was closed
    path = tmp_path / "names.csv"
    path.write_text('date,title,"Notes\n(people, places, dates)"\n2018-01-15,Raid,"x, y, z"\n', encoding="utf-8")
    (event,) = load_with_report(path).dataset.events
    assert event.title == "Raid" and "Notes (people, places, dates): x, y, z" in event.summary


def test_a_control_character_in_a_date_cell_is_not_read_and_said(tmp_path: Path) -> None:
    # before: the row was skipped with the model's own message ('String should match pattern ...')
    path = tmp_path / "dates.csv"
    path.write_bytes(b"date,title\n2018-01-15,Raid\n2018-01-1\x006,Funeral\n2018-01-17\x1b,Esc\n")
    loaded = load_with_report(path)
    assert [known(e.when).date for e in loaded.dataset.events] == ["2018-01-15", "2018-01-16", "2018-01-17"]
    assert warned(loaded, "control characters", "in a date cell are not read", "line 3, line 4")
    assert not warned(loaded, "should match pattern")


def test_utf16_with_no_name_that_says_is_named_as_the_json_reader_names_it(tmp_path: Path) -> None:
    # (read as CSV once files without a suffix were looked into, it was 'the layout is not recognised')
    path = tmp_path / "dataset"
    path.write_bytes((REPO / "data" / "events.json").read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    assert "looks like UTF-16" in error.value.report()


def test_excels_separator_line_naming_a_tab_is_quoted_with_it(tmp_path: Path) -> None:
    path = tmp_path / "tabs.csv"
    path.write_text("sep=\t\ndate\ttitle\n2018-01-15\tRaid\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert titles(loaded) == ["Raid"] and warned(loaded, "'sep=\\t', is Excel's")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a trial: 'sep=,' above 'fecha;evento' was a header of one column, "remove the lines above them"
        ("sep=,\nfecha;evento\n15/01/2018;Uno\n", "'sep=,', names commas, but the column names after it are separated"),
        ("sep=;\r\ndate,title\r\n2018-01-15,Uno\r\n", "names semicolons, but the column names after it are separated"),
        ("sep=;\ndate;title\n2018-01-15;Uno, dos\n", "'sep=;', is Excel's"),  # as it says: a comma in a cell is text
    ],
)
def test_a_separator_line_naming_another_delimiter_than_the_names_use_is_said(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "sep.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    assert len(titles(loaded)) == 1 and titles(loaded)[0].startswith("Uno") and warned(loaded, said)
