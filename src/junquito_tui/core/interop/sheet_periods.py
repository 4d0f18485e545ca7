"""Periods written in words and ranges: a decade ('1850s', "'60s"), a century, a range of years
('1826-31', '1200–950 BCE'), of months ('January-March 1950') or of days ('March 15-16, 1950'), and the
years and months free text names ('Long March 1934-35', '30 April - 2 May 1950'). Each reading holds
every day or year the text names, and says in its note where the text could mean more than one period."""

from __future__ import annotations

import re

from ..date_keys import days_in_month
from ..dates import MONTHS
from .month_narrowing import DATE_IN_TEXT, across_years, counts_as_month, is_day, months_may_narrow, new_year_reach
from .month_words import FILLER, MONTH_NAMES, TOKENS
from .sheet_date_values import Parsed

# ('du 15 au 20 août', 'del 15 al 20 de agosto', 'vom 15. bis 20. August', 'dal 15 al 20 agosto', 'entre el 15
# y el 20 de marzo', 'zwischen 15. und 20. März')
_DAY_RANGE = (
    r"(?:(?:from|between|entre|zwischen|du|del|de|vom|dal)\s+(?:(?:el|le|los|les|dem)\s+)?)?(?P<first>\d{1,2})\.?\s*"
    r"(?P<joint>-|–|—|to|and|au|al|a|bis|y|e|et|und)\s*(?:(?:el|le)\s+)?(?P<last>\d{1,2})\.?"
)

_DAYS_OF_MONTH = re.compile(rf"^(?P<month>[^\W\d_]{{3,}})\.?\s+{_DAY_RANGE},?\s+(?P<year>\d{{4}})$", re.IGNORECASE)

_DAYS_BEFORE_MONTH = re.compile(
    rf"^{_DAY_RANGE}\s+(?:de\s+)?(?P<month>[^\W\d_]{{3,}})\.?,?\s+(?:de\s+)?(?P<year>\d{{4}})$", re.IGNORECASE
)

_RANGE = re.compile(r"^(\d{3,4})\s*(?:-|–|—|/|to|until|a)\s*(\d{1,4})$", re.IGNORECASE)

_DECADE = re.compile(r"^['’‘]?(\d{1,3})0\s*['’]?s$", re.IGNORECASE)  # "'90s": its apostrophe, straight or curly

_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)\s+(?:century|c\.)$", re.IGNORECASE)

# ('2019/November 2020': a year; not '10:30', '1850/51', 'Flight 1485:', 'Dossier 1181 :' in French typography;
# a year starting the text, '1973: ...', '1973 : ...', is)
_YEAR_IN_TEXT = re.compile(r"(?<![\d:/.-])(\d{3,4})(?![\d:.]|/\d|\s:)|^(\d{3,4})\s?:\s")

# A day in digits' year, which a period read from other years must hold too ('2000-01-01 - 2.1.2001': not 2000)
_YEARS_OF_DATES = (
    re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-](\d{4})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)"),
    re.compile(r"(?<![\d/.-])(?:0[1-9]|1[0-2])[/.](\d{4})(?!\d)"),  # a month, its year ('02/2001'; not '1/1500')
    re.compile(r"(?<!\d)\d{1,2}[/.-][^\W\d_]{3,}\.?[/.-](\d{4})(?!\d)"),  # '27/abr/1989', '22-dec-1977'
)
# A year after a word, a month's where the word is one ('janeiro de 2022/12', 'December 24, 2022/19 juin')
_YEAR_AFTER_A_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{3,}\.?\s+(?:\d{1,2},?\s+)?(?:de\s+)?(\d{4})(?!\d)")
# A month name and a two-digit year ('mai 68', 'Mar-85', Excel's '21-Jan-18'), a day before it or not
_SHORT_YEAR = re.compile(
    r"(?<![\d/.-])(\d{1,2}-)?(?<![^\W\d_])([^\W\d_]{3,})\.?(?P<mark>-|\s?['’]|\s)(\d{2})(?![\d/.:]|\s*,?\s*\d{3})"
    r"(?=\s*(?:$|[-–—/,;)]|(?:to|until|au|bis|al|a|hasta)\s))"  # (an end, or a range: not 'set 39 homes', 'Jan 84 ans')
)
_RANGE_IN_TEXT = re.compile(r"(?<![\d:/.-])(\d{3,4})\s*(?:-|–|—|/)\s*(\d{2}|\d{3,4})(?![\d:/.]|-\d)")
# Either of two years, the second at the cell's end ('1918 or 20', '1918 o 1917'; not '2019 o 25 de abril' nor
# '1820 o 30 años después'): both held, said; it was the first alone, its other year lost
_EITHER_YEAR = re.compile(
    r"(?<![\d:/.-])(\d{3,4})\s+(?:or|o|ou|oder)\s+(\d{2}|\d{3,4})(?=\s*(?:$|[,;)\]]|\())", re.IGNORECASE
)
EITHER_NOTE = "names two years: read as the years from the first to the second, which hold both"

