"""The line-API row list: wrapped heights as Textual counts them, rows made only when needed."""

from __future__ import annotations

import random
from typing import Any, cast

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.css.styles import RulesMap

from junquito_tui.core.navigation import Location
from junquito_tui.ui.widgets.rows import Row, RowList, Rows, Run
from junquito_tui.ui.wrap_count import line_count

TEXTS = [
    "short",
    "a line long enough to wrap at least once at a narrow width, with words",
    "averyveryverylongwordwithoutanyspacesthatmustbefoldedacrossseverallines",
    "two lines\nthe second one also long enough to need wrapping somewhere",
    "委内瑞拉突袭事件 double-width characters 委内瑞拉突袭事件",
    "",
    "   leading spaces and  double  spaces and trailing   ",
    "x averyveryverylongwordwithoutanyspaces y anotherlongwordthatalsofolds z",
    "Pérez, Chávez — «accents» are one cell wide …",
]


def test_counted_line_wraps_match_textual_on_random_text() -> None:
    pick = random.Random(7)
    alphabet = "ab é  -—“”…" + "x" * 5
    for _ in range(3_000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randrange(0, 60)))
        width = pick.randrange(1, 30)
        assert line_count(text, width) == Content(text).get_height({}, width), (text, width)


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield RowList(id="rows")


@pytest.mark.parametrize("width", [1, 3, 10, 24, 80])
async def test_wrapped_heights_match_textual(width: int) -> None:
    app = Lists()
    async with app.run_test(size=(100, 20)):
        rows = app.query_one(RowList)
        for text in TEXTS:
            content = Content(text)
            styles = cast(RulesMap, rows.styles)  # as rows.py passes them
            assert rows._height(content, width) == content.get_height(styles, width)


async def test_a_long_list_makes_only_the_rows_it_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def make(index: int) -> Row:
        made.append(index)
        return Row(Content(f"link {index}"), Location("event", f"e{index}"))

    app = Lists()
    async with app.run_test(size=(100, 20)) as pilot:
        rows = app.query_one(RowList)
        monkeypatch.setattr("junquito_tui.ui.widgets.rows.QUIET", 1e9)  # hold back idle measuring: only what is shown
        rows.show_rows(Rows([Row(Content("heading"))], Run(100_000, make)), highlighted=1)
        rows.focus()
        await pilot.pause()
        assert len(set(made)) < 100  # the first screen, not 100,000 rows
        await pilot.press("down", "down")
        assert rows.highlighted == 3 and rows.highlighted_target == Location("event", "e2")


async def test_keys_skip_text_rows_and_enter_selects() -> None:
    selected: list[Any] = []

    class Picking(Lists):
        def on_row_list_selected(self, message: RowList.Selected) -> None:
            selected.append(message.target)

    app = Picking()
    async with app.run_test(size=(100, 20)) as pilot:
        rows = app.query_one(RowList)
        rows.show_rows(
            [Row(Content("text")), Row(Content("a"), Location("actor", "a")), Row(Content("more text")),
             Row(Content("b"), Location("actor", "b"))],
            highlighted=1,
        )  # fmt: skip
        rows.focus()
        await pilot.press("down")
        assert rows.highlighted == 3
        await pilot.press("up", "enter")
        assert selected == [Location("actor", "a")]


async def test_lists_in_hidden_tabs_stop_measuring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below 100 columns the panes are tabs: a hidden list has no width and nothing to measure, and
    must not poll for one (it did, at ~60 % of a CPU for as long as the app ran)."""
    import asyncio

    from junquito_tui.core.chronology import Chronology
    from junquito_tui.core.loader import load_dataset
    from junquito_tui.ui.app import JunquitoApp

    calls = 0
    measure = RowList._measure_while_idle

    def counted(self: RowList, generation: int) -> None:
        nonlocal calls
        calls += 1
        measure(self, generation)

    monkeypatch.setattr(RowList, "_measure_while_idle", counted)
    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await asyncio.sleep(0.5)  # every visible list of the bundled dataset is measured by then
        settled = calls
        await asyncio.sleep(0.5)
        assert calls == settled
        await pilot.press("3")  # showing a tab lays its lists out: they measure, then stop again
        await asyncio.sleep(0.5)
        assert app.screen.query_one("#actor-list", RowList)._width > 0


def test_a_later_highlight_replaces_a_queued_one_but_never_a_selection() -> None:
    from junquito_tui.core.loader import load_dataset
    from junquito_tui.core.navigation import Location
    from junquito_tui.ui.widgets.timeline import Timeline

    first, second = load_dataset().events[:2]
    assert Timeline.Highlighted(first).can_replace(Timeline.Highlighted(second))
    one, other = RowList(), RowList()
    target = Location("actor", "oscar-perez")
    assert RowList.Highlighted(one, 1, target).can_replace(RowList.Highlighted(one, 2, target))
    assert not RowList.Highlighted(one, 1, target).can_replace(RowList.Highlighted(other, 2, target))
    assert not RowList.Selected(one, 1, target).can_replace(RowList.Highlighted(one, 2, target))
    assert not RowList.Highlighted(one, 1, target).can_replace(RowList.Selected(one, 2, target))


async def test_a_new_page_puts_its_cursor_on_its_own_first_link() -> None:
    """A page shown after a longer one kept the index of the old page's first link: past its end,
    enter raised IndexError (found by the fuzzer)."""
    from junquito_tui.core.navigation import Location
    from junquito_tui.ui.widgets.links import LinkList

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield LinkList(id="page")

    app = One()
    async with app.run_test(size=(60, 20)) as pilot:
        page = app.query_one(LinkList)
        link = Location("event", "e")
        page.show([Row(Content(f"text {n}")) for n in range(12)] + [Row(Content("link"), link)])
        assert page.highlighted == 12
        page.show([Row(Content("one line")), Row(Content("link"), link)])
        assert page.highlighted == 1
        page.focus()
        await pilot.press("enter")
        assert app.is_running
