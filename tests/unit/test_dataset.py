"""The bundled El Junquito dataset: integrity and fidelity to the seed article."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUNDLED, SEED
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset
from junquito_tui.core.model import ActorKind, Certainty, Precision, RelationType
from seed_text import copied_runs, normalise, prose, quoted_spans, runs_of, states_order, word_runs


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
        # (the article's words, elided where a note joins two sentences: each piece verbatim, in the article's order)
        at = 0
        for piece in " ".join(event.order_note.split()).split(" ... "):
            at = seed.find(piece, at)
            assert at >= 0, f"{event.id}: order_note is not verbatim in the article ({piece!r})"


def test_reading_positions_are_listed_for_review(chronology: Chronology) -> None:
    """Every event placed only by a reading position (the article does not order it), for a reviewer
    to check against the article: a new one must be added here on purpose."""
    reading = {e.id: e.reading_position for e in chronology.events if e.reading_position}
    assert reading == {
        "venezuelan-crisis": "perez-brother-murdered",
        "perez-witnesses-corruption": "perez-brother-murdered",
        "perez-considers-helicopter-protest": "perez-brother-murdered",
        "helicopter-episode-accounts": "helicopter-flight",
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
    untimed = ["rebels-killed-and-arrested", "police-colectivo-losses", "perez-attempts-surrender"]
    for event_id in [*untimed, "alleged-executions"]:  # 'with members of the group likely being executed'
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
    # the stored period held 17 January alone, though the article may mean the 18th: a filter on the
    # 18th did not find it
    end = chronology.event("civilian-deaths-revealed").end
    assert end is not None and (end.date, end.approximate) == ("2018-01-18", True)


def test_profiles_date_the_flight_as_the_article_does(chronology: Chronology) -> None:
    """Rule 5: the article dates the video (the afternoon of 27 June), the flight only 'hours after' it;
    two profiles said flatly that he flew 'on 27 June 2017'."""
    for actor_id in ("oscar-perez", "supreme-tribunal-of-justice"):
        profile = chronology.actors[actor_id].profile or ""
        assert "hours after a video released on the afternoon of 27 june 2017" in profile.lower()


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


# --- Fidelity of the prose to the seed (rules 3, 4, 9 and 10) ---------------------------------------


@pytest.fixture(scope="module")
def raw() -> Any:
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


def test_prose_copies_no_run_of_eight_words_from_the_seed(raw: Any) -> None:
    """Dataset rule 4: titles, summaries, profiles, fates, roles, claims, notes and contexts are the
    dataset's own words. Words in quotation marks are the article's on purpose (checked below)."""
    seed_runs = runs_of(_seed_text())
    copied = {path: found for path, text in prose(raw) if (found := copied_runs(text, seed_runs))}
    assert copied == {}


def test_words_in_quotation_marks_are_the_articles(raw: Any) -> None:
    """Whatever the prose quotes is verbatim in the article ('towards Pérez's,' with its missing word,
    'held up'); only the first letter's case may differ, as when a quote starts mid-sentence."""
    seed = _seed_text()

    def verbatim(span: str) -> bool:
        return span in seed or span[:1].swapcase() + span[1:] in seed

    wrong = [(path, span) for path, text in prose(raw) for span in quoted_spans(text) if not verbatim(span)]
    assert wrong == []


SAMPLE = (
    "Later that day the guards opened fire on the crowd near the old square. "
    'Witnesses named Ana María Pérez, Juan Carlos Soto and Luis Díaz among the dead, "a grim list".'
)


def test_the_copy_check_finds_a_copied_run_and_nothing_shorter() -> None:
    runs = runs_of(SAMPLE)
    assert copied_runs("Then the guards opened fire on the crowd near the old gate.", runs) == [
        "guards opened fire on the crowd near the",
        "opened fire on the crowd near the old",
        "the guards opened fire on the crowd near",
    ]
    # a sentence-opening capital is an ordinary word, on both sides
    assert copied_runs("The guards opened fire on the crowd near a gate.", runs) == [
        "the guards opened fire on the crowd near",
    ]
    assert copied_runs("So guards opened fire on the crowd near a gate.", runs) == []  # seven words


def test_the_copy_check_forgives_lists_of_names_and_quotations() -> None:
    runs = runs_of(SAMPLE)
    names = "Among the dead: Ana María Pérez, Juan Carlos Soto and Luis Díaz, the witnesses said."
    assert copied_runs(names, runs) == []
    assert copied_runs("They say 'the guards opened fire on the crowd near the old square'.", runs) == []
    assert quoted_spans("Pérez's men, 'his former boss', \"Operation Genesis\", the rebels' home, 'Pérez's'.") == [
        "his former boss",
        "Operation Genesis",
        "Pérez's",
    ]


