"""What takes priority: a call that must not be left ringing (``answer_within_seconds``) rings while an
admin task is open. Setting the task aside and answering in time shows the caller came first; finishing
the task first leaves it ringing. Counted from journal times, so a replay gives the same evidence."""

from __future__ import annotations

from datetime import datetime

import pytest

from simulator.engine.actions import Pause, Take
from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.ideal import IdealPolicy
from tests.engine.session_support import REPO

TASK, CALL = "energie-mise-a-jour-base", "assurance-appel-urgent-pendant-tache"


@pytest.fixture
def bundle(tmp_path):
    path = tmp_path / "priorite.yaml"
    path.write_text(
        f"""callsim: epreuve/1
id: priorite-appel
version: 1.0.0
title: {{fr: "L'appel passe avant la tâche", en: "The call comes before the task"}}
briefing: {{fr: "Une mise à jour de la base ; un appel sonne.", en: "A database update; a call rings."}}
mode: practice
time_limit_minutes: 60
contacts:
  - scenario: {REPO / "scenarios/admin/energie-mise-a-jour-base.yaml"}
    at_minute: 0
  - scenario: {REPO / "scenarios/inbound/assurance-appel-urgent-pendant-tache.yaml"}
    at_minute: 1
""",
        encoding="utf-8",
    )
    return load_bundle(path)


def _play(session, clock, key, policy, steps=None):
    done = 0
    while session.contact(key).phase.value != "ended" and (steps is None or done < steps):
        for action in policy.next_actions(session.contact(key)):
            clock.advance(seconds=20)
            session.perform(action)
            done += 1


def _rules(session):
    return [e.rule for e in session.evidence() if e.contact == CALL and e.rule.startswith("ORD-")]


def _session(bundle):
    store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 3, 2, 9, 0))
    session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id="C-3", seed=2)
    session.perform(Take(contact=TASK))  # the task is open when the call rings, at minute 1
    clock.advance(seconds=60)
    session.tick()
    assert CALL in [q.key for q in session.queue()]
    return store, clock, session


def test_setting_the_task_aside_to_answer_in_time_shows_the_caller_came_first(bundle):
    store, clock, session = _session(bundle)
    clock.advance(seconds=10)
    session.perform(Pause())
    session.perform(Take(contact=CALL))
    assert _rules(session) == ["ORD-ANSWERED-IN-TIME"]
    replayed = EpreuveSession.replay(
        store.header(session.session_id), list(store.events(session.session_id)), bundle
    )
    assert [e.to_json() for e in replayed.evidence()] == [e.to_json() for e in session.evidence()]
    session.close()


def test_finishing_the_task_first_leaves_the_call_ringing(bundle):
    _store, clock, session = _session(bundle)
    _play(session, clock, TASK, IdealPolicy())
    session.perform(Take(contact=CALL))
    assert _rules(session) == ["ORD-LEFT-RINGING"]
    left = next(e for e in session.evidence() if e.rule == "ORD-LEFT-RINGING")
    assert left.competency == "01.01" and not left.positive
    session.close()
