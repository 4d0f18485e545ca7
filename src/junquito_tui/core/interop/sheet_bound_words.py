"""The words of a date given only as a bound, in a spreadsheet's date cell: which side of its date each puts the event
on ('before', 'no later than', 'à partir du', '... or later'), whether it leaves the date out ('before 2018' is no
time in 2018) or may include it ('by 2018'), and what other words still leave a bound true ('by mid-2018', 'before
Q2 2018') or make it none ('by the day after 31 December 2018'). The reading itself is ``sheet_dates``'s; no Textual
here."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import feast_days, year_parts, year_spans
from .sheet_date_values import Parsed, Parts

# Words that give one side of a date only: the date read is that bound, approximate, the words in its
# note; how far before or after it is not said, so a warning says so.
# By the words' first one ('antes del' is 'antes'): the side of the date they give.
BOUND_WORDS = {
    "before": "before", "after": "after", "by": "before", "until": "before", "antes": "before", "hasta": "before",
    "since": "after", "después": "after", "despues": "after", "desde": "after",  # 'since 1945': for how long, unsaid
    "avant": "before", "jusqu'au": "before", "jusqu'à": "before", "vor": "before", "bis": "before", "até": "before",
    "ate": "before", "prima": "before", "fino": "before", "après": "after", "apres": "after", "depuis": "after",
    "nach": "after", "seit": "after", "depois": "after", "dopo": "after", "prior to": "before",
    "no later than": "before", "not later than": "before", "no earlier than": "after", "not earlier than": "after",
    "not before": "after", "not after": "before", "à": "after", "a": "after", "dès": "after", "au": "before",
    "d'ici": "before", "pas": "after", "non": "after", "no máximo até": "before", "voor": "before", "vóór": "before",
    "na": "after", "niet eerder dan": "after", "niet later dan": "before",
    "ab": "after", "frühestens": "after", "spätestens": "before", "entro": "before", "vanaf": "after", "tot": "before",
    "sinds": "after", "uiterlijk": "before",
    "no sooner than": "after", "on or before": "before", "on or after": "after", "later than": "after",
    "in or before": "before", "in or after": "after",
    **{f"{words}{end}": side for words, side in (("no antes de", "after"), ("no después de", "before"),
       ("no despues de", "before"), ("con posterioridad a", "after"), ("con anterioridad a", "before"))
       for end in ("", "l")},
    **{words: "after" for words in ("nicht vor", "nicht vor dem", "au plus tôt", "au plus tôt le", "au plus tot",
       "au plus tot le")},
    **{words: "before" for words in ("nicht nach", "nicht nach dem", "pas après", "pas après le", "pas apres",
       "pas apres le")},
    "earlier than": "before", "up to": "before", "at the latest": "before", "at the earliest": "after",
    **{words: "after" for words in ("or later", "or after", "o después", "o despues", "o más tarde")},
    **{words: "before" for words in ("or earlier", "or before", "o antes")},
}  # fmt: skip
# The same words after the date ('15 January 2018 or later', '2018 at the latest'): as if before it
AFTER_DATE = re.compile(
    r"\s*,?\s+(or later|or after|or earlier|or before|at the latest|at the earliest|o despu[eé]s|o más tarde|o antes)$",
    re.IGNORECASE,
)


def bound_said(words: str, how: str, given: str | None = None) -> str:
    """The warning for a bound's words; ``how``: 'beyond' (listed on the day, month or year next to the date),
    'on' (listed on the date, or the year or month it is in) or 'unmarked' (read as the date or period it
    names); ``given``: how they stand in the cell, where they follow the date ('... or later')."""
    side = BOUND_WORDS.get(words) or BOUND_WORDS[words.split()[0]]
    said = f"a date given as '{given or words + ' ...'}'"
    unsaid = f"the file does not say how long {side} it"
    if how == "unmarked":  # (a user trial: 'read as that date' was said of dates read as their year)
        return f"{said} is read as the date or period it names, approximate (its note keeps the words): {unsaid}"
    listed = (
        f"the nearest year, month or day {side} it" if how == "beyond" else "that date (or the month or year it is in)"
    )
    return f"{said} is shown as a bound, listed on {listed}: {unsaid}"


# The words of a bound that leaves its date out ('before 2018' is no time in 2018): read as the year, month or
# day next to it, on its side; 'until', 'by', 'since' may include it.
STRICT = frozenset(
    {"before", "after", "prior to", "antes", "después", "despues", "avant", "après", "apres", "vor", "nach"}
    | {"depois", "dopo", "prima", "voor", "vóór", "later than", "earlier than"}  # (not Dutch 'na': Portuguese 'na'
    # is 'in the')
    | {"con posterioridad a", "con posterioridad al", "con anterioridad a", "con anterioridad al"}
)


# An end cell saying the period runs to the time the file was written ('present', 'ongoing', 'hasta hoy')
PRESENT_ALONE = re.compile(
    r"^(?:(?:the\s+)?present(?:\s+day)?|now|today|to date|ongoing|current(?:ly)?|continuing|(?:la\s+)?actualidad|"
    r"(?:el\s+)?presente|(?:hasta\s+)?hoy|en curso|(?:à\s+)?nos jours|aujourd'hui|en cours|(?:bis\s+)?heute|"
    r"andauernd|hoje|o presente|oggi|in corso)\.?$",
    re.IGNORECASE,
)
ONGOING = (
    "an end given as 'present' (or 'ongoing', 'hasta hoy'...): the period is shown as ongoing, its end a bound "
    "from its start on (the file gives no end)"
)
ONGOING_WORDS = " (ongoing)"  # in the end's note, after the cell: ``dates.until`` says 'ongoing'


def ongoing_unused(cell: str) -> str:
    """What the start's note says of an end of 'present' not used (a re-trial: the warning alone said it)."""
    return f"the file gives the end {cell.strip()!r}: not used, as no one day the period runs on from is known"


