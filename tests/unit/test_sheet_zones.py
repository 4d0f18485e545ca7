"""A spreadsheet's time and the zone written after it: an offset is read exactly, in any of the ways
people write one; a zone's abbreviation (EST, IST) is not guessed at: the day is kept, the time is
said in the date's note and a warning, never dropped into a year nor read as UTC."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.month_words import WEEKDAYS
from junquito_tui.core.interop.sheet_clock import NO_OFFSET, ZONE_WORD, read_time, time_offset
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import TIME_UNREAD, ZEROS, read_date
from junquito_tui.core.loader import load_with_report
from sheet_files import titled_events

_HOURS = st.integers(0, 23)
_MINUTES = st.integers(0, 59)
# Every offset a zone has had is within ±14:00, in whole quarter hours; any minute is read as written.
_OFFSETS = st.tuples(st.sampled_from("+-"), st.integers(0, 13), _MINUTES) | st.tuples(
    st.sampled_from("+-"), st.just(14), st.just(0)
)


def _written(sign: str, hours: int, minutes: int, form: str) -> str:
    return {
        "colon": f"{sign}{hours:02d}:{minutes:02d}",
        "compact": f"{sign}{hours:02d}{minutes:02d}",
        "utc": f"UTC{sign}{hours}:{minutes:02d}",
        "gmt": f"GMT {sign}{hours:02d}{minutes:02d}",
    }[form]


@given(_HOURS, _MINUTES, _OFFSETS, st.sampled_from(["colon", "compact", "utc", "gmt"]), st.sampled_from([" ", "T"]))
def test_an_offset_after_a_time_is_read_exactly(
    hour: int, minute: int, offset: tuple[str, int, int], form: str, between: str
) -> None:
    sign, hours, minutes = offset
    zone = _written(sign, hours, minutes, form)
    text = f"2020-03-21{between}{hour:02d}:{minute:02d} {zone}"
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), parsed
    assert parsed.parts == {"year": 2020, "month": 3, "day": 21, "hour": hour, "minute": minute, "second": 0}
    assert parsed.offset == f"{sign}{hours:02d}:{minutes:02d}"
    assert time_offset(f"{hour:02d}:{minute:02d} {zone}") == parsed.offset  # a TimelineJS Time cell alike


@pytest.mark.parametrize("zone", ["Z", "UTC", "GMT", "utc"])
def test_utc_by_name_is_utc(zone: str) -> None:
    parsed = read_date(f"2020-03-21 10:00 {zone}")
    assert isinstance(parsed, Parsed) and parsed.offset == "+00:00" and parsed.parts["hour"] == 10


# (found by brute force over every word of two to four letters: 'BP', 'SAT' and 'AMHR' failed)
_MEANT = re.compile(r"(?:AM|PM)?(?:HRS?|HS|HORAS)?Z?|(?:UTC|GMT)Z?|(?:CAL)?BP")


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=5).filter(
        # not a word the reader gives a meaning: a meridian or hours (read, test_sheet_date_forms), UTC by
        # name, an era (years before the present), a weekday ('SAT': checked against the day)
        lambda word: not _MEANT.fullmatch(word) and word.lower() not in WEEKDAYS
    ),
    _HOURS,
    _MINUTES,
    st.sampled_from(["", " PM", " a.m."]),
)
@example("ON", 10, 0, "")  # (was read as 'from ... on', onwards: a bound)
def test_a_zone_abbreviation_keeps_the_day_and_says_the_time(word: str, hour: int, minute: int, meridian: str) -> None:
    # before: '2020-01-01 10:00 EST' was read as the year 2020, approximate, with no warning
    hour = hour % 12 + 1 if meridian else hour
    time = f"{hour}:{minute:02d}{meridian} {word}"
    parsed = read_date(f"21 March 2020 {time}")
    assert isinstance(parsed, Parsed), parsed
    assert parsed.parts == {"year": 2020, "month": 3, "day": 21} and not parsed.approximate
    assert parsed.note == f"the file gives the time {time}, not used: {word} {NO_OFFSET}"
    assert ZONE_WORD in parsed.said


@pytest.mark.parametrize("zone", ["+15:00", "-1400x", "UTC+15", "+02:75"])
def test_an_offset_no_zone_has_is_said_not_read(zone: str) -> None:
    parsed = read_date(f"2020-03-21 10:00 {zone}")
    if zone == "-1400x":  # not an offset at all: no time is read from it
        assert not isinstance(parsed, Parsed) or "hour" not in parsed.parts
        return
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 2020, "month": 3, "day": 21}
    assert parsed.note is not None and f"{zone} is no UTC offset" in parsed.note
    assert any(zone in said for said in parsed.said)


def test_a_sheet_says_each_time_it_did_not_use(tmp_path: Path) -> None:
    path = tmp_path / "zones.csv"
    path.write_text("date,title\n2020-01-01 10:00 EST,est\n2020-01-01 10:00 GMT+2,gmt\n2020-01-02,plain\n")
    loaded = load_with_report(path)
    events = {event.title: event for event in loaded.dataset.events}
    est, gmt = events["est"].when, events["gmt"].when
    assert est is not None and est.date == "2020-01-01" and est.precision == "day"
    assert gmt is not None and gmt.date == "2020-01-01T10:00" and gmt.utc_offset == "+02:00"
    assert [w for w in loaded.warnings if w.startswith(ZONE_WORD)] == [f"{ZONE_WORD} (line 2)"]


def test_a_timelinejs_time_cell_with_an_abbreviation_or_an_offset(tmp_path: Path) -> None:
    events = titled_events(
        tmp_path / "sheet.csv",
        "Year,Month,Day,Time,Headline\n2020,1,1,10:30 EST,est\n2020,1,1,10:30 UTC-3,minus three\n",
    )
    est, minus = events["est"].when, events["minus three"].when
    assert (
        est is not None and est.date == "2020-01-01" and est.note is not None and "EST is not a UTC offset" in est.note
    )
    assert minus is not None and minus.date == "2020-01-01T10:30" and minus.utc_offset == "-03:00"
    assert read_time("10:30 CEST") == f"'10:30 CEST': CEST {NO_OFFSET}"


def test_a_sixtieth_second_is_named_in_the_date_s_note(tmp_path: Path) -> None:
    events = titled_events(tmp_path / "sheet.csv", "date,title\n2016-12-31 23:59:60,leap\n")
    when = events["leap"].when
    assert when is not None and when.date == "2016-12-31T23:59"
    assert when.note is not None and when.note.startswith("the file gives 23:59:60 (not a valid second")


# -- Timesketch: a datetime and a timestamp that disagree ----------------------------------------------------

_BASE = 1_584_784_800  # 2020-03-21T10:00:00Z


@settings(max_examples=60, deadline=None)
@given(st.integers(-3 * 86_400, 3 * 86_400), st.sampled_from(["+00:00", "+02:00", "-04:30"]))
def test_a_timesketch_timestamp_that_puts_the_row_at_another_minute_is_said(shift: int, offset: str) -> None:
    # before: the datetime was read and the timestamp ignored, whatever it said
    minutes = _minutes(offset)
    local = dt.datetime.fromtimestamp(_BASE, dt.UTC) + dt.timedelta(minutes=minutes)
    datetime_text = local.strftime("%Y-%m-%dT%H:%M:%S") + offset
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timeline.csv"
        path.write_text(
            f"datetime,timestamp_desc,message,timestamp\n{datetime_text},Written,row,{(_BASE + shift) * 1_000_000}\n"
        )
        loaded = load_with_report(path)
    (event,) = loaded.dataset.events
    assert event.when is not None and event.when.utc_offset == offset
    said = [w for w in loaded.warnings if w.startswith("datetime and timestamp give different times")]
    if abs(shift) < 60:
        assert not said and (event.when.note is None or "timestamp" not in event.when.note)
        return
    assert said == ["datetime and timestamp give different times: the datetime is used, the timestamp said (line 2)"]
    stamp = dt.datetime.fromtimestamp(_BASE + shift, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    whole = round(abs(shift) / 60)
    side = "after" if shift > 0 else "before"
    gap = f"{whole // 60} h {whole % 60:02d} min" if whole < 48 * 60 else f"{whole // 1440:,} days {whole // 60 % 24} h"
    expected = f"gives {stamp}, {gap} {side} the datetime"
    assert event.when.note is not None and expected in event.when.note


def _minutes(offset: str) -> int:
    return (-1 if offset[0] == "-" else 1) * (int(offset[1:3]) * 60 + int(offset[4:6]))


def test_a_timesketch_timestamp_in_seconds_is_compared_in_seconds_said(tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text(
        "datetime,timestamp_desc,message,timestamp\n"
        f"2020-03-21T10:00:00+02:00,Written,two hours apart,{_BASE}\n"
        f"2020-03-21T10:00:00+00:00,Written,alike,{_BASE}\n"
        "2020-03-21,Written,a day only,1\n"
    )
    events = {event.title: event for event in load_with_report(path).dataset.events}
    apart = events["two hours apart"].when
    assert apart is not None and apart.note == (
        f"the timestamp {_BASE} (read as seconds, by its size) gives 2020-03-21T10:00:00Z, "
        "2 h 00 min after the datetime"
    )
    alike, day = events["alike"].when, events["a day only"].when
    assert alike is not None and alike.note is None
    assert day is not None and day.date == "2020-03-21" and day.note is None  # no clock time: nothing to compare


# -- a day and a time read in part: the day kept, never the year alone ---------------------------------------


@given(
    st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)),
    st.sampled_from(
        [
            " 4pm",
            "T10:00:00 -0800 (PST)",
            "T10:00:00+02:00[Europe/Madrid]",
            "T10Z",
            " 10.30 Uhr",
            " 7 a.m.",
            "T14",
            " 14",
        ]
    ),  # ('T14', ISO 8601's hour alone, and ' 14' were the year alone, approximate, unwarned: a trial)
)
def test_a_day_then_a_time_not_read_keeps_the_day_and_says_it(day: dt.date, time: str) -> None:
    # before: '2018-01-15 4pm', '...+02:00[Europe/Madrid]' were read as the year alone, approximate, unwarned
    text = day.isoformat() + time
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), parsed
    assert parsed.parts == {"year": day.year, "month": day.month, "day": day.day} and not parsed.approximate
    assert parsed.note == f"the file gives {text!r}: the time after the day is not read"
    assert TIME_UNREAD in parsed.said


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2020-03-25T1430", 25),  # (read as 1430-2020, a range of centuries: a trial)
        ("2020-03-21 1400", 21),
        ("2020-03-21T0930Z", 21),
        ("2020-03-28 T14", 28),
        ("2020-03-02 14 UTC", 2),
        ("21 March 2020 14", 21),  # (March 2020, approximate, unwarned)
        ("21/03/2020 14", 21),  # (its row skipped)
        ("21.03.2020 14", 21),
    ],
)
def test_a_day_then_a_time_written_as_a_number_keeps_the_day_and_says_it(text: str, day: int) -> None:
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), parsed
    assert parsed.parts == {"year": 2020, "month": 3, "day": day} and not parsed.approximate and parsed.end is None
    assert parsed.note == f"the file gives {text!r}: the time after the day is not read"
    assert TIME_UNREAD in parsed.said


@pytest.mark.parametrize("zone", ["+02", "-03", "+05:30"])
def test_an_offset_of_hours_alone_is_read(zone: str) -> None:
    parsed = read_date(f"2020-03-21 10:00:00{zone}")  # as PostgreSQL writes a timestamptz
    assert isinstance(parsed, Parsed) and parsed.parts["hour"] == 10
    assert parsed.offset == (zone + ":00" if len(zone) == 3 else zone)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
def test_iso_week_dates_and_the_basic_format_are_their_days(day: dt.date) -> None:
    year, week, weekday = day.isocalendar()
    parsed = read_date(f"{year}-W{week:02d}-{weekday}")
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": day.year, "month": day.month, "day": day.day}
    basic = read_date(day.strftime("%Y%m%dT1030Z"))  # before: 'no year can be read in it'
    assert isinstance(basic, Parsed) and basic.parts == {
        "year": day.year,
        "month": day.month,
        "day": day.day,
        "hour": 10,
        "minute": 30,
        "second": 0,
    }
    assert basic.offset == "+00:00"


@pytest.mark.parametrize(
    "text", ["0000-00-00", "0000-00-00 00:00:00", "00/00/0000", "00.00.0000", "0000-00-00T00:00:00+00:00"]
)
def test_a_date_of_zeros_is_no_date(text: str) -> None:
    assert read_date(text) == ZEROS  # before: the year 1 BCE, its note speaking of TimelineJS


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 22),
    st.sampled_from(["{a}:00-{b}", "{a}:00 - {b}:00", "{a}:00 – {b}:30", "{a}:00 to {b}:00", "{a}:00 or {b}:15"]),
    st.sampled_from(["{d} ", "{d}T"]),
)
def test_two_times_after_a_day_never_give_the_day_a_clock_time(day: dt.date, hour: int, span: str, lead: str) -> None:
    # before (this round's first fix): '10:00-12' was 10:00 at UTC-12:00; '08:00 - 18:00' was 18:00 on the day
    text = lead.format(d=day.isoformat()) + span.format(a=f"{hour:02d}", b=f"{hour + 1:02d}")
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), parsed
    assert parsed.parts == {"year": day.year, "month": day.month, "day": day.day}, text
    assert parsed.offset is None and parsed.note is not None and text in parsed.note


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 13),
    st.integers(1, 10),
    st.sampled_from(["{a}:00-{b}:00", "{a}:30-{b}:00", "{a}:00-{b}00", "{a}h00-{b}h00"]),
    st.sampled_from(["{iso} ", "{long}, ", "{long} "]),
)
def test_a_span_of_times_after_a_day_is_no_time_zone(day: dt.date, hour: int, more: int, span: str, lead: str) -> None:
    # before: '15 January 2018, 10:00-12:00' was 10:00 at UTC-12:00, exact: 130 of 600 such cells in a review
    long = f"{day.day} {day.strftime('%B')} {day.year}"
    text = lead.format(iso=day.isoformat(), long=long) + span.format(a=f"{hour:02d}", b=f"{min(hour + more, 14):02d}")
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), parsed
    assert parsed.offset is None and "hour" not in parsed.parts, text
    assert parsed.parts.items() <= {"year": day.year, "month": day.month, "day": day.day}.items(), text


@settings(max_examples=150, deadline=None)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 23 * 60 + 59),
    st.integers(0, 24 * 60 - 1),
    st.sampled_from(["{iso} ", "{long}, "]),
)
def test_a_night_span_or_a_zone_gives_the_day_alone(day: dt.date, start: int, back: int, lead: str) -> None:
    # before: '2018-01-15 22:00-02:00' was 22:00 at UTC-02:00, exact: it may be a night's span to 02:00
    end = (start - back) % (24 * 60)
    if end > 14 * 60 or back == 0:
        return  # (no zone is further than 14 hours; a later end is a span, tested above)
    long = f"{day.day} {day.strftime('%B')} {day.year}"
    text = (
        lead.format(iso=day.isoformat(), long=long)
        + f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
    )
    parsed = read_date(text)
    assert isinstance(parsed, Parsed), parsed
    night = (end - start) % (24 * 60)  # its length, were it a night's span
    if end < start and night <= 12 * 60:
        assert parsed.offset is None and "hour" not in parsed.parts, text
        assert (
            parsed.said
            and "night's span" in parsed.said[-1]
            and f"UTC-{end // 60:02d}:{end % 60:02d}" in parsed.said[-1]
        )
    elif end < start:
        assert parsed.offset == f"-{end // 60:02d}:{end % 60:02d}" and parsed.parts["hour"] == start // 60, text


def test_a_zone_after_a_time_stays_a_zone() -> None:
    for text in ("2018-01-15T10:00-12:00", "2018-01-15 10:00-04:00", "2018-01-15 08:00:00-11:00"):
        parsed = read_date(text)
        assert isinstance(parsed, Parsed) and parsed.offset is not None and parsed.parts["hour"] in (8, 10), text


def test_a_word_after_a_time_with_no_day_reads_as_free_text() -> None:
    # before: '1990 10:00 EST' was an exact year 1990 and the warning said the day was kept
    parsed = read_date("1990 10:00 EST")
    assert isinstance(parsed, Parsed) and parsed.parts == {"year": 1990} and parsed.approximate
    assert parsed.note == "1990 10:00 EST" and ZONE_WORD not in parsed.said


@pytest.mark.parametrize("zone", ["UTC−4", "−04:00"])
def test_a_typeset_minus_sign_is_a_minus(zone: str) -> None:
    # (a re-trial: 'UTC−4' with U+2212 was left unused, the day kept)
    parsed = read_date(f"2018-01-15 06:00 {zone}")
    assert isinstance(parsed, Parsed) and parsed.offset == "-04:00" and parsed.parts["hour"] == 6
