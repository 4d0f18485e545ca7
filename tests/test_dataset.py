"""The bundled El Junquito dataset: integrity and fidelity to the seed article."""

from __future__ import annotations

import itertools
import re

import pytest

from conftest import SEED
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import Certainty, Precision


@pytest.fixture(scope="module")
def chronology() -> Chronology:
    return Chronology(load_dataset())


def test_every_actor_takes_part_somewhere(chronology: Chronology) -> None:
    speakers = {q.speaker for q in chronology.dataset.quotes}
    idle = [a.id for a in chronology.dataset.actors if a.id not in chronology.appearances and a.id not in speakers]
    assert idle == []


def test_every_source_is_cited(chronology: Chronology) -> None:
    data = chronology.dataset
    cited = {s for e in data.events for s in e.sources} | {q.source for q in data.quotes}
    cited |= {c.source for e in data.events for c in e.claims if c.source}
    cited |= {s for e in data.events for c in e.claims for s in c.cited}
    assert {s.id for s in data.sources} == cited


def test_sources_named_by_the_article_are_known_only_through_it(chronology: Chronology) -> None:
    """Dataset rule 7: Bellingcat, Forensic Architecture and the Italian papers were not read."""
    article = "wikipedia-el-junquito-raid"
    second_hand = {s.id for s in chronology.dataset.sources if s.id != article}
    assert second_hand and all(chronology.sources[s].cited_in == article for s in second_hand)
    assert all(chronology.sources[s].url is None for s in second_hand)  # no address the article does not give
    note = chronology.sources[article].note or ""
    assert "one fixed revision" in note and "may have changed" in note
    for event in chronology.events:
        for claim in event.claims:
            assert claim.source == article, (event.id, claim)  # a claim's source is what was read


def test_one_attribution_is_one_claim(chronology: Chronology) -> None:
    """'according to Bellingcat and Forensic Architecture' is one finding by both, not two."""
    claims = chronology.event("alleged-executions").claims
    assert [c.by for c in claims] == [("bellingcat", "forensic-architecture")]
    assert set(claims[0].cited) == {"bellingcat-investigation", "forensic-architecture-investigation"}


def test_every_quote_has_an_existing_event_and_speaker(chronology: Chronology) -> None:
    for quote in chronology.dataset.quotes:
        assert quote.event in chronology.position
        assert quote.speaker is None or quote.speaker in chronology.actors


def test_chronology_is_consistent(chronology: Chronology) -> None:
    dated = [e for e in chronology.events if e.when is not None]
    for earlier, later in itertools.pairwise(dated):
        assert earlier.when is not None and later.when is not None
        # a later event's period may not end before an earlier one's starts
        assert later.when.end_key() >= earlier.when.sort_key(), (earlier.id, later.id)
    for event in chronology.events:
        if event.after:
            assert chronology.position[event.after] < chronology.position[event.id]
        if event.before:
            assert chronology.position[event.before] > chronology.position[event.id]


def test_raid_day_times_are_approximate_and_in_vst(chronology: Chronology) -> None:
    timed = [e.when for e in chronology.events if e.when and e.when.precision == Precision.MINUTE]
    assert [w.date[-5:] for w in timed] == ["04:00", "06:45", "08:30", "09:07", "11:45", "12:00"]
    assert all(w.approximate and w.utc_offset == "-04:00" and w.zone_label == "VST" for w in timed)


def test_unconfirmed_events_say_who_claims_them(chronology: Chronology) -> None:
    for event in chronology.events:
        if event.certainty != Certainty.CONFIRMED:
            assert event.claims, event.id


def _seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the seed article is not beside this checkout")
    return re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8"))


def test_every_stated_order_quotes_the_article(chronology: Chronology) -> None:
    """Dataset rule 9: an order shown as the source's has a note with the article's own words."""
    seed = _seed_text()
    stated = [e for e in chronology.events if e.stated_order]
    assert stated
    for event in stated:
        assert event.order_note, f"{event.id}: 'after'/'before' without the article's words in order_note"
        assert " ".join(event.order_note.split()) in seed, f"{event.id}: order_note is not verbatim in the article"


def test_reading_positions_are_listed_for_review(chronology: Chronology) -> None:
    """Every event placed only by a reading position (the article does not order it), for a reviewer
    to check against the article: a new one must be added here on purpose."""
    reading = {e.id: e.reading_position for e in chronology.events if e.reading_position}
    assert reading == {
        "venezuelan-crisis": "perez-brother-murdered",
        "perez-witnesses-corruption": "perez-brother-murdered",
        "perez-considers-helicopter-protest": "perez-brother-murdered",
        "morgue-observation": "perez-death-confirmed",
        "death-certificates": "perez-death-confirmed",
        **dict.fromkeys(
            [
                "evidence-withheld",
                "home-destroyed",
                "public-outrage",
                "extrajudicial-killing-accusations",
                "maduro-applauds-operation",
                "opposition-condemns-killing",
                "international-reaction",
                "italian-front-pages",
            ],
            "civilian-deaths-revealed",
        ),
    }
    assert all(chronology.event(e).when is None for e in reading)


def test_untimed_deaths_are_not_placed_after_the_timed_surrender(chronology: Chronology) -> None:
    """Dataset rule 9: deaths the article does not time sit in the day's unordered group."""
    surrender = chronology.position["raid-ends"]
    for event_id in ("rebels-killed-and-arrested", "police-colectivo-losses", "perez-attempts-surrender"):
        event = chronology.event(event_id)
        assert not event.stated_order and event.reading_position is None
        assert chronology.position[event_id] < chronology.position["raid-begins"] < surrender


def test_the_video_statement_has_no_speaker(chronology: Chronology) -> None:
    """Dataset rule 10: 'a video was released showing men ... stating that' names no speaker."""
    quote = chronology.quotes["nationalists-patriots-statement"]
    assert quote.speaker is None and "does not say who speaks" in quote.context
    assert "perez-group" not in {p.actor for p in chronology.event(quote.event).actors}


def test_relative_two_days_later_is_approximate(chronology: Chronology) -> None:
    when = chronology.event("civilian-deaths-revealed").when
    assert when is not None and when.approximate and "17 January" in (when.note or "")
    assert "18 January" in (when.note or "")


def test_quotes_are_verbatim_from_the_seed(chronology: Chronology) -> None:
    seed = _seed_text()
    for quote in chronology.dataset.quotes:
        assert f'"{quote.text}' in seed, quote.id


def test_every_quotation_in_the_seed_is_a_quote(chronology: Chronology) -> None:
    seed = _seed_text()
    quoted = re.findall(r'"([^"]+)"', seed)
    texts = [q.text for q in chronology.dataset.quotes]
    titles = " ".join(e.title for e in chronology.events)
    for passage in quoted:
        # a name in quotation marks ("Operation Genesis") is kept in an event title instead
        assert any(passage.rstrip(".") in t for t in texts) or passage in titles, passage


def test_named_people_of_the_seed_are_actors(chronology: Chronology) -> None:
    names = {a.name for a in chronology.dataset.actors}
    for person in [
        "Óscar Pérez",
        "Nicolás Maduro",
        "Hugo Chávez",
        "Néstor Reverol",
        "Daniel Enrique Soto Torres",
        "Abraham Lugo Ramos",
        "Jairo Lugo Ramos",
        "José Alejandro Díaz Pimentel",
        "Abraham Israel Agostini",
        "Andrés Pastrana",
        "Marco Rubio",
        "Antonio Ledezma",
        "Luisa Ortega Díaz",
    ]:
        assert person in names, person
