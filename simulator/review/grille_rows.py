"""A reviewed session's grille as rows to show: each key activity, then its competencies (automatic beside final).

Pure (no Textual): labels and evidence come from ``scoring.reports.view``, the verdicts from the
``SessionReview`` (the scorer's and the assessors' overrides), the aggregation from ``scoring.verdicts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.assessment.model import Override, SessionReview
from scoring.reports.view import activities, verdict_word
from scoring.verdicts import aggregate


@dataclass(frozen=True)
class CompetencyLine:
    """One competency: its verdicts, why the scorer decided so, the events behind it, its latest override."""

    code: str
    label: str
    automatic: str
    final: str
    reason: str
    evidence: tuple[int, ...]
    override: Override | None
    #: Rubric 2: one line per criterion — « kind · criterion : per contact met / not met (seqs) ».
    criteria: tuple[str, ...] = ()
    #: Typed texts the machine was unsure about, not counted until an assessor decides them.
    to_confirm: int = 0

    @property
    def overridden(self) -> bool:
        return self.final != self.automatic


@dataclass(frozen=True)
class ActivityLine:
    """One key activity, its verdict before and after the overrides, and its competencies."""

    code: str
    label: str
    automatic: str
    final: str
    competencies: tuple[CompetencyLine, ...]


def grille_lines(review: SessionReview, lang: str) -> list[ActivityLine]:
    """The three key activities with their competencies; empty when the session is not scored yet."""
    if review.grille is None:
        return []
    final = review.final()
    latest = {item.competency: item for item in review.overrides}
    waiting = {c["code"]: int(c.get("to_confirm", 0)) for c in review.grille["competencies"]}
    lines = []
    for activity in activities(review.grille, lang):
        competencies = tuple(
            CompetencyLine(
                row.code,
                row.label,
                row.verdict,
                final.get(row.code, row.verdict),
                row.reason,
                tuple(sorted({e.seq for e in row.evidence})),
                latest.get(row.code),
                tuple(f"{c.kind_word} · {c.label} : {c.summary(lang)}" for c in row.criteria),
                waiting.get(row.code, 0),
            )
            for row in activity.competencies
        )
        lines.append(
            ActivityLine(
                activity.code,
                activity.label,
                activity.verdict,
                aggregate(c.final for c in competencies),
                competencies,
            )
        )
    return lines


def epreuve_verdicts(review: SessionReview) -> tuple[str, str]:
    """The épreuve's verdict by the scorer and after the overrides (``""`` twice before scoring)."""
    if review.grille is None:
        return "", ""
    final = review.final()
    by_activity: dict[str, list[str]] = {}
    for item in review.grille["competencies"]:
        by_activity.setdefault(item["activity"], []).append(final[item["code"]])
    return str(review.grille["verdict"]), aggregate(
        aggregate(verdicts) for verdicts in by_activity.values()
    )


def word(verdict: str, lang: str) -> str:
    """``OK``, ``NOK``, ``NON OBSERVÉ`` (``—`` when there is no verdict yet)."""
    return verdict_word(verdict, lang) if verdict else "—"
