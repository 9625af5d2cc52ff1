"""The ideal candidate: model replies, complete typed answers, and correct tool use at the right moment."""

from __future__ import annotations

from typing import Any

from simulator.engine.actions import Choose, Continue, HangUp, Say, Take, Transfer, UseTool, WrapUp
from simulator.engine.callstate import holds
from simulator.engine.contact import ContactRuntime
from simulator.engine.phases import Phase
from simulator.policies.positions import current_node, current_prompt
from simulator.policies.satisfy import satisfying_actions
from simulator.policies.synthetic import passing_requirements, passing_text
from simulator.scenario.models import Reply
from simulator.scenario.models import checks as m


def reply_score(reply: Reply) -> int:
    """How good a reply is by its declared evidence (critical and negative items weigh heavily)."""
    score = 0
    for item in reply.evidence:
        if item.effect == "positive":
            score += 1
        else:
            score -= 100 if item.critical else 10
    return score


class IdealPolicy:
    """Plays one contact the way the scenario's author intends."""

    name = "ideal"
    #: Sets an open task aside when an inbound call rings (the driver does it; see ``driver``).
    answers_ringing = True

    def __init__(self) -> None:
        self.done_checks: set[str] = set()
        self.visits: dict[str, int] = {}

    def next_actions(self, contact: ContactRuntime) -> list[Any]:
        """The next action(s) for ``contact`` in its current state ([] when it has ended)."""
        if contact.phase is Phase.WAITING:
            return [Take(contact=contact.key)]
        if contact.phase is Phase.ENDED:
            return []
        tools = self.tool_actions(contact)
        if tools:
            return tools
        if contact.phase is Phase.WRAP_UP:
            return [self.wrap_up(contact)]
        node = current_node(contact)
        if node.end is not None:
            return [HangUp()] if contact.phone else []
        if node.replies:
            return self.choose(contact)
        if node.prompt is not None:
            return [Say(text=self.prompt_text(contact))]
        return [Continue()]

    def prompt_text(self, contact: ContactRuntime) -> str:
        """The typed answer at the current prompt: every required element, nothing forbidden."""
        return passing_text(list(current_prompt(contact).checks), contact.ctx)

    def wanted_checks(self, contact: ContactRuntime) -> list[tuple[str, Any]]:
        """The tool checks to satisfy now, each with a marker so it is done once."""
        wanted = [
            (f"expect:{contact.node_id}/{c.id}", c)
            for c in (contact.node.expect if contact.node else ())
        ]
        return wanted + [(f"check:{c.id}", c) for c in contact.scenario.checks]

    def tool_actions(self, contact: ContactRuntime) -> list[UseTool]:
        """Satisfy the current node's expectations and, as soon as the tools allow, the final checks."""
        wanted = self.wanted_checks(contact)
        available = set(contact.tools_now())
        actions: list[UseTool] = []
        for marker, check in wanted:
            if marker in self.done_checks:
                continue
            planned = self.reworded(check, satisfying_actions(check, contact), contact)
            if planned and all(a.tool in available for a in planned):
                self.done_checks.add(marker)
                actions.extend(planned)
            elif not planned:
                self.done_checks.add(marker)
        return actions

    def reply_value(self, contact: ContactRuntime, reply: Reply) -> int:
        """How much this candidate wants ``reply`` (higher is better)."""
        return reply_score(reply)

    def choose(self, contact: ContactRuntime) -> list[Any]:
        node = current_node(contact)
        replies = node.replies or []
        ids = contact.reply_ids(node)
        offered = [i for i, reply in enumerate(replies) if holds(reply.when, contact.ctx.variables)]
        ranked = sorted(
            offered,
            key=lambda i: (
                -self.reply_value(contact, replies[i]),
                self.visits.get(replies[i].goto, 0),
                i,
            ),
        )
        best = replies[ranked[0]]
        self.visits[best.goto] = self.visits.get(best.goto, 0) + 1
        actions: list[Any] = [Choose(reply=ids[ranked[0]])]
        if best.act == "announce_transfer":
            service = _transfer_target(contact)
            if service:
                actions.append(Transfer(service=service))
        return actions

    def wrap_up(self, contact: ContactRuntime) -> WrapUp:
        spec = contact.scenario.wrap_up
        outcome = next(
            (c.equals for c in contact.scenario.checks if isinstance(c, m.OutcomeCheck)), None
        )
        if outcome is None and spec is not None:
            outcome = spec.outcomes[0].id
        requirements = [item for check in self.note_checks(contact) for item in check.requires]
        return WrapUp(outcome=outcome, note=self.note_text(requirements, contact.ctx))

    def note_text(self, requirements: list[Any], ctx: Any) -> str:
        """The after-call note naming ``requirements``."""
        note = passing_requirements(requirements, ctx) or "Demande traitée, voir historique."
        return f"Suivi : {note}."

    def reworded(
        self, check: Any, planned: list[UseTool], contact: ContactRuntime
    ) -> list[UseTool]:
        """The planned tool actions, with a mail's body worded this candidate's way (the ideal keeps it)."""
        return planned

    def note_checks(self, contact: ContactRuntime) -> list[Any]:
        """The after-call note checks whose requirements the note names."""
        spec = contact.scenario.wrap_up
        return list(spec.note_checks) if spec else []


def _transfer_target(contact: ContactRuntime) -> str | None:
    for check in contact.scenario.checks:
        if isinstance(check, m.TransferCheck) and check.service:
            return check.service
    return None
