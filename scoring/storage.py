"""Where grilles are kept: behind ``GrilleStore``; one append-only table beside the journal in its SQLite file.

Each scoring adds a row (never updated, never deleted: triggers refuse it): the session, the
rubric's id, version and SHA-256, the journal head hash and event count the grille was computed
from, where the evidence came from (journal or replay), the épreuve verdict, the canonical grille
and its SHA-256. The latest row of a session is its current grille; the earlier ones are its
history. A PostgreSQL backend implements the same protocol.

Rows are hash-chained in ``id`` order: ``row_hash`` is the SHA-256 of the row's canonical content
(with the SHA-256 recomputed from ``grille_json``, never the stored one) and of ``prev_hash``, the
previous row's ``row_hash``. Every read re-hashes the rows it returns and the one before each, and
refuses (``TamperDetected``, naming the row) any that does not verify; ``verify_grilles`` checks the
whole chain (``callsim audit verify``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, Self

from scoring.fastjson import canonical
from scoring.grille import grille_bytes
from scoring.side_tables import SideTables, Tables
from simulator.i18n import N_, Message

#: The ``prev_hash`` of the first grille row.
GENESIS = "0" * 64

_REFUSE = "BEGIN SELECT RAISE(ABORT, 'grilles are append-only'); END"
SCHEMA: tuple[str, ...] = (
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
    stored_at TEXT NOT NULL,
    prev_hash TEXT NOT NULL DEFAULT '',
    row_hash TEXT NOT NULL DEFAULT ''
)""",
    "CREATE INDEX IF NOT EXISTS grilles_by_session ON grilles (session_id, id)",
    f"CREATE TRIGGER IF NOT EXISTS grilles_no_update BEFORE UPDATE ON grilles {_REFUSE}",
    f"CREATE TRIGGER IF NOT EXISTS grilles_no_delete BEFORE DELETE ON grilles {_REFUSE}",
)
#: Added by ``SCHEMA`` and by ``callsim store migrate``: a row must be the next id and link to the last row's hash.
CHAIN_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS grilles_chain_only BEFORE INSERT ON grilles WHEN "
    "NEW.id IS NOT COALESCE((SELECT MAX(id) FROM grilles), 0) + 1 "
    f"OR NEW.prev_hash IS NOT COALESCE((SELECT row_hash FROM grilles WHERE id = NEW.id - 1), '{GENESIS}') "
    f"{_REFUSE}"
)
SCHEMA = (*SCHEMA, CHAIN_TRIGGER)
_COLUMNS = (
    "session_id, rubric_id, rubric_version, rubric_sha256, journal_head, journal_events, "
    "evidence_source, verdict, grille_json, grille_sha256, stored_at"
)
_CHAINED = f"{_COLUMNS}, id, prev_hash, row_hash"


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
    id: int = 0
    prev_hash: str = ""
    row_hash: str = ""

    def grille(self) -> dict[str, Any]:
        grille: dict[str, Any] = json.loads(self.grille_json)
        return grille

    def same_basis(self, other: StoredGrille) -> bool:
        """Same journal, rubric and evidence source: re-storing it would add nothing."""
        return (
            self.journal_head,
            self.rubric_sha256,
            self.evidence_source,
            self.grille_sha256,
        ) == (other.journal_head, other.rubric_sha256, other.evidence_source, other.grille_sha256)

    def row(self) -> tuple[Any, ...]:
        return (
            self.session_id,
            self.rubric_id,
            self.rubric_version,
            self.rubric_sha256,
            self.journal_head,
            self.journal_events,
            self.evidence_source,
            self.verdict,
            self.grille_json,
            self.grille_sha256,
            self.stored_at,
        )

    def content_hash(self, row_id: int, prev_hash: str) -> str:
        """The chain hash of this content stored as row ``row_id`` after ``prev_hash``.

        It commits to the grille through ``grille_sha256``: ``stored`` computes that from the very
        bytes, and ``grille_break`` checks it against ``grille_json`` before this hash. The fields are
        plain text and integers, written canonically by ``orjson`` (the standard library's bytes).
        """
        fields = dict(zip(_COLUMNS.split(", "), self.row(), strict=True))
        return hashlib.sha256(
            canonical({"id": row_id, "prev": prev_hash, "row": fields})
        ).hexdigest()

    def chained(self, row_id: int, prev_hash: str) -> StoredGrille:
        """This grille as row ``row_id`` of the chain, after ``prev_hash``."""
        return replace(
            self, id=row_id, prev_hash=prev_hash, row_hash=self.content_hash(row_id, prev_hash)
        )