# A range of months: 'January-March 1950', 'March–May 2020', 'from May 1968 to June 1969', 'de enero a marzo
# de 1950'. The words are checked against the month names after the match.
_MONTH_SPAN = re.compile(
    r"^(?:(?:from|between|de|desde|entre|du|von|vom|dal|da)\s+)?([^\W\d_]{3,})\.?(?:\s+(?:de\s+)?(\d{1,4}))?"
    r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through|thru|and|or|a|al|hasta|y|o|à|au|bis|ao|até|et|und|e|ou)\s+)"
    r"([^\W\d_]{3,})\.?,?\s+(?:de\s+)?(\d{1,4})$",
    re.IGNORECASE,
)

# A decade in free text ('the 1960s', "1960's"), and two of them as a range ('1960s-1970s', '1970s-80s')
_DECADE_IN_TEXT = re.compile(r"(?<![\d:/.-])(\d{2,3}0)\s?'?s(?![^\W_])")

# ... in the other languages ('années 1820', 'década de 2010', 'gli anni 1810', '1840er Jahre', 'jaren 1960')
_DECADE_WORDS = re.compile(
    r"(?:\b(?:ann[ée]es|d[ée]cadas? de|decennio|anni|años|anos|jaren|los|las)\s+(?:de\s+)?(\d{2,3}0)\b"
    r"|(?<!\d)(\d{2,3}0)er\b|(?<!\d)(\d{2,3}0)\s?(?:年代|년대))",  # (Chinese and Japanese, Korean: '1980年代')
    re.IGNORECASE,
)
_DECADES_IN_TEXT = re.compile(
    r"(?<![\d:/.-])(\d{2,3}0)\s?'?s\s*(?:[-–—/]|to|until|till|through|and|or)\s*'?(\d{1,4})\s?'?s(?![^\W_])",
    re.IGNORECASE,
)


# Marks of doubt around or between years ('c.1914-c.1918', '1914?-18', '[1914]-1918', '1914 (?)-1918'):
# the years are read without them (the date is approximate, its note the text as written)
_DOUBT = re.compile(r"\[|\]|\(\s*\?\s*\)|\?|(?<![^\W\d_])(?:ca?)\.\s*|\bcirca\s+", re.IGNORECASE)
# A decade then a year, a year then a decade ('1940s-1955', '1949-1950s'): the range reaches both
_YEAR_AFTER_DECADE = re.compile(r"\d0\s?'?s\s*(?:-|–|—|to|until|till)\s*(\d{4})(?![\d:/.]|\s?'?s)", re.IGNORECASE)
_DECADE_AFTER_YEAR = re.compile(r"\d{4}\s*(?:-|–|—|to|until|till)\s*(\d{3}0)\s?'?s(?![^\W_])", re.IGNORECASE)
# A year and its margin ('1900 +/- 10', '1900±5'): the years it allows
_MARGIN = re.compile(r"^(\d{3,4})\s*(?:±|\+\s?/\s?[-−]|\+[-−])\s*(\d{1,3})$")


# A year with its last digits not given: EDTF's '201X' and '19XX', MARC's '186u' and '186-', and '201?' or '19??'
_UNKNOWN_DIGITS = re.compile(r"^(?P<known>[1-9]\d{1,2})(?P<unknown>[?]{1,2}|[Xx]{1,2}|u{1,2}|-{1,2})$")


