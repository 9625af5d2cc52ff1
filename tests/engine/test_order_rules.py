"""Order rules: evidence from the order of the candidate's actions, whatever the words."""

from __future__ import annotations

import pytest

from simulator.engine.phases import Phase
from simulator.engine.rules import RULES, competency_of
from simulator.engine.toolbox import ActionRefused
from tests.engine.contact_support import contact_for, phone_scenario, rules_fired, run


def test_every_rule_has_an_id_a_competency_and_both_languages():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.explanation["fr"] and rule.explanation["en"]
        assert competency_of(rule, "inbound") or competency_of(rule, "outbound")


def test_the_model_order_gives_only_positive_order_evidence():
    contact = run(
        contact_for(phone_scenario()),
        "besoin",
        "proposer",
        "confirmer",
        "conclure",
        "hang_up",
        "wrap:note complète",
    )
    assert rules_fired(contact) == {"ORD-CLOSED-PROPERLY": "01.10:positive"}
    assert contact.phase is Phase.ENDED


def test_closing_before_confirming_the_agreement_is_negative_for_01_09():
    contact = run(
        contact_for(phone_scenario()),
        "besoin",
        "proposer",
        "au-revoir-direct",
        "hang_up",
        "wrap:note",
    )
    assert rules_fired(contact)["ORD-CLOSE-BEFORE-AGREEMENT"] == "01.09:negative"


def test_the_same_rule_is_02_04_on_an_outbound_call():
    contact = run(
        contact_for(phone_scenario("outbound")),
        "besoin",
        "proposer",
        "au-revoir-direct",
        "hang_up",
        "wrap:note",
    )
    assert rules_fired(contact)["ORD-CLOSE-BEFORE-AGREEMENT"] == "02.04:negative"


def test_an_offer_before_any_need_is_negative_for_01_08_inbound_and_02_07_outbound():
    inbound = run(contact_for(phone_scenario()), "offre-directe")
    assert rules_fired(inbound) == {"ORD-OFFER-BEFORE-NEED": "01.08:negative"}
    outbound = run(contact_for(phone_scenario("outbound")), "offre-directe")
    assert rules_fired(outbound) == {"ORD-UPSELL-BEFORE-NEED": "02.07:negative"}


def test_hanging_up_on_the_caller_is_negative_for_closing():
    contact = run(contact_for(phone_scenario()), "besoin", "hang_up")
    assert rules_fired(contact) == {"ORD-HUNG-UP-ON-CALLER": "01.10:negative"}
    assert contact.phase is Phase.WRAP_UP


def test_a_transfer_without_telling_the_caller_is_negative_and_an_announced_one_is_not():
    silent = run(contact_for(phone_scenario()), "besoin", "transfer:compta")
    assert rules_fired(silent) == {"ORD-TRANSFER-UNANNOUNCED": "01.07:negative"}
    announced = run(contact_for(phone_scenario()), "transfert-annonce", "transfer:compta")
    assert "ORD-TRANSFER-UNANNOUNCED" not in rules_fired(announced)
    assert announced.facts.transferred_to == "compta"


def test_an_empty_after_call_note_is_negative_for_recording():
    contact = run(
        contact_for(phone_scenario()),
        "besoin",
        "proposer",
        "confirmer",
        "conclure",
        "hang_up",
        "wrap:   ",
    )
    assert rules_fired(contact)["ORD-WRAP-UP-EMPTY"] == "01.05:negative"


def test_a_transfer_to_an_unknown_service_is_refused_and_changes_nothing():
    contact = run(contact_for(phone_scenario()), "besoin")
    with pytest.raises(ActionRefused):
        contact.transfer("nowhere")
    assert contact.phase is Phase.DISCOVERY and contact.facts.transferred_to is None


def test_replies_cannot_be_chosen_on_hold():
    contact = run(contact_for(phone_scenario()), "besoin")
    contact.hold()
    with pytest.raises(ActionRefused):
        contact.choose("proposer")
    contact.resume()
    contact.choose("proposer")
    assert contact.node_id == "recap"
