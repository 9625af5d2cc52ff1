"""An in-memory journal with the same contract and hashes as the durable stores: for test plans and path walks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from simulator.journal.canonical import canonical_bytes, event_hash, header_hash
from simulator.journal.errors import DuplicateSession, SessionInUse, UnknownSession
from simulator.journal.events import Event, SessionHeader
from simulator.journal.store import Claim


class MemoryJournalStore:
    """Keeps sessions in memory; nothing survives the process (never use it for a real épreuve)."""

    def __init__(self) -> None:
        self._headers: dict[str, SessionHeader] = {}
        self._events: dict[str, list[Event]] = {}
        self._claims: set[str] = set()

    def create_session(self, header: SessionHeader) -> None:
        if header.session_id in self._headers:
            raise DuplicateSession(header.session_id)
        canonical_bytes(dict(header.extra))  # refuse what a durable store would refuse
        self._headers[header.session_id] = header
        self._events[header.session_id] = []

    def append(self, session_id: str, type: str, payload: Mapping[str, Any], at: str) -> Event:
        events = self._events_of(session_id)
        prev = events[-1].hash if events else header_hash(self._headers[session_id])
        seq = len(events) + 1
        data = dict(payload)
        event = Event(
            session_id, seq, at, type, data, prev, event_hash(prev, session_id, seq, at, type, data)
        )
        events.append(event)
        return event

    def header(self, session_id: str) -> SessionHeader:
        self._events_of(session_id)
        return self._headers[session_id]

    def events(self, session_id: str, after_seq: int = 0) -> Iterator[Event]:
        return iter(self._events_of(session_id)[after_seq:])

    def last_event(self, session_id: str) -> Event | None:
        events = self._events_of(session_id)
        return events[-1] if events else None

    def session_ids(self) -> list[str]:
        return list(self._headers)

    @contextmanager
    def claim(self, session_id: str, owner: str) -> Iterator[Claim]:
        if session_id in self._claims:
            raise SessionInUse(session_id, owner)
        self._claims.add(session_id)
        try:
            yield Claim(session_id, owner)
        finally:
            self._claims.discard(session_id)

    def close(self) -> None:
        self._claims.clear()

    def _events_of(self, session_id: str) -> list[Event]:
        if session_id not in self._events:
            raise UnknownSession(session_id)
        return self._events[session_id]
