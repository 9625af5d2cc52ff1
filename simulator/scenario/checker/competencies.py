"""Which competencies a scenario can observe, and the checks on what it claims."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from simulator.referentiel import get_referentiel
from simulator.scenario.checker.context import FileContext
from simulator.scenario.checker.graph import reachable
from simulator.scenario.checker.references import tool_checks
from simulator.scenario.models import Scenario
from simulator.scenario.rulebook import engine_rules
from simulator.scenario.yamlsource import Path


@dataclass(frozen=True)
class Source:
    """One place that can produce evidence for a competency, and with which effects."""

    competency: str
    positive: bool
    negative: bool
    where: Path
    declared: bool  # written in the file (False for the engine's order rules)


def features(scenario: Scenario) -> set[str]:
    """What the scenario contains that order rules depend on (acts used, phone, services…)."""
    found: set[str] = set()
    live = reachable(scenario)
    for node_id in live:
        node = scenario.nodes[node_id]
        for reply in node.replies or ():
            if reply.act:
                found.add(f"act:{reply.act}")
        if node.prompt is not None and node.prompt.act:
            found.add(f"act:{node.prompt.act}")
    if scenario.medium == "phone":
        found.add("phone")
    if scenario.resources.services:
        found.add("services")
    if scenario.answer_within_seconds is not None:
        found.add("answer_within")
    if scenario.wrap_up is not None and scenario.wrap_up.note_required:
        found.add("note_required")
    referentiel = get_referentiel()
    found |= {
        f"claims:{referentiel.competency(code).skill}"
        for code in scenario.competencies
        if referentiel.is_code(code)
    }
    return found


def sources(scenario: Scenario) -> Iterator[Source]:
    """Every evidence source of a scenario that a candidate can actually reach."""
    live = reachable(scenario)
    for node_id, node in scenario.nodes.items():
        if node_id not in live:
            continue
        for r, reply in enumerate(node.replies or ()):
            for e, item in enumerate(reply.evidence):
                where = ("nodes", node_id, "replies", r, "evidence", e, "competency")
                yield Source(
                    item.competency,
                    item.effect == "positive",
                    item.effect == "negative",
                    where,
                    True,
                )
        if node.prompt is not None:
            for c, check in enumerate(node.prompt.checks):
                yield Source(
                    check.competency,
                    True,
                    True,
                    ("nodes", node_id, "prompt", "checks", c, "competency"),
                    True,
                )
    for path, check in tool_checks(scenario):
        if path[0] == "nodes" and path[1] not in live:
            continue
        yield Source(
            check.competency,
            check.counts != "failure",
            check.counts != "success",
            (*path, "competency"),
            True,
        )
    if scenario.wrap_up is not None:
        for c, check in enumerate(scenario.wrap_up.note_checks):
            yield Source(
                check.competency, True, True, ("wrap_up", "note_checks", c, "competency"), True
            )
    present = features(scenario)
    for rule in engine_rules().order_rule_sources(scenario.direction):
        if rule.needs <= present:
            yield Source(
                rule.competency,
                rule.effect == "positive",
                rule.effect == "negative",
                ("competencies",),
                False,
            )


def observable(scenario: Scenario) -> dict[str, tuple[bool, bool]]:
    """competency → (can be observed positively, can be observed negatively)."""
    table: dict[str, tuple[bool, bool]] = {}
    for source in sources(scenario):
        pos, neg = table.get(source.competency, (False, False))
        table[source.competency] = (pos or source.positive, neg or source.negative)
    return table


def check_competencies(scenario: Scenario, ctx: FileContext) -> None:
    """Unknown codes, claims that can never be observed, evidence for unclaimed competencies."""
    ref = get_referentiel()
    for index, code in enumerate(scenario.competencies):
        if not ref.is_code(code):
            ctx.error(("competencies", index), "unknown-competency", competency=code)
    claimed = set(scenario.competencies)
    table = observable(scenario)
    for index, code in enumerate(scenario.competencies):
        if not ref.is_code(code):
            continue
        pos, _neg = table.get(code, (False, False))
        if code not in table:
            ctx.error(("competencies", index), "claimed-not-evidenced", competency=code)
        elif not pos:
            ctx.error(("competencies", index), "never-positive", competency=code)
    _criticals_can_fail(scenario, ctx)
    for source in _all_declared(scenario):
        if not ref.is_code(source.competency):
            ctx.error(source.where, "unknown-competency", competency=source.competency)
        elif source.competency not in claimed:
            ctx.warning(source.where, "evidence-not-claimed", competency=source.competency)


def _criticals_can_fail(scenario: Scenario, ctx: FileContext) -> None:
    """A critical (éliminatoire) that can never fail is an error: it would promise a safeguard it cannot give."""
    for node_id, node in scenario.nodes.items():
        for r, reply in enumerate(node.replies or ()):
            for e, item in enumerate(reply.evidence):
                if item.critical and item.effect == "positive":
                    ctx.error(
                        ("nodes", node_id, "replies", r, "evidence", e, "critical"),
                        "critical-cannot-fail",
                    )
        checks = list(enumerate(node.prompt.checks)) if node.prompt is not None else []
        for c, check in checks:
            if check.critical and not check.requires and not check.forbids:
                ctx.error(
                    ("nodes", node_id, "prompt", "checks", c, "critical"), "critical-cannot-fail"
                )
    for path, check in tool_checks(scenario):
        if check.critical and check.counts == "success":
            ctx.error((*path, "critical"), "critical-cannot-fail")
    notes = scenario.wrap_up.note_checks if scenario.wrap_up is not None else []
    for c, check in enumerate(notes):
        if check.critical and not check.requires and not check.forbids:
            ctx.error(("wrap_up", "note_checks", c, "critical"), "critical-cannot-fail")


def _all_declared(scenario: Scenario) -> Iterator[Source]:
    """Declared sources, reachable or not (a typo in an unreachable node is still a typo)."""
    for node_id, node in scenario.nodes.items():
        for r, reply in enumerate(node.replies or ()):
            for e, item in enumerate(reply.evidence):
                yield Source(
                    item.competency,
                    True,
                    True,
                    ("nodes", node_id, "replies", r, "evidence", e, "competency"),
                    True,
                )
        if node.prompt is not None:
            for c, check in enumerate(node.prompt.checks):
                yield Source(
                    check.competency,
                    True,
                    True,
                    ("nodes", node_id, "prompt", "checks", c, "competency"),
                    True,
                )
    for path, check in tool_checks(scenario):
        yield Source(check.competency, True, True, (*path, "competency"), True)
    if scenario.wrap_up is not None:
        for c, check in enumerate(scenario.wrap_up.note_checks):
            yield Source(
                check.competency, True, True, ("wrap_up", "note_checks", c, "competency"), True
            )