def unknown_digits(text: str) -> Parsed | None:
    """'201?' or '201X': the decade 2010-2019; '19??', '19XX': the century 1900-1999, said. Each was the year
    201 (or 19), its note only the cell."""
    found = _UNKNOWN_DIGITS.match(text.strip())
    if found is None or len(found.group("known")) + len(found.group("unknown")) != 4:
        return None
    scale = 10 ** len(found.group("unknown"))
    first = int(found.group("known")) * scale
    if not 1000 <= first <= 2090:  # ('984?' is the year 984 in doubt, not the 9840s)
        return None
    what = "decade" if scale == 10 else "century"
    note = f"'{text.strip()}': a year whose last digit{'s are' if scale > 10 else ' is'} not given, read as the {what}"
    said = "a year whose last digits are not given ('201?', '19XX') read as its decade or century, as EDTF writes them"
    return Parsed({"year": first}, approximate=True, note=note, end={"year": first + scale - 1}, said=[said])


def vague_form(text: str, era: int) -> Parsed | None:
    """A decade, a century, a range of years or of months: approximate, with an end."""
    sign = -1 if era < 0 else 1
    if (margin := _MARGIN.match(text)) is not None and int(margin.group(2)) > 0:
        year, give = int(margin.group(1)), int(margin.group(2))
        return span(-(year + give), -(year - give)) if sign < 0 else span(year - give, year + give)
    if (months := _month_span(text, era)) is not None:
        return months
    if (days := _day_span(text, era)) is not None:
        return days
    if match := _DECADE.match(text):
        start = int(match.group(1)) * 10
        if start < 100 and not era:  # '60s', 'the 80s': the 1960s, not 60-69 CE (an era says so: '60s AD')
            return _decade_of_two_digits(start, match.group())
        if start >= 100 and start % 100 == 0:  # '1800s': the decade 1800-1809, or the century?
            return _decade_or_century(start, sign)
        # BCE decades run backwards: the 460s BC are 469 to 460 BCE
        return span(-(start + 9), -start) if sign < 0 else span(start, start + 9)
    if match := _CENTURY.match(text):
        number = int(match.group(1))
        first, last = (number - 1) * 100 + 1, number * 100
        return span(-last, -first) if sign < 0 else span(first, last)
    if match := _RANGE.match(text):
        first, end = int(match.group(1)), _range_end(match.group(1), match.group(2))
        if end < first and len(match.group(2)) == 2 and end + 100 - first <= 10 and "-" not in match.group():
            end += 100  # '1997–01': 1997 to 2001, across a new century (holding January 1997, its other reading)
        if sign < 0 and end < first:
            return span(-first, -end)
        if sign > 0 and end > first:
            return span(first, end)
    return None


# An era's word among the text's ('28 December 44 BC - 3 January'): a year under 100 may be its year
_ERA_WORD = re.compile(r"(?<![^\W\d_])(?:(?i:BCE?|B\.C\.(?:E\.)?)|AD|CE)(?![^\W\d_])")
_WORD_AFTER = re.compile(r"\s*(?:de\s+)?([^\W\d_]+)")


def _month_after(text: str, at: int) -> bool:
    """Whether a month's name follows ``at`` ('29 February', '3 de enero'): the number before it is its day."""
    return (word := _WORD_AFTER.match(text, at)) is not None and word.group(1).lower() in MONTH_NAMES


def _range_end(head: str, tail: str) -> int:
    """The last year of a range of years: '1826-31' 1831, '1914-8' 1918, '1990-2000' 2000; a two-digit tail
    that is the next year's, across a new century, too ('1999-00' is 1999 to 2000)."""
    first = int(head)
    if len(tail) >= len(head) or len(tail) == 3:  # '1200–950 BCE': a year of its own, never '1950'
        return int(tail)
    end = int(head[: len(head) - len(tail)] + tail)
    if end <= first and len(tail) == 2 and int(tail) == (first + 1) % 100:
        return first + 1
    return end


