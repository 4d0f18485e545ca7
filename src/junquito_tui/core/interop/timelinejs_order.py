"""Giving back the order our own TimelineJS export recorded (its ``junquito`` field), and only what holds.

A slide may name events it comes after or before (the source's order, with ``order_note``) or is
shown next to (a reading position, for an undated event). An import keeps each one that names an
event of the file, makes no cycle and agrees with the dates; every other is dropped with a warning.
Each round is linear; a round only repeats after dropping something, so a sound file takes one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..order_dates import order_conflicts
from ..order_graph import READING_FIELDS, STATED_FIELDS, Edge, Graph, edge, untied
from .notes import Notes

if TYPE_CHECKING:
    from .timelinejs_import import _Pending

ORDER_EXTENSION = ("after", "before", "order_note", "shown_after", "shown_before")


def restore_order(pending: Sequence[_Pending], unique_ids: Mapping[str, str], notes: Notes, where: str) -> None:
    """Resolve each slide's recorded order to event ids, keep what holds, and write it into its fields."""
    if not any(item.anchors for item in pending):
        return  # nothing recorded (every file but our own export): the graph's rounds would change nothing
    targets = {item.fields["id"]: index for index, item in enumerate(pending)}
    resolved: list[dict[str, int]] = []
    for index, item in enumerate(pending):
        found: dict[str, int] = {}
        for name, wanted in item.anchors.items():
            target = targets.get(unique_ids.get(wanted, ""))
            problem = "is not an event of this file" if target is None else ""
            if target == index:
                problem = "leads back to this event"
            elif name in READING_FIELDS and (not item.undated or set(STATED_FIELDS) & item.anchors.keys() or found):
                problem = "is a reading position, which only an undated slide without a stated order may have"
            if problem:
                notes.add(f"{item.path}.{where}", f"{name} '{wanted}' {problem}; ignored")
            else:
                found[name] = target  # type: ignore[assignment]  # not None here
        resolved.append(found)
    while _drop_what_fails(pending, resolved, notes, where):
        pass
    for item, found in zip(pending, resolved, strict=True):
        if item.undated and found:
            item.fields.pop("when", None)
            item.fields.pop("end", None)
        for name, target in found.items():
            item.fields[name] = pending[target].fields["id"]
        if item.order_note and set(STATED_FIELDS) & found.keys():
            item.fields["order_note"] = item.order_note


def _drop_what_fails(pending: Sequence[_Pending], resolved: list[dict[str, int]], notes: Notes, where: str) -> bool:
    """One round of checks (cycles, then ties to a date, then dates); True when something was dropped."""
    edges = [edge(owner, name, target) for owner, found in enumerate(resolved) for name, target in found.items()]
    graph = Graph(edges)

    def drop(found: Edge, why: str) -> None:
        item = pending[found.owner]
        notes.add(f"{item.path}.{where}", f"{found.field} '{item.anchors[found.field]}' {why}; ignored")
        del resolved[found.owner][found.field]

    cycles = graph.cycles()
    for cycle in cycles:
        drop(cycle[0], "leads back to this event")
    if cycles:
        return True
    topo, _ = graph.topological()
    dated = [not (item.undated and found) for item, found in zip(pending, resolved, strict=True)]
    loose = untied(graph, dated, topo)
    for node in loose:  # ordered among undated slides only: keep the date the file gives it
        pending[node].undated = False
        for name in [n for n in resolved[node] if n in READING_FIELDS]:
            drop(edge(node, name, resolved[node][name]), "has no dated event to place it by")
    if loose:
        return True
    whens = {
        node: item.when if is_dated else None for node, (item, is_dated) in enumerate(zip(pending, dated, strict=True))
    }
    conflicts = order_conflicts(graph, whens, topo)  # as validate checks them
    for conflict in conflicts:
        if conflict.edge.field in resolved[conflict.edge.owner]:
            drop(conflict.edge, "contradicts the dates")
    return bool(conflicts)
