"""Benchmark: resuming a long session from its journal versus only reading its events, in the same run.

The journal is a real one: the practice épreuve's four scenarios, copied under distinct ids as
many times as needed, played by the ideal candidate until the journal holds ``n`` events (the
épreuve is then still running, as after a crash). Resuming reads those events, re-applies each of
them to a fresh session (contacts built, dialogue, tools, evidence compared with the journal),
and appends the ``session_resumed`` event; the baseline only reads the same events from the same
store. The ratio is what a candidate waits for beyond the unavoidable read of the journal.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
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
    session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id="C-BENCH", seed=7,
                                   time_limit_minutes=10**6)
    policies: dict[str, IdealPolicy] = {}
    while session.seq < events and session.finished is None:  # what play_epreuve does, stopping early
        key = session.state.active or next((q.key for q in session.queue() if q.phase == "waiting"), None)
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
            [(e.session_id, e.seq, e.at, e.type, canonical_text(dict(e.payload)), e.prev_hash, e.hash)
             for e in events])
        conn.execute("COMMIT")
    finally:
        conn.close()


def bench_resume(n: int = 5000, rounds: int = 2) -> dict[str, Any]:
    """Time ``EpreuveSession.resume`` of an ``n``-event journal against reading the same events."""
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
                start = time.perf_counter()
                read = list(store.events(sid))
                reads.append(time.perf_counter() - start)
                start = time.perf_counter()
                session = EpreuveSession.resume(store, sid, clock=ManualClock(resume_at), bundle=bundle)
                resumes.append(time.perf_counter() - start)
                session.close()
                start = time.perf_counter()
                EpreuveSession.replay(header, read, bundle)
                replays.append(time.perf_counter() - start)
            assert len(read) >= n and read[n - 1].hash == events[-1].hash
    best_ours, best_base = min(resumes), min(reads)
    return {"name": f"resume a {n}-event journal vs only reading its events", "n": n,
            "ours_s": best_ours, "baseline_s": best_base, "ratio": best_ours / best_base,
            "target": TARGET_RATIO, "replay_only_s": min(replays),
            "notes": f"replaying the events alone takes {min(replays):.3f} s: resuming is the engine re-applying "
                     "every event (contacts built, dialogue, tools, evidence), not the journal"}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    print(json.dumps(bench_resume(count), indent=2))
