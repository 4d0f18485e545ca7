"""The ``--columns`` line suggested for a sheet of no known layout, run as given, reads the file: its
date column is the one the rows show dates in, its title a column of text beside it (a trial: from
the names alone, 'Día,Suceso,Fuente' was told 'date=Suceso,title=Día', which read no event)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.loader import Loaded, load_with_report
from junquito_tui.core.problems import DatasetError


def suggested(path: Path) -> str:
    """The text after '--columns' in the error for ``path``, as a shell would pass it."""
    with pytest.raises(DatasetError) as error:
        load_with_report(path)
    report = error.value.report()
    assert "for example: --columns " in report, report
    (line,) = shlex.split(report.split("for example: --columns ", 1)[1])  # the line ends the message: pasted whole
    return line


def run(path: Path) -> Loaded:
    return load_with_report(path, columns=parse_columns(suggested(path)))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Día,Suceso,Fuente\n2020-01-15,Algo pasó,El País\n2020-02-01,Otra cosa,ABC\n", "date=Día,title=Suceso"),
        ("Suceso,Día\nAlgo pasó,2020-01-15\n", "date=Día,title=Suceso"),
        ("Tag,Ereignis des Tages\n2020-01-15,Etwas\n", "date=Tag,title=Ereignis des Tages"),
        ("Tag,Ereignis\n2020-01-15,Etwas\n", "date=Tag,title=Ereignis"),  # ('Tag' taken for tags by its name)
        ("Date of event,What happened,Notes\n2020-01-15,Something,a note\n", "date=Date of event,title=What happened"),
        ("Incident,Incident date,Notes\nA riot,2020-01-15,a note\n", "date=Incident date,title=Incident"),
        ("Día,Suceso\n", "date=Día,title=Suceso"),  # no rows to look at: by the names
        ("kind,count,when_it\nriot,3,2020-01-01\n", "date=when_it,title=kind"),  # a count is no date
        # a re-trial: numbers (ids, counts) left of the dates were suggested as the date, each event a year 100
        ("id_num,Wann,Anzahl,Was\n100,2018-01-15,0,Raid\n101,2018-01-16,2,Siege\n", "date=Wann,title=Was"),
        ("Nr,Wann,Was\n2000,2018-01-15,Raid\n2001,2018-01-16,Siege\n", "date=Wann,title=Was"),
        # ... a report's date in another language than English was the event's
        ("Fecha informe,Fecha suceso,Qué\n2018-03-01,2018-01-15,Raid\n", "date=Fecha suceso,title=Qué"),
        ("Meldedatum,Tatdatum,Vorgang\n2018-03-01,2018-01-15,Raid\n", "date=Tatdatum,title=Vorgang"),
        ("Logged,Incident,Summary\n2018-03-01,2018-01-15,Raid\n", "date=Incident,title=Summary"),
        # ... and a name two columns share named the first, empty one: by number
        ("Fecha,Fecha,Texto\n,2018-01-15,Raid\n", "date=2,title=Texto"),
        # a second re-trial: a column named 'title' holding dates was suggested as the date and the title
        ("title,Zzz qq\n2018-01-15,Asalto\n2017-12-18,Genesis\n", "date=title,title=Zzz qq"),
    ],
)
def test_the_suggested_line_names_the_columns_the_rows_show(tmp_path: Path, text: str, line: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    assert suggested(path) == line
    if text.count("\n") > 1:
        loaded = run(path)
        assert len(loaded.dataset.events) == text.count("\n") - 1 and "none skipped" in str(loaded.summary)


WORDS = st.sampled_from(["Alpha", "Beta", "Gamma", "Col", "X", "Kind", "Where", "Who", "Thing", "Stuff"])
DATES = st.dates().map(lambda day: day.isoformat()).filter(lambda text: text[:4] >= "1000")
TEXT = st.text(st.sampled_from("abcdefghij "), min_size=3, max_size=20).filter(lambda text: text.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_suggested_line_run_as_given_reads_every_row(tmp_path: Path, data: st.DataObject) -> None:
    """Any column names that say nothing, a column of dates anywhere among columns of text and counts."""
    width = data.draw(st.integers(2, 5))
    names = data.draw(st.lists(WORDS, min_size=width, max_size=width, unique=True))
    at = data.draw(st.integers(0, width - 1))
    kinds = [data.draw(st.sampled_from(["text", "count"])) for _ in range(width)]
    kinds[at], kinds[(at + 1) % width] = "date", "text"
    rows = data.draw(st.integers(1, 6))
    cells = {"date": DATES, "text": TEXT, "count": st.integers(0, 99).map(str)}
    lines = [",".join(names)]
    lines += [",".join(data.draw(cells[kind]) for kind in kinds) for _ in range(rows)]
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"date={names[at]}," in suggested(path)
    loaded = run(path)
    assert len(loaded.dataset.events) == rows


def test_a_column_name_two_columns_share_says_which_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Fecha,Fecha,Titulo\n2018-01-14,2018-01-15,Raid\n", encoding="utf-8")
    loaded = load_with_report(path)
    assert any(
        "2 columns are named 'Fecha': column 1 is read as the date; --columns date=N" in w for w in loaded.warnings
    )
    other = load_with_report(path, columns=parse_columns("date=2,title=Titulo"))
    assert [e.when.date for e in other.dataset.events if e.when] == ["2018-01-15"]


def test_a_year_column_read_beside_a_column_of_days_says_so(tmp_path: Path) -> None:
    """A second re-trial: 'Year,Date of incident,Title' read each event as '2018, month not given', the days in the
    other column unsaid; and 'Jahr' was suggested over a column of days."""
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Date of incident,Title\n2018,2018-01-15,Raid\n2017,2017-12-18,Genesis\n", encoding="utf-8")
    loaded = load_with_report(path)
    said = "the date is read from 'Year', a year, but the column 'Date of incident' holds days (its first rows)"
    assert any(w.startswith(said) for w in loaded.warnings)
    assert len(loaded.dataset.events) == 2  # (the rows peeked at are read too)
    other = load_with_report(path, columns=parse_columns("date=Date of incident"))
    assert sorted(e.when.date for e in other.dataset.events if e.when) == ["2017-12-18", "2018-01-15"]
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("Nr,Jahr,Geschehen am,Vorgang\n1,2018,2018-01-15,Raid\n", encoding="utf-8")
    assert suggested(unknown) == "date=Geschehen am,title=Vorgang"


def test_a_csv_whose_first_column_name_is_in_brackets_is_a_sheet(tmp_path: Path) -> None:
    """A second re-trial: '[Datum],[Ereignis]' in a .csv was read as JSON, 'invalid JSON: expected a value'."""
    path = tmp_path / "sheet.csv"
    path.write_text("[Datum],[Ereignis]\n2018-01-15,Raid\n", encoding="utf-8")
    assert suggested(path) == "date=[Datum],title=[Ereignis]"
    assert [e.title for e in run(path).dataset.events] == ["Raid"]
    array = tmp_path / "array.csv"  # a JSON array named .csv is still read as JSON, and said to be no dataset
    array.write_text('[{"a": 1}]', encoding="utf-8")
    with pytest.raises(DatasetError, match="must be a JSON object"):
        load_with_report(array)
