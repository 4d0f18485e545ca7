"""Showing dates exactly as precise as the data: never a day where only a month is known."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import TypeVar

from .bounds import Bound, bound
from .either_way import assumed_other, other_century, other_years
from .records import Event, Precision, When, day_number

T = TypeVar("T")
_WHEN = attrgetter("when")

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def year_label(year: int) -> str:
    return f"{-year + 1} BCE" if year <= 0 else str(year)  # astronomical year 0 is 1 BCE


def day_label(parts: tuple[int, ...]) -> str:
    """(2018, 1, 15) -> 'Monday 15 January 2018'; shorter tuples give 'January 2018' or '2018'."""
    if len(parts) == 1:
        return year_label(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {year_label(parts[0])}"
    year, month, day = parts[:3]
    text = f"{day} {MONTHS[month - 1]} {year_label(year)}"
    if (year, month, day) >= GREGORIAN_START and year <= dt.MAXYEAR:
        text = f"{dt.date(year, month, day):%A} {text}"
    return text


# The Gregorian calendar's first day: before it a date is most likely the Julian calendar's, whose weekday is
# another (a trial: 'Sunday 14 October 1066', Hastings fought on a Saturday by the calendar of the day); none shown
GREGORIAN_START = (1582, 10, 15)


def per_when(events: Sequence[Event], made: Callable[[When | None], T]) -> list[T]:
    """``made(event.when)`` for each event, made once per ``When`` object and looked up by C for the
    rest: a spreadsheet's events share one per date (100,000 events, 1,700 dates)."""
    return Whens(events).each(made)


class Whens:
    """The events' dates, each distinct ``When`` object once: for several ``per_when`` over one list of
    events, its passes made once (a timeline's rows ask three things of each date)."""

    def __init__(self, events: Sequence[Event]) -> None:
        whens = list(map(_WHEN, events))
        self.ids = list(map(id, whens))
        self.distinct = dict(zip(self.ids, whens, strict=True))

    def each(self, made: Callable[[When | None], T]) -> list[T]:
        each = {key: made(when) for key, when in self.distinct.items()}
        return list(map(each.__getitem__, self.ids))

    def any(self, test: Callable[[When], bool]) -> bool:
        """Whether ``test`` holds for any of the dates (asked once each)."""
        return any(test(when) for when in self.distinct.values() if when is not None)


def group_parts(when: When | None) -> tuple[int, ...]:
    """The heading an event sits under: its day, or its month or year when that is all that is known."""
    return () if when is None else when.parts()[:3]


# An importer's note on a time given with no zone, read as UTC: shown as assumed ('06:30 UTC?'), never as
# the zone the file gives (a newsroom's 06:30 is most likely its own time; a user trial found it shown as UTC)
ZONE_NOTE = "no time zone is given with the time: read as UTC"


def zone_assumed(when: When) -> bool:
    return (
        when.precision == Precision.MINUTE
        and when.utc_offset == "+00:00"  # (a note alone, in a file's own words, is no reading as UTC)
        and not when.zone_label
        and ZONE_NOTE in (when.note or "")
    )


CLOCK_WIDTH = 12  # the longest clock() text: '~04:00 UTC-4', '~04:00 +5:30', 'not ordered'


def clock(when: When | None) -> str:
    """The short time of a timeline row, at most CLOCK_WIDTH characters: '~04:00 VST'; for an
    approximate date without a time, the approximate period ('~Jun', '~15 Jan', '~1969'); '' when
    the row's heading already says all there is (a date known exactly to the day, month or year)."""
    if when is None:
        return ""
    parts = when.parts()
    if when.precision != Precision.MINUTE:
        if (given := bound(when)) is not None:  # 'before 15 Jan', not the day next to it ('~14 Jan')
            text = f"{given.side} {period_words(given.parts, year=len(given.parts) == 1)}"
            return text if len(text) <= CLOCK_WIDTH else given.side
        if not when.approximate:
            return ""
        if len(parts) == 1:
            return f"~{year_label(parts[0])}"[:CLOCK_WIDTH]
        month = MONTHS[parts[1] - 1][:3]
        return f"~{month}" if len(parts) == 2 else f"~{parts[2]} {month}"
    time = f"{'~' if when.approximate else ''}{parts[3]:02d}:{parts[4]:02d}"
    label = when.zone_label
    if label and len(time) + 1 + len(label) <= CLOCK_WIDTH:
        return f"{time} {label}"
    zone = "UTC?" if zone_assumed(when) else compact_offset(when.utc_offset or "+00:00")
    return f"{time} {zone}" if len(time) + 1 + len(zone) <= CLOCK_WIDTH else f"{time} {zone.removeprefix('UTC')}"


def compact_offset(offset: str) -> str:
    """'+00:00' -> 'UTC'; '-04:00' -> 'UTC-4'; '+05:30' -> 'UTC+5:30' (the zone a label-less time is in)."""
    sign, hours, minutes = offset[0], int(offset[1:3]), offset[4:6]
    if hours == 0 and minutes == "00":
        return "UTC"
    return f"UTC{sign}{hours}" + ("" if minutes == "00" else f":{minutes}")


