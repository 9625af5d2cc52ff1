"""SIGKILL a process playing a scripted épreuve at random moments: nothing acknowledged is ever lost.

A forked child (one interpreter start for the whole suite: the child inherits the loaded bundle and
the recorded script) plays a script on a real ``SqliteJournalStore`` with an injected
``ManualClock`` and writes ``ACK <action> <seq>`` to a pipe each time ``perform`` has returned — the
moment a front end would show the action as done. The parent kills it with SIGKILL at a random
moment (after a random number of acknowledgements, plus a random delay that lands inside the next
``perform``, often in the middle of an append), then checks what a candidate relies on:

* every acknowledged event is in the journal, unchanged (same bytes and hash as the uninterrupted
  reference run at that seq); whatever else survived is the reference's next events, nothing more;
* the chain verifies;
* resuming the session and performing the actions the journal does not have yet ends in the same
  state, the same evidence and the same remaining time as the uninterrupted run: the journal
  differs only by the ``session_resumed`` event (and the later seqs, times and hashes it shifts).
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import os
import random
import select
import signal
import time
import traceback
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from simulator.engine.bundle import Bundle
from simulator.engine.clock import ManualClock, parse_stamp
from simulator.engine.session import EpreuveSession
from simulator.journal.errors import StoreWriteFailed
from simulator.journal.events import Event
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import verify_session
from tests.engine.session_support import (
    STEP_SECONDS,
    Script,
    action_count,
    assert_evidence_seqs_point_at_events,
    cached_script,
    default_bundle,
    event_record,
    evidence_without_seq,
    fresh_clock,
    perform_step,
    practice_epreuve_path,
    reference_run,
    run_script,
    scenario_bundle,
    session_state,
    spawn_runner,
    start_session,
    strip_evidence_seqs,
    write_runner_spec,
)

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL"),
    pytest.mark.slow,
]

DOWNTIME = timedelta(minutes=10)
#: Trials per case (50 in all; the four-contact practice épreuve's are skipped if it is not valid).
TRIALS = {"scenario-ideal": 22, "scenario-flawed": 22, "practice-ideal": 6}
#: Every STARTUP_EVERY-th trial of a case is killed during start-up (store creation, header, first events).
STARTUP_EVERY = 6
CHILD_TIMEOUT = 60.0
_NO_EVENT = Event("", 0, "", "", {}, "", "")


# -- the cases and their uninterrupted reference -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Case:
    bundle: Bundle
    script: Script
    events: tuple[Event, ...]  # the uninterrupted run's journal
    records: tuple[dict[str, Any], ...]  # the same, as comparable records
    shapes: tuple[tuple[str, Any], ...]  # the same, by type and payload without evidence seqs
    final_state: dict[str, Any]
    evidence: list[dict[str, Any]]
    remaining: float


@functools.cache
def case(name: str) -> Case:
    which, policy = name.split("-")
    if which == "practice" and practice_epreuve_path() is None:
        pytest.skip("scenarios/epreuves/practice.yaml is absent or not loadable")
    bundle = scenario_bundle() if which == "scenario" else default_bundle()
    script = cached_script(policy, which=which)
    session, store = reference_run(bundle, script)
    assert session.finished == "completed"
    events = tuple(store.events(session.session_id))
    return Case(
        bundle,
        script,
        events,
        tuple(event_record(e) for e in events),
        tuple(_shape(e) for e in events),
        session_state(session),
        evidence_without_seq(session.evidence()),
        session.remaining_seconds(),
    )


def _shape(event: Event) -> tuple[str, Any]:
    """What an event says, without what a resume shifts (seq, time, hashes, evidence seqs)."""
    return event.type, strip_evidence_seqs(event_record(event)["payload"])


# -- the child ------------------------------------------------------------------------------------------


def _child(out: int, db: Path, bundle: Bundle, script: Script, die_at_append: int | None) -> int:
    """Play the whole script on a SQLite journal, acknowledging each event seq once it is durable.

    ``die_at_append``: the process SIGKILLs itself when the journal is asked for that event (1-based).
    """

    def say(line: str) -> None:
        os.write(out, line.encode() + b"\n")

    try:
        clock = fresh_clock()
        store = SqliteJournalStore(db)
        if die_at_append is not None:
            append = store.append

            def append_or_die(session_id: str, *args: Any) -> Event:
                if (store.last_event(session_id) or _NO_EVENT).seq + 1 == die_at_append:
                    os.kill(os.getpid(), signal.SIGKILL)
                return append(session_id, *args)

            store.append = append_or_die  # type: ignore[method-assign]
        session = start_session(bundle, store, clock, seed=script.seed)
        say(f"START {session.seq}")
        for index, action in enumerate(script.actions):
            perform_step(session, clock, action)
            say(f"ACK {index} {session.seq}")  # every event up to session.seq is on disk
        session.close()
        store.close()
        say("DONE")
        return 0
    except BaseException:  # noqa: BLE001 - the child reports any failure to the parent and exits
        say("ERROR " + traceback.format_exc().replace("\n", " | "))
        return 1


def _fork_child(db: Path, c: Case, die_at_append: int | None = None) -> tuple[int, int]:
    """Fork a child playing ``c``'s script; return its pid and the read end of its pipe."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            gc.disable()  # never finalise the parent's objects (connections, claims) in the child
            os.close(read)
            code = _child(write, db, c.bundle, c.script, die_at_append)
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


