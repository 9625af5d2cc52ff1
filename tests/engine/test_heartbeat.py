"""Time cannot be won back: the clock stops at the last heartbeat, not at the last action; interruptions are on the grille."""

from __future__ import annotations

from datetime import timedelta

from scoring.grille import session_section
from scoring.reports.view import identity
from simulator.engine.clock import ManualClock
from simulator.engine.interruptions import interruptions
from simulator.engine.session import HEARTBEAT_SECONDS, EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from tests.engine.session_support import (
    cached_script,
    fresh_clock,
    run_script,
    scenario_bundle,
    session_state,
    start_session,
)


def _started(actions: int = 4):
    store, clock = MemoryJournalStore(), fresh_clock()
    session = start_session(scenario_bundle(), store, clock)
    run_script(session, clock, cached_script("ideal").actions, stop=actions)
    return store, session, clock


def test_a_heartbeat_is_written_only_after_an_interval_without_events():
    store, session, clock = _started()
    seq = session.seq
    clock.advance(seconds=HEARTBEAT_SECONDS - 1)
    assert not session.heartbeat() and session.seq == seq
    clock.advance(seconds=1)
    assert session.heartbeat()
    last = store.last_event(session.session_id)
    assert last.type == "heartbeat" and last.payload == {}
    session.close()


def test_a_crash_gives_back_at_most_one_heartbeat_interval():
    store, session, clock = _started()
    limit = session.time_limit_minutes * 60
    used_at_last_action = limit - session.remaining_seconds()
    for _ in range(8):  # two idle minutes, the app alive: a heartbeat every 15 s
        clock.advance(seconds=HEARTBEAT_SECONDS)
        session.heartbeat()
    clock.advance(
        seconds=HEARTBEAT_SECONDS - 1
    )  # then the machine goes down, just before the next one
    crashed_at = clock.now()
    session.close()

    later = ManualClock(crashed_at + timedelta(minutes=20))
    resumed = EpreuveSession.resume(
        store, session.session_id, clock=later, bundle=scenario_bundle()
    )
    used = limit - resumed.remaining_seconds()
    assert used == used_at_last_action + 8 * HEARTBEAT_SECONDS  # the idle minutes are charged
    downtime = store.last_event(session.session_id).payload["downtime_seconds"]
    assert (
        downtime == 20 * 60 + HEARTBEAT_SECONDS - 1
    )  # counted from the last heartbeat: < one interval given back
    resumed.close()


def test_heartbeats_and_invigilator_events_change_nothing_in_replay():
    store, session, clock = _started(6)
    reference = session_state(
        EpreuveSession.replay(
            store.header(session.session_id), store.events(session.session_id), scenario_bundle()
        )
    )
    clock.advance(seconds=HEARTBEAT_SECONDS)
    session.heartbeat()
    session.note(
        "invigilator_attempt",
        {"purpose": "quit", "accepted": False, "refused": "wrong", "failures": 1},
    )
    replayed = EpreuveSession.replay(
        store.header(session.session_id), store.events(session.session_id), scenario_bundle()
    )
    state = session_state(replayed)
    assert {k: v for k, v in state.items() if k != "seq"} == {
        k: v for k, v in reference.items() if k != "seq"
    }
    assert replayed.remaining_seconds() == session.remaining_seconds()
    session.close()


def test_an_invigilators_attempt_after_a_crash_is_not_charged():
    store, session, clock = _started()
    remaining = session.remaining_seconds()
    session.close()
    later = ManualClock(clock.now() + timedelta(minutes=10))
    with store.claim(
        session.session_id, "test"
    ):  # e.g. the code typed to move the candidate to another seat
        store.append(
            session.session_id, "seat_changed", {"from": "A", "to": "B"}, later.now().isoformat()
        )
    resumed = EpreuveSession.resume(
        store, session.session_id, clock=later, bundle=scenario_bundle()
    )
    assert resumed.remaining_seconds() == remaining
    resumed.close()


