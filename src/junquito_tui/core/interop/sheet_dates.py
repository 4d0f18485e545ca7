"""Dates as people type them into spreadsheets, read into date parts as precise as the text, no more.

``read_date`` takes one cell: ISO (``2020-03-21``, ``2018-01-15T04:00-04:00``), numeric with either day
order (``1/1/1951``, ``11-09-1810  0:00:00``), month names (``21 March 2020``, ``01-January-2015``,
Excel's ``1-May-20``), BCE (``-460``, ``476 BCE``), or free text (``Spring``, ``1850s``, ``1826-31``,
``winter 1834-35``, ``c. 1900``). Years follow TimelineJS's count (``-460`` is 460 BCE), which the
shared ``DateReader`` turns into ours. Free text is kept as the date's note and made approximate; a
decade or a range of years, decades (``1960s-1970s``: 1960 to 1979) or months (``January-March 1950``:
January to March) also gets an end, so the period holds all the text names. Whether ``1/2/1951`` is
1 February or 2 January is decided for the whole file (``DayOrder``), never row by row; ``1.2.1951`` is
read day first, as dots are written (a convention, said, that shows nothing of the file's order).

Nothing is read more precisely than written, and a text that could mean two things says how it was read
in its note: ``1800s`` is read as the century, which holds the decade 1800-1809 as well; ``1810-11`` is
ISO's November 1810, noted as possibly the years 1810-1811, which it is with words around it (``winter
1811-12``) or a slash (``1850/51``). An era is a word of its own (``2003 per BBC`` is no BC), a month name
in free text only a part of the date (``March 1934``, not ``Long March 1934`` nor ``may have begun 1968``),
and a bare number of more than four digits no year (a timestamp's unit would be a guess): refused, as is
a true/false cell, with the reason, so the row is named in a warning.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ..dates import MONTHS

Parts = dict[str, int]  # year (TimelineJS's count), month, day, hour, minute, second
_SPANISH = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTH_NAMES: dict[str, int] = {}
for _number, (_english, _spanish) in enumerate(zip(MONTHS, _SPANISH, strict=True), 1):
    for _name in (_english.lower(), _spanish):
        MONTH_NAMES[_name] = MONTH_NAMES[_name[:3]] = _number
MONTH_NAMES.update({"sept": 9, "setiembre": 9, "set": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12})
_FILLER = frozenset(["de", "del", "of", "the", "el", "la", "on", "a"]) | frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
_VAGUE = re.compile(
    r"^(?:~|≈|c\.|ca\.?|circa|around|about|approx\.?|approximately|early|mid-?|late|before|after|by|"
    r"some ?time(?: in)?|spring|summer|autumn|fall|winter|the)\s*",
    re.IGNORECASE,
)
# Words that give one side of a date only: the date read is that bound, approximate, the words in its
# note; how far before or after it is not said, so a warning says so.
_BOUNDS = {
    word: f"a date given as '{word} ...' is read as that date, approximate (its note keeps the words): "
    f"the file does not say how long {side} it"
    for word, side in (("before", "before"), ("after", "after"), ("by", "before"))
}
# A time of day written before its date ('10:30 15/01/2018', '12:00 AM 1/15/2018'), read as if after it
_LEADING_TIME = re.compile(
    r"^(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\.?)?)\s+(\S.*\d.*)$", re.IGNORECASE
)
_TIME = re.compile(
    r"(?:^|T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?\s*([ap])?\.?(?:m\.?)?\s*"
    r"(Z|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?$",  # the zone: Z, UTC+2, +02:00, -0430
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?:UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?$", re.IGNORECASE)
# A zone given by its abbreviation after a time ('10:00 EST'): not read, since one abbreviation can
# stand for several offsets (CST: China, Cuba or US Central; IST: India, Ireland or Israel).
_ZONE_WORD = re.compile(r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?\s*\b([A-Z]{2,5})$")
ZONE_WORD = (
    "a time whose zone is given by an abbreviation (EST, CST, IST) is not used: an abbreviation can stand "
    "for more than one UTC offset; the date is kept to the day, the time in its note"
)
# An era is a word of its own, after a space or the year's digits ('44 BC', '44BC'): never the end of a
# word ('2003 per BBC', 'NBC', 'B.B.C.') nor the start of one ('Adelaide 1850').
_ERA_BCE = re.compile(r"(?<![^\s\d])(?:BCE|B\.\s?C\.\s?E\.|BC|B\.\s?C\.|a\.\s?C\.|a\.\s?n\.\s?e\.)$", re.IGNORECASE)
_ERA_CE = re.compile(r"(?<![^\s\d])(?:CE|C\.E\.|AD|A\.D\.|d\.\s?C\.)$|^(?:AD(?![^\W\d_])|A\.D\.)\s*", re.IGNORECASE)
_BCE_WORD, _CE_WORD = r"(?:BCE|B\.\s?C\.\s?E\.|BC|B\.\s?C\.)", r"(?:CE|C\.E\.|AD|A\.D\.)"
# An era written before the year ('BCE 476', 'BC 44'), as some catalogues do
_ERA_BCE_LEADING = re.compile(rf"^{_BCE_WORD}\s*(?=\d)", re.IGNORECASE)
# A range across the eras once the CE era at its end is taken off ('100 BC - 100' of '100 BC - 100 AD')
_ACROSS_ERAS = re.compile(rf"^(\d{{1,4}})\s*{_BCE_WORD}\s*(?:-|–|—|to|until|till)\s*(\d{{1,4}})$", re.IGNORECASE)
# An era word inside the text once the one at its end is taken off ('500 BC - 400' of '500 BC - 400 BC')
_INNER_BCE = re.compile(rf"(?<![^\s\d]){_BCE_WORD}(?![^\W\d_])", re.IGNORECASE)
_INNER_CE = re.compile(rf"(?<![^\s\d]){_CE_WORD}(?![^\W\d_])", re.IGNORECASE)
# A number written with thousands separators ('1,950', '10,000 BCE'; '1 950' as a whole cell)
_GROUPED = re.compile(r"(?<![\d,])(\d{1,3})((?:,\d{3})+)(?![\d,])")
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
_ORDINAL = re.compile(r"^(\d{4})-(\d{3})$")  # ISO 8601's ordinal date: '2020-032' is 1 February 2020
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:century|c\.))", re.IGNORECASE)  # 'May 1st 1950'
_DAY_RANGE = r"(?P<first>\d{1,2})\s*(?:-|–|—|to|and)\s*(?P<last>\d{1,2})"
_DAYS_OF_MONTH = re.compile(rf"^(?P<month>[^\W\d_]{{3,}})\.?\s+{_DAY_RANGE},?\s+(?P<year>\d{{4}})$", re.IGNORECASE)
_DAYS_BEFORE_MONTH = re.compile(
    rf"^{_DAY_RANGE}\s+(?:de\s+)?(?P<month>[^\W\d_]{{3,}})\.?,?\s+(?:de\s+)?(?P<year>\d{{4}})$", re.IGNORECASE
)
_AT = re.compile(r"(?<=\S)\s*(?:,\s*)?(?:\bat|@|\ba las?|\bà|\bum)$", re.IGNORECASE)  # the word before a time
_ISO = re.compile(r"^([+-]?\d{1,12})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{3,4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_RANGE = re.compile(r"^(\d{3,4})\s*(?:-|–|—|/|to|until|a)\s*(\d{1,4})$", re.IGNORECASE)
_DECADE = re.compile(r"^['’‘]?(\d{1,3})0\s*['’]?s$", re.IGNORECASE)  # "'90s": its apostrophe, straight or curly
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)\s+(?:century|c\.)$", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_YEAR_IN_TEXT = re.compile(r"(?<![\d:/.-])(\d{3,4})(?![\d:/.])")
_RANGE_IN_TEXT = re.compile(r"(?<![\d:/.-])(\d{3,4})\s*(?:-|–|—|/)\s*(\d{2}|\d{3,4})(?![\d:/.]|-\d)")
_TWO_YEARS = re.compile(r"^(\d{4})\s*([-/])\s*(\d{1,2})$")  # '1811-12': December 1811, or 1811 to 1812?
# A range of months: 'January-March 1950', 'March–May 2020', 'from May 1968 to June 1969', 'de enero a marzo
# de 1950'. The words are checked against the month names after the match.
_MONTH_SPAN = re.compile(
    r"^(?:(?:from|between|de|desde|entre)\s+)?([^\W\d_]{3,})\.?(?:\s+(?:de\s+)?(\d{1,4}))?"
    r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through|thru|and|or|a|al|hasta|y|o)\s+)"
    r"([^\W\d_]{3,})\.?,?\s+(?:de\s+)?(\d{1,4})$",
    re.IGNORECASE,
)
# A decade in free text ('the 1960s', "1960's"), and two of them as a range ('1960s-1970s', '1970s-80s')
_DECADE_IN_TEXT = re.compile(r"(?<![\d:/.-])(\d{2,3}0)\s?'?s(?![^\W_])")
_DECADES_IN_TEXT = re.compile(
    r"(?<![\d:/.-])(\d{2,3}0)\s?'?s\s*(?:[-–—/]|to|until|till|through|and|or)\s*'?(\d{1,4})\s?'?s(?![^\W_])",
    re.IGNORECASE,
)
_TOKENS = re.compile(r"[^\W\d_]+|\d+")
_EXCEL_MONTH_YEAR = re.compile(r"^[^\W\d_]{3,}\.?-\d{2}$")  # 'May-20': Excel's mmm-yy, as a CSV keeps it
_SHORT_YEAR = (
    "a year of one or two digits ({}) read as written, a year of the first century CE; a two-digit year meant "
    "for the 1900s or 2000s needs its century"
)
EXCEL_MONTH_YEAR = (
    "a month and two digits ('May-20') read as Excel writes a month and year (mmm-yy: May 2020, the two-digit "
    "year as Excel reads it); they could also be a day of that month with no year, said in the date's note"
)
# Month names that are also everyday words: in free text, one counts only capitalised or next to a day.
_COMMON_WORDS = frozenset(["may", "march", "mar", "set", "ago"])
# Capitalised words before a month that leave it a date ('In March 1934'), unlike a name's ('Long March').
_LEADING = frozenset(["in", "from", "since", "until", "till", "during", "by", "at", "to", "for", "and"]) | frozenset(
    ["or", "en", "desde", "hasta", "durante", "y", "o", "circa", "about", "around", "early", "mid", "late", "before"]
)
YEAR_DIGITS = 4  # a bare number with more digits is not read as a year (a timestamp, an amount, an id)
SERIAL_RANGE = (20000, 80000)  # Excel day numbers for 1954-2119: a five-digit 'date' is one of them
_EXCEL_EPOCH = date(1899, 12, 30)
# A workbook date cell holding day 0 (30 December 1899, midnight) is what an empty, broken or NaN
# date becomes in the reader, not a date the file states: refused, so its row is named.
_DAY_ZERO = (1899, 12, 30, 0, 0, 0)
DAY_ZERO = (
    "30 December 1899 is day 0 of a spreadsheet's day numbers, what an empty, invalid or NaN date cell "
    "holds: not read as a date"
)


@dataclass(slots=True)
class Parsed:
    parts: Parts
    approximate: bool = False
    note: str | None = None  # the text as written, where it says more (or less) than the parts
    end: Parts | None = None  # a decade, a century or a range of years ends here
    offset: str | None = None  # '+02:00' when the text gives a zone
    pair: tuple[int, int] | None = None  # day and month of '1/2/1951', waiting for the file's order
    order: str | None = None  # 'dmy' or 'mdy' when the value itself shows it (a part over 12)
    month_only: bool = False  # the file says only the month is known (ACLED's time precision 3)
    dotted: bool = False  # '1.2.1951': day first by the dots' convention, which says nothing of the file's order
    said: list[str] = field(default_factory=list)  # what to warn about this value


@dataclass(frozen=True)
class Hidden:
    """A workbook date cell whose format shows no year ('d-mmm', 'mmmm', a weekday): the date it stores,
    whose year the sheet does not show (Excel fills in the year the cell was typed in)."""

    stored: date

    def __str__(self) -> str:  # in a summary or a note: never the year the sheet does not show
        return "a date shown without its year"


@dataclass(frozen=True)
class MonthShown:
    """A workbook date cell whose format shows only its month and year ('mmm-yy', 'mmmm yyyy'): that
    month, as the sheet states it (as text, '1905-07' would also read as the years 1905-1907)."""

    year: int
    month: int

    def __str__(self) -> str:  # in a summary or a note
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class HourShown:
    """A workbook date cell whose format shows its day and hour but not the minutes ('yyyy-mm-dd hh'):
    a date here has no hour precision, so it is the day, the hour shown kept in the date's note."""

    day: date
    hour: int

    def __str__(self) -> str:  # in a summary or a note, as the sheet shows it (a 12-hour clock's hour too)
        return f"{self.day.isoformat()}, hour {self.hour:02d}"