class _Lines:
    """The lines a child wrote to its pipe, read as they come."""

    def __init__(self, fd: int) -> None:
        self.fd, self.buffer, self.lines, self.eof = fd, b"", [], False

    def wait_for(self, count: int, timeout: float = CHILD_TIMEOUT) -> None:
        """Read until ``count`` lines arrived (or the child closed the pipe)."""
        deadline = time.monotonic() + timeout
        while len(self.lines) < count and not self.eof:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"the child said nothing for {timeout} s: {self.lines[-3:]}"
            chunk = os.read(self.fd, 65536)
            if not chunk:
                self.eof = True
                break
            *complete, self.buffer = (self.buffer + chunk).split(b"\n")
            self.lines += [line.decode() for line in complete]

    def drain(self) -> None:
        self.wait_for(10**9)
        os.close(self.fd)


def acknowledged(lines: list[str]) -> tuple[int, int]:
    """(highest acknowledged event seq, number of acknowledged actions); (-1, 0) before START."""
    seq, actions = -1, 0
    for line in lines:
        words = line.split()
        if words[0] == "START":
            seq = int(words[1])
        elif words[0] == "ACK":
            seq, actions = int(words[2]), int(words[1]) + 1
    return seq, actions


def _killed_run(
    db: Path, c: Case, lines_before_kill: int, delay: float, die_at_append: int | None = None
) -> tuple[list[str], bool]:
    """Run the child, SIGKILL it ``delay`` s after its ``lines_before_kill``-th line; True if it finished first."""
    pid, fd = _fork_child(db, c, die_at_append)
    lines = _Lines(fd)
    try:
        lines.wait_for(lines_before_kill)
        end = time.perf_counter() + delay
        while time.perf_counter() < end:  # busy wait: sub-millisecond delays land inside an append
            pass
    finally:
        os.kill(
            pid, signal.SIGKILL
        )  # the crash (a child that already exited is a zombie: no effect)
        _, status = os.waitpid(pid, 0)
        lines.drain()
    errors = [line for line in lines.lines if line.startswith("ERROR")]
    assert not errors, errors[0].replace(" | ", "\n")
    if os.WIFEXITED(status):
        assert os.WEXITSTATUS(status) == 0 and lines.lines[-1:] == ["DONE"], lines.lines[-3:]
        return lines.lines, True
    assert os.WTERMSIG(status) == signal.SIGKILL
    return lines.lines, False


