"""Run test plans: scripted paths through a scenario, compared with the evidence they must give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.engine.actions import (
    Choose,
    Continue,
    HangUp,
    Hold,
    Resume,
    Say,
    Take,
    Transfer,
    UseTool,
    WrapUp,
)
from simulator.engine.bundle import BundleError, single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.evidence import Evidence
from simulator.engine.session import EpreuveSession
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import LANGUAGES, Message, written_out
from simulator.journal.memory_store import MemoryJournalStore
from simulator.scenario.checker import FileCache
from simulator.scenario.diagnostics import Diagnostic
from simulator.scenario.models import testplan as tp
from simulator.scenario.templating import describe_error, render
from simulator.trainer.quoted import EvidenceLines, Written
from simulator.trainer.walk import cause

#: Test plans run on a fixed, ordinary working day so that dates in plans are reproducible.
PLAN_DAY = dt.datetime(2026, 3, 2, 9, 0, 0)
PLAN_SUFFIX = ".plans.yaml"


@dataclass
class PlanResult:
    """The outcome of one plan: passed, or the list of differences.

    ``failures`` are messages of the ``checker`` catalog, said in the trainer's language where they
    are shown (:mod:`simulator.trainer.plans_text`); ``form`` names the variant a plan ran on.
    """

    file: str
    plan: str
    title: str
    failures: list[Message] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    form: str = ""

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class PlanFileResult:
    """All plans of one file, or the diagnostics that stopped it from running."""

    file: str
    results: list[PlanResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diagnostics and all(r.ok for r in self.results)


def find_plan_files(paths: Iterable[str | Path]) -> list[Path]:
    """Plan files named, or found under folders (``*.plans.yaml``)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{PLAN_SUFFIX}") if p.is_file()))
        elif path.name.endswith(PLAN_SUFFIX):
            found.append(path)
        else:
            sibling = path.with_name(path.name.removesuffix(".yaml") + PLAN_SUFFIX)
            if sibling.is_file():
                found.append(sibling)
    return found


def run_plan_file(path: str | Path) -> PlanFileResult:
    """Load a plan file and its scenario, then run every plan."""
    loaded = FileCache().load(Path(path), str(path))
    outcome = PlanFileResult(str(path))
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    testplan = loaded.model if loaded.kind == "testplan" and not errors else None
    if testplan is None and loaded.kind == "testplan":  # one bad plan must not stop the others
        testplan = _valid_plans(loaded.data)
    if testplan is None or errors:
        outcome.diagnostics = errors or loaded.diagnostics
    if testplan is None:
        return outcome
    scenario_path = Path(path).parent / testplan.scenario
    try:
        bundle = single_scenario_bundle(scenario_path)
    except BundleError as exc:
        outcome.diagnostics = exc.diagnostics
        return outcome
    for plan in testplan.plans:
        for form in plan_forms(bundle, plan):
            outcome.results.append(run_plan(bundle, plan, str(path), form))
    return outcome


def _valid_plans(data: Any) -> tp.TestPlan | None:
    """The file with only the plans that are valid on their own (None when none is, or the head is wrong)."""
    if not isinstance(data, dict) or not isinstance(data.get("plans"), list):
        return None
    good = []
    for plan in data["plans"]:
        try:
            good.append(tp.Plan.model_validate(plan))
        except ValidationError:
            continue
    try:
        return tp.TestPlan.model_validate({**data, "plans": good}) if good else None
    except ValidationError:
        return None


def plan_forms(bundle: Any, plan: tp.Plan) -> list[dict[str, str]]:
    """The forms a plan runs on: those matching its ``variant`` pin; ``{}`` (the file as written) without one."""
    planned = bundle.contacts[0]
    if not plan.variant or planned.layer is None:
        return [{}]
    from simulator.scenario.variants.draw import all_combinations

    return [
        combo
        for combo in all_combinations(planned.layer)
        if all(combo.get(dim) == alt for dim, alt in plan.variant.items())
    ]