def describe(when: When | None) -> str:
    """The full date for a detail view, with its precision and zone spelled out."""
    if when is None:
        return "not dated in the source"
    text = date_words(when)
    if (given := bound(when)) is not None:
        text += f"  [given only as a bound: how long {'before' if given.earlier else 'after'}, not said]"
    else:
        text += f"  [precision: {when.precision}{', approximate' if when.approximate else ''}]"
    if when.note:
        text += f"\n{when.note}"
    return text


def date_words(when: When) -> str:
    """The date in words, as precise as it is known: 'around 04:00 (VST, UTC-04:00), Monday 15
    January 2018', 'around June 2017', '1969'; a day in an assumed order of day and month with the other
    day it could be: 'Friday 2 March 2018 (or Saturday 3 February 2018?)' (``either_way``)."""
    if (given := bound(when)) is not None:  # 'before Monday 15 January 2018', not 'around Sunday 14 January'
        other = _other_bound(given, when)
        return f"{given.side} {day_label(given.parts)}" + (f" (or {given.side} {day_label(other)}?)" if other else "")
    parts = when.parts()
    around = "around " if when.approximate else ""
    other = assumed_other(when)
    day = day_label(parts[:3]) + (f" (or {day_label(other)}?)" if other is not None else "")
    if (years := other_years(when)) is not None:  # '1810-11': November 1810, or the years 1810-1811
        day += f" (or the years {years[0]}–{years[1]}?)"
    if century := other_century_words(when):  # '1-May-20': 2020 as Excel reads it, or 1920
        day += f" {century}"
    if when.precision == Precision.MINUTE:
        zone = f"{when.zone_label}, UTC{when.utc_offset}" if when.zone_label else f"UTC{when.utc_offset}"
        zone += ", assumed: the file gives no zone" if zone_assumed(when) else ""
        return f"{around}{parts[3]:02d}:{parts[4]:02d} ({zone}), {day}"
    return f"{around}{day}"


def iso_or_era(when: When) -> str:
    """A date as a message names it: as the dataset writes it ('2018-01-15'), but a year BCE in words ('400
    BCE', not '-0399', our count, which a reader takes for 399 BCE: a date trial)."""
    return short_date(when) if when.date.startswith(("-", "0000")) else when.date


def short_date(when: When | None) -> str:
    """A compact date for lists: '15 Jan 2018', 'Jun 2017', '~04:00 VST 15 Jan 2018' (a clock time with
    its zone: '00:00 16 Jan' at +14:00 read as Caracas time was 10 hours off; found by a review)."""
    if when is None:
        return "undated"
    if (given := bound(when)) is not None:  # 'before 15 Jan 2018', not '~14 Jan 2018'
        moved = _other_bound(given, when)
        return f"{given.side} {period_words(given.parts)}" + (
            f" (or {given.side} {period_words(moved)}?)" if moved else ""
        )
    parts = when.parts()
    mark = "~" if when.approximate else ""
    century = f" {words}" if (words := other_century_words(when)) else ""
    if len(parts) == 1:
        return f"{mark}{year_label(parts[0])}{century}"
    month = MONTHS[parts[1] - 1][:3]
    if len(parts) == 2:
        years = other_years(when)
        return f"{mark}{month} {year_label(parts[0])}" + (f" (or {years[0]}–{years[1]}?)" if years else "") + century
    day = f"{parts[2]} {month} {year_label(parts[0])}"
    if other := other_reading(when):
        day += f" {other}"
    if len(parts) == 5:
        zone = when.zone_label or ("UTC?" if zone_assumed(when) else compact_offset(when.utc_offset or "+00:00"))
        return f"{mark}{parts[3]:02d}:{parts[4]:02d} {zone} {day}"
    return f"{mark}{day}"


def period_words(parts: tuple[int, ...], *, year: bool = True) -> str:
    """(2018, 1, 15) -> '15 Jan 2018'; (2017, 6) -> 'Jun 2017'; (2017,) -> '2017' (``year`` False: '15 Jan', 'Jun',
    and a year alone as it is)."""
    if len(parts) == 1:
        return year_label(parts[0])
    words = [*([str(parts[2])] if len(parts) > 2 else []), MONTHS[parts[1] - 1][:3]]
    return " ".join([*words, year_label(parts[0])] if year else words)


def _other_bound(given: Bound, when: When) -> tuple[int, int, int] | None:
    """The bound read the other way round, for a day whose order of day and month is assumed: the other day the
    date was moved to (``assumed_other``), moved back to the bound ('before 03/02/2018', read before 2 March: or
    before 3 February)."""
    return bound_other(given, assumed_other(when))


