"""A date given as an offset from another: 'three days after 30 December 2017', 'the eve of 1 January
2018', 'le lendemain du 30 avril 2015', 'the weekend before 2 March 2018', 'weeks after 27 July 1976'.

The event is not on the date the text names, and may fall in another month or year: 'the eve of
1 January 2018' is 31 December 2017. Where the text says how far (a number of days, hours, weeks,
months or years, 'nearly' or 'about' so many; the day before or after; the eve; the year after; the
Monday after; an anniversary; the weekend before, within the 8 days before; 'within days of', taken
as 14 days either side; a week or a night of a day), ``find`` gives the days (or months, or years)
either side of the named date the event falls within, and ``offset_days`` counts them. Where it does
not ('weeks after', 'shortly before', 'Pre-1990'), the date is a bound, read as the bounds written
'after 1990' are. Where words stand between the offset and its date, the date may be the event's own:
the period holds both. The arithmetic is an inference: its note says what was counted.
"""

from __future__ import annotations

import dataclasses
import math
import re

from .lazy_pattern import lazy
from .month_words import MONTH_NAMES, WEEKDAY_NAMES
from .number_words import NUMBER_WORDS, ORDINALS, VAGUE_AMOUNTS

_DURATION = (
    r"days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?|tage?n?|wochen?|monate?n?|jahre?n?|giorn[oi]|"
    r"settiman[ae]|mes[ei]|ann[oi]|d[ií]as?|semanas?|meses|m[eê]s|años?|anos?|(?<=\d )an|(?<=un )an|"
    r"fortnights?|quinzaines?|decades?|décennies?|décadas?|jahrzehnte?n?|decenni[oi]|"
    r"hours?|heures?|stunden?|ore|horas?|minutes?|moments?|"
    r"week-?ends?|fin de semana|fim de semana|wochenende|fine settimana"
)
_AFTER_WORDS = (
    r"after|later|après|apres|nach|später|dopo|depois|após|apos|despu[eé]s|siguiente|suivante?|seguinte|successiv[oa]|"
    r"posterior"
)
_BEFORE_WORDS = r"before|earlier|avant|vor|prima|antes|anterior|précédente?|precedente"
_AFTER_OR_BEFORE = rf"{_AFTER_WORDS}|{_BEFORE_WORDS}|plus tard|m[aá]s tarde|mais tarde"
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
)
# Days from the date, by a word: the day before or after, the eve, two days either way
_NEXT = {
    **dict.fromkeys(["avant-veille"], -2),
    **dict.fromkeys(["surlendemain"], 2),
    **dict.fromkeys(["veille", "day before", "eve of", "víspera", "vispera", "vigilia", "véspera", "vespera"], -1),
    **dict.fromkeys(["vorabend", "tag vor", "día antes", "dia antes", "día anterior", "dia anterior"], -1),
    **dict.fromkeys(["giorno prima", "giorno precedente", "jour précédent", "jour d'avant"], -1),
    **dict.fromkeys(["lendemain", "next day", "day after", "following day", "día siguiente", "dia seguinte"], 1),
    **dict.fromkeys(["giorno dopo", "giorno successivo", "tag danach", "tag nach", "morning after", "indomani"], 1),
    **dict.fromkeys(["día después", "dia depois", "jour suivant", "jour d'après", "mañana siguiente"], 1),
    **dict.fromkeys(["manhã seguinte", "mattina dopo", "morgen nach", "next morning", "following morning"], 1),
}
_NEXT_WORDS = "|".join(sorted(_NEXT, key=len, reverse=True))
# An offset from the date the text names, before it with no comma between (but a weekday's): the event is not
# on it ('two weeks after 27 July 1976', '4 days after the vote on 30 April 1968', 'le lendemain de
# l'élection du 30 novembre', 'Post-March 2001', 'shortly before 1 January 2018'; not '2 years in prison after
# protest, February 2020', nor 'Christmas Eve 2017': a day of its own, nor across a bracket or a spaced dash:
# '2 years in prison after protest (July 3, 1997)', 'Eve of Destruction tour - 20 April 1937')
OFFSET = lazy(
    # (the day before first: 'day' is a duration too)
    rf"(?:\b(?P<next>{_NEXT_WORDS})|\b(?:{_DURATION})\b.{{0,24}}?\b(?P<side>{_AFTER_OR_BEFORE})\b|"
    r"\b(?P<prefix>post|pre)-|"
    r"\b(?:shortly|soon|just|right|immediately|straight|peu|juste|kurz|gleich|poco|pouco|subito|logo)\s+"
    rf"(?P<near>{_AFTER_WORDS}|{_BEFORE_WORDS})\b|"
    r"\bwithin(?: a few| some| several|\s+(?P<within_n>an?|\d{1,3}))?\s+(?P<within>hours?|days?|weeks?)\s+of|"
    r"\b(?P<long>week|fortnight|month)[- ]long\b[^,;:]{0,40}?\b(?:from|starting|beginning|commencing)\b|"
    rf"\b(?P<weekday>{'|'.join(sorted(WEEKDAY_NAMES, key=len, reverse=True))})(?:-feira)?\s+\(?"
    rf"(?P<weekday_side>{_AFTER_WORDS}|{_BEFORE_WORDS})\b|"  # ('the following Monday (after 27 July 1976)')
    r"\b(?:(?P<ordinal>[^\W_]+\.?)\s+)?(?P<anniversary>anniversary|anniversaire|aniversario|aniversário|jahrestag|"
    r"anniversario)\b)"
    # (up to the date: a number, or a word before one, 'de' between: 'después de marzo de 1206')
    rf"(?:[^,;:.\d()\[\]–—-]|(?<=\S)-|\.(?=\s*[^\W\d_])|{_WEEKDAY},){{0,60}}?(?=\d|[^\W\d_]+\.?\s+(?:de\s+)?\d)",
    re.IGNORECASE,
)
_BEFORE = lazy(rf"(?:{_BEFORE_WORDS}|pre)$", re.IGNORECASE)
# 'Three days later on 5 May 2018': the date is the event's own, counted from something the text names
# before it; not counted (read as before this reading: the year, a bound). 'later than' is 'after'.
_LATER = lazy(r"later|earlier|plus tard|später|m[aá]s tarde|mais tarde", re.IGNORECASE)
# How many, right before the unit: digits or a number in words; and the word before that, saying how exact
_AMOUNT = lazy(
    rf"(?:^|\s)(?:(?P<how2>[^\W\d_]+)\s+)?(?:(?P<how>[^\W\d_]+)\s+)?"
    rf"(\d{{1,3}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+$",
    re.IGNORECASE,
)
_WORD_BEFORE = lazy(r"([^\W\d_]+)\s+$")
# An article right before a unit in the singular: one of it ('the year after 1990', "l'année suivante")
_ARTICLE_BEFORE = lazy(r"(?:^|\s)(?:the|le|la|l'|el|o|a|il|lo|der|die|das|im|am|al|na|no|en la|nella)\s*$", re.I)
_UNITS = (
    ("day", lazy(r"(?:days?|jours?|tage?n?|giorn[oi]|d[ií]as?)\b", re.IGNORECASE)),
    ("week", lazy(r"(?:weeks?|semaines?|wochen?|settiman[ae]|semanas?)\b", re.IGNORECASE)),
    ("fortnight", lazy(r"(?:fortnights?|quinzaines?)\b", re.IGNORECASE)),
    ("month", lazy(r"(?:months?|mois|monate?n?|mes[ei]|meses|m[eê]s)\b", re.IGNORECASE)),
    ("year", lazy(r"(?:years?|ans?|années?|jahre?n?|ann[oi]|años?|anos?)\b", re.IGNORECASE)),
    ("decade", lazy(r"(?:decades?|décennies?|décadas?|jahrzehnte?n?|decenni[oi])\b", re.IGNORECASE)),
    ("hour", lazy(r"(?:hours?|heures?|stunden?|ore|horas?)\b", re.IGNORECASE)),
)
_SINGULAR = frozenset(["day", "week", "month", "year", "jour", "semaine", "mois", "an", "année", "tag", "woche"])
_SINGULAR |= frozenset(["monat", "jahr", "giorno", "settimana", "mese", "anno", "día", "dia", "semana", "mes", "mês"])
_SINGULAR |= frozenset(["año", "ano", "fortnight", "quinzaine", "decade", "décennie", "década", "jahrzehnt"])
# Words before a count that make it inexact: about so many (a quarter either way, at least one), nearly so
# many (up to it), less than so many (from the date to it), more than so many (a bound), exactly so many
_ABOUT = frozenset(["about", "around", "some", "roughly", "approximately", "circa", "environ", "etwa", "ungefähr"])
_ABOUT |= frozenset(["rund", "unos", "unas", "aproximadamente", "cerca", "circa", "verso", "intorno", "aprox"])
_NEARLY = frozenset(["nearly", "almost", "presque", "près", "fast", "casi", "quase", "quasi", "pressoché"])
_UNDER = frozenset(["under", "within", "less", "fewer", "moins", "weniger", "menos", "meno"])  # (before 'than')
_OVER = frozenset(["over", "more", "plus", "mehr", "más", "mas", "più", "mais", "über"])
_THAN = frozenset(["than", "de", "als", "di", "que"])  # ('more than 3 days', 'moins de 3 jours')
# Idioms: 'quinze jours', 'quince días', 'quindici giorni' are two weeks; 'huit jours', one
_IDIOMS = {("quinze", "day"): 14, ("quince", "day"): 14, ("quindici", "day"): 14, ("huit", "day"): 7}
# (the weekend before a Sunday may be the one 8 days before it, as the weekend after a Saturday may be 8 after)
_WEEKEND = {-1: (-8, -1, "within the 8 days before"), 1: (1, 8, "within the 8 days after")}
_WEEKEND_WORD = lazy(r"week-?ends?|fin de semana|fim de semana|wochenende|fine settimana", re.IGNORECASE)
_WITHIN = {"hour": (1, 24), "day": (1, 14), "week": (7, 8)}  # (days in one, and how many where not said)
# A week or a weekend from a day, holding it or ending on it ('week of 27 July 1976', 'semaine du lundi 29
# décembre', 'Woche ab 31. März', 'week ending 4 May'): the days it may hold, its words, the date after them
_WEEK = lazy(
    r"\b(?P<unit>week(?:-?end)?|semaine|woche(?:nende)?|semana|settimana|fin de semana|fim de semana)\b"
    r"(?P<words>(?:\s+(?:of|du|des|vom|del|de|della|dal|dalla|do|dia|van|vanaf|ab|a|partir|beginning|starting|"
    r"commencing|ending|from|the|le|la|el|il|dem)){1,4})\s+"
    rf"(?:(?:{'|'.join(sorted(WEEKDAY_NAMES, key=len, reverse=True))})\.?,?\s+)?"
    r"(?=\d|[^\W\d_]+\.?\s+\d)",
    re.IGNORECASE,
)
_WEEK_SHORT = lazy(r"\bw/(?P<side>[ce])\.?\s+(?=\d|[^\W\d_]+\.?\s+\d)", re.IGNORECASE)  # 'w/c 28 September'
# A night, of a day (into the next) or to it ('la noche del 30 de abril', 'in der Nacht zum 1. November')
_NIGHT = lazy(
    r"\b(?:(?P<to>in der nacht zum|nacht zum|the night before|night before)|night of|overnight(?: on)?|"
    r"la noche del?|in de nacht van|nacht van|la nuit du|nuit du|notte del?|noite de|in der nacht vom|nacht vom)"
    r"\s+(?!\d+\s*(?:au|-|–|to|al|bis)\s*\d)",  # (not 'nuit du 30 au 31': a range)
    re.IGNORECASE,
)
# Words that start a period, the date after them its first day: a bound ('from 28 November 1973', 'as of
# 29 September 1980'; 'a más tardar el 1 de septiembre': its last); a range ('from 28 December to 3 January')
# is read as a range
_START = lazy(
    r"^(?:(?P<by>a más tardar|a mas tardar|no más tarde|no mas tarde)(?: del?| el)?|from|starting(?: on| from)?|"
    r"beginning(?: on)?|effective(?: from| on)?|as (?:of|from)|commencing(?: on)?)\s+",
    re.IGNORECASE,
)
_RANGE_WORDS = frozenset(["to", "until", "till", "through", "thru", "and", "or", "al", "hasta", "au", "à", "bis"])
_RANGE_WORDS |= frozenset(["ao", "até", "tot", "y", "e", "et", "und", "a", "o", "ou", "oder"])
# Words between an offset and its date that leave the date the one it counts from ('le lendemain du 30 avril')
_CONNECTORS = frozenset(["the", "of", "on", "in", "at", "le", "la", "les", "l'", "du", "de", "des", "del", "dem"])
_CONNECTORS |= frozenset(["den", "der", "il", "lo", "o", "a", "do", "da", "al", "au", "em", "no", "na", "am", "vom"])
_CONNECTORS |= frozenset(["von", "el", "dello", "della", "dal", "dalla", "di", "dei", "dos", "das"])
_CONNECTORS |= frozenset(["after", "before", "from", "than"])  # ('the next day after 1 January', 'later than')
_FROM_WORDS = frozenset(["beginning", "starting", "commencing", "from", "ab", "vanaf", "partir"])
_LONG = {"week": (6, "the 7 days from it"), "fortnight": (13, "the 14 days from it")}
_LONG["month"] = (30, "the 31 days from it")


