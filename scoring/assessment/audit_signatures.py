"""Who may sign which audit entry, and whether each entry carries that person's signature.

The registered keys are folded from the audit log itself, in order: the first ``admin_added`` entry
is signed by the key it registers (the administrator created by ``callsim store init``, with the
centre's public key); every later registration, removal, migration or seal must be signed by an
administrator registered before it; every other entry (override, review, sign, re-open, and any
kind added later) by an assessor registered and not removed at that point. A removed assessor's
key stays known, so that their past entries still verify. Entries without a signature pass only
up to the ``unsigned_until`` a signed ``store_migrated`` entry records (written before sealing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from scoring.assessment.audit_store import signed_message
from scoring.assessment.keys import verify_signature
from scoring.assessment.model import (
    ADMIN_ADDED,
    ASSESSOR_ADDED,
    ASSESSOR_REMOVED,
    CENTRE_SEAL,
    STORE_MIGRATED,
    AuditBreak,
    AuditEntry,
)

#: Entries only an administrator may sign.
ADMIN_ACTIONS = frozenset(
    {ADMIN_ADDED, ASSESSOR_ADDED, ASSESSOR_REMOVED, STORE_MIGRATED, CENTRE_SEAL}
)

REASONS: dict[str, tuple[str, str]] = {
    "unsigned": (
        "L'entrée n° {seq} ({action}, « {who} ») n'est pas signée : écrite hors de callsim.",
        "Entry #{seq} ({action}, '{who}') is not signed: written outside callsim.",
    ),
    "bad_signature": (
        "L'entrée n° {seq} ({action}) ne porte pas la signature de « {who} » : forgée ou modifiée.",
        "Entry #{seq} ({action}) does not carry '{who}''s signature: forged or altered.",
    ),
    "unregistered": (
        "L'entrée n° {seq} ({action}) est au nom de « {who} », qui n'est pas un évaluateur enregistré à ce "
        "moment (jamais enregistré par un administrateur, ou retiré).",
        "Entry #{seq} ({action}) is in the name of '{who}', who is not a registered assessor at that point "
        "(never registered by an administrator, or removed).",
    ),
    "not_admin": (
        "L'entrée n° {seq} ({action}) exige la signature d'un administrateur ; « {who} » n'en est pas un.",
        "Entry #{seq} ({action}) needs an administrator's signature; '{who}' is not one.",
    ),
    "bad_registration": (
        "L'entrée n° {seq} ({action}) enregistre une clé illisible ou un nom déjà enregistré.",
        "Entry #{seq} ({action}) registers an unreadable key or a name already registered.",
    ),
}


@dataclass
class Registry:
    """The keys the audit log registered, as they stand after the entries folded so far."""

    admins: dict[str, str] = field(default_factory=dict)
    assessors: dict[str, str] = field(default_factory=dict)
    removed: dict[str, str] = field(default_factory=dict)
    legacy: set[str] = field(default_factory=set)
    centre_key: str = ""
    migration: dict[str, Any] = field(default_factory=dict)
    #: session id → ``(day, events, head)`` of every centre seal that covered it, in order.
    seals: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)

    def key_of(self, name: str) -> str:
        """The public key registered for ``name`` (active or removed), else ``""``."""
        return self.assessors.get(name) or self.admins.get(name) or self.removed.get(name, "")


def verify_signatures(entries: Sequence[AuditEntry]) -> tuple[Registry, AuditBreak | None]:
    """The registry the entries build, and the first entry that is not signed as it must be (or ``None``)."""
    boundary = _claimed_boundary(entries)
    registry, found = _fold(entries, boundary)
    if found is not None and boundary and entries[found.seq - 1].action == STORE_MIGRATED:
        registry, found = _fold(
            entries, 0
        )  # a forged migration claims nothing: name the first unsigned entry
    return registry, found


def _claimed_boundary(entries: Sequence[AuditEntry]) -> int:
    for entry in entries:
        if entry.action == STORE_MIGRATED:
            value = entry.payload.get("unsigned_until", 0)
            return value if isinstance(value, int) and not isinstance(value, bool) else 0
    return 0


def _fold(entries: Sequence[AuditEntry], boundary: int) -> tuple[Registry, AuditBreak | None]:
    registry = Registry()
    for entry in entries:
        if not entry.signature and entry.seq <= boundary:
            if entry.action == ASSESSOR_ADDED:
                registry.legacy.add(entry.assessor)
            continue
        problem = _check(entry, registry)
        if problem is not None:
            return registry, _break(problem, entry)
        _register(entry, registry)
    return registry, None


def _check(entry: AuditEntry, registry: Registry) -> str | None:
    """The reason code ``entry`` is refused for, given who was registered before it."""
    if not entry.signature:
        return "unsigned"
    if entry.action == ADMIN_ADDED and not registry.admins:
        key, name = entry.payload.get("public_key"), entry.payload.get("name")
        if not isinstance(key, str) or name != entry.assessor:
            return "bad_registration"
    elif entry.action in ADMIN_ACTIONS:
        if entry.assessor not in registry.admins:
            return "not_admin"
        key = registry.admins[entry.assessor]
    elif entry.assessor in registry.assessors:
        key = registry.assessors[entry.assessor]
    else:
        return "unregistered"
    if not verify_signature(key, entry.signature, signed_message(entry.hash)):
        return "bad_signature"
    if entry.action in (ADMIN_ADDED, ASSESSOR_ADDED):
        name, public = entry.payload.get("name"), entry.payload.get("public_key")
        taken = name in registry.admins or name in registry.assessors
        if not isinstance(name, str) or not isinstance(public, str) or len(public) != 64 or taken:
            return "bad_registration"
    return None


def _register(entry: AuditEntry, registry: Registry) -> None:
    payload = entry.payload
    if entry.action == ADMIN_ADDED:
        if not registry.admins and isinstance(payload.get("centre_key"), str):
            registry.centre_key = payload["centre_key"]
        registry.admins[payload["name"]] = payload["public_key"]
    elif entry.action == ASSESSOR_ADDED:
        registry.assessors[payload["name"]] = payload["public_key"]
        registry.legacy.discard(payload["name"])
    elif entry.action == ASSESSOR_REMOVED:
        name = payload.get("name")
        if isinstance(name, str) and name in registry.assessors:
            registry.removed[name] = registry.assessors.pop(name)
    elif entry.action == STORE_MIGRATED and not registry.migration:
        registry.migration = dict(payload)
    elif entry.action == CENTRE_SEAL and isinstance(payload.get("sessions"), dict):
        for session_id, (count, head) in payload["sessions"].items():
            registry.seals.setdefault(session_id, []).append(
                (str(payload.get("day", "")), int(count), str(head))
            )


def _break(code: str, entry: AuditEntry) -> AuditBreak:
    fr, en = REASONS[code]
    values = {"seq": entry.seq, "action": entry.action, "who": entry.assessor}
    return AuditBreak(entry.seq, fr.format(**values), en.format(**values), code)