def _month_span(text: str, era: int) -> Parsed | None:
    """'January-March 1950' is January 1950 to March 1950 (not March, where the year is written);
    'May 1968 - June 1969' the months it names. 'November-February 1951' crosses a new year the text
    does not place: read as November 1950 to February 1952, which covers either, said in the note."""
    match = _MONTH_SPAN.match(text)
    if match is None:
        return None
    first, last = MONTH_NAMES.get(match.group(1).lower()), MONTH_NAMES.get(match.group(3).lower())
    if first is None or last is None or (not era and len(match.group(4)) < 3):
        return None  # ('March-May 20' is no year: years of one or two digits only with an era)
    sign = -1 if era < 0 else 1
    year = sign * int(match.group(4))  # TimelineJS's count: -44 is 44 BCE
    if match.group(2) is not None and len(match.group(2)) <= 2 and not era:  # 'June 5 - July 1950': a day
        if first > last:
            return None  # across a new year the text does not place: read as free text
        day = {"year": year, "month": first, "day": int(match.group(2))}
        return Parsed(day, approximate=True, end={"year": year, "month": last})
    if match.group(2) is not None:  # a year on each side
        start = sign * int(match.group(2))
        if (start, first) >= (year, last):
            return None  # not a range forward in time: read as free text
        return Parsed({"year": start, "month": first}, approximate=True, end={"year": year, "month": last})
    if first == last:
        return Parsed({"year": year, "month": first}, approximate=True)
    if first < last:
        return Parsed({"year": year, "month": first}, approximate=True, end={"year": year, "month": last})
    before, after = _next_year(year, -1), _next_year(year, 1)
    named, ending = MONTHS[first - 1], MONTHS[last - 1]
    note = (
        f"could be {named} {year_shown(before)} to {ending} {year_shown(year)} or {named} {year_shown(year)} to "
        f"{ending} {year_shown(after)}: read as {named} {year_shown(before)} to {ending} {year_shown(after)}, "
        "which covers both"
    )
    return Parsed(
        {"year": before, "month": first}, approximate=True, end_approximate=True, note=note,
        end={"year": after, "month": last},
    )  # fmt: skip


def _day_span(text: str, era: int) -> Parsed | None:
    """'March 15-16, 1950', '15-16 March 1950': the two days of one month, as exact as written."""
    match = _DAYS_OF_MONTH.match(text) or _DAYS_BEFORE_MONTH.match(text)
    if match is None or era:
        return None
    month = MONTH_NAMES.get(match.group("month").lower())
    first, last = int(match.group("first")), int(match.group("last"))
    year = int(match.group("year"))
    if month is None or not 1 <= first < last <= days_in_month(year, month):  # ('28-30 February': no such days)
        return None
    start, end = {"year": year, "month": month, "day": first}, {"year": year, "month": month, "day": last}
    if _BETWEEN.match(text):  # a time in the period, or the whole of it: as 'between 2017 and 2018' (was exact)
        note = "may be some time in the period or the whole of it: read as the period, which holds either"
        return Parsed(start, approximate=True, note=note, end=end)
    if match.group("joint").lower() in _BOTH:  # '15 and 20 March': two days, not six
        note = "names two days: read as the period from the first to the second, which holds both"
        return Parsed(start, approximate=True, note=note, end=end)
    return Parsed(start, end=end)


_BOTH = frozenset(["and", "y", "e", "et", "und"])
_BETWEEN = re.compile(r"^(?:between|entre|zwischen)\s", re.IGNORECASE)


def _next_year(year: int, step: int) -> int:
    """The year ``step`` years after ``year``, in TimelineJS's count (no year 0: -1, 1 BCE, is followed by 1)."""
    astronomical = (year + 1 if year < 0 else year) + step
    return astronomical - 1 if astronomical <= 0 else astronomical


def year_shown(year: int) -> str:
    """'1950', '44 BCE' (TimelineJS's count: -44 is 44 BCE)."""
    return str(year) if year > 0 else f"{-year} BCE"


def _decade_of_two_digits(start: int, written: str) -> Parsed:
    """A decade written without its century ('60s') was read as 60 to 69 CE, placing 'the 80s' in
    antiquity: read as Excel reads a two-digit year (00-29: 2000s, 30-99: 1900s), said."""
    full = start + (2000 if start < 30 else 1900)
    said = (
        f"a decade written without its century ({written!r}) read as the {full}s, as Excel reads two-digit "
        "years (00-29: 2000s, 30-99: 1900s)"
    )
    note = f"written without its century: read as the {full}s, as Excel reads two-digit years"
    return Parsed({"year": full}, approximate=True, note=note, end={"year": full + 9}, said=[said])


