"""``PgAuditStore``: assessors' accounts and the signed audit log on a PostgreSQL store, as ``SqliteAuditStore`` keeps them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from scoring.assessment.audit_store import (
    _COLUMNS,
    GENESIS,
    AuditConflict,
    Signer,
    _exists,
    _row_to_entry,
    chained,
)
from scoring.assessment.model import ASSESSOR_ADDED, AuditEntry
from scoring.pg_tables import PgTables, append_only_triggers, chain_function
from simulator.journal.canonical import canonical_text
from simulator.journal.location import PostgresUrl

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS assessors (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    name TEXT PRIMARY KEY,
    kdf_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS audit (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    assessor TEXT NOT NULL,
    action TEXT NOT NULL,
    session_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT ''
)""",
    "CREATE INDEX IF NOT EXISTS audit_by_session ON audit (session_id, seq)",
    chain_function("callsim_audit_chain", "audit", "seq", "hash", GENESIS),
)
TRIGGERS = {
    **append_only_triggers("assessors"),
    **append_only_triggers("audit"),
    "audit_chain_only": ("audit", ("CREATE TRIGGER audit_chain_only BEFORE INSERT ON audit "
                                   "FOR EACH ROW EXECUTE FUNCTION callsim_audit_chain()")),
}


class PgAuditStore:
    """Accounts and audit log in a PostgreSQL store (tables created on first use)."""

    def __init__(self, location: PostgresUrl) -> None:
        self._tables = PgTables(location, ("assessors", "audit"), SCHEMA, TRIGGERS)
        self.path = location

    def append(self, assessor: str, action: str, session_id: str, payload: Mapping[str, Any], at: str,
               *, after: str | None = None, signer: Signer | None = None) -> AuditEntry:
        with self._tables.transaction("audit") as conn:
            return self._append(conn, assessor, action, session_id, payload, at, after, signer)

    def entries(self, session_id: str | None = None) -> list[AuditEntry]:
        if session_id is None:
            rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
        else:
            rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM audit WHERE session_id = %s ORDER BY seq",
                                      (session_id,))
        return [_row_to_entry(row) for row in rows]

    def last(self) -> AuditEntry | None:
        rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM audit ORDER BY seq DESC LIMIT 1")
        return _row_to_entry(rows[0]) if rows else None

    def add_assessor(self, name: str, kdf_hash: str, at: str, *, actor: str = "", action: str = ASSESSOR_ADDED,
                     payload: Mapping[str, Any] | None = None, signer: Signer | None = None) -> AuditEntry:
        with self._tables.transaction("audit") as conn:
            row = conn.execute("SELECT kdf_hash FROM assessors WHERE name = %s", (name,)).fetchone()
            if row is not None and row[0] != kdf_hash:
                raise _exists(name)
            if row is None:
                conn.execute("INSERT INTO assessors (name, kdf_hash, created_at) VALUES (%s, %s, %s)",
                             (name, kdf_hash, at))
            return self._append(conn, actor or name, action, "", payload or {}, at, None, signer)

    def assessor_hash(self, name: str) -> str | None:
        rows = self._tables.fetch("SELECT kdf_hash FROM assessors WHERE name = %s", (name,))
        return rows[0][0] if rows else None

    def assessor_names(self) -> list[str]:
        return [row[0] for row in self._tables.fetch("SELECT name FROM assessors ORDER BY ord")]

    def close(self) -> None:
        self._tables.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _append(self, conn: Any, assessor: str, action: str, session_id: str, payload: Mapping[str, Any],
                at: str, after: str | None, signer: Signer | None) -> AuditEntry:
        head = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
        if after is not None and after != prev:
            raise AuditConflict()
        entry = chained(seq, at, assessor, action, session_id, payload, prev, signer)
        conn.execute(f"INSERT INTO audit ({_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                     (entry.seq, entry.at, entry.assessor, entry.action, entry.session_id,
                      canonical_text(dict(entry.payload)), entry.prev_hash, entry.hash, entry.signature))
        return entry
