"""Where grilles are kept: behind ``GrilleStore``; one append-only table beside the journal in its SQLite file.

Each scoring adds a row (never updated, never deleted: triggers refuse it): the session, the
rubric's id, version and SHA-256, the journal head hash and event count the grille was computed
from, where the evidence came from (journal or replay), the épreuve verdict, the canonical grille
and its SHA-256. The latest row of a session is its current grille; the earlier ones are its
history. A PostgreSQL backend implements the same protocol.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, Self

from scoring.grille import grille_bytes
from scoring.side_tables import SideTables

_REFUSE = "BEGIN SELECT RAISE(ABORT, 'grilles are append-only'); END"
SCHEMA = (
    """CREATE TABLE IF NOT EXISTS grilles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    stored_at TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS grilles_by_session ON grilles (session_id, id)",
    f"CREATE TRIGGER IF NOT EXISTS grilles_no_update BEFORE UPDATE ON grilles {_REFUSE}",
    f"CREATE TRIGGER IF NOT EXISTS grilles_no_delete BEFORE DELETE ON grilles {_REFUSE}",
)
_COLUMNS = ("session_id, rubric_id, rubric_version, rubric_sha256, journal_head, journal_events, "
            "evidence_source, verdict, grille_json, grille_sha256, stored_at")


@dataclass(frozen=True)
class StoredGrille:
    """One stored grille and what it was computed from."""

    session_id: str
    rubric_id: str
    rubric_version: str
    rubric_sha256: str
    journal_head: str
    journal_events: int
    evidence_source: str
    verdict: str
    grille_json: str
    grille_sha256: str
    stored_at: str = ""

    def grille(self) -> dict[str, Any]:
        return json.loads(self.grille_json)

    def same_basis(self, other: StoredGrille) -> bool:
        """Same journal, rubric and evidence source: re-storing it would add nothing."""
        return (self.journal_head, self.rubric_sha256, self.evidence_source, self.grille_sha256) == (
            other.journal_head, other.rubric_sha256, other.evidence_source, other.grille_sha256)

    def row(self) -> tuple[Any, ...]:
        return (self.session_id, self.rubric_id, self.rubric_version, self.rubric_sha256, self.journal_head,
                self.journal_events, self.evidence_source, self.verdict, self.grille_json, self.grille_sha256,
                self.stored_at)


def stored(grille: Mapping[str, Any]) -> StoredGrille:
    """The storable form of a grille (canonical JSON and its SHA-256)."""
    raw = grille_bytes(grille)
    rubric = grille["rubric"]
    return StoredGrille(
        session_id=grille["session"]["id"], rubric_id=rubric["id"], rubric_version=rubric["version"],
        rubric_sha256=rubric["sha256"], journal_head=grille["journal"]["head"],
        journal_events=int(grille["journal"]["events"]), evidence_source=grille["evidence_source"],
        verdict=grille["verdict"], grille_json=raw.decode("utf-8"), grille_sha256=hashlib.sha256(raw).hexdigest(),
    )


class GrilleStore(Protocol):
    """Append-only storage of grilles."""

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        """Store grilles (one transaction); returns how many were written."""
        ...

    def latest(self, session_id: str) -> StoredGrille | None: ...

    def history(self, session_id: str) -> list[StoredGrille]: ...

    def scored_session_ids(self) -> list[str]: ...

    def close(self) -> None: ...


class SqliteGrilleStore:
    """Grilles in the ``grilles`` table of the journal's SQLite file (created on first use)."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self._tables = SideTables(path, ("grilles",), SCHEMA, timeout=timeout)
        self.path = self._tables.path

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        rows = [replace(g, stored_at=stored_at).row() for g in grilles]
        if not rows:
            return 0
        with self._tables.transaction() as conn:
            conn.executemany(f"INSERT INTO grilles ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        return len(rows)

    def latest(self, session_id: str) -> StoredGrille | None:
        rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM grilles WHERE session_id = ? ORDER BY id DESC LIMIT 1",
                                  (session_id,))
        return StoredGrille(*rows[0]) if rows else None

    def history(self, session_id: str) -> list[StoredGrille]:
        rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM grilles WHERE session_id = ? ORDER BY id", (session_id,))
        return [StoredGrille(*row) for row in rows]

    def scored_session_ids(self) -> list[str]:
        rows = self._tables.fetch("SELECT session_id FROM grilles GROUP BY session_id ORDER BY MIN(id)")
        return [row[0] for row in rows]

    def close(self) -> None:
        self._tables.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemoryGrilleStore:
    """Grilles in memory (tests)."""

    def __init__(self) -> None:
        self.rows: list[StoredGrille] = []

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        new = [replace(g, stored_at=stored_at) for g in grilles]
        self.rows.extend(new)
        return len(new)

    def latest(self, session_id: str) -> StoredGrille | None:
        return next((g for g in reversed(self.rows) if g.session_id == session_id), None)

    def history(self, session_id: str) -> list[StoredGrille]:
        return [g for g in self.rows if g.session_id == session_id]

    def scored_session_ids(self) -> list[str]:
        return list(dict.fromkeys(g.session_id for g in self.rows))

    def close(self) -> None:
        pass
