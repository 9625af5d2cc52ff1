"""Test plans: scripted paths with expected evidence; a failing plan shows a readable difference."""

from __future__ import annotations

from pathlib import Path

from simulator.cli import main
from simulator.trainer.plans import run_plan_file
from simulator.trainer.plans_text import failure_texts

SCENARIO = Path("scenarios/inbound/maison-lumiere-livraison.yaml").resolve()

GOOD = """\
callsim: testplan/1
scenario: {scenario}
plans:
  - id: courtois-mais-sans-recap
    title: Accueil correct puis clôture sans récapitulatif
    seed: 3
    steps:
      - choose: accueil-complet
      - choose: reconnaitre-et-demander
      - tool: customer_db.search
        args: {{query: "{{{{ customer.last_name }}}}"}}
      - tool: customer_db.open
        args: {{record: "{{{{ records.target }}}}"}}
      - choose: consulter-le-dossier
      - choose: colis-revenu-verifier-adresse
      - choose: expliquer-l-erreur
      - choose: reexpedier
      - say: "C'est réglé."
      - choose: au-revoir-sec
      - hang_up
      - wrap_up: {{outcome: reexpedition, note: ""}}
    expect:
      competencies:
        "01.04": positive
        "01.09": negative
        "01.05": negative
      rules: [ORD-WRAP-UP-EMPTY, ORD-CLOSE-BEFORE-AGREEMENT, "expect:verification/bon-dossier-ouvert"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cas.plans.yaml"
    path.write_text(text.format(scenario=SCENARIO), encoding="utf-8")
    return path


def test_a_plan_that_matches_passes(tmp_path):
    outcome = run_plan_file(write(tmp_path, GOOD))
    assert outcome.diagnostics == []
    assert [r.failures for r in outcome.results] == [[]]


def test_a_wrong_expectation_gives_a_readable_difference(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace('"01.09": negative', '"01.09": positive'))
    outcome = run_plan_file(path)
    failure = failure_texts(outcome.results[0], "fr")[0]
    assert failure.startswith("01.09 : attendu positive, obtenu negative")
    assert "text:reformulation/recap-date" in failure and "manque" in failure
    assert main(["scenario", "test", str(path)]) == 1
    assert "ÉCHEC" in capsys.readouterr().out


def test_a_step_the_scenario_does_not_allow_is_reported(tmp_path):
    # "reexpedier" is a reply of a later node: the plan file checks clean, the step is refused here.
    outcome = run_plan_file(
        write(tmp_path, GOOD.replace("choose: consulter-le-dossier", "choose: reexpedier"))
    )
    assert outcome.diagnostics == []
    assert any("action refusée" in f for f in failure_texts(outcome.results[0], "fr"))


def test_a_broken_plan_file_gives_positioned_diagnostics(tmp_path):
    outcome = run_plan_file(write(tmp_path, GOOD.replace("    seed: 3\n", "    seed: trois\n")))
    assert outcome.diagnostics and outcome.diagnostics[0].line == 6
