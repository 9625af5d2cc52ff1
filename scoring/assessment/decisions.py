"""What each assessor's act decides on a session as it stands: the rules that refuse it, the entry it writes.

``ReviewDesk`` (``scoring.assessment.desk``) calls these inside its retry loop: each returns the audit
action and its payload for the session's review, or raises the ``AssessmentError`` that says why not.
"""

from __future__ import annotations

from typing import Any

from scoring.assessment.model import (
    ASSESSOR_VERDICTS,
    MARK_REVIEWED,
    OVERRIDE,
    REOPEN,
    REVIEWED,
    SIGN,
    SIGNED,
    STATUS_LABELS,
    TO_SCORE,
    InvalidConfirmation,
    InvalidOverride,
    InvalidTransition,
    NotObservedLeft,
    SessionLocked,
    SessionReview,
    TextsUnconfirmed,
)
from scoring.assessment.reasons import meaningful_reason
from scoring.confirmations import CONFIRM_TEXT, unconfirmed
from scoring.reports.view import verdict_word

#: What an act writes: the audit action and its payload.
Entry = tuple[str, dict[str, Any]]


def override_request(competency: str, verdict: str) -> tuple[str, str]:
    """The competency code and the verdict an override asks for, or ``InvalidOverride``."""
    wanted = verdict.strip().lower()
    if wanted not in ASSESSOR_VERDICTS:
        raise InvalidOverride(
            f"Verdict refusé : « {verdict} » (choisissez OK ou NOK).",
            f"Verdict refused: '{verdict}' (choose OK or NOK).",
        )
    code = competency.strip()
    from simulator.referentiel import get_referentiel

    codes = get_referentiel().codes
    if code not in codes:
        raise InvalidOverride(
            f"Compétence inconnue : « {competency} » (codes du référentiel de {codes[0]} à {codes[-1]} ; "
            "voir callsim referentiel).",
            f"Unknown competency: '{competency}' (référentiel codes from {codes[0]} to {codes[-1]}; "
            "see callsim referentiel).",
        )
    return code, wanted


def override_entry(
    review: SessionReview, code: str, wanted: str, verdict: str, reason: str
) -> Entry:
    """An override of ``code`` to ``wanted``: the session open, and the verdict changed."""
    _require_open(review)
    previous = review.final()[code]
    if previous == wanted:
        raise InvalidOverride(
            f"La compétence {code} est déjà à {verdict_word(wanted, 'fr')} : une dérogation doit changer "
            "le verdict.",
            f"Competency {code} is already {verdict_word(wanted, 'en')}: an override must change the verdict.",
        )
    return OVERRIDE, {
        "competency": code,
        "verdict": wanted,
        "previous": previous,
        "automatic": review.automatic()[code],
        "reason": reason,
    }


def reviewed_entry(review: SessionReview, assessor: str) -> Entry:
    """``assessor`` stands behind the grille: the session open, and not yet marked by them."""
    _require_open(review)
    if assessor in review.reviewed_by:
        raise InvalidTransition(
            f"Vous avez déjà marqué la session {review.session_id} comme revue.",
            f"You have already marked session {review.session_id} as reviewed.",
        )
    return MARK_REVIEWED, {"grille_sha256": review.grille_sha256}


