"""The class fix for markup: no dataset or user text reaches an API that parses markup.

Textual parses a plain ``str`` as markup in border titles and subtitles, ``App.title`` where it is
formatted into toasts, ``notify``, ``Static``/``Label`` strings, tooltips and the palette's help
lines. Two guards: a reading of the interface's source that every such place gets a literal or a
``Content``/``Text`` (a new place is checked the day it is written), and a run of the app on a
dataset whose every text field, title and typed query is a markup payload, through every pane,
filter, palette command and toast, with a click on every cell of the screen.
"""

from __future__ import annotations

import ast
import copy
import json
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App

from conftest import MINIMAL, REPO, explorer
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.ui.app import JunquitoApp

UI = REPO / "src" / "junquito_tui" / "ui"
MARKUP_ATTRIBUTES = {"border_title", "border_subtitle", "title", "sub_title", "tooltip"}
SAFE_CALLS = {"Content", "Text", "Content.assemble", "Content.styled", "Content.from_text", "hit_help"}
# App.title is the terminal window's title: Textual shows it through Content(title) (format_title),
# and the one place it formats it as markup (the screenshot toast's file name) is overridden.
ALLOWED = {("app.py", "title")}


def _call_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        return ast.unparse(node.func)
    return ""


def _content_functions(tree: ast.Module) -> set[str]:
    """Functions and methods of the module declared to return Content."""
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.returns is not None and ast.unparse(node.returns) == "Content"
    }


class _Checker:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.content_functions = _content_functions(self.tree)
        self.found: list[str] = []

    def safe(self, value: ast.expr, scope: ast.AST) -> bool:
        """A literal, text built as Content/Text (never parsed), a call of a function declared to
        return Content, or a local name every assignment of which is one of these."""
        if isinstance(value, ast.Constant):
            return value.value is None or isinstance(value.value, str)
        if isinstance(value, ast.IfExp):
            return self.safe(value.body, scope) and self.safe(value.orelse, scope)
        name = _call_name(value)
        if name in SAFE_CALLS or name.split(".")[-1] in self.content_functions:
            return True
        if name == "steady" and isinstance(value, ast.Call):  # Content in, Content out
            return self.safe(value.args[0], scope)
        if isinstance(value, ast.Name):
            assigned = [
                node.value
                for node in ast.walk(scope)
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == value.id for t in node.targets)
            ]
            return bool(assigned) and all(self.safe(v, scope) for v in assigned if v is not value)
        return False

    def check(self) -> list[str]:
        for function in [n for n in ast.walk(self.tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
            for node in ast.walk(function):
                self._check_node(node, function)
        return sorted(set(self.found))

    def _check_node(self, node: ast.AST, scope: ast.AST) -> None:
        where = f"{self.path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Assign):
            for target in node.targets:
                attribute = target.attr if isinstance(target, ast.Attribute) else ""
                allowed = attribute not in MARKUP_ATTRIBUTES or (self.path.name, attribute) in ALLOWED
                if not allowed and not self.safe(node.value, scope):
                    self.found.append(f"{where} {attribute} = {ast.unparse(node.value)}")
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            keywords = {k.arg: k.value for k in node.keywords}
            markup = keywords.get("markup")
            markup_off = isinstance(markup, ast.Constant) and markup.value is False
            if name.endswith("notify") and not markup_off and not all(self.safe(a, scope) for a in node.args):
                self.found.append(f"{where} notify without markup=False")
            if name in {"Static", "Label"} and node.args and not markup_off and not self.safe(node.args[0], scope):
                self.found.append(f"{where} {name}({ast.unparse(node.args[0])}) parses markup")
            if name in {"Hit", "DiscoveryHit"} and "help" in keywords and not self.safe(keywords["help"], scope):
                self.found.append(f"{where} palette help {ast.unparse(keywords['help'])} is parsed as markup")


def _unsafe_places(path: Path) -> list[str]:
    return _Checker(path).check()


def test_no_string_reaches_an_api_that_parses_markup() -> None:
    unsafe = [place for path in sorted(UI.rglob("*.py")) for place in _unsafe_places(path)]
    assert unsafe == []


def test_the_source_check_finds_an_unsafe_title(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def show(self, pane, actor, event, message):\n"
        "    pane.border_title = f'4 Quotes of {actor.name}'\n"
        "    self.notify(message)\n"
        "    Static(event.title)\n"
        "    pane.border_title = Content.assemble('4 Quotes of ', actor.name)\n"
        "    title = Content('ok')\n"
        "    pane.border_subtitle = title\n",
        encoding="utf-8",
    )
    assert len(_unsafe_places(bad)) == 3


# -- the running app --------------------------------------------------------------------------------
CLICK = "[@click=app.quit]Q[/]"
PAYLOADS = [CLICK, "[link='file:///etc/passwd']L[/link]", "Note [/sic]", "[/]", "Rubio [R-FL]", "[b $var"]


def payload(field: str) -> str:
    return f"{CLICK} {field} [/] [sic] [b"


def hostile_everywhere() -> dict[str, Any]:
    """MINIMAL with every text field (and the title) a markup payload naming the field."""
    data = copy.deepcopy(MINIMAL)
    data["title"] = "Chronology [a=b=c] [/] " + CLICK
    data["description"] = payload("description")
    source = data["sources"][0]
    source.update(title=payload("source"), publisher=payload("publisher"), author=payload("author"))
    source["url"] = "https://example.org/[@click=app.quit]x[/]"
    for index, actor in enumerate(data["actors"]):
        actor.update(name=payload(f"actor{index}"), aliases=[payload("alias")], side=payload("side"))
        actor.update(profile=payload("profile"), fate=payload("fate"))
    data["actors"][1]["relations"][0]["note"] = payload("relation")
    for index, event in enumerate(data["events"]):
        event.update(title=payload(f"event{index}"), summary=payload("summary"), place=payload("place"))
        event["when"]["note"] = payload("date note")
        for participant in event["actors"]:
            participant["role"] = payload("role")
    data["events"][1]["claims"][0]["statement"] = payload("claim")
    # a second account of the moment (so it is contested), and a work known only through the article
    data["sources"].append({"id": "second-hand", "title": payload("cited source"), "kind": "investigation"})
    data["sources"][-1].update(cited_in="article", publisher=payload("cited publisher"))
    data["events"][1]["sources"] = ["article", "second-hand"]
    data["events"][1]["claims"][0]["cited"] = ["second-hand"]
    data["events"][1]["claims"].append({"by": ["group"], "statement": payload("claim 2"), "source": "article"})
    data["events"][0]["tags"] = ["raid"]
    data["quotes"][0].update(text=payload("quote"), context=payload("context"))
    return data


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_everywhere(), ensure_ascii=False), encoding="utf-8")
    return path


