"""What every export reads from a reviewed session: final verdicts by activity, the override in force, blind masking."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any

from scoring.assessment.model import MARK_REVIEWED, SIGN, Override, SessionReview, pseudonym
from scoring.grille import grille_bytes
from scoring.verdicts import aggregate
from simulator.journal.events import plain


class NotScored(ValueError):
    """The session has no grille yet: there is nothing to export."""

    def __init__(self, session_id: str) -> None:
        super().__init__(f"session {session_id} is not scored yet")
        self.session_id = session_id


def grille_of(review: SessionReview) -> Mapping[str, Any]:
    """The automatic grille of a scored session (``NotScored`` before scoring)."""
    if review.grille is None:
        raise NotScored(review.session_id)
    return review.grille


def grille_source(review: SessionReview) -> str:
    """The SHA-256 of the automatic grille: the one the desk recorded, else computed from the grille."""
    return review.grille_sha256 or hashlib.sha256(grille_bytes(grille_of(review))).hexdigest()


def epreuve_verdict(review: SessionReview, verdicts: Mapping[str, str]) -> str:
    """The épreuve's verdict from competency verdicts, aggregated by key activity like the scorer does."""
    return aggregate(activity_verdicts(review, verdicts).values())


def activity_verdicts(review: SessionReview, verdicts: Mapping[str, str]) -> dict[str, str]:
    """Each key activity's verdict from competency verdicts."""
    by_activity: dict[str, list[str]] = {}
    for item in grille_of(review)["competencies"]:
        by_activity.setdefault(item["activity"], []).append(
            verdicts.get(item["code"], item["verdict"])
        )
    return {code: aggregate(found) for code, found in by_activity.items()}


def override_in_force(review: SessionReview) -> dict[str, Override]:
    """Per competency, the latest override (the one its final verdict comes from)."""
    latest: dict[str, Override] = {}
    for item in review.overrides:
        latest[item.competency] = item
    return latest


def last_at(review: SessionReview, action: str) -> str:
    """When the session was last reviewed (``review``) or signed (``sign``); ``""`` if never."""
    return next((entry.at for entry in reversed(review.audit) if entry.action == action), "")


def reviewed_at(review: SessionReview) -> str:
    return last_at(review, MARK_REVIEWED)


def signed_at(review: SessionReview) -> str:
    return last_at(review, SIGN) if review.signed_by else ""


def candidate_label(review: SessionReview, blind: bool) -> str:
    """The candidate's id, or the session's pseudonym in a blind export."""
    return pseudonym(review.session_id) if blind else review.candidate_id


def masker(review: SessionReview, blind: bool) -> Callable[[str], str]:
    """A function that hides the candidate's id inside free text (reasons, excerpts) in a blind export.

    Only whole tokens are replaced (not a digit run inside a longer number or hash), by the pseudonym.
    """
    if not blind or not review.candidate_id:
        return lambda text: text
    pattern = re.compile(rf"(?<![0-9A-Za-z]){re.escape(review.candidate_id)}(?![0-9A-Za-z])")
    name = pseudonym(review.session_id)
    return lambda text: pattern.sub(name, text)


def masked_payload(payload: Mapping[str, Any], mask: Callable[[str], str]) -> dict[str, Any]:
    """An audit payload with its text values masked (hashes and codes never contain the id as a token)."""
    return {key: _mask_strings(value, mask) for key, value in payload.items()}


def masked_grille(review: SessionReview, blind: bool) -> Mapping[str, Any]:
    """The grille as it may be shown: in a blind export, without the candidate's id anywhere."""
    grille = grille_of(review)
    if not blind:
        return grille
    mask = masker(review, blind)
    copied: dict[str, Any] = plain(grille)
    copied["session"]["candidate_id"] = candidate_label(review, blind)
    for moment in copied.get("moments", ()):
        moment["excerpt"] = [[speaker, mask(text)] for speaker, text in moment.get("excerpt", ())]
        moment["action"] = _mask_strings(moment.get("action", {}), mask)
    for item in copied["competencies"]:
        for entry in item["evidence"]:
            for key in ("explanation", "detail"):
                if entry.get(key):
                    entry[key] = _mask_strings(entry[key], mask)
    return copied


def _mask_strings(value: Any, mask: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, Mapping):
        return {k: _mask_strings(v, mask) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_mask_strings(v, mask) for v in value]
    return value
