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

Beside this module: ``sheet_clock`` reads a time and its zone at the end of a cell, ``sheet_periods``
the periods of free text (decades, ranges, the years a sentence names), ``month_words`` the month
names, and ``sheet_date_values`` holds what a reading gives (``Parsed``) and the cells workbooks hand over.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from .. import bounds
from ..date_keys import days_in_month
from ..dates import MONTHS
from ..either_way import DAY_AFTER, DAY_BEFORE
from ..text import CONTROL, INVISIBLE, has_control
from . import (
    feast_days,
    islamic_feasts,
    old_style,
    other_calendars,
    sheet_offsets,
    timed_periods,
    year_parts,
    year_spans,
)
from .month_words import FILLER, LEADING, MONTH_NAMES, PART_OF_DAY, TOKENS, WEEKDAYS
from .near_words import NEAR
from .offset_days import next_unit, shifted
from .sheet_bound_words import (
    AFTER_DATE,
    BOUND_WORDS,
    EITHER_SIDE,
    ONGOING_WORDS,
    PRESENT_ALONE,
    STRICT,
    TIME_BOUND,
    TIME_BOUND_WORDS,
    UNITS,
    WITHIN,
    bound_said,
    bound_target,
)
from .sheet_clock import MIDNIGHT, MIDNIGHT_NOTE, NO_OFFSET, ZONE_WORD, clock_at_end
from .sheet_date_values import (
    Hidden,
    HourShown,
    MidnightShown,
    MonthShown,
    Number1904,
    Parsed,
    Parts,
    PartTime,
    StatedDate,
)
from .sheet_offsets import OFFSET
from .sheet_periods import span, unknown_digits, vague_form, year_in_text, year_shown
from .sheet_ranges import date_range

_VAGUE = re.compile(
    # a word whole: not 'approx' out of 'approximately', 'by' out of 'byzantine', 'the' out of 'thereabouts'
    r"^(?:~|≈|c\.|mid-|mid(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![^\W\d_]))|"  # 'midJanuary'
    r"(?:ca\.?|circa|around|about|approximately|approx\.?|early|mid|late|before|after|by|since|prior to|"
    r"no later than|not later than|no earlier than|not earlier than|not before|not after|no sooner than|"
    r"on or before|on or after|in or before|in or after|later than|earlier than|up to|at the latest|at the earliest|"
    # negations and the like in other languages, before the words they begin with (a re-trial found them '~Mar')
    r"no antes del?|no despu[eé]s del?|con posterioridad al?|con anterioridad al?|nicht vor(?: dem)?|"
    r"nicht nach(?: dem)?|au plus t[oô]t(?: le)?|pas apr[eè]s(?: le)?|"
    r"until|some ?time(?: in)?|spring|summer|autumn|fall|winter|the)(?![^\W\d_])(?!-[^\W\d_])|"
    # Spanish ('aprox. 15/01/2018', 'hacia el 15 de enero', 'antes del 15 de enero de 2018'), not in a word
    r"(?:aprox\.?|aproximadamente|hacia(?: el| la)?|alrededor del?|cerca del?|antes del?|despu[eé]s del?|desde(?: el)?|"
    r"hasta(?: el)?|el|"
    # French, German, Portuguese, Italian ('avant le 3 mars 2018', 'seit Juni 1956', 'antes de 1900')
    r"avant(?: le| l')?|apr[eè]s(?: le)?|depuis(?: le)?|jusqu'(?:au|à)|vers(?: le)?|environ|"
    r"vor(?: dem)?|nach(?: dem)?(?!\s+angaben)|seit(?: dem)?|bis(?: zum)?(?!\s+zu\b)|etwa|ungef[aä]hr|gegen|"  # (not
    # 'Nach Angaben der Polizei', 'Bis zu 300 Tote': according to, up to)
    r"antes d[eoa]|depois d[eoa]|at[eé]|cerca d[eoa]|por volta d[eoa]|"
    r"prima d(?:el|i|ella)|dopo(?: il| del)?|fino al?|verso(?: il)?|intorno al|"
    # ... where a period starts or ends ('à partir du 29 juin', 'ab dem 31. Mai', 'entro il 3 maggio', 'vanaf')
    r"[àa] partir d[eu]|a partir d[eoa]l?|dès(?: le)?|au plus tard(?: le)?|ab(?: dem)?|frühestens(?: am)?|"
    r"d'ici(?: le)?|à compter d[eu]|pas avant(?: le)?|non prima d(?:el|i|ella)|no máximo até|v[oó]{2}r|"
    r"na(?=\s+\d)|niet eerder dan|niet later dan|"  # (Dutch 'na 1990'; not Portuguese 'na véspera de')
    r"spätestens(?: am)?|entro(?: il)?|a contar d[eoa]|vanaf|tot|sinds|uiterlijk|"
    # (not a word of a compound: 'By-election 2018' was said to be a bound, a user trial)
    r"a partire d(?:all['’]|[ae]l?))(?![^\W\d_])(?!-[^\W\d_]))\s*",
    re.IGNORECASE,
)


def _beyond(parsed: Parsed, side: str) -> Parts | None:
    """The year, month or day next to the date on the side of its bound ('before 2018': 2017; 'after 31
    December 2017': 1 January 2018), as 'the year before' is counted (``offset_days.shifted``); None for a
    time, a period, one the calendar cannot count from, or a day waiting for the file's order, which is
    moved once read (``Parsed.shift``, ``beyond_read``)."""
    parts, step = parsed.parts, -1 if side == "before" else 1
    if parsed.end is not None or "hour" in parts or parsed.offset is not None:
        return None
    if parsed.pair is not None:
        parsed.shift = step
        return None
    unit = "day" if "day" in parts else "month" if "month" in parts else "year"
    moved = shifted(parts, step, step, unit)
    return moved[0] if moved is not None else None


def beyond_read(parts: Parts, step: int) -> tuple[Parts, str]:
    """A strict bound's day once its order is known (``Parsed.shift``): the day next to it, and the note."""
    moved = shifted(parts, step, step, "day")
    if moved is None:  # (no day the calendar counts from: kept, as ``_beyond`` keeps it)
        return parts, ""
    return moved[0], f"listed on {_shown(moved[0])}, {DAY_BEFORE if step < 0 else DAY_AFTER}"


# A time of day written before its date ('10:30 15/01/2018', '12:00 AM 1/15/2018'), read as if after it
_LEADING_TIME = re.compile(
    r"^(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\.?)?)\s+(\S.*\d.*)$", re.IGNORECASE
)
_MARK_BEFORE_TIME = re.compile(r"(?<=\d)\s*\?+(?=\s+\d{1,2}[:h.]\d{2}(?!\d))")  # a day's mark of doubt, a time after it
_ZONE_NAMED = re.compile(r"(GMT[+-]\d{4})\s+\([A-Za-z][A-Za-z .'-]{2,60}\)$")
_ZONE_LAST = re.compile(r"\s+(?:(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|Z)$")  # '... 15/01/2018 UTC-4'
# A word of doubt after a date ('2018-01-15T06:00 approx', '1999 (circa)')
_DOUBT_AFTER = re.compile(
    r"[\s,;]*[(\[]?\s*\b(?:approx\.?|approximately|aprox\.?|aproximadamente|circa|ca\.|about|around)\s*[)\]]?$",
    re.IGNORECASE,
)
# C's ctime and date(1): 'Sat Mar 21 14:00:00 2020', 'Sat Mar 21 14:00:00 UTC 2020': the time before the year
# (read as the year alone, approximate, by a trial), so the year is put before it
_CTIME = re.compile(
    r"^((?:[A-Za-z]{3,9},?\s+)?[A-Za-z]{3,9}\.?\s+\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:\s+(?:(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)\s+(\d{4})"
    r"(\s+(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?)?$"
)
# An era is a word of its own, after a space or the year's digits ('44 BC', '44BC'): never the end of a
# word ('2003 per BBC', 'NBC', 'B.B.C.') nor the start of one ('Adelaide 1850').
_BCE_WORD = (
    r"(?:BCE|B\.\s?C\.\s?E\.|BC|B\.\s?C\.|av\.?\s?J\.?-?\s?C\.?|avant\s+J\.?-?\s?C\.?|v\.\s?Chr\.?|vor\s+Christus|"
    r"v\.\s?u\.\s?Z\.?|a\.\s?de\s?C\.?|a\.\s?C\.|AEC|antes\s+de\s+Cristo|avanti\s+Cristo|av(?:\.|ant)\s+notre\s+[èe]re)"
)
_CE_WORD = (
    r"(?:CE|C\.E\.|AD|A\.D\.|apr\.\s?J\.?-?\s?C\.?|n\.\s?Chr\.?|nach\s+Christus|n\.\s?u\.\s?Z\.?|d\.\s?de\s?C\.?|"
    r"despu[eé]s\s+de\s+Cristo|dopo\s+Cristo)"
)
# An era written before the year ('BCE 476', 'BC 44'), as some catalogues do
_ERA_BCE = re.compile(rf"(?<![^\s\d])(?:{_BCE_WORD}|a\.\s?C\.?|(?-i:aC)|a\.\s?n\.\s?e\.)$", re.IGNORECASE)
_ERA_CE = re.compile(rf"(?<![^\s\d])(?:{_CE_WORD}|d\.\s?C\.)$|^(?:AD(?![^\W\d_])|A\.D\.)\s*", re.IGNORECASE)
_ERA_BCE_LEADING = re.compile(rf"^{_BCE_WORD}\s*(?=\d)", re.IGNORECASE)
# A range across the eras once the CE era at its end is taken off ('100 BC - 100' of '100 BC - 100 AD')
_ACROSS_ERAS = re.compile(rf"^(\d{{1,4}})\s*{_BCE_WORD}\s*(?:-|–|—|to|until|till)\s*(\d{{1,4}})$", re.IGNORECASE)
# An era word inside the text once the one at its end is taken off ('500 BC - 400' of '500 BC - 400 BC')
_INNER_BCE = re.compile(rf"(?<![^\s\d]){_BCE_WORD}(?![^\W\d_])", re.IGNORECASE)
_INNER_CE = re.compile(rf"(?<![^\s\d]){_CE_WORD}(?![^\W\d_])", re.IGNORECASE)
# ... after a year, before the text's end or a mark ('(218 BC)', '336 BC: ...'; not '1922 A.C. Milan title')
_YEAR_BCE_IN_TEXT = re.compile(rf"(?<![\d.,])\d{{1,4}}\s*({_BCE_WORD})(?=\s*(?:$|[),;:\]]))", re.IGNORECASE)
# A number written with thousands separators ('1,950', '10,000 BCE'; '1 950' as a whole cell)
_GROUPED = re.compile(r"(?<![\d,])(\d{1,3})((?:,\d{3})+)(?![\d,])")
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
_ORDINAL = re.compile(r"^(\d{4})-(\d{3})$")  # ISO 8601's ordinal date: '2020-032' is 1 February 2020
# 'May 1st 1950'; '1º de mayo' (Spanish: 'º', 'ª', '.º'; '1ro', '1ero')
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|\.?[ºª]|e?ro|er)\b(?!\s+(?:century|c\.))", re.IGNORECASE)
_END_WORD = re.compile(r"\s(?:to|until|till|hasta|al|bis|au|à|a|ao|até)\s", re.IGNORECASE)  # a period's own end
_A_RANGE = re.compile(r"\s[-–—]\s|\d\.?\s+(?:a|al|au|to|bis|y|e|et|and|und|ao|até|à)\s+\d", re.IGNORECASE)
_SORT_KEY = re.compile(r"^\(\d{4}(?:-\d{2}){0,2}\)(?=\S)")
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed)\]$", re.IGNORECASE)
# A month name that is a name in capitals ('Augustus', 'Mei'), or after a capitalised particle ('Di Maio')
_NAME_NOT_MONTH = re.compile(r"\b(?:Augustus|Mei|Marco|Dez)\b|(?<![^\W\d_])(?:Di|De|Da|Del|Van|Von|Du)\s+[A-ZÀ-Þ]")
_MONTH_DAY_YEAR = re.compile(r"[^\W\d_]{3,}\.?([-/])\d{1,2}\1\d{2,4}")
# ('1990 on'; not 'ON' in capitals, a zone's abbreviation after a time: '21 March 2020 10:00 ON')
_ONWARDS = re.compile(
    r"\s+(?:(?i:onwards?|in poi|en adelante|em diante|et après|und später|en avant)|on|On)$|(?<=\d)\s*[–—]$"  # '1990–'
)
# A period running to the time the file was written ('1918 – present', '2014 to date', 'desde 2014 hasta hoy'): its
# start, said as a bound (it was the year 1918, unsaid); looked for only where the text ends with such a word
_PRESENT_WORDS = (
    "present", "now", "today", "date", "ongoing", "actualidad", "presente", "hoy", "jours", "aujourd'hui", "heute",
    "hoje", "oggi", "curso", "cours", "corso", "andauernd",
)  # fmt: skip
_TO_PRESENT = re.compile(
    # ('2014 – hasta hoy': a dash and a word, both)
    r"\s*(?:[-–—]\s*(?i:(?:to|until|till|hasta|a|à|bis|até|fino a)\s+)?|(?i:to|until|till|hasta|a|à|bis|até|fino a))\s*"
    r"(?i:(?:the\s+)?present|(?:the\s+)?present day|now|"
    r"today|to date|date|ongoing|(?:la )?actualidad|(?:el )?presente|hoy|nos jours|aujourd'hui|heute|hoje|o presente|"
    r"oggi|en curso|en cours|in corso|em curso|andauernd)\.?$"
)


