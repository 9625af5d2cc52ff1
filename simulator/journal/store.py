"""The ``JournalStore`` protocol: the one interface the engine uses to write and read journals."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from simulator.journal.errors import (
    DuplicateSession,
    InvalidRecord,
    JournalError,
    SessionInUse,
    StoreClosed,
    StoreMisconfigured,
    StoreWriteFailed,
    UnknownSession,
)
from simulator.journal.events import Event, SessionHeader

__all__ = [
    "Claim",
    "DuplicateSession",
    "InvalidRecord",
    "JournalError",
    "JournalStore",
    "SessionInUse",
    "StoreClosed",
    "StoreMisconfigured",
    "StoreWriteFailed",
    "UnknownSession",
]


@dataclass(frozen=True)
class Claim:
    """Proof that this process holds the exclusive right to write a session."""

    session_id: str
    owner: str


@runtime_checkable
class JournalStore(Protocol):
    """An append-only, durable, hash-chained store of exam sessions.

    Every backend (SQLite now, PostgreSQL later) honours the same contract:

    * ``create_session`` writes the header once; a second call raises ``DuplicateSession``.
    * ``append`` assigns the next ``seq`` (1, 2, 3, …) and the chained hash itself and returns
      only once the event is durable (committed and synced). Events are never changed.
    * ``claim`` is an exclusive, per-session lock released when the block exits or the
      process dies; a concurrent claim raises ``SessionInUse`` instead of waiting.
    """

    def create_session(self, header: SessionHeader) -> None:
        """Durably record a new session's header; raise ``DuplicateSession`` if it exists."""
        ...

    def append(self, session_id: str, type: str, payload: Mapping[str, Any], at: str) -> Event:
        """Durably append one event and return it with its ``seq`` and ``hash``."""
        ...

    def header(self, session_id: str) -> SessionHeader:
        """Return the session's header; raise ``UnknownSession`` if absent."""
        ...

    def events(self, session_id: str, after_seq: int = 0) -> Iterator[Event]:
        """Iterate the session's events with ``seq > after_seq``, in order."""
        ...

    def last_event(self, session_id: str) -> Event | None:
        """Return the latest event of the session, or ``None`` if it has none yet."""
        ...

    def session_ids(self) -> list[str]:
        """Return every session id, in creation order."""
        ...

    def claim(self, session_id: str, owner: str) -> AbstractContextManager[Claim]:
        """Hold the session's exclusive lock for the ``with`` block, or raise ``SessionInUse``."""
        ...

    def close(self) -> None:
        """Release the store's resources; further calls raise ``StoreClosed``."""
        ...
