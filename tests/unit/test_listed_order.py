"""Events listed on the other side of an event than the time they name (each stays under the day its source
gives, in its own zone), against a brute-force oracle: every pair compared by its UTC instant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_with_report
from sheet_files import csv_chronology

_ZONES = ["Z", "-04:00", "+14:00", "-12:00", "+05:30", "-04:30", ""]  # '': no zone given, read as UTC: no instant


def instant(date: str, offset: str | None) -> dt.datetime:
    moment = dt.datetime.fromisoformat(date)
    sign = -1 if (offset or "+00:00").startswith("-") else 1
    hours, minutes = (offset or "+00:00")[1:].split(":")
    return moment - sign * dt.timedelta(hours=int(hours), minutes=int(minutes))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3), st.integers(0, 23), st.sampled_from([0, 30]), st.sampled_from(_ZONES), st.booleans()
        ),
        min_size=1,
        max_size=25,
    )
)
def test_oracle_every_crossing_and_none_other(rows: list[tuple[int, int, int, str, bool]]) -> None:
    import tempfile

    lines = ["date,event"]
    for number, (day, hour, minute, zone, day_only) in enumerate(rows):
        date = f"2018-01-{15 + day:02d}" if day_only else f"2018-01-{15 + day:02d}T{hour:02d}:{minute:02d}{zone}"
        lines.append(f"{date},Event {number}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "zones.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        chronology = Chronology(load_with_report(path).dataset)
    events = chronology.events
    timed = [(i, e) for i, e in enumerate(events) if e.when is not None and e.when.precision == "minute"]
    timed = [(i, e) for i, e in timed if "no time zone is given" not in (e.when.note or "")]  # type: ignore[union-attr]
    for position, event in enumerate(events):
        earlier, later = chronology.listed_order.crossings(event, position)
        if event.when is None or event.when.precision != "minute" or all(e is not event for _, e in timed):
            assert (earlier, later) == ([], [])
            continue
        mine = instant(event.when.date, event.when.utc_offset)
        assert {e.id for e in earlier} == {
            e.id
            for i, e in timed
            if i > position and instant(e.when.date, e.when.utc_offset) < mine  # type: ignore[union-attr]
        }
        assert {e.id for e in later} == {
            e.id
            for i, e in timed
            if i < position and instant(e.when.date, e.when.utc_offset) > mine  # type: ignore[union-attr]
        }


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 23), st.sampled_from([0, 30]), st.sampled_from(_ZONES)),
        min_size=1,
        max_size=25,
    )
)
def test_oracle_a_time_with_no_zone_names_the_zoned_times_it_may_be_on_either_side_of(
    rows: list[tuple[int, int, int, str]],
) -> None:
    # before (a user trial): '2018-01-15 05:00' (no zone, read as UTC) was listed before '04:00-04:00' (08:00
    # UTC), unsaid; local, at UTC-4, it was an hour after it. Oracle: a zone of UTC-12 to UTC+14, every pair
    chronology = csv_chronology(
        ["date,event"]
        + [
            f"2018-01-{15 + day:02d}T{hour:02d}:{minute:02d}{zone},Event {n}"
            for n, (day, hour, minute, zone) in enumerate(rows)
        ]
    )
    zoneless = {f"Event {n}" for n, row in enumerate(rows) if row[3] == ""}
    mixed = bool(zoneless) and len(zoneless) < len(rows)
    for event in chronology.events:
        named = {e.title for e in chronology.listed_order.unzoned(event)}
        mine = instant(event.when.date, event.when.utc_offset)  # type: ignore[union-attr]  # (no zone: as UTC)
        expected = set()
        for other in chronology.events if mixed else []:
            if (event.title in zoneless) == (other.title in zoneless):
                continue
            theirs = instant(other.when.date, other.when.utc_offset)  # type: ignore[union-attr]
            read, given = (mine, theirs) if event.title in zoneless else (theirs, mine)
            # the zoneless one took place at 'read' minus its zone's offset, anywhere from -12:00 to +14:00
            if read - dt.timedelta(hours=14) < given < read + dt.timedelta(hours=12):
                expected.add(other.title)
        assert named == expected


def test_a_rows_words_name_both_sides_it_crosses() -> None:
    from junquito_tui.core.listed_order import Crossings, crossing_words

    (event,) = csv_chronology(["date,event", "2018-01-21T23:30:00-05:00,Raid"]).events
    assert crossing_words(Crossings([event], [event, event])) == "(took place before 2 above and after 1 below)"
    assert crossing_words(Crossings([], [])) == ""
