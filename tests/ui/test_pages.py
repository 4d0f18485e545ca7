"""The event, actor, source and quote pages: where an event stands and why, who says what, how it is known."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.citation import OpenedAs
from junquito_tui.core.loader import load_dataset, load_with_report
from junquito_tui.core.navigation import Location
from junquito_tui.core.records import Event
from junquito_tui.ui import pages
from junquito_tui.ui.widgets.rows import Row


def bundled() -> Chronology:
    return Chronology(load_dataset())


def lines(rows: Sequence[Row]) -> list[str]:
    return [rows[i].content.plain for i in range(len(rows))]


def test_a_stated_order_reads_the_right_way_round_with_the_sources_words() -> None:
    """'→ Pregnant woman and child revealed … · (after this)' said the opposite of the data."""
    chronology = bundled()
    event = chronology.event("perez-bloodied-video")
    rows = pages.event_rows(chronology, event)
    text = lines(rows)
    row = text.index("This comes after: → Troops fire rocket-propelled grenades at the rebels")
    assert rows[row].target == Location("event", "rpg-fire")
    assert text[row + 1] == "  The source: “Pérez then posted a video on the internet”"
    assert not any("after this" in line or "before this" in line for line in text)


def test_a_reading_position_is_labelled_as_such() -> None:
    chronology = bundled()
    text = lines(pages.event_rows(chronology, chronology.event("public-outrage")))
    assert "Order not stated by the source; shown here in reading order (a presentation choice, not a claim)" in text
    assert "Shown after: → Pregnant woman and child revealed among the dead" in text
    assert not any(line.startswith("This comes") for line in text)


def test_an_untimed_event_of_a_day_says_its_order_is_no_claim() -> None:
    chronology = bundled()
    text = lines(pages.event_rows(chronology, chronology.event("rebels-killed-and-arrested")))
    assert "Order: Time not given: listed at the start of 15 Jan 2018, in no particular order" in text


def test_an_event_at_the_same_minute_as_others_says_their_order_is_not_stated(tmp_path: Path) -> None:
    # before (a review): five events at 04:00 UTC-4 were listed one after another, nothing saying so
    path = tmp_path / "minute.csv"
    rows = "2018-01-15T04:00-04:00,Same A\n2018-01-15T08:00Z,Same instant B\n2018-01-15T04:01-04:00,Later\n"
    rows += "around 04:00 15 January 2018,Around\n"  # (an approximate time: not known to be the same minute)
    path.write_text("date,title\n" + rows, encoding="utf-8")
    chronology = Chronology(load_with_report(path).dataset)
    by_title = {event.title: event for event in chronology.events}
    text = lines(pages.event_rows(chronology, by_title["Same A"]))
    assert (
        "Order: Same minute as 1 other event: their order is no claim (the file's, or the seconds a date's note gives)"
        in text
    )
    assert not any(line.startswith("Order:") for line in lines(pages.event_rows(chronology, by_title["Later"])))


def _sheet(folder: Path, rows: str) -> tuple[Chronology, dict[str, Event]]:
    """A spreadsheet of these date,title rows, loaded; its events by title."""
    path = folder / "sheet.csv"
    path.write_text("date,title\n" + rows, encoding="utf-8")
    chronology = Chronology(load_with_report(path).dataset)
    return chronology, {event.title: event for event in chronology.events}


def test_events_listed_across_a_midnight_against_their_times_are_named(tmp_path: Path) -> None:
    # before (a user trial): 22:30 at UTC-4 on the 15th was listed before 01:00 UTC on the 16th, 90 minutes
    # earlier, each under its own day, nothing saying the list was not the times' order
    rows = "2018-01-15T22:30-04:00,Late night statement\n2018-01-16T01:00Z,Early wire report\n"
    chronology, by_title = _sheet(tmp_path, rows + "2018-01-16T09:00Z,Morning\n")
    late = pages.event_rows(chronology, by_title["Late night statement"])
    text = lines(late)
    at = text.index(
        "Order: Listed under the day its source gives; by the times and zones given, 1 event listed after it, "
        "took place before it:"
    )
    assert text[at + 1] == "→ Early wire report · 01:00 UTC 16 Jan 2018"
    assert late[at + 1].target == Location("event", by_title["Early wire report"].id)
    early = lines(pages.event_rows(chronology, by_title["Early wire report"]))
    assert any("1 event listed before it, took place after it:" in line for line in early)
    assert not any(line.startswith("Order:") for line in lines(pages.event_rows(chronology, by_title["Morning"])))


def test_a_time_with_no_zone_and_the_zoned_times_beside_it_name_each_other(tmp_path: Path) -> None:
    # before (a user trial): '05:00' with no zone, read as UTC, was listed before '04:00-04:00' (08:00 UTC),
    # and no page said the list rested on that reading; local at UTC-4, it was an hour after it
    rows = "2018-01-15T04:00-04:00,Police surround house\n2018-01-15 05:00,Shots heard\n"
    chronology, by_title = _sheet(tmp_path, rows + "2018-01-17T09:00Z,Days later\n")
    shots = lines(pages.event_rows(chronology, by_title["Shots heard"]))
    at = shots.index(
        "Order: Its time has no zone, read as UTC, which lists it beside 1 event that gives its zone; in another "
        "zone it may have taken place before or after it:"
    )
    assert shots[at + 1] == "→ Police surround house · 04:00 UTC-4 15 Jan 2018"  # (not 'Days later': too far)
    police = lines(pages.event_rows(chronology, by_title["Police surround house"]))
    assert (
        "Order: 1 event gives a time with no zone, read as UTC, which lists it beside this one; in another zone it "
        "may have taken place before or after this one:" in police
    )
    assert not any(line.startswith("Order:") for line in lines(pages.event_rows(chronology, by_title["Days later"])))


def test_accounts_on_the_event_page_are_attributed_with_their_chain() -> None:
    chronology = bundled()
    rows = pages.event_rows(chronology, chronology.event("alleged-executions"))
    text = lines(rows)
    assert (
        "Bellingcat and Forensic Architecture, as reported by Wikipedia: "
        "Members of Pérez's group were likely executed by troops." in text
    )
    cited = [rows[i] for i, line in enumerate(text) if line.endswith("· cited, not read")]
    assert [r.target for r in cited] == [
        Location("source", "bellingcat-investigation"),
        Location("source", "forensic-architecture-investigation"),
    ]
    assert "cited in El Junquito raid (Wikipedia)" in cited[0].content.plain


def test_an_actor_profile_has_relations_in_words_and_claims_made_and_about() -> None:
    chronology = bundled()
    text = lines(pages.actor_rows(chronology, "oscar-perez"))
    relations = text[text.index("Relations (3)") + 1 : text.index("Relations (3)") + 4]
    assert relations == [
        "→ sibling of Óscar Pérez's brother · The article's 'Pérez's brother'.",
        "→ former member of CICPC · Inferred from the article's mention of 'his former boss at CICPC'.",
        "→ related to Pérez's former boss at CICPC · Formerly Pérez's boss at CICPC (the article's 'his former boss "
        "at CICPC').",
    ]
    assert not any("inverse" in line or "sibling-of" in line for line in text)
    made = len(chronology.accounts.made["oscar-perez"])
    about = len(chronology.accounts.about("oscar-perez"))
    assert f"Claims made ({made})" in text and f"Claims by others on events they are in ({about})" in text
    assert (
        "→ Óscar Pérez, as reported by Wikipedia: His group had been shot at, but negotiations were under way. "
        "· event confirmed · Pérez posts a video saying his group was fired upon and negotiations were under way"
        in text
    )
    brother = lines(pages.actor_rows(chronology, "perez-brother"))
    assert brother.count("→ sibling of Óscar Pérez · The article's 'Pérez's brother'.") == 1


def test_source_pages_say_how_a_source_is_known() -> None:
    chronology = bundled()
    text = lines(pages.source_rows(chronology, "bellingcat-investigation"))
    assert text[1] == "Id: bellingcat-investigation" and text[3].startswith("Publisher: Bellingcat")
    assert "Known only through: El Junquito raid (it cites this source; its own text was not read)" in text
    executions = "Members of the group likely executed by troops, according to Bellingcat and Forensic Architecture"
    assert f"→ {executions} · 15 Jan 2018" in text
    article = lines(pages.source_rows(chronology, "wikipedia-el-junquito-raid"))
    assert any("one fixed revision" in line for line in article)


def test_a_quote_without_a_named_speaker() -> None:
    chronology = bundled()
    text = lines(pages.quote_rows(chronology, chronology.quotes["nationalists-patriots-statement"]))
    assert "Speaker: not named by the source (a document, or words it does not attribute)" in text


def test_every_page_shows_the_id_to_cite_and_the_line_that_reopens_it() -> None:
    chronology = bundled()
    assert lines(pages.event_rows(chronology, chronology.event("raid-begins")))[2] == (
        "Id: raid-begins  (junquito-tui --event raid-begins)"
    )
    actor = lines(pages.actor_rows(chronology, "oscar-perez"))
    assert actor[1] == "Id: oscar-perez  (junquito-tui --actor oscar-perez)"
    quote = chronology.quotes["order-fulfilled"]
    reopen = "(junquito-tui --quote order-fulfilled)"  # (it was its event's: the quote itself not opened, a trial)
    assert lines(pages.quote_rows(chronology, quote))[1] == f"Id: order-fulfilled  {reopen}"


def test_a_page_s_reopen_line_names_the_file_it_was_opened_from() -> None:
    # before (a user trial): a sheet's event page said 'junquito-tui --event X', which answered 'no event with id X'
    chronology, opened = bundled(), OpenedAs("/tmp/my sheets/news.csv")
    event = lines(pages.event_rows(chronology, chronology.event("raid-begins"), opened=opened))[2]
    assert event == "Id: raid-begins  (junquito-tui --data '/tmp/my sheets/news.csv' --event raid-begins)"
    actor = lines(pages.actor_rows(chronology, "oscar-perez", opened=opened))[1]
    assert actor == "Id: oscar-perez  (junquito-tui --data '/tmp/my sheets/news.csv' --actor oscar-perez)"
    quote = chronology.quotes["order-fulfilled"]
    reopen = lines(pages.quote_rows(chronology, quote, opened=opened))[1]
    assert reopen.endswith("--data '/tmp/my sheets/news.csv' --quote order-fulfilled)")
    # ... and the --columns that read it: without them the sheet has other ids, or does not open (a review)
    opened = OpenedAs("news.csv", "date=Cuándo,title=Qué pasó")
    event = lines(pages.event_rows(chronology, chronology.event("raid-begins"), opened=opened))[2]
    assert event.endswith("(junquito-tui --data news.csv --columns 'date=Cuándo,title=Qué pasó' --event raid-begins)")


def test_a_date_given_only_as_a_bound_is_shown_as_the_bound_on_its_page(tmp_path: Path) -> None:
    # before (a user trial): 'When: around Sunday 14 January 2018' and 'listed at the start of 14 Jan 2018' for a
    # row dated 'before 15 January 2018'
    sheet = tmp_path / "bound.csv"
    sheet.write_text("date,event\nbefore 15 January 2018,Surveillance\n", encoding="utf-8")
    dataset = load_with_report(sheet).dataset
    assert dataset is not None
    chronology = Chronology(dataset)
    text = lines(pages.event_rows(chronology, chronology.events[0]))
    assert text[1].startswith("When: before Monday 15 January 2018  [given only as a bound: how long before, not said]")
    order = next(line for line in text if line.startswith("Order: "))
    assert order == "Order: Given only as before 15 Jan 2018: listed beside it, which says nothing of how long before"
