"""Cohen's κ and observed agreement on hand-computed tables; the agreement report on hand-built reviews."""

from __future__ import annotations

import pytest

from scoring.assessment.agreement import (
    AUTOMATIC,
    MINIMUM_COMMON_SESSIONS,
    agreement_report,
    assessors_in,
    cohen_kappa,
    observed_agreement,
    rater_pairs,
)
from tests.assessment.review_samples import reviewed, scored


def _pairs(table: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, count in table.items() for _ in range(count)]


def test_kappa_on_a_two_by_two_table():
    """50 sessions, rater A in rows, rater B in columns:

                B ok   B nok
        A ok     20      5     (A: 25 ok)
        A nok    10     15     (A: 25 nok)
                (30)   (20)

    Po = (20 + 15) / 50 = 0.70
    Pe = P(ok) + P(nok) = (25/50 × 30/50) + (25/50 × 20/50) = 0.30 + 0.20 = 0.50
    κ  = (0.70 − 0.50) / (1 − 0.50) = 0.40
    """
    pairs = _pairs({("ok", "ok"): 20, ("ok", "nok"): 5, ("nok", "ok"): 10, ("nok", "nok"): 15})
    assert observed_agreement(pairs) == pytest.approx(0.70)
    assert cohen_kappa(pairs) == pytest.approx(0.40)


def test_kappa_on_three_categories():
    """10 sessions over ok / nok / not_observed (A in rows, B in columns):

                   B ok  B nok  B n.o.
        A ok         4     1      0     (5)
        A nok        1     2      0     (3)
        A n.o.       0     0      2     (2)
                    (5)   (3)    (2)

    Po = (4 + 2 + 2) / 10 = 0.80
    Pe = 0.5 × 0.5 + 0.3 × 0.3 + 0.2 × 0.2 = 0.25 + 0.09 + 0.04 = 0.38
    κ  = (0.80 − 0.38) / (1 − 0.38) = 0.42 / 0.62 = 21/31 ≈ 0.6774
    """
    pairs = _pairs(
        {
            ("ok", "ok"): 4,
            ("ok", "nok"): 1,
            ("nok", "ok"): 1,
            ("nok", "nok"): 2,
            ("not_observed", "not_observed"): 2,
        }
    )
    assert observed_agreement(pairs) == pytest.approx(0.80)
    assert cohen_kappa(pairs) == pytest.approx(21 / 31)


def test_kappa_does_not_depend_on_the_order_of_the_pairs():
    pairs = _pairs(
        {
            ("ok", "ok"): 4,
            ("ok", "nok"): 1,
            ("nok", "ok"): 1,
            ("nok", "nok"): 2,
            ("not_observed", "nok"): 2,
        }
    )
    assert cohen_kappa(pairs) == cohen_kappa(list(reversed(pairs)))


def test_perfect_agreement_over_several_verdicts_is_one():
    pairs = [("ok", "ok"), ("nok", "nok"), ("not_observed", "not_observed"), ("ok", "ok")]
    assert observed_agreement(pairs) == 1.0
    assert cohen_kappa(pairs) == 1.0


def test_agreement_no_better_than_chance_is_zero_and_systematic_disagreement_is_negative():
    """A says ok on all 4, B says ok on 2: Po = 0.5, Pe = 1 × 0.5 = 0.5, κ = 0.
    A and B always opposite on 2 ok / 2 nok each: Po = 0, Pe = 0.5, κ = −1."""
    assert cohen_kappa([("ok", "ok"), ("ok", "ok"), ("ok", "nok"), ("ok", "nok")]) == pytest.approx(
        0.0
    )
    assert cohen_kappa(
        [("ok", "nok"), ("ok", "nok"), ("nok", "ok"), ("nok", "ok")]
    ) == pytest.approx(-1.0)


def test_undefined_cases():
    """No pairs: nothing to say (None). Both raters gave one and the same verdict to every pair: Pe = 1,
    the formula is 0/0; the documented convention is κ = 1 (perfect agreement)."""
    assert cohen_kappa([]) is None and observed_agreement([]) is None
    assert cohen_kappa([("nok", "nok")] * 7) == 1.0


@pytest.fixture(scope="module")
def sessions():
    """Six sessions: A and B reviewed the first five; B changed 01.09 on two of them, A changed 02.04 on one."""
    runs = [
        ("never-confirms", 1),
        ("ideal", 1),
        ("careless", 1),
        ("never-confirms", 2),
        ("ideal", 2),
        ("careless", 2),
    ]
    out = []
    for i, (policy, seed) in enumerate(runs):
        header, _events, grille = scored(policy, seed)
        automatic = {c["code"]: c["verdict"] for c in grille["competencies"]}
        overrides = []
        if i in (0, 3):
            overrides.append(
                ("B", "01.09", "ok" if automatic["01.09"] != "ok" else "nok", "Accord reformulé")
            )
        if i == 1:
            overrides.append(
                (
                    "A",
                    "02.04",
                    "nok" if automatic["02.04"] != "nok" else "ok",
                    "Pas de confirmation",
                )
            )
        out.append(
            reviewed(
                header,
                grille,
                overrides=tuple(overrides),
                reviewers=("A", "B") if i < 5 else ("A",),
            )
        )
    return out


def test_report_compares_two_assessors_on_the_sessions_both_reviewed(sessions):
    report = agreement_report(sessions, "A", "B")
    assert report.sessions == tuple(sorted(r.session_id for r in sessions[:5]))
    assert report.enough and len(report.sessions) == MINIMUM_COMMON_SESSIONS
    rows = {row.code: row for row in report.competencies}
    assert len(rows) == 23 and all(row.n == 5 for row in rows.values())
    assert rows["01.09"].observed == pytest.approx(3 / 5)
    assert rows["02.04"].observed == pytest.approx(4 / 5)
    assert rows["01.01"].observed == 1.0 and rows["01.01"].kappa == 1.0
    assert report.overall.n == 5 * 23
    assert report.overall.observed == pytest.approx((5 * 23 - 3) / (5 * 23))
    verdict_pairs = [
        (r.by_assessor("A")[code], r.by_assessor("B")[code])
        for r in sessions[:5]
        for code in sorted(rows)
    ]
    assert report.overall.kappa == pytest.approx(cohen_kappa(verdict_pairs))


def test_report_against_the_automatic_scorer_counts_only_the_assessors_own_changes(sessions):
    report = agreement_report(sessions, "B", AUTOMATIC)
    rows = {row.code: row for row in report.competencies}
    assert rows["01.09"].observed == pytest.approx(3 / 5)
    assert rows["02.04"].observed == 1.0  # A's change is not B's
    assert len(agreement_report(sessions, "A", AUTOMATIC).sessions) == 6


def test_too_few_common_sessions_is_flagged(sessions):
    report = agreement_report(sessions[:2], "A", "B")
    assert not report.enough and len(report.sessions) == 2
    assert agreement_report(sessions, "A", "nobody").overall.kappa is None


def test_every_pair_of_assessors_then_each_against_the_scorer(sessions):
    assert assessors_in(sessions) == ["A", "B"]
    assert rater_pairs(["A", "B", "C"]) == [
        ("A", "B"),
        ("A", "C"),
        ("B", "C"),
        ("A", AUTOMATIC),
        ("B", AUTOMATIC),
        ("C", AUTOMATIC),
    ]