def stored(grille: Mapping[str, Any]) -> StoredGrille:
    """The storable form of a grille (canonical JSON and its SHA-256)."""
    raw = grille_bytes(grille)
    rubric = grille["rubric"]
    return StoredGrille(
        session_id=grille["session"]["id"],
        rubric_id=rubric["id"],
        rubric_version=rubric["version"],
        rubric_sha256=rubric["sha256"],
        journal_head=grille["journal"]["head"],
        journal_events=int(grille["journal"]["events"]),
        evidence_source=grille["evidence_source"],
        verdict=grille["verdict"],
        grille_json=raw.decode("utf-8"),
        grille_sha256=hashlib.sha256(raw).hexdigest(),
    )


class GrilleStore(Protocol):
    """Append-only storage of grilles."""

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        """Store grilles (one transaction); returns how many were written."""
        ...

    def latest(self, session_id: str) -> StoredGrille | None: ...

    def history(self, session_id: str) -> list[StoredGrille]: ...

    def scored_session_ids(self) -> list[str]: ...

    def rows(self) -> list[StoredGrille]:
        """Every row in chain order, as stored (not checked: ``verify_grilles`` does)."""
        ...

    def head(self) -> tuple[int, str]: ...

    def close(self) -> None: ...


class TableGrilleStore:
    """The grilles in a ``grilles`` table, whatever the database: one SQL for SQLite and PostgreSQL."""

    def __init__(self, tables: Tables, path: Any) -> None:
        self._tables, self.path = tables, path

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        new = [replace(g, stored_at=stored_at) for g in grilles]
        if not new:
            return 0
        sql = self._tables.sql(f"INSERT INTO grilles ({_CHAINED}) VALUES ({','.join(['?'] * 14)})")
        with self._tables.transaction("grilles") as conn:
            last = conn.execute(
                "SELECT id, row_hash FROM grilles ORDER BY id DESC LIMIT 1"
            ).fetchone()
            row_id, prev = (last[0], last[1]) if last else (0, GENESIS)
            for grille in new:
                row_id += 1
                linked = grille.chained(row_id, prev)
                conn.execute(sql, (*linked.row(), linked.id, linked.prev_hash, linked.row_hash))
                prev = linked.row_hash
        return len(new)

    def latest(self, session_id: str) -> StoredGrille | None:
        rows = self._tables.fetch(
            f"SELECT {_CHAINED} FROM grilles WHERE session_id = ? ORDER BY id DESC LIMIT 1",
            (session_id,),
        )
        return self._checked(StoredGrille(*rows[0])) if rows else None

    def history(self, session_id: str) -> list[StoredGrille]:
        rows = self._tables.fetch(
            f"SELECT {_CHAINED} FROM grilles WHERE session_id = ? ORDER BY id", (session_id,)
        )
        return [self._checked(StoredGrille(*row)) for row in rows]

    def head(self) -> tuple[int, str]:
        """The id and chain hash of the last row (``(0, GENESIS)`` while there is none)."""
        rows = self._tables.fetch("SELECT id, row_hash FROM grilles ORDER BY id DESC LIMIT 1")
        return (rows[0][0], rows[0][1]) if rows else (0, GENESIS)

    def rows(self) -> list[StoredGrille]:
        """Every row of every session, in chain order (what ``verify_grilles`` checks)."""
        return [
            StoredGrille(*row)
            for row in self._tables.fetch(f"SELECT {_CHAINED} FROM grilles ORDER BY id")
        ]

    def scored_session_ids(self) -> list[str]:
        rows = self._tables.fetch(
            "SELECT session_id FROM grilles GROUP BY session_id ORDER BY MIN(id)"
        )
        return [row[0] for row in rows]

    def close(self) -> None:
        self._tables.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _checked(self, grille: StoredGrille) -> StoredGrille:
        """``grille`` if it re-hashes and links to the row before it, else ``TamperDetected`` naming it."""
        before = self._tables.fetch(
            "SELECT id, row_hash FROM grilles WHERE id < ? ORDER BY id DESC LIMIT 1", (grille.id,)
        )
        return _refuse_broken(
            grille_break(grille, *(before[0] if before else (0, GENESIS))), grille
        )


