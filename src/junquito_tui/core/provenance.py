"""Who says what, and how we know it: accounts (claims) with their claimants, source and citations.

A claim's ``source`` is where it was read. A source ``cited_in`` another is known only through
that one (the article names Bellingcat's findings; nobody here read them), so it is always
shown with the source it is known through: "Bellingcat and Forensic Architecture, as reported by
Wikipedia". No Textual here: the pages, the exports and an accounts screen share these words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from .order_graph import Edge, Graph
from .placement import shared_periods
from .problems import Problem
from .records import Certainty, Claim, Dataset, Event, Source

if TYPE_CHECKING:
    from .chronology import Chronology


ABOUT_KEPT = 256  # actors whose claims-about are kept (each a tuple of the claims about their events)
NO_SPEAKER = "no speaker named"  # a quote whose source names none: a document, a banner, unattributed words
# A claim's statement is the dataset's words for what someone asserts (a quotation is a record of its own),
# and the event's certainty is not the claim's: 'confirmed' that people called it a massacre is no more than that
# (a trial read '[confirmed]' over "What happened at El Junquito was a massacre" in quotation marks).
ACCOUNTS_ARE = "claims, not established as fact; in the dataset's words, not quotations"


def certainty_label(event: Event) -> str:
    """'Certainty', or 'Certainty of the event' beside accounts: 'Certainty: confirmed' over the massacre claim read
    as the claim's (a trial)."""
    return "Certainty of the event" if event.claims else "Certainty"


# The sources an import makes of the file itself, which every row cites first: a spreadsheet, a TimelineJS file or
# sheet, a Timesketch export. None of them is read for a certainty (a certainty column is kept as text), so
# 'confirmed' says only that the file lists the event (a trial read 'Certainty: confirmed' on a row sourced 'Rumour'
# as a finding). Our own CSV ('csv-file') and ACLED ('reported') give theirs; our CSV's rows that say they came from
# such a file are its 'csv-file-listed' (a round trip made them plainly confirmed: a trial). (The interop modules'
# FILE_SOURCE; a test keeps the two in step.)
FILE_STATED = frozenset({"sheet-file", "timelinejs-sheet", "timelinejs-file", "timesketch-file", "csv-file-listed"})
FILE_STATED_NOTE = "the file lists it, with no certainty of its own read"


def certainty_text(event: Event) -> str:
    """'confirmed', 'alleged'; for an event confirmed only because a file without certainties lists it,
    'confirmed (the file lists it, with no certainty of its own read)': a column named certainty is kept as text."""
    if event.certainty is Certainty.CONFIRMED and event.sources and event.sources[0] in FILE_STATED:
        return f"{event.certainty.value} ({FILE_STATED_NOTE})"
    return event.certainty.value


# An event short of confirmed, in words (they survive NO_COLOR): wherever its title is listed, not only in the
# timeline (search results, the palette and the notebook's list left it out: a trial)
def certainty_mark(certainty: Certainty) -> str:
    """'[alleged]': in words, so that it survives a terminal without colour."""
    return f"[{certainty.value}]"


CERTAINTY_MARK: dict[Certainty, str] = {c: certainty_mark(c) for c in Certainty if c != Certainty.CONFIRMED}


def certainty_prefix(event: Event) -> str:
    """'[alleged] ' before the title of an event short of confirmed; '' for a confirmed one."""
    mark = CERTAINTY_MARK.get(event.certainty)
    return f"{mark} " if mark else ""


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}" if names else ""


def source_chain(sources: Mapping[str, Source], source_id: str) -> list[Source]:
    """The source, then the source it is cited in, and so on (stops at an unknown id or a loop)."""
    chain: list[Source] = []
    seen: set[str] = set()
    current: str | None = source_id
    while current is not None and current in sources and current not in seen:
        seen.add(current)
        chain.append(sources[current])
        current = sources[current].cited_in
    return chain


