"""`validate` reports every problem in one run: schema, references, anchor order and duplicate keys.

The oracle: a valid generated dataset, into which N typos of different kinds are injected at
known places; validate must report exactly N problems, one at each place.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from junquito_tui.cli import main
from junquito_tui.core.integrity import check_integrity
from junquito_tui.core.model import DATASET
from junquito_tui.core.text import SLUG_PATTERN
from strategies import whens

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

slug = st.from_regex(r"[a-z]{2,6}(-[a-z0-9]{1,4}){0,1}", fullmatch=True)
words = st.text("abcdefgh ", min_size=1, max_size=12).filter(str.strip)


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, Any]:
    """A valid dataset using every kind of reference: relations, participants, sources, claims,
    anchors, speakers, quotes' events and sources."""
    ids = draw(st.lists(slug, min_size=7, max_size=16, unique=True))
    n_sources, n_actors = draw(st.integers(1, 2)), draw(st.integers(1, 4))
    source_ids, actor_ids, event_ids = (
        ids[:n_sources],
        ids[n_sources : n_sources + n_actors],
        ids[n_sources + n_actors :],
    )
    sources = [
        {"id": s, "title": draw(words), "kind": draw(st.sampled_from(["video", "document"]))} for s in source_ids
    ]
    actors = []
    for actor_id in actor_ids:
        actor: dict[str, Any] = {
            "id": actor_id,
            "name": draw(words),
            "kind": draw(st.sampled_from(["person", "group"])),
        }
        others = [a for a in actor_ids if a != actor_id]
        if len(others) > 0 and draw(st.booleans()):  # (a bool on the left: mypy types draw() from it)
            actor["relations"] = [{"type": "member-of", "target": draw(st.sampled_from(others))}]
        actors.append(actor)
    events = []
    for index, event_id in enumerate(event_ids):
        event: dict[str, Any] = {"id": event_id, "title": draw(words)}
        if index > 0 and draw(st.booleans()):
            event["after"] = event_ids[0]  # undated, placed after the first event, which is dated
        else:
            event["when"] = draw(whens())
        people = draw(st.lists(st.sampled_from(actor_ids), max_size=2))
        event["actors"] = [{"actor": a, "role": draw(words)} for a in people]
        event["sources"] = draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=2))
        if draw(st.booleans()):
            event["certainty"] = draw(st.sampled_from(["alleged", "reported"]))
            claimants = draw(st.lists(st.sampled_from(actor_ids), min_size=1, max_size=2))
            event["claims"] = [{"by": claimants, "statement": draw(words), "source": draw(st.sampled_from(source_ids))}]
        events.append(event)
    quotes = [
        {
            "id": f"q{i}",
            "text": draw(words),
            "speaker": draw(st.sampled_from(actor_ids)),
            "event": draw(st.sampled_from(event_ids)),
            "source": draw(st.sampled_from(source_ids)),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    return {
        "schema_version": 1,
        "title": "Generated",
        "timezone": "UTC",
        "sources": sources,
        "actors": actors,
        "events": events,
        "quotes": quotes,
    }


ENUMS = {"precision", "certainty", "kind", "type"}


def _misspell(value: str, variant: int) -> str:
    """A typo: a letter dropped, doubled or changed (still lowercase letters, like the real ones)."""
    i = variant % len(value)
    return [value[:i] + value[i + 1 :], value[:i] + value[i] + value[i:], value[:i] + "q" + value[i + 1 :]][variant % 3]


def _sites(data: dict[str, Any]) -> list[tuple[str, str, tuple[Any, ...]]]:
    """(kind, group, location) of every place a typo can go. One typo per group: a misspelt date
    and a misspelt precision in the same ``when`` are one problem (the date is never parsed)."""
    sites: list[tuple[str, str, tuple[Any, ...]]] = []
    for i in range(len(data["sources"])):
        sites.append(("enum", f"sources{i}.kind", ("sources", i, "kind")))
    for i, actor in enumerate(data["actors"]):
        sites.append(("enum", f"actors{i}.kind", ("actors", i, "kind")))
        sites.append(("field", f"actors{i}.name", ("actors", i, "name")))
        for j, _ in enumerate(actor.get("relations", [])):
            sites.append(("enum", f"a{i}r{j}type", ("actors", i, "relations", j, "type")))
            sites.append(("reference", f"a{i}r{j}target", ("actors", i, "relations", j, "target")))
    for i, event in enumerate(data["events"]):
        base = ("events", i)
        if "when" in event:
            sites.append(("enum", f"e{i}when", (*base, "when", "precision")))
            sites.append(("date", f"e{i}when", (*base, "when", "date")))
        if "after" in event:
            sites.append(("reference", f"e{i}after", (*base, "after")))
        if "certainty" in event:
            sites.append(("enum", f"e{i}certainty", (*base, "certainty")))
        for j, _ in enumerate(event["actors"]):
            sites.append(("reference", f"e{i}a{j}", (*base, "actors", j, "actor")))
        for j, _ in enumerate(event["sources"]):
            sites.append(("reference", f"e{i}s{j}", (*base, "sources", j)))
        for j, claim in enumerate(event.get("claims", [])):
            sites.append(("reference", f"e{i}c{j}source", (*base, "claims", j, "source")))
            for k, _ in enumerate(claim["by"]):
                sites.append(("reference", f"e{i}c{j}by{k}", (*base, "claims", j, "by", k)))
        sites.append(("field", f"e{i}title", (*base, "title")))
    for i, _ in enumerate(data["quotes"]):
        for name in ("speaker", "event", "source"):
            sites.append(("reference", f"q{i}{name}", ("quotes", i, name)))
    return sites


def _path(location: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in location).lstrip(".")


def _inject(data: dict[str, Any], kind: str, location: tuple[Any, ...], variant: int) -> str:
    """Put one typo at ``location``; return the JSON path its problem must be reported at."""
    *parents, last = location
    holder: Any = data
    for part in parents:
        holder = holder[part]
    known = {item["id"] for section in ("sources", "actors", "events", "quotes") for item in data[section]}
    if kind == "enum":
        holder[last] = _misspell(holder[last], variant)
    elif kind == "reference":
        wrong = _misspell(holder[last], variant)
        if not SLUG_PATTERN.fullmatch(wrong):
            wrong = holder[last] + "q"  # still an id, of nothing: only 'unknown', never 'not a slug' too
        while wrong in known:
            wrong += "x"
        holder[last] = wrong
    elif kind == "date":
        year = holder[last].split("-")[0] if not holder[last].startswith("-") else holder[last].split("-")[1]
        holder[last] = f"{year}-13"  # no month 13, whatever the precision said
        return _path(tuple(parents))  # a date is checked as a whole: the problem is at the `when`
    else:  # a misspelt field name: the field is unknown (and the real one missing, when required)
        misspelt = _misspell(last, variant)
        holder[misspelt] = holder.pop(last)
        return _path((*parents, misspelt))
    return _path(location)


def _validate(data: dict[str, Any]) -> tuple[int, list[str]]:
    """Exit status and the located problem lines of `junquito-tui validate`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "typos.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            captured: list[str] = []
            patch.setattr("sys.stderr", _Lines(captured))
            patch.setattr("sys.stdout", _Lines([]))
            code = main(["validate", str(path)])
    return code, [line[2:] for line in "".join(captured).splitlines() if line.startswith("  ")]


class _Lines:
    def __init__(self, sink: list[str]) -> None:
        self.sink = sink

    def write(self, text: str) -> int:
        self.sink.append(text)
        return len(text)

    def flush(self) -> None:
        pass


@PROPERTY
@given(datasets(), st.data())
def test_n_typos_give_exactly_n_problems_each_at_its_place(data: dict[str, Any], draw: st.DataObject) -> None:
    assert _validate(data) == (0, [])  # the generator makes valid datasets
    sites = _sites(data)
    by_group: dict[str, list[tuple[str, tuple[Any, ...]]]] = {}
    for kind, group, location in sites:
        by_group.setdefault(group, []).append((kind, location))
    groups = draw.draw(st.lists(st.sampled_from(sorted(by_group)), min_size=1, max_size=6, unique=True))
    broken = copy.deepcopy(data)
    expected = []
    for group in groups:
        kind, location = draw.draw(st.sampled_from(by_group[group]))
        expected.append(_inject(broken, kind, location, draw.draw(st.integers(0, 30))))
    code, lines = _validate(broken)
    assert code == 2
    reported = sorted(line.split(": ", 1)[0] for line in lines)
    assert reported == sorted(expected), "\n".join(lines)


def test_the_three_typos_of_the_issue_are_reported_in_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / "three-typos.json"
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: 3 problems\n")
    assert "events[0].when.precision: Input should be 'year', 'month', 'day' or 'minute' (got 'minite'; " in err
    assert "did you mean 'minute'?)" in err
    assert "events[1].certainty: " in err and "(got 'confimed'; did you mean 'confirmed'?)" in err
    assert "events[0].actors[0].actor: unknown actor 'oscar-peres' (did you mean 'oscar-perez'?)" in err


def test_enum_typo_without_a_close_value_has_no_guess(write: Any, minimal: dict[str, Any]) -> None:
    minimal["sources"][0]["kind"] = "zzzzzzzz"
    with pytest.raises(Exception) as caught:
        from junquito_tui.core.loader import load_dataset

        load_dataset(write(minimal))
    message = str(caught.value)
    assert (
        "sources[0].kind: Input should be" in message
        and "(got 'zzzzzzzz')" in message
        and "did you mean" not in message
    )


def test_ids_of_invalid_items_still_count_as_known(write: Any, minimal: dict[str, Any]) -> None:
    """An event broken elsewhere keeps its id: a quote pointing at it is not 'unknown'."""
    minimal["events"][0]["when"]["precision"] = "weekly"
    minimal["actors"][0]["kind"] = "persn"
    report = _validate(minimal)[1]
    assert [line.split(": ")[0] for line in report] == ["actors[0].kind", "events[0].when.precision"]


def test_a_reference_that_is_not_a_slug_is_reported_once(write: Any, minimal: dict[str, Any]) -> None:
    minimal["events"][0]["actors"][0]["actor"] = "Oscar Perez"
    minimal["quotes"][0]["colour"] = "red"
    lines = _validate(minimal)[1]
    assert lines == [
        "events[0].actors[0].actor: an id must be a lowercase slug like 'oscar-perez'",
        "quotes[0].colour: unknown field 'colour'",
    ]


def test_a_section_that_is_not_a_list_hides_no_reference_behind_noise(minimal: dict[str, Any]) -> None:
    minimal["actors"] = {"oscar-perez": {}}
    lines = _validate(minimal)[1]
    assert len(lines) == 1 and lines[0].startswith("actors: ")  # and no 'unknown actor' for every reference


def test_anchor_cycles_are_reported_with_schema_problems(minimal: dict[str, Any]) -> None:
    """Events valid on their own: their anchor order is checked even though an actor is broken."""
    minimal["actors"][1]["kind"] = "gruop"
    del minimal["events"][0]["when"]
    minimal["events"][0]["after"] = "third"
    minimal["events"].append({"id": "third", "title": "Third", "after": "first"})
    lines = _validate(minimal)[1]
    assert lines[0].startswith("actors[1].kind: ") and "did you mean 'group'?" in lines[0]
    assert any(
        line.startswith("events[0].after: the order of events forms a cycle ('first' after 'third'") for line in lines
    ), lines


def test_anchor_order_is_checked_even_in_an_event_broken_elsewhere(minimal: dict[str, Any]) -> None:
    """The anchors do not depend on participants or claims: broken there, the order is still checked."""
    del minimal["events"][1]["actors"][0]["role"]
    minimal["events"][1]["claims"][0]["by"] = ["Not A Slug"]
    minimal["events"][0]["after"] = "second"
    lines = _validate(minimal)[1]
    assert [line.split(": ")[0] for line in lines] == [
        "events[1].actors[0].role",
        "events[1].claims[0].by[0]",
        "events[0].after",
    ], lines


def test_an_anchor_the_dates_contradict_is_reported_with_schema_problems(minimal: dict[str, Any]) -> None:
    minimal["quotes"][0]["text"] = ""
    minimal["events"][0]["after"] = "second"  # June 2017 cannot come after 15 January 2018
    lines = _validate(minimal)[1]
    assert lines[0].startswith("quotes[0].text: ")
    assert (
        "events[0].after: dated 2017-06, it cannot come after 'second' (2018-01-15T04:00-04:00)"
        ", even allowing a month either side of an approximate date" in lines
    )


# -- the raw checks agree with integrity's -------------------------------------------------------------


@PROPERTY
@given(datasets(), st.data())
def test_raw_reference_checks_agree_with_integrity(data: dict[str, Any], draw: st.DataObject) -> None:
    """On schema-valid documents with broken references, duplicate ids and self references, the
    checks read from raw JSON find exactly what ``integrity`` finds on the validated dataset."""
    from junquito_tui.core.raw_checks import reference_problems

    broken = copy.deepcopy(data)
    references = [location for kind, _, location in _sites(broken) if kind == "reference"]
    for location in draw.draw(st.lists(st.sampled_from(references), max_size=4, unique=True)) if references else []:
        _inject(broken, "reference", location, draw.draw(st.integers(0, 30)))
    if draw.draw(st.booleans()) and len(broken["actors"]) > 1:
        broken["actors"][1]["id"] = broken["actors"][0]["id"]  # a duplicate id
    if draw.draw(st.booleans()):
        actor = broken["actors"][0]
        actor["relations"] = [{"type": "ally-of", "target": actor["id"]}]  # related to itself
    source = broken["sources"][0]
    source["cited_in"] = draw.draw(st.sampled_from([source["id"], source["id"] + "-x", None]))  # itself, unknown
    claims = [claim for event in broken["events"] for claim in event.get("claims", [])]
    if len(claims) > 0 and draw.draw(st.booleans()):
        claims[0]["cited"] = [claims[0]["source"] + "-cited"]  # an unknown source
    if draw.draw(st.booleans()):
        event = broken["events"][-1]
        event.pop("when", None)
        event["after"] = draw.draw(st.sampled_from([event["id"], "nowhere", broken["events"][0]["id"]]))
    assert reference_problems(broken) == check_integrity(DATASET.validate_python(broken))


# -- duplicate keys ------------------------------------------------------------------------------------

keys = st.sampled_from(["a", "b", "c", "title", "ü"])
scalars = st.none() | st.booleans() | st.integers(-5, 5) | st.text('xy"\\{}[]:,', max_size=4)


def _trees() -> st.SearchStrategy[Any]:
    """JSON values whose objects are lists of (key, value) pairs: keys may repeat."""
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3) | st.builds(_Object, st.lists(st.tuples(keys, children), max_size=4))
        ),
        max_leaves=12,
    )


class _Object:
    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs


def _serialise(value: Any, path: tuple[Any, ...], found: list[tuple[str, int]], out: list[str]) -> None:
    """JSON text, one member a line; ``found`` gets (path, offset of the key) for each repeated key."""
    if isinstance(value, _Object):
        out.append("{")
        seen: set[str] = set()
        for index, (key, child) in enumerate(value.pairs):
            out.append(",\n" if index else "\n")
            if key in seen:
                found.append((_path((*path, key)), sum(map(len, out))))
            seen.add(key)
            out.append(json.dumps(key) + ": ")
            _serialise(child, (*path, key), found, out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for index, child in enumerate(value):
            out.append(", " if index else "")
            _serialise(child, (*path, index), found, out)
        out.append("]")
    else:
        out.append(json.dumps(value))


@PROPERTY
@given(_trees())
def test_every_duplicate_key_is_found_with_its_path_and_place(tree: Any) -> None:
    from junquito_tui.core.json_text import duplicate_keys, has_duplicate_keys, line_column

    expected: list[tuple[str, int]] = []
    out: list[str] = []
    _serialise(tree, (), expected, out)
    text = "".join(out)
    found = duplicate_keys(text)
    assert [p.path for p in found] == [path for path, _ in expected]
    assert [(p.line, p.column) for p in found] == [line_column(text, offset) for _, offset in expected]
    assert has_duplicate_keys(text.encode()) == bool(expected)


def test_duplicate_keys_are_problems_located_by_path_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / "duplicate-keys.json"
    for argv in (["validate", str(path)], ["search", "event", "--data", str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{path}: 2 problems\n")
        assert f"  {path}:43:30: events[0].actors[0].role: key 'role' given again (first at line 43, column 11)" in err
        assert f"  {path}:53:7: events[1].title: key 'title' given again (first at line 52, column 7): " in err
        assert "the earlier value would be silently lost" in err


def test_duplicate_keys_come_with_every_other_problem(write: Any) -> None:
    text = (HOSTILE / "duplicate-keys.json").read_text(encoding="utf-8")
    text = text.replace(
        '"actor": "oscar-perez",\n          "role": "subject"', '"actor": "oscar-peres",\n          "role": "subject"'
    )
    path = write(text)
    with pytest.raises(Exception) as caught:
        from junquito_tui.core.loader import load_dataset

        load_dataset(path)
    report = str(caught.value)
    assert report.startswith(f"{path}: 3 problems") and "unknown actor 'oscar-peres'" in report


def test_validate_looks_for_duplicate_keys_in_files_of_any_size(
    write: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening a large file skips the scan (it would cost a third of the load); `validate` never does."""
    monkeypatch.setattr("junquito_tui.core.loader.DUPLICATE_SCAN_BYTES", 10)  # every file is "large"
    path = HOSTILE / "duplicate-keys.json"
    from junquito_tui.core.loader import load_dataset

    assert load_dataset(path).events[1].title == "Second event, renamed"  # opening: the fast path, last wins
    assert main(["validate", str(path)]) == 2
    assert "key 'title' given again" in capsys.readouterr().err


def test_duplicate_keys_in_a_timelinejs_file_are_warnings(write: Any, capsys: pytest.CaptureFixture[str]) -> None:
    path = write('{"events": [{"start_date": {"year": 2000}, "text": {"headline": "a",\n "headline": "b"}}]}')
    assert main(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    assert "warning: events[0].text.headline (line 2): key 'headline' given again (first at line 1, column 53): " in err
    assert "the earlier value is dropped" in err


def test_a_misspelt_after_beside_a_schema_problem_is_reported_once(minimal: dict[str, Any]) -> None:
    """The minimal case hypothesis found: the order checks, run on the ordered events alone when
    the schema check fails, said 'unknown event' again, with guesses drawn from that subset (none
    here), so the two messages differed and both were reported."""
    del minimal["events"][1]["when"]
    minimal["events"][1]["after"] = "firs"  # meant 'first'
    minimal["actors"][0]["kind"] = "persn"  # any schema problem, elsewhere
    assert _validate(minimal) == (
        2,
        [
            "actors[0].kind: Input should be 'person', 'group', 'organisation', 'armed-force', 'police-force', "
            "'government-body', 'country', 'media-outlet' or 'other' (got 'persn'; did you mean 'person'?)",
            "events[1].after: unknown event 'firs' (did you mean 'first'?)",
        ],
    )
