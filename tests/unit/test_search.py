"""The search engine: folding, tokenizing, each query feature, ranking, and properties."""

from __future__ import annotations

import datetime as dt
import string
from calendar import monthrange
from typing import Any

import pytest
import Stemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.folding import compound_pattern, field_words, fold, pieces, tokens, words
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.model import DATASET
from junquito_tui.core.query import parse_date_range, parse_query
from junquito_tui.core.search import EXCLUSIONS_ALONE, SearchIndex


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(Chronology(load_dataset()))


def ids(index: SearchIndex, query: str, kind: str | None = None) -> list[str]:
    return [h.id for h in index.search(query).hits if kind is None or h.kind == kind]


# -- folding and tokenizing ------------------------------------------------------
def test_fold_removes_case_and_accents() -> None:
    assert fold("Óscar PÉREZ, Operación Gedeón") == "oscar perez, operacion gedeon"
    assert fold("ﬁ") == "fi"  # compatibility forms too


def test_fold_spells_letters_whose_mark_is_in_their_shape() -> None:
    # no decomposition strips these: 'lodz' found nothing for 'Łódź'
    assert (
        fold("Łódź Søren Diyarbakır Đorđević Cœur Ærø Þingvellir")
        == "lodz soren diyarbakir dordevic coeur aero thingvellir"
    )
    assert fold("ØSTBY") == "ostby"


@pytest.mark.parametrize("typed", ["lodz", "Łódź", "LODZ", "łódź"])
def test_a_name_with_a_stroke_is_found_typed_either_way(typed: str) -> None:
    data = {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "events": [{"id": "e", "title": "Protest in Łódź", "when": {"date": "2018-01-15", "precision": "day"}}],
    }
    index = SearchIndex(Chronology(validate_document(data, "<test>")))
    (hit,) = index.search(typed, typing=False).hits
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["Łódź"]


def test_words_split_on_punctuation() -> None:
    assert words("BTR-80A arrives; Pérez's group.") == ["btr", "80a", "arrives", "perez", "s", "group"]


def test_tokens_keep_original_spans() -> None:
    text = "Operación Gedeón"
    assert [(t.term, text[t.start : t.end]) for t in tokens(text)] == [("operacion", "Operación"), ("gedeon", "Gedeón")]


def test_compounds_are_cut_into_pieces_and_matched_joined() -> None:
    assert pieces("BTR-80A") == pieces("btr80a") == ["btr", "80", "a"]
    assert pieces("perez") == ["perez"]
    pattern = compound_pattern(pieces("btr80"))
    assert pattern.search(fold("a BTR-80A here")) and pattern.search("btr80a")
    assert not pattern.search("btr 80a") and not pattern.search("xbtr80")


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


# -- the query language ------------------------------------------------------------
def test_parse_words_phrases_exclusions_and_prefix() -> None:
    query = parse_query('perez "order fulfilled" -maduro -"six others" vid')
    assert query.terms == ["perez", "vid"]
    assert query.phrases == [["order", "fulfilled"]]
    assert query.excluded_terms == ["maduro"]
    assert query.excluded_phrases == [["six", "others"]]
    assert query.prefix_last is True
    assert parse_query("perez vid ").prefix_last is False  # a space ends the word
    assert parse_query("perez vid", typing=False).prefix_last is False


def test_parse_fields() -> None:
    query = parse_query('actor:"marco rubio" kind:quotes tag:Raid date:2017-06..2017-12')
    assert query.actors == ["marco rubio"]
    assert query.kinds == {"quote"}
    assert query.tags == ["raid"]
    assert query.dates[0].text == "2017-06..2017-12"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ('"unclosed phrase', 'unclosed quote: read "unclosed phrase" as a phrase'),
        ("colour:red", "unknown field 'colour:'"),
        ("date:2018-02-30", "date:2018-02-30: 2018-02-30 is no day or month of the calendar"),
        ("date:2018-12..2018-01", "runs backwards: the earlier date comes first (date:2018-01..2018-12)"),
        ("kind:person", "kind:person is not one of event, actor, quote, source"),
        ("actor:", "actor: needs a value"),
        ("-kind:event", "-kind: cannot be excluded"),
    ],
)
def test_bad_queries_give_hints(text: str, hint: str) -> None:
    query = parse_query(text)
    assert any(hint in h for h in query.hints + query.unusable)