ONGOING_UNUSED = (
    "an end given as 'present' (or 'ongoing', 'hasta hoy'...) after a start given only about, as a bound or as a "
    "period of its own: no one day it runs on from is known, so the end is not used (the start alone is shown)"
)


def says_present(text: str) -> bool:
    """Whether an end cell says only that the period runs to the present ('present', 'en curso')."""
    return PRESENT_ALONE.match(text.strip()) is not None


# A day, then a bound on its time ('2018-01-15 before 04:00', '15/01/2018 después de las 10:00')
TIME_BOUND_WORDS = re.compile(
    r"[\s,;]+(before|after|by|until|till|not before|not after|no later than|no earlier than|from|since|"
    r"antes de las?|despu[eé]s de las?|hasta las?|desde las?|avant|apr[eè]s|jusqu'à|vor|nach|bis|ab)$",
    re.IGNORECASE,
)
TIME_BOUND = (
    "a day, then a time given only as a bound ('2018-01-15 before 04:00'): the day is read, the time is not used "
    "(its words are in the date's note)"
)
# Words before a date that place it within the year, month or day read, or say nothing of it ('sometime before
# mid-2018'): a bound's words with them still give a bound on that date (``_bound_target``)
WITHIN = dict.fromkeys(("the", "el", "sometime", "some time", "sometime in", "some time in"), "filler")
WITHIN |= dict.fromkeys(("mid-", "mid", "early", "late"), "within")
# ... and the words after them that do: a part of the date read, a quarter, a feast
_PART_OF = re.compile(
    r"^(?:the\s+)?(?:(?:very\s+)?(?:end|start|beginning|middle|first half|second half)\s+of\s+(?:the\s+)?(?:year\s+)?)",
    re.IGNORECASE,
)
# Units of time in the plural, a distance not said but more than none ('weeks after', 'meses antes')
UNITS = re.compile(
    r"\b(?:days|weeks|months|years|decades|d[ií]as|semanas|meses|años|anos|jours|semaines|mois|ans|années|Tage|Wochen|"
    r"Monate|Jahre|giorni|settimane|mesi|anni)\b",
    re.IGNORECASE,
)
EITHER_SIDE = re.compile(r"\b(?:or|and|o|y|ou|et|oder|und|e|ou)\b", re.IGNORECASE)  # 'before or after'
_YEARS = re.compile(r"\d{3,4}'?s|\d{3,4}\s*[-–—]\s*\d{3,4}")  # a decade, years from one to another, written whole
_SHORT_RANGE = re.compile(r"\d{3,4}\s*[-–—/]\s*\d{1,2}")  # '2010-11' (ISO's November, or two years), '2017/18'
_CENTURY = re.compile(r"\d{1,2}(?:st|nd|rd|th)\s+century", re.IGNORECASE)


