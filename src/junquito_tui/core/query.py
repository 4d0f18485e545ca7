"""The search query language, read leniently: it never raises, it explains what it ignored.

perez video              both words (AND); the last one also as a prefix while typing; each word
                         also finds the other forms of its stem (helicopter: helicopters)
"helicopter"             one quoted word: that word only, no other forms
"order fulfilled"        a phrase: these words in a row, as written
-maduro  -"six others"   exclusions (an excluded word excludes its other forms too)
actor:oscar-perez  actor:rubio  actor:"marco rubio"   linked to an actor (id, or words of a name)
by:maduro                events with a claim made by that actor (id or name, as actor:)
kind:event|actor|quote|source   tag:raid   certainty:confirmed|reported|alleged|disputed
date:2018-01-15  date:2017-06..2017-12  date:..2017  date:2018-01..
                         a year or month bound covers that whole year or month, at either end;
                         an event overlapping the range matches; an undated event never does
is:starred  note:WORD  mytag:NAME   the user's notebook (matches nothing when no notebook is open)

A filter that cannot be used (kind:person, date:2018-02-30, -actor:x) or resolved against the
dataset (an actor or tag that does not exist) makes the query match nothing, and says why in
``unusable`` (or, for resolution, in the search results); only a field still empty while typing
(``actor:``) is ignored.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .annotations import tag_key
from .folding import pieces, words
from .records import Certainty, Precision, When

KINDS = ("event", "actor", "quote", "source")
CERTAINTIES = tuple(c.value for c in Certainty)
FIELDS = ("actor", "by", "kind", "tag", "certainty", "date", "is", "note", "mytag", "id")
IS_VALUES = ("starred",)
MIN_PREFIX = 2  # shorter words are never expanded as prefixes
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
    literal: set[str] = field(default_factory=set)  # quoted single words: matched as written, no stemming
    kinds: set[str] = field(default_factory=set)
    actors: list[str] = field(default_factory=list)  # as typed; resolved against the dataset later
    claimants: list[str] = field(default_factory=list)  # by: as typed, resolved like actors
    tags: list[str] = field(default_factory=list)
    certainties: set[str] = field(default_factory=set)
    dates: list[DateRange] = field(default_factory=list)
    starred: bool = False  # is:starred
    notes: list[list[str]] = field(default_factory=list)  # note: each a list of folded words, all required
    mytags: list[str] = field(default_factory=list)  # mytag:, normalised like tag:
    ids: list[str] = field(default_factory=list)  # id:, lowercased (an ACLED export's 'VEN1001' is 'ven1001')
    typed: dict[str, str] = field(default_factory=dict)  # a normalised tag -> as typed, for messages
    hints: list[str] = field(default_factory=list)  # what was read leniently
    unusable: list[str] = field(default_factory=list)  # filters that cannot be used: the query matches nothing

    @property
    def filters(self) -> bool:
        return bool(
            self.kinds
            or self.actors
            or self.claimants
            or self.tags
            or self.certainties
            or self.dates
            or self.ids
            or self.notebook
        )

    @property
    def notebook(self) -> bool:
        """Whether the query asks the user's notebook (is:starred, note:, mytag:)."""
        return self.starred or bool(self.notes or self.mytags)

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.compounds or self.phrases or self.filters or self.unusable)

    @property
    def words_wanted(self) -> int:
        """How many words the query asks for (a compound counts once): a name of about as many is a name match."""
        return len(self.terms) + sum(map(len, self.phrases)) + len(self.compounds)

    @property
    def highlight_terms(self) -> list[str]:
        return self.terms + [t for p in self.phrases for t in p]

    @property
    def compound_heads(self) -> list[str]:
        """How each compound's first word starts (a later piece may start no word: '16' of 'F16')."""
        return [c[0] if len(c[0]) >= MIN_PREFIX else c[0] + c[1] for c in self.compounds]

    @property
    def highlight_prefixes(self) -> list[str]:
        """Words matched by their start: the last word while typing. Compounds are highlighted by their
        own pattern: as prefixes, 'btr' of 'BTR-80A' marked 'btr80', which is not a match."""
        prefixes = []
        if self.open_phrase and self.phrases:
            prefixes.append(self.phrases[-1][-1])
        return prefixes + ([self.terms[-1]] if self.prefix_last and self.terms else [])


# A number with its thousands grouped by one mark, as a query word: read as the number ('1,200', '12.500')
_GROUPED_NUMBER = re.compile(r"[1-9]\d{0,2}([,.])\d{3}(?:\1\d{3})*")


# Other engines' operators, searched here as words: what the query does instead, said
_OPERATORS = {
    "OR": "OR is searched as a word: every word must match (there is no OR: search each word in turn)",
    "AND": "AND is searched as a word: every word must match without it",
    "NOT": "NOT is searched as a word: -word leaves a word out",
}


