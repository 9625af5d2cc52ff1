"""Verdicts: one competency's observations → OK / NOK / not observed under a rule, and how verdicts aggregate.

The outcome never depends on the order of the observations, only on how many there are, how many
are positive, and whether one is a critical negative.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scoring.rubric import EffectiveRule
from simulator.i18n import Message, written_out

OK, NOK, NOT_OBSERVED = "ok", "nok", "not_observed"
_EPSILON = 1e-9  # 0.7 × 10 is 7.000000000000001 in floating point
VERDICTS: tuple[str, ...] = (OK, NOK, NOT_OBSERVED)


@dataclass(frozen=True)
class Tally:
    """How many observations a competency has, how many positive, how many critical negatives."""

    positive: int = 0
    negative: int = 0
    critical: int = 0

    @property
    def observations(self) -> int:
        return self.positive + self.negative


@dataclass(frozen=True)
class Decision:
    """A verdict and why (``code`` is stable for tools; ``why`` is written out where it is stored)."""

    verdict: str
    code: str
    why: Message

    def reason(self) -> dict[str, str]:
        """The reason as grilles keep it: the code, then the text in French and English."""
        return {"code": self.code, **written_out(self.why, "engine")}


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def decide(tally: Tally, rule: EffectiveRule) -> Decision:
    """The verdict of one competency: critical negative → NOK; too few → not observed; else by share."""
    n, p = tally.observations, tally.positive
    if tally.critical and rule.critical_negative == "nok":
        return Decision(NOK, "critical", Message("{n} critical failure(s)", n=tally.critical))
    if n < rule.minimum_observations:
        need = rule.minimum_observations
        return Decision(
            NOT_OBSERVED,
            "too-few",
            Message("{n}/{need} observation(s): to be decided", n=n, need=need),
        )
    threshold = _percent(rule.minimum_positive_share)
    verdict = OK if p >= rule.minimum_positive_share * n - _EPSILON else NOK
    return Decision(
        verdict,
        "share",
        Message("{p}/{n} positive, threshold {threshold}", p=p, n=n, threshold=threshold),
    )


def aggregate(verdicts: Iterable[str]) -> str:
    """All OK → OK; any NOK → NOK; otherwise (some not observed, none NOK) → not observed."""
    seen = set(verdicts)
    if NOK in seen:
        return NOK
    if NOT_OBSERVED in seen or not seen:
        return NOT_OBSERVED
    return OK


def counts(verdicts: Iterable[str]) -> dict[str, int]:
    """How many of each verdict, in the fixed order ok, nok, not_observed."""
    listed = list(verdicts)
    return {v: listed.count(v) for v in VERDICTS}
