"""Helpers for the scoring tests: simulated épreuves (cached per épreuve, policy and seed), épreuve files, stores."""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path
from typing import Any

from scoring.rubric_file import default_rubric
from scoring.score import score
from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.events import Event, SessionHeader
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory

REPO = Path(__file__).resolve().parents[2]
EPREUVES = REPO / "scenarios" / "epreuves"
GOLDEN = Path(__file__).resolve().parent / "golden"
#: Every simulated épreuve of these tests starts here (Monday 5 January 2026, 09:00).
T0 = datetime(2026, 1, 5, 9, 0, 0)
CONFIRM_CODES = frozenset({"01.09", "02.04"})


def epreuve_files() -> list[Path]:
    """The shipped épreuves the discrimination tests run on: practice, and standard once it exists."""
    return [
        path for path in (EPREUVES / "practice.yaml", EPREUVES / "standard.yaml") if path.is_file()
    ]


@functools.cache
def bundle(path: str) -> Bundle:
    return load_bundle(path)


def covered(bundle_: Bundle) -> set[str]:
    """The competencies the épreuve's scenarios claim to assess."""
    return {code for planned in bundle_.contacts for code in planned.scenario.competencies}


@functools.cache
def simulated(path: str, policy: str, seed: int) -> tuple[SessionHeader, tuple[Event, ...]]:
    """Play the épreuve at ``path`` with ``policy`` and ``seed`` on a memory journal (once per test run)."""
    store, clock = MemoryJournalStore(), ManualClock(T0)
    session = EpreuveSession.start(
        bundle(path), store=store, clock=clock, candidate_id=f"T-{policy}-{seed}", seed=seed
    )
    play_epreuve(session, policy_factory(policy, seed), clock)
    session.close()
    assert session.finished is not None
    return store.header(session.session_id), tuple(store.events(session.session_id))


def verdicts(grille: dict[str, Any]) -> dict[str, str]:
    return {c["code"]: c["verdict"] for c in grille["competencies"]}


@functools.cache
def simulated_grille(path: str, policy: str, seed: int) -> dict[str, Any]:
    header, events = simulated(path, policy, seed)
    return score(header, list(events), default_rubric())


def practice() -> str:
    return str(EPREUVES / "practice.yaml")


def sqlite_journal(
    path: Path, runs: list[tuple[str, int]], epreuve: str | None = None
) -> list[str]:
    """Play ``runs`` ((policy, seed) pairs) of an épreuve into a SQLite journal at ``path``; their session ids."""
    from simulator.journal.sqlite_store import SqliteJournalStore

    ids = []
    with SqliteJournalStore(path) as store:
        for policy, seed in runs:
            clock = ManualClock(T0)
            session = EpreuveSession.start(
                bundle(epreuve or practice()),
                store=store,
                clock=clock,
                candidate_id=f"T-{policy}-{seed}",
                seed=seed,
            )
            play_epreuve(session, policy_factory(policy, seed), clock)
            session.close()
            ids.append(session.session_id)
    return ids


def tamper(path: Path, sql: str, *params: Any) -> None:
    """Change a stored event behind the journal's back (triggers lifted and put back exactly as they were)."""
    import sqlite3

    from simulator.journal.sqlite_schema import TRIGGERS

    conn = sqlite3.connect(path, isolation_level=None)
    for name in ("events_no_update", "events_no_delete"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(sql, params)
    for name in ("events_no_update", "events_no_delete"):
        conn.execute(TRIGGERS[name])
    conn.close()
