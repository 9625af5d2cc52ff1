"""An admin task set aside for a ringing call: ``Pause`` frees the candidate, the call is taken and
finished, the task is taken up again where it stopped. Journalled, replayed to the same evidence, and
resumable after a crash in the middle."""

from __future__ import annotations

from datetime import datetime

import pytest

from simulator.engine.actions import Pause, Take
from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.engine.toolbox import ActionRefused
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.ideal import IdealPolicy
from tests.engine.session_support import REPO

TASK, CALL = "assurance-declaration-sinistre", "maison-lumiere-livraison"
T0 = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def bundle(tmp_path):
    path = tmp_path / "pause.yaml"
    path.write_text(
        f"""callsim: epreuve/1
id: pause-pour-appel
version: 1.0.0
title: {{fr: Une tâche mise de côté pour un appel, en: A task set aside for a call}}
briefing: {{fr: Une déclaration à encoder ; un appel sonne., en: A claim to enter; a call rings.}}
mode: practice
time_limit_minutes: 60
order: queue
contacts:
  - scenario: {REPO / "scenarios/admin/assurance-declaration-sinistre.yaml"}
    at_minute: 0
  - scenario: {REPO / "scenarios/inbound/maison-lumiere-livraison.yaml"}
    at_minute: 1
""",
        encoding="utf-8",
    )
    return load_bundle(path)


def _play(session, clock, key, policy, steps=None):
    """Play ``key`` with ``policy`` until it ends (or for ``steps`` actions)."""
    done = 0
    while session.contact(key).phase.value != "ended" and (steps is None or done < steps):
        for action in policy.next_actions(session.contact(key)):
            clock.advance(seconds=20)
            session.perform(action)
            done += 1


def _start(bundle):
    store, clock = MemoryJournalStore(), ManualClock(T0)
    return (
        store,
        clock,
        EpreuveSession.start(bundle, store=store, clock=clock, candidate_id="C-1", seed=3),
    )


def test_the_task_is_set_aside_for_the_call_and_taken_up_where_it_stopped(bundle):
    store, clock, session = _start(bundle)
    task_policy = IdealPolicy()
    _play(session, clock, TASK, task_policy, steps=3)
    node_before = session.contact(TASK).node_id
    clock.advance(minutes=1)
    session.tick()
    with pytest.raises(ActionRefused):  # the call cannot be taken over an open task
        session.perform(Take(contact=CALL))
    session.perform(Pause())
    assert session.state.active is None
    assert {q.key: q.phase for q in session.queue()}[TASK] == "paused"
    _play(session, clock, CALL, IdealPolicy())
    session.perform(Take(contact=TASK))
    assert session.state.active == TASK and session.contact(TASK).node_id == node_before
    _play(session, clock, TASK, task_policy)
    assert session.finished == "completed"
    kinds = [
        e.payload["action"]["kind"] for e in store.events(session.session_id) if e.type == "action"
    ]
    assert "pause" in kinds and kinds.count("take") == 3
    events = list(store.events(session.session_id))
    replayed = EpreuveSession.replay(store.header(session.session_id), events, bundle)
    assert [e.to_json() for e in replayed.evidence()] == [e.to_json() for e in session.evidence()]
    session.close()


def test_a_call_cannot_be_set_aside(bundle):
    _store, clock, session = _start(bundle)
    clock.advance(minutes=1)
    session.tick()
    session.perform(Take(contact=CALL))
    with pytest.raises(ActionRefused) as refused:
        session.perform(Pause())
    assert refused.value.code == "cannot-pause" and "attente" in refused.value.message("fr")
    session.close()


def test_a_crash_while_the_task_is_set_aside_resumes_with_the_task_still_paused(bundle):
    store, clock, session = _start(bundle)
    _play(session, clock, TASK, IdealPolicy(), steps=3)
    clock.advance(minutes=1)
    session.tick()
    session.perform(Pause())
    session.close()  # the app stops here
    resumed = EpreuveSession.resume(
        store, session.session_id, clock=ManualClock(datetime(2026, 3, 2, 9, 30)), bundle=bundle
    )
    assert resumed.state.active is None
    assert {q.key: q.phase for q in resumed.queue()} == {TASK: "paused", CALL: "waiting"}
    resumed.perform(Take(contact=TASK))
    assert resumed.state.active == TASK
    resumed.close()
