"""Walk every path of a scenario's dialogue (bounded) to find crashes, dead ends and unreachable competencies."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from jinja2 import TemplateError

from simulator.engine.callstate import holds
from simulator.engine.contact import ContactRuntime
from simulator.engine.context import build_context
from simulator.engine.phases import Phase
from simulator.engine.toolbox import ActionRefused, build_toolbox
from simulator.i18n import Message, translator
from simulator.policies.positions import current_prompt
from simulator.policies.synthetic import failing_text, passing_text
from simulator.scenario.models import LANGS, Scenario, text_in
from simulator.scenario.templating import FilterValueError, describe_error, render

WALK_DAY = dt.date(2026, 3, 2)


@dataclass
class WalkReport:
    """What walking a scenario found."""

    scenario: str
    paths: int = 0
    truncated: int = 0
    endings: Counter = field(default_factory=Counter)
    #: Where the walk got stuck, and what crashed where: messages of the ``checker`` catalog.
    dead_ends: list[Message] = field(default_factory=list)
    exceptions: list[Message] = field(default_factory=list)
    observed: dict[str, set[str]] = field(
        default_factory=dict
    )  # competency → {"positive", "negative"}
    never_positive: list[str] = field(default_factory=list)
    never_observed: list[str] = field(default_factory=list)
    states: int = 0
    looping: bool = False

    @property
    def ok(self) -> bool:
        return not (self.dead_ends or self.exceptions or self.never_observed or self.never_positive)


Move = tuple[str, str]  # (kind, argument)
State = tuple[Any, ...]


def walk(scenario: Scenario, *, seed: int = 1, max_states: int = 5000) -> WalkReport:
    """Explore every distinct conversational state reachable by the candidate's moves.

    Behaviour after a move depends only on the node, the phase and the call memory, so exploring
    each distinct state once covers every path; paths are then counted over the state graph.
    """
    report = WalkReport(scenario.id)
    _render_all_texts(scenario, seed, report)
    try:
        context = build_context(scenario, seed, WALK_DAY, "fr", "Alex")
        prebuilt = (context, build_toolbox(scenario, context, seed, WALK_DAY))
        first = _play(scenario, seed, prebuilt, [])
    except Exception as exc:  # noqa: BLE001 — a scenario that cannot even start is reported, not raised
        report.exceptions.append(_crash(START, exc))
        report.never_observed = list(scenario.competencies)
        return report
    start = _state(first)
    paths, edges = _explore(scenario, seed, prebuilt, start, report, max_states)
    _ideal_run(scenario, seed, report)
    report.states = len(paths)
    report.paths, report.looping = _count_paths(start, edges)
    _competencies_seen(scenario, report)
    return report


def _explore(
    scenario: Scenario,
    seed: int,
    prebuilt: tuple[Any, Any],
    start: State,
    report: WalkReport,
    max_states: int,
) -> tuple[dict[State, list[Move]], dict[State, list[State]]]:
    """Breadth-first over the states from ``start``: the moves that first reach each, and each one's successors.

    Endings, dead ends, crashes and the evidence seen are recorded in ``report`` on the way.
    """
    paths: dict[State, list[Move]] = {start: []}
    edges: dict[State, list[State]] = {}
    queue = [start]
    while queue:
        state = queue.pop(0)
        prefix = paths[state]
        edges[state] = []
        try:
            probe = _play(scenario, seed, prebuilt, prefix)
            moves = _moves(probe)
        except Exception as exc:  # noqa: BLE001
            report.exceptions.append(_crash(_show(prefix), exc))
            continue
        if _stops_at(probe, prefix, moves, report):
            continue
        for move in moves:
            try:
                contact = _play(scenario, seed, prebuilt, prefix)
                step = _apply(contact, *move)
            except Exception as exc:  # noqa: BLE001 — reporting any crash is the walker's job
                report.exceptions.append(_crash(_show([*prefix, move]), exc))
                continue
            for item in step.evidence:
                report.observed.setdefault(item.competency, set()).add(item.effect)
            target = _state(contact)
            edges[state].append(target)
            if target not in paths:
                if len(paths) >= max_states:
                    report.truncated += 1
                    continue
                paths[target] = [*prefix, move]
                queue.append(target)
    return paths, edges


def _stops_at(
    probe: ContactRuntime, prefix: list[Move], moves: list[Move], report: WalkReport
) -> bool:
    """Whether the walk stops at ``probe``: an ending (counted) or a dead end (reported)."""
    if probe.phase is Phase.ENDED:
        node = probe.node
        report.endings[node.end.outcome if node is not None and node.end else "—"] += 1
        return True
    if not moves:
        report.dead_ends.append(
            Message(
                "{path} (node {node}, phase {phase})",
                path=_show(prefix),
                node=probe.node_id,
                phase=probe.phase.value,
            )
        )
        return True
    return False


def _competencies_seen(scenario: Scenario, report: WalkReport) -> None:
    """List the claimed competencies no path observed, and those no path observed positively."""
    for code in scenario.competencies:
        effects = report.observed.get(code, set())
        if not effects:
            report.never_observed.append(code)
        elif "positive" not in effects:
            report.never_positive.append(code)


def _ideal_run(scenario: Scenario, seed: int, report: WalkReport) -> None:
    """One run by the ideal candidate, with real tool use: shows tool-state evidence is reachable."""
    from simulator.engine.dispatch import apply_action
    from simulator.policies.ideal import IdealPolicy

    contact = None
    policy = IdealPolicy()
    try:
        contact = ContactRuntime(scenario, seed=seed, today=WALK_DAY, lang="fr", agent_name="Alex")
        for _ in range(500):
            actions = policy.next_actions(contact)
            if not actions:
                break
            for action in actions:
                step = apply_action(contact, action)
                for item in step.evidence:
                    report.observed.setdefault(item.competency, set()).add(item.effect)
    except Exception as exc:  # noqa: BLE001
        report.exceptions.append(_crash(Message("ideal run"), exc))
    if contact is not None and contact.phase is not Phase.ENDED:
        report.dead_ends.append(
            Message(
                "ideal run stuck (node {node}, phase {phase})",
                node=contact.node_id,
                phase=contact.phase.value,
            )
        )


def _state(contact: ContactRuntime) -> State:
    memory, facts = contact.memory, contact.facts
    return (
        contact.node_id,
        contact.phase,
        contact.model.held_from,
        memory.need_detected,
        memory.agreement_confirmed,
        memory.closed,
        memory.closed_before_confirm,
        memory.transfer_announced,
        frozenset(memory.checked_expectations),
        memory.final_checks_done,
        facts.transferred_to,
        facts.outcome,
        tuple(sorted(contact.call.items())),
    )


def _count_paths(start: State, edges: dict[State, list[State]]) -> tuple[int, bool]:
    """Complete paths from ``start`` to an end; loops are counted once (and reported)."""
    memo: dict[State, int] = {}
    on_stack: set[State] = set()
    looping = False

    def count(state: State) -> int:
        nonlocal looping
        if state in memo:
            return memo[state]
        if state in on_stack:
            looping = True
            return 0
        following = edges.get(state)
        if following is None:
            return 0
        if not following:
            memo[state] = 1 if state[1] is Phase.ENDED else 0
            return memo[state]
        on_stack.add(state)
        total = sum(count(t) for t in following)
        on_stack.discard(state)
        memo[state] = total
        return total

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10000))
    try:
        return count(start), looping
    finally:
        sys.setrecursionlimit(limit)


def _play(
    scenario: Scenario, seed: int, prebuilt: tuple[Any, Any], prefix: list[Move]
) -> ContactRuntime:
    contact = ContactRuntime(
        scenario, seed=seed, today=WALK_DAY, lang="fr", agent_name="Alex", prebuilt=prebuilt
    )
    contact.take()
    for kind, arg in prefix:
        _apply(contact, kind, arg)
    return contact


def _apply(contact: ContactRuntime, kind: str, arg: str) -> Any:
    if kind == "choose":
        return contact.choose(arg)
    if kind == "say":
        text = (
            passing_text(list(current_prompt(contact).checks), contact.ctx)
            if arg == "pass"
            else failing_text()
        )
        return contact.say(text)
    if kind == "continue":
        return contact.go_on()
    if kind == "hang_up":
        return contact.hang_up()
    if kind == "wrap_up":
        outcome = contact.scenario.wrap_up.outcomes[0].id if contact.scenario.wrap_up else None
        return contact.wrap_up(outcome, "Note de suivi : dossier traité.")
    raise ActionRefused("walk", Message(kind))  # a step kind the walk does not know: its name


def _moves(contact: ContactRuntime) -> list[Move]:
    node = contact.node
    if contact.phase is Phase.WRAP_UP:
        return [("wrap_up", "")]
    if node is None:
        return []
    if node.end is not None:
        return (
            [("hang_up", "")]
            if contact.phone and contact.phase.value not in ("wrap_up", "ended")
            else []
        )
    if node.replies:  # only the replies offered now (scenario/1.1: a reply may have a condition)
        return [
            ("choose", rid)
            for rid, reply in zip(contact.reply_ids(node), node.replies)
            if holds(reply.when, contact.ctx.variables)
        ]
    if node.prompt is not None:
        return [("say", "pass"), ("say", "fail")]
    if node.next is not None:
        return [("continue", "")]
    return []


def _render_all_texts(scenario: Scenario, seed: int, report: WalkReport) -> None:
    """Render every text in every declared language with real generated data (catches template crashes)."""
    for lang in (code for code in LANGS if code in scenario.languages):
        try:
            ctx = ContactRuntime(
                scenario, seed=seed, today=WALK_DAY, lang=lang, agent_name="Alex"
            ).ctx
        except Exception as exc:  # noqa: BLE001
            report.exceptions.append(
                Message("[{lang}] context: {error}", lang=lang, error=cause(exc))
            )
            continue
        for node_id, node in scenario.nodes.items():
            texts = (
                [node.say]
                + [r.text for r in node.replies or ()]
                + ([node.prompt.label] if node.prompt else [])
            )
            for text in texts:
                if text is None:
                    continue
                try:
                    render(text_in(text, lang), ctx.variables, lang)
                except Exception as exc:  # noqa: BLE001
                    report.exceptions.append(
                        Message(
                            "[{lang}] node {node}: {error}",
                            lang=lang,
                            node=node_id,
                            error=cause(exc),
                        )
                    )


def explain(exc: BaseException, lang: str = "fr") -> str:
    """A crash as a trainer can read it, in ``lang``: what a text or filter got wrong, else the error's
    name and message."""
    said = cause(exc)
    return said.to(translator("checker", lang)) if isinstance(said, Message) else said


def cause(exc: BaseException) -> Message | str:
    """:func:`explain` kept to be written out in the language it is shown in."""
    if isinstance(exc, FilterValueError | TemplateError):
        return describe_error(exc)
    return f"{type(exc).__name__}: {exc}"


#: Where a path starts, before the candidate's first move.
START = Message("(start)")


def _crash(where: Message | str, exc: BaseException) -> Message:
    return Message("{path} → {error}", path=where, error=cause(exc))


def _show(prefix: list[Move]) -> Message | str:
    shown = [f"{k}:{a}" if a else k for k, a in prefix]
    return " → ".join(shown) or START
