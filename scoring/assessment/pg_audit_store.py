"""``PgAuditStore``: assessors' accounts and the signed audit log on a PostgreSQL store, as ``SqliteAuditStore`` keeps them."""

from __future__ import annotations

from scoring.assessment.audit_store import GENESIS, TableAuditStore
from scoring.pg_tables import PgTables, append_only_triggers, chain_function
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
    "audit_chain_only": (
        "audit",
        (
            "CREATE TRIGGER audit_chain_only BEFORE INSERT ON audit "
            "FOR EACH ROW EXECUTE FUNCTION callsim_audit_chain()"
        ),
    ),
}


class PgAuditStore(TableAuditStore):
    """Accounts and audit log in a PostgreSQL store (tables created on first use)."""

    def __init__(self, location: PostgresUrl) -> None:
        super().__init__(PgTables(location, ("assessors", "audit"), SCHEMA, TRIGGERS), location)
