"""What `search` prints: one line per field whatever the data holds, quotes with their speaker,
'1 result', 'did you mean'; the same speaker in the search panel and the palette."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, known
from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.text import one_line

# Everything that ends a line or jumps a column somewhere: what the model allows in text.
BREAKS = ["\n", "\t", "\u2028", "\u2029", "\n\n\n", " \t \n "]


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_one_line_folds_every_run_of_white_space() -> None:
    assert one_line("a\nb\tc\r\nd\u2028e\u2029f  g") == "a b c d e f g"
    assert one_line("no breaks") == "no breaks"


def _hostile(title: str, zone: str) -> dict[str, Any]:
    """Line breaks where the model allows them (one-line fields refuse them): a quote's text, which
    search shows as a title, a summary and a profile, which it shows as snippets."""
    data: dict[str, Any] = json.loads(json.dumps(MINIMAL))
    data["quotes"][0]["text"] = title
    data["events"][0]["summary"] = f"Summary of {title}"
    data["events"][1]["title"] = "Second"
    data["actors"][0]["profile"] = f"Óscar{zone}Pérez we"
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.one_of(st.sampled_from(BREAKS), st.sampled_from(["FAKE", "event x", "Pérez", " "])), min_size=1)
    .map("".join)
    .filter(lambda t: t.strip() and "FAKE" in t),
    st.sampled_from(BREAKS),
)
def test_every_printed_field_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, title: str, zone: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(_hostile(title, zone)), encoding="utf-8")
    status, out, err = _cli(capsys, "search", "fake second we", "--data", str(path))
    assert status == 1  # no document holds all three
    for query in ("fake", "second", "we"):
        status, out, err = _cli(capsys, "search", query, "--data", str(path))
        lines = out.split("\n")[:-1]
        assert len(lines) == 2 * out.count("\n        ") == 2 * len([ln for ln in lines if not ln.startswith(" ")])
        assert not any(c in out + err for c in "\t\r\u2028\u2029")
        assert all(not line.startswith("FAKE") for line in lines)  # nothing from the data at column 0


def test_json_lines_escape_unicode_line_separators(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(_hostile("FAKE\u2028line\u2029here", "\u2028")), encoding="utf-8")
    status, out, _ = _cli(capsys, "search", "fake", "--data", str(path), "--json")
    assert status == 0 and "\u2028" not in out and "\u2029" not in out
    records = [json.loads(line) for line in out.splitlines()]  # splitlines splits at U+2028 too
    assert {r["kind"]: r["title"] for r in records}["quote"] == "FAKE\u2028line\u2029here"


def test_quotes_show_their_speaker(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _cli(capsys, "search", "kind:quote fulfilled")
    assert status == 0 and "order fulfilled — Nicolás Maduro" in out.splitlines()[0]
    status, out, _ = _cli(capsys, "search", "fulfilled", "--json")
    records = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert records["order-fulfilled"]["speaker"] == {"id": "nicolas-maduro", "name": "Nicolás Maduro"}
    assert "speaker" not in records["maduro-applauds-operation"]  # events have no speaker field
    status, out, _ = _cli(capsys, "search", "kind:quote liberty", "--json")
    assert json.loads(out.splitlines()[0])["speaker"] is None  # a banner: no speaker
    assert " — " not in _cli(capsys, "search", "kind:quote liberty")[1].splitlines()[0]


def test_one_result_is_singular(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _cli(capsys, "search", "gedeon")
    assert err.strip().splitlines()[-1] == "1 result: 1 event"
    _, _, err = _cli(capsys, "search", "helicopter kind:quote")
    assert err.strip().splitlines()[-1].startswith("2 results: 2 quotes")


def test_a_typo_gets_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _cli(capsys, "search", "junqito")
    assert status == 1 and out == "" and "hint: did you mean “junquito”?" in err
    status, _, err = _cli(capsys, "search", "perez helicoptr")
    assert "hint: did you mean “perez helicopter”?" in err
    status, _, err = _cli(capsys, "search", "zzyzx")
    assert "did you mean" not in err
    _, _, err = _cli(capsys, "search", "junquito")
    assert "did you mean" not in err


# -- the same in the app -------------------------------------------------------------------------
def test_the_search_panel_shows_the_speaker_and_one_line_titles() -> None:
    from junquito_tui.ui.panes.search_panel import hit_content

    index = SearchIndex(Chronology(load_dataset()))
    quote = next(h for h in index.search("fulfilled", typing=False).hits if h.kind == "quote")
    assert hit_content(quote).plain.startswith("order fulfilled  — Nicolás Maduro  ")
    data = _hostile("FAKE\nline\there", "\n")
    hostile = SearchIndex(Chronology(DATASET.validate_python(data))).search("fake", typing=False).hits[0]
    assert hit_content(hostile).plain.split("\n")[0].startswith("FAKE line here")
    assert hit_content(hostile).plain.count("\n") == 1  # title line, snippet line


async def test_the_palette_shows_the_speaker() -> None:
    from junquito_tui.ui.app import JunquitoApp
    from junquito_tui.ui.commands import QuoteProvider

    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(120, 40)):
        labels = {item: label for label, _, item in QuoteProvider(app.screen).items(known(app.chronology))}
    assert labels["order-fulfilled"] == "“order fulfilled” — Nicolás Maduro"
    assert labels["banner-350-liberty"] == "“350 Liberty”"


async def test_the_app_hint_line_suggests_a_spelling() -> None:
    from junquito_tui.ui.app import JunquitoApp

    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("slash", *"junqito ")
        await pilot.pause()
        assert str(app.query_one("#search-hint").render()) == "0 results  ·  did you mean “junquito”?"


def test_the_engine_and_its_libraries_load_with_the_first_search_not_at_start_up() -> None:
    import subprocess
    import sys

    code = "import sys, junquito_tui.cli, junquito_tui.ui.app; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    )
    deferred = ["rapidfuzz", "Stemmer", "junquito_tui.core.suggest", "junquito_tui.core.stemming"]
    assert [name for name in deferred if name in loaded] == []


def test_the_search_panel_summary_is_singular_for_one() -> None:
    from junquito_tui.ui.panes.search_panel import SearchPanel

    index = SearchIndex(Chronology(load_dataset()))
    assert SearchPanel._summary(index.search("gedeon", typing=False)) == "1 result: 1 event"
    # the second event: the revelation two days later, whose date note names the morgue sentence
    assert SearchPanel._summary(index.search("morgue", typing=False)).startswith("3 results: 2 events, 1 actor")


def test_json_gives_each_dates_note_so_an_assumed_order_or_zone_is_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # before: '03/02/2018' read as 2 March by assumption came out as "2018-03-02", nothing else said
    sheet = "date,event\n03/02/2018,Protest\n5 January 2018 - 03/02/2018,Campaign\n2018-03-07,Plain\n"
    records = _json_records(capsys, tmp_path, sheet, "date:2018")
    assert records["Protest"]["date"] == "2018-03-02"
    assert "could be day/month or month/day: read as month/day, assumed" in records["Protest"]["note"]
    assert records["Campaign"]["note"].startswith("its end could be day/month")
    assert records["Campaign"]["end"] == {  # (its end could be either way round: it says so itself)
        "date": "2018-03-02", "precision": "day", "approximate": False, "utc_offset": None,
        "note": "could be day/month or month/day: read as month/day, assumed: no date the file writes as text shows it",
        "bound": None,
    }  # fmt: skip
    assert records["Plain"]["note"] is None and records["Plain"]["end"] is None


def test_json_gives_a_bound_as_the_bound_not_the_day_it_sorts_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # (a review: 'date': '2018-01-14' for what every view showed as 'before 15 Jan 2018'; the bound only in the note)
    sheet = "date,end,event\nbefore 15 January 2018,,Before\n500 BC,after 400 BC,Era\n2018-01-10,,Plain\n"
    records = _json_records(capsys, tmp_path, sheet, "kind:event")
    assert records["Before"]["date"] == "2018-01-14"  # (the day it sorts on, as before)
    assert records["Before"]["bound"] == {"side": "before", "date": "2018-01-15"}
    assert records["Era"]["bound"] is None and records["Era"]["end"]["bound"] == {"side": "after", "date": "-0399"}
    assert records["Plain"]["bound"] is None


def _json_records(capsys: pytest.CaptureFixture[str], folder: Path, sheet: str, query: str) -> dict[str, Any]:
    """``search QUERY --json`` over a CSV file of ``sheet``: each record by its title (the search found something)."""
    path = folder / "sheet.csv"
    path.write_text(sheet, encoding="utf-8")
    status, out, _ = _cli(capsys, "search", query, "--data", str(path), "--json")
    assert status == 0
    return {r["title"]: r for r in map(json.loads, out.splitlines())}