class SqliteGrilleStore(TableGrilleStore):
    """Grilles in the ``grilles`` table of the journal's SQLite file (created on first use)."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        tables = SideTables(path, ("grilles",), SCHEMA, timeout=timeout)
        super().__init__(tables, tables.path)
        columns = {row[1] for row in tables.fetch("PRAGMA table_info(grilles)")}
        if "row_hash" not in columns:
            from scoring.assessment.model import NeedsMigration

            tables.close()
            raise NeedsMigration(
                Message(
                    N_("The store {path} predates sealing: run « callsim store migrate »."),
                    path=self.path,
                )
            )


class MemoryGrilleStore:
    """Grilles in memory (tests), chained and re-hashed on read like the SQLite store."""

    def __init__(self) -> None:
        self.stored: list[StoredGrille] = []

    def put(self, grilles: Iterable[StoredGrille], stored_at: str) -> int:
        new = [replace(g, stored_at=stored_at) for g in grilles]
        for grille in new:
            prev = self.stored[-1].row_hash if self.stored else GENESIS
            self.stored.append(grille.chained(len(self.stored) + 1, prev))
        return len(new)

    def latest(self, session_id: str) -> StoredGrille | None:
        found = next((g for g in reversed(self.stored) if g.session_id == session_id), None)
        return None if found is None else self._checked(found)

    def history(self, session_id: str) -> list[StoredGrille]:
        return [self._checked(g) for g in self.stored if g.session_id == session_id]

    def rows(self) -> list[StoredGrille]:
        return list(self.stored)

    def head(self) -> tuple[int, str]:
        return (self.stored[-1].id, self.stored[-1].row_hash) if self.stored else (0, GENESIS)

    def scored_session_ids(self) -> list[str]:
        return list(dict.fromkeys(g.session_id for g in self.stored))

    def close(self) -> None:
        pass

    def _checked(self, grille: StoredGrille) -> StoredGrille:
        position = self.stored.index(grille)
        prev = self.stored[position - 1].row_hash if position else GENESIS
        return _refuse_broken(grille_break(grille, position, prev), grille)


def _refuse_broken(found: Any, grille: StoredGrille) -> StoredGrille:
    """``grille`` when ``found`` is ``None``, else ``TamperDetected`` with the break's message."""
    if found is None:
        return grille
    from scoring.assessment.model import TamperDetected
    from scoring.quoted import Quoted

    raise TamperDetected(Quoted(found.message))


#: code → (French, English) of why a grille row does not verify.
GRILLE_REASONS: dict[str, tuple[str, str]] = {
    "grille_content": (
        "Grille n° {id} (session {session}) : son contenu ne correspond plus à son empreinte SHA-256 (modifiée).",
        "Grille #{id} (session {session}): its content no longer matches its SHA-256 (altered).",
    ),
    "grille_modified": (
        "Grille n° {id} (session {session}) : modifiée ou ajoutée hors de callsim (empreinte de chaîne fausse).",
        "Grille #{id} (session {session}): altered or added outside callsim (wrong chain hash).",
    ),
    "grille_unlinked": (
        "Grille n° {id} (session {session}) : ne fait pas suite à la grille n° {prev} (insérée, supprimée ou "
        "remplacée).",
        "Grille #{id} (session {session}): does not follow grille #{prev} (inserted, deleted or replaced).",
    ),
}


def grille_break(grille: StoredGrille, previous_id: int, previous_hash: str) -> Any:
    """``None`` when ``grille`` is the row that follows ``previous_id`` (hash ``previous_hash``), else an ``AuditBreak``."""
    from scoring.assessment.model import AuditBreak

    code = None
    if (
        hashlib.sha256(grille.grille_json.encode("utf-8", "surrogatepass")).hexdigest()
        != grille.grille_sha256
    ):
        code = "grille_content"
    elif grille.content_hash(grille.id, grille.prev_hash) != grille.row_hash:
        code = "grille_modified"
    elif grille.prev_hash != previous_hash:
        code = "grille_unlinked"
    if code is None:
        return None
    fr, en = GRILLE_REASONS[code]
    values = {"id": grille.id, "session": grille.session_id, "prev": previous_id}
    return AuditBreak(grille.id, fr.format(**values), en.format(**values), code, "grilles")


def verify_grilles(rows: Iterable[StoredGrille]) -> Any:
    """``None`` when the rows chain from the genesis, each re-hashing to its ``row_hash``; else the first break."""
    previous_id, previous_hash = 0, GENESIS
    for grille in rows:
        found = grille_break(grille, previous_id, previous_hash)
        if found is not None:
            return found
        previous_id, previous_hash = grille.id, grille.row_hash
    return None
