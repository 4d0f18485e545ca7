"""Who claims what and where it was read, in our CSV export: the ``sources`` and ``claims`` cells a
reader reads, and the ``provenance`` cell the import reads them back from.

The two readable cells name sources by title ('..., cited in El Junquito raid (Wikipedia)') and
claimants by name ('Óscar Pérez, as reported by Wikipedia: ...'): text a spreadsheet user can read,
but not one the import could take apart again (a statement may hold '; ', ': ' and brackets). So
each row also carries ``provenance``: one JSON object with the event's sources and claims, each source
described whole (kind, publisher, author, address, note, and the source it is known through), each
claim with its claimants' names, statement, source and the works it cites. The import reads it only
where the two readable cells are still what it would write (a cell changed in a spreadsheet since
is read as before, with a warning): the readable cells stay the truth a user may have edited. The
cell also carries what no readable cell holds, read back whatever became of those two: the event's
quotes, and the actors the row names as the dataset describes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import islice
from typing import Annotated

import msgspec

from ..provenance import attributed, known_through, source_chain
from ..records import (
    LINE_MAX,
    MAX_ID,
    TEXT_MAX,
    URL_MAX,
    Actor,
    ActorKind,
    Claim,
    Event,
    Quote,
    RelationType,
    Source,
    SourceKind,
)
from ..text import LINE_BREAK, has_control
from .csv_lists import SOURCE_ESCAPED, list_part

# A cell longer than this as written (``csv_export``) is left empty (and the row read from its readable
# cells, said): a source with a long note, cited in a row several times, would pass the longest cell the
# import reads.
CELL_MAX = 100_000
EMPTY = f"left empty by the export where it would be longer than {CELL_MAX:,} characters, or cleared since"
MAX_CHAIN = 64  # sources known through others, in a row: the bundled dataset's longest chain is 2

# The model's own lengths, so that a hand-edited cell that breaks one is refused here, named by its
# path (its characters: ``unfit``).
_Line = Annotated[str, msgspec.Meta(min_length=1, max_length=LINE_MAX)]
_OneLine = Annotated[str, msgspec.Meta(max_length=LINE_MAX)]
_Text = Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]


class SourceNote(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    """A source as the dataset has it, the source it is cited in described in place of its id."""

    title: _Line
    kind: SourceKind
    publisher: _OneLine | None = None
    author: _OneLine | None = None
    url: Annotated[str, msgspec.Meta(max_length=URL_MAX)] | None = None
    note: Annotated[str, msgspec.Meta(max_length=TEXT_MAX)] | None = None
    cited_in: SourceNote | None = None


class ClaimNote(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    by: tuple[_Line, ...] = ()  # the claimants' names
    statement: _Line
    source: SourceNote | None = None
    cited: tuple[SourceNote, ...] = ()


class RelationNote(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    type: RelationType
    target: _Line  # the related actor's name
    note: _OneLine | None = None


class ActorNote(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    """An actor the row names, as the dataset describes it (the row's other cells name it by name alone)."""

    name: _Line
    id: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID)] | None = None  # (where a name would not make it)
    kind: ActorKind
    side: _OneLine | None = None
    profile: _Text = ""
    aliases: tuple[_Line, ...] = ()
    fate: _OneLine | None = None
    relations: tuple[RelationNote, ...] = ()


class QuoteNote(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    """One of the event's quotes, its speaker by name, its source described."""

    id: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID)]
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=TEXT_MAX)]
    speaker: _Line | None = None
    source: SourceNote
    context: _Text = ""


