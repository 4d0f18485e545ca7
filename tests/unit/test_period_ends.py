"""Where a period ends: every user of ``When.end_key`` treats a month as ending after its last day
and a year after its last month (a month used to end on day 13)."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.interop.timelinejs_import import from_timelinejs
from junquito_tui.core.model import DATASET, Event, Precision, When
from strategies import whens


def when(date: str) -> When:
    precision = ("year", "month", "day")[date.lstrip("-").count("-")] if "T" not in date else "minute"
    return When(date=date, precision=Precision(precision), utc_offset="-04:00" if "T" in date else None)


def test_a_month_ends_after_its_last_day_and_a_year_after_its_last_month() -> None:
    assert when("2018-01").end_key() > when("2018-01-31T23:59").end_key()
    assert when("2018-01").end_key() < when("2018-02-01T00:00").sort_key()
    assert when("2017").end_key() > when("2017-12-31T23:59").end_key()
    assert when("2017").end_key() < when("2018-01-01T00:00").sort_key()


@given(whens())
def test_a_period_holds_what_lies_inside_it_and_ends_before_the_next(data: dict[str, Any]) -> None:
    inner = When(**data)
    parts = inner.parts()
    for size in range(1, len(parts) + 1):  # the year, month, day holding it, and itself
        # itself: the same instant (a clock time in another zone would be another one)
        outer = (
            when("-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts[:size]))) if size < 4 else inner
        )
        assert outer.sort_key() <= inner.sort_key() <= inner.end_key() <= outer.end_key()
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    following = when(f"{year + 1:04d}-01-01T00:00" if month == 12 else f"{year:04d}-{month + 1:02d}-01T00:00")
    holder = when(f"{year:04d}-{month:02d}") if len(parts) > 1 else when(f"{year:04d}")
    assert holder.end_key() < following.sort_key()


def test_an_end_within_the_starting_month_is_not_before_the_start() -> None:
    event = Event(id="e", title="E", when=when("2018-01-20"), end=when("2018-01"))
    assert event.end is not None  # was rejected: "end '2018-01' is before start '2018-01-20'"


def _anchored(later: str, earlier: str) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "t",
        "timezone": "UTC",
        "events": [
            {"id": "earlier", "title": "Earlier", "when": {"date": earlier, "precision": "day"}},
            {"id": "later", "title": "Later", "after": "earlier", "when": {"date": later, "precision": "month"}},
        ],
    }


def test_an_event_of_the_month_may_come_after_a_day_late_in_that_month() -> None:
    assert check_integrity(DATASET.validate_python(_anchored("2018-01", "2018-01-20"))) == []
    problems = check_integrity(DATASET.validate_python(_anchored("2017-12", "2018-01-20")))
    assert [p.path for p in problems] == ["events[1].after"]  # still caught when truly out of order


def test_timelinejs_slides_of_a_month_after_a_day_in_it_are_in_order() -> None:
    day, month = {"year": 2018, "month": 1, "day": 20}, {"year": 2018, "month": 1}
    slides = [
        {"start_date": day, "text": {"headline": "Day"}},
        {"start_date": month, "end_date": month, "text": {"headline": "Month"}},
        {"start_date": {**day, "day": 25}, "end_date": month, "text": {"headline": "Late"}},
    ]
    document, warnings = from_timelinejs({"events": slides}, "t.json")
    assert not any("not in date order" in w or "end date ignored" in w for w in warnings), warnings
    late = next(e for e in document["events"] if e["title"] == "Late")
    assert late["end"]["date"] == "2018-01"  # was dropped: "2018-01 is before the start 2018-01-25"
