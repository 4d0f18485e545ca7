"""Spreadsheets wherever a dataset is accepted: validate, search, export --data, import, --data (the app),
and --columns on each; our own CSV export read back intact; the importers' work linear in the rows."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import REPO
from junquito_tui.cli import main
from junquito_tui.core.chronology import Chronology
from junquito_tui.core.interop import encode_export, export_text
from junquito_tui.core.interop.csv_export import cell, read_cell
from junquito_tui.core.interop.sheet_layouts import parse_columns
from junquito_tui.core.loader import load_dataset, load_with_warnings, validate_document
from junquito_tui.core.provenance import source_chain
from junquito_tui.core.records import Actor, When
from junquito_tui.core.text import slugify
from junquito_tui.ui.app import JunquitoApp
from junquito_tui.ui.screens.explorer import ExplorerScreen
from junquito_tui.ui.widgets.timeline import Timeline
from sheet_files import write_xlsx
from strategies import whens

SHEETS = REPO / "tests" / "data" / "sheets"
LAYOUTS = {  # one file of each layout, and a word its events hold
    "timelinejs-template.csv": "moon",
    "timelinejs-camelcase.csv": "first",
    "timelinejs-v2.csv": "christmas",
    "timelinejs-sheet-empty-formatted-rows.xlsx": "moon",
    "timelinejs-sheet.ods": "moon",
    "acled-current.csv": "kabul",
    "acled-older.csv": "sangin",
    "acled-legacy-upper-case.csv": "algiers",
    "acled-columns-removed.csv": "venezuela",
    "timesketch.csv": "evil",
    "timesketch.jsonl": "second",
    "generic-spanish.csv": "junquito",
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_import_gives_a_dataset_that_validates(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "dataset.json"
    assert main(["import", str(SHEETS / name), "-o", str(output)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["validate", str(output)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: ") and err == ""  # our own format now: no warnings, no row counts
    assert load_dataset(output) == load_with_warnings(SHEETS / name)[0]


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_validate_prints_the_row_counts(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SHEETS / name)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("read ") and " of data: " in out[0] and out[1].startswith("ok: ")


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_search_and_export_read_every_layout(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", LAYOUTS[name], "--data", str(SHEETS / name)]) == 0
    assert "«" in capsys.readouterr().out
    assert main(["export", "--format", "markdown", "--data", str(SHEETS / name)]) == 0
    assert capsys.readouterr().out.startswith("# ")


def test_columns_on_every_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    path = str(SHEETS / "columns-option.csv")
    spec = ["--columns", "date=When it happened,title=What,place=Where"]
    assert main(["validate", path]) == 2
    assert "--columns 'date=When it happened,title=What'" in capsys.readouterr().err
    assert main(["validate", path, *spec]) == 0
    assert main(["search", "raid", "--data", path, *spec]) == 0
    assert main(["export", "--format", "csv", "--data", path, *spec]) == 0
    assert "El Junquito" in capsys.readouterr().out
    assert main(["import", path, *spec, "-o", str(tmp_path / "out.json")]) == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["events"][0]["title"] == "Raid"
    started: dict[str, Any] = {}

    class FakeApp:
        return_code = 0  # (as Textual's, after a run that ended well)

        def __init__(self, chronology: Chronology, **options: Any) -> None:
            started.update(options, chronology=chronology)

        def run(self) -> None:
            started["ran"] = True

    monkeypatch.setattr("junquito_tui.ui.app.JunquitoApp", FakeApp)
    assert main(["--data", path, *spec]) == 0
    assert started["ran"] and started["chronology"].events[0].place == "El Junquito"


def test_a_bad_columns_option_exits_2_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(SHEETS / "columns-option.csv"), "--columns", "colour=What"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "unknown field 'colour'" in err and "Traceback" not in err


def test_unrecognised_sheet_exits_2_naming_headers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SHEETS / "unrecognised-layout.csv")]) == 2
    err = capsys.readouterr().err
    assert "unrecognised-layout.csv: 1 problem" in err and "'col a', 'col b'" in err and "Traceback" not in err


def test_import_never_writes_over_its_spreadsheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "sheet.csv"
    source.write_bytes((SHEETS / "generic-spanish.csv").read_bytes())
    before = source.read_bytes()
    assert main(["import", str(source), "-o", str(source)]) == 2
    assert "is the input file" in capsys.readouterr().err and source.read_bytes() == before


# -- the app ------------------------------------------------------------------------------------------------


async def _wait(pilot: Any, condition: Callable[[], bool]) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


def _timeline_shown(app: JunquitoApp) -> bool:
    """The explorer is up and its timeline has an event selected: the interface is whole, not mounting."""
    if not isinstance(app.screen, ExplorerScreen):
        return False
    timelines = app.screen.query(Timeline)
    return bool(timelines) and timelines.first().current is not None


@pytest.mark.parametrize("name", ["timelinejs-template.csv", "acled-current.csv", "timesketch.jsonl"])
async def test_each_layout_opens_in_the_app(name: str) -> None:
    dataset, warnings = load_with_warnings(SHEETS / name)
    app = JunquitoApp(Chronology(dataset), warnings=warnings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one(Timeline)
        first = timeline.current
        assert first is not None and first.id == Chronology(dataset).events[0].id
        await pilot.press("j")
        assert timeline.current is not None and timeline.current.id != first.id


@pytest.mark.parametrize(
    "name", ["acled-current.csv", "timelinejs-sheet-empty-formatted-rows.xlsx", "generic-spanish.csv"]
)
async def test_a_spreadsheet_loads_behind_the_progress_screen(name: str) -> None:
    app = JunquitoApp(load=(SHEETS / name, 10**9))
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(pilot, lambda: _timeline_shown(app))
        assert app.chronology is not None and len(app.chronology.events) == len(load_dataset(SHEETS / name).events)
        assert app.load_warnings == load_with_warnings(SHEETS / name)[1]


async def test_the_progress_screen_takes_the_columns_option() -> None:
    spec = parse_columns("date=When it happened,title=What")
    app = JunquitoApp(load=(SHEETS / "columns-option.csv", 10**9, spec))
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(pilot, lambda: _timeline_shown(app))
        assert app.chronology is not None and app.chronology.events[0].title == "Raid"


# -- our own CSV export, read back ----------------------------------------------------------------------------

_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters=[chr(c) for c in [*range(32), *range(127, 160)]])
    | st.sampled_from(["\n", "\t", ",", ";", '"', "'", "=", "+", "-", "@", " ", "<", ">", "(", ")"]),
    min_size=1,
    max_size=12,
).filter(lambda t: "\n" not in t[:1] and "\t" not in t[:1])


# One-line text (names, roles, titles, zone labels) full of what the list cells use as structure.
_STRUCTURE = [";", "; ", "(", ")", " (", ") ", "<", ">", " <", "\\", "\\;", "\\(", " ", "\u00a0", "'", "=", ","]
_line = (
    st.lists(
        st.characters(
            blacklist_categories=["Cs"], blacklist_characters=[chr(c) for c in [*range(32), *range(127, 160)]]
        )
        | st.sampled_from(_STRUCTURE),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda t: not any(c in t for c in "\t\n\u2028\u2029"))
)
_url = st.builds(
    lambda path: "https://example.org/" + path, st.text(st.sampled_from([*"ab/?=&%#;()<>\\'@,"]), max_size=10)
)
_zone = st.none() | st.sampled_from(["VST", "UTC;-4", "(local) <x>", " a\\"])
_PRECISIONS = ["year", "month", "day", "minute"]


def _cut(date: str, precision: str) -> str:
    """A start's date cut to a precision not finer than its own."""
    year = date[: date.index("-", 1)] if "-" in date[1:] else date
    rest = date[len(year) :]
    return year + {"year": "", "month": rest[:3], "day": rest[:6], "minute": rest}[precision]