@dataclass(frozen=True)
class PartTime:
    """A workbook time cell whose format shows a time of day only in part: its hour and not the minutes
    ('h AM/PM', 'hh'), or minutes and seconds and not the hour ('mm:ss'). No time is read from it."""

    hour: int | None  # None: the hour is not shown

    def __str__(self) -> str:
        return f"hour {self.hour:02d}" if self.hour is not None else "a time shown without its hour"

    def why(self) -> str:
        if self.hour is None:
            return "a time shown as minutes and seconds, without its hour"
        return f"a time shown as the hour {self.hour:02d} without its minutes"


HOUR_SHOWN = "the sheet shows the hour {:02d}, not its minutes"
MIDNIGHT = "a time of 0:00:00 read as no time of day (spreadsheets add it to plain dates)"
NO_YEAR_SHOWN = (
    "its format shows no year (as 'd-mmm', 'mmmm' or a weekday do), so the year it stores ({}) is not one the "
    "sheet shows"
)


def read_date(value: object) -> Parsed | str | None:
    """The date in a cell; None for an empty cell; the reason as text when no year can be read."""
    if isinstance(value, Hidden):
        return NO_YEAR_SHOWN.format(value.stored.year)
    if isinstance(value, MonthShown):
        return Parsed({"year": value.year, "month": value.month})
    if isinstance(value, HourShown):
        return Parsed(
            {"year": value.day.year, "month": value.day.month, "day": value.day.day}, note=HOUR_SHOWN.format(value.hour)
        )
    if isinstance(value, date) and value.timetuple()[:6] == _DAY_ZERO:
        return DAY_ZERO
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return Parsed({"year": value.year, "month": value.month, "day": value.day})
    if value is None:
        return None
    if isinstance(value, bool):  # a workbook's TRUE/FALSE cell, JSON's true/false
        return "a true/false value, not a date"  # said after the cell, as shown: 'TRUE: a true/false value...'
    if isinstance(value, int | float):
        return _from_number(float(value), str(value))
    if isinstance(value, time | timedelta | PartTime):
        return "a time of day without a date"
    text = " ".join(str(value).split())
    return _from_text(text) if text else None


