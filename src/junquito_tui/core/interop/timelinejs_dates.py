"""TimelineJS3 date objects to our ``When`` and back, keeping exactly the precision given.

TimelineJS shows a negative year ``-300`` as "300 BCE" (it has no year 0 in its
display); we count years astronomically (0 is 1 BCE, -299 is 300 BCE), so negative
years move by one each way. Its times have no time zone; seconds and milliseconds
are finer than our minute precision and are kept, as written, in the date's note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..bounds import bound
from ..date_keys import iso_date
from ..dates import MONTHS, date_words, day_label, zone_assumed
from ..either_way import assumed_other
from ..records import TEXT_MAX, Precision, When, parse_partial_date
from ..text import has_control
from .month_words import PART_OF_DAY
from .notes import Notes

MAX_YEAR = 10**12 - 1  # our dates hold at most 12 year digits
NO_ZONE = "TimelineJS times carry no time zone: read as UTC (+00:00)"
# [0-9], not \d: TimelineJS (JavaScript's parseInt) reads no Arabic-Indic or other digits.
_WHOLE = re.compile(r"\s*([+-]?)0*([0-9]+)(?:\.0*)?\s*")
_ISO_SHORT = re.compile(r"\s*([+-]?[0-9]+)(?:-([0-9]{1,2}))?(?:-([0-9]{1,2}))?\s*")
_HUGE = 10**18  # a number with more digits is beyond every limit: never parsed (int() refuses 4,300 digits)
_APPROXIMATE = re.compile(
    r"^\s*(~|≈|c\.|ca\.|circa\b|around\b|about\b|approx|mid-|mid\b|early\b|late\b|some ?time\b|before\b|after\b|"
    # Spanish: 'aprox.', 'hacia el 15', 'a mediados de enero', 'principios de', 'antes del', 'entre el 14 y el 16'
    r"aprox|hacia\b|alrededor\b|cerca\b|(?:a )?mediados\b|(?:a )?(?:principios|comienzos|inicios|finales|fines)\b|"
    r"antes\b|despu[eé]s\b|entre\b)",
    re.IGNORECASE,
)
_PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
KNOWN_DATE_FIELDS = frozenset({*_PARTS, "display_date", "format", "format_short", "thumbnail"})


class _Invalid:
    def __init__(self, raw: object) -> None:
        self.raw = raw


def _number(raw: object) -> int | _Invalid | None:
    """None for an absent part ('' and null included); numbers may be strings, zero-padded."""
    if isinstance(raw, str):
        return _number_text(raw)
    if raw is None:
        return None
    if isinstance(raw, bool):
        return _Invalid(raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else _Invalid(raw)
    return _Invalid(raw)


@lru_cache(maxsize=4096)  # a sheet's parts are text, and repeat ('2014', '01'): each read once (never changed)
def _number_text(raw: str) -> int | _Invalid | None:
    if not raw.strip():
        return None
    if match := _WHOLE.fullmatch(raw):
        sign, digits = match.groups()
        return int(sign + digits) if len(digits) <= 18 else -_HUGE if sign == "-" else _HUGE
    return _Invalid(raw)


def stated_seconds(value: object) -> float | None:
    """The seconds (and milliseconds) a date object gives, for the order of events within a minute; None
    where it gives none or ones that are not valid (then the file states no such order)."""
    if not isinstance(value, dict):
        return None
    second, millisecond = _number(value.get("second")), _number(value.get("millisecond"))
    if not isinstance(second, int) or not 0 <= second <= 59:
        return None
    if millisecond is None:
        return float(second)
    return second + millisecond / 1000 if isinstance(millisecond, int) and 0 <= millisecond <= 999 else None


def _shown(raw: object) -> str:
    text = repr(raw) if isinstance(raw, str) else str(raw).lower() if isinstance(raw, bool) else str(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def _given_part(raw: object) -> str:
    """A date part as the file gives it, for a note: its number, or its text as written."""
    return _shown(raw.raw if isinstance(raw, _Invalid) else raw)


def is_approximate(display: str | None, day: bool = False) -> bool:
    """'~04:00', 'around 1850', 'circa 300 BCE', 'mid-June', 'early 1990s', 'before 1900', 'mediados de enero'
    are approximate. ``day``: the slide gives its day, which a part of the day does not make approximate ('Early
    morning', 'Before dawn', 'late night' on 15 January are that day; a user trial found them '~15 Jan')."""
    if display is None or (marked := _APPROXIMATE.match(display)) is None:
        return False
    # only a part of the day after a word that places it ('Early morning', 'Before dawn'), not after a word of doubt
    # ('around noon', 'about midnight': a review), nor a day named after it ('Early morning of 16 January')
    placing = _PLACING.match(display) is not None
    return not (day and placing and PART_OF_DAY.fullmatch(display[marked.end() :].strip(" .,;:()")) is not None)


_PLACING = re.compile(
    r"^\s*(?:mid-|mid\b|early\b|late\b|before\b|after\b|(?:a )?mediados\b|"
    r"(?:a )?(?:principios|comienzos|inicios|finales|fines)\b|antes\b|despu[eé]s\b)",
    re.IGNORECASE,
)


@dataclass
class DateReader:
    notes: Notes
    # Large files repeat their dates: a date object read without a warning is not read again.
    _seen: dict[tuple[object, ...], When] = field(default_factory=dict)

    def read(self, value: Any, path: str, consequence: str, display: str | None = None) -> When | None:
        """Our ``When`` for a TimelineJS date object, or None (with a warning ending in ``consequence``)."""
        key = None
        if isinstance(value, dict):  # types too: True and 1 are equal keys, but only 1 is a year
            values = tuple(map(value.get, _PARTS))
            key = (values, tuple(map(type, values)), display)
        try:
            if key is not None and (known := self._seen.get(key)) is not None:
                return known
        except TypeError:  # a part that is a list or an object: not hashable, read as usual
            key = None
        said = self.notes.said
        when = self._read(value, path, consequence, display)
        if key is not None and when is not None and self.notes.said == said:
            self._seen[key] = when
        return when

    def _read(self, value: Any, path: str, consequence: str, display: str | None) -> When | None:
        if isinstance(value, str) and (match := _ISO_SHORT.fullmatch(value)):
            self.notes.add(path, f"a date should be an object with a year; read {value!r} as year-month-day")
            value = dict(zip(("year", "month", "day"), match.groups(), strict=True))
        if not isinstance(value, dict):
            self.notes.add(path, f"not a date object with a year; {consequence}")
            return None
        parts = {name: _number(value.get(name)) for name in _PARTS}
        year = parts["year"]
        if year is None:
            self.notes.add(path, f"no year; {consequence}")
            return None
        if isinstance(year, _Invalid):
            self.notes.add(f"{path}.year", f"{_shown(year.raw)} is not a whole number; {consequence}")
            return None
        if abs(year) > MAX_YEAR:
            shown = _shown(value.get("year"))
            self.notes.add(f"{path}.year", f"{shown} is beyond the {MAX_YEAR:,} years we can hold; {consequence}")
            return None
        if year == 0:
            self.notes.add(f"{path}.year", "TimelineJS year 0 read as 1 BCE (there is no year 0)")
        ours = year + 1 if year < 0 else year
        return self._build(ours, parts, path, display, year == 0)

    def _build(
        self, year: int, parts: dict[str, int | _Invalid | None], path: str, display: str | None, zero: bool = False
    ) -> When | None:
        numbers = [year]
        missing = ""
        # a part dropped, or year 0 read as 1 BCE: said with the date, as well as in a warning
        problems: list[str] = ["year 0 read as 1 BCE, as TimelineJS has no year 0"] if zero else []
        for name in ("month", "day", "hour"):
            raw = parts[name]
            if raw is None:
                missing = name
                break
            if name == "hour" and raw == 24 and not any(parts[finer] for finer in _PARTS[4:]):
                # ISO 8601's 24:00 is the day's end: a valid time, on the boundary with the next day
                self.notes.add(f"{path}.hour", "24:00 is midnight at the day's end; the date is kept to the day")
                problems.append("24:00, midnight at the day's end (00:00 the next day): the date is kept to the day")
                break
            if (problem := self._valid(name, raw, numbers, path)) is not None:
                problems.append(problem)
                missing = f"valid {name}" if name != "hour" else ""  # (an hour's minutes: the time it names)
                break
            numbers.append(raw)  # type: ignore[arg-type]  # _valid checked it is an int
        finer = [name for name in _PARTS[len(numbers) + 1 :] if parts[name] is not None]
        if missing and finer:  # said with the date too: what the file gives and the date does not hold, with its
            # values (a trial: 'hour, minute ignored' named no 14:30; a day 40 after a month 13 went unsaid)
            given = ", ".join(f"{name} {_given_part(parts[name])}" for name in finer)
            dropped = f"{given} ignored: given without {'an' if missing == 'hour' else 'a'} {missing}"
            self.notes.add(path, dropped)
            problems.append(dropped)
        notes = [display, *problems] if display else problems
        if len(numbers) == 4:  # an hour: the minute and what follows
            minute = parts["minute"]
            if minute is None:
                notes.append("the file gives the hour only")
                minute = 0
            elif (problem := self._valid("minute", minute, numbers, path)) is not None:
                notes.append(problem)
                minute = None
                numbers.pop()
            if minute is not None:
                numbers.append(minute)  # type: ignore[arg-type]
                exact = self._seconds(parts, path)
                if exact:
                    notes.append(f"the file gives {numbers[3]:02d}:{numbers[4]:02d}:{exact}")
        fields: dict[str, Any] = {"date": _iso(numbers), "precision": _PRECISION[len(numbers)]}
        if len(numbers) == 5:
            fields["utc_offset"] = "+00:00"
        if is_approximate(display, day=len(numbers) == 3):  # (a slide of a day, not of an hour: 'around noon')
            fields["approximate"] = True
        if notes:
            fields["note"] = "; ".join(notes)
        try:
            return _when(tuple(fields.items()))
        except ValueError as error:  # pydantic's ValidationError is one; not expected: every part was checked above
            reason = error.errors()[0]["msg"] if hasattr(error, "errors") else str(error)
            self.notes.add(path, f"unusable date ({reason})")
            return None

    def _valid(self, name: str, raw: int | _Invalid, numbers: list[int], path: str) -> str | None:
        """None for a valid part; else, said in a warning, what the date's note says of it
        ('February has no day 30: the date is kept to the month')."""
        if name == "minute":  # (23:60 was 23:00, a minute the file never gave: a user trial)
            kept = f"the date is kept to the day (the file gives the hour {numbers[3]:02d})"
        else:
            kept = f"the date is kept to the {_unit(numbers)}"
        low, high = _LIMITS[name]
        if isinstance(raw, _Invalid) or not low <= raw <= high:
            shown = _shown(raw.raw if isinstance(raw, _Invalid) else raw)
            self.notes.add(f"{path}.{name}", f"{shown} is not a valid {name}; {kept}")
            return f"{shown} is not a valid {name}: {kept}"
        if name == "day" and not _day_exists(numbers[0], numbers[1], raw):
            self.notes.add(f"{path}.day", f"{MONTHS[numbers[1] - 1]} has no day {raw}; {kept}")
            return f"{MONTHS[numbers[1] - 1]} has no day {raw}: {kept}"
        return None

    def _seconds(self, parts: dict[str, int | _Invalid | None], path: str) -> str:
        second, millisecond = parts["second"], parts["millisecond"]
        if isinstance(second, _Invalid) or (second is not None and not 0 <= second <= 59):
            shown = _shown(getattr(second, "raw", second))
            self.notes.add(f"{path}.second", f"{shown} is not a valid second")
            return f"{shown} (not a valid second: the minute is kept)"  # the date's note keeps it too
        if isinstance(millisecond, _Invalid) or (millisecond is not None and not 0 <= millisecond <= 999):
            self.notes.add(f"{path}.millisecond", f"{_shown(getattr(millisecond, 'raw', millisecond))} is not valid")
            millisecond = None
        if not second and not millisecond:
            return ""
        self.notes.group("seconds are finer than minute precision: kept in the date's note", path)
        return f"{second or 0:02d}" + (f".{millisecond:03d}" if millisecond else "")


_LIMITS = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59)}
_PRECISION = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY, 5: Precision.MINUTE}


