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
    if fairness.failed:
        unfair = N_(
            "FAILED: the forms are not equally hard (the model candidate must pass every "
            "competency on every form, each flawed one fail the same competencies)."
        )
        lines.append("  " + t(unfair))
    return lines