@functools.cache
def _timing(name: str, scratch: Path) -> tuple[float, float]:
    """(seconds to START, seconds per action) of an uninterrupted child run, which must give the reference."""
    c = case(name)
    db = scratch / f"calibrate-{name}.sqlite3"
    started = time.perf_counter()
    pid, fd = _fork_child(db, c)
    lines = _Lines(fd)
    try:
        lines.wait_for(1)
        to_start = time.perf_counter() - started
        lines.drain()
        total = time.perf_counter() - started
    except BaseException:
        os.kill(pid, signal.SIGKILL)  # never leave a stray child behind
        raise
    finally:
        _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and lines.lines[-1] == "DONE", (
        lines.lines[-3:]
    )
    with SqliteJournalStore(db) as store:
        (session_id,) = store.session_ids()
        assert tuple(event_record(e) for e in store.events(session_id)) == c.records
    return to_start, max(1e-4, (total - to_start) / len(c.script))


# -- the checks after a kill ----------------------------------------------------------------------------


def _check_after_kill(db: Path, c: Case, lines: list[str], finished_first: bool) -> None:
    acked_seq, acked_actions = acknowledged(lines)
    reference = list(c.records)
    store = SqliteJournalStore(
        db
    )  # a crash during the store's creation leaves a file it can reopen
    try:
        sessions = store.session_ids()
        if not sessions:  # killed before the header was committed: nothing was acknowledged
            assert acked_seq == -1
            clock = fresh_clock()
            session = start_session(c.bundle, store, clock, seed=c.script.seed)
            run_script(session, clock, c.script.actions)
            assert [event_record(e) for e in store.events(session.session_id)] == reference
            session.close()
            return
        (session_id,) = sessions
        stored = list(store.events(session_id))
        # Every acknowledged event is there; what is there is the reference run's journal, unchanged.
        assert len(stored) >= max(acked_seq, 0), (
            f"acknowledged up to seq {acked_seq}, journal ends at {len(stored)}"
        )
        assert [event_record(e) for e in stored] == reference[: len(stored)]
        if finished_first:
            assert len(stored) == len(reference)
        result = verify_session(store, session_id)
        assert result.ok and result.checked == len(stored), result
        done = action_count(stored)
        assert acked_actions <= done <= acked_actions + 1

        # Resume after some downtime and perform what the journal does not have yet.
        last = stored[-1].at if stored else store.header(session_id).created_at
        clock = ManualClock(parse_stamp(last) + DOWNTIME)
        session = EpreuveSession.resume(store, session_id, clock=clock, bundle=c.bundle)
        resumed = list(store.events(session_id, after_seq=len(stored)))
        if stored and stored[-1].type != "session_finished":
            assert resumed[0].type == "session_resumed"
            assert resumed[0].payload == {
                "downtime_seconds": DOWNTIME.total_seconds(),
                "policy": "clock-paused",
            }
        run_script(session, clock, c.script.actions, start=done, step=STEP_SECONDS)
        session.close()

        assert session.finished == "completed"
        assert evidence_without_seq(session.evidence()) == c.evidence
        assert strip_evidence_seqs(session_state(session)) == strip_evidence_seqs(c.final_state)
        assert session.remaining_seconds() == c.remaining  # the downtime is not charged
        final = list(store.events(session_id))
        assert verify_session(store, session_id).ok
        # The journal says what the uninterrupted one says, plus the resume (seqs, times, hashes shift).
        assert tuple(_shape(e) for e in final if e.type != "session_resumed") == c.shapes
        assert sum(e.type == "session_resumed" for e in final) == (
            0 if finished_first or not stored or stored[-1].type == "session_finished" else 1
        )
        assert_evidence_seqs_point_at_events(session, final)
    finally:
        store.close()


# -- the tests ------------------------------------------------------------------------------------------

TRIAL_IDS = [(name, trial) for name, count in TRIALS.items() for trial in range(count)]


@pytest.fixture(scope="module")
def calibration_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("crash-calibration")


