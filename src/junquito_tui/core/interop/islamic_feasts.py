"""Feasts of the Islamic calendar named with a Gregorian year: 'Ramadan 2017' is late May to late June 2017,
where its year alone was read before. Their days follow the sighting of the new moon, which puts them a
day or two apart from one country to another, so only their months are claimed: those of the days the
tabular Islamic calendar gives (``convertdate``), ``SIGHTING_DAYS`` either side. The Islamic year is
eleven days shorter than the Gregorian: a Gregorian year may hold two Ramadans ('Ramadan 1997': January,
and from 31 December; the reading holds both), and one may run into the next year ('Ramadan 1999' ended
in January 2000, which its year alone missed). Up to 1752 the days as the Julian calendar numbers them
are held too, as ``feast_days`` holds the Julian Easter.
"""

from __future__ import annotations

import re

from .lazy_pattern import lazy
from .near_words import NEAR_DAYS, NEAR_PATTERN
from .sheet_date_values import Parsed

# Umm al-Qura's days (1343-1500 AH) fall 2 days before to 1 after the tabular ones; local sightings later
SIGHTING_DAYS = 3
_FIRST_HIJRI_YEAR = 1  # (from July 622: no Ramadan before 623)
_LAST_JULIAN_YEAR = 1752  # as ``feast_days.LAST_JULIAN_YEAR`` (not imported: that module imports this one)

# Years a feast of the Islamic calendar is written with in that calendar today (1438 AH began in 2016): read
# as Gregorian years, but said, and not made months of
HIJRI_YEARS = (1300, 1500)
_EID = r"(?:eid|e[iï]d|a[iï]d|'?id|idul|idd)[\s-]?(?:al|ul|el|e|ol)?[\s-]?"
# label -> (first day, last day) in the Islamic year (month, day), and its names
FEASTS: dict[str, tuple[tuple[int, int], tuple[int, int], str]] = {
    "the Islamic calendar's ninth month": (
        (9, 1), (9, 30), "ramadan|ramadhan|ramazan|ramadán|ramadã|ramadão|ramzan|ramadam",
    ),
    "the first three days of the Islamic calendar's tenth month": (
        (10, 1), (10, 3), rf"{_EID}fitr|zuckerfest|ramazan bayramı|şeker bayramı|hari raya aidilfitri|"
        r"hari raya puasa|lebaran|idul fitri|korité",
    ),
    "the 10th to 13th days of the Islamic calendar's twelfth month": (
        (12, 10), (12, 13), rf"{_EID}adha|{_EID}kebir|{_EID}kébir|aïd el-kébir|tabaski|kurban bayramı|bakrid|"
        r"bakri eid|opferfest|fiesta del cordero|hari raya haji|idul adha",
    ),
    "the first day of the Islamic calendar's year": (
        (1, 1), (1, 1), r"islamic new year|hijri new year|muharram new year",
    ),
    "the 10th day of the Islamic calendar's first month": ((1, 10), (1, 10), r"ashura|ashoura|achoura|aschura"),
}  # fmt: skip
# The other months, as transliterated ('Rajab 2018' was the year 2018; '10 Dhu al-Hijjah 1438' the year 1438, unsaid).
# Not the Turkish spellings that are names too ('Recep', 'Şaban', 'Sefer'). Thirty days each: a month of 29 days
# ends a day sooner, within the margin.
_AL = r"(?:[\s'’-]*(?:al|ul|el|il|as|ath|at|ar)?[\s'’-]*)"
MONTHS = {
    "the Islamic calendar's first month": (1, "muharram|moharram|muharam"),
    "the Islamic calendar's second month": (2, "safar"),
    "the Islamic calendar's third month": (3, rf"rabi['’]?{_AL}(?:awwal|awal|i\b)"),
    "the Islamic calendar's fourth month": (4, rf"rabi['’]?{_AL}(?:thani|th[aā]n[iī]|akhir|akhar|ii\b)"),
    "the Islamic calendar's fifth month": (5, rf"jumad[ai]{_AL}(?:awwal|awal|ula|oola|i\b)"),
    "the Islamic calendar's sixth month": (6, rf"jumad[ai]{_AL}(?:thani|akhirah|akhira|akhir|ii\b)"),
    "the Islamic calendar's seventh month": (7, "rajab"),
    "the Islamic calendar's eighth month": (8, "sha['’]?aban|sha['’]?ban"),
    "the Islamic calendar's tenth month": (10, "shawwal|shawal|syawal"),
    "the Islamic calendar's eleventh month": (11, rf"dhu{_AL}q[ai]['’]?dah?|dhul[\s-]?q[ai]['’]?dah?|zulkaidah"),
    "the Islamic calendar's twelfth month": (12, rf"dhu{_AL}hijjah?|dhul[\s-]?hijjah?|zulhijjah"),
}
FEAST_NAMES = [names for _, _, names in FEASTS.values()]  # (Ramadan's among them)
for _label, (_month, _names) in MONTHS.items():
    FEASTS[_label] = ((_month, 1), (_month, 30), _names)
