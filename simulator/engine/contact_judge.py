"""How a live contact's steps turn into evidence: expectations, final checks, acts and order rules.

``ContactJudge`` extends ``ContactState`` with the judging steps the candidate's actions
(``simulator.engine.contact``) call as the dialogue goes on and when the contact ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.engine.announce import remember_said
from simulator.engine.callstate import holds
from simulator.engine.confidential import told_third_party
from simulator.engine.contact_state import ContactState
from simulator.engine.criticals import engine_criticals
from simulator.engine.evidence import Evidence, Source
from simulator.engine.phases import can
from simulator.engine.rules import RULES_BY_ID, competency_of
from simulator.engine.steps import Step
from simulator.engine.tool_judges import judge_tool

#: Endings after which the other party has agreed to something that should have been confirmed.
AGREED_ENDINGS = ("resolved", "callback")


class ContactJudge(ContactState):
    """The evidence a contact's steps give, recorded on the step that gave it."""

    def _leave(self, step: Step, said: str = "", act: str | None = None) -> None:
        if said and self.phone:  # see simulator.engine.announce
            remember_said(self.memory, said, act)
        step.evidence += told_third_party(self, said)
        node = self.node
        for check in node.expect if node else ():
            marker = f"{self.node_id}/{check.id}"
            if marker in self.memory.checked_expectations:
                continue
            self.memory.checked_expectations.add(marker)
            self._judge(check, f"expect:{marker}", step)

    def _final_checks(self, step: Step) -> None:
        if self.memory.final_checks_done:
            return
        self.memory.final_checks_done = True
        for check in self.scenario.checks:
            self._judge(check, f"check:{check.id}", step)
        step.evidence.extend(engine_criticals(self))

    def _judge(self, check: Any, rule: str, step: Step) -> None:
        if not holds(check.when, self.ctx.variables):
            return
        judgement = judge_tool(check, self.box, self.facts, self.ctx)
        if (judgement.ok and check.counts == "failure") or (
            not judgement.ok and check.counts == "success"
        ):
            return
        step.evidence.append(
            self._evidence(
                check.competency,
                judgement.ok,
                (check.critical or judgement.grave) and not judgement.ok,
                rule,
                "tool",
                self._both(check.because),
                judgement.detail,
                unsure=judgement.unsure,
            )
        )

    def _act(self, act: str, step: Step, *, clean: bool) -> None:
        memory = self.memory
        if act == "discover":
            memory.need_detected = True
        elif act == "offer" and not memory.need_detected:
            self.fire("ORD-OFFER-BEFORE-NEED", step)
            self.fire("ORD-UPSELL-BEFORE-NEED", step)
        elif act == "confirm" and clean:
            memory.agreement_confirmed = True
        elif act == "close":
            memory.closed = True
            memory.closed_before_confirm = (
                memory.closed_before_confirm or not memory.agreement_confirmed
            )
        elif act == "announce_transfer":
            memory.transfer_announced = True
        trigger = f"act_{act}"
        if can(self.model, trigger):
            getattr(self.model, trigger)()

    def _agreement_rule(self, step: Step) -> None:
        node = self.node
        agreed = node is not None and node.end is not None and node.end.outcome in AGREED_ENDINGS
        if (
            agreed
            and self.has_confirm
            and (self.memory.closed_before_confirm or not self.memory.agreement_confirmed)
        ):
            self.fire("ORD-CLOSE-BEFORE-AGREEMENT", step)

    def fire(self, rule_id: str, step: Step) -> None:
        """Add the evidence of order rule ``rule_id`` to ``step`` (the contact's and the session's rules)."""
        rule = RULES_BY_ID[rule_id]
        code = competency_of(rule, self.scenario.direction)
        if code is not None:
            step.evidence.append(
                self._evidence(
                    code,
                    rule.effect == "positive",
                    rule.critical,
                    rule.id,
                    "order",
                    self._rule_explanation(rule.explanation),
                )
            )

    def _evidence(
        self,
        code: str,
        positive: bool,
        critical: bool,
        rule: str,
        source: Source,
        explanation: dict[str, str],
        detail: dict[str, str] | None = None,
        *,
        unsure: bool = False,
    ) -> Evidence:
        return Evidence(
            code,
            positive,
            critical,
            rule,
            source,
            self.key,
            explanation,
            detail or {},
            unsure=unsure,
        )

    def _both(self, text: Any) -> dict[str, str]:
        """The explanation in French and English, and in Dutch for a Dutch session only (journals stay as they were)."""
        langs = ("fr", "en", "nl") if self.lang == "nl" else ("fr", "en")
        return {lang: self.ctx.text(text, lang) for lang in langs}

    def _rule_explanation(self, explanation: Mapping[str, str]) -> dict[str, str]:
        """An order rule's explanation, with its Dutch only in a Dutch session (as ``_both``)."""
        return {
            lang: text for lang, text in explanation.items() if lang != "nl" or self.lang == "nl"
        }
