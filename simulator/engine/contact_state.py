"""Where one live contact stands: its scenario, context, toolbox, phase and memory, and what it offers now.

``ContactRuntime`` (``simulator.engine.contact``) builds on this: the judging steps
(``simulator.engine.contact_judge``) and then the candidate's actions.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from simulator.engine.callstate import CallContext, holds, records_of
from simulator.engine.context import build_context, derive_seed
from simulator.engine.evaluation import ContactFacts
from simulator.engine.evidence import Evidence
from simulator.engine.phases import TALKING, Phase, PhaseModel, detach
from simulator.engine.steps import CallMemory, Line, asks_confirmation, refused
from simulator.engine.toolbox import Toolbox, build_toolbox
from simulator.i18n import Message
from simulator.scenario.models import Node, Scenario


class ContactState:
    """Where a contact stands; ``ContactRuntime`` adds the judging steps and the candidate's actions."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int,
        today: date,
        lang: str,
        agent_name: str,
        prebuilt: tuple[Any, Toolbox] | None = None,
        exam: bool = False,
    ) -> None:
        self.scenario = scenario
        #: Exam mode: practice-only (coaching) nodes are neither shown nor stopped at.
        self.exam = exam
        self.key = scenario.id
        self.seed = seed
        self.lang = lang
        if prebuilt is not None:  # the path walker shares one untouched context and toolbox
            self.ctx, self.box = prebuilt
        else:
            self.ctx = build_context(scenario, seed, today, lang, agent_name)
            self.box = build_toolbox(scenario, self.ctx, seed, today)
        #: The call variables (scenario/1.1), from the values the scenario declares.
        self.call: dict[str, str] = dict(scenario.variables)
        if scenario.callsim != "scenario/1":
            self.ctx = CallContext(
                self.ctx, self.call, {"record": records_of(self.box.customer_db)}
            )
        self.phone = scenario.medium == "phone"
        self.model = PhaseModel(self.key, with_wrap_up=scenario.wrap_up is not None)
        self.machine: Any = None
        self.node_id: str | None = None
        #: Set aside (``Pause``) for a ringing call; taking it again resumes it.
        self.paused = False
        self.lines: list[Line] = []
        self.evidence: list[Evidence] = []
        self.facts = ContactFacts()
        self.memory = CallMemory()
        self.has_confirm = asks_confirmation(scenario)

    @property
    def phase(self) -> Phase:
        return self.model.state

    @property
    def node(self) -> Node | None:
        return self.scenario.nodes.get(self.node_id) if self.node_id else None

    @property
    def at_end(self) -> bool:
        return self.node is not None and self.node.end is not None

    @property
    def live(self) -> bool:
        return self.phase not in (Phase.WAITING, Phase.ENDED)

    def reply_ids(self, node: Node) -> list[str]:
        return [reply.id or f"r{index + 1}" for index, reply in enumerate(node.replies or ())]

    def offered_replies(self) -> list[tuple[str, str]]:
        """The replies at the current node as (id, text), in an order shuffled per seed."""
        node = self.node
        if node is None or not node.replies or not self._can_speak():
            return []
        pairs = [
            (rid, self.ctx.text(reply.text))
            for rid, reply in zip(self.reply_ids(node), node.replies)
            if holds(reply.when, self.ctx.variables)
        ]
        random.Random(derive_seed(self.seed, self.key, self.node_id or "")).shuffle(pairs)
        return pairs

    def tools_now(self) -> list[str]:
        """Tools the candidate may use at this moment."""
        if not self.live:
            return []
        offered = self.box.available()
        node = self.node
        if self.phase is not Phase.WRAP_UP and node is not None and node.tools is not None:
            return [t for t in offered if t in node.tools]
        return offered

    def _can_speak(self) -> bool:
        return self.phase in TALKING if self.phone else self.phase is Phase.IN_PROGRESS

    def _dialogue_node(self, shape: str) -> Node:
        node = self.node
        if node is None or not self._can_speak():
            raise refused("not-talking", Message("No conversation in progress on this contact."))
        if getattr(node, shape) is None:
            raise refused(
                "wrong-step",
                Message("This action is not possible at this point of the conversation."),
            )
        return node

    def _need_phone(self) -> None:
        if not self.phone:
            raise refused("not-a-call", Message("This contact is not a call."))

    def _sys(self, what: str, **params: str) -> str:
        from simulator.engine.messages import system_line

        return system_line(what, self.lang, **params)

    def _detach(self) -> None:
        if self.machine is not None:
            detach(self.model, self.machine)
            self.machine = None
