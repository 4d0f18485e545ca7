"""The rows of the event, actor, quote and source pages.

Every piece of dataset text enters through ``Content(text)`` or ``Content.assemble``
tuples, so it is shown literally and never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content

from ..core.bounds import bound
from ..core.chronology import Chronology
from ..core.citation import OpenedAs, reopen_command
from ..core.dates import describe, ending, period_date, period_words, short_date, zone_assumed
from ..core.interop.urls import shown_url
from ..core.navigation import Location
from ..core.placement import (
    READING_NOTE,
    Placement,
    listed_date,
    order_facts,
    placement,
    shared_periods,
    time_unused,
)
from ..core.provenance import (
    ACCOUNTS_ARE,
    NO_SPEAKER,
    Account,
    Claimed,
    certainty_label,
    certainty_text,
    event_accounts,
    known_through,
)
from ..core.records import Event, Quote
from ..core.text import one_line
from .widgets.rows import Row, Rows, Run

QUOTE_PREVIEW = 280  # characters of a quote in a list or a link; its page shows it whole


# A row is wrapped whole when it is drawn: long text (a summary may hold 100,000 characters) is
# cut into rows of at most this many characters, at line ends and spaces, so only the rows on
# screen are ever wrapped and measured.
CHUNK = 1_000


def text(value: str, style: str = "") -> Row:
    return Row(Content.styled(value, style) if style else Content(value))


def paragraphs(value: str, style: str = "") -> list[Row]:
    """``value`` as rows: one row when it is short, rows of at most CHUNK characters when long."""
    return [text(piece, style) for piece in chunks(value)]


def chunks(value: str) -> list[str]:
    if len(value) <= CHUNK:
        return [value]
    pieces = []
    for line in value.split("\n"):
        while len(line) > CHUNK:
            cut = line.rfind(" ", CHUNK // 2, CHUNK) + 1 or CHUNK  # after a space, else mid-word
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    return pieces


def heading(value: str) -> Row:
    return Row(Content.styled(value, "bold underline"))


def blank() -> Row:
    return Row(Content(" "))


def link(label: str, target: Location, note: str = "") -> Row:
    parts: list[tuple[str, str] | str] = [("→ ", "bold"), (label, "underline")]
    if note:
        parts.append((f" · {note}", "italic"))
    return Row(Content.assemble(*parts), target)


def preview(quote: Quote) -> str:
    """A quote on one line (its line breaks folded), cut with '…' past QUOTE_PREVIEW characters:
    wrapped to the list's width, it uses the room there is."""
    return f"“{one_line(quote.text, QUOTE_PREVIEW)}”"


def field(label: str, value: str) -> Row:
    return Row(Content.assemble((f"{label}: ", "bold"), value))


def id_row(item_id: str, reopen: str = "") -> Row:
    """The item's id, to cite it; with the command line that reopens the app on it."""
    return Row(Content.assemble(("Id: ", "bold"), item_id, (f"  ({reopen})" if reopen else "", "dim")))


def speaker_name(chronology: Chronology, quote: Quote) -> str:
    return chronology.actors[quote.speaker].name if quote.speaker else NO_SPEAKER


def event_rows(
    chronology: Chronology, event: Event, mine: Sequence[Row] = (), opened: OpenedAs | None = None
) -> list[Row]:
    """``mine``: the user's notebook section, shown under the title; ``data_path``: the dataset's file as the user
    gave it, for the command that reopens the app on this page (a user trial ran one without it: 'no event')."""
    rows = [Row(Content.styled(event.title, "bold")), *mine, field("When", describe(event.when))]
    rows.append(id_row(event.id, reopen_command(chronology, "event", event.id, opened)))
    if event.end is not None:
        ends = bound(event.end) is not None  # ('Until: from 2019' read as nothing: 'Ends: no earlier than 2019')
        rows.append(
            field("Ends", ending(event.end, describe(event.end))) if ends else field("Until", describe(event.end))
        )
    rows += order_rows(chronology, event)
    if event.place:
        rows.append(field("Place", event.place))
    rows.append(field(certainty_label(event), certainty_text(event)))
    rows += account_rows(chronology, event_accounts(chronology, event))
    if event.summary:
        rows += [blank(), *paragraphs(event.summary)]
    if event.tags:
        rows.append(field("Tags", ", ".join(event.tags)))
    if event.actors:
        rows += [blank(), heading(f"Actors ({len(event.actors)})")]
        rows += [link(chronology.actors[p.actor].name, Location("actor", p.actor), p.role) for p in event.actors]
    claimants = [a for c in event.claims for a in c.by if a not in {p.actor for p in event.actors}]
    rows += [link(chronology.actors[a].name, Location("actor", a), "claimant") for a in dict.fromkeys(claimants)]
    quotes = chronology.quotes_by_event.get(event.id, [])
    if quotes:
        rows += [blank(), heading(f"Quotes ({len(quotes)})")]
        rows += [link(preview(q), Location("quote", q.id), speaker_name(chronology, q)) for q in quotes]
    if event.sources:
        rows += [blank(), heading(f"Sources ({len(event.sources)})")]
        rows += [source_link(chronology, s) for s in event.sources]
    return rows