def test_interruptions_are_journalled_with_their_length_and_shown_on_the_grille():
    store, session, clock = _started()
    clock.advance(seconds=5)
    session.interrupt("SIGTERM")
    session.close()
    first = ManualClock(clock.now() + timedelta(minutes=3))
    resumed = EpreuveSession.resume(
        store, session.session_id, clock=first, bundle=scenario_bundle()
    )
    first.advance(seconds=HEARTBEAT_SECONDS)
    resumed.heartbeat()
    resumed.close()  # then a crash, without a word
    second = ManualClock(first.now() + timedelta(seconds=90))
    EpreuveSession.resume(store, session.session_id, clock=second, bundle=scenario_bundle()).close()

    events = list(store.events(session.session_id))
    found = interruptions(events)
    assert [(i["seconds"], i["cause"]) for i in found] == [(180.0, "SIGTERM"), (90.0, "")]
    section = session_section(store.header(session.session_id), events)
    assert section["interruptions"] == found
    grille = {
        "session": section,
        "rubric": {"id": "r", "version": "1", "sha256": "0" * 64},
        "journal": {"events": len(events), "head": "0" * 64},
        "referentiel": {"version": "1"},
        "evidence_source": "journal",
        "scenarios": [],
    }
    rows = dict(identity(grille, "fr"))
    assert rows["Interruptions"].startswith("2 — ") and "180 s, SIGTERM" in rows["Interruptions"]
    assert "90 s, sans signal" in rows["Interruptions"]
    assert "90 s, no signal" in dict(identity(grille, "en"))["Interruptions"]
    grille["session"]["interruptions"][0]["cause"] = "invigilator"
    assert "180 s, fermée par le surveillant" in dict(identity(grille, "fr"))["Interruptions"]


def test_a_session_never_interrupted_has_no_interruptions_field():
    store, session, _clock = _started()
    section = session_section(
        store.header(session.session_id), list(store.events(session.session_id))
    )
    assert "interruptions" not in section
    session.close()


def test_the_printed_grille_lists_the_interruptions():
    import copy

    from scoring.reports.html import render_html
    from scoring.reports.markdown import render_markdown
    from tests.scoring.scoring_support import practice, simulated_grille

    grille = copy.deepcopy(simulated_grille(practice(), "never-confirms", 2))
    grille["session"]["interruptions"] = [
        {
            "stopped_at": "2026-03-02T09:14:05.000",
            "resumed_at": "2026-03-02T09:21:35.000",
            "seconds": 450.0,
            "cause": "SIGHUP",
        }
    ]
    assert "Interruptions</th>" in render_html(grille, "fr")
    assert "arrêt 09:14:05 → reprise 09:21:35 (450 s, SIGHUP)" in render_html(grille, "fr")
    assert (
        "| Interruptions | 1 — stopped 09:14:05 → resumed 09:21:35 (450 s, SIGHUP) |"
        in render_markdown(grille, "en")
    )


class _RefusingStore(MemoryJournalStore):
    """A memory store that refuses the next ``refusals`` appends, as a store locked by another program."""

    refusals = 0

    def append(self, session_id, type, payload, at):
        from simulator.journal.errors import StoreWriteFailed

        if self.refusals:
            self.refusals -= 1
            raise StoreWriteFailed("database is locked")
        return super().append(session_id, type, payload, at)


def test_a_refused_write_is_kept_and_written_again_once_the_store_accepts():
    import pytest

    from simulator.journal.errors import StoreWriteFailed

    store, clock = _RefusingStore(), fresh_clock()
    session = start_session(scenario_bundle(), store, clock)
    actions = cached_script("ideal").actions
    store.refusals = 2
    with pytest.raises(StoreWriteFailed):
        run_script(session, clock, actions, stop=1)
    assert session.broken and session.pending is not None and session.pending[0] == "action"
    with pytest.raises(StoreWriteFailed):
        session.retry_pending()
    assert session.broken  # still refused: the session takes nothing else meanwhile
    assert not session.heartbeat()
    assert session.retry_pending() and not session.broken and session.pending is None
    run_script(session, clock, actions, start=1, stop=4)
    reference_store, reference_clock = MemoryJournalStore(), fresh_clock()
    reference = start_session(scenario_bundle(), reference_store, reference_clock)
    run_script(reference, reference_clock, actions, stop=4)
    assert [(e.type, e.payload) for e in store.events(session.session_id)] == [
        (e.type, e.payload) for e in reference_store.events(reference.session_id)
    ]
    session.close()
    reference.close()
