"""The scoring side of the backend seam: grilles, audit log and transcripts of the store a location names."""

from __future__ import annotations

from typing import Any

from simulator.journal.location import PostgresUrl, StoreLocation, store_location


def open_grilles(location: str | StoreLocation) -> Any:
    """A ``SqliteGrilleStore`` or a ``PgGrilleStore``."""
    where = store_location(location)
    if isinstance(where, PostgresUrl):
        from scoring.pg_storage import PgGrilleStore

        return PgGrilleStore(where)
    from scoring.storage import SqliteGrilleStore

    return SqliteGrilleStore(where)


def open_audit(location: str | StoreLocation) -> Any:
    """A ``SqliteAuditStore`` or a ``PgAuditStore``."""
    where = store_location(location)
    if isinstance(where, PostgresUrl):
        from scoring.assessment.pg_audit_store import PgAuditStore

        return PgAuditStore(where)
    from scoring.assessment.audit_store import SqliteAuditStore

    return SqliteAuditStore(where)


def open_transcripts(location: str | StoreLocation) -> Any:
    """Verified transcripts: the SQLite fast reader, or the journal's own reader on a server."""
    where = store_location(location)
    if isinstance(where, PostgresUrl):
        from scoring.transcripts import StoreTranscripts
        from simulator.journal.pg_store import PgJournalStore

        return StoreTranscripts(PgJournalStore(where, create=False))
    from scoring.transcripts import SqliteTranscripts

    return SqliteTranscripts(where)
