"""Resuming and replaying a session from its journal give back exactly the live state.

The property tests interrupt a scripted run after a random number of actions (closing the session
and its store as a crash would), resume it from the SQLite journal, compare everything the
candidate or the scoring can depend on, and finish the script: the end result must not show that
the run was ever interrupted (only the ``session_resumed`` events differ, shifting later seqs).
"""

from __future__ import annotations

import dataclasses
import gc
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.bundle import load_bundle, single_scenario_bundle
from simulator.engine.clock import ManualClock, parse_stamp
from simulator.engine.session import EpreuveSession, SessionError
from simulator.journal.errors import SessionInUse, UnknownSession
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import verify_session
from tests.engine.session_support import (
    SCENARIO_PATH,
    Script,
    action_count,
    assert_evidence_seqs_point_at_events,
    cached_script,
    evidence_without_seq,
    fresh_clock,
    reference_run,
    run_script,
    scenario_bundle,
    session_state,
    spawn_holder,
    start_session,
    strip_evidence_seqs,
    write_epreuve,
)

DOWNTIME = timedelta(minutes=10)
POLICIES = ("ideal", "flawed")


@dataclasses.dataclass
class Reference:
    final_state: dict[str, Any]
    final_remaining: float
    evidence: list[dict[str, Any]]


_REFERENCES: dict[str, Reference] = {}


def reference(policy: str) -> Reference:
    """The uninterrupted run of a policy's script (computed once)."""
    if policy not in _REFERENCES:
        session, _store = reference_run(scenario_bundle(), cached_script(policy))
        assert session.finished == "completed"
        _REFERENCES[policy] = Reference(
            session_state(session),
            session.remaining_seconds(),
            evidence_without_seq(session.evidence()),
        )
    return _REFERENCES[policy]


def _resume_clock(
    store: SqliteJournalStore, session_id: str, downtime: timedelta = DOWNTIME
) -> ManualClock:
    last = store.last_event(session_id)
    assert last is not None
    return ManualClock(parse_stamp(last.at) + downtime)


def interrupted_run(db: Path, script: Script, stops: list[int]) -> EpreuveSession:
    """Run ``script``, "crashing" after each prefix length in ``stops``; return the final session.

    At each stop: the live state is compared with a replay of the journal and with a session
    resumed from it (new store object, clock moved on by ``DOWNTIME``); the remaining time must be
    what it was at the last event.
    """
    bundle = scenario_bundle()
    store = SqliteJournalStore(db)
    clock = fresh_clock()
    session = start_session(bundle, store, clock, seed=script.seed)
    done = 0
    for stop in stops:
        run_script(session, clock, script.actions, start=done, stop=stop)
        done = stop
        live = session_state(session)
        live_remaining = session.remaining_seconds()
        session_id, header = session.session_id, store.header(session.session_id)

        replayed = EpreuveSession.replay(header, store.events(session_id), bundle)
        assert session_state(replayed) == live
        assert replayed.remaining_seconds() == live_remaining
        assert replayed.seq == session.seq

        session.close()  # the crash: claim released, store dropped
        store.close()
        store = SqliteJournalStore(db)
        clock = _resume_clock(store, session_id)
        before = session.seq
        session = EpreuveSession.resume(store, session_id, clock=clock, bundle=bundle)
        assert session_state(session) == live, f"state after resuming at action {stop} differs"
        if session.finished is None:
            assert session.remaining_seconds() == live_remaining
            resumed = [e for e in store.events(session_id, after_seq=before)]
            assert [e.type for e in resumed][:1] == ["session_resumed"]
            assert resumed[0].payload["downtime_seconds"] == DOWNTIME.total_seconds()
        assert action_count(store.events(session_id)) == stop
    run_script(session, clock, script.actions, start=done)
    assert verify_session(store, session.session_id).ok
    assert_evidence_seqs_point_at_events(session, list(store.events(session.session_id)))
    session.close()
    store.close()
    return session


