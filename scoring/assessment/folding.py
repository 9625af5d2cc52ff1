"""Fold a session's audit entries on top of its latest grille into the ``SessionReview`` an assessor sees.

No grille → to score; a grille → scored; a ``review`` entry since the last ``reopen`` → reviewed; a
``sign`` entry since the last ``reopen`` → signed. A review or a signature stands behind the grille
it was given on (its ``grille_sha256``): once the session is scored again with a different result, it
no longer counts and the session is back to scored, to be reviewed again (the audit keeps it).
Overrides always count (a re-open does not undo them): the final verdict of a competency is its
latest override, else the scorer's. Confirmations of unsure typed texts are applied to the grille
an assessor sees (its competencies decided again with them counted).
"""

from __future__ import annotations

from collections.abc import Iterable

from scoring.assessment.model import (
    MARK_REVIEWED,
    OVERRIDE,
    REOPEN,
    REVIEWED,
    SCORED,
    SIGN,
    SIGNED,
    TO_SCORE,
    AuditEntry,
    Override,
    SessionReview,
)
from scoring.confirmations import confirmations_from, regrade
from scoring.storage import StoredGrille
from simulator.journal.events import SessionHeader


def fold_review(
    header: SessionHeader, latest: StoredGrille | None, entries: Iterable[AuditEntry]
) -> SessionReview:
    """The session as it stands after ``entries`` (this session's, in ``seq`` order)."""
    audit = tuple(entries)
    overrides: list[Override] = []
    reviewers: list[str] = []
    signed_by = ""
    current = latest.grille_sha256 if latest is not None else ""
    for entry in audit:
        stands = entry.payload.get("grille_sha256") == current
        if entry.action == OVERRIDE:
            overrides.append(override_from(entry))
        elif entry.action == MARK_REVIEWED and stands and entry.assessor not in reviewers:
            reviewers.append(entry.assessor)
        elif entry.action == SIGN and stands:
            signed_by = entry.assessor
        elif entry.action == REOPEN:
            reviewers, signed_by = [], ""
    if latest is None:
        status = TO_SCORE
    else:
        status = SIGNED if signed_by else REVIEWED if reviewers else SCORED
    confirmations = confirmations_from(audit)
    grille = latest.grille() if latest is not None else None
    if grille is not None and confirmations:
        grille = regrade(grille, confirmations)
    return SessionReview(
        session_id=header.session_id,
        candidate_id=header.candidate_id,
        epreuve_id=header.epreuve_id,
        mode=header.mode,
        created_at=header.created_at,
        status=status,
        grille=grille,
        grille_sha256=latest.grille_sha256 if latest is not None else "",
        grille_row=latest.id if latest is not None else 0,
        overrides=tuple(overrides),
        audit=audit,
        signed_by=signed_by,
        reviewed_by=tuple(reviewers),
        confirmations=confirmations,
    )


def override_from(entry: AuditEntry) -> Override:
    """The ``Override`` an ``override`` audit entry records."""
    payload = entry.payload
    return Override(
        session_id=entry.session_id,
        competency=str(payload.get("competency", "")),
        verdict=str(payload.get("verdict", "")),
        automatic=str(payload.get("automatic", "")),
        previous=str(payload.get("previous", "")),
        reason=str(payload.get("reason", "")),
        assessor=entry.assessor,
        at=entry.at,
        audit_seq=entry.seq,
        audit_hash=entry.hash,
    )
