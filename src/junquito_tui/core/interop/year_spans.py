"""Periods named with a year that run outside it, each read before as that year alone (false for its days
in the next or the last year):

- winter ('Winter 2018', 'hiver 1916'): December before to March after, as the name may mean the winter
  that ends in the year or the one that begins in it; and so summer where it is the Southern Hemisphere's
  ('austral summer 1916') or may be ('verano 2018': Argentina's, or Venezuela's dry season, runs across a
  new year as much as Spain's summer does not);
- a fiscal year ('FY2018', 'fiscal year 2018', 'FY18'): from January of the year before (a company's named
  by the January it ends in begins in February) to March of the year after (Japan's and India's, by the
  year they begin in); '2018年度' from January 2018 (China's is the calendar year) to March 2019 (Japan's);
- a week numbered in its year ('2020-W53', 'week 1 of 1991', 'KW 1 1991'): ISO 8601's week 1 may begin in
  December, week 53 end in January; held with a week begun on the Sunday before and a week counted from
  1 January, as some count them. A week its year holds ('2018-W03') is those days (it was the year, unsaid:
  a user trial).

Each is approximate, its note says why, and a warning says it once for the file.
"""

from __future__ import annotations

import datetime as dt
import re

from .lazy_pattern import lazy
from .sheet_date_values import Parsed, Parts

_WINTER = r"winter|hiver|invierno|inverno|winters|zima|vinter|talvi|kış"
_SOUTH = r"austral|southern|sud|sur|sul|süd"
_SEASON = lazy(
    rf"^(?:(?:early|mid|late|the|el|le|l'|der|im|in|au|en|de|del|do|da|du)[\s-]+)*"
    rf"(?:(?P<winter>{_WINTER})|(?P<verano>verano|verão)|(?P<south>{_SOUTH})\w*\s+summer|summer)"
    rf"(?:\s+(?:de|of|del|do|du))?,?\s+(?P<year>\d{{4}})(?P<tail>.*)$",
    re.IGNORECASE,
)
_FISCAL = lazy(
    r"^(?:FY|F\.Y\.|fiscal year|financial year|fiscal|ejercicio(?: fiscal)?|año fiscal|exercice)\s?'?"
    r"(?P<year>\d{4}|\d{2})$|^(?P<nendo>\d{4})\s?年度$",
    re.IGNORECASE,
)
_WEEK = lazy(
    r"^(?:(?P<iso_year>\d{4})-?W(?P<iso_week>\d{2})"
    r"|(?:week|wk|KW|semaine|semana|settimana|woche)\.?\s*(?:no\.?\s*)?(?P<week>\d{1,2})(?:\s*(?:of|de|del|/|,))?\s+"
    r"(?P<year>\d{4}))$",
    re.IGNORECASE,
)

# A word each of the periods above holds (a cell without any is none of them)
_WORDS = (
    "winter", "hiver", "invierno", "inverno", "zima", "vinter", "talvi", "kış", "summer", "verano", "verão", "fy",
    "f.y", "fiscal", "financial", "ejercicio", "exercice", "年度", "w", "kw", "semaine", "semana", "settimana",
)  # fmt: skip

SAID = (
    "a winter, a summer that may be the Southern Hemisphere's, a fiscal year or a numbered week, named with a "
    "year, is read with the months it may run into in the years either side (its note says which)"
)


def read(text: str) -> Parsed | None:
    """The period the cell names, wider than its year where it may run outside it; None for any other cell."""
    low = text.lower()
    if not any(word in low for word in _WORDS):  # (most cells: none of them, 1 µs where three patterns took 4)
        return None
    if (season := _SEASON.match(text.strip())) is not None and not season.group("tail").strip(" .?)("):
        return _season(text, season)
    if (fiscal := _FISCAL.match(text.strip())) is not None:
        return _fiscal(text, fiscal)
    if (week := _WEEK.match(text.strip())) is not None:
        return _week(text, week)
    return None


def inner(text: str) -> tuple[Parts, Parts] | None:
    """For a period ``read`` holds wider than any one reading of it, the latest day (month) any reading starts on and
    the earliest any ends on: 'before 2018-W02' is before 8 January 2018 by every count of weeks, 'after FY2018' after
    December 2017 (a bound on the held months' far end was 'by 14 Jan 2018', found by date:2018-01-10: a user trial).
    None for any other text."""
    text = text.strip()
    if (week := _WEEK.match(text)) is not None:
        starts = _week_starts(week)
        if starts is None:
            return None
        year = int(week.group("iso_year") or week.group("year"))
        first_day, last_day, six = dt.date(year, 1, 1), dt.date(year, 12, 31), dt.timedelta(days=6)
        monday, sunday, counted = starts
        # a week begun on Sunday or counted from 1 January begins and ends within its year: week 53 counted from 1
        # January 2020 is 30 and 31 December (a re-trial: 'after 2020-W53' was after 2 January 2021); ISO's need not
        begins = (monday, max(sunday, first_day), max(counted, first_day))
        ends = (monday + six, min(sunday + six, last_day), min(counted + six, last_day))
        return _date_parts(max(begins)), _date_parts(min(ends))
    held = read(text)
    if held is None or held.end is None or "month" not in held.parts or "month" not in held.end:
        return None
    months = 12 if _FISCAL.match(text) is not None else 4  # (a fiscal year's readings; a winter's, December to March)
    first = held.parts["year"] * 12 + held.parts["month"] - 1
    last = held.end["year"] * 12 + held.end["month"] - 1
    (start_year, start_month), (end_year, end_month) = divmod(last - months + 1, 12), divmod(first + months - 1, 12)
    return {"year": start_year, "month": start_month + 1}, {"year": end_year, "month": end_month + 1}


