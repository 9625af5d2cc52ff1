"""The lines of ``callsim epreuve forms`` that go scenario by scenario and policy by policy."""

from __future__ import annotations

from typing import Any

from simulator.i18n import N_, Translator


def percent(share: float, lang: str) -> str:
    """A share as the trainer's language writes a percentage (« 47 % », "47%")."""
    from babel.numbers import format_percent

    return format_percent(share, locale=f"{lang}_BE" if lang in ("fr", "nl") else "en_GB")


def scenario_lines(report: Any, t: Translator) -> list[str]:
    """Per scenario: its right answers, how many change between forms, the mean difference."""
    if not report.scenarios:
        return []
    lines = ["  " + t("right answers that change between the seeds' forms, per scenario:")]
    width = max(len(spread.scenario_id) for spread in report.scenarios)
    for spread in report.scenarios:
        counted = t.n(
            "{varying}/{n} right answer changes",
            "{varying}/{n} right answers change",
            spread.answers,
            varying=spread.varying,
        )
        mean = t("mean difference {share}", share=percent(spread.mean, t.lang))
        lines.append(f"    {spread.scenario_id:<{width}}  {counted}, {mean}")
    return lines


def fairness_lines(fairness: Any, t: Translator) -> list[str]:
    """What the simulated candidates got on every form (``--play``); nothing without it."""
    if fairness is None:
        return []
    forms = len(fairness.seeds)
    lines = ["  " + t("simulated candidates on the forms of {n} seeds:", n=forms)]
    for outcome in fairness.outcomes:
        failing = ", ".join(outcome.as_written) or "—"
        if outcome.policy == "ideal":
            passed = fairness.competencies - len(outcome.as_written)
            text = t(
                "{policy}: {passed}/{total} competencies passed as written; forms that differ: {n}",
                policy=outcome.policy,
                passed=passed,
                total=fairness.competencies,
                n=len(outcome.deviations),
            )
        else:
            text = t(
                "{policy}: fails {codes} as written; forms that differ: {n}",
                policy=outcome.policy,
                codes=failing,
                n=len(outcome.deviations),
            )
        lines.append("    " + text)
        for seed, codes in list(outcome.deviations.items())[:5]:
            other = N_("seed {seed}: fails {codes}")
            lines.append("      " + t(other, seed=seed, codes=", ".join(codes) or "—"))
    lines += _work_lines(fairness, t)
    if fairness.failed:
        unfair = N_(
            "FAILED: the forms are not equally hard (the model candidate must pass every "
            "competency on every form, each flawed one fail the same competencies)."
        )
        lines.append("  " + t(unfair))
    return lines


def _work_lines(fairness: Any, t: Translator) -> list[str]:
    """The model candidate's working time over the forms: the épreuve, then each contact."""
    if not fairness.work:
        return []
    low, high = (round(seconds / 60) for seconds in fairness.total_work)
    whole = N_("the model candidate's working time per form: from {low} to {high} minutes")
    lines = ["  " + t(whole, low=low, high=high)]
    for scenario_id, (least, most) in fairness.work.items():
        each = N_("{scenario}: from {low} to {high} minutes")
        lines.append(
            "    " + t(each, scenario=scenario_id, low=round(least / 60), high=round(most / 60))
        )
    return lines