def _from_datetime(value: datetime) -> Parsed:
    parts = {"year": value.year, "month": value.month, "day": value.day}
    if value.time() == time(0, 0):
        return Parsed(parts)  # a date cell: spreadsheets store every date with a midnight
    parts.update(hour=value.hour, minute=value.minute, second=value.second)
    return Parsed(parts)


def _from_number(number: float, shown: str) -> Parsed | str:
    if not number.is_integer():
        return f"{shown} is not a year"
    whole = int(number)
    if SERIAL_RANGE[0] <= whole <= SERIAL_RANGE[1]:
        day = _EXCEL_EPOCH + timedelta(days=whole)
        said = f"{whole} read as a spreadsheet's day number ({day.isoformat()}): the cell lost its date format"
        note = (
            f"the file gives the number {whole}: read as a spreadsheet's day number (a date cell that lost its format)"
        )
        return Parsed({"year": day.year, "month": day.month, "day": day.day}, note=note, said=[said])
    if whole >= 10**YEAR_DIGITS:  # negative years stay years: TimelineJS's count of years BCE, deep time
        return _not_a_year(len(str(whole)))
    return Parsed({"year": whole})


def _not_a_year(digits: int) -> str:
    """Why a bare number of more than four digits is not read as a date (its unit would be a guess)."""
    if digits >= 9:
        return (
            f"a number of {digits} digits, not a year: it looks like a timestamp (seconds or milliseconds "
            "since 1970?), and the file does not say its unit, so it is not converted"
        )
    low, high = SERIAL_RANGE
    return f"a number of {digits} digits, not a year (nor a spreadsheet's day number, {low:,}-{high:,})"


