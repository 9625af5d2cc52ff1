"""Criticals every scenario gets from the engine: a record the contact did not concern, a caller transferred away."""

from __future__ import annotations

from pathlib import Path

from simulator.trainer.plans import run_plan_file

REPO = Path(__file__).resolve().parents[2]


def _plans(name: str) -> dict[str, list]:
    path = next(REPO.glob(f"scenarios/*/{name}.plans.yaml"))
    return {r.plan: r.evidence for r in run_plan_file(path).results}


def _engine(evidence) -> list[tuple[str, str, bool, bool]]:
    return [(e.rule, e.competency, e.positive, e.critical) for e in evidence if e.rule.startswith("ENG-")]


def test_changing_a_namesakes_record_is_a_critical_failure_of_the_database_competency():
    plans = _plans("chauffage-planification-intervention")
    assert _engine(plans["homonyme-et-matin"]) == [("ENG-RECORD-NOT-CONCERNED", "03.02", False, True)]
    assert _engine(plans["modele"]) == []


def test_a_transfer_to_a_service_that_does_not_handle_the_matter_loses_the_caller():
    plans = _plans("hopital-standard-transfert")
    assert _engine(plans["mauvais-service-sans-annonce"]) == [("ENG-TRANSFER-LOST", "01.07", False, True)]
    assert _engine(plans["modele"]) == [] and _engine(plans["bon-service-transfert-non-annonce"]) == []
