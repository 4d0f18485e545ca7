"""Which month names in free text count as months, and whether they may narrow the text's one year
to them ('Protests began in March 2018', '30 April - 2 May 1950'). Not where the text also holds a
date or month in digits ('15/01/2018 or 3 February 2018', '2018-01 - 15 March 2018'), states an offset
from the date ('two weeks after 27 July 1976', 'le lendemain du 31 décembre'), a week from a day
('semaine du 27 juillet', which may end in August), or a range one side of which it cannot read as a
month: a day beside a word it does not know ('15 augustus - 3 september 2018'), days going backwards
before a month ('28-11 December 2002': from November), a word it does not know ('augustus-september
2018') or a month name it does not count there. Any of these may be another month of that year, so
the reading keeps the whole year. A number elsewhere in the text ('3 killed in Kabul, May 2017',
'Apollo 11 lands, July 1969') is no part of the date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .month_words import COMMON_WORDS, FILLER, LEADING, MONTH_NAMES, NAMES_TOO, TOKENS

# A day written out in digits inside other text ('aprox. 12:00 del 15/01/2018'), a four-digit year
# first or last: named when the text is not read (one part a month, the other a day of a month)
DATE_IN_TEXT = re.compile(
    r"(?<![\d/.])(?:(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}|\d{4}[/.-](\d{1,2})[/.-](\d{1,2}))(?![/.]?\d)"
)
# A date or a month in digits anywhere ('15/01/2018', '2019-10-15/24', '2018-01', '01/2018', '15/01')
_DIGITS_DATE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}|\d{1,2}[/.-]\d{4}|(?<![\d.,])\d{1,2}/\d{1,2}(?![\d/.,%])"
)
_DURATION = (
    r"days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?|tage?n?|wochen?|monate?n?|jahre?n?|giorn[oi]|"
    r"settiman[ae]|mes[ei]|ann[oi]|d[ií]as?|semanas?|meses|años?|anos?"
)
_AFTER_OR_BEFORE = (
    r"after|before|later|earlier|après|apres|avant|plus tard|nach|vor|später|dopo|prima|depois|antes|despu[eé]s|"
    r"m[aá]s tarde|mais tarde"
)
# An offset from the date the text names: the event is not on it ('two weeks after 27 July 1976')
OFFSET = re.compile(
    rf"\b(?:{_DURATION})\b.{{0,24}}?\b(?P<side>{_AFTER_OR_BEFORE})\b|\b(?P<next>lendemain|veille|next day|day after|"
    r"day before|following day|día siguiente|dia seguinte|giorno dopo|tag danach)\b",
    re.IGNORECASE,
)
# A week from a day ('week of 27 July', 'semaine du 27 juillet', 'Woche vom 28. Februar'): it may end in the next month
_WEEK_FROM_A_DAY = re.compile(
    r"\b(?:week|semaine|woche|semana|settimana)\b\s+(?:[^\W\d_]+\s+){0,2}\d{1,2}(?!\d)", re.IGNORECASE
)
# Words of a range between two dates (and marks, below); 'and', 'y', 'et' are followed as days of a range only
_RANGE_WORDS = frozenset(["to", "until", "till", "through", "thru", "al", "hasta", "au", "bis", "à", "ao", "até"])
_BOTH_WORDS = frozenset(["and", "or", "y", "o", "e", "et", "und", "ou", "oder", "a"])
_JOINT_MARK = re.compile(r"^\s*[-–—/]\s*$")
_ORDINALS = frozenset(["st", "nd", "rd", "th", "er", "ro", "ero"])
_PARTICLES = frozenset(["de", "do", "da", "del", "di", "du", "des", "dos", "das"])  # 'Rio de Janeiro', 'Plaza de Mayo'
# Words before a day and a month that make them a name ('Rue du 4 Septembre', 'Avenida 9 de Julio')
_STREETS = frozenset(
    ["rue", "rua", "avenida", "avenue", "av", "calle", "plaza", "place", "piazza", "via", "praça", "praca", "largo"]
) | frozenset(["paseo", "boulevard", "bd", "straße", "strasse", "platz", "quai", "puente", "pont", "liceo", "colegio"])
_STREETS |= frozenset(["movimiento", "movimento", "mouvement", "movement", "bewegung"])  # ('Movimiento 26 de Julio')
_LONGEST = 200  # characters: a longer text is not searched for its month (each day is followed to one)


def months_may_narrow(text: str) -> bool:
    """Whether the months free text names may narrow its year to them."""
    if len(text) > _LONGEST or _DIGITS_DATE.search(text) or OFFSET.search(text) or _WEEK_FROM_A_DAY.search(text):
        return False
    return not _Words(text).range_unread()


class _Words:
    """The words of free text, each of a kind (``_kind``), and the parts the marks and words of a range cut
    it into ('15 augustus', '3 september 2018')."""

    def __init__(self, text: str) -> None:
        self.text, self.matches = text, list(TOKENS.finditer(text))
        self.words = [match.group() for match in self.matches]
        self.kinds = [_kind(text, self.matches, at) for at in range(len(self.words))]
        self.part = [0] * len(self.words)
        for at in range(1, len(self.words)):  # ('to' ends its part)
            self.part[at] = self.part[at - 1] + (self.joined(at - 1, at) or self.kinds[at - 1] == "range")

    def range_unread(self) -> bool:
        """Whether a part beside one with a month holds what may be the other side of a range the reader
        cannot read: a day placed beside no month, a month name not counted joined as a range, or one
        unknown word alone joined to a month ('augustus-september 2018'; not 'Protest in Caracas - April
        2017', nor 'COVID-19 lockdown begins March 2020')."""
        kinds, part = self.kinds, self.part
        dated = {part[at] for at, kind in enumerate(kinds) if kind == "month"}
        kept: dict[int, list[str]] = {}  # the kinds of words in a part beside a dated one, fillers and years aside
        for at, kind in enumerate(kinds):
            if part[at] in dated or not ({part[at] - 1, part[at] + 1} & dated):
                continue
            if kind == "day" and not (self.placed(at, 1) or self.placed(at, -1)):
                return True
            if self.words[at].lower() in MONTH_NAMES and (self.ranged(at, 1) or self.ranged(at, -1)):
                return True  # ('de mars à juin', 'may - June')
            if kind not in ("filler", "number", "range"):
                kept.setdefault(part[at], []).append(kind)
        for at, kind in enumerate(kinds):
            for step in (1, -1) if kind == "month" else ():
                other = at + step + (step if 0 <= at + step < len(kinds) and kinds[at + step] == "range" else 0)
                alone = 0 <= other < len(kinds) and part[other] != part[at] and kept.get(part[other]) == ["word"]
                if alone and kinds[other] == "word":
                    return True
        return False

    def joined(self, one: int, two: int) -> bool:
        """Whether a mark of a range stands between two words ('-', '–', '/')."""
        first, second = sorted((one, two))
        return _JOINT_MARK.match(self.text[self.matches[first].end() : self.matches[second].start()]) is not None

    def placed(self, at: int, step: int) -> bool:
        """Whether the day at ``at`` has its month that way (``step``), past days of a range ('3 and 5 March',
        '3-5 March'; not '28-11 December', whose 28th is of another month)."""
        kinds = self.kinds
        while 0 <= (reached := _past_fillers(kinds, at, step)) < len(kinds):
            kind, joint = kinds[reached], self.joined(at, reached)
            if kind == "month":
                return not joint
            if kind in ("range", "both"):  # ('3 and 5 March'): to the next day
                reached = _past_fillers(kinds, reached, step)
            elif not joint:
                return False
            if not (0 <= reached < len(kinds) and kinds[reached] == "day" and _forward(self.words, at, reached)):
                return False
            at = reached
        return False

    def ranged(self, at: int, step: int) -> bool:
        """Whether the word at ``at`` is joined as a range to a month or a day that way (``step``)."""
        kinds = self.kinds
        if not 0 <= (joint := _past_fillers(kinds, at, step)) < len(kinds):
            return False
        if kinds[joint] == "range":
            beyond = _past_fillers(kinds, joint, step)
        elif self.joined(at, joint):
            beyond = joint
        else:
            return False
        return 0 <= beyond < len(kinds) and kinds[beyond] in ("month", "day")


def counts_as_month(text: str, words: Sequence[re.Match[str]], at: int) -> bool:
    """Whether the month name ``words[at]`` (of ``TOKENS`` in ``text``) is a month in free text: an
    everyday word ('may', 'march') only capitalised or beside a day, a name too ('Mars', 'Mai', 'Marco')
    only in lower case, beside a day or after a word that leads to a date ('En mars', 'Im Mai'), and none
    after a capitalised word that makes it part of a name ('Long March', 'Rio de Janeiro', "Women's
    March") or a street's ('Rue du 4 Septembre')."""
    names = [word.group() for word in words]
    lowered = names[at].lower()
    if lowered not in MONTH_NAMES or _street(names, at):
        return False
    before = at - 1
    while before >= 0 and names[before].lower() in _PARTICLES:
        before -= 1
    previous = names[before] if before >= 0 else ""
    if _beside_a_day(names, at) or previous.lower() in LEADING:
        return True
    if lowered in NAMES_TOO:
        return names[at].islower() and lowered != "dez"  # ('dez': ten, in Portuguese)
    if lowered == "sept":  # seven, in French: a month where written short ('Sept. 1939', 'Sept 1939')
        after = text[words[at].end() :].lstrip()
        return after.startswith(".") or (at + 1 < len(names) and names[at + 1].isdecimal() and len(names[at + 1]) > 2)
    if lowered in COMMON_WORDS and not names[at][0].isupper():
        return False
    gap = text[words[before].end() : words[at].start()] if before >= 0 else ""
    return (
        not (
            before >= 0
            and (previous.lower() == "rio" or (previous[0].isupper() and previous.isalpha()))
            and all(character.isspace() or character.isalpha() for character in gap)  # ('Protests, March 2018': a date)
            and previous.lower() not in MONTH_NAMES
        )
        and not re.search(r"['’]s\s+$", text[: words[at].start()])
    )  # ("Women's March")


def _street(names: Sequence[str], at: int) -> bool:
    """Whether a street's word comes before the month, past its day and particles ('Rue du 4 Septembre')."""
    before = at - 1
    while before >= 0 and (names[before].lower() in _PARTICLES or names[before].isdecimal()):
        before -= 1
    return before >= 0 and before < at - 1 and names[before].lower() in _STREETS


def _beside_a_day(words: Sequence[str], at: int) -> bool:
    for step in (1, -1):
        other = at + step
        while 0 <= other < len(words) and (words[other].lower() in FILLER or words[other].lower() in _ORDINALS):
            other += step
        if 0 <= other < len(words) and is_day(words[other]):
            return True
    return False


def is_day(word: str) -> bool:
    """A number of 1 to 31 of one or two digits."""
    return word.isdecimal() and len(word) <= 2 and 1 <= int(word) <= 31


def _forward(words: Sequence[str], one: int, two: int) -> bool:
    """Whether two days of a range run forward in the text's order."""
    first, second = sorted((one, two))
    return int(words[first]) < int(words[second])


def _past_fillers(kinds: list[str], at: int, step: int) -> int:
    at += step
    while 0 <= at < len(kinds) and kinds[at] == "filler":
        at += step
    return at


def _kind(text: str, words: Sequence[re.Match[str]], at: int) -> str:
    """'month' (one counted), 'day' (a number of 1 to 31, of one or two digits), 'number', 'range' (a
    word of a range: 'to', 'au'), 'both' ('and', 'y'), 'filler' or 'word'."""
    word = words[at].group()
    lowered = word.lower()
    if word.isdecimal():
        return "day" if is_day(word) else "number"
    if counts_as_month(text, words, at):
        return "month"
    if lowered in _RANGE_WORDS:
        return "range"
    if lowered in _BOTH_WORDS:
        return "both"
    return "filler" if lowered in FILLER or lowered in LEADING or lowered in _ORDINALS else "word"