@st.composite
def _end(draw: st.DrawFn, start: dict[str, Any]) -> dict[str, Any]:
    """An end not before ``start``: of any precision (a later year), or the start's own period or a wider one;
    approximate or not, with a note or not, a zone label on a clock time or not."""
    if draw(st.booleans()):
        year = int(start["date"][: start["date"].index("-", 1)] if "-" in start["date"][1:] else start["date"]) + 1
        precision = draw(st.sampled_from(_PRECISIONS))
        date = _cut(f"{year}-03-04T05:06", precision)
    else:
        precision = draw(st.sampled_from(_PRECISIONS[: _PRECISIONS.index(start["precision"]) + 1]))
        date = _cut(start["date"], precision)
    end: dict[str, Any] = {"date": date, "precision": precision, "approximate": draw(st.booleans())}
    if draw(st.booleans()):
        end["note"] = draw(_text)
    if precision == "minute":
        end["utc_offset"] = draw(st.sampled_from(["-04:00", "+00:00", "+05:30"]))
        if (label := draw(_zone)) is not None:
            end["zone_label"] = label
    return end


_kind = st.sampled_from(["other", "news-outlet", "investigation"])
_actor_kind = st.sampled_from(["person", "other", "police-force"])
_relation = st.sampled_from(["member-of", "ally-of", "related-to"])


