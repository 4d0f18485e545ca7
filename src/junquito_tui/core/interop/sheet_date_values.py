"""What reading a date cell gives (``Parsed``: parts as precise as the cell, its note, what to warn
of), and the values a workbook reader hands over for date cells whose format shows less than they
store (a month, an hour, a date without its year, part of a time)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..dates import MONTHS

Parts = dict[str, int]  # year (TimelineJS's count), month, day, hour, minute, second


@dataclass(slots=True)
class Parsed:
    parts: Parts
    approximate: bool = False
    note: str | None = None  # the text as written, where it says more (or less) than the parts
    end: Parts | None = None  # a decade, a century or a range of years ends here
    end_note: str | None = None  # what was inferred of the end alone ('01-03' read as the next year's)
    offset: str | None = None  # '+02:00' when the text gives a zone
    pair: tuple[int, int] | None = None  # day and month of '1/2/1951', waiting for the file's order
    end_pair: tuple[int, int] | None = None  # the same of its end ('1/2/1951-3/2/1951')
    # its end as approximate as its start: where the doubt is the whole period's ('c. 1826-31', ACLED's
    # time precision), not a period's own ('1826-31' is approximate by its start alone, as TimelineJS has it)
    end_approximate: bool = False
    order: str | None = None  # 'dmy' or 'mdy' when the value itself shows it (a part over 12)
    month_only: bool = False  # the file says only the month is known (ACLED's time precision 3)
    dotted: bool = False  # '1.2.1951': day first by the dots' convention, which says nothing of the file's order
    said: list[str] = field(default_factory=list)  # what to warn about this value
    seconds: float | None = None  # of its time, where given (our dates end at the minute): for a minute's order
    # a strict bound's day waiting for the file's order ('before 03/02/2018'): -1, the day before it once
    # read; 1, the day after it ('after ...'); 0 for any other date (``sheet_dates._beyond``)
    shift: int = 0
    bound: str | None = None  # 'by' or 'from': an inclusive bound on a day whose order waits, marked once read

    def waits(self) -> bool:
        """Whether its day and month, or its end's, wait for the file's order."""
        return self.pair is not None or self.end_pair is not None


def ordered(parts: Parts, pair: tuple[int, int] | None, order: str) -> Parts:
    """The parts with the day and month of ``pair`` (a date that could be either) in ``order`` ('dmy'
    or 'mdy'); the parts as they are without one."""
    if pair is None:
        return parts
    day, month = pair if order == "dmy" else pair[::-1]
    return {**parts, "day": day, "month": month}


def time_order(parts: Parts) -> tuple[int, ...]:
    """The parts to compare in time: year, month, day, as many as the date has."""
    return tuple(parts[name] for name in ("year", "month", "day") if name in parts)


@dataclass(frozen=True)
class Hidden:
    """A workbook date cell whose format shows no year ('d-mmm', 'mmmm', a weekday): the date it stores,
    whose year the sheet does not show (Excel fills in the year the cell was typed in)."""

    stored: date

    def __str__(self) -> str:  # in a title, a summary or a note: never the year the sheet does not show
        return f"{self.stored.day} {MONTHS[self.stored.month - 1]}"  # ('9/11' typed, which Excel made a date)


@dataclass(frozen=True)
class MonthShown:
    """A workbook date cell whose format shows only its month and year ('mmm-yy', 'mmmm yyyy'): that
    month, as the sheet states it (as text, '1905-07' would also read as the years 1905-1907)."""

    year: int
    month: int

    def __str__(self) -> str:  # in a summary or a note
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class HourShown:
    """A workbook date cell whose format shows its day and hour but not the minutes ('yyyy-mm-dd hh'):
    a date here has no hour precision, so it is the day, the hour shown kept in the date's note."""

    day: date
    hour: int

    def __str__(self) -> str:  # in a summary or a note, as the sheet shows it (a 12-hour clock's hour too)
        return f"{self.day.isoformat()}, hour {self.hour:02d}"


@dataclass(frozen=True)
class PartTime:
    """A workbook time cell whose format shows a time of day only in part: its hour and not the minutes
    ('h AM/PM', 'hh'), or minutes and seconds and not the hour ('mm:ss'). No time is read from it."""

    hour: int | None  # None: the hour is not shown

    def __str__(self) -> str:
        return f"hour {self.hour:02d}" if self.hour is not None else "a time shown without its hour"

    def why(self) -> str:
        if self.hour is None:
            return "a time shown as minutes and seconds, without its hour"
        return f"a time shown as the hour {self.hour:02d} without its minutes"


class ShownNumber(float):
    """A workbook number whose float holds digits the sheet does not show: noise past the 15 significant
    digits a spreadsheet keeps (0.1 + 0.2 stored as 0.30000000000000004), or a number of more than 15
    digits, whose float's own digits look exact and are not the file's (a tweet's id 953163853187309569
    came out as ...568). As text, its 15 digits, as the sheet shows it (``book_numbers``)."""

    def __str__(self) -> str:
        return f"{float(self):.15g}"


class StatedDate(date):
    """30 December 1899 or 28 February 1900 in an ODS date cell: ODS writes a date as its text
    (``office:date-value``), not as a day number, so there it is the date the file gives, not what an
    empty or broken date cell holds (day 0), nor perhaps the day 60 a spreadsheet shows as 29 February."""


class Number1904(float):
    """A number cell of a workbook that counts its days from 1904 (Excel for Mac's old date system): the
    same number everywhere, but read as a day number it is a day of that system, not of 1900's."""


class MidnightShown(datetime):
    """A workbook date cell formatted to show its time ('dd/mm/yyyy hh:mm'), in a sheet of times, holding
    midnight: the sheet shows 00:00, which python-calamine gives as the day alone. Read as that time."""
