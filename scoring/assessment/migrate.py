"""``callsim store migrate``: upgrade a store written before sealing to chained grilles and signed entries.

What can still be chained is: the grilles get their chain hashes (computed over each row as it
stands now) and the chain's trigger; the audit table gets its signature column. What can no
longer be signed — the entries and grilles written before — is marked: a ``store_migrated``
entry signed by the administrator records up to which entry the log is unsigned and up to which
grille the rows were chained after the fact, and grilles up to there read « before sealing ».
The upgrade runs in one transaction; a store already upgraded is left as it is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from scoring.storage import CHAIN_TRIGGER, GENESIS, StoredGrille
from simulator.i18n import N_, Message

_GRILLE_COLUMNS = (
    "session_id, rubric_id, rubric_version, rubric_sha256, journal_head, journal_events, "
    "evidence_source, verdict, grille_json, grille_sha256, stored_at, id"
)
_NO_UPDATE = "grilles_no_update"


def upgrade_tables(path: str | Path) -> tuple[int, int, str]:
    """Add the chain and signature columns (one transaction); ``(last audit seq, last grille id, grilles head)``."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            audit_seq = _upgrade_audit(conn)
            grille_id, head = _upgrade_grilles(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    return audit_seq, grille_id, head


def needs_upgrade(path: str | Path) -> bool:
    """Whether the file holds audit or grilles tables without their sealing columns."""
    conn = sqlite3.connect(path, timeout=30.0)
    try:
        return any(
            table in _tables(conn) and column not in _columns(conn, table)
            for table, column in (("audit", "signature"), ("grilles", "row_hash"))
        )
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _upgrade_audit(conn: sqlite3.Connection) -> int:
    if "audit" not in _tables(conn):
        return 0
    if "signature" not in _columns(conn, "audit"):
        conn.execute("ALTER TABLE audit ADD COLUMN signature TEXT NOT NULL DEFAULT ''")
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()[0])


def _upgrade_grilles(conn: sqlite3.Connection) -> tuple[int, str]:
    if "grilles" not in _tables(conn) or "row_hash" in _columns(conn, "grilles"):
        return 0, GENESIS
    conn.execute("ALTER TABLE grilles ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE grilles ADD COLUMN row_hash TEXT NOT NULL DEFAULT ''")
    ddl = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_NO_UPDATE,)
    ).fetchone()
    conn.execute(f"DROP TRIGGER IF EXISTS {_NO_UPDATE}")
    prev, last_id = GENESIS, 0
    for row in conn.execute(f"SELECT {_GRILLE_COLUMNS} FROM grilles ORDER BY id").fetchall():
        linked = StoredGrille(*row[:11]).chained(row[11], prev)
        conn.execute(
            "UPDATE grilles SET prev_hash = ?, row_hash = ? WHERE id = ?",
            (linked.prev_hash, linked.row_hash, linked.id),
        )
        prev, last_id = linked.row_hash, linked.id
    if ddl is not None:
        conn.execute(ddl[0])
    conn.execute(CHAIN_TRIGGER)
    return last_id, prev


def migrate_store(
    path: str | Path, at: str, admin: str, passphrase: str, *, keys: Any, hasher: Any
) -> Any:
    """Upgrade the store at ``path``; ``admin`` becomes its first administrator. ``None`` when already upgraded.

    Returns the ``store_migrated`` entry, signed by the new administrator.
    """
    from scoring.assessment.accounts import valid_account
    from scoring.assessment.audit_store import SqliteAuditStore
    from scoring.assessment.keys import public_hex
    from scoring.assessment.model import ADMIN_ADDED, STORE_MIGRATED, AssessorExists

    if not needs_upgrade(path):
        return None
    admin = valid_account(admin, passphrase)
    audit_seq, grille_id, head = upgrade_tables(path)
    with SqliteAuditStore(path) as audit:
        if any(name.casefold() == admin.casefold() for name in audit.assessor_names()):
            raise AssessorExists(
                Message(
                    N_("The account '{admin}' already exists: choose another administrator name."),
                    admin=admin,
                )
            )
        key, centre = keys.create(passphrase), keys.create(passphrase)
        audit.add_assessor(
            admin,
            hasher.hash(passphrase),
            at,
            actor=admin,
            action=ADMIN_ADDED,
            signer=key,
            payload={
                "name": admin,
                "public_key": public_hex(key),
                "centre_key": public_hex(centre),
            },
        )
        return audit.append(
            admin,
            STORE_MIGRATED,
            "",
            {"unsigned_until": audit_seq, "grilles_until": grille_id, "grilles_head": head},
            at,
            signer=key,
        )
