"""Where the assessors' accounts and audit log are kept: behind ``AuditStore``; append-only tables in the journal's SQLite file.

Two tables beside the journal and the grilles, created on first use: ``assessors`` (name, argon2id
hash, when) and ``audit`` (the hash-chained ``AuditEntry`` rows, each with its author's Ed25519
signature of its hash: ``signer`` is the unlocked private key of whoever acts). Triggers refuse UPDATE and DELETE
on both, and an audit row must be the next ``seq`` and link to the previous hash. Each write runs in
one ``BEGIN IMMEDIATE`` transaction that reads the chain head and appends after it, so two processes
never fork the chain; an account and its ``assessor_added`` entry are written together.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, Self

from scoring.assessment.model import (
    ASSESSOR_ADDED,
    AssessmentError,
    AssessorExists,
    AuditEntry,
    NeedsMigration,
)
from scoring.side_tables import SideTables, Tables
from simulator.i18n import N_, Message
from simulator.journal.canonical import canonical_bytes, canonical_text, sha256_hex

#: The ``prev_hash`` of the first audit entry.
GENESIS = "0" * 64
#: Key of the payload an unreadable stored payload is replaced with (it can never verify).
UNREADABLE = "\u0000unreadable"

_REFUSE_AUDIT = "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
_REFUSE_ACCOUNTS = "BEGIN SELECT RAISE(ABORT, 'assessor accounts are append-only'); END"
SCHEMA = (
    """CREATE TABLE IF NOT EXISTS assessors (
    name TEXT PRIMARY KEY,
    kdf_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY,
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
    f"CREATE TRIGGER IF NOT EXISTS assessors_no_update BEFORE UPDATE ON assessors {_REFUSE_ACCOUNTS}",
    f"CREATE TRIGGER IF NOT EXISTS assessors_no_delete BEFORE DELETE ON assessors {_REFUSE_ACCOUNTS}",
    # INSERT OR REPLACE deletes without firing DELETE triggers: refuse re-inserting an account.
    (
        "CREATE TRIGGER IF NOT EXISTS assessors_insert_once BEFORE INSERT ON assessors WHEN EXISTS "
        f"(SELECT 1 FROM assessors WHERE name = NEW.name) {_REFUSE_ACCOUNTS}"
    ),
    f"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit {_REFUSE_AUDIT}",
    f"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit {_REFUSE_AUDIT}",
    # An entry must be the next seq and link to the previous entry's hash (or to the genesis).
    (
        "CREATE TRIGGER IF NOT EXISTS audit_chain_only BEFORE INSERT ON audit WHEN "
        "NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM audit), 0) + 1 "
        "OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit WHERE seq = NEW.seq - 1), "
        f"'{GENESIS}') {_REFUSE_AUDIT}"
    ),
)
_COLUMNS = "seq, at, assessor, action, session_id, payload, prev_hash, hash, signature"
#: What an entry's signature signs: this prefix and the entry's hash.
SIGNED_PREFIX = b"callsim-audit-v1:"


class Signer(Protocol):
    """An unlocked private key (``cryptography``'s ``Ed25519PrivateKey``)."""

    def sign(self, data: bytes) -> bytes: ...


def signed_message(digest: str) -> bytes:
    """The bytes an entry's signature signs."""
    return SIGNED_PREFIX + digest.encode("ascii", errors="replace")


class AuditConflict(AssessmentError):
    """Another process appended to the audit log since the caller read it: read again and retry."""

    code = "audit_conflict"

    def __init__(self) -> None:
        super().__init__(
            Message(N_("The audit log changed during the operation (another assessor): try again."))
        )