def ongoing(start: Parsed, end: str) -> Parsed | None:
    """The end an end cell gives where it says the period runs to the present ('present', 'ongoing', 'hasta hoy'):
    an end given only as a bound, from the start's day, month or year on (a user trial: 'present' was ignored,
    the period an exact month; a review: marking the start a bound made a start the file gives uncertain);
    None for any other cell, or a start itself approximate or a bound (then no day the end is from is known)."""
    if not PRESENT_ALONE.match(end.strip()) or start.end is not None or start.shift or start.bound:
        return None
    if start.approximate or (start.note and bounds.BOUND in start.note):
        return None
    day = {name: value for name, value in start.parts.items() if name in ("year", "month", "day")}
    note = f"the file gives the end {end.strip()!r}{ONGOING_WORDS}"
    if start.pair is not None:  # (its day and month wait for the file's order: marked once read)
        return replace(start, parts=day, approximate=True, note=note, said=[], offset=None, bound="from")
    note = _joined(note, bounds.mark("from", bound_parts(day)))
    return replace(start, parts=day, approximate=True, note=note, said=[], offset=None)


_SINCE = re.compile(r"dal(?:la|l')?\s+(?!.*\s(?:al|alla|a)\s)", re.IGNORECASE)
_DOUBT_MARK = re.compile(r"[?\[\]]")  # ('(12 September 2016)': brackets round a date are no doubt)
_NUMBERS_JOINED = re.compile(r"\d\s*[-–—/]\s*\d")  # two numbers of a range ('1850-55', '68 - 1970'): no day and year
_ISO = re.compile(r"^([+-]?\d{1,12})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{2})-?([1-7])$", re.IGNORECASE)  # ISO 8601's week date: '2020-W12-6'
# ISO 8601's basic format, a day and a time ('20200321T100000Z'): written out, then read as any other
_BASIC = re.compile(
    r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2}(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE
)
# An ISO day, then what starts as a time but cannot be read as one ('2018-01-15 4pm', '16h30',
# 'T10:00:00 -0800 (PST)', '+02:00[Europe/Madrid]', an hour alone: ISO 8601's '2020-03-21T14', a trial's year
# alone): the day is read, the rest said, not the year alone.
_DAY_THEN_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:T|\s+|\s*,\s*)(?=\d{1,2}(?:[:h.]\d|\s*[ap]\.?m|h\b|Z|[+-]|$))(?!.*\d{4}-\d{2})",
    re.IGNORECASE,
)
# Any other day, then an hour and nothing else ('15/01/2018 4am', '15/01/2018, 16h', '15 January 2018 4 pm': each
# row was skipped, its day and all; not '15/01/2018 10.000 personas' nor '15 January 2018 4.5 magnitude')
_OTHER_DAY_THEN_HOUR = re.compile(
    r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:\s+|\s*,\s*)(?:at\s+|a\s+las\s+)?\d{1,2}(?:[:h]\d{2})?\s*(?:[ap]\.?\s?m\.?|h(?:rs?)?\.?)\s*$",
    re.IGNORECASE,
)
# A day written in numbers, then words and no digit ('15/01/2018 madrugada', '2018-01-15 (aprox.)')
_DAY_THEN_WORDS = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})[\s,;]+(\D+)$")
# ... or with its month named ('15 January 2018, afternoon', 'January 15, 2018 (evening)': a user trial found them
# read as the month alone, 'Day not given', unsaid): '15 January 2018', 'Jan 15, 2018'
_NAMED_DAY = r"\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}"
_NAMED_DAY_THEN_WORDS = re.compile(rf"^({_NAMED_DAY})[\s,;]+(\D+)$")
# ... or words, then 'of' and a day ('afternoon of 15 January 2018', 'madrugada del 15/01/2018')
_NUMBERED_DAY = r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
# A day, then a time with no colon ('2020-03-25T1430', '2020-03-21 0930Z', '21/03/2020 14', '21 March 2020 14',
# '2020-04-02 14 UTC'): a trial found 1430-2020, a range of centuries, and the year or month alone, unwarned
_DAY_THEN_NUMBER = re.compile(
    rf"^({_NUMBERED_DAY}|{_NAMED_DAY})(?:\s*T\s*|\s+|\s*,\s*)(\d{{1,4}})\s*(?:h|hrs?|Z|UTC|GMT|[+-]\d{{2}}(?::?\d{{2}})?)?$",
    re.IGNORECASE,
)
_WORDS_OF_DAY = re.compile(rf"^(\D+?)\s+(?:of|del|de)\s+({_NUMBERED_DAY}|{_NAMED_DAY})$")
_JULIAN = re.compile(
    r"\b(?:O\.\s?S\.?|N\.\s?S\.?|Old\s+Style|New\s+Style|Julian|julien|juliano|ancien\s+style|vieux\s+style|"
    r"estilo\s+antiguo)(?![^\W\d_])|(?<!\w)(?:ст|стар)\.\s?ст\.",
    re.I,
)
INVISIBLE_READ = "invisible characters (a zero-width space, a byte order mark) in a date cell are not read"
CONTROLS_READ = "control characters (a zero byte, an escape) in a date cell are not read"
# Fullwidth forms (East Asian input: 'ＢＣＥ', '２０１８－０１') read as the ASCII they stand for: '300 ＢＣＥ' was the
# year 300 CE (a review). Only these: NFKC would also make a footnote's '¹' a digit.
FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_UNSEEN_AND_WIDE = INVISIBLE | FULLWIDTH
TEXT_DATE_MAX = 1_000  # characters of a date cell read as text: the longest of thousands of real ones is ~200
_ABOUT = frozenset(["aprox", "approx", "aproximadamente", "approximately", "circa", "ca", "c", "about", "around", "?"])
WORDS_UNREAD = (
    "words beside a day (such as '15/01/2018 madrugada', 'afternoon of 15 January 2018') are not read: the day is "
    "kept, approximate, the text in its note"
)
WORDS_UNREAD_TIME = (
    "words beside a day and a time (such as '15/01/2018 hacia las 06:00') are not read: the time is kept, "
    "approximate, the text in its note"
)
_BRACKETED_TIME = re.compile(
    r"\s*([(\[])(\s*(?:approx\.?|ca\.|c\.|circa|about|around|~)\s*)?(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?)[)\]]$",
    re.IGNORECASE,
)


APOSTROPHE = (
    "a leading apostrophe, a spreadsheet's mark of text (such as '2018-01-17), is not part of the date: read "
    "without it, said in the date's note"
)


