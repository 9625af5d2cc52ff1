"""Criticals every scenario gets from the engine: a record the contact did not concern, a caller transferred away,
another person's data given away, a debt or a medical matter told to a third party."""

from __future__ import annotations

from pathlib import Path

from simulator.trainer.plans import run_plan_file

REPO = Path(__file__).resolve().parents[2]


def _plans(name: str) -> dict[str, list]:
    path = next(REPO.glob(f"scenarios/*/{name}.plans.yaml"))
    return {r.plan: r.evidence for r in run_plan_file(path).results}


def _engine(evidence) -> list[tuple[str, str, bool, bool]]:
    return [
        (e.rule, e.competency, e.positive, e.critical)
        for e in evidence
        if e.rule.startswith("ENG-")
    ]


def test_changing_a_namesakes_record_is_a_critical_failure_of_the_database_competency():
    plans = _plans("chauffage-planification-intervention")
    assert _engine(plans["homonyme-et-matin"]) == [
        ("ENG-RECORD-NOT-CONCERNED", "03.02", False, True)
    ]
    assert _engine(plans["modele"]) == []


def test_a_transfer_to_a_service_that_does_not_handle_the_matter_loses_the_caller():
    plans = _plans("hopital-standard-transfert")
    assert _engine(plans["mauvais-service-sans-annonce"]) == [
        ("ENG-TRANSFER-LOST", "01.07", False, True)
    ]
    assert (
        _engine(plans["modele"]) == [] and _engine(plans["bon-service-transfert-non-annonce"]) == []
    )


def _contact(name: str):
    import datetime as dt

    from simulator.engine.bundle import single_scenario_bundle
    from simulator.engine.contact import ContactRuntime

    scenario = (
        single_scenario_bundle(next(REPO.glob(f"scenarios/*/{name}.yaml"))).contacts[0].scenario
    )
    return ContactRuntime(scenario, seed=1, today=dt.date(2026, 3, 2), lang="fr", agent_name="Alex")


def test_reading_another_customers_data_to_the_caller_is_a_critical_failure():
    from simulator.engine.contact import Line
    from simulator.engine.criticals import engine_criticals

    contact = _contact("energie-contestation-facture")
    rows = contact.box.customer_db.snapshot()["initial"]
    target = next(r for r in rows if r["role"] == "target")
    other = next(
        r for r in rows if r["role"] != "target" and r["mobile"] and r["mobile"] != target["mobile"]
    )
    contact.lines.append(Line("agent", f"Je vous confirme votre GSM : {target['mobile']}."))
    assert [e.rule for e in engine_criticals(contact)] == []
    contact.lines.append(
        Line("agent", f"Ah non, c'est le {other['mobile'].replace(' ', '.')}, pardon.")
    )
    found = engine_criticals(contact)
    assert [(e.rule, e.competency, e.positive, e.critical) for e in found] == [
        ("ENG-DATA-TO-ANOTHER", "01.02", False, True)
    ]
    assert f"({other['record_id']} " in found[0].explanation["fr"]


INVOICE = REPO / "scenarios" / "outbound" / "webshop-relance-facture-impayee.yaml"
TO_THE_RELATIVE = ["choose: composer", "choose: demander-titulaire"]


def _invoice_plan(tmp_path: Path, steps: list[str]) -> list:
    (tmp_path / INVOICE.name).write_bytes(INVOICE.read_bytes())
    lines = "\n".join(f"      - {step}" for step in steps)
    path = tmp_path / "essai.plans.yaml"
    path.write_text(
        f"callsim: testplan/1\nscenario: {INVOICE.name}\nplans:\n  - id: essai\n    title: essai\n"
        f"    steps:\n{lines}\n    expect: {{}}\n",
        encoding="utf-8",
    )
    outcome = run_plan_file(path)
    assert not outcome.diagnostics, outcome.diagnostics
    return outcome.results[0].evidence


def test_telling_a_relative_about_the_customers_debt_is_a_critical_failure():
    plans = _plans("webshop-relance-facture-impayee")
    assert _engine(plans["indiscretion-et-menaces"]) == [
        ("ENG-SENSITIVE-TO-THIRD-PARTY", "02.05", False, True)
    ]
    assert _engine(plans["modele"]) == []


def test_the_debt_can_be_discussed_with_the_customer_but_not_left_in_a_message_with_a_relative(
    tmp_path,
):
    discreet = _invoice_plan(
        tmp_path,
        [
            *TO_THE_RELATIVE,
            "choose: discretion",
            "choose: verifier-identite",
            "choose: exposer-faits",
        ],
    )
    assert _engine(discreet) == []
    message = _invoice_plan(tmp_path, [*TO_THE_RELATIVE, "choose: message-detaille"])
    found = [e for e in message if e.rule == "ENG-SENSITIVE-TO-THIRD-PARTY"]
    assert [(e.competency, e.critical) for e in found] == [("02.05", True)]
    assert "dette" in found[0].explanation["fr"] and "un proche" in found[0].explanation["fr"]


def test_a_confidentiality_declaration_that_can_never_fail_is_refused(tmp_path):
    from simulator.scenario.checker import check_paths

    text = INVOICE.read_text(encoding="utf-8")
    for party in (
        "    party: other          # quelqu'un décroche : rien ne dit encore que c'est le client\n",
        "    party: relative\n",
    ):
        text = text.replace(party, "")
    path = tmp_path / INVOICE.name
    path.write_text(text, encoding="utf-8")
    assert ("error", "confidential-cannot-fail") in [
        (d.severity, d.code) for d in check_paths([path]).diagnostics
    ]
    assert "confidential-cannot-fail" not in [d.code for d in check_paths([INVOICE]).diagnostics]


def test_mailing_the_debt_to_another_address_fails_03_05_and_to_the_customer_does_not():
    from simulator.engine.confidential import mailed_third_party
    from simulator.engine.toolbox import run_tool

    contact = _contact("webshop-relance-facture-impayee")
    rows = contact.box.customer_db.snapshot()["initial"]
    target = next(r for r in rows if r["role"] == "target")
    other = next(
        r for r in rows if r["role"] != "target" and r["email"] and r["email"] != target["email"]
    )
    invoice = contact.ctx.value("{{ refs.invoice }}")
    body = f"Bonjour,\nVotre facture {invoice} reste impayée à ce jour.\nLe Comptoir du Vélo"
    run_tool(
        contact.box,
        "mail",
        "send",
        {"to": target["email"], "subject": "Votre facture", "body": body},
    )
    assert mailed_third_party(contact) == []
    run_tool(
        contact.box,
        "mail",
        "send",
        {"to": other["email"], "subject": "Rappel", "body": "Bonjour, un rappel."},
    )
    assert mailed_third_party(contact) == []
    run_tool(
        contact.box,
        "mail",
        "send",
        {"to": other["email"], "subject": "Votre facture", "body": body},
    )
    found = mailed_third_party(contact)
    assert [(e.rule, e.competency, e.positive, e.critical) for e in found] == [
        ("ENG-SENSITIVE-TO-THIRD-PARTY", "03.05", False, True)
    ]