class Provenance(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    sources: tuple[SourceNote, ...] = ()  # the event's, in its order
    claims: tuple[ClaimNote, ...] = ()
    # What no readable cell holds: read back even from a row whose readable cells were changed since
    actors: tuple[ActorNote, ...] = ()  # those it names with more than a name (``described``)
    quotes: tuple[QuoteNote, ...] = ()


def source_words(sources: Mapping[str, Source], source_id: str, escaped: str = "") -> str:
    """A source as the cells name it: its title (with how it is known, when second-hand) and address;
    each part escaped as an item of the sources cell (``escaped``) or not (the claims cell)."""
    found = sources.get(source_id)
    if found is None:
        return list_part(source_id, escaped) if escaped else source_id
    title = known_through(sources, source_id)
    if escaped:
        title = list_part(title, escaped)
    if not found.url:
        return title
    return f"{title} <{list_part(found.url, escaped) if escaped else found.url}>"


def sources_cell(sources: Mapping[str, Source], ids: Iterable[str]) -> str:
    return "; ".join(source_words(sources, s, SOURCE_ESCAPED) for s in ids)


def claims_cell(sources: Mapping[str, Source], name: Callable[[str], str], claims: Iterable[Claim]) -> str:
    """The accounts together, each attributed: '..., as reported by Wikipedia: ... (El Junquito raid <...>)'."""
    said = []
    for claim in claims:
        source = sources.get(claim.source) if claim.source else None
        cited_titles = [sources[c].title for c in claim.cited if c in sources]
        text = f"{attributed([name(a) for a in claim.by], source, cited_titles)}: {claim.statement}"
        text += f" ({source_words(sources, claim.source)})" if claim.source else ""
        cited = "; ".join(known_through(sources, c) for c in claim.cited if c in sources)  # (a title may hold ',')
        said.append(text + (f" (citing: {cited})" if cited else ""))
    return "; ".join(said)


def provenance_cell(
    sources: Mapping[str, Source], actors: Mapping[str, Actor], event: Event, quotes: Iterable[Quote]
) -> str:
    """The ``provenance`` cell of ``event`` (its ``quotes`` with it): one line of JSON."""

    def name(actor_id: str) -> str:
        actor = actors.get(actor_id)
        return actor.name if actor else actor_id

    def described(source_id: str) -> SourceNote:
        return source_note(sources, source_id)

    claims = [
        ClaimNote(
            by=tuple(map(name, claim.by)),
            statement=claim.statement,
            source=described(claim.source) if claim.source else None,
            cited=tuple(map(described, claim.cited)),
        )
        for claim in event.claims
    ]
    quotes = list(quotes)
    quoted = [
        QuoteNote(
            id=quote.id,
            text=quote.text,
            speaker=name(quote.speaker) if quote.speaker else None,
            source=described(quote.source),
            context=quote.context,
        )
        for quote in quotes
    ]
    found = (actors[actor_id] for actor_id in named_in_row(event, quotes) if actor_id in actors)
    notes = tuple(_actor_note(actor, name) for actor in found)  # (each with its id: see ``_actor_note``)
    provenance = Provenance(
        sources=tuple(map(described, event.sources)), claims=tuple(claims), actors=notes, quotes=tuple(quoted)
    )
    return msgspec.json.encode(provenance).decode()  # (left empty by the export where too long as written)


def source_note(sources: Mapping[str, Source], source_id: str) -> SourceNote:
    """The source as a note: described whole, the source it is known through in place of its id."""
    outer = None
    for source in reversed(source_chain(sources, source_id)):  # the outermost first
        outer = SourceNote(
            title=source.title, kind=source.kind, publisher=source.publisher, author=source.author,
            url=source.url, note=source.note, cited_in=outer,
        )  # fmt: skip
    return outer or SourceNote(title=source_id, kind=SourceKind.OTHER)  # (no such source: a broken dataset)


def named_in_row(event: Event, quotes: Iterable[Quote]) -> list[str]:
    """The actors the event's row names, each once: its participants, its claimants, its quotes' speakers."""
    named = [p.actor for p in event.actors] + [b for c in event.claims for b in c.by]
    return list(dict.fromkeys(named + [quote.speaker for quote in quotes if quote.speaker]))


def described_beyond_name(actor: Actor) -> bool:
    """Whether the dataset says more of the actor than a row's actors cell gives back (its name; kind 'other')."""
    details = (actor.side, actor.profile, actor.aliases, actor.fate, actor.relations)
    return actor.kind is not ActorKind.OTHER or any(details)


def _actor_note(actor: Actor, name: Callable[[str], str]) -> ActorNote:
    """Every actor a row names, with its id: read back in the export's order, a name made another id ('maduro'
    for Nicolás Maduro came back as 'nicolas-maduro'), or another actor's ('actor-2' for a name with no Latin
    letter; a name typed into an earlier row took the id of the one a later row names): a trial and a re-trial."""
    relations = tuple(RelationNote(type=r.type, target=name(r.target), note=r.note) for r in actor.relations)
    return ActorNote(
        name=actor.name, id=actor.id, kind=actor.kind, side=actor.side, profile=actor.profile, aliases=actor.aliases,
        fate=actor.fate, relations=relations,
    )  # fmt: skip


def read_provenance(text: str) -> Provenance:
    """The cell read back; ``msgspec.ValidationError`` or ``msgspec.DecodeError`` naming what is wrong, and where."""
    return msgspec.json.decode(text, type=Provenance)


@lru_cache(maxsize=4096)  # (a file's rows name the same few sources)
def named_as(note: SourceNote) -> tuple[str, str | None]:
    """How the sources cell names the source, read back as text: its title (with how it is known,
    when second-hand) and its address."""
    sources = _Sources()
    return known_through(sources, sources.id_of(note)), note.url


def cells_of(provenance: Provenance) -> tuple[str, str]:
    """The sources and claims cells the export writes for what ``provenance`` describes."""
    return _sources_text(provenance.sources), _claims_text(provenance.claims)


class _Sources(dict[str, Source]):
    """Sources made from their notes, each once, with ids of their own."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[SourceNote, str] = {}

    def id_of(self, note: SourceNote) -> str:
        if (known := self.ids.get(note)) is None:
            outer = self.id_of(note.cited_in) if note.cited_in is not None else None
            known = self.ids[note] = f"s{len(self.ids)}"
            self[known] = Source(
                id=known, title=note.title, kind=note.kind, publisher=note.publisher, author=note.author,
                url=note.url, note=note.note, cited_in=outer,
            )  # fmt: skip
        return known


@lru_cache(maxsize=4096)  # an export's rows cite the same few sources, row after row
def _sources_text(notes: tuple[SourceNote, ...]) -> str:
    sources = _Sources()
    return sources_cell(sources, list(map(sources.id_of, notes)))


def _claims_text(notes: tuple[ClaimNote, ...]) -> str:
    sources = _Sources()
    claims = [  # (a claimant's name is their id here)
        Claim(
            by=note.by,
            statement=note.statement,
            source=sources.id_of(note.source) if note.source else None,
            cited=tuple(map(sources.id_of, note.cited)),
        )
        for note in notes
    ]
    return claims_cell(sources, str, claims)


def unfit(provenance: Provenance) -> str | None:
    """What in the cell the dataset could not hold as it is (a control character anywhere, a line break
    in a one-line field, a chain of sources known through others longer than ``MAX_CHAIN``), or None."""

    def source(first: SourceNote | None, path: str) -> str | None:
        for depth, note in enumerate(islice(known_chain(first), MAX_CHAIN + 2)):
            if depth > MAX_CHAIN:  # (the source, then more than MAX_CHAIN it is known through)
                return f"{path} is known through a chain of more than {MAX_CHAIN} sources"
            at = path + ".cited_in" * depth
            lines = {"title": note.title, "publisher": note.publisher, "author": note.author, "url": note.url}
            for field, text in lines.items():
                if text is not None and (has_control(text) or LINE_BREAK.search(text)):
                    return f"{at}.{field} is not one line of plain text"
            if note.note is not None and has_control(note.note):
                return f"{at}.note holds a control character"
        return None

    found = [source(s, f"$.sources[{i}]") for i, s in enumerate(provenance.sources)]
    for i, claim in enumerate(provenance.claims):
        path = f"$.claims[{i}]"
        texts = [(f"{path}.by[{j}]", name) for j, name in enumerate(claim.by)] + [
            (f"{path}.statement", claim.statement)
        ]
        found += [
            f"{where} is not one line of plain text"
            for where, text in texts
            if has_control(text) or LINE_BREAK.search(text)
        ]
        found.append(source(claim.source, f"{path}.source"))
        found += [source(s, f"{path}.cited[{j}]") for j, s in enumerate(claim.cited)]
    found += [_unfit_actor(actor, f"$.actors[{i}]") for i, actor in enumerate(provenance.actors)]
    for i, quote in enumerate(provenance.quotes):
        path = f"$.quotes[{i}]"
        lines = {"id": quote.id, "speaker": quote.speaker}
        found += [
            f"{path}.{field} is not one line of plain text" for field, text in lines.items() if not _one_line(text)
        ]
        found += [
            f"{path}.{field} holds a control character"
            for field in ("text", "context")
            if has_control(getattr(quote, field))
        ]
        found.append(source(quote.source, f"{path}.source"))
    return next(filter(None, found), None) or _unheld(provenance)


def _unfit_actor(actor: ActorNote, path: str) -> str | None:
    lines = [("name", actor.name), ("side", actor.side), ("fate", actor.fate)]
    lines += [(f"aliases[{j}]", alias) for j, alias in enumerate(actor.aliases)]
    for j, relation in enumerate(actor.relations):
        lines += [(f"relations[{j}].target", relation.target), (f"relations[{j}].note", relation.note)]
    for field, text in lines:
        if not _one_line(text):
            return f"{path}.{field} is not one line of plain text"
    return f"{path}.profile holds a control character" if has_control(actor.profile) else None


def _one_line(text: str | None) -> bool:
    return text is None or not (has_control(text) or LINE_BREAK.search(text))


def _unheld(provenance: Provenance) -> str | None:
    """What the model would refuse in the row (its own checks, on the notes, as each is one source):
    a source known through one the event does not cite, a work cited that is not known through the
    claim's source."""
    cited = set(provenance.sources)
    for i, note in enumerate(provenance.sources):
        if note.cited_in is not None and note.cited_in not in cited:
            return f"$.sources[{i}] is known through a source the event does not cite"
    for i, claim in enumerate(provenance.claims):
        for j, work in enumerate(claim.cited):
            if claim.source is None or claim.source not in known_chain(work.cited_in):  # (chains: measured before)
                return f"$.claims[{i}].cited[{j}] is not known through the claim's source"
    return None


def known_chain(note: SourceNote | None) -> Iterator[SourceNote]:
    """The source, the one it is known through, and so on (a loop, not recursion: a hand-made chain may be deep)."""
    while note is not None:
        yield note
        note = note.cited_in