# A day written whole among other words and numbers ('about 10 am 15 January 2018', '15 January 2018, c. 10am',
# 'la madrugada del 15 de enero de 2018'): a date trial found each read as the month alone, approximate, unsaid
_DAY_AMONG = re.compile(
    r"(?<![\w/.-])(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?![\w/.-])"
    r"|(?<![\w/.-])([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\w/.-])",
    re.IGNORECASE,
)
_O_CLOCK = re.compile(r"\b\d{1,2}\s*o['’]?\s*clock\b", re.IGNORECASE)
_WORD = re.compile(r"[^\s,;:()\[\].]+")
_AROUND_A_TIME = _ABOUT | {"at", "on", "of", "the", "in", "la", "las", "el", "del", "de", "en", "a", "por", "approx."}
# ... but not the second or first of two days ('night of 14-15 January 2018', '14/15 January', '14 or 15 January')
_DAY_BEFORE = re.compile(r"\d\s*(?:[-–—/&+]|\b(?:and|or|to|y|o|a|al|et|ou|und|oder|bis)\b)\s*$", re.IGNORECASE)


def _day_among_words(text: str, original: str) -> Parsed | None:
    """The one day written whole in ``text`` among words, read as ``_day_then_words`` reads one after a day
    (approximate, said, unless the words are a part of the day); None where there is not exactly one."""
    found = [m for m in _DAY_AMONG.finditer(text) if (m.group(2) or m.group(4)).lower() in MONTH_NAMES]
    if len(found) != 1 or _DAY_BEFORE.search(text[: found[0].start()]) is not None:
        return None
    (match,) = found
    day, month, year = match.group(1, 2, 3) if match.group(1) else match.group(5, 4, 6)
    words = f"{text[: match.start()]} {text[match.end() :]}"
    # only a time of day and words of where in it or of doubt: anything else may be a period, an offset or a
    # name ('28 December 2019? - 3 January', 'twenty-one days after 1 May 2018', 'Rue du 4 Septembre 2018')
    rest = PART_OF_DAY.sub(" ", _O_CLOCK.sub(" ", _A_TIME.sub(" ", words)))
    if not _A_TIME.search(words) and rest == words:
        return None
    if any(word.lower() not in _AROUND_A_TIME for word in _WORD.findall(rest)):
        return None
    return _day_then_words(f"{day} {month} {year}", words, original)


def _day_then_words(day: str, words: str, original: str) -> Parsed | None:
    """The day, approximate, the text as written its note: the words may say it is ('aprox', 'o después',
    '- presente'), or anything else this does not read; but a part of the day ('morning', 'madrugada') is
    where in it, and leaves it exact (a user trial found '15 January 2018, afternoon' read as the month)."""
    parsed = _exact(day, 0)
    if not isinstance(parsed, Parsed) or "day" not in parsed.parts:
        return None
    year, month, day_number = (parsed.parts[name] for name in ("year", "month", "day"))
    if not 1 <= month <= 12 or not 1 <= day_number <= days_in_month(year, month):  # ('31 June 2018 evening')
        return None
    julian = _JULIAN.search(original) is not None  # (a day of the Julian calendar is another: read as before)
    if not julian and PART_OF_DAY.fullmatch(" ".join(words.strip(" .,;:()[]").split())) is not None:
        parsed.note = _joined(parsed.note, original)
        return parsed
    parsed.approximate = True  # the note is the text, as for 'c. 15/01/2018'
    if " ".join(words.lower().replace(".", " ").strip("()[] ").split()) not in _ABOUT:
        parsed.said.append(WORDS_UNREAD)
    return parsed