def _decade_or_century(start: int, sign: int) -> Parsed:
    """'1800s' says the decade 1800-1809 to some and the century 1800-1899 to most: read as the century,
    which holds both, and said in the note."""
    decade, century = (start, start + 9), (start, start + 99)
    if sign < 0:
        decade, century = (-decade[1], -decade[0]), (-century[1], -century[0])
    parsed = span(*century)
    parsed.note = (
        f"could mean the decade {_years(*decade)} or the century {_years(*century)}: "
        f"read as {_years(*century)}, which covers both"
    )
    return parsed


def _years(first: int, last: int) -> str:
    """'1800–1899', '1899–1800 BCE' (years in TimelineJS's count: -1899 is 1899 BCE)."""
    return f"{first}–{last}" if first > 0 else f"{-first}–{-last} BCE"


def _dates_in(text: str) -> list[str]:
    """The days written in digits in ``text``, each once, three at most ('…' after them if more)."""
    found = []
    for match in DATE_IN_TEXT.finditer(text):
        one, two = (int(part) for part in match.groups() if part is not None)
        if min(one, two) >= 1 and min(one, two) <= 12 and max(one, two) <= 31:  # a month, and a day of one
            found.append(match.group())
    found = list(dict.fromkeys(found))
    return [*found[:3], "…"] if len(found) > 3 else found


def span(first: int, last: int) -> Parsed:
    return Parsed({"year": first}, approximate=True, end={"year": last})


