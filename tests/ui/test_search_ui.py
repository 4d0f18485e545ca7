"""Pilot tests of search in the app: type, read grouped results, jump, go back, filter, step."""

from __future__ import annotations

import sys
from typing import Any

from textual.content import Content

from conftest import REPO, explorer, known, make_app
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import validate_document
from junquito_tui.core.search import SearchIndex
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.palette import export_view
from junquito_tui.ui.panes.search_panel import PER_KIND, ResultList, SearchInput, SearchPanel
from junquito_tui.ui.widgets.timeline import Timeline


def prompts(results: ResultList) -> list[str]:
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def test_results_update_as_you_type_grouped_with_counts() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, SearchInput)
        assert app.query_one(SearchPanel).has_class("-open")
        await pilot.press(*"rub")
        await pilot.pause()
        shown = prompts(app.query_one(ResultList))
        assert "Events (1)" in shown and "Actors (1)" in shown  # prefix 'rub' already finds Rubio
        assert any(p.startswith("Marco Rubio") for p in shown)
        hint = str(app.query_one("#search-hint").render())
        assert hint.startswith("2 results: 1 actor, 1 event")  # a name match brings its kind first
        await pilot.press(*"io xq")
        await pilot.pause()
        assert app.query_one(ResultList).option_count == 0


async def test_highlight_is_built_from_spans_not_markup() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"gedeon")
        await pilot.pause()
        results = app.query_one(ResultList)
        prompt = results.get_option_at_index(1).prompt
        assert isinstance(prompt, Content)  # (a hit is shown as Textual Content)
        spans = [(prompt.plain[s.start : s.end], str(s.style)) for s in prompt.spans]
        assert ("Gedeón", "bold reverse") in spans


async def test_jump_to_a_result_then_back_and_escape_restores_focus() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")  # focus the actor list
        await pilot.press("slash", *"morgue")
        await pilot.pause()
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "actor-list"
        assert not app.query_one(SearchPanel).has_class("-open")
        await pilot.press("slash")
        assert app.query_one(SearchInput).value == "morgue"  # the search is kept
        await pilot.press("enter")  # into the results, on the first hit
        in_results = app.focused  # (a name, so that mypy does not narrow app.focused for the rest of the test)
        assert isinstance(in_results, ResultList)
        await pilot.press("enter")
        await pilot.pause()
        current = app.query_one(Timeline).current
        assert current is not None and current.id == "morgue-observation"
        assert app.focused is app.query_one(Timeline)
        await pilot.press("backspace")
        await pilot.pause()
        assert explorer(app).actors_pane.current_actor is not None and app.focused is not None
        assert app.focused.id in ("actor-list", "actor-profile")


async def test_jump_to_an_actor_result() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"kind:actor rubio", "down", "enter")
        await pilot.pause()
        assert explorer(app).actors_pane.current_actor == "marco-rubio"


async def test_filter_the_timeline_and_step_with_n() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"video ", "down", "f")
        await pilot.pause()
        screen = explorer(app)
        timeline = app.query_one(Timeline)
        matching = [h.id for h in SearchIndex(known(app.chronology)).search("video ").of_kind("event")]
        assert {e.id for e in timeline.view} == set(matching)
        assert "filter: video" in str(app.query_one("#timeline-pane").border_title)
        # f shows the filtered timeline: the search box closes, the timeline has the focus
        assert not screen.search_panel.is_open and app.focused is timeline
        assert screen.timeline_filter is not None and screen.timeline_filter.query == "video "
        first = timeline.current
        await pilot.press("n")
        assert timeline.current is not first and timeline.current is not None
        assert timeline.current.id in matching
        await pilot.press("N")
        assert timeline.current is first
        await pilot.press("escape")  # clears the filter, keeps the selection
        assert screen.timeline_filter is None and len(timeline.view) == len(app.chronology.events)
        assert timeline.current is first


async def test_n_steps_through_matches_without_a_filter() -> None:
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        assert "n" not in explorer(app).active_bindings  # nothing to step through yet
        await pilot.press("slash", *"video ", "escape")
        await pilot.pause()
        positions = sorted(
            known(app.chronology).position[h.id] for h in known(explorer(app).search_panel.results).of_kind("event")
        )
        start = known(app.chronology).position["raid-begins"]
        await pilot.press("n")
        assert app.query_one(Timeline).cursor == min(p for p in positions if p > start)
        await pilot.press("N")
        assert app.query_one(Timeline).cursor == max(p for p in positions if p < start)


async def test_bad_query_shows_a_hint_and_never_crashes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *'colour:red "unclosed date:2018-02-30 [/] [@click=app.quit]x')
        await pilot.pause()
        hint = str(app.query_one("#search-hint").render())
        assert "unknown field 'colour:'" in hint and "unclosed quote" in hint and "date:2018-02-30" in hint
        assert app.is_running


async def test_a_large_dataset_is_searched_from_worker_threads() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from make_dataset import make_dataset  # the benchmark's generator

    chronology = Chronology(validate_document(make_dataset(4_000, 7), "generated.json"))
    app = JunquitoApp(chronology)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = explorer(app)
        assert screen.search_panel.is_large
        await pilot.press("slash", *"police")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.search_panel.index is not None
        results = screen.search_panel.results
        assert results is not None and results.query_text == "police" and results.total > PER_KIND
        assert all(len(results.of_kind(kind)) <= PER_KIND for kind in results.counts)
        shown = prompts(app.query_one(ResultList))
        assert any(p.startswith("  … and ") for p in shown)  # more than the listed hits, and it says so
        # ... in the counts' line too, which a user paging down with End sees (a UI trial did not see the last line)
        assert f"(the first {PER_KIND} of each kind listed)" in str(app.query_one("#search-hint").render())