def _with_outers(ids: list[str], sources: list[dict[str, Any]]) -> list[str]:
    """``ids`` and every source one of them is known through (the model asks an event to cite those)."""
    by_id, out = {s["id"]: s for s in sources}, list(ids)
    for source_id in out:  # (grows as it goes)
        if (outer := by_id[source_id].get("cited_in")) is not None and outer not in out:
            out.append(outer)
    return out


@st.composite
def _claim(draw: st.DrawFn, actors: list[dict[str, Any]], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """A claim: by nobody or by some of ``actors``, with or without a source, citing works known through it."""
    claim: dict[str, Any] = {"statement": draw(_line)}
    if draw(st.booleans()) and actors:
        claim["by"] = [
            a["id"] for a in draw(st.lists(st.sampled_from(actors), unique_by=lambda a: a["id"], min_size=1))
        ]
    if draw(st.booleans()) and sources:
        claim["source"] = source = draw(st.sampled_from(sources))["id"]
        by_id = {s["id"]: s for s in sources}

        def through(source_id: str | None) -> bool:  # whether ``source`` is in its chain of cited_in
            source_id = by_id[source_id].get("cited_in") if source_id else None
            return source_id is not None and (source_id == source or through(source_id))

        if citing := [s["id"] for s in sources if through(s["id"])]:
            claim["cited"] = draw(st.lists(st.sampled_from(citing), unique=True, max_size=2))
    return claim


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(_line, max_size=3, unique=True))  # actors come back by name: two of one name are one
    # ids of their own ('a0'), or the ones a name makes (as an import makes them; '' for a name with no letter)
    ids = [draw(st.sampled_from([f"a{i}", slugify(name, 60) or "actor"])) for i, name in enumerate(names)]
    actors: list[dict[str, Any]] = [
        {"id": actor_id, "name": name, "kind": draw(_actor_kind)} for actor_id, name in zip(ids, names, strict=True)
    ]
    for actor in actors:  # what the dataset says of an actor besides its name
        for field, values in (("side", _line), ("profile", _text), ("fate", _line)):
            if draw(st.booleans()):
                actor[field] = draw(values)
        actor["aliases"] = draw(st.lists(_line, max_size=2, unique=True))
        others = [a["id"] for a in actors if a is not actor]
        relations = draw(st.lists(st.tuples(_relation, st.sampled_from(others)), max_size=2)) if others else []
        actor["relations"] = [
            {"type": kind, "target": target, **({"note": draw(_line)} if draw(st.booleans()) else {})}
            for kind, target in dict.fromkeys(relations)
        ]
    cited = draw(st.lists(st.tuples(_line, st.none() | st.just("") | _url), max_size=4, unique=True))
    sources = [
        {"id": f"s{i}", "title": t, "kind": draw(_kind), **({} if u is None else {"url": u})}
        for i, (t, u) in enumerate(cited)
    ]
    for index, source in enumerate(sources):  # what a source's record holds besides: who, how it is known
        if draw(st.booleans()):
            source["publisher"] = draw(_line)
        if draw(st.booleans()):
            source["note"] = draw(_text)
        if index and draw(st.integers(0, 2)) == 0:  # known second-hand, through an earlier one
            source["cited_in"] = f"s{draw(st.integers(0, index - 1))}"
    count = draw(st.integers(1, 8))
    events: list[dict[str, Any]] = []
    for index in range(count):
        event: dict[str, Any] = {"id": f"e{index}-{draw(st.sampled_from(['a', 'b-c', 'x9']))}"}
        event["title"] = draw(_line)
        if draw(st.booleans()):
            event["summary"] = draw(_text)
        if draw(st.booleans()):
            event["place"] = draw(_line)
        if index and draw(st.integers(0, 4)) == 0:
            event[draw(st.sampled_from(["after", "before"]))] = events[draw(st.integers(0, index - 1))]["id"]
            if draw(st.booleans()):
                event["order_note"] = draw(_text)
        else:
            event["when"] = when = draw(whens())
            if draw(st.booleans()):
                when["note"] = draw(_text)
            if when["precision"] == "minute" and (label := draw(_zone)) is not None:
                when["zone_label"] = label
            if draw(st.booleans()):
                event["end"] = draw(_end(when))
        chosen = draw(st.lists(st.sampled_from(actors), unique_by=lambda a: a["id"], max_size=3)) if actors else []
        event["actors"] = [{"actor": a["id"], "role": draw(_line)} for a in chosen]
        if sources:
            chosen_sources = draw(st.lists(st.sampled_from(sources), unique_by=lambda s: s["id"]))
            event["sources"] = _with_outers([s["id"] for s in chosen_sources], sources)
        event["tags"] = draw(st.lists(st.sampled_from(["a", "b-c", "x9"]), unique=True))
        if draw(st.booleans()):  # a confirmed event may carry accounts too
            event["certainty"] = draw(st.sampled_from(["reported", "confirmed"]))
            event["claims"] = [draw(_claim(actors, sources)) for _ in range(draw(st.integers(1, 2)))]
        events.append(event)
    quotes: list[dict[str, Any]] = []
    for event in events if sources else []:  # (a quote has a source)
        for _ in range(draw(st.integers(0, 2))):
            quote = {"id": f"q{len(quotes)}", "text": draw(_text.filter(bool)), "event": event["id"]}
            quote["source"] = draw(st.sampled_from(sources))["id"]
            speaker = draw(st.none() | st.sampled_from(actors)) if actors else None  # (one the event may not name)
            if speaker is not None:
                quote["speaker"] = speaker["id"]
            if draw(st.booleans()):
                quote["context"] = draw(_text)
            quotes.append(quote)
    return {
        "schema_version": 1,
        "title": "Round trip",
        "timezone": "UTC",
        "sources": sources,
        "actors": actors,
        "events": events,
        "quotes": quotes,
    }


