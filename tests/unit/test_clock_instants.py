"""Two clock times are compared by the instants they name, across days and zones (found by review:
an end 17 hours after its start was refused because its zone put it on an earlier day)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.model import DATASET
from junquito_tui.core.records import Precision, When, ends_before, instant

offsets = st.integers(-14 * 4, 14 * 4).map(lambda quarters: quarters * 15)  # minutes, quarter hours
moments = st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30))


def clock(moment: dt.datetime, offset: int) -> When:
    sign = "-" if offset < 0 else "+"
    zone = f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    return When(date=moment.strftime("%Y-%m-%dT%H:%M").zfill(16), precision=Precision.MINUTE, utc_offset=zone)


@given(moments, offsets, moments, offsets)
def test_an_end_is_before_its_start_exactly_when_its_instant_is(
    start: dt.datetime, start_offset: int, end: dt.datetime, end_offset: int
) -> None:
    # the oracle: Python's own aware datetimes
    start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    first = start.replace(tzinfo=dt.timezone(dt.timedelta(minutes=start_offset)))
    last = end.replace(tzinfo=dt.timezone(dt.timedelta(minutes=end_offset)))
    assert ends_before(clock(end, end_offset), clock(start, start_offset)) == (last < first)
    assert (instant(clock(end, end_offset)) or 0) - (instant(clock(start, start_offset)) or 0) == (
        last - first
    ) // dt.timedelta(minutes=1)


def test_instants_run_on_through_bce_years() -> None:
    # 1 BCE (year 0) is a leap year in the proleptic calendar: 28 February to 1 March is two days
    feb = When(date="0000-02-28T12:00", precision=Precision.MINUTE, utc_offset="+00:00")
    march = When(date="0000-03-01T12:00", precision=Precision.MINUTE, utc_offset="+00:00")
    assert (instant(march) or 0) - (instant(feb) or 0) == 2 * 1440
    earlier = When(date="-0044-03-15T12:00", precision=Precision.MINUTE, utc_offset="+00:00")
    assert ends_before(earlier, feb) and not ends_before(feb, earlier)


def _two(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"schema_version": 1, "title": "t", "timezone": "UTC", "events": [a, b]}


def test_an_order_between_clock_times_of_two_days_holds_by_their_instants() -> None:
    kiribati = {
        "id": "k",
        "title": "K",
        "when": {"date": "2018-01-16T00:00", "precision": "minute", "utc_offset": "+14:00"},
    }
    caracas = {
        "id": "c",
        "title": "C",
        "when": {"date": "2018-01-15T23:30", "precision": "minute", "utc_offset": "-04:00"},
    }
    # Caracas 23:30 on the 15th is 17.5 hours after Kiribati's midnight on the 16th: 'after' it is true
    assert check_integrity(DATASET.validate_python(_two(kiribati, caracas | {"after": "k"}))) == []
    same_day = caracas | {"when": {"date": "2018-01-15T20:00", "precision": "minute", "utc_offset": "-04:00"}}
    later = caracas | {"id": "l", "after": "c"}  # 23:30 after 20:00 the same day: fine
    assert check_integrity(DATASET.validate_python(_two(same_day, later))) == []
    earlier = same_day | {"id": "e", "after": "c"}  # 20:00 after 23:30 the same day: contradicts
    (problem,) = check_integrity(DATASET.validate_python(_two(caracas, earlier)))
    assert "cannot come after 'c'" in problem.message
