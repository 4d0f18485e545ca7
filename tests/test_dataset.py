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
    assert {s.id for s in data.sources} == cited


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
