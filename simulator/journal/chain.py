"""Build a hash-chained list of events in memory (for fixtures, tests and new backends)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from simulator.journal.canonical import canonical_text, event_hash_from_text, header_hash
from simulator.journal.events import Event, SessionHeader


def build_events(
    header: SessionHeader, records: Iterable[tuple[str, str, Mapping[str, Any]]]
) -> list[Event]:
    """Chain ``(at, type, payload)`` records after ``header`` exactly as a store would.

    The result is what ``JournalStore.events`` must return after appending the same
    records to a fresh session, so backends can be checked against it.
    """
    events: list[Event] = []
    prev = header_hash(header)
    for seq, (at, type_, payload) in enumerate(records, start=1):
        text = canonical_text(dict(payload))
        digest = event_hash_from_text(prev, header.session_id, seq, at, type_, text)
        stored = json.loads(text)
        events.append(Event(header.session_id, seq, at, type_, stored, prev, digest))
        prev = digest
    return events


def head_of(header: SessionHeader, events: list[Event]) -> str:
    """The hash a seal records: the last event's, or the header's when there is none."""
    return events[-1].hash if events else header_hash(header)
