"""Checks that need the whole dataset: unique ids, resolvable references, sound ordering anchors."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from .model import Dataset, Event
from .problems import Problem


def closest(wanted: str, known: Iterable[str], limit: int = 3) -> list[str]:
    return difflib.get_close_matches(wanted, list(known), n=limit, cutoff=0.6)


def _unknown(kind: str, wanted: str, known: Iterable[str]) -> str:
    guesses = closest(wanted, known)
    hint = f" (did you mean {' or '.join(repr(g) for g in guesses)}?)" if guesses else ""
    return f"unknown {kind} '{wanted}'{hint}"


def check_integrity(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("sources", "actors", "events", "quotes"):
        items = getattr(dataset, name)
        if len({item.id for item in items}) == len(items):
            continue  # no duplicate: no need to find where
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                problems.append(
                    Problem(f"{name}[{index}].id", f"duplicate id '{item.id}' (first used at {name}[{seen[item.id]}])")
                )
            else:
                seen[item.id] = index

    actors = {a.id for a in dataset.actors}
    events = {e.id for e in dataset.events}
    sources = {s.id for s in dataset.sources}

    if _references_resolve(dataset, actors, events, sources):
        return problems or _anchor_problems(dataset.events)  # the common case: no path to spell out

    def ref(path: str, kind: str, wanted: str | None, known: set[str]) -> None:
        if wanted is not None and wanted not in known:
            problems.append(Problem(path, _unknown(kind, wanted, known)))

    for i, actor in enumerate(dataset.actors):
        for j, relation in enumerate(actor.relations):
            ref(f"actors[{i}].relations[{j}].target", "actor", relation.target, actors)
            if relation.target == actor.id:
                problems.append(Problem(f"actors[{i}].relations[{j}].target", "an actor cannot be related to itself"))
    for i, event in enumerate(dataset.events):
        base = f"events[{i}]"
        for j, participant in enumerate(event.actors):
            ref(f"{base}.actors[{j}].actor", "actor", participant.actor, actors)
        for j, source in enumerate(event.sources):
            ref(f"{base}.sources[{j}]", "source", source, sources)
        for j, claim in enumerate(event.claims):
            for k, claimant in enumerate(claim.by):
                ref(f"{base}.claims[{j}].by[{k}]", "actor", claimant, actors)
            ref(f"{base}.claims[{j}].source", "source", claim.source, sources)
        for anchor in ("after", "before"):
            target = getattr(event, anchor)
            ref(f"{base}.{anchor}", "event", target, events)
            if target == event.id:
                problems.append(Problem(f"{base}.{anchor}", "an event cannot be placed relative to itself"))
    for i, quote in enumerate(dataset.quotes):
        ref(f"quotes[{i}].speaker", "actor", quote.speaker, actors)
        ref(f"quotes[{i}].event", "event", quote.event, events)
        ref(f"quotes[{i}].source", "source", quote.source, sources)

    if not problems:
        problems += _anchor_problems(dataset.events)
    return problems


def _references_resolve(dataset: Dataset, actors: set[str], events: set[str], sources: set[str]) -> bool:
    """Every reference resolves and none is to itself, checked in bulk (half the time of the
    per-reference loop below, which spells out a path for each one)."""
    every_event, quotes = dataset.events, dataset.quotes
    wanted_actors: set[str | None] = {p.actor for e in every_event for p in e.actors}
    wanted_actors.update({b for e in every_event for c in e.claims for b in c.by}, {q.speaker for q in quotes})
    wanted_actors.update({r.target for a in dataset.actors for r in a.relations})
    wanted_sources: set[str | None] = {s for e in every_event for s in e.sources}
    wanted_sources.update({q.source for q in quotes}, {c.source for e in every_event for c in e.claims})
    wanted_events: set[str | None] = {q.event for q in quotes}
    wanted_events.update({e.after for e in every_event}, {e.before for e in every_event})
    return (
        wanted_actors - {None} <= actors
        and wanted_sources - {None} <= sources
        and wanted_events - {None} <= events
        and not any(e.id in (e.after, e.before) for e in dataset.events)
        and not any(a.id == r.target for a in dataset.actors for r in a.relations)
    )


def _anchor_problems(events: Sequence[Event]) -> list[Problem]:
    """'after'/'before' chains must end at a dated event, without cycles, and agree with the dates."""
    by_id = {e.id: (i, e) for i, e in enumerate(events)}
    problems = []
    for i, event in enumerate(events):
        if event.after is None and event.before is None:
            continue
        for anchor in ("after", "before"):
            seen = {event.id}
            current: Event | None = event
            while current is not None and getattr(current, anchor) is not None:
                next_id = getattr(current, anchor)
                if next_id in seen:
                    problems.append(
                        Problem(f"events[{i}].{anchor}", f"'{anchor}' anchors form a cycle through '{next_id}'")
                    )
                    break
                seen.add(next_id)
                current = by_id[next_id][1]
        for anchor in ("after", "before"):
            target_id = getattr(event, anchor)
            if event.when is None or target_id is None:
                continue
            target = by_id[target_id][1]
            if target.when is None:
                continue
            if anchor == "after" and event.when.end_key() < target.when.sort_key():
                problems.append(Problem(f"events[{i}].after", _order_message(event, "after", target)))
            if anchor == "before" and event.when.sort_key() > target.when.end_key():
                problems.append(Problem(f"events[{i}].before", _order_message(event, "before", target)))
    return problems


def _order_message(event: Event, anchor: str, target: Event) -> str:
    assert event.when is not None and target.when is not None
    return f"dated {event.when.date}, it cannot come {anchor} '{target.id}' ({target.when.date})"
