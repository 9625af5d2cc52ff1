"""One live contact: the candidate's actions on it, each a ``Step`` of dialogue lines and evidence.

Where the contact stands is ``ContactState`` (``simulator.engine.contact_state``); how its steps
turn into evidence is ``ContactJudge`` (``simulator.engine.contact_judge``).
"""

from __future__ import annotations

from typing import Any

from simulator.engine.callstate import apply_settings, holds, way_on
from simulator.engine.contact_judge import ContactJudge
from simulator.engine.criticals import abandoned
from simulator.engine.evaluation import TONE_COMPETENCIES, TONE_EXPLANATION, judge_text
from simulator.engine.phases import TALKING, Phase, attach, can
from simulator.engine.steps import Line, Step, refused
from simulator.engine.toolbox import run_tool
from simulator.i18n import Message
from simulator.scenario.models import text_in


class ContactRuntime(ContactJudge):
    """A scenario being played: the engine's only mutable view of one contact."""

    # -- actions -------------------------------------------------------------------------------

    def take(self, start_node: str | None = None) -> Step:
        if start_node is not None and start_node not in self.scenario.nodes:
            raise refused("unknown-node", Message("Unknown node '{node}'.", node=start_node))
        if self.phase is not Phase.WAITING:
            raise refused("not-waiting", Message("This contact is already being handled."))
        self.machine = attach(self.model, phone=self.phone)
        trigger = (
            ("answer" if self.scenario.direction == "inbound" else "dial")
            if self.phone
            else "start"
        )
        getattr(self.model, trigger)()
        step = Step()
        self._enter(start_node or self.scenario.start, step)
        return step

    def choose(self, reply_id: str) -> Step:
        node = self._dialogue_node("replies")
        replies, ids = node.replies or [], self.reply_ids(node)
        if reply_id not in ids or not holds(replies[ids.index(reply_id)].when, self.ctx.variables):
            raise refused("unknown-reply", Message("Unknown reply '{reply}' here.", reply=reply_id))
        reply = replies[ids.index(reply_id)]
        step = Step(lines=[Line("agent", self.ctx.text(reply.text))])
        self._leave(step, said=step.lines[0].text, act=reply.act)
        base = f"reply:{self.node_id}/{reply_id}"
        for item in reply.evidence:
            step.evidence.append(
                self._evidence(
                    item.competency,
                    item.effect == "positive",
                    item.critical,
                    base,
                    "reply",
                    self._both(item.because),
                )
            )
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
            step.evidence.append(
                self._evidence(
                    check.competency,
                    judgement.ok,
                    (check.critical or judgement.grave) and not judgement.ok,
                    f"text:{self.node_id}/{check.id}",
                    "text",
                    self._both(check.because),
                    judgement.detail,
                    unsure=judgement.unsure,
                )
            )
        if grave is not None:  # insult, « tu »…
            for code in TONE_COMPETENCIES.get(self.scenario.direction, ()):
                step.evidence.append(
                    self._evidence(
                        code,
                        False,
                        True,
                        f"tone:{self.node_id}",
                        "text",
                        self._rule_explanation(TONE_EXPLANATION),
                        grave.detail,
                    )
                )
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
            raise refused("cannot-hold", Message("Cannot put on hold now."))
        self.model.hold()
        step = Step(lines=[Line("system", self._sys("on_hold"))])
        if not self.memory.hold_announced:
            self.fire("ORD-HOLD-UNANNOUNCED", step)
        self.memory.hold_announced = False  # a later hold needs its own warning
        return step

    def resume(self) -> Step:
        self._need_phone()
        if not can(self.model, "resume"):
            raise refused("not-on-hold", Message("The call is not on hold."))
        self.model.resume()
        return Step(lines=[Line("system", self._sys("resumed"))])

    def hang_up(self) -> Step:
        self._need_phone()
        if self.phase not in TALKING:
            raise refused("cannot-hang-up", Message("There is no call in progress to hang up."))
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
            raise refused(
                "unknown-service", Message("Unknown service '{service}'.", service=service_id)
            )
        if not can(self.model, "transfer"):
            raise refused("cannot-transfer", Message("There is no call to transfer."))
        step = Step(
            lines=[Line("system", self._sys("transferred", service=directory.get(service_id).name))]
        )
        if not self.memory.transfer_announced:
            self.fire("ORD-TRANSFER-UNANNOUNCED", step)
        self.facts.transferred_to = service_id
        self.model.transfer()
        self._after_call(step)
        return step

    def use_tool(self, tool: str, op: str, args: dict[str, Any], *, results: bool = True) -> Step:
        """Run a tool operation; ``results=False`` when replaying (see ``run_tool``)."""
        if tool not in self.tools_now():
            raise refused(
                "tool-not-now", Message("Tool '{tool}' is not available at this moment.", tool=tool)
            )
        result = run_tool(self.box, tool, op, args, results=results)
        if result["ok"] and (tool, op) == ("customer_db", "open"):
            self.facts.opened_records.append(str(args.get("record")))
        for setting in self.scenario.on_tool if result["ok"] else ():
            if setting.tool == f"{tool}.{op}":
                apply_settings(setting.set, self.ctx, self.call, args=dict(args))
        return Step(result=result)

    def wrap_up(self, outcome: str | None, note: str) -> Step:
        if self.phase is not Phase.WRAP_UP:
            raise refused("not-wrap-up", Message("The contact is not in wrap-up."))
        spec = self.scenario.wrap_up
        codes = [o.id for o in spec.outcomes] if spec else []
        if codes and outcome not in codes:
            raise refused("unknown-outcome", Message("Pick an outcome code from the list."))
        self.facts.outcome, self.facts.note = outcome, note
        step = Step()
        blank = not note.strip()
        if spec is not None and spec.note_required and blank and self.phone:
            self.fire("ORD-WRAP-UP-EMPTY", step)
        elif spec is not None:
            for check in (c for c in spec.note_checks if holds(c.when, self.ctx.variables)):
                judgement = judge_text(check, note, self.ctx)
                step.evidence.append(
                    self._evidence(
                        check.competency,
                        judgement.ok,
                        (check.critical or judgement.grave) and not judgement.ok,
                        f"note:{check.id}",
                        "text",
                        self._both(check.because),
                        judgement.detail,
                        unsure=judgement.unsure,
                    )
                )
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

    # -- the dialogue's way on -------------------------------------------------------------------

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


__all__ = ["ContactRuntime", "Line", "Step", "text_in"]