def entry_hash(
    seq: int,
    at: str,
    assessor: str,
    action: str,
    session_id: str,
    payload: Mapping[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 hex over the canonical JSON of ``{seq, at, assessor, action, session, payload, prev}``."""
    return sha256_hex(
        canonical_bytes(
            {
                "seq": seq,
                "at": at,
                "assessor": assessor,
                "action": action,
                "session": session_id,
                "payload": dict(payload),
                "prev": prev_hash,
            }
        )
    )


def chained(
    seq: int,
    at: str,
    assessor: str,
    action: str,
    session_id: str,
    payload: Mapping[str, Any],
    prev_hash: str,
    signer: Signer | None = None,
) -> AuditEntry:
    """The entry that follows ``prev_hash`` at ``seq``, with its hash and ``signer``'s signature of it."""
    data = json.loads(canonical_text(dict(payload)))
    digest = entry_hash(seq, at, assessor, action, session_id, data, prev_hash)
    signature = signer.sign(signed_message(digest)).hex() if signer is not None else ""
    return AuditEntry(seq, at, assessor, action, session_id, data, prev_hash, digest, signature)


class AuditStore(Protocol):
    """Append-only storage of assessor accounts and the hash-chained audit log."""

    def append(
        self,
        assessor: str,
        action: str,
        session_id: str,
        payload: Mapping[str, Any],
        at: str,
        *,
        after: str | None = None,
        signer: Signer | None = None,
    ) -> AuditEntry:
        """Append the next entry (seq, prev_hash, hash and ``signer``'s signature assigned here) in one transaction.

        With ``after`` (the hash of the last entry the caller decided upon, ``GENESIS`` for none),
        raise ``AuditConflict`` if the log moved on meanwhile.
        """
        ...

    def entries(self, session_id: str | None = None) -> list[AuditEntry]:
        """Every entry in ``seq`` order, or only those of one session."""
        ...

    def last(self) -> AuditEntry | None:
        """The chain's latest entry (``None`` while the log is empty)."""
        ...

    def add_assessor(
        self,
        name: str,
        kdf_hash: str,
        at: str,
        *,
        actor: str = "",
        action: str = ASSESSOR_ADDED,
        payload: Mapping[str, Any] | None = None,
        signer: Signer | None = None,
    ) -> AuditEntry:
        """Store an account and the entry registering it (by ``actor``) together; ``AssessorExists`` if taken.

        An account already in the table without a registration (written before sealing) only gets its entry.
        """
        ...

    def assessor_hash(self, name: str) -> str | None: ...

    def assessor_names(self) -> list[str]: ...

    def close(self) -> None: ...


class TableAuditStore:
    """Accounts and audit log in the ``assessors`` and ``audit`` tables, whatever the database: one SQL for both."""

    def __init__(self, tables: Tables, path: Any) -> None:
        self._tables, self.path = tables, path

    def append(
        self,
        assessor: str,
        action: str,
        session_id: str,
        payload: Mapping[str, Any],
        at: str,
        *,
        after: str | None = None,
        signer: Signer | None = None,
    ) -> AuditEntry:
        with self._tables.transaction("audit") as conn:
            return self._append(conn, assessor, action, session_id, payload, at, after, signer)

    def entries(self, session_id: str | None = None) -> list[AuditEntry]:
        if session_id is None:
            rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
        else:
            rows = self._tables.fetch(
                f"SELECT {_COLUMNS} FROM audit WHERE session_id = ? ORDER BY seq", (session_id,)
            )
        return [_row_to_entry(row) for row in rows]

    def last(self) -> AuditEntry | None:
        rows = self._tables.fetch(f"SELECT {_COLUMNS} FROM audit ORDER BY seq DESC LIMIT 1")
        return _row_to_entry(rows[0]) if rows else None

    def add_assessor(
        self,
        name: str,
        kdf_hash: str,
        at: str,
        *,
        actor: str = "",
        action: str = ASSESSOR_ADDED,
        payload: Mapping[str, Any] | None = None,
        signer: Signer | None = None,
    ) -> AuditEntry:
        sql = self._tables.sql
        with self._tables.transaction("audit") as conn:
            row = conn.execute(
                sql("SELECT kdf_hash FROM assessors WHERE name = ?"), (name,)
            ).fetchone()
            if row is not None and row[0] != kdf_hash:
                raise _exists(name)
            if row is None:
                conn.execute(
                    sql("INSERT INTO assessors (name, kdf_hash, created_at) VALUES (?, ?, ?)"),
                    (name, kdf_hash, at),
                )
            return self._append(conn, actor or name, action, "", payload or {}, at, None, signer)

    def assessor_hash(self, name: str) -> str | None:
        rows = self._tables.fetch("SELECT kdf_hash FROM assessors WHERE name = ?", (name,))
        return rows[0][0] if rows else None

    def assessor_names(self) -> list[str]:
        """Every account's name, in the order they were added."""
        return [
            row[0]
            for row in self._tables.fetch(
                f"SELECT name FROM assessors ORDER BY {self._tables.ORDER}"
            )
        ]

    def close(self) -> None:
        self._tables.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _append(
        self,
        conn: Any,
        assessor: str,
        action: str,
        session_id: str,
        payload: Mapping[str, Any],
        at: str,
        after: str | None,
        signer: Signer | None,
    ) -> AuditEntry:
        head = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
        if after is not None and after != prev:
            raise AuditConflict()
        entry = chained(seq, at, assessor, action, session_id, payload, prev, signer)
        conn.execute(
            self._tables.sql(f"INSERT INTO audit ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)"),
            (
                entry.seq,
                entry.at,
                entry.assessor,
                entry.action,
                entry.session_id,
                canonical_text(dict(entry.payload)),
                entry.prev_hash,
                entry.hash,
                entry.signature,
            ),
        )
        return entry


class SqliteAuditStore(TableAuditStore):
    """Accounts and audit log in the journal's SQLite file (tables created on first use)."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        # a damaged row is reported by verification, not a crash
        tables = SideTables(
            path, ("assessors", "audit"), SCHEMA, timeout=timeout, text_factory=_lenient_text
        )
        super().__init__(tables, tables.path)
        columns = {row[1] for row in tables.fetch("PRAGMA table_info(audit)")}
        if "signature" not in columns:
            tables.close()
            raise NeedsMigration(
                Message(
                    N_("The store {path} predates sealing: run « callsim store migrate »."),
                    path=self.path,
                )
            )


def _row_to_entry(row: tuple[Any, ...]) -> AuditEntry:
    """An entry from a stored row; a damaged payload becomes one that can never verify."""
    seq, at, assessor, action, session_id, payload_text, prev_hash, digest, signature = row
    texts = [_text(value) for value in (at, assessor, action, session_id, prev_hash, digest)]
    try:
        payload = json.loads(_text(payload_text))
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        payload = {UNREADABLE: _text(payload_text)}
    at, assessor, action, session_id, prev_hash, digest = texts
    return AuditEntry(
        int(seq), at, assessor, action, session_id, payload, prev_hash, digest, _text(signature)
    )


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _exists(name: str) -> AssessorExists:
    return AssessorExists(Message(N_("The assessor account '{name}' already exists."), name=name))
