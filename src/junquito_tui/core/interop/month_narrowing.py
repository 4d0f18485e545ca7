"""Whether the months free text names may narrow its one year to them ('March 1934', '30 April - 2 May
1950'): not where it also holds a day in digits ('15/01/2018 or 3 February 2018') or a month in digits
('2018-01 - 15 March 2018'), a day beside no month the reader knows ('15 augustus - 3 september 2018',
'3 killed in March 2018'), or a word it does not read joined to a month ('augustus-september 2018'):
any of these may be another month of that year, so the reading keeps the whole year."""

from __future__ import annotations

import re

from .month_words import FILLER, LEADING, MONTH_NAMES, TOKENS

# A day written out in digits inside other text ('aprox. 12:00 del 15/01/2018'), a four-digit year
# first or last: named when the text is not read (one part a month, the other a day of a month)
DATE_IN_TEXT = re.compile(
    r"(?<![\d/.])(?:(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}|\d{4}[/.-](\d{1,2})[/.-](\d{1,2}))(?![/.]?\d)"
)
# A month in digits with its year ('2018-01', '01/2018'): in free text of one year, another of its months
_MONTH_IN_TEXT = re.compile(r"(?<![\d/.-])(?:\d{4}[/.-]\d{1,2}|\d{1,2}[/.-]\d{4})(?![\d/.]|-\d)")
_JOINING = frozenset(["to", "until", "till", "through", "thru", "and", "or", "a", "al", "hasta", "y", "o", "au", "bis"])
_JOINT_MARK = re.compile(r"^\s*[-–—/]\s*$")


def months_may_narrow(text: str) -> bool:
    """Whether the months free text names may narrow its year to them."""
    if DATE_IN_TEXT.search(text) or _MONTH_IN_TEXT.search(text):
        return False
    words = list(TOKENS.finditer(text))
    kinds = [_kind(word.group()) for word in words]

    def between(one: int, two: int) -> str:
        return text[words[min(one, two)].end() : words[max(one, two)].start()]

    def joined(one: int, two: int) -> bool:  # a mark of a range between two words ('-', '–', '/')
        return _JOINT_MARK.match(between(one, two)) is not None

    def placed(at: int, step: int) -> bool:  # a day's month, past days of a range ('3 and 5 March', '3-5 March')
        while 0 <= (at := _past_fillers(kinds, at, step)) < len(kinds):
            if kinds[at] == "joint":  # ('3 and 5 March'): to the next day
                at = _past_fillers(kinds, at, step)
                if not (0 <= at < len(kinds) and kinds[at] == "day"):
                    return False
            elif kinds[at] == "month":
                return not joined(at - step, at)
            elif kinds[at] != "day" or not joined(at - step, at):
                return False
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


def _joint_between(between: str) -> bool:
    """Whether the text between two words joins them as a range ('-', ' to ')."""
    return _JOINT_MARK.match(between) is not None or between.strip().lower() in _JOINING


def _past_fillers(kinds: list[str], at: int, step: int) -> int:
    at += step
    while 0 <= at < len(kinds) and kinds[at] == "filler":
        at += step
    return at


def _kind(word: str) -> str:
    """'month', 'day' (a number of 1 to 31 of one or two digits), 'number', 'joint', 'filler' or 'word'."""
    lowered = word.lower()
    if word.isdigit():
        return "day" if len(word) <= 2 and 1 <= int(word) <= 31 else "number"
    if lowered in MONTH_NAMES:
        return "month"
    if lowered in _JOINING:
        return "joint"
    return "filler" if lowered in FILLER or lowered in LEADING or lowered in _ORDINALS else "word"


_ORDINALS = frozenset(["st", "nd", "rd", "th", "er", "ro", "ero"])
