"""Citations: plain text, the date exactly as precise as the data, sources, id and reopening command."""

from __future__ import annotations

import copy
import re
import shlex
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts_oracle import said_by
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.citation import (
    CITABLE,
    MAX_SOURCES,
    OpenedAs,
    cite,
    kinds_of,
    quote_text,
    reopen_command,
)
from junquito_tui.core.dates import MONTHS, date_words
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.model import DATASET, When
from junquito_tui.core.provenance import ACCOUNTS_ARE
from junquito_tui.core.records import Dataset
from strategies import text as texts
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
        "Certainty: confirmed\n"  # (always said: a trial found it given for some events and not others)
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


def test_a_source_titled_by_its_address_is_cited_once(tmp_path: Any) -> None:
    # before (a trial): a sheet's source 'https://example.org/a' was cited 'https://example.org/a. https://example.org/a'
    from junquito_tui.core.loader import load_with_report

    path = tmp_path / "src.csv"
    path.write_text("date,title,source\n2018-01-15,x,https://example.org/a\n", encoding="utf-8")
    chronology = Chronology(load_with_report(path).dataset)
    text = cite(chronology, "event", chronology.events[0].id)
    assert "  2. https://example.org/a\n" in text


def test_quote_citation_reopens_on_its_event_page() -> None:
    text = cite(chronology_of(MINIMAL_EVENT), "quote", "q", OpenedAs("my data.json"))
    assert text.startswith("\u201cWords, verbatim.\u201d\nSpeaker: Someone\nDate: June 2017\nEvent: An event\n")
    reopen = "Reopen: junquito-tui --data 'my data.json' --quote q\n"
    assert text.endswith(f"From: T (quote q)\n{reopen}")


def test_quote_text_for_copying() -> None:
    assert quote_text(chronology_of(MINIMAL_EVENT), "q") == (
        "\u201cWords, verbatim.\u201d\n\u2014 Someone; quoted for the event \u201cAn event\u201d, June 2017. "
        "Source: Report — A. Writer. https://example.org/r\n"
    )
    document = copy.deepcopy(MINIMAL_EVENT)
    document["quotes"][0]["speaker"] = None
    assert "\u2014 no speaker named; quoted for the event" in quote_text(chronology_of(document), "q")


def test_quote_text_keeps_the_context_and_the_date_s_note() -> None:
    # a user trial: Article 350 of the constitution was pasted as said around 27 June 2017, the date of the flight
    # it is quoted for, its context ('Article 350 of the constitution') left out; so was the note of an implied year
    document = copy.deepcopy(MINIMAL_EVENT)
    document["quotes"][0]["context"] = "Article 350 of the constitution."
    document["events"][0]["when"]["note"] = "the year is implied by context"
    text = quote_text(chronology_of(document), "q")
    assert "June 2017 (note: the year is implied by context). Context: Article 350 of the constitution. Source:" in text


def test_actor_citation_spans_their_dated_events() -> None:
    document = copy.deepcopy(MINIMAL_EVENT)
    later = {**document["events"][0], "id": "later", "when": {"date": "2018-01-15", "precision": "day"}}
    document["events"].append(later)
    text = cite(chronology_of(document), "actor", "who")
    assert "In 2 events, from June 2017 to Monday 15 January 2018\n" in text
    assert text.endswith("From: T (actor who)\nReopen: junquito-tui --actor who\n")


def test_an_actor_citation_ends_where_an_untimed_event_of_the_last_day_may_end() -> None:
    # before (found by a review): 'to 04:00 (VST), Monday 15 January 2018' with an untimed event of that day
    # among the actor's, which may come after 04:00: an order the source never gives
    document = copy.deepcopy(MINIMAL_EVENT)
    for number, when in enumerate(
        [
            {"date": "2018-01-15", "precision": "day"},
            {"date": "2018-01-15T04:00", "precision": "minute", "utc_offset": "-04:00"},
        ]
    ):
        document["events"].append({**document["events"][0], "id": f"e{number}", "when": when})
    assert "In 3 events, from June 2017 to Monday 15 January 2018\n" in cite(chronology_of(document), "actor", "who")


