"""Month names and the words around them in dates people type: English and Spanish names and their
short forms, French, German, Italian and Portuguese names and their usual short forms (a date in
these read as one, not as the one month name it shares with English: '15 août - 3 sept. 2018' was
September alone), the filler words a date may hold (``de``, ``the``, a weekday), and the month names
that are also everyday words, which free text counts only where they stand as a month."""

from __future__ import annotations

import re

from ..dates import MONTHS

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
# Each language's names in full, and the short forms its own style guides give (no three letters cut
# from each: 'jui' is juin and juillet, 'out' (outubro) an English word, 'gen' a general's title).
_OTHERS = [
    ("janvier", "januar", "jänner", "gennaio", "janeiro", "janv"),
    ("février", "fevrier", "februar", "febbraio", "fevereiro", "févr", "fevr", "fév", "fev"),
    ("mars", "märz", "maerz", "marzo", "março", "marco", "mär"),  # ('marco': see counts_as_month)
    ("avril", "aprile", "avr"),
    ("mai", "maggio", "maio"),
    ("juin", "juni", "giugno", "junho"),
    ("juillet", "juli", "luglio", "julho", "juil"),
    ("août", "aout", "agosto"),
    ("septembre", "settembre", "setembro"),
    ("octobre", "oktober", "ottobre", "outubro", "okt"),
    ("novembre", "novembro"),
    ("décembre", "decembre", "dezember", "dicembre", "dezembro", "déc", "dez"),
]
for _number, _names in enumerate(_OTHERS, 1):
    MONTH_NAMES.update(dict.fromkeys(_names, _number))
# Dutch, in full ('van 21 mei tot 10 juni 1958')
_DUTCH = "januari februari maart april mei juni juli augustus september oktober november december"
MONTH_NAMES.update({_name: _number for _number, _name in enumerate(_DUTCH.split(), 1)})

# Weekdays, Monday first (0), as written beside a date ('sábado, 13 de enero de 2018', 'Monday, January 15'):
# no part of the date, but a check on it.
WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("monday", "mon", "lunes", "lun"),
        ("tuesday", "tue", "tues", "martes"),
        ("wednesday", "wed", "miércoles", "miercoles", "mié", "mie"),
        ("thursday", "thu", "thur", "thurs", "jueves", "jue"),
        ("friday", "fri", "viernes", "vie"),
        ("saturday", "sat", "sábado", "sabado", "sáb", "sab"),
        ("sunday", "sun", "domingo", "dom"),
    ]
):
    WEEKDAYS.update(dict.fromkeys(_names, _number))
# Weekdays in full in more languages, with those above: read before a week's day ('semaine du lundi 29 décembre')
WEEKDAY_NAMES = frozenset([*WEEKDAYS, "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
WEEKDAY_NAMES |= frozenset(["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"])
WEEKDAY_NAMES |= frozenset(["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"])
WEEKDAY_NAMES |= frozenset(["segunda", "terça", "quarta", "quinta", "sexta", "maandag", "dinsdag", "woensdag"])
WEEKDAY_NAMES |= frozenset(["donderdag", "vrijdag", "zaterdag", "zondag"])
FILLER = frozenset(["de", "del", "of", "the", "el", "la", "on", "a", "le", "du", "den", "il", "di", *WEEKDAYS])
TOKENS = re.compile(r"[^\W\d_]+|\d+")

# Month names that are also everyday words: in free text, one counts only capitalised or next to a day.
COMMON_WORDS = frozenset(["may", "march", "mar", "set", "ago"])
# ... and month names that are also names ('Mars 2020', the rover; 'Mai'; 'Avril'; 'dez', ten): see counts_as_month.
NAMES_TOO = frozenset(["mars", "mai", "dez", "avril", "marco", "mei", "augustus"])

# Capitalised words before a month that leave it a date ('In March 1934'), unlike a name's ('Long March').
LEADING = frozenset(
    ["in", "from", "since", "until", "till", "during", "by", "at", "to", "for", "and", "or", "en", "desde"]
) | frozenset(["hasta", "durante", "y", "o", "circa", "about", "around", "early", "mid", "late", "before", "after"])
# ... and in the other languages ('Avant Mars 2018', 'Principios de Enero', 'Fin juillet', 'Anfang Mai')
LEADING |= frozenset(["avant", "après", "principios", "comienzos", "inicios", "mediados", "finales", "fines"])
LEADING |= frozenset(["début", "debut", "mi", "fin", "anfang", "mitte", "ende", "inizio", "metà", "fine", "início"])
LEADING |= frozenset(["inicio", "meados", "im", "em", "nel", "nello", "dans", "ab", "a"])


# A part of the day, after a day ("15/01/2018 morning", a display date's "Before dawn"): where in the day, not
# doubt about which day it is
PART_OF_DAY = re.compile(
    r"(?:in |of |de |del )?(?:the )?(?:early |late |small |mid-?)?"
    r"(?:morning|afternoon|evening|night|dawn|dusk|daybreak|sunrise|sunset|noon|midday|midnight|hours|"
    r"(?:la |el )?(?:ma[nñ]ana|tarde|noche|madrugada|amanecer|mediod[ií]a|medianoche))",
    re.IGNORECASE,
)