def _from_text(original: str) -> Parsed | str:
    text, vague, bound = original, False, None
    while (match := _VAGUE.match(text)) and match.end() < len(text):
        word = match.group().strip().lower()
        text, vague = text[match.end() :], vague or word != "the"
        bound = bound or (word if word in _BOUNDS else None)
    if text.endswith("?"):
        text, vague = text.rstrip("?() ").strip(), True
    text = text.strip(" ,;.") if not text.endswith(".") or not _ERA_BCE.search(text) else text.strip(" ,;")
    said: list[str] = []
    if (leading := _LEADING_TIME.match(text)) is not None:  # '12:00 AM 1/15/2018': the time first
        text = f"{leading.group(2)} {leading.group(1)}"
    clock, text, unread = _clock(text, said)
    era = 0
    if (era_match := _ERA_BCE.search(text) or _ERA_BCE_LEADING.match(text)) is not None:
        text, era = (text[: era_match.start()] + text[era_match.end() :]).strip(), -1
    elif (era_match := _ERA_CE.search(text)) is not None:
        text, era = (text[: era_match.start()] + text[era_match.end() :]).strip(), 1
    separated = False  # '1,950': a number written with thousands separators
    if era > 0 and (across := _ACROSS_ERAS.match(text)) is not None:  # '100 BC - 100 AD'
        vague, era = True, 0
        parsed: Parsed | str | None = _span(-int(across.group(1)), int(across.group(2)))
    elif era and (_INNER_CE if era < 0 else _INNER_BCE).search(text):  # '100 AD - 50 BC': no period forward
        return f"{original!r} names both eras in a way that cannot be read as one period"
    else:
        if era:  # '500 BC - 400 BC': the era is said once, at the end
            text = " ".join((_INNER_BCE if era < 0 else _INNER_CE).sub(" ", text).split())
        grouped = _GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)
        if _SPACE_GROUPED.match(grouped):
            grouped = "".join(grouped.split())
        if grouped != text:  # '1,950' is 1950 (reading '950' from it would be another year)
            text, separated = grouped, True
            said.append(f"{original!r}: a number with thousands separators, read as {text}")
        parsed = (_two_years(text) if vague and not era else None) or _exact(text, era) or _vague_form(text, era)
    if parsed is None:
        parsed = _year_in_text(text, era)
        vague = True
    if isinstance(parsed, str):
        return parsed
    parsed.said += said
    if separated and not (vague or parsed.approximate):  # (an approximate date's note is the text already)
        parsed.note = _joined(parsed.note, f"the file writes {original!r}")
    if MIDNIGHT in said:  # said with the date too: the file gives a time, which is not kept
        parsed.note = _joined(
            parsed.note, "the file gives the time 0:00:00, which spreadsheets add to dates: read as the day"
        )
    if bound is not None:  # 'before 1900' may be long before it: the date stands for the bound alone
        parsed.said.append(_BOUNDS[bound])
    if vague or parsed.approximate:
        # the text as written; and, when it could be read more than one way, how it was read
        parsed.approximate, reading = True, parsed.note
        if reading is None:
            parsed.note = original
        else:  # "'1800s' could mean ...", "'c. 1-May-20': two-digit year '20' read as 2020, ..."
            parsed.note = f"'{original}' {reading}" if reading.startswith("could") else f"'{original}': {reading}"
    if unread is not None:
        given, why = unread
        parsed.said.append(ZONE_WORD if why.endswith(_NO_OFFSET) else f"the time {given!r} is not used: {why}")
        if not parsed.approximate:  # (an approximate date's note is the text: it quotes the time already)
            parsed.note = _joined(parsed.note, f"the file gives the time {given}, not used: {why}")
    if clock is not None:
        if "day" not in parsed.parts:
            return f"a time of day ({original!r}) with a date that has no day"
        hour, minute, second, parsed.offset, seconds = clock
        parsed.parts.update(hour=hour, minute=minute)
        if seconds is None or not 0 <= second <= 59:
            parsed.parts["second"] = second  # whole seconds: said (or refused) by the date reader, as in TimelineJS
        elif not parsed.approximate:  # (an approximate date's note is the text: it quotes them already)
            given = f"the file gives {hour:02d}:{minute:02d}:{seconds}"  # as written: '30.75', not '30.750'
            parsed.note = f"{parsed.note}; {given}" if parsed.note else given
            parsed.said.append("seconds are finer than minute precision: kept in the date's note")
    return parsed


