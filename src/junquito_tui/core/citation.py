"""Citations of an event, actor, quote or source, as plain text to paste anywhere (no markup).

A citation says what the item is, when (exactly as precise as the data, with its zone; the
dataset's note on the date is called a note, never the source's words), every claim about an
event with who makes it and where it was read ("..., as reported by Wikipedia"; "no one named"
where the source names nobody), where the dataset has it from (each source's title and URL; a
source known only through another says "known only as cited in ..., not read"), which dataset
and id it is, and the command that reopens it. ``quote_text`` is the short form for copying a
quote into an article. A quote is reopened on its own page (``--quote``), its event selected beside it; a reopen
line is a command the shell reads back whatever the file's name holds (``text.shell_word``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .bounds import bound
from .chronology import Chronology, exists
from .dates import date_words, ending
from .interop.urls import shown_url
from .placement import order_facts
from .provenance import (
    ACCOUNTS_ARE,
    NO_SPEAKER,
    account,
    certainty_label,
    certainty_text,
    cited_in_words,
    known_through,
    reporter,
    source_chain,
)
from .records import Actor, Claim, Event, Quote, Source, When
from .text import file_ids, shell_word

CITABLE = ("event", "actor", "quote", "source")
MAX_SOURCES = 10  # an actor of a large dataset may be cited by hundreds: the first ten, then a count


def kinds_of(chronology: Chronology, item_id: str) -> list[str]:
    """Which kinds of item have this id (ids are unique within a kind, not across kinds)."""
    return [kind for kind in CITABLE if exists(chronology, kind, item_id)]


class OpenedAs(NamedTuple):
    """How the user opened the dataset, for the command that reopens it: the file as given (None: the bundled
    one) and the ``--columns`` that read it (a sheet read without them has other ids, or does not open)."""

    path: str | None = None
    columns: str | None = None

    def args(self) -> list[str]:
        """The options that open the file so; a value starting with '-' joined to its option, which argparse would
        take for an option of its own ('--data -dash.json' failed: a re-trial)."""
        return [*_option("--data", self.path), *_option("--columns", self.columns)]

    def validate_args(self) -> list[str]:
        """The arguments of ``validate`` for the file: its --columns, then the file (after '--' where it starts
        with '-')."""
        if not self.path:
            return []
        return [*_option("--columns", self.columns), *(["--"] if self.path.startswith("-") else []), self.path]


def _option(option: str, value: str | None) -> list[str]:
    if not value:
        return []
    return [f"{option}={value}"] if value.startswith("-") else [option, value]


def cite(chronology: Chronology, kind: str, item_id: str, opened: OpenedAs | None = None) -> str:
    """The citation of one item of the dataset ``opened`` (None: the bundled one). Raises KeyError for an
    unknown item."""
    if kind == "event":
        lines = _event(chronology, chronology.event(item_id))
    elif kind == "actor":
        lines = _actor(chronology, chronology.actors[item_id])
    elif kind == "quote":
        lines = _quote(chronology, chronology.quotes[item_id])
    elif kind == "source":
        if item_id not in chronology.sources:
            raise KeyError(item_id)
        lines = [source_line(chronology.sources, item_id)]
    else:
        raise KeyError(kind)
    lines.append(f"From: {chronology.dataset.title} ({kind} {item_id})")
    reopen = reopen_command(chronology, kind, item_id, opened)
    if reopen:  # (a source has no page to reopen on)
        lines.append(f"Reopen: {reopen}")
    return "\n".join(lines) + "\n"


def quote_text(chronology: Chronology, quote_id: str) -> str:
    """A quote ready to paste: its words, then who said it, when (its event's date, said as such, with its note),
    its context, and the source. (A user trial: Article 350 of the constitution was pasted as said 'around Tuesday
    27 June 2017', the date of the flight the quote is filed under, its context left out.)"""
    quote = chronology.quotes[quote_id]
    event = chronology.event(quote.event)
    when = event.when
    date = date_words(when) if when else "undated" + _undated_place(chronology, event)
    date += f" (note: {when.note})" if when is not None and when.note else ""
    said = f"{_speaker(chronology, quote)}; quoted for the event \u201c{event.title}\u201d, {date}"
    context = f" Context: {quote.context.rstrip('. ')}." if quote.context.strip() else ""
    source = source_line(chronology.sources, quote.source)
    return f"\u201c{quote.text}\u201d\n\u2014 {said}.{context} Source: {source}\n"


def _undated_place(chronology: Chronology, event: Event) -> str:
    """' (after “...”, as the source states)' or ' (shown after “...” in reading order, not a claim)': what places an
    undated event (a re-trial: 'undated' alone, where ``cite`` says what the source orders it after)."""
    for fact in order_facts(event):
        anchor = f"\u201c{chronology.event(fact.anchor).title}\u201d"
        if fact.stated:
            return f" ({fact.direction} {anchor}, as the source states)"
        return f" (shown {fact.direction} {anchor} in reading order, not a claim)"
    return ""


def reopen_command(chronology: Chronology, kind: str, item_id: str, opened: OpenedAs | None = None) -> str:
    """The command line that opens the app on this item ('' for a source: it has no page)."""
    data = opened.args() if opened is not None else []
    if kind == "event":
        target = ["--event", item_id]
    elif kind == "actor":
        target = ["--actor", item_id]
    elif kind == "quote":
        target = ["--quote", item_id]
    else:
        return ""
    return " ".join(map(shell_word, ["junquito-tui", *data, *target]))


def source_line(sources: Mapping[str, Source], source_id: str) -> str:
    """'Title — author, publisher. URL'; a source known only through another is never cited as
    read: 'Title — publisher; known only as cited in El Junquito raid (Wikipedia), not read'. An
    id the dataset does not describe stands for itself."""
    source = sources.get(source_id)
    if source is None:
        return source_id
    text = source.title
    by = ", ".join(x for x in (source.author, source.publisher) if x)
    if by:
        text += f" \u2014 {by}"
    through = cited_in_words(sources, source_id)
    if through:
        text += f"; known only as {through}, not read"
    if source.url and text == source.url:  # a sheet's source that is an address: its title ('A. A', a trial)
        return shown_url(source.url)
    return f"{text}. {shown_url(source.url)}" if source.url else text  # (its unseen characters seen)


def _event(chronology: Chronology, event: Event) -> list[str]:
    lines = [event.title, f"Date: {_when_words(event.when, event, chronology)}"]
    if event.end is not None:
        ends = bound(event.end) is not None  # ('Until: from 2019' read as nothing: 'Ends: no earlier than 2019')
        lines.append(
            f"Ends: {ending(event.end, _when_words(event.end))}" if ends else f"Until: {_when_words(event.end)}"
        )
    if event.place:
        lines.append(f"Place: {event.place}")
    # the id the file gives, where this one is another (given twice, or no id): a re-trial cited an ACLED row by
    # the id made for it, its own 'X1' nowhere in the citation
    lines += [
        f"Id in the file: {given} (this event's id here, {event.id}, was made)" for given in file_ids(event.summary)
    ]
    lines.append(f"{certainty_label(event)}: {certainty_text(event)}")  # (always: left out, 'confirmed' was unsaid)
    if event.claims:  # the event's certainty is not its claims': a confirmed event can be that someone said it
        lines.append(f"Accounts ({ACCOUNTS_ARE}):")
        for claim in event.claims:
            lines += _claim(chronology, event, claim)
    cited = list(event.sources)
    for claim in event.claims:  # where each claim was read, then the works it is attributed to
        cited += [*([claim.source] if claim.source else []), *claim.cited]
    return lines + _sources(chronology, cited)


def _claim(chronology: Chronology, event: Event, claim: Claim) -> list[str]:
    """'  claimed by Bellingcat and Forensic Architecture, as reported by Wikipedia: ...', then the
    works the source attributes it to, each 'cited in ..., not read'. A claim read in a source
    known only through another says so: '..., as reported by B, as reported by Wikipedia'."""
    found = account(chronology, event, claim)
    through = "".join(f", as reported by {reporter(outer)}" for outer in found.source[1:])
    lines = [f"  claimed by {found.attribution}{through}: {claim.statement}"]
    if found.cited:
        cited = "; ".join(f"{known_through(chronology.sources, c.id)}, not read" for c in found.cited)
        lines.append(f"    citing: {cited}")
    return lines


def _actor(chronology: Chronology, actor: Actor) -> list[str]:
    lines = [actor.name + (f" (also: {', '.join(actor.aliases)})" if actor.aliases else "")]
    facts = [actor.kind.value.replace("-", " ")] + [
        f"{label}: {value}" for label, value in (("side", actor.side), ("fate", actor.fate)) if value
    ]
    lines.append("; ".join(facts))
    appearances = chronology.appearances.get(actor.id, [])
    dated = [a.event.when for a in appearances if a.event.when is not None]
    if appearances:
        noun = "event" if len(appearances) == 1 else "events"
        span = "none dated in the source"
        if dated:
            # to the latest any of them may be: an untimed event of the last timed one's day may come after
            # it ('to 04:00, 15 January' ranked it before, an order the source never gives; found by a review);
            # a period to its end
            ends = [a.event.end or a.event.when for a in appearances if a.event.when is not None]
            latest = max(ends, key=lambda when: when.end_key())
            first, last = date_words(dated[0]), date_words(latest)
            span = first if first == last else f"from {first} to {last}"
            if undated := len(appearances) - len(dated):  # (left out of the span unsaid: a trial)
                span += f"; {undated} of them not dated in the source"
        lines.append(f"In {len(appearances)} {noun}, {span}")
    cited = [source for appearance in appearances for source in appearance.event.sources]
    return lines + _sources(chronology, cited)


def _quote(chronology: Chronology, quote: Quote) -> list[str]:
    event = chronology.event(quote.event)
    lines = [f"\u201c{quote.text}\u201d", f"Speaker: {_speaker(chronology, quote)}"]
    if quote.context:
        lines.append(f"Context: {quote.context}")
    lines += [f"Date: {_when_words(event.when, event, chronology)}", f"Event: {event.title}"]
    return lines + _sources(chronology, [quote.source])


def _sources(chronology: Chronology, source_ids: Iterable[str]) -> list[str]:
    # each source, then the ones it is known through: what was read is always listed
    chained: list[str] = []
    for source_id in source_ids:
        chained += [s.id for s in source_chain(chronology.sources, source_id)] or [source_id]
    unique = list(dict.fromkeys(chained))
    if not unique:
        return ["Sources: none given in the dataset"]
    lines = ["Sources:"] + [
        f"  {number}. {source_line(chronology.sources, source_id)}"
        for number, source_id in enumerate(unique[:MAX_SOURCES], 1)
    ]
    if len(unique) > MAX_SOURCES:
        lines.append(f"  ... and {len(unique) - MAX_SOURCES} more")
    return lines


def _when_words(when: When | None, event: Event | None = None, chronology: Chronology | None = None) -> str:
    if when is None:
        facts = order_facts(event) if event is not None and chronology is not None else []
        placed = []
        for fact in facts:
            if chronology is None or fact.anchor not in chronology.position:
                continue
            anchor = f"\u201c{chronology.event(fact.anchor).title}\u201d"
            stated = f"the source places it {fact.direction} {anchor}"
            reading = f"shown {fact.direction} {anchor} (order not stated by the source)"
            placed.append(stated if fact.stated else reading)
        return "; ".join(["not dated in the source", *placed])
    text = date_words(when)
    # the note is the dataset's, about the date: it may quote the source or infer, so it is a note
    return f"{text} (note: {when.note})" if when.note else text


def _speaker(chronology: Chronology, quote: Quote) -> str:
    return _name(chronology, quote.speaker) if quote.speaker else NO_SPEAKER


def _name(chronology: Chronology, actor_id: str) -> str:
    actor = chronology.actors.get(actor_id)
    return actor.name if actor else actor_id
