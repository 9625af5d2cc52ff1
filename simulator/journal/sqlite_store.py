"""``SqliteJournalStore``: the journal in one SQLite file (WAL, synchronous=FULL, append-only)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from simulator.i18n import Message
from simulator.journal import sqlite_schema
from simulator.journal.errors import (
    StoreMisconfigured,
    StoreWriteFailed,
)
from simulator.journal.locks import claim_session, creation_lock
from simulator.journal.paths import lock_dir_for
from simulator.journal.sql_store import SqlJournalStore
from simulator.journal.store import Claim


class SqliteJournalStore(SqlJournalStore):
    """A ``JournalStore`` in one SQLite file; one connection per store object.

    ``create=False`` refuses a missing file instead of creating an empty store (for the CLI).
    Opening with ``create=True`` is serialised by a lock file, so concurrent first opens all succeed.
    The self-check (``check()``) runs at open and raises ``StoreMisconfigured``.
    A writer waits up to ``timeout`` seconds for the file (60 s: 30 seats writing one file at once on a
    busy two-core machine waited more than 10 s in the load test, ``scripts/loadtest.py``).
    """

    #: Text columns are read as bytes, so that a column that is not valid UTF-8 (a damaged or tampered
    #: file) is reported for its event or header instead of failing the whole query.
    EVENT_SELECT = (
        "SELECT seq, CAST(at AS BLOB), CAST(type AS BLOB), CAST(payload AS BLOB), "
        "CAST(prev_hash AS BLOB), CAST(hash AS BLOB) FROM events WHERE session_id = ?"
    )
    HEADER_JSON = "CAST(header_json AS BLOB)"
    HEADER_HASH = "CAST(header_hash AS BLOB)"

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 60.0) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreMisconfigured(str(self.path), Message("file not found"))
        super().__init__()
        if (
            create
        ):  # two seats creating the store at the same instant: one creates it, the other waits
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with creation_lock(lock_dir_for(self.path)):
                self._conn = sqlite_schema.open_checked(self.path, timeout)
        else:
            self._conn = sqlite_schema.open_checked(self.path, timeout)

    def check(self) -> None:
        """Re-run the self-check: WAL, synchronous=FULL, foreign keys, schema, triggers."""
        with self._lock:
            sqlite_schema.check(self._connection(), str(self.path))

    def claim(self, session_id: str, owner: str) -> AbstractContextManager[Claim]:
        """Exclusive ``flock`` on ``<db path>.locks/<session_id>.lock`` for the ``with`` block."""
        self._connection()
        return claim_session(lock_dir_for(self.path), session_id, owner)

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
