"""``PgGrilleStore``: the grilles on a PostgreSQL store, same rows, chain and checks as ``SqliteGrilleStore``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Self

from scoring.pg_tables import PgTables, append_only_triggers, chain_function
from scoring.storage import _CHAINED, GENESIS, StoredGrille, _refuse_broken, grille_break
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
    "grilles_chain_only": ("grilles", ("CREATE TRIGGER grilles_chain_only BEFORE INSERT ON grilles "
                                       "FOR EACH ROW EXECUTE FUNCTION callsim_grilles_chain()")),
}
_PLACEHOLDERS = ",".join(["%s"] * 14)


class PgGrilleStore:
    """Grilles in the ``grilles`` table of a PostgreSQL store (created on first use)."""

    def __init__(self, location: PostgresUrl) -> None:
        self._tables = PgTables(location, ("grilles",), SCHEMA, TRIGGERS)
        self.path = location

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        new = [replace(g, stored_at=stored_at) for g in grilles]
        if not new:
            return 0
        with self._tables.transaction("grilles") as conn:
            last = conn.execute("SELECT id, row_hash FROM grilles ORDER BY id DESC LIMIT 1").fetchone()
            row_id, prev = (last[0], last[1]) if last else (0, GENESIS)
            for grille in new:
                row_id += 1
                linked = grille.chained(row_id, prev)
                conn.execute(f"INSERT INTO grilles ({_CHAINED}) VALUES ({_PLACEHOLDERS})",
                             (*linked.row(), linked.id, linked.prev_hash, linked.row_hash))
                prev = linked.row_hash
        return len(new)

    def latest(self, session_id: str) -> StoredGrille | None:
        rows = self._tables.fetch(f"SELECT {_CHAINED} FROM grilles WHERE session_id = %s ORDER BY id DESC LIMIT 1",
                                  (session_id,))
        return self._checked(StoredGrille(*rows[0])) if rows else None

    def history(self, session_id: str) -> list[StoredGrille]:
        rows = self._tables.fetch(f"SELECT {_CHAINED} FROM grilles WHERE session_id = %s ORDER BY id", (session_id,))
        return [self._checked(StoredGrille(*row)) for row in rows]

    def head(self) -> tuple[int, str]:
        rows = self._tables.fetch("SELECT id, row_hash FROM grilles ORDER BY id DESC LIMIT 1")
        return (rows[0][0], rows[0][1]) if rows else (0, GENESIS)

    def rows(self) -> list[StoredGrille]:
        return [StoredGrille(*row) for row in self._tables.fetch(f"SELECT {_CHAINED} FROM grilles ORDER BY id")]

    def scored_session_ids(self) -> list[str]:
        rows = self._tables.fetch("SELECT session_id FROM grilles GROUP BY session_id ORDER BY MIN(id)")
        return [row[0] for row in rows]

    def close(self) -> None:
        self._tables.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _checked(self, grille: StoredGrille) -> StoredGrille:
        before = self._tables.fetch("SELECT id, row_hash FROM grilles WHERE id < %s ORDER BY id DESC LIMIT 1",
                                    (grille.id,))
        return _refuse_broken(grille_break(grille, *(before[0] if before else (0, GENESIS))), grille)