def run_plan(
    bundle: Any, plan: tp.Plan, file: str = "", form: dict[str, str] | None = None
) -> PlanResult:
    """Play ``plan`` on a fresh session (on ``form`` of a scenario with variants) and compare what it gave with what it expects."""
    from simulator.scenario.variants.draw import label

    result = PlanResult(file, plan.id, plan.title, form=label(form) if form else "")
    clock = ManualClock(PLAN_DAY)
    scenario_id = bundle.contacts[0].scenario.id
    session = EpreuveSession.start(
        bundle,
        store=MemoryJournalStore(),
        clock=clock,
        candidate_id=f"plan-{plan.id}",
        seed=plan.seed,
        forms={scenario_id: form} if form else {},
    )
    scenario = session.bundle.contacts[0].scenario
    try:
        try:
            clock.advance(seconds=plan.rings_seconds)
            session.perform(Take(contact=scenario.id))
        except Exception as exc:  # noqa: BLE001 — the contact cannot even start for this plan's customer
            result.failures.append(
                Message("taking the contact: scenario error — {error}", error=cause(exc))
            )
            return result
        contact = session.contact(scenario.id)
        variables = dict(contact.ctx.variables)
        db = contact.box.customer_db
        variables["records"] = (
            {db.role_of(r.record_id): r.record_id for r in db.records()} if db else {}
        )
        _play_steps(session, plan.steps, variables, clock, result)
        result.evidence = list(contact.evidence)
        _compare(plan.expect, scenario, contact, result)
    finally:
        session.close()
    return result


def _play_steps(
    session: EpreuveSession,
    steps: list[Any],
    variables: dict[str, Any],
    clock: ManualClock,
    result: PlanResult,
) -> None:
    """Play the plan's steps in order, 15 seconds apart, until one must stop the plan."""
    for number, step in enumerate(steps, start=1):
        clock.advance(seconds=15)
        where = Message("step {number} ({step})", number=number, step=_describe(step))
        try:
            action = _action(step, variables, clock)
        except Exception as exc:  # noqa: BLE001 — a {{ … }} of the plan that cannot be produced
            result.failures.append(
                Message(
                    "{step}: the plan's text cannot be produced — {error}",
                    step=where,
                    error=describe_error(exc),
                )
            )
            return
        if action is not None and not _play_step(session, action, step, where, result):
            return


def _play_step(
    session: EpreuveSession, action: Any, step: Any, label: Message, result: PlanResult
) -> bool:
    """Perform one step and compare a refusal with what the step expects; False when the plan must stop.

    A refusal is the engine's (``ActionRefused``) or a tool's (a result that is not ``ok``). An
    expected refusal lets the plan go on; an unexpected one fails it with the engine's own message.
    """
    expected = getattr(step, "expect_refused", False)
    try:
        outcome = session.perform(action)
    except ActionRefused as exc:
        said = Written(written_out(exc.text, "engine", LANGUAGES))
        return _refusal(step, label, exc.code, said, result, stop=not expected)
    except Exception as exc:  # noqa: BLE001 — a scenario text that fails for this plan's customer
        result.failures.append(
            Message("{step}: scenario error — {error}", step=label, error=cause(exc))
        )
        return False
    if outcome.result is not None and not outcome.result.get("ok", True):
        error = outcome.result["error"]
        code = str(error.get("code", ""))
        return _refusal(step, label, code, Written(error), result, stop=False)
    if expected:
        result.failures.append(
            Message(
                "{step}: a refusal was expected ({reason}), the action was accepted",
                step=label,
                reason=step.reason,
            )
            if step.reason
            else Message("{step}: a refusal was expected, the action was accepted", step=label)
        )
    return True


