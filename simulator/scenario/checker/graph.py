"""Checks of the dialogue graph: node shape, dangling gotos, unreachable nodes, dead ends, loops without exit."""

from __future__ import annotations

from collections.abc import Iterator

from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import Node, Scenario
from simulator.scenario.yamlsource import Path

_SHAPES = ("replies", "prompt", "next", "end")


def edges(node: Node) -> Iterator[tuple[str, Path]]:
    """Each successor of ``node`` with the relative data path of the reference."""
    for index, reply in enumerate(node.replies or ()):
        yield reply.goto, ("replies", index, "goto")
        for number, branch in enumerate(reply.branches):
            yield branch.goto, ("replies", index, "branches", number, "goto")
    if node.prompt is not None:
        yield node.prompt.goto, ("prompt", "goto")
        for number, branch in enumerate(node.prompt.branches):
            yield branch.goto, ("prompt", "branches", number, "goto")
    if node.next is not None:
        yield node.next, ("next",)
    for number, branch in enumerate(node.branches):
        yield branch.goto, ("branches", number, "goto")


def reachable(scenario: Scenario) -> set[str]:
    """Node ids reachable from the start node."""
    seen: set[str] = set()
    stack = [scenario.start] if scenario.start in scenario.nodes else []
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(t for t, _ in edges(scenario.nodes[current]) if t in scenario.nodes)
    return seen


def check_graph(scenario: Scenario, ctx: FileContext) -> bool:
    """Report every structural problem of the dialogue graph; False when it has no valid start.

    Without a start node nothing is reachable, so reachability (and everything built on it)
    would only repeat the one real mistake: the caller skips those checks.
    """
    has_start = scenario.start in scenario.nodes
    if not has_start:
        ctx.error(("start",), "dangling-goto", target=scenario.start)
    for node_id, node in scenario.nodes.items():
        where = ("nodes", node_id)
        present = [name for name in _SHAPES if getattr(node, name) is not None]
        if len(present) > 1:
            ctx.error(where, "node-shape", on_key=True, node=node_id, found=" + ".join(present))
        elif not present or (node.replies is not None and not node.replies):
            ctx.error(where, "dead-end", on_key=True, node=node_id)
        if node.replies and len(node.replies) not in (1, 3, 4, 5):
            ctx.warning((*where, "replies"), "option-count", node=node_id, count=len(node.replies))
        for target, rel in edges(node):
            if target not in scenario.nodes:
                ctx.error((*where, *rel), "dangling-goto", target=target)
    if not has_start:
        return False
    reached = reachable(scenario)
    for node_id in scenario.nodes:
        if node_id not in reached:
            ctx.warning(
                ("nodes", node_id),
                "unreachable-node",
                on_key=True,
                node=node_id,
                start=scenario.start,
            )
    _check_exits(scenario, reached, ctx)
    return True


def _check_exits(scenario: Scenario, reached: set[str], ctx: FileContext) -> None:
    """Find strongly connected groups of reachable nodes from which no ending can be reached."""
    successors = {
        n: [t for t, _ in edges(scenario.nodes[n]) if t in scenario.nodes] for n in reached
    }
    can_finish = {n for n in reached if scenario.nodes[n].end is not None}
    changed = True
    while changed:
        changed = False
        for n in reached - can_finish:
            if any(t in can_finish for t in successors[n]):
                can_finish.add(n)
                changed = True
    stuck = reached - can_finish
    reported: set[str] = set()
    order = [n for n in scenario.nodes if n in stuck]
    for node_id in order:
        if node_id in reported:
            continue
        cycle = _cycle_through(node_id, successors, stuck)
        if not cycle:
            continue  # leads into a stuck loop (reported there) or is a dead end (reported above)
        reported.update(cycle)
        ctx.error(
            ("nodes", node_id),
            "no-exit-loop",
            on_key=True,
            node=node_id,
            cycle=" → ".join([*cycle, cycle[0]]),
        )


def _cycle_through(start: str, successors: dict[str, list[str]], allowed: set[str]) -> list[str]:
    """A shortest cycle through ``start`` within ``allowed`` nodes, or [] when there is none."""
    parents: dict[str, str | None] = {start: None}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in successors[node]:
                if target == start:
                    path = [node]
                    while parents[path[-1]] is not None:
                        path.append(parents[path[-1]])  # type: ignore[arg-type]
                    return list(reversed(path))
                if target in allowed and target not in parents:
                    parents[target] = node
                    following.append(target)
        frontier = following
    return []
