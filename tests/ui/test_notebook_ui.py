"""The notebook in the app (issue 16, the interface half): every key by Pilot, against the notebook
file itself as the oracle (what the app shows must be what a fresh connection reads)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input

from conftest import BUNDLED, explorer, known, make_app, navigate
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.citation import cite, quote_text
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.navigation import Kind, Location
from junquito_tui.core.notebook import Item, Notebook, chronological, open_for_dataset
from junquito_tui.core.notebook.schema import CURRENT_VERSION
from junquito_tui.ui.notebook import session as session_module
from junquito_tui.ui.screens.editors import NoteArea, NoteEditor, TagEditor
from junquito_tui.ui.screens.notebook import NotebookScreen
from junquito_tui.ui.widgets.links import LinkList, Row
from junquito_tui.ui.widgets.timeline import Timeline

CHRONOLOGY = Chronology(load_dataset())
FIREFIGHT = Location("event", "firefight")


def line_of(timeline: Timeline, event_id: str) -> str:
    """The timeline's row of an event, as drawn."""
    position = timeline.view.index(next(e for e in timeline.view if e.id == event_id))
    return timeline._event_line(position).plain


def page_text(page: LinkList) -> list[str]:
    return [row.content.plain for row in page.rows]


async def opened(pilot: Any) -> Any:
    """Wait until the notebook has opened (in its thread); the explorer screen."""
    screen = explorer(pilot.app)
    for _ in range(400):  # a second or so; more on a machine shared by many
        await pilot.pause(0.05)
        if screen.notebook_layer.notebook is not None and screen.notebook_layer.notebook.opened is not None:
            return screen
    raise AssertionError("the notebook never opened")


async def notebook_screen(pilot: Any) -> LinkList:
    """The Notebook screen opened with `b` once the notebook is open; its page."""
    await opened(pilot)
    await pilot.press("b")
    await pilot.pause(0.2)
    assert isinstance(pilot.app.screen, NotebookScreen)
    return pilot.app.screen.page


async def settled(pilot: Any) -> None:
    """Wait until the writer thread has done every job asked of it so far (they run in order: a
    last one that sets a flag), then let their answers land."""
    from junquito_tui.ui.notebook.outcome import Outcome

    session = pilot.app.screen_stack[0].notebook_layer.notebook
    done = threading.Event()

    def last() -> Outcome:
        done.set()
        return Outcome()

    session._submit(last)
    for _ in range(400):
        if done.is_set():
            break
        await pilot.pause(0.025)
    for _ in range(3):
        await pilot.pause()


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "case.sqlite3"


def app_on(book_path: Path, **kwargs: Any) -> Any:
    return make_app(notebook_file=book_path, **kwargs)


# -- opening ------------------------------------------------------------------------------------------


