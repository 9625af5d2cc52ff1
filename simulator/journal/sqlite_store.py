"""``SqliteJournalStore``: the journal in one SQLite file (WAL, synchronous=FULL, append-only)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Self

from simulator.i18n import Message
from simulator.journal import sqlite_schema
from simulator.journal.canonical import canonical_text, event_hash_from_text, header_hash
from simulator.journal.errors import (
    DuplicateSession,
    InvalidRecord,
    StoreClosed,
    StoreMisconfigured,
    StoreWriteFailed,
    UnknownSession,
)
from simulator.journal.events import Event, SessionHeader, header_from_dict, header_to_dict
from simulator.journal.locks import claim_session, creation_lock
from simulator.journal.paths import lock_dir_for
from simulator.journal.store import Claim
from simulator.journal.validation import (
    validate_event_type,
    validate_header,
    validate_session_id,
    validate_timestamp,
)

_PAGE = 500
_SELECT_SESSION = "SELECT 1 FROM sessions WHERE session_id = ?"
#: Text columns come back as bytes and are decoded per event, so that a column that is not valid
#: UTF-8 (a damaged or tampered file) is reported for its event instead of failing a whole page.
_SELECT_EVENTS = (
    "SELECT seq, CAST(at AS BLOB), CAST(type AS BLOB), CAST(payload AS BLOB), "
    "CAST(prev_hash AS BLOB), CAST(hash AS BLOB) FROM events WHERE session_id = ?"
)


class SqliteJournalStore:
    """A ``JournalStore`` in one SQLite file; one connection per store object.

    ``create=False`` refuses a missing file instead of creating an empty store (for the CLI).
    Opening with ``create=True`` is serialised by a lock file, so concurrent first opens all succeed.
    The self-check (``check()``) runs at open and raises ``StoreMisconfigured``.
    A writer waits up to ``timeout`` seconds for the file (60 s: 30 seats writing one file at once on a
    busy two-core machine waited more than 10 s in the load test, ``scripts/loadtest.py``).
    """

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 60.0) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreMisconfigured(str(self.path), Message("file not found"))
        self._lock = threading.RLock()
        if (
            create
        ):  # two seats creating the store at the same instant: one creates it, the other waits
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with creation_lock(lock_dir_for(self.path)):
                self._conn: sqlite3.Connection | None = sqlite_schema.open_checked(
                    self.path, timeout
                )
        else:
            self._conn = sqlite_schema.open_checked(self.path, timeout)

    # -- lifecycle ---------------------------------------------------------------------
    def check(self) -> None:
        """Re-run the self-check: WAL, synchronous=FULL, foreign keys, schema, triggers."""
        with self._lock:
            sqlite_schema.check(self._connection(), str(self.path))

    def close(self) -> None:
        """Close the connection (idempotent)."""
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
        data = header_to_dict(header)
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
            canonical_text(data),
        )
        with self._transaction() as conn:
            if conn.execute(_SELECT_SESSION, (header.session_id,)).fetchone():
                raise DuplicateSession(header.session_id)
            conn.execute("INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?,?)", row)

    def append(self, session_id: str, type: str, payload: Mapping[str, Any], at: str) -> Event:
        """Append one event in its own transaction; return it once committed (durable)."""
        validate_session_id(session_id)
        validate_event_type(type)
        validate_timestamp("at", at)
        if not isinstance(payload, Mapping):
            raise InvalidRecord("payload", Message("a JSON object is expected"))
        payload_text = canonical_text(dict(payload))
        stored_payload = json.loads(payload_text)
        with self._transaction() as conn:
            last = conn.execute(
                "SELECT seq, hash FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            if last is None:
                head = conn.execute(
                    "SELECT header_hash FROM sessions WHERE session_id = ?", (session_id,)
                ).fetchone()
                if head is None:
                    raise UnknownSession(session_id)
                seq, prev = 1, head[0]
            else:
                seq, prev = last[0] + 1, last[1]
            digest = event_hash_from_text(prev, session_id, seq, at, type, payload_text)
            conn.execute(
                "INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) "
                "VALUES (?,?,?,?,?,?,?)",
                (session_id, seq, at, type, payload_text, prev, digest),
            )
        return Event(session_id, seq, at, type, stored_payload, prev, digest)

    # -- reading -----------------------------------------------------------------------
    def header(self, session_id: str) -> SessionHeader:
        """Return the header, rebuilt from its canonical JSON."""
        raw = self._session_column(session_id, "CAST(header_json AS BLOB)")
        try:
            return header_from_dict(json.loads(raw.decode("utf-8")))
        except (ValueError, TypeError, AttributeError) as exc:  # InvalidRecord is a ValueError too
            raise InvalidRecord(
                "header", Message("unreadable header ({problem})", problem=str(exc))
            ) from exc

    def stored_header_hash(self, session_id: str) -> str:
        """The header hash recorded at creation (verification compares it to a recomputation)."""
        raw = self._session_column(session_id, "CAST(header_hash AS BLOB)")
        return bytes(raw).decode("utf-8", errors="replace")  # damaged bytes can only mismatch

    def events(self, session_id: str, after_seq: int = 0) -> Iterator[Event]:
        """Iterate events with ``seq > after_seq`` in pages (no cursor stays open between)."""
        self._session_column(session_id, "1")
        return self._iter_events(session_id, after_seq)

    def _iter_events(self, session_id: str, after_seq: int) -> Iterator[Event]:
        sql = f"{_SELECT_EVENTS} AND seq > ? ORDER BY seq LIMIT {_PAGE}"
        while True:
            rows = self._fetch(sql, (session_id, after_seq))
            yield from (_row_to_event(session_id, row) for row in rows)
            if len(rows) < _PAGE:
                return
            after_seq = rows[-1][0]

    def last_event(self, session_id: str) -> Event | None:
        """Return the latest event, or ``None`` for a session without events."""
        self._session_column(session_id, "1")
        rows = self._fetch(f"{_SELECT_EVENTS} ORDER BY seq DESC LIMIT 1", (session_id,))
        return _row_to_event(session_id, rows[0]) if rows else None

    def session_ids(self) -> list[str]:
        """Every session id, in creation order."""
        return [row[0] for row in self._fetch("SELECT session_id FROM sessions ORDER BY rowid")]

    def claim(self, session_id: str, owner: str) -> AbstractContextManager[Claim]:
        """Exclusive ``flock`` on ``<db path>.locks/<session_id>.lock`` for the ``with`` block."""
        self._connection()
        return claim_session(lock_dir_for(self.path), session_id, owner)

    # -- helpers -----------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreClosed()
        return self._conn

    def _fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            return self._connection().execute(sql, params).fetchall()

    def _session_column(self, session_id: str, column: str) -> Any:
        """One column of the session row; raise ``UnknownSession`` if there is none."""
        rows = self._fetch(f"SELECT {column} FROM sessions WHERE session_id = ?", (session_id,))
        if not rows:
            raise UnknownSession(session_id)
        return rows[0][0]

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` under the store lock; roll back on any error."""
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreWriteFailed(str(exc)) from exc
            except BaseException:
                _rollback(conn)
                raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


_EVENT_COLUMNS = ("at", "type", "payload", "prev_hash", "hash")


def _row_to_event(session_id: str, row: tuple[Any, ...]) -> Event:
    """Build an event from a row; raise ``InvalidRecord`` naming its seq if the row is damaged."""
    seq = row[0]
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise InvalidRecord("seq", Message("unreadable event number ({seq})", seq=repr(seq)))
    texts = []
    for name, raw in zip(_EVENT_COLUMNS, row[1:], strict=True):
        try:
            texts.append(bytes(raw).decode("utf-8"))
        except (UnicodeDecodeError, TypeError) as exc:
            raise InvalidRecord(
                name, Message("event #{seq}: text is not valid UTF-8", seq=seq)
            ) from exc
    at, type_, payload, prev_hash, digest = texts
    try:
        data = json.loads(payload)
    except ValueError as exc:
        raise InvalidRecord(
            "payload", Message("event #{seq} unreadable ({problem})", seq=seq, problem=str(exc))
        ) from exc
    if not isinstance(data, dict):
        raise InvalidRecord("payload", Message("event #{seq}: a JSON object is expected", seq=seq))
    return Event(session_id, seq, at, type_, data, prev_hash, digest)
