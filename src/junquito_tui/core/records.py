"""The records of a chronology dataset: what the rest of the program reads, free of pydantic.

Every field, its type, limits and description, and every rule across fields is stated here, once;
``model`` turns these same classes into the pydantic contract (``DATASET``) that checks a file and
writes the JSON Schema, and validates into these classes. Nothing here imports pydantic: a dataset
read back from the cache (already checked; msgspec decodes it into these classes) costs no pydantic
at all. Building one of these classes directly checks nothing: ``model``'s classes of the same names
check on construction.

Checks that need the whole dataset (references, ordering anchors) live in ``integrity`` so each
rule can report a JSON path.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date as date_type
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Literal

from .constraints import Before, Chars, Record, Strict
from .text import NO_CONTROL, ONE_LINE, SLUG

SCHEMA_VERSION = 1

# Control characters reach the terminal as escape sequences: a dataset holding them is rejected
# (``text`` says which and why; `text_problem` words the error for people). One-line fields (titles,
# names, ...) also refuse line breaks and tabs: they are shown where a second line would be drawn
# over another pane. Every field has a length limit, checked by pydantic-core before anything
# else reads the text: one 40 MB title cost 42 s and 2.4 GB before the limits. The limits are far
# above real chronologies (the bundled one's longest title is 80 characters, its longest summary
# 383) and keep any single field cheap to validate, search and draw.
LINE_MAX = 2_000  # a title, name, role, place: a long paragraph is ~1,000
URL_MAX = 8_000  # RFC 9110 asks that every URL of up to 8,000 octets be supported
TEXT_MAX = 100_000  # a summary, profile or quote: about 15,000 words, a long chapter
Text = Annotated[str, Chars(max_length=TEXT_MAX, pattern=NO_CONTROL)]  # several lines
Passage = Annotated[str, Chars(min_length=1, max_length=TEXT_MAX, pattern=NO_CONTROL)]
OneLine = Annotated[str, Chars(max_length=LINE_MAX, pattern=ONE_LINE)]
Line = Annotated[str, Chars(min_length=1, max_length=LINE_MAX, pattern=ONE_LINE)]  # not empty
Url = Annotated[str, Chars(max_length=URL_MAX, pattern=ONE_LINE)]
# Ids are safe to embed in our own link actions: no quotes, spaces or brackets.
MAX_ID = 120
Id = Annotated[str, Chars(pattern=SLUG, max_length=MAX_ID)]
Tag = Annotated[str, Chars(pattern=SLUG, max_length=MAX_ID)]
ZONE_LABEL_MAX = 64  # 'VST', 'Venezuelan Standard Time': shown in every timeline row with a clock time
DATE_MAX = 32  # the longest valid date, '-999999999999-12-31T23:59', is 25


def _the_integer_1(value: object) -> object:
    # Literal[1] alone takes true and 1.0 (lax equality): a version number is exactly the integer 1.
    if type(value) is not int:
        raise ValueError(f"schema_version must be the integer 1, not {value!r}")
    return value


# Slotted frozen dataclasses rather than BaseModel: a BaseModel instance carries a
# __dict__ and a fields-set, about 1.2 KB each; at 100,000 events (some 470,000
# objects) that alone was 600 MB. List fields are tuples: immutable, leaner, and
# an empty tuple is shared. Plain (stdlib) dataclasses, so that reading them needs no pydantic:
# pydantic reads each class's ``__pydantic_config__`` (unknown keys are errors), each field's
# ``metadata`` (its description, an alias) and the constraint markers in the annotations.
STRICT: dict[str, object] = {"extra": "forbid"}


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"


class Certainty(StrEnum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    ALLEGED = "alleged"
    DISPUTED = "disputed"


class SourceKind(StrEnum):
    ENCYCLOPEDIA_ARTICLE = "encyclopedia-article"
    INVESTIGATION = "investigation"
    NEWS_OUTLET = "news-outlet"
    OFFICIAL_STATEMENT = "official-statement"
    VIDEO = "video"
    SOCIAL_MEDIA = "social-media"
    DOCUMENT = "document"
    OTHER = "other"


class ActorKind(StrEnum):
    PERSON = "person"
    GROUP = "group"
    ORGANISATION = "organisation"
    ARMED_FORCE = "armed-force"
    POLICE_FORCE = "police-force"
    GOVERNMENT_BODY = "government-body"
    COUNTRY = "country"
    MEDIA_OUTLET = "media-outlet"
    OTHER = "other"


class RelationType(StrEnum):
    MEMBER_OF = "member-of"
    LEADER_OF = "leader-of"
    PART_OF = "part-of"
    SIBLING_OF = "sibling-of"
    BOSS_OF = "boss-of"
    SUBORDINATE_OF = "subordinate-of"
    SUCCESSOR_OF = "successor-of"
    PREDECESSOR_OF = "predecessor-of"
    EMPLOYEE_OF = "employee-of"
    FORMER_MEMBER_OF = "former-member-of"
    OFFICIAL_OF = "official-of"
    CITIZEN_OF = "citizen-of"
    BASED_IN = "based-in"
    ALLY_OF = "ally-of"
    OPPONENT_OF = "opponent-of"
    RELATED_TO = "related-to"


# How each relation reads on the page of the actor that states it, and on its target's page
# ('A boss-of B' shows as 'boss of B' on A and 'subordinate of A' on B). Symmetric ones read the
# same both ways, so 'A sibling-of B' and 'B sibling-of A' are one relation, shown once.
RELATION_WORDS: dict[RelationType, tuple[str, str]] = {
    RelationType.MEMBER_OF: ("member of", "has as member"),
    RelationType.LEADER_OF: ("leader of", "led by"),
    RelationType.PART_OF: ("part of", "includes"),
    RelationType.SIBLING_OF: ("sibling of", "sibling of"),
    RelationType.BOSS_OF: ("boss of", "subordinate of"),
    RelationType.SUBORDINATE_OF: ("subordinate of", "boss of"),
    RelationType.SUCCESSOR_OF: ("successor of", "predecessor of"),
    RelationType.PREDECESSOR_OF: ("predecessor of", "successor of"),
    RelationType.EMPLOYEE_OF: ("employee of", "employer of"),
    RelationType.FORMER_MEMBER_OF: ("former member of", "has as former member"),
    RelationType.OFFICIAL_OF: ("official of", "has as official"),
    RelationType.CITIZEN_OF: ("citizen of", "has as citizen"),
    RelationType.BASED_IN: ("based in", "home of"),
    RelationType.ALLY_OF: ("ally of", "ally of"),
    RelationType.OPPONENT_OF: ("opponent of", "opponent of"),
    RelationType.RELATED_TO: ("related to", "related to"),
}


# [0-9], not \d (which takes Arabic-Indic and other digits); always fullmatch ('$' also matches
# before a final newline, so '2018\n' would pass a match).
_PARTIAL_DATE = re.compile(
    r"(?P<year>-?[0-9]{1,12})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}))?)?)?"
)
# use fullmatch; -14:00 to +14:00, the widest any zone has had (and what the date keys allow for)
UTC_OFFSET = re.compile(r"[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)")
_PRECISION_OF_PARTS = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY, 5: Precision.MINUTE}


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    # Proleptic Gregorian for any integer year (BCE and far-future years too).
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]


@lru_cache(maxsize=65536)  # sorting and filtering ask again and again for the same dates
def parse_partial_date(date: str) -> tuple[int, ...]:
    """(year[, month[, day[, hour, minute]]]) of a date as the format writes it; ValueError if it is
    not one, or names a day or a time that does not exist.

    A day or a clock time of a year from 1 to 9999 is read by the standard library's parser (in C:
    60,000 distinct dates in 0.04 s, not 0.11 s), only where its characters are laid out as the
    format's; any other date, or one it refuses, is read by the format's own pattern, which decides."""
    size = len(date)
    plain = size in (10, 16) and date.isascii() and date[:4].isdigit()  # isdigit takes other scripts' digits
    try:
        # (hours under 24 only: Python 3.14's parser reads T24:00 as midnight of the next day)
        if (
            plain
            and size == 16
            and date[10] == "T"
            and date[13] == ":"
            and date[4] == date[7] == "-"
            and date[11:13] < "24"
        ):
            moment = _DATETIME(date)
            return (moment.year, moment.month, moment.day, moment.hour, moment.minute)
        if plain and size == 10 and date[4] == date[7] == "-":
            day = _DATE(date)
            return (day.year, day.month, day.day)
    except ValueError:
        pass  # the pattern decides, and says what is wrong
    return _by_pattern(date)


_DATETIME, _DATE = datetime.fromisoformat, date_type.fromisoformat


def _by_pattern(date: str) -> tuple[int, ...]:
    match = _PARTIAL_DATE.fullmatch(date)
    if not match:
        raise ValueError(f"date '{date}' is not of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    values = [int(v) for v in match.groups() if v is not None]
    if len(values) >= 2 and not 1 <= values[1] <= 12:
        raise ValueError(f"date '{date}' has no month {values[1]}")
    if len(values) >= 3 and not 1 <= values[2] <= _days_in_month(values[0], values[1]):
        raise ValueError(f"date '{date}' does not exist: month {values[1]} has no day {values[2]}")
    if len(values) == 5 and not (values[3] <= 23 and values[4] <= 59):
        raise ValueError(f"date '{date}' has an impossible time {values[3]:02d}:{values[4]:02d}")
    return tuple(values)


# A clock time's place in its day is the instant it names: its minutes after the day's midnight, UTC,
# shifted by the widest offset (14:00, which UTC_OFFSET allows either way) so that it is never below
# -1, the key of a time not given.
_WIDEST = 14 * 60
DAY_END = 24 * 60 + 2 * _WIDEST  # after every clock time's key (23:59 at UTC-14:00 is 3119)


@lru_cache(maxsize=256)
def offset_minutes(offset: str | None) -> int:
    """'+05:30' -> 330, '-04:00' -> -240."""
    if offset is None or not UTC_OFFSET.fullmatch(offset):
        return 0  # a clock time has a valid offset (the rules below); this is never a guess made here
    minutes = int(offset[1:3]) * 60 + int(offset[4:6])
    return -minutes if offset[0] == "-" else minutes


def _instant_minute(hour: int, minute: int, offset: str | None) -> int:
    return hour * 60 + minute - offset_minutes(offset) + _WIDEST


def day_number(year: int, month: int, day: int) -> int:
    """Days from 1 March of year 0 to this day, any year (proleptic Gregorian; H. Hinnant's method)."""
    year -= month <= 2
    era = year // 400
    of_era = year - era * 400
    of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    return era * 146097 + of_era * 365 + of_era // 4 - of_era // 100 + of_year


def instant(when: When) -> int | None:
    """The minutes since that origin, UTC, of a clock time; None for a date without one."""
    parts = when.parts()
    if len(parts) != 5:
        return None
    year, month, day, hour, minute = parts
    return day_number(year, month, day) * 1440 + hour * 60 + minute - offset_minutes(when.utc_offset)


def ends_before(end: When, start: When) -> bool:
    """An end before its start: by the instants of two clock times (23:00 at -04:00 on the 15th is 17
    hours after 00:00 at +14:00 on the 16th), otherwise by the day each date's source gives."""
    first, last = instant(start), instant(end)
    if first is not None and last is not None:
        return last < first
    return end.end_key() < start.sort_key()


@dataclass(frozen=True, slots=True, kw_only=True)
class When(Record):
    """A point in time known to a stated precision, never more precise than the source."""

    __pydantic_config__ = STRICT

    date: Annotated[str, Chars(max_length=DATE_MAX)] = field(
        metadata={
            "description": "ISO 8601 cut to the precision: '2017', '2017-06', '2017-06-27' or "
            "'2018-01-15T04:00' (local time)."
        }
    )
    precision: Precision
    approximate: Annotated[bool, Strict()] = field(
        default=False, metadata={"description": "True for 'around', 'about', 'mid-', 'early'."}
    )
    utc_offset: Annotated[str, Chars(max_length=DATE_MAX)] | None = field(
        default=None, metadata={"description": "Required with minute precision, e.g. '-04:00'."}
    )
    zone_label: Annotated[str, Chars(max_length=ZONE_LABEL_MAX, pattern=ONE_LINE)] | None = field(
        default=None, metadata={"description": "How the source names the zone, e.g. 'VST'."}
    )
    note: Text | None = field(
        default=None,
        metadata={
            "description": (
                "A note on the date: how the source states it where it is relative or vague, or how the "
                "date was inferred (the dataset's words, not the source's)."
            )
        },
    )

    def _consistent(self) -> None:
        """The rules across fields, run by pydantic after the fields' own checks."""
        parts = self.parts()
        expected = _PRECISION_OF_PARTS[len(parts)]
        if expected != self.precision:
            raise ValueError(
                f"precision '{self.precision}' contradicts date '{self.date}', which is given to the {expected}"
            )
        if self.precision == Precision.MINUTE:
            if self.utc_offset is None:
                raise ValueError("a clock time needs utc_offset (e.g. '-04:00')")
        elif self.utc_offset is not None or self.zone_label is not None:
            raise ValueError("utc_offset and zone_label belong only to clock times (minute precision)")
        if self.utc_offset is not None and not UTC_OFFSET.fullmatch(self.utc_offset):
            raise ValueError(
                f"utc_offset '{self.utc_offset}' is not of the form '+HH:MM' or '-HH:MM', from -14:00 to +14:00"
            )

    def parts(self) -> tuple[int, ...]:
        """(year[, month[, day[, hour, minute]]]), validated."""
        return parse_partial_date(self.date)

    def sort_key(self) -> tuple[int, int, int, int]:
        """Start of the stated period: missing parts sort first within their period. Within a day,
        clock times sort by the instant they name (10:00+02:00 before 09:00+00:00); the day is the
        one the source gives, so every event stays under its own day's heading."""
        parts = self.parts()
        year, month, day = [*parts[:3], 0, 0][:3]
        minute = _instant_minute(parts[3], parts[4], self.utc_offset) if len(parts) == 5 else -1
        return (year, month, day, minute)

    def end_key(self) -> tuple[int, int, int, int]:
        """End of the stated period, for comparing a start with an end: a year ends after its every
        month (13), a month after its every day (32), a day after its every clock time (DAY_END)."""
        parts = self.parts()
        month = parts[1] if len(parts) >= 2 else 13
        day = parts[2] if len(parts) >= 3 else 32
        minute = _instant_minute(parts[3], parts[4], self.utc_offset) if len(parts) == 5 else DAY_END
        return (parts[0], month, day, minute)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Record):
    __pydantic_config__ = STRICT
    id: Id
    title: Line
    kind: SourceKind
    publisher: OneLine | None = None
    author: OneLine | None = None
    url: Url | None = None
    cited_in: Id | None = field(
        default=None,
        metadata={"description": "Known only through this other source, which cites it: its own text was not read."},
    )
    note: Text | None = field(
        default=None,
        metadata={"description": "How the source is known and its limits, e.g. 'one fixed revision of a live page'."},
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation(Record):
    __pydantic_config__ = STRICT
    type: RelationType
    target: Id = field(metadata={"description": "Id of the related actor."})
    note: OneLine | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(Record):
    __pydantic_config__ = STRICT
    id: Id
    name: Line
    aliases: tuple[Line, ...] = ()
    kind: ActorKind
    side: OneLine | None = field(default=None, metadata={"description": "Side or affiliation in this story."})
    profile: Text = ""
    fate: OneLine | None = field(
        default=None, metadata={"description": "What happened to them, where the source says: killed, arrested, ..."}
    )
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant(Record):
    __pydantic_config__ = STRICT
    actor: Id
    role: Line


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Record):
    """Who asserts something not established as fact; 'by' may be empty when the source names nobody."""

    __pydantic_config__ = STRICT

    by: tuple[Id, ...] = ()
    statement: Line
    source: Id | None = field(default=None, metadata={"description": "Where the claim was read (the claim's source)."})
    cited: tuple[Id, ...] = field(
        default=(),
        metadata={
            "description": "Sources that 'source' attributes the claim to, known only through it (their 'cited_in')."
        },
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    __pydantic_config__ = STRICT
    id: Id
    title: Line
    summary: Text = ""
    when: When | None = field(
        default=None,
        metadata={
            "description": "None when the source gives no date; then an order ('after', 'before') or a reading "
            "position ('shown_after', 'shown_before') places it."
        },
    )
    end: When | None = None
    after: Id | None = field(
        default=None, metadata={"description": "An event the source says this one follows (its words in 'order_note')."}
    )
    before: Id | None = field(
        default=None,
        metadata={"description": "An event the source says this one precedes (its words in 'order_note')."},
    )
    order_note: Text | None = field(
        default=None,
        metadata={"description": "The source's words stating the order, e.g. 'Hours after the video was released'."},
    )
    shown_after: Id | None = field(
        default=None,
        metadata={
            "description": "A reading position, not the source's order: where to show an undated event the source "
            "does not order (just after this event). Always labelled as such."
        },
    )
    shown_before: Id | None = field(
        default=None, metadata={"description": "A reading position: show this undated event just before that event."}
    )
    place: OneLine | None = None
    actors: tuple[Participant, ...] = ()
    sources: tuple[Id, ...] = ()
    tags: tuple[Tag, ...] = ()
    certainty: Certainty = Certainty.CONFIRMED
    claims: tuple[Claim, ...] = ()

    @property
    def stated_order(self) -> bool:
        """Whether the source orders this event ('after' or 'before')."""
        return self.after is not None or self.before is not None

    @property
    def reading_position(self) -> str | None:
        """The event an undated event is only shown next to, when the source does not order it."""
        return self.shown_after or self.shown_before

    def _consistent(self) -> None:
        """The rules across fields, run by pydantic after the fields' own checks."""
        self._order_consistent()
        if self.end is not None:
            if self.when is None:
                raise ValueError("an event with an end needs a start ('when')")
            if ends_before(self.end, self.when):
                raise ValueError(f"end '{self.end.date}' is before start '{self.when.date}'")
        if self.certainty != Certainty.CONFIRMED and not self.claims:
            raise ValueError(f"a {self.certainty} event needs at least one claim saying who asserts it")

    def _order_consistent(self) -> None:
        if self.when is None and not self.stated_order and self.reading_position is None:
            raise ValueError(
                "an undated event needs 'after' or 'before' (an order the source states) or 'shown_after' or "
                "'shown_before' (a reading position) to place it in the chronology"
            )
        if self.order_note is not None and not self.stated_order:
            raise ValueError("'order_note' quotes the source's words for 'after' or 'before', which this event lacks")
        if self.reading_position is not None:
            if self.when is not None:
                raise ValueError(
                    "a dated event is placed by its date; 'shown_after'/'shown_before' are for undated ones"
                )
            if self.stated_order:
                raise ValueError("an event the source orders ('after'/'before') needs no reading position")
            if self.shown_after is not None and self.shown_before is not None:
                raise ValueError("give one reading position: 'shown_after' or 'shown_before', not both")


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Record):
    __pydantic_config__ = STRICT
    id: Id
    text: Passage = field(metadata={"description": "Verbatim, including the source's ellipses."})
    speaker: Id | None = field(
        default=None,
        metadata={"description": "None where the source names no speaker: a document, a banner, unattributed words."},
    )
    event: Id
    source: Id
    context: Text = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset(Record):
    __pydantic_config__ = {**STRICT, "populate_by_name": True}

    schema_: Url | None = field(default=None, metadata={"alias": "$schema"})
    schema_version: Annotated[Literal[1], Before(_the_integer_1)] = 1
    title: Line
    description: Text = ""
    timezone: Annotated[str, Chars(max_length=MAX_ID, pattern=r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")] = field(
        metadata={"description": "IANA name, e.g. 'America/Caracas'."}
    )
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
