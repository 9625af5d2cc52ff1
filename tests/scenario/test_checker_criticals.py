"""The checker refuses a critical (éliminatoire) that can never fail, and accepts one that can."""

from __future__ import annotations

from simulator.scenario.checker import check_paths
from tests.scenario.variants import variant

POSITIVE = '{competency: "01.01", effect: positive, because: Accueille et invite le client à préciser sa demande.}'
NEGATIVE = '{competency: "01.01", effect: negative, because: Répond sans écouter la demande.}'


def _codes(path):
    return [(d.severity, d.code) for d in check_paths([path]).diagnostics]


def test_a_critical_on_positive_evidence_cannot_fail_and_is_refused(tmp_path):
    path = variant(
        tmp_path,
        (POSITIVE, POSITIVE.replace("effect: positive,", "effect: positive, critical: true,")),
    )
    assert ("error", "critical-cannot-fail") in _codes(path)


def test_a_critical_on_negative_evidence_is_accepted(tmp_path):
    path = variant(
        tmp_path,
        (NEGATIVE, NEGATIVE.replace("effect: negative,", "effect: negative, critical: true,")),
    )
    assert "critical-cannot-fail" not in {code for _s, code in _codes(path)}
