"""Lists keep the styles and scrollbar drawings they had in a state, and put them back when focus
comes back to that state: checked against Textual's own restyle and drawing (the oracle), over a
random run of focus changes, class changes on an ancestor, scrolling and theme changes."""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

from junquito_tui.core.navigation import Location
from junquito_tui.ui.widgets.kept_scrollbar import KeptScrollBar
from junquito_tui.ui.widgets.rows import Row, RowList

CSS = """
RowList:focus { background-tint: $foreground 5%; }
.alt RowList:focus { background-tint: $foreground 20%; }
.alt RowList { scrollbar-color: red; }
RowList:focus > .row-list--cursor { text-style: bold; }
"""


class TwoLists(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        with Horizontal(id="box"):
            yield RowList(id="a")
            yield RowList(id="b")

    def on_mount(self) -> None:
        for name in ("a", "b"):
            rows = [Row(Content(f"{name} link {i}"), Location("event", f"{name}{i}")) for i in range(200)]
            self.query_one(f"#{name}", RowList).show_rows(rows, 0)


def styles_of(widget: RowList) -> tuple[Any, ...]:
    bar = widget.vertical_scrollbar
    return (
        dict(widget.styles.base._rules),
        {name: dict(styles.base._rules) for name, styles in widget._component_styles.items()},
        dict(bar.styles.base._rules),
    )


def fresh_styles(app: App[Any], widget: RowList) -> tuple[Any, ...]:
    """What Textual computes from the stylesheet for the widget as it is now."""
    app.stylesheet.update_nodes([widget], animate=False)
    return styles_of(widget)


def lines(widget: Widget) -> list[str]:
    return [strip.render(widget.app.console) for strip in widget.render_lines(widget.size.region)]


async def test_kept_styles_and_drawings_match_textuals_own_over_a_random_run() -> None:
    app = TwoLists()
    pick = random.Random(17)
    async with app.run_test(size=(60, 12)) as pilot:
        lists = [app.query_one("#a", RowList), app.query_one("#b", RowList)]
        await pilot.pause()
        assert all(widget.show_vertical_scrollbar for widget in lists)  # 200 rows: each list has its bar
        for widget in lists:  # a bar made after its list was styled has no rules until the next restyle
            fresh_styles(app, widget)
        for _ in range(40):
            step = pick.choice(["focus", "focus", "focus", "class", "scroll", "theme"])
            if step == "focus":
                pick.choice(lists).focus()
            elif step == "class":
                app.query_one("#box").toggle_class("alt")
            elif step == "scroll":
                target = pick.choice(lists)
                target.highlighted = pick.randrange(200)
            else:
                app.theme = pick.choice(["textual-dark", "textual-light", "nord"])
            await pilot.pause()
            for widget in lists:
                bar = widget.vertical_scrollbar
                assert isinstance(bar, KeptScrollBar)
                kept, drawn = styles_of(widget), lines(bar)
                assert fresh_styles(app, widget) == kept, (step, widget.id)
                bar._drawn.clear()
                bar.refresh()
                assert lines(bar) == drawn, (step, widget.id)


async def test_focus_coming_back_restyles_nothing_from_the_stylesheet(monkeypatch: pytest.MonkeyPatch) -> None:
    app = TwoLists()
    async with app.run_test(size=(60, 12)) as pilot:
        a, b = app.query_one("#a", RowList), app.query_one("#b", RowList)
        for _ in range(2):  # every state seen once
            a.focus()
            await pilot.pause()
            b.focus()
            await pilot.pause()
        applied: list[object] = []
        apply = Stylesheet.apply

        def counted(self: Stylesheet, node: Any, **kwargs: Any) -> None:
            applied.append(node)
            apply(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counted)
        a.focus()
        await pilot.pause()
        assert a.has_focus and not b.has_focus
        assert not [node for node in applied if node in (a, b)]


async def test_a_scrollbar_drawn_before_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    app = TwoLists()
    async with app.run_test(size=(60, 12)) as pilot:
        a, b = app.query_one("#a", RowList), app.query_one("#b", RowList)
        a.focus()
        await pilot.pause()
        b.focus()  # a's bar drawn in a's blurred colours
        await pilot.pause()
        a.focus()
        await pilot.pause()
        drawn: list[Widget] = []
        render_lines = Widget.render_lines

        def counted(self: Widget, crop: Any) -> Any:
            drawn.append(self)
            return render_lines(self, crop)

        monkeypatch.setattr(Widget, "render_lines", counted)
        b.focus()  # a goes back to its blurred colours
        await pilot.pause()
        assert a in drawn  # the list itself is drawn again (its cursor and tint changed)
        assert a.vertical_scrollbar not in drawn  # its bar is the one drawn before
