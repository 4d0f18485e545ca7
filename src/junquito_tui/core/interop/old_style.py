"""Dates of the Julian calendar, marked so ('25 October 1917 O.S.', '(Old Style)', '(Julian)', 'ст. ст.'):
read as their Gregorian days, the calendar of every other date. They were the month written, approximate:
October 1917 for 25 October 1917 O.S., which is 7 November 1917, and March 1712 for 28 March 1712 O.S.,
which is 8 April.

Where England counted the year from 25 March (to 1750), '10 February 1711 O.S.' may be 1711 or 1712
in today's count: the date holds both, said. A day and month in digits alone ('5/3/1712 O.S.'), or a
date the reader finds anything more in, is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..date_keys import days_in_month
from .islamic_feasts import shown
from .lazy_pattern import lazy
from .month_words import WEEKDAYS
from .sheet_date_values import Parsed

_MARK = lazy(
    r"[\s,;]*[(\[]?\s*\b(?:(?P<new>N\.\s?S\.?|New\s+Style|Gregorian(?:\s+calendar)?)|O\.\s?S\.?|(?P<bare>OS)|Old\s+Style|"
    r"Julian(?:\s+calendar)?|(?:calendario\s+)?juliano|(?:calendrier\s+)?julien|julianisch|(?:alten|alter)\s+Stils?|"
    r"a\.\s?St\.|ст\.\s?ст\.|стар\.\s?ст\.|по\s+старому\s+стилю|(?:ancien|vieux)\s+style|estilo\s+antiguo)"
    r"\s*[)\]]?\.?$",
    re.IGNORECASE,
)
_WORDS = (
    "o.s", "os", "style", "julian", "julien", "juliano", "julianisch", "stil", "st.", "ст.", "стилю", "n.s",
    "gregorian", "calendar", "antiguo", "ст",
)  # fmt: skip
LAST_JULIAN_YEAR = 1923  # Greece's last ('OS' alone after a later date is no calendar's mark)
_YEAR_FROM_LADY_DAY = 1750  # England's last year counted from 25 March (Lady Day); 1751 began then
SAID = "a date of the Julian calendar (Old Style) is read as its Gregorian day: its note gives the date as written"


def marked(text: str) -> bool:
    """Whether ``text`` ends in a calendar's mark ('O.S.', 'Julian'): a date before it is not the Gregorian day."""
    return text.lower().rstrip(" .)]").endswith(_WORDS) and _MARK.search(text) is not None


def read(text: str, read_words: Callable[[str], Parsed | str]) -> Parsed | str | None:
    """A date marked as the Julian calendar's, in the Gregorian; None for any other (``read_words``: the
    reader of the date without its mark). A mark of doubt after it, or a time after the mark, are read too (each
    left the Julian day as if it were the Gregorian: a re-trial)."""
    if (doubt := _DOUBT_END.search(text)) is not None and doubt.start() > 0:
        found = read(text[: doubt.start()], read_words)
        if isinstance(found, Parsed):
            found.approximate, found.end_approximate = True, found.end is not None
            found.note = (found.note or "").replace(f"'{text[: doubt.start()]}'", f"'{text}'", 1) or text
        return found
    if (timed := _TIME_AFTER.match(text)) is not None and marked(timed.group(1)):  # '25/10/1917 O.S. 10:00'
        mark = _MARK.search(timed.group(1))
        assert mark is not None  # (``marked`` found it)
        moved = f"{timed.group(1)[: mark.start()]} {timed.group(2)}{timed.group(1)[mark.start() :]}"
        found = read(moved, read_words)
        if isinstance(found, Parsed) and found.note:
            found.note = found.note.replace(f"'{moved}'", f"'{text}'", 1)
        return found
    tail = text[-28:].lower().rstrip(" .)]")
    if not tail.endswith(_WORDS) or (mark := _MARK.search(text)) is None or not text[: mark.start()].strip():
        return None
    before = text[: mark.start()].strip()
    # a weekday before the day is the Julian day's ('Wednesday, 25 October 1917 O.S.'): checked here, not by the
    # reader, which knows only the Gregorian (a re-trial: the date fell to 'around October 1917', not 7 November)
    named = None
    if (weekday := _WEEKDAY.match(before)) is not None and weekday.group(1).lower() in WEEKDAYS:
        named, before = weekday.group(1), before[weekday.end() :]
    written = read_words(before)
    if not isinstance(written, Parsed):
        return None
    clock: dict[str, int] = {key: written.parts[key] for key in ("hour", "minute", "second") if key in written.parts}
    if clock and set(written.parts) - set(clock) == {"year", "month", "day"}:  # a day and its time: the day converted
        return _with_clock(_converted(text, _day_alone(written), mark), written, clock)
    if set(written.parts) not in ({"year", "month", "day"}, {"year", "month"}):
        return None
    converted = _converted(text, written, mark)
    if named is not None and isinstance(converted, Parsed) and (day := written.parts.get("day")) is not None:
        year, month = written.parts["year"], written.parts["month"]
        new = bool(mark.group("new"))  # (N.S.: the Gregorian day's weekday)
        years = (year, year + 1) if not new and year <= _YEAR_FROM_LADY_DAY and (month, day) < (3, 25) else (year,)
        counted = [one + 1 if one < 0 else one for one in years]  # (the reader's -44 is 44 BCE, year -43)
        if WEEKDAYS[named.lower()] not in {_weekday(one, month, day, new) for one in counted}:
            from calendar import day_name

            actual, shown = day_name[_weekday(counted[0], month, day, new)], f"{-year} BCE" if year < 0 else year
            clash = (
                f"the file says {named}, but {day} {_month(month)} {shown} {'N.S.' if new else 'O.S.'} was a {actual}"
            )
            converted.note = f"{converted.note}; {clash}: read as the date written"
            converted.said.append(f"{clash}: the date is read as written, the weekday in its note")
    return converted


