"""How different the forms of an épreuve are: right answers that change between seeds, coverage, durations.

A *right answer* is what a candidate told by yesterday's candidate would repeat: at each choice point
the replies that earn positive evidence (their ids and words), and at each check what it expects.
The facts a right answer names (``{{ facts.rdv_date }}``) are part of it: a variant that moves the
appointment changes the answer even when the words of the reply stay the same.
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from simulator.scenario.models import Scenario, text_in

_FACT = re.compile(r"facts\.([A-Za-z0-9_]+)")


def _with_facts(scenario: Scenario, item: Any) -> str:
    """``item`` as stable text, followed by the value of every fact it names."""
    text = json.dumps(item, ensure_ascii=False, sort_keys=True, default=str)
    named = sorted(set(_FACT.findall(text)))
    return text + json.dumps({name: scenario.facts.get(name) for name in named}, ensure_ascii=False)


def right_answers(scenario: Scenario) -> dict[str, str]:
    """Each choice point and check of a scenario → its right answer, as comparable text."""
    found: dict[str, str] = {}
    for node_id, node in scenario.nodes.items():
        graded = [r for r in node.replies or () if r.evidence]
        if graded:
            right = [
                (r.id, text_in(r.text, "fr"), r.goto)
                for r in graded
                if any(e.effect == "positive" for e in r.evidence)
            ]
            found[f"{scenario.id}/{node_id}"] = _with_facts(scenario, right)
        checks = [*node.expect, *(node.prompt.checks if node.prompt else ())]
        for check in checks:
            found[f"{scenario.id}/{node_id}/{check.id}"] = _with_facts(
                scenario, check.model_dump(mode="json")
            )
    wrap_checks = scenario.wrap_up.note_checks if scenario.wrap_up else []
    for check in [*scenario.checks, *wrap_checks]:
        found[f"{scenario.id}/check:{check.id}"] = _with_facts(
            scenario, check.model_dump(mode="json")
        )
    return found


def difference(first: dict[str, str], second: dict[str, str]) -> float:
    """The share of choice points and checks (of either form) whose right answer differs."""
    keys = set(first) | set(second)
    if not keys:
        return 0.0
    return sum(first.get(k) != second.get(k) for k in keys) / len(keys)


@dataclass
class FormsReport:
    """The forms of an épreuve over some seeds."""

    seeds: list[int]
    drawn: dict[int, dict[str, dict[str, str]]]
    differences: list[float] = field(default_factory=list)
    short: dict[int, list[str]] = field(default_factory=dict)  # seed → competencies its form loses
    #: Competencies the épreuve as written already lacks (``callsim epreuve coverage`` reports them).
    short_as_written: list[str] = field(default_factory=list)
    durations: dict[int, int] = field(default_factory=dict)  # seed → minutes of all its contacts

    @property
    def median(self) -> float:
        return statistics.median(self.differences) if self.differences else 0.0

    @property
    def minimum(self) -> float:
        return min(self.differences) if self.differences else 0.0

    @property
    def failed(self) -> bool:
        return bool(self.short) or self.median < 0.5


def compare_forms(bundle: Any, seeds: Sequence[int]) -> FormsReport:
    """Draw every seed's form of ``bundle`` and compare them pairwise; check each form's coverage."""
    from simulator.scenario.checker.coverage import coverage

    report = FormsReport(list(seeds), {})
    report.short_as_written = list(
        coverage([c.scenario for c in bundle.contacts], bundle.epreuve.min_chances).short()
    )
    answers: dict[int, dict[str, str]] = {}
    for seed in seeds:
        drawn = bundle.draw(seed)
        report.drawn[seed] = drawn
        scenarios = [c.scenario for c in bundle.with_forms(drawn).contacts]
        answers[seed] = {k: v for s in scenarios for k, v in right_answers(s).items()}
        matrix = coverage(scenarios, bundle.epreuve.min_chances)
        lost = [code for code in matrix.short() if code not in report.short_as_written]
        if lost:
            report.short[seed] = lost
        report.durations[seed] = sum(s.duration_minutes for s in scenarios)
    cache: dict[tuple[str, str], float] = {}
    for first, second in itertools.combinations(seeds, 2):
        low, high = sorted(
            (
                json.dumps(report.drawn[first], sort_keys=True),
                json.dumps(report.drawn[second], sort_keys=True),
            )
        )
        pair = (low, high)
        if pair not in cache:
            cache[pair] = difference(answers[first], answers[second])
        report.differences.append(cache[pair])
    return report


def parse_seeds(text: str) -> list[int]:
    """``1-100``, ``3,7,10-12`` → the seeds, in order, each once; ValueError on anything else."""
    seeds: list[int] = []
    for part in text.split(","):
        low, dash, high = part.strip().partition("-")
        first, last = int(low), int(high) if dash else int(low)
        if last < first or last - first > 100_000:
            raise ValueError(part)
        seeds.extend(range(first, last + 1))
    return list(dict.fromkeys(seeds))
