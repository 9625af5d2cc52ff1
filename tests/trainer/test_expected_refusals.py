"""Test plans: a step may be expected to be refused (and the plan goes on); an unexpected refusal fails
with the engine's own message; one invalid plan never stops the other plans of its file."""

from __future__ import annotations

import shutil
from pathlib import Path

from simulator.trainer.plans import run_plan_file
from simulator.trainer.plans_text import failure_texts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lang"
NAME = "televente-energie-vente-ou-refus"


def plans_copy(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    shutil.copy(FIXTURES / f"{NAME}.yaml", tmp_path / f"{NAME}.yaml")
    text = (FIXTURES / f"{NAME}.plans.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / f"{NAME}.plans.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def result_of(outcome, plan: str):
    return next(r for r in outcome.results if r.plan == plan)


def test_an_expected_refusal_lets_the_plan_go_on_to_its_end(tmp_path):
    outcome = run_plan_file(plans_copy(tmp_path))
    result = result_of(outcome, "formulaire-incomplet-puis-complete")
    assert result.ok, result.failures
    assert "check:demande-enregistree" in {
        e.rule for e in result.evidence
    }  # the second submit counted


def test_a_refusal_for_another_reason_fails_and_names_both_codes(tmp_path):
    outcome = run_plan_file(plans_copy(tmp_path, ("reason: form_incomplete", "reason: slot_taken")))
    failures = failure_texts(result_of(outcome, "formulaire-incomplet-puis-complete"), "fr")
    assert len(failures) == 1
    assert "« slot_taken »" in failures[0] and "« form_incomplete »" in failures[0]


def test_an_expected_refusal_that_does_not_come_fails(tmp_path):
    # the second submit (of a complete form) is marked as expected to be refused: it is accepted
    outcome = run_plan_file(
        plans_copy(
            tmp_path,
            (
                "      - tool: forms.submit\n        args: {form: passage-tarif-fixe}\n      - choose: recapituler-vente\n"
                "      - choose: conclure\n      - hang_up\n      - wrap_up:\n          outcome: vente\n"
                '          note: "Tarif fixe trois ans accepté, début le {{ facts.debut_contrat | longdate }}."\n'
                "    expect:\n      all_claimed_positive: true\n",
                "      - tool: forms.submit\n        args: {form: passage-tarif-fixe}\n        expect_refused: true\n"
                "      - choose: recapituler-vente\n      - choose: conclure\n      - hang_up\n      - wrap_up:\n"
                "          outcome: vente\n"
                '          note: "Tarif fixe trois ans accepté, début le {{ facts.debut_contrat | longdate }}."\n'
                "    expect:\n      all_claimed_positive: true\n",
            ),
        )
    )
    failures = failure_texts(result_of(outcome, "formulaire-incomplet-puis-complete"), "fr")
    assert failures == [
        "étape 9 (tool: forms.submit, args: form=passage-tarif-fixe) : "
        "un refus était attendu, l'action a été acceptée"
    ]


def test_an_unexpected_refusal_fails_with_the_engine_message_never_a_repr(tmp_path):
    outcome = run_plan_file(
        plans_copy(
            tmp_path, ("        expect_refused: true\n        reason: form_incomplete\n", "")
        )
    )
    failures = failure_texts(result_of(outcome, "formulaire-incomplet-puis-complete"), "fr")
    assert failures[0].startswith(
        "étape 7 (tool: forms.submit, args: form=passage-tarif-fixe) : action refusée — "
    )
    assert "{" not in failures[0] and "'" not in failures[0].split("—")[0]


def test_one_invalid_plan_id_does_not_stop_the_other_plans(tmp_path):
    outcome = run_plan_file(
        plans_copy(tmp_path, ("  - id: refus-code-vente", "  - id: Refus-Code-Vente"))
    )
    assert [d.code for d in outcome.diagnostics] == ["invalid-identifier"]
    assert {r.plan for r in outcome.results} == {
        "vente",
        "refus",
        "vente-sans-formulaire",
        "formulaire-incomplet-puis-complete",
    }
    assert all(r.ok for r in outcome.results)
    assert not outcome.ok  # the invalid plan is still reported