def test_an_actor_citation_reaches_a_period_s_end_and_counts_the_undated() -> None:
    # before (a trial): 'In 21 events, from around June 2017 to Tuesday 16 January 2018' left 7 undated events
    # out of the span unsaid; and a period's end was not reached
    document = copy.deepcopy(MINIMAL_EVENT)
    period = {**document["events"][0], "id": "long", "when": {"date": "2017-07", "precision": "month"}}
    period["end"] = {"date": "2018-02", "precision": "month"}
    undated = {**document["events"][0], "id": "later", "when": None, "shown_after": "long"}
    document["events"] += [period, undated]
    text = cite(chronology_of(document), "actor", "who")
    assert "In 3 events, from June 2017 to February 2018; 1 of them not dated in the source\n" in text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(whens(), min_size=1, max_size=6))
def test_an_actor_citations_span_reaches_every_event_it_names(drawn: list[dict[str, Any]]) -> None:
    # the oracle: the span ends with the event that may end latest (by its end key); no event of the
    # actor's may end after what the citation says is their last
    document = copy.deepcopy(MINIMAL_EVENT)
    document["events"] = [{**document["events"][0], "id": f"e{n}", "when": when} for n, when in enumerate(drawn)]
    del document["quotes"]
    chronology = chronology_of(document)
    latest = max((event.when for event in chronology.events if event.when), key=lambda when: when.end_key())
    span = line(cite(chronology, "actor", "who"), f"In {len(drawn)} event")
    assert span.endswith(date_words(latest))


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
    assert f"Certainty of the event: {reading.certainty.value}\nAccounts ({ACCOUNTS_ARE}):\n  claimed by " in text


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

WIKIPEDIA = "El Junquito raid — Wikipedia. https://en.wikipedia.org/wiki/El_Junquito_raid"
BELLINGCAT = "Bellingcat's findings (named in the article; no title, date or address given)"
FORENSIC = "Forensic Architecture's findings (named in the article; no title, date or address given)"


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


def test_a_claim_known_second_hand_is_cited_as_reported_and_its_works_as_not_read() -> None:
    assert cite(BUNDLED, "event", "alleged-executions") == (
        "Members of the group likely executed by troops, according to Bellingcat and Forensic Architecture\n"
        "Date: Monday 15 January 2018 (note: No time given. The article reports it in the sentence on the "
        "group's succumbing around 12:00 PM VST, joined to it by 'with' ('with members of the group likely "
        "being executed by troops according to Bellingcat and Forensic Architecture'), which states no order)\n"
        "Place: El Junquito, Capital District, Venezuela\n"
        "Certainty of the event: alleged\n"
        "Accounts (claims, not established as fact; in the dataset's words, not quotations):\n"
        "  claimed by Bellingcat and Forensic Architecture, as reported by Wikipedia: "
        "Members of Pérez's group were likely executed by troops.\n"
        f"    citing: {BELLINGCAT}, cited in El Junquito raid (Wikipedia), not read; "
        f"{FORENSIC}, cited in El Junquito raid (Wikipedia), not read\n"
        "Sources:\n"
        f"  1. {WIKIPEDIA}\n"
        f"  2. {BELLINGCAT} — Bellingcat; known only as cited in El Junquito raid (Wikipedia), not read\n"
        f"  3. {FORENSIC} — Forensic Architecture; known only as cited in El Junquito raid (Wikipedia), not read\n"
        "From: El Junquito raid: a chronology (event alleged-executions)\n"
        "Reopen: junquito-tui --event alleged-executions\n"
    )


def test_a_source_known_second_hand_is_never_cited_as_read() -> None:
    assert cite(BUNDLED, "source", "bellingcat-investigation") == (
        f"{BELLINGCAT} — Bellingcat; known only as cited in El Junquito raid (Wikipedia), not read\n"
        "From: El Junquito raid: a chronology (source bellingcat-investigation)\n"
    )
    sources = cite(BUNDLED, "event", "italian-front-pages").split("Sources:\n")[1].split("From: ")[0]
    rows = sources.splitlines()
    assert rows[0] == f"  1. {WIKIPEDIA}" and len(rows) == 5
    assert all(row.endswith("; known only as cited in El Junquito raid (Wikipedia), not read") for row in rows[1:])


