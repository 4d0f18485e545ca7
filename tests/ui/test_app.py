"""Pilot tests: the flows a researcher goes through, driven by keys and clicks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events

from conftest import BUNDLED, explorer, known, make_app, navigate
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import group_parts
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.navigation import Location
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.panes.actors_pane import ActorList
from junquito_tui.ui.panes.quotes_pane import QuoteList
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.screens.help import HelpScreen
from junquito_tui.ui.screens.source import SourceScreen
from junquito_tui.ui.widgets.links import LinkList, Row
from junquito_tui.ui.widgets.timeline import Timeline


async def move_to_link(pilot: Any, page: LinkList, target: Location) -> None:
    """Press down/j until the link is highlighted, as a user would."""
    for _ in range(200):
        index = page.highlighted
        if index is not None and page.rows[index].target == target:
            return
        await pilot.press("j")
    raise AssertionError(f"no link to {target}")


def screen_line(widget: Any, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


def find_line(widget: Any, needle: str) -> int:
    """The widget-relative y of the first visible line containing ``needle``."""
    for y in range(widget.size.height):
        if needle in screen_line(widget, y):
            return y
    raise AssertionError(f"{needle!r} is not on screen")


def focused_id(app: JunquitoApp) -> str | None:
    return app.focused.id if app.focused else None


async def test_moving_through_the_timeline_updates_the_event_pane() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = app.query_one(Timeline)
        first = timeline.current
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert timeline.cursor == 3 and timeline.current is not first
        detail = app.query_one("#event-detail", LinkList)
        assert timeline.current is not None
        assert str(detail.rows[0].content) == timeline.current.title
        await pilot.press("k")
        assert timeline.cursor == 2
        await pilot.press("G")
        assert timeline.cursor == len(known(app.chronology).events) - 1
        await pilot.press("g")
        assert timeline.cursor == 0
        await pilot.press("end", "home", "pagedown")
        assert timeline.cursor >= timeline.scrollable_content_region.height // 2  # about a page on


async def test_day_keys_step_between_headings() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = app.query_one(Timeline)
        events = known(app.chronology).events
        starts = [i for i, e in enumerate(events) if i == 0 or group_parts(e.when) != group_parts(events[i - 1].when)]
        here = known(app.chronology).position["raid-begins"]
        await pilot.press("right_square_bracket")
        assert timeline.cursor == min(s for s in starts if s > here)
        await pilot.press("left_square_bracket")
        assert timeline.cursor == max(s for s in starts if s <= here)  # first event of the raid day
        assert events[timeline.cursor].id == "raid-launched"
        await pilot.press("left_square_bracket")
        assert timeline.cursor == max(s for s in starts if s < known(app.chronology).position["raid-launched"])


async def test_open_actor_from_event_then_event_from_actor() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # timeline -> event page
        assert focused_id(app) == "event-detail"
        detail = app.query_one("#event-detail", LinkList)
        await move_to_link(pilot, detail, Location("actor", "oscar-perez"))
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(app) == "actor-profile"
        assert explorer(app).actors_pane.current_actor == "oscar-perez"
        profile = app.query_one("#actor-profile", LinkList)
        assert str(profile.rows[0].content) == "Óscar Pérez"
        await move_to_link(pilot, profile, Location("event", "operation-genesis"))
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(app) == "timeline"
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "operation-genesis"


async def test_follow_a_quote_to_its_speaker_and_event() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await navigate(pilot, Location("quote", "order-fulfilled"))
        await pilot.pause()
        assert focused_id(app) == "quote-detail"
        detail = app.query_one("#quote-detail", LinkList)
        await move_to_link(pilot, detail, Location("actor", "nicolas-maduro"))
        await pilot.press("enter")
        await pilot.pause()
        assert explorer(app).actors_pane.current_actor == "nicolas-maduro"
        await pilot.press("backspace")
        await pilot.pause()
        assert focused_id(app) == "quote-detail"
        await move_to_link(pilot, detail, Location("event", "maduro-applauds-operation"))
        await pilot.press("enter")
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "maduro-applauds-operation"


async def test_history_back_forward_and_forward_drop() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = explorer(app)
        assert screen.active_bindings["backspace"].enabled is False  # dimmed: nowhere to go back to
        await navigate(pilot, Location("actor", "oscar-perez"))
        await navigate(pilot, Location("actor", "nicolas-maduro"))
        await pilot.pause()
        assert screen.active_bindings["backspace"].enabled is True
        await pilot.press("backspace")
        assert screen.actors_pane.current_actor == "oscar-perez"
        await pilot.press("alt+left")
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "raid-begins" and focused_id(app) == "timeline"
        await pilot.press("alt+right")
        assert screen.actors_pane.current_actor == "oscar-perez"
        # a new jump after going back drops the forward entry (nicolas-maduro)
        await navigate(pilot, Location("actor", "bellingcat"))
        await pilot.pause()
        assert screen.history.entries == (
            Location("event", "raid-begins"),
            Location("actor", "oscar-perez"),
            Location("actor", "bellingcat"),
        )
        assert "alt+right" not in screen.active_bindings  # Forward is hidden with nothing ahead


async def test_deep_links_select_the_item() -> None:
    app = make_app(event_id="btr-80a-arrives")
    async with app.run_test(size=(120, 40)):
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "btr-80a-arrives"
    app = make_app(actor_id="marco-rubio")
    async with app.run_test(size=(120, 40)):
        assert explorer(app).actors_pane.current_actor == "marco-rubio"
        assert focused_id(app) == "actor-profile"
    # a cited quote's own page (its reopen line was its event's: the quote not opened, a user trial)
    app = make_app(quote_id="article-350")
    async with app.run_test(size=(120, 40)):
        assert explorer(app).history.current == Location("quote", "article-350")
        assert focused_id(app) == "quote-detail"
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "helicopter-flight"  # its event, beside it


async def test_number_keys_and_tab_cycle_panes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key, widget in (("2", "event-detail"), ("3", "actor-list"), ("4", "quote-list"), ("1", "timeline")):
            await pilot.press(key)
            assert focused_id(app) == widget
        order = []
        for _ in range(6):
            await pilot.press("tab")
            order.append(focused_id(app))
        assert order == ["event-detail", "actor-list", "actor-profile", "quote-list", "quote-detail", "timeline"]
        await pilot.press("shift+tab")
        assert focused_id(app) == "quote-detail"


async def test_quote_filter_cycles_event_actor_all() -> None:
    app = make_app(event_id="maduro-applauds-operation")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "f")
        quote_list = app.query_one(QuoteList)
        assert quote_list.row_count == 2  # the two quotes of that event
        assert "of event" in str(app.query_one("#quotes-pane").border_title)
        await navigate(pilot, Location("actor", "nicolas-maduro"))
        await pilot.press("4", "f")  # -> filter by actor
        assert quote_list.row_count == len(known(app.chronology).quotes_by_speaker["nicolas-maduro"]) > 0
        await pilot.press("f")
        assert quote_list.row_count == len(known(app.chronology).dataset.quotes)


async def test_an_empty_filtered_quote_list_says_which_filter_and_what_next() -> None:
    app = make_app(event_id="raid-begins")  # an event with no quote
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "f")
        await pilot.pause()
        quote_list = app.query_one(QuoteList)
        assert quote_list.highlighted is None and all(row.target is None for row in quote_list.rows)
        shown = quote_list.rows[0].content.plain
        assert shown == "No quote of the event “About 500 troops deployed against Pérez's group”. " + (
            "Press f for the current actor's quotes."
        )
        assert "No quote to show" in app.query_one("#quote-detail", LinkList).rows[0].content.plain
        await navigate(pilot, Location("actor", "venezuela"))  # an actor who said nothing
        await pilot.press("4", "f")
        await pilot.pause()
        assert quote_list.rows[0].content.plain == "No quote said by “Venezuela”. Press f for all the quotes."


async def test_source_link_opens_the_source_and_follows_back() -> None:
    app = make_app(event_id="alleged-executions")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        detail = app.query_one("#event-detail", LinkList)
        await move_to_link(pilot, detail, Location("source", "bellingcat-investigation"))
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExplorerScreen)


def send_together(app: Any, *keys: str) -> None:
    """Keys queued at once, as a terminal delivers a burst (pilot.press waits between keys)."""
    characters = {"enter": "\r", "escape": "\x1b", "question_mark": "?"}
    for key in keys:
        app.post_message(events.Key(key, characters.get(key, key)))


@pytest.mark.parametrize("keys", [("enter", "enter"), ("enter", "q"), ("escape", "escape"), ("enter", "escape")])
async def test_a_modal_dismissed_twice_is_harmless(keys: tuple[str, str]) -> None:
    """Two keys that both close the source page, sent together, reach the same modal: the second
    used to pop the explorer beneath it (ScreenStackError: Can't pop screen)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "G", "enter")  # the event page's last link is a source: open it
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen)
        send_together(app, *keys)
        await pilot.pause(0.3)
        # the second key reached the closing page (and did nothing) or the explorer (which may open
        # the source again): either way the explorer is still there, under at most one page
        assert app.is_running and isinstance(app.screen_stack[0], ExplorerScreen) and len(app.screen_stack) <= 2
        if len(app.screen_stack) == 2:
            await pilot.press("escape")
            await pilot.pause(0.2)
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        send_together(app, "escape", "escape")  # whichever screen the second reaches, nothing breaks
        await pilot.pause(0.3)
        assert isinstance(app.screen, ExplorerScreen) and len(app.screen_stack) == 1


