"""Single-flaw candidates: the ideal candidate with exactly one fault, to show the scorer singles it out.

*never-confirms* plays every contact as the ideal candidate does, except that it never confirms
the agreement (the référentiel's ``confirm_agreement`` skill: 01.09 on an inbound contact, 02.04
on an outbound one). In the scenarios, confirming shows in three places, and it avoids all three:

* replies whose ``act`` is ``confirm`` or that give positive evidence on that competency;
* typed answers: its recap names what the other checks of the prompt require, never what the
  confirmation checks require (so the engine also fires ``ORD-CLOSE-BEFORE-AGREEMENT`` when the
  call ends on an agreement that was never confirmed);
* tool checks and after-call note checks tied to that competency are left unsatisfied.
"""

from __future__ import annotations

from typing import Any

from simulator.engine.contact import ContactRuntime
from simulator.policies.ideal import IdealPolicy
from simulator.policies.positions import current_prompt
from simulator.policies.synthetic import failing_text, passing_text
from simulator.scenario.models import Reply
from simulator.scenario.models.scenario import Direction

#: The référentiel skill this flaw never shows.
CONFIRM_SKILL = "confirm_agreement"
_AVOID = 1000


def skill_code(skill: str, direction: Direction) -> str | None:
    """The competency of ``skill`` for a contact of ``direction``, or None when it has none there."""
    from simulator.referentiel import get_referentiel

    try:
        return get_referentiel().for_skill(skill, direction).code
    except (KeyError, ValueError):
        return None


class NeverConfirmsPolicy(IdealPolicy):
    """Ideal in every respect but one: it never confirms the agreement with the other party."""

    name = "never-confirms"

    def __init__(self, seed: int = 0) -> None:
        super().__init__()
        self.seed = seed

    def flawed_code(self, contact: ContactRuntime) -> str | None:
        return skill_code(CONFIRM_SKILL, contact.scenario.direction)

    def reply_value(self, contact: ContactRuntime, reply: Reply) -> int:
        code = self.flawed_code(contact)
        if code is None:
            return super().reply_value(contact, reply)
        value = 0
        for item in reply.evidence:
            if item.competency == code:
                if item.effect == "positive":
                    value -= _AVOID
                continue
            value += 1 if item.effect == "positive" else (-100 if item.critical else -10)
        return value - (_AVOID if reply.act == "confirm" else 0)

    def prompt_text(self, contact: ContactRuntime) -> str:
        code = self.flawed_code(contact)
        checks = [c for c in current_prompt(contact).checks if c.competency != code]
        if not any(c.requires for c in checks):
            return failing_text()
        return passing_text(checks, contact.ctx)

    def wanted_checks(self, contact: ContactRuntime) -> list[tuple[str, Any]]:
        code = self.flawed_code(contact)
        return [
            (marker, check)
            for marker, check in super().wanted_checks(contact)
            if check.competency != code
        ]

    def note_checks(self, contact: ContactRuntime) -> list[Any]:
        code = self.flawed_code(contact)
        return [check for check in super().note_checks(contact) if check.competency != code]
