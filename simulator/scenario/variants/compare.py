"""How different the forms of an épreuve are: right answers that change between seeds, coverage, durations.

A *right answer* is what a candidate told by yesterday's candidate would repeat: at each choice point
the replies that earn positive evidence (their ids and words) — or, where no reply earns any, the
replies that lose none —, and at each check what it expects
(for a booking, the calendar's free slots and the customer's availability that make a slot right).
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


def _check_answer(scenario: Scenario, check: Any) -> str:
    """A check's right answer: what it expects and, for a booking, where the right slots are.

    An appointment check names a calendar, not a slot: which slot is right follows from the
    calendar's free slots and, unless the check waives it, the customer's availability — a
    variant that moves either changes the answer."""
    expected = check.model_dump(mode="json")
    if expected.get("type") == "appointment_booked":
        agenda = scenario.resources.agenda
        calendars = set(check.calendar_ids)
        expected["free_slots"] = [
            slot.model_dump(mode="json")
            for slot in (agenda.slots if agenda else ())
            if slot.calendar in calendars
        ]
        if check.within_availability:
            expected["availability"] = [
                a.model_dump(mode="json") for a in scenario.persona.availability
            ]
    return _with_facts(scenario, expected)


def right_answers(scenario: Scenario) -> dict[str, str]:
    """Each choice point and check of a scenario → its right answer, as comparable text."""
    found: dict[str, str] = {}
    for node_id, node in scenario.nodes.items():
        replies = node.replies or ()
        if any(r.evidence for r in replies):
            right = [
                (r.id, text_in(r.text, "fr"), r.goto)
                for r in replies
                if any(e.effect == "positive" for e in r.evidence)
            ] or [  # no reply earns credit: the right answer is to avoid those that lose it
                (r.id, text_in(r.text, "fr"), r.goto)
                for r in replies
                if not any(e.effect == "negative" for e in r.evidence)
            ]
            found[f"{scenario.id}/{node_id}"] = _with_facts(scenario, right)
        checks = [*node.expect, *(node.prompt.checks if node.prompt else ())]
        for check in checks:
            found[f"{scenario.id}/{node_id}/{check.id}"] = _check_answer(scenario, check)
    wrap_checks = scenario.wrap_up.note_checks if scenario.wrap_up else []
    for check in [*scenario.checks, *wrap_checks]:
        found[f"{scenario.id}/check:{check.id}"] = _check_answer(scenario, check)
    return found


def differing(first: dict[str, str], second: dict[str, str]) -> tuple[int, int]:
    """How many choice points and checks (of either form) have a right answer that differs, of how many."""
    keys = first.keys() | second.keys()
    return sum(first.get(k) != second.get(k) for k in keys), len(keys)


def difference(first: dict[str, str], second: dict[str, str]) -> float:
    """The share of choice points and checks (of either form) whose right answer differs."""
    differ, count = differing(first, second)
    return differ / count if count else 0.0


@dataclass
class ScenarioSpread:
    """How much one scenario's right answers change between the forms the seeds drew."""

    scenario_id: str
    answers: int  # choice points and checks, in any form
    varying: int  # those whose right answer is not the same in every form drawn
    mean: float  # the mean share of its right answers that differ between two seeds


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
    #: The two seeds whose forms are the closest (the pair behind ``minimum``).
    closest: tuple[int, int] | None = None
    scenarios: list[ScenarioSpread] = field(default_factory=list)
    #: Whether the forms come from the épreuve's assembled table (else from the spreading code).
    assembled: bool = False

    @property
    def median(self) -> float:
        return statistics.median(self.differences) if self.differences else 0.0

    @property
    def minimum(self) -> float:
        return min(self.differences) if self.differences else 0.0

    @property
    def failed(self) -> bool:
        """A form loses a competency, or two seeds share half of their right answers or more."""
        return bool(self.short) or self.minimum < 0.5


def compare_forms(bundle: Any, seeds: Sequence[int]) -> FormsReport:
    """Draw every seed's form of ``bundle`` and compare them pairwise; check each form's coverage."""
    from simulator.scenario.checker.coverage import coverage

    report = FormsReport(list(seeds), {}, assembled=bundle.form_table() is not None)
    report.short_as_written = list(
        coverage([c.scenario for c in bundle.contacts], bundle.epreuve.min_chances).short()
    )
    answers: dict[int, dict[str, dict[str, str]]] = {}  # seed → scenario id → its right answers
    for seed in seeds:
        drawn = bundle.draw(seed)
        report.drawn[seed] = drawn
        scenarios = [c.scenario for c in bundle.with_forms(drawn).contacts]
        answers[seed] = {s.id: right_answers(s) for s in scenarios}
        matrix = coverage(scenarios, bundle.epreuve.min_chances)
        lost = [code for code in matrix.short() if code not in report.short_as_written]
        if lost:
            report.short[seed] = lost
        report.durations[seed] = sum(s.duration_minutes for s in scenarios)
    whole = {
        seed: {k: v for a in per.values() for k, v in a.items()} for seed, per in answers.items()
    }
    closest = None
    for first, second in itertools.combinations(seeds, 2):
        share = difference(whole[first], whole[second])
        report.differences.append(share)
        if closest is None or share < closest[0]:
            closest = (share, (first, second))
    report.closest = closest[1] if closest else None
    report.scenarios = [_spread(c.scenario.id, answers, seeds) for c in bundle.contacts]
    return report


def _spread(
    scenario_id: str, answers: dict[int, dict[str, dict[str, str]]], seeds: Sequence[int]
) -> ScenarioSpread:
    """One scenario's right answers over the seeds' forms (each pair of distinct forms compared once)."""
    counts: dict[str, int] = {}
    forms: dict[str, dict[str, str]] = {}
    for seed in seeds:
        form = answers[seed][scenario_id]
        text = json.dumps(form, sort_keys=True)
        counts[text] = counts.get(text, 0) + 1
        forms.setdefault(text, form)
    keys = set().union(*forms.values()) if forms else set()
    varying = sum(1 for k in keys if len({f.get(k) for f in forms.values()}) > 1)
    pairs = len(seeds) * (len(seeds) - 1) / 2
    total = sum(
        counts[a] * counts[b] * difference(forms[a], forms[b])
        for a, b in itertools.combinations(forms, 2)
    )
    return ScenarioSpread(scenario_id, len(keys), varying, total / pairs if pairs else 0.0)


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
