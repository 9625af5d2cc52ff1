"""Tables kept beside the journal in its SQLite file (grilles, assessors, audit): one connection and one way to write.

Each such store opens its own connection to the journal's file — autocommit mode, usable from
the app's worker threads, ``synchronous=FULL`` like the journal — guards it with a lock, and
writes in ``BEGIN IMMEDIATE`` transactions, so that two processes writing the same file wait for
each other instead of interleaving. ``SideTables`` gives that to the stores; their tables and
rules stay theirs.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol


class Tables(Protocol):
    """What a store's tables give it, in SQLite (``SideTables``) or PostgreSQL (``PgTables``) alike."""

    ORDER: str

    def sql(self, text: str) -> str: ...

    def transaction(self, chain: str) -> AbstractContextManager[Any]: ...

    def fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]: ...

    def close(self) -> None: ...


class SideTables:
    """A locked connection to the journal's SQLite file, creating ``tables`` with ``schema`` on first use."""

    def __init__(
        self,
        path: str | Path,
        tables: Iterable[str],
        schema: Iterable[str],
        *,
        timeout: float = 30.0,
        text_factory: Any = None,
    ) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=timeout
        )
        if text_factory is not None:
            self.conn.text_factory = text_factory
        self.conn.execute("PRAGMA synchronous=FULL")
        present = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not set(tables) <= present:
            with self.transaction() as conn:
                for ddl in schema:
                    conn.execute(ddl)

    #: How the rows' creation order is named in a query (PostgreSQL's tables have an ``ord`` column).
    ORDER = "rowid"

    @staticmethod
    def sql(text: str) -> str:
        """A query written with ``?`` placeholders, as this database takes it (SQLite: unchanged)."""
        return text

    @contextmanager
    def transaction(self, chain: str = "") -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` under the lock; roll back on any error.

        ``BEGIN IMMEDIATE`` already serialises every writer of the file, whatever ``chain`` they extend.
        """
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """All rows of one query, under the lock."""
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self.lock:
            self.conn.close()
