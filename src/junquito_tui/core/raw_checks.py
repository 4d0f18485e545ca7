"""The whole-dataset checks, on a document that failed the schema check: every problem in one run.

When any part of a file breaks the schema there is no ``Dataset`` for ``integrity`` to check,
but its ids and references can still be read from the parsed JSON, wherever they sit in an
object: so one run reports an unknown actor next to a misspelt precision in the same event.
The fields read here mirror ``integrity.check_integrity`` (a property test checks that both
find the same problems). The order of events (cycles, dates that contradict an 'after', undated
events tied to no date) needs real dates: it is checked whenever the events' own fields are
valid, whatever else is wrong (their participants, sources and claims included). Provenance
chains (``cited_in``) are checked once the whole file is valid.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import replace
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .integrity import check_integrity, closest
from .order_graph import ORDER_FIELDS
from .problems import Problem, json_path
from .records import Dataset, Event

SECTIONS = (("sources", "source"), ("actors", "actor"), ("events", "event"), ("quotes", "quote"))
_EVENTS = TypeAdapter(tuple[Event, ...])


def _objects(value: Any) -> list[tuple[int, dict[str, Any]]] | None:
    """The objects of a list, with their positions; None when ``value`` is not a list."""
    if not isinstance(value, list):
        return None
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _unknown(kind: str, wanted: str, known: Collection[str]) -> str:
    guesses = closest(wanted, known)
    hint = f" (did you mean {' or '.join(repr(g) for g in guesses)}?)" if guesses else ""
    return f"unknown {kind} '{wanted}'{hint}"


Where = tuple[str | int, ...]  # a location, made a JSON path only for a reference that fails


def _references(sections: dict[str, list[tuple[int, dict[str, Any]]] | None]) -> Iterator[tuple[str, Any, Any, Where]]:
    """(kind, referenced id, the referring item's own id, location) for every reference, in integrity's order."""
    for i, source in sections["sources"] or []:
        yield "source", source.get("cited_in"), source.get("id"), ("sources", i, "cited_in")
    for i, actor in sections["actors"] or []:
        for j, relation in _objects(actor.get("relations")) or []:
            yield "actor", relation.get("target"), actor.get("id"), ("actors", i, "relations", j, "target")
    for i, event in sections["events"] or []:
        for j, participant in _objects(event.get("actors")) or []:
            yield "actor", participant.get("actor"), None, ("events", i, "actors", j, "actor")
        for j, source in enumerate(_list(event.get("sources"))):
            yield "source", source, None, ("events", i, "sources", j)
        for j, claim in _objects(event.get("claims")) or []:
            for k, claimant in enumerate(_list(claim.get("by"))):
                yield "actor", claimant, None, ("events", i, "claims", j, "by", k)
            yield "source", claim.get("source"), None, ("events", i, "claims", j, "source")
            for k, cited in enumerate(_list(claim.get("cited"))):
                yield "source", cited, None, ("events", i, "claims", j, "cited", k)
        for field in ORDER_FIELDS:
            yield "event", event.get(field), event.get("id"), ("events", i, field)
    for i, quote in sections["quotes"] or []:
        for field, kind in (("speaker", "actor"), ("event", "event"), ("source", "source")):
            yield kind, quote.get(field), None, ("quotes", i, field)


_ITSELF = {
    "source": "a source cannot be cited in itself",
    "actor": "an actor cannot be related to itself",
    "event": "an event cannot be placed relative to itself",
}


def reference_problems(document: dict[str, Any], skip: Collection[str] = ()) -> list[Problem]:
    """Duplicate ids, unknown and self references, read from the raw document; a path in ``skip``
    (already wrong in the schema check: not a string, not a slug) is not reported twice."""
    sections = {name: _objects(document.get(name, [])) for name, _ in SECTIONS}
    problems: list[Problem] = []
    known: dict[str, set[str] | None] = {}
    for name, kind in SECTIONS:
        items = sections[name]
        seen: dict[str, int] = {}
        for index, item in items or []:
            ident = item.get("id")
            if isinstance(ident, str) and ident in seen:
                problems.append(
                    Problem(f"{name}[{index}].id", f"duplicate id '{ident}' (first used at {name}[{seen[ident]}])")
                )
            elif isinstance(ident, str):
                seen[ident] = index
        known[kind] = set(seen) if items is not None else None  # a section that is not a list: ids unknown
    for kind, wanted, owner, where in _references(sections):
        names = known[kind]
        if names is None or not isinstance(wanted, str) or (wanted in names and wanted != owner):
            continue  # the common case, checked before any path is spelt out
        path = json_path(where)
        if path in skip:
            continue
        if wanted not in names:
            problems.append(Problem(path, _unknown(kind, wanted, names)))
        if wanted == owner:
            problems.append(Problem(path, _ITSELF[kind]))
    return problems


def _without_references(event: Any) -> Any:
    """An event as the anchor checks see it: no participants, sources or claim details, which
    they do not read (so an event broken only there still has its order checked)."""
    if not isinstance(event, dict):
        return event
    kept = {key: value for key, value in event.items() if key not in {"actors", "sources", "claims"}}
    claims = event.get("claims")
    if isinstance(claims, list) and claims:
        kept["claims"] = [{"statement": "-"} for _ in claims]  # a claimed event keeps its claims' count
    elif "claims" in event:
        kept["claims"] = claims
    return kept


def ordering_problems(document: dict[str, Any], found: Collection[Problem]) -> list[Problem]:
    """Order problems (cycles, an 'after' its dates contradict, an undated event tied to no date), whenever
    the events' own fields are valid.

    ``integrity`` checks them on a dataset of the events that are ordered and those they are ordered
    against (every edge of the order has its owner among the first), with every other reference
    taken out; what it says again about ids and anchors (already in ``found``) is left out.
    That is matched by path, not by message: the subset knows fewer ids, so its 'unknown event'
    has other guesses ("did you mean") than the one ``reference_problems`` gave for the same anchor.
    """
    raw = document.get("events", [])
    if not isinstance(raw, list):
        return []
    ordered = [i for i, e in enumerate(raw) if isinstance(e, dict) and any(e.get(f) is not None for f in ORDER_FIELDS)]
    position = {
        e["id"]: i for i, e in reversed(list(enumerate(raw))) if isinstance(e, dict) and isinstance(e.get("id"), str)
    }
    wanted = (raw[i].get(field) for i in ordered for field in ORDER_FIELDS)
    keep = sorted({*ordered, *(position[t] for t in wanted if isinstance(t, str) and t in position)})
    try:
        events = _EVENTS.validate_python([_without_references(raw[i]) for i in keep])
    except ValidationError:
        return []
    already = {problem.path for problem in found}
    checked = []
    for problem in check_integrity(Dataset(title="-", timezone="UTC", events=events)):
        number, field = problem.path.removeprefix("events[").split("].", 1) if "]." in problem.path else ("", "")
        if field in ORDER_FIELDS and number.isdigit():
            located = replace(problem, path=f"events[{keep[int(number)]}].{field}")
            if located.path not in already:
                checked.append(located)
    return checked
