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
        shown = hit_help(helps[event.id])  # (what the palette draws: its help line takes no brackets)
        assert shown.startswith(f"event · {_mark(event).replace('[', '(').replace(']', ')')}")
        assert label(CHRONOLOGY, "event", event.id).startswith(_mark(event) + event.title[:20])
