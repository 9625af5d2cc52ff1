"""Are the parallel forms equally hard? Play simulated candidates on the form each seed draws.

The model candidate (``ideal``) must pass every competency on every form; each flawed candidate must
fail the same competencies on every form as on the épreuve as written. A form that makes the model
candidate fail, or lets a flawed one pass (or fail elsewhere), is easier or harder than the others.
The model candidate's working time on each contact (its actions, timed as the simulated candidates
are: :data:`simulator.policies.driver.SECONDS_PER_ACTION`) shows how far the forms' lengths spread.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

#: The simulated candidates played on every form: the model one and two flawed ones whose faults
#: every scenario can show (they never confirm; they stuff keywords into their replies).
FAIRNESS_POLICIES = ("ideal", "never-confirms", "keyword-stuffer")
#: When every simulated session starts (forms are compared, not dates).
_START = datetime(2026, 1, 5, 9, 0, 0)


@dataclass
class PolicyOutcome:
    """One simulated candidate over every form: the competencies it fails, and where that differs."""

    policy: str
    as_written: tuple[str, ...]
    #: seed → the competencies it fails on that seed's form, when they differ from ``as_written``.
    deviations: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class FairnessReport:
    seeds: list[int]
    outcomes: list[PolicyOutcome]
    competencies: int
    #: scenario id → the model candidate's working seconds on it, least and most over the forms.
    work: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: The model candidate's working seconds on the whole épreuve, least and most over the forms.
    total_work: tuple[int, int] = (0, 0)

    @property
    def failed(self) -> bool:
        return any(o.deviations for o in self.outcomes) or any(
            o.policy == "ideal" and o.as_written for o in self.outcomes
        )


def _failed(
    bundle: Any, forms: dict[str, dict[str, str]], policy: str, seed: int
) -> tuple[tuple[str, ...], dict[str, int]]:
    """The competencies ``policy`` fails when it sits the épreuve on ``forms`` with ``seed``, and the
    seconds it works on each contact."""
    from scoring.rubric_file import default_rubric
    from scoring.score import score
    from simulator.engine.clock import ManualClock
    from simulator.engine.session import EpreuveSession
    from simulator.journal.memory_store import MemoryJournalStore
    from simulator.policies.driver import play_epreuve
    from simulator.policies.registry import policy_factory

    store, clock = MemoryJournalStore(), ManualClock(_START)
    session = EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id=f"FORMS-{policy}", seed=seed, forms=forms
    )
    play_epreuve(session, policy_factory(policy, seed), clock)
    session.close()
    header = store.header(session.session_id)
    events = list(store.events(session.session_id))
    grille = score(header, events, default_rubric())
    failed = tuple(c["code"] for c in grille["competencies"] if c["verdict"] != "ok")
    return failed, _work(events)


def _work(events: list[Any]) -> dict[str, int]:
    """Contact → the seconds the candidate's actions on it take, timed as the driver times them."""
    from simulator.policies.driver import SECONDS_PER_ACTION, SECONDS_PER_TOOL_ACTION

    work: dict[str, int] = {}
    for event in events:
        if event.type != "action":
            continue
        kind = (event.payload.get("action") or {}).get("kind")
        seconds = SECONDS_PER_TOOL_ACTION if kind == "tool" else SECONDS_PER_ACTION
        contact = str(event.payload.get("contact", ""))
        work[contact] = work.get(contact, 0) + seconds
    return work


def play_forms(
    bundle: Any, seeds: Sequence[int], policies: Sequence[str] = FAIRNESS_POLICIES
) -> FairnessReport:
    """Play each policy on the épreuve as written and on each seed's form (each distinct form once)."""
    outcomes, worked = [], []
    for policy in policies:
        outcome = PolicyOutcome(policy, _failed(bundle, {}, policy, seeds[0] if seeds else 1)[0])
        seen: dict[str, tuple[str, ...]] = {}
        for seed in seeds:
            forms = bundle.draw(seed)
            form_key = json.dumps(forms, sort_keys=True)
            if form_key not in seen:
                seen[form_key], work = _failed(bundle, forms, policy, seed)
                if policy == "ideal":
                    worked.append(work)
            if seen[form_key] != outcome.as_written:
                outcome.deviations[seed] = seen[form_key]
        outcomes.append(outcome)
    codes = {code for c in bundle.contacts for code in c.scenario.competencies}
    report = FairnessReport(list(seeds), outcomes, len(codes))
    if worked:
        for contact in bundle.contacts:
            spent = [work.get(contact.scenario.id, 0) for work in worked]
            report.work[contact.scenario.id] = (min(spent), max(spent))
        totals = [sum(work.values()) for work in worked]
        report.total_work = (min(totals), max(totals))
    return report
