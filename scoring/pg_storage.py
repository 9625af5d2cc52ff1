"""``PgGrilleStore``: the grilles on a PostgreSQL store, same rows, chain and checks as ``SqliteGrilleStore``."""

from __future__ import annotations

from scoring.pg_tables import PgTables, append_only_triggers, chain_function
from scoring.storage import GENESIS, TableGrilleStore
from simulator.journal.location import PostgresUrl

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS grilles (
    id BIGINT PRIMARY KEY,
    session_id TEXT NOT NULL,
    rubric_id TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    rubric_sha256 TEXT NOT NULL,
    journal_head TEXT NOT NULL,
    journal_events INTEGER NOT NULL,
    evidence_source TEXT NOT NULL,
    verdict TEXT NOT NULL,
    grille_json TEXT NOT NULL,
    grille_sha256 TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    row_hash TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS grilles_by_session ON grilles (session_id, id)",
    chain_function("callsim_grilles_chain", "grilles", "id", "row_hash", GENESIS),
)
TRIGGERS = {
    **append_only_triggers("grilles"),
    "grilles_chain_only": (
        "grilles",
        (
            "CREATE TRIGGER grilles_chain_only BEFORE INSERT ON grilles "
            "FOR EACH ROW EXECUTE FUNCTION callsim_grilles_chain()"
        ),
    ),
}


class PgGrilleStore(TableGrilleStore):
    """Grilles in the ``grilles`` table of a PostgreSQL store (created on first use)."""

    def __init__(self, location: PostgresUrl) -> None:
        super().__init__(PgTables(location, ("grilles",), SCHEMA, TRIGGERS), location)