def _unit(numbers: list[int]) -> str:
    return ("year", "month", "day")[len(numbers) - 1]


@lru_cache(maxsize=65536)  # large files repeat their dates: one validation per distinct date
def _when(fields: tuple[tuple[str, Any], ...]) -> When:
    """The date ``_build`` made (frozen: safe to share). Its date and precision agree by construction
    (``_iso`` and ``_PRECISION`` of the same parts) and the importer's document is validated whole
    afterwards, so a plain note is taken as it is: pydantic for each distinct date as well was ~5%
    of a 100,000-row TimelineJS sheet's import (60,000 distinct dates). A note that may break a rule
    (a control character, its length) is checked here, where a failure is one row's warning rather
    than the whole file's."""
    made = dict(fields)
    note = made.get("note")
    if note is None or (len(note) <= TEXT_MAX and not has_control(note)):
        return When(**made)
    from ..model import checked_when  # the contract, only for a note that may break it

    return checked_when(**made)


@lru_cache(maxsize=65536)
def _day_exists(year: int, month: int, day: int) -> bool:
    """Whether our format holds this day: the contract's own test of a date (pydantic is not needed)."""
    try:
        parse_partial_date(_iso([year, month, day]))
    except ValueError:
        return False
    return True


def _iso(numbers: list[int]) -> str:
    text = iso_date(numbers)
    if len(numbers) == 5:
        text += f"T{numbers[3]:02d}:{numbers[4]:02d}"
    return text


