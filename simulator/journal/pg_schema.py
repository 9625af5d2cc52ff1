"""PostgreSQL schema of the journal (tables, append-only triggers, privileges) and its start-up self-check.

The database itself refuses to change history, twice over: triggers raise on ``UPDATE``, ``DELETE``
and ``TRUNCATE`` of sessions and events (and on an event that is not the next of its chain, or whose session has no header: no foreign key,
whose check would need the UPDATE privilege that is revoked), and the
``UPDATE``, ``DELETE`` and ``TRUNCATE`` privileges are revoked from everyone, the tables' owner
included. The self-check refuses a store where a trigger is missing or disabled, where the role
connected may update or delete, or that runs with ``fsync`` or ``synchronous_commit`` off.
"""

from __future__ import annotations

from typing import Any

from simulator.i18n import Message
from simulator.journal.errors import StoreMisconfigured

SCHEMA_VERSION = "1"

#: The trigger function every append-only table uses (the scoring tables too).
REFUSE_FUNCTION = """CREATE OR REPLACE FUNCTION callsim_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'callsim: % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$"""

TABLES = (
    "CREATE TABLE IF NOT EXISTS callsim_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS sessions (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    session_id TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL,
    seed BIGINT NOT NULL,
    epreuve_id TEXT NOT NULL,
    epreuve_hash TEXT NOT NULL,
    app_version TEXT NOT NULL,
    created_at TEXT NOT NULL,
    mode TEXT NOT NULL,
    language TEXT NOT NULL,
    header_hash TEXT NOT NULL,
    header_json TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
)""",
)

CHAIN_FUNCTION = """CREATE OR REPLACE FUNCTION callsim_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected_seq INTEGER;
    expected_prev TEXT;
BEGIN
    SELECT seq, hash INTO expected_seq, expected_prev FROM events
        WHERE session_id = NEW.session_id ORDER BY seq DESC LIMIT 1;
    IF expected_seq IS NULL THEN
        expected_seq := 0;
        SELECT header_hash INTO expected_prev FROM sessions WHERE session_id = NEW.session_id;
    END IF;
    IF NEW.seq <> expected_seq + 1 OR NEW.prev_hash IS DISTINCT FROM expected_prev THEN
        RAISE EXCEPTION 'callsim: event % of session % does not follow its chain', NEW.seq, NEW.session_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$"""

#: name → (table, DDL).
TRIGGERS: dict[str, tuple[str, str]] = {
    "events_no_change": (
        "events",
        (
            "CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events "
            "FOR EACH ROW EXECUTE FUNCTION callsim_append_only()"
        ),
    ),
    "events_no_truncate": (
        "events",
        (
            "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
            "FOR EACH STATEMENT EXECUTE FUNCTION callsim_append_only()"
        ),
    ),
    "sessions_no_change": (
        "sessions",
        (
            "CREATE TRIGGER sessions_no_change BEFORE UPDATE OR DELETE ON sessions "
            "FOR EACH ROW EXECUTE FUNCTION callsim_append_only()"
        ),
    ),
    "sessions_no_truncate": (
        "sessions",
        (
            "CREATE TRIGGER sessions_no_truncate BEFORE TRUNCATE ON sessions "
            "FOR EACH STATEMENT EXECUTE FUNCTION callsim_append_only()"
        ),
    ),
    "events_chain_only": (
        "events",
        (
            "CREATE TRIGGER events_chain_only BEFORE INSERT ON events "
            "FOR EACH ROW EXECUTE FUNCTION callsim_events_chain()"
        ),
    ),
}

JOURNAL_TABLES = ("sessions", "events")


#: What the invigilator asks of a live seat (pause, resume, extend): the seat journals each in its session.
#: Not evidence (the journal event is): created when first used, so older stores need no migration.
REQUESTS_TABLE = """CREATE TABLE IF NOT EXISTS invigilator_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    at TEXT NOT NULL
)"""


def append_only_ddl(tables: tuple[str, ...]) -> list[str]:
    """Revoke UPDATE, DELETE and TRUNCATE on ``tables`` from everyone, the owner (who runs this) included."""
    names = ", ".join(tables)
    return [
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {names} FROM PUBLIC",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {names} FROM CURRENT_USER",
    ]


def create_triggers(cur: Any, triggers: dict[str, tuple[str, str]]) -> None:
    """Create each trigger that does not exist yet."""
    existing = {
        row[0]
        for row in cur.execute(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY(%s)",
            (list(triggers),),
        )
    }
    for name, (_table, ddl) in triggers.items():
        if name not in existing:
            cur.execute(ddl)


def initialise(conn: Any) -> None:
    """Create the journal's tables, triggers and privileges if missing (one transaction, serialised)."""
    with conn.transaction():
        cur = conn.cursor()
        cur.execute("SELECT pg_advisory_xact_lock(hashtext('callsim:schema'))")
        for ddl in (REFUSE_FUNCTION, *TABLES, CHAIN_FUNCTION):
            cur.execute(ddl)
        create_triggers(cur, TRIGGERS)
        for ddl in append_only_ddl(JOURNAL_TABLES):
            cur.execute(ddl)
        cur.execute(
            "INSERT INTO callsim_meta VALUES ('schema_version', %s), ('kind', 'callsim-journal') "
            "ON CONFLICT (key) DO NOTHING",
            (SCHEMA_VERSION,),
        )


def has_schema(conn: Any) -> bool:
    """True when the database already holds callsim's meta table."""
    with conn.transaction():
        return bool(conn.execute("SELECT to_regclass('callsim_meta') IS NOT NULL").fetchone()[0])


def check(conn: Any, where: str) -> None:
    """Raise ``StoreMisconfigured`` with a reason if the store is not safe to use."""
    with conn.transaction():
        check_settings(conn, where)
        row = conn.execute("SELECT value FROM callsim_meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else None
        if version != SCHEMA_VERSION:
            raise StoreMisconfigured(
                where, Message("unknown schema version: {version}", version=repr(version))
            )
        check_append_only(conn, where, JOURNAL_TABLES, TRIGGERS)


def check_settings(conn: Any, where: str) -> None:
    """Refuse a server that may lose a committed event, and a superuser connection (it bypasses privileges)."""
    for setting in ("fsync", "synchronous_commit"):
        value = conn.execute(f"SHOW {setting}").fetchone()[0]
        if value == "off":
            raise StoreMisconfigured(
                where, Message("{setting} is off on the server", setting=setting)
            )
    if conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
        raise StoreMisconfigured(
            where,
            Message("connected as a superuser: connect with the centre's role (see the README)"),
        )


def check_append_only(
    conn: Any, where: str, tables: tuple[str, ...], triggers: dict[str, tuple[str, str]]
) -> None:
    """Every trigger present and enabled; the connected role may neither update, delete nor truncate."""
    found = dict(
        conn.execute(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY(%s)",
            (list(triggers),),
        ).fetchall()
    )
    for name in triggers:
        if name not in found:
            raise StoreMisconfigured(where, Message("trigger '{name}' is missing", name=name))
        if found[name] == "D":
            raise StoreMisconfigured(where, Message("trigger '{name}' is disabled", name=name))
    for table in tables:
        for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
            if conn.execute("SELECT has_table_privilege(%s, %s)", (table, privilege)).fetchone()[0]:
                raise StoreMisconfigured(
                    where,
                    Message(
                        "the connected role holds {privilege} on '{table}' (run « callsim store init »)",
                        privilege=privilege,
                        table=table,
                    ),
                )