def _refusal(
    step: Any, label: Message, code: str, said: Written, result: PlanResult, *, stop: bool
) -> bool:
    """Record a refusal: a failure unless expected with the same reason; False to stop the plan."""
    if not getattr(step, "expect_refused", False):
        result.failures.append(
            Message("{step}: action refused — {refusal}", step=label, refusal=said)
        )
        return not stop
    if step.reason is not None and step.reason != code:
        result.failures.append(
            Message(
                "{step}: refusal expected for '{expected}', got '{code}' — {refusal}",
                step=label,
                expected=step.reason,
                code=code,
                refusal=said,
            )
        )
    return True


def _action(step: Any, variables: dict[str, Any], clock: ManualClock) -> Any:
    fill = lambda value: _fill(value, variables)  # noqa: E731
    if isinstance(step, str):
        return {"continue": Continue(), "hold": Hold(), "resume": Resume(), "hang_up": HangUp()}[
            step
        ]
    if isinstance(step, tp.ChooseStep):
        return Choose(reply=step.choose)
    if isinstance(step, tp.SayStep):
        return Say(text=fill(step.say))
    if isinstance(step, tp.TransferStep):
        return Transfer(service=step.transfer)
    if isinstance(step, tp.WrapUpStep):
        return WrapUp(outcome=step.wrap_up.outcome, note=fill(step.wrap_up.note))
    if isinstance(step, tp.ToolStep):
        tool, op = step.tool.split(".", 1)
        return UseTool(tool=tool, op=op, args=fill(step.args))
    if isinstance(step, tp.AdvanceStep):
        clock.advance(minutes=step.advance_minutes)
        return None
    raise ValueError(f"unknown step {step!r}")


def _fill(value: Any, variables: dict[str, Any]) -> Any:
    if isinstance(value, str):
        return render(value, variables)
    if isinstance(value, list):
        return [_fill(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, variables) for k, v in value.items()}
    return value


def _describe(step: Any) -> str:
    """A step as the trainer wrote it (``tool: forms.submit form=x``), never a Python repr."""
    if isinstance(step, str):
        return step
    data = step.model_dump(exclude_defaults=True, exclude={"expect_refused", "reason"})
    parts = []
    for key, value in data.items():
        if isinstance(value, dict):
            inner = " ".join(f"{k}={v}" for k, v in value.items())
            parts.append(f"{key}: {inner}" if inner else key)
        else:
            parts.append(f"{key}: {value}")
    text = ", ".join(parts)
    return text if len(text) <= 60 else text[:59] + "…"


def verdict_of(evidence: list[Evidence], code: str) -> str:
    """positive (observed, never negatively), negative (at least one negative), or absent."""
    items = [e for e in evidence if e.competency == code]
    if not items:
        return "absent"
    return "negative" if any(not e.positive for e in items) else "positive"


def _compare(expect: tp.Expectation, scenario: Any, contact: Any, result: PlanResult) -> None:
    evidence = contact.evidence
    wanted = dict(expect.competencies)
    if expect.all_claimed_positive:
        for code in scenario.competencies:
            wanted.setdefault(code, "positive")
    for code, verdict in sorted(wanted.items()):
        got = verdict_of(evidence, code)
        if got != verdict:
            items = [(e.positive, e.rule, e.detail) for e in evidence if e.competency == code]
            result.failures.append(
                Message(
                    "{code}: expected {expected}, got {got}{evidence}",
                    code=code,
                    expected=verdict,
                    got=got,
                    evidence=EvidenceLines(items),
                )
            )
    fired = {e.rule for e in evidence}
    for rule in (r for r in expect.rules if r not in fired):
        result.failures.append(
            Message(
                "rule {rule} expected, not triggered (triggered: {fired})",
                rule=rule,
                fired=", ".join(sorted(fired)) or "—",
            )
        )
    if contact.phase.value != expect.phase:
        result.failures.append(
            Message(
                "final phase: expected {expected}, got {got}",
                expected=expect.phase,
                got=contact.phase.value,
            )
        )