def test_a_confirmed_event_keeps_its_claims() -> None:
    # the event's certainty apart from its accounts' (a trial read 'Certainty: confirmed' over the massacre claim)
    text = cite(BUNDLED, "event", "international-reaction")
    assert (
        "Certainty of the event: confirmed\n"
        "Accounts (claims, not established as fact; in the dataset's words, not quotations):\n"
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


SECOND_HAND: dict[str, Any] = {
    "schema_version": 1,
    "title": "Second hand",
    "timezone": "UTC",
    "sources": [
        {"id": "paper", "title": "The paper", "kind": "news-outlet", "publisher": "Daily", "url": "https://x.org/p"},
        {"id": "memo", "title": "A memo", "kind": "document", "publisher": "Ministry", "cited_in": "paper"},
        {"id": "leak", "title": "A leaked draft", "kind": "document", "cited_in": "memo"},
    ],
    "actors": [{"id": "bob", "name": "Bob", "kind": "person"}],
    "events": [
        {
            "id": "e",
            "title": "Something said",
            "when": {"date": "2017-06", "precision": "month", "approximate": True, "note": "so presumably June"},
            "sources": ["paper"],
            "certainty": "disputed",
            "claims": [
                {"by": ["bob"], "statement": "It happened.", "source": "paper", "cited": ["memo"]},
                {"by": [], "statement": "It did not.", "source": "memo", "cited": ["leak"]},
            ],
        }
    ],
    "quotes": [{"id": "q", "text": "Said by Bob", "speaker": "bob", "event": "e", "source": "leak"}],
}


def test_a_hostile_chain_of_second_hand_sources() -> None:
    """A quote from a source known through one known through another: never cited as read, and
    what was read (the paper) is listed with it."""
    chronology = chronology_of(SECOND_HAND)
    memo = "A memo — Ministry; known only as cited in The paper (Daily), not read"
    leak = "A leaked draft; known only as cited in A memo (Ministry), cited in The paper (Daily), not read"
    assert cite(chronology, "quote", "q") == (
        "\u201cSaid by Bob\u201d\nSpeaker: Bob\nDate: around June 2017 (note: so presumably June)\n"
        f"Event: Something said\nSources:\n  1. {leak}\n  2. {memo}\n  3. The paper — Daily. https://x.org/p\n"
        "From: Second hand (quote q)\nReopen: junquito-tui --quote q\n"
    )
    said = "Bob; quoted for the event \u201cSomething said\u201d, around June 2017 (note: so presumably June)"
    assert quote_text(chronology, "q") == f"\u201cSaid by Bob\u201d\n\u2014 {said}. Source: {leak}\n"
    text = cite(chronology, "event", "e")
    assert (
        "  claimed by Bob, as reported by Daily: It happened.\n"
        "    citing: A memo, cited in The paper (Daily), not read\n"
        "  claimed by A leaked draft (as cited; no person named), as reported by Ministry, as reported by Daily: "
        "It did not.\n"
        "    citing: A leaked draft, cited in A memo (Ministry), cited in The paper (Daily), not read\n"
        f"Sources:\n  1. The paper — Daily. https://x.org/p\n  2. {memo}\n  3. {leak}\n"
    ) in text


def test_the_review_s_hostile_quote_is_cited_as_known_second_hand() -> None:
    """The reviewer's case: a quote's source (src-b, cited_in src-a) was listed as if read."""
    document = {
        "schema_version": 1,
        "title": "Hostile [x](javascript:alert(1)) test",
        "timezone": "UTC",
        "sources": [
            {"id": "src-a", "title": "Src ![img](http://evil/x.png) A", "kind": "news-outlet", "publisher": "Pub"},
            {"id": "src-b", "title": '=HYPERLINK("http://evil")', "kind": "investigation", "publisher": "B"}
            | {"cited_in": "src-a"},
        ],
        "actors": [{"id": "bob", "name": "Bob](http://evil)", "kind": "person"}],
        "events": [{"id": "e1", "title": "!Title", "when": {"date": "2017-06", "precision": "month"}}],
        "quotes": [{"id": "q2", "text": "Said by bob", "speaker": "bob", "event": "e1", "source": "src-b"}],
    }
    chronology = chronology_of(document)
    second_hand = (
        '=HYPERLINK("http://evil") — B; known only as cited in Src ![img](http://evil/x.png) A (Pub), not read'
    )
    assert f"Sources:\n  1. {second_hand}\n  2. Src ![img](http://evil/x.png) A — Pub\n" in cite(
        chronology, "quote", "q2"
    )
    assert quote_text(chronology, "q2").endswith(f"Source: {second_hand}\n")


@st.composite
def provenance_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Datasets with sources cited in others (chains), claims of every certainty (confirmed too),
    unattributed claims, claims read in second-hand sources, date notes and quotes."""
    sources: list[dict[str, Any]] = []
    for number in range(draw(st.integers(1, 5))):
        title = f"S{number}: {draw(texts)}"  # each source's row found by its start
        source: dict[str, Any] = {"id": f"s{number}", "title": title, "kind": "other"}
        if draw(st.booleans()):
            source["publisher"] = draw(texts)
        if draw(st.booleans()):
            source["url"] = f"https://example.org/{number}"
        if number and draw(st.booleans()):
            source["cited_in"] = f"s{draw(st.integers(0, number - 1))}"
        sources.append(source)
    by_id = {s["id"]: s for s in sources}

    def outers(source_id: str) -> list[str]:
        found = []
        while "cited_in" in by_id[source_id]:
            source_id = by_id[source_id]["cited_in"]
            found.append(source_id)
        return found

    ids = list(by_id)
    actors = [{"id": f"a{n}", "name": draw(texts), "kind": "person"} for n in range(3)]
    events, quotes = [], []
    for number in range(draw(st.integers(1, 3))):
        when = draw(whens())
        if draw(st.booleans()):
            when["note"] = draw(texts)
        listed = draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
        event: dict[str, Any] = {
            "id": f"e{number}",
            "title": draw(texts),
            "when": when,
            "sources": list(dict.fromkeys(s for source_id in listed for s in [source_id, *outers(source_id)])),
            "certainty": draw(st.sampled_from(["confirmed", "reported", "alleged", "disputed"])),
        }
        claims = []
        for _ in range(draw(st.integers(0 if event["certainty"] == "confirmed" else 1, 3))):
            claim: dict[str, Any] = {
                "by": draw(st.lists(st.sampled_from([a["id"] for a in actors]), max_size=2, unique=True)),
                "statement": draw(texts),
            }
            if draw(st.booleans()):
                claim["source"] = draw(st.sampled_from(ids))
                citing = [s for s in ids if claim["source"] in outers(s)]
                claim["cited"] = draw(st.lists(st.sampled_from(citing), unique=True)) if citing else []
            claims.append(claim)
        if claims:
            event["claims"] = claims
        events.append(event)
        if draw(st.booleans()):
            quotes.append(
                {"id": f"q{number}", "text": draw(texts), "event": f"e{number}", "source": draw(st.sampled_from(ids))}
            )
    return {
        "schema_version": 1,
        "title": "T",
        "timezone": "UTC",
        "sources": sources,
        "actors": actors,
        "events": events,
        "quotes": quotes,
    }


def source_rows(citation: str) -> list[str]:
    if "Sources:\n" not in citation:
        return []
    # the heading, a line of its own: a claim's words or a publisher may be 'Sources:' too (generated ones were)
    section = re.split(r"(?m)^Sources:\n", citation)[-1]
    return [row for row in section.split("\nFrom: ")[0].splitlines()]


def check_sources(dataset: Dataset, citation: str, source_ids: list[str]) -> None:
    """Each source is listed; one known second-hand says it is cited in the source it is known
    through, and not read; the source it is known through is listed too."""
    rows = source_rows(citation)
    titles = {s.id: s for s in dataset.sources}
    for source_id in source_ids:
        source = titles[source_id]
        (row,) = [r for r in rows if re.match(rf"  \d+\. {re.escape(source.title)}", r)]
        rest = row[row.index(". ") + 2 + len(source.title) :]
        if source.cited_in is not None:
            outer = titles[source.cited_in]
            assert f"; known only as cited in {outer.title}" in rest and ", not read" in rest
            check_sources(dataset, citation, [outer.id])
        else:
            assert "known only as" not in rest


@given(provenance_documents())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_claim_and_every_second_hand_source_is_cited_as_it_is_known(document: dict[str, Any]) -> None:
    dataset = validate_document(document, "provenance.json")
    chronology = Chronology(dataset)
    by_id = {s.id: s for s in dataset.sources}
    for event in dataset.events:
        text = cite(chronology, "event", event.id)
        for claim in event.claims:
            through = ""
            if claim.source is not None:  # read in a source known only through others: each named
                outer = by_id[claim.source].cited_in
                while outer is not None:
                    through += f", as reported by {by_id[outer].publisher or by_id[outer].title}"
                    outer = by_id[outer].cited_in
            assert f"\n  claimed by {said_by(dataset, claim)}{through}: {claim.statement}\n" in text
            for cited in claim.cited:
                assert f"{by_id[cited].title}, cited in {by_id[by_id[cited].cited_in or ''].title}" in text
        listed = [*event.sources, *(s for c in event.claims for s in [*([c.source] if c.source else []), *c.cited])]
        check_sources(dataset, text, listed)
        for when in (event.when, event.end):
            if when is not None and when.note:
                assert f" (note: {when.note})" in text
                assert f"(the source: {when.note}" not in text
    for quote in dataset.quotes:
        check_sources(dataset, cite(chronology, "quote", quote.id), [quote.source])
        copied = quote_text(chronology, quote.id)
        source = by_id[quote.source]
        if source.cited_in is not None:
            assert f"; known only as cited in {by_id[source.cited_in].title}" in copied and ", not read" in copied


def test_every_reopen_line_is_a_command_the_shell_reads() -> None:
    # before (a review): 'Reopen: junquito-tui --event e (the event it belongs to)' failed in a shell
    for kind, item_ids in (("event", BUNDLED.position), ("actor", BUNDLED.actors), ("quote", BUNDLED.quotes)):
        for item_id in item_ids:
            reopen = cite(BUNDLED, kind, item_id).rsplit("Reopen: ", 1)[1].rstrip("\n")
            assert shlex.split(reopen, comments=True) == ["junquito-tui", f"--{kind}", item_id], reopen


@pytest.mark.parametrize("name", ["=ls.json", "=it's.json", "a=b.json"])
def test_a_file_name_zsh_would_expand_is_quoted(name: str) -> None:
    # (a security trial: '--data =ls.json' was left bare, and zsh expands a word's leading '=' to a command's path)
    from junquito_tui.core.text import shell_word

    word = shell_word(name)
    assert shlex.split(word) == [name] and (word.startswith("'") or not name.startswith("="))


def test_a_file_without_certainties_is_said_to_state_its_events_not_to_confirm_them(tmp_path: Any) -> None:
    # before (a user trial): 'Certainty: confirmed' on a sheet's row sourced 'Rumour', in the citation, the page and
    # the markdown, where the sheet says nothing of certainty
    from pathlib import Path

    from junquito_tui.core.interop import (
        acled,
        csv_provenance_read,
        generic_sheet,
        timelinejs_import,
        timelinejs_sheet,
        timesketch,
    )
    from junquito_tui.core.interop.markdown_export import to_markdown
    from junquito_tui.core.loader import load_with_report
    from junquito_tui.core.provenance import FILE_STATED, FILE_STATED_NOTE

    stated = {generic_sheet.FILE_SOURCE, timelinejs_sheet.FILE_SOURCE, timelinejs_import.FILE_SOURCE}
    # each import's own id for the file; and our CSV's rows that came from such a file
    assert stated | {timesketch.FILE_SOURCE, csv_provenance_read.FILE_LISTED} == FILE_STATED
    assert not {acled.FILE_SOURCE, csv_provenance_read.FILE_SOURCE} & FILE_STATED  # they give a certainty
    sheet = Path(tmp_path) / "news.csv"
    sheet.write_text("date,event,source\n2018-01-15,Leaflets,Rumour\n", encoding="utf-8")
    chronology = Chronology(load_with_report(sheet).dataset)
    event = chronology.events[0]
    assert f"\nCertainty: confirmed ({FILE_STATED_NOTE})\n" in cite(chronology, "event", event.id)
    assert f"**Certainty:** confirmed ({FILE_STATED_NOTE})" in to_markdown(chronology, chronology.events)
    bundled = Chronology(load_dataset())  # the article states its events: no such words
    assert "\nCertainty: confirmed\n" in cite(bundled, "event", "raid-begins")
    # nor through our CSV: a round trip made the row plainly confirmed (a trial), and so would a second one
    from junquito_tui.core.interop import export_text

    for round_trip in (1, 2):
        exported = Path(tmp_path) / f"round-{round_trip}.csv"
        exported.write_text(export_text(chronology, "csv"), encoding="utf-8")
        chronology = Chronology(load_with_report(exported).dataset)
        assert f"\nCertainty: confirmed ({FILE_STATED_NOTE})\n" in cite(chronology, "event", event.id)
    from junquito_tui.core.search import SearchIndex

    results = SearchIndex(chronology).search("certainty:confirmed")
    assert "certainty:confirmed takes 1 event confirmed only as a file lists it, with no certainty of its own read" in (
        results.hints
    )
    assert SearchIndex(bundled).search("certainty:confirmed").hints == []


def test_quote_text_of_an_undated_event_says_what_places_it() -> None:
    # a re-trial: 'undated' alone, where cite says what the source orders the event after
    chronology = Chronology(load_dataset())
    stated = quote_text(chronology, "lead-for-terrorist-groups")
    assert 'undated (after \u201cPérez carries out "Operation Genesis"' in stated and "as the source states)" in stated
    shown = quote_text(chronology, "order-fulfilled")
    assert "undated (shown after \u201c" in shown and "in reading order, not a claim)" in shown