@dataclasses.dataclass(frozen=True)
class Offset:
    """An offset the text states: the ``unit``s from the named date the event falls within, ``low`` to
    ``high`` (None: how far is not said, a bound on ``side``: 1 after, -1 before), the words that say so
    (``said``), and the text of the date it counts from."""

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
    next_unit: bool = False  # 'the year after', 'the month before': how far depends on the date's precision

    def counted(self) -> str:
        """What was counted, for the note ('after' or 'before' where not said: a bound's word)."""
        return self.said or ("after" if self.side > 0 else "before")


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


def about(offset: Offset) -> Offset:
    """``offset`` counted about so far ('about 3 days after': 2 to 4 days), where it was counted exactly."""
    if offset.low is None or offset.low != offset.high or offset.next_unit:
        return offset
    margin = max(1, math.ceil(abs(offset.low) / 4))
    return dataclasses.replace(offset, low=offset.low - margin, high=offset.high + margin, said=f"about {offset.said}")


def side_of(match: re.Match[str]) -> int:
    """1 (after) or -1 (before): the side of the date named an ``OFFSET`` match puts the event on."""
    if (word := match.group("next")) is not None:
        return 1 if _NEXT[word.lower()] > 0 else -1
    words = match.group("side") or match.group("near") or match.group("weekday_side") or match.group("prefix")
    return -1 if words is not None and _BEFORE.match(words) else 1


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


