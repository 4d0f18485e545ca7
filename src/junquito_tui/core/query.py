"""The search query language, read leniently: it never raises, it explains what it ignored.

perez video              both words (AND); the last one also as a prefix while typing
"order fulfilled"        a phrase
-maduro  -"six others"   exclusions
actor:oscar-perez  actor:rubio  actor:"marco rubio"
kind:event|actor|quote|source   tag:raid
date:2018-01-15  date:2017-06..2017-12  date:..2017  date:2018-01..
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .folding import pieces, words
from .model import Precision, When

KINDS = ("event", "actor", "quote", "source")
FIELDS = ("actor", "kind", "tag", "date")
_PIECE = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)("?)|(\S+))')
_FIELD_ONLY = re.compile(r"[A-Za-z]+:")
# ASCII digits only (``\d`` takes '٢٠١٨' too) and the whole text (``$`` allows a final newline).
_DATE = re.compile(r"-?[0-9]{1,12}(?:-[0-9]{2}(?:-[0-9]{2})?)?")

DateKey = tuple[int, int, int, int]


@dataclass(frozen=True)
class DateRange:
    start: DateKey | None  # None: open
    end: DateKey | None
    text: str

    def overlaps(self, start: DateKey, end: DateKey) -> bool:
        return (self.end is None or start <= self.end) and (self.start is None or end >= self.start)


@dataclass
class Query:
    terms: list[str] = field(default_factory=list)  # required, folded (last may be a prefix)
    compounds: list[list[str]] = field(default_factory=list)  # 'btr-80a' -> ['btr', '80', 'a']
    phrases: list[list[str]] = field(default_factory=list)
    excluded_terms: list[str] = field(default_factory=list)
    excluded_compounds: list[list[str]] = field(default_factory=list)
    excluded_phrases: list[list[str]] = field(default_factory=list)
    prefix_last: bool = False
    open_phrase: bool = False  # the last phrase is still being typed: its last word is a prefix
    kinds: set[str] = field(default_factory=set)
    actors: list[str] = field(default_factory=list)  # as typed; resolved against the dataset later
    tags: list[str] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.terms or self.compounds or self.phrases or self.kinds or self.actors or self.tags or self.dates
        )

    @property
    def highlight_terms(self) -> list[str]:
        return self.terms + [t for p in self.phrases for t in p]

    @property
    def highlight_prefixes(self) -> list[str]:
        """Words matched by their start: the last word while typing, and the pieces of compounds."""
        prefixes = [p for c in self.compounds for p in c if len(p) > 1]
        if self.open_phrase and self.phrases:
            prefixes.append(self.phrases[-1][-1])
        return prefixes + ([self.terms[-1]] if self.prefix_last and self.terms else [])


def parse_query(text: str, *, typing: bool = True) -> Query:
    """Read ``text``; ``typing`` makes the last bare word a prefix (as the user is still typing it)."""
    query = Query()
    last_word_at_end = False
    for match in _PIECE.finditer(text):
        minus, name, quoted, closing, bare = match.groups()
        if name is None and bare is not None and _FIELD_ONLY.fullmatch(bare):
            name, bare = bare[:-1], ""  # 'actor:' typed, value still to come
        value = quoted if quoted is not None else bare
        if quoted is not None and not closing:
            query.hints.append(f'unclosed quote: read "{quoted.strip()}" as a phrase')
            query.open_phrase = typing and not minus and not text.endswith((" ", '"'))
        if name is not None:
            _field(query, name.lower(), value, bool(minus))
            last_word_at_end = False
            continue
        if bare is not None and bare == "-":
            continue
        terms = words(value)
        if not terms:
            continue
        is_phrase = quoted is not None and len(terms) > 1
        parts = pieces(value)
        compound = not is_phrase and len(parts) > 1
        if minus:
            if is_phrase:
                query.excluded_phrases.append(terms)
            elif compound:
                query.excluded_compounds.append(parts)
            else:
                query.excluded_terms.append(terms[0])
        elif is_phrase:
            query.phrases.append(terms)
        elif compound:
            query.compounds.append(parts)
        else:
            query.terms.append(terms[0])
        at_end = match.end() == len(text.rstrip()) == len(text)
        last_word_at_end = quoted is None and not minus and not compound and at_end
    query.prefix_last = typing and last_word_at_end and bool(query.terms)
    if query.prefix_last and len(query.terms) > 1 and len(query.terms[-1]) < 2:
        query.terms.pop()  # a word just begun ('police s') narrows nothing until its second letter
        query.prefix_last = False
    return query


def _field(query: Query, name: str, value: str, negated: bool) -> None:
    if negated:
        query.hints.append(f"-{name}: cannot be excluded; ignored")
        return
    if not value:
        query.hints.append(f"{name}: needs a value; ignored")
    elif name == "kind":
        kind = value.lower().rstrip("s")
        if kind in KINDS:
            query.kinds.add(kind)
        else:
            query.hints.append(f"kind:{value} is not one of {', '.join(KINDS)}; ignored")
    elif name == "actor":
        query.actors.append(value)
    elif name == "tag":
        query.tags.append("".join(words(value)) or value.lower())
    elif name == "date":
        parsed = parse_date_range(value)
        if parsed is None:
            query.hints.append(f"date:{value} is not a date like 2018-01-15 or 2017-06..2017-12; ignored")
        else:
            query.dates.append(parsed)
    else:
        query.hints.append(f"unknown field '{name}:' (use {', '.join(f + ':' for f in FIELDS)}); searched as words")
        query.terms.extend(words(value))


def parse_date_range(text: str) -> DateRange | None:
    """'2018-01-15', '2017-06..2017-12', '..2017', '2018-01..': None if not a valid date or range."""
    low, sep, high = text.partition("..")
    if not sep:
        high = low
    bounds: list[DateKey | None] = []
    for index, part in enumerate((low, high)):
        if not part:
            if not sep:
                return None
            bounds.append(None)
            continue
        when = _when(part)
        if when is None:
            return None
        bounds.append(when.sort_key() if index == 0 else when.end_key())
    start, end = bounds
    if start is not None and end is not None and end < start:
        return None
    return DateRange(start, end, text)


def _when(part: str) -> When | None:
    if not _DATE.fullmatch(part):
        return None
    precision = ("year", "month", "day")[part.lstrip("-").count("-")]
    try:
        return When(date=part, precision=Precision(precision))
    except ValueError:
        return None
