"""Test-wise candidates: they choose replies by a cue (at random, or the longest) and type vaguely,
with or without the ideal tool work; and the ideal conversation without any tool.

They measure an épreuve, not a person: ``callsim epreuve analyse`` compares each cue policy with
the same policy choosing at random. A cue must not help, and words without tool work must not pass.
"""

from __future__ import annotations

import random
from typing import Any

from simulator.engine.actions import Choose, Transfer, WrapUp
from simulator.engine.callstate import holds
from simulator.engine.contact import ContactRuntime
from simulator.engine.context import derive_seed
from simulator.policies.careless import CARELESS_NOTES, VAGUE_ANSWERS
from simulator.policies.ideal import IdealPolicy, _transfer_target
from simulator.policies.positions import current_node
from simulator.scenario.checker.cues import length
from simulator.scenario.models.common import text_in


class CuePolicy(IdealPolicy):
    """Chooses replies by ``pick`` (``random`` or ``longest``), types vaguely, and uses the tools as
    the ideal candidate does only when ``tools`` is true (a transfer after announcing one included)."""

    def __init__(self, seed: int, pick: str, tools: bool) -> None:
        super().__init__()
        self.seed, self.pick, self.tools = seed, pick, tools
        self.answers_ringing = (
            tools  # the "+tools" variants work like the ideal candidate outside the replies
        )
        self.name = ("random" if pick == "random" else "longest-reply") + (
            "+tools" if tools else ""
        )
        self.rng: random.Random | None = None

    def _random(self, contact: ContactRuntime) -> random.Random:
        if self.rng is None:
            self.rng = random.Random(derive_seed(self.seed, self.name, contact.key))
        return self.rng

    def tool_actions(self, contact: ContactRuntime) -> list[Any]:
        return super().tool_actions(contact) if self.tools else []

    def choose(self, contact: ContactRuntime) -> list[Any]:
        node = current_node(contact)
        replies, ids = node.replies or [], contact.reply_ids(node)
        # Only the replies on offer now: a reply whose ``when`` does not hold is not shown to anyone.
        offered = [i for i, reply in enumerate(replies) if holds(reply.when, contact.ctx.variables)]
        if self.pick == "random":
            index = offered[self._random(contact).randrange(len(offered))]
        else:
            sizes = {i: length(text_in(replies[i].text, "fr")) for i in offered}
            index = max(offered, key=lambda i: sizes[i])
        actions: list[Any] = [Choose(reply=ids[index])]
        service = (
            _transfer_target(contact)
            if self.tools and replies[index].act == "announce_transfer"
            else None
        )
        if service:
            actions.append(Transfer(service=service))
        return actions

    def prompt_text(self, contact: ContactRuntime) -> str:
        return self._random(contact).choice(VAGUE_ANSWERS)

    def wrap_up(self, contact: ContactRuntime) -> WrapUp:
        rng = self._random(contact)
        spec = contact.scenario.wrap_up
        outcome = rng.choice([o.id for o in spec.outcomes]) if spec and spec.outcomes else None
        if self.tools:
            outcome = super().wrap_up(contact).outcome
        return WrapUp(outcome=outcome, note=rng.choice(CARELESS_NOTES))


class NoToolsPolicy(IdealPolicy):
    """The model replies and typed texts of the ideal candidate, but never a tool."""

    name = "no-tools"

    def tool_actions(self, contact: ContactRuntime) -> list[Any]:
        return []

    def choose(self, contact: ContactRuntime) -> list[Any]:
        return [action for action in super().choose(contact) if not isinstance(action, Transfer)]
