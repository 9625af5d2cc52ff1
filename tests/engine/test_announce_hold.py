"""Caller told before a hold: what the candidate last said counts, whatever the reply's act."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.announce import announces_hold
from simulator.trainer.plans import run_plan_file

REPO = Path(__file__).resolve().parents[2]
SCENARIO = REPO / "scenarios" / "inbound" / "hopital-standard-transfert.yaml"


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        ("Je vous mets en attente quelques secondes, le temps de vérifier.", True),
        ("Pouvez-vous patienter un instant, s'il vous plaît ?", True),
        ("CHO, ne quittez pas…", True),
        ("Ik zet u even in de wacht.", True),
        ("Wilt u even aan de lijn blijven?", True),
        ("Could you hold on a moment, please?", True),
        ("Centre Hospitalier de l'Ourthe, bonjour, Alex à votre écoute.", False),
        ("Je vais vous orienter. D'abord : est-ce que votre papa a des douleurs ?", False),
        ("Je ne vais pas vous mettre en attente, je vous réponds tout de suite.", False),
    ],
)
def test_what_announces_a_hold(text, announced):
    assert announces_hold(text) is announced


def _evidence(tmp_path: Path, steps: list[str]):
    (tmp_path / SCENARIO.name).write_bytes(SCENARIO.read_bytes())
    lines = "\n".join(f"      - {step}" for step in steps)
    plan = (
        f"callsim: testplan/1\nscenario: {SCENARIO.name}\nplans:\n  - id: essai\n    title: essai\n"
        f"    steps:\n{lines}\n    expect: {{}}\n"
    )
    path = tmp_path / "essai.plans.yaml"
    path.write_text(plan, encoding="utf-8")
    outcome = run_plan_file(path)
    assert not outcome.diagnostics, outcome.diagnostics
    return outcome.results[0].evidence


def test_a_hold_without_a_word_to_the_caller_fails_01_03(tmp_path):
    evidence = _evidence(
        tmp_path, ["choose: accueil-complet", "hold", "resume", "choose: ecarter-urgence"]
    )
    unannounced = [e for e in evidence if e.rule == "ORD-HOLD-UNANNOUNCED"]
    assert [(e.competency, e.effect) for e in unannounced] == [("01.03", "negative")]


def test_a_reply_that_asks_the_caller_to_hold_announces_the_hold_whatever_its_act(tmp_path):
    # « CHO, ne quittez pas… » is a greeting (act: greet): what it says counts.
    evidence = _evidence(
        tmp_path, ["choose: cho-ne-quittez-pas", "hold", "resume", "choose: ecarter-urgence"]
    )
    assert "ORD-HOLD-UNANNOUNCED" not in {e.rule for e in evidence}


def test_an_announcement_followed_by_other_talk_does_not_cover_a_later_hold(tmp_path):
    steps = ["choose: cho-ne-quittez-pas", "choose: ecarter-urgence", "hold"]
    assert "ORD-HOLD-UNANNOUNCED" in {e.rule for e in _evidence(tmp_path, steps)}


def test_each_hold_needs_its_own_warning(tmp_path):
    steps = ["choose: cho-ne-quittez-pas", "hold", "resume", "hold"]
    assert [e.rule for e in _evidence(tmp_path, steps)].count("ORD-HOLD-UNANNOUNCED") == 1
