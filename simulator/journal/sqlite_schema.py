"""SQLite schema of the journal (tables, append-only triggers) and the start-up self-check."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from simulator.i18n import Message
from simulator.journal.errors import StoreMisconfigured

SCHEMA_VERSION = "1"

TABLES = (
    """CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
    """CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL,
    seed INTEGER NOT NULL,
    epreuve_id TEXT NOT NULL,
    epreuve_hash TEXT NOT NULL,
    app_version TEXT NOT NULL,
    created_at TEXT NOT NULL,
    mode TEXT NOT NULL,
    language TEXT NOT NULL,
    header_hash TEXT NOT NULL,
    header_json TEXT NOT NULL
)""",
    """CREATE TABLE events (
    session_id TEXT NOT NULL REFERENCES sessions(session_id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
)""",
)

_REFUSE = "BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END"

#: name → exact DDL; the self-check compares the stored text (whitespace-normalised).
TRIGGERS: dict[str, str] = {
    "events_no_update": f"CREATE TRIGGER events_no_update BEFORE UPDATE ON events {_REFUSE}",
    "events_no_delete": f"CREATE TRIGGER events_no_delete BEFORE DELETE ON events {_REFUSE}",
    "sessions_no_update": f"CREATE TRIGGER sessions_no_update BEFORE UPDATE ON sessions {_REFUSE}",
    "sessions_no_delete": f"CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions {_REFUSE}",
    # INSERT OR REPLACE deletes without firing DELETE triggers: refuse re-inserting a header.
    "sessions_insert_once": (
        "CREATE TRIGGER sessions_insert_once BEFORE INSERT ON sessions WHEN EXISTS "
        "(SELECT 1 FROM sessions WHERE session_id = NEW.session_id) " + _REFUSE
    ),
    # An event must be the next seq and link to the previous hash (or to the header hash).
    "events_chain_only": (
        "CREATE TRIGGER events_chain_only BEFORE INSERT ON events WHEN "
        "NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM events "
        "WHERE session_id = NEW.session_id), 0) + 1 "
        "OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM events "
        "WHERE session_id = NEW.session_id AND seq = NEW.seq - 1), "
        "(SELECT header_hash FROM sessions WHERE session_id = NEW.session_id)) " + _REFUSE
    ),
}


def _normalise(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def is_empty_database(conn: sqlite3.Connection) -> bool:
    """True when the file holds no schema at all (a brand-new store)."""
    count: int = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return count == 0


def initialise(conn: sqlite3.Connection) -> None:
    """Switch a brand-new database to WAL and create the schema in one transaction."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not is_empty_database(conn):  # another process initialised it meanwhile
            conn.execute("COMMIT")
            return
        for ddl in (*TABLES, *TRIGGERS.values()):
            conn.execute(ddl)
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('kind', ?)",
            (SCHEMA_VERSION, "callsim-journal"),
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def open_checked(path: Path, timeout: float) -> sqlite3.Connection:
    """Connect (autocommit, shareable across threads), set the pragmas, create or check.

    A brand-new file is switched to WAL and given the schema; an existing one is never
    "repaired": if it is not in WAL mode or lost a trigger, it is refused.
    """
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=timeout)
    except sqlite3.Error as exc:
        raise StoreMisconfigured(str(path), str(exc)) from exc
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        if is_empty_database(conn):
            initialise(conn)
        check(conn, str(path))
    except StoreMisconfigured:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise StoreMisconfigured(str(path), str(exc)) from exc
    return conn


def check(conn: sqlite3.Connection, path: str) -> None:
    """Raise ``StoreMisconfigured`` with a reason if the store is not safe to use."""

    def refuse(reason: Message) -> None:
        raise StoreMisconfigured(path, reason)

    mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if mode != "wal":
        refuse(Message("journal_mode is '{mode}', not 'wal'", mode=mode))
    sync = conn.execute("PRAGMA synchronous").fetchone()[0]
    if sync != 2:
        refuse(Message("synchronous is {value}, not FULL (2)", value=sync))
    if conn.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
        refuse(Message("foreign_keys is OFF"))
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"meta", "sessions", "events"} <= names:
        refuse(Message("this file is not a callsim journal"))
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = row[0] if row else None
    if version != SCHEMA_VERSION:
        refuse(Message("unknown schema version: {version}", version=repr(version)))
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    for name, ddl in TRIGGERS.items():
        if name not in stored:
            refuse(Message("trigger '{name}' is missing", name=name))
        if _normalise(stored[name] or "") != _normalise(ddl):
            refuse(Message("trigger '{name}' was altered", name=name))
