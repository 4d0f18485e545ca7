"""An event short of confirmed is marked '[alleged]' (or reported, disputed) wherever its title is listed, as in
the timeline: a trial found search results, the palette and the notebook's list without the mark."""

from __future__ import annotations

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.records import Certainty, Event
from junquito_tui.core.search import SearchIndex
from junquito_tui.core.search_output import as_record, title_line
from junquito_tui.ui.commands import EventProvider, hit_help
from junquito_tui.ui.notebook.marks import label
from junquito_tui.ui.panes.search_panel import hit_content

CHRONOLOGY = Chronology(load_dataset())


def _mark(event: Event) -> str:
    return "" if event.certainty == Certainty.CONFIRMED else f"[{event.certainty.value}] "


def test_every_event_s_search_result_says_how_certain_it_is() -> None:
    index = SearchIndex(CHRONOLOGY)
    seen = set()
    for event in CHRONOLOGY.events:
        hits = [h for h in index.search(f"id:{event.id}", typing=False).hits if h.doc.item is event]
        for hit in hits:
            title = hit_content(hit).plain.split("\n")[0]
            assert title.startswith(_mark(event) + event.title[:20]), title
            assert f" {_mark(event)}{event.title[:20]}" in title_line(hit)  # the command line's too
            assert as_record(hit)["certainty"] == event.certainty.value
            seen.add(event.certainty)
    assert seen == set(Certainty)  # (each kind of mark met: the bundled dataset has them all)


async def test_the_palette_and_the_notebook_list_say_it_too() -> None:
    from junquito_tui.ui.app import JunquitoApp

    app = JunquitoApp(CHRONOLOGY)
    async with app.run_test(size=(120, 40)):
        helps = {item_id: help_text for _, help_text, item_id in EventProvider(app.screen).items(CHRONOLOGY)}
    # a period whole: the revelation on 17 or 18 January was '~17 Jan 2018' (a trial)
    assert helps["civilian-deaths-revealed"].endswith("~17 Jan 2018 – ~18 Jan 2018")
    for event in CHRONOLOGY.events:
        shown = str(hit_help(helps[event.id]))  # (what the palette draws: its brackets as written, a trial)
        assert shown.startswith(f"event · {_mark(event)}")
        assert label(CHRONOLOGY, "event", event.id).startswith(_mark(event) + event.title[:20])


async def test_the_palette_shows_a_help_line_s_brackets_as_written() -> None:
    # before (two trials): '[alleged]' read '(alleged)' and a zone label '[b]VST[/b]' '(b)VST(/b)' in the palette
    import copy

    from conftest import MINIMAL
    from junquito_tui.core.loader import validate_document
    from junquito_tui.ui.app import JunquitoApp

    document = copy.deepcopy(MINIMAL)
    document["events"][1]["when"]["zone_label"] = "[b]VST[/b]"
    app = JunquitoApp(Chronology(validate_document(document, "zones.json")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"Go to event")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"Second")
        await pilot.pause(0.5)
        lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
        assert any("[alleged]" in line and "[b]VST[/b]" in line for line in lines), lines