def order_rows(chronology: Chronology, event: Event) -> list[Row]:
    """Where the event stands and why, in words that cannot be read backwards."""
    kind = placement(event)
    if kind is Placement.PERIOD and (given := bound(event.when)) is not None:  # (not 'at the start of 14 Jan')
        written = f"{given.side} {period_words(given.parts)}"
        side = "before" if given.earlier else "after"  # ('how long by' read oddly: a review)
        return [field("Order", f"Given only as {written}: listed beside it, which says nothing of how long {side}")]
    if kind is Placement.PERIOD and event.when is not None and event.when.precision != "minute":
        parts = event.when.parts()[:3]
        missing = {1: "Month", 2: "Day", 3: "Time"}[len(parts)]
        said = "given but not used (the date's note says why)" if time_unused(event.when) else "not given"
        note = f"{missing} {said}: listed at the start of {period_words(parts)}, in no particular order"
        return [field("Order", note)]
    rows = [Row(Content.styled(READING_NOTE, "bold"))] if kind is Placement.READING else []
    if kind is Placement.CLOCK and (others := chronology.same_minute(event)):
        many = f"{others} other event{'s' if others > 1 else ''}"
        rows.append(field("Order", f"Same minute as {many}: their order is no claim (the file's, or the seconds "
                                   "a date's note gives)"))  # fmt: skip
    if kind is Placement.CLOCK:
        rows += crossing_rows(chronology, event)
    for fact in order_facts(event):
        anchor = chronology.event(fact.anchor)
        rows.append(
            Row(
                Content.assemble((f"{fact.words} ", "bold"), ("→ ", "bold"), (anchor.title, "underline")),
                Location("event", anchor.id),
            )
        )
        if fact.quote:
            rows.append(Row(Content.assemble(("  The source: ", "italic"), f"“{fact.quote}”")))
    return rows


CROSSINGS_SHOWN = 5


def crossing_rows(chronology: Chronology, event: Event) -> list[Row]:
    """The events listed on the other side of this one than the time they name: the list keeps each under
    the day its source gives, in its own zone, so across a midnight it is no claim of their order."""
    order = chronology.listed_order
    earlier, later = order.crossings(event, chronology.position[event.id])
    rows = []
    for found, words in (
        (earlier, "listed after it, took place before it"),
        (later, "listed before it, took place after it"),
    ):
        if found:
            note = f"Listed under the day its source gives; by the times and zones given, {_events(found)} {words}:"
            rows += _named(note, found)
    if unsure := order.unzoned(event):  # a time with no zone, read as UTC, beside times that give theirs
        one = len(unsure) == 1
        if zone_assumed(event.when):  # type: ignore[arg-type]
            note = (
                f"Its time has no zone, read as UTC, which lists it beside {_events(unsure)} that give"
                f"{'s its zone' if one else ' their zones'}; in another zone it may have taken place before or "
                f"after {'it' if one else 'each'}:"
            )
        else:
            note = (
                f"{_events(unsure)} give{'s' if one else ''} a time with no zone, read as UTC, which lists "
                f"{'it' if one else 'them'} beside this one; in another zone {'it' if one else 'each'} may have "
                "taken place before or after this one:"
            )
        rows += _named(note, unsure)
    return rows


def _events(found: Sequence[Event]) -> str:
    return f"{len(found)} event{'s' if len(found) > 1 else ''}"


def _named(note: str, found: Sequence[Event]) -> list[Row]:
    """An Order line and the events it names (the first ``CROSSINGS_SHOWN``)."""
    rows = [field("Order", note)]
    rows += [link(e.title, Location("event", e.id), period_date(e.when, e.end)) for e in found[:CROSSINGS_SHOWN]]
    if len(found) > CROSSINGS_SHOWN:
        rows.append(Row(Content(f"  and {len(found) - CROSSINGS_SHOWN:,} more")))
    return rows


def account_rows(chronology: Chronology, accounts: Sequence[Account]) -> list[Row]:
    """Each claim with who makes it and how it is known: '..., as reported by Wikipedia: ...'."""
    rows = [Row(Content.styled(f"Accounts ({len(accounts)}; {ACCOUNTS_ARE}):", "bold"))] if accounts else []
    for found in accounts:
        rows.append(Row(Content.assemble((f"{found.attribution}: ", "bold"), found.claim.statement)))
        for cited in found.cited:
            label = known_through(chronology.sources, cited.id)
            rows.append(link(label, Location("source", cited.id), "cited, not read"))
    return rows


def source_link(chronology: Chronology, source_id: str) -> Row:
    source = chronology.sources[source_id]
    return link(known_through(chronology.sources, source_id), Location("source", source.id), source.kind.value)