def _check_final(session: EpreuveSession, policy: str, *, reopened_finished: bool = False) -> None:
    ref = reference(policy)
    assert session.finished == "completed"
    assert evidence_without_seq(session.evidence()) == ref.evidence
    assert strip_evidence_seqs(session_state(session)) == strip_evidence_seqs(ref.final_state)
    if (
        not reopened_finished
    ):  # (a finished session reopened: see test_finished_session_keeps_its_remaining_time)
        # Downtime is never charged: the active time used is the uninterrupted run's.
        assert session.remaining_seconds() == ref.final_remaining


@st.composite
def prefixes(draw: st.DrawFn) -> tuple[str, int]:
    policy = draw(st.sampled_from(POLICIES))
    return policy, draw(st.integers(0, len(cached_script(policy))))


@settings(derandomize=True, max_examples=30, deadline=None)
@given(prefixes())
def test_resume_after_any_prefix_gives_the_live_state(case: tuple[str, int]) -> None:
    policy, k = case
    with tempfile.TemporaryDirectory() as scratch:
        session = interrupted_run(Path(scratch) / "journal.sqlite3", cached_script(policy), [k])
    _check_final(session, policy, reopened_finished=k == len(cached_script(policy)))


@st.composite
def several_stops(draw: st.DrawFn) -> tuple[str, list[int]]:
    policy = draw(st.sampled_from(POLICIES))
    n = len(cached_script(policy))
    return policy, sorted(draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=4)))


@settings(derandomize=True, max_examples=8, deadline=None)
@given(several_stops())
def test_resume_again_and_again(case: tuple[str, list[int]]) -> None:
    policy, stops = case
    with tempfile.TemporaryDirectory() as scratch:
        session = interrupted_run(Path(scratch) / "journal.sqlite3", cached_script(policy), stops)
    _check_final(session, policy)


def test_replay_of_a_whole_run_equals_the_live_state(tmp_path: Path) -> None:
    for policy in POLICIES:
        store = SqliteJournalStore(tmp_path / f"{policy}.sqlite3")
        clock = fresh_clock()
        session = start_session(scenario_bundle(), store, clock, seed=cached_script(policy).seed)
        run_script(session, clock, cached_script(policy).actions)
        replayed = EpreuveSession.replay(
            store.header(session.session_id), store.events(session.session_id), scenario_bundle()
        )
        assert session_state(replayed) == session_state(session) == reference(policy).final_state
        assert replayed.finished == "completed" and replayed.seq == session.seq
        assert replayed.remaining_seconds() == session.remaining_seconds()
        with pytest.raises(SessionError):
            replayed.perform(cached_script(policy).actions[0])  # read-only
        session.close()
        store.close()


# -- time policy --------------------------------------------------------------------------------------


def _started(
    tmp_path: Path, actions: int
) -> tuple[SqliteJournalStore, EpreuveSession, ManualClock]:
    store = SqliteJournalStore(tmp_path / "journal.sqlite3")
    clock = fresh_clock()
    session = start_session(scenario_bundle(), store, clock)
    run_script(session, clock, cached_script("ideal").actions, stop=actions)
    return store, session, clock


def test_downtime_is_not_charged(tmp_path: Path) -> None:
    store, session, clock = _started(tmp_path, 6)
    at_last_event = session.remaining_seconds()
    assert at_last_event == session.time_limit_minutes * 60 - 6 * 20
    clock.advance(minutes=2)  # idle, then the machine goes down: the clock stops at the last event
    assert session.remaining_seconds() == at_last_event - 120
    session.close()

    down = ManualClock(clock.now() + DOWNTIME)
    resumed = EpreuveSession.resume(store, session.session_id, clock=down, bundle=scenario_bundle())
    assert resumed.remaining_seconds() == at_last_event
    event = store.last_event(session.session_id)
    assert event is not None and event.type == "session_resumed"
    assert event.payload == {"downtime_seconds": 720.0, "policy": "clock-paused"}
    down.advance(seconds=30)
    assert resumed.remaining_seconds() == at_last_event - 30

    # A second interruption: both downtimes stay uncharged, active time keeps adding up.
    run_script(resumed, down, cached_script("ideal").actions, start=6, stop=9)
    at_second = resumed.remaining_seconds()
    assert at_second == at_last_event - 30 - 3 * 20
    resumed.close()
    later = ManualClock(down.now() + timedelta(hours=3))
    again = EpreuveSession.resume(store, session.session_id, clock=later, bundle=scenario_bundle())
    assert again.remaining_seconds() == at_second
    replayed = EpreuveSession.replay(
        store.header(session.session_id), store.events(session.session_id), scenario_bundle()
    )
    assert replayed.remaining_seconds() == at_second
    again.close()