def _counted(side: int, low: int, high: int, unit: str, anchor: str, loose: bool, said: str) -> Offset:
    """``low`` to ``high`` ``unit``s from the date, in the units counted: decades as years, hours as the
    days they may start and end in (a day's hours are not given)."""
    if unit == "decade":
        low, high, unit = low * 10, high * 10, "year"
    if unit == "hour":
        low, high, unit = math.floor(low / 24), math.ceil(high / 24), "day"
    return Offset(side, low, high, unit, anchor, said, loose=loose)


def _words(count: int, unit: str, side: int, how: str = "") -> str:
    """'3 days after', 'nearly 2 years before'."""
    return f"{how}{count} {unit}{'s' * (count != 1)} {'after' if side > 0 else 'before'}"


def _bound(side: int, anchor: str, loose: bool = False) -> Offset:
    return Offset(side, None, None, "day", anchor, loose=loose)


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
        days = _NEXT[word.lower()]
        side = 1 if days > 0 else -1
        return _counted(side, days, days, "day", anchor, loose, _words(abs(days), "day", side))
    if (within := match.group("within")) is not None:  # 'within days of', 'within a week of', 'within 24 hours of'
        per, unsaid = _WITHIN[within.lower().rstrip("s")]
        written = (match.group("within_n") or "").lower()
        count = 1 if written in ("a", "an") else int(written or unsaid)
        days = -(-count // 24) if within.lower().startswith("hour") else per * count
        return Offset(0, -days, days, "day", anchor, f"within {days} day{'s' * (days > 1)} either side", loose=loose)
    if (long := match.group("long")) is not None:  # 'Week-long strike from 30 April 1955'
        days, said = _LONG[long.lower()]
        return Offset(1, 0, days, "day", anchor, said, loose=loose)
    if match.group("prefix") is not None:
        return _bound(-1 if match.group("prefix").lower() == "pre" else 1, anchor, loose)
    if (near := match.group("near")) is not None:  # 'shortly before', 'kurz nach', 'poco dopo'
        return _bound(-1 if _BEFORE.match(near) else 1, anchor, loose)
    if (weekday := match.group("weekday_side")) is not None:  # 'the Monday after', 'el lunes siguiente al'
        side = -1 if _BEFORE.match(weekday) else 1
        low, high = (1, 7) if side > 0 else (-7, -1)
        said = f"the {match.group('weekday')} {'after' if side > 0 else 'before'}: within the 7 days"
        return Offset(side, low, high, "day", anchor, said, of_a_day=True, loose=loose)
    if match.group("anniversary") is not None:  # 'the first anniversary of', 'el aniversario del'
        return _anniversary(match.group("ordinal"), anchor, loose)
    return _counted_or_bound(text, match, anchor, loose)


def _counted_or_bound(text: str, match: re.Match[str], anchor: str, loose: bool) -> Offset | None:
    """'3 days after', 'nearly two years after', 'the year after', 'the weekend before', 'weeks after'."""
    side_word = match.group("side")
    if _LATER.fullmatch(side_word) and not text[match.end("side") :].lstrip().lower().startswith("than"):
        return None
    side = -1 if _BEFORE.match(side_word) or side_word.lower() == "earlier" else 1
    before, duration = text[: match.start()], match.group().split()[0].lower()
    unit = next((name for name, pattern in _UNITS if pattern.match(match.group())), None)
    if (amount := _AMOUNT.search(before)) is not None and unit is not None:
        return _by_amount(amount, unit, side, anchor, loose)
    if _WEEKEND_WORD.match(match.group()):  # 'the weekend before'
        low, high, said = _WEEKEND[side]
        return Offset(side, low, high, "day", anchor, said, of_a_day=True, loose=loose)
    if unit is not None and unit != "hour" and duration in _SINGULAR and (_ARTICLE_BEFORE.search(before) or not before):
        said = f"the {unit} {'after' if side > 0 else 'before'}"  # 'the year after 1990', 'el año siguiente a'
        return Offset(side, side, side, unit, anchor, said, loose=loose, next_unit=True)
    vague = _WORD_BEFORE.search(before)
    if vague is not None and vague.group(1).lower() not in VAGUE_AMOUNTS:
        return None  # a number this reader does not know ('twenty-one days after'), or a title's words
    return _bound(side, anchor, loose)  # 'weeks after', 'a few days before', 'hours after'


def _by_amount(amount: re.Match[str], unit: str, side: int, anchor: str, loose: bool) -> Offset | None:
    """So many ``unit``s: exactly, about, nearly, under or over ('nearly two years after': 1 to 2 years)."""
    written = amount.group(3).lower()
    said = [word.lower() for word in (amount.group("how2"), amount.group("how")) if word]
    how = said[-2] if len(said) == 2 and said[-1] in _THAN else said[-1] if said else ""  # ('less than', 'plus de')
    count = int(written) if written.isdigit() else NUMBER_WORDS[written]
    margin = max(1, math.ceil(count / 4))
    if how in _OVER:
        return _bound(side, anchor, loose)
    if (idiom := _IDIOMS.get((written, unit))) is not None:  # 'quinze jours': two weeks
        near, far, how = idiom, count, ""
    elif how in _ABOUT:
        near, far, how = count - margin, count + margin, "about "
    elif how in _NEARLY:
        near, far, how = count - margin, count, "nearly "
    elif how in _UNDER:
        near, far, how = 0, count, "under "
    else:
        near, far, how = count, count, ""
    near = max(near, 0)
    low, high = (near, far) if side > 0 else (-far, -near)
    return _counted(side, low, high, unit, anchor, loose, _words(count, unit, side, how))


def _anniversary(ordinal: str | None, anchor: str, loose: bool) -> Offset:
    """The anniversary of a date: that day, so many years on ('the first anniversary of', 'el décimo
    aniversario del', 'the 10th anniversary of'); where the text does not say which, a bound after it."""
    years = ORDINALS.get((ordinal or "").lower().rstrip("."))
    if years is None and ordinal and (digits := re.match(r"(\d{1,3})(?:st|nd|rd|th|e|er|ème|º|ª|°)?$", ordinal)):
        years = int(digits.group(1))
    if years is None:
        return _bound(1, anchor, loose)
    said = f"its anniversary, {years} year{'s' * (years != 1)} after"
    return Offset(1, years, years, "year", anchor, said, loose=loose)


def _from_the_date(text: str) -> str:
    """The text from its first number or month name: the words between an offset and its date go ('the vote
    on 30 April 1968', 'after 1 January 2000', 'du 30 avril', "l'élection du 30 novembre 2015"), and an
    elided article before a day ("dell'11 settembre", "l'11 mars")."""
    words = text.rstrip(" )]").split()
    while words and not words[0][:1].isdigit() and words[0].lower().rstrip(".,") not in MONTH_NAMES:
        if (elided := re.match(r"[^\W\d_]+['’](\d.*)$", words[0])) is not None:
            words[0] = elided.group(1)
            break
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
