"""The PostgreSQL journal store on a real server: same contract as SQLite, append-only by the database itself."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import psycopg
import pytest

from simulator.journal.errors import (
    DuplicateSession,
    SessionInUse,
    StoreMisconfigured,
    UnknownSession,
)
from simulator.journal.pg_store import PgJournalStore
from simulator.journal.store import JournalStore
from simulator.journal.verify import verify_session
from tests.journal.test_sqlite_store import RECORDS, make_header


@pytest.fixture()
def store(pg_url: str):
    with PgJournalStore(pg_url) as opened:
        yield opened


def fill(store: PgJournalStore, session_id: str = "S-001") -> None:
    store.create_session(make_header(session_id))
    for when, kind, payload in RECORDS:
        store.append(session_id, kind, payload, when)


def test_round_trip_verifies_and_matches_the_sqlite_hashes(store: PgJournalStore, tmp_path) -> None:
    from simulator.journal.sqlite_store import SqliteJournalStore

    assert isinstance(store, JournalStore)
    fill(store)
    with SqliteJournalStore(tmp_path / "j.sqlite3") as lite:
        fill(lite)
        assert [e.hash for e in store.events("S-001")] == [e.hash for e in lite.events("S-001")]
    assert store.header("S-001") == make_header()
    assert [e.seq for e in store.events("S-001", after_seq=1)] == [2, 3]
    assert store.last_event("S-001").type == "call.ended"
    assert verify_session(store, "S-001").ok
    with pytest.raises(DuplicateSession):
        store.create_session(make_header())
    with pytest.raises(UnknownSession):
        store.append("S-404", "x.y", {}, RECORDS[0][0])


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE events SET payload = '{}' WHERE seq = 2",
        "DELETE FROM events WHERE seq = 3",
        "TRUNCATE events CASCADE",
        "UPDATE sessions SET candidate_id = 'autre'",
        "DELETE FROM sessions",
    ],
)
def test_the_database_refuses_to_change_history(
    store: PgJournalStore, pg_url: str, sql: str
) -> None:
    fill(store)
    with (
        psycopg.connect(pg_url, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(sql)
    assert verify_session(store, "S-001").ok and len(list(store.events("S-001"))) == 3


def test_the_trigger_refuses_even_a_role_granted_update(store: PgJournalStore, pg_url: str) -> None:
    """Privileges given back by the owner still meet the trigger (and the self-check then refuses the store)."""
    fill(store)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("GRANT UPDATE, DELETE ON events TO CURRENT_USER")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute("UPDATE events SET payload = '{}' WHERE seq = 2")
    with pytest.raises(StoreMisconfigured, match="UPDATE"):
        PgJournalStore(pg_url)


def test_an_event_off_the_chain_is_refused(store: PgJournalStore, pg_url: str) -> None:
    fill(store)
    with (
        psycopg.connect(pg_url, autocommit=True) as conn,
        pytest.raises(psycopg.errors.IntegrityConstraintViolation),
    ):
        conn.execute("INSERT INTO events VALUES ('S-001', 5, 'x', 't.y', '{}', 'p', 'h')")


def test_a_disabled_trigger_makes_the_store_refused(store: PgJournalStore, pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE events DISABLE TRIGGER events_no_change")
    with pytest.raises(StoreMisconfigured, match="events_no_change"):
        PgJournalStore(pg_url)


def test_a_superuser_connection_is_refused(pg_server, store: PgJournalStore) -> None:
    admin = store.location.url.replace("callsim@", "postgres@")
    with pytest.raises(StoreMisconfigured, match="superuser"):
        PgJournalStore(admin)


def test_missing_schema_without_create_and_unreachable_server(pg_url: str) -> None:
    with pytest.raises(StoreMisconfigured, match="store init"):
        PgJournalStore(pg_url, create=False)
    with pytest.raises(StoreMisconfigured, match="unreachable"):
        PgJournalStore("postgresql://callsim:secret@127.0.0.1:1/none")


def test_one_writer_per_session_across_processes(store: PgJournalStore, pg_url: str) -> None:
    """A second seat on the same session is refused while the first holds it; released when it dies."""
    fill(store)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        from simulator.journal.pg_store import PgJournalStore
        store = PgJournalStore({pg_url!r})
        with store.claim("S-001", "seat-07"):
            print("held", flush=True)
            time.sleep(60)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SessionInUse) as refused, store.claim("S-001", "seat-08"):
            pass
        assert "seat-07" in refused.value.holder
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with store.claim("S-001", "seat-08") as claim:
        assert claim.owner == "seat-08"