def _joined(note: str | None, more: str) -> str:
    return f"{note}; {more}" if note else more


Clock = tuple[int, int, int, str | None, str | None]  # hour, minute, second, UTC offset, seconds as written


_NO_OFFSET = "can stand for more than one UTC offset"


def _clock(text: str, said: list[str], keep_midnight: bool = False) -> tuple[Clock | None, str, tuple[str, str] | None]:
    """The time at the end of the text, if any, the text before it, and a time there that is not used
    (its zone cannot be read) with why, if there is one."""
    word = None if _TIME.search(text) else _ZONE_WORD.search(text)  # ('10:30 PMZ' is 22:30 UTC)
    if word is not None and word.group(1) not in {"AM", "PM"}:
        match = _TIME.search(text[: word.start(1)].rstrip())
        if match is not None and match.start() > 0:
            unread = text[match.start() :].strip(), f"{word.group(1)} {_NO_OFFSET}"
            return None, _AT.sub("", text[: match.start()].strip()), unread
    match = _TIME.search(text)
    if match is None or match.start() == 0:
        return None, text, None
    seconds = match.group(3)  # '30', '30.75': a fraction is kept as written for the date's note
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(seconds[:2]) if seconds else 0
    fraction = seconds is not None and len(seconds) > 2 and any(c not in "0.," for c in seconds[2:])
    meridian, zone = (match.group(4) or "").lower(), match.group(5)
    if meridian == "p" and hour < 12:
        hour += 12
    elif meridian == "a" and hour == 12:
        hour = 0
    rest = _AT.sub("", text[: match.start()].strip())  # '21 March 2020 at 10:00'
    spreadsheet = zone is None and not match.group().startswith("T")
    if (hour, minute, second) == (0, 0, 0) and not fraction and spreadsheet and not keep_midnight:
        said.append(MIDNIGHT)
        return None, rest, None
    offset = None
    if zone is not None and (offset := _offset(zone)) is None:
        return None, rest, (match.group().strip(), f"{zone} is no UTC offset")
    return (hour, minute, second, offset, seconds if fraction else None), rest, None


def _offset(zone: str) -> str | None:
    """'+02:00' for '+0200', 'UTC+2', 'GMT +02:00'; '+00:00' for Z, UTC, GMT; None past ±14:00 (no
    zone is further from UTC) or past the 59th minute."""
    if zone.upper() in {"Z", "UTC", "GMT"}:
        return "+00:00"
    found = _OFFSET.match(zone)
    if found is None:
        return None
    sign, hours, minutes = found.group(1), int(found.group(2)), int(found.group(3) or 0)
    if hours * 60 + minutes > 14 * 60 or minutes > 59:
        return None
    return f"{sign}{hours:02d}:{minutes:02d}"


def time_offset(text: str) -> str | None:
    """The UTC offset stated after a time that ``read_time`` accepted ('10:30 +02:00', '10:30Z',
    '10:30 UTC+2'), if any."""
    clock, _, _ = _clock("0 " + " ".join(text.split()), [], keep_midnight=True)
    return clock[3] if clock is not None else None


def _exact(text: str, era: int) -> Parsed | str | None:
    """The forms that say exactly what they mean; None when the text is none of them."""
    if _NUMBER.match(text):
        digits = len(text.lstrip("+-").split(".")[0].lstrip("0"))
        if digits > YEAR_DIGITS and not era and not text.startswith("-"):
            return _from_number(float(text), text) if digits <= 5 else _not_a_year(digits)
        if digits > 12:  # beyond any year we hold (and float() of it would be infinite)
            return f"a number of {digits} digits: beyond the 12-digit years we can hold"
        year = int(float(text))
        if era and year <= 0:
            return f"{text!r} with an era is not a year"
        if year == 0:  # no calendar counts a year 0 (TimelineJS's own Year column reads it as 1 BCE, said)
            return "0 is no year: in a date column it most often stands for a date not known"
        parsed = _from_number(float(text), text) if not era else Parsed({"year": year * era})
        if isinstance(parsed, Parsed) and not era and 0 < digits <= 2 and not text.startswith("-"):
            parsed.note = f"the file gives the year {year} (not {1900 + year} nor {2000 + year}): read as written"
            parsed.said.append(_SHORT_YEAR.format(year))
        if isinstance(parsed, Parsed) and text.startswith("-") and not era:
            parsed.said.append("negative years read as years BCE, as TimelineJS shows them (-460 is 460 BCE)")
            if (bce := -parsed.parts["year"]) > 0:  # ('-0' is the year 0, which the date reader says)
                parsed.note = (
                    f"{text} read as {bce} BCE, as TimelineJS counts years (ISO 8601 counts it as {bce + 1} BCE)"
                )
        return parsed
    if (match := _ORDINAL.match(text)) and not era and 1 <= (number := int(match.group(2))) <= _days_in(match.group(1)):
        day = date(int(match.group(1)), 1, 1) + timedelta(days=number - 1)
        note = f"read as an ISO 8601 ordinal date (day {number} of {match.group(1)})"
        return Parsed({"year": day.year, "month": day.month, "day": day.day}, note=note)
    if (match := _ISO.match(text)) and match.group(2):
        return _iso(match, era)
    if match := _YMD.match(text):
        parts = {"year": int(match.group(1)), "month": int(match.group(2))}
        if match.group(3):
            parts["day"] = int(match.group(3))
        elif parts["month"] > 12:
            return None  # '1850/51': a range of years, read as such below
        elif (last := _tail_year(match.group(1), match.group(2))) is not None:
            return _years_or_month(parts["year"], parts["month"], last)  # '1810/11': years, as ranges are written
        return Parsed(parts)
    if match := _NUMERIC.match(text):
        return _numeric(int(match.group(1)), match.group(2), int(match.group(3)), match.group(4))
    if match := _MONTH_YEAR.match(text):
        return Parsed({"year": int(match.group(2)), "month": int(match.group(1))})
    return _named_month(text, era)