async def test_the_notebook_opens_in_a_thread_after_the_first_frame(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    calls: list[tuple[str, Any]] = []
    real = open_for_dataset  # what the session module calls, replaced below

    def slow_open(*args: Any, **kwargs: Any) -> Any:
        calls.append((threading.current_thread().name, kwargs.get("notebook_file")))
        release.wait(10)  # hashing a huge file, say
        return real(*args, **kwargs)

    monkeypatch.setattr(session_module, "open_for_dataset", slow_open)
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = explorer(app)
        for _ in range(200):  # the thread starts once the first frame is out: soon, on a busy machine later
            if calls:
                break
            await pilot.pause(0.05)
        assert calls and calls[0][0] != threading.main_thread().name and calls[0][1] == str(book_path)
        await pilot.press("j")  # the app answers keys while the notebook opens
        assert app.query_one(Timeline).current.id != "raid-begins"
        assert (
            screen.notebook_layer.check_action("star", ()) is True
        )  # shown as it most likely will be; pressed, says why not yet
        await pilot.press("s")
        assert "still opening" in list(app._notifications)[-1].message
        release.set()
        screen = await opened(pilot)
        assert screen.notebook_layer.notebook.writable and screen.notebook_layer.check_action("star", ()) is True


async def test_star_shows_everywhere_and_is_kept(book_path: Path) -> None:
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("s")
        await settled(pilot)
        timeline = app.query_one(Timeline)
        assert "★ About 500 troops" in line_of(timeline, "raid-begins")
        page = app.query_one("#event-detail", LinkList)
        assert page_text(page)[:3] == [CHRONOLOGY.event("raid-begins").title, "My notebook", "★ Starred"]
        await pilot.press("2", "s")  # on the event's page: the same event (not a link under the cursor)
        await settled(pilot)
        assert Notebook(book_path).snapshot().starred() == set()
        assert "★" not in line_of(timeline, "raid-begins") and "My notebook" not in page_text(page)
        await pilot.press("s")
        await settled(pilot)
        assert screen.annotations.starred() == {("event", "raid-begins")}
    assert Notebook(book_path).snapshot().starred() == {("event", "raid-begins")}
    again = app_on(book_path, event_id="raid-begins")  # quit and reopen: still there
    async with again.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await settled(pilot)
        assert "★ " in line_of(again.query_one(Timeline), "raid-begins")


async def test_star_an_actor_and_a_quote_in_their_lists(book_path: Path) -> None:
    app = app_on(book_path, actor_id="oscar-perez")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("3", "s")  # the actor under the list's cursor
        await settled(pilot)
        actors = explorer(app).actors_pane
        row = actors.actor_list.rows[actors._rows["oscar-perez"]]
        assert row.content.plain.startswith("  ★ Óscar Pérez")
        assert page_text(actors.profile)[1:3] == ["My notebook", "★ Starred"]
        await pilot.press("4", "j", "s")
        await settled(pilot)
        quotes = explorer(app).quotes_pane
        quote_id = quotes.current_quote
        assert quotes.quote_list.rows[known(quotes.quote_list.highlighted)].content.plain.startswith("★ “")
        assert "★ Starred" in page_text(quotes.detail)
    assert Notebook(book_path).snapshot().starred() == {("actor", "oscar-perez"), ("quote", quote_id)}


# -- tags ----------------------------------------------------------------------------------------------


async def test_tags_complete_from_the_tags_already_used(book_path: Path) -> None:
    Notebook(book_path).set_tags("event", "firefight", ["key-moment", "to-check"])
    Notebook(book_path).set_tags("actor", "oscar-perez", ["key-moment"])
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("t")
        await pilot.pause(0.2)
        assert isinstance(app.screen, TagEditor)
        await pilot.press("k")
        await pilot.pause(0.2)
        box = app.screen.query_one("#tags", Input)
        assert box._suggestion == "key-moment"  # the most used first
        await pilot.press("right", *", my own Tag", "enter")
        await settled(pilot)
        assert known(Notebook(book_path).item("event", "raid-begins")).tags == ("key-moment", "my-own-tag")
        assert "My tags: key-moment, my-own-tag" in page_text(app.query_one("#event-detail", LinkList))
        assert "✎" in line_of(app.query_one(Timeline), "raid-begins")
        await pilot.press("t")  # the editor opens with the tags; a tag already there is not offered again
        await pilot.pause(0.2)
        box = app.screen.query_one("#tags", Input)
        assert box.value == "key-moment, my-own-tag, "
        await pilot.press(*"k")
        await pilot.pause(0.2)
        assert box._suggestion == ""
        await pilot.press("backspace", *"!!!", "enter")  # nothing to keep: said, and the box stays
        await pilot.pause(0.1)
        assert isinstance(app.screen, TagEditor) and "no letter or digit" in str(
            app.screen.query_one(".editor--hint").render()
        )
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, TagEditor)
    assert Notebook(book_path).item("event", "raid-begins").tags == ("key-moment", "my-own-tag")


# -- notes ---------------------------------------------------------------------------------------------


async def test_a_note_is_written_saved_with_ctrl_s_and_shown_as_text(book_path: Path) -> None:
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("a")
        await pilot.pause(0.2)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"# Why", "enter", *"*Troops* [b]500[/b]", "ctrl+s")
        await settled(pilot)
        assert not isinstance(app.screen, NoteEditor)
        note = "# Why\n*Troops* [b]500[/b]"
        assert Notebook(book_path).item("event", "raid-begins").note == note
        rows = page_text(app.query_one("#event-detail", LinkList))
        assert rows[1:4] == ["My notebook", "My note:", note]  # Markdown and markup as typed
        assert any("Note saved" in n.message for n in app._notifications)


async def test_escape_leaves_a_changed_note_only_when_pressed_twice(book_path: Path) -> None:
    Notebook(book_path).set_note("event", "raid-begins", "kept")
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("a")
        await pilot.pause(0.2)
        assert app.screen.query_one(NoteArea).text == "kept"
        await pilot.press("escape")  # unchanged: one escape closes
        await pilot.pause(0.1)
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("a")
        await pilot.pause(0.2)
        await pilot.press(*" and more", "escape")
        await pilot.pause(0.1)
        assert isinstance(app.screen, NoteEditor)  # changed: asked first
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, NoteEditor)
    assert Notebook(book_path).item("event", "raid-begins").note == "kept"


