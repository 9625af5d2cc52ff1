"""Benchmark: scoring N stored transcripts vs a raw ``json.loads`` of the same bytes, in the same run, and scoring's peak memory.

* baseline — per session, fetch the stored header and event payloads from SQLite (as bytes) and
  ``json.loads`` each: the least any reader of the transcripts does (no hash, no object built);
* ours — what ``callsim score`` does per session: read the stored bytes and verify the whole hash
  chain over them (hashing the bytes already read), check the épreuve is over, parse the events
  that carry evidence or conversation lines, each once (tool results are verified, not parsed),
  score under the default rubric, serialise the grille canonically with its SHA-256 (storing it is
  left out: one batched INSERT per hundred).

Both sides read the same sessions of the same file, in interleaved rounds (alternating which goes
first) so that machine-load drift hits both alike. Peak memory is measured apart, with
``tracemalloc``, while scoring N/10 then N sessions: it must not grow with N.

The store is built once per run in a temporary folder: a few real épreuves are played by simulated
candidates (ideal, careless, never-confirms) on the *standard* épreuve, then cloned under new session
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
#: Sessions scored by default: the target's 10,000 (``--n`` or ``CALLSIM_BENCH_SCORING_N`` for fewer;
#: the scratch journal then takes about 3.5 GB and the run several minutes).
DEFAULT_N = 10_000
QUICK_N = 100
_REPO = Path(__file__).resolve().parents[2]
_STANDARD = _REPO / "scenarios" / "epreuves" / "standard.yaml"
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

    bundle = load_bundle(_STANDARD)
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


_HEADER = "SELECT CAST(header_json AS BLOB) FROM sessions WHERE session_id = ?"
_PAYLOADS = "SELECT CAST(payload AS BLOB) FROM events WHERE session_id = ? ORDER BY seq"


def _parse(conn: sqlite3.Connection, ids: list[str]) -> int:
    """The baseline: the same stored bytes, fetched and ``json.loads``-ed, nothing else."""
    count = 0
    for session_id in ids:
        json.loads(conn.execute(_HEADER, (session_id,)).fetchone()[0])
        for (payload,) in conn.execute(_PAYLOADS, (session_id,)):
            json.loads(payload)
            count += 1
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
    """Time scoring vs parsing the same ``n`` stored sessions; peak memory at n/20 and n/2."""
    with tempfile.TemporaryDirectory(dir=tmpdir) as scratch:
        path = Path(scratch) / "journal.sqlite3"
        started = time.perf_counter()
        ids = build_store(path, n)
        built_s = time.perf_counter() - started
        job = Job(str(path), default_rubric(), "journal")
        raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        source = SqliteTranscripts(path)
        try:
            _parse(raw, ids[: max(1, n // 20)])  # warm the page cache and the imports
            _score(source, job, ids[: max(1, n // 20)])
            size = max(1, -(-n // rounds))
            totals = {"ours": 0.0, "baseline": 0.0}
            for index, start in enumerate(range(0, n, size)):
                chunk = ids[start:start + size]
                sides = [("ours", lambda c=chunk: _score(source, job, c)),
                         ("baseline", lambda c=chunk: _parse(raw, c))]
                for name, work in sides if index % 2 == 0 else sides[::-1]:
                    began = time.perf_counter()
                    work()
                    totals[name] += time.perf_counter() - began
            # tracemalloc slows scoring threefold: peak memory is compared over n/20 and n/2 sessions
            small, large = max(1, n // 20), max(1, n // 2)
            peak_small, peak_full = _peak_mib(source, job, ids[:small]), _peak_mib(source, job, ids[:large])
        finally:
            raw.close()
            source.close()
    return {
        "name": f"score {n} standard transcripts vs json.loads them",
        "n": n,
        "ours_s": totals["ours"],
        "baseline_s": totals["baseline"],
        "ratio": totals["ours"] / totals["baseline"] if totals["baseline"] > 0 else float("inf"),
        "target": TARGET_RATIO,
        "per_session_ms": 1000 * totals["ours"] / n,
        "peak_mib": {str(small): round(peak_small, 2), str(large): round(peak_full, 2)},
        "store_build_s": round(built_s, 2),
        "notes": (f"scoring peak memory (tracemalloc): {peak_small:.2f} MiB for {small} sessions, "
                  f"{peak_full:.2f} MiB for {large} (×{peak_full / peak_small:.2f}); "
                  f"{1000 * totals['ours'] / n:.2f} ms per session scored"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=default_n(False), help=f"sessions (default {DEFAULT_N}, the target's size)")
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