def test_finished_session_keeps_its_remaining_time(tmp_path: Path) -> None:
    script = cached_script("ideal")
    store, session, clock = _started(tmp_path, len(script))
    assert session.finished == "completed"
    at_finish = session.remaining_seconds()
    session.close()
    later = ManualClock(clock.now() + DOWNTIME)
    reopened = EpreuveSession.resume(
        store, session.session_id, clock=later, bundle=scenario_bundle()
    )
    replayed = EpreuveSession.replay(
        store.header(session.session_id), store.events(session.session_id), scenario_bundle()
    )
    assert replayed.remaining_seconds() == at_finish
    assert reopened.remaining_seconds() == at_finish


# -- claims -------------------------------------------------------------------------------------------


def _assert_clear_in_use(exc: SessionInUse, session_id: str) -> None:
    assert exc.session_id == session_id
    english, french = exc.message("en"), exc.message("fr")
    assert session_id in english and "already open in another process" in english
    assert session_id in french and "déjà ouverte" in french
    assert "close it before resuming" in english


def test_second_resume_of_a_claimed_session_raises_session_in_use(tmp_path: Path) -> None:
    store, session, clock = _started(tmp_path, 4)
    session.close()
    first = EpreuveSession.resume(store, session.session_id, clock=clock, bundle=scenario_bundle())
    seq = first.seq
    for other in (store, SqliteJournalStore(tmp_path / "journal.sqlite3")):
        with pytest.raises(SessionInUse) as caught:
            EpreuveSession.resume(other, session.session_id, clock=clock, bundle=scenario_bundle())
        _assert_clear_in_use(caught.value, session.session_id)
        assert "pid=" in caught.value.holder
    # The refused resume wrote nothing and the holder carries on.
    assert store.last_event(session.session_id).seq == seq
    run_script(first, clock, cached_script("ideal").actions, start=4)
    assert first.finished == "completed"
    first.close()
    EpreuveSession.resume(store, session.session_id, clock=clock, bundle=scenario_bundle()).close()


def test_a_live_session_cannot_be_resumed_elsewhere(tmp_path: Path) -> None:
    store, session, clock = _started(tmp_path, 3)
    with pytest.raises(SessionInUse):
        EpreuveSession.resume(
            SqliteJournalStore(tmp_path / "journal.sqlite3"),
            session.session_id,
            clock=clock,
            bundle=scenario_bundle(),
        )
    run_script(session, clock, cached_script("ideal").actions, start=3)
    assert session.finished == "completed"
    session.close()


def test_resume_while_another_process_holds_the_claim(tmp_path: Path) -> None:
    store, session, clock = _started(tmp_path, 5)
    session.close()
    holder = spawn_holder(tmp_path / "journal.sqlite3", session.session_id)
    try:
        with pytest.raises(SessionInUse) as caught:
            EpreuveSession.resume(store, session.session_id, clock=clock, bundle=scenario_bundle())
        _assert_clear_in_use(caught.value, session.session_id)
        assert f"holder-test-process pid={holder.pid}" in caught.value.holder
        assert f"pid={holder.pid}" in caught.value.message("en")
        assert store.last_event(session.session_id).seq == session.seq  # nothing written
    finally:
        holder.communicate(input="", timeout=30)
    assert holder.returncode == 0
    resumed = EpreuveSession.resume(
        store, session.session_id, clock=clock, bundle=scenario_bundle()
    )
    assert resumed.finished is None
    resumed.close()


def test_resume_of_an_unknown_session(tmp_path: Path) -> None:
    with SqliteJournalStore(tmp_path / "journal.sqlite3") as store, pytest.raises(UnknownSession):
        EpreuveSession.resume(
            store, "S-000000000000", clock=fresh_clock(), bundle=scenario_bundle()
        )


# -- changed files ------------------------------------------------------------------------------------

_ORIGINAL = "Je comprends votre agacement, trois semaines c'est long."
_EDITED = "Je comprends tout à fait votre agacement, trois semaines c'est long."


