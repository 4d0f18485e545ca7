"""A part of an ACLED export as the child (``acled_part``) hands it to the app: the rows' fields a
column at a time, what repeats given once, and what the child's registers made meanwhile (``Batches``
makes each), written as msgpack. Apart from ``acled_part`` so that starting the child (before the
interface) imports neither msgspec nor the readers: only the child and the app's loading thread
need them.
"""

from __future__ import annotations

from itertools import count, islice
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from .acled_fast import _Columns


class Part(msgspec.Struct, array_like=True, frozen=True):
    """The rows after the cut, each field a column in the rows' order; what repeats is given once,
    with each row's index into it (``*_of``)."""

    rows: int  # read (as ``Counts.rows``), since the part before
    empty: int  # skipped, as empty
    wheres: list[str]
    ids: list[str]
    lowered: tuple[str, str] | None  # the first id lowercased, and where (``acled._Memo.lowered``)
    dates: list[tuple[str, str]]  # (event_date, time_precision) cells, first met first
    date_of: list[int]
    sources: list[str]  # source cells
    source_of: list[int]
    titles: list[str]
    title_of: list[int]
    summaries: list[str]
    places: list[str | None]
    tag_sets: list[tuple[str, ...]]
    tags_of: list[int]
    # What the child's registers made while reading these rows, numbered across its parts (an actor's
    # number: its place among all the actors made in the child, first made first; a participant's too).
    actors: list[tuple[str, str, str | None]]  # (name, kind, side): the call that made each new actor
    participants: list[tuple[int, str]]  # new (actor, role) pairs
    casts: list[tuple[int, ...]]  # each a tuple of participants' numbers
    cast_of: list[int]
    codings: list[tuple[int, list[tuple[str, str]]]]  # (actor, its new (type, first row) pairs), first coded first
    used: dict[int, int]  # columns ACLED does not have: rows with text, by position
    respelt: list[str]  # names met under another spelling of an actor made before (``ActorBook.spelt_by``)
    last: bool  # the child's last part: it read to the file's end


DECODER = msgspec.msgpack.Decoder(Part)


class Batches:
    """In the child: its rows handed over a part at a time (``next``), each with what the registers made
    since the part before, numbered across the parts (actors, participants, codings)."""

    def __init__(self, reading: _Columns) -> None:
        self.reading = reading
        self.actor_number: dict[str, int] = {}  # actor id -> its number
        self.person_number: dict[int, int] = {}  # id of a participant record -> its number
        self.coded: dict[str, int] = {}  # actor id -> its codings handed over
        self.rows = self.empty = self.spelt = 0

    def next(self, rows: int, empty: int, *, last: bool = False) -> Part:
        """The rows read since the part before (``rows``, ``empty``: counted so far) as a ``Part``."""
        reading = self.reading
        fields, kept_dates, kept_sources = reading.batch()
        memo, made_by, book = reading.memo, reading.book.actors.made_by, reading.book.actors.actors
        assert made_by is not None
        new_actors = made_by[len(self.actor_number) :]  # (one call per actor made, in order)
        self.actor_number.update(
            zip((actor["id"] for actor in book[len(self.actor_number) :]), count(len(self.actor_number)))
        )
        people = list(islice(reading.people.values(), len(self.person_number), None))  # (made, never dropped)
        self.person_number.update(zip(map(id, people), count(len(self.person_number))))
        dates, date_of = _by_value(kept_dates)
        sources, source_of = _by_value(kept_sources)
        titles, title_of = _by_identity(fields["title"])
        tag_sets, tags_of = _by_identity(fields["tags"])
        casts, cast_of = _by_identity(fields["actors"])
        codings = []
        for actor, coded in memo.codings.items():
            if len(coded) > (handed := self.coded.get(actor, 0)):
                codings.append((self.actor_number[actor], list(islice(coded.items(), handed, None))))
                self.coded[actor] = len(coded)
        spelt_by = reading.book.actors.spelt_by
        assert spelt_by is not None
        respelt, self.spelt = spelt_by[self.spelt :], len(spelt_by)
        used = dict(reading.extras.used)
        reading.extras.used.clear()
        part = Part(
            rows=rows - self.rows, empty=empty - self.empty, wheres=list(fields["where"]), ids=fields["id"],
            lowered=memo.lowered, dates=dates, date_of=date_of, sources=sources, source_of=source_of, titles=titles,
            title_of=title_of, summaries=fields["summary"], places=fields["place"], tag_sets=tag_sets, tags_of=tags_of,
            actors=new_actors, participants=[(self.actor_number[one.actor], one.role) for one in people],
            casts=[tuple(map(self.person_number.__getitem__, map(id, cast))) for cast in casts], cast_of=cast_of,
            codings=codings, used=used, respelt=respelt, last=last,
        )  # fmt: skip
        self.rows, self.empty = rows, empty
        return part


def _by_value(values: list[Any]) -> tuple[list[Any], list[int]]:
    """The distinct values, first met first, and each value's index among them."""
    index = dict(zip(dict.fromkeys(values), count()))
    return list(index), list(map(index.__getitem__, values))


def _by_identity(values: list[Any]) -> tuple[list[Any], list[int]]:
    """The same for values the reading shares (one object per distinct value: its memos' own)."""
    ids = list(map(id, values))
    distinct = dict(zip(ids, values, strict=True))  # (an id's first value is its every value: one object)
    index = dict(zip(distinct, count()))
    return list(distinct.values()), list(map(index.__getitem__, ids))
