"""Our CSV export's ``provenance`` cells read back into the dataset (``junquito_csv`` reads the rows;
``csv_provenance`` is the cell's format): each source a cell describes made once, the claims, the
quotes, the actors as the cells describe them; and, for a row whose readable cells were changed since
(read as text), its sources taken for those other rows describe where its cell names them as they
were named (``as_described``).
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..records import ActorKind
from ..text import SLUG_PATTERN
from .builder import ActorBook
from .csv_provenance import (
    EMPTY,
    ActorNote,
    ClaimNote,
    Provenance,
    QuoteNote,
    SourceNote,
    cells_of,
    known_chain,
    named_as,
    read_provenance,
    unfit,
)
from .ids import IdAllocator
from .sheets import Sheet
from .timelinejs_media import SourceBook

FILE_SOURCE = "csv-file"  # the id of the source the file itself is (every row cites it)
# ... for rows whose certainty cell says the file they came from gave none: confirmed only as listed
FILE_LISTED = "csv-file-listed"
DESCRIBED_ELSEWHERE = (
    "a source named by title and address in a row read as text is the one other rows describe in full "
    "(kind, publisher, ...): read as that source"
)


class ProvenanceReader:
    """The rows' provenance cells read into the dataset's records: each source made once, the claims,
    the quotes, the actors' descriptions; and the rows read as text matched to the sources others describe."""

    def __init__(self, sheet: Sheet, book: SourceBook, actors: ActorBook, *, column: bool) -> None:
        self.sheet, self.book, self.actors = sheet, book, actors
        self.made: dict[SourceNote, str] = {}
        self.row: dict[SourceNote, str] = {}  # this row's, said or not: a refused address is said once a row
        self.named: dict[tuple[str, str | None], set[str]] = {}  # as a sources cell names them -> the sources
        # ... -> every description of a source so named, in any row's cell (one read as text too: another
        # source of that name, which only it describes, is not to be taken for the one other rows do)
        self.descriptions: dict[tuple[str, str | None], set[SourceNote]] = {}
        self.extra: Provenance | None = None  # the row's cell, read for its quotes and actors
        self.described: dict[str, tuple[ActorNote, str]] = {}  # actor id -> its description, and where
        # actor id made here -> the id the kept description gives, else the first note giving one alone; and where
        self.described_ids: dict[str, tuple[str, str]] = {}
        self.bare_ids: dict[str, tuple[str, str]] = {}
        self.quotes: list[dict[str, Any]] = []
        self.quote_ids = IdAllocator()
        self.plain: dict[str, str] = {}  # actor id -> the first row naming it, not describing it
        # the rows read as text: where, the event, each source its sources cell names, as written
        self.text_rows: list[tuple[str, dict[str, Any], list[tuple[str, tuple[str, str | None]]]]] = []
        self.column = column  # the file has the column

    def read(self, text: str, sources: str, claims: str, where: str) -> Provenance | None:
        """The row's sources and claims as its provenance cell describes them, where it reads as our
        export writes it and the sources and claims cells are still what the export wrote from it;
        else None (said, where the file has the column): those cells are read, as text."""
        self.row, self.extra = {}, None
        if not text:
            if self.column:  # (the export writes '{}' for an event with neither)
                self.sheet.notes.add(
                    where, f"provenance cell empty ({EMPTY}); the sources and claims cells are read, as text"
                )
            return None
        try:
            found = read_provenance(text)
        except (msgspec.ValidationError, msgspec.DecodeError) as error:
            problem: str | None = str(error)
        except RecursionError:  # (msgspec's, before Python's own limit)
            problem = "nested too deeply"
        else:
            problem = unfit(found)
            if problem is None:
                self.extra = found  # its quotes and actors: no readable cell of theirs can have been changed
                if cells_of(found) == (sources, claims):
                    return found
                for note in found.sources:  # (what it was read as, before: see ``descriptions``)
                    for each in known_chain(note):
                        self.descriptions.setdefault(named_as(each), set()).add(each)
                problem = "the sources or claims cell is not what the export wrote with it: changed since?"
                if found.quotes or found.actors:
                    self.sheet.notes.add(
                        where,
                        f"provenance cell's sources and claims not read ({problem}); the sources and claims cells "
                        "are read, as text, and the cell's quotes and actors as written",
                    )
                    return None
        self.sheet.notes.add(
            where, f"provenance cell not read ({problem}); the sources and claims cells are read, as text"
        )
        return None

    def sources(self, notes: tuple[SourceNote, ...], where: str) -> list[str]:
        return list(dict.fromkeys(self.source(note, where) for note in notes))  # two alike are one source

    def source(self, note: SourceNote, where: str) -> str:
        """The id of the source ``note`` describes (and of the one it is known through, made first)."""
        if (known := self.made.get(note) or self.row.get(note)) is not None:
            return known
        said = self.sheet.notes.said
        fields = {"title": note.title, "kind": note.kind.value, "publisher": note.publisher, "author": note.author}
        fields |= {"note": note.note, "cited_in": self.source(note.cited_in, where) if note.cited_in else None}
        if note.url:  # not a web address: said, left out; one tidied (a space, say): said, as kept
            fields["url"] = address = self.book.safe_url(note.url, where)
            if address is not None and address != note.url:
                self.sheet.notes.add(where, f"link {note.url[:60]!r} kept as {address[:60]!r}")
        made = self.row[note] = self.book.described(
            {name: value for name, value in fields.items() if value is not None}
        )
        if self.sheet.notes.said == said:  # (one said something of is looked at again in each row, to be said there)
            self.made[note] = made
        self.named.setdefault(named_as(note), set()).add(made)
        self.descriptions.setdefault(named_as(note), set()).add(note)
        return made

    def describe(self, notes: tuple[ActorNote, ...], where: str) -> None:
        """The actors the row describes beyond their names: the first description of each is kept."""
        for note in notes:
            actor = self.actors.take(note.name)
            if _bare(note):  # its name and id alone (the export gives every actor's id): named, not described
                if note.id is not None:
                    self.bare_ids.setdefault(actor, (note.id, where))
                self.undescribed({actor}, where)
                continue
            if (first := self.described.get(actor)) is None:
                self.described[actor] = (note, where)
                if note.id is not None:
                    self.described_ids[actor] = (note.id, where)
            elif first[0] != note:
                self.sheet.notes.group(f"actor {note.name!r} described otherwise than on {first[1]}: that kept", where)

    @property
    def given_ids(self) -> dict[str, tuple[str, str]]:
        """The ids the cells give the actors made here (``ActorBook.settle``), and where."""
        return self.bare_ids | self.described_ids

    def undescribed(self, actors: set[str], where: str) -> None:
        """Actors a row names and does not describe (the export describes one everywhere it names it, or
        nowhere): one another row describes is two actors of one name, read as one (``actor_records``)."""
        for actor in actors:
            self.plain.setdefault(actor, where)

    def quote(self, notes: tuple[QuoteNote, ...], event: str, where: str) -> None:
        """The event's quotes, each with an id of its own, its speaker by name, its source described."""
        for note in notes:
            wanted = note.id if SLUG_PATTERN.fullmatch(note.id) else ""
            quote_id = self.quote_ids.take(wanted or f"quote-{where.split()[-1]}")
            if quote_id != note.id:
                self.sheet.notes.add(where, f"quote id {note.id!r} is not a unique lowercase slug; it is {quote_id!r}")
            quote = {"id": quote_id, "text": note.text, "event": event, "source": self.source(note.source, where)}
            if note.speaker is not None:
                quote["speaker"] = self.actors.take(note.speaker)
            if note.context:
                quote["context"] = note.context
            self.quotes.append(quote)

    def actor_records(self) -> list[dict[str, Any]]:
        """The actors, each described as its first description says (its relations' actors by name)."""
        for record in list(self.actors.actors):  # (a relation may name an actor no row names: made here)
            if (found := self.described.get(record["id"])) is None:
                continue
            note, where = found
            if (plain := self.plain.get(record["id"])) is not None:
                self.sheet.notes.add(
                    plain,
                    f"actor {note.name!r} named with no description here, described on {where}: two actors "
                    "of one name? read as one, as described",
                )
            record |= {"kind": note.kind.value, "side": note.side, "profile": note.profile, "fate": note.fate}
            record["aliases"] = list(note.aliases)
            relations = {}
            for relation in note.relations:
                target = self.actors.take(relation.target)
                if target == record["id"]:
                    self.sheet.notes.add(where, f"actor {note.name!r} related to itself: relation not read")
                    continue
                made = {"type": relation.type.value, "target": target}
                if relation.note is not None:
                    made["note"] = relation.note
                relations[(relation.type.value, target, relation.note)] = made  # (two alike: one)
            record["relations"] = list(relations.values())
            for name in ("side", "fate"):
                if record[name] is None:
                    del record[name]
        return self.actors.actors

    def as_described(self) -> None:
        """A source a row read as text names exactly as the sources cell names one source other rows
        describe in full (its title, with how it is known, and its address, as written), and no other:
        that source, said; but only where the row cites every source it is known through too (else the
        row keeps the sources it read: the model would refuse it). Those made from text and no longer
        cited go."""
        described = {
            key: next(iter(made))
            for key, made in self.named.items()
            if len(made) == 1 and len(self.descriptions[key]) == 1
        }
        outer = {source["id"]: source.get("cited_in") for source in self.book.sources}
        for where, event, written in self.text_rows:
            read = list(dict.fromkeys(source for source, _ in written))
            ids = list(dict.fromkeys(described.get(key, source) for source, key in written))
            first = event["sources"][0]  # (FILE_SOURCE, or FILE_LISTED)
            if ids != read and all(_known_through_cited(outer, source, {first, *ids}) for source in ids):
                event["sources"] = [first, *ids]
                self.sheet.notes.group(DESCRIBED_ELSEWHERE, where)
        cited = {source for _, event, _ in self.text_rows for source in event["sources"]}
        self.book.drop(set(self.book.written_ids()) - cited)

    def claim(self, claim: ClaimNote, where: str) -> dict[str, Any]:
        made: dict[str, Any] = {
            "by": list(dict.fromkeys(map(self.actors.take, claim.by))),
            "statement": claim.statement,
        }
        if claim.source is not None:
            made["source"] = self.source(claim.source, where)
        made["cited"] = self.sources(claim.cited, where)
        return made


def _bare(note: ActorNote) -> bool:
    """Whether the note says nothing of the actor but its name and id."""
    return note.kind is ActorKind.OTHER and not (
        note.side or note.profile or note.aliases or note.fate or note.relations
    )


def _known_through_cited(outer: dict[str, str | None], source: str, cited: set[str]) -> bool:
    """Whether every source ``source`` is known through (``outer``: each one's ``cited_in``) is ``cited``."""
    through = outer.get(source)
    while through is not None:
        if through not in cited:
            return False
        through = outer.get(through)
    return True
