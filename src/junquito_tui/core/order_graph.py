"""The order graph of a chronology: which event is shown before which, and why.

An edge (earlier, later) comes from one event's field: ``after``/``before`` are an order the
source states; ``shown_after``/``shown_before`` a reading position, a presentation choice for
an undated event the source does not order. Both kinds must be acyclic and agree with the dates.

Everything here is generic over node numbers (events of a dataset, or slides being imported),
and linear in nodes + edges apart from one heap: a 20,000-event chain is one pass, never one
walk per event (which took 21.6 s).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from typing import NamedTuple, Protocol

DateKey = tuple[int, int, int, int]
Key = tuple[DateKey, int]  # (date key, rank: how many steps after (+) or before (-) its anchor)

STATED_FIELDS = ("after", "before")
READING_FIELDS = ("shown_after", "shown_before")
ORDER_FIELDS = STATED_FIELDS + READING_FIELDS
_FIELD_RANK = {name: rank for rank, name in enumerate(ORDER_FIELDS)}
_LATER_FIELDS = frozenset({"after", "shown_after"})  # the owner is the later event of the edge
BEFORE_ALL: DateKey = (-(10**13), 0, 0, -1)  # for events tied to no date (integrity rejects them)


def key_number(key: DateKey) -> int:
    """A date key as one number, in the same order: a start's or an end's month is at most 13, its
    day at most 32 and its minute from -3 to ``DAY_END`` + 2 (3,122: a bound's, ``chronology._start``), so
    each part fits in its own place below the next (a year may be of any size or sign)."""
    year, month, day, minute = key
    return ((year * 14 + month) * 33 + day) * 3126 + minute + 3


class Ordered(Protocol):
    """What the graph reads of an event: its order fields (ids or None)."""

    @property
    def after(self) -> str | None: ...
    @property
    def before(self) -> str | None: ...
    @property
    def shown_after(self) -> str | None: ...
    @property
    def shown_before(self) -> str | None: ...


class Edge(NamedTuple):
    earlier: int
    later: int
    owner: int  # the node whose field states it (for locating a problem)
    field: str  # 'after', 'before', 'shown_after' or 'shown_before'

    @property
    def stated(self) -> bool:
        return self.field in STATED_FIELDS


def edge(owner: int, field: str, target: int) -> Edge:
    """The edge that ``field`` of ``owner`` pointing at ``target`` stands for."""
    if field in _LATER_FIELDS:
        return Edge(target, owner, owner, field)
    return Edge(owner, target, owner, field)


def edges_of(items: Sequence[Ordered], index: Mapping[str, int]) -> list[Edge]:
    """Every edge of ``items`` (unknown or self references are left to the reference checks)."""
    out = []
    for owner, item in enumerate(items):
        if item.after is None and item.before is None and item.shown_after is None and item.shown_before is None:
            continue  # most events: no order to read
        for field in ORDER_FIELDS:
            target_id = getattr(item, field)
            if target_id is None:
                continue
            target = index.get(target_id)
            if target is not None and target != owner:
                out.append(edge(owner, field, target))
    return out


class Graph:
    """Successors and predecessors of the nodes that have an edge (most events have none: a dataset
    of 100,000 events with 3,000 orders costs 3,000 nodes here, not 100,000)."""

    def __init__(self, edges: Sequence[Edge]) -> None:
        self.succ: dict[int, list[Edge]] = {}
        self.pred: dict[int, list[Edge]] = {}
        for found in edges:
            self.succ.setdefault(found.earlier, []).append(found)
            self.pred.setdefault(found.later, []).append(found)
            self.succ.setdefault(found.later, [])
            self.pred.setdefault(found.earlier, [])
        self.nodes = sorted(self.succ)

    def topological(self) -> tuple[list[int], bool]:
        """Nodes earlier-first (Kahn); ``False`` when some lie on a cycle (they are left out)."""
        indegree = {node: len(p) for node, p in self.pred.items()}
        ready = deque(n for n in self.nodes if indegree[n] == 0)
        out = []
        while ready:
            node = ready.popleft()
            out.append(node)
            for found in self.succ[node]:
                indegree[found.later] -= 1
                if indegree[found.later] == 0:
                    ready.append(found.later)
        return out, len(out) == len(self.nodes)

    def cycles(self) -> list[list[Edge]]:
        """One cycle (its edges, told from the first place that states part of it) per strongly
        connected component that has one, so a tangle of cycles is one problem, not exponentially many."""
        found = []
        for component in self._components():
            if len(component) > 1:
                cycle = self._cycle_in(set(component), min(component))
                first = min(range(len(cycle)), key=lambda i: (cycle[i].owner, _FIELD_RANK.get(cycle[i].field, 0)))
                found.append(cycle[first:] + cycle[:first])
        found.sort(key=lambda cycle: cycle[0].owner)
        return found

    def _components(self) -> list[list[int]]:
        """Tarjan's strongly connected components, iterative (chains may be 100,000 long)."""
        order: dict[int, int] = {}
        low: dict[int, int] = {}
        on_stack: set[int] = set()
        stack: list[int] = []
        components = []
        for root in self.nodes:
            if root in order:
                continue
            order[root] = low[root] = len(order)
            stack.append(root)
            on_stack.add(root)
            work = [(root, 0)]
            while work:
                node, next_edge = work[-1]
                if next_edge < len(self.succ[node]):
                    work[-1] = (node, next_edge + 1)
                    target = self.succ[node][next_edge].later
                    if target not in order:
                        order[target] = low[target] = len(order)
                        stack.append(target)
                        on_stack.add(target)
                        work.append((target, 0))
                    elif target in on_stack:
                        low[node] = min(low[node], order[target])
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(component)
        return components

    def _cycle_in(self, component: set[int], start: int) -> list[Edge]:
        """The shortest way round from ``start`` back to it, inside its component (breadth first)."""
        came_by: dict[int, Edge] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for found in self.succ[node]:
                if found.later == start:
                    path = [found]
                    while path[-1].earlier != start:
                        path.append(came_by[path[-1].earlier])
                    return path[::-1]
                if found.later in component and found.later not in came_by:
                    came_by[found.later] = found
                    queue.append(found.later)
        raise AssertionError("a strongly connected component always has a cycle")  # pragma: no cover


Dates = Mapping[int, DateKey | None] | Sequence[DateKey | None]  # node -> its start (or end), None if undated


def placement_keys(graph: Graph, starts: Dates, topo: Sequence[int]) -> dict[int, Key]:
    """Where each node of the graph is shown: a dated node at the start of its period, or just after
    the latest node it must follow when that is later; an undated node just after what it follows, or
    (when it follows nothing placed) just before what it precedes. Keys strictly increase along every
    edge, so sorting every event by (key, file position) keeps every order (a node of no edge is
    placed by its date alone: key (start, 0))."""
    keys: dict[int, Key] = {}
    for node in topo:
        bound = max((keys[e.earlier] for e in graph.pred[node] if e.earlier in keys), default=None)
        own = starts[node]
        if own is not None:
            keys[node] = (own, 0) if bound is None or bound[0] < own else (bound[0], bound[1] + 1)
        elif bound is not None:
            keys[node] = (bound[0], bound[1] + 1)
    for node in reversed(topo):  # what follows nothing placed: just before what it precedes
        if node not in keys:
            follower = min((keys[e.later] for e in graph.succ[node] if e.later in keys), default=None)
            keys[node] = (follower[0], follower[1] - 1) if follower is not None else (BEFORE_ALL, 0)
    return keys


class DateConflict(NamedTuple):
    edge: Edge  # the edge into ``node`` through which the bound arrived
    node: int  # a dated node whose whole period ends before ...
    culprit: int  # ... the start of this dated node, which the order puts before it


def date_conflicts(graph: Graph, starts: Dates, ends: Dates, topo: Sequence[int]) -> list[DateConflict]:
    """Dated nodes that the order (directly or through undated nodes) puts after a node that starts
    later than they end. One pass in topological order."""
    # bound[n]: the latest start among n and everything before it, and whose start that is
    bound: dict[int, tuple[DateKey, int]] = {}
    found = []
    for node in topo:
        latest: tuple[DateKey, int, Edge] | None = None
        for incoming in graph.pred[node]:
            before = bound.get(incoming.earlier)
            if before is not None and (latest is None or before[0] > latest[0]):
                latest = (before[0], before[1], incoming)
        own, end = starts[node], ends[node]
        if latest is not None and end is not None and end < latest[0]:
            found.append(DateConflict(latest[2], node, latest[1]))
        candidates = [b for b in ((latest[0], latest[1]) if latest else None, (own, node) if own else None) if b]
        if candidates:
            bound[node] = max(candidates)
    return found


def untied(graph: Graph, dated: Mapping[int, bool] | Sequence[bool], topo: Sequence[int]) -> list[int]:
    """Undated nodes with no dated node anywhere before or after them: they cannot be placed in time."""
    before: dict[int, bool] = {}
    for node in topo:
        before[node] = any(dated[e.earlier] or before[e.earlier] for e in graph.pred[node])
    after: dict[int, bool] = {}
    for node in reversed(topo):
        after[node] = any(dated[e.later] or after[e.later] for e in graph.succ[node])
    return [n for n in topo if not dated[n] and not before[n] and not after[n]]