def reporter(source: Source) -> str:
    """Who a source's words are from, for 'as reported by ...': its publisher, else its title."""
    return source.publisher or source.title


def known_through(sources: Mapping[str, Source], source_id: str) -> str:
    """A source's title, with how it is known when second-hand: '..., cited in El Junquito raid (Wikipedia)'."""
    chain = source_chain(sources, source_id)
    if not chain:
        return source_id
    through = cited_in_words(sources, source_id)
    return f"{chain[0].title}, {through}" if through else chain[0].title


def cited_in_words(sources: Mapping[str, Source], source_id: str) -> str:
    """How a second-hand source is known: 'cited in El Junquito raid (Wikipedia)' ('' if read first-hand)."""
    outers = source_chain(sources, source_id)[1:]
    return ", ".join(f"cited in {o.title}" + (f" ({o.publisher})" if o.publisher else "") for o in outers)


def claimants(chronology: Chronology, claim: Claim) -> str:
    """'Bellingcat and Forensic Architecture'; 'no one named' where the source names nobody."""
    return _who([_actor_name(chronology, a) for a in claim.by])


def attribution(chronology: Chronology, claim: Claim) -> str:
    """'Bellingcat and Forensic Architecture, as reported by Wikipedia'; 'no one named, ...'; where no one
    is named but the source attributes the claim to works it cites (an ACLED export's coding of reports,
    a trial found every one of them 'no one named'), those works: 'Reuters and El Pitazo (as cited; no
    person named), as reported by ACLED export x.csv'."""
    source = chronology.sources.get(claim.source) if claim.source else None
    cited = [chronology.sources[s].title for s in claim.cited if s in chronology.sources]
    return attributed([_actor_name(chronology, a) for a in claim.by], source, cited)


def attributed(names: Sequence[str], source: Source | None, cited: Sequence[str] = ()) -> str:
    """The same, of the claimants' names, the claim's source and the titles of the works it cites."""
    if not names and cited:  # a title holding a comma or 'and' quoted: 'Reuters, AFP' is one source, not two
        shown = [f"\u201c{t}\u201d" if "," in t or " and " in t else t for t in cited]
        who = f"{join_names(shown)} (as cited; no person named)"
    else:
        who = _who(names)
    return f"{who}, as reported by {reporter(source)}" if source else who


def _who(names: Sequence[str]) -> str:
    return join_names(names) or "no one named"


def _actor_name(chronology: Chronology, actor_id: str) -> str:
    actor = chronology.actors.get(actor_id)
    return actor.name if actor else actor_id


@dataclass(frozen=True)
class Account:
    """One claim about one moment: who makes it, where it was read, and through whom."""

    event: Event
    claim: Claim
    attribution: str  # 'Bellingcat and Forensic Architecture, as reported by Wikipedia'
    source: tuple[Source, ...]  # the claim's source, then what it is cited in (empty if none)
    cited: tuple[Source, ...]  # the works the source attributes the claim to, known only through it

    @property
    def claimants(self) -> tuple[str, ...]:
        return self.claim.by


@dataclass(frozen=True)
class Moment:
    """An event and every account of it, shown together."""

    event: Event
    accounts: tuple[Account, ...]

    @property
    def disputed(self) -> bool:
        """Whether the data says the event is disputed; several accounts alone do not make it so (a trial found
        one man's two statements called 'contested')."""
        return self.event.certainty == Certainty.DISPUTED


class Claimed(NamedTuple):
    """A claim and the event it is about (light: made into an ``Account`` only when shown)."""

    event: Event
    claim: Claim


