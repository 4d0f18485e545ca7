"""Timesketch timelines (forensic super-timelines), as CSV or JSON lines: ``datetime, timestamp_desc,
message`` and any other columns, which are kept as the event's details.

The message is the title (its first line, cut at 120 characters) and, when longer, the summary;
``timestamp_desc`` ("Last Modified Time") and Timesketch's own ``tag`` list become tags: the list as
Python or JSON writes it, read by a pattern (never evaluated); one that cannot be read so is read as
text, split at commas, said. Other columns' names and values are cleaned alike (control characters
removed, said). A JSON line that is not an object, or holds a number of more digits than Python reads
(4,300), is skipped, said; a byte that is not UTF-8 refuses the file, at its line and column.

``datetime`` is the date, as Timesketch writes it (text: ISO 8601). A number or true/false there is
not one: the row's ``timestamp`` is used instead, said, else the row is skipped, said. ``timestamp``
is microseconds since 1970 by Timesketch's convention; a value whose size only makes sense in
seconds, milliseconds or nanoseconds (as microseconds it would fall before 1973, or after the year
5000) is read in that unit, and the unit is said; one too small for any unit is not a date: its row
is skipped.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import ROUND_FLOOR, Decimal, localcontext
from pathlib import Path
from typing import Any

from ..json_text import SURROGATE_ESCAPE, SURROGATE_SAID, with_surrogates
from ..problems import Problem
from .fields import short
from .sheet_clock import ZONE_WORD
from .sheet_date_values import Parsed
from .sheet_dates import SCIENTIFIC, TIME_UNREAD
from .sheet_events import Counts, Draft, RowEvents, cell_text
from .sheet_layouts import normal
from .sheet_read import SheetError, Table, TwiceEncoded, first_undecodable
from .sheets import Imported, Sheet

FILE_SOURCE = "timesketch-file"
KNOWN = frozenset({"datetime", "timestampdesc", "message", "timestamp", "tag", "tstimelineid"})  # as ``_key`` has them
EXACT = {name: name.replace("_", "") for name in ("datetime", "timestamp_desc", "message", "timestamp", "tag")}
EXACT["__ts_timeline_id"] = "tstimelineid"  # Timesketch's names as it writes them (any case) -> their key
ODD_TIMESTAMP = "a timestamp that gives no date in any unit, beside a datetime that does: kept in the summary"
TIMESTAMP_FOR_TIME = "a datetime whose time cannot be read here (its form or its zone): the row's timestamp is used"
ROUNDED = (
    "a timestamp written with few significant digits (as Excel writes large numbers, '1.58478E+15'): read as "
    "approximate, the date's note saying how far off it may be"
)
TWICE = "two fields named alike ({!r} and {!r}): the first is read, the other kept in the summary"
NOT_TAGS = "a tag list holding items that are not text (null, true/false, an object): kept in the summary, not as tags"
TITLE_LENGTH = 120
# (lowest, highest) size of a timestamp in each unit for a date from 1973 to 2286; microseconds first.
UNITS = (
    (1e14, 1e17, 1_000_000, "microseconds"),
    (1e8, 1e11, 1, "seconds"),
    (1e11, 1e14, 1_000, "milliseconds"),
    (1e17, 1e20, 1_000_000_000, "nanoseconds"),
)
# timestamp 0's instant, and the first second of the year 1 (.NET's DateTime.MinValue, Go's zero time)
# (and Windows' FILETIME zero, 1601; a day alone too: '1970-01-01', a re-trial)
_NOT_KNOWN = re.compile(r"(1970|0001|1601)-01-01(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?\d+(\.\d*)?")
TAG_LIST_LENGTH = 1_000_000  # a tag list longer than this is not read as a list
# One item of a tag list as Timesketch writes it ("['a', 'b']", Python's way) or as JSON writes it
# ('["a", "b"]'): a quoted string or a number, then the comma or the bracket after it.
_TAG_ITEM = re.compile(
    r"""\s*+(?:'([^'\\]*+(?:\\.[^'\\]*+)*+)'|"([^"\\]*+(?:\\.[^"\\]*+)*+)"|([-+]?\d++(?:\.\d++)?)"""
    r"""|(None|True|False|NaN|nan|inf|-inf))\s*+([,\]])""",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


Record = list[tuple[str, Any]]  # a row's (name, value) pairs, in order: names may repeat, or differ in case only


def convert(sheet: Sheet) -> dict[str, Any]:
    names = sheet.header.names
    records = (
        (
            where,
            [(names[i] if i < len(names) and names[i] else f"Column {i + 1}", cell) for i, cell in enumerate(cells)],
        )
        for where, cells in sheet.rows()
    )
    return _convert(sheet, records)


def _convert(sheet: Sheet, records: Iterator[tuple[str, Record]]) -> dict[str, Any]:
    events = RowEvents(sheet.name, sheet.notes, sheet.dates, FILE_SOURCE, f"Timesketch timeline {sheet.name}")
    for where, record in records:
        draft = _draft(events, record, where)
        if draft is not None:
            events.drafts.append(draft)
    description = f"Converted from the Timesketch timeline {sheet.name}; other fields are kept in each summary."
    return events.finish(f"Timesketch: {sheet.stem}", description, sheet.counts)


def _key(name: str) -> str:
    """A field's name as compared with Timesketch's: 'DateTime', 'Date Time', 'timestampDesc' are theirs."""
    return normal(name).replace(" ", "")


def _fields(events: RowEvents, record: Record, where: str) -> tuple[dict[str, Any], Record]:
    """Timesketch's own fields and every other pair, in order. Its names as written ('datetime', in any
    case) come first; a name only spelt like one ('Date Time', 'date_time', plaso's own field) stands
    for it only where the row has none so named. A second field of one name ('message' and 'Message')
    is kept as a detail, said, never dropped."""
    exact = {name.lower(): index for index, (name, _) in reversed(list(enumerate(record))) if name.lower() in EXACT}
    taken = {EXACT[lowered]: index for lowered, index in exact.items()}
    for index, (name, _) in enumerate(record):  # then the names spelt otherwise, for a field not yet found
        if (key := _key(str(name))) in KNOWN and key not in taken:
            taken[key] = index
    known = {key: record[index][1] for key, index in taken.items()}
    used = set(taken.values())
    details: Record = []
    for index, (name, value) in enumerate(record):
        if index in used:
            continue
        twin = exact.get(str(name).lower())  # the same name as a field read, in another case
        if twin is not None and cell_text(_plain(value)):
            events.notes.group(TWICE.format(record[twin][0], name), where)
        details.append((str(name), value))
    return known, details


class _Null(str):
    """JSON's null in a line's object: 'null' in the summary, nothing in Timesketch's own fields."""


JSON_NULL = _Null("null")


def _draft(events: RowEvents, record: Record, where: str) -> Draft | None:
    lowered, others = _fields(events, record, where)
    lowered = {key: None if value is JSON_NULL else value for key, value in lowered.items()}
    value = lowered.get("datetime")
    stamp = lowered.get("timestamp")
    if not_a_datetime := _not_a_datetime(value):
        if not cell_text(stamp) or isinstance(stamp, bool):
            events.notes.add(where, f"datetime {not_a_datetime}, and there is no usable timestamp; row skipped")
            return None
        events.notes.group(
            "datetime is a number or true/false (or a word for no value: null, NaN), not a date and time as "
            "Timesketch writes them: the timestamp is used",
            where,
        )
        value = None
    unit_note, rough = None, False
    # the epoch or the year 1's first second with a timestamp of 0 or none: a time not known (a trial found both
    # as exact events, unsaid, where the epoch with a timestamp of 0 was skipped, said)
    if (zero := _NOT_KNOWN.match(cell_text(value))) and (_is_zero(stamp) or not cell_text(stamp)):
        given = " and timestamp 0" if cell_text(stamp) else " and no timestamp"
        events.notes.add(
            where, f"datetime {cell_text(value)}{given}: what tools write for a time not known; row skipped"
        )
        return None
    # (with a timestamp, it gives way to it: the epoch 50 years before its timestamp stayed at the epoch, a re-trial)
    if zero and _unit_of(stamp) is not None:
        not_a_datetime = f"{cell_text(value)}, what tools write for a time not known"
        events.notes.group("a datetime that tools write for a time not known (1970-01-01, 0001-01-01, 1601-01-01), "
                           "beside a timestamp: the timestamp is used", where)  # fmt: skip
        value = None
    if not cell_text(value) and isinstance(stamp, bool | dict | list):
        events.notes.add(
            where, f"no datetime, and the timestamp is {short(json.dumps(stamp))}, not a number; row skipped"
        )
        return None
    stamped = False  # the date is the timestamp's: its note names the number, not 'the file gives 14:00:45'
    if not cell_text(value) and cell_text(stamp):
        read = _from_timestamp(events, stamp, where)
        if read is None:
            return None  # said
        value, unit_note, rough = read
        stamped = True
        if not_a_datetime is None:  # an empty datetime: said, as the docstring promises (the other case is)
            events.notes.group("no datetime: the timestamp is used (since 1970, UTC)", where)
    elif _unit_of(stamp) is not None and _time_unread(events, value):
        # a datetime whose time this reader cannot read ('10:00 EST', '...+02:00[Europe/Madrid]'): the row's
        # timestamp gives the instant exactly, so it is used, said
        read = _from_timestamp(events, stamp, where)
        if read is not None:
            events.notes.group(TIMESTAMP_FOR_TIME, where)
            used = f"the datetime {short(cell_text(value))} has a time not read here: the timestamp is used"
            value, unit_note, rough = read[0], f"{used}; {read[1]}" if read[1] else used, read[2]
            stamped = True
    start = events.dates.read(value, where)
    if start is not None and stamped:
        if start.parts.get("second"):  # (said by the date reader where it says them, as it did)
            events.notes.group("seconds are finer than minute precision: kept in the date's note", where)
        start = _as_the_timestamp_gives(start, _number(cell_text(stamp)))
        start = _rough_days(start, cell_text(stamp)) if rough else start
    if start is None:
        if not cell_text(value):
            events.notes.add(where, "no datetime and no timestamp; row skipped")
        return None
    if unit_note is None and not_a_datetime is None and cell_text(stamp):
        unit_note = _disagreement(events, value, start, stamp, where)
        agrees = _same_minute(start, stamp, 1_000_000)  # (Timesketch's unit, where its size shows none: 1970)
        if unit_note is None and ("minute" not in start.parts or (_unit_of(stamp) is None and not agrees)):
            others.append(("timestamp", stamp))  # not compared with the datetime: kept, not lost
            if _unit_of(stamp) is None and not agrees:
                events.notes.group(ODD_TIMESTAMP, where)
    if unit_note is not None:  # the unit is an inference: said on the date too, where a reader looks
        note = f"{start.note}; {unit_note}" if start.note else unit_note  # (a Solar Hijri year stays approximate)
        start = replace(start, note=note, approximate=start.approximate or rough)
    message = events.text(_plain(lowered.get("message")), where)
    first = " ".join(message.strip().split("\n", 1)[0].split())
    title = first if len(first) <= TITLE_LENGTH else first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    tag_list = _tag_list(events, lowered.get("tag"), where)
    if tag_list is None:  # items that are no tags ('null', an object): the whole list kept as a detail
        others.append(("tag", lowered.get("tag")))
    details = [
        f"{events.text(key, where)}: {events.text(_plain(value), where)}"
        for key, value in others
        if cell_text(_plain(value))
    ]
    summary = [message] if message.strip() != title else []
    if not title:
        events.notes.group("no message: titled 'Untitled row'", where)
    fields: dict[str, Any] = {"title": title or "Untitled row", "summary": events.summary(summary + details, where)}
    tags = [cell_text(_plain(lowered.get("timestampdesc"))), *(tag_list or [])]
    fields["tags"] = events.tags([t for t in tags if t], where)
    return Draft(where, fields, start)


def _as_the_timestamp_gives(start: Parsed, stamp: str) -> Parsed:
    """A date read from a timestamp, its seconds said as the timestamp's ('the file gives 14:00:45' said so
    of a file that gives a number: a trial)."""
    given = f"the timestamp {stamp} gives "
    if start.parts.get("second"):  # (whole seconds: the date reader would say them as the file's)
        parts = dict(start.parts)
        second = parts.pop("second")
        clock = f"{given}{parts['hour']:02d}:{parts['minute']:02d}:{second:02d}"
        return replace(
            start, parts=parts, note=f"{clock}; {start.note}" if start.note else clock, seconds=float(second)
        )
    return replace(start, note=start.note.replace("the file gives ", given, 1)) if start.note else start


def _is_zero(stamp: Any) -> bool:
    try:
        return not isinstance(stamp, bool) and cell_text(stamp) != "" and Decimal(cell_text(stamp)) == 0
    except ArithmeticError:
        return False


def _unit_of(stamp: Any) -> tuple[int, str] | None:
    """The unit a timestamp's size shows (per second, name), or None: not a number, or no unit fits."""
    try:
        size = abs(float(cell_text(stamp))) if not isinstance(stamp, bool) else math.nan
    except ValueError:
        return None
    return next(((per_second, unit) for low, high, per_second, unit in UNITS if low <= size < high), None)


def _time_unread(events: RowEvents, value: Any) -> bool:
    """Whether the datetime has a time the date reader does not read (it would keep the day alone)."""
    parsed = events.dates.peek(value)
    return (
        isinstance(parsed, Parsed) and "hour" not in parsed.parts and bool({TIME_UNREAD, ZONE_WORD} & set(parsed.said))
    )


class _Written(float):
    """A JSON number with a fraction or an exponent that keeps its text: as a float alone, 1e309 was shown
    'Infinity' and 12345678901234567890.5 '12345678901234567168' (a trial)."""

    written: str

    def __new__(cls, text: str) -> _Written:
        number = super().__new__(cls, text)
        number.written = text
        return number


def _plain(value: Any) -> Any:
    """A JSON value as JSON writes it ('false', not Python's 'False'), a number as the file writes it; text as
    it is."""
    if isinstance(value, _Written):
        return value.written
    if isinstance(value, dict | list | bool) or (isinstance(value, float) and not math.isfinite(value)):
        return _json(value)
    return value


def _json(value: Any) -> str:
    """``json.dumps``, but each number as the file writes it (inside a list or an object too)."""
    if isinstance(value, _Written):
        return value.written
    if isinstance(value, list):
        return "[" + ", ".join(map(_json, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json(key)}: {_json(item)}" for key, item in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _not_a_datetime(value: Any) -> str | None:
    """Why ``value`` is no datetime as Timesketch writes them (text), or None: a number (JSON's, or
    digits alone, longer than a year or a yyyymmdd date) or true/false."""
    if isinstance(value, bool):
        return f"is {json.dumps(value)}, not a date and time"
    if isinstance(value, int | float):
        return f"is the number {_number(cell_text(value))}, not a date and time as Timesketch writes them"
    text = cell_text(value)
    if (len(text) > 8 and _NUMBER.fullmatch(text)) or SCIENTIFIC.fullmatch(text):  # ('-1e300': was the year 300)
        return f"is the number {_number(text)}, not a date and time as Timesketch writes them"
    # a CSV's true/false, null, NaN, 0 (as JSON lines' were: two trials found them skipped)
    if text.lower() in _NO_VALUE:
        return f"is {text}, not a date and time"
    return None


# What tools write in a CSV for no value (pandas' NaN and NaT, Python's None, JSON's null and true/false, '-')
_NO_VALUE = frozenset(
    ["true", "false", "null", "none", "nan", "nat", "n/a", "na", "-", "inf", "-inf", "0", "undefined"]
)


def _from_timestamp(events: RowEvents, value: Any, where: str) -> tuple[str, str | None, bool] | None:
    """Timesketch's ``timestamp`` (microseconds since 1970, UTC) as an ISO date, what its note says (how
    its unit was chosen when not microseconds: a value too large or too small for them is read in the
    unit its size shows, said), and whether it is only approximate (rounded, as Excel writes large
    numbers: '1.58478E+15'). None (said) when no unit gives a date."""
    shown = cell_text(value)
    try:
        number = float(shown)
        shown = _number(shown)
    except ValueError:
        number = math.nan
    if math.isnan(number):
        events.notes.add(where, f"timestamp {short(shown)} is not a number; row skipped")
        return None
    size = abs(number)
    found = _unit_of(number)
    if found is None:
        if size < UNITS[0][0]:
            events.notes.add(
                where,
                f"timestamp {shown} is too small to be a date in any unit (as microseconds it is "
                f"{_iso(number / 1_000_000)}, as seconds {_iso(number)}"
                + ("; tools write 0 for an unknown time" if number == 0 else "")
                + "); row skipped",
            )
        else:
            events.notes.add(where, f"timestamp {shown} is too large to be a date in any unit; row skipped")
        return None
    per_second, unit = found
    note = None
    if unit != "microseconds":
        events.notes.group(
            f"timestamp read as {unit} since 1970, not Timesketch's microseconds, by its size (the date's note "
            "says so)",
            where,
        )
        try:
            as_micro = f"as microseconds, it would be {_iso(number / 1_000_000)}"
        except (ValueError, OverflowError, OSError):
            as_micro = "as microseconds, it would be after the year 9999"
        note = f"timestamp {shown} read as {unit} since 1970, not microseconds as Timesketch writes them ({as_micro})"
    rough = _rounding(cell_text(value), per_second)
    if rough is not None:
        events.notes.group(ROUNDED, where)
        within = f"timestamp {shown} has {rough[0]} significant digits: it gives the time only to within {rough[1]}"
        note = f"{note}; {within}" if note else within
    try:
        text = cell_text(value)
        return _iso(_seconds(text, per_second), _fraction(text, per_second)), note, rough is not None
    except (ValueError, OverflowError, OSError, ArithmeticError):
        events.notes.add(where, f"timestamp {shown} is not a date that can be shown; row skipped")
        return None


def _disagreement(events: RowEvents, value: Any, start: Parsed, stamp: Any, where: str) -> str | None:
    """What the row's timestamp says, when it puts the event at another minute than its datetime (an
    edited or converted export): the datetime is used, as Timesketch shows it; the timestamp is said.
    Compared only where the datetime is a clock time (read as UTC when it states no zone, said); the
    timestamp is read in the unit its size shows, as when it stands alone."""
    parts = start.parts
    if start.pair is not None or (found := _unit_of(stamp)) is None:
        return None
    per_second, unit = found
    text = cell_text(stamp)
    read_as = "" if unit == "microseconds" else f" (read as {unit}, by its size)"
    if "minute" not in parts:
        return _other_day(events, start, text, per_second, read_as, where)
    apart = _apart(start, text, per_second)
    if apart is None or abs(apart) < 60 or _rounding(text, per_second) is not None:  # within the minute
        return None
    events.notes.group("datetime and timestamp give different times: the datetime is used, the timestamp said", where)
    return (
        f"the timestamp {_number(text)}{read_as} gives {_iso(_seconds(text, per_second))}, "
        f"{_gap(abs(apart))} {'after' if apart > 0 else 'before'} the datetime"
    )


def _apart(start: Parsed, text: str, per_second: int) -> float | None:
    """Seconds from the datetime's clock time to the timestamp's instant (None where either is no instant)."""
    parts = start.parts
    try:
        zone = timezone(timedelta(minutes=_minutes(start.offset))) if start.offset else UTC
        stated = datetime(parts["year"], parts["month"], parts["day"], parts["hour"], parts["minute"], tzinfo=zone)
        # (the datetime's seconds with their fraction: 14:00:59.9 was counted 14:00:00, a minute from 14:01:00)
        written = start.seconds if start.seconds is not None else parts.get("second", 0)
        return float(_exact_seconds(text, per_second)) - stated.timestamp() - written
    except (ValueError, OverflowError, KeyError, ArithmeticError):
        return None


def _same_minute(start: Parsed, stamp: Any, per_second: int) -> bool:
    """Whether the timestamp, read in this unit, is the datetime's own instant (within its minute)."""
    apart = _apart(start, cell_text(stamp), per_second) if "minute" in start.parts else None
    return apart is not None and abs(apart) < 60


def _other_day(events: RowEvents, start: Parsed, text: str, per_second: int, read_as: str, where: str) -> str | None:
    """What the timestamp says where it falls outside the day (month, year) a datetime without a time gives,
    in any zone (14 hours either side): a trial found a timestamp two days off kept in the summary, unsaid."""
    parts, last = start.parts, start.end or start.parts  # (a period: to its end, a Solar Hijri year's March)
    year, month, day = parts["year"], parts.get("month"), parts.get("day")
    try:
        first = datetime(year, month or 1, day or 1, tzinfo=UTC)
        end_year, end_month, end_day = last["year"], last.get("month"), last.get("day")
        if end_day is not None:
            after = datetime(end_year, end_month or 1, end_day, tzinfo=UTC) + timedelta(days=1)
        elif end_month is not None:
            after = datetime(end_year + end_month // 12, end_month % 12 + 1, 1, tzinfo=UTC)
        else:
            after = datetime(end_year + 1, 1, 1, tzinfo=UTC)
        given = float(_exact_seconds(text, per_second))
        shown = _iso(_seconds(text, per_second))
    except (ValueError, OverflowError, ArithmeticError, OSError):
        return None
    # a day written in local time: from UTC+14's start to UTC-12's end (14 hours early, 12 late: a re-trial found 13)
    if first.timestamp() - 14 * 3600 <= given < after.timestamp() + 12 * 3600 or _rounding(text, per_second):
        return None
    unit = "day" if day is not None else "month" if month is not None else "year"
    unit = "period" if start.end is not None else unit
    events.notes.group(
        f"datetime and timestamp give different {unit}s: the datetime is used, the timestamp said", where
    )
    return f"the timestamp {_number(text)}{read_as} gives {shown}, outside the datetime's {unit} in any time zone"


def _gap(seconds: float) -> str:
    """'2 h 05 min'; '15,211 days 19 h' past two days."""
    minutes = round(seconds / 60)
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{minutes // 1440:,} days {minutes // 60 % 24} h"


def _seconds(text: str, per_second: int) -> int:
    """Whole seconds since 1970 of a timestamp in a unit, counted exactly (a float rounds a nanosecond
    timestamp's 19 digits: 10:00:59.999999999 became 10:01)."""
    return int(_exact_seconds(text, per_second).to_integral_value(rounding=ROUND_FLOOR))


def _exact_seconds(text: str, per_second: int) -> Decimal:
    """The timestamp in seconds, every digit kept (Decimal's usual 28 rounded 1584799259.99999999999999999999e6
    to 14:01, unsaid: a trial)."""
    number = Decimal(text.strip())
    with localcontext() as context:
        context.prec = max(28, len(number.as_tuple().digits) + 12)
        return number / per_second


def _rounding(text: str, per_second: int) -> tuple[int, str] | None:
    """For a timestamp in scientific notation ('1.58478E+15', as Excel writes large numbers) whose last
    digit stands for more than a minute: its significant digits and how far the time may be off."""
    if "e" not in text.lower():
        return None
    try:
        digits, exponent = Decimal(text.strip()).as_tuple()[1:]
    except (ArithmeticError, ValueError):
        return None
    if not isinstance(exponent, int):
        return None
    half = Decimal(10) ** exponent / 2 / per_second  # seconds either way
    if half < 30:
        return None
    within = f"±{half / 3600:.0f} h" if half >= 3600 * 2 else f"±{half / 60:.0f} min"
    return len(digits), within


def _rough_days(start: Parsed, text: str) -> Parsed:
    """A rounded timestamp good to two hours or worse as the days it may fall on, not a minute: '1.5848E+15' (±14 h)
    was an approximate 14:13 on 21 March, which a search for the 22nd missed (a re-trial). Within one day, that day."""
    found = _unit_of(text)
    exponent = Decimal(text.strip()).as_tuple()[2] if found is not None else None
    if found is None or not isinstance(exponent, int):
        return start
    half = Decimal(10) ** exponent / 2 / found[0]
    if half < 2 * 3600:  # (an approximate clock time: '1.58478E+15', ±83 min, stays one)
        return start
    try:
        at = _exact_seconds(text, found[0])
        first, last = (datetime.fromtimestamp(float(at + step * half), UTC) for step in (-1, 1))
    except (ValueError, OverflowError, OSError, ArithmeticError):
        return start
    end = {"year": last.year, "month": last.month, "day": last.day} if last.date() != first.date() else None
    parts = {"year": first.year, "month": first.month, "day": first.day}
    return replace(start, parts=parts, end=end, offset=None, seconds=None, approximate=end is not None,
                   end_approximate=end is not None)  # fmt: skip


def _minutes(offset: str) -> int:
    sign = -1 if offset.startswith("-") else 1
    return sign * (int(offset[1:3]) * 60 + int(offset[4:6]))


def _number(text: str) -> str:
    """A number as written, or its start and how many digits it has when too long to show."""
    digits = sum(c.isdigit() for c in text)
    return text if len(text) <= 40 else f"{text[:20]}... (a number of {digits:,} digits)"


def _iso(seconds: float, fraction: str = "") -> str:
    """The instant as ISO 8601 in UTC, with the digits of a second ``fraction`` gives ('5' for .5)."""
    return (
        datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S") + (f".{fraction}" if fraction else "") + "Z"
    )


def _fraction(text: str, per_second: int) -> str:
    """The digits after the second of a timestamp in a unit, exactly ('' for none): a float dropped them
    (a trial: 1584799245500000 gave 14:00:45, its .5 lost)."""
    exact = _exact_seconds(text, per_second)
    part = exact - exact.to_integral_value(rounding=ROUND_FLOOR)
    return f"{part.quantize(Decimal('1e-9'), rounding=ROUND_FLOOR):.9f}".removeprefix("0.").rstrip("0") if part else ""


def _tag_list(events: RowEvents, value: Any, where: str) -> list[str] | None:
    """The tags of Timesketch's ``tag`` field; None when a JSON list holds items that are no tags (null,
    true/false, an object), which are said, the list then kept as a detail."""
    if isinstance(value, list):
        if all(isinstance(v, str) or (isinstance(v, int | float) and not isinstance(v, bool)) for v in value):
            return [v if isinstance(v, str) else _json(v) for v in value]  # (a number as written: 1.50, 1e309)
        events.notes.group(NOT_TAGS, where)
        return None
    text = cell_text(value)
    if text.startswith("["):
        parsed = _read_list(text)  # Timesketch writes Python-style lists: "['a', 'b']"
        if parsed is _NOT_TEXT:
            events.notes.group(NOT_TAGS, where)
            return None
        if parsed is not None:
            return parsed
        if (listed := _json_list(text)) is not None:  # JSON's, with a null or true in it: as in JSON lines
            return _tag_list(events, listed, where)
        why = (
            f"is longer than {TAG_LIST_LENGTH:,} characters, too long to be read as a list"
            if len(text) > TAG_LIST_LENGTH
            else "starts like a list but cannot be read as one"
        )
        events.notes.add(where, f"tag {short(text)} {why}: read as text, split at commas")
    return [t.strip() for t in text.split(",") if t.strip()]


_NOT_TEXT: list[str] = []  # a list holding an item that is no text, as ``_read_list`` returns it (by identity)


def _read_list(text: str) -> list[str] | None:
    """A list of quoted strings or numbers, as Python or JSON writes it ("['a', \"b\", 3]"), or None:
    read by a pattern a step at a time, never evaluated, and not at all past ``TAG_LIST_LENGTH``."""
    if len(text) > TAG_LIST_LENGTH or not text.startswith("[") or not text.endswith("]"):
        return None
    if not text[1:-1].strip():
        return []
    items: list[str] = []
    at = 1
    while True:
        match = _TAG_ITEM.match(text, at)
        if match is None:
            if items and not text[at:-1].strip():  # a comma after the last item, as Python allows
                return items
            return None
        single, double, number, literal, after = match.groups()
        quoted = single if single is not None else double
        if literal is not None:  # Python's None, True, NaN: no tag ("['a', None]" made the tag 'none': a re-trial)
            return _NOT_TEXT
        items.append(_unescape(quoted) if quoted is not None else number)
        at = match.end()
        if after == "]":
            return items if at == len(text) else None


def _json_list(text: str) -> list[Any] | None:
    """A tag list as JSON writes it, holding items that are no tags ('[1, null]'), or None."""
    if len(text) > TAG_LIST_LENGTH:
        return None
    try:
        value = json.loads(text, parse_float=_Written)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, list) else None


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "xuU" and len(code) > 1:
            value = int(code[1:], 16)
            return chr(value) if value <= sys.maxunicode else match.group()
        return _ESCAPED.get(code, code)

    return _ESCAPE.sub(one, text) if "\\" in text else text


def from_jsonl(path: Path, max_rows: int | None = None) -> Imported:
    """A Timesketch JSON-lines export, streamed a line at a time."""
    table = Table(["datetime", "timestamp_desc", "message"], 0, iter(()), "line", twice=TwiceEncoded("line"))
    sheet = Sheet(path, table, max_rows=max_rows)
    document = _convert(sheet, _records(path, sheet.counts, sheet))
    return Imported(document, sheet.finish_notes(), sheet.counts.summary())


class _Object(dict[str, Any]):
    """A JSON object as ``json`` reads it (the last of a repeated key), and all its pairs, in order."""

    pairs: Record


def _object(pairs: Record) -> _Object:
    made = _Object(pairs)
    made.pairs = pairs
    return made


def _records(path: Path, counts: Counts, sheet: Sheet) -> Iterator[tuple[str, Record]]:
    with path.open(encoding="utf-8-sig", errors="strict") as handle:
        number = 0
        try:
            for number, line in enumerate(handle, 1):  # number is read after the loop
                if not line.strip():
                    counts.empty += 1
                    continue
                counts.read(1, f"line {number}")
                if line.startswith("\ufeff"):  # files joined together: each one's byte order mark
                    sheet.notes.group(
                        "a byte order mark at the start of a line (files joined together?): ignored", f"line {number}"
                    )
                    line = line.lstrip("\ufeff")
                try:
                    record = json.loads(line, object_pairs_hook=_object, parse_float=_Written)
                except (json.JSONDecodeError, RecursionError) as error:
                    sheet.notes.add(f"line {number}", f"not a JSON object ({getattr(error, 'msg', error)}); skipped")
                    continue
                except ValueError:  # a number longer than Python converts (4,300 digits)
                    sheet.notes.add(f"line {number}", f"{_long_number(line)}; skipped")
                    continue
                if not isinstance(record, _Object):
                    sheet.notes.add(f"line {number}", "not a JSON object; skipped")
                    continue
                pairs = record.pairs
                if SURROGATE_ESCAPE.search(line) and (broken := with_surrogates(record)[1]):  # (as unreadable text is)
                    named = ", ".join(broken[:3]) + (", ..." if len(broken) > 3 else "")
                    sheet.notes.add(f"line {number}", f"{named}: {SURROGATE_SAID}: replaced by U+FFFD")
                    pairs = [(with_surrogates(k, True)[0], with_surrogates(v, True)[0]) for k, v in pairs]
                # a key given twice: both kept; a null, as JSON writes it (None is a cell left empty)
                yield f"line {number}", [(key, JSON_NULL if value is None else value) for key, value in pairs]
        except UnicodeDecodeError:
            # The text is decoded a block at a time, ahead of the lines read: the byte is found again.
            found = first_undecodable(path, "utf-8")
            if found is None:
                where = (number + 1, 1)
                message = "is not UTF-8 (JSON lines must be)"
            else:
                offset, byte, line_number, column = found
                where = (line_number, column)
                message = f"is not UTF-8 (JSON lines must be): byte 0x{byte:02X}, at byte {offset + 1:,} of the file"
            raise SheetError(Problem("", message, line=where[0], column=where[1])) from None


class _LongNumber(ValueError):
    def __init__(self, digits: int) -> None:
        self.digits = digits
        super().__init__(digits)


def _long_number(line: str) -> str:
    """What makes ``json.loads`` refuse a line with a ValueError that is no syntax error: in words."""

    def integer(text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > (sys.get_int_max_str_digits() or digits):
            raise _LongNumber(digits)
        return int(text)

    try:
        json.loads(line, parse_int=integer)
    except _LongNumber as error:
        limit = sys.get_int_max_str_digits()
        return f"holds a number of {error.digits:,} digits, longer than can be read ({limit:,} digits at most)"
    except (ValueError, RecursionError) as error:
        return f"not a JSON object ({error})"
    return "not a JSON object"
