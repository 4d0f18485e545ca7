"""`id:` finds what an id names, case aside ('id:VEN1001', as an ACLED export writes the event's id, whose
id here is lowercased); an id pasted alone, found in no text, is offered as `id:` ("did you mean")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset, load_with_report
from junquito_tui.core.search import SearchIndex

_BUNDLED = SearchIndex(Chronology(load_dataset()))
_ALL = sorted({(doc.kind, doc.id) for doc in _BUNDLED.docs})


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_ALL), st.sampled_from([str.upper, str.lower, str.title]))
def test_id_finds_every_item_with_that_id_and_nothing_else(item: tuple[str, str], case: object) -> None:
    _, wanted = item
    found = _BUNDLED.search(f"id:{case(wanted)}", typing=False)  # type: ignore[operator]
    expected = {(doc.kind, doc.id) for doc in _BUNDLED.docs if doc.id == wanted}  # brute force
    assert {(hit.kind, hit.id) for hit in found.hits} == expected and found.total == len(expected)


def test_id_narrows_like_any_filter_and_an_unknown_one_matches_nothing() -> None:
    event = next(doc for doc in _BUNDLED.docs if doc.kind == "event")
    assert _BUNDLED.search(f"id:{event.id} kind:actor", typing=False).total == 0
    unknown = _BUNDLED.search("id:no-such-thing", typing=False)
    assert unknown.total == 0 and unknown.unresolved == ["id:no-such-thing: nothing has this id"]


def _acled(path: Path) -> SearchIndex:
    path.write_text(
        "event_id_cnty,event_date,time_precision,event_type,location,notes\n"
        "VEN1001,2018-01-16,1,Battles,El Junquito,raid\n"
        "VEN1001,2018-01-15,1,Battles,El Junquito,raid two\n"  # (met twice: 'ven1001-2', its summary says VEN1001)
        "VEN1002,2018-01-15,1,Battles,El Junquito,siege\n",
        encoding="utf-8",
    )
    return SearchIndex(Chronology(load_with_report(path).dataset))


def test_an_id_pasted_alone_offers_the_item_it_names(tmp_path: Path) -> None:
    index = _acled(tmp_path / "export.csv")
    alone = index.search("VEN1002", typing=False)  # in no text: it found nothing, and said nothing
    assert alone.total == 0 and alone.suggestions == ["id:ven1002"]
    twice = index.search("VEN1001", typing=False)  # found in the second row's summary, not the first row
    assert [hit.id for hit in twice.hits] == ["ven1001-2"] and twice.suggestions[0] == "id:ven1001"
    # both rows the file gives the id (the second renamed ven1001-2, which a review found id: left out), in time order
    assert [hit.id for hit in index.search("id:VEN1001", typing=False).hits] == ["ven1001-2", "ven1001"]
    assert [hit.id for hit in index.search("id:ven1001-2", typing=False).hits] == ["ven1001-2"]
    assert "id:siege" not in index.search("siege", typing=False).suggestions  # (words are no ids)