def _days_in(year: str) -> int:
    return 366 if calendar.isleap(int(year)) else 365


def _tail_year(year: str, tail: str) -> int | None:
    """The later year a tail that could be a month names: two digits, a later year of the century ('1810-11'
    is 1810 to 1811, or November 1810; '1905-08' 1905 to 1908, or August 1905); one digit, a later year of
    the decade ('2001-2' is 2001 to 2002, or February 2001; '1914-8' 1914 to 1918). None when the tail can
    only be a month ('1850-06', '2005-3')."""
    if len(year) != 4:
        return None
    first, number = int(year), int(tail)
    if len(tail) == 2 and 1 <= number <= 12 and number > first % 100:  # ('1904-05', the Russo-Japanese War)
        return first - first % 100 + number
    if len(tail) == 1 and number > first % 10:
        return first - first % 10 + number
    return None


def _years_or_month(first: int, month: int, last: int) -> Parsed:
    """'1810/11', '2001-2': the years, as ranges of years are written; they hold the month as well, said."""
    reading = f"could also be {MONTHS[month - 1]} {first}: read as the years {first}–{last}, which covers both"
    return Parsed({"year": first}, approximate=True, note=reading, end={"year": last})


def _two_years(text: str) -> Parsed | None:
    """'winter 1811-12', 'c. 1810-11': with words around it, a year and a two-digit tail that could be a
    month are the two years (a season spans them; the years cover the month as well)."""
    match = _TWO_YEARS.match(text)
    if match is None or (last := _tail_year(match.group(1), match.group(3))) is None:
        return None
    return _span(int(match.group(1)), last)


def _iso(match: re.Match[str], era: int) -> Parsed | str | None:
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if (month > 12 or month == 0) and day is None:
        return None  # '1826-31', '1999-00': a range of years, read as such below
    if year < 0:  # ISO 8601 counts years astronomically (0 is 1 BCE): '-0299-05' is May 300 BCE
        year -= 1
    parts = {"year": year * (-1 if era < 0 else 1), "month": month}
    if day is not None:
        parts["day"] = int(day)
    elif not era and (last := _tail_year(match.group(1), match.group(2))) is not None:
        if len(match.group(2)) == 1:  # '2001-2' is no ISO date (ISO writes February 2001 as 2001-02)
            return _years_or_month(year, month, last)
        # '1810-11' is November 1810 in ISO 8601, and the years 1810-1811 as people write ranges
        return Parsed(parts, note=f"could also be the years {year}–{last}: read as ISO year-month")
    return Parsed(parts)


def _numeric(first: int, separator: str, second: int, year_text: str) -> Parsed:
    year, said = _full_year(year_text)
    if first > 12 >= second:
        order: str | None = "dmy"  # the only reading: this date shows the order (dots included)
    elif second > 12 >= first:
        order = "mdy"
    else:
        order = None
    dotted = separator == "." and order is None and first != second  # '1.2.1951': day first by convention
    day, month = (first, second) if order != "mdy" else (second, first)
    # a dotted date shows nothing of how the file writes its other dates, even '13.1.1951' (dots are day first)
    shows = order if separator != "." else None
    parsed = Parsed({"year": year, "month": month, "day": day}, order=shows, said=said, dotted=dotted)
    parsed.note = said[0] if said else None  # a two-digit year: a guess, said with the date too
    if order is None and first != second:
        parsed.pair = (first, second)
    elif order is None:
        parsed.order = "same"
    return parsed


def _full_year(text: str) -> tuple[int, list[str]]:
    """A two-digit year as Excel reads it (00-29 are 2000-2029, 30-99 are 1930-1999), said in a warning."""
    if len(text) != 2:
        return int(text), []
    short = int(text)
    year = 2000 + short if short < 30 else 1900 + short
    return year, [f"two-digit year '{text}' read as {year}, as Excel reads it (00-29: 2000s, 30-99: 1900s)"]