def _naive_copies(text: str, source: str, size: int) -> set[str]:
    """The oracle: every window of the text's stretches, searched by brute force in the source's."""
    found = set()
    for words in word_runs(text):
        for i in range(len(words) - size + 1):
            window = words[i : i + size]
            for other in word_runs(source):
                if any(other[j : j + size] == window for j in range(len(other) - size + 1)):
                    found.add(" ".join(window))
    return found


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), min_size=1, max_size=8), st.integers(3, 9))
def test_the_copy_check_agrees_with_a_brute_force_search(pieces: list[tuple[int, int]], size: int) -> None:
    """Texts stitched from slices of the sample (so some windows are copied and some straddle a
    seam) are checked exactly as a brute-force search over every window finds them."""
    words = [w for stretch in word_runs(SAMPLE) for w in stretch]
    text = " ".join(" ".join(words[start : start + length]) for start, length in pieces) or "x"
    assert set(copied_runs(text, runs_of(SAMPLE, size), size)) == _naive_copies(text, SAMPLE, size)


def test_every_stated_order_has_a_word_that_states_an_order(chronology: Chronology) -> None:
    """Dataset rule 9: 'after' rests on words that put one event after another ('Hours after',
    'then', 'one day later'), not on 'while' or 'with', which join two things without ordering them."""
    stated = [e for e in chronology.events if e.stated_order]
    assert [e.id for e in stated if not states_order(e.order_note or "")] == []


def test_simultaneity_and_attribution_do_not_state_an_order() -> None:
    """The order notes the dataset once had for 'after', which stated no order."""
    assert not states_order("While the helicopter was near the Supreme Court, gunfire was heard in the area")
    assert not states_order("President Maduro stated that a military rebellion had occurred")
    assert not states_order(
        "Pérez's group succumbed to the Venezuelan forces around 12:00 PM VST, with members of the group likely "
        "being executed by troops"
    )
    assert all(states_order(n) for n in ["Hours after the video was released", "President Maduro responded, stating"])


RELATIVE = re.compile(r"\b(?:(?:\w+ )?(?:hours?|days?|weeks?) (?:later|after)|then|after \w+ing)\b", re.IGNORECASE)


def test_every_relative_time_in_the_article_is_a_stated_order(chronology: Chronology) -> None:
    """Dataset rules 2 and 9: each 'one day later', 'Two days later', 'Hours after', 'then' and 'after
    discovering' of the article is the order_note of some event (its words cover the phrase)."""
    seed = _seed_text()
    covered = [
        (m.start(), m.end())
        for e in chronology.events
        if e.order_note
        for m in re.finditer(re.escape(normalise(e.order_note)), seed)
    ]
    phrases = list(RELATIVE.finditer(seed))
    assert len(phrases) >= 7  # the pattern still finds what it was written for
    missing = [m.group() for m in phrases if not any(s <= m.start() and m.end() <= e for s, e in covered)]
    assert missing == []


def test_the_stated_orders_after_the_raid(chronology: Chronology) -> None:
    """'one day later' and 'Two days later' order the confirmation and the revelation after the deaths."""
    for event_id in ("perez-death-confirmed", "civilian-deaths-revealed"):
        event = chronology.event(event_id)
        assert event.after == "rebels-killed-and-arrested" and event.when is not None
        assert chronology.position[event_id] > chronology.position["raid-ends"]


def test_a_day_the_article_only_implies_is_approximate(chronology: Chronology) -> None:
    """Dataset rule 5: the flight was 'Hours after' a video of the afternoon of 27 June, so most likely
    that day but not certainly; the gunfire was during the flight."""
    for event_id in ("helicopter-flight", "gunfire-near-supreme-court"):
        when = chronology.event(event_id).when
        assert when is not None and when.date == "2017-06-27"
        assert when.approximate and "presumably" in (when.note or ""), event_id


def test_relations_say_what_they_rest_on_and_do_not_make_the_past_present(chronology: Chronology) -> None:
    """A relation reads in the present ('boss of', 'official of'): one the article puts in the past
    ('his former boss', 'former President') must say so in its type, not only in its note."""
    in_the_past_ok = {RelationType.FORMER_MEMBER_OF, RelationType.RELATED_TO}
    for actor in chronology.dataset.actors:
        for relation in actor.relations:
            assert relation.note, (actor.id, relation.target)
            if re.search(r"\bformer(ly)?\b", relation.note, re.IGNORECASE):
                assert relation.type in in_the_past_ok, (actor.id, relation.target)


def test_countries_are_not_sides(chronology: Chronology) -> None:
    """The article lists countries where criticism came from; no country takes a side in the data."""
    assert [a.id for a in chronology.dataset.actors if a.kind == ActorKind.COUNTRY and a.side is not None] == []


@pytest.mark.parametrize(
    ("event_id", "actor_id"),
    [
        ("perez-video-fired-upon", "government-forces"),  # 'his group had been fired upon': by whom is not said
        ("extrajudicial-killing-accusations", "perez-group"),  # the accusations name no one killed
    ],
)
def test_no_participant_the_article_does_not_name(chronology: Chronology, event_id: str, actor_id: str) -> None:
    """Dataset rule 10."""
    assert actor_id not in {p.actor for p in chronology.event(event_id).actors}


def test_unnamed_co_speakers_are_not_given_a_name(chronology: Chronology) -> None:
    """'with Pérez and others saying that …': the others are unnamed, so only Pérez is a speaker."""
    event = chronology.event("perez-bloodied-video")
    assert [c.by for c in event.claims] == [("oscar-perez",), ("oscar-perez",)]
    assert event.claims[1].statement.startswith("(He and unnamed others said)")
    roles = {p.actor: p.role for p in event.actors}
    assert "speak" not in roles["perez-group"]