# A date of zeros ('0000-00-00', '00/00/0000', with a time of zeros or not): what databases and exports
# write for a date not known, not the year 1 BCE
# The last word before a date an offset counts from, where nothing comes between them that says more of the date
_ANCHOR_LEAD = re.compile(
    r"\b(?:after|before|on|of|from|the|de|del|le|du|dem|des|am|el|la|après|avant|nach|vor|dopo|prima|di|después|"
    r"despues|antes)\s*$",
    re.IGNORECASE,
)
_ZEROS = re.compile(r"^(?:0{4}([-/.])00\1|00([-/.])00\2)0{2,4}(?:[T ]0{1,2}:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$")
ZEROS = "a date of zeros, what databases write for a date not known: not read as a date"
_A_TIME = re.compile(r"\d{1,2}(?::\d{2}|\s*[ap]\.?m\b|h\d{2})", re.IGNORECASE)  # '08:00', '8am', '16h30'
TIME_UNREAD = (
    "a day followed by a time in a form not read here (its form or its zone): the day is read, the time kept "
    "in the date's note"
)
_YMD = re.compile(r"^(\d{4})([/.])(\d{1,2})(?:[/.](\d{1,2}))?$")
# A year and a month written with a dot ('2019.12') are also a number with a fraction (a decimal year, 2019.5
# the middle of 2019): read as the month, said (a trial found '2019.5' read as May, unsaid)
_DOTTED_MONTH = "read as a year and a month{}, as some write them; as a decimal year it would be another date"
_DOTTED_SAID = (
    "a year and a month written with a dot ('2019.5') read as that month, as some write them; as a decimal year it "
    "would be another date"
)
_FRACTION = "a number with a fraction, not a date (a decimal year is not read)"
_FRACTION_COMMA = "a number with a fraction, written with a decimal comma, not a date (a decimal year is not read)"
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{3,4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")  # '5/2020', '05-2020' (Excel's mm-yyyy)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_SERIAL_AND_TIME = re.compile(r"^\d{5}\.\d+$")  # '43831.5': noon on 1 January 2020, as a spreadsheet counts
_TWO_YEARS = re.compile(r"^(\d{4})\s*([-/])\s*(\d{1,2})$")  # '1811-12': December 1811, or 1811 to 1812?
_EXCEL_MONTH_YEAR = re.compile(r"^[^\W\d_]{3,}\.?-\d{2}$")  # 'May-20': Excel's mmm-yy, as a CSV keeps it
# A minus sign as typesetting writes it ('−460', U+2212), a dash or a hyphen and a space before a year:
# the year is negative, as '-460' is (they were read as 460 CE)
_MINUS = re.compile(r"^(?:[\u2212\u2012\u2013\u2014\ufe63\uff0d]\s*|-\s+)(?=\d)")
# Years counted before the present (1950), as radiocarbon dates are: no calendar year is read from them
_BEFORE_PRESENT = re.compile(r"(?<![^\s\d])(?:cal\.?\s*)?(?:BP|B\.\s?P\.)$", re.IGNORECASE)
_SHORT_YEAR = (
    "a year of one or two digits ({}) read as written, a year of the first century CE; a two-digit year meant "
    "for the 1900s or 2000s needs its century"
)
EXCEL_MONTH_YEAR = (
    "a month and two digits (Excel's mmm-yy) read as Excel writes a month and year (the two-digit year as Excel "
    "reads it, each date's note saying which); they could also be a day of that month with no year, also in the note"
)
YEAR_DIGITS = 4  # a bare number with more digits is not read as a year (a timestamp, an amount, an id)
SERIAL_RANGE = (20000, 80000)  # Excel day numbers for 1954-2119: a five-digit 'date' is one of them
_EXCEL_EPOCH = date(1899, 12, 30)
_EPOCH_1904 = date(1904, 1, 1)  # day 0 of a workbook in the 1904 date system
# A workbook date cell holding day 0 (30 December 1899, midnight) is what an empty, broken or NaN
# date becomes in the reader, not a date the file states: refused, so its row is named (but in an
# ODS file, which states its dates: ``StatedDate``).
DAY_ZERO_PARTS = (1899, 12, 30, 0, 0, 0)
DAY_ZERO = (
    "30 December 1899 is day 0 of a spreadsheet's day numbers, what an empty, invalid or NaN date cell "
    "holds: not read as a date"
)

# 28 February 1900 from a workbook's date cell is its day 59, or its day 60, which it shows as 29 February
# 1900: a day that never was (spreadsheets count 1900 as a leap year, as Lotus 1-2-3 did), which the
# reader gives as 28 February. Which one the sheet shows, the value cannot tell: said (not in ODS, which
# writes its dates as text: ``StatedDate``).
DAY_60_PARTS = (1900, 2, 28)
DAY_60 = (
    "28 February 1900 in a workbook may be the 29 February 1900 it shows for its day 60, a day that never was "
    "(spreadsheets count 1900 as a leap year): read as 28 February 1900, said in the date's note"
)
DAY_60_NOTE = "the workbook gives 28 February 1900, or its day 60, which it shows as 29 February 1900 (no such day)"

HOUR_SHOWN = "the sheet shows the hour {:02d}, not its minutes"
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
    if isinstance(value, date) and value.timetuple()[:6] == DAY_ZERO_PARTS and not isinstance(value, StatedDate):
        return DAY_ZERO
    if type(value) in (date, datetime) and isinstance(value, date) and value.timetuple()[:3] == DAY_60_PARTS:
        # (its exact type: not a ``StatedDate``, nor a date the sheet shows less of)
        day = {"year": value.year, "month": value.month, "day": value.day}
        parsed = _from_datetime(value) if isinstance(value, datetime) else Parsed(day)
        parsed.note, parsed.said = DAY_60_NOTE, [*parsed.said, DAY_60]
        return parsed
    if isinstance(value, MidnightShown):  # 00:00 as the sheet shows it (``book_formats``): a time, not the day alone
        parts = {"year": value.year, "month": value.month, "day": value.day, "hour": 0, "minute": 0, "second": 0}
        return Parsed(parts, seconds=0.0)
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return Parsed({"year": value.year, "month": value.month, "day": value.day})
    if value is None:
        return None
    if isinstance(value, bool):  # a workbook's TRUE/FALSE cell, JSON's true/false
        return "a true/false value, not a date"  # said after the cell, as shown: 'TRUE: a true/false value...'
    if isinstance(value, int | float):
        return _from_number(float(value), str(value), _EPOCH_1904 if isinstance(value, Number1904) else _EXCEL_EPOCH)
    if isinstance(value, time | timedelta | PartTime):
        return "a time of day without a date"
    # ('\ufeff2018-01-16': two files joined)
    visible = (written := str(value).replace("\r", " ")).translate(_UNSEEN_AND_WIDE)
    text = " ".join(CONTROL.sub("", visible).split()) if has_control(visible) else " ".join(visible.split())
    if len(text) > TEXT_DATE_MAX:  # (free text's reading grows faster than its length: 10,000 characters took 1 s)
        return f"{len(text):,} characters: too long to be read as a date (at most {TEXT_DATE_MAX:,})"
    if SCIENTIFIC.fullmatch(text):  # ('-1e300', Timesketch's date of none, was the year 300, approximate)
        return "a number in scientific notation, not a date"
    if text.startswith("'") and text[1:2].isdigit():  # a spreadsheet's mark of text, typed (or written) before a date
        return _apostrophe_year(text) or _text_marked(text)  # ("'18": 2018)
    east = text if "年" in text or "년" in text else None  # '2018年1月15日', '2018년 1월 15일 14:30': read as ISO
    if east is not None:  # writes them (a re-trial); the note quotes the text as written
        text = _EAST_ASIAN.sub(_as_iso, text)
    found = _read_text(text) if text else None
    if east is not None and isinstance(found, Parsed) and found.note and text in found.note:
        found.note = found.note.replace(text, east)
    if isinstance(found, Parsed):  # what was not read, said
        other_calendars.checked(found, text)
        found.said += [INVISIBLE_READ] if len(visible) != len(written) else []
        found.said += [CONTROLS_READ] if has_control(visible) else []
    return found


_DECIMAL_COMMA = re.compile(r"-?(\d{3,4}),(\d+)")
# A Chinese, Japanese or Korean date: year, month and day marked by their characters (a re-trial found
# '2018年1月15日' read as 'around 2018', its day and month lost, unsaid); not a word the year begins
# ('1980年代', a decade; '2018年度', a fiscal year: CI found it read as '2018度')
_EAST_ASIAN = re.compile(
    r"(\d{4})\s*[年년](?!\s*[\u3040-\u9fff\uac00-\ud7af])\s*(?:(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일])?)?"
)


def _as_iso(east: re.Match[str]) -> str:
    return "-".join(f"{int(part):02d}" if n else part for n, part in enumerate(east.groups()) if part)


def _read_text(text: str) -> Parsed | str | None:
    """A date written as text: in another calendar, or a period its year does not hold, or else as words."""
    # (most cells, '2018-01-15', '15/01/2018', '2018': digits and marks alone, none of these; 47 to 65 µs a cell)
    if (iso := _ISO_DAY.fullmatch(text)) is not None:  # an export's day, as the words below read it: 2 µs, not 70
        return Parsed({"year": int(iso[1]), "month": int(iso[2]), "day": int(iso[3])})
    if (timed := timed_periods.read(text, read_date)) is not None:  # ('03/02/2018 10:00 - 05/02/2018 11:00')
        return timed
    if (comma := _DECIMAL_COMMA.fullmatch(text)) and not _GROUPED.fullmatch(text) and not _later(*comma.groups()):
        # '2019,5': not 'around 2019', unsaid (a re-trial); '1850,51' may be two years, read below
        return _FRACTION_COMMA
    if not _PLAIN_NUMBERS.fullmatch(text):
        # (the Solar Hijri's '1378 ه.ش' before the Islamic calendar's '1438 ه')
        readings = (other_calendars.read, _islamic, _old_style, year_spans.read, year_parts.read, _apostrophe_year)
        for reading in (*readings, unknown_digits):
            if (found := reading(text)) is not None:
                return found
    found = _from_text(text)
    # a year another calendar may mean, unconverted ('حدود ۱۳۹۷', 'about 1397': the Gregorian 1397, unsaid, a trial)
    other = isinstance(found, Parsed) and not _OTHER_SAID.search(found.note or "")
    if other and (why := other_calendars.other_year_unread(text)) is not None:
        return why
    # a day or a month marked as the Julian calendar's that no reading above converted: the Gregorian day it is not
    # (a re-trial: '1917-10-25T10:00 O.S.' was 25 October, '25-26 October 1917 O.S.' October; the Gregorian days are
    # in November), more than an approximate day's week off after 1700; a year holds about the same days
    if not isinstance(found, Parsed) or "month" not in found.parts or _JULIAN.search(text) is None:
        return found
    return found if _CALENDAR_SAID.search(found.note or "") else JULIAN_NOT_READ


def _old_style(text: str) -> Parsed | str | None:
    return old_style.read(text, _from_text)


JULIAN_NOT_READ = (
    "a date marked as the Julian calendar's (Old Style) in a form not read here: no date is read from it (write the "
    "day, then 'O.S.': '25 October 1917 O.S.')"
)
_OTHER_SAID = re.compile(r"Solar Hijri|the Islamic calendar's|the Buddhist era's")
_CALENDAR_SAID = re.compile(r"the Julian calendar's|the Gregorian calendar's date")
SCIENTIFIC = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+")  # ('-1e300', '1.5e9')
_ISO_DAY = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")  # (a test: as ``_from_text``)
_PLAIN_NUMBERS = re.compile(r"[0-9][0-9 /.:,+T]*(?:-[0-9][0-9 /.:,+T]*)*")  # (not '186-', '201?', "'18", '2020-W53')


def _apostrophe_year(text: str) -> Parsed | None:
    """ "'18": a year written with an apostrophe for its century, read as Excel reads two digits (2018), said:
    it was the year 18 CE."""
    if (found := _APOSTROPHE_YEAR.fullmatch(text.strip())) is None:
        return None
    year, said = _full_year(found.group(1))
    return Parsed({"year": year}, approximate=True, note=_apostrophe_note(text, year), said=said)


def _apostrophe_note(text: str, year: int) -> str:
    return f"the file writes {text.strip()}: a year written with an apostrophe for its century, read as {year}"


_APOSTROPHE_YEAR = re.compile(r"['’‘](\d{2})")
# after a month's name, last ('‘15 Oct', as a word processor curls a typed quote, is a day: a review)
_MONTH_APOSTROPHE_YEAR = re.compile(r"[^\W\d_]\.?\s*['’‘]\d{2}\s*$")


def _islamic(text: str) -> Parsed | None:
    """A date of the Islamic calendar (``islamic_feasts.hijri``), a bound before it said ('before 1438 AH')."""
    if (found := islamic_feasts.hijri(text, text)) is not None:
        words = text.lower().split()
        bound = next((" ".join(words[:n]) for n in (4, 3, 2, 1) if " ".join(words[:n]) in BOUND_WORDS), None)
        found.said += [bound_said(bound, "unmarked")] if bound is not None else []
    return found


def _text_marked(text: str) -> Parsed | str:
    """'2018-01-17 as the date after the apostrophe, said: read with it, a day became 'about 2018', unsaid."""
    parsed = _from_text(text[1:])
    if isinstance(parsed, Parsed):
        parsed.note = _joined(parsed.note, f"the file writes {text!r}: read without its leading apostrophe")
        parsed.said.append(APOSTROPHE)
    return parsed


def _from_datetime(value: datetime) -> Parsed:
    parts = {"year": value.year, "month": value.month, "day": value.day}
    if value.time() == time(0, 0):
        return Parsed(parts)  # a date cell: spreadsheets store every date with a midnight
    parts.update(hour=value.hour, minute=value.minute, second=value.second)
    return Parsed(parts, seconds=value.second + value.microsecond / 1e6)


def _from_number(number: float, shown: str, epoch: date = _EXCEL_EPOCH) -> Parsed | str:
    if not number.is_integer():
        if SERIAL_RANGE[0] <= number < SERIAL_RANGE[1] + 1:  # (a number cell formatted 'General', say)
            return _day_and_time(shown)
        return f"{shown} is not a whole number: not a year"
    whole = int(number)
    if SERIAL_RANGE[0] <= whole <= SERIAL_RANGE[1]:
        day = epoch + timedelta(days=whole)
        system = "" if epoch == _EXCEL_EPOCH else ", counted from 1904 as this workbook counts days"
        said = f"{whole} read as a spreadsheet's day number ({day.isoformat()}{system}): the cell lost its date format"
        note = (
            f"the file gives the number {whole}: read as a spreadsheet's day number (a date cell that lost its format"
            f"{system})"
        )
        return Parsed({"year": day.year, "month": day.month, "day": day.day}, note=note, said=[said])
    if _BASIC_DIGITS[0] <= whole < _BASIC_DIGITS[1] and (basic := _basic_day(whole)) is not None:
        said = f"{whole} read as an ISO 8601 date written without hyphens (YYYYMMDD: {basic.isoformat()})"
        note = f"the file gives the number {whole}: read as an ISO 8601 date written without hyphens (YYYYMMDD)"
        return Parsed({"year": basic.year, "month": basic.month, "day": basic.day}, note=note, said=[said])
    if whole >= 10**YEAR_DIGITS:  # negative years stay years: TimelineJS's count of years BCE, deep time
        return _not_a_year(len(str(whole)))
    return Parsed({"year": whole})


# ISO 8601's basic format, a day with no hyphens ('20200321'), of a year from 1000 on: a day written
# day or month first ('21032020', '03212020') is never one (its fifth and sixth digits, 19 or 20, are no month).
_BASIC_DIGITS = (10_000_000, 100_000_000)


def _basic_day(whole: int) -> date | None:
    try:
        return date(whole // 10_000, whole // 100 % 100, whole % 100)
    except ValueError:
        return None


def _day_and_time(shown: str) -> str:
    """Why '43101.5' is not read: the time of a day number is a fraction of its day, with no zone."""
    return f"{shown} looks like a spreadsheet's day number and time of day (a date cell that lost its format): not read"


# The unit a timestamp of so many digits is in, for a date from 1973 to 2286 (16 digits: Timesketch's, a trial)
_UNITS_BY_DIGITS = {9: "seconds", 10: "seconds", 12: "milliseconds", 13: "milliseconds", 15: "microseconds"}
_UNITS_BY_DIGITS |= {16: "microseconds", 18: "nanoseconds", 19: "nanoseconds"}


def _day_then_number(text: str, original: str) -> Parsed | None:
    """A day and a time written as a number alone ('2020-03-25T1430', '21/03/2020 14': an hour, or hours and
    minutes): the day, the rest in its note, said (``TIME_UNREAD``); None for any other text."""
    found = _DAY_THEN_NUMBER.match(text)
    if found is None:
        return None
    number = found.group(2)
    hour, minute = (int(number), 0) if len(number) <= 2 else (int(number[:-2]), int(number[-2:]))
    if hour > 24 or minute > 59:  # no time of day ('21 March 2020 1999'): not this reading
        return None
    parsed = _exact(found.group(1), 0)
    if not isinstance(parsed, Parsed) or "day" not in parsed.parts:
        return None
    parsed.note = _joined(parsed.note, f"the file gives {original!r}: the time after the day is not read")
    parsed.said.append(TIME_UNREAD)
    return parsed


def _not_a_year(digits: int) -> str:
    """Why a bare number of more than four digits is not read as a date (its unit would be a guess)."""
    if digits >= 9:
        unit = _UNITS_BY_DIGITS.get(digits, "seconds, milliseconds or microseconds")
        return (
            f"a number of {digits} digits, not a year: it looks like a timestamp ({unit} since 1970?), and the file "
            "does not say its unit, so it is not converted"
        )
    low, high = SERIAL_RANGE
    # (it said 'nor a spreadsheet's day number', of '10000', which is one: 18 May 1927; a date trial)
    return (
        f"a number of {digits} digits, not a year; a spreadsheet's day number is read only from {low:,} to {high:,} "
        f"({_serial_year(low)}-{_serial_year(high)}), where a number in a date column is most likely one"
    )


def _serial_year(serial: int) -> int:
    return (date(1899, 12, 30) + timedelta(days=serial)).year


# A weekday before or after a date written in numbers ('lunes 15/01/2018', '2018-01-15 (Monday)')
_WEEKDAY_AROUND = re.compile(
    r"^(?P<before>[^\W\d_]+)\.?,?\s+(?P<date>\d.*)$|^(?P<date2>.*\d)[\s,]+\(?(?P<after>[^\W\d_]+)\.?\)?$"
)


def _from_offset(original: str, text: str, about: bool = False) -> Parsed | None:
    """A date counted from the one the text names ('3 days after 30 December 2017': 2 January 2018), or
    a bound where it does not say how far ('weeks after 27 July 1976': as 'after 27 July 1976'). None
    where the date it counts from is not one plain date alone (then: its year, as a bound). ``about``:
    the text began with a word of doubt ('about', 'c.'), taken off before."""
    offset = sheet_offsets.find(text)
    if offset is None:
        return None
    if about:  # 'about 3 days after' (the word taken off before): a quarter either way, a day at least
        offset = sheet_offsets.about(offset)
    # (the date it counts from read without offsets: an offset of an offset is not counted, and no recursion)
    found = (_one_date(_from_text(anchor, offsets=False)) for anchor in sheet_offsets.anchors(offset.anchor))
    if (named := next(filter(None, found), None)) is None:
        return None
    if offset.low is None:  # how far is not said: a bound, which may hold the date ('shortly after': the same day)
        named.approximate, named.note = True, original if named.note is None else f"'{original}': {named.note}"
        inclusive = "from" if offset.side > 0 else "by"
        # (one side only: 'weeks before or after 1 January 2018' is no bound, a review)
        words = original[: original.find(offset.anchor)] if offset.anchor in original else original
        one_side = EITHER_SIDE.search(words) is None
        marked = named.end is None and "hour" not in named.parts and _is_day(named.parts) and one_side
        step, side = (1, "after") if offset.side > 0 else (-1, "before")
        # 'weeks after 15 January 2018' leaves that day out (a user trial: it was found by date:2018-01-15);
        # 'shortly after' may not
        # (only from a date written whole: 'weeks after Easter 2018' counts from a day in 2018, not the year)
        alone = _exact(offset.anchor.strip(" ,;."), 0)
        whole = (  # (and right after the offset's words: 'months after mid-2018' is not counted from 2018)
            not offset.loose
            and _ANCHOR_LEAD.search(words) is not None
            and isinstance(alone, Parsed)
            and not alone.approximate
            and alone.parts == named.parts
        )
        moved = shifted(named.parts, step, step, _unit(named.parts)) if UNITS.search(words) and whole else None
        if marked and named.pair is not None:  # (its day and month wait for the file's order: marked once read)
            named.bound = inclusive
        elif marked and moved is not None:
            listed = f"listed on {_shown(moved[0])}, the {_unit(moved[0])} {side} it"
            named.note = _joined(_joined(named.note, listed), bounds.mark(side, bound_parts(named.parts)))
            named.parts = moved[0]
        elif marked:  # (it was '~27 Jul 1976', 'around' the date 'weeks after' which it happened: a review)
            named.note = _joined(named.note, bounds.mark(inclusive, bound_parts(named.parts)))
        # the words as written ('a más tardar el ...' was quoted as 'before ...': a user trial)
        words = words.strip() if offset.anchor in original else ""
        how = "unmarked" if not marked else "beyond" if moved is not None and named.pair is None else "on"
        named.said.append(bound_said(offset.counted(), how, words and f"{words} ..."))
        return named
    if (offset.of_a_day or offset.loose) and "day" not in named.parts:  # 'the first week of March 2018': in
        return None  # March; '3 days after Easter 2018': counted from Easter, not from the year
    low, high, unit = offset.low, offset.high, offset.unit
    if offset.next_unit:  # 'the year after 1990': 1991; 'the month after 15 May 2018': May to July
        low, high, unit = next_unit(named.parts, offset.side, offset.unit)
    if high is None or (moved := shifted(named.parts, low, high, unit)) is None:
        return None
    start, end = moved
    note = f"'{original}': counted from {_shown(named.parts)} ({offset.counted()})"
    note = _joined(note, named.note) if named.note else note  # (its own note: 'two-digit year ...')
    return Parsed(start, approximate=True, note=note, end=end, end_approximate=end is not None, said=named.said)


def _one_date(named: Parsed | str) -> Parsed | None:
    """``named`` where it is one date as written (a year, a month or a day; not a range, a guess, a time,
    nor a day whose order waits for the file's), else None."""
    if not isinstance(named, Parsed) or named.approximate or named.end or named.waits() or named.offset:
        return None
    return named if set(named.parts) <= {"year", "month", "day"} else None


def _is_day(parts: Parts) -> bool:
    """Whether the parts are a day the calendar has, if they hold one ('31/04/2018' does not: kept to April)."""
    return "day" not in parts or 1 <= parts["day"] <= days_in_month(parts["year"], parts.get("month", 1))


def bound_parts(parts: Parts) -> tuple[int, ...]:
    """(year, month, day) of the parts a date has, as ``bounds.mark`` takes them: the year counted as our dates
    count it (1 BCE is 0), not as the parts do (-1, TimelineJS's: 'before 500 BC' was shown before 501 BCE)."""
    year, names = parts["year"], ("month", "day") if _is_day(parts) else ("month",)  # ('31/04/2018': April)
    return (year + 1 if year < 0 else year, *(parts[name] for name in names if name in parts))


def _unit(parts: Parts) -> str:
    return "day" if "day" in parts else "month" if "month" in parts else "year"


def _shown(parts: Parts) -> str:
    """'30 December 2017', 'March 2001', '1990', '218 BCE'."""
    shown = [str(parts["day"])] if "day" in parts else []
    shown += [MONTHS[parts["month"] - 1]] if "month" in parts else []
    return " ".join([*shown, year_shown(parts["year"])])


def _from_text(original: str, *, offsets: bool = True) -> Parsed | str:
    around = _WEEKDAY_AROUND.match(original)
    if around is not None and (around.group("before") or around.group("after")).lower() in WEEKDAYS:
        inner = _from_text(around.group("date") or around.group("date2"), offsets=offsets)
        if isinstance(inner, Parsed) and "day" in inner.parts and inner.end is None:
            word = around.group("before") or around.group("after")
            if inner.pair is None or inner.pair[0] == inner.pair[1]:
                _check_weekday(inner, word)
            else:  # '02/03/2018': which is the day is decided for the whole file later; the weekday stays said
                inner.note = _joined(inner.note, f"the file says {word}")
            return inner
    return _from_words(original, offsets)


def _from_words(original: str, offsets: bool = True) -> Parsed | str:
    if _ZEROS.match(original):
        return ZEROS
    if _BEFORE_PRESENT.search(original.rstrip("?() ")):
        return f"{original!r} counts years before the present (1950), as radiocarbon dates do: no year is read from it"
    text, vague, bound, strict, vague_words = _MINUS.sub("-", original), False, None, False, 0
    given: str | None = None  # a bound's words as they stand, where they follow the date ('... or later')
    words_seen: list[str] = []
    near: str | None = ""  # the words that put the date near another ('around'), where they are all the words
    while (match := _VAGUE.match(text)) and match.end() < len(text):
        word = match.group().strip().lower()
        text, vague = text[match.end() :], vague or word not in ("the", "el")  # ('el 15 de enero': no guess)
        if word not in ("the", "el") and near is not None:  # words of nearness alone ('around about'), or none
            near = None if word not in NEAR else f"{near} {match.group().strip()}".strip()
        if match.group()[-1:].isalpha() and text[:1] == "-" and text[1:2].isdigit():
            text = text[1:]  # 'early-2017', 'approximately-1900': a hyphen after a word, no minus sign ('c.-460' is)
        bound = bound or (word if word in BOUND_WORDS or word.split()[0] in BOUND_WORDS else None)
        strict = strict or (bound is not None and (word in STRICT or word.split()[0] in STRICT))
        vague_words += WITHIN.get(word) != "filler"  # (not "the", "sometime": no word on the date)
        # per word: a bound's, one placing the date within the one read ('mid-'), a filler ('the'), or another
        is_bound = word in BOUND_WORDS or word.split()[0] in BOUND_WORDS
        words_seen.append("bound" if is_bound else WITHIN.get(word, "other"))
    text, doubted, footnote = _without_marks(text)
    if (mark := _MARK_BEFORE_TIME.search(text)) is not None:  # '2018-01-15? 06:00': skipped as a day-less time
        text, doubted = text[: mark.start()] + text[mark.end() :], True
    vague = vague or doubted
    if (doubt := _DOUBT_AFTER.search(text)) is not None and any(c.isdigit() for c in text[: doubt.start()]):
        # '2018-01-15T06:00 approx': its word of doubt was taken for an unread time's, the day exact (a trial)
        text, vague, vague_words = text[: doubt.start()], True, vague_words + 1
        words_seen.append("other")
    if vague and bound is None and isinstance(other := other_calendars.read(text.strip()), Parsed):
        # 'c. 1397 SH', '۱۳۹۷/۱۰/۲۵?': read as the Gregorian year 1397, 621 years off, unsaid (a trial)
        other.note = f"'{original}': {other.note}" if other.note else original
        other.end_approximate = other.end is not None
        return other
    onwards = _ONWARDS.search(text)
    if onwards is None and text.lower().rstrip(". ").endswith(_PRESENT_WORDS):  # ('1918 – present')
        onwards = _TO_PRESENT.search(text)
    if onwards is not None and text[: onwards.start()].strip():  # 'dal 31 maggio in poi'
        given = given if bound else f"... {onwards.group().strip()}"
        # (a bound's words, as one more word: 'c. 1918 – present' is no bound from 1918, a review)
        vague_words += 0 if bound else 1
        text, vague, bound = text[: onwards.start()].strip(), True, bound or "after"
    if (since := _SINCE.match(text)) is not None:  # 'dal 29 novembre 2020' (not 'dal 15 al 20 agosto': a period)
        given = given if bound else f"{since.group().strip()} ..."
        vague_words += 0 if bound else 1
        text, vague, bound = text[since.end() :], True, bound or "after"
    if bound is None and (later := AFTER_DATE.search(text)) is not None and text[: later.start()].strip():
        # '15 January 2018 or later': the date and one bound's words, as 'no earlier than 15 January 2018' is
        text, vague, bound, vague_words = text[: later.start()].strip(), True, later.group(1).lower(), vague_words + 1
        given = f"... {later.group(1)}"
    near = near if vague and not doubted else None  # ('around Christmas 2017?': in doubt, read by its years)
    if bound is None and (not vague or near) and (feast := feast_days.read(text, original, near)):
        return feast  # the whole cell a feast and its year: 'Christmas Eve 2017' is 24 December 2017
    if offsets and bound is None and not footnote and (counted := _from_offset(original, text, vague)) is not None:
        return counted  # 'two weeks after 27 July 1976', 'week of 29 December 2002'
    if bound is None and (offset := OFFSET.search(text)) is not None:  # its date not read alone: the year, a bound
        bound = "before" if sheet_offsets.side_of(offset) < 0 else "after"
        vague, given = True, original  # (its words are not one bound's: the cell as written)
    # (an era's last dot is the era's: '100 B.C. - 100 A.D.' was 100 CE)
    era_dot = text.endswith(".") and (_ERA_BCE.search(text) or _ERA_CE.search(text))
    text = text.strip(" ,;") if era_dot else text.strip(" ,;.")
    kind = "a sort key" if footnote and footnote.startswith("(") else "a footnote's mark"
    said = [f"{original!r}: {footnote!r} ({kind}) is not read as part of the date"] if footnote else []
    if (basic := _BASIC.match(text)) is not None:  # '20200321T100000Z'
        year, month, day, hour, minute, second, zone = basic.groups()
        text = f"{year}-{month}-{day}T{hour}:{minute}" + (f":{second}" if second else "") + (zone or "")
    text = _ZONE_NAMED.sub(r"\1", text)  # JavaScript's '... GMT+0100 (Central European Standard Time)': the offset
    if (leading := _LEADING_TIME.match(text)) is not None:  # '12:00 AM 1/15/2018': the time first
        rest, zone = leading.group(2), _ZONE_LAST.search(leading.group(2))  # (a zone after the day is the time's)
        text = f"{rest[: zone.start()]} {leading.group(1)}{zone.group()}" if zone else f"{rest} {leading.group(1)}"
    if (ctime := _CTIME.match(text)) is not None:  # 'Sat Mar 21 14:00:00 2020': the year last (an offset after it)
        text = f"{ctime.group(1)} {ctime.group(3)} {ctime.group(2)}{ctime.group(4) or ''}"
    if (number_time := _day_then_number(text, original)) is not None:
        number_time.approximate = vague  # ('circa 2018-01-15 2018': its 'circa' was lost, a trial)
        return number_time
    before_clock = text
    if (bracketed := _BRACKETED_TIME.search(text)) is not None:  # '2018-01-15 (06:00)' was the year 2018, unsaid
        # (square brackets, or a word of doubt inside, mark the time uncertain, as '[1914]' does a year: re-trials)
        doubted = doubted or bracketed.group(1) == "[" or bracketed.group(2) is not None
        text, vague = f"{text[: bracketed.start()]} {bracketed.group(3)}", vague or doubted
    clock, text, unread = clock_at_end(text, said)
    text = text.rstrip(" ,;") if clock is not None or unread is not None else text  # ('2018-01-15, 04:00')
    if (clock is not None or unread is not None) and _A_TIME.search(text):  # '08:00 - 18:00', '08:00 or 09:30':
        clock, unread, text = None, None, before_clock  # two times, of a span or alternatives: neither is the date's
    # '2018-01-15 before 04:00': a bound on the time, not a time (it was '~04:00', 'around' it): the day alone
    time_bound = clock is not None and (bounded_time := TIME_BOUND_WORDS.search(text)) is not None
    if time_bound and bounded_time is not None and text[: bounded_time.start()].strip():
        clock, text = None, text[: bounded_time.start()].strip()
    else:
        time_bound = False
    era = 0
    if (era_match := _ERA_BCE.search(text) or _ERA_BCE_LEADING.match(text)) is not None:
        text, era = (text[: era_match.start()] + text[era_match.end() :]).strip(), -1
    elif (era_match := _ERA_CE.search(text)) is not None:
        text, era = (text[: era_match.start()] + text[era_match.end() :]).strip(), 1
    elif len(eras := list(_YEAR_BCE_IN_TEXT.finditer(text))) == 1 and not _INNER_CE.search(text):
        # one year BCE among words ('Hannibal (218 BC)', '336 BC: Alexander becomes king'): was 218 CE
        text, era, vague = (text[: eras[0].start(1)] + text[eras[0].end(1) :]).strip(), -1, True
    separated = False  # '1,950': a number written with thousands separators
    if era > 0 and (across := _ACROSS_ERAS.match(text)) is not None:  # '100 BC - 100 AD'
        vague, era = True, 0
        parsed: Parsed | str | None = span(-int(across.group(1)), int(across.group(2)))
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
        parsed = (_two_years(text) if vague and not era else None) or _exact(text, era)
        if parsed is None and bound is not None and not era and (part := year_parts.read(text)) is not None:
            parsed = replace(part, note=None, said=[])  # ('before Q1/2018' skipped its row: no year read; the bound
            # says the rest, not "some time in it or the whole of it")
        if parsed is None and not era and clock is None and unread is None and bound is None:  # (a time: the end's)
            ranged = date_range(text, _exact)  # two whole dates ('December 2017 - January 2018'): as written
            if isinstance(ranged, str):  # two dates going backwards: which is wrong, the cell does not say
                return ranged
            parsed = ranged
        julian = _JULIAN.search(original) is not None  # (the Julian reader's, not these: a review)
        if parsed is None and not era and not julian and (named := _NAMED_DAY_THEN_WORDS.match(text)) is not None:
            parsed = _day_then_words(named.group(1), named.group(2), original)
        if parsed is None and not era and not julian and (named := _WORDS_OF_DAY.match(original.strip())) is not None:
            parsed = _day_then_words(named.group(2), named.group(1), original)
            vague = vague and (parsed is None or parsed.approximate)  # ('early hours of': where in the day, no doubt)
        parsed = parsed or vague_form(text, era)
    if parsed is None and not era and (day := _DAY_THEN_TIME.match(text) or _OTHER_DAY_THEN_HOUR.match(text)):
        parsed = _exact(day.group(1), era)
        if isinstance(parsed, Parsed):
            parsed.note = _joined(parsed.note, f"the file gives {original!r}: the time after the day is not read")
            parsed.said.append(TIME_UNREAD)
    if parsed is None and not era and (words := _DAY_THEN_WORDS.match(text)) is not None:
        parsed = _day_then_words(words.group(1), words.group(2), original)
        vague = vague or (parsed is not None and parsed.approximate)  # (its note is then the text as written)
    if parsed is None and not era and (among := _day_among_words(text, original)) is not None:
        parsed, vague = among, vague or among.approximate
    if parsed is None:
        parsed = year_in_text(text, era, original)
        vague = True
        if isinstance(parsed, Parsed) and not era and _number_among_words(parsed, text):
            parsed.said.append(NUMBER_AMONG_WORDS)
            year, end = parsed.parts["year"], parsed.end["year"] if parsed.end is not None else None
            parsed.note = (
                f"the number {year} among words read as the year {year}, approximate"
                if end is None
                else f"numbers among words read as the years {year} to {end}, approximate"
            )
    if isinstance(parsed, str):
        return parsed
    parsed.said += said
    if (separated or footnote) and not (vague or parsed.approximate):  # (an approximate date's note is the text)
        parsed.note = _joined(parsed.note, f"the file writes {original!r}")
    if MIDNIGHT in said:  # said with the date too: the file gives a time, which is not kept
        parsed.note = _joined(parsed.note, MIDNIGHT_NOTE)
    # 'before 1900', 'before 1990-1995' may be long before it (not 'since 1945 until 1950', a period's start)
    bounded = ""  # the note's words for the bound (``bounds``): the date is no date of the event, only its bound
    if bound is not None and (parsed.end is None or not _END_WORD.search(text)):
        side = BOUND_WORDS.get(bound) or BOUND_WORDS[bound.split()[0]]
        # only for a date that is all the rest of the text, as written ('before the end of 2018', 'before Easter
        # 2018', 'before or on 15 January', 'before 2018-01-15 04:00' are not: their dates were moved past them)
        plain = strict and vague_words == 1 and clock is None and unread is None and not said
        bound_date, plain_date = bound_parts(parsed.parts), _exact(text, era) == parsed
        beyond = _beyond(parsed, side) if plain and plain_date and _is_day(parsed.parts) else None
        inclusive = "by" if side == "before" else "from"  # ('by 2018': it may be 2018)
        simple = plain_date and vague_words == 1 and unread is None and not said and parsed.end is None
        if beyond is not None:  # 'before 2018' was 2018 (a search for 2018 found it), now 2017
            unit = "day" if "day" in beyond else "month" if "month" in beyond else "year"
            parsed.parts, parsed.note = (
                beyond,
                _joined(parsed.note, f"listed on {_shown(beyond)}, the {unit} {side} it"),
            )
            bounded = bounds.mark(side, bound_date)
        elif simple and clock is not None and "day" in parsed.parts and not parsed.shift:
            # 'before 2018-01-15 04:00' was '~04:00': by that day, its time in the note (the text as written)
            bounded, clock = bounds.mark(inclusive, bound_date), None
        # every other bound's words may include the date ('by', 'until', 'since', 'not before', 'or later',
        # 'ab dem'); not 'na', Dutch 'after' but Portuguese 'in the' ('na 15 de janeiro': that day)
        elif simple and clock is None and bound != "na" and (not strict or not _is_day(parsed.parts)):
            if parsed.pair is not None:  # its day and month wait for the file's order: marked once read
                parsed.bound = inclusive
            else:
                bounded = bounds.mark(inclusive, bound_date)
        elif (
            bound != "na"
            and not parsed.shift
            and not doubted
            and not _JULIAN.search(original)  # (its Gregorian day is another: 25 October 1917 O.S. is in November)
            and parsed.pair is None
            and clock is None  # ('sometime before 15 January 2018 04:00': a bound at a time, as the plain one is)
            and unread is None
            and words_seen.count("bound") == 1  # one bound's words ('since before 2010' is not 'from 2010': a review)
            and "other" not in words_seen
            and (target := bound_target(text, era, parsed, "within" in words_seen, _exact, strict)) is not None
        ):
            # more words than a bound and its date ('by mid-2018', 'sometime before Easter 2018', 'before Q2 2018',
            # 'after early 2018'): a bound on what they name (a user trial found them '~2018', so a search for
            # 2017 missed them); only where every other word places it within the date read (a review: 'by the
            # day after 31 December 2018' is no bound by 2018, nor 'before circa 1900' by 1900)
            (first, last, precise, assumed), parsed.end = target, None
            parsed.note = _joined(parsed.note, assumed) if assumed else parsed.note
            step, edge = (-1, first) if side == "before" else (1, last)  # 'before Q2 2018': before April
            if strict and precise and (moved := shifted(edge, step, step, _unit(edge))) is not None:
                parsed.parts, beyond = moved[0], moved[0]
                parsed.note = _joined(parsed.note, f"listed on {_shown(moved[0])}, the {_unit(moved[0])} {side} it")
                bounded = bounds.mark(side, bound_parts(edge))
            else:  # on its far end, which it may include: 'by 2018' holds 'by mid-2018', 'by Q2 2018' is by June
                parsed.parts = dict(last if side == "before" else first)
                bounded = bounds.mark(inclusive, bound_parts(parsed.parts))
        marked = bool(bounded) or parsed.bound is not None or parsed.shift != 0
        how = "unmarked" if not marked else "beyond" if beyond is not None or parsed.shift else "on"
        parsed.said.append(bound_said(bound, how, given))
    if vague or parsed.approximate:
        # the text as written; and, when it could be read more than one way, how it was read
        parsed.approximate, reading = True, parsed.note
        # a word or mark of doubt, or a reading of free text, is the whole period's: 'c. 1826-31', '1960s-1970s'
        parsed.end_approximate = parsed.end_approximate or vague
        if reading is None:
            parsed.note = original
        else:  # "'1800s' could mean ...", "'c. 1-May-20': two-digit year '20' read as 2020, ..."
            parsed.note = f"'{original}' {reading}" if reading.startswith("could") else f"'{original}': {reading}"
    if bounded:
        parsed.note = _joined(parsed.note, bounded)
    if unread is not None and "day" not in parsed.parts:  # '1990 10:00 EST': no day to keep: read as free text
        parsed.approximate, parsed.note = True, original
    elif unread is not None:
        given, why = unread
        parsed.said.append(ZONE_WORD if why.endswith(NO_OFFSET) else f"the time {given!r} is not used: {why}")
        if not parsed.approximate:  # (an approximate date's note is the text: it quotes the time already)
            parsed.note = _joined(parsed.note, f"the file gives the time {given}, not used: {why}")
    if time_bound and "day" not in parsed.parts:  # ('January 2018 before 04:00' was January 2018, unsaid: a review)
        return f"a time of day ({original!r}) with a date that has no day"
    if time_bound and not parsed.approximate:  # (an approximate one's note is the text)
        given = f"the file gives {original!r}, its time only as a bound, not used: the day alone is read"
        parsed.note = _joined(parsed.note, given)
        parsed.said.append(TIME_BOUND)
    if clock is not None:
        if "day" not in parsed.parts:
            return f"a time of day ({original!r}) with a date that has no day"
        hour, minute, second, parsed.offset, seconds, written = clock
        parsed.parts.update(hour=hour, minute=minute)
        if written:  # for the order within a minute: only where the file gives the seconds ('10:00' gives none)
            parsed.seconds = float(seconds.replace(",", ".")) if seconds else float(second)
        if seconds is None or not 0 <= second <= 59:
            parsed.parts["second"] = second  # whole seconds: said (or refused) by the date reader, as in TimelineJS
        elif not parsed.approximate:  # (an approximate date's note is the text: it quotes them already)
            given = f"the file gives {hour:02d}:{minute:02d}:{seconds}"  # as written: '30.75', not '30.750'
            parsed.note = f"{parsed.note}; {given}" if parsed.note else given
            parsed.said.append("seconds are finer than minute precision: kept in the date's note")
        if WORDS_UNREAD in parsed.said:  # ('15/01/2018 hacia las 06:00': 'the day is kept', of a time: a re-trial)
            parsed.said = [WORDS_UNREAD_TIME if one == WORDS_UNREAD else one for one in parsed.said]
    return parsed


def _without_marks(text: str) -> tuple[str, bool, str | None]:
    """The date without the marks around it, whether one of them states a doubt ('?', '(?)', '[?]', or the
    brackets of a date supplied: '[15 March 2018]'), and a footnote's mark after it ('15 March 2018[1]') or a
    wiki table's sort key before it ('(1848-03-19)19 March 1848'), which is not read."""
    footnote, doubted = None, False
    if (mark := _FOOTNOTE.search(text)) is not None:
        footnote, text = mark.group(), text[: mark.start()].strip()
    elif (key := _SORT_KEY.match(text)) is not None and any(map(str.isdigit, text[key.end() :])):  # a wiki sort key
        footnote, text = key.group(), text[key.end() :].strip()
    if text.endswith(("?", "(?)", "[?]")):
        text, doubted = text.rstrip("?()[] ").strip(), True
    if text.startswith("[") and text.endswith("]") and "[" not in text[1:]:
        text, doubted = text[1:-1].strip(), True
    if text.startswith(("[?]", "(?)", "?")):  # '[?] 25 January 1989'
        text, doubted = text.lstrip("?()[] ").strip(), True
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:]:  # '(12 September 2016)': as written
        text = text[1:-1].strip()
    return text, doubted, footnote


# A number under 1000 among words the reader does not know ('Room 101', 'Boeing 737 crash', 'Battle of Tours
# 732') is read as its year, approximate, as before, and said so: a date trial took '~101' for a date the cell
# gave, its note only the cell ('c. 850', 'spring 850', 'AD 79' are dates as written: not said)
NUMBER_AMONG_WORDS = (
    "a number under 1000 among words read as its year, approximate (no era, month or season beside it): it may be "
    "no date at all ('Room 101', 'Boeing 737-800'); write the year with its era ('732 CE') where it is one"
)
_DATE_WORDS = FILLER | LEADING | NEAR | MONTH_NAMES.keys() | {"c", "ca", "cca", "year", "years", "anno", "año"}
_DATE_WORDS |= frozenset(["spring", "summer", "autumn", "fall", "winter", "primavera", "verano", "otoño", "invierno"])


def _number_among_words(parsed: Parsed, text: str) -> bool:
    """Whether a year (or two: 'Boeing 737-800', 'Rooms 101 and 102') under 1000 was read among words not known."""
    years = [parsed.parts, *([parsed.end] if parsed.end is not None else [])]
    if any(set(parts) != {"year"} or not 0 < parts["year"] < 1000 for parts in years):
        return False
    return any(len(word) > 1 and word.lower() not in _DATE_WORDS for word in TOKENS.findall(text) if not word.isdigit())


def _joined(note: str | None, more: str) -> str:
    return f"{note}; {more}" if note else more


def _exact(text: str, era: int) -> Parsed | str | None:
    """The forms that say exactly what they mean; None when the text is none of them."""
    if _SERIAL_AND_TIME.match(text) and SERIAL_RANGE[0] <= float(text) < SERIAL_RANGE[1] + 1 and not era:
        return _day_and_time(text)
    if _NUMBER.match(text):
        digits = len(text.lstrip("+-").split(".")[0].lstrip("0"))
        if digits > YEAR_DIGITS and not era and not text.startswith("-"):
            basic = digits == 8 and len(text) == 8  # (not '020200321': no basic-format day)
            return _from_number(float(text), text) if digits <= 5 or basic else _not_a_year(digits)
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
    if (week := _WEEK.match(text)) and not era:
        try:
            day = date.fromisocalendar(int(week.group(1)), int(week.group(2)), int(week.group(3)))
        except ValueError:
            return f"{text!r}: {week.group(1)} has no week {week.group(2)}"
        note = f"read as an ISO 8601 week date (day {week.group(3)} of week {week.group(2)} of {week.group(1)})"
        return Parsed({"year": day.year, "month": day.month, "day": day.day}, note=note)
    if (match := _NUMERIC.match(text)) and match.group(2) == "-" and len(match.group(4)) == 2:
        return _numeric(int(match.group(1)), "-", int(match.group(3)), match.group(4), era)  # '5-8-24': no year 5
    if (match := _ISO.match(text)) and match.group(2):
        return _iso(match, era)
    if match := _YMD.match(text):
        parts = {"year": int(match.group(1)), "month": int(match.group(3))}
        dotted = match.group(2) == "." and not match.group(4)  # ('2019.12'; '2019.12.31' is a day)
        if match.group(4):
            parts["day"] = int(match.group(4))
        elif parts["month"] > 12 or parts["month"] == 0:
            return _FRACTION if dotted else None  # '1850/51': a range of years, read as such below
        elif (last := _tail_year(match.group(1), match.group(3))) is not None and not dotted:
            return _years_or_month(parts["year"], parts["month"], last)  # '1810/11': years, as ranges are written
        elif dotted:
            month = f"{MONTHS[parts['month'] - 1]} {parts['year']}"
            return Parsed(parts, note=f"{text!r} {_DOTTED_MONTH.format(f' ({month})')}", said=[_DOTTED_SAID])
        return Parsed(parts)
    if match := _NUMERIC.match(text):
        return _numeric(int(match.group(1)), match.group(2), int(match.group(3)), match.group(4), era)
    if match := _MONTH_YEAR.match(text):
        return Parsed({"year": int(match.group(2)), "month": int(match.group(1))})
    return _named_month(text, era)


def _days_in(year: str) -> int:
    return 366 if calendar.isleap(int(year)) else 365


def _later(year: str, tail: str) -> bool:
    """Whether a tail after a year could be a later year's ('1850,51', '2014,8'), as lists of years are written."""
    return len(tail) <= 2 and int(tail) > int(year) % 10 ** len(tail)


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
    return span(int(match.group(1)), last)


def _iso(match: re.Match[str], era: int) -> Parsed | str | None:
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if len(match.group(1)) <= 2 and not era:  # ('01-03' was March of the year 1, unsaid: a re-trial; a sign says
        return None  # it is a year; ISO writes four digits: this may be a two-digit year's month, or a day and month)
    if (month > 12 or month == 0) and day is None:
        return None  # '1826-31', '1999-00': a range of years, read as such below
    if day is not None and (month == 0 or int(day) == 0):
        return f"{match.group(0)!r} has a month or a day of 0: no date (an empty date cell may be written so)"
    note, said = None, []
    if year < 0:  # ISO 8601 counts years astronomically (0 is 1 BCE): '-0299-05' is May 300 BCE
        year -= 1
        # said: a negative year alone is read as TimelineJS counts it (-299 is 299 BCE), and a file may
        # hold both ('-0044' and '-0044-03-15' were 44 and 45 BCE, the second unsaid)
        note = (
            f"{match.group(0)} read as ISO 8601 counts years: {-year} BCE ({-year - 1} BCE as TimelineJS counts them)"
        )
        said.append(_ISO_BCE)
    parts = {"year": year * (-1 if era < 0 else 1), "month": month}
    if day is not None:
        parts["day"] = int(day)
        return Parsed(parts, note=note, said=said)
    elif not era and (last := _tail_year(match.group(1), match.group(2))) is not None:
        if len(match.group(2)) == 1:  # '2001-2' is no ISO date (ISO writes February 2001 as 2001-02)
            return _years_or_month(year, month, last)
        # '1810-11' is November 1810 in ISO 8601, and the years 1810-1811 as people write ranges
        return Parsed(parts, note=f"could also be the years {year}–{last}: read as ISO year-month")
    return Parsed(parts, note=note, said=said)


_ISO_BCE = (
    "ISO 8601 dates with a negative year read as ISO 8601 counts years (-0299-05-01 is 1 May 300 BCE), one year "
    "earlier than a negative year alone, read as TimelineJS counts them (-299 is 299 BCE)"
)


def _numeric(first: int, separator: str, second: int, year_text: str, era: int = 0) -> Parsed | str:
    # a year with its era is the year written ('03/02/44 BC' is 44 BCE: it was 1944, the era dropped)
    year, said = (int(year_text) * era, []) if era else _full_year(year_text)
    if year == 0:
        return f"{year_text!r} with an era is not a year"
    if first == 0 or second == 0:  # Excel writes an empty date cell as 1/0/1900
        written = separator.join((str(first), str(second), year_text))
        return f"{written!r} has a day or a month of 0: no date (Excel shows an empty date cell as 1/0/1900)"
    if max(first, second) > 31 or min(first, second) > 12:  # ('32/1/1951', '13/13/1951': no day and month either way)
        written = separator.join((str(first), str(second), year_text))
        kept = f"{written!r} is no day and month either way round: the date is kept to the year"
        return Parsed({"year": year}, note=_joined(said[0] if said else None, kept), said=[*said, _NEITHER_WAY])
    # the only reading, if it is a date at all ('1/99/1951' is none either way: it shows no order)
    if first > 12 >= second and first <= days_in_month(year, second):
        order: str | None = "dmy"  # this date shows the order (dots included)
    elif second > 12 >= first and second <= days_in_month(year, first):
        order = "mdy"
    else:
        order = None
    if order is None and min(first, second) <= 12 < max(first, second) <= 31:
        # a day its month does not have ('31/04/2018', '29/02/1900'): its month is the number that can be one, and
        # the day is dropped, said, by the date reader; no order of the file's, and no day either way round (a user
        # trial found them among the dates that 'could be day/month or month/day')
        day, month = max(first, second), min(first, second)
        return Parsed({"year": year, "month": month, "day": day}, said=said, note=said[0] if said else None)
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


# (a date trial: '32/1/1951' was counted among dates that 'could be day/month or month/day')
_NEITHER_WAY = "a date whose day and month can be neither way round (32/1/1951) kept to its year"


def _full_year(text: str) -> tuple[int, list[str]]:
    """A two-digit year as Excel reads it (00-29 are 2000-2029, 30-99 are 1930-1999), said in a warning."""
    if len(text) != 2:
        return int(text), []
    short = int(text)
    year = 2000 + short if short < 30 else 1900 + short
    return year, [f"two-digit year '{text}' read as {year}, as Excel reads it (00-29: 2000s, 30-99: 1900s)"]


def _named_month(text: str, era: int) -> Parsed | str | None:
    if _DOUBT_MARK.search(text):  # 'Sept. 1939? - 1945', '[juillet 2011]': read as free text, approximate
        return None
    tokens = [t for t in TOKENS.findall(_ORDINAL_DAY.sub(r"\1", text)) if t.lower() not in FILLER]
    months = [MONTH_NAMES[t.lower()] for t in tokens if t.lower() in MONTH_NAMES]
    numbers = [t for t in tokens if t.isdecimal()]
    if len(months) != 1 or len(tokens) != len(numbers) + 1 or not 1 <= len(numbers) <= 2:
        return None
    if len(numbers) == 1 and _NAME_NOT_MONTH.search(text):  # 'Augustus, 27 BC', 'Di Maio, 2020': names
        return None
    if len(numbers) == 1:
        if len(numbers[0]) <= 2 and int(numbers[0]) <= 31 and not era:
            if _MONTH_APOSTROPHE_YEAR.search(text):  # "Oct '29": a year, not a day ('has a day and a month...')
                year, said = _full_year(numbers[0])
                return Parsed({"year": year, "month": months[0]}, note=_apostrophe_note(text, year), said=said)
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
    # 'March 1850-55': the years 1850 to 1855, not a day 55 dropped; 'mai 68 - 1970' no day 68 of 1970;
    # 'de 15 a 18 de maio' two days, not 15 May 2018; '2019 - Mar-20' a range, not 20 March 2019
    joined = _NUMBERS_JOINED.search(text) and not _MONTH_DAY_YEAR.fullmatch(text)  # ('Mar-15-2018' is a date)
    if joined or int(min(numbers, key=len)) > 31 or _A_RANGE.search(text):
        return None
    day_text, year_text = numbers if len(numbers[0]) <= 2 else numbers[::-1]
    year, said = _full_year(year_text) if not era else (int(year_text), [])
    parts = {"year": year * (era or 1), "month": months[0], "day": int(day_text)}
    parsed = Parsed(parts, said=said, note=said[0] if said else None)
    _check_weekday(parsed, text)
    return parsed


def _check_weekday(parsed: Parsed, text: str) -> None:
    """A weekday written with the date ('Monday, January 13, 2018') that is not that day's: the date is
    read as written, and the clash said in its note and a warning (the file contradicts itself)."""
    named = [word for word in TOKENS.findall(text) if word.lower() in WEEKDAYS]
    year, month, day = (parsed.parts.get(key) for key in ("year", "month", "day"))
    if len(named) != 1 or year is None or month is None or day is None or not 1 <= year <= 9999:
        return
    try:
        actual = date(year, month, day).weekday()
    except ValueError:  # a day the month does not have: said by the date reader
        return
    said = WEEKDAYS[named[0].lower()]
    if said == actual:
        return
    written = f"{day} {MONTHS[month - 1]} {year}"
    if year > old_style.LAST_JULIAN_YEAR:
        clash = f"the file says {named[0]}, but {written} was a {calendar.day_name[actual]}"
    else:  # (the Julian calendar was still kept somewhere: Hastings' Saturday, 14 October 1066, is right by it)
        julian = old_style.julian_weekday(year, month, day)
        gregorian = f"a {calendar.day_name[actual]} by the Gregorian calendar"
        if said == julian:
            clash = (f"the file says {named[0]}: {written} was a {named[0]} by the Julian calendar, {gregorian}; "
                     "the file may date by the Julian calendar")  # fmt: skip
        else:
            clash = (
                f"the file says {named[0]}, but {written} was {gregorian}, a {calendar.day_name[julian]} by the Julian"
            )
    parsed.note = _joined(parsed.note, f"{clash}: read as the date written")
    parsed.said.append(f"{clash}: the date is read as written, the weekday in its note")