async def test_help_lists_bindings_and_panes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        text = app.screen._markdown
        for needle in ("Follow link", "Back", "Next day", "Filter quotes", "Timeline (pane 1)", "Quotes (pane 4)"):
            assert needle in text
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExplorerScreen)


async def test_help_lists_every_key_in_force_wherever_the_focus_is() -> None:
    """The oracle is Textual's own table of active bindings, read with the focus in each pane and
    in the search box: every described key there is in the help, with its description."""
    from junquito_tui.ui.screens.help import SIDEWAYS, help_markdown

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = explorer(app)
        text = help_markdown(screen)
        for key in ("1", "2", "3", "4", "slash", "down"):
            await pilot.press(key)
            if key == "slash":
                await pilot.press(*"video", "down")  # into the results
            await pilot.pause()
            for _, binding, _, _ in screen.active_bindings.values():
                if binding.description and binding.action not in SIDEWAYS:
                    shown = f"`{app.get_key_display(binding)}`"
                    assert shown in text and binding.description in text, (key, binding)
        for needle in ("`/`: Search", "`n`: Next hit", "`N`: Prev hit", "`^p`: Command palette"):
            assert needle in text
        # one key doing one thing or another by where you are: one line, not two (a trial read 'esc' twice)
        assert "- `esc`: Back to the list, or Clear filter (whichever applies)" in text
        everywhere = text.split("### Everywhere", 1)[1].split("### ", 1)[0]
        assert everywhere.count("- `esc`:") == 1


