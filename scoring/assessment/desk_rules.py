"""What each act of the review desk requires of a session, and what it records: the desk's refusals.

``ReviewDesk`` (``scoring.assessment.desk``) reads the session, asks these rules, and appends what
they return to the audit log; each refusal is an ``AssessmentError`` translated where it is shown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from scoring.assessment.model import (
    ASSESSOR_VERDICTS,
    REVIEWED,
    SIGN,
    SIGNED,
    TO_SCORE,
    InvalidConfirmation,
    InvalidFilter,
    InvalidTransition,
    NotObservedLeft,
    SessionLocked,
    SessionReview,
    TextsUnconfirmed,
)
from scoring.assessment.reasons import meaningful_reason
from scoring.confirmations import CONFIRM_TEXT, unconfirmed
from scoring.quoted import Quoted
from simulator.i18n import N_, Message, translator


def sign_decision(review: SessionReview) -> tuple[str, dict[str, Any]]:
    """What signing ``review`` records; refused unless reviewed, every typed text confirmed, every
    competency decided."""
    require_scored(review)
    if review.status == SIGNED:
        raise InvalidTransition(
            Message(
                N_("Session {session_id} is already signed (by {signed_by})."),
                session_id=review.session_id,
                signed_by=review.signed_by,
            )
        )
    if review.status != REVIEWED:
        raise InvalidTransition(
            Message(
                N_("Session {session_id} is not reviewed yet: mark it reviewed before signing it."),
                session_id=review.session_id,
            )
        )
    waiting = unconfirmed(review.grille, review.confirmations)
    if waiting:
        listed = ", ".join(str(seq) for seq in sorted({seq for seq, _rule in waiting}))
        raise TextsUnconfirmed(
            Quoted(
                lambda lang: translator("engine", lang).n(
                    "Signing refused: {n} typed text to confirm (event {listed}). Confirm or correct the "
                    "automatic judgement first.",
                    "Signing refused: {n} typed texts to confirm (events {listed}). Confirm or correct the "
                    "automatic judgement of each first.",
                    len(waiting),
                    listed=listed,
                )
            )
        )
    left = tuple(
        code for code, verdict in review.final().items() if verdict not in ASSESSOR_VERDICTS
    )
    if left:
        listed = ", ".join(left)
        why = Quoted(
            lambda lang: translator("engine", lang).n(
                "Signing refused: competency still 'not observed': {listed}. Decide it first with an "
                "override (OK or NOK, with a reason).",
                "Signing refused: competencies still 'not observed': {listed}. Decide them first with an "
                "override (OK or NOK, with a reason).",
                len(left),
                listed=listed,
            )
        )
        raise NotObservedLeft(why, left)
    return SIGN, {"grille_sha256": review.grille_sha256, "grille_row": review.grille_row}


def confirm_decision(
    review: SessionReview, evidence_seq: int, met: bool, reason: str | None, rule: str | None
) -> tuple[str, dict[str, Any]]:
    """What deciding the unsure typed text at ``evidence_seq`` records (a reason when correcting the guess)."""
    require_open(review)
    targets = [
        e
        for c in (review.grille or {}).get("competencies", ())
        for e in c.get("evidence", ())
        if e.get("seq") == evidence_seq
        and (e.get("unsure") is True or e.get("confirmed") is True)
        and rule in (None, e.get("rule"))
    ]
    if not targets:
        raise InvalidConfirmation(
            Message(
                N_("No typed text to confirm at event {evidence_seq} of session {session_id}."),
                evidence_seq=evidence_seq,
                session_id=review.session_id,
            )
        )
    guess = machine_guess(review, evidence_seq, rule)
    payload: dict[str, Any] = {
        "seq": evidence_seq,
        "rule": rule or "",
        "met": bool(met),
        "guess": guess,
    }
    if bool(met) != guess:
        payload["reason"] = meaningful_reason(
            reason or "",
            Message(N_("Correcting the automatic judgement needs a written reason")),
        )
    elif isinstance(reason, str) and reason.strip():
        payload["reason"] = reason.strip()
    return CONFIRM_TEXT, payload


def require_scored(review: SessionReview) -> None:
    """Scored: what every act on a session needs."""
    if review.status == TO_SCORE:
        raise SessionLocked(
            Message(
                N_(
                    "Session {session_id} is not scored yet: run « callsim score {session_id} » first."
                ),
                session_id=review.session_id,
            )
        )


def require_open(review: SessionReview) -> None:
    """Scored and not signed: what overriding and marking reviewed need."""
    require_scored(review)
    if review.status == SIGNED:
        raise SessionLocked(
            Message(
                N_(
                    "Session {session_id} is signed: re-open it first (with a reason) to change it."
                ),
                session_id=review.session_id,
            )
        )


def filter_day(value: str | date | None) -> str:
    """``yyyy-mm-dd`` of a filter date (``""`` for none); ``InvalidFilter`` when it is not a date."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InvalidFilter(
            Message(N_("Invalid date: '{value}' (expected: YYYY-MM-DD)."), value=value)
        ) from None


def machine_guess(review: SessionReview, seq: int, rule: str | None) -> bool:
    """The machine's best guess for the unsure text at ``seq`` (kept as ``guess`` once confirmed)."""
    stored = [
        e
        for c in (review.grille or {}).get("competencies", ())
        for e in c.get("evidence", ())
        if e.get("seq") == seq and rule in (None, e.get("rule"))
    ]
    unsure = [e for e in stored if e.get("unsure") is True] or stored
    return all(e.get("guess", e.get("effect") == "positive") is True for e in unsure)