def _day_alone(written: Parsed) -> Parsed:
    """The day of a date with a time, as the reader would give it without the time."""
    day = {key: written.parts[key] for key in ("year", "month", "day")}
    return Parsed(day, approximate=written.approximate, note=written.note if written.approximate else None)


def _with_clock(converted: Parsed | str | None, written: Parsed, clock: dict[str, int]) -> Parsed | str | None:
    """The converted day with the written time (a day's hours are the same in both calendars); a day that may be
    either of two (its year from 25 March) keeps no time, said."""
    if not isinstance(converted, Parsed):
        return converted
    if converted.end is not None:
        time = f"{clock['hour']:02d}:{clock['minute']:02d}"
        converted.note = f"{converted.note}; its time ({time}) is not kept: the day is one of two"
        return converted
    converted.parts.update(clock)
    converted.offset, converted.seconds, converted.said = (
        written.offset,
        written.seconds,
        [*converted.said, *written.said],
    )
    return converted


def _converted(text: str, written: Parsed, mark: re.Match[str]) -> Parsed | str | None:
    if written.end or written.offset or written.pair or written.said or (written.note and not written.approximate):
        return None  # (more than a day or a month, perhaps with a word of doubt: left to the reader)
    if mark.group("new"):  # the Gregorian calendar's, as every date is read: the date as written
        written.note = f"'{text}': read as the Gregorian calendar's date, as every date is"
        return written
    year, month = written.parts["year"], written.parts["month"]
    if not 1 <= month <= 12 or year < 100 or (mark.group("bare") and year > LAST_JULIAN_YEAR):  # ('OS' alone)
        return None
    day = written.parts.get("day")
    lady_day = year <= _YEAR_FROM_LADY_DAY and (month, day or 1) < (3, 25)  # perhaps counted from 25 March
    if day is not None and not 1 <= day <= _julian_days(year, month):
        if lady_day and 1 <= day <= _julian_days(year + 1, month):  # '29 February 1711': only 1712 has it
            first = _gregorian(year + 1, month, day)
            note = f"'{text}': the Julian calendar's, {shown(first, first)} in the Gregorian (its year from 25 March)"
            return _kept(written, Parsed(_day(first), note=note, said=[SAID]))
        from ..dates import MONTHS

        return f"no day of the Julian calendar: {MONTHS[month - 1]} {year} has {_julian_days(year, month)} days"
    first = _gregorian(year, month, day or 1)
    last = first if day is not None else _gregorian(year, month, _julian_days(year, month))
    if lady_day and (day is None or day <= _julian_days(year + 1, month)):
        last = _gregorian(year + 1, month, day or _julian_days(year + 1, month))
        note = (
            f"'{text}': the Julian calendar's, {shown(first, last)} in the Gregorian (its year may count from 25 March)"
        )
        return _kept(written, Parsed(_day(first), approximate=True, end=_day(last), note=note, said=[SAID]))
    note = f"'{text}': the Julian calendar's, {shown(first, last)} in the Gregorian"
    if day is None:  # a month: some day of it, as a month is
        return _kept(written, Parsed(_day(first), approximate=True, end=_day(last), note=note, said=[SAID]))
    return _kept(written, Parsed(_day(first), approximate=written.approximate, note=note, said=[SAID]))


def julian_weekday(year: int, month: int, day: int) -> int:
    """The weekday (0 Monday) of a day of the Julian calendar."""
    return _weekday(year, month, day, gregorian=False)


def _weekday(year: int, month: int, day: int, gregorian: bool) -> int:
    """The weekday (0 Monday) of a day of the Gregorian calendar (counted back before its year 1 too, where
    Python's dates stop) or of the Julian, by its Julian day number."""
    shift = (14 - month) // 12
    years, months = year + 4800 - shift, month + 12 * shift - 3
    days = day + (153 * months + 2) // 5 + 365 * years + years // 4
    return (days - years // 100 + years // 400 - 32045 if gregorian else days - 32083) % 7


def _month(month: int) -> str:
    from ..dates import MONTHS

    return MONTHS[month - 1]


_WEEKDAY = re.compile(r"^([^\W\d_]+)\.?,?\s+(?=\d)")
# A mark of doubt after the calendar's mark ('25 Oct 1917 OS?', '... O.S. (?)', '(O.S.) approx.')
_DOUBT_END = re.compile(
    r"\s*(?:\?+|[(\[]\?[)\]]|[(\[]?\b(?:approx\.?|circa|ca\.|c\.|aprox\.?)[)\]]?)\s*$", re.IGNORECASE
)
# A time after the calendar's mark ('25/10/1917 O.S. 10:00'): put before it
_TIME_AFTER = re.compile(r"^(.*\S)\s+(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)$")


def _kept(written: Parsed, converted: Parsed) -> Parsed:
    """The converted date with what the written one shows of the file's day/month order ('25/10/1917 O.S.')."""
    converted.order = written.order
    return converted


def _julian_days(year: int, month: int) -> int:
    return 29 if month == 2 and year % 4 == 0 else days_in_month(2001, month)


def _gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    from convertdate import gregorian, julian  # (only for such a cell)

    found: tuple[int, int, int] = gregorian.from_jd(julian.to_jd(year, month, day))
    return found


def _day(day: tuple[int, int, int]) -> dict[str, int]:
    return {"year": day[0], "month": day[1], "day": day[2]}
