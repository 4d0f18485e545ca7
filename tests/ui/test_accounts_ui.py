"""The accounts page (who says what), driven as a reader drives it: keys, clicks, three sizes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.binding import Binding

from accounts_oracle import MESSY, said_by
from conftest import MINIMAL, REPO, explorer, known, make_app
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.navigation import Location
from junquito_tui.core.provenance import ACCOUNTS_ARE
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.accounts import MIN_COLUMN, MOST_COLUMNS, AccountColumns, AccountsScreen, MomentList
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.screens.help import HelpScreen
from junquito_tui.ui.screens.source import SourceScreen
from junquito_tui.ui.widgets.links import LinkList
from junquito_tui.ui.widgets.rows import RowList

SIZES = [(80, 24), (120, 40), (200, 60)]


async def open_accounts(pilot: Any) -> AccountsScreen:
    await pilot.press("w")
    await pilot.pause(0.2)
    screen = pilot.app.screen
    assert isinstance(screen, AccountsScreen)
    return screen


def texts(widget: RowList) -> list[str]:
    return [widget.rows[i].content.plain for i in range(widget.row_count)]


def shown_text(screen: AccountsScreen) -> list[str]:
    return [line for column in screen.columns for line in texts(column)]


async def go_to_link(pilot: Any, screen: AccountsScreen, target: Location) -> LinkList:
    """Tab into the columns and press down until the link is under the cursor, as a reader would."""
    for _ in range(len(screen.columns) + 1):
        await pilot.press("tab")
        column = pilot.app.focused
        if isinstance(column, LinkList) and target in column.links:
            for _ in range(column.row_count):
                if column.highlighted_target == target:
                    return column
                await pilot.press("down")
    raise AssertionError(f"no link to {target}")


def current(app: JunquitoApp) -> Location | None:
    return explorer(app).here()


# -- opening and closing ----------------------------------------------------------------------
@pytest.mark.parametrize("inside", [False, True], ids=["from the moments", "from a column"])
@pytest.mark.parametrize("close", ["escape", "q", "w"])
async def test_w_opens_the_page_and_escape_q_or_w_close_it(close: str, inside: bool) -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        if inside:
            await pilot.press("enter")
            assert app.focused is screen.columns[0]
        await pilot.press(close)
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExplorerScreen) and app.is_running
        assert current(app) == Location("event", "raid-begins")


async def test_the_palette_opens_the_page() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"who says what")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, AccountsScreen)


async def test_w_typed_in_the_search_box_is_a_letter() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"wounds")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert explorer(app).search_panel.input.value == "wounds"


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("helicopter-episode-accounts", "helicopter-episode-accounts"),  # a moment: its own accounts
        ("raid-begins", None),  # no claims: the first moment after it
        (None, None),
    ],
)
async def test_the_page_opens_at_the_current_event_or_the_next_moment(start: str | None, expected: str | None) -> None:
    app = make_app(event_id=start) if start else make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        chronology = known(app.chronology)
        here = chronology.position[known(current(app)).id]
        claimed = [e for e in chronology.dataset.events if e.claims]
        after = sorted(
            (e for e in claimed if chronology.position[e.id] >= here), key=lambda e: chronology.position[e.id]
        )
        screen = await open_accounts(pilot)
        moments = screen.moment_list
        shown = moments.highlighted_target
        assert shown == Location("event", expected or after[0].id)
        assert screen.moment_index == moments.highlighted


# -- what it lists --------------------------------------------------------------------------------
@pytest.mark.parametrize("path", [None, MESSY], ids=["bundled", "messy"])
async def test_every_moment_and_every_attribution_is_shown(path: Path | None) -> None:
    """Oracle: the dataset's events with claims, in the chronology's order; each claim's attribution
    written out independently (test_account_rows.said_by), found exactly as a line of the page."""
    app = make_app(path)
    async with app.run_test(size=(200, 60)) as pilot:
        chronology = known(app.chronology)
        dataset = chronology.dataset
        claimed = sorted((e for e in dataset.events if e.claims), key=lambda e: chronology.position[e.id])
        screen = await open_accounts(pilot)
        moments = screen.moment_list
        assert moments.row_count == len(claimed)
        await pilot.press("home")
        for number, event in enumerate(claimed):
            assert moments.highlighted_target == Location("event", event.id)
            assert event.title in texts(moments)[number]
            shown = shown_text(screen)
            for claim in event.claims:
                assert said_by(dataset, claim) in shown
                assert f"Claims: {claim.statement}" in " ".join(shown)  # (no quotation marks: not a quote)
                assert f"“{claim.statement}" not in " ".join(shown)
            assert sum(line.startswith(("Account ", "The only account")) for line in shown) == len(event.claims)
            head = str(screen.query_one("#moment-head").render())
            assert event.title in head and f"event [{event.certainty.value}]" in head and ACCOUNTS_ARE in head
            await pilot.press("down")


async def test_a_page_without_claims_says_so() -> None:
    document = {**MINIMAL, "events": [{**e, "claims": [], "certainty": "confirmed"} for e in MINIMAL["events"]]}
    app = JunquitoApp(Chronology(validate_document(document, "no-claims.json")))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_accounts(pilot)
        assert texts(screen.moment_list) == ["No claims in this dataset: every event is given as fact."]
        await pilot.press("tab", "enter", "down", "escape")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExplorerScreen)


# -- moving and jumping -----------------------------------------------------------------------------
async def test_tab_and_arrows_move_between_the_moments_and_the_columns() -> None:
    app = make_app(event_id="helicopter-episode-accounts")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        first, second = screen.columns
        at_start = app.focused  # (a name, so that mypy does not narrow app.focused for the rest of the test)
        assert at_start is screen.moment_list
        order = []
        for key in ("tab", "tab", "tab", "shift+tab", "right", "left", "left"):
            await pilot.press(key)
            order.append(app.focused)
        assert order == [first, second, screen.moment_list, second, screen.moment_list, second, first]
        await pilot.press("left", "enter")  # enter on a moment goes into its accounts
        assert app.focused is first


@pytest.mark.parametrize(
    ("target", "shows"),
    [
        (Location("event", "alleged-executions"), "event"),
        (Location("actor", "forensic-architecture"), "actor"),
        (Location("source", "bellingcat-investigation"), "source"),
        (Location("source", "wikipedia-el-junquito-raid"), "source"),
    ],
)
async def test_keys_jump_to_the_event_a_claimant_or_a_source(target: Location, shows: str) -> None:
    app = make_app(event_id="alleged-executions")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        await go_to_link(pilot, screen, target)
        await pilot.press("enter")
        await pilot.pause(0.3)
        if shows == "source":
            assert isinstance(app.screen, SourceScreen)
            title = known(app.chronology).sources[target.id].title
            assert texts(app.screen.query_one(LinkList))[0] == title
            await pilot.press("escape")
            await pilot.pause(0.2)
        assert isinstance(app.screen, ExplorerScreen) and len(app.screen_stack) == 1
        if shows != "source":
            assert current(app) == target


async def test_back_returns_to_where_the_reader_was() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")  # the next event: the history knows where the reader is, not where they began
        start = current(app)
        assert start is not None and start != Location("event", "raid-begins")
        await open_accounts(pilot)
        screen = app.screen
        assert isinstance(screen, AccountsScreen)
        await pilot.press("enter")  # into the accounts of the first moment after it
        claimant = next(t for t in screen.columns[0].links if t.kind == "actor")
        await go_to_link(pilot, screen, claimant)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert current(app) == claimant
        await pilot.press("backspace")
        await pilot.pause()
        assert current(app) == start
        await pilot.press("alt+right")
        await pilot.pause()
        assert current(app) == claimant


async def test_a_click_on_a_link_follows_it() -> None:
    app = make_app(event_id="helicopter-episode-accounts")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        column = screen.columns[1]
        y = next(y for y in range(column.size.height) if "→ Opposition officials" in line_at(column, y))
        await pilot.click(column, offset=(4, y))
        await pilot.pause(0.3)
        assert isinstance(app.screen, ExplorerScreen)
        assert current(app) == Location("actor", "opposition-officials")


async def test_a_click_on_a_moment_shows_its_accounts() -> None:
    app = make_app(event_id="helicopter-episode-accounts")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        moments = screen.moment_list
        y = next(y for y in range(moments.size.height) if "described as chaotic" in line_at(moments, y))
        await pilot.click(moments, offset=(4, y))
        await pilot.pause()
        assert screen.moment_index is not None
        assert moments.rows[screen.moment_index].target == Location("event", "raid-disorganised")
        assert "no one named, as reported by Wikipedia" in shown_text(screen)


async def test_a_jump_sent_with_other_keys_at_once_is_harmless() -> None:
    """Keys that move the focus and follow a link, queued together: the page's footer was asked to
    redraw after the page had closed, and the app crashed (NoScreen: node has no screen)."""
    app = make_app(event_id="helicopter-episode-accounts")
    async with app.run_test(size=(200, 60)) as pilot:
        await open_accounts(pilot)
        for key, character in (("right", None), ("down", None), ("enter", "\r")):
            app.post_message(events.Key(key, character))
        await pilot.pause(0.5)
        assert app.is_running and isinstance(app.screen, SourceScreen)


async def test_help_over_the_page_lists_its_keys() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        help_screen = app.screen  # (a name, so that mypy does not narrow app.screen for the rest of the test)
        assert isinstance(help_screen, HelpScreen)
        text = help_screen._markdown
        for binding in (*AccountsScreen.BINDINGS, *MomentList.BINDINGS):
            assert isinstance(binding, Binding)  # (they are all written as Bindings, not tuples)
            for key in binding.key.split(","):
                assert f"`{app.get_key_display(type(binding)(key, binding.action))}`" in text
            assert binding.description in text
        assert AccountsScreen.HELP in text
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert app.screen is screen


async def test_the_explorers_help_tells_of_the_page() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = help_screen._markdown
        assert "`w`: Accounts: who says what" in text and AccountsScreen.HELP in text
        assert "*Accounts: who says what*" in text


# -- sizes ---------------------------------------------------------------------------------------------
def line_at(widget: Any, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


def wrapped(widget: RowList, index: int) -> list[str]:
    """A row as drawn, every line of it (not only those on screen)."""
    width = widget.scrollable_content_region.width
    widget._measure(rows=index + 1)
    return ["".join(s.text for s in strip) for strip in widget._row_strips(index, width)]


def words(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text).strip().split(" ")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_size_fits_and_long_text_wraps(size: tuple[int, int]) -> None:
    """At 80x24 the moments sit above their accounts, stacked; from 100 columns beside them, with
    the accounts side by side as far as the width allows. Every widget stays on the screen, no line
    is wider than its list, and a 1,200-character claim and a 120-character name are there in full."""
    width = size[0]
    app = make_app(MESSY)
    async with app.run_test(size=size) as pilot:
        screen = await open_accounts(pilot)
        moments = screen.moment_list
        accounts = screen.query_one("#moment-accounts")
        columns = screen.columns
        if width < 100:
            assert len(columns) == 1 and moments.region.bottom <= accounts.region.y
        else:
            assert moments.region.right <= accounts.region.x
            room = screen.query_one(AccountColumns).size.width
            assert len(columns) == min(5, MOST_COLUMNS, room // MIN_COLUMN) > 1
            assert len({column.region.y for column in columns}) == 1  # side by side
        for widget in screen.query("*"):
            if widget.display and widget.region:
                assert screen.region.contains_region(widget.region), widget
        chronology = known(app.chronology)
        for widget in (moments, *columns):
            assert widget.max_scroll_x == 0  # nothing to scroll sideways: every line wraps within
            for index in range(widget.row_count):
                lines = wrapped(widget, index)
                inner = widget.scrollable_content_region.width
                assert all(len(line) <= inner for line in lines)
                assert words(" ".join(lines)) == words(widget.rows[index].content.plain)
        everything = " ".join(" ".join(wrapped(c, i)) for c in columns for i in range(c.row_count))
        for claim in chronology.event("convoy").claims:
            assert " ".join(words(claim.statement)) in " ".join(words(everything))
        assert " ".join(words(chronology.actors["committee"].name)) in " ".join(words(everything))


@pytest.mark.parametrize("size", [(40, 12), (250, 80)])
async def test_extreme_sizes_do_not_break_it(size: tuple[int, int]) -> None:
    app = make_app(MESSY)
    async with app.run_test(size=size) as pilot:
        screen = await open_accounts(pilot)
        await pilot.press("enter", "tab", "tab", "down", "down", "tab")
        await pilot.resize_terminal(81 if size[0] < 100 else 99, 24)
        await pilot.pause(0.2)
        assert app.is_running and app.screen is screen


async def test_resizing_refits_the_columns() -> None:
    app = make_app(MESSY)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_accounts(pilot)
        await pilot.press("tab", "tab", "tab")  # the third column
        assert len(screen.columns) >= 3 and app.focused is screen.columns[2]
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        assert len(screen.columns) == 1
        assert app.focused is screen.columns[0]  # its column went: the first one has the focus
        assert sum(line.startswith("Account ") for line in shown_text(screen)) == 5
        await pilot.resize_terminal(130, 40)
        await pilot.pause(0.3)
        assert len(screen.columns) == 2


def test_the_fixture_is_what_the_tests_think_it_is() -> None:
    """The size tests lean on these quirks being in the file."""
    chronology = Chronology(load_dataset(MESSY))
    convoy = chronology.event("convoy")
    assert len(convoy.claims) == 5 and len(convoy.claims[0].statement) > 1000
    assert any(not c.by for c in convoy.claims) and any(c.source is None for c in convoy.claims)
    assert len(chronology.actors["committee"].name) > 100
    assert REPO in MESSY.parents


async def test_with_sixteen_colours_its_borders_are_not_black_on_black(monkeypatch: pytest.MonkeyPatch) -> None:
    """TERM=xterm: the theme's dim border grey becomes black, on black (as in the explorer's panes)."""
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    app = make_app(event_id="helicopter-episode-accounts")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_accounts(pilot)
        assert app.has_class("-sixteen-colours")
        edges = [
            (screen.moment_list, "border_top"),
            (screen.query_one("#moment-accounts"), "border_top"),
            (screen.query_one("#moment-head"), "border_bottom"),
            (screen.columns[1], "border_left"),
        ]
        for widget, edge in edges:
            colour = getattr(widget.styles, edge)[1]
            assert colour.ansi in {8, 12}, (widget, edge, colour)  # bright black or bright blue, never black
