"""``callsim store copy``: a SQLite store's journals, grilles, accounts and audit log onto a PostgreSQL store.

Rows are copied as stored — the canonical texts and their hashes, byte for byte — in one transaction
per table family, so the server's chain triggers check every link as it is inserted. After copying,
every journal is verified on the server and must end on the same head as in the file, and the
grilles and audit chains must verify too; anything else is reported (``CopyReport.problems``).
A store that already holds sessions, grilles or audit entries is refused: a copy never merges.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring.assessment.audit_store import _COLUMNS as AUDIT_COLUMNS
from scoring.storage import _CHAINED as GRILLE_COLUMNS
from simulator.journal.location import PostgresUrl

_SESSION_COLUMNS = (
    "session_id, candidate_id, seed, epreuve_id, epreuve_hash, app_version, created_at, mode, "
    "language, header_hash, header_json"
)
_EVENT_COLUMNS = "session_id, seq, at, type, payload, prev_hash, hash"


class NotEmpty(Exception):
    """The target store already holds data."""


@dataclass
class CopyReport:
    """What was copied and what did not verify after copying."""

    sessions: int = 0
    events: int = 0
    grilles: int = 0
    audit: int = 0
    problems: list[str] = field(default_factory=list)


def _placeholders(columns: str) -> str:
    return ",".join(["%s"] * len(columns.split(",")))


def _rows(source: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    tables = {
        row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    table = sql.split(" FROM ")[1].split()[0]
    return source.execute(sql).fetchall() if table in tables else []


def copy_store(source_path: Path, target: PostgresUrl) -> CopyReport:
    """Copy everything from the SQLite file into the (empty) server store, then verify every chain there."""
    from scoring.assessment.pg_audit_store import PgAuditStore
    from scoring.pg_storage import PgGrilleStore
    from simulator.journal.pg_store import PgJournalStore, connect

    source = sqlite3.connect(f"{Path(source_path).resolve().as_uri()}?mode=ro", uri=True)
    report = CopyReport()
    try:
        PgJournalStore(target).close()  # the schemas, triggers and privileges, created if missing
        PgGrilleStore(target).close()
        PgAuditStore(target).close()
        conn = connect(target)
        try:
            with conn.transaction():
                for table in ("sessions", "grilles", "audit"):
                    if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
                        raise NotEmpty(table)
                _copy(conn, source, report)
        finally:
            conn.close()
    finally:
        source.close()
    report.problems = verify_copy(source_path, target)
    return report


def _copy(conn: object, source: sqlite3.Connection, report: CopyReport) -> None:
    plan = (
        ("sessions", _SESSION_COLUMNS, f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY rowid"),
        ("events", _EVENT_COLUMNS, f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY session_id, seq"),
        ("grilles", GRILLE_COLUMNS, f"SELECT {GRILLE_COLUMNS} FROM grilles ORDER BY id"),
        (
            "assessors",
            "name, kdf_hash, created_at",
            "SELECT name, kdf_hash, created_at FROM assessors ORDER BY rowid",
        ),
        ("audit", AUDIT_COLUMNS, f"SELECT {AUDIT_COLUMNS} FROM audit ORDER BY seq"),
    )
    counts = {}
    for table, columns, select in plan:
        rows = _rows(source, select)
        with conn.cursor() as cur:  # type: ignore[attr-defined]
            cur.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({_placeholders(columns)})", rows
            )
        counts[table] = len(rows)
    report.sessions, report.events = counts["sessions"], counts["events"]
    report.grilles, report.audit = counts["grilles"], counts["audit"]


def verify_copy(source_path: Path, target: PostgresUrl) -> list[str]:
    """Every journal verifies on the server and ends on the file's head; the grilles and audit chains verify."""
    from scoring.assessment.audit_verify import verify_chain
    from scoring.assessment.pg_audit_store import PgAuditStore
    from scoring.pg_storage import PgGrilleStore
    from scoring.storage import verify_grilles
    from simulator.journal.pg_store import PgJournalStore
    from simulator.journal.sqlite_store import SqliteJournalStore
    from simulator.journal.verify import verify_session

    problems = []
    with (
        SqliteJournalStore(source_path, create=False) as lite,
        PgJournalStore(target, create=False) as server,
    ):
        for session_id in lite.session_ids():
            result = verify_session(server, session_id)
            before, after = lite.last_event(session_id), server.last_event(session_id)
            if not result.ok:
                problems.append(f"{session_id}: {result.reason_en}")
            elif (before and before.hash) != (after and after.hash):
                problems.append(f"{session_id}: head differs after copying")
    with PgGrilleStore(target) as grilles, PgAuditStore(target) as audit:
        for found in (verify_grilles(grilles.rows()), verify_chain(audit.entries())):
            if found is not None:
                problems.append(found.reason_en)
    return problems
