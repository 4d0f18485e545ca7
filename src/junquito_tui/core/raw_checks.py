"""The whole-dataset checks, on a document that failed the schema check: every problem in one run.

When any part of a file breaks the schema there is no ``Dataset`` for ``integrity`` to check,
but its ids and references can still be read from the parsed JSON, wherever they sit in an
object: so one run reports an unknown actor next to a misspelt precision in the same event.
The fields read here mirror ``integrity.check_integrity`` (a property test checks that both
find the same problems). Anchor order (cycles, dates that contradict ``after``) needs real
dates: it is checked whenever the events' own fields are valid, whatever else is wrong (their
participants, sources and claims included).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .integrity import check_integrity, closest
from .model import Dataset, Event
from .problems import Problem

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


def _references(sections: dict[str, list[tuple[int, dict[str, Any]]] | None]) -> Iterator[tuple[str, str, Any, Any]]:
    """(path, kind, referenced id, the referring item's own id) for every reference, in file order."""
    for i, actor in sections["actors"] or []:
        for j, relation in _objects(actor.get("relations")) or []:
            yield f"actors[{i}].relations[{j}].target", "actor", relation.get("target"), actor.get("id")
    for i, event in sections["events"] or []:
        base = f"events[{i}]"
        for j, participant in _objects(event.get("actors")) or []:
            yield f"{base}.actors[{j}].actor", "actor", participant.get("actor"), None
        for j, source in enumerate(_list(event.get("sources"))):
            yield f"{base}.sources[{j}]", "source", source, None
        for j, claim in _objects(event.get("claims")) or []:
            for k, claimant in enumerate(_list(claim.get("by"))):
                yield f"{base}.claims[{j}].by[{k}]", "actor", claimant, None
            yield f"{base}.claims[{j}].source", "source", claim.get("source"), None
        for anchor in ("after", "before"):
            yield f"{base}.{anchor}", "event", event.get(anchor), event.get("id")
    for i, quote in sections["quotes"] or []:
        for field, kind in (("speaker", "actor"), ("event", "event"), ("source", "source")):
            yield f"quotes[{i}].{field}", kind, quote.get(field), None


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
    for path, kind, wanted, owner in _references(sections):
        names = known[kind]
        if path in skip or not isinstance(wanted, str) or names is None:
            continue
        if wanted not in names:
            problems.append(Problem(path, _unknown(kind, wanted, names)))
        if wanted == owner:
            itself = (
                "an actor cannot be related to itself"
                if kind == "actor"
                else "an event cannot be placed relative to itself"
            )
            problems.append(Problem(path, itself))
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
    """Anchor problems (cycles, an 'after' its dates contradict), whenever the events' own fields are valid.

    ``integrity`` checks them on a dataset of these events with every other reference taken out;
    what it says again about ids and anchors (already in ``found``) is left out.
    """
    raw = document.get("events", [])
    try:
        events = _EVENTS.validate_python([_without_references(e) for e in raw] if isinstance(raw, list) else raw)
    except ValidationError:
        return []
    already = set(found)
    checked = check_integrity(Dataset(title="-", timezone="UTC", events=events))
    return [problem for problem in checked if problem not in already]
