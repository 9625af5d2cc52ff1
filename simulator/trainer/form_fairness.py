"""Are the parallel forms equally hard? Play simulated candidates on the form each seed draws.

The model candidate (``ideal``) must pass every competency on every form; each flawed candidate must
fail the same competencies on every form as on the épreuve as written. A form that makes the model
candidate fail, or lets a flawed one pass (or fail elsewhere), is easier or harder than the others.
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

    @property
    def failed(self) -> bool:
        return any(o.deviations for o in self.outcomes) or any(
            o.policy == "ideal" and o.as_written for o in self.outcomes
        )


def _failed(
    bundle: Any, forms: dict[str, dict[str, str]], policy: str, seed: int
) -> tuple[str, ...]:
    """The competencies ``policy`` fails when it sits the épreuve on ``forms`` with ``seed``."""
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
    grille = score(header, list(store.events(session.session_id)), default_rubric())
    return tuple(c["code"] for c in grille["competencies"] if c["verdict"] != "ok")


def play_forms(
    bundle: Any, seeds: Sequence[int], policies: Sequence[str] = FAIRNESS_POLICIES
) -> FairnessReport:
    """Play each policy on the épreuve as written and on each seed's form (each distinct form once)."""
    outcomes = []
    for policy in policies:
        outcome = PolicyOutcome(policy, _failed(bundle, {}, policy, seeds[0] if seeds else 1))
        seen: dict[str, tuple[str, ...]] = {}
        for seed in seeds:
            forms = bundle.draw(seed)
            form_key = json.dumps(forms, sort_keys=True)
            if form_key not in seen:
                seen[form_key] = _failed(bundle, forms, policy, seed)
            if seen[form_key] != outcome.as_written:
                outcome.deviations[seed] = seen[form_key]
        outcomes.append(outcome)
    codes = {code for c in bundle.contacts for code in c.scenario.competencies}
    return FairnessReport(list(seeds), outcomes, len(codes))
