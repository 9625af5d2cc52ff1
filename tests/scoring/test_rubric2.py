"""Rubric 2: criteria of four kinds, judged per contact then across the épreuve, as a jury does."""

from __future__ import annotations

import pytest

from scoring.criteria_grille import criteria_competencies
from scoring.rubric_file import RubricError, default_rubric, rubric_from_bytes, shipped_rubric
from tests.scoring.scoring_support import EPREUVES, simulated_grille

STANDARD = str(EPREUVES / "standard.yaml")


def _entry(seq, contact, rule, source, positive=True, critical=False, **extra):
    return {
        "seq": seq,
        "contact": contact,
        "effect": "positive" if positive else "negative",
        "critical": critical,
        "rule": rule,
        "source": source,
        "explanation": {},
        **extra,
    }


def _judge(entries, mode="practice", code="01.05", others=()):
    """Judge ``code`` on ``entries``; ``others`` are (code, entry) observations of other competencies."""
    by_code = {code: [(e["seq"], n, e) for n, e in enumerate(entries)]}
    for other, entry in others:
        by_code.setdefault(other, []).append((entry["seq"], 0, entry))
    for competency in criteria_competencies(by_code, default_rubric(), mode, ["a", "b", "c"]):
        if competency["code"] == code:
            return competency
    raise AssertionError(code)


def test_the_default_rubric_is_version_2_and_version_1_stays_loadable():
    assert default_rubric().identity()["version"] == "2.0.0" and default_rubric().is_criteria
    assert shipped_rubric("1").version == "1.0.0" and not shipped_rubric("1").is_criteria


def test_every_competency_has_criteria_in_three_languages():
    from simulator.referentiel import get_referentiel

    rubric = default_rubric().rubric
    for code in get_referentiel().codes:
        criteria = rubric.competencies[code].criteria
        assert criteria and all(c.label.fr and c.label.en and c.label.nl for c in criteria)


def test_one_wrong_stored_value_is_not_outvoted_by_the_words():
    words = [_entry(n, "a", f"reply:n{n}/r1", "reply") for n in range(1, 8)]
    judged = _judge([*words, _entry(9, "a", "check:postcode", "tool", positive=False)])
    assert judged["verdict"] == "nok" and judged["contacts"][0]["code"] == "deed"
    deed = next(c for c in judged["criteria"] if c["kind"] == "deed")
    assert deed["contacts"][0] == {"contact": "a", "status": "not_met", "seqs": [9]}


def test_a_critical_failure_decides_nok_whatever_else_happened():
    good = [_entry(n, c, "check:ok", "tool") for n, c in ((1, "a"), (2, "b"), (3, "c"))]
    judged = _judge([*good, _entry(4, "b", "ENG-COLLATERAL-RECORD", "tool", positive=False)])
    assert judged["verdict"] == "nok" and judged["reason"]["code"] == "critical"


def test_words_need_a_majority_in_a_contact_and_the_exam_needs_two_ok_contacts():
    tie = [
        _entry(1, "a", "reply:x/1", "reply"),
        _entry(2, "a", "reply:x/2", "reply", positive=False),
    ]
    assert _judge(tie, code="01.01")["verdict"] == "nok"
    mixed = [*tie, _entry(3, "a", "reply:x/3", "reply")]
    assert _judge(mixed, code="01.01")["verdict"] == "ok"
    assert _judge(mixed, mode="exam", code="01.01")["verdict"] == "not_observed"
    assert (
        _judge([*mixed, _entry(4, "b", "reply:y/1", "reply")], mode="exam", code="01.01")["verdict"]
        == "ok"
    )


def test_an_aborted_contact_fails_only_what_the_rubric_names():
    hung_up = [("01.10", _entry(2, "a", "ORD-HUNG-UP-ON-CALLER", "order", positive=False))]
    complaint = _judge(
        [_entry(2, "a", "ORD-ABANDONED-COMPLAINT", "order", positive=False)],
        code="01.04",
        others=hung_up,
    )
    assert complaint["verdict"] == "nok" and complaint["contacts"][0] == {
        "contact": "a",
        "verdict": "nok",
        "code": "conduct",
        "seqs": [2],
    }
    record = _judge(
        [
            _entry(1, "a", "reply:accueil/r1", "reply"),
            _entry(3, "a", "check:fiche-corrigee", "tool", positive=False),
        ],
        code="01.05",
        others=hung_up,
    )
    assert record["verdict"] == "not_observed" and record["contacts"][0]["code"] == "cut-short"
    assert [e["status"] for e in record["evidence"] if e["seq"] == 3] == ["unobserved"]
    elsewhere = [_entry(4, "b", "check:fiche-corrigee", "tool")]
    assert (
        _judge(
            [*elsewhere, _entry(3, "a", "check:fiche-corrigee", "tool", positive=False)],
            code="01.05",
            others=hung_up,
        )["verdict"]
        == "ok"
    )
    absent = _judge(
        [_entry(3, "a", "check:pas-de-transfert", "tool")], code="01.07", others=hung_up
    )
    assert absent["verdict"] == "not_observed"
    closing = _judge([], code="01.10", others=hung_up)
    assert closing["verdict"] == "nok" and closing["reason"]["code"] == "critical"


