"""Benchmark: resuming a long session from its journal versus only reading its events, in the same run.

The journal is a real one: the practice épreuve's four scenarios, copied under distinct ids as
many times as needed, played by the ideal candidate until the journal holds ``n`` events (the
épreuve is then still running, as after a crash). Resuming reads those events, checks their hash
chain, re-applies them to a fresh session (the contacts still open are rebuilt, dialogue, tools,
evidence compared with the journal; those that had ended keep their events until something asks
for them) and appends the ``session_resumed`` event; the baseline only reads the same events from
the same store. The ratio is what a candidate waits for beyond the unavoidable read of the journal.
Each timed part starts after a garbage collection, so that what the steps before left behind is
not charged to whichever part happens to trigger the collection.

Two measures: in the process that recorded the journal (each contact's customers and texts were
generated then and are remembered, as when a session is replayed again for scoring or review), and
in a fresh process (everything generated again, as when the app restarts after a crash).

Usage: python scripts/benchmarks/session.py [N]   (prints both measures as JSON)
"""

from __future__ import annotations

import dataclasses
import gc
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock, parse_stamp
from simulator.engine.session import EpreuveSession
from simulator.journal.canonical import canonical_text
from simulator.journal.events import Event
from simulator.journal.memory_store import MemoryJournalStore
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.policies.ideal import IdealPolicy

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"
TARGET_RATIO = 3.0
_T0 = datetime(2026, 11, 23, 9, 0, 0)
#: Events a contact of the practice épreuve gives with the ideal candidate, at the least.
_MIN_EVENTS_PER_CONTACT = 10


def long_bundle(events: int, source: Path = PRACTICE) -> Bundle:
    """The practice épreuve's contacts repeated (distinct ids) often enough to give ``events`` events."""
    base = load_bundle(source)
    copies = []
    for index in range(max(1, events // _MIN_EVENTS_PER_CONTACT + 1)):
        planned = base.contacts[index % len(base.contacts)]
        scenario = planned.scenario.model_copy(update={"id": f"{planned.scenario.id}-{index:04d}"})
        copies.append(dataclasses.replace(planned, scenario=scenario))
    return dataclasses.replace(base, contacts=tuple(copies))


def recorded_journal(bundle: Bundle, events: int) -> tuple[Any, list[Event]]:
    """Play ``bundle`` with the ideal candidate (in memory) and keep its first ``events`` events."""
    store, clock = MemoryJournalStore(), ManualClock(_T0)
    session = EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id="C-BENCH", seed=7, time_limit_minutes=10**6
    )
    policies: dict[str, IdealPolicy] = {}
    while (
        session.seq < events and session.finished is None
    ):  # what play_epreuve does, stopping early
        key = session.state.active or next(
            (q.key for q in session.queue() if q.phase == "waiting"), None
        )
        if key is None:
            raise RuntimeError("the long épreuve has no contact left to play")
        for action in policies.setdefault(key, IdealPolicy()).next_actions(session.contact(key)):
            clock.advance(seconds=1)
            session.perform(action)
    session.close()
    recorded = list(store.events(session.session_id))[:events]
    if len(recorded) < events or recorded[-1].type == "session_finished":
        raise RuntimeError(f"the long épreuve gave only {len(recorded)} events")
    return store.header(session.session_id), recorded


def write_store(path: Path, header: Any, events: list[Event]) -> None:
    """Put the header and the events in a SQLite journal (one bulk transaction: setup only)."""
    with SqliteJournalStore(path) as store:
        store.create_session(header)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
            [
                (
                    e.session_id,
                    e.seq,
                    e.at,
                    e.type,
                    canonical_text(dict(e.payload)),
                    e.prev_hash,
                    e.hash,
                )
                for e in events
            ],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def bench_resume(n: int = 5000, rounds: int = 2) -> list[dict[str, Any]]:
    """Time ``EpreuveSession.resume`` of an ``n``-event journal against reading the same events.

    Each measure is the best of ``rounds``: in this process (which recorded the journal), then in
    fresh processes.
    """
    bundle = long_bundle(n)
    header, events = recorded_journal(bundle, n)
    resume_at = parse_stamp(events[-1].at) + timedelta(minutes=10)
    reads, resumes, replays = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "journal.sqlite3"
        write_store(path, header, events)
        with SqliteJournalStore(path) as store:
            sid = header.session_id
            for _ in range(rounds):
                read, read_s, resume_s = _timed_read_and_resume(store, sid, resume_at, bundle)
                reads.append(read_s)
                resumes.append(resume_s)
                start = time.perf_counter()
                EpreuveSession.replay(header, read, bundle)
                replays.append(time.perf_counter() - start)
            assert len(read) >= n and read[n - 1].hash == events[-1].hash
        fresh = [_fresh_process_timings(path, sid, n, resume_at) for _ in range(rounds)]
    fresh_read, fresh_resume = min(t["read_s"] for t in fresh), min(t["resume_s"] for t in fresh)
    same = {
        "name": f"resume a {n}-event journal vs only reading its events",
        "n": n,
        "ours_s": min(resumes),
        "baseline_s": min(reads),
        "ratio": min(resumes) / min(reads),
        "target": TARGET_RATIO,
        "replay_only_s": min(replays),
        "notes": f"in the process that recorded the journal, whose contacts' customers and texts are "
        f"remembered; replaying the events alone takes {min(replays):.3f} s (dialogue, tools, "
        "evidence compared with the journal)",
    }
    cold = {
        "name": f"resume a {n}-event journal in a fresh process vs only reading its events",
        "n": n,
        "ours_s": fresh_resume,
        "baseline_s": fresh_read,
        "ratio": fresh_resume / fresh_read,
        "target": TARGET_RATIO,
        "notes": f"as after a crash: the contacts still open are generated again (a customer database of about "
        f"30 personas each); these {n} events hold {_contacts(events)} contacts where an épreuve has "
        "about 12, and those that had ended are rebuilt only when asked for",
    }
    return [same, cold]


def _contacts(events: list[Event]) -> int:
    return sum(1 for e in events if e.type == "contact_arrived")


def _timed_read_and_resume(
    store: SqliteJournalStore, sid: str, resume_at: datetime, bundle: Bundle
) -> tuple[list[Event], float, float]:
    gc.collect()
    start = time.perf_counter()
    read = list(store.events(sid))
    read_s = time.perf_counter() - start
    gc.collect()
    start = time.perf_counter()
    session = EpreuveSession.resume(store, sid, clock=ManualClock(resume_at), bundle=bundle)
    resume_s = time.perf_counter() - start
    session.close()
    return read, read_s, resume_s


def fresh_process_timings(path: str, sid: str, n: int, resume_at: str) -> dict[str, float]:
    """Run in a child process: read the journal, then resume it once (nothing generated before)."""
    bundle = long_bundle(n)
    with SqliteJournalStore(Path(path)) as store:
        _read, read_s, resume_s = _timed_read_and_resume(
            store, sid, datetime.fromisoformat(resume_at), bundle
        )
    return {"read_s": read_s, "resume_s": resume_s}


_CHILD = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "from scripts.benchmarks.session import fresh_process_timings; "
    "print(json.dumps(fresh_process_timings(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])))"
)


def _fresh_process_timings(path: Path, sid: str, n: int, resume_at: datetime) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), str(path), sid, str(n), resume_at.isoformat()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the fresh-process resume failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    print(json.dumps(bench_resume(count), indent=2))
