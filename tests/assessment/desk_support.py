"""Helpers for the assessors' tests: scored sessions in a memory or SQLite store, a desk on them, raw tampering."""

from __future__ import annotations

import atexit
import functools
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from scoring.assessment.audit_store import SCHEMA
from scoring.assessment.desk import ReviewDesk
from scoring.assessment.keys import KdfParams, KeyRing, default_keys_folder
from scoring.assessment.memory_audit_store import MemoryAuditStore
from scoring.storage import MemoryGrilleStore, SqliteGrilleStore, stored
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.scoring.scoring_support import practice, simulated, simulated_grille

#: The assessors act on Tuesday 6 January 2026 (the simulated épreuves ran the day before).
T_REVIEW = datetime(2026, 1, 6, 14, 0, 0)
PASSPHRASE = "une phrase assez longue"
#: The centre's administrator every test store is initialised with (same passphrase as the assessors).
ADMIN = "Administration"
#: argon2id costs small enough for tests that create many keys (the real costs are the defaults).
CHEAP_KDF = KdfParams(time_cost=1, memory_cost=8, parallelism=1)
#: The test run's key folder ($CALLSIM_KEYS, set by tests/conftest.py): desks reopened on a store, the
#: command line and the review app all find the keys there.
TEST_KEYS = KeyRing(default_keys_folder(), CHEAP_KDF)
#: (policy, seed) of the sessions every store holds: scored ones first, then one left unscored.
IDEAL, NEVER_CONFIRMS, UNSCORED = ("ideal", 1), ("never-confirms", 2), ("careless", 3)


def cheap_hasher() -> Any:
    """argon2id with small costs: the rules' tests create many accounts (the real costs are tested apart)."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def staff(desk: ReviewDesk, *names: str, passphrases: dict[str, str] | None = None) -> ReviewDesk:
    """Create the administrator if the store has none, register ``names`` and sign each of them in.

    The way every test gets assessors: as a centre does, through its administrator. Each assessor's
    passphrase is ``passphrases[name]``, else ``PASSPHRASE``.
    """
    registry = desk.integrity.registry()
    if not registry.admins:
        desk.init_store(ADMIN, PASSPHRASE)
    else:
        desk.login_admin(ADMIN, PASSPHRASE)
    for name in names:
        passphrase = (passphrases or {}).get(name, PASSPHRASE)
        desk.add_assessor(ADMIN, name, passphrase)
        desk.login(name, passphrase)
    return desk


def _fill(journal: Any, grilles: Any) -> dict[str, str]:
    """Copy the simulated sessions into ``journal``; score all but the last; their ids by policy."""
    ids = {}
    for policy, seed in (IDEAL, NEVER_CONFIRMS, UNSCORED):
        header, events = simulated(practice(), policy, seed)
        journal.create_session(header)
        for item in events:
            journal.append(header.session_id, item.type, item.payload, item.at)
        ids[policy] = header.session_id
    grilles.put(
        [stored(simulated_grille(practice(), *run)) for run in (IDEAL, NEVER_CONFIRMS)],
        "2026-01-05T18:00:00.000",
    )
    return ids


def memory_desk(*names: str) -> tuple[ReviewDesk, dict[str, str], ManualClock]:
    """A desk on memory stores holding the three sessions, with ``names`` as assessors."""
    journal, grilles, clock = MemoryJournalStore(), MemoryGrilleStore(), ManualClock(T_REVIEW)
    ids = _fill(journal, grilles)
    desk = ReviewDesk(
        journal, grilles, MemoryAuditStore(), clock, hasher=cheap_hasher(), keys=TEST_KEYS
    )
    return staff(desk, *names), ids, clock


def sqlite_store(path: Path) -> dict[str, str]:
    """A journal file at ``path`` holding the three sessions (two scored); their ids by policy."""
    template, ids = _template()
    shutil.copyfile(template, path)
    return dict(ids)


@functools.cache
def _template() -> tuple[Path, tuple[tuple[str, str], ...]]:
    """The three sessions written once per test run into a SQLite journal that each test copies."""
    folder = Path(tempfile.mkdtemp(prefix="callsim-assessment-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "template.sqlite3"
    with SqliteJournalStore(path) as journal, SqliteGrilleStore(path) as grilles:
        ids = _fill(journal, grilles)
    return path, tuple(ids.items())


def sqlite_desk(path: Path, *names: str) -> ReviewDesk:
    """A desk on the SQLite file at ``path`` (the real stores), with ``names`` as assessors."""
    from scoring.assessment.audit_store import SqliteAuditStore

    desk = ReviewDesk(
        SqliteJournalStore(path, create=False),
        SqliteGrilleStore(path),
        SqliteAuditStore(path),
        ManualClock(T_REVIEW),
        hasher=cheap_hasher(),
        keys=TEST_KEYS,
    )
    return staff(desk, *names)


def bare_desk(path: Path) -> ReviewDesk:
    """A desk on the SQLite file at ``path``, nobody signed in (to verify a store as it is)."""
    from scoring.assessment.audit_store import SqliteAuditStore

    return ReviewDesk(
        SqliteJournalStore(path, create=False),
        SqliteGrilleStore(path),
        SqliteAuditStore(path),
        ManualClock(T_REVIEW),
        hasher=cheap_hasher(),
        keys=TEST_KEYS,
    )


def resolve_not_observed(desk: ReviewDesk, assessor: str, session_id: str) -> list[str]:
    """Override every « non observé » competency to OK (a reason each); the codes resolved."""
    review = desk.review(session_id)
    left = [code for code, verdict in review.final().items() if verdict == "not_observed"]
    for code in left:
        desk.override(
            assessor, session_id, code, "OK", f"observé à l'écoute de l'enregistrement ({code})"
        )
    return left


_GUARDS = ("audit_no_update", "audit_no_delete", "audit_chain_only")
_COLUMNS = "seq, at, assessor, action, session_id, payload, prev_hash, hash, signature"


def tamper_audit(path: Path, *statements: tuple[str, tuple[Any, ...]]) -> None:
    """Run raw SQL on the audit table with its triggers dropped, then put them back exactly as they were."""
    conn = sqlite3.connect(path, isolation_level=None)
    ddl = dict(
        conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    )
    for name in _GUARDS:
        conn.execute(f"DROP TRIGGER {name}")
    for sql, params in statements:
        conn.execute(sql, params)
    for name in _GUARDS:
        conn.execute(ddl[name])
    conn.close()
    assert all(any(name in text for text in SCHEMA) for name in _GUARDS)
