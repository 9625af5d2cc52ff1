"""``SqlJournalStore``: the journal's reads and writes in SQL, one code for SQLite and PostgreSQL.

A subclass gives the connection and its transaction, how the database takes placeholders, the
column that orders sessions by creation, the lock that serialises the appends of one session, and
how a claim is held. Everything else — validation, chaining, paging, turning a row into an event
and refusing a damaged one — is written once here, so both stores keep the same guarantees.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any, Self

from simulator.i18n import Message
from simulator.journal.canonical import canonical_text, event_hash_from_text, header_hash
from simulator.journal.errors import DuplicateSession, InvalidRecord, StoreClosed, UnknownSession
from simulator.journal.events import Event, SessionHeader, header_from_dict, header_to_dict
from simulator.journal.store import Claim
from simulator.journal.validation import (
    validate_event_type,
    validate_header,
    validate_session_id,
    validate_timestamp,
)

_PAGE = 500
_SESSION_COLUMNS = (
    "session_id, candidate_id, seed, epreuve_id, epreuve_hash, app_version, created_at, mode, "
    "language, header_hash, header_json"
)
#: Text columns may come back as bytes and are decoded per event, so that a column that is not valid
#: UTF-8 (a damaged or tampered file) is reported for its event instead of failing a whole page.
_EVENT_COLUMNS = ("at", "type", "payload", "prev_hash", "hash")


class SqlJournalStore:
    """A ``JournalStore`` over one SQL connection; subclasses say how to reach their database."""

    #: How the sessions' creation order is named in a query.
    ORDER = "rowid"
    #: The columns of an event row: ``seq`` then ``_EVENT_COLUMNS`` (a subclass may read them as bytes).
    EVENT_SELECT = "SELECT seq, at, type, payload, prev_hash, hash FROM events WHERE session_id = ?"
    #: The header's canonical JSON as a column expression (a subclass may read it as bytes).
    HEADER_JSON = "header_json"
    #: The header's hash as a column expression.
    HEADER_HASH = "header_hash"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._conn: Any = None

    # -- what a subclass gives -----------------------------------------------------------
    @staticmethod
    def sql(text: str) -> str:
        """A query written with ``?`` placeholders, as this database takes it."""
        return text

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _serialise_appends(self, conn: Any, session_id: str) -> None:
        """Within an append's transaction: keep other writers of ``session_id`` out until it commits."""

    def claim(self, session_id: str, owner: str) -> AbstractContextManager[Claim]:
        raise NotImplementedError

    # -- lifecycle ---------------------------------------------------------------------
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
            if conn.execute(
                self.sql("SELECT 1 FROM sessions WHERE session_id = ?"), (header.session_id,)
            ).fetchone():
                raise DuplicateSession(header.session_id)
            inserted = conn.execute(
                self.sql(
                    f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                    "ON CONFLICT (session_id) DO NOTHING"
                ),
                row,
            ).rowcount
            if inserted != 1:  # another writer took the id since the check
                raise DuplicateSession(header.session_id)

    def append(self, session_id: str, type: str, payload: Mapping[str, Any], at: str) -> Event:
        """Append one event in its own transaction; return it once committed (durable)."""
        validate_session_id(session_id)
        validate_event_type(type)
        validate_timestamp("at", at)
        if not isinstance(payload, Mapping):
            raise InvalidRecord("payload", Message("a JSON object is expected"))
        payload_text = canonical_text(dict(payload))
        stored_payload = json.loads(payload_text)
        sql = self.sql
        with self._transaction() as conn:
            self._serialise_appends(conn, session_id)
            last = conn.execute(
                sql("SELECT seq, hash FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1"),
                (session_id,),
            ).fetchone()
            if last is None:
                head = conn.execute(
                    sql("SELECT header_hash FROM sessions WHERE session_id = ?"), (session_id,)
                ).fetchone()
                if head is None:
                    raise UnknownSession(session_id)
                seq, prev = 1, head[0]
            else:
                seq, prev = last[0] + 1, last[1]
            digest = event_hash_from_text(prev, session_id, seq, at, type, payload_text)
            conn.execute(
                sql(
                    "INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) "
                    "VALUES (?,?,?,?,?,?,?)"
                ),
                (session_id, seq, at, type, payload_text, prev, digest),
            )
        return Event(session_id, seq, at, type, stored_payload, prev, digest)

    # -- reading -----------------------------------------------------------------------
    def header(self, session_id: str) -> SessionHeader:
        """Return the header, rebuilt from its canonical JSON."""
        raw = self._session_column(session_id, self.HEADER_JSON)
        try:
            return header_from_dict(json.loads(_text(raw)))
        except (ValueError, TypeError, AttributeError) as exc:  # InvalidRecord is a ValueError too
            raise InvalidRecord(
                "header", Message("unreadable header ({problem})", problem=str(exc))
            ) from exc

    def stored_header_hash(self, session_id: str) -> str:
        """The header hash recorded at creation (verification compares it to a recomputation)."""
        raw = self._session_column(session_id, self.HEADER_HASH)
        return raw if isinstance(raw, str) else bytes(raw).decode("utf-8", errors="replace")

    def events(self, session_id: str, after_seq: int = 0) -> Iterator[Event]:
        """Iterate events with ``seq > after_seq`` in pages (no cursor stays open between)."""
        self._session_column(session_id, "1")
        return self._iter_events(session_id, after_seq)

    def _iter_events(self, session_id: str, after_seq: int) -> Iterator[Event]:
        query = f"{self.EVENT_SELECT} AND seq > ? ORDER BY seq LIMIT {_PAGE}"
        while True:
            rows = self._fetch(query, (session_id, after_seq))
            yield from (row_to_event(session_id, row) for row in rows)
            if len(rows) < _PAGE:
                return
            after_seq = rows[-1][0]

    def last_event(self, session_id: str) -> Event | None:
        """Return the latest event, or ``None`` for a session without events."""
        self._session_column(session_id, "1")
        rows = self._fetch(f"{self.EVENT_SELECT} ORDER BY seq DESC LIMIT 1", (session_id,))
        return row_to_event(session_id, rows[0]) if rows else None

    def session_ids(self) -> list[str]:
        """Every session id, in creation order."""
        return [
            row[0] for row in self._fetch(f"SELECT session_id FROM sessions ORDER BY {self.ORDER}")
        ]

    # -- helpers -----------------------------------------------------------------------
    def _connection(self) -> Any:
        if self._conn is None:
            raise StoreClosed()
        return self._conn

    def _fetch(self, query: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            rows: list[Any] = self._connection().execute(self.sql(query), params).fetchall()
            return rows

    def _session_column(self, session_id: str, column: str) -> Any:
        """One column of the session row; raise ``UnknownSession`` if there is none."""
        rows = self._fetch(f"SELECT {column} FROM sessions WHERE session_id = ?", (session_id,))
        if not rows:
            raise UnknownSession(session_id)
        return rows[0][0]


def _text(raw: Any) -> str:
    return raw if isinstance(raw, str) else bytes(raw).decode("utf-8")


def row_to_event(session_id: str, row: tuple[Any, ...]) -> Event:
    """Build an event from a row; raise ``InvalidRecord`` naming its seq if the row is damaged."""
    seq = row[0]
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise InvalidRecord("seq", Message("unreadable event number ({seq})", seq=repr(seq)))
    texts = []
    for name, raw in zip(_EVENT_COLUMNS, row[1:], strict=True):
        try:
            texts.append(_text(raw))
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