def bound_target(
    text: str,
    era: int,
    parsed: Parsed,
    placing: bool,
    exact: Callable[[str, int], Parsed | str | None],
    strict: bool = False,
) -> tuple[Parts, Parts, bool, str] | None:
    """What a bound's words with others name, the words after the bound's (``text``), as the first and last
    parts of it, whether that is all of it (a quarter, a period of years, the date alone: 'before Q2 2018' is
    before April) or a part of the date read, said by words not read here ('the end of 2018'; 'mid-2018', taken
    off before: ``placing``), and what the reading assumed, for the note: None where any word may take it out
    of the date read ('the day after 31 December 2018', 'winter 2018', 'circa 1900', 'at least', 'or after')."""
    within = _PART_OF.match(text)
    rest = text[within.end() :].strip() if within else text.strip()
    precise = within is None and not placing
    # a quarter or a half, however spelt ('Q2 2018', '2Q 2018', 'the second quarter of 2018', 'H1 2018': a review found
    # all but the first read as the year, ~2018, of what is before it); no quarter BCE ('the first half of 2018' is
    # the half, not words placing a date in 2018)
    part = None if era else year_parts.read(text.strip())
    if part is not None and part.end:
        return part.parts, part.end, not placing, ""
    # a week or a fiscal year, whose readings differ ('2018-W01', 'FY2018'): 'before' is before the latest day any
    # reading starts on, 'after' after the earliest any ends on (a user trial: on the held months' far end, 'before
    # 2018-W02' was 'by 14 Jan 2018', found by date:2018-01-10); 'by' and 'since' by or from the held months' ends
    held = None if era or within else year_spans.read(rest)
    if held is not None and held.end is not None and (inside := year_spans.inner(rest)) is not None:
        read = (held.note or "").split("': ", 1)[-1]
        return (*inside, not placing, read) if strict else (held.parts, held.end, False, read)
    if (feast := feast_days.read(rest, rest)) is not None and "day" in feast.parts and not within:
        # (not all of it: 'Easter' is read as Good Friday to Easter Monday, and 'before Easter' may be its Saturday;
        # the note says which days were read, the Western Church's: a review)
        read = (feast.note or "").split("': ", 1)[-1] if (feast.note or "").startswith("'") else feast.note or ""
        return feast.parts, feast.end or feast.parts, False, read  # ('Easter is Good Friday to Easter Monday ...')
    # 'before the 1990s': before 1990 (it was the 1990s, found by date:1995: a re-trial); not a reading in doubt
    # ('the 1800s' could be the decade or the century), nor '2010-11' (ISO's November 2010) or '2017/18' (a season,
    # a fiscal year), nor the edges of a century, which are counted two ways: by or from it (a review)
    if parsed.end is not None and not within:
        doubt = "could" in (parsed.note or "")  # ('the 1800s': the decade or the century; held by the wider reading)
        if _YEARS.fullmatch(rest) and not doubt:
            return parsed.parts, parsed.end, precise, ""
        if _CENTURY.fullmatch(rest) or _SHORT_RANGE.fullmatch(rest) or (doubt and _YEARS.fullmatch(rest)):
            return parsed.parts, parsed.end, False, ""  # by or from its far end, which every reading holds
    alone = exact(rest, era)  # (``sheet_dates``'s reader of a date alone)
    if (
        isinstance(alone, Parsed)
        and (alone.parts, alone.end, parsed.end) == (parsed.parts, None, None)
        and "hour" not in alone.parts
    ):
        return alone.parts, alone.parts, precise and not alone.approximate, ""
    return None