def bound_other(given: Bound, other: tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    """The other day a bound's event sorts on (``assumed_other``), moved back to its bound."""
    if other is None:
        return None
    step = {"before": 1, "after": -1}.get(given.side, 0)
    try:
        moved = dt.date(*other) + dt.timedelta(days=step)
    except (ValueError, OverflowError):
        return None
    return (moved.year, moved.month, moved.day)


def other_reading(when: When | None) -> str:
    """'(or 3 Feb?)' for a day shown in an order of day and month the file does not show (``either_way``):
    the other day it could be; '(or 1810–1811?)' for a month that could be years; '(or 1920?)' for a year
    written with two digits, read as Excel reads it; '' for any other date."""
    return " ".join(filter(None, (_other_reading(when), other_century_words(when))))


def _other_reading(when: When | None) -> str:
    if when is not None and (given := bound(when)) is not None:  # the other bound ('(or before 3 Feb?)')
        return other_bound_words(given, assumed_other(when))
    if (years := other_years(when)) is not None:  # '1810-11': November 1810, or the years (a re-trial: unmarked here)
        return f"(or {years[0]}–{years[1]}?)"
    return other_day(assumed_other(when))


def other_century_words(when: When | None) -> str:
    """'(or 1920?)' for a date whose year is written with two digits ('1-May-20', read as 2020 as Excel reads
    it): its year in the other century; '' for any other. (Shown plain, the guess placed the row: a UI trial.)"""
    if when is None or (step := other_century(when)) is None:
        return ""
    return f"(or {year_label(when.parts()[0] + step)}?)"


def other_bound_words(given: Bound, other: tuple[int, int, int] | None) -> str:
    """'(or before 3 Feb?)': the bound read the other way round, from the other day it sorts on; '' for none."""
    moved = bound_other(given, other)
    return f"(or {given.side} {period_words(moved, year=False)}?)" if moved else ""


def other_day(day: tuple[int, int, int] | None) -> str:
    return f"(or {day[2]} {MONTHS[day[1] - 1][:3]}?)" if day is not None else ""


def period_date(when: When | None, end: When | None) -> str:
    """``short_date``, and the end of a period after it ('Nov 2017 – Feb 2018'): a result that
    matched a day inside a period says it is the period, not that day."""
    if when is None or end is None:
        return short_date(when)
    return f"{short_date(when)}, {until(end)}" if bound(end) is not None else f"{short_date(when)} – {short_date(end)}"


def until(end: When, *, short: bool = True) -> str:
    """A period's end, after its start: 'to 15 Feb 2018' ('until Thursday 15 February 2018' not ``short``); an end
    given only as a bound, as such: 'ending by 15 Feb 2018', 'ending no earlier than 2019' (a user trial read
    'to by 15 Feb 2018' and 'until from 2019')."""
    text = short_date(end) if short else date_words(end)
    if bound(end) is None:
        return f"{'to' if short else 'until'} {text}"
    return "ongoing" if _ongoing(end) else f"ending {ending(end, text)}"


def ending(end: When, text: str) -> str:
    """``text``, an end's date as shown, as an end's bound is said: 'from 2019' is 'no earlier than 2019'; an end
    the file gives as 'present': 'ongoing: ...'."""
    if bound(end) is None or not text.startswith("from "):
        return text
    return f"{'ongoing: ' if _ongoing(end) else ''}no earlier than {text.removeprefix('from ')}"


def _ongoing(end: When) -> bool:
    """An end a spreadsheet gives as 'present' ('ongoing', 'hasta hoy'): its note says so (``sheet_dates``)."""
    return "' (ongoing)" in (end.note or "")


def gap(earlier: tuple[int, ...], later: tuple[int, ...]) -> str:
    """Words for the distance between two headings, no finer than the coarser of the two: between
    days, the whole days, weeks, months or years that have passed; where one heading is a month or a
    year, calendar months or years, which are only about that far apart ('2017' to '1 January 2018'
    is 'the next year': a day, or nearly two years; not '1 year later')."""
    if not earlier or not later:
        return ""
    depth = min(len(earlier), len(later))
    years = later[0] - earlier[0]
    if depth == 1:
        return _calendar(years, "year")
    months = years * 12 + later[1] - earlier[1]
    if depth == 2:
        return _calendar(months, "month") if months < 24 else _calendar(months // 12, "year")
    days = day_number(*later[:3]) - day_number(*earlier[:3])  # (any year: BCE days too)
    if days < 14:
        return _plural(days, "day")
    if days < 61:
        return _plural(days // 7, "week")
    # whole months passed, a day past its month's end counting as the end: 31 January to 1 March is
    # one, to 30 April three
    months -= later[2] < min(earlier[2], calendar.monthrange(later[0], later[1])[1])
    if months < 24:
        return _plural(months, "month")
    years, rest = divmod(months, 12)  # ('2 years 11 months later': it was '2 years later', nearly 3; a user trial)
    return (
        _plural(years, "year")
        if not rest
        else f"{_plural(years, 'year').removesuffix(' later')} {_plural(rest, 'month')}"
    )


def _calendar(count: int, unit: str) -> str:
    return f"the next {unit}" if count == 1 else f"about {_plural(count, unit)}" if count > 1 else ""


def _plural(count: int, unit: str) -> str:
    if count <= 0:
        return ""
    return f"{count:,} {unit}{'' if count == 1 else 's'} later"