def test_date_ranges() -> None:
    day = parse_date_range("2018-01-15")
    assert day is not None and day.overlaps((2018, 1, 15, 240), (2018, 1, 15, 240))
    assert not day.overlaps((2018, 1, 16, -1), (2018, 1, 16, 1440))
    open_end = parse_date_range("2018-01..")
    assert open_end is not None and open_end.end is None
    assert parse_date_range("..") is not None and parse_date_range("soon") is None


@given(st.text())
def test_parser_never_raises(text: str) -> None:
    parse_query(text)


def test_compound_words_are_parsed_as_compounds() -> None:
    query = parse_query("btr-80a perez -covid19")
    assert query.compounds == [["btr", "80", "a"]] and query.terms == ["perez"]
    assert query.excluded_compounds == [["covid", "19"]]


@settings(max_examples=200)
@given(st.text(alphabet=string.printable + 'éóúñÓ"-:.', max_size=40))
def test_search_never_raises_and_results_hold_every_required_term(text: str) -> None:
    index = _bundled_index()
    results = index.search(text)
    query = results.query
    english = Stemmer.Stemmer("english")  # the bundled dataset is English: the oracle stems as the engine should

    def held(term: str, terms: set[str]) -> bool:
        return term in terms or (term not in query.literal and english.stemWord(term) in set(english.stemWords(terms)))

    assert index.stems.languages == ("english",)
    for hit in results.hits:
        folded = [fold(t) for _, t in hit.doc.fields]
        terms = {t.term for _, field_text in hit.doc.fields for t in tokens(field_text)}
        last = len(query.terms) - 1
        for i, term in enumerate(query.terms):
            if query.prefix_last and i == last:
                assert any(t.startswith(term) for t in terms) or held(term, terms), (text, hit.id, term)
            else:
                assert held(term, terms), (text, hit.id, term)
        for parts in query.compounds:
            assert any(compound_pattern(parts).search(f) for f in folded), (text, hit.id, parts)
        for term in query.excluded_terms:
            assert not held(term, terms)


_INDEX: list[SearchIndex] = []


def _bundled_index() -> SearchIndex:
    if not _INDEX:
        _INDEX.append(SearchIndex(Chronology(load_dataset())))
    return _INDEX[0]


# -- matching on the bundled dataset ------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("perez", "oscar-perez"),
        ("PÉREZ", "oscar-perez"),
        ("gedeon", "raid-launched"),
        ("operacion gedeon", "raid-launched"),
        ("btr80", "btr-80a-arrives"),
        ("btr-80a", "btr-80a-arrives"),
        ("rubio", "marco-rubio"),
        ("morgue", "morgue-observation"),
    ],
)
def test_people_find_what_they_half_remember(index: SearchIndex, query: str, expected: str) -> None:
    assert expected in ids(index, query)


def test_words_are_and(index: SearchIndex) -> None:
    both = set(ids(index, "maduro fulfilled "))
    assert both and both <= set(ids(index, "maduro ")) & set(ids(index, "fulfilled "))
    assert "raid-begins" not in both


def test_last_word_is_a_prefix_while_typing(index: SearchIndex) -> None:
    assert "morgue-observation" in ids(index, "morg")
    assert "morgue-observation" not in ids(index, "morg ")
    assert ids(index, "morgue p") == ids(index, "morgue ")  # one letter typed: not yet a word


def test_unclosed_phrase_is_a_prefix_while_typing(index: SearchIndex) -> None:
    assert "order-fulfilled" in ids(index, '"order fulf')
    assert ids(index, '"order fulf', "quote") == ids(index, '"order fulfilled"', "quote")
    assert ids(index, '"order fulf ') == []  # a space ends the word


def test_phrase_requires_adjacent_words(index: SearchIndex) -> None:
    assert ids(index, '"order fulfilled"', "quote") == ["order-fulfilled"]
    assert ids(index, '"fulfilled order"') == []


def test_exclusion(index: SearchIndex) -> None:
    with_video = ids(index, "perez video ", "event")
    without = ids(index, "perez -video", "event")
    assert with_video and not set(with_video) & set(without)


def test_kind_filter(index: SearchIndex) -> None:
    results = index.search("kind:quote")
    assert results.counts == {"quote": len(index.chronology.dataset.quotes)}


