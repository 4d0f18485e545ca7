"""Hostile text is shown, never obeyed: markup, bidi, wide and combining characters, huge titles."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import LINE_MAX
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.panes.search_panel import ResultList
from junquito_tui.ui.widgets.links import LinkList
from junquito_tui.ui.widgets.timeline import Timeline

MARKUP = "[@click=app.quit]x[/]"
PIECES = [
    MARKUP,
    "[link=file:///etc/passwd]p[/link]",
    "[/]",
    "[b unterminated",
    "$variable",
    "[@click=app.screenshot()]shot[/]",
    "שלום עולם مرحبا",  # right-to-left
    "e\u0301\u0301\u0301 Z\u0351\u0352\u0353",  # stacked combining marks
    "🇻🇪👩🏽‍🚒🧑‍🤝‍🧑",  # emoji with joiners
    "委内瑞拉突袭事件",  # wide CJK
]
HOSTILE = " ".join(PIECES)
LONG_TITLE = "Très long titre " * 125  # 2,000 characters: the limit for a title or a name (LINE_MAX)
# ESC, CSI, C1 and other C0 controls (tab and newline are allowed in data)
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_dataset() -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data["title"] = HOSTILE
    data["events"][0]["title"] = HOSTILE
    data["events"][0]["summary"] = HOSTILE
    data["events"][0]["place"] = HOSTILE
    data["events"][1]["title"] = LONG_TITLE
    data["events"][1]["claims"][0]["statement"] = HOSTILE
    data["events"][1]["actors"][0]["role"] = HOSTILE
    data["actors"][0]["name"] = HOSTILE
    data["actors"][0]["aliases"] = [MARKUP, "委内瑞拉"]
    data["actors"][0]["profile"] = HOSTILE
    data["actors"][0]["side"] = HOSTILE
    data["actors"][1]["name"] = LONG_TITLE
    data["quotes"][0]["text"] = HOSTILE
    data["quotes"][0]["context"] = HOSTILE
    data["sources"][0]["title"] = HOSTILE
    data["sources"][0]["url"] = "javascript:alert(1) [link=http://evil]x[/link]"
    return data


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_dataset(), ensure_ascii=False), encoding="utf-8")
    return path


def screen_text(app: JunquitoApp) -> list[str]:
    return ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]


def assert_clean(app: JunquitoApp) -> None:
    """Nothing the screen will write carries a control character from the data."""
    for line in screen_text(app):
        assert not FORBIDDEN.search(line), repr(line)


async def test_every_pane_shows_hostile_text_literally_and_clicks_do_nothing(
    hostile: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # an app.screenshot action, if it ran, would write here
    app = JunquitoApp(Chronology(load_dataset(hostile)))
    ran: list[str] = []
    monkeypatch.setattr(app, "action_quit", lambda: ran.append("quit"))
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("1", "j", "k", "2", "3", "4", "tab", "tab"):
            await pilot.press(key)
            assert_clean(app)
        text = "\n".join(screen_text(app))
        assert MARKUP in text and "[b unterminated" in text and "$variable" in text
        for widget in (app.query_one(Timeline), *app.query(LinkList), app.query_one("#actor-list")):
            for y in range(widget.size.height):
                await pilot.click(widget, offset=(3, y))
                await pilot.click(widget, offset=(widget.size.width // 2, y))
            assert_clean(app)
            if app.screen is not app.screen_stack[0]:  # a source page opened: close it
                await pilot.press("escape")
        await pilot.press("escape", "slash", *"click", "down")
        await pilot.pause()
        assert app.query_one(ResultList).option_count > 0
        assert_clean(app)
        await pilot.click(app.query_one(ResultList), offset=(3, 1))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert ran == []
        assert list(tmp_path.glob("*.svg")) == []


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24), (120, 40), (250, 80)])
async def test_long_and_wide_text_never_breaks_the_layout(hostile: Path, size: tuple[int, int]) -> None:
    app = JunquitoApp(Chronology(load_dataset(hostile)), event_id="second")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_text(app)
        assert len(lines) == size[1]
        timeline = app.query_one(Timeline)
        widths = {timeline.render_line(y).cell_length for y in range(timeline.size.height)}
        # every row exactly as wide as the pane (in cells), however long or wide its title
        assert widths == {timeline.scrollable_content_region.width}
        assert_clean(app)


def test_control_characters_are_refused_at_load(tmp_path: Path) -> None:
    data = hostile_dataset()
    data["events"][0]["summary"] = "colour \x1b[31mred\x1b[0m and a clipboard write \x1b]52;c;aGk=\x07"
    path = tmp_path / "escapes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Exception, match=r"events\[0\]\.summary: control character U\+001B"):
        load_dataset(path)


def test_the_long_title_is_exactly_at_the_limit() -> None:
    assert len(LONG_TITLE) == LINE_MAX  # the layout tests above draw the longest title the format allows


# -- notes are text from the user: kept literally, never obeyed ------------------------------------


def test_hostile_notes_are_kept_literally_and_printed_without_escapes(
    tmp_path: Path, hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from junquito_tui.cli import main
    from junquito_tui.core.citation import cite, quote_text
    from junquito_tui.core.notebook import Notebook

    book = Notebook(tmp_path / "nb.sqlite3")
    pasted = f"{HOSTILE}\n{LONG_TITLE}\ncolour \x1b[31mred\x1b[0m, clipboard \x1b]52;c;aGk=\x07, C1 \x9b2J"
    saved = book.set_note("event", "first", pasted)
    book.set_tags("event", "first", [MARKUP, "委内瑞拉 tag"])
    assert saved.item is not None
    assert saved.item.note == f"{HOSTILE}\n{LONG_TITLE}\ncolour red, clipboard , C1 "  # markup stays words
    assert main(["notebook", "show", "--data", str(hostile), "--notebook", str(book.path)]) == 0
    assert main(["export", "--format", "markdown", "--data", str(hostile), "--notebook", str(book.path)]) == 0
    chronology = Chronology(load_dataset(hostile))
    out = capsys.readouterr().out + cite(chronology, "event", "first") + quote_text(chronology, "q1")
    assert HOSTILE in out and not FORBIDDEN.search(out)


async def test_no_character_of_unsteady_width_reaches_the_screen(hostile: Path) -> None:
    """Emoji joined by ZWJ, skin tones and variation selectors: Rich and terminals disagree on their
    width, so a border after them moved. The data keeps them; the screen shows them without."""
    from junquito_tui.core.text import UNSTEADY

    app = JunquitoApp(Chronology(load_dataset(hostile)))
    async with app.run_test(size=(120, 40)) as pilot:
        for keys in (["1"], ["2"], ["3"], ["4"], ["slash", *"click", "down"]):
            await pilot.press(*keys)
            await pilot.pause()
            shown = "\n".join(screen_text(app))
            assert UNSTEADY.search(shown) is None, keys
            assert "🧑" in shown or keys[0] == "slash"  # the emoji themselves are still there


def test_steady_content_keeps_each_style_on_its_characters() -> None:
    from textual.content import Content

    from junquito_tui.ui.steady import steady

    content = Content.assemble(("A👩🏽\u200d🚒", "bold"), " and ", ("❤️ B", "italic"))
    shown = steady(content)
    assert shown.plain == "A👩🚒 and ❤ B"
    assert [(shown.plain[s.start : s.end], str(s.style)) for s in shown.spans] == [
        ("A👩🚒", "bold"),
        ("❤ B", "italic"),
    ]
    plain = Content("no emoji here")
    assert steady(plain) is plain