async def test_a_note_changed_meanwhile_by_another_session_keeps_both(book_path: Path) -> None:
    Notebook(book_path).set_note("event", "raid-begins", "first")
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("a")
        await pilot.pause(0.2)
        Notebook(book_path).set_note("event", "raid-begins", "theirs")  # another instance saves meanwhile
        await pilot.press(*" mine", "ctrl+s")
        await settled(pilot)
        stored = known(known(Notebook(book_path).item("event", "raid-begins")).note)
        assert "first mine" in stored and "theirs" in stored
        assert any("both versions are kept" in n.message for n in app._notifications)
        assert known(known(explorer(app).annotations).get("event", "raid-begins")).note == stored


async def test_a_deletion_is_not_undone_by_another_sessions_addition(book_path: Path) -> None:
    """The review's sequence (finding 9): both open "authentic video"; this one deletes " video",
    the other appends " (seen 16 Jan)" and saves first. Once the longer text was kept and this
    one was told "Note saved": the deletion was lost. Both are kept now, and it is said."""
    key = ("event", "raid-begins")
    Notebook(book_path).set_note(*key, "authentic video")
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("a")
        await pilot.pause(0.2)
        assert app.screen.query_one(NoteArea).text == "authentic video"
        other = Notebook(book_path)  # the other instance, its editor open on the same text
        base = known(other.item(*key)).note
        await pilot.press(*["backspace"] * len(" video"))
        assert other.set_note(*key, "authentic video (seen 16 Jan)", base=base).conflict is False
        await pilot.press("ctrl+s")
        await settled(pilot)
        stored = known(known(Notebook(book_path).item(*key)).note)
        assert stored.startswith("authentic\n\n[Conflict:") and stored.endswith("\n\nauthentic video (seen 16 Jan)")
        said = [n.message for n in app._notifications if "Note saved" in n.message]
        assert said and "both versions are kept" in said[-1]
        assert known(known(explorer(app).annotations).get(*key)).note == stored