def test_actor_filter_by_id_or_name(index: SearchIndex) -> None:
    by_id = ids(index, "actor:nicolas-maduro kind:quote")
    by_name = ids(index, "actor:maduro kind:quote")
    assert by_id == by_name and "order-fulfilled" in by_id
    unknown = index.search("actor:nobody raid")
    assert unknown.unresolved == ["actor:nobody matches no actor"] and not unknown.hits  # never ignored


def test_tag_filter(index: SearchIndex) -> None:
    tagged = ids(index, "tag:raid")
    assert tagged and all("raid" in index.chronology.event(i).tags for i in tagged)


def test_date_filter_respects_precision(index: SearchIndex) -> None:
    # the brother's murder is known only to the month (mid-June 2017): a range overlapping June finds it
    assert "perez-brother-murdered" in ids(index, "date:2017-06..2017-12")
    assert "perez-brother-murdered" in ids(index, "date:2017-05..2017-06")
    assert "perez-brother-murdered" not in ids(index, "date:2017-07..2017-12")
    day = ids(index, "date:2018-01-15 kind:event")
    assert "raid-begins" in day and "perez-death-confirmed" not in day
    assert "perez-death-confirmed" in ids(index, "date:2018-01-16")


def test_results_are_grouped_by_kind_with_counts(index: SearchIndex) -> None:
    results = index.search("perez")
    kinds = [h.kind for h in results.hits]
    assert kinds == sorted(kinds, key=list(results.counts).index)  # one block per kind, in the order of counts
    assert sum(results.counts.values()) == len(results.hits)


def _tiny(**titles: str) -> SearchIndex:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "events": [
            {
                "id": key,
                "title": title,
                "summary": summary,
                "when": {"date": f"2018-01-{i + 1:02d}", "precision": "day"},
            }
            for i, (key, (title, summary)) in enumerate((k, v.split("|")) for k, v in titles.items())
        ],
    }
    return SearchIndex(Chronology(DATASET.validate_python(data)))


def test_title_match_ranks_above_body_match() -> None:
    index = _tiny(body="Something else|the helicopter flew", title="Helicopter over the court|nothing")
    assert ids(index, "helicopter ") == ["title", "body"]


def test_all_words_in_title_rank_above_some() -> None:
    index = _tiny(some="Guard post raided|the army came", all="Army raid on guard post|nothing here")
    assert ids(index, "army guard ") == ["all", "some"]


def test_exact_word_ranks_above_prefix() -> None:
    index = _tiny(prefix="Raiders arrive|x", exact="Raid begins|y")
    assert ids(index, "raid") == ["exact", "prefix"]


def test_snippet_highlights_the_matched_words(index: SearchIndex) -> None:
    hit = index.search("operacion gedeon").hits[0]
    marked = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
    assert marked == ["Operación", "Gedeón"]
    assert "\n" not in hit.snippet.text


def test_every_word_an_event_page_shows_finds_the_event(index: SearchIndex) -> None:
    # the accounts' statements, the dates' notes and the source's words for an order were shown and
    # never searched: 'discrimination' (an account of the raid) found nothing. The oracle: each word,
    # quoted (only itself), among the event's own texts
    for event in index.chronology.dataset.events:
        texts = [c.statement for c in event.claims] + [w.note for w in (event.when, event.end) if w and w.note]
        texts += [event.order_note] if event.order_note else []
        for word in {w for text in texts for w in words(text)}:
            assert event.id in ids(index, f'"{word}"', "event"), (event.id, word)
    assert "raid-disorganised" in ids(index, "discrimination")


_DATES = "2017 2017-12 2018 2018-01 2018-01-01 2018-01-14 2018-01-15 2018-01-16 2018-02 2018-12 2018-12-31"
_precise = st.sampled_from(_DATES.split())


def _period(date: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date stands for, by the calendar (not the engine's keys: a year's key sorted
    before its January's, and the year 2018 was said only to overlap 2018-01..2018-12: a review)."""
    year, month, day = [*map(int, date.split("-")), 0, 0][:3]
    last_month = month or 12
    return dt.date(year, month or 1, day or 1), dt.date(year, last_month, day or monthrange(year, last_month)[1])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_precise, st.one_of(st.none(), _precise)), min_size=1, max_size=8), _precise, _precise)