class AccountIndex:
    """Every claim by the moment it is about, and by actor: claims they make, and claims by others
    about events they take part in (found from their appearances, when asked). Accounts, with their
    words, are made only for what is shown: at 100,000 events this index costs a few hundredths of
    a second, once."""

    def __init__(self, chronology: Chronology) -> None:
        self.chronology = chronology
        self.claimed: list[Event] = [e for e in chronology.events if e.claims]  # chronological
        self.made: dict[str, list[Claimed]] = defaultdict(list)
        self._about: dict[str, tuple[Claimed, ...]] = {}
        for event in self.claimed:
            for claim in event.claims:
                for claimant in dict.fromkeys(claim.by):
                    self.made[claimant].append(Claimed(event, claim))

    def about(self, actor_id: str) -> Sequence[Claimed]:
        """Claims by others about the events the actor takes part in, in chronological order."""
        # Kept for the actors visited: walking the appearances of one in 27,000 events takes
        # ~13 ms, on every jump back to them (an index of every actor would cost ~60 ms up front).
        found = self._about.get(actor_id)
        if found is None:
            if len(self._about) >= ABOUT_KEPT:
                self._about.clear()
            found = self._about[actor_id] = tuple(
                Claimed(appearance.event, claim)
                for appearance in self.chronology.appearances.get(actor_id, ())
                for claim in appearance.event.claims
                if actor_id not in claim.by
            )
        return found

    @cached_property
    def shared(self) -> set[tuple[int, ...]]:
        """The days (months, years) more than one moment is listed under (``placement.why_listed_here``)."""
        return shared_periods(event.when for event in self.claimed)

    @cached_property
    def moments(self) -> list[Moment]:
        """Each event that has claims, in chronological order, with all its accounts together."""
        return [Moment(event, tuple(event_accounts(self.chronology, event))) for event in self.claimed]

    def account(self, found: Claimed) -> Account:
        return account(self.chronology, found.event, found.claim)


def account(chronology: Chronology, event: Event, claim: Claim) -> Account:
    sources = chronology.sources
    cited = tuple(sources[s] for s in claim.cited if s in sources)
    chain = tuple(source_chain(sources, claim.source)) if claim.source else ()
    return Account(event, claim, attribution(chronology, claim), chain, cited)


def event_accounts(chronology: Chronology, event: Event) -> list[Account]:
    return [account(chronology, event, claim) for claim in event.claims]


def provenance_problems(dataset: Dataset) -> list[Problem]:
    """Second-hand sources are cited through what cites them, without loops (references resolve)."""
    sources = {s.id: s for s in dataset.sources}
    index = {s.id: i for i, s in enumerate(dataset.sources)}
    edges = [Edge(i, index[s.cited_in], i, "cited_in") for i, s in enumerate(dataset.sources) if s.cited_in]
    problems = []
    for cycle in Graph(edges).cycles():
        loop = " → ".join(dataset.sources[e.owner].id for e in cycle) + f" → {dataset.sources[cycle[0].owner].id}"
        problems.append(Problem(f"sources[{cycle[0].owner}].cited_in", f"sources cite each other in a loop ({loop})"))
    if problems:
        return problems
    second_hand = {s.id for s in dataset.sources if s.cited_in}
    for i, event in enumerate(dataset.events):
        # most events cite no second-hand source and have no claim: passed by in C (0.07 s -> 0.01 s
        # at 100,000 events)
        if not event.claims and second_hand.isdisjoint(event.sources):
            continue
        for j, source_id in enumerate(event.sources):
            outer = sources[source_id].cited_in
            if outer is not None and outer not in event.sources:
                problems.append(
                    Problem(
                        f"events[{i}].sources[{j}]",
                        f"'{source_id}' is known only through '{outer}' (its cited_in), which this event does not cite",
                    )
                )
        for j, claim in enumerate(event.claims):
            for k, cited in enumerate(claim.cited):
                if claim.source is None or claim.source not in {s.id for s in source_chain(sources, cited)[1:]}:
                    where = f"'{claim.source}'" if claim.source else "the claim's source (none is given)"
                    problems.append(
                        Problem(
                            f"events[{i}].claims[{j}].cited[{k}]",
                            f"'{cited}' must be a source cited in {where}: set its cited_in",
                        )
                    )
    return problems
