"""Which month names in free text count as months, and whether they may narrow the text's one year
to them ('Protests began in March 2018', '30 April - 2 May 1950'). Not where the text also holds a
date or month in digits ('15/01/2018 or 3 February 2018', '2018-01 - 15 March 2018'), states an offset
from the date ('two weeks after 27 July 1976', 'le lendemain du 31 décembre'), a week from a day
('semaine du 27 juillet', which may end in August), or a range one side of which it cannot read as a
month: a day beside a word it does not know ('15 augustus - 3 september 2018'), days going backwards
before a month ('28-11 December 2002': from November), a word it does not know ('augustus-september
2018') or a month name it does not count there. Any of these may be another month of that year, so
the reading keeps the whole year. A number elsewhere in the text ('3 killed in Kabul, May 2017',
'Apollo 11 lands, July 1969') is no part of the date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import islamic_feasts
from .lazy_pattern import lazy
from .month_words import COMMON_WORDS, FILLER, LEADING, MONTH_NAMES, NAMES_TOO, TOKENS, WEEKDAY_NAMES
from .near_words import NEAR_DAYS, NEAR_PATTERN
from .sheet_offsets import OFFSET

# A day written out in digits inside other text ('aprox. 12:00 del 15/01/2018'), a four-digit year
# first or last: named when the text is not read (one part a month, the other a day of a month)
DATE_IN_TEXT = re.compile(
    r"(?<![\d/.])(?:(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}|\d{4}[/.-](\d{1,2})[/.-](\d{1,2}))(?![/.]?\d)"
)
# A date or a month in digits anywhere ('15/01/2018', '2019-10-15/24', '2018-01', '01/2018'; not '24/7', '1/1500')
_DAY_MONTH = re.compile(  # '31.03. – 9. Mai', 'From 5/07 to 21 November' (not '24/7', '9/11', '4/4')
    r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?!\d)|(?<![\d/])\d{1,2}[/.]\d{1,2}\.?(?=\s*(?:[-–—]|to|until|till|al|au|bis|a|hasta)\s)",
    re.IGNORECASE,
)
_DIGITS_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}(?!\d)|(?<!\d)(?:0[1-9]|1[0-2])[/.-]\d{4}")
# A week from a day ('week of 27 July', 'semaine du 27 juillet', 'Woche vom 28. Februar', 'week of December 29'):
# it may end in the next month (not 'Week 4 of protests')
_WEEK_FROM_A_DAY = re.compile(
    r"\b(?:week(?:-?end)?s?|semaine|woche(?:nende)?|semana|settimana|fin de semana|fim de semana)\b"
    r"(?:\s+(?:of|du|des|vom|del|de|della|dal|dalla|do|dia|van|vanaf|ab|a|partir|beginning|starting|commencing|"
    r"ending|from|the|le|la|el|il|dem)){1,4}\s+"
    rf"(?:(?:{'|'.join(sorted(WEEKDAY_NAMES, key=len, reverse=True))})\.?,?\s+)?"  # ('Week of Saturday 4 January')
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,})|"
    r"(?P<month2>[^\W\d_]{3,})\.?\s+(?P<day2>\d{1,2})(?!\d))",
    re.IGNORECASE,
)
# Words of a range between two dates (and marks, below); 'and', 'y', 'et' are followed as days of a range only
_RANGE_WORDS = frozenset(
    ["to", "until", "till", "through", "thru", "al", "hasta", "au", "bis", "à", "ao", "até", "tot"]
)
# Feasts, whose dates move or the reader does not know ('From Easter to June 2006'): the other side of a range unread
_FEASTS = frozenset(["easter", "pâques", "paques", "pascua", "ostern", "pasqua", "páscoa", "pascoa", "pentecost"])
_FEASTS |= frozenset(["pentecôte", "pfingsten", "pentecostés", "pentecoste", "christmas", "noël", "noel", "navidad"])
_FEASTS |= frozenset(["weihnachten", "natale", "natal", "halloween", "toussaint", "carnival", "carnaval", "karneval"])
_FEASTS |= frozenset(["carnevale", "lent", "carême", "cuaresma", "ramadan", "thanksgiving"])
# The latest month each feast can fall in (others: June, as Pentecost): a range to an earlier month may start
# the year before ('From Christmas to January 1966'; Ramadan moves through the year)
_FEAST_LATEST = dict.fromkeys(["christmas", "noël", "noel", "navidad", "weihnachten", "natale", "natal", "ramadan"], 12)
_FEAST_LATEST |= dict.fromkeys(["toussaint", "thanksgiving", "all saints", "all saints' day"], 11)
_FEAST_LATEST |= {"halloween": 10, "bastille day": 7, "epiphany": 1, "candlemas": 2}
_FEAST_LATEST |= dict.fromkeys(["carnival", "carnaval", "karneval", "carnevale", "mardi gras", "ash wednesday"], 3)
_FEAST_LATEST |= dict.fromkeys(["easter", "pâques", "paques", "pascua", "ostern", "pasqua", "páscoa", "pascoa"], 4)
_FEAST_LATEST |= dict.fromkeys(["lent", "carême", "cuaresma", "good friday"], 4)
# ... and feasts of more than one word, or another word than these ('Bastille Day', 'Mardi Gras', 'Ascension')
_FEAST_PHRASES = ["bastille day", "mardi gras", "good friday", "ash wednesday", "all saints(?:' day)?", "ascension"]
_FEAST_PHRASES += ["ascensión", "himmelfahrt", "corpus christi", "whitsun(?:day)?", "epiphany", "candlemas"]
_FEAST_RANGE = re.compile(
    rf"\b({'|'.join(sorted(_FEASTS))}|{'|'.join(_FEAST_PHRASES)})\b\s*"
    r"(?:[-–—/]|(?:to|until|till|through|al|a|au|à|bis|ao|até|hasta|tot|and|et|y|e|und)\s)",
    re.IGNORECASE,
)
_BOTH_WORDS = frozenset(["and", "or", "y", "o", "e", "et", "und", "ou", "oder", "a"])
_JOINT_MARK = re.compile(r"^\s*[-–—/]\s*$")
_ORDINALS = frozenset(["st", "nd", "rd", "th", "er", "ro", "ero", "º", "ª"])
# Between a day and its month ('3rd of March', '3 de marzo'; not '5-3 on Aug 19', a score)
_DAY_MONTH_WORDS = frozenset(["de", "del", "of", "the", "di", "du", "den"])
_PARTICLES = frozenset(["de", "do", "da", "del", "di", "du", "des", "dos", "das"])  # 'Rio de Janeiro', 'Plaza de Mayo'
# Words before a day and a month that make them a name ('Rue du 4 Septembre', 'Avenida 9 de Julio')
_STREETS = frozenset(
    ["rue", "rua", "avenida", "avenue", "av", "calle", "plaza", "place", "piazza", "via", "praça", "praca", "largo"]
) | frozenset(["paseo", "boulevard", "bd", "straße", "strasse", "platz", "quai", "puente", "pont", "liceo", "colegio"])
# ... and movements' ('Movimiento 26 de Julio')
_STREETS |= frozenset(["movimiento", "movimento", "mouvement", "movement", "bewegung", "viaduto", "travessa"])
_STREETS |= frozenset(["alameda", "estrada", "cours", "impasse", "viale", "allee", "ponte", "rodovia", "carrera"])
_STREETS |= frozenset(["corso", "vicolo", "lungomare", "passeig", "rambla", "carrer", "avinguda", "laan", "straat"])
_ROMAN = re.compile(r"[IVXLC]+")
# A capitalised particle right before a capitalised word ending here: a surname ('Di Maio', 'De Mayo')
_SURNAME = re.compile(r"(?<![^\W\d_])(?:Di|De|Da|Del|Van|Von|Du)\s+[^\W\d_]+$")
# Words of French, German, Portuguese and Italian that lead to a month named in capitals ('En Mars', 'Im Mai')
_LEADING_ELSEWHERE = frozenset(
    ["en", "im", "em", "nel", "dans", "début", "debut", "fin", "mi", "anfang", "mitte", "ende"]
)
_ARTICLES = frozenset(["les", "des", "aux", "the", "groupe", "sommet"])  # ('Les Sept, 2014', 'Sommet des Sept')
_LONGEST = 200  # characters: a longer text is not searched for its month (each day is followed to one)


def months_may_narrow(text: str) -> bool:
    """Whether the months free text names may narrow its year to them."""
    if len(text) > _LONGEST or _DIGITS_DATE.search(text) or _DAY_MONTH.search(text) or OFFSET.search(text):
        return False
    if _week_leaves_its_month(text):
        return False
    if _FEAST_RANGE.search(text):  # 'Da Pasqua a settembre 2013', 'Halloween – December 2019'
        return False
    return not _Words(text).range_unread()


def _week_leaves_its_month(text: str) -> bool:
    """Whether the text names a week from a day that may reach into another month ('week of 29 December',
    'semaine du 3 juillet': a week from it, or the week holding it); not 'week of 18 March'."""
    week = _WEEK_FROM_A_DAY.search(text)
    return week is not None and not 7 <= int(week.group("day") or week.group("day2")) <= 22


def across_years(text: str) -> int:
    """-1 or 1 where a week from a day may reach into the year before or after ('Week of December 29, 2002'
    may end in January 2003; 'semaine du 3 janvier' may begin in December), or a feast may be the year
    before the month it runs to ('From Christmas to January 1966'); else 0."""
    feast = _FEAST_RANGE.search(text)
    if feast is not None:
        after = [MONTH_NAMES[word] for word in TOKENS.findall(text[feast.end() :].lower()) if word in MONTH_NAMES]
        return -1 if after and after[0] < _FEAST_LATEST.get(feast.group(1).lower(), 6) else 0
    week = _WEEK_FROM_A_DAY.search(text)
    if week is None:
        return 0
    day, month = (
        int(week.group("day") or week.group("day2")),
        MONTH_NAMES.get((week.group("month") or week.group("month2")).lower()),
    )
    return 1 if month == 12 and day > 25 else -1 if month == 1 and day < 7 else 0  # (six days either way)


# (These to the end of new_year_reach compiled at first use: ~3 ms of import in each process reading a sheet,
# which an export of plain days never needs.)
# Words of the days around a new year, which the year written beside them does not hold alone: New Year's Eve
# runs into the next ('Silvesternacht 1999', 'Notte di Capodanno 1999'), New Year may be either's ('Neujahr
# 2000'), and so may the Christmas season ('Christmastide 2017', 'Christmas to New Year 2017')
_INTO_NEXT = lazy(
    r"(?<![^\W\d_])(?:new year'?s eve|nochevieja|silvester|sylvester|saint-sylvestre|san silvestro|réveillon|"
    r"hogmanay|véspera de ano novo|christmastide|twelve days of christmas|octave of christmas|post-christmas|"
    r"after christmas|christmas (?:holidays?|season|break|vacation|festivities|period|week)|vacances de noël|"
    r"weihnachtsferien|vacaciones de navidad|vacanze di natale|férias de natal|kwanzaa|hanukk?ah|chanukk?ah|"
    r"chanukka|janucá|jánuca|hanouk?ka|oud en nieuw|oudejaars|fêtes de fin d'année|entre les fêtes|"
    r"zwischen den jahren|festas natalinas|kerstperiode|kerstvakantie|fiestas navideñas|festività natalizie|"
    r"yule|yuletide|época de natal|fim[- ]de[- ]ano|christmas hols|chanoeka|oudjaar|oudejaar|old year's night)",
    re.IGNORECASE,
)
_NEW_YEAR = lazy(
    r"(?<![^\W\d_])(?:new year|nouvel an|nouvelle année|an neuf|año nuevo|ano nuevo|ano[ -]novo|ano[ -]bom|"
    r"capodanno|neujahr|nieuwjaar|turn of the year|jaarwisseling|jahreswechsel|cambio de año|virada do ano)",
    re.I,
)
_NEW_YEARS_DAY = lazy(r"new year'?s day|jour de l'an|neujahrstag|d[ií]a de a[ñn]o nuevo|dia de ano novo", re.I)
# Feasts of late December, and of early January (Christmas where the Julian calendar keeps it: 7 January)
_CHRISTMAS = lazy(
    r"(?<![^\W\d_])(?:christmas|xmas|noël|noel|navidad|weihnacht|natale|natal|boxing day|st\.? stephen|"
    r"saint stephen|san esteban|saint-étienne|stephanstag|santo stefano|nochebuena|heilig(?:e[rn]?)? ?abend|kerst|"
    r"nativity|natividad|christnacht|advent(?!ist)|pascuas?(?![^\W\d_])|holy innocents|innocents|inocentes|innocenti|"
    r"unschuldige kinder|onnozele kinderen|navideñ|crimbo|santo estêvão|sant esteve|misa del gallo|"
    r"fin de año|year's end|end of the year|fin d'année|jahresende|fine anno|holiday season|holidays|les fêtes)",
    re.IGNORECASE,
)
_EPIPHANY = lazy(
    r"(?<![^\W\d_])(?:epiphany|épiphanie|epiphanie|reyes(?![^\W\d_])|rois(?![^\W\d_])|dreikönig|drei könige|"
    r"three kings|twelfth[- ]night|befana|epifan[ií]a|reis(?![^\W\d_])|driekoningen|pascua militar|little christmas)",
    re.I,
)
# (7 January in most Orthodox churches, 25 December in others: either)
_JULIAN_CHRISTMAS = lazy(
    r"(?<![^\W\d_])(?:(?:orthodox|orthodoxe|ortodoxa|ortodossa|russian|coptic|ethiopian|serbian|ukrainian|"
    r"armenian|julian|old style)\s+(?:christmas|noël|navidad|weihnachten|natale|natal|kerst(?:mis)?)|"
    r"(?:christmas|noël|navidad|weihnachten|natale|natal|kerst(?:mis)?)\s+(?:ortodox[ao]|orthodoxe?|russe|copte|"
    r"juliano))(?![^\W\d_])",
    re.IGNORECASE,
)
# Doubt around a feast, or a side of it ('around Christmas 2017', 'vers Noël 1914', 'Christmas 2017?', 'shortly
# after Boxing Day 1936', 'Heiligabend 2008 (uncertain)'): it may reach another year
_ABOUT = lazy(
    rf"(?<![^\W\d_])(?:{NEAR_PATTERN}|c|maybe|possibly|probably|perhaps|nearly|uncertain|unsure|approx|"
    r"posiblemente|probablemente|quizás?|wahrscheinlich|vermutlich|vielleicht|peut-être|probablement|forse|"
    r"probabilmente|talvez|provavelmente|misschien|waarschijnlijk|after|before|following|towards|shortly|or|"
    r"env|incerto|incierto|incertain|unsicher|onzeker|vicinity|days|earlier|later|pelo|pouco|logo|após|rond|"
    r"omstreeks|ongeveer|wohl|knapp|ridosso|próximo|proximo|within|week|approximate|approximative|aproximad[ao]|"
    r"incert[ao]|incierta|kort|erna|seguir|run-up|right|quelques|few|"
    r"nach|vor|kurz|après|avant|peu|después|antes|dopo|prima|depois|na|voor|tot|sobre|por)(?![^\W\d_])|[?~≈±]",
    re.IGNORECASE,
)


def new_year_reach(text: str, written: str | None = None, year: int | None = None) -> tuple[int, int]:
    """The years before and after the one written that the text's days around a new year may fall in:
    (0, 1) for New Year's Eve, the Christmas season and Christmas in doubt ('Christmastide 2017', 'around
    Christmas 2017': 2017 to 2018); (1, 0) for Epiphany and New Year's Day in doubt; (1, 1) for New Year
    alone (the night into the year written or out of it) and Christmas with New Year or Epiphany (the year
    may be either feast's); (0, 0) otherwise. ``written``: the cell as written, where ``text`` has lost its
    words of doubt ('around', '?'). ``year``: the year written, for a feast of the Islamic calendar, whose
    days move through the Gregorian year ('Ramadan 1999 in Cairo': 1998 to 2000, for 1999 holds two Ramadans,
    from 20 December 1998 and to 7 January 2000)."""
    text = re.sub(r"[’‘´]", "'", text)
    doubt = _ABOUT.search(text if written is None else written) is not None
    margin = islamic_feasts.SIGHTING_DAYS + NEAR_DAYS * doubt
    if year is not None and (islamic := islamic_feasts.reach(text, year, margin)) != (0, 0):
        christian = _christian_reach(text, doubt)
        return max(islamic[0], christian[0]), max(islamic[1], christian[1])
    return _christian_reach(text, doubt)


def _christian_reach(text: str, doubt: bool) -> tuple[int, int]:
    if _JULIAN_CHRISTMAS.search(text) and doubt:  # ('around Orthodox Christmas 2018': 7 January, or 25 December)
        return 1, 1
    december = _CHRISTMAS.search(text) is not None
    if december and (_NEW_YEAR.search(text) or _EPIPHANY.search(text)):
        return 1, 1  # ('Christmas to New Year 2017': the year may be either feast's)
    if _INTO_NEXT.search(text) or (december and doubt):
        return 0, 1
    if _NEW_YEAR.search(text) and not _NEW_YEARS_DAY.search(text):
        return 1, 1
    if doubt and (_EPIPHANY.search(text) or _NEW_YEARS_DAY.search(text)):  # ('around Epiphany 2018')
        return 1, 0
    return 0, 0


class _Words:
    """The words of free text, each of a kind (``_kind``), and the parts the marks and words of a range cut
    it into ('15 augustus', '3 september 2018')."""

    def __init__(self, text: str) -> None:
        self.text, self.matches = text, list(TOKENS.finditer(text))
        self.words = [match.group() for match in self.matches]
        self.kinds = [_kind(text, self.matches, at) for at in range(len(self.words))]
        self.part = [0] * len(self.words)
        for at in range(1, len(self.words)):  # ('to' ends its part)
            self.part[at] = self.part[at - 1] + (self.cut(at - 1, at) or self.kinds[at - 1] == "range")

    def range_unread(self) -> bool:
        """Whether a range the text gives has a side the reader cannot read as a month, where a part without
        a month meets one whose date starts (or ends) at the cut ('15 augustus - 3 september 2018'; not
        '14 killed - 64 missing, March 2013'): the part holds a day placed beside no month, a month name
        not counted ('de mars à juin' before March counted), or one unknown word in lower case alone
        ('augustus-september 2018'; not 'Caracas - June 2013')."""
        kinds, part = self.kinds, self.part
        if any(self.backwards(at) for at, kind in enumerate(kinds) if kind == "day"):
            return True
        for at in range(1, len(kinds)):
            if part[at] == part[at - 1]:
                continue
            for dated, other, step in ((at, at - 1, 1), (at - 1, at, -1)):  # the dated side, the other, away
                while 0 <= dated < len(kinds) and kinds[dated] in ("filler", "lead", "range"):
                    dated += step
                if not (0 <= dated < len(kinds)) or part[dated] != part[at if step == 1 else at - 1]:
                    continue
                at_cut = kinds[dated] == "month" or (kinds[dated] == "day" and self.placed(dated, step))
                if at_cut and self.unread(part[other]):
                    return True
        return False

    def backwards(self, at: int) -> bool:
        """Whether the day at ``at`` and the next, joined as a range, go backwards, the next a day of a month
        ('between 28 and 4 April', '28-11 December': the first is of the month before; not a score, 'votes
        9-7, June 2020')."""
        kinds = self.kinds
        joint = _past_fillers(kinds, at, 1)
        if not 0 <= joint < len(kinds):
            return False
        if kinds[joint] in ("range", "both"):
            other = _past_fillers(kinds, joint, 1)
        elif self.joined(at, joint):
            other = joint
        else:
            return False
        if not (0 <= other < len(kinds) and kinds[other] == "day") or _forward(self.words, at, other):
            return False
        return self.placed(other, 1)

    def unread(self, number: int) -> bool:
        """Whether the part ``number``, holding no month counted, holds what may be a date's month unread."""
        at = [index for index, part in enumerate(self.part) if part == number]
        kinds = [self.kinds[index] for index in at]
        if "month" in kinds or any(_street(self.text, self.matches, i) for i in at):
            return False  # (a street's name: 'Plaza 25 de Mayo - 19 de julio')
        if any(
            kind == "day" and not (self.placed(i, 1) or self.placed(i, -1)) for i, kind in zip(at, kinds, strict=True)
        ):
            return True
        if any(self.words[i].lower() in COMMON_WORDS | NAMES_TOO | _FEASTS for i in at):
            return True  # ('de mars à juin', 'From Easter to June 2006')
        kept = [
            i for i, kind in zip(at, kinds, strict=True) if kind not in ("filler", "lead", "number", "range", "both")
        ]
        if len(kept) != 1 or self.kinds[kept[0]] != "word":
            return False
        # one word alone: in lower case ('augustus-september'), or any, joined by a word ('Pinksteren tot juni')
        return self.words[kept[0]].islower() or any(self.kinds[i] == "range" for i in at)

    def cut(self, one: int, two: int) -> bool:
        """Whether a mark of a range cuts the text between two words: not inside a word of letters and digits
        ('COVID-19', '13-Oct-17'), unless a space stands beside it."""
        if not self.joined(one, two):
            return False
        between = self.between(one, two)
        digits = [self.words[i].isdecimal() or self.words[i].lower() in _ORDINALS for i in (one, two)]
        return between != between.strip() or digits[0] == digits[1]  # ('27th-6th': two days)

    def between(self, one: int, two: int) -> str:
        first, second = sorted((one, two))
        return self.text[self.matches[first].end() : self.matches[second].start()]

    def joined(self, one: int, two: int) -> bool:
        """Whether a mark of a range stands between two words ('-', '–', '/')."""
        return _JOINT_MARK.match(self.between(one, two)) is not None

    def placed(self, at: int, step: int) -> bool:
        """Whether the day at ``at`` has its month that way (``step``), past days of a range ('3 and 5 March',
        '3-5 March'; not '28-11 December', whose 28th is of another month)."""
        kinds = self.kinds
        while 0 <= (reached := _past_fillers(kinds, at, step)) < len(kinds):
            kind, joint = kinds[reached], self.joined(at, reached)
            if kind == "month":  # ('7, June' is no day of June: 'Senate votes 9-7, June 2020'; nor '3 on Aug')
                words = set(TOKENS.findall(self.between(at, reached).lower()))
                return not joint and "," not in self.between(at, reached) and words <= _DAY_MONTH_WORDS | _ORDINALS
            if kind in ("range", "both"):  # ('3 and 5 March'): to the next day
                reached = _past_fillers(kinds, reached, step)
            elif not joint:
                return False
            if not (0 <= reached < len(kinds) and kinds[reached] == "day" and _forward(self.words, at, reached)):
                return False
            at = reached
        return False


def counts_as_month(text: str, words: Sequence[re.Match[str]], at: int) -> bool:
    """Whether the month name ``words[at]`` (of ``TOKENS`` in ``text``) is a month in free text. Not in a
    street's or a movement's name ('Rue du 4 Septembre', 'Movimiento 26 de Julio'), nor a place's ('Rio de
    Janeiro'); an everyday word in lower case ('march', 'set') only in a date with its day or after a word
    leading to one, with a year ('16 march 2018', 'in march 1995'; not 'march 16 km'); 'dez', 'marco'
    (ten, a framework) and 'sept' (seven) only beside a day, after a word of another language leading to a
    date ('im Dez'), or 'Sept' written short or before a year ('Sept. 1939', 'Sept 2009'); a name too
    ('Mars', 'Mai', 'Avril') in capitals only so or before a year (not 'Mars 2020', the rover); and none
    next to a capitalised word that makes it part of a name ('Long March', "Women's March", 'Mrs. May',
    'August Wilson'), unless beside a day."""
    names = [word.group() for word in words]
    lowered = names[at].lower()
    if lowered not in MONTH_NAMES or _street(text, words, at):
        return False
    before = at - 1
    while before >= 0 and names[before].lower() in _PARTICLES:
        before -= 1
    previous = names[before].lower() if before >= 0 else ""
    day, year = _beside_a_day(names, at), _before_a_year(text, words, at)
    if previous == "rio":
        return False
    if lowered in COMMON_WORDS and names[at].islower():  # ('in march 1995'; not 'Naufragio in mar, 2003')
        return (day or (previous in LEADING and lowered in ("march", "may"))) and _beside_a_year(names, at)
    if lowered in ("dez", "marco", "sept"):
        short = lowered == "sept" and (text[words[at].end() :].startswith(".") or (year and previous not in _ARTICLES))
        return day or previous in _LEADING_ELSEWHERE or short
    if day:
        return True
    if lowered in NAMES_TOO:
        return names[at].islower() or previous in _LEADING_ELSEWHERE or (year and lowered in ("mai", "avril"))
    if previous in LEADING:
        return True
    return not _named(text, words, before, at)


def _named(text: str, words: Sequence[re.Match[str]], before: int, at: int) -> bool:
    """Whether the capitalised words beside the month (``before``: the one before, past particles) make it
    part of a name ('Long March', 'Mrs. May', "Women's March", 'August Wilson'; not 'Protests, March 2018')."""
    names = [word.group() for word in words]
    if re.search(r"['’]s\s+$", text[: words[at].start()]) or _SURNAME.search(text[: words[at].end()]):
        return True  # ("Women's March", 'Di Maio')
    for other, gap in (
        (before, text[words[before].end() : words[at].start()] if before >= 0 else ""),
        (at + 1, text[words[at].end() : words[at + 1].start()] if at + 1 < len(words) else ""),
    ):
        name = names[other] if 0 <= other < len(names) else ""
        if other == at + 1 and not gap.isspace():
            continue  # (after the month, a name only next to it: 'August Wilson', not 'March, Caracas')
        if (
            name[:1].isupper()
            and name.isalpha()
            and all(character.isspace() or character.isalpha() or character == "." for character in gap)
            and name.lower() not in MONTH_NAMES
            and name.lower() not in LEADING
            and name.lower() not in FILLER
        ):
            return True
    return False


def _before_a_year(text: str, words: Sequence[re.Match[str]], at: int) -> bool:
    """Whether a year (three or four digits) comes right after the month, past spaces ('Sept 2009')."""
    after = at + 1
    return (
        after < len(words)
        and words[after].group().isdecimal()
        and len(words[after].group()) in (3, 4)
        and text[words[at].end() : words[after].start()].strip(" .") == ""
    )


def _street(text: str, words: Sequence[re.Match[str]], at: int) -> bool:
    """Whether a street's word, in capitals, comes before the word at ``at`` (a month), past a day, particles
    and a number in Roman numerals, with no comma between ('Rue du 4 Septembre', 'Via XX Settembre'; not
    'Vote took place 4 May', nor 'Treffen am Platz, 6. September')."""
    names = [word.group() for word in words]
    before = at - 1
    while before >= 0 and (
        names[before].lower() in _PARTICLES | _ORDINALS or names[before].isdecimal() or _ROMAN.fullmatch(names[before])
    ):
        before -= 1
    if before < 0 or not names[before][:1].isupper() or names[before].lower() not in _STREETS:
        return False
    return not set(text[words[before].end() : words[at].start()]) & set(",;:")


def _beside_a_day(words: Sequence[str], at: int) -> bool:
    return any(is_day(words[other]) for other in _neighbours(words, at))


def _beside_a_year(words: Sequence[str], at: int) -> bool:
    """Whether a year (three or four digits) stands within two words of the month, past fillers."""
    for step in (1, -1):
        other, seen = at, 0
        while seen < 2 and 0 <= (other := other + step) < len(words):
            if words[other].lower() in FILLER or words[other].lower() in _ORDINALS:
                continue
            if words[other].isdecimal() and len(words[other]) in (3, 4):
                return True
            seen += 1
    return False


def _neighbours(words: Sequence[str], at: int) -> list[int]:
    """The words either side of ``at``, past fillers and ordinals' endings."""
    found = []
    for step in (1, -1):
        other = at + step
        while 0 <= other < len(words) and (words[other].lower() in FILLER or words[other].lower() in _ORDINALS):
            other += step
        if 0 <= other < len(words):
            found.append(other)
    return found


def is_day(word: str) -> bool:
    """A number of 1 to 31 of one or two digits."""
    return word.isdecimal() and len(word) <= 2 and 1 <= int(word) <= 31


def _forward(words: Sequence[str], one: int, two: int) -> bool:
    """Whether two days of a range run forward in the text's order."""
    first, second = sorted((one, two))
    return int(words[first]) < int(words[second])


def _past_fillers(kinds: list[str], at: int, step: int) -> int:
    at += step
    while 0 <= at < len(kinds) and kinds[at] == "filler":
        at += step
    return at


def _kind(text: str, words: Sequence[re.Match[str]], at: int) -> str:
    """'month' (one counted), 'day' (a number of 1 to 31, of one or two digits), 'number', 'range' (a
    word of a range: 'to', 'au'), 'both' ('and', 'y'), 'filler' ('de', 'the', 'th'), 'lead' ('in', 'since')
    or 'word'."""
    word = words[at].group()
    lowered = word.lower()
    if word.isdecimal():
        return "day" if is_day(word) else "number"
    if counts_as_month(text, words, at):
        return "month"
    if lowered in _RANGE_WORDS:
        return "range"
    if lowered in _BOTH_WORDS:
        return "both"
    if lowered in FILLER or lowered in _ORDINALS:
        return "filler"
    return "lead" if lowered in LEADING else "word"