def test_a_date_filter_says_how_many_results_only_overlap_it(
    periods: list[tuple[str, str | None]], low: str, high: str
) -> None:
    # 'date:2018-01-15' listed 'Nov 2017' (a period to Feb 2018), '2018' and 'Jan 2018' among the day's
    # events, unsaid. The oracle: each event's period from its own dates, against the range's
    events, spans = [], []
    for n, (start, end) in enumerate(periods):
        if end is not None and _period(end)[1] < _period(start)[0]:
            end = None
        event: dict[str, Any] = {"id": f"e{n}", "title": "t", "when": {"date": start, "precision": _precision(start)}}
        if end is not None:
            event["end"] = {"date": end, "precision": _precision(end)}
        events.append(event)
        spans.append((_period(start)[0], _period(end or start)[1]))
    data = {"schema_version": 1, "title": "t", "timezone": "UTC", "events": events}
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    low, high = sorted([low, high], key=lambda date: _period(date)[0])
    wanted = (_period(low)[0], _period(high)[1])
    results = index.search(f"date:{low}..{high}", typing=False, limit=100)
    overlapping = [(first, last) for first, last in spans if first <= wanted[1] and last >= wanted[0]]
    wider = sum(not (wanted[0] <= first and last <= wanted[1]) for first, last in overlapping)
    assert len(results.hits) == len(overlapping)
    said = [h for h in results.hints if "dated to a month, a year or a longer period" in h]
    assert len(said) == (wider > 0) and all(h.startswith(f"{wider} only overlap") for h in said)


def _precision(date: str) -> str:
    return ["year", "month", "day"][date.count("-")]


def test_a_passage_from_an_account_or_a_note_says_what_it_is(index: SearchIndex) -> None:
    # the newly searched accounts were quoted as if they were the event's own words
    (hit,) = index.search("discrimination", typing=False).hits
    assert hit.snippet.text.startswith("Account: ") and hit.snippet.spans
    text, (start, end) = hit.snippet.text, hit.snippet.spans[0]
    assert text[start:end] == "discrimination"
    noted = [h for h in index.search("presumably", typing=False).hits if h.id == "gunfire-near-supreme-court"]
    assert noted and noted[0].snippet.text.startswith("Date note: ")
    # a tag or the place too ('reaction executions' read as the event's words: a trial)
    tagged = [h for h in index.search("executions", typing=False).hits if h.id == "extrajudicial-killing-accusations"]
    assert tagged and tagged[0].snippet.text.startswith("Tags: ")


def test_an_account_passage_names_its_claimants_as_the_dataset_names_them() -> None:
    # 'Account by oscar-perez: ' put an id a reader cannot place where the page shows a name
    data = {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "actors": [
            {"id": "jane", "name": "Jane Doe", "kind": "person"},
            {"id": "press", "name": "The Daily <b>", "kind": "organisation"},
        ],
        "events": [
            {
                "id": "e1",
                "title": "A meeting",
                "when": {"date": "2018-01-15", "precision": "day"},
                "claims": [
                    {"by": ["jane", "press"], "statement": "It was cancelled."},
                    {"statement": "Nobody was invited."},
                ],
            }
        ],
    }
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    (named,) = index.search("cancelled", typing=False).hits
    assert named.snippet.text == "Account by Jane Doe and The Daily <b>: It was cancelled."  # as the accounts view
    (unnamed,) = index.search("invited", typing=False).hits
    assert unnamed.snippet.text == "Account: Nobody was invited."


def test_words_parted_by_a_zero_width_space_or_joined_by_a_non_joiner_are_found_alone() -> None:
    # Thai and Khmer write a zero-width space between words, Persian a non-joiner before a suffix: each
    # word is found alone (removing them from folding, as the byte order mark is, merged the words)
    assert field_words("ทหาร\u200bบุก") == field_words("ทหาร บุก")
    assert "کتاب" in field_words("کتاب\u200cها")
    assert fold("Cara\ufeffcas Jun\u2060quito") == "caracas junquito"


_ZONES = st.integers(-12 * 4, 14 * 4).map(lambda quarters: dt.timezone(dt.timedelta(minutes=15 * quarters)))