def actor_rows(
    chronology: Chronology, actor_id: str, mine: Sequence[Row] = (), opened: OpenedAs | None = None
) -> Sequence[Row]:
    """The profile: its events and quotes are runs made on demand, however many there are."""
    actor = chronology.actors[actor_id]
    rows = [
        Row(Content.styled(actor.name, "bold")),
        *mine,
        id_row(actor.id, reopen_command(chronology, "actor", actor.id, opened)),
    ]
    if actor.aliases:
        rows.append(field("Also", ", ".join(actor.aliases)))
    rows.append(field("Kind", actor.kind.value))
    if actor.side:
        rows.append(field("Side", actor.side))
    if actor.fate:
        rows.append(field("Fate", actor.fate))
    if actor.profile:
        rows += [blank(), *paragraphs(actor.profile)]
    relations = chronology.related_to(actor_id)
    if relations:
        rows += [blank(), heading(f"Relations ({len(relations):,})")]
        for words, other, note in relations:
            label = f"{words} {chronology.actors[other].name}"
            rows.append(link(label, Location("actor", other), note))
    parts: list[Sequence[Row]] = [rows]
    for title, found in (
        ("Claims made", chronology.accounts.made.get(actor_id, [])),
        # (not claims about the actor: those of others on the events the actor is in, said so: a trial read
        # "Claims about" Pastrana for the claim that El Junquito was a massacre)
        ("Claims by others on events they are in", chronology.accounts.about(actor_id)),
    ):
        if found:
            parts += [[blank(), heading(f"{title} ({len(found):,})")], Run(len(found), _claim_row(chronology, found))]
    appearances = chronology.appearances.get(actor_id, ())
    if appearances:
        shared = shared_periods(found.event.when for found in appearances)

        def appearance(index: int) -> Row:
            found = appearances[index]
            event = found.event
            label = f"{listed_date(event, shared, chronology.find)} · {event.title}"
            return link(label, Location("event", event.id), found.role)

        parts += [[blank(), heading(f"Events ({len(appearances):,})")], Run(len(appearances), appearance)]
    quotes = chronology.quotes_by_speaker.get(actor_id, ())
    if quotes:

        def said(index: int) -> Row:
            quote = quotes[index]
            return link(preview(quote), Location("quote", quote.id), short_date(chronology.event(quote.event).when))

        parts += [[blank(), heading(f"Quotes ({len(quotes):,})")], Run(len(quotes), said)]
    return Rows(*parts)


def _claim_row(chronology: Chronology, claims: Sequence[Claimed]) -> Callable[[int], Row]:
    def row(index: int) -> Row:
        found = chronology.accounts.account(claims[index])
        event = found.event
        label = f"{found.attribution}: {found.claim.statement}"
        return link(label, Location("event", event.id), f"event {event.certainty.value} · {event.title}")

    return row


def quote_rows(
    chronology: Chronology, quote: Quote, mine: Sequence[Row] = (), opened: OpenedAs | None = None
) -> list[Row]:
    event = chronology.event(quote.event)
    reopen = reopen_command(chronology, "quote", quote.id, opened)
    rows = [*paragraphs(f"“{quote.text}”", "italic"), *mine, id_row(quote.id, reopen)]
    if quote.context:
        first, *rest = chunks(quote.context)
        rows += [blank(), field("Context", first), *(text(piece) for piece in rest)]
    rows.append(blank())
    if quote.speaker:
        rows.append(link(chronology.actors[quote.speaker].name, Location("actor", quote.speaker), "speaker"))
    else:
        rows.append(field("Speaker", "not named by the source (a document, or words it does not attribute)"))
    rows.append(link(event.title, Location("event", event.id), period_date(event.when, event.end)))
    rows.append(source_link(chronology, quote.source))
    return rows


def source_rows(chronology: Chronology, source_id: str) -> list[Row]:
    source = chronology.sources[source_id]
    rows = [Row(Content.styled(source.title, "bold")), id_row(source.id), field("Kind", source.kind.value)]
    url = shown_url(source.url) if source.url else None  # (its unseen characters seen: a security review)
    for label, value in (("Publisher", source.publisher), ("Author", source.author), ("URL", url)):
        if value:
            rows.append(field(label, value))
    if source.cited_in is not None:
        outer = chronology.sources[source.cited_in]
        rows.append(field("Known only through", f"{outer.title} (it cites this source; its own text was not read)"))
        rows.append(link(outer.title, Location("source", outer.id), outer.kind.value))
    if source.note:
        rows += [blank(), *paragraphs(source.note)]
    events = [e for e in chronology.events if _cites(e, source_id)]
    if events:
        rows += [blank(), heading(f"Events citing it ({len(events):,})")]
        shared = shared_periods(e.when for e in events)
        rows += [link(e.title, Location("event", e.id), listed_date(e, shared, chronology.find)) for e in events]
    quotes = [q for q in chronology.quote_order if q.source == source_id]
    if quotes:
        rows += [blank(), heading(f"Quotes from it ({len(quotes):,})")]
        rows += [link(preview(q), Location("quote", q.id), speaker_name(chronology, q)) for q in quotes]
    return rows


def _cites(event: Event, source_id: str) -> bool:
    return source_id in event.sources or any(c.source == source_id or source_id in c.cited for c in event.claims)