def sign_entry(review: SessionReview) -> Entry:
    """A signature: the session reviewed, every typed text confirmed, every competency decided."""
    _require_scored(review)
    if review.status == SIGNED:
        raise InvalidTransition(
            f"La session {review.session_id} est déjà signée (par {review.signed_by}).",
            f"Session {review.session_id} is already signed (by {review.signed_by}).",
        )
    if review.status != REVIEWED:
        raise InvalidTransition(
            f"La session {review.session_id} n'est pas encore revue : marquez-la comme revue avant de la signer.",
            f"Session {review.session_id} is not reviewed yet: mark it reviewed before signing it.",
        )
    waiting = unconfirmed(review.grille, review.confirmations)
    if waiting:
        listed = ", ".join(str(seq) for seq in sorted({seq for seq, _rule in waiting}))
        raise TextsUnconfirmed(
            f"Signature refusée : {len(waiting)} texte(s) tapé(s) à confirmer (événements {listed}). "
            "Confirmez ou corrigez le jugement automatique de chacun d'abord.",
            f"Signing refused: {len(waiting)} typed text(s) to confirm (events {listed}). "
            "Confirm or correct the automatic judgement of each first.",
        )
    left = tuple(
        code for code, verdict in review.final().items() if verdict not in ASSESSOR_VERDICTS
    )
    if left:
        listed = ", ".join(left)
        raise NotObservedLeft(
            f"Signature refusée : compétence(s) encore « non observée(s) » : {listed}. "
            "Tranchez-les d'abord par une dérogation (OK ou NOK, avec une raison).",
            f"Signing refused: competencies still 'not observed': {listed}. "
            "Decide them first with an override (OK or NOK, with a reason).",
            left,
        )
    return SIGN, {"grille_sha256": review.grille_sha256, "grille_row": review.grille_row}


def reopen_entry(review: SessionReview, reason: str) -> Entry:
    """Re-opening: only a signed session."""
    if review.status != SIGNED:
        label_fr, label_en = STATUS_LABELS["fr"][review.status], STATUS_LABELS["en"][review.status]
        raise InvalidTransition(
            f"Seule une session signée peut être rouverte ; la session {review.session_id} est « {label_fr} ».",
            f"Only a signed session can be re-opened; session {review.session_id} is '{label_en}'.",
        )
    return REOPEN, {"reason": reason}


def confirm_entry(
    review: SessionReview, evidence_seq: int, met: bool, reason: str | None, rule: str | None
) -> Entry:
    """A typed text decided: the session open, a text to confirm there, a reason when correcting the guess."""
    _require_open(review)
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
            f"Aucun texte tapé à confirmer à l'événement {evidence_seq} de la session {review.session_id}.",
            f"No typed text to confirm at event {evidence_seq} of session {review.session_id}.",
        )
    guess = _machine_guess(review, evidence_seq, rule)
    payload: dict[str, Any] = {
        "seq": evidence_seq,
        "rule": rule or "",
        "met": bool(met),
        "guess": guess,
    }
    if bool(met) != guess:
        payload["reason"] = meaningful_reason(
            reason or "",
            "Corriger le jugement automatique exige une raison écrite",
            "Correcting the automatic judgement needs a written reason",
        )
    elif isinstance(reason, str) and reason.strip():
        payload["reason"] = reason.strip()
    return CONFIRM_TEXT, payload


def _require_scored(review: SessionReview) -> None:
    if review.status == TO_SCORE:
        raise SessionLocked(
            f"La session {review.session_id} n'est pas encore notée : lancez d'abord « callsim score {review.session_id} ».",
            f"Session {review.session_id} is not scored yet: run « callsim score {review.session_id} » first.",
        )


def _require_open(review: SessionReview) -> None:
    """Scored and not signed: what overriding and marking reviewed need."""
    _require_scored(review)
    if review.status == SIGNED:
        raise SessionLocked(
            f"La session {review.session_id} est signée : rouvrez-la d'abord (avec une raison) pour la modifier.",
            f"Session {review.session_id} is signed: re-open it first (with a reason) to change it.",
        )


def _machine_guess(review: SessionReview, seq: int, rule: str | None) -> bool:
    """The machine's best guess for the unsure text at ``seq`` (kept as ``guess`` once confirmed)."""
    stored = [
        e
        for c in (review.grille or {}).get("competencies", ())
        for e in c.get("evidence", ())
        if e.get("seq") == seq and rule in (None, e.get("rule"))
    ]
    unsure = [e for e in stored if e.get("unsure") is True] or stored
    return all(e.get("guess", e.get("effect") == "positive") is True for e in unsure)
