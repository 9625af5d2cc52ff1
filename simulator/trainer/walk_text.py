"""What ``callsim scenario walk`` prints, in the trainer's language (the ``checker`` catalog)."""

from __future__ import annotations

from simulator.i18n import translator
from simulator.trainer.walk import WalkReport, explain


def report_lines(file: str, report: WalkReport, lang: str) -> list[str]:
    """The walk of one scenario (one form) as the trainer reads it: the counts, then each problem."""
    t = translator("checker", lang)
    counts = {
        "file": file,
        "states": t.n("{n} state", "{n} states", report.states),
        "paths": t.n("{n} complete path", "{n} complete paths", report.paths),
        "endings": ", ".join(f"{k}: {v}" for k, v in sorted(report.endings.items())) or "—",
    }
    lines = [
        t("{file}: {states}, {paths} (with loops); endings: {endings}", **counts)
        if report.looping
        else t("{file}: {states}, {paths}; endings: {endings}", **counts)
    ]
    lines += ["  " + t("dead end: {where}", where=m.to(t)) for m in report.dead_ends]
    lines += ["  " + t("error: {what}", what=m.to(t)) for m in report.exceptions]
    lines += ["  " + t("competency never observed: {code}", code=c) for c in report.never_observed]
    lines += [
        "  " + t("competency never observed positively: {code}", code=c)
        for c in report.never_positive
    ]
    if report.truncated:
        lines.append(
            "  "
            + t.n(
                "walk limited: {n} state not explored (--max-states)",
                "walk limited: {n} states not explored (--max-states)",
                report.truncated,
            )
        )
    return lines


def stopped_line(file: str, exc: BaseException, lang: str) -> str:
    """The walk of ``file`` could not even run: what stopped it."""
    t = translator("checker", lang)
    return t("{file}: the walk stopped on an error: {error}", file=file, error=explain(exc, lang))


def form_name(file: str, label: str, lang: str) -> str:
    """How one form of a scenario with variants is named in the report (after its alternatives)."""
    return translator("checker", lang)("{file} [variant {label}]", file=file, label=label)