def year_in_text(text: str, era: int, written: str | None = None) -> Parsed | str:
    """The year or years among the text's words. ``written``: the cell as written, where ``text`` has lost
    its words of doubt (which may take a feast into another year: 'around Christmas 2017 in Paris')."""
    text = _DOUBT.sub("", text)
    found = {int(y): m.start() for m in _YEAR_IN_TEXT.finditer(text) for y in m.groups() if y}
    found.update({int(m.group(1)): m.start(1) for m in _YEAR_AFTER_DECADE.finditer(text)})
    for match in _RANGE_IN_TEXT.finditer(text):  # 'Long March 1934-35', '1990-2000 approx': both years
        head = match.group(1)
        if len(match.group(2)) == 2 and _month_after(text, match.end()):  # '2021 - 29 February': a day (it was 2029)
            continue
        end = _range_end(head, match.group(2))
        # ('1850/51': the head is no year of _YEAR_IN_TEXT's, followed by '/'); a full year written after a
        # later one ('1200-950') is a year too, so the period holds both
        if end > int(head) or len(match.group(2)) >= 3:
            found.setdefault(int(head), match.start(1))
            found.setdefault(end, match.start(2))
    either = [(int(m.group(1)), _either_of(m.group(1), m.group(2)), m) for m in _EITHER_YEAR.finditer(text)]
    for head_year, other, match in either:  # ('1918 or 17': 1917 and 1918; '1999 or 01': 1999 and 2001)
        found.setdefault(head_year, match.start(1))
        found.setdefault(other, match.start(2))
    for match in _YEAR_AFTER_A_WORD.finditer(text):  # after a month ('October 1963: 47 dead', 'janeiro de 2022/12')
        if match.group().split()[0].rstrip(".").lower() in MONTH_NAMES:
            found.setdefault(int(match.group(1)), match.start(1))
    if found:  # (a day in digits alone among words is named below, not read as its year)
        for pattern in _YEARS_OF_DATES:
            for match in pattern.finditer(text):
                found.setdefault(int(match.group(1)), match.start(1))
        for match in _SHORT_YEAR.finditer(text):  # 'mai 68 - 1970', '21-Jan-18 / 25 febbraio 2019'
            short_form = match.group(1) or match.group("mark") != " " or int(match.group(4)) > 31  # ('Mar-18')
            if match.group(2).lower() in MONTH_NAMES and short_form:
                short = int(match.group(4))  # as Excel reads a two-digit year (00-29: 2000s, 30-99: 1900s)
                found.setdefault(short + (2000 if short < 30 else 1900), match.start(4))
    if any(year >= 1000 for year in found):  # '1950 (300 killed)': a count beside a year is no year
        found = {year: at for year, at in found.items() if year >= 1000 or _joined_to_a_year(text, at)}
    if not found:
        if dates := _dates_in(text):  # its year is there, but no reading of the whole would be true
            held = f"a date ({dates[0]})" if len(dates) == 1 else f"dates ({', '.join(dates)})"
            return f"it holds {held} among words this reader does not read: write one date alone in the cell"
        if (era or _ERA_WORD.search(text)) and re.search(r"\d", text):  # ('15 - 17 March 44 BC': the year is there)
            return (
                "a period in a year with its era is not read as one (its year is there): write its dates apart, "
                "or the year alone ('44 BC')"
            )
        return "no year can be read in it"
    years = sorted(found)
    sign = -1 if era < 0 else 1
    decades = _decades_in_text(text)
    if len(years) == 1 and not decades:
        parts = {"year": sign * years[0]}
        if (across := across_years(text)) != 0:  # 'Week of December 29, 2002': into 2003 too
            years_either = sorted((parts["year"], _next_year(parts["year"], across)))
            return Parsed({"year": years_either[0]}, approximate=True, end={"year": years_either[1]})
        reach = new_year_reach(text, written, parts["year"])  # 'Silvesternacht 1999', 'Ramadan 1999 in Cairo'
        if reach != (0, 0) and not _months_named(text):
            first, last = _next_year(parts["year"], -reach[0]), _next_year(parts["year"], reach[1])
            return Parsed({"year": first}, approximate=True, end={"year": last})
        if not months_may_narrow(text):  # '15 augustus - 3 september 2018': not September alone
            return Parsed(parts, approximate=True)
        if len(months := _months_named(text)) > 1:  # '30 April - 2 May 1950': from the first to the last
            if months == sorted(months):
                return Parsed({**parts, "month": months[0]}, approximate=True, end={**parts, "month": months[-1]})
            if _month_by_year(text, found[years[0]]) == months[0]:  # the year is the first month's: forward
                # ('28 December 2019 - 3 January', 'December 2019? - January': it was 2018 to 2020, a year the
                # text rules out; a date trial)
                after = _next_year(parts["year"], 1)
                begins, ends = MONTHS[months[0] - 1], MONTHS[months[-1] - 1]
                forward = (
                    f"the year is written with the first month: read as {begins} {year_shown(parts['year'])} to "
                    f"{ends} {year_shown(after)}"
                )
                return Parsed(
                    {**parts, "month": months[0]},
                    approximate=True,
                    note=forward,
                    end={"year": after, "month": months[-1]},
                )
            # months out of order may cross a new year the text does not place: the years either side too
            before, after = _next_year(parts["year"], -1), _next_year(parts["year"], 1)
            crossing = (
                "names months out of order, which may cross a new year: read as "
                f"{year_shown(before)} to {year_shown(after)}, which covers either"
            )
            return Parsed({"year": before}, approximate=True, note=crossing, end={"year": after})
        if (month := _month_by_year(text, found[years[0]])) is not None:
            parts["month"] = month
        return Parsed(parts, approximate=True)
    # every year the text names, and the whole of every decade ('the 1960s' is 1960-1969, not 1960);
    # a hundreds decade ('1800s') may be its century: the period read holds both
    low, high = min([*years, *(d[0] for d in decades)]), max([*years, *(d[1] for d in decades)])
    widest = max([*years, *(d[2] for d in decades)])
    note = None
    if widest > high:
        narrow, wide = _years(*_signed(low, high, sign)), _years(*_signed(low, widest, sign))
        note = f"could mean {narrow} or {wide}: read as {wide}, which covers both"
    first, last = _signed(low, widest, sign)
    if note is None and len(years) == 2 and either and not decades:
        note = EITHER_NOTE
    return Parsed({"year": first}, approximate=True, note=note, end={"year": last})


def _either_of(head: str, tail: str) -> int:
    """The other year of 'HEAD or TAIL': written whole, or its last two digits in the century nearest the
    first ('1918 or 17': 1917; '1999 or 01': 2001, not 1901)."""
    if len(tail) >= 3:
        return int(tail)
    century = int(head) // 100 * 100 + int(tail)
    return min((century - 100, century, century + 100), key=lambda year: abs(year - int(head)))


