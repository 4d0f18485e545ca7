"""Feasts on a fixed day, named with their year: 'Christmas Eve 2017' is 24 December 2017, 'New Year's Eve
1999' 31 December 1999, 'Halloween 2018' 31 October (each was its whole year). Approximate, the note
saying which day the feast is: the reading is an inference, and an event 'on Christmas Eve' may run into
the night. A feast whose day moves (Easter, Carnival, Ramadan) or differs by country (Independence Day,
Labour Day in the United States) is not read here: its year stays the reading.
"""

from __future__ import annotations

import re

from .lazy_pattern import lazy
from .month_words import MONTH_NAMES, TOKENS
from .sheet_date_values import Parsed

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
    "24 to 26 December": "christmas|noël|noel|navidad|weihnachten|natale|natal",
    "26 December": "boxing day|st\\.? stephen's day|santo stefano|stephanstag|zweiter weihnachtstag",
    "31 December": "new year's eve|nochevieja|saint-sylvestre|silvester|san silvestro|véspera de ano novo",
    "1 January": "new year's day|jour de l'an|día de año nuevo|neujahrstag|dia de ano novo",
    "the night of 31 December to 1 January": "new year|nouvel an|año nuevo|neujahr|capodanno|ano novo",
    "6 January": "epiphany|épiphanie|día de reyes|dreikönigstag|epifania|dia de reis",
    "14 February": "valentine's day|saint-valentin|san valentín|valentinstag|san valentino",
    "1 May": "may day|fête du travail|día del trabajador|tag der arbeit|festa dei lavoratori|dia do trabalhador",
    "4 July": "fourth of july",
    "14 July": "bastille day",
    "31 October": "halloween",
    "1 November": "all saints'? day|toussaint|todos los santos|allerheiligen|ognissanti|dia de todos os santos",
    "2 November": "all souls'? day|allerseelen|jour des morts|dia de finados|día de los fieles difuntos",
    "11 November": "armistice day|jour de l'armistice",
}
# A feast, then its year right after it ('Christmas Eve 2017', 'Noël 1914', "New Year's Eve, 1999", 'la
# Nochevieja de 2018'), the feast's words whole (not 'Christmas Eve' of 'Christmas Evening')
_FEAST_YEAR = lazy(
    rf"(?<![^\W\d_])(?P<name>{'|'.join(sorted(_FEASTS.values(), key=len, reverse=True))})(?![^\W\d_])"
    r"(?:,?\s+(?:of|de|del|di|do|von|du)?\s*|,\s*)(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)


def read(text: str, original: str) -> Parsed | None:
    """The feast's day or days in the year written after it, where ``text`` names one feast with its year
    and no other date; None otherwise."""
    text = text.replace("’", "'")
    found = list(_FEAST_YEAR.finditer(text))
    if len(found) != 1 or len(re.findall(r"\d{4}", text)) != 1:
        return None
    feast = found[0]
    rest = text[: feast.start()] + " " + text[feast.end("name") :]
    if any(word.lower() in MONTH_NAMES for word in TOKENS.findall(rest)):  # ('Christmas 2017 - 6 January')
        return None
    name = feast.group("name").lower()
    day = next(day for pattern, day in _PATTERNS if pattern.fullmatch(name))
    year = int(feast.group("year"))
    (first_years, first_month, first_day), (last_years, last_month, last_day) = _ON[day]
    start = {"year": year + first_years, "month": first_month, "day": first_day}
    end = {"year": year + last_years, "month": last_month, "day": last_day}
    note = f"'{original}': {feast.group('name')} is {day}"
    return Parsed(start, approximate=True, note=note, end=end if end != start else None, end_approximate=True)


_PATTERNS = [(lazy(names, re.IGNORECASE), day) for day, names in _FEASTS.items()]
