"""Agreement between two raters of the same sessions: observed agreement and Cohen's κ, per competency and overall.

A rater is an assessor (what they stand behind: ``SessionReview.by_assessor(name)``) or the
automatic scorer (``AUTOMATIC``: ``SessionReview.automatic()``). Two raters are compared on the
sessions both reviewed — the scorer "reviewed" every scored session — over the three verdicts
ok, nok and not_observed.

Cohen's κ = (Po − Pe) / (1 − Pe), where Po is the share of pairs on which the raters agree and
Pe the agreement expected by chance from each rater's own distribution of verdicts. Convention
when Pe = 1 (both raters gave one and the same verdict to every pair, so Po = 1 as well): κ = 1.0,
perfect agreement, rather than the undefined 0/0. With no pairs at all κ is ``None``. Computed
with exact fractions, so the same pairs always give the same float.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from scoring.assessment.model import SessionReview

#: The name that stands for the automatic scorer among the raters.
AUTOMATIC = "auto"

#: Below this many sessions rated by both, a κ says nothing: the report says so instead.
MINIMUM_COMMON_SESSIONS = 5

#: The verdicts compared.
CATEGORIES: tuple[str, ...] = ("ok", "nok", "not_observed")


def observed_agreement(pairs: Sequence[tuple[str, str]]) -> float | None:
    """The share of pairs on which both raters gave the same verdict (``None`` without pairs)."""
    if not pairs:
        return None
    return float(_observed(pairs))


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's κ of (first rater, second rater) verdict pairs; ``None`` without pairs, 1.0 when Pe = 1."""
    if not pairs:
        return None
    observed = _observed(pairs)
    n = len(pairs)
    first = Counter(a for a, _b in pairs)
    second = Counter(b for _a, b in pairs)
    expected = sum((Fraction(first[c], n) * Fraction(second[c], n) for c in first), Fraction(0))
    if expected == 1:
        return 1.0
    return float((observed - expected) / (1 - expected))


def _observed(pairs: Sequence[tuple[str, str]]) -> Fraction:
    return Fraction(sum(a == b for a, b in pairs), len(pairs))


@dataclass(frozen=True)
class AgreementRow:
    """Agreement on one competency (``code``), or overall (``code`` is ``""``): pairs compared, Po, κ."""

    code: str
    n: int
    observed: float | None
    kappa: float | None


@dataclass(frozen=True)
class AgreementReport:
    """Two raters compared on the sessions both reviewed, competency by competency and overall."""

    first: str
    second: str
    sessions: tuple[str, ...]
    competencies: tuple[AgreementRow, ...]
    overall: AgreementRow

    @property
    def enough(self) -> bool:
        """Whether enough sessions were rated by both for κ to mean something."""
        return len(self.sessions) >= MINIMUM_COMMON_SESSIONS


def verdicts_of(review: SessionReview, rater: str) -> dict[str, str]:
    """What ``rater`` (an assessor's name or ``AUTOMATIC``) stands behind on this session."""
    return review.automatic() if rater == AUTOMATIC else review.by_assessor(rater)


def has_rated(review: SessionReview, rater: str) -> bool:
    """The scorer rated every scored session; an assessor, the sessions they marked reviewed."""
    if review.grille is None:
        return False
    return rater == AUTOMATIC or rater in review.reviewed_by


def agreement_report(reviews: Iterable[SessionReview], first: str, second: str) -> AgreementReport:
    """Compare ``first`` and ``second`` on every session both rated (sessions in id order)."""
    common = sorted(
        (r for r in reviews if has_rated(r, first) and has_rated(r, second)),
        key=lambda r: r.session_id,
    )
    by_code: dict[str, list[tuple[str, str]]] = {}
    for review in common:
        mine, theirs = verdicts_of(review, first), verdicts_of(review, second)
        for code in sorted(set(mine) & set(theirs)):
            by_code.setdefault(code, []).append((mine[code], theirs[code]))
    rows = tuple(_row(code, pairs) for code, pairs in sorted(by_code.items()))
    everything = [pair for _code, pairs in sorted(by_code.items()) for pair in pairs]
    return AgreementReport(
        first, second, tuple(r.session_id for r in common), rows, _row("", everything)
    )


def _row(code: str, pairs: Sequence[tuple[str, str]]) -> AgreementRow:
    return AgreementRow(code, len(pairs), observed_agreement(pairs), cohen_kappa(pairs))


def assessors_in(reviews: Iterable[SessionReview]) -> list[str]:
    """Every assessor who marked at least one session reviewed, in name order."""
    return sorted({name for review in reviews for name in review.reviewed_by})


def rater_pairs(assessors: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair of assessors, then each assessor against the automatic scorer."""
    pairs = [(a, b) for i, a in enumerate(assessors) for b in assessors[i + 1 :]]
    return pairs + [(a, AUTOMATIC) for a in assessors]