def _named_month(text: str, era: int) -> Parsed | str | None:
    tokens = [t for t in _TOKENS.findall(_ORDINAL_DAY.sub(r"\1", text)) if t.lower() not in _FILLER]
    months = [MONTH_NAMES[t.lower()] for t in tokens if t.lower() in MONTH_NAMES]
    numbers = [t for t in tokens if t.isdigit()]
    if len(months) != 1 or len(tokens) != len(numbers) + 1 or not 1 <= len(numbers) <= 2:
        return None
    if len(numbers) == 1:
        if len(numbers[0]) <= 2 and int(numbers[0]) <= 31 and not era:
            if _EXCEL_MONTH_YEAR.match(text) is None:
                return f"{text!r} has a day and a month but no year"
            # 'May-20': how Excel writes a month and year (its format mmm-yy: typing 'May 2020' shows it so,
            # and a CSV saved from it keeps it so); a day of May with no year is the other reading, said
            year, said = _full_year(numbers[0])
            name = MONTHS[months[0] - 1]
            note = (
                f"read as Excel writes a month and year (mmm-yy), two-digit year '{numbers[0]}' as {year} (00-29: "
                f"2000s, 30-99: 1900s); could also be {int(numbers[0])} {name}, with no year"
            )
            return Parsed({"year": year, "month": months[0]}, note=note, said=[EXCEL_MONTH_YEAR])
        year, said = _full_year(numbers[0]) if not era else (int(numbers[0]), [])
        return Parsed({"year": year * (era or 1), "month": months[0]}, said=said, note=said[0] if said else None)
    if min(map(len, numbers)) > 2:  # 'March 1950-1951', 'Sept. 1939 – 1945': years, not a day and a year
        return None
    day_text, year_text = numbers if len(numbers[0]) <= 2 else numbers[::-1]
    year, said = _full_year(year_text) if not era else (int(year_text), [])
    parts = {"year": year * (era or 1), "month": months[0], "day": int(day_text)}
    return Parsed(parts, said=said, note=said[0] if said else None)


def _vague_form(text: str, era: int) -> Parsed | None:
    """A decade, a century, a range of years or of months: approximate, with an end."""
    sign = -1 if era < 0 else 1
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
        return _span(-(start + 9), -start) if sign < 0 else _span(start, start + 9)
    if match := _CENTURY.match(text):
        number = int(match.group(1))
        first, last = (number - 1) * 100 + 1, number * 100
        return _span(-last, -first) if sign < 0 else _span(first, last)
    if match := _RANGE.match(text):
        first, end = int(match.group(1)), _range_end(match.group(1), match.group(2))
        if sign < 0 and end < first:
            return _span(-first, -end)
        if sign > 0 and end > first:
            return _span(first, end)
    return None


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
        f"could be {named} {_year(before)} to {ending} {_year(year)} or {named} {_year(year)} to {ending} "
        f"{_year(after)}: read as {named} {_year(before)} to {ending} {_year(after)}, which covers both"
    )
    return Parsed({"year": before, "month": first}, approximate=True, note=note, end={"year": after, "month": last})


def _day_span(text: str, era: int) -> Parsed | None:
    """'March 15-16, 1950', '15-16 March 1950': the two days of one month, as exact as written."""
    match = _DAYS_OF_MONTH.match(text) or _DAYS_BEFORE_MONTH.match(text)
    if match is None or era:
        return None
    month = MONTH_NAMES.get(match.group("month").lower())
    first, last = int(match.group("first")), int(match.group("last"))
    if month is None or not 1 <= first < last <= 31:
        return None
    year = int(match.group("year"))
    return Parsed({"year": year, "month": month, "day": first}, end={"year": year, "month": month, "day": last})


def _next_year(year: int, step: int) -> int:
    """The year ``step`` years after ``year``, in TimelineJS's count (no year 0: -1, 1 BCE, is followed by 1)."""
    astronomical = (year + 1 if year < 0 else year) + step
    return astronomical - 1 if astronomical <= 0 else astronomical


def _year(year: int) -> str:
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
    parsed = _span(*century)
    parsed.note = (
        f"could mean the decade {_years(*decade)} or the century {_years(*century)}: "
        f"read as {_years(*century)}, which covers both"
    )
    return parsed


def _years(first: int, last: int) -> str:
    """'1800–1899', '1899–1800 BCE' (years in TimelineJS's count: -1899 is 1899 BCE)."""
    return f"{first}–{last}" if first > 0 else f"{-first}–{-last} BCE"


def _span(first: int, last: int) -> Parsed:
    return Parsed({"year": first}, approximate=True, end={"year": last})


