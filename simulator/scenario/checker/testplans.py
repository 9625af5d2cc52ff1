"""Test-plan checks: the plan's scenario exists and is valid, and every step and expected rule names
something that scenario has (a reply, a node, a tool operation, a service, an outcome code…).

``callsim scenario test`` would otherwise only find these mistakes while playing the plan.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.i18n import N_, Message
from simulator.scenario.checker.context import FileContext
from simulator.scenario.checker.references import offered_tools
from simulator.scenario.diagnostics import has_errors
from simulator.scenario.loader import LoadedFile
from simulator.scenario.models import Scenario
from simulator.scenario.rulebook import engine_rules
from simulator.scenario.yamlsource import Path as DataPath

if TYPE_CHECKING:
    from simulator.scenario.checker import FileCache

_LABELS = {
    "scenario": N_("scenario"),
    "reply": N_("reply"),
    "node": N_("node"),
    "tool": N_("tool"),
    "operation": N_("tool operation"),
    "service": N_("service"),
    "outcome": N_("outcome code"),
    "rule": N_("evidence"),
    "article": N_("article or script"),
    "calendar": N_("calendar"),
    "slot": N_("slot"),
    "form": N_("form"),
    "field": N_("form field"),
}

#: The engine's critical rules a plan may expect (simulator.engine.criticals and confidential).
ENGINE_CRITICALS = (
    "ENG-DATA-TO-ANOTHER",
    "ENG-RECORD-NOT-CONCERNED",
    "ENG-SENSITIVE-TO-THIRD-PARTY",
    "ENG-TRANSFER-LOST",
)

_KIND_NAMES = {
    "epreuve": N_("it is an épreuve"),
    "testplan": N_("it is a test-plan file"),
}

_RESOURCE_OF = {
    "customer_db": "resources.customer_db",
    "documentation": "resources.documentation",
    "directory": "resources.services",
    "agenda": "resources.agenda",
    "forms": "resources.forms",
}


def resolve_scenario(plan_path: str, reference: str) -> Path:
    """A plan file's scenario path, relative to the plan file's folder."""
    return Path(plan_path).parent / reference


def check_testplan(loaded: LoadedFile, ctx: FileContext, cache: FileCache) -> None:
    """Report a missing or invalid scenario, and steps or rules naming what the scenario lacks."""
    testplan = loaded.model
    where = ("scenario",)
    target = resolve_scenario(loaded.path, testplan.scenario)
    if not target.is_file():
        ctx.error(
            where,
            "dangling-reference",
            kind=Message(_LABELS["scenario"]),
            target=testplan.scenario,
            advice=Message("The path is relative to the plans file's folder."),
        )
        return
    scenario_file = cache.load(target, str(target))
    if scenario_file.kind in _KIND_NAMES:
        ctx.error(
            where,
            "not-a-scenario",
            target=testplan.scenario,
            kind=Message(_KIND_NAMES[scenario_file.kind]),
        )
        return
    if (
        scenario_file.kind != "scenario"
        or scenario_file.model is None
        or has_errors(scenario_file.diagnostics)
    ):
        ctx.error(where, "scenario-invalid", target=testplan.scenario)
        loaded.diagnostics.extend(scenario_file.diagnostics)
        return
    by_form: dict[int, list[int]] = {}
    for p, plan in enumerate(testplan.plans):
        by_form.setdefault(_plan_form(scenario_file, p, plan, ctx), []).append(p)
    for form, plans in by_form.items():
        scenario = scenario_file.model if form < 0 else scenario_file.forms[form].model
        if scenario is not None:
            _PlanChecker(scenario, ctx).check(testplan, plans)


def _plan_form(scenario_file: LoadedFile, p: int, plan: Any, ctx: FileContext) -> int:
    """Which form of the scenario a plan's steps are checked against (-1: the file as written)."""
    if not plan.variant:
        return -1
    layer = scenario_file.layer
    for dim, alt in plan.variant.items():
        if layer is None or dim not in layer.variants:
            ctx.error(("plans", p, "variant", dim), "variant-unknown-dimension", dimension=dim)
            return -1
        if alt not in layer.variants[dim].alternatives:
            ctx.error(
                ("plans", p, "variant", dim),
                "variant-unknown-alternative",
                dimension=dim,
                alternative=alt,
            )
            return -1
    for index, form in enumerate(scenario_file.forms):
        if all(form.variant.get(dim) == alt for dim, alt in plan.variant.items()):
            return index
    return -1


