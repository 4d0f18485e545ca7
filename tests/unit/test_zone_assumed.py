"""A time given with no zone, read as UTC, is shown as assumed, never as the zone the file gives: a
newsroom's '2018-01-15 06:30' showed as '06:30 UTC' in the timeline, search and exports (a user trial)."""

from __future__ import annotations

from pathlib import Path

from junquito_tui.core.dates import clock, date_words, short_date
from junquito_tui.core.interop.timelinejs_dates import display
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.records import Precision, When


def test_a_time_without_its_zone_is_shown_as_read_as_utc(tmp_path: Path) -> None:
    path = tmp_path / "times.csv"
    path.write_text("date,event\n2018-01-15 06:30,No zone\n2018-01-15T06:30Z,Zone given\n", encoding="utf-8")
    whens = {e.title: e.when for e in load_with_report(path).dataset.events}
    assumed, given = whens["No zone"], whens["Zone given"]
    assert assumed is not None and given is not None
    assert (clock(assumed), clock(given)) == ("06:30 UTC?", "06:30 UTC")
    assert (short_date(assumed), short_date(given)) == ("06:30 UTC? 15 Jan 2018", "06:30 UTC 15 Jan 2018")
    assert date_words(assumed) == "06:30 (UTC+00:00, assumed: the file gives no zone), Monday 15 January 2018"
    assert date_words(given) == "06:30 (UTC+00:00), Monday 15 January 2018"
    assert display(assumed) == "06:30 (no time zone given; read as UTC), Monday 15 January 2018"
    assert display(given) == "06:30 UTC+00:00, Monday 15 January 2018"


def test_a_zone_name_the_file_gives_is_shown_as_given() -> None:
    named = When(date="2018-01-15T06:30", precision=Precision.MINUTE, utc_offset="-04:00", zone_label="VST")
    assert (clock(named), short_date(named)) == ("06:30 VST", "06:30 VST 15 Jan 2018")


def test_a_note_in_a_files_own_words_is_no_reading_as_utc() -> None:
    # (a review) a JSON time at +05:00 whose note held the words showed as '06:30 UTC?', its zone the file's
    from junquito_tui.core.dates import ZONE_NOTE

    given = When(date="2018-01-15T06:30", precision=Precision.MINUTE, utc_offset="+05:00", note=f"as {ZONE_NOTE}")
    assert (clock(given), short_date(given)) == ("06:30 UTC+5", "06:30 UTC+5 15 Jan 2018")
