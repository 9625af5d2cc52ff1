"""Everything on the assessors' side verified at once: the audit chain, its signatures and the grilles' chain.

``check_store`` is what ``callsim audit verify`` reports and what every read of the desk runs first
(again only when the audit log or the grilles changed since): the first break, naming its row, and
the registry of keys the audit log built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from scoring.assessment.audit_signatures import ADMIN_ACTIONS, Registry, verify_signatures
from scoring.assessment.audit_store import AuditStore
from scoring.assessment.audit_verify import verify_chain
from scoring.assessment.model import REOPEN, SIGN, AuditBreak, AuditEntry, TamperDetected
from scoring.quoted import Quoted
from scoring.storage import GrilleStore, StoredGrille, verify_grilles
from simulator.i18n import N_, Message

#: The grille format a stored grille declares (its canonical JSON writes ``"callsim":"grille/1"``).
_FORMAT = re.compile(r'"callsim":"([^"]*)"')


class Integrity:
    """The verified state of one store's audit log and grilles, re-checked whenever either moved on."""

    def __init__(self, audit: AuditStore, grilles: GrilleStore) -> None:
        self.audit, self.grilles = audit, grilles
        self._state: tuple[str, tuple[int, str]] | None = None
        self._found: tuple[Registry, AuditBreak | None] = (Registry(), None)

    def check(self) -> tuple[Registry, AuditBreak | None]:
        """The registry and the first break (``None`` when everything verifies)."""
        last = self.audit.last()
        state = (last.hash if last else "", self.grilles.head())
        if state != self._state:
            self._found = _check(self.audit, self.grilles)
            self._state = state
        return self._found

    def registry(self) -> Registry:
        """The registry, or ``TamperDetected`` naming the first row that does not verify."""
        registry, found = self.check()
        if found is not None:
            raise TamperDetected(_refusal(found))
        return registry

    def verified(self, entries: Sequence[AuditEntry]) -> list[AuditEntry]:
        """``entries`` once each re-hashes and carries its author's signature, as read now (not as cached)."""
        from scoring.assessment.audit_store import entry_hash, signed_message
        from scoring.assessment.keys import verify_signature

        registry = self.registry()
        unsigned_until = int(registry.migration.get("unsigned_until", 0) or 0)
        for entry in entries:
            try:
                intact = (
                    entry_hash(
                        entry.seq,
                        entry.at,
                        entry.assessor,
                        entry.action,
                        entry.session_id,
                        entry.payload,
                        entry.prev_hash,
                    )
                    == entry.hash
                )
            except ValueError:  # a payload canonical JSON refuses can only be a damaged one
                intact = False
            signer = "admin" if entry.action in ADMIN_ACTIONS else "assessor"
            if intact and entry.seq > unsigned_until:
                intact = verify_signature(
                    registry.key_of(entry.assessor), entry.signature, signed_message(entry.hash)
                )
            if not intact:
                raise TamperDetected(
                    Message(
                        N_(
                            "Reading refused: audit entry #{seq} ({action}, {signer} '{assessor}') changed since it was verified. Check with « callsim audit verify »."
                        ),
                        seq=entry.seq,
                        action=entry.action,
                        signer=signer,
                        assessor=entry.assessor,
                    )
                )
        return list(entries)


def _check(audit: AuditStore, grilles: GrilleStore) -> tuple[Registry, AuditBreak | None]:
    entries = audit.entries()
    found = verify_chain(entries)
    if found is not None:
        return Registry(), found
    registry, found = verify_signatures(entries)
    if found is not None:
        return registry, found
    rows = grilles.rows()
    return registry, verify_grilles(rows) or grille_conflict(rows) or grille_after_signature(
        entries, rows
    )


def signed_rows(entries: Sequence[AuditEntry]) -> dict[str, tuple[int, int]]:
    """Session → ``(sign entry seq, grille row id)`` of the sessions signed and not re-opened since."""
    locked: dict[str, tuple[int, int]] = {}
    for entry in entries:
        row = entry.payload.get("grille_row")
        if entry.action == SIGN and isinstance(row, int) and not isinstance(row, bool):
            locked[entry.session_id] = (entry.seq, row)
        elif entry.action == REOPEN:
            locked.pop(entry.session_id, None)
    return locked


def grille_after_signature(
    entries: Sequence[AuditEntry], rows: Sequence[StoredGrille]
) -> AuditBreak | None:
    """The first grille row stored for a signed session after the row its signature stands on (no re-open)."""
    locked = signed_rows(entries)
    for row in rows:
        if row.session_id in locked and row.id > locked[row.session_id][1]:
            seq = locked[row.session_id][0]
            return AuditBreak(
                row.id,
                f"Grille n° {row.id} (session {row.session_id}) : ajoutée après la signature (entrée n° {seq}) sans "
                "réouverture : une session signée ne se note plus.",
                f"Grille #{row.id} (session {row.session_id}): added after the signature (entry #{seq}) without a "
                "re-open: a signed session is not scored again.",
                "grille_after_signature",
                "grilles",
            )
    return None


def grille_conflict(rows: Sequence[StoredGrille]) -> AuditBreak | None:
    """The first grille that differs from an earlier one computed from the same journal, rubric and evidence.

    The scorer is deterministic: the same journal, rubric and grille format give the same grille byte
    for byte, so a second, different grille on the same basis was not produced by it. Only grilles
    scored from the journal's own evidence count: a replay (``rescore``) also depends on the
    scenario files, which may rightly have changed.
    """
    seen: dict[tuple[str, str, str, str], StoredGrille] = {}
    for row in rows:
        if row.evidence_source != "journal":
            continue
        found = _FORMAT.search(row.grille_json)
        basis = (
            row.session_id,
            row.journal_head,
            row.rubric_sha256,
            found.group(1) if found else "",
        )
        first = seen.setdefault(basis, row)
        if first.grille_sha256 != row.grille_sha256:
            return AuditBreak(
                row.id,
                f"Grille n° {row.id} (session {row.session_id}) : autres verdicts que la grille n° {first.id} pour le "
                "même journal, la même grille de notation et les mêmes preuves : elle n'a pas été calculée par callsim.",
                f"Grille #{row.id} (session {row.session_id}): other verdicts than grille #{first.id} for the same "
                "journal, rubric and evidence: it was not computed by callsim.",
                "grille_conflict",
                "grilles",
            )
    return None


def _refusal(found: AuditBreak) -> Message:
    return Message(
        N_(
            "Reading refused: {reason} Check with « callsim audit verify » and tell the centre's "
            "administrator."
        ),
        reason=Quoted(found.message),
    )


def check_sessions(
    journal: object, audit: AuditStore, grilles: GrilleStore, session_ids: list[str]
) -> None:
    """``TamperDetected`` unless the audit log, the grilles and these sessions' sealed journals all verify.

    What ``callsim score``, ``rescore`` and ``report`` run before reading or adding a grille.
    """
    from scoring.assessment.seal import journal_against_seals

    registry = Integrity(audit, grilles).registry()
    for session_id in session_ids:
        problem = journal_against_seals(journal, session_id, registry.seals.get(session_id, []))
        if problem is not None:
            raise TamperDetected(_refused_seal(problem))


def _refused_seal(problem: Any) -> Message:
    return Message(
        N_(
            "Reading refused: {reason} Check with « callsim centre verify » and tell the centre's "
            "administrator."
        ),
        reason=Quoted(problem.message),
    )
