"""The careless candidate: random replies, vague typed answers, random wrap-up, and never a tool."""

from __future__ import annotations

import random
from typing import Any

from simulator.engine.actions import Choose, Continue, HangUp, Say, Take, WrapUp
from simulator.engine.callstate import holds
from simulator.engine.contact import ContactRuntime
from simulator.engine.context import derive_seed
from simulator.engine.phases import Phase
from simulator.policies.positions import current_node

#: What the careless candidate types at a prompt (none names anything a scenario requires).
VAGUE_ANSWERS = (
    "D'accord.",
    "C'est noté, on s'occupe de tout.",
    "Je vois, je vais regarder ça.",
    "Pas de souci, on vous recontacte.",
    "Très bien, merci.",
)

#: After-call notes, the empty one included.
CARELESS_NOTES = ("", "RAS.", "Vu avec le client.", "Traité.")


class CarelessPolicy:
    """Answers at random (seeded from the session seed and the contact), never opens a tool."""

    name = "careless"

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng: random.Random | None = None

    def next_actions(self, contact: ContactRuntime) -> list[Any]:
        """The next action(s) for ``contact`` in its current state ([] when it has ended)."""
        if self.rng is None:
            self.rng = random.Random(derive_seed(self.seed, "careless", contact.key))
        rng = self.rng
        if contact.phase is Phase.WAITING:
            return [Take(contact=contact.key)]
        if contact.phase is Phase.ENDED:
            return []
        if contact.phase is Phase.WRAP_UP:
            spec = contact.scenario.wrap_up
            outcome = rng.choice([o.id for o in spec.outcomes]) if spec and spec.outcomes else None
            return [WrapUp(outcome=outcome, note=rng.choice(CARELESS_NOTES))]
        node = current_node(contact)
        if node.end is not None:
            return [HangUp()] if contact.phone else []
        if node.replies:
            offered = [
                rid
                for rid, reply in zip(contact.reply_ids(node), node.replies)
                if holds(reply.when, contact.ctx.variables)
            ]  # scenario/1.1: conditional replies
            return [Choose(reply=rng.choice(offered))]
        if node.prompt is not None:
            return [Say(text=rng.choice(VAGUE_ANSWERS))]
        return [Continue()]
