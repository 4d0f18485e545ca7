"""Citations: plain text, the date exactly as precise as the data, sources, id and reopening command."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given, settings

from accounts_oracle import said_by
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.citation import CITABLE, MAX_SOURCES, cite, kinds_of, quote_text, reopen_command
from junquito_tui.core.dates import MONTHS
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import DATASET, When
from strategies import whens

BUNDLED = Chronology(load_dataset())


def chronology_of(document: dict[str, Any]) -> Chronology:
    return Chronology(DATASET.validate_python(document))


def line(text: str, label: str) -> str:
    return next(row for row in text.splitlines() if row.startswith(label))


def test_event_citation_on_the_bundled_dataset() -> None:
    assert cite(BUNDLED, "event", "raid-begins") == (
        "About 500 troops deployed against Pérez's group\n"
        "Date: around 04:00 (VST, UTC-04:00), Monday 15 January 2018\n"
        "Place: El Junquito, Capital District, Venezuela\n"
        "Sources:\n"
        "  1. El Junquito raid — Wikipedia. https://en.wikipedia.org/wiki/El_Junquito_raid\n"
        "From: El Junquito raid: a chronology (event raid-begins)\n"
        "Reopen: junquito-tui --event raid-begins\n"
    )


@given(whens())
@settings(max_examples=200, deadline=None)
def test_the_date_is_exactly_as_precise_as_the_data(when: dict[str, Any]) -> None:
    document = copy.deepcopy(MINIMAL_EVENT)
    document["events"][0]["when"] = when
    date = line(cite(chronology_of(document), "event", "e"), "Date: ")
    precision = when["precision"]
    parts = When(**when).parts()
    assert date.startswith("Date: around ") == when["approximate"]
    has_month = any(month in date for month in MONTHS)
    assert has_month == (precision != "year")
    assert bool(re.search(r"\b\d{2}:\d{2} \(", date)) == (precision == "minute")
    assert (f"UTC{when.get('utc_offset')}" in date) == (precision == "minute")
    if precision in ("day", "minute"):
        assert f" {parts[2]} {MONTHS[parts[1] - 1]} " in date
    else:
        assert not re.search(r"\b\d{1,2} (" + "|".join(MONTHS) + ")", date)  # never a day not in the data


MINIMAL_EVENT: dict[str, Any] = {
    "schema_version": 1,
    "title": "T",
    "timezone": "UTC",
    "sources": [
        {"id": "s1", "title": "Report", "kind": "investigation", "author": "A. Writer", "url": "https://example.org/r"},
        {"id": "s2", "title": "Leaflet", "kind": "document"},
    ],
    "actors": [{"id": "who", "name": "Someone", "kind": "person"}],
    "events": [
        {
            "id": "e",
            "title": "An event",
            "when": {"date": "2017-06", "precision": "month"},
            "sources": ["s1", "s2"],
            "actors": [{"actor": "who", "role": "subject"}],
        }
    ],
    "quotes": [{"id": "q", "text": "Words, verbatim.", "speaker": "who", "event": "e", "source": "s1"}],
}


def test_sources_with_titles_and_urls() -> None:
    text = cite(chronology_of(MINIMAL_EVENT), "event", "e")
    assert "  1. Report — A. Writer. https://example.org/r\n  2. Leaflet\n" in text


def test_quote_citation_reopens_on_its_event_page() -> None:
    text = cite(chronology_of(MINIMAL_EVENT), "quote", "q", data_path="my data.json")
    assert text.startswith("\u201cWords, verbatim.\u201d\nSpeaker: Someone\nDate: June 2017\nEvent: An event\n")
    assert text.endswith("From: T (quote q)\nReopen: junquito-tui --data 'my data.json' --event e\n")


def test_quote_text_for_copying() -> None:
    assert quote_text(chronology_of(MINIMAL_EVENT), "q") == (
        "\u201cWords, verbatim.\u201d\n\u2014 Someone, June 2017. Source: Report — A. Writer. https://example.org/r\n"
    )
    document = copy.deepcopy(MINIMAL_EVENT)
    document["quotes"][0]["speaker"] = None
    assert "\u2014 no speaker named, June 2017." in quote_text(chronology_of(document), "q")


def test_actor_citation_spans_their_dated_events() -> None:
    document = copy.deepcopy(MINIMAL_EVENT)
    later = {**document["events"][0], "id": "later", "when": {"date": "2018-01-15", "precision": "day"}}
    document["events"].append(later)
    text = cite(chronology_of(document), "actor", "who")
    assert "In 2 events, from June 2017 to Monday 15 January 2018\n" in text
    assert text.endswith("From: T (actor who)\nReopen: junquito-tui --actor who\n")


def test_a_source_has_no_page_to_reopen() -> None:
    text = cite(chronology_of(MINIMAL_EVENT), "source", "s1")
    assert text == "Report — A. Writer. https://example.org/r\nFrom: T (source s1)\n"
    assert reopen_command(chronology_of(MINIMAL_EVENT), "source", "s1") == ""


def test_undated_event_says_where_it_sits_and_claims_stay_attributed() -> None:
    stated = next(e for e in BUNDLED.events if e.when is None and e.after is not None)
    anchor = BUNDLED.event(stated.after or "")
    text = cite(BUNDLED, "event", stated.id)
    assert f"Date: not dated in the source; the source places it after \u201c{anchor.title}\u201d" in text
    reading = next(e for e in BUNDLED.events if e.when is None and e.shown_after and e.certainty != "confirmed")
    anchor = BUNDLED.event(reading.shown_after or "")
    text = cite(BUNDLED, "event", reading.id)
    shown = f"shown after \u201c{anchor.title}\u201d (order not stated by the source)"
    assert f"Date: not dated in the source; {shown}" in text
    assert f"Certainty: {reading.certainty.value}\n  claimed by " in text


def test_many_sources_are_cut_with_a_count() -> None:
    document = copy.deepcopy(MINIMAL_EVENT)
    document["sources"] = [{"id": f"s{n}", "title": f"Source {n}", "kind": "other"} for n in range(15)]
    document["events"][0]["sources"] = [f"s{n}" for n in range(15)]
    document["quotes"] = []
    text = cite(chronology_of(document), "event", "e")
    assert f"  {MAX_SOURCES}. Source {MAX_SOURCES - 1}\n  ... and 5 more\n" in text


def test_kinds_sharing_an_id() -> None:
    document = copy.deepcopy(MINIMAL_EVENT)
    document["actors"].append({"id": "e", "name": "An actor named like the event", "kind": "other"})
    assert kinds_of(chronology_of(document), "e") == ["event", "actor"]
    assert kinds_of(chronology_of(document), "nothing") == []


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(KeyError):
        cite(BUNDLED, "place", "x")


# -- what the dataset says about a date, who claims what, and how each source is known ---------------


def test_a_date_note_is_the_dataset_s_note_never_the_source_s_words() -> None:
    """The note may infer ('so presumably the same day'): the citation calls it a note, as the event
    page (the note under the date) and the Markdown export ('date — note') do."""
    assert line(cite(BUNDLED, "event", "helicopter-flight"), "Date: ") == (
        "Date: around Tuesday 27 June 2017 (note: Not dated by the article: 'Hours after the video was "
        "released', and the video came out on the afternoon of 27 June 2017, so presumably the same day)"
    )
    assert line(cite(BUNDLED, "event", "operation-genesis"), "Date: ") == (
        "Date: Monday 18 December 2017 (note: 'On 18 December'; the year (2017) is implied by context)"
    )
    items = {"event": [e.id for e in BUNDLED.events], "actor": list(BUNDLED.actors)}
    items |= {"quote": list(BUNDLED.quotes), "source": list(BUNDLED.sources)}
    assert set(items) == set(CITABLE)
    for kind, item_ids in items.items():
        for item_id in item_ids:
            assert "the source:" not in cite(BUNDLED, kind, item_id), (kind, item_id)


def test_a_confirmed_event_keeps_its_claims() -> None:
    text = cite(BUNDLED, "event", "international-reaction")
    assert (
        "Certainty: confirmed\n"
        "  claimed by International media and Politicians and citizens around the world (some), "
        "as reported by Wikipedia: What happened at El Junquito was a massacre.\n"
    ) in text


def test_a_claim_whose_source_names_no_one_says_so() -> None:
    text = cite(BUNDLED, "event", "raid-disorganised")
    assert "  claimed by no one named, as reported by Wikipedia: The raid was badly disorganised:" in text
    assert "unnamed" not in text  # no anonymous sources the article does not speak of


def test_every_bundled_claim_is_cited_with_its_claimants() -> None:
    for event in BUNDLED.events:
        text = cite(BUNDLED, "event", event.id)
        for claim in event.claims:
            assert f"  claimed by {said_by(BUNDLED.dataset, claim)}: {claim.statement}\n" in text
