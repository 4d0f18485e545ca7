"""The timeline's time column: as precise as the date, never wider than the column, titles aligned."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from conftest import MINIMAL
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import CLOCK_WIDTH, MONTHS, clock, compact_offset
from junquito_tui.core.loader import validate_document
from junquito_tui.core.model import Precision, When
from strategies import whens

ZONE_LABELS = st.one_of(st.none(), st.sampled_from(["VST", "UTC", "Venezuelan Standard Time", "CEST", "X"]))


@settings(max_examples=300, deadline=None)
@given(whens(), ZONE_LABELS)
def test_the_time_is_as_precise_as_the_date_and_fits_the_column(when: dict[str, Any], label: str | None) -> None:
    if when["precision"] == "minute":
        when["zone_label"] = label
    value = When(**when)
    text = clock(value)
    assert len(text) <= CLOCK_WIDTH
    parts = value.parts()
    if value.precision == "minute":
        assert text.lstrip("~").startswith(f"{parts[3]:02d}:{parts[4]:02d} ")  # the time, then its zone
        assert text.startswith("~") == value.approximate
    elif not value.approximate:
        assert text == ""  # the heading above the row says it all: nothing more precise is drawn
    else:
        assert text.startswith("~") and ":" not in text  # no time where the source gives none
        if len(parts) >= 2:
            assert MONTHS[parts[1] - 1][:3] in text


def test_the_reported_cases() -> None:
    assert clock(When(date="2017-06", precision=Precision.MONTH, approximate=True)) == "~Jun"  # was '~date'
    imported = When(date="2018-01-15T06:45", precision=Precision.MINUTE, utc_offset="+00:00")
    assert clock(imported) == "06:45 UTC"  # was '06:45 UTC+00:00', wider than the column
    assert [compact_offset(o) for o in ("+00:00", "-04:00", "+05:30", "-09:30")] == [
        "UTC",
        "UTC-4",
        "UTC+5:30",
        "UTC-9:30",
    ]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(whens(), ZONE_LABELS), min_size=1, max_size=6))
def test_every_title_starts_in_the_same_column(dates: list[tuple[dict[str, Any], str | None]]) -> None:
    """The rows as the timeline draws them: whatever the dates and zones, titles stay aligned."""
    from junquito_tui.ui.widgets.timeline import Timeline

    data = copy.deepcopy(MINIMAL)
    template = data["events"][0]
    data["events"] = []
    for index, (when, label) in enumerate(dates):
        if when["precision"] == "minute":
            when["zone_label"] = label
        data["events"].append({**template, "id": f"e{index}", "title": f"TITLE{index}", "when": when})
    data["quotes"] = []
    chronology = Chronology(validate_document(data, "generated.json"))
    timeline = Timeline(chronology.events)
    timeline.get_component_rich_style = lambda *names, partial=False: Style()  # type: ignore[method-assign]
    starts = set()
    for position in range(len(chronology.events)):
        line = timeline._event_line(position).plain
        starts.add(line.index("TITLE"))
    assert starts == {CLOCK_WIDTH + 2}


def _rows(folder: Any, text: str) -> dict[str, str]:
    """The timeline's row of each event of a spreadsheet holding ``text``, by title."""
    from pathlib import Path

    from junquito_tui.core.loader import load_with_report
    from junquito_tui.ui.widgets.timeline import Timeline

    path = Path(folder) / "sheet.csv"
    path.write_text(text)
    chronology = Chronology(load_with_report(path).dataset)
    timeline = Timeline(chronology.events)
    timeline.get_component_rich_style = lambda *names, partial=False: Style()  # type: ignore[method-assign]
    return {e.title: timeline._event_line(p).plain.strip() for p, e in enumerate(chronology.events)}


def test_a_period_shows_its_end_before_its_title(tmp_path: Any) -> None:
    # before (a user trial): 'Winter 2018' showed '~Dec  Winter unrest', its period's start alone; then the end
    # came after the title, which a narrow pane cut (a trial read the revelation on 17 or 18 January as the 17th)
    lines = _rows(
        tmp_path, "date,event\nWinter 2018,Winter unrest\nDecember 2017 - January 2018,Manhunt\n2018-01-10,Arrest\n"
    )
    assert lines["Winter unrest"] == "~Dec         (to ~Mar 2019) Winter unrest"
    assert lines["Manhunt"].endswith("(to Jan 2018) Manhunt")
    assert lines["Arrest"].endswith("Arrest")


def test_a_day_in_an_assumed_order_says_its_other_reading_before_its_title(tmp_path: Any) -> None:
    # before (a user trial): '03/02/2018', read as 2 March by assumption, showed as an exact day
    lines = _rows(
        tmp_path, "date,event\n03/02/2018,Protest\n04/02/2018 10:00,Timed\n5 January 2018 - 03/02/2018,Campaign\n"
    )
    assert lines["Protest"] == "(or 3 Feb?) Protest"
    assert lines["Timed"] == "10:00 UTC?   (or 4 Feb?) Timed"
    assert lines["Campaign"] == "(to 2 Mar 2018 (or 3 Feb?)) Campaign"


def test_a_row_listed_on_the_wrong_side_of_others_by_their_clocks_says_so(tmp_path: Any) -> None:
    # before (a date trial): 23:30 UTC-5 on the 21st listed above 01:00 UTC+9 on the 22nd, 12½ hours earlier, the
    # rows saying nothing (the event page named them)
    sheet = (
        "date,event\n2018-01-21T23:30:00-05:00,Raid\n2018-01-22T01:00:00+09:00,Call\n"
        "2018-01-22T10:00:00+00:00,Note\n2018-01-22,Day\n"
    )
    lines = _rows(tmp_path, sheet)
    assert lines["Raid"] == "23:30 UTC-5  (took place after 1 below) Raid"
    assert lines["Call"] == "01:00 UTC+9  (took place before 1 above) Call"
    assert lines["Note"] == "10:00 UTC    Note" and lines["Day"] == "Day"
    # a filter's rows say what they show: without the call, nothing crosses
    from junquito_tui.core.loader import load_with_report
    from junquito_tui.ui.widgets.timeline import Timeline

    chronology = Chronology(load_with_report(tmp_path / "sheet.csv").dataset)
    view = [event for event in chronology.events if event.title != "Call"]
    timeline = Timeline(view)
    timeline.get_component_rich_style = lambda *names, partial=False: Style()  # type: ignore[method-assign]
    assert timeline._event_line(0).plain.strip() == "23:30 UTC-5  Raid"