def _local(instant: dt.datetime, zone: dt.timezone) -> dict[str, Any]:
    here = instant.astimezone(zone)
    offset = here.strftime("%z")
    return {"date": here.strftime("%Y-%m-%dT%H:%M"), "precision": "minute", "utc_offset": f"{offset[:3]}:{offset[3:]}"}


@settings(max_examples=80, deadline=None)
@given(
    st.datetimes(dt.datetime(2017, 12, 25), dt.datetime(2018, 1, 5)),
    st.timedeltas(dt.timedelta(minutes=1), dt.timedelta(hours=30)),
    _ZONES,
    _ZONES,
    st.integers(-2, 2),
)
def test_oracle_a_period_is_found_from_every_day_its_ends_are_given_on(
    start: dt.datetime, length: dt.timedelta, zone: dt.timezone, end_zone: dt.timezone, shift: int
) -> None:
    # before (a review): a flight from 00:30 +09:00 on the 16th to 12:00 -10:00 on the 15th (later, by the
    # instant) was found by no day, nor by 2018 or 2017 across a new year. The oracle: each end's own day.
    begins = start.replace(second=0, microsecond=0, tzinfo=dt.UTC)
    first, last = _local(begins, zone), _local(begins + length, end_zone)
    event = {"id": "e", "title": "Flight", "when": first, "end": last}
    data = {"schema_version": 1, "title": "t", "timezone": "UTC", "events": [event]}
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    days = sorted(dt.date.fromisoformat(w["date"][:10]) for w in (first, last))
    day = days[0] + dt.timedelta(days=shift)
    found = [hit.id for hit in index.search(f"date:{day.isoformat()}", typing=False).hits]
    assert found == (["e"] if days[0] <= day <= days[1] else [])
    for year in (days[0].year, days[1].year):  # a year holding either day finds it
        assert [hit.id for hit in index.search(f"date:{year}", typing=False).hits] == ["e"]


def test_an_exclusion_alone_says_it_finds_nothing(index: SearchIndex) -> None:
    # before (a review): '-helicopter' gave '0 results', which read as nothing lacking the word
    for text in ("-helicopter", '-"national guard"', "-btr-80a"):
        results = index.search(text, typing=False)
        assert results.total == 0 and EXCLUSIONS_ALONE in results.hints
    assert EXCLUSIONS_ALONE not in index.search("kind:event -helicopter", typing=False).hints
    assert index.search("", typing=False).hints == []


def test_a_hint_s_count_says_when_it_holds_quotes(index: SearchIndex) -> None:
    # before (a review): '4 dated only approximately...' for 2 events and their 2 quotes (dated by their event)
    results = index.search("date:2017-06-20", typing=False)
    near = [h for h in results.hints if "dated only approximately" in h]
    assert near and near[0].startswith("4 (2 events, 2 quotes) dated only approximately to a day within a week")
    overlaps = [h for h in index.search("date:2018-01-17", typing=False).hints if "only overlap" in h]
    assert overlaps and "quote" not in overlaps[0]  # (events alone: the count as it was)


@pytest.mark.parametrize(
    ("summary", "shown"),
    [  # a re-trial: ACLED notes 'Account: Reported by Zorblatt Times' read as an account the event has not
        ("Account: Reported by Zorblatt Times.", "Summary: Account: Reported by Zorblatt Times."),
        ("Place: Zorbville.", "Summary: Place: Zorbville."),
        ("  Date note: zorblatt said so.", "Summary:   Date note: zorblatt said so."),
        ("Zorblatt reported it. Place: nowhere.", "Zorblatt reported it. Place: nowhere."),  # a label's words later
        ("\u0391ccount: Zorblatt.", "Summary: \u0391ccount: Zorblatt."),  # a Greek capital alpha (a second re-trial)
        ("\uff21ccount by army: Zorblatt.", "Summary: \uff21ccount by army: Zorblatt."),
    ],
)
def test_an_events_own_words_opening_as_a_label_are_said_to_be_its_own(summary: str, shown: str) -> None:
    data = {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "events": [{"id": "e1", "title": "A clash", "summary": summary, "when": {"date": "2018", "precision": "year"}}],
    }
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    word = "zorbville" if "Zorbville" in summary else "zorblatt"
    (hit,) = index.search(word, typing=False).hits
    assert hit.snippet.text == shown
    start = shown.lower().index(word)
    assert hit.snippet.spans == ((start, start + len(word)),)  # the highlight moved with the label
