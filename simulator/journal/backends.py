"""The backend seam: the journal store a location names (a SQLite file, or a PostgreSQL server).

Every command and app opens its journal through ``open_journal`` so that ``--store`` and
``$CALLSIM_STORE`` may name either; the SQLite code paths stay as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.journal.location import PostgresUrl, StoreLocation, store_location


def open_journal(location: str | StoreLocation, *, create: bool = True) -> Any:
    """A ``SqliteJournalStore`` or a ``PgJournalStore`` on ``location``."""
    where = store_location(location)
    if isinstance(where, PostgresUrl):
        from simulator.journal.pg_store import PgJournalStore

        return PgJournalStore(where, create=create)
    from simulator.journal.sqlite_store import SqliteJournalStore

    return SqliteJournalStore(where, create=create)


def location_text(location: str | StoreLocation) -> str:
    """The location as text another process can open again (the full URL, password included, for a server)."""
    where = store_location(location)
    return where.url if isinstance(where, PostgresUrl) else str(where)


def is_local_file(location: str | StoreLocation) -> bool:
    """True when the store is a SQLite file (its folder, permissions and locks are this machine's)."""
    return isinstance(store_location(location), Path)
