"""Full-text search over events, actors, quotes and sources (no Textual here).

Documents are numbered kind by kind (events, actors, quotes, sources), each kind
in chronological or dataset order. The inverted index maps every folded word to
the ascending array of documents holding it in a title or name, and of those
holding it elsewhere. At query time posting lists become bitsets (Python ints),
so AND, OR, NOT, counts per kind and ranking tiers are single C-level operations
however many documents match; only the hits shown are looked at one by one.

Around the index: ``search_docs`` (the documents), ``postings`` (the lists as they are built),
``stemming`` (a word's other forms, grouped once per distinct word at build), ``search_filters``
(actor:, by:, tag:, certainty:, date:, the notebook), ``ranking`` (the order of hits and of kinds)
and ``suggest`` ("did you mean").
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict, defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import accumulate, chain
from operator import attrgetter, methodcaller

from . import date_margin, either_way, undated_beside, utc_days
from .annotations import Annotations, tag_key
from .bitsets import Ordered, bits_in, members, span, to_bits
from .bounds import bound as bounded
from .chronology import Chronology
from .date_keys import earliest, latest
from .folding import (
    WordRuns,
    compound_pattern,
    digit_groups,
    field_words,
    fold_uncached,
    grouped_pattern,
    phrase_pattern,
    words,
)
from .memory import collector_paused
from .number_groups import NumberGroups, later_groups
from .postings import Postings
from .query import KINDS, MIN_PREFIX, DateKey, DateRange, Query, parse_query
from .ranking import NAME_WORDS, tiers
from .records import DAY_END, Actor, Event, Precision, Quote
from .search_docs import TAG, TITLE, Doc, documents, field_labels, links
from .search_filters import apply_filters
from .snippets import Snippet, best_snippet
from .stemming import Stems, languages_of
from .suggest import FEW, suggestions
from .text import file_ids
from .wording import count

BITSET_CACHE = 512  # bitsets kept between queries: typing refines the same words


@dataclass(frozen=True)
class Hit:
    doc: Doc
    score: float  # higher is better; equal scores keep chronological / dataset order
    snippet: Snippet
    speaker: Actor | None = None  # a quote's speaker (None for other kinds, and for a quote without one)

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def id(self) -> str:
        return self.doc.id


@dataclass
class Results:
    query_text: str
    query: Query
    hits: list[Hit] = field(default_factory=list)  # grouped by kind, ranked; at most ``limit`` per kind
    counts: dict[str, int] = field(default_factory=dict)  # every match, per kind, in the order of the groups
    hints: list[str] = field(default_factory=list)  # what was read leniently
    unresolved: list[str] = field(default_factory=list)  # why nothing can match (a filter that cannot be used)
    suggestions: list[str] = field(default_factory=list)  # better spelt queries, when this one finds little
    typing: bool = True  # read as typed: the last word is a prefix
    matched_bits: int = 0  # every match, as a bitset of the index's documents
    _events: int = 0
    _index: SearchIndex | None = None

    def find(self, event_id: str) -> Event | None:
        """The event of this id in the dataset searched, or None."""
        return self._index.chronology.find(event_id) if self._index is not None else None

    def of_kind(self, kind: str) -> list[Hit]:
        return [h for h in self.hits if h.kind == kind]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def matched_events(self) -> list[str]:
        """Every matching event id in chronological order (computed when asked: it may be long)."""
        if self._index is None:
            return []
        return [self._index.docs[n].id for n in members(self._events)]


# Documents whose text is read to tell where a phrase starting with a short number starts (about 25 us each: a review
# found 100,000 holding '500' both alone and in '12,500' took 2.5 s); more are kept unchecked
CHECKED_MOST = 2_000
# '-helicopter' alone found nothing, which read as nothing lacking the word (a review)
EXCLUSIONS_ALONE = "an exclusion alone finds nothing: add what to look in (kind:event -helicopter, or a word)"


def date_number(key: DateKey) -> int:
    """(year, month, day, minute) -> an int in the same order (month and day may be 0..32, the
    minute -1..DAY_END)."""
    year, month, day, minute = key
    return ((year * 14 + month) * 33 + day) * (DAY_END + 2) + minute + 1


# A date given only as a bound ('before 15 January 2018', ``bounds``) is searched as the open period on its side:
# found, as a period that only overlaps, by any range before it, and by no day as if it were that day
_EARLIEST, _LATEST = date_number((-(10**9), 0, 0, -1)), date_number((10**9, 13, 32, DAY_END))
_OPEN_DAY = 10**15  # beyond any ``either_way.day_key``


class SearchIndex:
    def __init__(self, chronology: Chronology) -> None:
        with collector_paused():
            self._build(chronology)

    def _build(self, chronology: Chronology) -> None:
        self.chronology = chronology
        self.docs: list[Doc] = list(documents(chronology))
        self._kinds = _kind_ranges(self.docs)
        size = len(self.docs)
        titled, body = Postings(size), Postings(size)
        dated, starts, ends = array("i"), array("q"), array("q")  # arrays, not tuples: the build's peak
        bounds: list[int] = []  # the documents dated only by a bound
        by_name_length = [array("i") for _ in range(NAME_WORDS + 2)]  # the last: longer
        self._runs = WordRuns()
        self._groups = groups = NumberGroups()  # ('500' only in '12,500': not found by 500)
        for number, doc in enumerate(self.docs):
            # Fields joined as phrases see them (no word spans a newline): one fold and one scan each.
            fields = doc.fields
            names = [text for weight, text in fields if weight == TITLE]
            title_text, body_text = "\n".join(names), "\n".join([text for weight, text in fields if weight != TITLE])
            titles, bodies = field_words(title_text), field_words(body_text)
            groups.add(number, (title_text, body_text), (titles, bodies))
            head = set(titles)
            rest = links(doc.item)
            rest.update(bodies)
            add = methodcaller("append", number)  # appends driven from C: this loop runs millions of times
            deque(map(add, map(titled.lists.__getitem__, head)), maxlen=0)
            deque(map(add, map(body.lists.__getitem__, rest - head)), maxlen=0)
            self._runs.add(chain(titles, bodies))  # titles come first in ``fields``
            shortest = len(titles) if len(names) == 1 else min(len(field_words(n)) for n in names)
            by_name_length[min(shortest, NAME_WORDS + 1)].append(number)
            if doc.when is not None:
                dated.append(number)
                # an end given on a day before its start's, in a zone west of it (a flight over the date line), is
                # still after it: the period holds both days, and was found by neither (a review)
                last = doc.end or doc.when
                start, end = doc.when.sort_key(), last.end_key()  # (each key once: 100,000 documents)
                if end < start:
                    start, end = last.sort_key(), doc.when.end_key()
                starts.append(date_number(start))
                ends.append(date_number(end))
                # a bound opens the period on its side: a start's earlier side, an end's later side, and a date
                # alone's either (a start 'after 10 January' with an end still ends there: a review)
                if doc.when.note and (given := bounded(doc.when)) is not None:
                    bounds.append(number)
                    if given.earlier:
                        starts[-1] = _EARLIEST
                    elif doc.end is None:
                        ends[-1] = _LATEST
                if doc.end is not None and doc.end.note and (given := bounded(doc.end)) is not None:
                    bounds.append(number)
                    if not given.earlier:
                        ends[-1] = _LATEST
            titled.done(number)
            body.done(number)
        self._runs.close()
        self._titled, self._body = titled.compact(), body.compact()
        self._terms = sorted(t for t in {*self._titled, *self._body} if not t.startswith("\0"))
        self.tags = frozenset(t.removeprefix(TAG) for t in {*self._titled, *self._body} if t.startswith(TAG))
        # each tag as the dataset writes it ('civilian-targeting'), for suggestions: the keys run words together
        self.tag_names = {tag_key(tag): tag for event in chronology.events for tag in event.tags}
        self._starts, self._ends = Ordered(starts, dated, size), Ordered(ends, dated, size)
        self._bounds = to_bits(bounds, size)
        self._short = _cumulative(by_name_length, size)
        self.stems = Stems(self._terms, languages_of(self.document_frequency))
        self._cache: OrderedDict[tuple[str, bool, bool, bool], int] = OrderedDict()
        self._grouped: dict[str, int] = {}  # a number -> the documents holding it grouped ('1,234')
        # the words of scripts written without spaces, joined, and where each starts (``inside``); what each found
        self._unspaced: tuple[list[str], str, list[int]] | None = None
        self._inside: dict[str, int] = {}
        self._actor_words: dict[str, set[str]] | None = None
        self._actor_names: list[str] = []
        self._numbers: dict[tuple[str, str], int] | None = None
        self._beside: dict[int, int] | None = None
        self._by_id: dict[str, list[int]] | None = None  # ``id_bits``
        self._approximate: dict[tuple[Precision, bool], int] | None = None  # ``_approximate_days``
        self._swapped: tuple[list[int], list[int], list[tuple[int, int, int]]] | None = None  # ``_read_other_way``
        self._otherwise: list[tuple[str, int, int, int]] | None = None  # ``_read_otherwise``
        self._by_length: dict[int, list[str]] | None = None

    # -- posting lists as bitsets -------------------------------------------
    def bits(self, term: str, *, prefix: bool = False, titles_only: bool = False, stemmed: bool = False) -> int:
        """Documents holding ``term`` (with ``prefix``, or any word starting with it; with ``stemmed``,
        or any word sharing its stem)."""
        key = (term, prefix and len(term) >= MIN_PREFIX, titles_only, stemmed)
        found = self._cache.get(key)
        if found is None:
            terms: Iterable[str] = self._expand(term) if key[1] else (term,)
            if stemmed:
                terms = chain(terms, self.stems.forms(term))
            found = self._union(terms, titles_only)
            self._cache[key] = found
            if len(self._cache) > BITSET_CACHE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return found

    def document_frequency(self, term: str) -> int:
        """How many documents hold ``term`` itself (no prefix, no other forms)."""
        return _count(self._titled.get(term)) + _count(self._body.get(term))

    def short(self, words: int) -> int:
        """Documents with a title, name or alias of at most ``words`` words (up to NAME_WORDS)."""
        return self._short[max(0, min(words, NAME_WORDS))]

    @property
    def vocabulary(self) -> list[str]:
        """Every folded word of the dataset, sorted."""
        return self._terms

    def words_of_length(self, low: int, high: int) -> list[str]:
        """The words of the vocabulary with low..high characters (grouped once, when first asked)."""
        if self._by_length is None:
            grouped: defaultdict[int, list[str]] = defaultdict(list)
            for word in self._terms:
                grouped[len(word)].append(word)
            self._by_length = dict(grouped)
        return [word for length in range(low, high + 1) for word in self._by_length.get(length, ())]

    def _union(self, terms: Iterable[str], titles_only: bool) -> int:
        # One bitset for all the short lists: a prefix can expand to hundreds of words, and
        # a bitset each cost ~30 us to allocate and convert (measured: 'ca', 33 ms cold).
        found, short = 0, []
        for term in terms:
            for postings in (self._titled.get(term), None if titles_only else self._body.get(term)):
                if isinstance(postings, int):
                    found |= postings
                elif postings is not None:
                    short.append(postings)
        return found | to_bits(chain.from_iterable(short), len(self.docs)) if short else found

    def _expand(self, prefix: str) -> Iterator[str]:
        for word in self._terms[bisect_left(self._terms, prefix) :]:
            if not word.startswith(prefix):
                return
            yield word

    def kind_bits(self, kind: str) -> int:
        return span(*self._kinds[kind])

    # -- matching -----------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        typing: bool = True,
        limit: int | None = None,
        annotations: Annotations | None = None,
        suggest: bool = True,
    ) -> Results:
        """Match ``text``; ``limit`` caps the hits kept (with snippets) per kind, never the counts.
        ``annotations``: the user's notebook, for is:starred, note: and mytag: (without one they match
        nothing). ``suggest``: when little is found, look for better spelt queries."""
        query = parse_query(text, typing=typing)
        results = Results(
            text, query, hints=list(query.hints), unresolved=list(query.unusable), typing=typing, _index=self
        )
        if query.is_empty:
            if query.excluded_terms or query.excluded_phrases or query.excluded_compounds:  # ('0 results', unsaid)
                results.hints.append(EXCLUSIONS_ALONE)
            return results
        matched = 0 if results.unresolved else self._match(query, results, annotations)
        for dates in query.dates:  # an overlap is not a fact about the day asked: said, with how many
            if wider := (overlapping := matched & ~self.within(dates.start, dates.end)).bit_count():
                results.hints.append(
                    f"{wider:,}{self._kinds_said(overlapping)} only overlap{'s' if wider == 1 else ''} {dates.text}: "
                    "dated to a month, a year or a longer period"
                    + (", or given only as before or after a date" if overlapping & self._bounds else "")
                )
        for precision in date_margin.MARGINS:  # a day, a month, a year: each its margin
            if results.unresolved or (widened := date_margin.widened(query, precision)) is None:
                break
            (wide,) = widened.dates  # the whole query again only where some approximate date lies in the margin
            if near := self.dated(wide.start, wide.end) & self._approximate_near(query.dates[0], precision) & ~matched:
                scratch = Results(text, widened, _index=self)  # its hints are this query's, said above
                if found := (outside := near & self._match(widened, scratch, annotations)).bit_count():
                    said = self._kinds_said(outside)
                    results.hints.append(date_margin.hint(found, query, widened, precision, said))
        if (
            not results.unresolved
            and len(query.dates) == 1
            and (other_way := self._read_other_way(query, matched, annotations))
        ):
            results.hints.append(either_way.hint(other_way, query.dates[0]))
        if not results.unresolved and len(query.dates) == 1:
            otherwise = self._read_otherwise(query, matched, annotations)
            results.hints += [
                hint(otherwise[kind], query.dates[0])
                for kind, hint in either_way.OTHER_HINTS.items()
                if kind in otherwise
            ]
        if not results.unresolved and len(query.dates) == 1 and (utc := self._utc_days(query, matched, annotations)):
            results.hints.append(utc)
        if not typing and not results.unresolved and (typed := self._as_typed(text, matched, annotations)):
            results.hints.append(typed)
        if query.dates and not results.unresolved and (beside := self._undated_beside(query, annotations)):
            searched = " and ".join(each.text for each in query.dates)
            results.hints.append(undated_beside.hint(beside.bit_count(), self._kinds_said(beside), searched))
        results.matched_bits = matched
        if matched:
            self._collect(query, matched, results, limit)
        if suggest and results.total < FEW:
            results.suggestions = suggestions(self, results, annotations)
        return results

    def _as_typed(self, text: str, matched: int, annotations: Annotations | None) -> str:
        """Outside the interface the last word is a word: what the interface, where it is the start of one while
        typed, finds more ('helicop' found 0 here, 12 there, unsaid: a search trial); '' where nothing more."""
        typed = parse_query(text, typing=True)
        if not (prefixes := typed.highlight_prefixes):  # (an unclosed phrase's last word too: a re-trial)
            return ""
        scratch = Results(text, typed, _index=self)
        if not (more := (self._match(typed, scratch, annotations) & ~matched).bit_count()):
            return ""
        return (
            f"{count(more, 'more result')} in the interface, which reads the last word, '{prefixes[0]}', as the "
            "start of a word while you type (here it is a whole word, with its other forms)"
        )

    def _kinds_said(self, dated: int) -> str:
        """' (1 event, 1 quote)' where a hint's count holds quotes (dated by their event); '' for events alone (a
        review read '2 dated only approximately' as two events, where one was the other's quote)."""
        if not (quotes := (dated & self.kind_bits("quote")).bit_count()):
            return ""
        return f" ({count(dated.bit_count() - quotes, 'event')}, {count(quotes, 'quote')})"

    def _collect(self, query: Query, matched: int, results: Results, limit: int | None) -> None:
        """Counts and ranked hits, kind by kind; a kind whose best hit ranks higher comes first."""
        ranked = tiers(self, query, matched)
        exact = query.highlight_terms + [w for t in self._stemmed(query) for w in self.stems.forms(t)]
        prefixes = query.highlight_prefixes
        compounds = tuple(_Pattern.compound(parts).regex for parts in query.compounds)
        compounds += tuple(grouped_pattern(digits) for t in query.terms if (digits := digit_groups(t)) is not None)
        compounds += tuple(re.compile(re.escape(t)) for t in query.terms if UNSPACED.search(t))  # (inside a run)
        groups = []
        for order, kind in enumerate(KINDS):
            of_kind = matched & self.kind_bits(kind)
            if of_kind:
                best = next(rank for rank, tier in enumerate(ranked) if tier & of_kind)
                groups.append((best, order, kind, of_kind))
        for _, _, kind, of_kind in sorted(groups):
            results.counts[kind] = of_kind.bit_count()
            room = limit
            for rank, tier in enumerate(ranked):
                for number in bits_in(tier & of_kind, room):
                    doc = self.docs[number]
                    fields = [t for _, t in doc.fields]
                    snippet = best_snippet(fields, exact, prefixes, compounds, field_labels(doc.item, self.chronology))
                    results.hits.append(Hit(doc, float(len(ranked) - rank), snippet, self._speaker(doc)))
                    room = None if room is None else room - 1
                if room == 0:
                    break
        results._events = matched & self.kind_bits("event")

    def _speaker(self, doc: Doc) -> Actor | None:
        speaker = doc.item.speaker if isinstance(doc.item, Quote) else None
        return self.chronology.actors.get(speaker) if speaker else None

    @staticmethod
    def _stemmed(query: Query) -> list[str]:
        """The required words that also find their other forms (not those quoted alone)."""
        return [t for t in query.terms if t not in query.literal]

    def _match(self, query: Query, results: Results, annotations: Annotations | None) -> int:
        everything = span(0, len(self.docs))
        matched = everything
        last = len(query.terms) - 1
        for index, term in enumerate(query.terms):
            prefix = query.prefix_last and index == last
            found = self.bits(term, prefix=prefix, stemmed=term not in query.literal) & ~self._only_inside(term, prefix)
            matched &= found | self.others(term)
        for parts in query.compounds:  # narrowed by where it starts; the pattern is checked below
            matched &= self.compound_bits(parts)
        for phrase_index, phrase in enumerate(query.phrases):
            for term in phrase:
                matched &= self.bits(term, prefix=self.open_word(query, phrase_index, term))
        for term in query.excluded_terms:
            found = self.bits(term, stemmed=term not in query.literal) & ~self._groups.only_inside(term)
            matched &= ~(found | self.others(term))
        matched = apply_filters(self, query, matched, results, annotations) & everything
        if matched and (query.phrases or query.compounds or query.excluded_phrases or query.excluded_compounds):
            matched = self._verify(query, matched)
        return matched

    def _only_inside(self, term: str, prefix: bool) -> int:
        """Documents holding the number ``term`` only as a group of larger ones (``number_groups``); as typed
        (``prefix``), not those holding a longer word it starts ('5000' for '500')."""
        inside = self._groups.only_inside(term)
        if inside and prefix:
            inside &= ~self._union((word for word in self._expand(term) if word != term), False)
        return inside

    def _read_other_way(self, query: Query, matched: int, annotations: Annotations | None) -> int:
        """How many documents the query would find with their day and month read the other way round
        (``either_way``), which it does not find as read."""
        if self._swapped is None:  # (built when first asked: each day read the other way, its document; sorted)
            found = [
                (either_way.day_key(day), n)
                for n, doc in enumerate(self.docs)
                if doc.end is None and (day := either_way.swapped(doc.when))
            ]
            found.sort()
            periods = [  # a period's start or end, or both (few: scanned)
                (*period, n)
                for n, doc in enumerate(self.docs)
                if doc.when and doc.end and (period := either_way.other_period(doc.when, doc.end))
            ]
            # a bound's other reading is open on its side, as the bound is searched (a user trial: 'not before
            # 03/02/2018', from 2 March or from 3 February, was hinted for 3 February alone, not the 10th)
            opened = set()
            for key, n in found:
                when = self.docs[n].when
                if when is not None and when.note and (given := bounded(when)) is not None:
                    periods.append((-_OPEN_DAY, key, n) if given.earlier else (key, _OPEN_DAY, n))
                    opened.add(n)
            found = [(key, n) for key, n in found if n not in opened]
            self._swapped = ([day for day, _ in found], [n for _, n in found], periods)
        days, numbers, periods = self._swapped
        first, last = either_way.bounds(query.dates[0])
        start = 0 if first is None else bisect_left(days, first)
        end = len(days) if last is None else bisect_right(days, last)
        meeting = [n for low, high, n in periods if (last is None or low <= last) and (first is None or high >= first)]
        other = to_bits(numbers[start:end] + meeting, len(self.docs))
        if not other & ~matched:
            return 0
        scratch = Results(query_text="", query=query, _index=self)
        return (other & ~matched & self._match(replace(query, dates=[]), scratch, annotations)).bit_count()

    def _read_otherwise(self, query: Query, matched: int, annotations: Annotations | None) -> dict[str, int]:
        """How many documents the query would find under each other reading of their dates
        (``either_way.other_readings``), which it does not find as read: by kind, those with any."""
        if self._otherwise is None:  # (built when first asked: few, scanned)
            self._otherwise = [
                (kind, low, high, n)
                for n, doc in enumerate(self.docs)
                for kind, low, high in either_way.other_readings(doc.when, doc.end)
            ]
        first, last = either_way.bounds(query.dates[0])
        meeting: dict[str, list[int]] = {}
        for kind, low, high, n in self._otherwise:
            if (last is None or low <= last) and (first is None or high >= first):
                meeting.setdefault(kind, []).append(n)
        if not meeting:
            return {}
        scratch = Results(query_text="", query=query, _index=self)
        words = self._match(replace(query, dates=[]), scratch, annotations)  # the query's other terms
        found = {kind: (to_bits(ns, len(self.docs)) & ~matched & words).bit_count() for kind, ns in meeting.items()}
        return {kind: number for kind, number in found.items() if number}

    def _undated_beside(self, query: Query, annotations: Annotations | None) -> int:
        """The undated events (and their quotes) listed beside a dated event in the query's dates, that the query
        without its dates matches (``undated_beside``)."""
        if self._beside is None:  # built when first asked: document -> the document of the dated event it is beside
            events = undated_beside.dated_beside(self.chronology)
            self._beside = {}
            if events:  # (an export of dated rows has none: nothing more to build)
                number = {(doc.kind, doc.id): n for n, doc in enumerate(self.docs)}
                self._beside = {number["event", undated]: number["event", dated] for undated, dated in events.items()}
                for n, doc in enumerate(self.docs):
                    if isinstance(doc.item, Quote) and (dated := events.get(doc.item.event)) is not None:
                        self._beside[n] = number["event", dated]
        if not self._beside:
            return 0
        in_range = self._starts.all()  # the dated events the dates alone match (a word may match the undated one alone)
        for dates in query.dates:
            in_range &= self.dated(dates.start, dates.end)
        near = to_bits([n for n, anchor in self._beside.items() if in_range >> anchor & 1], len(self.docs))
        if not near:
            return 0
        rest = replace(query, dates=[])
        if rest.is_empty:  # a date alone
            return near
        return near & self._match(rest, Results("", rest, _index=self), annotations)  # (its hints are not this one's)

    def _utc_days(self, query: Query, matched: int, annotations: Annotations | None) -> str | None:
        """The clock times (and periods of them) near the range's edges whose UTC days are on the other side of it
        (``utc_days``); a count holding quotes says so."""
        dates = query.dates[0]
        near = 0
        for start, end in utc_days.edges(dates):
            near |= self.dated(start, end)
        periods = {
            n: found
            for n in bits_in(near)
            if (when := self.docs[n].when) is not None
            and when.precision == Precision.MINUTE
            and (found := utc_days.days(when, self.docs[n].end)) is not None
        }
        if not periods:
            return None
        wide = replace(query, dates=[utc_days.widened(dates)])  # the rest of the query, a day either side
        rest = self._match(wide, Results("", wide, _index=self), annotations)
        out, into = utc_days.moved_days({n: p for n, p in periods.items() if rest >> n & 1}, matched, dates)
        if not out and not into:
            return None
        said_out, said_in = (self._kinds_said(to_bits(found, len(self.docs))) for found in (out, into))
        return utc_days.hint(len(out), len(into), dates, said_out, said_in)

    def _approximate_near(self, dates: DateRange, precision: Precision) -> int:
        """Documents outside ``dates`` whose date on its side is known only approximately to ``precision``: an
        end before it, a start after it. (A period's start decided for the whole: an approximate end five days
        before the range went unsaid, an exact one beside an approximate start was hinted: a search trial.)"""
        before = self._ends.at_most(date_number(earliest(dates.start)) - 1) if dates.start is not None else 0
        after = self._starts.all() & ~self._starts.at_most(date_number(latest(dates.end))) if dates.end else 0
        return (before & self._approximate_days(precision, end=True)) | (after & self._approximate_days(precision))

    def _approximate_days(self, precision: Precision = Precision.DAY, *, end: bool = False) -> int:
        """Documents whose start (``end``: end, or start where there is none) is a day, a month or a year known
        only approximately (built when first asked)."""
        if self._approximate is None:
            self._approximate = {}
            for side in (False, True):
                ranked = [
                    date_margin.approximate_at((doc.end or doc.when) if side else doc.when) if doc.when else None
                    for doc in self.docs
                ]
                for each in date_margin.MARGINS:
                    found = [n for n, at in enumerate(ranked) if at == each]
                    self._approximate[each, side] = to_bits(found, len(self.docs))
        return self._approximate[precision, end]

    def within(self, start: DateKey | None, end: DateKey | None) -> int:
        """Dated documents whose whole period lies inside start..end (None: an open end)."""
        found = self._starts.all()
        if start is not None:
            found &= ~self._starts.at_most(date_number(earliest(start)) - 1)
        if end is not None:
            found &= self._ends.at_most(date_number(latest(end)))
        return found

    def compound_bits(self, parts: list[str]) -> int:
        """Documents that may hold the compound ``parts`` (its pattern decides). Where the pattern
        matches, the first piece starts an indexed word; punctuation after it ('the-1', 'F-16') ends
        that word, and the second piece starts the next; nothing after it ('F16', 'the1') makes one
        word of both. So: the first piece as a word and a word starting with the second, or a word
        starting with both ('the-1' was checked against every document holding a word starting with
        'the': 0.9 s at 100,000 events)."""
        first, second = parts[0], parts[1]
        return self.bits(first) & self._starting(second) | self.bits(first + second, prefix=True)

    def others(self, term: str) -> int:
        """Documents holding ``term`` written otherwise than as a word of its own: a number with its thousands
        grouped, a word inside a run of a script written without spaces."""
        return self.grouped(term) | self.inside(term)

    def inside(self, term: str) -> int:
        """Documents holding ``term``, of a script written without spaces between words (Chinese, Japanese,
        Thai...), inside a longer run of it: '抗议' in '在北京市中心发生抗议活动', a run indexed as one word, which
        only the whole run found. The words of the vocabulary holding it, by their postings."""
        if not UNSPACED.search(term):
            return 0
        if (found := self._inside.get(term)) is None:
            if self._unspaced is None:  # (built the first time such a word is searched for)
                words = [word for word in self._terms if UNSPACED.search(word)]
                self._unspaced = (words, "\n".join(words), list(accumulate((len(w) + 1 for w in words), initial=0)))
            words, joined, starts = self._unspaced
            holding, at = set(), joined.find(term)
            while at >= 0:  # (str.find, in C: 200,000 such words took 54 ms a word, a scan in Python)
                holding.add(bisect_right(starts, at) - 1)
                at = joined.find(term, at + 1)
            found = self._union((words[n] for n in sorted(holding) if words[n] != term), False)
            self._inside[term] = found
            if len(self._inside) > BITSET_CACHE:
                del self._inside[next(iter(self._inside))]
        return found

    def grouped(self, term: str) -> int:
        """Documents holding the number ``term`` with its thousands grouped ('1,234' for 1234), which are two
        indexed words: those holding every group, checked by the pattern."""
        if (groups := digit_groups(term)) is None:
            return 0
        if (found := self._grouped.get(term)) is None:
            suspects = self.bits(groups[0])
            for group in groups[1:]:
                suspects &= self.bits(group)
            # the groups as words in a row first (the runs: '1 January' and '20 000' in 100,000 texts took 1 s
            # for '1000', each text folded), then the one mark between them
            numbers = self._runs.holding(members(suspects), groups, None) if self._runs.usable else members(suspects)
            pattern = grouped_pattern(groups)
            found = to_bits([n for n in numbers if pattern.search(self._folded(n))], len(self.docs))
            self._grouped[term] = found
            if len(self._grouped) > BITSET_CACHE:
                del self._grouped[next(iter(self._grouped))]
        return found

    def _starting(self, piece: str) -> int:
        """Documents holding a word that starts with ``piece``, even one letter or digit long (a
        query's prefix is at least two: here it only narrows what a pattern then checks)."""
        if len(piece) >= MIN_PREFIX:
            return self.bits(piece, prefix=True)
        key = (piece, True, False, False)  # what ``bits`` would cache it as, were it long enough
        if (found := self._cache.get(key)) is None:
            found = self._cache[key] = self._union(self._expand(piece), False)
            if len(self._cache) > BITSET_CACHE:
                self._cache.popitem(last=False)
        return found

    def dated(self, start: DateKey | None, end: DateKey | None) -> int:
        """Dated documents whose period overlaps start..end (None: an open end)."""
        found = self._starts.all() if end is None else self._starts.at_most(date_number(end))
        if start is not None:
            found &= self._ends.all() & ~self._ends.at_most(date_number(start) - 1)
        return found

    def numbers(self, keys: Iterable[tuple[str, str]]) -> int:
        """The documents of these (kind, id) pairs, as a bitset (unknown pairs are left out)."""
        if self._numbers is None:  # built the first time a notebook filter is used
            self._numbers = {(doc.kind, doc.id): number for number, doc in enumerate(self.docs)}
        found = (self._numbers.get(key) for key in keys)
        return to_bits([n for n in found if n is not None], len(self.docs))

    def id_bits(self, wanted: str) -> int:
        """The documents whose id is ``wanted``, lowercased (an event and an actor may share one)."""
        if self._by_id is None:  # built the first time an id is asked for (numbers: a bitset each would be 600 MB)
            self._by_id = {}
            for number, doc in enumerate(self.docs):
                self._by_id.setdefault(doc.id.lower(), []).append(number)
                # an item whose id is another here (an id the file gives twice, or no slug) is found by the file's
                # too: the importer writes it in its summary ('VEN1001' given twice: ven1001 and ven1001-2)
                for _, text in doc.fields:
                    for given in file_ids(text):
                        self._by_id.setdefault(given.lower(), []).append(number)
        found = self._by_id.get(wanted.lower())
        return to_bits(found, len(self.docs)) if found else 0

    def _verify(self, query: Query, matched: int) -> int:
        """What posting lists cannot tell: words in a row (phrases) or joined (compounds)."""
        size = len(self.docs)
        for index, phrase in enumerate(query.phrases):
            open_ended = self.open_word(query, index, phrase[-1])
            matched = to_bits(self._holding(members(matched), phrase, open_ended), size)
            matched &= ~self._only_in_groups(matched, phrase, open_ended)
        if query.compounds and matched:
            required = [_Pattern.compound(c) for c in query.compounds]
            failed = [n for n in bits_in(matched) if not all(p.found_in(self._folded(n)) for p in required)]
            matched &= ~to_bits(failed, size)
        for phrase in query.excluded_phrases:  # typed words are never open here
            suspects = matched
            for word in phrase:  # only documents holding every word can hold the phrase
                suspects &= self.bits(word)
            held = to_bits(self._holding(members(suspects), phrase, False), size)
            matched &= ~(held & ~self._only_in_groups(held, phrase, False))
        for parts in query.excluded_compounds:
            suspects = matched & self.compound_bits(parts)
            pattern = _Pattern.compound(parts)
            matched &= ~to_bits([n for n in bits_in(suspects) if pattern.found_in(self._folded(n))], size)
        return matched

    def _holding(self, numbers: list[int], phrase: list[str], open_ended: bool) -> list[int]:
        """The documents among ``numbers`` holding the phrase's words in a row."""
        if self._runs.usable:
            return self._runs.holding(numbers, phrase, list(self._expand(phrase[-1])) if open_ended else None)
        pattern = _Pattern.phrase(phrase, open_ended)  # a vocabulary too large for the runs
        return [n for n in numbers if pattern.found_in(self._folded(n))]

    def _only_in_groups(self, matched: int, phrase: list[str], open_ended: bool) -> int:
        """The documents among ``matched`` (holding the phrase) holding it only where its first word, a short
        number, is a later group of a larger one: '"500 people"' in '12,500 people' (``number_groups``)."""
        never_alone = matched & self._groups.only_inside(phrase[0])  # (none unless the first word is a short number)
        suspects = matched & self._groups.inside(phrase[0]) & ~never_alone  # alone too: where the phrase starts says
        if not suspects or suspects.bit_count() > CHECKED_MOST:  # (a miss is worse than a match: kept, unchecked)
            return never_alone
        pattern = _Pattern.phrase(phrase, open_ended).regex
        dropped = []
        for number in bits_in(suspects):
            text = self._folded(number)
            starts = {found.start() for found in pattern.finditer(text)}  # (none found: kept, in doubt)
            if starts and starts <= {at for at, _ in later_groups(text)}:
                dropped.append(number)
        return never_alone | to_bits(dropped, len(self.docs))

    def _folded(self, number: int) -> str:
        return fold_uncached("\n".join([t for _, t in self.docs[number].fields]))

    @staticmethod
    def open_word(query: Query, phrase_index: int, term: str) -> bool:
        """The word being typed at the end of an unclosed phrase matches as a prefix."""
        return query.open_phrase and phrase_index == len(query.phrases) - 1 and term == query.phrases[-1][-1]

    def actors_matching(self, wanted: str) -> set[str]:
        """An exact id, or every actor whose name, aliases or id contain all the words given."""
        if wanted in self.chronology.actors:
            return {wanted}
        return self.actors_named(wanted)

    def actors_named(self, wanted: str) -> set[str]:
        """Every actor whose name, aliases or id contain all the words given (as a prefix)."""
        if self._actor_words is None:  # name word -> actors, sorted so a prefix is one slice
            named: defaultdict[str, set[str]] = defaultdict(set)
            for actor in self.chronology.dataset.actors:
                for name in (actor.name, *actor.aliases, actor.id):
                    for word in words(name):
                        named[word].add(actor.id)
            self._actor_words = dict(sorted(named.items()))
            self._actor_names = list(self._actor_words)
        found: set[str] | None = None
        for word in words(wanted):
            having: set[str] = set()
            for name in self._actor_names[bisect_left(self._actor_names, word) :]:
                if not name.startswith(word):
                    break
                having |= self._actor_words[name]
            found = having if found is None else found & having
        return found or set()


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    open_ended: bool  # compounds match their last piece as a prefix

    @classmethod
    def phrase(cls, words: list[str], open_ended: bool = False) -> _Pattern:
        return cls(phrase_pattern(words, open_ended), open_ended)

    @classmethod
    def compound(cls, parts: list[str]) -> _Pattern:
        return cls(compound_pattern(parts), True)

    def found_in(self, text: str) -> bool:
        return self.regex.search(text) is not None


# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan (a run of them
# is one indexed word)
UNSPACED = re.compile(
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def _count(postings: array[int] | int | None) -> int:
    if postings is None:
        return 0
    return postings.bit_count() if isinstance(postings, int) else len(postings)


def _cumulative(numbers_by_size: list[array[int]], size: int) -> list[int]:
    """Bitset k: the documents listed at sizes 0..k."""
    found, out = 0, []
    for numbers in numbers_by_size:
        found |= to_bits(numbers, size)
        out.append(found)
    return out


def _kind_ranges(docs: list[Doc]) -> dict[str, tuple[int, int]]:
    ranges: dict[str, tuple[int, int]] = {}
    counts, start = Counter(map(attrgetter("kind"), docs)), 0
    for kind in KINDS:
        end = start + counts[kind]
        ranges[kind] = (start, end)
        start = end
    return ranges
