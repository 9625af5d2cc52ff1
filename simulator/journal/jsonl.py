"""Export a session as canonical JSON Lines (header, events, seal); reading lives in jsonl_read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from simulator.journal.canonical import canonical_bytes, header_hash
from simulator.journal.events import Event, SessionHeader, event_to_line_dict, header_to_dict
from simulator.journal.jsonl_read import JsonlSession, read_jsonl, read_jsonl_bytes, verify_file
from simulator.journal.store import JournalStore

__all__ = [
    "JsonlSession",
    "event_line",
    "export_jsonl",
    "header_line",
    "jsonl_lines",
    "read_jsonl",
    "read_jsonl_bytes",
    "seal_line",
    "verify_file",
    "write_jsonl",
]


def header_line(header: SessionHeader, claimed_hash: str | None = None) -> bytes:
    """Line 1: ``{"kind":"header", …fields…, "header_hash": …}`` plus a newline."""
    data = {"kind": "header", **header_to_dict(header)}
    data["header_hash"] = claimed_hash if claimed_hash is not None else header_hash(header)
    return canonical_bytes(data) + b"\n"


def event_line(event: Event) -> bytes:
    """One ``{"kind":"event", "seq", "at", "type", "payload", "prev_hash", "hash"}`` line."""
    return canonical_bytes(event_to_line_dict(event)) + b"\n"


def seal_line(count: int, head: str) -> bytes:
    """Last line: ``{"kind":"seal","events":N,"head":<hash of the last event>}``."""
    return canonical_bytes({"kind": "seal", "events": count, "head": head}) + b"\n"


def jsonl_lines(
    header: SessionHeader, events: Iterable[Event], claimed_hash: str | None = None
) -> Iterator[bytes]:
    """Yield every line of the export; the same inputs always give the same bytes.

    The seal's head is the last event's hash, or the header hash when there is no event.
    """
    yield header_line(header, claimed_hash)
    head = claimed_hash if claimed_hash is not None else header_hash(header)
    count = 0
    for event in events:
        yield event_line(event)
        head = event.hash
        count += 1
    yield seal_line(count, head)


def write_jsonl(store: JournalStore, session_id: str, out: BinaryIO) -> int:
    """Write the session to a binary stream; return the number of events written.

    The header hash written is the one recorded by the store when it has one, so a header
    altered inside the store shows up as a broken link on verification of the export.
    """
    header = store.header(session_id)
    recorded = getattr(store, "stored_header_hash", None)
    claimed = recorded(session_id) if callable(recorded) else None
    lines = 0
    for line in jsonl_lines(header, store.events(session_id), claimed):
        out.write(line)
        lines += 1
    return lines - 2  # minus the header and the seal


def export_jsonl(store: JournalStore, session_id: str, path: str | Path) -> int:
    """Write the session to ``path`` atomically (temporary file, fsync, rename)."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as handle:
            count = write_jsonl(store, session_id, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return count
