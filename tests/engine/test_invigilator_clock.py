"""The invigilator pauses a seat's clock (an incident) and extends its time (an accommodation): journalled, replayed alike."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from scoring.grille import session_section
from scoring.reports.view import identity
from simulator.engine.actions import Take
from simulator.engine.clock import ManualClock
from simulator.engine.interruptions import invigilator_acts, time_used
from simulator.engine.session import EpreuveSession
from simulator.engine.toolbox import ActionRefused
from simulator.journal.memory_store import MemoryJournalStore
from tests.engine.session_support import (
    cached_script,
    fresh_clock,
    run_script,
    scenario_bundle,
    session_state,
    start_session,
)


def _started(actions: int = 3):
    store, clock = MemoryJournalStore(), fresh_clock()
    session = start_session(scenario_bundle(), store, clock)
    run_script(session, clock, cached_script("ideal").actions, stop=actions)
    return store, session, clock


def _used(session: EpreuveSession) -> float:
    return session.time_limit_minutes * 60 - session.remaining_seconds()


def test_a_pause_counts_as_no_time_and_refuses_actions_until_resumed() -> None:
    store, session, clock = _started()
    used = _used(session)
    assert session.pause_clock("Casque en panne, remplacé par le surveillant")
    assert not session.pause_clock("deux fois")  # already paused: nothing journalled
    clock.advance(minutes=7)
    assert _used(session) == used and session.clock_paused
    with pytest.raises(ActionRefused) as refused:
        session.perform(Take(contact="anything"))
    assert refused.value.code == "paused"
    assert session.resume_clock() and not session.resume_clock()
    clock.advance(seconds=30)
    assert _used(session) == used + 30
    types = [e.type for e in store.events(session.session_id)][-2:]
    assert types == ["clock_paused", "clock_resumed"]
    session.close()


def test_a_pause_holds_across_a_lost_connection_and_a_resume() -> None:
    store, session, clock = _started()
    session.pause_clock("Alarme incendie : salle évacuée")
    used = _used(session)
    session.close()
    later = ManualClock(clock.now() + timedelta(minutes=25))
    resumed = EpreuveSession.resume(
        store, session.session_id, clock=later, bundle=scenario_bundle()
    )
    later.advance(minutes=3)
    assert resumed.clock_paused and _used(resumed) == used
    resumed.resume_clock()
    later.advance(seconds=45)
    assert _used(resumed) == used + 45
    events = list(store.events(session.session_id))
    assert time_used(events, later.now())[0] == _used(
        resumed
    )  # the invigilator's screen counts as the seat does
    resumed.close()


def test_an_extension_grows_the_time_left_and_replays_identically() -> None:
    store, session, clock = _started()
    left = session.remaining_seconds()
    assert session.extend_time(15, "Tiers-temps (attestation de l'AVIQ)")
    assert session.remaining_seconds() == left + 15 * 60
    clock.advance(seconds=20)
    session.pause_clock("Coupure réseau")
    clock.advance(minutes=2)
    session.resume_clock()
    clock.advance(seconds=10)
    run_script(session, clock, cached_script("ideal").actions, start=3, stop=5)
    events = list(store.events(session.session_id))
    replayed = EpreuveSession.replay(store.header(session.session_id), events, scenario_bundle())
    assert session_state(replayed) == session_state(session)
    assert (
        replayed.time_limit_minutes
        == session.time_limit_minutes
        == store.header(session.session_id).extra["time_limit_minutes"] + 15
    )
    last = datetime.fromisoformat(events[-1].at)
    assert (
        replayed.timing.elapsed(last) == session.timing.elapsed(last) == time_used(events, last)[0]
    )
    session.close()


def test_the_grille_shows_the_pauses_and_extensions() -> None:
    store, session, clock = _started()
    session.pause_clock("Panne du PC, poste changé")
    clock.advance(seconds=200)
    session.resume_clock()
    session.extend_time(10, "Tiers-temps")
    events = list(store.events(session.session_id))
    acts = invigilator_acts(events)
    assert [(a["kind"], a.get("seconds"), a.get("minutes"), a["reason"]) for a in acts] == [
        ("pause", 200.0, None, "Panne du PC, poste changé"),
        ("extension", None, 10, "Tiers-temps"),
    ]
    section = session_section(store.header(session.session_id), events)
    assert section["invigilator"] == acts
    grille = {
        "session": section,
        "rubric": {"id": "r", "version": "1", "sha256": "0" * 64},
        "journal": {"events": len(events), "head": "0" * 64},
        "referentiel": {"version": "1"},
        "evidence_source": "journal",
        "scenarios": [],
    }
    line = dict(identity(grille, "fr"))["Surveillant"]
    assert (
        "horloge en pause" in line
        and "(200 s, Panne du PC, poste changé)" in line
        and "+10 min" in line
    )
    assert "clock paused" in dict(identity(grille, "en"))["Invigilator"]
    session.close()


def test_a_session_without_the_invigilators_acts_has_no_such_field() -> None:
    store, session, _clock = _started()
    assert "invigilator" not in session_section(
        store.header(session.session_id), list(store.events(session.session_id))
    )
    session.close()
