"""Dates of two calendars whose years were read as Gregorian years, 540 to 620 years off, unsaid:

- the Solar Hijri calendar of Iran and Afghanistan, written in Persian digits ('۱۳۷۸/۰۸/۰۶', 28 October
  1999), marked ('1378 SH', '1378 AP', '۱۳۷۸ ه.ش') or with its months' names ('6 Aban 1378', 'Dey 1396');
- the Buddhist era of the Thai solar calendar, marked ('2561 BE', 'พ.ศ. 2561': 2018).

Each is converted (``convertdate``, imported only for such a cell), approximate, and said. A day month year
in digits whose year may be the Buddhist era's ('16/5/2563': 2020) is left as written, said: nothing in it
says which calendar it is.
"""

from __future__ import annotations

import re

from ..date_keys import days_in_month
from .islamic_feasts import shown
from .lazy_pattern import lazy
from .sheet_date_values import Parsed

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_SOLAR_YEARS = (1200, 1410)  # Solar Hijri years a cell may mean (1821 to 2032; a later one, a Gregorian year)
_BUDDHIST_YEARS = (2400, 2700)  # Buddhist era years (1857 to 2157)
_THAI_NEW_YEAR_ON_1_JANUARY = 2484  # (1941: before, the year began on 1 April)

_PERSIAN_MONTHS = (
    "farvardin", "ordibehesht", "khordad", "tir", "mordad|amordad", "shahrivar", "mehr", "aban", "azar", "dey",
    "bahman", "esfand|espand",
)  # fmt: skip
_TO_ASCII = str.maketrans(_PERSIAN_DIGITS, "0123456789")
_MONTH_STARTS = tuple(name for names in _PERSIAN_MONTHS for name in names.split("|"))
_SOLAR_MARKED = lazy(
    r"^(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>" + "|".join(_PERSIAN_MONTHS) + r")\s+)?(?P<year>\d{4})"
    r"(?:\s*(?:SH|S\.H\.|AP|A\.P\.|ه\.?\s?ش\.?|هجری شمسی))?$",
    re.IGNORECASE,
)
_SOLAR_MARK = lazy(r"(?:SH|S\.H\.|AP|A\.P\.|ه\.?\s?ش\.?|هجری شمسی)$", re.IGNORECASE)
_BUDDHIST = lazy(r"(?:พ\.\s?ศ\.\s?(?P<after>\d{4})|(?<!\d)(?P<before>\d{4})\s?(?:BE|B\.E\.))(?![^\W\d_])")

