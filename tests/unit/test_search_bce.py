"""`date:` with a year BCE: '460 BCE' as the app shows it, and a hint where a negative year is ISO 8601's
(with a year 0: -460 is 461 BCE), which the sheets' -460 (TimelineJS's 460 BCE) is not. A review found
'date:-460' returned nothing for an event shown '460 BCE', without a word."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.loader import load_with_report
from junquito_tui.core.model import DATASET
from junquito_tui.core.query import parse_date_range, parse_query
from junquito_tui.core.search import SearchIndex


@given(st.integers(1, 9999), st.sampled_from(["{}BCE", "{} BCE", "{}bc", "{} B.C."]))
def test_a_year_bce_is_iso_8601s_year_one_minus_it(year: int, form: str) -> None:
    assert parse_date_range(form.format(year)) is not None
    assert parse_date_range(form.format(year)).start == parse_date_range(str(1 - year)).start  # type: ignore[union-attr]


def test_a_year_bce_finds_what_is_shown_so_and_a_negative_year_says_how_it_counts(tmp_path: Path) -> None:
    path = tmp_path / "bce.csv"
    path.write_text("date,title\n-460,Pericles\n476 BCE,Fall\n", encoding="utf-8")  # (-460: TimelineJS's 460 BCE)
    index = SearchIndex(Chronology(load_with_report(path).dataset))
    assert [hit.id for hit in index.search("date:460BCE", typing=False).hits] == ["pericles-460-bce"]
    assert [hit.id for hit in index.search("date:480bc..470bc", typing=False).hits] == ["fall-476-bce"]
    # typed as the app shows it, its space and all (a review: the year 460 CE and a word 'bce', found nothing)
    assert [hit.id for hit in index.search("date:460 BCE", typing=False).hits] == ["pericles-460-bce"]
    assert [hit.id for hit in index.search("date:480 BC..470 BC", typing=False).hits] == ["fall-476-bce"]
    negative = index.search("date:-460", typing=False)
    assert negative.total == 0 and any("-460 is 461 BCE; for 460 BCE write date:460BCE" in h for h in negative.hints)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([-460, -1, 0, 1, 2, 9998, 9999, 10000]),
    st.sampled_from(["year", "month", "day"]),
    st.sampled_from([-1, 1]),
)
def test_an_approximate_date_just_outside_a_range_is_hinted_in_any_year(year: int, precision: str, side: int) -> None:
    # before (a review): the hint's wider range was counted with datetime, which holds years 1 to 9999 only, so an
    # approximate year 1 BCE went unsaid for date:0001, as did 2 January 10000 for date:9999
    date = {"year": f"{year:05d}" if year < 0 else f"{year:04d}", "month": "", "day": ""}
    date["month"], date["day"] = f"{date['year']}-01", f"{date['year']}-01-02"
    when = {"date": date[precision], "precision": precision, "approximate": True}
    data = {"schema_version": 1, "title": "t", "timezone": "UTC", "events": [{"id": "e", "title": "t", "when": when}]}
    index = SearchIndex(Chronology(DATASET.validate_python(data)))
    searched = year + side if precision == "year" else year - 1  # (a day or a month early in the year: the one before)
    text = f"{searched:05d}" if searched < 0 else f"{searched:04d}"
    results = index.search(f"date:{text}", typing=False)
    assert results.total == 0
    (hint,) = [h for h in results.hints if "dated only approximately" in h]
    wider = hint.rsplit("date:", 1)[1].split()[0]
    assert [hit.id for hit in index.search(f"date:{wider}", typing=False).hits] == ["e"]


def test_a_date_filter_of_five_digits_or_more_says_it_is_read_as_a_year() -> None:
    # before (a date trial): date:20200321 and date:12345 found nothing, with no word of why
    basic = parse_query("date:20200321", typing=False)
    assert basic.hints == ["date:20200321 is read as the year 20,200,321; for 21 March 2020 write date:2020-03-21"]
    assert parse_query("date:12345..", typing=False).hints == ["date:12345 is read as the year 12,345"]
    assert parse_query("date:20201321", typing=False).hints == ["date:20201321 is read as the year 20,201,321"]
    assert parse_query("date:2020-03-21", typing=False).hints == []


def test_a_negative_iso_date_counted_as_iso_is_hinted_where_timelinejs_counts_would_find_it(tmp_path: Path) -> None:
    # before (a UI trial): date:44BCE left out '-0044-03-15' (15 March 45 BCE as ISO 8601 counts years), unsaid
    sheet = tmp_path / "bce.csv"
    sheet.write_text("date,event\n-0044-03-15,Ides\n-0044,Year alone\n-0100-01-01,Far\n", encoding="utf-8")
    chronology = Chronology(load_with_report(sheet).dataset)
    index = SearchIndex(chronology)
    found = index.search("date:44BCE", typing=False)
    assert [chronology.event(event).title for event in found.matched_events] == ["Year alone"]
    (said,) = [hint for hint in found.hints if "negative ISO year" in hint]
    assert said.startswith("1 date written with a negative ISO year")
    exact = index.search("date:45BCE", typing=False)
    assert not [hint for hint in exact.hints if "negative ISO year" in hint]  # (found as read: nothing to say)
    words = index.search("date:44BCE ides", typing=False)
    assert [hint for hint in words.hints if "negative ISO year" in hint]
    assert not [hint for hint in index.search("date:44BCE far", typing=False).hints if "negative ISO year" in hint]
