"""Which month names in free text count as months, and whether they may narrow the text's one year
to them ('March 1934', '30 April - 2 May 1950'). Not where the text also holds a date or month in
digits ('15/01/2018 or 3 February 2018', '2018-01 - 15 March 2018'), a day beside no month the reader
knows ('15 augustus - 3 september 2018', '3 killed in March 2018'), days going backwards before a
month ('28-11 December 2002': from November), a word it does not read joined to a month
('augustus-september 2018'), a month name it does not count ('du 3 mars au 5 avril', 'Rio de
Janeiro, julho de 2013'), or a week ('semaine du 27 juillet', which may end in August): any of
these may be another month of that year, so the reading keeps the whole year."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .month_words import COMMON_WORDS, FILLER, LEADING, MONTH_NAMES, NAMES_TOO, TOKENS

# A day written out in digits inside other text ('aprox. 12:00 del 15/01/2018'), a four-digit year
# first or last: named when the text is not read (one part a month, the other a day of a month)
DATE_IN_TEXT = re.compile(
    r"(?<![\d/.])(?:(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}|\d{4}[/.-](\d{1,2})[/.-](\d{1,2}))(?![/.]?\d)"
)
# Numbers joined as a date or a month in digits ('15/01', '2018-01', '01-2018', '2019-10-15/24')
_DIGITS_JOINED = re.compile(r"\d\s*[/.]\s*\d|\d{3,}\s*[-–—]\s*\d|\d\s*[-–—]\s*\d{3,}")
_JOINING = frozenset(
    ["to", "until", "till", "through", "thru", "and", "or", "a", "al", "hasta", "y", "o", "au", "bis", "à", "et"]
) | frozenset(["e", "und", "ao", "até", "ou", "oder"])
_JOINT_MARK = re.compile(r"^\s*[-–—/]\s*$")
_WEEKS = frozenset(["week", "weeks", "weekend", "fortnight", "semaine", "woche", "semana", "settimana", "quinzaine"])
_ORDINALS = frozenset(["st", "nd", "rd", "th", "er", "ro", "ero"])
_LONGEST = 200  # characters: a longer text is not searched for its month (each day is followed to one)


def months_may_narrow(text: str) -> bool:
    """Whether the months free text names may narrow its year to them."""
    if len(text) > _LONGEST or _DIGITS_JOINED.search(text):
        return False
    matches = list(TOKENS.finditer(text))
    words = [match.group() for match in matches]
    if any(word.lower() in _WEEKS for word in words):
        return False
    kinds = [_kind(text, matches, at) for at in range(len(words))]
    if any(word.lower() in MONTH_NAMES and kind != "month" for word, kind in zip(words, kinds, strict=True)):
        return False  # a month name not counted ('may have begun', 'Rio de Janeiro') may be a month after all

    def between(one: int, two: int) -> str:
        return text[matches[min(one, two)].end() : matches[max(one, two)].start()]

    def placed(at: int, step: int) -> bool:  # a day's month, past days of a range ('3 and 5 March', '3-5 March')
        while 0 <= (reached := _past_fillers(kinds, at, step)) < len(kinds):
            kind, joint = kinds[reached], _JOINT_MARK.match(between(at, reached)) is not None
            if kind == "month":
                return not joint
            if kind == "joint":  # ('3 and 5 March'): to the next day
                reached = _past_fillers(kinds, reached, step)
            elif not joint:
                return False
            if not (0 <= reached < len(kinds) and kinds[reached] == "day" and _forward(words, at, reached)):
                return False  # ('28-11 December': the 28th is of another month)
            at = reached
        return False

    for at, kind in enumerate(kinds):
        if kind == "day" and not (placed(at, 1) or placed(at, -1)):
            return False
        if kind == "month":
            for step in (1, -1):  # ('augustus-september', 'augustus to september')
                other = at + step + (step if 0 <= at + step < len(kinds) and kinds[at + step] == "joint" else 0)
                if 0 <= other < len(words) and kinds[other] == "word" and _joint_between(between(at, other)):
                    return False
    return True


def counts_as_month(text: str, words: Sequence[re.Match[str]], at: int) -> bool:
    """Whether the month name ``words[at]`` (of ``TOKENS`` in ``text``) is a month in free text: an
    everyday word ('may', 'march') only capitalised or beside a day, a name too ('Mars', 'Mai') only
    beside a day, and none right after a capitalised word that makes it part of a name ('Long March',
    'Rio de Janeiro') unless beside a day."""
    names = [word.group() for word in words]
    lowered = names[at].lower()
    if lowered not in MONTH_NAMES:
        return False
    if _beside_a_day(names, at):
        return True
    if lowered in NAMES_TOO or (lowered in COMMON_WORDS and not names[at][0].isupper()):
        return False
    before = at - 1
    while before >= 0 and names[before].lower() in FILLER:
        before -= 1
    if before < 0:
        return True
    previous, gap = names[before], text[words[before].end() : words[at].start()]
    return not (
        all(character.isspace() or character.isalpha() for character in gap)  # ('Protests, March 2018': a date)
        and previous.isalpha()
        and previous[0].isupper()
        and previous.lower() not in MONTH_NAMES
        and previous.lower() not in LEADING
    )


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


def _joint_between(between: str) -> bool:
    """Whether the text between two words joins them as a range ('-', ' to ')."""
    return _JOINT_MARK.match(between) is not None or between.strip().lower() in _JOINING


def _past_fillers(kinds: list[str], at: int, step: int) -> int:
    at += step
    while 0 <= at < len(kinds) and kinds[at] == "filler":
        at += step
    return at


def _kind(text: str, words: Sequence[re.Match[str]], at: int) -> str:
    """'month' (one counted), 'day' (a number of 1 to 31, of one or two digits), 'number', 'joint',
    'filler' or 'word'."""
    word = words[at].group()
    lowered = word.lower()
    if word.isdecimal():
        return "day" if is_day(word) else "number"
    if counts_as_month(text, words, at):
        return "month"
    if lowered in _JOINING:
        return "joint"
    return "filler" if lowered in FILLER or lowered in LEADING or lowered in _ORDINALS else "word"