WHOLE_MONTHS = {*MONTHS, "the Islamic calendar's ninth month"}  # (a day may be written with them)
MONTH_NAMES = [FEASTS[label][2] for label in WHOLE_MONTHS]
NAMES = [names for _, _, names in FEASTS.values()]
_ANY = lazy(rf"(?<![^\W\d_])(?:{'|'.join(NAMES)})(?![^\W\d_])", re.IGNORECASE)


# A year of the Islamic calendar, written so ('1438 AH', '1438 A.H.', '1438 هـ', 'AH 1438'; not '1438 H', which
# may be a time, '1800 h'), with a feast before it or none ('Ramadan 1438 AH'); words of nearness before it ('c.')
_HIJRI = lazy(
    rf"^(?:(?P<near>{NEAR_PATTERN})\s+)?(?:(?P<name>{'|'.join(NAMES)})\s+(?:(?:of|de|del)\s+)?)?"
    r"(?:(?P<lead>AH|A\.\s?H\.)\s*(?P<first>\d{1,4})|(?P<year>\d{1,4})\s*(?:AH|A\.\s?H\.?|هـ|ه))$",
    re.IGNORECASE,
)


# The same among other words ('Battle, 1438 AH', 'before AH 1438', '1438-1440 AH'): 'AH' in capitals there
# ('ah' is a word), a range's first year taking the mark of its last
_HIJRI_WITHIN = lazy(
    r"(?<![\w.])(?:(?:AH|A\.\s?H\.)\s*(?P<first>\d{3,4})(?![\d:])"
    r"|(?:(?P<from>\d{3,4})\s*[-–]\s*)?(?P<year>\d{2,4})\s*(?:AH|A\.\s?H\.?|هـ|ه)(?![^\W\d_])(?!\.?\s?ش))"
)  # (three digits at least, not a time after it: 'AH-64 Apache', 'AH 10:00'; not 'ه.ش', the Solar Hijri's mark)


