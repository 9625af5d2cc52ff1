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


def _contact(name: str):
    import datetime as dt

    from simulator.engine.bundle import single_scenario_bundle
    from simulator.engine.contact import ContactRuntime

    scenario = single_scenario_bundle(next(REPO.glob(f"scenarios/*/{name}.yaml"))).contacts[0].scenario
    return ContactRuntime(scenario, seed=1, today=dt.date(2026, 3, 2), lang="fr", agent_name="Alex")


def test_reading_another_customers_data_to_the_caller_is_a_critical_failure():
    from simulator.engine.contact import Line
    from simulator.engine.criticals import engine_criticals

    contact = _contact("energie-contestation-facture")
    rows = contact.box.customer_db.snapshot()["initial"]
    target = next(r for r in rows if r["role"] == "target")
    other = next(r for r in rows if r["role"] != "target" and r["mobile"] and r["mobile"] != target["mobile"])
    contact.lines.append(Line("agent", f"Je vous confirme votre GSM : {target['mobile']}."))
    assert [e.rule for e in engine_criticals(contact)] == []
    contact.lines.append(Line("agent", f"Ah non, c'est le {other['mobile'].replace(' ', '.')}, pardon."))
    found = engine_criticals(contact)
    assert [(e.rule, e.competency, e.positive, e.critical) for e in found] == [("ENG-DATA-TO-ANOTHER", "01.02", False, True)]
    assert f"({other['record_id']} " in found[0].explanation["fr"]
