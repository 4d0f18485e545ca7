"""A TimelineJS sheet's End Year (or v2's End Date) of 'present' is read as any sheet's end cell of it: an open end
from the start on, or not used, said, after a start given only about. It was "'present': no year can be read in it;
end date ignored", and the period a point. The oracle: the same rows as a plain sheet's date and end cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from junquito_tui.core.loader import load_with_report
from junquito_tui.core.records import When

_ROWS = [  # (start as a plain sheet writes it, as Year/Month/Day cells, the end cell)
    ("2016-03-01", ("2016", "3", "1"), "present"),
    ("2016-03", ("2016", "3", ""), "ongoing"),
    ("2016", ("2016", "", ""), "hasta hoy"),
    ("c. 2015", ("c. 2015", "", ""), "en curso"),
]


def _dates(path: Path) -> dict[str, tuple[When | None, When | None]]:
    return {event.title: (event.when, event.end) for event in load_with_report(path).dataset.events}


def _warned(path: Path) -> list[str]:
    return [w.split(" (line")[0] for w in load_with_report(path).warnings if "present" in w]


@pytest.mark.parametrize("layout", ["today", "v2"])
def test_an_end_of_present_reads_as_a_plain_sheet_s(tmp_path: Path, layout: str) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text(
        "date,end,title\n" + "".join(f"{start},{end},row {n}\n" for n, (start, _, end) in enumerate(_ROWS)),
        encoding="utf-8",
    )
    sheet = tmp_path / "timeline.csv"
    if layout == "today":
        lines = [f"{','.join(cells)},{end},row {n}\n" for n, (_, cells, end) in enumerate(_ROWS)]
        sheet.write_text("Year,Month,Day,End Year,Headline\n" + "".join(lines), encoding="utf-8")
    else:
        lines = [f"{start},{end},row {n}\n" for n, (start, _, end) in enumerate(_ROWS)]
        sheet.write_text("Start Date,End Date,Headline\n" + "".join(lines), encoding="utf-8")
    ours, theirs = _dates(sheet), _dates(plain)
    assert ours == theirs
    assert ours["row 0"][1] is not None and ours["row 0"][1].note is not None
    assert "a bound: from 2016-03-01" in ours["row 0"][1].note  # before: no end at all
    assert ours["row 3"][1] is None  # 'c. 2015' to the present: from no one known day, said on the date too
    start = ours["row 3"][0]
    assert (
        start is not None
        and start.note
        == "c. 2015; the file gives the end 'en curso': not used, as no one day the period runs on from is known"
    )
    assert _warned(sheet) == _warned(plain) and len(_warned(sheet)) == 2


def test_present_beside_an_end_month_is_not_read_as_an_open_end(tmp_path: Path) -> None:
    sheet = tmp_path / "timeline.csv"
    sheet.write_text("Year,Month,Day,End Year,End Month,Headline\n2016,3,1,present,5,odd\n", encoding="utf-8")
    loaded = load_with_report(sheet)
    (event,) = loaded.dataset.events
    assert event.end is None  # a month of 'present' is no reading anyone wrote: the end is refused, and said
    assert any("no year can be read" in w for w in loaded.warnings)
