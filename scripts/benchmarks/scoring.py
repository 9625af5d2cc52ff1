"""Benchmark: scoring N stored transcripts vs merely parsing them, in the same run, and scoring's peak memory.

* baseline — read every session through ``SqliteJournalStore`` (header + events, JSON-decoded);
* ours — what ``callsim score`` does per session: read the stored bytes and verify the whole hash
  chain over them, check the épreuve is over, parse the events that carry evidence or conversation
  lines (tool results are verified, not parsed), score under the default rubric, serialise the
  grille canonically with its SHA-256 (storing it is left out: one batched INSERT per hundred).

Both sides read the same sessions of the same file, in interleaved rounds (alternating which goes
first) so that machine-load drift hits both alike. Peak memory is measured apart, with
``tracemalloc``, while scoring N/10 then N sessions: it must not grow with N.

The store is built once per run in a temporary folder: a few real épreuves are played by simulated
candidates (ideal, careless, never-confirms) on the practice épreuve, then cloned under new session
ids with their hash chains recomputed, bulk-inserted (synchronous=OFF, this is a scratch file).

Usage: python scripts/benchmarks/scoring.py [--n 10000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scoring.batch import Job, score_session
from scoring.rubric_file import default_rubric
from scoring.transcripts import SqliteTranscripts
from simulator.journal.canonical import canonical_text, event_hash_from_text, header_hash
from simulator.journal.events import SessionHeader, header_to_dict
from simulator.journal.sqlite_store import SqliteJournalStore

TARGET_RATIO = 2.0
#: Sessions scored by default (``--n`` or ``CALLSIM_BENCH_SCORING_N`` for the 10,000 of the target).
DEFAULT_N = 400
QUICK_N = 60
_REPO = Path(__file__).resolve().parents[2]
_PRACTICE = _REPO / "scenarios" / "epreuves" / "practice.yaml"
_SEEDS = {"ideal": (1, 2), "careless": (1, 2, 3), "never-confirms": (1,)}


def default_n(quick: bool) -> int:
    """The number of sessions for ``scripts/bench.py`` (environment override for a full run)."""
    return QUICK_N if quick else int(os.environ.get("CALLSIM_BENCH_SCORING_N", DEFAULT_N))


def _base_journals() -> list[tuple[SessionHeader, list[tuple[int, str, str, str]]]]:
    """A few real journals (header, [(seq, at, type, canonical payload)]) played by simulated candidates."""
    from simulator.engine.bundle import load_bundle
    from simulator.engine.clock import ManualClock
    from simulator.engine.session import EpreuveSession
    from simulator.journal.memory_store import MemoryJournalStore
    from simulator.policies.driver import play_epreuve
    from simulator.policies.registry import policy_factory

    bundle = load_bundle(_PRACTICE)
    journals = []
    for policy, seeds in _SEEDS.items():
        for seed in seeds:
            store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 1, 5, 9))
            session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id=f"B-{policy}", seed=seed)
            play_epreuve(session, policy_factory(policy, seed), clock)
            session.close()
            events = [(e.seq, e.at, e.type, canonical_text(dict(e.payload))) for e in store.events(session.session_id)]
            journals.append((store.header(session.session_id), events))
    return journals


def build_store(path: Path, n: int) -> list[str]:
    """A journal file with ``n`` finished sessions (clones of real ones, chains recomputed); their ids."""
    SqliteJournalStore(path).close()  # the real schema, triggers included
    bases = _base_journals()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    ids = []
    for i in range(n):
        base, events = bases[i % len(bases)]
        data = header_to_dict(base)
        data.update(session_id=f"S-bench{i:07d}", candidate_id=f"C-{i:07d}")
        header = SessionHeader(**data)
        head = header_hash(header)
        conn.execute("INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
            header.session_id, header.candidate_id, header.seed, header.epreuve_id, header.epreuve_hash,
            header.app_version, header.created_at, header.mode, header.language, head, canonical_text(data)))
        rows, prev = [], head
        for seq, at, type_, payload in events:
            digest = event_hash_from_text(prev, header.session_id, seq, at, type_, payload)
            rows.append((header.session_id, seq, at, type_, payload, prev, digest))
            prev = digest
        conn.executemany("INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) "
                         "VALUES (?,?,?,?,?,?,?)", rows)
        ids.append(header.session_id)
    conn.execute("COMMIT")
    conn.close()
    return ids


def _parse(store: SqliteJournalStore, ids: list[str]) -> int:
    count = 0
    for session_id in ids:
        store.header(session_id)
        count += len(list(store.events(session_id)))
    return count


def _score(source: SqliteTranscripts, job: Job, ids: list[str]) -> int:
    scored = 0
    for session_id in ids:
        outcome = score_session(source, session_id, job)
        if outcome.grille is None:
            raise RuntimeError(f"{session_id}: {outcome.refusal}")
        scored += 1
    return scored


def _peak_mib(source: SqliteTranscripts, job: Job, ids: list[str]) -> float:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        _score(source, job, ids)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def bench_score(n: int = DEFAULT_N, tmpdir: str | Path | None = None, rounds: int = 8) -> dict[str, Any]:
    """Time scoring vs parsing the same ``n`` stored sessions; peak memory at n/10 and n."""
    with tempfile.TemporaryDirectory(dir=tmpdir) as scratch:
        path = Path(scratch) / "journal.sqlite3"
        started = time.perf_counter()
        ids = build_store(path, n)
        built_s = time.perf_counter() - started
        job = Job(str(path), default_rubric(), "journal")
        store, source = SqliteJournalStore(path, create=False), SqliteTranscripts(path)
        try:
            _parse(store, ids[: max(1, n // 20)])  # warm the page cache and the imports
            _score(source, job, ids[: max(1, n // 20)])
            size = max(1, -(-n // rounds))
            totals = {"ours": 0.0, "baseline": 0.0}
            for index, start in enumerate(range(0, n, size)):
                chunk = ids[start:start + size]
                sides = [("ours", lambda c=chunk: _score(source, job, c)),
                         ("baseline", lambda c=chunk: _parse(store, c))]
                for name, work in sides if index % 2 == 0 else sides[::-1]:
                    began = time.perf_counter()
                    work()
                    totals[name] += time.perf_counter() - began
            small = max(1, n // 10)
            peak_small, peak_full = _peak_mib(source, job, ids[:small]), _peak_mib(source, job, ids)
        finally:
            store.close()
            source.close()
    return {
        "name": f"score {n} stored transcripts vs parse them",
        "n": n,
        "ours_s": totals["ours"],
        "baseline_s": totals["baseline"],
        "ratio": totals["ours"] / totals["baseline"] if totals["baseline"] > 0 else float("inf"),
        "target": TARGET_RATIO,
        "per_session_ms": 1000 * totals["ours"] / n,
        "peak_mib": {str(small): round(peak_small, 2), str(n): round(peak_full, 2)},
        "store_build_s": round(built_s, 2),
        "notes": (f"scoring peak memory (tracemalloc): {peak_small:.2f} MiB for {small} sessions, "
                  f"{peak_full:.2f} MiB for {n} (×{peak_full / peak_small:.2f}); "
                  f"{1000 * totals['ours'] / n:.2f} ms per session scored"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=default_n(False), help=f"sessions (default {DEFAULT_N}; the target is 10000)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = bench_score(args.n)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['name']}: ours {result['ours_s']:.3f} s, baseline {result['baseline_s']:.3f} s, "
              f"ratio {result['ratio']:.2f}× (target ≤ {TARGET_RATIO}×)\n{result['notes']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
