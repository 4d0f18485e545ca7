"""A day read in an order of day and month the file does not show is marked wherever it is shown as a
date: '2 Mar 2018 (or 3 Feb?)'. Before, a user trial found '03/02/2018', read as 2 March by assumption,
shown as an exact day everywhere but on its page. Oracle: the file's own cells, read both ways."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import MONTHS, period_date, short_date
from junquito_tui.core.either_way import swapped
from junquito_tui.core.interop.markdown_export import to_markdown
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.interop.timelinejs_export import to_timelinejs_document
from junquito_tui.core.interop.timelinejs_import import from_timelinejs
from junquito_tui.core.loader import load_with_report, validate_document
from junquito_tui.core.records import Dataset

_MARK = re.compile(r"\(or (\d+) (\w{3})\?\)")


def _load(text: str, **options: object) -> Dataset:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.csv"
        path.write_text(text, encoding="utf-8")
        return load_with_report(path, **options).dataset  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12), st.booleans()), min_size=1, max_size=12),
    st.sampled_from(["none", "day first", "month first"]),
)
def test_oracle_a_day_is_marked_with_its_other_reading_only_where_its_order_is_assumed(
    rows: list[tuple[int, int, bool]], shown: str
) -> None:
    # 'day first': one more row, '25/12/2017', shows the file's order; 'month first': '12/25/2017'
    lines = [f"{a:02d}/{b:02d}/2018{' 10:00' if timed else ''},row {n}" for n, (a, b, timed) in enumerate(rows)]
    extra = {"none": [], "day first": ["25/12/2017,shows"], "month first": ["12/25/2017,shows"]}[shown]
    dataset = _load("date,event\n" + "\n".join(lines + extra) + "\n")
    written = {f"row {n}": (a, b) for n, (a, b, _) in enumerate(rows)}
    for event in dataset.events:
        if event.title == "shows":
            assert "(or" not in short_date(event.when)
            continue
        a, b = written[event.title]
        _, month, day = event.when.parts()[:3]  # type: ignore[union-attr]
        assert (month, day) == ((b, a) if shown == "day first" else (a, b))  # as the file shows, else month first
        marks = _MARK.findall(short_date(event.when))
        if shown == "none" and a != b:  # assumed, and the other reading is another day
            assert marks == [(str(month), MONTHS[day - 1][:3])]
        else:
            assert marks == []


def test_an_order_given_with_columns_is_not_marked_but_the_note_still_says_how() -> None:
    dataset = _load("date,event\n03/02/2018,Protest\n")
    assert short_date(dataset.events[0].when) == "2 Mar 2018 (or 3 Feb?)"
    given_order = _load("date,event\n03/02/2018,Protest\n", columns=parse_columns("order=dmy"))
    when = given_order.events[0].when
    assert short_date(when) == "3 Feb 2018"
    assert "as --columns order=dmy says" in (when.note or "")  # type: ignore[union-attr]


def test_a_period_whose_end_alone_could_be_either_marks_its_end_not_its_start() -> None:
    dataset = _load("date,event\n5 January 2018 - 03/02/2018,Campaign\n")
    event = dataset.events[0]
    assert swapped(event.when) is None  # its start, 5 January, is no day/month doubt (a date search named it)
    assert short_date(event.when) == "5 Jan 2018"
    assert period_date(event.when, event.end) == "5 Jan 2018 – 2 Mar 2018 (or 3 Feb?)"


def test_a_timed_day_keeps_its_time_and_zone_before_the_mark() -> None:
    dataset = _load("date,event\n04/02/2018 10:00,Second protest\n")
    assert short_date(dataset.events[0].when) == "10:00 UTC? 2 Apr 2018 (or 4 Feb?)"


def test_timelinejs_says_it_on_the_slide_and_our_import_gives_back_the_notes_alone() -> None:
    dataset = _load("date,event\n03/02/2018,Protest\n04/02/2018 10:00,Timed\n5 January 2018 - 03/02/2018,Campaign\n")
    chronology = Chronology(dataset)
    document = to_timelinejs_document(chronology, chronology.events)
    shown = {slide["text"]["headline"]: slide for slide in document["events"]}
    assert shown["Protest"]["start_date"]["display_date"] == (
        "Friday 2 March 2018 (or Saturday 3 February 2018: the order of day and month is assumed)"
    )
    assert shown["Timed"]["start_date"]["display_date"].endswith(
        "Monday 2 April 2018 (or Sunday 4 February 2018: the order of day and month is assumed)"
    )
    assert "display_date" not in shown["Campaign"]["start_date"]
    assert shown["Campaign"]["end_date"]["display_date"] == (
        "Friday 2 March 2018 (or Saturday 3 February 2018: the order of day and month is assumed)"
    )
    back = validate_document(from_timelinejs(document, "back.json")[0], "back.json")
    before = {e.id: (e.when, e.end) for e in dataset.events}
    assert {e.id: (e.when, e.end) for e in back.events} == before  # no display date left in a note


def test_markdown_gives_the_other_day_with_the_date_and_its_note() -> None:
    def dates(text: str) -> list[str]:
        chronology = Chronology(_load(text))
        return [line for line in to_markdown(chronology, chronology.events).splitlines() if "**Date:**" in line]

    assumed = dates("date,event\n03/02/2018,Protest\n5 January 2018 - 03/02/2018,Campaign\n")
    assert assumed[0].startswith("- **Date:** Friday 5 January 2018, until Friday 2 March 2018 (or Saturday 3 February")
    assert assumed[1].startswith("- **Date:** Friday 2 March 2018 (or Saturday 3 February 2018?) — could be day/month")
    shown = dates("date,event\n03/02/2018,Protest\n15/02/2018,Shows the order\n")
    assert shown[0].startswith("- **Date:** Saturday 3 February 2018 — could be day/month")  # nothing assumed


def test_an_end_in_a_column_of_its_own_is_marked_once() -> None:
    # before (a user trial): '3 Feb 2018 (or 2 Mar?) – 5 Feb 2018 (or 2 May?) (or 2 May?)'
    dataset = _load("Fecha;Fin;Evento\n03/02/2018;05/02/2018;Huelga\n")  # semicolons: day first, as assumed
    event = dataset.events[0]
    assert period_date(event.when, event.end) == "3 Feb 2018 (or 2 Mar?) – 5 Feb 2018 (or 2 May?)"
    chronology = Chronology(dataset)
    lines = [line for line in to_markdown(chronology, chronology.events).splitlines() if "**Date:**" in line]
    assert "Monday 5 February 2018 (or Wednesday 2 May 2018?) —" in lines[0]


def test_a_citation_and_the_event_page_give_the_other_day_of_start_and_end() -> None:
    # before (a user trial): 'Until: Sunday 4 March 2018', as fact, in a citation and on the page
    from junquito_tui.core.citation import cite
    from junquito_tui.core.dates import describe

    dataset = _load("date,event\n01/02/2018 - 03/04/2018,Occupation\n")
    chronology, event = Chronology(dataset), dataset.events[0]
    lines = cite(chronology, "event", event.id).splitlines()
    assert lines[1].startswith("Date: Tuesday 2 January 2018 (or Thursday 1 February 2018?) (note: could be")
    assert lines[2].startswith("Until: Sunday 4 March 2018 (or Tuesday 3 April 2018?) (note: could be day/month")
    assert describe(event.end).startswith("Sunday 4 March 2018 (or Tuesday 3 April 2018?)  [precision: day]\ncould")


def test_an_end_whose_cell_shows_its_day_is_not_marked() -> None:
    # before (a review): an End column's '5 April 2018' or '2018-04-06T12:00' beside a start that could be
    # either way round was shown '5 Apr 2018 (or 4 May?)', a reading no cell of the file allows
    dataset = _load("Date,End,Title\n03/02/2018,5 April 2018,Alpha\n04/02/2018 10:00,2018-04-06T12:00,Beta\n")
    shown = {e.title: period_date(e.when, e.end) for e in dataset.events}
    assert shown["Alpha"] == "2 Mar 2018 (or 3 Feb?) – 5 Apr 2018"
    assert shown["Beta"] == "10:00 UTC? 2 Apr 2018 (or 4 Feb?) – 12:00 UTC? 6 Apr 2018"


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12), st.booleans(), st.booleans()), min_size=1, max_size=12)
)
def test_oracle_a_heading_and_its_gaps_are_marked_where_every_day_under_it_is_assumed(
    rows: list[tuple[int, int, bool, bool]],
) -> None:
    # before (a review): '── Monday 2 April 2018 · 4 weeks later' over a lone '(or 4 Feb?)' row, the day and
    # the gap as sure as any. Each row is written 'a/b/2018' (its order assumed: month first) or, where
    # ``iso``, '2018-a-b' (sure); the oracle is the cells as written.
    from junquito_tui.core.timeline_rows import HEADING, build_rows

    lines = [
        f"{f'2018-{a:02d}-{b:02d}' if iso else f'{a:02d}/{b:02d}/2018'}{' 10:00' if timed else ''},row {n}"
        for n, (a, b, timed, iso) in enumerate(rows)
    ]
    view = Chronology(_load("date,event\n" + "\n".join(lines) + "\n")).events
    written = {f"row {n}": (a, b, iso) for n, (a, b, _, iso) in enumerate(rows)}
    index = build_rows(view)
    headings = [row for row, at in enumerate(index.positions) if at == HEADING and row not in index.sub_headings]
    marked_before = False
    for number, row in enumerate(headings):
        end = headings[number + 1] if number + 1 < len(headings) else len(index.positions)
        under = [written[view[at].title] for at in index.positions[row:end] if at != HEADING]
        a, b, _ = under[0]
        assumed = all(not iso and a != b for a, b, iso in under)
        label, between = index.labels[row]
        assert label.endswith(f" (or {a} {MONTHS[b - 1][:3]}?)") == assumed, (label, under)
        if number:
            assert between.endswith("?") == (assumed or marked_before), (between, under)
        marked_before = assumed