def _date_parts(day: dt.date) -> Parts:
    return {"year": day.year, "month": day.month, "day": day.day}


def _season(text: str, found: re.Match[str]) -> Parsed | None:
    year = int(found.group("year"))
    if not (found.group("winter") or found.group("verano") or found.group("south")):
        return None  # (a northern summer: the year holds it)
    why = (
        "a winter may be the one that ends in the year or the one that begins in it"
        if found.group("winter")
        else "a summer of the Southern Hemisphere (or the dry season of the northern tropics) runs across a new year"
    )
    note = f"'{text}': {why}, so December {year - 1} to March {year + 1} is held"
    return _span((year - 1, 12), (year + 1, 3), note)


def _fiscal(text: str, found: re.Match[str]) -> Parsed | None:
    if (nendo := found.group("nendo")) is not None:
        year = int(nendo)
        note = f"'{text}': a fiscal or school year, the calendar year in China, April to March in Japan"
        return _span((year, 1), (year + 1, 3), note)
    written = found.group("year")
    year = int(written) if len(written) == 4 else (2000 + int(written) if int(written) < 30 else 1900 + int(written))
    note = (
        f"'{text}': a fiscal year, whose months differ by country and body: from February {year - 1} (a company's "
        f"named by the January it ends in) to March {year + 1} (Japan's and India's, by the year they begin in)"
    )
    return _span((year - 1, 1), (year + 1, 3), note)


WEEK_SAID = (
    "a numbered week its year holds is read as its days by ISO 8601, a week begun on Sunday and one counted from 1 "
    "January, some time in them or the whole of them (its note says which days)"
)


def _week_starts(found: re.Match[str]) -> tuple[dt.date, dt.date, dt.date] | None:
    """The first days of the week by ISO 8601, begun on Sunday, and counted from 1 January; None for no such week."""
    year = int(found.group("iso_year") or found.group("year"))
    week = int(found.group("iso_week") or found.group("week"))
    if not 1 <= week <= 53 or not 2 <= year <= 9998:
        return None
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:  # (no week 53 in the year)
        return None
    new_year = dt.date(year, 1, 1)
    counted = new_year + dt.timedelta(days=7 * (week - 1))  # (a week counted from 1 January)
    # a week begun on Sunday, week 1 the one 1 January is in (a spreadsheet's WEEKNUM): not ISO's a day sooner,
    # which it is not where the year begins on a Friday or a Saturday (a review: 2016-W09)
    sunday = new_year - dt.timedelta(days=new_year.isoweekday() % 7) + dt.timedelta(days=7 * (week - 1))
    return monday, sunday, counted


def _week(text: str, found: re.Match[str]) -> Parsed | None:
    year = int(found.group("iso_year") or found.group("year"))
    week = int(found.group("iso_week") or found.group("week"))
    starts = _week_starts(found)
    if starts is None:
        return None
    monday, sunday, counted = starts
    first = min(monday, sunday, counted)
    last = max(monday, sunday, counted) + dt.timedelta(days=6)
    if (first.year, last.year) == (year, year):  # its days, held with the other counts: it was its year, unsaid
        note = (
            f"'{text}': week {week} of {year} is {_day(monday)} to {_day(monday + dt.timedelta(days=6))} by ISO "
            f"8601; held from {_day(first)} to {_day(last)}, where weeks begin on Sunday or are counted from 1 "
            "January: some time in it or the whole of it"
        )
        start, end = {"year": year, "month": first.month, "day": first.day}, {"year": year, "month": last.month,
                                                                              "day": last.day}  # fmt: skip
        return Parsed(start, approximate=True, note=note, end=end, end_approximate=True, said=[WEEK_SAID])
    note = (
        f"'{text}': week {week} of {year} is {_day(monday)} to {_day(monday + dt.timedelta(days=6))} by ISO "
        "8601, and other days where weeks begin on Sunday or are counted from 1 January: its months are held"
    )
    return _span((first.year, first.month), (last.year, last.month), note)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _span(first: tuple[int, int], last: tuple[int, int], note: str) -> Parsed:
    start, end = {"year": first[0], "month": first[1]}, {"year": last[0], "month": last[1]}
    return Parsed(start, approximate=True, note=note, end=end, end_approximate=True, said=[SAID])
