"""The command line: validate, schema, version, deep links, and errors for people."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from junquito_tui import __version__
from junquito_tui.cli import build_parser, main


def test_validate_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and " events, " in out and " sources" in out


def test_validate_broken_copy_exits_2_with_located_problems(capsys: pytest.CaptureFixture[str], write: Any) -> None:
    data = json.loads((Path(__file__).parents[2] / "data" / "events.json").read_text(encoding="utf-8"))
    data["quotes"][0]["speaker"] = "oscar-peres"
    data["events"][3]["when"]["date"] = "2018-02-30"
    path = write(data)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ")
    assert "events[3].when: date '2018-02-30' does not exist" in err
    assert "Traceback" not in err


def test_validate_reports_references_after_schema_is_fixed(capsys: pytest.CaptureFixture[str], write: Any) -> None:
    data = json.loads((Path(__file__).parents[2] / "data" / "events.json").read_text(encoding="utf-8"))
    data["quotes"][0]["speaker"] = "oscar-peres"
    assert main(["validate", str(write(data))]) == 2
    assert "quotes[0].speaker: unknown actor 'oscar-peres' (did you mean 'oscar-perez'?)" in capsys.readouterr().err


def test_schema_command_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) >= {"schema_version", "title", "timezone", "sources", "actors", "events", "quotes"}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"junquito-tui {__version__}"


@pytest.mark.parametrize(
    ("option", "wrong", "closest"),
    [
        ("--event", "raid-begin", "raid-begins"),
        ("--actor", "oscar-peres", "oscar-perez"),
        ("--quote", "same", "same-fate"),
    ],
)
def test_unknown_deep_link_names_closest_ids(
    capsys: pytest.CaptureFixture[str], option: str, wrong: str, closest: str
) -> None:
    assert main([option, wrong]) == 2
    err = capsys.readouterr().err
    assert f"no {option[2:]} with id '{wrong}'" in err and closest in err


@pytest.mark.parametrize("option", ["--event", "--actor", "--quote"])
def test_an_id_pasted_in_capitals_is_the_lowercase_id(option: str) -> None:
    # (a trial: 'cite VEN101' and '--event VEN101' were refused for ACLED's own spelling of 'ven101')
    args = build_parser().parse_args([option, " RAID-Begins "])  # (with the spaces of a paste, too)
    assert getattr(args, option[2:]) == "raid-begins"


def test_cite_takes_an_id_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "RAID-BEGINS"]) == 0
    assert "raid-begins" in capsys.readouterr().out


def test_validate_of_a_sheet_whose_every_row_is_skipped_is_no_ok(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # (a trial: 'ok: 0 events', exit 0, for a file of which no row was read)
    path = tmp_path / "stamps.csv"
    path.write_text("date,title\n1584799200000000,First\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert "ok:" not in out and "not one event was read" in err
    assert "a timestamp (microseconds since 1970?)" in err  # (16 digits: it said seconds or milliseconds)
    slides = tmp_path / "slides.json"  # a TimelineJS file whose every slide is skipped: the same (a re-trial)
    slides.write_text('{"events": [{"start_date": {"year": "abc"}, "text": {"headline": "x"}}]}', encoding="utf-8")
    assert main(["validate", str(slides)]) == 2
    assert "not one event was read (see the warnings above)" in capsys.readouterr().err
    output = tmp_path / "out.json"
    assert main(["import", str(path), "-o", str(output)]) == 2  # (it wrote 0 events, exit 0: a re-trial)
    assert "not one event was read" in capsys.readouterr().err and not output.exists()


@pytest.mark.parametrize(
    "command",
    [["search", "x"], ["export", "--format", "csv"], ["export", "--format", "markdown"], ["cite", "v1"], []],
)
def test_every_command_refuses_a_sheet_of_which_no_event_was_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    # before (a trial): export wrote 0 events with exit 0, search said '0 results' (exit 1) and the interface
    # opened on '0 events', where validate and import refused the file
    path = tmp_path / "allbad.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,actor1\nV1,,Battles,A\nV2,Spring,Battles,A\n", encoding="utf-8"
    )
    output = tmp_path / "out"
    assert main([*command, "--data", str(path), *(["-o", str(output)] if "export" in command else [])]) == 2
    err = capsys.readouterr().err
    assert f"{path}: not one event was read; its reading said:" in err and "'Spring': no year can be read in it" in err
    assert not output.exists()


def test_bad_data_file_exits_2_before_the_ui(capsys: pytest.CaptureFixture[str], write: Any) -> None:
    path = write("[1,]")
    assert main(["--data", str(path)]) == 2
    assert f"{path}:1:4: invalid JSON" in capsys.readouterr().err


def test_module_entry_point_from_another_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "junquito_tui", "validate"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_core_modules_never_import_textual() -> None:
    """Every module of the core package, found by walking it (a new module is covered the day it is
    added), plus the command line's non-interactive paths, run without importing Textual."""
    code = (
        "import sys, pkgutil, importlib, junquito_tui.core as core\n"
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'junquito_tui.core.')]\n"
        "assert len(names) > 25, names\n"
        "[importlib.import_module(name) for name in names]\n"
        "from junquito_tui.cli import main; main(['validate']); main(['search', 'perez'])\n"
        "[main(['export', '--format', f]) for f in ('timelinejs', 'markdown', 'csv')]\n"
        f"main(['import', {str(Path(__file__).parents[1] / 'data' / 'timelinejs' / 'times.json')!r}])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "sys.exit(f'a core module imported {bad[:3]}' if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def test_search_prints_ranked_results(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "operacion gedeon"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["event", "raid-launched"]
    assert "«Operación» «Gedeón»" in out[1]


def test_search_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "rubio", "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["kind"] == "actor" and r["id"] == "marco-rubio" for r in records)
    first = records[0]
    assert set(first) >= {"kind", "id", "date", "title", "snippet", "highlights"}
    start, end = first["highlights"][0]
    assert first["snippet"][start:end].lower() == "rubio"


def test_search_exit_codes(capsys: pytest.CaptureFixture[str], write: Any) -> None:
    assert main(["search", "xyzzy-nothing"]) == 1
    assert main(["search", '"unclosed']) == 1
    assert 'hint: unclosed quote: read "unclosed" as a phrase' in capsys.readouterr().err
    assert main(["search", "perez", "--data", str(write("{"))]) == 2


def test_event_and_actor_are_mutually_exclusive(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Together, --event used to be silently ignored."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the interface started")

    monkeypatch.setattr("junquito_tui.ui.app.JunquitoApp.run", refuse)
    with pytest.raises(SystemExit) as exit_:
        main(["--event", "raid-begins", "--actor", "oscar-perez"])
    assert exit_.value.code == 2
    assert "argument --actor: not allowed with argument --event" in capsys.readouterr().err


HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What --data hands the interface (which does not start)."""
    started: dict[str, Any] = {}

    class FakeApp:
        return_code = 0  # (as Textual's, after a run that ended well)

        def __init__(self, chronology: Any, **options: Any) -> None:
            started.update(options, chronology=chronology)

        def run(self) -> None:
            started["ran"] = True

    monkeypatch.setattr("junquito_tui.ui.app.JunquitoApp", FakeApp)
    return started


@pytest.mark.parametrize("command", ["validate", "--data", "import"])
def test_a_timelinejs_year_of_5000_digits_is_a_warning(
    command: str, capsys: pytest.CaptureFixture[str], opened: dict[str, Any]
) -> None:
    """It was a ValueError traceback (Python reads at most 4,300 digits)."""
    path = HOSTILE / "timelinejs-year-5000-digits.json"
    assert main([command, str(path)]) == 0
    err = capsys.readouterr().err
    warnings = err + " ".join(opened.get("warnings", []))
    assert "events[0].start_date.year: '1111111111" in warnings
    assert "is beyond the 999,999,999,999 years we can hold; slide skipped" in warnings
    assert "slide skipped" in warnings and "Traceback" not in err


@pytest.mark.parametrize("command", ["validate", "--data", "import"])
def test_an_escape_code_as_zone_label_is_removed_with_a_warning(
    command: str, capsys: pytest.CaptureFixture[str], opened: dict[str, Any]
) -> None:
    """It was a pydantic ValidationError traceback."""
    path = HOSTILE / "timelinejs-zone-label-escape.json"
    assert main([command, str(path)]) == 0
    captured = capsys.readouterr()
    warnings = captured.err + " ".join(opened.get("warnings", []))
    assert "control characters" in warnings and "removed" in warnings and "events[0].junquito.zone_label" in warnings
    assert "\x1b" not in captured.out and "Traceback" not in captured.err
    if command == "import":
        when = json.loads(captured.out)["events"][0]["when"]
        assert when["utc_offset"] == "+01:00" and when["zone_label"] == "[2J"


@pytest.mark.parametrize("command", ["validate", "--data", "import"])
def test_a_json_number_of_5000_digits_is_located(
    command: str, capsys: pytest.CaptureFixture[str], opened: dict[str, Any]
) -> None:
    path = HOSTILE / "number-5000-digits.json"
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2:21: a number of 5,000 digits is too long to read (at most 4,300)" in err
    assert "set_int_max_str_digits" not in err and "ran" not in opened


# -- options given before the command apply to it -------------------------------------------------
def small_dataset(write: Any, minimal: dict[str, Any]) -> Path:
    """One event only the small dataset has ("Lockdown"), none of the bundled one's."""
    minimal["events"][0]["title"] = "Lockdown in the small dataset"
    return Path(write(minimal, "small.json"))


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", "{small}", "search", "lockdown"],
        ["search", "--data", "{small}", "lockdown"],
    ],
)
def test_data_given_before_or_after_the_command_is_the_dataset_searched(
    argv: list[str], write: Any, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """`--data F search x` searched the bundled dataset: the command's own --data default replaced
    the one given before it, and the answer was silently about another dataset."""
    small = small_dataset(write, minimal)
    assert main([part.format(small=small) for part in argv]) == 0
    out = capsys.readouterr().out
    assert "Lockdown in the small dataset" in out and "Pérez" not in out.replace("Óscar Pérez", "")


def test_every_command_reads_the_dataset_given_before_it(
    write: Any, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    small = str(small_dataset(write, minimal))
    assert main(["--data", small, "validate"]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 events, 2 actors, 1 quote, 1 source")
    output = tmp_path / "out.csv"
    assert main(["--data", small, "export", "--format", "csv", "-o", str(output)]) == 0
    assert "Lockdown in the small dataset" in output.read_text(encoding="utf-8-sig")
    assert main(["--data", small, "cite", "first"]) == 0
    assert capsys.readouterr().out.startswith("Lockdown in the small dataset")
    assert main(["--data", small, "--max-bytes", "10", "search", "x"]) == 2  # --max-bytes carried too
    assert "limit" in capsys.readouterr().err


def test_validate_counts_in_words(write: Any, minimal: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    minimal["events"] = minimal["events"][1:]
    minimal["quotes"] = []
    minimal["actors"][1]["relations"] = []
    assert main(["validate", str(write(minimal))]) == 0
    assert capsys.readouterr().out.startswith("ok: 1 event, 2 actors, 0 quotes, 1 source\n")


@pytest.mark.parametrize(
    "argv", [["validate", ""], ["--data", "", "search", "raid"], ["search", "raid", "--data="], ["--notebook", ""]]
)
def test_an_empty_file_name_is_refused_not_read_as_the_bundled_dataset(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:  # (a security review: it checked the bundled dataset, unsaid)
        main(argv)
    assert exit_.value.code == 2 and "an empty file name" in capsys.readouterr().err


def test_a_deep_link_to_an_id_of_another_kind_names_the_option_to_use(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--quote", "raid-begins"]) == 2  # (a re-trial: it named only close quote ids)
    assert "--quote: 'raid-begins' is the id of an event: use --event raid-begins" in capsys.readouterr().err


def test_a_query_that_starts_with_a_minus_is_told_how_to_be_given(capsys: pytest.CaptureFixture[str]) -> None:
    # before (a search trial): 'search -raid' said only that a query is required
    with pytest.raises(SystemExit) as stopped:
        main(["search", "-raid"])
    assert stopped.value.code == 2 and "goes after '--': search -- -raid" in capsys.readouterr().err
    for given in (["search", "-helicopter"], ["search", "-raid", "perez"]):  # (read as -h; an option beside it)
        with pytest.raises(SystemExit):
            main(given)
        assert "goes after '--': search -- -raid" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--format", "csv", "--query", "-perez"])
    assert "--query=-raid" in capsys.readouterr().err
    assert main(["export", "--format", "csv", "--query=-perez kind:event"]) == 0


def test_a_timelinejs_file_with_no_slides_is_refused_alike_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # before (a re-trial): validate said 'ok: 0 events' and export wrote '# T' (exit 0), import refused it citing
    # warnings it never printed
    path = tmp_path / "empty.json"
    path.write_text('{"title": {"text": {"headline": "T"}}, "events": []}', encoding="utf-8")
    for command in (["validate", str(path)], ["export", "--format", "markdown", "--data", str(path)]):
        assert main(command) == 2
        assert "the file has no slides" in capsys.readouterr().err