def parse_query(text: str, *, typing: bool = True) -> Query:
    """Read ``text``; ``typing`` makes the last bare word a prefix (as the user is still typing it)."""
    query = Query()
    last_word_at_end = False
    said: set[str] = set()  # the operators of other search engines met, each hinted once
    text = _BCE_SPACED.sub(r"\1\2", text)  # ('date:460 BCE', as the app shows the year: one value)
    for match in _PIECE.finditer(text):
        minus, name, quoted, closing, bare = match.groups()
        if name is None and bare is not None and _FIELD_ONLY.fullmatch(bare):
            name, bare = bare[:-1], ""  # 'actor:' typed, value still to come
        value = quoted if quoted is not None else bare
        if quoted is not None and not closing:
            query.hints.append(f'unclosed quote: read "{quoted.strip()}" as a phrase')
            query.open_phrase = typing and not minus and not text.endswith((" ", '"'))
        if name is not None:
            _field(query, name.lower(), value, negated=bool(minus), typing=typing)
            last_word_at_end = False
            continue
        if bare is not None and bare == "-":
            continue
        if bare in _OPERATORS and not minus and bare not in said:  # ('gedeón OR pérez': 0 results, unsaid)
            said.add(bare)
            query.hints.append(_OPERATORS[bare])
        if _GROUPED_NUMBER.fullmatch(value):  # '1,200' is 1200, found however the text groups it ('1 200' too)
            value = re.sub(r"\D", "", value)
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
        if quoted is not None and not is_phrase and not compound:
            query.literal.add(terms[0])
        at_end = match.end() == len(text.rstrip()) == len(text)
        last_word_at_end = quoted is None and not minus and not compound and at_end
    if len(query.dates) > 1:  # ('date:2018 date:2019': 0 results, unsaid)
        # earliest first: 'date:2018 date:2017' suggested 'date:2018..2017', which runs backwards (a trial); an open
        # or a ranged one by its days ('date:FROM..TO' was refused as it stood: a re-trial)
        first = min(query.dates, key=lambda d: (d.start is not None, d.start or ()))
        last = max(query.dates, key=lambda d: (d.end is None, d.end or ()))
        if ".." not in first.text + last.text:
            one = (
                f"date:{first.text}" if first is last or first.text == last.text else f"date:{first.text}..{last.text}"
            )
        elif first.start is None and last.end is None:
            one = "every date, no date: filter"
        else:
            one = f"date:{_day_text(first.start, True)}..{_day_text(last.end, False)}"
        suggested = f"{one}: one range" if one.startswith("date:") else one
        query.hints.append(f"{len(query.dates)} date: filters: a result is within every one of them ({suggested})")
    # how two filters of one field combine, which their words do not say (a trial: 'tag:raid tag:ancient', 0 results)
    if len(set(query.tags)) > 1:
        query.hints.append(f"{len(set(query.tags))} tag: filters: a result has every one of them")
    for name, chosen in (("kind", query.kinds), ("certainty", query.certainties)):
        if len(chosen) > 1:
            query.hints.append(f"{len(chosen)} {name}: filters: a result has any one of them")
    if query.certainties and (others := sorted(query.kinds - {"event"})):  # (quotes were left out unsaid: a re-trial)
        kinds = " ".join(f"kind:{kind}" for kind in others)
        query.hints.append(f"certainty: is an event's: {kinds} results have none, and are left out")
    query.prefix_last = typing and last_word_at_end and bool(query.terms)
    if query.prefix_last and len(query.terms) > 1 and len(query.terms[-1]) < 2:
        query.terms.pop()  # a word just begun ('police s') narrows nothing until its second letter
        query.prefix_last = False
    return query


def _field(query: Query, name: str, value: str, *, negated: bool, typing: bool) -> None:
    if name not in FIELDS:
        query.hints.append(f"unknown field '{name}:' (use {', '.join(f + ':' for f in FIELDS)}); searched as words")
        (query.excluded_terms if negated else query.terms).extend(words(value))
    elif negated:
        query.unusable.append(f"-{name}: cannot be excluded (only words and phrases can)")
    elif not value:
        if typing:
            query.hints.append(f"{name}: needs a value; ignored")
        else:
            query.unusable.append(f"{name}: needs a value")
    else:
        problem = _FILTERS[name](query, value)
        if problem:
            query.unusable.append(problem)


def _kind(query: Query, value: str) -> str | None:
    kind = value.lower().rstrip("s")
    if kind not in KINDS:
        return f"kind:{value} is not one of {', '.join(KINDS)}"
    query.kinds.add(kind)
    return None


def _certainty(query: Query, value: str) -> str | None:
    # A start is enough ('certainty:disp'): the four values differ from their first letter.
    found = [c for c in CERTAINTIES if c.startswith(value.lower())]
    if len(found) != 1:
        return f"certainty:{value} is not one of {', '.join(CERTAINTIES)}"
    query.certainties.add(found[0])
    return None