def hijri(text: str, original: str) -> Parsed | None:
    """A cell dated in the Islamic calendar ('1438 AH': October 2016 to September 2017; 'Ramadan 1438 AH':
    May to June 2017), by its months, as the feasts are; None where it is no such cell. Its year was read as
    the Gregorian year written (1438)."""
    low = text.strip().lower().rstrip(". ")
    if not low.endswith(("ah", "a.h", "هـ", "ه")) and not low.startswith(("ah", "a.h")):  # (most cells: no pattern)
        return _within(text, original) if "AH" in text or "A." in text or "ه" in text else None
    found = _HIJRI.match(text.strip())
    if found is None:
        return _within(text, original)
    if (year := int(found.group("first") or found.group("year"))) < _FIRST_HIJRI_YEAR:
        return None
    from convertdate import gregorian, islamic

    name = found.group("name")
    label = label_of(name) if name else None
    (first_month, first_day), (last_month, last_day), _ = FEASTS[label] if label else ((1, 1), (12, 29), "")
    first = islamic.to_jd(year, first_month, first_day)
    last = islamic.to_jd(year + 1, 1, 1) - 1 if label is None else islamic.to_jd(year, last_month, last_day)
    margin = SIGHTING_DAYS + (NEAR_DAYS if found.group("near") else 0)
    start, end = _written(first - margin, last + margin, gregorian.from_jd(first)[0])  # (Julian days to 1752)
    what = f"{name} is {label} of the year {year}" if label else f"the Islamic calendar's year {year}"
    note = (
        f"'{original}': {what}, {shown(gregorian.from_jd(first), gregorian.from_jd(last))} by the tabular Islamic "
        "calendar; its months follow the sighting of the new moon, a day or two apart from country to country, so "
        "only the Gregorian months are read"
    )
    if found.group("near"):
        note += f"; '{found.group('near')}' read as within two weeks of it"
    months = {"year": start[0], "month": start[1]}, {"year": end[0], "month": end[1]}
    until = months[1] if months[1] != months[0] else None
    return Parsed(months[0], approximate=True, note=note, end=until, end_approximate=True)


def _within(text: str, original: str) -> Parsed | None:
    """A cell naming years of the Islamic calendar among words not read with them ('Battle, 1438 AH'):
    every month of those years held, from the first's to the last's, said. Its years were read as
    Gregorian years (1438)."""
    years = []
    for found in _HIJRI_WITHIN.finditer(text):
        last = found.group("first") or found.group("year")
        if (written := found.group("from")) is not None:  # a range: '1438-1440 AH', '1438-40 AH' (its end's digits)
            if int(last) < int(written) and len(last) < len(written):
                last = written[: -len(last)] + last
            years.append(int(written))
        years.append(int(last))
    if not years or min(years) < 100:  # ('Report No. 2 AH')
        return None
    from convertdate import gregorian, islamic

    low, high = min(years), max(years)
    first, last = islamic.to_jd(low, 1, 1), islamic.to_jd(high + 1, 1, 1) - 1
    start, end = _written(first - SIGHTING_DAYS, last + SIGHTING_DAYS, gregorian.from_jd(first)[0])
    what = f"the Islamic calendar's year {low}" if low == high else f"the Islamic calendar's years {low} to {high}"
    others = any(map(str.isalnum, _HIJRI_WITHIN.sub("", text)))
    note = f"'{original}': {what}, {shown(gregorian.from_jd(first), gregorian.from_jd(last))} by the tabular Islamic "
    note += (
        f"calendar; the cell's other words are not read with {'it' if low == high else 'them'}, so every Gregorian "
        "month of it is held"
        if others
        else "calendar; its months follow the sighting of the new moon, so only the Gregorian months are read"
    )
    return Parsed(
        {"year": start[0], "month": start[1]}, approximate=True, note=note,
        end={"year": end[0], "month": end[1]}, end_approximate=True,
    )  # fmt: skip


def label_of(name: str) -> str | None:
    """The feast ``name`` (as matched by one of ``NAMES``) is, or None."""
    return next((label for label, (_, _, names) in FEASTS.items() if re.fullmatch(names, name, re.IGNORECASE)), None)


Day = tuple[int, int, int]  # (year, month, day) in the Gregorian calendar, past 9999 too


def days(label: str, year: int, margin: int = SIGHTING_DAYS) -> list[tuple[Day, Day]]:
    """The first and last days of each of the feast's occurrences that touch the Gregorian ``year`` once
    ``margin`` days are added either side, with them, in the Gregorian calendar (to 1752 the first as the
    Julian calendar numbers it, where that is earlier); none before the first Islamic year."""
    return [_written(first - margin, last + margin, year) for first, last in _occurrences(label, year, margin)]


