"""The scorer (rubric 2) agrees with the jury on the golden sessions: ≥ 95 % of verdicts and Cohen's κ ≥ 0.9.

The jury's verdicts in ``golden/*.yaml`` were written before the scorer was run on them. When
they disagree, the rubric or the engine is fixed, never the golden verdict.
"""

from __future__ import annotations

import functools

import pytest

from scoring.assessment.agreement import cohen_kappa, observed_agreement
from simulator.referentiel import get_referentiel
from tests.calibration.calibration_support import golden_files, jury_verdicts, load, scorer_verdicts

PROFILES = {
    "excellent-own-words",
    "careless",
    "right-words-wrong-tools",
    "harm-other-customer-data",
    "hangs-up-on-angry-caller",
    "never-confirms",
    "useless-notes",
    "gives-in-to-objections",
    "average",
}


@functools.cache
def _pairs() -> tuple[tuple[str, str, str, str], ...]:
    """(session, competency, jury, scorer) for every competency of every golden session."""
    rows = []
    for path in golden_files():
        doc = load(path)
        jury, scorer = jury_verdicts(doc), scorer_verdicts(doc)
        rows += [(path.stem, code, jury[code], scorer[code]) for code in get_referentiel().codes]
    return tuple(rows)


def test_the_calibration_set_covers_the_jury_profiles_over_several_scenarios():
    docs = [load(path) for path in golden_files()]
    assert len(docs) >= 12 and all(len(doc["contacts"]) >= 3 for doc in docs)
    assert {doc["profile"] for doc in docs} >= PROFILES
    for doc in docs:
        for code, item in (doc.get("jury") or {}).items():
            assert item["verdict"] in ("ok", "nok", "not_observed") and item["reason"].strip(), code


@pytest.mark.slow
def test_the_scorer_agrees_with_the_jury():
    pairs = [(jury, scorer) for _s, _c, jury, scorer in _pairs()]
    disagreements = [f"{s} {c}: jury {j}, scorer {a}" for s, c, j, a in _pairs() if j != a]
    agreement, kappa = observed_agreement(pairs), cohen_kappa(pairs)
    assert agreement is not None and kappa is not None
    assert agreement >= 0.95 and kappa >= 0.9, (agreement, kappa, disagreements)


@pytest.mark.parametrize("verdict", ["nok", "ok"])
def test_the_jury_verdicts_are_not_one_sided(verdict):
    assert sum(jury == verdict for _s, _c, jury, _a in _pairs()) >= 40