def _day_text(key: DateKey | None, start: bool) -> str:
    """A range's bound as ``date:`` reads it, to the day ('' for an open end)."""
    from .date_keys import first_day, iso_date, last_day

    return "" if key is None else iso_date(first_day(key) if start else last_day(key))


def _date(query: Query, value: str) -> str | None:
    parsed = parse_date_range(value)
    if parsed is None:
        return _why_not(value)
    if all((d.start, d.end) != (parsed.start, parsed.end) for d in query.dates):  # the same range twice is one
        query.dates.append(parsed)  # (a re-trial: 'date:X date:X' lost every hint a single range gets)
    for part in value.split(".."):  # (a year BCE is shown '460 BCE', and TimelineJS writes it -460)
        if (year := _NEGATIVE_YEAR.match(part)) is not None:
            number = int(year.group(1))
            query.hints.append(
                f"date:{part} counts years as ISO 8601 does, with a year 0 (1 BCE): {part} is {number + 1} BCE; "
                f"for {number} BCE write date:{number}BCE (or date:-{number - 1})"
            )
        elif _LONG_YEAR.fullmatch(part) is not None:  # ('date:20200321' found nothing, unsaid: a date trial)
            query.hints.append(_long_year(part))
    return None


_LONG_YEAR = re.compile(r"\+?[0-9]{5,}")


def _long_year(part: str) -> str:
    """What a date filter of five digits or more is read as: a year (deep time's years are kept, to 12 digits),
    and the day a basic-format date ('20200321') would be written as here."""
    said = f"date:{part} is read as the year {int(part):,}"
    digits = part.lstrip("+")
    if len(digits) == 8:
        try:
            day = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return said
        return f"{said}; for {day.day} {day:%B} {day.year} write date:{day.isoformat()}"
    return said


_NEGATIVE_YEAR = re.compile(r"-0*([1-9][0-9]*)")
# A year BCE typed with its space after date: (or after '..'), which made the year CE and a word 'bce'
_BCE_SPACED = re.compile(r"((?:\bdate:|\.\.)[0-9]{1,12})\s+(BCE|BC|B\.C\.(?:E\.)?)(?!\w|\.(?!\.))", re.IGNORECASE)
# A year BCE as the app shows it ('460 BCE', '460BC'): ISO 8601's year 1 - 460
_BCE_YEAR = re.compile(r"([0-9]{1,12})\s?(?:BCE|BC|B\.C\.(?:E\.)?)", re.IGNORECASE)


def _is(query: Query, value: str) -> str | None:
    if value.lower() not in IS_VALUES:
        return f"is:{value} is not one of {', '.join(IS_VALUES)}"
    query.starred = True
    return None


def _note(query: Query, value: str) -> str | None:
    found = words(value)
    if not found:
        return f"note:{value} has no word to look for"
    query.notes.append(found)
    return None


def _append(target: str, normalise: Callable[[str], str] = str) -> Callable[[Query, str], str | None]:
    def add(query: Query, value: str) -> str | None:
        getattr(query, target).append(key := normalise(value))
        query.typed.setdefault(key, value)
        return None

    return add


_FILTERS: dict[str, Callable[[Query, str], str | None]] = {
    "actor": _append("actors"),
    "by": _append("claimants"),
    "kind": _kind,
    "tag": _append("tags", normalise=tag_key),
    "certainty": _certainty,
    "date": _date,
    "is": _is,
    "note": _note,
    "mytag": _append("mytags", normalise=tag_key),
    "id": _append("ids", normalise=str.lower),
}


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


def _why_not(value: str) -> str:
    """What is wrong with a date filter, as precisely as can be said: a range that runs backwards, or a date
    written as one but not in the calendar ('2018-02-30'), was 'not a date like 2018-01-15' (a user trial)."""
    low, sep, high = value.partition("..")
    for part in (low, high) if sep else (low,):
        if part and _when(part) is None and _DATE.fullmatch(part) is not None:
            return f"date:{value}: {part} is no day or month of the calendar"
    if sep and low and high and _when(low) is not None and _when(high) is not None:
        return f"date:{value} runs backwards: the earlier date comes first (date:{high}..{low})"
    return f"date:{value} is not a date like 2018-01-15 or a range like 2017-06..2017-12 (or 460BCE)"


def _when(part: str) -> When | None:
    if (bce := _BCE_YEAR.fullmatch(part)) is not None and int(bce.group(1)) > 0:
        part = str(1 - int(bce.group(1)))
    if not _DATE.fullmatch(part):
        return None
    from .model import checked_when  # pydantic, only once someone searches by date

    precision = ("year", "month", "day")[part.lstrip("-").count("-")]
    try:
        return checked_when(date=part, precision=Precision(precision))
    except ValueError:
        return None