def reach(text: str, year: int, margin: int = SIGHTING_DAYS) -> tuple[int, int]:
    """The years before and after ``year`` that the days of an Islamic feast the text names reach, 1 or 0
    each ('Ramadan 1999': (0, 1), its last days in January 2000), as ``month_narrowing.new_year_reach``
    gives them for Christmas; (0, 0) where it names none."""
    if year < 1 or (named := _ANY.search(text)) is None or (label := label_of(named.group())) is None:
        return 0, 0
    found = days(label, year, margin)
    return int(any(first[0] < year for first, _ in found)), int(any(last[0] > year for _, last in found))


# Said of a cell read so, as well as noted
HIJRI_SAID = (
    "a year from 1300 to 1500 with a month or feast of the Islamic calendar may be that calendar's own ('Ramadan "
    "1438' is as often 1438 AH, 2017): read as the Gregorian year, no month claimed; write 'AH' after an Islamic "
    "year to have it read as one"
)


def maybe_hijri(year: int) -> str:
    """What a note says of a year in ``HIJRI_YEARS``: which Gregorian years it is as an Islamic one."""
    from convertdate import gregorian, islamic

    first, last = islamic.to_gregorian(year, 1, 1)[0], gregorian.from_jd(islamic.to_jd(year + 1, 1, 1) - 1)[0]
    return (
        f"may be a year of the Islamic calendar ({year} AH is {first} to {last}, by the tabular calendar): read as "
        f"the Gregorian year {year}, no month claimed"
    )


def tabular(label: str, year: int) -> str:
    """The feast's days in ``year`` by the tabular calendar, in the Gregorian, for a note: '27 May to 25 June
    2017'; two where the year holds two ('... and 31 December 1997 to 29 January 1998')."""
    from convertdate import gregorian

    found = _occurrences(label, year, SIGHTING_DAYS)
    return " and ".join(shown(gregorian.from_jd(first), gregorian.from_jd(last)) for first, last in found)


def _occurrences(label: str, year: int, margin: int) -> list[tuple[float, float]]:
    """Julian day numbers of the first and last days of each occurrence touching ``year`` within ``margin``."""
    from convertdate import gregorian, islamic, julian  # (15 ms: only for a cell that names such a feast)

    (first_month, first_day), (last_month, last_day), _ = FEASTS[label]
    start, end = gregorian.to_jd(year, 1, 1), gregorian.to_jd(year, 12, 31)
    if year <= _LAST_JULIAN_YEAR:  # the year as the Julian calendar numbers it too, which ends days later
        end = max(end, julian.to_jd(year, 12, 31))
    found = []
    for hijri in range(max(_FIRST_HIJRI_YEAR, islamic.from_jd(start)[0] - 1), islamic.from_jd(end)[0] + 2):
        first, last = islamic.to_jd(hijri, first_month, first_day), islamic.to_jd(hijri, last_month, last_day)
        if last + margin >= start and first - margin <= end:
            found.append((first, last))
    return found


def _written(first: float, last: float, year: int) -> tuple[Day, Day]:
    from convertdate import gregorian, julian

    written = gregorian.from_jd(first)
    if year <= _LAST_JULIAN_YEAR:  # (the Julian calendar's numbers lag the Gregorian's: the earlier)
        written = min(written, julian.from_jd(first))
    return written, gregorian.from_jd(last)


def shown(first: Day, last: Day) -> str:
    """'27 May to 25 June 2017', '3 October 2016 to 21 September 2017': a span of days for a note."""
    from ..dates import MONTHS

    if first == last:
        return f"{first[2]} {MONTHS[first[1] - 1]} {first[0]}"
    one = f"{first[2]} {MONTHS[first[1] - 1]}" + (f" {first[0]}" if first[0] != last[0] else "")
    return f"{one} to {last[2]} {MONTHS[last[1] - 1]} {last[0]}"