_ONE: dict[str, Any] = {
    "schema_version": 1,
    "title": "Round trip",
    "timezone": "UTC",
    "events": [{"id": "e0-a", "title": "0", "when": {"date": "0", "precision": "year"}}],
}


def _essentials(when: When | None) -> tuple[Any, ...] | None:
    return None if when is None else (when.date, when.precision, when.utc_offset)


def _described(chronology: Chronology, source_id: str) -> tuple[tuple[Any, ...], ...]:
    """A source's every field but its id, then the same of the one it is known through, and so on."""
    chain = source_chain(chronology.sources, source_id)
    return tuple((s.title, s.kind, s.publisher, s.author, s.url or None, s.note) for s in chain)


def _listed(chronology: Chronology, event: Any) -> tuple[list[tuple[str, str]], list[Any], list[Any]]:
    """An event's actors as (name, role), its sources described (each once: two sources alike in every
    field come back as one), but the file's own source, and its claims: claimants by name."""
    actors = [(chronology.actors[p.actor].name, p.role) for p in event.actors]
    sources = list(dict.fromkeys(_described(chronology, s) for s in event.sources if s != "csv-file"))
    claims = [
        (
            tuple(dict.fromkeys(chronology.actors[a].name for a in claim.by)),
            claim.statement,
            _described(chronology, claim.source) if claim.source else None,
            [_described(chronology, cited) for cited in claim.cited],
        )
        for claim in event.claims
    ]
    return actors, sources, claims


