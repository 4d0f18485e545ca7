"""The rows of the accounts screen: each moment with its accounts, each account with its links.

Built from ``Content`` only (dataset text is never markup). The words come from the core
(``core.provenance``): the attribution is shown exactly as the core makes it, so the screen, the
pages and the exports say the same thing.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from textual.content import Content

from ..core.chronology import Chronology
from ..core.dates import period_date
from ..core.navigation import Location
from ..core.placement import Find, listed_date
from ..core.provenance import ACCOUNTS_ARE, Account, Moment, certainty_mark, event_accounts, reporter, source_chain
from ..core.records import Event
from .pages import blank, field, link
from .widgets.rows import Row, Run

NOT_NAMED = "not named in the source"


def moment_at(chronology: Chronology, index: int) -> Moment:
    """The ``index``-th moment, its accounts made now: the screen never builds them all at once
    (at 100,000 events, 15,000 moments cost a fifth of a second to build together)."""
    event = chronology.accounts.claimed[index]
    return Moment(event, tuple(event_accounts(chronology, event)))


def count_words(accounts: int) -> str:
    return f"{accounts:,} account{'' if accounts == 1 else 's'}"


def marker(moment: Moment) -> list[tuple[str, str] | str]:
    """'event [disputed] · 2 accounts': the event's certainty (not its accounts'), a disputed one in reverse video."""
    mark, count = certainty_mark(moment.event.certainty), count_words(len(moment.accounts))
    if moment.disputed:  # (the same words: the reverse video's padding stands for the spaces)
        return ["event", (f" {mark} ", "bold reverse"), "· ", count]
    return ["event ", (mark, "bold"), " · ", count]


def moment_row(moment: Moment, shared: Container[tuple[int, ...]], find: Find | None = None) -> Row:
    """A moment in the list: when, what, how certain, and who gives an account of it (one row); ``shared``: the
    periods other moments are listed under too (``placement.why_listed_here``)."""
    event = moment.event
    # No indent: a wrapped line starts at the margin, and an indent on the first line only misleads.
    parts: list[tuple[str, str] | str] = [(listed_date(event, shared, find), "bold"), " · ", (event.title, "bold")]
    parts += ["\n", *marker(moment)]
    for found in moment.accounts:
        parts += ["\n— ", found.attribution]
    return Row(Content.assemble(*parts), Location("event", event.id))


def moment_head(moment: Moment, shared: Container[tuple[int, ...]], find: Find | None = None) -> Content:
    """Above the accounts: the moment they are about, how certain the event is, and what its accounts are."""
    event = moment.event
    head = [(listed_date(event, shared, find), "bold"), " · ", (event.title, "bold"), "\n", *marker(moment)]
    return Content.assemble(*head, (f" ({ACCOUNTS_ARE})", "italic"))


def reported_source(chronology: Chronology, source_id: str) -> str:
    """A source as the data gives it: 'El Junquito raid (Wikipedia)'; one known only through
    another says so: "Bellingcat's findings (...), as reported by Wikipedia"."""
    chain = source_chain(chronology.sources, source_id)
    if not chain:
        return source_id
    first = chain[0]
    # the publisher, when the title does not already name it ("YouTube livestream (YouTube livestream)")
    named = not first.publisher or first.publisher in first.title
    words = first.title if named or first.cited_in else f"{first.title} ({first.publisher})"
    return "".join([words, *(f", as reported by {reporter(outer)}" for outer in chain[1:])])


def account_rows(chronology: Chronology, found: Account, number: int, total: int) -> list[Row]:
    """One account: who says it (exactly as attributed), what, how certain, and the links from it."""
    title = f"Account {number} of {total}" if total > 1 else "The only account"
    rows = [
        Row(Content.styled(title, "bold underline")),
        Row(Content.styled(found.attribution, "bold")),
        field("Claims", found.claim.statement),  # (no quotation marks: the dataset's words, ACCOUNTS_ARE)
    ]
    if found.claimants:
        rows.append(Row(Content.styled("Made by:", "bold")))
        rows += [_actor_link(chronology, actor_id) for actor_id in dict.fromkeys(found.claimants)]
    else:
        rows.append(field("Made by", NOT_NAMED))
    if found.claim.source is not None:
        rows.append(Row(Content.styled("Source:", "bold")))
        rows.append(_source_link(chronology, found.claim.source))
    else:
        rows.append(field("Source", "not given"))
    if found.cited:
        rows.append(Row(Content.styled("Which attributes it to (not read here):", "bold")))
        rows += [_source_link(chronology, cited.id) for cited in found.cited]
    rows.append(Row(Content.styled("About:", "bold")))
    rows.append(_event_link(found.event))
    return rows


def column_rows(chronology: Chronology, moment: Moment, column: int, columns: int) -> list[Row]:
    """The accounts shown in ``column`` of ``columns``: the 1st, then the (1+columns)th, ... so that
    the first accounts of a moment stand side by side."""
    rows: list[Row] = []
    for number in range(column, len(moment.accounts), columns):
        if rows:
            rows.append(blank())
        rows += account_rows(chronology, moment.accounts[number], number + 1, len(moment.accounts))
    return rows


def columns_for(accounts: int, width: int, min_width: int, most: int) -> int:
    """How many accounts fit side by side in ``width`` cells: at least one, never more than there are."""
    return max(1, min(accounts, most, width // min_width))


def _actor_link(chronology: Chronology, actor_id: str) -> Row:
    actor = chronology.actors.get(actor_id)
    return link(actor.name if actor else actor_id, Location("actor", actor_id), "claimant")


def _source_link(chronology: Chronology, source_id: str) -> Row:
    source = chronology.sources.get(source_id)
    kind = source.kind.value if source else "unknown source"
    return link(reported_source(chronology, source_id), Location("source", source_id), kind)


def _event_link(event: Event) -> Row:
    return link(event.title, Location("event", event.id), period_date(event.when, event.end))


def moment_rows(chronology: Chronology) -> Sequence[Row]:
    """Every moment with claims, in chronological order, as rows made when shown."""
    claimed, shared = chronology.accounts.claimed, chronology.accounts.shared
    return Run(len(claimed), lambda index: moment_row(moment_at(chronology, index), shared, chronology.find))
