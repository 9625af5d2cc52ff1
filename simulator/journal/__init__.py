"""The append-only, hash-chained journal of everything a candidate saw and did."""

from __future__ import annotations

from simulator.journal.canonical import canonical_bytes, event_hash, header_hash
from simulator.journal.events import Event, SessionHeader
from simulator.journal.jsonl import export_jsonl, read_jsonl, verify_file, write_jsonl
from simulator.journal.paths import default_store_path
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.store import (
    Claim,
    DuplicateSession,
    InvalidRecord,
    JournalError,
    JournalStore,
    SessionInUse,
    StoreMisconfigured,
    UnknownSession,
)
from simulator.journal.verify import VerifyResult, verify_events, verify_session

__all__ = [
    "Claim",
    "DuplicateSession",
    "Event",
    "InvalidRecord",
    "JournalError",
    "JournalStore",
    "SessionHeader",
    "SessionInUse",
    "SqliteJournalStore",
    "StoreMisconfigured",
    "UnknownSession",
    "VerifyResult",
    "canonical_bytes",
    "default_store_path",
    "event_hash",
    "export_jsonl",
    "header_hash",
    "read_jsonl",
    "verify_events",
    "verify_file",
    "verify_session",
    "write_jsonl",
]
