"""Options whose second use would silently win are refused, and a header of any width gives a short message."""

from __future__ import annotations

from pathlib import Path

import pytest

from junquito_tui.cli import main
from junquito_tui.core.interop.sheet_layouts import HEADERS_SHOWN, parse_columns


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "cols.csv"
    path.write_text("Fecha,Evento\n2018-01-15,Asalto\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("text", ["date=Fecha,date=Evento,title=Evento", "order=dmy,date=Fecha,title=Evento,order=mdy"])
def test_a_field_given_twice_in_columns_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is given twice"):
        parse_columns(text)


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "{sheet}", "--columns", "date=Fecha", "--columns", "title=Evento"],
        ["--columns", "date=Fecha,title=Evento", "validate", "{sheet}", "--columns=date=Evento,title=Fecha"],
        ["--data", "{sheet}", "search", "asalto", "--data", "{sheet}"],
        ["validate", "{sheet}", "--max-bytes", "1000", "--max-bytes=2000"],
    ],
)
def test_an_option_given_twice_is_refused(argv: list[str], sheet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([word.format(sheet=sheet) for word in argv])
    assert exited.value.code == 2
    assert "is given twice" in capsys.readouterr().err


def test_an_option_once_before_and_once_after_the_command_words_is_fine(
    sheet: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--columns", "date=Fecha,title=Evento", "validate", str(sheet)]) == 0
    assert "1 event" in capsys.readouterr().out


def test_a_header_of_a_million_names_gives_a_short_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(100_000)) + "\n" + "x," * 10 + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err) < 2000 and "'c29'" in err and "'c30'" not in err
    assert f"and {100_000 - HEADERS_SHOWN:,} more" in err


def test_a_long_header_name_is_cut_and_offered_by_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.csv"
    long_name = "n" * 5000
    path.write_text(f"{long_name},other\nx,y\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert long_name not in err and "--columns date=1,title=other" in err


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("timeline.json", '{"events":[{"start_date":{"year":2020},"text":{"headline":"x"}}]}', "is JSON"),
        ("timeline.jsonl", '{"datetime":"2020-03-21T10:00:00Z","message":"a"}\n', "is JSON lines"),
    ],
)
@pytest.mark.parametrize(
    "command", [["validate", "{path}"], ["import", "{path}", "-o", "{out}"], ["search", "x", "--data", "{path}"]]
)
def test_columns_on_a_json_file_is_refused_never_read_as_a_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, said: str, command: list[str]
) -> None:
    # before: the JSON file was read as a CSV, '0 events', 'ok', exit 0; JSON lines ignored it, unsaid
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    argv = [word.format(path=path, out=tmp_path / "out.json") for word in command] + ["--columns", "date=1,title=2"]
    assert main(argv) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()
    assert main(["validate", str(path)]) == 0  # without it, read as it is