def timelinejs_year(year: int) -> int:
    """Our astronomical year to the year TimelineJS shows: 0 -> -1 (1 BCE), -299 -> -300 (300 BCE)."""
    return year - 1 if year <= 0 else year


def date_token(when: When) -> str:
    """A readable, stable piece of an id: '1969-07-20', '300-bce', '13800000000-bce-06'; for a date given only as a
    bound, the bound: 'before-2018-01-15' (a re-trial: 'archive-gap-2016' for 'before 2017', a year the file never
    gave)."""
    given = bound(when)
    year, *rest = given.parts if given is not None else when.parts()[:3]
    head = str(year) if year > 0 else f"{1 - year}-bce"
    return "-".join([*([given.side] if given is not None else []), head, *(f"{n:02d}" for n in rest)])


def to_timelinejs(when: When) -> dict[str, str]:
    """Date parts, as strings, exactly as precise as ``when``."""
    parts = when.parts()
    out = {"year": str(timelinejs_year(parts[0]))}
    for name, number in zip(("month", "day", "hour", "minute"), parts[1:], strict=False):
        out[name] = str(number)
    return out


def display(when: When) -> str:
    """What TimelineJS should show for a date it cannot say itself: 'around 04:00 VST, Monday 15 January 2018';
    with the other day it could be where its order of day and month is assumed (``either_way``); a date given only
    as a bound as the bound ('before Monday 15 January 2018', ``bounds``)."""
    if bound(when) is not None:
        return date_words(when)
    parts = when.parts()
    text = day_label(parts[:3])
    if when.precision == Precision.MINUTE:
        zone = when.zone_label or (
            "(no time zone given; read as UTC)" if zone_assumed(when) else f"UTC{when.utc_offset}"
        )
        text = f"{parts[3]:02d}:{parts[4]:02d} {zone}, {text}"
    if (other := assumed_other(when)) is not None:
        text += f" (or {day_label(other)}: the order of day and month is assumed)"
    return f"around {text}" if when.approximate else text