def _year_in_text(text: str, era: int) -> Parsed | str:
    found = {int(y): m.start() for m in _YEAR_IN_TEXT.finditer(text) for y in m.groups()}
    for match in _RANGE_IN_TEXT.finditer(text):  # 'Long March 1934-35', '1990-2000 approx': both years
        head = match.group(1)
        end = _range_end(head, match.group(2))
        # ('1850/51': the head is no year of _YEAR_IN_TEXT's, followed by '/'); a full year written after a
        # later one ('1200-950') is a year too, so the period holds both
        if end > int(head) or len(match.group(2)) >= 3:
            found.setdefault(int(head), match.start(1))
            found.setdefault(end, match.start(2))
    if any(year >= 1000 for year in found):  # '1950 (300 killed)': a count beside a year is no year
        found = {year: at for year, at in found.items() if year >= 1000 or _joined_to_a_year(text, at)}
    if not found:
        return "no year can be read in it"
    years = sorted(found)
    sign = -1 if era < 0 else 1
    decades = _decades_in_text(text)
    if len(years) == 1 and not decades:
        parts = {"year": sign * years[0]}
        if len(months := _months_named(text)) > 1:  # '30 April - 2 May 1950': from the first to the last
            if months == sorted(months):
                return Parsed({**parts, "month": months[0]}, approximate=True, end={**parts, "month": months[-1]})
            return Parsed(parts, approximate=True)  # months out of order may cross a year: the year alone
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
    return Parsed({"year": first}, approximate=True, note=note, end={"year": last})


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
    for match in _DECADE_IN_TEXT.finditer(text):
        start = int(match.group(1))
        found.setdefault(match.start(1), (start, start + 9, start + 99 if start % 100 == 0 else start + 9))
    return list(found.values())


def _months_named(text: str) -> list[int]:
    """The distinct months free text names, in the order written (an everyday word in lower case, 'may',
    'march', is no month)."""
    words = (w for w in _TOKENS.findall(text) if w.lower() in MONTH_NAMES)
    named = [MONTH_NAMES[w.lower()] for w in words if w.lower() not in _COMMON_WORDS or w[0].isupper()]
    return list(dict.fromkeys(named))


def _month_by_year(text: str, position: int) -> int | None:
    """The month named as part of the date with the year at ``position`` in free text: 'March 1934',
    '15 March 1934', 'March 15, 1934', '1934 March'; None for a month word elsewhere ('Riots may have
    begun 1968'), a lower-case everyday word without a day ('the may 1968'), or part of a name ('Long
    March 1934', '1963 March on Washington')."""
    words = list(_TOKENS.finditer(text))
    year = next(i for i, word in enumerate(words) if word.start() == position)
    kept = [i for i, word in enumerate(words) if i == year or word.group().lower() not in _FILLER]
    at = kept.index(year)

    def word(k: int) -> str:
        return words[kept[k]].group() if 0 <= k < len(kept) else ""

    def is_day(k: int) -> bool:
        return word(k).isdigit() and len(word(k)) <= 2 and 1 <= int(word(k)) <= 31

    if word(at - 1).lower() in MONTH_NAMES:  # 'March 1934', '15 March 1934'
        month, dated = at - 1, is_day(at - 2)
    elif is_day(at - 1) and word(at - 2).lower() in MONTH_NAMES:  # 'March 15, 1934'
        month, dated = at - 2, True
    elif word(at + 1).lower() in MONTH_NAMES and (at + 2 == len(kept) or is_day(at + 2)):  # '1934 March (15)'
        month, dated = at + 1, is_day(at + 2)
    else:
        return None
    name = word(month)
    if not dated:
        if name.lower() in _COMMON_WORDS and not name[0].isupper():
            return None  # 'may', 'march': the everyday words
        index = kept[month]
        if index > 0 and _names_it(text, words[index - 1], words[index]):
            return None
    return MONTH_NAMES[name.lower()]


def _names_it(text: str, before: re.Match[str], month: re.Match[str]) -> bool:
    """Whether the capitalised word just before a month name makes it part of a name ('Long March')."""
    previous = before.group()
    return (
        text[before.end() : month.start()].isspace()
        and previous.isalpha()
        and previous[0].isupper()
        and previous.lower() not in MONTH_NAMES
        and previous.lower() not in _FILLER
        and previous.lower() not in _LEADING
    )


def read_time(value: object) -> Parts | str | None:
    """A TimelineJS sheet's Time cell ('10:30', '10:30:45', '10:30 PM', a spreadsheet time) as parts."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, PartTime):  # no hour precision here: the event keeps its day, said
        return value.why()
    if isinstance(value, time | datetime):
        return {"hour": value.hour, "minute": value.minute, "second": value.second}
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        if not 0 <= seconds < 86400:  # a duration ('[h]:mm' showing 30:00), not a time of day
            return f"{_duration(seconds)} is a duration, not a time of day"
        return {"hour": seconds // 3600, "minute": seconds // 60 % 60, "second": seconds % 60}
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1:
        seconds = round(value * 86400)  # a time cell without its format: a fraction of a day
        return {"hour": seconds // 3600, "minute": seconds // 60 % 60, "second": seconds % 60}
    text = " ".join(str(value).split())
    clock, rest, unread = _clock("0 " + text, [], keep_midnight=True)
    if unread is not None and rest == "0":
        return f"{text!r}: {unread[1]}"
    if clock is None or rest != "0":
        return f"{text!r} is not a time of day"
    return {"hour": clock[0], "minute": clock[1], "second": clock[2]}


def _duration(seconds: int) -> str:
    """'30:00' for 30 hours, '-1:30' for minus an hour and a half: as '[h]:mm' shows it."""
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}"
