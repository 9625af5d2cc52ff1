"""Benchmarks: scoring, rescoring and the batch through the CLI, each vs a raw ``json.loads`` of the same bytes.

* baseline — per session, fetch the stored header and event payloads from SQLite (as bytes) and
  ``json.loads`` each: the least any reader of the transcripts does (no hash, no object built);
* **score** — what ``callsim score`` does per session: read the stored bytes and verify the whole
  hash chain over them (hashing the bytes already read), check the épreuve is over, parse the
  events that carry evidence or conversation lines, each once (tool results are verified, not
  parsed), score under the default rubric, serialise the grille canonically with its SHA-256;
* **rescore** — what ``callsim rescore`` does per session: the same read and verification, then the
  grille under the rubric; the journal's evidence stands when the journal was written by this
  version on the épreuve files it is rescored on (a replay would derive the same), and a second
  measure, without a target, has the engine replay each journal (as when the épreuve files changed);
* **batch** — ``python -m simulator score --all --force`` (the console script's code path) run on a
  pseudo-terminal, so with its progress bar, its worker processes and the grilles stored, timed from
  outside against parsing every session in this process.

Each side runs on the same sessions of the same file in pairs (at least five), one after the other
with the order alternating, so that machine-load drift hits both alike; the median and the minimum
of the pairs' ratios are reported. Peak memory is measured apart, with ``tracemalloc``, while
scoring N/20 then N/2 sessions: it must not grow with N.

The store is built once per run in a temporary folder: a few real épreuves are played by simulated
candidates (ideal, careless, never-confirms) on the *standard* épreuve, then cloned under new session
ids with their hash chains recomputed, bulk-inserted (synchronous=OFF, this is a scratch file).

Usage: python scripts/benchmarks/scoring.py [--n 10000] [--json]
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import sqlite3
import statistics
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
BATCH_TARGET = 2.5
#: Sessions rescored by replay (the engine replays each journal: a few hundred milliseconds each).
RESCORE_N = int(os.environ.get("CALLSIM_BENCH_RESCORING_N", 100))
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
            session = EpreuveSession.start(
                bundle, store=store, clock=clock, candidate_id=f"B-{policy}", seed=seed
            )
            play_epreuve(session, policy_factory(policy, seed), clock)
            session.close()
            events = [
                (e.seq, e.at, e.type, canonical_text(dict(e.payload)))
                for e in store.events(session.session_id)
            ]
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
        conn.execute(
            "INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                header.session_id,
                header.candidate_id,
                header.seed,
                header.epreuve_id,
                header.epreuve_hash,
                header.app_version,
                header.created_at,
                header.mode,
                header.language,
                head,
                canonical_text(data),
            ),
        )
        rows, prev = [], head
        for seq, at, type_, payload in events:
            digest = event_hash_from_text(prev, header.session_id, seq, at, type_, payload)
            rows.append((header.session_id, seq, at, type_, payload, prev, digest))
            prev = digest
        conn.executemany(
            "INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) "
            "VALUES (?,?,?,?,?,?,?)",
            rows,
        )
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
            raise RuntimeError(f"{session_id}: {outcome.code}: {outcome.reason('en')}")
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


def _store(n: int) -> tuple[Path, list[str], float]:
    """The scratch journal of ``n`` sessions (built once per process and size), its ids, the seconds to build it."""
    if n not in _STORES:
        scratch = tempfile.TemporaryDirectory()
        atexit.register(scratch.cleanup)
        path = Path(scratch.name) / "journal.sqlite3"
        started = time.perf_counter()
        ids = build_store(path, n)
        _STORES[n] = (path, ids, time.perf_counter() - started)
    return _STORES[n]


_STORES: dict[int, tuple[Path, list[str], float]] = {}


def _pairs(ours: Any, baseline: Any, chunks: list[list[str]]) -> dict[str, Any]:
    """One pair per chunk (order alternating): the total times, and the median and least of the ratios."""
    ratios, totals = [], {"ours": 0.0, "baseline": 0.0}
    for index, chunk in enumerate(chunks):
        timed = {}
        sides = [("ours", ours), ("baseline", baseline)]
        for name, work in sides if index % 2 == 0 else sides[::-1]:
            began = time.perf_counter()
            work(chunk)
            timed[name] = time.perf_counter() - began
            totals[name] += timed[name]
        ratios.append(timed["ours"] / timed["baseline"])
    return {
        "ours_s": totals["ours"],
        "baseline_s": totals["baseline"],
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "pairs": len(chunks),
    }


def _chunks(ids: list[str], pairs: int) -> list[list[str]]:
    size = max(1, -(-len(ids) // pairs))
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def bench_score(n: int = DEFAULT_N, pairs: int = 8) -> dict[str, Any]:
    """Scoring vs parsing the same ``n`` stored sessions, in ``pairs`` pairs; peak memory at n/20 and n/2."""
    path, ids, built_s = _store(n)
    job = Job(str(path), default_rubric(), "journal")
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    source = SqliteTranscripts(path)
    try:
        _parse(raw, ids[: max(1, n // 20)])  # warm the page cache and the imports
        _score(source, job, ids[: max(1, n // 20)])
        measured = _pairs(
            lambda chunk: _score(source, job, chunk),
            lambda chunk: _parse(raw, chunk),
            _chunks(ids, max(5, pairs)),
        )
        # tracemalloc slows scoring threefold: peak memory is compared over n/20 and n/2 sessions
        small, large = max(1, n // 20), max(1, n // 2)
        peak_small, peak_full = (
            _peak_mib(source, job, ids[:small]),
            _peak_mib(source, job, ids[:large]),
        )
    finally:
        raw.close()
        source.close()
    return {
        "name": f"score {n} standard transcripts vs json.loads them",
        "n": n,
        **measured,
        "target": TARGET_RATIO,
        "per_session_ms": 1000 * measured["ours_s"] / n,
        "peak_mib": {str(small): round(peak_small, 2), str(large): round(peak_full, 2)},
        "store_build_s": round(built_s, 2),
        "notes": (
            f"scoring peak memory (tracemalloc): {peak_small:.2f} MiB for {small} sessions, "
            f"{peak_full:.2f} MiB for {large} (×{peak_full / peak_small:.2f}); "
            f"{1000 * measured['ours_s'] / n:.2f} ms per session scored"
        ),
    }


def bench_rescore(
    n: int = DEFAULT_N, sessions: int = RESCORE_N, pairs: int = 8
) -> list[dict[str, Any]]:
    """Rescoring vs parsing the same stored sessions: the ``n`` as ``callsim rescore`` does them (journals of
    this version on unchanged épreuve files: the journal's evidence stands), then ``sessions`` of them
    replayed by the engine (as when the épreuve files changed), reported without a target.

    Both sides are warmed first, as for scoring, and the pairs are as many as scoring's: an even
    number, so that as many pairs start with each side."""
    path, ids, _built = _store(n)
    rubric = default_rubric()
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    source = SqliteTranscripts(path)
    results = []
    try:
        for job, chosen, name in (
            (Job(str(path), rubric, "replay"), ids, f"rescore {n} standard transcripts"),
            (
                Job(str(path), rubric, "replay", force_replay=True),
                ids[:: max(1, len(ids) // sessions)][:sessions],
                f"rescore by replay {min(sessions, n)} standard transcripts",
            ),
        ):
            warm = chosen[: max(1, len(chosen) // 20) if not job.force_replay else 1]
            _parse(raw, warm)  # the page cache and the imports, as for scoring
            _score(source, job, warm)  # the épreuve files loaded once, as the command does
            measured = _pairs(
                lambda chunk, job=job: _score(source, job, chunk),
                lambda chunk: _parse(raw, chunk),
                _chunks(chosen, max(5, pairs)),
            )
            per = 1000 * measured["ours_s"] / len(chosen)
            results.append({"name": f"{name} vs json.loads them", **measured, "per_ms": per})
    finally:
        raw.close()
        source.close()
    taken, replayed = results
    taken.update(
        target=TARGET_RATIO,
        notes=f"{taken['per_ms']:.2f} ms per session rescored: journals of this callsim version on "
        "the épreuve files they were played on are not replayed (a replay would derive the same evidence)",
    )
    replayed.update(
        target=None,
        notes=f"{replayed['per_ms']:.1f} ms per session rescored by replay (the engine plays each journal "
        "again, as when the épreuve files changed): no target; CALLSIM_BENCH_RESCORING_N for more sessions",
    )
    return results


def _batch(path: Path) -> float:
    """Seconds for ``callsim score --all --force`` on a pseudo-terminal (progress bar shown), grilles stored."""
    from scripts.benchmarks.startup import run_on_pty

    conn = sqlite3.connect(path)
    conn.execute(
        "DROP TABLE IF EXISTS grilles"
    )  # a scratch journal: each run stores every grille afresh
    conn.close()
    return run_on_pty(
        [sys.executable, "-m", "simulator", "score", "--all", "--force", "--store", str(path)]
    )


def bench_batch(n: int = DEFAULT_N, pairs: int = 5) -> dict[str, Any]:
    """The whole batch through the CLI vs parsing the same ``n`` sessions in this process, in ``pairs`` pairs."""
    path, ids, _built = _store(n)
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        measured = _pairs(
            lambda _ids: _batch(path), lambda chunk: _parse(raw, chunk), [ids] * max(5, pairs)
        )
    finally:
        raw.close()
    return {
        "name": f"callsim score --all: {n} transcripts (workers, grilles stored) vs json.loads them",
        **measured,
        "target": BATCH_TARGET,
        "notes": "the console script's code path on a pseudo-terminal (progress bar), its worker processes, the "
        "grilles written; from starting the process to its end",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n",
        type=int,
        default=default_n(False),
        help=f"sessions (default {DEFAULT_N}, the target's size)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = bench_score(args.n)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['name']}: ours {result['ours_s']:.3f} s, baseline {result['baseline_s']:.3f} s, "
            f"ratio {result['ratio']:.2f}× (least {result['ratio_min']:.2f}×, target ≤ {TARGET_RATIO}×)\n{result['notes']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