@pytest.mark.parametrize(("name", "trial"), TRIAL_IDS, ids=[f"{n}-{t}" for n, t in TRIAL_IDS])
def test_sigkill_at_a_random_moment_loses_nothing_acknowledged(
    tmp_path: Path, calibration_dir: Path, name: str, trial: int
) -> None:
    c = case(name)
    to_start, per_action = _timing(name, calibration_dir)
    rng = random.Random(f"{name}/{trial}")
    # 0: during start-up (store creation, header, first events); k ≥ 1: after the k-th line
    # (START, then one ACK per action), somewhere inside the next perform.
    lines_before_kill = 0 if trial % STARTUP_EVERY == 0 else rng.randint(1, len(c.script))
    delay = rng.uniform(0, to_start if lines_before_kill == 0 else 1.5 * per_action)
    db = tmp_path / "journal.sqlite3"
    lines, finished_first = _killed_run(db, c, lines_before_kill, delay)
    _check_after_kill(db, c, lines, finished_first)


def test_sigkill_of_a_separate_interpreter(tmp_path: Path) -> None:
    """The same guarantee with no fork: a fresh ``python`` runs the script and is killed mid-run."""
    c = case("scenario-ideal")
    spec = write_runner_spec(
        tmp_path / "spec.json",
        db=tmp_path / "journal.sqlite3",
        bundle_path=c.bundle.path,
        script=c.script,
    )
    child = spawn_runner(spec)
    seen: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            seen.append(line.strip())
            if len(seen) == len(c.script) // 2:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=CHILD_TIMEOUT)
        rest, errors = child.communicate(timeout=CHILD_TIMEOUT)
    assert child.returncode == -signal.SIGKILL, errors
    lines = [line for line in seen + rest.splitlines() if line.strip()]
    assert acknowledged(lines)[1] >= len(c.script) // 2 - 1
    _check_after_kill(tmp_path / "journal.sqlite3", c, lines, finished_first=False)


def test_killed_between_the_header_and_the_first_event(tmp_path: Path) -> None:
    """The journal holds only the header: resuming starts the épreuve, as the start would have."""
    c = case("scenario-ideal")
    db = tmp_path / "journal.sqlite3"
    lines, finished_first = _killed_run(db, c, 10**9, 0.0, die_at_append=1)
    assert lines == [] and not finished_first
    with SqliteJournalStore(db) as store:
        (session_id,) = store.session_ids()
        assert list(store.events(session_id)) == []
    _check_after_kill(db, c, lines, finished_first)
    with SqliteJournalStore(db) as store:
        first = next(store.events(session_id))
    assert first.type == "session_started" and first.payload == c.events[0].payload


@pytest.mark.parametrize("event", [2, 5, 12])
def test_killed_just_before_an_append(tmp_path: Path, event: int) -> None:
    """Killed as the engine hands event ``event`` to the journal: that event and nothing after it is lost."""
    c = case("scenario-ideal")
    db = tmp_path / "journal.sqlite3"
    lines, finished_first = _killed_run(db, c, 10**9, 0.0, die_at_append=event)
    assert not finished_first and acknowledged(lines)[0] < event
    with SqliteJournalStore(db) as store:
        (session_id,) = store.session_ids()
        assert len(list(store.events(session_id))) == event - 1
    _check_after_kill(db, c, lines, finished_first)


class _FailingAppends:
    """A journal whose disk fails: the header is written, every append fails."""

    def __init__(self, store: SqliteJournalStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def append(self, *args: Any) -> Event:
        raise StoreWriteFailed("disk I/O error")


def test_a_failed_start_releases_the_claim_and_resumes(tmp_path: Path) -> None:
    c = case("scenario-ideal")
    store = SqliteJournalStore(tmp_path / "journal.sqlite3")
    try:
        with pytest.raises(StoreWriteFailed) as caught:
            start_session(c.bundle, _FailingAppends(store), fresh_clock(), seed=c.script.seed)
        kept = caught.value  # a front end keeps the error (and its traceback) to show it
        (session_id,) = store.session_ids()
        clock = fresh_clock()
        session = EpreuveSession.resume(
            store, session_id, clock=clock, bundle=c.bundle
        )  # not SessionInUse
        run_script(session, clock, c.script.actions)
        session.close()
        assert tuple(event_record(e) for e in store.events(session_id)) == c.records
        del kept
    finally:
        store.close()
