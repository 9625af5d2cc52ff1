"""Can an épreuve be passed by cues? Choice-point cue shares per scenario, and the grilles of cue policies over seeds.

The principle: a cue must not help. Over seeds 1–N, a policy that always takes the longest reply and
does the ideal tool work may do no better than the same policy choosing at random (mean OK count at
most one more), the longest-reply policy without tools may be OK on at most 4 competencies, random clicks are NOK everywhere, and the ideal
candidate is OK on all 23 (seeds 1–5). Across the épreuve, the longest reply is right in at most
40 % of the choice points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator.i18n import N_, Message
from simulator.scenario.checker.cues import cue_picks
from simulator.scenario.checker.items import LONGEST_SHARE, choice_points
from simulator.scenario.models import Scenario

#: The cue policies compared with the same policy choosing at random (the conversation-only
#: ``longest-reply`` is held to ``MAX_OK_WITHOUT_TOOLS`` instead, and ``random`` to no OK at all).
COUNTERPARTS = {"longest-reply+tools": "random+tools"}
#: Policies played on every seed; the ideal is played on the first ``IDEAL_SEEDS`` only.
POLICIES = ("random", "longest-reply", "no-tools", "random+tools", "longest-reply+tools")
IDEAL_SEEDS = 5
#: A conversation-only cue policy may be OK on at most this many competencies.
MAX_OK_WITHOUT_TOOLS = 4
#: A cue policy may beat its random counterpart's mean OK count by at most this much.
MAX_CUE_GAIN = 1.0
START = datetime(2026, 1, 5, 9, 0, 0)
CUES = ("longest", "polite", "echo")


@dataclass
class CueShares:
    """Choice points of one scenario (or the whole épreuve) and how many each cue answers right."""

    points: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CUES, 0))

    def add(self, other: CueShares) -> None:
        self.points += other.points
        for cue in CUES:
            self.right[cue] += other.right[cue]

    def share(self, cue: str) -> float:
        return self.right[cue] / self.points if self.points else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "choice_points": self.points,
            "right": dict(self.right),
            "share": {cue: round(self.share(cue), 3) for cue in CUES},
        }


def cue_shares(scenario: Scenario) -> CueShares:
    """How often each cue picks a right reply in the scenario's choice points."""
    shares = CueShares()
    for point in choice_points(scenario):
        shares.points += 1
        for cue, pick in cue_picks(point).items():
            if pick is not None and pick in point.right:
                shares.right[cue] += 1
    return shares


def play_grille(bundle: Any, policy: str, seed: int) -> dict[str, str]:
    """Verdict per competency when ``policy`` plays the épreuve with ``seed`` (in memory, not journalled to disk)."""
    from scoring.rubric_file import default_rubric
    from scoring.score import score
    from simulator.engine.clock import ManualClock
    from simulator.engine.session import EpreuveSession
    from simulator.journal.memory_store import MemoryJournalStore
    from simulator.policies.driver import play_epreuve
    from simulator.policies.registry import policy_factory

    store, clock = MemoryJournalStore(), ManualClock(START)
    session = EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id=f"ANALYSE-{policy}-{seed}", seed=seed
    )
    try:
        play_epreuve(session, policy_factory(policy, seed), clock)
    finally:
        session.close()
    grille = score(
        store.header(session.session_id), list(store.events(session.session_id)), default_rubric()
    )
    return {c["code"]: c["verdict"] for c in grille["competencies"]}


@dataclass
class Analysis:
    """Everything ``callsim epreuve analyse`` reports, and the reasons it fails (empty when it passes)."""

    scenarios: dict[str, CueShares]
    total: CueShares
    ok_counts: dict[str, list[int]]
    ok_competencies: dict[str, dict[str, int]]
    competencies: int = 23
    failures: list[Message] = field(default_factory=list)

    def mean(self, policy: str) -> float:
        counts = self.ok_counts.get(policy, [])
        return sum(counts) / len(counts) if counts else 0.0


def analyse(
    bundle: Any, seeds: int = 10, progress: Callable[[str, int], None] | None = None
) -> Analysis:
    """Cue shares of every scenario of ``bundle`` and the cue policies' grilles over seeds 1–``seeds``."""
    scenarios: dict[str, CueShares] = {}
    total = CueShares()
    for planned in bundle.contacts:
        shares = cue_shares(planned.scenario)
        scenarios[planned.scenario.id] = shares
        total.add(shares)
    ok_counts: dict[str, list[int]] = {}
    ok_competencies: dict[str, dict[str, int]] = {}
    graded = 23
    runs = [(p, s) for p in POLICIES for s in range(1, seeds + 1)]
    runs += [("ideal", s) for s in range(1, min(seeds, IDEAL_SEEDS) + 1)]
    for policy, seed in runs:
        if progress is not None:
            progress(policy, seed)
        verdicts = play_grille(bundle, policy, seed)
        graded = len(verdicts)
        ok = [code for code, verdict in verdicts.items() if verdict == "ok"]
        ok_counts.setdefault(policy, []).append(len(ok))
        per = ok_competencies.setdefault(policy, {})
        for code in ok:
            per[code] = per.get(code, 0) + 1
    result = Analysis(scenarios, total, ok_counts, ok_competencies, graded)
    result.failures = _failures(result)
    return result


def _failures(result: Analysis) -> list[Message]:
    """What the analysis finds wrong, each said in the reader's language where it is shown (``checker``)."""
    failures: list[Message] = []
    share = result.total.share("longest")
    if share > LONGEST_SHARE:
        failures.append(
            Message(
                N_("the longest reply is right in {share} of the choice points (at most {limit})"),
                share=f"{share:.0%}",
                limit=f"{LONGEST_SHARE:.0%}",
            )
        )
    for cue, counterpart in COUNTERPARTS.items():
        gain = result.mean(cue) - result.mean(counterpart)
        if gain > MAX_CUE_GAIN:
            failures.append(
                Message(
                    N_("'{cue}' gets {mean} OK on average, '{counterpart}' {other}: the cue helps"),
                    cue=cue,
                    mean=f"{result.mean(cue):.1f}",
                    counterpart=counterpart,
                    other=f"{result.mean(counterpart):.1f}",
                )
            )
    worst = max(result.ok_counts.get("longest-reply", [0]))
    if worst > MAX_OK_WITHOUT_TOOLS:
        failures.append(
            Message(
                N_("'longest-reply' (no tools) is OK on {worst} competencies (at most {limit})"),
                worst=worst,
                limit=MAX_OK_WITHOUT_TOOLS,
            )
        )
    if any(result.ok_counts.get("random", [])):
        failures.append(Message(N_("random replies get at least one OK")))
    if any(count != result.competencies for count in result.ok_counts.get("ideal", [])):
        failures.append(
            Message(
                N_("the ideal candidate is not {n}/{n} OK on every seed"), n=result.competencies
            )
        )
    return failures
