"""A date given as an offset from another: 'three days after 30 December 2017', 'the eve of 1 January
2018', 'le lendemain du 30 avril 2015', 'the weekend before 2 March 2018', 'weeks after 27 July 1976'.

The event is not on the date the text names, and may fall in another month or year: 'the eve of
1 January 2018' is 31 December 2017. Where the text says how far (a number of days, weeks, months or
years; the day before or after; the eve; the weekend before, within the 8 days before; 'within days
of', taken as 14 days either side; a week or a night of a day), the period read is the named date
moved by that much, at the named date's precision (a month moved by days may reach the next month:
both are held). Where it does not ('weeks after', 'shortly before', 'Pre-1990'), the date is a bound,
read as the bounds written 'after 1990' are. Where words stand between the offset and its date, the
date may be the event's own: the period holds both. The arithmetic is an inference: its note says
what was counted. ``find`` finds the offset; ``shifted`` counts it.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from .month_words import MONTH_NAMES, WEEKDAY_NAMES
from .number_words import NUMBER_WORDS, VAGUE_AMOUNTS
from .sheet_date_values import Parts, days_in_month

_DURATION = (
    r"days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?|tage?n?|wochen?|monate?n?|jahre?n?|giorn[oi]|"
    r"settiman[ae]|mes[ei]|ann[oi]|d[ií]as?|semanas?|meses|m[eê]s|años?|anos?|(?<=\d )an|(?<=un )an|"
    r"hours?|minutes?|moments?|heures?|stunden?|ore|horas?|week-?ends?"  # (how long is not said)
)
_AFTER_OR_BEFORE = (
    r"after|before|later|earlier|après|apres|avant|plus tard|nach|vor|später|dopo|prima|depois|antes|despu[eé]s|"
    r"m[aá]s tarde|mais tarde"
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
)
# A day from the date, by a word: the day before or after, the eve
_NEXT_WORDS = (
    r"lendemain|veille|next day|day after|day before|following day|día siguiente|dia seguinte|giorno dopo|"
    r"tag danach|tag nach|tag vor|eve of|víspera|vispera|vigilia|véspera|vespera|vorabend|morning after"
)
# An offset from the date the text names, before it with no comma between (but a weekday's): the event is not
# on it ('two weeks after 27 July 1976', '4 days after the vote on 30 April 1968', 'le lendemain de
# l'élection du 30 novembre', 'Post-March 2001', 'shortly before 1 January 2018'; not '2 years in prison after
# protest, February 2020', nor 'Christmas Eve 2017': a day of its own, nor across a bracket or a spaced dash:
# '2 years in prison after protest (July 3, 1997)', 'Eve of Destruction tour - 20 April 1937')
OFFSET = re.compile(
    # (the day before first: 'day' is a duration too)
    rf"(?:\b(?P<next>{_NEXT_WORDS})|\b(?:{_DURATION})\b.{{0,24}}?\b(?P<side>{_AFTER_OR_BEFORE})|"
    r"\b(?P<prefix>post|pre)-|\b(?:shortly|soon|just|right|immediately|straight)\s+(?P<near>after|before)|"
    r"\bwithin(?: a few| some| several|\s+(?P<within_n>\d{1,3}))?\s+(?P<within>hours?|days?|weeks?)\s+of|"
    r"\b(?P<long>week|fortnight|month)[- ]long\b[^,;:]{0,40}?\b(?:from|starting|beginning|commencing)\b)"
    # (up to the date: a number, or a word before one, 'de' between: 'después de marzo de 1206')
    rf"(?:[^,;:.\d()\[\]–—-]|(?<=\S)-|\.(?=\s*[^\W\d_])|{_WEEKDAY},){{0,60}}?(?=\d|[^\W\d_]+\.?\s+(?:de\s+)?\d)",
    re.IGNORECASE,
)
_BEFORE = frozenset(["before", "earlier", "avant", "vor", "prima", "antes", "pre"])
# 'Three days later on 5 May 2018': the date is the event's own, counted from something the text names
# before it; not counted (read as before this reading: the year, a bound)
_LATER = re.compile(r"later|earlier|plus tard|später|m[aá]s tarde|mais tarde", re.IGNORECASE)
_BEFORE_NEXT = frozenset(["veille", "day before", "eve of", "víspera", "vispera", "vigilia", "véspera", "vespera"])
_BEFORE_NEXT |= frozenset(["vorabend", "tag vor"])
# How many, right before the unit: digits or a number in words; or the word there, to tell a vague one
_AMOUNT = re.compile(rf"(?:^|\s)(\d{{1,3}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_UNITS = (
    ("day", re.compile(r"(?:days?|jours?|tage?n?|giorn[oi]|d[ií]as?)\b", re.IGNORECASE)),
    ("week", re.compile(r"(?:weeks?|semaines?|wochen?|settiman[ae]|semanas?)\b", re.IGNORECASE)),
    ("month", re.compile(r"(?:months?|mois|monate?n?|mes[ei]|meses|m[eê]s)\b", re.IGNORECASE)),
    ("year", re.compile(r"(?:years?|ans?|années?|jahre?n?|ann[oi]|años?|anos?)\b", re.IGNORECASE)),
)


@dataclasses.dataclass(frozen=True)
class Offset:
    """An offset the text states: the days (or months: ``unit``) from the named date the event falls
    within, ``low`` to ``high`` (None: how far is not said, a bound on ``side``: 1 after, -1 before), the
    words that say so, and the text of the date it counts from."""

    side: int
    low: int | None
    high: int | None
    unit: str
    anchor: str
    said: str = ""  # what was counted, for the note ('3 days after', 'the 7 days before')
    of_a_day: bool = False  # a week, a weekend, a night: of a day only ('the first week of March' is in March)
    # Words between it and its date ('4 days after the vote on 30 April 1968', 'Riots a week after verdict 30
    # September 1920'): the date may be what it counts from or the event's own, so the period holds both; and
    # only a day is counted from ('3 days after Easter 2018' is not counted from 2018)
    loose: bool = False

    def counted(self) -> str:
        """What was counted, for the note ('after' or 'before' where not said: a bound's word)."""
        return self.said or ("after" if self.side > 0 else "before")


def _counted(side: int, amount: int, unit: str, anchor: str, loose: bool = False) -> Offset:
    said = f"{amount} {unit if amount == 1 else unit + 's'} {'after' if side > 0 else 'before'}"
    return Offset(side, side * amount, side * amount, unit, anchor, said, loose=loose)


def _bound(side: int, anchor: str, loose: bool = False) -> Offset:
    return Offset(side, None, None, "day", anchor, loose=loose)


# Windows said in words: the weekend before or after (within the 7 days), within hours, days, weeks of
# (the weekend before a Sunday may be the one 8 days before it, as the weekend after a Saturday may be 8 after)
_WEEKEND = {-1: (-8, -1, "within the 8 days before"), 1: (1, 8, "within the 8 days after")}
_WITHIN = {"hour": (1, 24), "day": (1, 14), "week": (7, 8)}  # (days in one, and how many where not said)
# A week or a weekend from a day, holding it or ending on it ('week of 27 July 1976', 'semaine du lundi 29
# décembre', 'Woche ab 31. März', 'week ending 4 May'): the days it may hold, its words, the date after them
_WEEK = re.compile(
    r"\b(?P<unit>week(?:-?end)?|semaine|woche(?:nende)?|semana|settimana|fin de semana|fim de semana)\b"
    r"(?P<words>(?:\s+(?:of|du|des|vom|del|de|della|dal|dalla|do|dia|van|vanaf|ab|a|partir|beginning|starting|"
    r"commencing|ending|from|the|le|la|el|il|dem)){1,4})\s+"
    rf"(?:(?:{'|'.join(sorted(WEEKDAY_NAMES, key=len, reverse=True))})\.?,?\s+)?"
    r"(?=\d|[^\W\d_]+\.?\s+\d)",
    re.IGNORECASE,
)
_WEEK_SHORT = re.compile(r"\bw/(?P<side>[ce])\.?\s+(?=\d|[^\W\d_]+\.?\s+\d)", re.IGNORECASE)  # 'w/c 28 September'
# A night, of a day (into the next) or to it ('la noche del 30 de abril', 'in der Nacht zum 1. November')
_NIGHT = re.compile(
    r"\b(?:(?P<to>in der nacht zum|nacht zum|the night before|night before)|night of|overnight(?: on)?|"
    r"la noche del?|in de nacht van|nacht van|la nuit du|nuit du|notte del?|noite de|in der nacht vom|nacht vom)"
    r"\s+(?!\d+\s*(?:au|-|–|to|al|bis)\s*\d)",  # (not 'nuit du 30 au 31': a range)
    re.IGNORECASE,
)
# Words that start a period, the date after them its first day: a bound ('from 28 November 1973', 'as of
# 29 September 1980'; 'a más tardar el 1 de septiembre': its last); a range ('from 28 December to 3 January')
# is read as a range
_START = re.compile(
    r"^(?:(?P<by>a más tardar|a mas tardar|no más tarde|no mas tarde)(?: del?| el)?|from|starting(?: on| from)?|"
    r"beginning(?: on)?|effective(?: from| on)?|as (?:of|from)|commencing(?: on)?)\s+",
    re.IGNORECASE,
)
_RANGE_WORDS = frozenset(["to", "until", "till", "through", "thru", "and", "or", "al", "hasta", "au", "à", "bis"])
_RANGE_WORDS |= frozenset(["ao", "até", "tot", "y", "e", "et", "und", "a", "o", "ou", "oder"])
# Words between an offset and its date that leave the date the one it counts from ('le lendemain du 30 avril')
_CONNECTORS = frozenset(["the", "of", "on", "in", "at", "le", "la", "les", "l'", "du", "de", "des", "del", "dem"])
_CONNECTORS |= frozenset(["den", "der", "il", "lo", "o", "a", "do", "da", "al", "au", "em", "no", "na", "am", "vom"])
_CONNECTORS |= frozenset(["von", "el", "dello", "della", "dal", "dalla"])
_CONNECTORS |= frozenset(["after", "before", "from"])  # ('the next day after 1 January')
_FROM_WORDS = frozenset(["beginning", "starting", "commencing", "from", "ab", "vanaf", "partir"])
_LONG = {
    "week": (6, "the 7 days from it"),
    "fortnight": (13, "the 14 days from it"),
    "month": (30, "the 31 days from it"),
}


def find(text: str) -> Offset | None:
    """The offset ``text`` states, or None where it states none, or one from another date ('later'), or
    one from another offset ('the eve of the day after 1 May': not counted)."""
    found = _find(text)
    if found is None or find_any(found.anchor):
        return None
    if found.loose and found.low is not None and found.high is not None:
        said = f"{found.said}, or that day: the words between may make it either"
        return dataclasses.replace(found, low=min(found.low, 0), high=max(found.high, 0), said=said)
    return found


def find_any(text: str) -> bool:
    """Whether ``text`` names an offset, a night, a week or a start of any kind."""
    return any(pattern.search(text) for pattern in (OFFSET, _NIGHT, _WEEK, _WEEK_SHORT)) or bool(_START.match(text))


def _find(text: str) -> Offset | None:
    if (start := _START.match(text)) is not None:
        return _bound(-1 if start.group("by") else 1, text[start.end() :])
    if (night := _NIGHT.search(text)) is not None:
        low, high = (-1, 0) if night.group("to") else (0, 1)
        said = "the night to it" if low else "the night from it"
        return Offset(0, low, high, "day", text[night.end() :], said, of_a_day=True)
    match = OFFSET.search(text)
    return _week(text) if match is None else _offset(text, match)


def _offset(text: str, match: re.Match[str]) -> Offset | None:
    """The offset ``match`` found in ``text``: its side, how far, and the date after it."""
    words_end = max(match.end(name) for name, value in match.groupdict().items() if value is not None)
    if find_any(text[words_end:]):  # (the words between it and its date too: 'the eve of the day after 1 May')
        return None
    if match.start() > 0 and text[match.start() : words_end].split()[-1] in ("After", "Before"):
        return None  # a title's words mid-text ('Ten Years After concert', 'The Morning After Pill approved')
    anchor = _from_the_date(text[match.end() :])
    between = (words := text[words_end:].split())[: len(words) - len(anchor.split())]
    loose = any(word.lower() not in _CONNECTORS for word in between)  # (not 'the eve of the 1 May 2018 election')
    if (word := match.group("next")) is not None:
        return _counted(-1 if word.lower() in _BEFORE_NEXT else 1, 1, "day", anchor, loose)
    if (within := match.group("within")) is not None:  # 'within days of', 'within 24 hours of'
        per, unsaid = _WITHIN[within.lower().rstrip("s")]
        count = int(match.group("within_n") or unsaid)
        days = -(-count // 24) if within.lower().startswith("hour") else per * count
        return Offset(0, -days, days, "day", anchor, f"within {days} day{'s' * (days > 1)} either side", loose=loose)
    if (long := match.group("long")) is not None:  # 'Week-long strike from 30 April 1955'
        days, said = _LONG[long.lower()]
        return Offset(1, 0, days, "day", anchor, said, loose=loose)
    if match.group("prefix") is not None:
        return _bound(-1 if match.group("prefix").lower() == "pre" else 1, anchor, loose)
    if match.group("near") is not None:
        return _bound(-1 if match.group("near").lower() == "before" else 1, anchor, loose)
    if _LATER.fullmatch(match.group("side")):
        return None
    side = -1 if match.group("side").lower() in _BEFORE else 1
    before = text[: match.start()]
    if (amount := _AMOUNT.search(before)) is None:
        vague = _WORD_BEFORE.search(before)
        if vague is not None and vague.group(1).lower() not in VAGUE_AMOUNTS:
            return None  # a number this reader does not know ('twenty-one days after'), or a title's words
        if re.match(r"week-?ends?\b", match.group(), re.IGNORECASE):  # 'the weekend before'
            low, high, said = _WEEKEND[side]
            return Offset(side, low, high, "day", anchor, said, of_a_day=True, loose=loose)
        return _bound(side, anchor, loose)  # 'weeks after', 'a few days before'
    unit = next((name for name, pattern in _UNITS if pattern.match(match.group())), None)
    if unit is None:  # hours, moments: how far is not said
        return _bound(side, anchor, loose)
    number = amount.group(1).lower()
    return _counted(side, int(number) if number.isdigit() else NUMBER_WORDS[number], unit, anchor, loose)


def _from_the_date(text: str) -> str:
    """The text from its first number or month name: the words between an offset and its date go ('the vote
    on 30 April 1968', 'after 1 January 2000', 'du 30 avril', "l'élection du 30 novembre 2015")."""
    words = text.split()
    while words and not words[0][:1].isdigit() and words[0].lower().rstrip(".,") not in MONTH_NAMES:
        words = words[1:]
    return " ".join(words)


def _week(text: str) -> Offset | None:
    """A week (or weekend) from a day, or holding it, or ending on it: the days either side it may hold."""
    if (short := _WEEK_SHORT.search(text)) is not None:  # week commencing, week ending
        low, high, said = (0, 6, "within the 7 days from it") if short.group("side").lower() == "c" else (-6, 0, "")
        return Offset(0, low, high, "day", text[short.end() :], said or "within the 7 days to it", of_a_day=True)
    match = _WEEK.search(text)
    if match is None:
        return None
    words = match.group("words").lower().split()
    weekend = match.group("unit").lower().replace("-", "").startswith(("weekend", "wochenende", "fin", "fim"))
    span = 2 if weekend else 6
    low, high = (0, span) if _FROM_WORDS & set(words) else (-span, 0) if "ending" in words else (-span, span)
    said = f"within the {span + 1} days {'from' if low == 0 else 'to'} it" if low == 0 or high == 0 else ""
    said = said or f"within {span} days either side"
    return Offset(0, low, high, "day", text[match.end() :].strip(), said, of_a_day=True)


def anchors(text: str) -> list[str]:
    """The texts the named date may be: all of it, then with up to three words off its end ('1 May 2018
    election'), longest first; never a number nor a word of a range ('5 May 2018 to 7 May 2018' is not
    '5 May 2018')."""
    words, found = text.split(), [text]
    while len(found) < 4 and len(words) > 1 and words[-1].isalpha() and words[-1].lower() not in _RANGE_WORDS:
        words = words[:-1]
        found.append(" ".join(words))
    return found


def shifted(parts: Parts, offset: Offset) -> tuple[Parts, Parts | None] | None:
    """The period the named date (``parts``: a year, a month or a day) moved by ``offset`` falls in,
    at its own precision: its first and last days moved, each cut back to that precision (the end
    None where both are one). None where it cannot be counted (no amount, a day the month does not have,
    a year the calendar does not hold but by whole years, a time of day)."""
    if offset.low is None or offset.high is None or not set(parts) <= {"year", "month", "day"}:
        return None
    year = parts["year"]
    if set(parts) == {"year"} and offset.unit == "year":  # whole years, BCE too ('10 years after 218 BC')
        start, end = ({"year": _years_on(year, amount)} for amount in (offset.low, offset.high))
        return start, (end if end != start else None)
    first_month, last_month = (parts["month"], parts["month"]) if "month" in parts else (1, 12)
    try:
        first = date(year, first_month, parts.get("day", 1))
        last = date(year, last_month, parts.get("day", days_in_month(year, last_month)))
    except ValueError:  # '29 February 2019', or a year the calendar does not hold: not counted
        return None
    moved = [_moved(first, offset.low, offset.unit), _moved(last, offset.high, offset.unit)]
    if None in moved:
        return None
    start, end = (_cut(day, parts) for day in moved)  # type: ignore[arg-type]
    return start, (end if end != start else None)


def _years_on(year: int, amount: int) -> int:
    """``year`` (as TimelineJS counts: -1 is 1 BCE, no year 0) and ``amount`` years on."""
    moved = (year if year > 0 else year + 1) + amount  # (as astronomers count: 0 is 1 BCE)
    return moved if moved > 0 else moved - 1


def _moved(day: date, amount: int, unit: str) -> date | None:
    try:
        if unit in ("day", "week"):
            return day + timedelta(days=amount * (7 if unit == "week" else 1))
        months = day.month - 1 + amount * (12 if unit == "year" else 1)
        year, month = day.year + months // 12, months % 12 + 1
        return date(year, month, min(day.day, days_in_month(year, month)))  # (31 January + 1 month: 28 February)
    except (OverflowError, ValueError):  # beyond the years the calendar holds
        return None


def _cut(day: date, parts: Parts) -> Parts:
    if "day" in parts:
        return {"year": day.year, "month": day.month, "day": day.day}
    if "month" in parts:
        return {"year": day.year, "month": day.month}
    return {"year": day.year}