def test_one_fault_one_negative_the_grille_shows_which_observation_stands_for_it():
    entries = [
        _entry(5, "a", "text:recap/date", "text", positive=False),
        _entry(8, "a", "ORD-CLOSE-BEFORE-AGREEMENT", "order", positive=False),
    ]
    judged = _judge(entries, code="01.09")
    order = next(e for e in judged["evidence"] if e["rule"] == "ORD-CLOSE-BEFORE-AGREEMENT")
    assert order["status"] == "duplicate" and order["stands_for"] == 5 and judged["negative"] == 1


def test_unsure_evidence_is_never_counted_and_shows_to_confirm():
    judged = _judge(
        [_entry(1, "a", "text:recap/date", "text", positive=False, unsure=True)], code="01.09"
    )
    assert judged["verdict"] == "not_observed" and judged["reason"]["code"] == "to-confirm"
    assert {c["contacts"][0]["status"] for c in judged["criteria"] if c["contacts"][0]["seqs"]} == {
        "to_confirm"
    }


def test_a_rubric_2_naming_an_unknown_competency_is_a_positioned_error():
    raw = shipped_bytes().replace(b'"03.05":', b'"03.99":')
    with pytest.raises(RubricError) as caught:
        rubric_from_bytes(raw, "r2.yaml")
    assert any("[unknown-competency]" in d.format("en") for d in caught.value.diagnostics)


def shipped_bytes() -> bytes:
    from importlib import resources

    return resources.files("scoring").joinpath("rubrics/criteres.yaml").read_bytes()


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_ideal_is_23_of_23_on_the_standard_epreuve(seed):
    grille = simulated_grille(STANDARD, "ideal", seed)
    assert grille["rubric"]["version"] == "2.0.0" and grille["counts"] == {
        "ok": 23,
        "nok": 0,
        "not_observed": 0,
    }


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_never_confirms_is_nok_exactly_on_confirming_the_agreement(seed):
    grille = simulated_grille(STANDARD, "never-confirms", seed)
    assert {c["code"] for c in grille["competencies"] if c["verdict"] != "ok"} == {"01.09", "02.04"}


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_careless_is_nok_on_most_competencies(seed):
    assert simulated_grille(STANDARD, "careless", seed)["counts"]["nok"] >= 18


def test_a_journal_scored_with_rubric_1_rescored_with_rubric_2_records_each_version():
    from scoring.score import score
    from simulator.journal.jsonl import read_jsonl
    from tests.scoring.scoring_support import GOLDEN

    doc = read_jsonl(GOLDEN / "never-confirms-seed3.jsonl")
    old, new = (
        score(doc.header, list(doc.events), rubric)
        for rubric in (shipped_rubric("1"), default_rubric())
    )
    assert (old["rubric"]["version"], new["rubric"]["version"]) == ("1.0.0", "2.0.0")
    changed = {c["code"]: c for c in new["competencies"]}
    assert {code for code, c in changed.items() if c["verdict"] == "nok"} == {"01.09", "02.04"}
    for code in (
        "01.09",
        "02.04",
    ):  # the close-before-agreement rule is the recap's fault, counted once
        closing = [
            e for e in changed[code]["evidence"] if e["rule"] == "ORD-CLOSE-BEFORE-AGREEMENT"
        ]
        assert closing and all(
            e["status"] == "duplicate" and e["stands_for"] < e["seq"] for e in closing
        )


def test_a_rubric_2_without_a_generic_label_for_every_kind_is_refused():
    import re

    raw = re.sub(rb"\n  conduct: \{fr: \"Les actions[^\n]*", b"", shipped_bytes())
    with pytest.raises(RubricError) as caught:
        rubric_from_bytes(raw, "r2.yaml")
    assert any("missing conduct" in d.format("en") for d in caught.value.diagnostics)


def test_an_offer_before_the_need_counts_once_when_the_offer_itself_was_already_negative():
    entries = [
        _entry(4, "a", "reply:plainte/vendre-d-emblee", "reply", positive=False),
        _entry(4, "a", "ORD-OFFER-BEFORE-NEED", "order", positive=False),
        _entry(9, "a", "ORD-OFFER-BEFORE-NEED", "order", positive=False),
    ]
    judged = _judge(entries, code="01.08")
    statuses = [
        (e["seq"], e.get("status", "counted")) for e in judged["evidence"] if e["source"] == "order"
    ]
    assert statuses == [(4, "duplicate"), (9, "counted")] and judged["negative"] == 2