def assert_same_through_csv(original: Chronology, back: Chronology) -> None:
    """Every field the CSV export writes comes back as it was: dates, text, actors, sources and claims."""
    again = {event.id: event for event in back.events}
    assert list(again) == [event.id for event in original.events]
    for event in original.events:
        other = again[event.id]
        assert (other.title, other.summary, other.place or None) == (event.title, event.summary, event.place or None)
        assert (other.when, other.end) == (event.when, event.end)  # every field: date, precision, approximate, ...
        assert _listed(back, other) == _listed(original, event)
        assert other.tags == event.tags
        anchors = ("after", "before", "shown_after", "shown_before", "order_note", "certainty")
        assert [getattr(other, a) for a in anchors] == [getattr(event, a) for a in anchors]
        assert _quoted(back, other.id) == _quoted(original, event.id)
    # every actor a row names (a participant, a claimant, a speaker) as the dataset describes it
    named = {p.actor for e in original.events for p in e.actors} | {
        b for e in original.events for c in e.claims for b in c.by
    }
    named |= {q.speaker for q in original.dataset.quotes if q.speaker}
    by_name = {actor.name: actor for actor in back.dataset.actors}
    for actor_id in named:
        actor = original.actors[actor_id]
        assert _actor_details(back, by_name[actor.name]) == _actor_details(original, actor)
        assert by_name[actor.name].id == actor_id  # (the export's order made other ids: a trial's actor-2 swapped)


def _quoted(chronology: Chronology, event_id: str) -> list[tuple[Any, ...]]:
    """An event's quotes: id, words, speaker by name, source described, context."""
    return [
        (
            q.id,
            q.text,
            chronology.actors[q.speaker].name if q.speaker else None,
            _described(chronology, q.source),
            q.context,
        )
        for q in chronology.quotes_by_event.get(event_id, ())
    ]


def _actor_details(chronology: Chronology, actor: Actor) -> tuple[Any, ...]:
    relations = [(r.type, chronology.actors[r.target].name, r.note) for r in actor.relations]
    return actor.kind, actor.side, actor.profile, actor.aliases, actor.fate, relations


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(datasets(), st.booleans())
@example({**_ONE, "events": [{**_ONE["events"][0], "title": "Â\xa0"}]}, False)
def test_our_csv_export_reads_back_intact(tmp_path: Path, document: dict[str, Any], as_file: bool) -> None:
    try:
        original = Chronology(validate_document(document, "generated"))
    except Exception:  # an anchor the generator made contradict a date: not a dataset to export
        return
    text = export_text(original, "csv")
    path = tmp_path / "export.csv"
    path.write_bytes(encode_export(text, "csv") if as_file else text.encode("utf-8"))  # with and without BOM
    back, warnings = load_with_warnings(path)
    assert [w for w in warnings if "decoded twice" not in w] == []  # random text may look like mojibake
    assert_same_through_csv(original, Chronology(back))


TRICKY = ["'=1", "=SUM(A1)", "-5 degrees", "@home", "'", "''", " =x", 'a,b;c"d', " lead", "trail ", "+"]


@given(_text)
@example("'=1")
@example("''")
def test_the_formula_guard_is_undone_exactly(text: str) -> None:
    assert read_cell(cell(text), "title") == text
    assert read_cell("'" + text, "start") == text  # dates: always marked as text


def test_tricky_titles_come_back_exactly(tmp_path: Path) -> None:
    events = [
        {"id": f"e{i}", "title": title, "when": {"date": "2020", "precision": "year"}} for i, title in enumerate(TRICKY)
    ]
    document = {"schema_version": 1, "title": "t", "timezone": "UTC", "events": events}
    path = tmp_path / "tricky.csv"
    path.write_text(export_text(Chronology(validate_document(document, "t")), "csv"), encoding="utf-8")
    assert [e.title for e in load_dataset(path).events] == TRICKY


def test_the_bundled_chronology_through_csv_and_back(tmp_path: Path) -> None:
    original = Chronology(load_dataset())
    path = tmp_path / "events.csv"
    path.write_bytes(encode_export(export_text(original, "csv"), "csv"))
    back = Chronology(load_with_warnings(path)[0])
    assert [(e.id, e.title, _essentials(e.when)) for e in back.events] == [
        (e.id, e.title, _essentials(e.when)) for e in original.events
    ]
    names = {a.name for a in back.dataset.actors}
    assert "Óscar Pérez" in names


# -- linear in the rows -----------------------------------------------------------------------------------------


