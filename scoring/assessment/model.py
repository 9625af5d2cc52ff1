"""What assessors do to a scored session, as plain records: audit entries, overrides, a session's review.

The audit log is the one source of truth of the assessors' side. Every act of an assessor — an
account added, a verdict overridden, a session marked reviewed, signed or re-opened — is one
``AuditEntry``, appended and hash-chained like the journal (SHA-256 over canonical JSON of the
entry and the previous entry's hash). A session's status and its final verdicts are folded from
its entries on top of the automatic grille; nothing is ever updated in place.

The review app, the command line, the exports and the agreement report all read these records;
``scoring.assessment.desk.ReviewDesk`` is the one place that writes them and enforces the rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scoring.confirmations import CONFIRM_TEXT
from simulator.i18n import DEFAULT_LANG, LANGUAGES, N_, Message, translated, translator

#: Lifecycle of a session on the assessors' side, in order.
TO_SCORE, SCORED, REVIEWED, SIGNED = "to_score", "scored", "reviewed", "signed"
STATUSES: tuple[str, ...] = (TO_SCORE, SCORED, REVIEWED, SIGNED)
#: How each status reads (``engine`` catalog), and that in each language.
STATUS_WORDS: dict[str, str] = {
    TO_SCORE: N_("to score"),
    SCORED: N_("scored"),
    REVIEWED: N_("reviewed"),
    SIGNED: N_("signed"),
}
STATUS_LABELS: dict[str, dict[str, str]] = {
    lang: translated(STATUS_WORDS, "engine", lang) for lang in LANGUAGES
}

#: What an audit entry records.
ASSESSOR_ADDED, OVERRIDE, MARK_REVIEWED, SIGN, REOPEN = (
    "assessor_added",
    "override",
    "review",
    "sign",
    "reopen",
)
#: What the administrator's entries record: an administrator (the first one with the centre's key), an
#: account withdrawn, a store upgraded to signed entries, a day's sessions sealed with the centre's key.
ADMIN_ADDED, ASSESSOR_REMOVED, STORE_MIGRATED, CENTRE_SEAL = (
    "admin_added",
    "assessor_removed",
    "store_migrated",
    "centre_seal",
)
#: ``CONFIRM_TEXT``: an assessor decides a typed text the machine was unsure about (scoring.confirmations).
ACTIONS: tuple[str, ...] = (
    ASSESSOR_ADDED,
    OVERRIDE,
    MARK_REVIEWED,
    SIGN,
    REOPEN,
    ADMIN_ADDED,
    ASSESSOR_REMOVED,
    STORE_MIGRATED,
    CENTRE_SEAL,
    CONFIRM_TEXT,
)

#: The verdicts an assessor may give (the automatic scorer may also say "not_observed").
ASSESSOR_VERDICTS: tuple[str, ...] = ("ok", "nok")


@dataclass(frozen=True)
class AuditEntry:
    """One act of an assessor, hash-chained to the entry before it (store-wide order) and signed.

    ``assessor`` is who acted and signed: ``signature`` is their Ed25519 signature (hex) of the
    entry's ``hash`` (which covers its content and the previous entry's hash); ``""`` only for
    entries written before the store was sealed (see ``store_migrated``).

    ``payload`` by action:
    - ``admin_added``: ``{"name", "public_key"}`` (+ ``"centre_key"`` for the first administrator);
    - ``assessor_added``: ``{"name", "public_key"}``, signed by the administrator who registered
      them (``{}`` in entries written before sealing); ``assessor_removed``: ``{"name"}``;
    - ``store_migrated``: ``{"unsigned_until", "grilles_until", "grilles_head"}``;
    - ``centre_seal``: ``{"day", "sessions": {id: [events, head]}, "seal_sha256"}``;
    - ``override``: ``{"competency", "verdict", "previous", "automatic", "reason"}`` where
      ``previous`` is the final verdict before this override and ``automatic`` the scorer's;
    - ``review`` and ``sign``: ``{"grille_sha256", "grille_row"}`` — the automatic grille the assessor stood
      behind, and its row in the grilles' chain (no grille may follow it until a ``reopen``);
    - ``reopen``: ``{"reason"}``;
    - ``confirm_text``: ``{"seq", "rule", "met", "guess"}`` and ``"reason"`` when ``met`` corrects
      the machine's ``guess`` — the typed text at journal event ``seq`` (its check ``rule``).
    """

    seq: int
    at: str
    assessor: str
    action: str
    session_id: str
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str
    signature: str = ""


@dataclass(frozen=True)
class Override:
    """A verdict changed by an assessor, with the written reason (never empty)."""

    session_id: str
    competency: str
    verdict: str
    automatic: str
    previous: str
    reason: str
    assessor: str
    at: str
    audit_seq: int
    audit_hash: str


@dataclass(frozen=True)
class SessionReview:
    """A session as an assessor sees it: its automatic grille, the overrides, its status and its audit."""

    session_id: str
    candidate_id: str
    epreuve_id: str
    mode: str
    created_at: str
    status: str
    grille: Mapping[str, Any] | None
    grille_sha256: str = ""
    overrides: tuple[Override, ...] = ()
    audit: tuple[AuditEntry, ...] = ()
    signed_by: str = ""
    reviewed_by: tuple[str, ...] = field(default=())
    #: The id of the grille row in the grilles' chain (0 before scoring).
    grille_row: int = 0
    #: Typed texts decided by an assessor: (event seq, rule) → met.
    confirmations: Mapping[tuple[int, str], bool] = field(default_factory=dict)

    def automatic(self) -> dict[str, str]:
        """The scorer's verdict of each competency (empty before scoring)."""
        if self.grille is None:
            return {}
        return {c["code"]: c["verdict"] for c in self.grille["competencies"]}

    def final(self) -> dict[str, str]:
        """Each competency's verdict now: the latest override, else the scorer's."""
        verdicts = self.automatic()
        for item in self.overrides:
            verdicts[item.competency] = item.verdict
        return verdicts

    def automatic_verdict(self) -> str:
        """The épreuve verdict the scorer gave (``""`` before scoring)."""
        return "" if self.grille is None else str(self.grille["verdict"])

    def final_verdict(self) -> str:
        """The épreuve verdict after the overrides (any NOK → NOK, else any not observed → not observed, else OK)."""
        if self.grille is None:
            return ""
        from scoring.verdicts import aggregate

        return aggregate(self.final().values())

    def by_assessor(self, assessor: str) -> dict[str, str]:
        """What ``assessor`` stands behind: the scorer's verdicts changed by their own overrides only."""
        verdicts = self.automatic()
        for item in self.overrides:
            if item.assessor == assessor:
                verdicts[item.competency] = item.verdict
        return verdicts


