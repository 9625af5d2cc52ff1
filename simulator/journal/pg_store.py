"""``PgJournalStore``: the journal on a PostgreSQL server (psycopg 3), for a centre's many seats on one store.

Same contract as ``SqliteJournalStore``: the header is written once, each ``append`` commits one
event chained to the previous one (the commit returns once the server has flushed it: ``fsync`` and
``synchronous_commit`` are checked on), and ``claim`` holds a session-level advisory lock on its own
connection, which the server releases if the seat's process dies or its connection is lost.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Self

from simulator.journal import pg_schema
from simulator.journal.canonical import canonical_text, event_hash_from_text, header_hash
from simulator.journal.errors import (
    DuplicateSession,
    InvalidRecord,
    SessionInUse,
    StoreClosed,
    StoreMisconfigured,
    StoreWriteFailed,
    UnknownSession,
)
from simulator.journal.events import Event, SessionHeader, header_from_dict, header_to_dict
from simulator.journal.location import PostgresUrl
from simulator.journal.store import Claim
from simulator.journal.validation import (
    validate_event_type,
    validate_header,
    validate_session_id,
    validate_timestamp,
)

_PAGE = 500
_EVENTS = "SELECT seq, at, type, payload, prev_hash, hash FROM events WHERE session_id = %s"


def connect(location: PostgresUrl) -> Any:
    """An autocommit connection (explicit transactions only), or ``StoreMisconfigured`` saying why not."""
    import psycopg

    try:
        conn = psycopg.connect(
            location.url, autocommit=True, connect_timeout=10, application_name="callsim"
        )
    except psycopg.Error as exc:
        raise StoreMisconfigured(
            str(location),
            f"serveur PostgreSQL injoignable ({exc})",
            f"PostgreSQL server unreachable ({exc})",
        ) from exc
    conn.execute("SET synchronous_commit TO on")
    return conn


class PgJournalStore:
    """A ``JournalStore`` on PostgreSQL; one connection per store object (plus one per claim).

    ``create=False`` refuses a database without callsim's schema instead of creating it.
    """

    def __init__(self, location: PostgresUrl | str, *, create: bool = True) -> None:
        self.location = location if isinstance(location, PostgresUrl) else PostgresUrl(location)
        self.path = self.location
        self._lock = threading.RLock()
        #: The requests table exists (every seat looks for requests each second: one query, not four).
        self._requests_table = False
        self._conn: Any = connect(self.location)
        try:
            if not pg_schema.has_schema(self._conn):
                if not create:
                    raise StoreMisconfigured(
                        str(self.location),
                        "base sans schéma callsim (lancez « callsim store init »)",
                        "database without callsim's schema (run « callsim store init »)",
                    )
                pg_schema.initialise(self._conn)
            pg_schema.check(self._conn, str(self.location))
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------
    def check(self) -> None:
        """Re-run the self-check: settings, schema version, triggers, privileges."""
        with self._lock:
            pg_schema.check(self._connection(), str(self.location))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------
    def create_session(self, header: SessionHeader) -> None:
        """Durably write the header; raise ``DuplicateSession`` if the id is taken."""
        validate_header(header)
        row = (
            header.session_id,
            header.candidate_id,
            header.seed,
            header.epreuve_id,
            header.epreuve_hash,
            header.app_version,
            header.created_at,
            header.mode,
            header.language,
            header_hash(header),
            canonical_text(header_to_dict(header)),
        )
        with self._transaction() as conn:
            inserted = conn.execute(
                "INSERT INTO sessions (session_id, candidate_id, seed, epreuve_id, epreuve_hash, app_version, "
                "created_at, mode, language, header_hash, header_json) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "
                "ON CONFLICT (session_id) DO NOTHING",
                row,
            ).rowcount
            if inserted != 1:
                raise DuplicateSession(header.session_id)

    def append(self, session_id: str, type: str, payload: Mapping[str, Any], at: str) -> Event:
        """Append one event in its own transaction; return it once committed (durable)."""
        validate_session_id(session_id)
        validate_event_type(type)
        validate_timestamp("at", at)
        if not isinstance(payload, Mapping):
            raise InvalidRecord("payload", "un objet JSON est attendu", "a JSON object expected")
        payload_text = canonical_text(dict(payload))
        with self._transaction() as conn:
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                ("callsim:append:" + session_id,),
            )
            head = conn.execute(
                "SELECT header_hash FROM sessions WHERE session_id = %s", (session_id,)
            ).fetchone()
            if head is None:
                raise UnknownSession(session_id)
            last = conn.execute(
                "SELECT seq, hash FROM events WHERE session_id = %s ORDER BY seq DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            seq, prev = (last[0] + 1, last[1]) if last else (1, head[0])
            digest = event_hash_from_text(prev, session_id, seq, at, type, payload_text)
            conn.execute(
                "INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) "
                "VALUES (%s,%s,%s,%s,%s,%s,%s)",
                (session_id, seq, at, type, payload_text, prev, digest),
            )
        return Event(session_id, seq, at, type, json.loads(payload_text), prev, digest)

    # -- reading -----------------------------------------------------------------------
    def header(self, session_id: str) -> SessionHeader:
        raw = self._session_column(session_id, "header_json")
        try:
            return header_from_dict(json.loads(raw))
        except (ValueError, TypeError, AttributeError) as exc:
            raise InvalidRecord("header", f"en-tête illisible ({exc})", str(exc)) from exc

    def stored_header_hash(self, session_id: str) -> str:
        return str(self._session_column(session_id, "header_hash"))

    def events(self, session_id: str, after_seq: int = 0) -> Iterator[Event]:
        self._session_column(session_id, "1")
        return self._iter_events(session_id, after_seq)

    def _iter_events(self, session_id: str, after_seq: int) -> Iterator[Event]:
        sql = f"{_EVENTS} AND seq > %s ORDER BY seq LIMIT {_PAGE}"
        while True:
            rows = self._fetch(sql, (session_id, after_seq))
            yield from (_row_to_event(session_id, row) for row in rows)
            if len(rows) < _PAGE:
                return
            after_seq = rows[-1][0]

    def last_event(self, session_id: str) -> Event | None:
        self._session_column(session_id, "1")
        rows = self._fetch(f"{_EVENTS} ORDER BY seq DESC LIMIT 1", (session_id,))
        return _row_to_event(session_id, rows[0]) if rows else None

    def session_ids(self) -> list[str]:
        return [row[0] for row in self._fetch("SELECT session_id FROM sessions ORDER BY ord")]

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

    # -- helpers -----------------------------------------------------------------------
    def _connection(self) -> Any:
        if self._conn is None:
            raise StoreClosed()
        return self._conn

    def _fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            rows: list[Any] = self._connection().execute(sql, params).fetchall()
            return rows

    def _session_column(self, session_id: str, column: str) -> Any:
        rows = self._fetch(f"SELECT {column} FROM sessions WHERE session_id = %s", (session_id,))
        if not rows:
            raise UnknownSession(session_id)
        return rows[0][0]

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


def _row_to_event(session_id: str, row: tuple[Any, ...]) -> Event:
    seq, at, type_, payload, prev_hash, digest = row
    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise InvalidRecord("payload", f"événement n° {seq} illisible", str(exc)) from exc
    if not isinstance(data, dict):
        raise InvalidRecord(
            "payload",
            f"événement n° {seq} : un objet JSON est attendu",
            f"event #{seq}: a JSON object is expected",
        )
    return Event(session_id, seq, at, type_, data, prev_hash, digest)
