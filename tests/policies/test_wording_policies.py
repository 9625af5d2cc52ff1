"""The paraphraser (the ideal's meaning in other words) and the keyword-stuffer (the right words in
rude or refusing sentences) on the practice épreuve: a reader of meaning tells them apart."""

from __future__ import annotations

import pytest

from tests.scoring.scoring_support import practice, simulated, simulated_grille, verdicts


def _typed_text_codes(grille):
    return sorted(
        {c["code"] for c in grille["competencies"] for e in c["evidence"] if e["source"] == "text"}
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_the_paraphraser_gets_the_ideal_candidates_verdicts(seed):
    assert verdicts(simulated_grille(practice(), "paraphraser", seed)) == verdicts(
        simulated_grille(practice(), "ideal", seed)
    )


def _typed(policy):
    actions = [
        dict(e.payload)["action"] for e in simulated(practice(), policy, 1)[1] if e.type == "action"
    ]
    return [a.get("text") or a.get("note") for a in actions if a.get("kind") in ("say", "wrap_up")]


def test_the_paraphraser_really_words_its_texts_differently():
    ideal, own = _typed("ideal"), _typed("paraphraser")
    assert len(own) == len(ideal) >= 4
    assert all(a != b for a, b in zip(ideal, own, strict=True))


def test_the_keyword_stuffer_fails_every_competency_its_typed_texts_evidence():
    grille = simulated_grille(practice(), "keyword-stuffer", 1)
    codes = _typed_text_codes(grille)
    assert {"01.05", "01.09", "02.04", "03.02"} <= set(codes)
    found = verdicts(grille)
    assert {code: found[code] for code in codes} == dict.fromkeys(codes, "nok")
    mails = [e for c in grille["competencies"] if c["code"] == "03.05" for e in c["evidence"]]
    assert mails and all(e["effect"] == "negative" for e in mails)


def test_on_the_standard_epreuve_too():
    from tests.scoring.scoring_support import EPREUVES

    standard = str(EPREUVES / "standard.yaml")
    assert verdicts(simulated_grille(standard, "paraphraser", 1)) == verdicts(
        simulated_grille(standard, "ideal", 1)
    )
    grille = simulated_grille(standard, "keyword-stuffer", 1)
    found = verdicts(grille)
    assert all(found[code] == "nok" for code in _typed_text_codes(grille))


def test_rude_typed_words_fail_handling_the_caller_and_closing_the_contact():
    """An insult or a refusal typed to a caller is a critical failure of 01.04 and of 01.10 (inbound)."""
    grille = simulated_grille(practice(), "keyword-stuffer", 1)
    tone = [
        (c["code"], e)
        for c in grille["competencies"]
        for e in c["evidence"]
        if e["rule"].startswith("tone:")
    ]
    assert {code for code, _e in tone} >= {"01.04", "01.10"}
    assert all(e["effect"] == "negative" and e["critical"] for _code, e in tone)
    assert verdicts(grille)["01.10"] == verdicts(grille)["01.04"] == "nok"
