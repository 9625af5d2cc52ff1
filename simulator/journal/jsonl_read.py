"""Read and verify a JSON Lines export without ever raising on bad input; failures name the line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.i18n import Message, written_out
from simulator.journal.canonical import canonical_bytes, header_hash
from simulator.journal.errors import InvalidRecord
from simulator.journal.events import EVENT_LINE_FIELDS, Event, SessionHeader, header_from_dict
from simulator.journal.verify import VerifyResult, verify_events

_EVENT_KEYS = frozenset({"kind", *EVENT_LINE_FIELDS})
_EVENT_TYPES: dict[str, type | tuple[type, ...]] = {
    "seq": int,
    "at": str,
    "type": str,
    "payload": dict,
    "prev_hash": str,
    "hash": str,
}
_SEAL_KEYS = frozenset({"kind", "events", "head"})


@dataclass(frozen=True)
class JsonlSession:
    """What could be read from a file; ``problem`` is the first reading failure, if any."""

    header: SessionHeader | None
    header_hash: str | None
    events: tuple[Event, ...]
    seal_count: int | None
    seal_head: str | None
    problem: VerifyResult | None


class _LineError(Exception):
    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


def _bad(detail: Message) -> _LineError:
    """A line that is JSON but not what an export holds; ``detail`` says what, written out in the
    languages the verification reasons give (``detail_fr``, ``detail_en``)."""
    return _LineError(
        "bad_line",
        **{f"detail_{lang}": text for lang, text in written_out(detail, "engine").items()},
    )


def _parse(raw: bytes) -> dict[str, Any]:
    """Decode one line; it must be a canonical JSON object."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _LineError("invalid_utf8", byte=exc.start + 1) from None
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _LineError("invalid_json", detail=getattr(exc, "msg", type(exc).__name__)) from None
    try:
        canonical = canonical_bytes(obj)
    except (InvalidRecord, RecursionError):
        canonical = b""
    if canonical != raw:
        raise _LineError("not_canonical")
    if not isinstance(obj, dict):
        raise _bad(Message("a JSON object is expected"))
    return obj


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _event(obj: dict[str, Any], session_id: str) -> Event:
    if set(obj) != _EVENT_KEYS:
        raise _bad(Message("unexpected event fields"))
    for name, kind in _EVENT_TYPES.items():
        if not isinstance(obj[name], kind) or (name == "seq" and not _is_int(obj[name])):
            raise _bad(Message("field '{name}' has a wrong type", name=name))
    fields = {name: obj[name] for name in EVENT_LINE_FIELDS}
    return Event(session_id=session_id, **fields)


def _header(obj: dict[str, Any]) -> tuple[SessionHeader, str]:
    if obj.get("kind") != "header":
        raise _LineError("missing_header")
    data = {k: v for k, v in obj.items() if k not in ("kind", "header_hash")}
    claimed = obj.get("header_hash")
    if not isinstance(claimed, str):
        raise _bad(Message("header hash missing"))
    try:
        return header_from_dict(data), claimed
    except InvalidRecord as exc:
        raise _bad(exc.why) from None


def _seq_of_line(line: int) -> int:
    return 0 if line <= 1 else line - 1


def read_jsonl_bytes(data: bytes) -> JsonlSession:
    """Parse an export held in memory; never raises on malformed content."""
    header: SessionHeader | None = None
    claimed: str | None = None
    events: list[Event] = []
    seal: tuple[int, str] | None = None

    def done(problem: VerifyResult | None) -> JsonlSession:
        count, head = seal if seal is not None else (None, None)
        return JsonlSession(header, claimed, tuple(events), count, head, problem)

    def fail(code: str, line: int | None, seq: int | None, **values: Any) -> JsonlSession:
        return done(VerifyResult.failure(code, len(events), seq, line, **values))

    if not data:
        return fail("empty", None, 0)
    lines = data.split(b"\n")
    complete = lines[-1] == b""
    lines = lines[:-1] if complete else lines
    for number, raw in enumerate(lines, start=1):
        if seal is not None:
            return fail("after_seal", number, seal[0] + 1)
        if number == len(lines) and not complete:
            return fail("truncated_line", number, _seq_of_line(number))
        try:
            obj = _parse(raw)
            if number == 1:
                header, claimed = _header(obj)
                if header_hash(header) != claimed:
                    return fail("header_modified", 1, 0)
            elif obj.get("kind") == "event":
                events.append(_event(obj, header.session_id if header else ""))
            elif obj.get("kind") == "seal" and set(obj) == _SEAL_KEYS:
                if not _is_int(obj["events"]) or not isinstance(obj["head"], str):
                    raise _bad(Message("malformed seal"))
                seal = (obj["events"], obj["head"])
            else:
                raise _bad(Message("unknown kind of line"))
        except _LineError as exc:
            return fail(exc.code, number, _seq_of_line(number), **exc.values)
    if seal is None:
        return fail("missing_seal", len(lines), len(events) + 1)
    return done(None)


def read_jsonl(path: str | Path) -> JsonlSession:
    """Read an export from disk; an unreadable file is reported, never raised."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        problem = VerifyResult.failure("unreadable", 0, None, detail=f"{path}: {detail}")
        return JsonlSession(None, None, (), None, None, problem)
    return read_jsonl_bytes(data)


def verify_jsonl_bytes(data: bytes) -> VerifyResult:
    """Verify an in-memory export: lines, header hash, chain, and the seal."""
    return _verify(read_jsonl_bytes(data))


def verify_file(path: str | Path) -> VerifyResult:
    """Verify an export file; the first problem (by event order) is reported."""
    return _verify(read_jsonl(path))


def _verify(doc: JsonlSession) -> VerifyResult:
    if doc.header is None or (doc.problem is not None and doc.problem.first_bad_seq == 0):
        return doc.problem or VerifyResult.failure("missing_header", 0, 0, 1)
    if doc.problem is None:
        return verify_events(doc.header, doc.events, doc.seal_count, doc.seal_head)
    chain = verify_events(doc.header, doc.events)
    reading_seq = doc.problem.first_bad_seq
    if not chain.ok and (reading_seq is None or (chain.first_bad_seq or 0) < reading_seq):
        return chain
    return doc.problem