def screen_lines(app: JunquitoApp) -> list[str]:
    return ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]


TEXTUALS_OWN = {"@mouse.down=grab", "@mouse.down=scroll_down", "@mouse.down=scroll_up"}  # scrollbars


def click_metas(app: JunquitoApp) -> list[str]:
    """Every action the screen's cells carry in their styles (@click, @mouse.down, ...): what a
    mouse on that cell would run. Our own links and rows never use them."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            meta = segment.style.meta if segment.style else {}
            found += [f"{key}={value}" for key, value in meta.items() if key.startswith("@")]
    return [action for action in found if action not in TEXTUALS_OWN]


async def click_every_cell(pilot: Any, rows: range) -> None:
    """A click on every cell of ``rows``, as the mouse sends it: to the widget under the cell,
    with the style there (posted a row at a time; Pilot's own click waits for idle after each,
    some 30 ms, and a whole screen would take minutes)."""
    app = pilot.app
    for y in rows:
        for x in range(app.size.width):
            screen = app.screen
            widget, region = screen.get_widget_at(x, y)
            style = screen.get_style_at(x, y)
            click = events.Click(widget, x - region.x, y - region.y, 0, 0, 1, False, False, False, x, y, style)
            widget.post_message(click)
        await pilot.pause()
        while app.screen is not app.screen_stack[0]:  # a click opened a source page: close it
            await pilot.press("escape")
            await pilot.pause()


async def test_payloads_everywhere_stay_text_in_every_pane_border_palette_and_toast(
    hostile_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # exports and screenshots land here
    ran: list[str] = []
    original = App.run_action

    async def recording(self: App[Any], action: Any, *args: Any, **kwargs: Any) -> bool:
        ran.append(str(action))
        return await original(self, action, *args, **kwargs)

    monkeypatch.setattr(App, "run_action", recording)
    app = JunquitoApp(Chronology(load_dataset(hostile_file)))
    seen: list[str] = []

    async def look() -> None:
        await pilot.pause()
        lines = screen_lines(app)
        seen.extend(lines)
        assert click_metas(app) == []

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for keys in (["1"], ["j"], ["2"], ["3"], ["j"], ["4"], ["f"], ["f"], ["f"], ["tab"], ["enter"]):
            await pilot.press(*keys)
            await look()
        borders = [line for line in seen if "╭" in line or "─" in line]
        assert any("of event: " + CLICK in line for line in borders)  # the quotes pane's title
        assert any("of actor: " + CLICK in line for line in borders)
        await pilot.press("escape", "1", "slash", *"event0 [/] [sic] [b", "down", "f")
        await look()
        assert any("filter: event0 [/] [sic] [b" in line for line in screen_lines(app))  # the timeline's title
        await pilot.press("escape", "escape")
        for command, query in (("Go to event", "event0"), ("Go to actor", "actor0"), ("Go to quote", "quote")):
            await pilot.press("ctrl+p")
            await pilot.pause(0.2)
            await pilot.press(*command)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.3)
            await pilot.press(*query)
            await pilot.pause(0.5)
            await look()
            assert any(f"{CLICK} {query}" in line for line in screen_lines(app)), command
            await pilot.press("enter")
            await pilot.pause(0.3)
        for command in ("Export view as CSV", "Screenshot"):
            await pilot.press("ctrl+p")
            await pilot.pause(0.2)
            await pilot.press(*command)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.5)
            await look()
        assert app.is_running
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        await look()
        await pilot.press("escape")
        await pilot.pause(0.2)
        ran.clear()
        await click_every_cell(pilot, range(app.size.height - 1))  # the footer's keys are actions by design
        await pilot.press("slash", *"event0")  # and over the search box and its results
        await pilot.pause(0.3)
        await click_every_cell(pilot, range(app.size.height - 1))
        await pilot.press("escape", "escape")
        await the_accounts_page(pilot, look)
        assert app.is_running
        assert [action for action in ran if "quit" in action or "screenshot" in action] == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".svg") == [
        p.name for p in tmp_path.iterdir() if p.suffix == ".svg" and p.name.startswith("chronology-a-b-c")
    ]


# -- the user's own text: notes, tags, saved searches ------------------------------------------------
NOTE = f"{CLICK} note [/] [sic] [b\n**bold?** [link='file:///etc/passwd']L[/link]"


async def test_notes_tags_and_saved_searches_stay_text(
    hostile_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note, a tag and a saved search holding markup (typed, or imported from a colleague's
    notebook) are shown as typed on the pages, in the lists, on the Notebook screen, in the editors
    and in the palette; nothing on screen carries an action."""
    from junquito_tui.core.notebook import Notebook

    monkeypatch.chdir(tmp_path)
    ran: list[str] = []
    original = App.run_action

    async def recording(self: App[Any], action: Any, *args: Any, **kwargs: Any) -> bool:
        ran.append(str(action))
        return await original(self, action, *args, **kwargs)

    monkeypatch.setattr(App, "run_action", recording)
    book = Notebook(tmp_path / "hostile.sqlite3")
    for kind, item_id in (("event", "first"), ("actor", "oscar-perez"), ("quote", "q1")):
        book.set_note(kind, item_id, NOTE)
        book.set_starred(kind, item_id, True)
    book.set_tags("event", "first", ["[b]bold[/b]"])
    book.save_search(f"{CLICK} saved [/]", f"{CLICK} [/] [b")
    book.set_note("event", "gone-from-the-data", NOTE)  # orphaned
    app = JunquitoApp(Chronology(load_dataset(hostile_file)), event_id="first", notebook_file=book.path)
    seen: list[str] = []

    async def look() -> None:
        await pilot.pause(0.1)
        seen.extend(screen_lines(app))
        assert click_metas(app) == []

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            notebook = explorer(app).notebook_layer.notebook
            if notebook is not None and notebook.opened is not None:
                break
        for keys in (["2"], ["3"], ["4"], ["1"]):
            await pilot.press(*keys)
            await look()
        assert any(f"{CLICK} note [/] [sic] [b" in line for line in seen)  # the pages
        assert any("**bold?** [link='file:///etc/passwd']L[/link]" in line for line in seen)
        assert any("My tags: b-bold-b" in line for line in seen)  # a tag is a slug: no bracket survives
        await pilot.press("b")
        await look()
        assert any(f"note: {CLICK} note" in line for line in screen_lines(app))
        assert any(f"{CLICK} saved [/]" in line for line in screen_lines(app))
        ran.clear()
        await click_every_cell(pilot, range(app.size.height - 1))
        await pilot.press("escape")
        for key in ("a", "t"):  # the editors show what is stored, as text
            await pilot.press(key)
            await look()
            await pilot.press("escape")
            await pilot.pause(0.1)
        assert any(f"{CLICK} note [/] [sic] [b" in line for line in seen)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"Search: ")
        await pilot.pause(0.4)
        await look()
        assert any(f"Search: {CLICK} saved [/]" in line for line in screen_lines(app))
        await pilot.press("escape")
        assert app.is_running
        assert [action for action in ran if "quit" in action or "screenshot" in action] == []


