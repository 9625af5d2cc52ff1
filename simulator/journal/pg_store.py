"""``PgJournalStore``: the journal on a PostgreSQL server (psycopg 3), for a centre's many seats on one store.

Same contract as ``SqliteJournalStore``: the header is written once, each ``append`` commits one
event chained to the previous one (the commit returns once the server has flushed it: ``fsync`` and
``synchronous_commit`` are checked on), and ``claim`` holds a session-level advisory lock on its own
connection, which the server releases if the seat's process dies or its connection is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from simulator.i18n import Message
from simulator.journal import pg_schema
from simulator.journal.errors import (
    SessionInUse,
    StoreMisconfigured,
    StoreWriteFailed,
)
from simulator.journal.location import PostgresUrl
from simulator.journal.sql_store import SqlJournalStore
from simulator.journal.store import Claim
from simulator.journal.validation import (
    validate_session_id,
    validate_timestamp,
)


def connect(location: PostgresUrl) -> Any:
    """An autocommit connection (explicit transactions only), or ``StoreMisconfigured`` saying why not."""
    import psycopg

    try:
        conn = psycopg.connect(
            location.url, autocommit=True, connect_timeout=10, application_name="callsim"
        )
    except psycopg.Error as exc:
        raise StoreMisconfigured(
            str(location), Message("PostgreSQL server unreachable ({problem})", problem=str(exc))
        ) from exc
    conn.execute("SET synchronous_commit TO on")
    return conn


class PgJournalStore(SqlJournalStore):
    """A ``JournalStore`` on PostgreSQL; one connection per store object (plus one per claim).

    ``create=False`` refuses a database without callsim's schema instead of creating it.
    """

    ORDER = "ord"

    @staticmethod
    def sql(text: str) -> str:
        """``?`` placeholders as psycopg takes them (``%s``); the queries hold no other ``?``."""
        return text.replace("?", "%s")

    def __init__(self, location: PostgresUrl | str, *, create: bool = True) -> None:
        self.location = location if isinstance(location, PostgresUrl) else PostgresUrl(location)
        self.path = self.location
        super().__init__()
        #: The requests table exists (every seat looks for requests each second: one query, not four).
        self._requests_table = False
        self._conn = connect(self.location)
        try:
            if not pg_schema.has_schema(self._conn):
                if not create:
                    raise StoreMisconfigured(
                        str(self.location),
                        Message("database without callsim's schema (run « callsim store init »)"),
                    )
                pg_schema.initialise(self._conn)
            pg_schema.check(self._conn, str(self.location))
        except BaseException:
            self._conn.close()
            raise

    def check(self) -> None:
        """Re-run the self-check: settings, schema version, triggers, privileges."""
        with self._lock:
            pg_schema.check(self._connection(), str(self.location))

    def _serialise_appends(self, conn: Any, session_id: str) -> None:
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            ("callsim:append:" + session_id,),
        )

    def claim(self, session_id: str, owner: str) -> AbstractContextManager[Claim]:
        """A session-level advisory lock on a connection of its own, for the ``with`` block."""
        validate_session_id(session_id)
        self._connection()
        return _advisory_claim(self.location, session_id, owner)

    def claim_held(self, session_id: str) -> bool:
        """Whether some connection holds the session's claim now (read from the lock table: takes nothing)."""
        rows = self._fetch(
            "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND "
            "((classid::bigint << 32) | objid::bigint) = hashtextextended(%s, 0) LIMIT 1",
            ("callsim:session:" + session_id,),
        )
        return bool(rows)

    # -- the invigilator's requests to a live seat ---------------------------------------
    def post_request(self, session_id: str, kind: str, payload: Mapping[str, Any], at: str) -> int:
        """Leave a request for the seat that holds ``session_id`` (it journals it on its next heartbeat check)."""
        validate_session_id(session_id)
        validate_timestamp("at", at)
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('callsim:schema'))")
            conn.execute(pg_schema.REQUESTS_TABLE)
            row = conn.execute(
                "INSERT INTO invigilator_requests (session_id, kind, payload, at) "
                "VALUES (%s, %s, %s, %s) RETURNING id",
                (session_id, kind, json.dumps(dict(payload), sort_keys=True), at),
            ).fetchone()
        return int(row[0])

    def requests(self, session_id: str, after: int = 0) -> list[tuple[int, str, dict[str, Any]]]:
        """The requests left for ``session_id`` after request ``after``, oldest first: ``(id, kind, payload)``."""
        with self._lock:
            conn = self._connection()
            if not self._requests_table:  # created with the first request; never dropped after
                if not conn.execute(
                    "SELECT to_regclass('invigilator_requests') IS NOT NULL"
                ).fetchone()[0]:
                    return []
                self._requests_table = True
            rows = conn.execute(
                "SELECT id, kind, payload FROM invigilator_requests WHERE session_id = %s "
                "AND id > %s ORDER BY id",
                (session_id, after),
            ).fetchall()
        return [(int(id_), str(kind), json.loads(payload)) for id_, kind, payload in rows]

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        """One transaction under the store lock; a server error becomes ``StoreWriteFailed``."""
        import psycopg

        with self._lock:
            conn = self._connection()
            try:
                with conn.transaction():
                    yield conn
            except psycopg.Error as exc:
                raise StoreWriteFailed(str(exc)) from exc


@contextmanager
def _advisory_claim(location: PostgresUrl, session_id: str, owner: str) -> Iterator[Claim]:
    conn = connect(location)
    try:
        key = "callsim:session:" + session_id
        if not conn.execute(
            "SELECT pg_try_advisory_lock(hashtextextended(%s, 0))", (key,)
        ).fetchone()[0]:
            raise SessionInUse(session_id, _holder(conn, key))
        conn.execute("SELECT set_config('application_name', %s, false)", (f"callsim {owner}"[:63],))
        yield Claim(session_id=session_id, owner=owner)
    finally:
        conn.close()  # closing the connection releases the lock


def _holder(conn: Any, key: str) -> str:
    """The application name of the connection holding the lock (what the seat wrote)."""
    row = conn.execute(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND "
        "((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(%s, 0) LIMIT 1",
        (key,),
    ).fetchone()
    return str(row[0]) if row else ""
