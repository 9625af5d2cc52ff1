"""Benchmark: appending events through ``SqliteJournalStore`` vs a bare SQLite INSERT + COMMIT."""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from simulator.journal.events import SessionHeader
from simulator.journal.sqlite_store import SqliteJournalStore

TARGET_RATIO = 1.5
_BASE = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
_BASELINE_DDL = """CREATE TABLE events (
    session_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, type TEXT NOT NULL,
    payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq))"""
_FAKE_HASH = "f" * 64


def _workload(n: int) -> list[tuple[str, dict[str, Any]]]:
    """Deterministic timestamps and payloads shaped like real engine events."""
    return [
        (
            (_BASE + timedelta(milliseconds=250 * i)).isoformat(),
            {"call": f"c{i // 20}", "action": "say", "text": f"Bonjour, message n° {i}.", "i": i},
        )
        for i in range(n)
    ]


def _header() -> SessionHeader:
    return SessionHeader(
        session_id="bench",
        candidate_id="cand-1",
        seed=1,
        epreuve_id="bench",
        epreuve_hash="0" * 64,
        scenario_hashes={"s1": "1" * 64},
        app_version="bench",
        created_at=_BASE.isoformat(),
        mode="practice",
        language="fr",
    )


class _Ours:
    """Appends through ``SqliteJournalStore`` (validation, hashing, chain, triggers)."""

    def __init__(self, path: Path) -> None:
        self.store = SqliteJournalStore(path)
        self.store.create_session(_header())

    def append(self, seq: int, at: str, payload: dict[str, Any]) -> None:
        self.store.append("bench", "agent.action", payload, at)

    def close(self) -> None:
        self.store.close()


class _Baseline:
    """Bare ``INSERT`` + ``COMMIT`` per row, same pragmas (WAL, synchronous=FULL)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute(_BASELINE_DDL)

    def append(self, seq: int, at: str, payload: dict[str, Any]) -> None:
        row = ("bench", seq, at, "agent.action", json.dumps(payload), _FAKE_HASH, _FAKE_HASH)
        self.conn.execute("BEGIN")
        self.conn.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?)", row)
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def _timed(writer: _Ours | _Baseline, chunk: list[tuple[int, str, dict[str, Any]]]) -> float:
    start = time.perf_counter()
    for seq, at, payload in chunk:
        writer.append(seq, at, payload)
    return time.perf_counter() - start


def bench_append(
    n: int = 2000, tmpdir: str | Path | None = None, rounds: int = 10
) -> dict[str, Any]:
    """Time ``n`` appends both ways in the same run; ``ratio`` = ours / baseline.

    The work is split into ``rounds`` interleaved chunks (alternating which side goes
    first) so that disk and machine-load drift affect both sides alike.
    """
    work = [(seq, at, payload) for seq, (at, payload) in enumerate(_workload(n), start=1)]
    size = max(1, -(-n // max(1, rounds)))
    chunks = [work[i : i + size] for i in range(0, n, size)]
    totals = {"ours": 0.0, "baseline": 0.0}
    with tempfile.TemporaryDirectory(dir=tmpdir) as scratch:
        ours = _Ours(Path(scratch) / "ours.sqlite3")
        baseline = _Baseline(Path(scratch) / "baseline.sqlite3")
        try:
            for index, chunk in enumerate(chunks):
                order = [("ours", ours), ("baseline", baseline)]
                for name, writer in order if index % 2 == 0 else order[::-1]:
                    totals[name] += _timed(writer, chunk)
        finally:
            ours.close()
            baseline.close()
    return {
        "name": "journal append vs bare insert",
        "n": n,
        "ours_s": totals["ours"],
        "baseline_s": totals["baseline"],
        "ratio": totals["ours"] / totals["baseline"] if totals["baseline"] > 0 else float("inf"),
        "target": TARGET_RATIO,
    }


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    print(json.dumps(bench_append(count), indent=2))
