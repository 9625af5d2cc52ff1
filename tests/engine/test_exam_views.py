"""Exam mode: nothing a candidate-facing view exposes may reveal evidence, verdicts or expected answers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.ideal import IdealPolicy
from simulator.scenario.models import text_in

SCENARIO = "scenarios/inbound/maison-lumiere-livraison.yaml"


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return _strings(dataclasses.asdict(value))
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_view_of_a_whole_contact_contains_evidence_text():
    bundle = single_scenario_bundle(SCENARIO)
    scenario = bundle.contacts[0].scenario
    secrets = set()
    for node in scenario.nodes.values():
        for reply in node.replies or ():
            for item in reply.evidence:
                secrets |= {text_in(item.because, "fr"), text_in(item.because, "en")}
            if reply.feedback is not None:
                secrets.add(text_in(reply.feedback, "fr"))
    for check in scenario.checks:
        secrets.add(text_in(check.because, "fr").split("{{")[0])
    secrets.discard("")
    clock = ManualClock(dt.datetime(2026, 3, 2, 9, 0))
    session = EpreuveSession.start(
        bundle, store=MemoryJournalStore(), clock=clock, candidate_id="c", seed=4
    )
    policy = IdealPolicy()
    seen: list[str] = []
    while session.finished is None:
        key = session.state.active or session.queue()[0].key
        for action in policy.next_actions(session.contact(key)):
            clock.advance(seconds=10)
            outcome = session.perform(action)
            seen += _strings(outcome.lines) + _strings(outcome.result)
            view = session.active_view()
            if view is not None:
                seen += _strings(view)
    text = "\n".join(seen)
    leaked = [secret for secret in secrets if secret in text]
    assert not leaked
    assert "évidence" not in text and "positive" not in text and "negative" not in text


def test_exam_outcomes_carry_no_feedback_but_practice_outcomes_do():
    bundle = single_scenario_bundle(SCENARIO)
    exam = dataclasses.replace(bundle, epreuve=bundle.epreuve.model_copy(update={"mode": "exam"}))
    for candidate_bundle, expect_feedback in ((exam, False), (bundle, True)):
        clock = ManualClock(dt.datetime(2026, 3, 2, 9, 0))
        session = EpreuveSession.start(
            candidate_bundle, store=MemoryJournalStore(), clock=clock, candidate_id="c", seed=2
        )
        policy = IdealPolicy()
        last = None
        while session.finished is None:
            key = session.state.active or session.queue()[0].key
            for action in policy.next_actions(session.contact(key)):
                clock.advance(seconds=10)
                last = session.perform(action)
        assert last is not None and last.contact_ended
        assert (last.feedback is not None) is expect_feedback
