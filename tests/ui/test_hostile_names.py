"""A file's or folder's name is text a received file controls too: it never reaches the terminal as anything but
text. A security review: a file named 'A\\e]52;c;SGVsbG8=\\e\\\\.csv' wrote the clipboard (OSC 52) the moment it was
opened, through the event page's reopen line, the warnings page and the toasts, and through `cite` and the command
line's refusals; a name holding BEL and RLO crashed the app, which then exited with status 0."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from junquito_tui import cli
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.citation import OpenedAs, reopen_command
from junquito_tui.core.loader import load_dataset, load_with_report
from junquito_tui.core.terminal_output import Guarded
from junquito_tui.core.text import shell_word, terminal_safe
from junquito_tui.ui import pages
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.warnings import WarningsScreen

OSC_52 = "A\x1b]52;c;SGVsbG8=\x1b\\.csv"
NAMES = [OSC_52, "x\a\u202ey.csv", "c1\x9b31m\u2028.csv", "tab\tnew\nline.csv"]
# what a terminal could act on: controls (a text's own tab and line ends aside), bidi controls, U+2028/U+2029
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=12).filter(lambda word: "\x00" not in word))  # (no argument holds a NUL)
def test_a_shell_word_reads_back_as_itself_and_shows_only_text(word: str) -> None:
    quoted = shell_word(word)
    assert UNSAFE.search(quoted) is None and "\n" not in quoted and "\t" not in quoted
    for locale in ("C.UTF-8", "C"):  # (bash reads \u2028 as text in the C locale: bytes are read alike in any)
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": locale}
        said = subprocess.run(["bash", "-c", f"printf %s {quoted}"], capture_output=True, check=True, env=env).stdout
        assert said == word.encode("utf-8", "surrogateescape"), locale


@pytest.mark.parametrize("name", NAMES)
def test_a_reopen_line_of_a_hostile_name_is_only_text(name: str) -> None:
    line = reopen_command(Chronology(load_dataset()), "event", "raid-begins", OpenedAs(f"/tmp/{name}"))
    assert UNSAFE.search(line) is None and "\n" not in line


def test_the_command_line_never_prints_a_name_s_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / OSC_52
    path.write_text("date,title\n2018-01-15,x\n", encoding="utf-8")
    assert cli.main(["cite", "x-2018-01-15", "--data", str(path)]) == 0
    assert cli.main(["export", "--format", "csv", "--data", str(path), "-o", str(path)]) == 2  # (the input: refused)
    assert cli.main(["--event", "\x1b[31m"]) == 2
    out, err = capsys.readouterr()
    assert "Reopen: junquito-tui --data $'" in out
    assert "\x1b" not in out + err and "\\x1b" in err  # (before: the refusal and the unknown id, raw)


def test_a_terminal_s_standard_output_is_guarded_and_a_file_s_is_not() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    print("a\x1b]52;c;SGk=\x07b\tc\r\n", file=Guarded(shown))
    assert shown.getvalue() == "a\\x1b]52;c;SGk=\\x07b\tc\r\n\n"
    assert terminal_safe("rtl \u202eevil\u2029") == "rtl \\u202eevil\\u2029"


@pytest.mark.parametrize("name", NAMES[:3])
async def test_the_app_shows_a_hostile_name_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("date,title\n2018-01-15,x\n", encoding="utf-8")
    loaded = load_with_report(path)
    chronology = Chronology(loaded.dataset)
    page = pages.event_rows(chronology, chronology.events[0], opened=OpenedAs(str(path)))
    assert all(UNSAFE.search(row.content.plain) is None for row in page)
    app = JunquitoApp(chronology, warnings=loaded.warnings, data_path=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("2")
        await pilot.pause(0.1)
        await pilot.press("c")  # a citation copied: its toast
        await pilot.pause(0.2)
        toasts = [notification.message + notification.title for notification in app._notifications]
        await pilot.press("exclamation_mark")
        await pilot.pause(0.2)
        assert isinstance(app.screen, WarningsScreen)
        shown = [str(static.render()) for static in app.screen.query(Static)]
        assert any("\\x" in text for text in shown)  # the name, its escapes shown
        assert len(toasts) == 2
        for text in [*shown, *toasts]:
            assert UNSAFE.search(text) is None, text


def test_a_crash_is_not_exit_status_0(monkeypatch: pytest.MonkeyPatch) -> None:
    def crashed(app: JunquitoApp) -> None:  # (Textual's return code after an exception in the app)
        app._return_code = 1

    monkeypatch.setattr(JunquitoApp, "run", crashed)
    assert cli.main([]) == 1


def test_a_name_s_bytes_that_are_no_utf8_and_its_format_characters_are_escaped_and_reopen_it() -> None:
    # a re-review: 'D\x9b31mRED.json' (a byte no UTF-8 holds) crashed the copy of a citation and printed an 8-bit
    # CSI; a right-to-left mark in a name passed unseen into a reopen line
    for raw in (b"D\x9b31mRED.json", "rlm\u200fx\u061cy.json".encode()):
        name = os.fsdecode(raw)
        quoted = shell_word(name)
        assert quoted.isascii() and UNSAFE.search(quoted) is None
        said = subprocess.run(["bash", "-c", f"printf %s {quoted}"], capture_output=True, check=True).stdout
        assert said == raw
    assert terminal_safe(os.fsdecode(b"D\x9b.json")) == "D\\x9b.json"  # (printed as the byte's escape, never the byte)


def test_a_pipe_gets_no_control_but_a_text_s_line_separator() -> None:
    piped = io.StringIO()
    print("a\x1b]52;c;SGk=\x07 b\u2028c", file=Guarded(piped, terminal=False))
    assert piped.getvalue() == "a\\x1b]52;c;SGk=\\x07 b\u2028c\n"  # ('| cat' ends on a terminal: a re-review)


def test_the_notebook_page_shows_a_folder_s_escapes_as_text(tmp_path: Path) -> None:
    from junquito_tui.core.notebook import Access, Opened
    from junquito_tui.ui.screens.notebook import state_line

    row = state_line(Opened(tmp_path / OSC_52 / "notes.sqlite3", Access.WRITABLE, ""))
    assert "\x1b" not in row.content.plain and "\\x1b]52" in row.content.plain  # (a re-review: it wrote the clipboard)


def test_a_reopen_line_of_a_name_starting_with_a_dash_is_read_as_that_name() -> None:
    # a re-trial: 'junquito-tui --data -dash.json' failed, argparse taking the name for an option
    import shlex

    from junquito_tui.core.chronology import Chronology as Chrono

    opened = OpenedAs("-dash.json", "date=When")
    line = reopen_command(Chrono(load_dataset()), "event", "raid-begins", opened)
    args = cli.build_parser().parse_args(shlex.split(line)[1:])
    assert (args.data, str(args.columns), args.event) == ("-dash.json", "date=When", "raid-begins")
    checked = cli.build_parser().parse_args(["validate", *opened.validate_args()])
    assert checked.file == "-dash.json"


def test_a_message_naming_a_path_keeps_it_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a re-trial: 'wrote 38 events to .../cr\rOVER.md' wrote a raw carriage return (ESC was escaped)
    out = tmp_path / "cr\rOVER\u200f.md"
    assert cli.main(["export", "--format", "markdown", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "cr\\x0dOVER\\u200f.md" in err and "\r" not in err
