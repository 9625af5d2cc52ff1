"""Checks on what callers hand to the store: session ids, timestamps, event types, headers."""

from __future__ import annotations

import re
from datetime import datetime

from simulator.i18n import Message
from simulator.journal.canonical import canonical_bytes
from simulator.journal.errors import InvalidRecord
from simulator.journal.events import SessionHeader, header_to_dict

#: Session ids double as lock-file names: letters, digits, ``.``, ``_``, ``-``; 1–128 chars.
SESSION_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")

#: Allowed values of ``SessionHeader.mode``.
MODES = frozenset({"exam", "practice"})

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def validate_session_id(session_id: object) -> str:
    """Return ``session_id`` if it is a safe id, else raise ``InvalidRecord``."""
    if not isinstance(session_id, str) or not SESSION_ID_PATTERN.fullmatch(session_id):
        raise InvalidRecord(
            "session_id",
            Message(
                "{value} (letters, digits, '. _ -', at most 128 characters)", value=repr(session_id)
            ),
        )
    return session_id


def validate_timestamp(field: str, value: object) -> str:
    """Return ``value`` if it is an ISO 8601 date-time string, else raise ``InvalidRecord``."""
    if isinstance(value, str) and value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    raise InvalidRecord(field, Message("{value} is not an ISO 8601 date", value=repr(value)))


def validate_event_type(value: object) -> str:
    """Return ``value`` if it is a non-empty event type of at most 100 characters."""
    if not isinstance(value, str) or not value or len(value) > 100 or value != value.strip():
        raise InvalidRecord("type", Message("{value} (non-empty text)", value=repr(value)))
    return value


def validate_header(header: SessionHeader) -> SessionHeader:
    """Check every header field; raise ``InvalidRecord`` naming the first bad one."""
    if not isinstance(header, SessionHeader):
        raise InvalidRecord("header", Message("not a SessionHeader"))
    validate_session_id(header.session_id)
    validate_timestamp("created_at", header.created_at)
    seed = header.seed
    if isinstance(seed, bool) or not isinstance(seed, int) or not _INT64_MIN <= seed <= _INT64_MAX:
        raise InvalidRecord("seed", Message("64-bit integer expected"))
    if header.mode not in MODES:
        raise InvalidRecord("mode", Message("{value} (exam|practice)", value=repr(header.mode)))
    for name in ("candidate_id", "epreuve_id", "epreuve_hash", "app_version", "language"):
        if not isinstance(getattr(header, name), str):
            raise InvalidRecord(name, Message("text expected"))
    hashes = header.scenario_hashes
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in dict(hashes).items()):
        raise InvalidRecord("scenario_hashes", Message("text keys and values expected"))
    canonical_bytes(header_to_dict(header))  # raises InvalidRecord if ``extra`` is not JSON
    return header