async def test_palette_exports_the_filtered_view(tmp_path: Any, monkeypatch: Any) -> None:
    import csv

    monkeypatch.chdir(tmp_path)
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("slash", *"video ", "down", "f")  # f closes the search box too
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"export view as csv")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        view = app.query_one(Timeline).view
        written = sorted(tmp_path.glob("*.csv"))
        assert len(written) == 1 and written[0].name == "el-junquito-raid-a-chronology.csv"
        with written[0].open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["id"] for r in rows] == [e.id for e in view] and len(rows) < len(known(app.chronology).events)
        messages = [n.message for n in app._notifications]
        total = len(known(app.chronology).events)
        filtered = f"Exported {len(view)} events of {total} (a filtered view: 'video')"
        said = next(m for m in messages if m.startswith(f"{filtered} to {written[0]}\n"))
        assert "The CSV file names 2 actors only in other actors' relations" in said  # (read back: names)
        export_view(explorer(app), "csv")  # a second export never overwrites the first
        assert sorted(p.name for p in tmp_path.glob("*.csv"))[-1] == "el-junquito-raid-a-chronology.csv"
        assert len(list(tmp_path.glob("*.csv"))) == 2
        export_view(explorer(app), "markdown")  # the file says it is a filtered view (a user trial: it did not)
        markdown = next(tmp_path.glob("*.md")).read_text(encoding="utf-8").split("\n")
        assert markdown[2].startswith(f"> A filtered view: the {len(view)} of {total} events that the search 'video'")


async def test_an_export_of_a_view_filtered_by_a_word_being_typed_says_it_was_read_as_a_start(
    tmp_path: Any, monkeypatch: Any
) -> None:
    # before (a notebook trial): the file said 'the search 'helicop' matches', which the command line's
    # export --query found nothing for: the interface reads the last word as the start of a word
    monkeypatch.chdir(tmp_path)
    app = make_app(event_id="raid-begins")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"helicop", "down", "f")
        await pilot.pause(0.3)
        view = app.query_one(Timeline).view
        assert 0 < len(view) < len(known(app.chronology).events)
        export_view(explorer(app), "markdown")
        markdown = next(tmp_path.glob("*.md")).read_text(encoding="utf-8").split("\n")
        assert (
            "matches (its last word, 'helicop', read as the start of a word, as the interface reads it" in (markdown[2])
        )


async def test_keys_typed_straight_after_slash_reach_the_search_box() -> None:
    """A fast typist's (or a paste's) keys are all queued before '/' has opened the panel."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.post_message(events.Key("slash", "/"))
        for letter in "raid":
            app.post_message(events.Key(letter, letter))
        await pilot.pause()
        search_input = app.screen.query_one(SearchInput)
        assert search_input.value == "raid" and app.screen.focused is search_input
        await pilot.press("slash", "x")  # in the box, '/' is a character like any other
        assert search_input.value == "raid/x"


async def test_a_slash_typed_fast_inside_a_query_stays_where_it_was_typed() -> None:
    """'/' then 'raid [/]' sent at once became '/raid []': the slash jumped ahead of the keys queued."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for character in "/raid [/] a/b":
            key = {"/": "slash", " ": "space", "[": "left_square_bracket", "]": "right_square_bracket"}
            app.post_message(events.Key(key.get(character, character), character))
        await pilot.pause()
        assert app.screen.query_one(SearchInput).value == "raid [/] a/b"


async def test_a_failing_index_thread_is_reported_not_lost(monkeypatch: Any, tmp_path: Any) -> None:
    """A background failure used to leave "Indexing…" on screen forever; now it is said in one line
    that names a log file, and the file holds the traceback."""
    from junquito_tui.core import crashlog, search

    sys.path.insert(0, str(REPO / "bench"))
    from make_dataset import make_dataset

    def broken(self: Any, chronology: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search.SearchIndex, "__init__", broken)
    monkeypatch.setattr(crashlog, "log_directory", lambda: tmp_path)
    app = JunquitoApp(Chronology(validate_document(make_dataset(4_000, 7), "generated.json")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"police")
        for _ in range(50):
            await pilot.pause(0.05)
            hint = str(app.query_one("#search-hint").render())
            if "failed" in hint:
                break
        log = tmp_path / crashlog.LOG_NAME
        assert hint == f"Building the search index failed: RuntimeError: disk on fire (details in {log})"
        assert "Traceback" in log.read_text() and "disk on fire" in log.read_text()
        assert app.is_running


async def test_every_hint_is_shown_on_its_own_line_and_scrolls_past_half_the_panel() -> None:
    # before (a trial): at most four lines of hints, the rest cut off with nothing to say so
    app = make_app()
    async with app.run_test(size=(64, 24)) as pilot:
        await pilot.press("slash", *"date:2018-01-16 date:2018-01-15 OR AND")
        panel = app.query_one(SearchPanel)
        for _ in range(200):
            if panel.results is not None and panel.results.query_text.endswith("AND"):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert panel.results is not None and len(panel.results.hints) == 3
        lines = str(app.query_one("#search-hint").render()).split("\n")
        assert [line for line in lines if line.startswith("· ")] == [f"· {hint}" for hint in panel.results.hints]
        box = app.query_one("#search-hints")
        assert box.max_scroll_y > 0  # more than half the panel at this size: it scrolls, its bar shown
        await pilot.press("pagedown")
        assert box.scroll_y > 0 and isinstance(app.focused, SearchInput)
        await pilot.press("pageup")
        assert box.scroll_y == 0
