"""The two record types of the journal: the session header and the timestamped event."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from simulator.i18n import Message
from simulator.journal.errors import InvalidRecord

#: Names of the header fields, in declaration order (also the keys of its canonical dict).
HEADER_FIELDS: tuple[str, ...] = (
    "session_id",
    "candidate_id",
    "seed",
    "epreuve_id",
    "epreuve_hash",
    "scenario_hashes",
    "app_version",
    "created_at",
    "mode",
    "language",
    "extra",
)

#: Names of the event fields carried in an export line (the session id comes from the header).
EVENT_LINE_FIELDS: tuple[str, ...] = ("seq", "at", "type", "payload", "prev_hash", "hash")


@dataclass(frozen=True)
class SessionHeader:
    """Everything fixed at the start of a session; hashed and chained before event 1."""

    session_id: str
    candidate_id: str
    seed: int
    epreuve_id: str
    epreuve_hash: str
    scenario_hashes: Mapping[str, str]
    app_version: str
    created_at: str
    mode: str
    language: str
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Event:
    """One durable, hash-chained entry; ``seq`` is 1-based and contiguous per session."""

    session_id: str
    seq: int
    at: str
    type: str
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str


def header_to_dict(header: SessionHeader) -> dict[str, Any]:
    """Return the header as a plain dict (mappings copied to dicts), ready for canonical JSON."""
    data: dict[str, Any] = {name: getattr(header, name) for name in HEADER_FIELDS}
    data["scenario_hashes"] = dict(header.scenario_hashes)
    data["extra"] = plain(header.extra)
    return data


def header_from_dict(data: Mapping[str, Any]) -> SessionHeader:
    """Build a header from its dict form; raise ``InvalidRecord`` on missing/extra/mistyped keys."""
    keys = set(data)
    missing = [name for name in HEADER_FIELDS if name not in keys]
    extra = sorted(keys - set(HEADER_FIELDS))
    if missing:
        raise InvalidRecord("header", Message("missing fields {fields}", fields=str(missing)))
    if extra:
        raise InvalidRecord("header", Message("unknown fields {fields}", fields=str(extra)))
    for name in HEADER_FIELDS:
        value = data[name]
        if name == "seed":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif name in ("scenario_hashes", "extra"):
            ok = isinstance(value, Mapping)
        else:
            ok = isinstance(value, str)
        if not ok:
            raise InvalidRecord(name, Message("unexpected type"))
    hashes = data["scenario_hashes"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in hashes.items()):
        raise InvalidRecord("scenario_hashes", Message("text keys and values expected"))
    values = {name: data[name] for name in HEADER_FIELDS}
    values["scenario_hashes"] = dict(hashes)
    values["extra"] = plain(data["extra"])
    return SessionHeader(**values)


def event_to_line_dict(event: Event) -> dict[str, Any]:
    """Return the export form of an event (no session id: the header carries it)."""
    data: dict[str, Any] = {"kind": "event"}
    data.update({name: getattr(event, name) for name in EVENT_LINE_FIELDS})
    data["payload"] = plain(event.payload)
    return data


def plain(value: Any) -> Any:
    """Copy nested mappings to dicts and tuples to lists so ``json`` can serialise them."""
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
