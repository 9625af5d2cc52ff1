"""Verify a hash chain and locate the first event that was altered, removed, moved or copied."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from simulator.journal.canonical import (
    event_hash,
    event_hash_from_text,
    header_hash,
    read_payload_text,
)
from simulator.journal.errors import JournalError
from simulator.journal.events import Event, SessionHeader
from simulator.journal.reasons import describe
from simulator.journal.store import JournalStore

_Failure = tuple[str, int | None, dict[str, Any]]


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a verification.

    ``first_bad_seq`` is the sequence number where the journal stops being trustworthy:
    events ``1 .. first_bad_seq - 1`` verified, the event expected at ``first_bad_seq`` is
    altered, missing, moved or a copy. ``0`` means the header; ``None`` means the failure
    cannot be pinned to one event (unreadable file, head hash matching no event).
    """

    ok: bool
    checked: int
    first_bad_seq: int | None
    reason_code: str | None
    reason: str
    reason_en: str
    line: int | None = None

    @classmethod
    def success(cls, checked: int) -> VerifyResult:
        fr, en = describe("ok", checked=checked)
        return cls(True, checked, None, None, fr, en)

    @classmethod
    def failure(
        cls,
        code: str,
        checked: int,
        first_bad_seq: int | None,
        line: int | None = None,
        **values: Any,
    ) -> VerifyResult:
        fr, en = describe(code, line=line, seq=first_bad_seq, checked=checked, **values)
        return cls(False, checked, first_bad_seq, code, fr, en, line)


class _Peekable:
    """Iterator with one element of look-ahead (to tell a swap from a deletion)."""

    def __init__(self, items: Iterable[Event]) -> None:
        self._it: Iterator[Event] = iter(items)
        self._buffer: list[Event] = []

    def __iter__(self) -> _Peekable:
        return self

    def __next__(self) -> Event:
        return self._buffer.pop() if self._buffer else next(self._it)

    def peek(self) -> Event | None:
        if not self._buffer:
            try:
                self._buffer.append(next(self._it))
            except StopIteration:
                return None
        return self._buffer[0]


def _self_consistent(event: Event, session_id: str) -> bool:
    try:
        computed = event_hash(
            event.prev_hash, session_id, event.seq, event.at, event.type, event.payload
        )
    except JournalError:
        return False
    return computed == event.hash


def _check_event(
    event: Event,
    k: int,
    prev: str | None,
    session_id: str,
    last: Event | None,
    seen: dict[str, int],
    stream: _Peekable,
) -> _Failure | None:
    """Return ``(code, first_bad_seq, values)`` if ``event`` cannot stand at position ``k``."""
    if event.session_id != session_id:
        return "wrong_session", k, {"other": event.session_id}
    if event.seq != k:
        found = {"found": event.seq}
        if event.seq > k:
            after = stream.peek()
            return ("swapped" if after is not None and after.seq == k else "missing"), k, found
        copy = (last is not None and event.hash == last.hash) or event.hash in seen
        return ("duplicate" if copy else "out_of_order"), k, found
    if prev is not None and event.prev_hash != prev:
        if not _self_consistent(event, session_id):
            return "hash_mismatch", k, {}
        return ("header_link_broken" if k == 1 else "prev_mismatch"), k, {"prev": k - 1}
    if not _self_consistent(event, session_id):
        return "hash_mismatch", k, {}
    return None


def verify_events(
    header: SessionHeader | None,
    events: Iterable[Event],
    expected_count: int | None = None,
    expected_head: str | None = None,
) -> VerifyResult:
    """Check seq numbering, links and hashes; stop at and locate the first problem.

    With a header, event 1 must link to its hash; without, only the chain itself is checked.
    ``expected_count``/``expected_head`` (from a seal or the engine) reveal a truncated or
    extended tail; the head of a session without events is its header hash.
    """
    session_id = header.session_id if header is not None else None
    prev = header_hash(header) if header is not None else None
    seen: dict[str, int] = {}
    last: Event | None = None
    stream = _Peekable(events)
    k = 0
    for event in stream:
        k += 1
        if expected_count is not None and k > expected_count:
            return VerifyResult.failure("extra_events", k - 1, k, last=expected_count)
        if session_id is None:
            session_id = event.session_id
        problem = _check_event(event, k, prev, session_id, last, seen, stream)
        if problem is not None:
            code, bad, values = problem
            return VerifyResult.failure(code, k - 1, bad, **values)
        prev, last = event.hash, event
        seen[event.hash] = k
    if expected_count is not None and k < expected_count:
        return VerifyResult.failure("truncated", k, k + 1, expected=expected_count)
    if expected_head is not None and expected_head != prev:
        if expected_head in seen:
            j = seen[expected_head]
            return VerifyResult.failure("extra_events", j, j + 1, last=j)
        return VerifyResult.failure("head_mismatch", k, None)
    return VerifyResult.success(k)


def first_broken_link(header: SessionHeader, events: Iterable[Event]) -> int | None:
    """The seq of the first event that is not where the chain says (numbering, link, hash), or None.

    The quick check a resume makes of what it read; ``verify_events`` tells what went wrong.
    """
    prev = header_hash(header)
    for k, event in enumerate(events, start=1):
        if event.session_id != header.session_id or event.seq != k or event.prev_hash != prev:
            return k
        try:
            digest = event_hash_from_text(
                prev, header.session_id, k, event.at, event.type, read_payload_text(event.payload)
            )
        except (ValueError, TypeError):
            return k
        if digest != event.hash:
            return k
        prev = digest
    return None


def verify_session(
    store: JournalStore,
    session_id: str,
    expected_count: int | None = None,
    expected_head: str | None = None,
) -> VerifyResult:
    """Verify a stored session (raises ``UnknownSession`` if it does not exist)."""
    try:
        header = store.header(session_id)
    except (ValueError, TypeError) as exc:  # includes InvalidRecord and JSON errors
        return VerifyResult.failure("header_unreadable", 0, 0, detail=str(exc))
    stored_hash = getattr(store, "stored_header_hash", None)
    if callable(stored_hash) and stored_hash(session_id) != header_hash(header):
        return VerifyResult.failure("header_modified", 0, 0)
    errors: list[str] = []

    def guarded() -> Iterator[Event]:
        try:
            yield from store.events(session_id)
        except (ValueError, TypeError) as exc:
            errors.append(str(exc))

    result = verify_events(header, guarded(), expected_count, expected_head)
    if errors and (result.ok or result.reason_code in ("truncated", "head_mismatch")):
        bad = result.checked + 1
        return VerifyResult.failure("unreadable_event", result.checked, bad, detail=errors[0])
    return result
