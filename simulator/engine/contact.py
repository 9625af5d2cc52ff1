"""One live contact: where the dialogue stands, its phase, its tools, and the evidence its actions gave."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date
from typing import Any

from simulator.engine.announce import remember_said
from simulator.engine.callstate import CallContext, apply_settings, holds, records_of, way_on
from simulator.engine.confidential import told_third_party
from simulator.engine.context import build_context, derive_seed
from simulator.engine.criticals import abandoned, engine_criticals
from simulator.engine.evaluation import (
    TONE_COMPETENCIES,
    TONE_EXPLANATION,
    ContactFacts,
    judge_text,
)
from simulator.engine.evidence import Evidence
from simulator.engine.phases import TALKING, Phase, PhaseModel, attach, can, detach
from simulator.engine.rules import RULES_BY_ID, competency_of
from simulator.engine.steps import CallMemory, Line, Step, asks_confirmation, refused
from simulator.engine.tool_judges import judge_tool
from simulator.engine.toolbox import Toolbox, build_toolbox, run_tool
from simulator.scenario.models import Node, Scenario, text_in

#: Endings after which the other party has agreed to something that should have been confirmed.
AGREED_ENDINGS = ("resolved", "callback")


class ContactRuntime:
    """A scenario being played: the engine's only mutable view of one contact."""

    def __init__(self, scenario: Scenario, *, seed: int, today: date, lang: str, agent_name: str,
                 prebuilt: tuple[Any, Toolbox] | None = None, exam: bool = False) -> None:
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
            self.ctx = CallContext(self.ctx, self.call, {"record": records_of(self.box.customer_db)})
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

    # -- state ---------------------------------------------------------------------------------

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
        pairs = [(rid, self.ctx.text(reply.text)) for rid, reply in zip(self.reply_ids(node), node.replies)
                 if holds(reply.when, self.ctx.variables)]
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

    # -- actions -------------------------------------------------------------------------------

    def take(self, start_node: str | None = None) -> Step:
        if start_node is not None and start_node not in self.scenario.nodes:
            raise refused("unknown-node", f"Nœud « {start_node} » inconnu.", f"Unknown node '{start_node}'.")
        if self.phase is not Phase.WAITING:
            raise refused("not-waiting", "Ce contact est déjà pris en charge.", "This contact is already being handled.", "Dit contact wordt al behandeld.")
        self.machine = attach(self.model, phone=self.phone)
        trigger = ("answer" if self.scenario.direction == "inbound" else "dial") if self.phone else "start"
        getattr(self.model, trigger)()
        step = Step()
        self._enter(start_node or self.scenario.start, step)
        return step

    def choose(self, reply_id: str) -> Step:
        node = self._dialogue_node("replies")
        replies, ids = node.replies or [], self.reply_ids(node)
        if reply_id not in ids or not holds(replies[ids.index(reply_id)].when, self.ctx.variables):
            raise refused("unknown-reply", f"Réponse « {reply_id} » inconnue ici.", f"Unknown reply '{reply_id}' here.")
        reply = replies[ids.index(reply_id)]
        step = Step(lines=[Line("agent", self.ctx.text(reply.text))])
        self._leave(step, said=step.lines[0].text, act=reply.act)
        base = f"reply:{self.node_id}/{reply_id}"
        for item in reply.evidence:
            step.evidence.append(self._evidence(item.competency, item.effect == "positive", item.critical,
                                                base, "reply", self._both(item.because)))
        if reply.act:
            self._act(reply.act, step, clean=all(e.effect == "positive" for e in reply.evidence))
        apply_settings(reply.set, self.ctx, self.call)
        self._enter(way_on(reply.goto, reply.branches, self.ctx.variables), step)
        return step

    def say(self, text: str) -> Step:
        prompt = self._dialogue_node("prompt").prompt
        assert prompt is not None  # _dialogue_node refuses a node without one
        step = Step(lines=[Line("agent", text)])
        self._leave(step, said=text, act=prompt.act)
        grave = None
        for check in (c for c in prompt.checks if holds(c.when, self.ctx.variables)):
            judgement = judge_text(check, text, self.ctx)
            grave = grave or (judgement if judgement.grave else None)
            step.evidence.append(self._evidence(
                check.competency, judgement.ok, (check.critical or judgement.grave) and not judgement.ok,
                f"text:{self.node_id}/{check.id}", "text", self._both(check.because), judgement.detail, unsure=judgement.unsure))
        if grave is not None:  # insult, « tu »…
            for code in TONE_COMPETENCIES.get(self.scenario.direction, ()):
                step.evidence.append(self._evidence(code, False, True, f"tone:{self.node_id}", "text",
                                                    self._rule_explanation(TONE_EXPLANATION), grave.detail))
        if prompt.act:
            self._act(prompt.act, step, clean=all(e.positive for e in step.evidence))
        apply_settings(prompt.set, self.ctx, self.call, answer=text)
        self._enter(way_on(prompt.goto, prompt.branches, self.ctx.variables), step)
        return step

    def go_on(self) -> Step:
        node = self._dialogue_node("next")
        assert node.next is not None  # _dialogue_node refuses a node without one
        step = Step()
        self._leave(step)
        self._enter(way_on(node.next, node.branches, self.ctx.variables), step)
        return step

    def hold(self) -> Step:
        self._need_phone()
        if not can(self.model, "hold"):
            raise refused("cannot-hold", "Impossible de mettre en attente maintenant.", "Cannot put on hold now.", "Nu kan niet in de wacht gezet worden.")
        self.model.hold()
        step = Step(lines=[Line("system", self._sys("on_hold"))])
        if not self.memory.hold_announced:
            self.fire("ORD-HOLD-UNANNOUNCED", step)
        self.memory.hold_announced = False  # a later hold needs its own warning
        return step

    def resume(self) -> Step:
        self._need_phone()
        if not can(self.model, "resume"):
            raise refused("not-on-hold", "L'appel n'est pas en attente.", "The call is not on hold.", "De oproep staat niet in de wacht.")
        self.model.resume()
        return Step(lines=[Line("system", self._sys("resumed"))])

    def hang_up(self) -> Step:
        self._need_phone()
        if self.phase not in TALKING:
            raise refused("cannot-hang-up", "Il n'y a pas d'appel en cours à raccrocher.", "There is no call in progress to hang up.", "Er is geen lopende oproep om op te hangen.")
        step = Step(lines=[Line("system", self._sys("hung_up"))])
        if not self.at_end:
            for rule_id in ("ORD-HUNG-UP-ON-CALLER", *abandoned(self)):
                self.fire(rule_id, step)
        else:
            if self.memory.closed:
                self.fire("ORD-CLOSED-PROPERLY", step)
            self._agreement_rule(step)
        self.model.hang_up()
        self._after_call(step)
        return step

    def transfer(self, service_id: str) -> Step:
        self._need_phone()
        directory = self.box.directory
        if directory is None or service_id not in {s.id for s in directory.services}:
            raise refused("unknown-service", f"Service « {service_id} » inconnu.", f"Unknown service '{service_id}'.", f"Onbekende dienst ‘{service_id}’.")
        if not can(self.model, "transfer"):
            raise refused("cannot-transfer", "Il n'y a pas d'appel à transférer.", "There is no call to transfer.", "Er is geen oproep om door te verbinden.")
        step = Step(lines=[Line("system", self._sys("transferred", service=directory.get(service_id).name))])
        if not self.memory.transfer_announced:
            self.fire("ORD-TRANSFER-UNANNOUNCED", step)
        self.facts.transferred_to = service_id
        self.model.transfer()
        self._after_call(step)
        return step

    def use_tool(self, tool: str, op: str, args: dict[str, Any], *, results: bool = True) -> Step:
        """Run a tool operation; ``results=False`` when replaying (see ``run_tool``)."""
        if tool not in self.tools_now():
            raise refused("tool-not-now", f"L'outil « {tool} » n'est pas disponible à ce moment.",
                          f"Tool '{tool}' is not available at this moment.",
                          f"Het hulpmiddel ‘{tool}’ is nu niet beschikbaar.")
        result = run_tool(self.box, tool, op, args, results=results)
        if result["ok"] and (tool, op) == ("customer_db", "open"):
            self.facts.opened_records.append(str(args.get("record")))
        for setting in self.scenario.on_tool if result["ok"] else ():
            if setting.tool == f"{tool}.{op}":
                apply_settings(setting.set, self.ctx, self.call, args=dict(args))
        return Step(result=result)

    def wrap_up(self, outcome: str | None, note: str) -> Step:
        if self.phase is not Phase.WRAP_UP:
            raise refused("not-wrap-up", "Le contact n'est pas en phase de clôture administrative.", "The contact is not in wrap-up.", "Het contact is niet in de afsluitfase.")
        spec = self.scenario.wrap_up
        codes = [o.id for o in spec.outcomes] if spec else []
        if codes and outcome not in codes:
            raise refused("unknown-outcome", "Choisissez un code de clôture dans la liste.", "Pick an outcome code from the list.", "Kies een afsluitcode uit de lijst.")
        self.facts.outcome, self.facts.note = outcome, note
        step = Step()
        blank = not note.strip()
        if spec is not None and spec.note_required and blank and self.phone:
            self.fire("ORD-WRAP-UP-EMPTY", step)
        elif spec is not None:
            for check in (c for c in spec.note_checks if holds(c.when, self.ctx.variables)):
                judgement = judge_text(check, note, self.ctx)
                step.evidence.append(self._evidence(
                    check.competency, judgement.ok, (check.critical or judgement.grave) and not judgement.ok,
                    f"note:{check.id}", "text", self._both(check.because), judgement.detail,
                    unsure=judgement.unsure))
        self._final_checks(step)
        self.model.wrap_up()
        self._detach()
        return step

    def expire(self) -> Step:
        """Time is up: what was left undone is judged as it stands, and the contact ends."""
        step = Step()
        if self.live:
            if self.phone and self.phase in TALKING and not self.at_end:
                step.lines.append(Line("system", self._sys("time_up")))
            self._final_checks(step)
            self.model.time_up()
            self._detach()
        return step

    # -- internals -------------------------------------------------------------------------------

    def _can_speak(self) -> bool:
        return self.phase in TALKING if self.phone else self.phase is Phase.IN_PROGRESS

    def _dialogue_node(self, shape: str) -> Node:
        node = self.node
        if node is None or not self._can_speak():
            raise refused("not-talking", "Aucune conversation en cours sur ce contact.", "No conversation in progress on this contact.", "Geen lopend gesprek met dit contact.")
        if getattr(node, shape) is None:
            raise refused("wrong-step", "Cette action n'est pas possible à ce point de la conversation.",
                          "This action is not possible at this point of the conversation.",
                          "Deze handeling is op dit punt van het gesprek niet mogelijk.")
        return node

    def _need_phone(self) -> None:
        if not self.phone:
            raise refused("not-a-call", "Ce contact n'est pas un appel.", "This contact is not a call.", "Dit contact is geen oproep.")

    def _enter(self, node_id: str, step: Step) -> None:
        if self.exam:  # coaching steps are passed, as if their only reply had been chosen
            node_id, acts = self.scenario.exam_route(node_id)
            for act in acts:
                self._act(act, step, clean=True)
        self.node_id = node_id
        node = self.scenario.nodes[node_id]
        if node.say is not None and not (self.exam and node.audience == "practice"):
            step.lines.append(Line(node.speaker, self.ctx.text(node.say)))
        if node.end is None:
            return
        if self.phone:
            if node.end.outcome == "abandoned" and can(self.model, "customer_hung_up"):
                step.lines.append(Line("system", self._sys("customer_hung_up")))
                self.model.customer_hung_up()
                self._after_call(step)
        else:
            self.model.finish()
            if self.phase is Phase.ENDED:
                self._final_checks(step)
                self._detach()

    def _after_call(self, step: Step) -> None:
        """A call without wrap-up ends as soon as the line is closed."""
        if self.phase is Phase.WRAP_UP and self.scenario.wrap_up is None:
            self._final_checks(step)
            self.model.wrap_up()
            self._detach()

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
        if (judgement.ok and check.counts == "failure") or (not judgement.ok and check.counts == "success"):
            return
        step.evidence.append(self._evidence(check.competency, judgement.ok, (check.critical or judgement.grave) and not judgement.ok,
                                            rule, "tool", self._both(check.because), judgement.detail,
                                            unsure=judgement.unsure))

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
            memory.closed_before_confirm = memory.closed_before_confirm or not memory.agreement_confirmed
        elif act == "announce_transfer":
            memory.transfer_announced = True
        trigger = f"act_{act}"
        if can(self.model, trigger):
            getattr(self.model, trigger)()

    def _agreement_rule(self, step: Step) -> None:
        node = self.node
        agreed = node is not None and node.end is not None and node.end.outcome in AGREED_ENDINGS
        if agreed and self.has_confirm and (self.memory.closed_before_confirm or not self.memory.agreement_confirmed):
            self.fire("ORD-CLOSE-BEFORE-AGREEMENT", step)

    def fire(self, rule_id: str, step: Step) -> None:
        """Add the evidence of order rule ``rule_id`` to ``step`` (the contact's and the session's rules)."""
        rule = RULES_BY_ID[rule_id]
        code = competency_of(rule, self.scenario.direction)
        if code is not None:
            step.evidence.append(self._evidence(code, rule.effect == "positive", rule.critical, rule.id, "order",
                                                self._rule_explanation(rule.explanation)))

    def _evidence(self, code: str, positive: bool, critical: bool, rule: str, source: str,
                  explanation: dict[str, str], detail: dict[str, str] | None = None, *, unsure: bool = False) -> Evidence:
        return Evidence(code, positive, critical, rule, source, self.key, explanation, detail or {}, unsure=unsure)  # type: ignore[arg-type]

    def _both(self, text: Any) -> dict[str, str]:
        """The explanation in French and English, and in Dutch for a Dutch session only (journals stay as they were)."""
        langs = ("fr", "en", "nl") if self.lang == "nl" else ("fr", "en")
        return {lang: self.ctx.text(text, lang) for lang in langs}

    def _rule_explanation(self, explanation: Mapping[str, str]) -> dict[str, str]:
        """An order rule's explanation, with its Dutch only in a Dutch session (as ``_both``)."""
        return {lang: text for lang, text in explanation.items() if lang != "nl" or self.lang == "nl"}

    def _sys(self, what: str, **params: str) -> str:
        from simulator.engine.messages import system_line

        return system_line(what, self.lang, **params)

    def _detach(self) -> None:
        if self.machine is not None:
            detach(self.model, self.machine)
            self.machine = None


__all__ = ["ContactRuntime", "Line", "Step", "text_in"]