class AssessmentError(Exception):
    """A refused assessor operation; ``message(lang)`` says why and what to do."""

    code = "assessment_error"

    def __init__(self, why: Message) -> None:
        super().__init__(str(why))
        self.why = why

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Why, in ``lang`` (fr, nl or en)."""
        return self.why.to(translator("engine", lang))

    # Kept while commands still read the two texts; they read ``message(lang)`` once converted.
    @property
    def fr(self) -> str:
        return self.message("fr")

    @property
    def en(self) -> str:
        return self.message("en")


class ReasonRequired(AssessmentError):
    code = "reason_required"


class SessionLocked(AssessmentError):
    """The session is signed (re-open it first) or not scored yet."""

    code = "session_locked"


class UnknownAssessor(AssessmentError):
    code = "unknown_assessor"


class AuthenticationFailed(AssessmentError):
    code = "authentication_failed"


class AssessorExists(AssessmentError):
    code = "assessor_exists"


class InvalidOverride(AssessmentError):
    """Unknown competency, a verdict other than OK/NOK, or the same verdict as now."""

    code = "invalid_override"


class UnknownSessionReview(AssessmentError):
    code = "unknown_session"


class InvalidTransition(AssessmentError):
    """A lifecycle step out of order: sign before review, re-open an unsigned session, review twice."""

    code = "invalid_transition"


class NotObservedLeft(AssessmentError):
    """Signing refused: some competencies are still « non observé »; ``codes`` names them."""

    code = "not_observed_left"

    def __init__(self, why: Message, codes: tuple[str, ...] = ()) -> None:
        super().__init__(why)
        self.codes = codes


class TextsUnconfirmed(AssessmentError):
    """Signing refused: typed texts the machine was unsure about still wait for an assessor."""

    code = "texts_unconfirmed"


class InvalidConfirmation(AssessmentError):
    """No unsure typed text at that place, or a correction without a reason."""

    code = "invalid_confirmation"


class InvalidAccount(AssessmentError):
    """An assessor name or passphrase that does not meet the rules."""

    code = "invalid_account"


class TamperDetected(AssessmentError):
    """What was read does not verify (chain, hash or signature): the message names the row."""

    code = "tamper_detected"


class NeedsMigration(AssessmentError):
    """A store written before sealing: ``callsim store migrate`` upgrades it."""

    code = "needs_migration"


class NotAdministrator(AssessmentError):
    code = "not_administrator"


class InvalidFilter(AssessmentError):
    """A sessions filter that cannot be applied (unknown status, date not yyyy-mm-dd)."""

    code = "invalid_filter"


@dataclass(frozen=True)
class AuditBreak:
    """Where and why the audit chain fails to verify (``seq`` of the first bad entry)."""

    seq: int
    reason_fr: str
    reason_en: str
    code: str = ""
    #: Which chain broke: ``audit`` (``seq`` is an entry's) or ``grilles`` (``seq`` is a grille row's id).
    table: str = "audit"

    def message(self, lang: str = "fr") -> str:
        return self.reason_fr if lang == "fr" else self.reason_en


def pseudonym(session_id: str) -> str:
    """The name a blind review shows instead of the candidate's: stable per session, reveals nothing."""
    return (
        "Candidat " + hashlib.sha256(f"callsim-blind:{session_id}".encode()).hexdigest()[:6].upper()
    )
