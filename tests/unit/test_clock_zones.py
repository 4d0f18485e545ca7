"""Clock times in different UTC offsets: within a day they are ordered by the instant they name, and an
end is before its start only when its instant is (checked against ``datetime`` with time zones)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.axis import Placement
from junquito_tui.core.axis_scale import DAY as DAY_MINUTES
from junquito_tui.core.axis_scale import axis_zone, interval
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.model import checked_when
from junquito_tui.core.records import When
from junquito_tui.core.search import date_number

OFFSETS = st.integers(-14 * 60, 14 * 60)
DAY = dt.date(2020, 3, 21)


def offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def clock_time(minute_of_day: int, offset: int) -> When:
    date = f"{DAY.isoformat()}T{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"
    return checked_when(date=date, precision="minute", utc_offset=offset_text(offset))


def instant(minute_of_day: int, offset: int) -> dt.datetime:
    zone = dt.timezone(dt.timedelta(minutes=offset))
    return dt.datetime.combine(DAY, dt.time(minute_of_day // 60, minute_of_day % 60), zone)


CLOCKS = st.tuples(st.integers(0, 24 * 60 - 1), OFFSETS)


@given(CLOCKS, CLOCKS)
def test_times_of_one_day_sort_by_their_instant(a: tuple[int, int], b: tuple[int, int]) -> None:
    when_a, when_b = clock_time(*a), clock_time(*b)
    truth = (instant(*a) > instant(*b)) - (instant(*a) < instant(*b))
    by_key = (when_a.sort_key() > when_b.sort_key()) - (when_a.sort_key() < when_b.sort_key())
    assert by_key == truth
    # the search index's date numbers keep the same order, and the end key equals the start key
    assert (date_number(when_a.sort_key()) > date_number(when_b.sort_key())) - (
        date_number(when_a.sort_key()) < date_number(when_b.sort_key())
    ) == truth
    assert when_a.end_key() == when_a.sort_key()


@given(CLOCKS)
def test_a_day_without_a_time_opens_and_closes_around_every_time_of_it(a: tuple[int, int]) -> None:
    day = checked_when(date=DAY.isoformat(), precision="day")
    clock = clock_time(*a)
    assert day.sort_key() < clock.sort_key() <= clock.end_key() < day.end_key()
    assert date_number(day.sort_key()) < date_number(clock.sort_key()) < date_number(day.end_key())


def test_a_sheet_of_three_zones_is_shown_in_the_order_of_its_instants(tmp_path: Path) -> None:
    sheet = tmp_path / "zones.csv"
    sheet.write_text(
        "date,event\n"
        "2020-03-21T10:00+02:00,A at 08:00 UTC\n"
        "2020-03-21T08:30-05:00,C at 13:30 UTC\n"
        "2020-03-21T09:00Z,B at 09:00 UTC\n",
        encoding="utf-8",
    )
    events = Chronology(load_with_report(sheet).dataset).events
    assert [e.title for e in events] == ["A at 08:00 UTC", "B at 09:00 UTC", "C at 13:30 UTC"]


def test_an_end_in_another_zone_is_compared_by_its_instant(tmp_path: Path) -> None:
    sheet = tmp_path / "zone-end.csv"
    sheet.write_text("date,end,event\n2020-03-21T10:00+02:00,2020-03-21T09:30+00:00,Meeting\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    (event,) = loaded.dataset.events
    assert event.end is not None and event.end.date == "2020-03-21T09:30" and event.end.utc_offset == "+00:00"
    assert not any("before the start" in w for w in loaded.warnings)
    sheet.write_text("date,end,event\n2020-03-21T10:00+02:00,2020-03-21T07:30+00:00,Meeting\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    assert loaded.dataset.events[0].end is None
    assert any("before the start" in w and "end date ignored" in w for w in loaded.warnings)


TIMELINEJS_HEADER = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline\n"


def test_a_timelinejs_time_keeps_the_zone_it_states(tmp_path: Path) -> None:
    sheet = tmp_path / "timeline.csv"
    sheet.write_text(
        TIMELINEJS_HEADER
        + "2018,1,15,10:30 +02:00,,,,,Zoned\n2018,1,15,10:30Z,,,,,In UTC\n2018,1,15,10:30,,,,,No zone\n",
        encoding="utf-8",
    )
    loaded = load_with_report(sheet)
    zones = {e.title: (e.when.date, e.when.utc_offset) for e in loaded.dataset.events if e.when}
    assert zones == {
        "Zoned": ("2018-01-15T10:30", "+02:00"),
        "In UTC": ("2018-01-15T10:30", "+00:00"),
        "No zone": ("2018-01-15T10:30", "+00:00"),
    }
    # only the time that states no zone is said to be read as UTC
    (said,) = [w for w in loaded.warnings if "no time zone" in w]
    assert "line 4" in said and "line 2" not in said and "line 3" not in said


def test_a_timelinejs_end_time_in_another_zone_is_compared_by_its_instant(tmp_path: Path) -> None:
    sheet = tmp_path / "timeline.csv"
    sheet.write_text(
        TIMELINEJS_HEADER + "2018,1,15,10:00 +02:00,2018,1,15,09:30 +00:00,Ends later\n"
        "2018,1,15,10:00 +02:00,2018,1,15,07:30 +00:00,Ends before\n"
        "2018,1,15,10:00 +25:00,,,,,No such zone\n",
        encoding="utf-8",
    )
    loaded = load_with_report(sheet)
    events = {e.title: e for e in loaded.dataset.events}
    kept = events["Ends later"].end
    assert kept is not None and (kept.date, kept.utc_offset) == ("2018-01-15T09:30", "+00:00")
    assert events["Ends before"].end is None
    assert any("line 3" in w and "end date ignored" in w for w in loaded.warnings)
    # the time is not read as UTC, nor with an offset no zone has: the day is kept, the time said
    assert any("line 4" in w and "+25:00 is no UTC offset; the time is ignored" in w for w in loaded.warnings)
    no_zone = events["No such zone"].when
    assert no_zone is not None and no_zone.date == "2018-01-15"


# -- the time axis -------------------------------------------------------------------------------------------


@given(st.lists(CLOCKS, min_size=2, max_size=6))
def test_the_axis_draws_clock_times_of_several_zones_at_their_instants(clocks: list[tuple[int, int]]) -> None:
    whens = [clock_time(*c) for c in clocks]
    zone = axis_zone(whens)
    if len({offset for _, offset in clocks}) == 1:
        assert zone is None  # one zone: drawn as written, in it
        assert [interval(w, None, zone)[0] % DAY_MINUTES for w in whens] == [m for m, _ in clocks]
        return
    assert zone == 0  # several: in UTC, each at its instant
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    for when, clock in zip(whens, clocks, strict=True):
        start, end = interval(when, None, zone)
        assert start == (instant(*clock) - epoch) // dt.timedelta(minutes=1) and end == start + 1


def test_a_day_is_not_moved_by_the_zone_of_the_axis() -> None:
    day = checked_when(date="2020-03-21", precision="day")
    assert interval(day, None, 0) == interval(day, None, None)


def test_the_axis_of_a_sheet_in_three_zones_says_it_is_in_utc(tmp_path: Path) -> None:
    sheet = tmp_path / "zones.csv"
    sheet.write_text("date,event\n2020-03-21T10:00+02:00,A\n2020-03-21T09:00Z,B\n", encoding="utf-8")
    events = Chronology(load_with_report(sheet).dataset).events
    placement = Placement(events)
    assert placement.zone == 0
    assert placement.period(events[0]) == interval(events[0].when, None, 0)  # type: ignore[arg-type]
    assert Placement(events[:1]).zone is None