def _calls(work: Callable[[], object]) -> int:
    """Python and C function calls made by ``work``: a measure of work that no other process disturbs."""
    count = 0

    def counter(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in {"call", "c_call"}:
            count += 1

    sys.setprofile(counter)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def _acled(path: Path, rows: int) -> Path:
    lines = ["event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,"
             "country,location,latitude,longitude,source,notes,fatalities"]  # fmt: skip
    for i in range(rows):  # the same actors, places and sources again and again, as in real exports
        lines.append(
            f"X{i},{1 + i % 28}/0{1 + i % 9}/2020,{1 + i % 3},Battles,Armed clash,Army,Police; Militia,Rebels,"
            f"Country,Town {i % 7},1.5,2.5,Paper A; Paper B,Note {i},{i % 4}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _same_titles(path: Path, rows: int) -> Path:
    """A generic sheet whose rows all make the same id (title and date): the id allocator's worst case."""
    path.write_text("date,title,source\n" + "2020-01-01,Protest,Paper\n" * rows, encoding="utf-8")
    return path


def _timelinejs(path: Path, rows: int) -> Path:
    data: list[list[str | int]] = [["Year", "Month", "Day", "Headline", "Text", "Group"]]
    data += [
        [2000 + i % 20, 1 + i % 12, 1 + i % 28, f"Event {i % 5}", "<p>Same <b>text</b></p>", "G"] for i in range(rows)
    ]
    return write_xlsx(path, data)


@pytest.mark.parametrize(("make", "suffix"), [(_acled, ".csv"), (_same_titles, ".csv"), (_timelinejs, ".xlsx")])
def test_importing_twice_the_rows_is_twice_the_work(tmp_path: Path, make: Any, suffix: str) -> None:
    small = make(tmp_path / f"small{suffix}", 400)
    large = make(tmp_path / f"large{suffix}", 800)
    ratio = _calls(lambda: load_with_warnings(large)) / _calls(lambda: load_with_warnings(small))
    assert ratio < 2.3, ratio  # linear: 2 plus fixed costs; quadratic would be 4


async def test_the_event_page_s_reopen_line_names_the_file_given_with_data(tmp_path: Path) -> None:
    # before (a user trial): 'junquito-tui --event X' on a sheet's page, which answered 'no event with id X'
    from junquito_tui.ui.widgets.links import LinkList

    sheet = tmp_path / "news.csv"
    sheet.write_text("date,event\n2018-01-15,Raid\n", encoding="utf-8")
    app = JunquitoApp(load=(sheet, 10**9), use_cache=False, use_notebook=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(pilot, lambda: _timeline_shown(app))
        detail = app.screen.query_one("#event-detail", LinkList)
        await _wait(pilot, lambda: len(detail.rows) > 2)
        shown = " ".join(" ".join(detail.rows[i].content.plain for i in range(len(detail.rows))).split())
        assert f"(junquito-tui --data {sheet} --event raid-2018-01-15)" in shown


def test_a_citation_s_reopen_line_carries_the_columns_and_reopens_the_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sheet read with --columns has ids of those columns (or none without them): its citation's Reopen line
    said only --data, and the event it named was not found."""
    import shlex

    sheet = tmp_path / "notas de prensa.csv"
    sheet.write_text("Cuándo,Qué pasó,Otra fecha\n2018-01-15,Asalto,2019-05-01\n", encoding="utf-8")
    columns = "date=Otra fecha,title=Qué pasó"
    assert main(["--data", str(sheet), "--columns", columns, "search", "asalto", "--json"]) == 0
    event_id = json.loads(capsys.readouterr().out.splitlines()[0])["id"]
    assert "2019-05-01" in event_id  # read by the column --columns names, not the one detected
    assert main(["--data", str(sheet), "--columns", columns, "cite", event_id]) == 0
    reopen = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Reopen: "))
    words = shlex.split(reopen.removeprefix("Reopen: "))
    assert words[:5] == ["junquito-tui", "--data", str(sheet), "--columns", columns]
    assert words[5:] == ["--event", event_id]
    assert main([*words[1:5], "cite", event_id]) == 0  # the same options find the same event
    assert capsys.readouterr().out.startswith("Asalto\n")
