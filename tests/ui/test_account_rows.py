"""The accounts screen's rows, checked against brute-force readings of the dataset (no Textual app)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts_oracle import MESSY, said_by
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_dataset, validate_document
from junquito_tui.core.navigation import Location
from junquito_tui.ui.account_rows import (
    NOT_NAMED,
    column_rows,
    columns_for,
    moment_at,
    moment_rows,
    reported_source,
)
from junquito_tui.ui.widgets.rows import Row
from strategies import claim_datasets


def plain(rows: list[Row]) -> list[str]:
    return [row.content.plain for row in rows]


def all_columns(chronology: Chronology, index: int, columns: int) -> list[list[Row]]:
    moment = moment_at(chronology, index)
    return [column_rows(chronology, moment, column, columns) for column in range(columns)]


def check_moments(chronology: Chronology, columns: int) -> None:
    """Every claim of every event, once, in its moment's columns, with its links."""
    dataset = chronology.dataset
    claimed = sorted((e for e in dataset.events if e.claims), key=lambda e: chronology.position[e.id])
    listed = moment_rows(chronology)
    assert [listed[i].target for i in range(len(listed))] == [Location("event", e.id) for e in claimed]
    for index, event in enumerate(claimed):
        assert event.title in listed[index].content.plain
        shown = all_columns(chronology, index, min(columns, len(event.claims)))
        texts = [line for column in shown for line in plain(column)]
        for number, claim in enumerate(event.claims, 1):
            column = shown[(number - 1) % len(shown)]
            lines = plain(column)
            at = lines.index(
                f"Account {number} of {len(event.claims)}" if len(event.claims) > 1 else "The only account"
            )
            assert lines[at + 1] == said_by(dataset, claim)  # the attribution, exactly
            assert said_by(dataset, claim) in listed[index].content.plain  # and in the moment list
            assert lines[at + 2] == f"Claims: {claim.statement}"  # (the dataset's words: no quotation marks)
            end = lines.index("About:", at)
            links = [row.target for row in column[at:end]]
            claimants = [Location("actor", a) for a in dict.fromkeys(claim.by)]
            sources = [Location("source", s) for s in ([claim.source] if claim.source else []) + list(claim.cited)]
            assert [t for t in links if t is not None] == claimants + sources
            assert column[end + 1].target == Location("event", event.id)
            if not claim.by:
                assert f"Made by: {NOT_NAMED}" in lines[at:end]
        assert sum(line.startswith(("Account ", "The only account")) for line in texts) == len(event.claims)


def test_every_claim_of_the_bundled_dataset_is_in_its_moment() -> None:
    chronology = Chronology(load_dataset())
    for columns in (1, 2, 4):
        check_moments(chronology, columns)


def test_every_claim_of_a_messy_dataset_is_in_its_moment() -> None:
    chronology = Chronology(load_dataset(MESSY))
    for columns in (1, 2, 3, 4):
        check_moments(chronology, columns)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_datasets(), st.integers(1, 4))
def test_every_claim_of_a_generated_dataset_is_in_its_moment(document: dict[str, Any], columns: int) -> None:
    document["sources"] = [{"id": "paper", "title": "The paper", "kind": "news-outlet"}]
    for event in document["events"]:
        for number, claim in enumerate(event.get("claims", [])):
            if number % 2:
                claim["source"] = "paper"
    check_moments(Chronology(validate_document(document, "claims.json")), columns)


def test_the_first_accounts_stand_side_by_side() -> None:
    """Five accounts in three columns: 1 2 3 across the top, then 4 5 under 1 2."""
    chronology = Chronology(load_dataset(MESSY))
    shown = all_columns(chronology, 0, 3)
    headings = [[line for line in plain(column) if line.startswith("Account ")] for column in shown]
    assert headings == [["Account 1 of 5", "Account 4 of 5"], ["Account 2 of 5", "Account 5 of 5"], ["Account 3 of 5"]]


def test_a_source_known_second_hand_says_through_whom() -> None:
    chronology = Chronology(load_dataset(MESSY))
    assert reported_source(chronology, "daily") == (
        "Night of the raid: what the residents saw, hour by hour, in their own words (El Diario de Caracas)"
    )
    assert reported_source(chronology, "ngo-report") == (
        "A report by the human-rights group (named in the paper; no title given), as reported by El Diario de Caracas"
    )
    assert reported_source(chronology, "leaked-memo") == (
        "An internal memo (quoted in the report), as reported by "
        "A report by the human-rights group (named in the paper; no title given), as reported by El Diario de Caracas"
    )
    bundled = Chronology(load_dataset())
    assert reported_source(bundled, "bellingcat-investigation").endswith(", as reported by Wikipedia")


@given(st.integers(0, 20), st.integers(0, 400), st.integers(1, 60), st.integers(1, 6))
def test_columns_fit_the_width_and_the_accounts(accounts: int, width: int, min_width: int, most: int) -> None:
    count = columns_for(accounts, width, min_width, most)
    assert 1 <= count <= max(1, min(accounts, most))
    assert count == 1 or count * min_width <= width
    if accounts >= most and width >= most * min_width:
        assert count == most


def test_a_publisher_already_in_the_title_is_not_repeated(minimal: dict[str, Any]) -> None:
    minimal["sources"][0].update(title="YouTube livestream", publisher="YouTube livestream")
    chronology = Chronology(validate_document(minimal, "publisher.json"))
    assert reported_source(chronology, "article") == "YouTube livestream"
    assert reported_source(Chronology(load_dataset()), "wikipedia-el-junquito-raid") == "El Junquito raid (Wikipedia)"