async def test_the_editor_opens_on_the_note_as_stored_not_as_last_polled(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review saw a second instance's editor open empty though a note was stored: the note
    had been saved by another instance since this one last read the file. The editor reads it."""
    monkeypatch.setattr(session_module, "POLL_EVERY", 3600.0)  # no polling to help
    app = app_on(book_path, event_id="raid-begins")  # no notebook file yet
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        Notebook(book_path).set_note("event", "raid-begins", "saved by the other instance")
        await pilot.press("a")
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, NoteEditor):
                break
        assert app.screen.query_one(NoteArea).text == "saved by the other instance"
        await pilot.press(*" and mine", "ctrl+s")
        await settled(pilot)
        stored = known(Notebook(book_path).item("event", "raid-begins")).note
        assert stored == "saved by the other instance and mine"  # only this side changed it: no conflict
        assert known(known(explorer(app).annotations).get("event", "raid-begins")).note == stored


async def test_a_notebook_made_by_another_instance_after_opening_appears(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Polling missed the first change when the file did not exist yet at opening (the first
    look at the new file was taken as the baseline): that note never appeared."""
    monkeypatch.setattr(session_module, "POLL_EVERY", 0.1)
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        assert not book_path.exists()
        Notebook(book_path).set_starred("event", "raid-begins", True)  # another instance makes the file
        for _ in range(100):
            await pilot.pause(0.05)
            if "★" in line_of(app.query_one(Timeline), "raid-begins"):
                break
        assert "★" in line_of(app.query_one(Timeline), "raid-begins")


async def test_pasted_control_characters_never_reach_the_editor_or_the_screen(book_path: Path) -> None:
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await pilot.press("a")
        await pilot.pause(0.2)
        area = app.screen.query_one(NoteArea)
        app.post_message(events.Paste("red \x1b[31mALERT\x1b[0m\x07 \x1b]52;c;aGk=\x07end\r\nline"))
        await pilot.pause(0.2)
        assert area.text == "red ALERT end\nline"
        assert "removed from the paste" in str(app.screen.query_one(".editor--hint").render())
        lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
        assert not any("\x1b" in line or "\x07" in line for line in lines)
        await pilot.press("ctrl+s")
        await settled(pilot)
    assert known(Notebook(book_path).item("event", "raid-begins")).note == "red ALERT end\nline"


# -- a notebook that cannot be used ---------------------------------------------------------------------


async def test_a_damaged_notebook_says_so_dims_the_keys_and_offers_a_new_one(book_path: Path) -> None:
    book_path.write_text("not a database\n", encoding="utf-8")
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        await settled(pilot)
        said = [n.message for n in app._notifications]
        assert any("is not a notebook" in m and "notes are off" in m and "Start a new notebook" in m for m in said)
        assert (
            screen.notebook_layer.check_action("star", ()) is None
            and screen.notebook_layer.check_action("note", ()) is None
        )
        assert screen.active_bindings["s"].enabled is False  # dimmed in the footer
        app._notifications.clear()
        await pilot.press("s")
        assert [n.title for n in app._notifications] == ["Notes are off"]
        assert book_path.read_text(encoding="utf-8") == "not a database\n"  # untouched
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Start a new notebook (the damaged one is kept)" in commands
        start = next(c for c in app.get_system_commands(screen) if c.title.startswith("Start a new"))
        start.callback()
        await settled(pilot)
        assert screen.notebook_layer.notebook.writable
        await pilot.press("s")
        await settled(pilot)
    kept = [p for p in book_path.parent.iterdir() if p.name.startswith("case.sqlite3.unreadable-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "not a database\n"
    assert Notebook(book_path).snapshot().starred() == {("event", "raid-begins")}


async def test_items_on_ids_the_dataset_does_not_have_are_said_on_opening(book_path: Path) -> None:
    # before (a user trial): a sheet reopened with --columns order=dmy gave its events other ids; their stars
    # and notes vanished from the pages, said nowhere but in the notebook's own list
    book = Notebook(book_path)
    book.set_starred("event", "raid-begins", True)
    book.set_starred("event", "strike-ends-2018-03-02", True)
    book.set_note("event", "gone-2018-01-01", "my note")
    book.close()
    app = app_on(book_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await settled(pilot)
        said = [n for n in app._notifications if n.title == "Notebook"]
        assert [n.message for n in said] == [
            "2 of the notebook's items (stars, tags, notes) are on an id this dataset does not have (an id changed, "
            "or the item was removed): kept in the notebook; b lists them."
        ]
        assert said[0].severity == "warning"


async def test_a_notebook_whose_items_are_all_here_says_nothing_of_them(book_path: Path) -> None:
    book = Notebook(book_path)
    book.set_starred("event", "raid-begins", True)
    book.close()
    app = app_on(book_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await settled(pilot)
        assert not any("does not have" in n.message for n in app._notifications)


async def test_a_read_only_notebook_shows_its_notes_but_changes_nothing(book_path: Path) -> None:
    book = Notebook(book_path)
    book.set_starred("event", "raid-begins", True)
    book.close()  # the last connection: its log is written back, the file is whole
    with sqlite3.connect(book_path) as connection:  # a newer version that says this one can read it
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
        connection.execute("UPDATE meta SET value = ? WHERE key = 'readable_by'", (str(CURRENT_VERSION),))
    connection.close()
    before = book_path.read_bytes()
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        await settled(pilot)
        assert any("read-only" in n.message for n in app._notifications)
        assert "★" in line_of(app.query_one(Timeline), "raid-begins")
        assert (
            screen.notebook_layer.check_action("star", ()) is None
            and screen.notebook_layer.check_action("cite", ()) is True
        )
        await pilot.press("s", "a")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, NoteEditor)
    assert book_path.read_bytes() == before


async def test_without_a_notebook_the_keys_are_hidden(tmp_path: Path) -> None:
    app = make_app(event_id="raid-begins", use_notebook=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = explorer(app)
        assert [screen.notebook_layer.check_action(a, ()) for a in ("star", "tags", "note", "notebook")] == [False] * 4
        assert screen.notebook_layer.check_action("cite", ()) is True  # citing needs no notebook


# -- the Notebook screen --------------------------------------------------------------------------------


def _fill(book_path: Path) -> Notebook:
    book = Notebook(book_path)
    book.set_starred("event", "firefight", True)
    book.set_note("event", "raid-begins", "the start")
    book.set_tags("actor", "oscar-perez", ["leader"])
    book.set_starred("event", "gone-from-the-data", True)  # orphaned
    book.set_starred("quote", next(iter(CHRONOLOGY.quotes)), True)
    return book


def location_of(item: Item) -> Location:
    """Where a notebook item points (the notebook stores its kind as text; the Notebook screen casts too)."""
    return Location(cast(Kind, item.kind), item.id)


async def test_the_notebook_screen_lists_newest_first_or_by_date_and_jumps(book_path: Path) -> None:
    book = _fill(book_path)
    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await notebook_screen(pilot)
        present = [item for item in book.items() if item.id != "gone-from-the-data"]  # newest first
        assert [row.target for row in page.rows if row.target] == [location_of(i) for i in present]
        text = page_text(page)
        gone = text.index(next(t for t in text if t.startswith("No longer in this dataset (1)")))
        assert any("gone-from-the-data" in t for t in text[gone:])
        await pilot.press("d")
        by_date = chronological(present, CHRONOLOGY)
        assert [row.target for row in page.rows if row.target] == [location_of(i) for i in by_date]
        assert "by date" in str(page.border_title)
        while page.highlighted_target != Location("event", "firefight"):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, NotebookScreen)
        assert app.query_one(Timeline).current.id == "firefight"
        assert explorer(app).history.current == Location("event", "firefight")


async def test_a_page_shown_puts_the_cursor_on_its_own_first_link(book_path: Path) -> None:
    """Not on the first link of the page shown before it (an index into other rows)."""
    _fill(book_path)
    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("b")
        await pilot.pause(0.2)
        page = app.screen.page
        first = next(i for i, row in enumerate(page.rows) if row.target is not None)
        assert page.highlighted == first and page.highlighted_target is not None
        short, long = [Row(Content("text")), Row(Content("link"), Location("event", "firefight"))], page.rows
        page.show(short)
        assert page.highlighted == 1
        page.show([Row(Content("only text"))] * 3)
        assert page.highlighted is None and page.highlighted_target is None
        page.show(long)
        assert page.highlighted == first


async def test_the_notebook_screen_opens_from_the_palette(book_path: Path) -> None:
    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"Notebook")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, NotebookScreen)
        assert "Nothing marked yet" in " ".join(page_text(app.screen.page))


# -- search ----------------------------------------------------------------------------------------------


async def test_is_starred_note_and_mytag_find_what_was_just_marked(book_path: Path) -> None:
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "j", "s")
        await settled(pilot)
        starred = {key[1] for key in Notebook(book_path).snapshot().starred()}
        await pilot.press("slash", *"is:starred")
        await pilot.pause(0.3)
        assert set(screen.search_panel.matched_events) == starred and len(starred) == 2
        await pilot.press("down", "f")
        await pilot.pause(0.2)
        assert {e.id for e in app.query_one(Timeline).view} == starred
        await pilot.press("escape")
        await pilot.press("a", *"helicopters seen", "ctrl+s")
        await settled(pilot)
        await pilot.press("slash", "ctrl+u", *"note:helicopter")
        await pilot.pause(0.3)
        assert screen.search_panel.matched_events == [app.query_one(Timeline).current.id]


# -- saved searches ------------------------------------------------------------------------------------


async def palette(pilot: Any, command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_save_a_search_and_run_it_from_the_palette(book_path: Path) -> None:
    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("slash", *"helicopter", "escape")
        await palette(pilot, "Save search as")
        await pilot.press(*"Helicopters", "enter")
        await settled(pilot)
        assert [(s.name, s.query) for s in Notebook(book_path).searches()] == [("Helicopters", "helicopter")]
        screen.search_panel.input.value = ""
        await palette(pilot, "Search: Helicopters")
        assert screen.search_panel.is_open and screen.search_panel.input.value == "helicopter"
        await pilot.pause(0.2)
        assert screen.search_panel.matched_events  # it ran
        await pilot.press("ctrl+u", *"raid", "escape")  # the same name for another query: asked first
        await palette(pilot, "Save search as")
        await pilot.press(*"helicopters", "enter")
        await pilot.pause(0.1)
        assert "enter again replaces it" in str(app.screen.query_one(".editor--hint").render())
        await pilot.press("enter")
        await settled(pilot)
    assert [(s.name, s.query) for s in Notebook(book_path).searches()] == [("Helicopters", "raid")]


async def test_saving_an_empty_search_says_what_to_do(book_path: Path) -> None:
    app = app_on(book_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        await palette(pilot, "Save search as")
        assert any("type a search first" in n.message for n in app._notifications)
    assert Notebook(book_path).searches() == []


# -- cite, copy, open ---------------------------------------------------------------------------------


async def test_c_copies_the_citation_and_shows_it(book_path: Path) -> None:
    app = make_app(event_id="raid-begins", notebook_file=book_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("c")
        expected = cite(CHRONOLOGY, "event", "raid-begins", app._opened)
        assert app.clipboard == expected
        assert app._notifications and list(app._notifications)[-1].message == expected.rstrip("\n")
        await pilot.press("3", "c")
        actor = known(explorer(app).actors_pane.current_actor)
        assert app.clipboard == cite(CHRONOLOGY, "actor", actor, app._opened)
        assert explorer(app).notebook_layer.check_action("copy_quote", ()) is False  # y only for a quote
        await pilot.press("4", "y")
        quote = known(explorer(app).quotes_pane.current_quote)
        assert app.clipboard == quote_text(CHRONOLOGY, quote)
        await pilot.press("c")
        assert app.clipboard == cite(CHRONOLOGY, "quote", quote, app._opened)


class FakeBrowser:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


async def _to_source_link(pilot: Pilot[Any]) -> LinkList:
    await pilot.press("2")
    page = pilot.app.query_one("#event-detail", LinkList)
    for _ in range(60):
        if page.highlighted_target and page.highlighted_target.kind == "source":
            return page
        await pilot.press("j")
    raise AssertionError("no source link")


async def test_o_on_a_source_link_shows_the_address_asks_and_opens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from junquito_tui.ui.notebook import sharing
    from junquito_tui.ui.screens.confirm import ConfirmOpen

    fake = FakeBrowser()
    monkeypatch.setattr(sharing, "find_browser", lambda: fake)
    monkeypatch.setattr(sharing, "in_terminal", lambda b: False)
    monkeypatch.setattr(threading, "Thread", _Inline)  # the module ui/browser.py starts its thread from
    app = make_app(event_id="raid-begins", use_notebook=False)
    async with app.run_test(size=(120, 40)) as pilot:
        assert explorer(app).notebook_layer.check_action("open_source", ()) is False  # the timeline: no link
        page = await _to_source_link(pilot)
        assert explorer(app).notebook_layer.check_action("open_source", ()) is True
        url = known(CHRONOLOGY.sources[known(page.highlighted_target).id].url)
        await pilot.press("o")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConfirmOpen)
        shown = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
        assert any(url in line for line in shown)
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert fake.opened == []
        await pilot.press("o")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert fake.opened == [url]


class _Inline:
    """threading.Thread, run at once: the browser call is seen before the test goes on."""

    def __init__(self, target: Any, args: tuple[Any, ...] = (), **_: Any) -> None:
        self._run: Callable[[], object] = lambda: target(*args)

    def start(self) -> None:
        self._run()


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("javascript:alert(1)", "is not a web address"),
        ("file:///etc/passwd", "is not a web address"),
        (None, "has no web address"),
    ],
)
async def test_only_web_addresses_are_offered(
    url: str | None, why: str, minimal: dict[str, Any], write: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from junquito_tui.ui.notebook import sharing

    minimal["sources"][0]["url"] = url
    fake = FakeBrowser()
    monkeypatch.setattr(sharing, "find_browser", lambda: fake)
    app = make_app(write(minimal), event_id="first", use_notebook=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _to_source_link(pilot)
        await pilot.press("o")
        await pilot.pause(0.2)
        assert app.screen is explorer(app)  # nothing asked: refused outright, with the reason
        assert any(why in n.message for n in app._notifications)
        assert fake.opened == []


async def test_without_a_browser_the_address_goes_to_the_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    from junquito_tui.ui.notebook import sharing

    monkeypatch.setattr(sharing, "find_browser", lambda: None)
    app = make_app(event_id="raid-begins", use_notebook=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        page = await _to_source_link(pilot)
        url = known(CHRONOLOGY.sources[known(page.highlighted_target).id].url)
        await pilot.press("o")
        await pilot.pause(0.2)
        await pilot.press("y")
        await pilot.pause(0.2)
        assert app.clipboard == url
        assert any("No web browser" in n.message for n in app._notifications)


async def test_the_source_page_opens_and_cites_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    from junquito_tui.ui.notebook import sharing
    from junquito_tui.ui.screens.confirm import ConfirmOpen
    from junquito_tui.ui.screens.source import SourceScreen

    monkeypatch.setattr(sharing, "find_browser", lambda: None)
    source = next(s for s in CHRONOLOGY.dataset.sources if s.url)
    app = make_app(use_notebook=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await navigate(pilot, Location("source", source.id))
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("c")
        assert app.clipboard == cite(CHRONOLOGY, "source", source.id, app._opened)
        await pilot.press("o")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConfirmOpen)
        await pilot.press("n")
        await pilot.pause(0.1)
        assert isinstance(app.screen, SourceScreen)


def test_a_text_browser_is_told_apart_from_a_graphical_one() -> None:
    import webbrowser

    from junquito_tui.ui.browser import in_terminal

    assert in_terminal(webbrowser.GenericBrowser("lynx"))
    assert not in_terminal(webbrowser.BackgroundBrowser("xdg-open"))
    assert not in_terminal(webbrowser.Mozilla("firefox"))
    assert in_terminal(webbrowser.Elinks("elinks"))


# -- the case file --------------------------------------------------------------------------------------


async def test_export_view_as_markdown_is_the_case_file(
    book_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from junquito_tui.core.interop import export_text

    monkeypatch.chdir(tmp_path)
    book = _fill(book_path)
    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await settled(pilot)
        await palette(pilot, "Export view as Markdown")
    written = [p for p in tmp_path.iterdir() if p.suffix == ".md"]
    assert len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    assert text == export_text(CHRONOLOGY, "markdown", None, book.snapshot())
    assert "the start" in text and "leader" in text


# -- help, keys ---------------------------------------------------------------------------------------


async def test_help_lists_the_notebook_keys_in_their_own_section(book_path: Path) -> None:
    from junquito_tui.ui.screens.help import help_markdown

    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        text = help_markdown(explorer(app))
        section = text.split("### Your notebook")[1].split("###")[0]
        for key, words in (("s", "Star"), ("t", "Tags"), ("a", "Note"), ("c", "Cite"), ("y", "Copy quote")):
            assert f"`{key}`: {words}" in section
        assert "`o`: Open source" in section and "`b`: Notebook" in section
        everywhere = text.split("### Everywhere")[1].split("###")[0]
        assert "Star" not in everywhere
        assert "`^s`: Save note" in text and "`esc` / `q` / `b`: Close" in text and "## Your notebook" in text


async def test_another_instances_change_appears_without_a_restart(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "POLL_EVERY", 0.1)
    Notebook(book_path).set_starred("event", "firefight", True)
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        assert "★" not in line_of(app.query_one(Timeline), "raid-begins")
        Notebook(book_path).set_starred("event", "raid-begins", True)  # another instance
        for _ in range(100):  # polled every 0.1 s here (every POLL_EVERY seconds in use)
            await pilot.pause(0.05)
            if "★" in line_of(app.query_one(Timeline), "raid-begins"):
                break
        assert "★" in line_of(app.query_one(Timeline), "raid-begins")


# -- the command line ----------------------------------------------------------------------------------


@pytest.mark.parametrize("large", [False, True])
def test_the_command_line_gives_the_app_its_data_and_notebook_file(
    large: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``junquito-tui --data FILE --notebook NB``: the app opens NB (and cites FILE), whether the
    dataset loads before the interface or behind a progress bar."""
    from junquito_tui import cli
    from junquito_tui.ui.app import JunquitoApp

    given: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(JunquitoApp, "run", lambda self: given.append((self._data_path, self._notebook_file)))
    if large:
        monkeypatch.setattr(cli, "BACKGROUND_LOAD_BYTES", 0)
    data = tmp_path / "events.json"
    data.write_bytes(BUNDLED.read_bytes())
    assert cli.main(["--data", str(data), "--notebook", str(tmp_path / "nb.sqlite3")]) == 0
    assert given == [(str(data), str(tmp_path / "nb.sqlite3"))]


async def test_the_event_page_drawn_follows_a_filter_that_moves_the_cursor(book_path: Path) -> None:
    """`is:starred` then `f`: the timeline's cursor moves to a starred event, and the event pane must
    draw that event's page, not go on showing the previous one (its rows were replaced, but nothing
    asked for a repaint when the page's size and scroll stayed the same)."""
    book = Notebook(book_path)
    book.set_starred("event", "perez-considers-helicopter-protest", True)
    book.set_starred("event", "firefight", True)
    app = app_on(book_path)  # the cursor starts on the first event, which is not starred
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("slash", *"is:starred")
        await pilot.pause(0.3)
        await pilot.press("down", "f")
        await pilot.pause(0.3)
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "perez-considers-helicopter-protest"
        page = app.query_one("#event-detail", LinkList)
        lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
        region = page.region
        drawn = " ".join(line[region.x : region.right].strip() for line in lines[region.y : region.y + 3])
        assert drawn.startswith(current.title[:30]), drawn


# -- markers re-measure only the rows they touch -------------------------------------------------------


async def test_rows_changed_measures_again_only_the_rows_given_and_agrees_with_a_full_measure() -> None:
    """Oracle: after ``rows_changed(indexes)`` the line offsets equal those of measuring every row
    from scratch; and no other row is made again (a star in 50,000 quotes costs one row)."""
    import random

    from textual.app import App, ComposeResult

    from junquito_tui.ui.widgets.rows import RowList, Run

    class Lists(App[None]):
        def compose(self) -> ComposeResult:
            yield RowList(id="rows")

    pick = random.Random(16)
    words = ["a", "star", "quote", "averyveryverylongwordwithoutspaces", "Pérez", "—", "“said”", "ok"]
    texts = [" ".join(pick.choice(words) for _ in range(pick.randrange(1, 25))) for _ in range(400)]
    marked: set[int] = set()
    made: list[int] = []

    def make(index: int) -> Row:
        made.append(index)
        return Row(Content(("★✎ " if index in marked else "") + texts[index]), Location("event", f"e{index}"))

    app = Lists()
    async with app.run_test(size=(50, 20)) as pilot:
        rows = app.query_one(RowList)
        rows.show_rows(Run(len(texts), make), 0)
        rows._measure(rows=300)  # part measured, as the idle measuring leaves it
        await pilot.pause()
        for _ in range(30):
            touched = set(pick.sample(range(len(texts)), pick.randrange(1, 6)))
            marked ^= touched
            made.clear()
            rows.rows_changed(touched)
            assert set(made) <= touched
            measured = len(rows._tops) - 1
            kept = list(rows._tops)
            rows._forget_measures()
            rows._measure(rows=measured)
            assert rows._tops == kept


async def test_a_notebook_that_fails_to_open_turns_notes_off_and_says_so(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dataset file removed after loading (the hash cannot be read), or a bug: notes off, said."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise FileNotFoundError("events.json")

    monkeypatch.setattr(session_module, "open_for_dataset", failing)
    app = app_on(book_path, event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await opened(pilot)
        await settled(pilot)
        assert not screen.notebook_layer.notebook.writable and screen.notebook_layer.check_action("star", ()) is None
        assert any(
            "Opening the notebook failed" in n.message and "notes are off" in n.message for n in app._notifications
        )


def test_a_change_made_just_before_quitting_is_kept(tmp_path: Path) -> None:
    """`s` then `q` at once: the interpreter waits for the notebook's writer thread at exit."""
    import subprocess
    import sys

    book = tmp_path / "nb.sqlite3"
    script = f"""
import asyncio, sys, time
sys.path.insert(0, {str(Path(__file__).parents[1])!r})
from conftest import make_app
from junquito_tui.core.notebook import Notebook
real = Notebook.toggle_starred
def slow(self, *args):  # a write held up (another instance's lock, a slow disk) while the app quits
    time.sleep(1.0)
    return real(self, *args)
Notebook.toggle_starred = slow
async def main():
    app = make_app(event_id="raid-begins", notebook_file={str(book)!r})
    async with app.run_test() as pilot:
        while app.screen.notebook_layer.notebook is None or app.screen.notebook_layer.notebook.opened is None:
            await pilot.pause(0.01)
        await pilot.press("s")
        app.exit()
asyncio.run(main())
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert Notebook(book).snapshot().starred() == {("event", "raid-begins")}


async def test_the_mouse_jumps_from_the_notebook_screen_and_answers_the_confirm_dialog(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The obvious mouse actions: a click on an item of the Notebook screen jumps to it; a click on
    Cancel in the open-a-source dialog opens nothing, a click on Open opens the address."""
    from textual.widgets import Button

    from junquito_tui.ui.notebook import sharing
    from junquito_tui.ui.screens.confirm import ConfirmOpen

    _fill(book_path)
    fake = FakeBrowser()
    monkeypatch.setattr(sharing, "find_browser", lambda: fake)
    monkeypatch.setattr(sharing, "in_terminal", lambda b: False)
    # at once, not in a thread (threading.Thread itself stays: the notebook's writer is one)
    monkeypatch.setattr(sharing, "open_in_background", lambda browser, url: browser.open(url))
    app = app_on(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await notebook_screen(pilot)
        line = next(
            y
            for y in range(page.size.height)
            if (row := page._row_under(y)) is not None and page.rows[row].target == FIREFIGHT
        )
        await pilot.click(page, offset=(4, line))
        await pilot.pause(0.2)
        assert not isinstance(app.screen, NotebookScreen)
        assert explorer(app).history.current == FIREFIGHT and known(app.query_one(Timeline).current).id == "firefight"

        source_page = await _to_source_link(pilot)
        url = known(CHRONOLOGY.sources[known(source_page.highlighted_target).id].url)
        for button, opened_after in (("#cancel", []), ("#open", [url])):
            await pilot.press("o")
            await pilot.pause(0.2)
            assert isinstance(app.screen, ConfirmOpen)
            await pilot.click(app.screen.query_one(button, Button))
            await pilot.pause(0.2)
            assert not isinstance(app.screen, ConfirmOpen) and fake.opened == opened_after
