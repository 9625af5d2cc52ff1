"""Order rules judge what was said: a transfer announced in the words of a reply counts, whatever its act."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.announce import announces_transfer
from simulator.trainer.plans import run_plan_file

REPO = Path(__file__).resolve().parents[2]
SCENARIO = REPO / "scenarios" / "inbound" / "hopital-standard-transfert.yaml"


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        ("Je vous transfère au secrétariat des consultations de cardiologie, poste 4210.", True),
        ("Je vais vous passer la cardiologie pour le holter.", True),
        ("Ik verbind u door met de dienst cardiologie.", True),
        ("I'm putting you through to the cardiology office.", True),
        ("Un instant…", False),
        ("Je ne vais pas vous transférer, rappelez le 04 367 33 00.", False),
        ("Puisque vous passez à la domiciliation, voici l'offre.", False),
    ],
)
def test_what_announces_a_transfer(text, announced):
    assert announces_transfer(text) is announced


def _fired(tmp_path: Path, steps: list[str]) -> set[str]:
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
    return {e.rule for e in outcome.results[0].evidence}


START = [
    "choose: accueil-complet",
    "choose: ecarter-urgence",
    "choose: reformuler-besoin",
    "choose: donner-numero-facturation",
]


def test_a_reply_that_says_it_puts_the_caller_through_announces_the_transfer(tmp_path):
    # « Je vais vous passer la cardiologie pour le holter » has no act: what it says counts.
    assert "ORD-TRANSFER-UNANNOUNCED" not in _fired(
        tmp_path, [*START, "transfer: secretariat-cardiologie"]
    )


def test_a_promise_followed_by_other_talk_is_no_announcement(tmp_path):
    steps = [*START, "choose: demander-nom-et-numero", "transfer: secretariat-cardiologie"]
    assert "ORD-TRANSFER-UNANNOUNCED" in _fired(tmp_path, steps)
