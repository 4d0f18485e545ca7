"""Feasts named with their year: 'Christmas Eve 2017' is 24 December 2017, 'New Year's Eve 1999' 31 December
1999, 'Good Friday 2018' 30 March 2018, two days before that year's Easter (each was its whole year).
Approximate, the note saying which day the feast is: the reading is an inference, and an event 'on
Christmas Eve' may run into the night. Feasts that move with Easter are counted from the Western
(Gregorian) Easter, from 1583, when that calendar began; to 1752 from the Julian Easter too, which England
and much of Protestant Europe still kept (the reading holds both). A feast whose day differs by church or country
(Orthodox Easter, Independence Day, Labour Day in the United States) is not read here: its year stays the
reading. The feasts of the Islamic calendar ('Ramadan 2017') are read by their months (``islamic_feasts``).
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from ..dates import MONTHS
from . import islamic_feasts
from .lazy_pattern import lazy
from .near_words import NEAR_DAYS, NEAR_PATTERN
from .sheet_date_values import Parsed

_EPIPHANY = "6 January, or the Sunday from 2 to 8 January where the feast is kept then"
# name -> (first day, last day), each (years from the year written, month, day)
_ON = {
    "24 December": ((0, 12, 24), (0, 12, 24)),
    "25 December": ((0, 12, 25), (0, 12, 25)),
    "24 to 26 December": ((0, 12, 24), (0, 12, 26)),
    "26 December": ((0, 12, 26), (0, 12, 26)),
    "31 December": ((0, 12, 31), (0, 12, 31)),
    "1 January": ((0, 1, 1), (0, 1, 1)),
    "the night of 31 December to 1 January": ((-1, 12, 31), (0, 1, 1)),
    "6 January": ((0, 1, 6), (0, 1, 6)),
    _EPIPHANY: ((0, 1, 6), (0, 1, 6)),  # (and its Sunday, found in ``read``)
    "14 February": ((0, 2, 14), (0, 2, 14)),
    "1 May": ((0, 5, 1), (0, 5, 1)),
    "4 July": ((0, 7, 4), (0, 7, 4)),
    "14 July": ((0, 7, 14), (0, 7, 14)),
    "31 October": ((0, 10, 31), (0, 10, 31)),
    "1 November": ((0, 11, 1), (0, 11, 1)),
    "2 November": ((0, 11, 2), (0, 11, 2)),
    "11 November": ((0, 11, 11), (0, 11, 11)),
}
_FEASTS = {
    "24 December": "christmas eve|nochebuena|heiligabend|heiliger abend|vigilia di natale|véspera de natal|"
    "veille de noël|réveillon de noël",
    "25 December": "christmas day|día de navidad|jour de noël|erster weihnachtstag|giorno di natale|dia de natal",
    "24 to 26 December": "christmas|xmas|noël|noel|navidad|weihnachten|natale|natal",
    "26 December": "boxing day|st\\.? stephen'?s day|saint stephen'?s day|santo stefano|stephanstag|"
    "zweiter weihnachtstag",
    "31 December": "new year'?s eve|nochevieja|saint-sylvestre|silvester|san silvestro|véspera de ano novo",
    "1 January": "new year'?s day|jour de l'an|día de año nuevo|neujahrstag|dia de ano novo",
    "the night of 31 December to 1 January": "new year|nouvel an|año nuevo|ano nuevo|neujahr|capodanno|ano novo",
    # (the Church in France, the United States and other countries keeps it on the Sunday from 2 to 8 January)
    _EPIPHANY: "epiphany|épiphanie|epiphanie|epifanía|epifania",
    "6 January": "día de reyes|dreikönigstag|dia de reis",
    "14 February": "valentine'?s day|saint-valentin|san valentín|valentinstag|san valentino",
    "1 May": "may day|fête du travail|día del trabajador|tag der arbeit|festa dei lavoratori|dia do trabalhador",
    "4 July": "fourth of july",
    "14 July": "bastille day",
    "31 October": "halloween",
    "1 November": "all saints'? day|toussaint|todos los santos|allerheiligen|ognissanti|dia de todos os santos",
    "2 November": "all souls'? day|allerseelen|jour des morts|dia de finados|día de los fieles difuntos",
    "11 November": "armistice day|jour de l'armistice",
}
LAST_JULIAN_YEAR = 1752  # England's last year on the Julian calendar (Catholic Europe left it from 1582)
# A feast, then its year right after it ('Christmas Eve 2017', 'Noël 1914', "New Year's Eve, 1999", 'la
# Nochevieja de 2018'), the feast's words whole (not 'Christmas Eve' of 'Christmas Evening')
# Feasts that move with Easter: days from Easter Sunday, first and last ('Holy Week': Palm Sunday to Easter)
_EASTER = {
    "the week before Easter": ((-7, 0), "holy week|semana santa|semaine sainte|karwoche|settimana santa"),
    "7 days before Easter": ((-7, -7), "palm sunday|domingo de ramos|dimanche des rameaux|palmsonntag|"
                             "domenica delle palme"),
    "the day before Easter": ((-1, -1), "holy saturday|sábado santo|samedi saint|karsamstag|sabato santo|"
                                 "sábado de aleluia"),
    # (not 'Holy Thursday' in English: the Book of Common Prayer's Ascension Day)
    "3 days before Easter": ((-3, -3), "maundy thursday|jueves santo|jeudi saint|gründonnerstag|"
                             "giovedì santo|quinta-feira santa"),
    "2 days before Easter": ((-2, -2), "good friday|viernes santo|vendredi saint|karfreitag|venerdì santo|"
                             "venerdi santo|sexta-feira santa"),
    "Easter itself": ((0, 0), "easter sunday|easter day|domingo de pascua|domingo de resurrección|dimanche de pâques|"
                      "ostersonntag|domenica di pasqua|domingo de páscoa"),
    "Good Friday to Easter Monday": ((-2, 1), "easter|pâques|paques|ostern|pasqua|páscoa|pascoa"),
    "the day after Easter": ((1, 1), "easter monday|lundi de pâques|ostermontag|lunedì dell'angelo|pasquetta"),
    # (Ascension and Corpus Christi are kept on the Sunday after in some countries and dioceses)
    "39 days after Easter, or the Sunday after": ((39, 42), "ascension day|ascension|ascensión|"
                                                  "christi himmelfahrt|himmelfahrt|ascensione|ascensão"),
    "49 days after Easter": ((49, 49), "pentecost sunday|whit sunday|whitsunday|pfingstsonntag"),
    # (Pentecost, as Easter, names its Monday too: a holiday in much of Europe)
    "49 and 50 days after Easter, its Sunday and Monday": ((49, 50), "pentecost|pentecote|pentecostes|whitsun|"
                                                           "pentecôte|pfingsten|pentecostés|pentecoste"),
    "50 days after Easter": ((50, 50), "whit monday|lundi de pentecôte|pfingstmontag"),
    "60 days after Easter, or the Sunday after": ((60, 63), "corpus christi|fronleichnam|fête-dieu"),
    "46 days before Easter": ((-46, -46), "ash wednesday|mercredi des cendres|aschermittwoch|miércoles de ceniza|"
                              "mercoledì delle ceneri|quarta-feira de cinzas"),
    "47 days before Easter": ((-47, -47), "shrove tuesday|fat tuesday|pancake day|martes de carnaval|"
                              "martedì grasso|terça-feira de carnaval"),
    # (Mardi Gras names a season too, its parades in the two weeks to Shrove Tuesday)
    "Shrove Tuesday or the two weeks to it": ((-61, -47), "mardi gras"),
    "the week before Ash Wednesday": ((-52, -46), "carnival|carnaval|karneval|carnevale|fasching|fastnacht"),
    "Ash Wednesday to Holy Saturday": ((-46, -1), "lent|carême|cuaresma|fastenzeit|quaresima|quaresma"),
}  # fmt: skip
_NAMES = [*_FEASTS.values(), *(names for _, names in _EASTER.values()), *islamic_feasts.FEAST_NAMES]
# The whole cell: a feast and its year, a few words before it at most ('on', 'la', 'am'), a mark after it; not
# 'Orthodox Easter 2018', 'Chinese New Year 2020', 'Monday of Pentecost', 'Christmas to New Year 2017', 'Money
# lent 1998', 'Halloween 1978 (film)', 'probably Easter 2018': their year, as before
# (not 'na', which is 'after' in Dutch: 'na Allerheiligen 1944')
_BEFORE = r"(?:(?:on|at|the|la|le|l'|el|der|die|das|am|im|il|lo|o|a|au|en|in|à|al|del|de|du|des|zu|zum|zur|no)\s+)*"
_FEAST_YEAR = lazy(
    rf"^(?:(?P<near>{NEAR_PATTERN})(?:\s+|(?<=[~≈±])))?"  # (a mark may touch the feast: '~Noël 2017')
    rf"{_BEFORE}(?P<name>{'|'.join(sorted(_NAMES, key=len, reverse=True))})"
    r"(?:,?\s+(?:of|de|del|di|do|von|du)?\s*|,\s*)(?P<year>[1-9]\d{3})[\s.!]*$",
    re.IGNORECASE,
)
# A month of the Islamic calendar, a day of it written or not ('Rajab 2018', '15 Ramadan 2017', 'Ramadan 15, 2017'):
# apart, as a day before the name cost every other cell 4 µs in the pattern above
_ISLAMIC_MONTH = lazy(
    rf"^(?:(?P<near>{NEAR_PATTERN})(?:\s+|(?<=[~≈±])))?{_BEFORE}(?:(?P<day>[1-9]|[12]\d|30)(?:st|nd|rd|th)?\s+)?"
    rf"(?P<name>{'|'.join(sorted(islamic_feasts.MONTH_NAMES, key=len, reverse=True))})"
    r"(?:\s+(?P<later_day>[1-9]|[12]\d|30)(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?:of|de|del|di|do|von|du)?\s*|,\s*)(?P<year>[1-9]\d{3})[\s.!]*$",
    re.IGNORECASE,
)


_ISLAMIC_STEMS = ("muhar", "mohar", "safar", "rabi", "jumad", "rajab", "sha", "syaw", "dhu", "zul", "rama")


def read(text: str, original: str, near: str | None = None) -> Parsed | None:
    """The feast's day or days in the year written after it, where ``text`` names one feast with its year
    and no other date; None otherwise. ``near``: the words before it that put the event near the feast
    ('around', 'circa'; or those the text begins with: 'roughly'), not on it: then the months from two
    weeks before it to two weeks after ('around Christmas 2017' is December 2017 to January 2018: its
    year alone missed the first days of January)."""
    written = re.sub(r"[’‘´`]", "'", text.strip())
    feast = _FEAST_YEAR.match(written)
    if feast is None and any(stem in written.lower() for stem in _ISLAMIC_STEMS):  # (4 µs where none is)
        feast = _ISLAMIC_MONTH.match(written)
    if feast is None:
        return None
    name, year = feast.group("name"), int(feast.group("year"))  # (not lowered: 'CHRİSTMAS' would be two letters more)
    near = " ".join(word for word in (near, feast.group("near")) if word) or None  # ('ca. um Weihnachten')
    if (moving := next((label for label, (_, names) in _EASTER.items() if _whole(names, name)), None)) is not None:
        if year < 1583:  # (before the Gregorian calendar: its Easter is not this one)
            return None
        sunday, (before, after) = easter(year), _EASTER[moving][0]
        label = f"{moving} (Easter {year}: {_day(sunday)}"
        first, last = sunday + timedelta(days=before), sunday + timedelta(days=after)
        # England and much of Protestant Europe kept the Julian calendar to 1752: a register of theirs writes its
        # Easter in that calendar's days ('19 April 1584', as it writes any date), weeks from the Gregorian
        if year <= LAST_JULIAN_YEAR and (old := julian_easter(year)) != sunday:
            first, last = min(first, old + timedelta(days=before)), max(last, old + timedelta(days=after))
            label += f"; {_day(old)} in the Julian calendar, which England kept to {LAST_JULIAN_YEAR}"
        label += ")"
    elif (fixed := next((day for day, names in _FEASTS.items() if _whole(names, name)), None)) is not None:
        label = fixed
        first, last = (date(year + years, month, day) for years, month, day in _ON[fixed])
        if fixed == _EPIPHANY:  # 6 January and the Sunday from 2 to 8 January, whichever is first
            sunday = date(year, 1, 2) + timedelta(days=(6 - date(year, 1, 2).weekday()) % 7)
            first, last = min(first, sunday), max(last, sunday)
            label += f" ({_day(sunday)} in {year})"
    elif (islamic := islamic_feasts.label_of(name)) is not None:
        return _islamic(islamic, year, original, name, near)
    else:  # (in doubt: the year, as before)
        return None
    note = f"'{original}': {feast.group('name')} is {label}"
    start, end = _parts(first), _parts(last)
    if near is not None:  # how near is not said: two weeks either side, and only the months claimed
        start, end = _month_near(first, -1), _month_near(last, 1)
        note += f"; '{near}' read as within two weeks of it"
    return Parsed(start, approximate=True, note=note, end=end if end != start else None, end_approximate=True)


def _islamic(label: str, year: int, original: str, name: str, near: str | None) -> Parsed | None:
    """An Islamic feast's months in ``year``: its days differ by country, so no day is claimed."""
    if islamic_feasts.HIJRI_YEARS[0] <= year <= islamic_feasts.HIJRI_YEARS[1]:  # ('Ramadan 1438': which calendar?)
        note = f"'{original}': {year} {islamic_feasts.maybe_hijri(year)}"
        return Parsed({"year": year}, approximate=True, note=note, said=[islamic_feasts.HIJRI_SAID])
    note = f"'{original}': {name} is {label}"
    if label in islamic_feasts.WHOLE_MONTHS and any(map(str.isdigit, original.replace(str(year), ""))):
        note += " (the day written is not read)"
    margin = islamic_feasts.SIGHTING_DAYS + (NEAR_DAYS if near is not None else 0)
    if not (found := islamic_feasts.days(label, year, margin)):  # (before the first Islamic year)
        return None
    first, last = min(first for first, _ in found), max(last for _, last in found)
    note += (
        f", {islamic_feasts.tabular(label, year)} by the tabular Islamic calendar; its days follow the sighting"
        " of the new moon, a day or two apart from country to country, so only the months are read"
    )
    if len(found) > 1:
        note += f": {year} holds it twice"
    if year <= LAST_JULIAN_YEAR:
        note += f"; the days the Julian calendar numbers too, which England kept to {LAST_JULIAN_YEAR}"
    if near is not None:
        note += f"; '{near}' read as within two weeks of it"
    start, end = {"year": first[0], "month": first[1]}, {"year": last[0], "month": last[1]}
    return Parsed(start, approximate=True, note=note, end=end if end != start else None, end_approximate=True)


