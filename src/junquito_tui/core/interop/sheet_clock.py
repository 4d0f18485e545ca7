"""A time of day at the end of a date cell, and the zone after it: an offset is read exactly ('+02:00',
'UTC+2', 'Z'); a zone's abbreviation ('EST') is not guessed at (the time is then not used, said); a
TimelineJS sheet's Time cell is read by the same rules (``read_time``, ``time_offset``)."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from .sheet_date_values import Parts, PartTime

# 'h' between hour and minutes ('22h30') as French, Spanish and Portuguese write it; 'p. m.' as Spanish
# does; a word for hours after it ('10:30 hrs', 'horas') says what the number is, nothing more.
_TIME = re.compile(
    r"(?:^|T|\s+)(\d{1,2})[:h](\d{2})(?::(\d{2}(?:[.,]\d+)?))?\s*(?:([ap])\.?\s?m\.?)?\s*(?:(?:hrs?|hs|horas)\.?\s*)?"
    r"(Z|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?)?$",  # the zone: Z, UTC+2, +02:00, -0430, +02
    re.IGNORECASE,
)

_HOURS_ONLY = re.compile(r"[+-]\d{2}")
_OFFSET = re.compile(r"(?:UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?$", re.IGNORECASE)

# A zone given by its abbreviation after a time ('10:00 EST'): not read, since one abbreviation can
# stand for several offsets (CST: China, Cuba or US Central; IST: India, Ireland or Israel).
_ZONE_WORD = re.compile(r"\d[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?\s*\b([A-Z]{2,5})$")

ZONE_WORD = (
    "a time followed by a word that is not a UTC offset (a zone's abbreviation, EST, CST, IST, which can stand "
    "for more than one; or another word, HRS, LOCAL) is not used: the date is kept to the day, the time in its note"
)

_AT = re.compile(r"(?<=\S)\s*(?:,\s*)?(?:\bat|@|\ba las?|\bà|\bum)$", re.IGNORECASE)  # the word before a time

MIDNIGHT = "a time of midnight (0:00) read as no time of day (spreadsheets add it to plain dates)"
MIDNIGHT_NOTE = "the file gives a time of midnight (0:00), which spreadsheets add to dates: read as the day"

# hour, minute, second, UTC offset, seconds as written (with a fraction), whether the text gives seconds
Clock = tuple[int, int, int, str | None, str | None, bool]

NO_OFFSET = "is not a UTC offset (a zone's abbreviation can stand for more than one)"


def clock_at_end(
    text: str, said: list[str], keep_midnight: bool = False
) -> tuple[Clock | None, str, tuple[str, str] | None]:
    """The time at the end of the text, if any, the text before it, and a time there that is not used
    (its zone cannot be read) with why, if there is one."""
    text = text.replace("\u2212", "-")  # a minus sign as typeset ('UTC−4'): left unused, said (a re-trial)
    word = None if _TIME.search(text) else _ZONE_WORD.search(text)  # ('10:30 PMZ' is 22:30 UTC)
    if word is not None and word.group(1) not in {"AM", "PM"}:
        match = _TIME.search(text[: word.start(1)].rstrip())
        if match is not None and match.start() > 0:
            unread = text[match.start() :].strip(), f"{word.group(1)} {NO_OFFSET}"  # ('HRS', 'LOCAL' too)
            return None, _AT.sub("", text[: match.start()].strip()), unread
    match = _TIME.search(text)
    if match is None or match.start() == 0:
        return None, text, None
    seconds = match.group(3)  # '30', '30.75': a fraction is kept as written for the date's note
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(seconds[:2]) if seconds else 0
    fraction = seconds is not None and len(seconds) > 2 and any(c not in "0.," for c in seconds[2:])
    meridian, zone = (match.group(4) or "").lower(), match.group(5)
    if zone is not None and seconds is None and _HOURS_ONLY.fullmatch(zone):  # '10:00-12': a span of hours,
        return None, text, None  # not UTC-12:00 (an offset of hours alone is read after seconds: '10:00:00+02')
    attached = zone is not None and not text[match.start(5) - 1].isspace()  # ('10:00 -04:00' is a zone)
    if attached and (why := _as_span(match.group(), hour, minute, seconds, zone)):  # '10:00-12:00': not UTC-12:00
        return None, _AT.sub("", text[: match.start()].strip()).rstrip(","), (match.group().strip(), why)
    if meridian == "p" and hour < 12:
        hour += 12
    elif meridian == "a" and hour == 12:
        hour = 0
    rest = _AT.sub("", text[: match.start()].strip())  # '21 March 2020 at 10:00'
    spreadsheet = zone is None and not match.group().startswith("T")
    if (hour, minute, second) == (0, 0, 0) and not fraction and spreadsheet and not keep_midnight:
        said.append(MIDNIGHT)
        return None, rest, None
    offset = None
    if zone is not None and (offset := _offset(zone)) is None:
        return None, rest, (match.group().strip(), f"{zone} is no UTC offset")
    return (hour, minute, second, offset, seconds if fraction else None, seconds is not None), rest, None


def _as_span(written: str, hour: int, minute: int, seconds: str | None, zone: str) -> str | None:
    """Why '-HH:MM' right after a time is not read as its zone, or None where it is one: a later time of day
    after a time without seconds, not ISO 8601's 'T', is the span's end ('15 January 2018, 10:00-12:00' was
    10:00 at UTC-12:00, exact); an earlier one up to 12 hours on, a night's span or a zone ('22:00-02:00'
    was 22:00 at UTC-02:00, exact: the day alone is true either way). A zone after a time without its 'T'
    comes with its seconds as ISO-like writers give it ('10:00:00-04:00'), or far from a night's end
    ('06:00-04:00')."""
    found = _SPAN_END.fullmatch(zone)
    if found is None or seconds is not None or written.lstrip().startswith("T"):
        return None
    start, end = hour * 60 + minute, int(found.group(1)) * 60 + int(found.group(2))
    if end > start:
        return "a span of times (its end is no time zone): the day is read alone"
    if end + 24 * 60 - start > 12 * 60:  # as a night's span, over 12 hours ('06:00-04:00': 22): a zone
        return None
    return f"a night's span to {end // 60:02d}:{end % 60:02d} the next day, or UTC{zone}: the day is read alone"


_SPAN_END = re.compile(r"-\s*(\d{1,2}):?(\d{2})")


def _offset(zone: str) -> str | None:
    """'+02:00' for '+0200', 'UTC+2', 'GMT +02:00'; '+00:00' for Z, UTC, GMT; None past ±14:00 (no
    zone is further from UTC) or past the 59th minute."""
    if zone.upper() in {"Z", "UTC", "GMT"}:
        return "+00:00"
    found = _OFFSET.match(zone)
    if found is None:
        return None
    sign, hours, minutes = found.group(1), int(found.group(2)), int(found.group(3) or 0)
    if hours * 60 + minutes > 14 * 60 or minutes > 59:
        return None
    return f"{sign}{hours:02d}:{minutes:02d}"


def time_offset(text: str) -> str | None:
    """The UTC offset stated after a time that ``read_time`` accepted ('10:30 +02:00', '10:30Z',
    '10:30 UTC+2'), if any."""
    clock, _, _ = clock_at_end("0 " + " ".join(text.split()), [], keep_midnight=True)
    return clock[3] if clock is not None else None


# An ODS time cell over a day, or below zero, as python-calamine gives it: its ISO 8601 duration text
_ISO_DURATION = re.compile(r"(-?)P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d+))?S)?")


_HOUR_MERIDIAN = re.compile(r"(\d{1,2})\s*([ap])\.?\s?m\.?", re.IGNORECASE)
_NOON = frozenset({"noon", "12 noon", "midday", "mediodía", "mediodia", "midi", "mittag", "meio-dia", "mezzogiorno"})


def read_time(value: object) -> Parts | str | None:
    """A TimelineJS sheet's Time cell ('10:30', '10:30:45.5', '10:30 PM', a spreadsheet time) as parts."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, PartTime):  # no hour precision here: the event keeps its day, said
        return value.why()
    if isinstance(value, time | datetime):
        return _parts(value.hour * 3600 + value.minute * 60 + value.second, value.microsecond // 1000)
    if isinstance(value, timedelta):
        return _of_day(value.days * 86400 + value.seconds, value.microseconds // 1000)
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1:
        return _parts(round(value * 86400))  # a time cell without its format: a fraction of a day
    text = " ".join(str(value).split())
    if (hour_only := _HOUR_MERIDIAN.fullmatch(text)) is not None and 1 <= int(hour_only.group(1)) <= 12:
        # '2 PM': an hour without its minutes, as a day's hour shown alone is (the day, never the hour; a trial
        # found it called 'not a time of day')
        hour = int(hour_only.group(1)) % 12 + (12 if hour_only.group(2).lower() == "p" else 0)
        return PartTime(hour).why()
    if text.casefold() in _NOON:  # (a trial: 'noon' was 'not a time of day'; midnight, start or end, is not read)
        return {"hour": 12, "minute": 0}
    if duration := _ISO_DURATION.fullmatch(text):
        sign, days, hours, minutes, seconds, fraction = duration.groups()
        total = int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
        return _of_day(-total if sign else total, _milliseconds(fraction))
    clock, rest, unread = clock_at_end("0 " + text, [], keep_midnight=True)
    if unread is not None and rest == "0":
        return f"{text!r}: {unread[1]}"
    if clock is None or rest != "0":
        # ('9': an hour, perhaps, with no minutes: said, not called no time; not '¹', a digit int() cannot read)
        if text.isascii() and text.isdigit() and int(text) <= 24:
            return f"{text!r} is a number, not a time (an hour is written with its minutes: '{int(text):02d}:00')"
        return f"{text!r} is not a time of day"
    hour, minute, second, _, exact, written = clock
    millisecond = _milliseconds(exact[3:]) if exact else 0  # '15.5' -> 500: a TimelineJS date's unit
    return {"hour": hour, "minute": minute, **({"second": second} if written else {}), **_finer(millisecond)}


def _of_day(seconds: int, millisecond: int) -> Parts | str:
    """A duration's parts as a time of day, if it is one."""
    if not 0 <= seconds < 86400:  # a duration ('[h]:mm' showing 30:00), not a time of day
        return f"{_duration(seconds)} is a duration, not a time of day"
    return _parts(seconds, millisecond)


def _milliseconds(fraction: str | None) -> int:
    """The milliseconds of a second's fraction as written ('5' -> 500, '1234' -> 123)."""
    return int(fraction[:3].ljust(3, "0")) if fraction else 0


def _finer(millisecond: int) -> Parts:
    return {"millisecond": millisecond} if millisecond else {}


def _parts(seconds: int, millisecond: int = 0) -> Parts:
    """A cell's time of day; its second (and millisecond) only if not 0: a cell stores one whether or
    not the sheet shows it, and '10:00' states no second (events of one minute are ordered by their
    seconds only where each gives its own)."""
    parts: Parts = {"hour": seconds // 3600, "minute": seconds // 60 % 60}
    if seconds % 60 or millisecond:
        return {**parts, "second": seconds % 60, **_finer(millisecond)}
    return parts


def _duration(seconds: int) -> str:
    """'30:00' for 30 hours, '-1:30' for minus an hour and a half: as '[h]:mm' shows it."""
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}"
