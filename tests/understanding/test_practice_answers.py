"""A new candidate typing naturally in the practice épreuve: the checks of the shipped scenarios judge
their answers as a trainer would (the contact's day is Monday 5 January 2026)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from simulator.engine.bundle import load_bundle
from simulator.engine.context import build_context
from simulator.engine.evaluation import check_typed

PRACTICE = Path(__file__).resolve().parents[2] / "scenarios" / "epreuves" / "practice.yaml"
MONDAY = date(2026, 1, 5)


def _verdicts(scenario_id: str, where: str, text: str) -> dict[str, str]:
    """Each check of the prompt (``where`` = node id) or of the note (``where`` = "note"): its outcome."""
    scenario = next(
        c.scenario for c in load_bundle(PRACTICE).contacts if c.scenario.id == scenario_id
    )
    ctx = build_context(scenario, 7, MONDAY, "fr", "Alex")
    checks = (
        scenario.wrap_up.note_checks if where == "note" else scenario.nodes[where].prompt.checks
    )
    values = {
        "n": ctx.variables["customer"]["number"],
        "wrong": ctx.variables["facts"].get("wrong_number", ""),
    }
    return {
        check.id: check_typed(
            text.format(**values),
            check.requires,
            check.forbids,
            check.must_not_say,
            ctx,
            sentence=check.sentence,
        ).outcome
        for check in checks
    }


DELIVERY = "maison-lumiere-livraison"
MET3 = {"recap-date": "met", "recap-adresse": "met", "recap-sans-remboursement": "met"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Je vous renvoie la lampe après-demain, mercredi, au numéro {n} cette fois. Désolée pour le désagrément.",
            MET3,
        ),
        (
            "Il n'y aura pas de remboursement, mais la lampe arrive mercredi au numéro {n}, c'est corrigé.",
            MET3,
        ),
        ("ok donc nouvel envoi, vous l'aurez le 7 au n° {n} !", MET3),
        (
            "Bon, on vous la renvoie mercredi au {n}, mais la prochaine fois donnez la bonne adresse, c'est votre faute.",
            dict.fromkeys(MET3, "not_met"),
        ),
        (
            "Je ne peux pas vous garantir mercredi. L'adresse est corrigée au numéro {n}.",
            {**MET3, "recap-date": "not_met"},
        ),
        (
            "Nous vous renvoyons la lampe mercredi 7 janvier au numéro {n} et nous vous remboursons les frais de port.",
            {**MET3, "recap-sans-remboursement": "not_met"},
        ),
        ("mercredi 7/1 - n° {n} - adresse", {**MET3, "recap-date": "not_met"}),
    ],
)
def test_the_delivery_recap(text, expected):
    assert _verdicts(DELIVERY, "reformulation", text) == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Mauvais numéro de maison dans la fiche ({wrong} au lieu de {n}), corrigé. Colis renvoyé en express pour mercredi.",
            "met",
        ),
        ("Adresse erronée → relivraison mercredi 7/1.", "met"),
        ("Erreur d'adresse corrigée. Pas de réexpédition, la cliente passera au dépôt.", "not_met"),
        ("Cliente pas contente. Rien à signaler.", "not_met"),
    ],
)
def test_the_delivery_note(text, outcome):
    assert _verdicts(DELIVERY, "note", text) == {"note-cause-et-action": outcome}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Je vous confirme le passage du technicien le mercredi 14 entre une heure et cinq heures de l'après-midi ; "
            "une personne majeure doit être présente.",
            {"recap-date-plage": "met", "recap-consignes": "met"},
        ),
        (
            "Le technicien passe le mercredi 14 janvier de 13 à 17 h, il faut que le compteur soit accessible.",
            {"recap-date-plage": "met", "recap-consignes": "met"},
        ),
        (
            "Le technicien passe le mercredi 14 à 8 h, un adulte doit être présent.",
            {"recap-date-plage": "not_met", "recap-consignes": "met"},
        ),
        ("14/01 13-17h", {"recap-date-plage": "not_met", "recap-consignes": "not_met"}),
    ],
)
def test_the_meter_appointment_recap(text, expected):
    assert _verdicts("energie-rendez-vous-compteur", "recap", text) == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "RDV relevé compteur le mercredi 14/01 (13-17 h), nouveau GSM encodé dans la fiche.",
            "met",
        ),
        ("RDV mercredi 14, GSM mis à jour.", "met"),
        (
            "RDV mercredi prochain, GSM mis à jour.",
            "not_met",
        ),  # next Wednesday is the 7th, not the 14th
    ],
)
def test_the_meter_appointment_note_names_the_day(text, outcome):
    assert _verdicts("energie-rendez-vous-compteur", "note", text)["note-rdv-et-gsm"] == outcome