async def test_palette_go_to_actor() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"go to actor")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"rubio")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert explorer(app).actors_pane.current_actor == "marco-rubio"


async def test_clicking_a_link_follows_it() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        detail = app.query_one("#event-detail", LinkList)
        line = find_line(detail, "→ Óscar Pérez ")
        await pilot.click(detail, offset=(4, line))
        await pilot.pause()
        assert explorer(app).actors_pane.current_actor == "oscar-perez"


HOSTILE = "[@click=app.quit]x[/] [link=file:///etc/passwd]p[/link] [/] [b $variable"


@pytest.fixture
def write_hostile(write: Callable[..., Path], minimal: dict[str, Any]) -> Path:
    minimal["events"][0]["title"] = HOSTILE
    minimal["events"][0]["summary"] = HOSTILE
    minimal["actors"][0]["name"] = HOSTILE
    minimal["quotes"][0]["text"] = HOSTILE
    return write(minimal)


async def test_markup_in_data_is_shown_literally_and_clicks_do_nothing(write_hostile: Path) -> None:
    app = make_app(write_hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        y = find_line(timeline, "[@click=app.quit]x[/]")
        await pilot.click(timeline, offset=(20, y), times=2)
        detail = app.query_one("#event-detail", LinkList)
        assert find_line(detail, "[@click=app.quit]x[/]") >= 0
        assert find_line(detail, "$variable") >= 0
        await pilot.click(detail, offset=(3, 0))
        await pilot.click(detail, offset=(3, find_line(detail, "→ [@click")))
        await pilot.press("3")
        await pilot.click(app.query_one(ActorList), offset=(4, 1))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert str(detail.rows[0].content) == HOSTILE


async def test_certainty_markers_survive_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(event_id="alleged-executions")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        line = screen_line(timeline, find_line(timeline, "Members of the group"))
        assert app.no_color  # Textual drops colour at output; the marker is a word, so it survives
        assert "[alleged]" in line


async def test_a_session_never_changes_the_dataset_file(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_bytes(BUNDLED.read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter", "j", "enter", "backspace", "3", "j", "4", "f", "slash", *"perez", "down", "f")
        await pilot.press("enter", "escape", "question_mark", "escape", "q")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


async def test_load_warnings_are_shown_once_as_text() -> None:
    app = JunquitoApp(Chronology(load_dataset()), warnings=["[b]not markup[/b]", "second"])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        notes = list(app._notifications)
        assert len(notes) == 1
        assert notes[0].message == "[b]not markup[/b]\nsecond\n2 warnings in all: press ! to read them"
        assert notes[0].markup is False


async def test_every_load_warning_can_be_read_again_after_the_toast(tmp_path: Path) -> None:
    # before: the toast showed 8, taller than an 80x24 screen (its title off the top), for 15 s, never again
    warnings = [f"line {n}: [b]warning[/b] " + "word " * 60 for n in range(2, 30)]
    app = JunquitoApp(Chronology(load_dataset()), warnings=warnings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        (toast,) = list(app._notifications)
        assert toast.message.count("\n") == 3 and toast.message.endswith("28 warnings in all: press ! to read them")
        assert all(len(line) <= 160 for line in toast.message.split("\n"))
        await pilot.press("exclamation_mark")
        await pilot.pause()
        page = app.screen
        assert type(page).__name__ == "WarningsScreen" and not list(app._notifications)
        shown = [str(static.render()) for static in page.query(".warning")]
        assert shown == warnings  # whole, and as text: the markup in them is not read
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ExplorerScreen"


async def test_a_file_of_tens_of_thousands_of_warnings_opens_its_page_at_once() -> None:
    # before (this round's first page): a widget each, 45,052 warnings took 40 s and over 1 GB
    warnings = [f"line {n}: no year can be read in it; row skipped" for n in range(2, 50_002)]
    app = JunquitoApp(Chronology(load_dataset()), warnings=warnings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        page = app.screen
        assert len(page.query(".warning")) == 300
        more = [str(s.render()) for s in page.query(".warnings-file")]
        assert more[-1] == "… and 49,700 more: junquito-tui validate prints them all"


async def test_without_warnings_the_key_does_nothing() -> None:
    app = JunquitoApp(Chronology(load_dataset()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExplorerScreen"
        assert "exclamation_mark" not in app.screen.active_bindings  # (and not in the footer)


async def test_the_footer_shows_the_warnings_key_while_the_file_has_warnings() -> None:
    # before (a UI trial): once the toast had gone, nothing on screen said the file had warnings
    app = JunquitoApp(Chronology(load_dataset()), warnings=["line 14: no year can be read in it; row skipped"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = app.screen.active_bindings["exclamation_mark"]
        assert shown.enabled and shown.binding.show and shown.binding.description == "Warnings"


def test_a_profile_lists_every_link_and_makes_rows_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from junquito_tui.ui import pages

    data = {
        "schema_version": 1,
        "title": "many",
        "timezone": "UTC",
        "actors": [{"id": "busy", "name": "Busy", "kind": "person"}],
        "events": [
            {
                "id": f"e{i}",
                "title": f"E{i}",
                "when": {"date": "2018", "precision": "year"},
                "actors": [{"actor": "busy", "role": "r"}],
            }
            for i in range(5_000)
        ],
    }
    chronology = Chronology(validate_document(data, "many.json"))
    made: list[str] = []
    link = pages.link

    def counted(label: str, target: Location, note: str = "") -> Row:
        made.append(label)
        return link(label, target, note)

    monkeypatch.setattr(pages, "link", counted)
    rows = pages.actor_rows(chronology, "busy")
    assert made == []  # 5,000 links, none built yet
    assert len(rows) == 5 + 5_000  # name, id, kind, a blank line, the heading, then every event
    assert rows[-1].target == Location("event", chronology.appearances["busy"][-1].event.id)
    assert len(made) == 1


async def test_at_80x24_escape_and_backspace_return_from_a_page_to_its_list() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(80, 24)) as pilot:
        for back in ("escape", "backspace"):
            await pilot.press("1", "enter")
            assert focused_id(app) == "event-detail" and explorer(app).deck.active_pane == 1
            await pilot.press(back)
            assert focused_id(app) == "timeline" and explorer(app).deck.active_pane == 0, back
        await pilot.press("3", "enter", "escape")
        assert focused_id(app) == "actor-list"
        await pilot.press("4", "enter", "backspace")
        assert focused_id(app) == "quote-list"


async def test_going_back_restores_where_the_page_was_scrolled_to() -> None:
    app = make_app(actor_id="oscar-perez")
    async with app.run_test(size=(120, 40)) as pilot:
        profile = app.query_one("#actor-profile", LinkList)
        await pilot.press("pagedown", "pagedown", "j")
        await pilot.pause()
        scrolled, cursor = profile.scroll_y, profile.highlighted
        target = profile.rows[cursor].target if cursor is not None else None
        assert scrolled > 0 and target is not None
        await pilot.press("enter")  # follow it (to another actor's profile, from the top)
        await pilot.pause()
        assert explorer(app).history.current == target and profile.scroll_y == 0
        await pilot.press("backspace")
        await pilot.pause()
        assert focused_id(app) == "actor-profile" and explorer(app).actors_pane.current_actor == "oscar-perez"
        assert (profile.scroll_y, profile.highlighted) == (scrolled, cursor)


async def test_opening_a_profile_never_leaves_the_cursor_on_a_link_out_of_sight() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")  # Óscar Pérez: a long profile, its first link far down
        await pilot.pause()
        profile = app.query_one("#actor-profile", LinkList)
        assert focused_id(app) == "actor-profile"
        assert profile.highlighted is None  # no invisible link for enter to follow
        await pilot.press("enter")
        assert focused_id(app) == "actor-profile"  # nothing followed
        await pilot.press("j")
        await pilot.pause()
        assert profile.highlighted is not None and profile.is_row_on_screen(profile.highlighted)
