"""Canonical JSON bytes and the SHA-256 hashes that chain the header and the events."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

from simulator.i18n import Message
from simulator.journal.errors import InvalidRecord
from simulator.journal.events import SessionHeader, header_to_dict

#: One shared encoder: sorted keys, no spaces, UTF-8 text kept as is, NaN/Infinity refused.
_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def canonical_bytes(obj: Any) -> bytes:
    """Serialise ``obj`` as canonical JSON (sorted keys, no spaces, UTF-8, no NaN/Infinity).

    Raise ``InvalidRecord`` if ``obj`` holds something JSON cannot represent exactly:
    non-string keys, non-finite floats, lone surrogates, or non-JSON types.
    """
    _check_json(obj, 0)
    try:
        return _ENCODER.encode(obj).encode("utf-8")
    except (TypeError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
        raise InvalidRecord(
            "payload", Message("not serialisable as JSON ({problem})", problem=str(exc))
        ) from exc


def canonical_text(obj: Any) -> str:
    """Canonical JSON as ``str`` (what the SQLite store keeps in its text columns)."""
    return canonical_bytes(obj).decode("utf-8")


def sha256_hex(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def read_payload_text(payload: Mapping[str, Any]) -> str:
    """The canonical text of a payload read back from a journal, to check its hash quickly.

    What was read from JSON holds only JSON types: the checks of ``canonical_bytes`` are left
    out, and a value JSON cannot write exactly (a non-finite number) still raises ``ValueError``.
    """
    return _ENCODER.encode(payload if isinstance(payload, dict) else dict(payload))


def header_hash(header: SessionHeader) -> str:
    """SHA-256 hex of the canonical header dict; it is the ``prev_hash`` of event 1."""
    return sha256_hex(canonical_bytes(header_to_dict(header)))


def event_hash(
    prev_hash: str, session_id: str, seq: int, at: str, type: str, payload: Mapping[str, Any]
) -> str:
    """SHA-256 hex of the canonical envelope ``{prev, session, seq, at, type, payload}``."""
    payload_text = canonical_text(payload if isinstance(payload, dict) else dict(payload))
    return event_hash_from_text(prev_hash, session_id, seq, at, type, payload_text)


def event_hash_from_text(
    prev_hash: str, session_id: str, seq: int, at: str, type: str, payload_text: str
) -> str:
    """``event_hash`` for a payload already in canonical text (avoids serialising it twice).

    The envelope's keys in sorted order are at, payload, prev, seq, session, type, so its
    canonical form can be assembled from the canonical payload text.
    """
    if isinstance(seq, bool) or not isinstance(seq, int):
        raise InvalidRecord("seq", Message("integer expected"))
    parts = (
        '{"at":',
        _text(at),
        ',"payload":',
        payload_text,
        ',"prev":',
        _text(prev_hash),
        ',"seq":',
        str(seq),
        ',"session":',
        _text(session_id),
        ',"type":',
        _text(type),
        "}",
    )
    try:
        return sha256_hex("".join(parts).encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InvalidRecord(
            "event", Message("text that cannot be encoded as UTF-8 ({problem})", problem=str(exc))
        ) from exc


def _text(value: str) -> str:
    """Canonical JSON of one string (what ``canonical_bytes`` would produce for it)."""
    if not isinstance(value, str):
        raise InvalidRecord("event", Message("text expected"))
    return _ENCODER.encode(value)


_MAX_DEPTH = 64


def _check_json(value: Any, depth: int) -> None:
    """Refuse values whose JSON form would not round-trip to the same canonical bytes."""
    if depth > _MAX_DEPTH:
        raise InvalidRecord("payload", Message("nesting too deep"))
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidRecord("payload", Message("non-finite number"))
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidRecord("payload", Message("non-text key {key}", key=repr(key)))
            _check_json(item, depth + 1)
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_json(item, depth + 1)
        return
    name = type(value).__name__
    raise InvalidRecord("payload", Message("not a JSON type: {name}", name=name))