class _PlanChecker:
    """What one scenario offers, and the checks of every plan of a file against it."""

    def __init__(self, scenario: Scenario, ctx: FileContext) -> None:
        self.scenario, self.ctx = scenario, ctx
        rules = engine_rules()
        self.order_rules = set(rules.order_rule_ids())
        self.operations = set(rules.tool_operations())
        self.tools = offered_tools(scenario)
        self.replies = {
            node_id: [reply.id or f"r{index + 1}" for index, reply in enumerate(node.replies or ())]
            for node_id, node in scenario.nodes.items()
        }
        res = scenario.resources
        self.ids: dict[str, set[str]] = {
            "service": {s.id for s in res.services},
            "outcome": {o.id for o in scenario.wrap_up.outcomes} if scenario.wrap_up else set(),
            "article": {a.id for a in res.documentation},
            "calendar": {c.id for c in res.agenda.calendars} if res.agenda else set(),
            "slot": {s.id for s in res.agenda.slots} if res.agenda else set(),
            "form": {f.id for f in res.forms},
        }
        self.fields = {f.id: {x.id for x in f.fields} for f in res.forms}

    def check(self, testplan: Any, only: list[int]) -> None:
        from simulator.scenario.models import testplan as tp

        every_reply = {rid for ids in self.replies.values() for rid in ids}
        for p in only:
            plan = testplan.plans[p]
            for s, step in enumerate(plan.steps):
                at = ("plans", p, "steps", s)
                if isinstance(step, tp.ChooseStep):
                    self._known((*at, "choose"), "reply", step.choose, every_reply)
                elif isinstance(step, tp.TransferStep):
                    self._known((*at, "transfer"), "service", step.transfer, self.ids["service"])
                elif isinstance(step, tp.WrapUpStep) and step.wrap_up.outcome is not None:
                    self._known(
                        (*at, "wrap_up", "outcome"),
                        "outcome",
                        step.wrap_up.outcome,
                        self.ids["outcome"],
                    )
                elif isinstance(step, tp.ToolStep):
                    self._tool_step(at, step)
            for r, rule in enumerate(plan.expect.rules):
                self._rule(("plans", p, "expect", "rules", r), rule)

    def _tool_step(self, at: DataPath, step: Any) -> None:
        tool, op = step.tool.split(".", 1)
        if (tool, op) not in self.operations:
            known = sorted(f"{t}.{o}" for t, o in self.operations if t == tool)
            self._missing((*at, "tool"), "operation", step.tool, known)
            return
        if tool not in self.tools:
            self.ctx.error(
                (*at, "tool"),
                "dangling-reference",
                kind=Message(_LABELS["tool"]),
                target=tool,
                advice=Message(
                    "The scenario has no '{section}': this tool does not exist in this contact.",
                    section=_RESOURCE_OF[tool],
                ),
            )
            return
        args = step.args
        for name, kind in (
            ("article", "article"),
            ("calendar", "calendar"),
            ("slot", "slot"),
            ("form", "form"),
            ("service", "service"),
        ):
            value = args.get(name)
            if isinstance(value, str) and "{" not in value:
                self._known((*at, "args", name), kind, value, self.ids[kind])
        form, field = args.get("form"), args.get("field")
        if (
            op == "set"
            and isinstance(form, str)
            and form in self.fields
            and isinstance(field, str)
            and "{" not in field
        ):
            self._known((*at, "args", "field"), "field", field, self.fields[form])

    def _rule(self, where: DataPath, rule: str) -> None:
        scenario = self.scenario
        if rule.startswith("ORD-"):
            self._known(where, "rule", rule, self.order_rules)
            return
        if rule.startswith("ENG-"):  # the engine's own critical rules (see the trainer's guide)
            self._known(where, "rule", rule, ENGINE_CRITICALS)
            return
        prefix, _, rest = rule.partition(":")
        if prefix in ("check", "note"):
            items = (
                scenario.checks
                if prefix == "check"
                else (scenario.wrap_up.note_checks if scenario.wrap_up else [])
            )
            self._known(where, "rule", rule, {f"{prefix}:{c.id}" for c in items})
            return
        if prefix in ("reply", "text", "expect") and "/" in rest:
            node_id, _, _item = rest.partition("/")
            node = scenario.nodes.get(node_id)
            if node is None:
                self._missing(where, "node", node_id, scenario.nodes)
                return
            if prefix == "reply":
                ids = self.replies[node_id]
            elif prefix == "text":
                ids = [c.id for c in node.prompt.checks] if node.prompt else []
            else:
                ids = [c.id for c in node.expect]
            self._known(where, "rule", rule, {f"{prefix}:{node_id}/{i}" for i in ids})
            return
        self.ctx.error(
            where,
            "dangling-reference",
            kind=Message(_LABELS["rule"]),
            target=rule,
            advice=Message(
                "Evidence is named ORD-…, ENG-…, check:<id>, expect:<node>/<id>, reply:<node>/<reply>, "
                "text:<node>/<check> or note:<check>."
            ),
        )

    def _known(self, where: DataPath, kind: str, target: str, known: Iterable[str]) -> bool:
        known = set(known)
        if target in known:
            return True
        self._missing(where, kind, target, known)
        return False

    def _missing(self, where: DataPath, kind: str, target: str, known: Iterable[str]) -> None:
        names = sorted(known)
        close = difflib.get_close_matches(target, names, n=1, cutoff=0.6)
        listing = ", ".join(names[:15]) + (", …" if len(names) > 15 else "") if names else "—"
        guess = Message("Did you mean '{name}'? ", name=close[0]) if close else ""
        self.ctx.error(
            where,
            "dangling-reference",
            kind=Message(_LABELS[kind]),
            target=target,
            advice=Message("{guess}The scenario knows: {listing}.", guess=guess, listing=listing),
        )