def easter(year: int) -> date:
    """Western Easter Sunday of a Gregorian ``year`` (the anonymous Gregorian computation, as Meeus gives it)."""
    golden, century, of_century = year % 19, year // 100, year % 100
    skipped, corrected = century // 4, (century + 8) // 25
    epact = (19 * golden + century - skipped - (century - corrected + 1) // 3 + 15) % 30
    weekday = (32 + 2 * (century % 4) + 2 * (of_century // 4) - epact - of_century % 4) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def julian_easter(year: int) -> date:
    """Easter Sunday as the Julian calendar reckons and numbers it (Meeus's Julian computation): the day a
    country that had not yet taken the Gregorian calendar wrote as its Easter."""
    golden, leap, week = year % 19, year % 4, year % 7
    moon = (19 * golden + 15) % 30
    month, day = divmod(moon + (2 * leap + 4 * week - moon + 34) % 7 + 114, 31)
    return date(year, month, day + 1)


def _day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _whole(names: str, name: str) -> bool:
    """Whether ``name`` is one of ``names`` (a pattern's alternatives: "all saints'? day")."""
    return _pattern(names).fullmatch(name) is not None


@functools.cache
def _pattern(names: str) -> re.Pattern[str]:
    return re.compile(names, re.IGNORECASE)


def _parts(day: date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _month_near(day: date, side: int) -> dict[str, int]:
    """The month of the day two weeks before (``side`` -1) or after (1) ``day``: its own, or the one next to
    it (no month is shorter than 28 days), counted in numbers (after 31 December 9999 too)."""
    year, month = day.year, day.month
    inside = day.day > NEAR_DAYS if side < 0 else day.day + NEAR_DAYS <= calendar.monthrange(year, month)[1]
    if inside:
        return {"year": year, "month": month}
    year, month = divmod(year * 12 + month - 1 + side, 12)
    return {"year": year, "month": month + 1}
