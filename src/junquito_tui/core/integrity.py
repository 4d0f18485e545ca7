"""Checks that need the whole dataset: unique ids, resolvable references, a sound order of events,
sources known second-hand cited through the source that names them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from .order_dates import margins_said, order_conflicts
from .order_graph import ORDER_FIELDS, DateConflict, Edge, Graph, edges_of, untied
from .problems import Problem
from .provenance import provenance_problems
from .records import Dataset, Event, When

CYCLE_STEPS = 6  # a cycle longer than this is named by its first steps and its length


def closest(wanted: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names most like ``wanted``; an id typed in capitals, as ACLED writes its own ('AFG1002'),
    is also compared in lower case, as every id here is written ('afg1002' comes first)."""
    pool = list(known)
    found = difflib.get_close_matches(wanted.lower(), pool, n=limit, cutoff=0.6) if wanted != wanted.lower() else []
    found += [guess for guess in difflib.get_close_matches(wanted, pool, n=limit, cutoff=0.6) if guess not in found]
    return found[:limit]


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
        # the common case: no path to spell out
        return problems or _order_problems(dataset.events) + provenance_problems(dataset)

    def ref(path: str, kind: str, wanted: str | None, known: set[str]) -> None:
        if wanted is not None and wanted not in known:
            problems.append(Problem(path, _unknown(kind, wanted, known)))

    for i, known in enumerate(dataset.sources):
        ref(f"sources[{i}].cited_in", "source", known.cited_in, sources)
        if known.cited_in == known.id:
            problems.append(Problem(f"sources[{i}].cited_in", "a source cannot be cited in itself"))
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
            for k, cited in enumerate(claim.cited):
                ref(f"{base}.claims[{j}].cited[{k}]", "source", cited, sources)
        for anchor in ORDER_FIELDS:
            target = getattr(event, anchor)
            ref(f"{base}.{anchor}", "event", target, events)
            if target == event.id:
                problems.append(Problem(f"{base}.{anchor}", "an event cannot be placed relative to itself"))
    for i, quote in enumerate(dataset.quotes):
        ref(f"quotes[{i}].speaker", "actor", quote.speaker, actors)
        ref(f"quotes[{i}].event", "event", quote.event, events)
        ref(f"quotes[{i}].source", "source", quote.source, sources)

    if not problems:
        problems += _order_problems(dataset.events) + provenance_problems(dataset)
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
    wanted_sources.update({s for e in every_event for c in e.claims for s in c.cited})
    wanted_sources.update({s.cited_in for s in dataset.sources})
    wanted_events: set[str | None] = {q.event for q in quotes}
    for name in ORDER_FIELDS:
        wanted_events.update({getattr(e, name) for e in every_event})
    return (
        wanted_actors - {None} <= actors
        and wanted_sources - {None} <= sources
        and wanted_events - {None} <= events
        and not any(e.id in (e.after, e.before, e.shown_after, e.shown_before) for e in dataset.events)
        and not any(a.id == r.target for a in dataset.actors for r in a.relations)
        and not any(s.id == s.cited_in for s in dataset.sources)
    )


def _order_problems(events: Sequence[Event]) -> list[Problem]:
    """The order graph (stated orders and reading positions) has no cycle, ties every undated event to
    a date, and agrees with the dates, however far apart the dated events are along it. Linear."""
    index = {e.id: i for i, e in enumerate(events)}
    graph = Graph(edges_of(events, index))
    topo, acyclic = graph.topological()
    if not acyclic:  # dates cannot be checked along a cycle: report the cycles alone
        return [Problem(_where(cycle[0]), _cycle_message(events, cycle)) for cycle in graph.cycles()]
    problems = []
    dated = {node: events[node].when is not None for node in graph.nodes}
    for node in untied(graph, dated, topo):
        event = events[node]
        field = next(f for f in ORDER_FIELDS if getattr(event, f) is not None)
        problems.append(
            Problem(
                f"events[{node}].{field}",
                f"undated, and ordered only among undated events ('{getattr(event, field)}'): "
                "nothing ties it to a date, so it cannot be placed in time",
            )
        )
    for conflict in order_conflicts(graph, {node: events[node].when for node in graph.nodes}, topo):
        problems.append(Problem(_where(conflict.edge), _conflict_message(events, conflict)))
    return sorted(problems, key=lambda p: _path_order(p.path))


def _where(found: Edge) -> str:
    return f"events[{found.owner}].{found.field}"


def _path_order(path: str) -> tuple[int, int]:
    number, field = path[len("events[") :].split("].")
    return int(number), ORDER_FIELDS.index(field)


def _cycle_message(events: Sequence[Event], cycle: list[Edge]) -> str:
    shown = cycle if len(cycle) <= CYCLE_STEPS else cycle[: CYCLE_STEPS - 1]
    steps = ", ".join(f"'{events[e.owner].id}' {e.field} '{getattr(events[e.owner], e.field)}'" for e in shown)
    if len(shown) < len(cycle):
        steps += f", ... ({len(cycle):,} steps in all)"
    return f"the order of events forms a cycle ({steps}): no event can come first"


def _conflict_message(events: Sequence[Event], conflict: DateConflict) -> str:
    node, culprit, found = events[conflict.node], events[conflict.culprit], conflict.edge
    assert node.when is not None and culprit.when is not None
    target = getattr(events[found.owner], found.field)
    margin = margins_said(node.when, culprit.when)
    if conflict.culprit == found.earlier and found.owner == conflict.node:  # a direct 'after' (or shown_after)
        return f"dated {_stated(node.when)}, it cannot come after '{culprit.id}' ({_stated(culprit.when)}){margin}"
    if conflict.culprit == found.owner and found.later == conflict.node:  # a direct 'before'
        return f"dated {_stated(culprit.when)}, it cannot come before '{node.id}' ({_stated(node.when)}){margin}"
    return (
        f"through '{target}', this order puts '{node.id}' ({_stated(node.when)}) after "
        f"'{culprit.id}' ({_stated(culprit.when)}), which is later{margin}"
    )


def _stated(when: When) -> str:
    """A date as the file gives it, a clock time with its offset (two zones' times otherwise seem
    to be in order when their instants are not)."""
    return when.date + (when.utc_offset or "") if when.precision == "minute" else when.date