async def the_accounts_page(pilot: Any, look: Any) -> None:
    """Who says what: claims, claimants, sources (read and second-hand) all stay text, in every
    column, in its help, and under a click on every cell (a click on a link leaves the page: it is
    opened again for the next line)."""
    from junquito_tui.ui.screens.accounts import AccountsScreen
    from junquito_tui.ui.widgets.rows import RowList

    app = pilot.app
    await pilot.press("w")
    await pilot.pause(0.2)
    assert isinstance(app.screen, AccountsScreen)
    await look()
    # each list's lines as drawn, joined: a payload wrapped over two lines is still found whole
    drawn = [
        " ".join("".join(s.text for s in widget.render_line(y)).strip() for y in range(widget.size.height))
        for widget in app.screen.query(RowList)
    ]
    for field in ("claim", "claim 2", "actor0", "actor1", "source", "cited source", "event1"):
        assert any(" ".join(payload(field).split()) in " ".join(text.split()) for text in drawn), field
    for key in ("tab", "tab", "tab", "question_mark"):
        await pilot.press(key)
        await look()
    await pilot.press("escape")
    for y in range(app.size.height - 1):  # the footer's keys are actions by design
        if not isinstance(app.screen, AccountsScreen):
            await pilot.press("w")
            await pilot.pause(0.2)
        await click_every_cell(pilot, range(y, y + 1))
