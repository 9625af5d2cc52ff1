"""A small phone scenario built in code, for unit tests of the contact runtime and order rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simulator.engine.contact import ContactRuntime
from simulator.scenario.models import Scenario

TODAY = dt.date(2026, 3, 2)


def reply(rid: str, goto: str, act: str | None = None, **evidence: str) -> dict[str, Any]:
    items = [
        {"competency": code.replace("_", "."), "effect": effect, "because": "raison"}
        for code, effect in evidence.items()
    ]
    data: dict[str, Any] = {"id": rid, "text": f"réponse {rid}", "goto": goto, "evidence": items}
    if act:
        data["act"] = act
    return data


def phone_scenario(direction: str = "inbound", **overrides: Any) -> Scenario:
    """need → offer → recap → close → end, with short cuts that break the order."""
    data: dict[str, Any] = {
        "callsim": "scenario/1",
        "id": "petit-appel",
        "version": "1.0.0",
        "title": "Petit appel",
        "briefing": "Un appel court.",
        "direction": direction,
        "kind": "information",
        "organisation": {"name": "Test SA", "sector": "test", "city": "Namur"},
        "duration_minutes": 3,
        "competencies": ["01.01"],
        "start": "debut",
        "resources": {
            "services": [
                {"id": "compta", "name": "Comptabilité", "extension": "2310", "handles": "Factures"}
            ]
        },
        "nodes": {
            "debut": {
                "say": "Bonjour.",
                "replies": [
                    reply("besoin", "offre", "discover"),
                    reply("offre-directe", "recap", "offer"),
                    reply("transfert-annonce", "offre", "announce_transfer"),
                ],
            },
            "offre": {"say": "Ah bon ?", "replies": [reply("proposer", "recap", "offer")]},
            "recap": {
                "say": "D'accord.",
                "replies": [
                    reply("confirmer", "cloture", "confirm"),
                    reply("au-revoir-direct", "fin", "close"),
                ],
            },
            "cloture": {"say": "Merci.", "replies": [reply("conclure", "fin", "close")]},
            "fin": {"say": "Au revoir.", "end": {"outcome": "resolved"}},
        },
        "wrap_up": {
            "outcomes": [{"id": "ok", "label": "OK"}, {"id": "ko", "label": "KO"}],
            "note_required": True,
        },
    }
    data.update(overrides)
    return Scenario.model_validate(data)


def contact_for(scenario: Scenario) -> ContactRuntime:
    return ContactRuntime(scenario, seed=1, today=TODAY, lang="fr", agent_name="Alex")


def rules_fired(contact: ContactRuntime) -> dict[str, str]:
    return {e.rule: f"{e.competency}:{e.effect}" for e in contact.evidence if e.source == "order"}


def run(contact: ContactRuntime, *moves: str) -> ContactRuntime:
    """Apply moves: reply ids, or 'hang_up', 'transfer:<service>', 'wrap:<note>'."""
    contact.evidence.extend(contact.take().evidence)
    for move in moves:
        if move == "hang_up":
            step = contact.hang_up()
        elif move.startswith("transfer:"):
            step = contact.transfer(move.split(":", 1)[1])
        elif move.startswith("wrap:"):
            step = contact.wrap_up("ok", move.split(":", 1)[1])
        else:
            step = contact.choose(move)
        contact.evidence.extend(step.evidence)
    return contact