# '2560-2561 BE', '2560-61 BE', '2560/61 BE', 'BE 2560-2561', 'พ.ศ. 2560-2561' (the second year may be its last digits)
_BUDDHIST_RANGE = lazy(
    r"(?:(?:BE|B\.E\.|พ\.\s?ศ\.)\s?)?(?<!\d)(\d{4})\s?(?:BE|B\.E\.)?\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)"
    r"(?:\s?(?:BE|B\.E\.))?"
)
_BUDDHIST_MARK = lazy(r"(?<![^\W\d_])(?:BE|B\.E\.)(?![^\W\d_])|พ\.\s?ศ\.")
_DAY_FIRST = lazy(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")  # (as Thai dates are written: '16/5/2563')

SAID = (
    "a date of another calendar (the Solar Hijri calendar, or the Thai Buddhist era) converted to the Gregorian, "
    "approximate: its note gives the date as written"
)
MAY_BE_BUDDHIST = (
    "a date whose year may be of the Thai Buddhist era ('16/5/2563': 2563 BE is 2020) is read as the Gregorian "
    "year written: write it in the Gregorian calendar, or 'BE' after the year"
)


def read(text: str) -> Parsed | str | None:
    """A cell dated in the Solar Hijri calendar or the Buddhist era, in the Gregorian; None for any other."""
    marked = ("BE" in text or "B.E" in text or "พ" in text) and _BUDDHIST_MARK.search(text) is not None
    if marked and (years := _BUDDHIST_RANGE.search(text)) is not None:  # ('2560-2561 BE' was 2018 alone: a re-trial)
        tail = years.group(2)
        later = int(years.group(1)[: 4 - len(tail)] + tail)  # ('2560-61': 2561)
        first, last = _buddhist(text, int(years.group(1))), _buddhist(text, later)
        if first is not None and last is not None and first.parts["year"] < last.parts["year"]:
            start, end = (first.parts["year"], 1, 1), (last.parts["year"], 12, 31)
            if int(years.group(1)) < _THAI_NEW_YEAR_ON_1_JANUARY:  # (the year began on 1 April)
                start, end = (start[0], 4, 1), (end[0] + 1, 3, 31)
            note = f"'{text}': the Buddhist era's years {years.group(1)} to {later}, {shown(start, end)}"
            return _parsed(start, end, False, note + " in the Gregorian calendar")
    if marked and (buddhist := _BUDDHIST.search(text)) is not None:
        return _buddhist(text, int(buddhist.group("after") or buddhist.group("before")))
    persian = persian_digits(text)
    ascii_text = text.translate(_TO_ASCII) if persian else text
    if not persian and not text[:1].isdigit() and not text.lower().startswith(_MONTH_STARTS):
        return None  # (most cells: no Persian digit, no month of the calendar first, no year first)
    solar = _SOLAR_MARKED.match(ascii_text.strip())
    if solar is None or not (persian or solar.group("month") or _SOLAR_MARK.search(ascii_text.strip())):
        return _persian_numbers(ascii_text, text) if persian else None
    year, month = int(solar.group("year")), solar.group("month")
    number = next((n for n, names in enumerate(_PERSIAN_MONTHS, 1) if re.fullmatch(names, month or "", re.I)), None)
    day = int(solar.group("day")) if solar.group("day") and number else None
    return _solar(text, year, number, day)


def persian_digits(text: str) -> bool:
    """Whether the text has a digit as Persian writes them (as Iran's Solar Hijri dates are written)."""
    return not text.isascii() and any(digit in text for digit in _PERSIAN_DIGITS)


_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ARABIC_TO_ASCII = str.maketrans(_ARABIC_DIGITS, "0123456789")
_ISLAMIC_YEARS = (1200, 1500)  # Islamic years a cell may mean (1785 to 2077)
# A mark or a month of the Solar Hijri calendar anywhere in a cell, beside a year it may mean
_SOLAR_WORD = lazy(
    r"(?<![^\W\d_])(?:SH|S\.H\.|AP|A\.P\.|" + "|".join(_PERSIAN_MONTHS) + r")(?![^\W\d_])"
    r"|ه\.?\s?ش|هجری شمسی|(?<!\S)ش(?!\S)",
    re.IGNORECASE,
)


def other_year_unread(text: str) -> str | None:
    """Why a cell's date, read without its calendar, may be 540 to 620 years off, or None: a Solar Hijri mark or month
    beside a year it may mean ('1396-1397 SH', 'before 1397 SH', '25-28 Dey 1397'), a year marked 'ق', or a year in
    Arabic or Persian digits the Islamic or the Solar Hijri calendar may mean ('١٣٩٧', 'حدود ۱۳۹۷') unconverted. Each
    was read as a Gregorian year, unsaid (trials)."""
    if _SOLAR_WORD.search(text) and any(_SOLAR_YEARS[0] <= int(y) <= _SOLAR_YEARS[1] for y in _YEARS.findall(text)):
        return "a date of the Solar Hijri calendar in a form not read here (a range, a bound): no date is read from it"
    if _LUNAR_WORD.search(text) and any(_ISLAMIC_YEARS[0] <= int(y) <= _ISLAMIC_YEARS[1] for y in _YEARS.findall(text)):
        # ('1438 ق', Iran's mark of the lunar Islamic calendar: the Gregorian 1438, unsaid, a re-trial)
        return "a date of the Islamic calendar marked 'ق' in a form not read here: no date is read from it"
    if not text.isascii() and any(digit in text for digit in _ARABIC_DIGITS + _PERSIAN_DIGITS):
        years = _YEARS.findall(text.translate(_ARABIC_TO_ASCII).translate(_TO_ASCII))
        if any(_ISLAMIC_YEARS[0] <= int(year) <= _ISLAMIC_YEARS[1] for year in years):
            # ('۱۴۳۸', '١٣٩٧': an Islamic or a Solar Hijri year, read as the Gregorian one, exact: two re-trials)
            return (
                "a year in Arabic or Persian digits that the Islamic or the Solar Hijri calendar may mean: no date is "
                "read from it (mark its calendar: '١٤٣٨ هـ', '1397 SH')"
            )
    return None


_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_LUNAR_WORD = lazy(r"(?<!\S)ق(?!\S)|ه\.?\s?ق")


def checked(parsed: Parsed, text: str) -> Parsed:
    """A date read from digits alone whose year may be the Buddhist era's: said, and noted."""
    year = parsed.parts.get("year", 0)
    if _BUDDHIST_YEARS[0] <= year <= _BUDDHIST_YEARS[1] and "day" in parsed.parts and _DAY_FIRST.search(text):
        note = f"'{text}': {year} may be a year of the Thai Buddhist era ({year} BE is {year - 543})"
        parsed.note = f"{parsed.note}; {note}" if parsed.note else note
        parsed.said.append(MAY_BE_BUDDHIST)
    return parsed


def _persian_numbers(ascii_text: str, text: str) -> Parsed | str | None:
    """'۱۳۷۸/۰۸/۰۶': a year, month and day in Persian digits, the year first."""
    found = re.fullmatch(r"\s*(\d{4})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{1,2}))?\s*", ascii_text)
    if found is None or not 1 <= int(found.group(2)) <= 12:
        return None
    return _solar(text, int(found.group(1)), int(found.group(2)), int(found.group(3)) if found.group(3) else None)


def _solar(text: str, year: int, month: int | None, day: int | None) -> Parsed | str | None:
    if not _SOLAR_YEARS[0] <= year <= _SOLAR_YEARS[1] or (day is not None and not 1 <= day <= 31):
        return None
    from convertdate import persian  # (only for such a cell)

    if day is not None and month is not None and day > (length := persian.month_length(year, month)):
        # ('۱۳۷۸/۰۸/۳۱': Aban has 30 days; read as the Gregorian 31 August 1378, or run on into the next month)
        return f"{text!r} is no day of the Solar Hijri calendar: its month {month} of {year} has {length} days"
    first = persian.to_gregorian(year, month or 1, day or 1)
    if day is not None:
        last = first
    elif month is not None:
        last = persian.to_gregorian(year, month, persian.month_length(year, month))
    else:
        last = persian.to_gregorian(year, 12, persian.month_length(year, 12))
    what = "the Solar Hijri calendar's " + ("day" if day else "month" if month else "year")
    note = f"'{text}': {what}, {shown(first, last)} in the Gregorian calendar"
    return _parsed(first, last, day is not None, note)


def _buddhist(text: str, year: int) -> Parsed | None:
    if not _BUDDHIST_YEARS[0] <= year <= _BUDDHIST_YEARS[1]:
        return None
    gregorian = year - 543
    if year >= _THAI_NEW_YEAR_ON_1_JANUARY:
        first, last = (gregorian, 1, 1), (gregorian, 12, 31)
    else:  # the year began on 1 April
        first, last = (gregorian, 4, 1), (gregorian + 1, 3, 31)
    note = f"'{text}': the Buddhist era's year {year}, {shown(first, last)} in the Gregorian calendar"
    if re.sub(r"พ\.\s?ศ\.\s?\d{4}|\d{4}\s?(?:BE|B\.E\.)", "", text).strip(" ,."):
        note += "; the cell's other words are not read with it"
    return _parsed(first, last, False, note)


def _parsed(first: tuple[int, int, int], last: tuple[int, int, int], day: bool, note: str) -> Parsed:
    if day:
        return Parsed({"year": first[0], "month": first[1], "day": first[2]}, approximate=True, note=note, said=[SAID])
    start, end = {"year": first[0], "month": first[1]}, {"year": last[0], "month": last[1]}
    if first[1:] == (1, 1) and last[1:] == (12, days_in_month(last[0], 12)) and first[0] == last[0]:
        start, end = {"year": first[0]}, {"year": first[0]}
    return Parsed(start, approximate=True, note=note, end=end if end != start else None, said=[SAID])