def _edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _ORIGINAL in text
    path.write_text(text.replace(_ORIGINAL, _EDITED), encoding="utf-8")


def test_resume_with_a_changed_scenario_raises_session_error(tmp_path: Path) -> None:
    copy = tmp_path / "scenario" / SCENARIO_PATH.name
    copy.parent.mkdir()
    copy.write_bytes(SCENARIO_PATH.read_bytes())
    store = SqliteJournalStore(tmp_path / "journal.sqlite3")
    clock = fresh_clock()
    session = start_session(single_scenario_bundle(str(copy)), store, clock)
    run_script(session, clock, cached_script("ideal").actions, stop=5)
    session.close()
    _edit(copy)
    with pytest.raises(SessionError) as caught:
        EpreuveSession.resume(
            store, session.session_id, clock=clock, bundle=single_scenario_bundle(str(copy))
        )
    assert "changed since this session started" in caught.value.message("en")
    assert "ont changé" in caught.value.message("fr")
    assert store.last_event(session.session_id).seq == session.seq  # nothing written
    # Refused before claiming: the session stays resumable once the file is put back.
    copy.write_bytes(SCENARIO_PATH.read_bytes())
    EpreuveSession.resume(
        store, session.session_id, clock=clock, bundle=single_scenario_bundle(str(copy))
    ).close()


@pytest.mark.parametrize("edit", ["scenario", "epreuve"])
def test_resume_of_an_epreuve_with_changed_files_raises_session_error(
    tmp_path: Path, edit: str
) -> None:
    epreuve = write_epreuve(tmp_path / "files", [SCENARIO_PATH])
    store = SqliteJournalStore(tmp_path / "journal.sqlite3")
    clock = fresh_clock()
    session = start_session(load_bundle(epreuve), store, clock)
    run_script(session, clock, cached_script("ideal").actions, stop=5)
    session.close()
    # Unchanged files: resuming finds the épreuve from the path in the header.
    EpreuveSession.resume(store, session.session_id, clock=clock).close()
    if edit == "scenario":
        _edit(tmp_path / "files" / SCENARIO_PATH.name)
    else:
        epreuve.write_text(
            epreuve.read_text(encoding="utf-8").replace(
                "time_limit_minutes: 30", "time_limit_minutes: 45"
            )
        )
    with pytest.raises(SessionError):
        EpreuveSession.resume(store, session.session_id, clock=clock)
    assert store.last_event(session.session_id).type == "session_resumed"


def test_resume_without_bundle_of_a_single_scenario_session(tmp_path: Path) -> None:
    store, session, clock = _started(tmp_path, 5)
    session.close()
    resumed = EpreuveSession.resume(store, session.session_id, clock=clock)
    assert session_state(resumed)["contacts"] == session_state(session)["contacts"]


def test_a_failed_resume_releases_the_claim(tmp_path: Path) -> None:
    store, session, clock = _started(tmp_path, 8)
    session.close()
    good = scenario_bundle()
    # Same files as far as the hashes go, but the reply's evidence now names another competency:
    # what an engine or referential update between the crash and the resume amounts to.
    changed = tmp_path / "changed" / SCENARIO_PATH.name
    changed.parent.mkdir()
    changed.write_text(
        SCENARIO_PATH.read_text(encoding="utf-8").replace(
            '{competency: "01.04", effect: positive, because: {fr: Reconnaît',
            '{competency: "01.05", effect: positive, because: {fr: Reconnaît',
        ),
        encoding="utf-8",
    )
    other = single_scenario_bundle(str(changed))
    other = dataclasses.replace(
        other,
        path=good.path,
        sha256=good.sha256,
        contacts=tuple(
            dataclasses.replace(c, sha256=g.sha256)
            for c, g in zip(other.contacts, good.contacts, strict=True)
        ),
    )
    with pytest.raises(SessionError) as caught:
        EpreuveSession.resume(store, session.session_id, clock=clock, bundle=other)
    assert "does not give the same evidence" in caught.value.message("en")
    kept = caught.value  # a front end keeps the error to show it
    try:
        EpreuveSession.resume(store, session.session_id, clock=clock, bundle=good).close()
    finally:
        del kept
        gc.collect()