_JOINED = re.compile(r"\s*(?:-|–|—|/|to|and|until|till|or)\s*\d{3,4}(?!\d)", re.IGNORECASE)

_JOINED_BEFORE = re.compile(r"\d{4}\s*(?:-|–|—|/|to|and|until|till|or)\s*$", re.IGNORECASE)


def _joined_to_a_year(text: str, at: int) -> bool:
    """Whether the three-digit number at ``at`` is one end of a range with another year ('950 to 1050',
    'between 950 and 1050'), and so a year too."""
    end = at + 3
    return _JOINED.match(text, end) is not None or _JOINED_BEFORE.search(text[:at]) is not None


def _signed(low: int, high: int, sign: int) -> tuple[int, int]:
    """Years as the text counts them to the first and last year in TimelineJS's count: 400 to 499 BC
    are -499 to -400 (499 BCE comes first)."""
    return (-high, -low) if sign < 0 else (low, high)


def _decades_in_text(text: str) -> list[tuple[int, int, int]]:
    """The decades free text names, each as its first year, its last, and its last if it is a century
    ('1800s': 1899); a range of decades ('1960s-1970s', '1970s-80s') counts its second one too, and its
    first is a decade ('1900s-1920s' cannot start with the century 1900-1999)."""
    found: dict[int, tuple[int, int, int]] = {}  # by where the decade is written
    for match in _DECADES_IN_TEXT.finditer(text):
        head, tail = match.group(1), match.group(2)
        if len(tail) < len(head):  # '1970s-80s': the tail's century is the head's (or the next: '1990s-00s')
            second = int(head[: len(head) - len(tail)] + tail)
            second += 10 ** len(tail) if second <= int(head) else 0
        else:
            second = int(tail)
        if second % 10 == 0:
            found[match.start(1)] = (int(head), int(head) + 9, int(head) + 9)
            found[match.start(2)] = (second, second + 9, second + 99 if second % 100 == 0 else second + 9)
    matches = [*_DECADE_IN_TEXT.finditer(text), *_DECADE_AFTER_YEAR.finditer(text), *_DECADE_WORDS.finditer(text)]
    for match in matches:
        group = next(g for g in range(1, match.re.groups + 1) if match.group(g))  # (_DECADE_WORDS: word, 'er', 年代)
        start = int(match.group(group))
        found.setdefault(match.start(group), (start, start + 9, start + 99 if start % 100 == 0 else start + 9))
    return list(found.values())


def _months_named(text: str) -> list[int]:
    """The distinct months free text names, in the order written (an everyday word in lower case, 'may',
    'march', is no month: ``counts_as_month``)."""
    words = list(TOKENS.finditer(text))
    named = [MONTH_NAMES[w.group().lower()] for at, w in enumerate(words) if counts_as_month(text, words, at)]
    return list(dict.fromkeys(named))


def _month_by_year(text: str, position: int) -> int | None:
    """The month named as part of the date with the year at ``position`` in free text: 'March 1934',
    '15 March 1934', 'March 15, 1934', '1934 March'; None for a month word elsewhere ('Riots may have
    begun 1968'), or one that is no month there (``counts_as_month``: 'the may 1968', 'Long March 1934')."""
    words = list(TOKENS.finditer(text))
    year = next(i for i, word in enumerate(words) if word.start() == position)
    kept = [i for i, word in enumerate(words) if i == year or word.group().lower() not in FILLER]
    at = kept.index(year)

    def word(k: int) -> str:
        return words[kept[k]].group() if 0 <= k < len(kept) else ""

    if word(at - 1).lower() in MONTH_NAMES:  # 'March 1934', '15 March 1934'
        month = at - 1
    elif is_day(word(at - 1)) and word(at - 2).lower() in MONTH_NAMES:  # 'March 15, 1934'
        month = at - 2
    elif word(at + 1).lower() in MONTH_NAMES and (at + 2 == len(kept) or is_day(word(at + 2))):  # '1934 March (15)'
        month = at + 1
    else:
        return None
    return MONTH_NAMES[word(month).lower()] if counts_as_month(text, words, kept[month]) else None
