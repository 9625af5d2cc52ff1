"""What ``callsim scenario test`` prints, in the trainer's language (the ``checker`` catalog)."""

from __future__ import annotations

from simulator.i18n import Translator, translator
from simulator.trainer.plans import PlanFileResult, PlanResult


def failure_texts(result: PlanResult, lang: str) -> list[str]:
    """The differences of one plan, each in ``lang`` (an item of evidence on a line of its own)."""
    t = translator("checker", lang)
    return [failure.to(t) for failure in result.failures]


def heading(result: PlanResult, t: Translator) -> str:
    """The plan's title, and the form it ran on for a scenario with variants."""
    if not result.form:
        return result.title
    return t("{title} [variant {label}]", title=result.title, label=result.form)


def file_lines(outcome: PlanFileResult, lang: str) -> list[str]:
    """One plan file: what stopped it from running, else each plan passed or failed, and why."""
    t = translator("checker", lang)
    passed, failed = t("OK"), t("FAILED")
    width = max(len(passed), len(failed))
    lines = [diagnostic.format(lang) for diagnostic in outcome.diagnostics]
    for result in outcome.results:
        status = (passed if result.ok else failed).ljust(width)
        lines.append(f"{status} {outcome.file} :: {result.plan} — {heading(result, t)}")
        lines += ["      " + text.replace("\n", "\n      ") for text in failure_texts(result, lang)]
    return lines


def summary_line(passed: int, failed: int, lang: str) -> str:
    """How many plans passed and how many failed (a plan file that cannot run counts as failed)."""
    t = translator("checker", lang)
    return ", ".join(
        (t.n("{n} passed", "{n} passed", passed), t.n("{n} failed", "{n} failed", failed))
    )
