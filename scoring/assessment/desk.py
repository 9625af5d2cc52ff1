"""``ReviewDesk``: the one place that enforces the assessors' rules and writes their acts to the audit log.

Accounts (``accounts.Accounts``: an administrator registers assessors, each act signed with the
assessor's key unlocked at sign-in), overrides with a meaningful reason, the lifecycle scored →
reviewed → signed (a change after signing needs an explicit re-open with a reason) and the
verification of the audit chain, its signatures and the grilles' chain, re-run before every read.
The review app and the command line call it; neither holds a rule of its own. Every refusal is an
``AssessmentError`` whose ``message(lang)`` says why and what to do next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Self

from scoring.assessment.accounts import Accounts
from scoring.assessment.audit_store import GENESIS, AuditConflict, AuditStore
from scoring.assessment.desk_rules import (
    confirm_decision,
    filter_day,
    require_open,
    sign_decision,
)
from scoring.assessment.folding import fold_review, override_from
from scoring.assessment.integrity import Integrity
from scoring.assessment.keys import KeyRing
from scoring.assessment.model import (
    ASSESSOR_VERDICTS,
    MARK_REVIEWED,
    OVERRIDE,
    REOPEN,
    SIGNED,
    STATUS_WORDS,
    STATUSES,
    AuditBreak,
    AuditEntry,
    InvalidFilter,
    InvalidOverride,
    InvalidTransition,
    Override,
    SessionReview,
    TamperDetected,
    UnknownAssessor,
    UnknownSessionReview,
)
from scoring.assessment.reasons import meaningful_reason
from scoring.quoted import Quoted
from scoring.reports.view import verdict_word
from scoring.storage import GrilleStore
from simulator.engine.clock import Clock, stamp
from simulator.i18n import N_, Message
from simulator.journal.errors import UnknownSession
from simulator.journal.store import JournalStore

_ATTEMPTS = 5
_Decision = Callable[[SessionReview], tuple[str, dict[str, Any]]]


class ReviewDesk(Accounts):
    """The assessors' operations on a journal store, its grilles and its audit log."""

    def __init__(
        self,
        journal: JournalStore,
        grilles: GrilleStore,
        audit: AuditStore,
        clock: Clock,
        *,
        hasher: Any = None,
        keys: KeyRing | None = None,
    ) -> None:
        from argon2 import PasswordHasher

        from scoring.assessment.keys import default_keys_folder

        self.journal, self.grilles, self.audit, self.clock = journal, grilles, audit, clock
        self.keys = keys if keys is not None else KeyRing(default_keys_folder())
        self.integrity = Integrity(audit, grilles)
        self._hasher = hasher or PasswordHasher()
        self._decoy: str | None = None
        self._unlocked: dict[str, Any] = {}

    @classmethod
    def open(
        cls,
        path: str | Path,
        clock: Clock,
        *,
        create: bool = False,
        keys: KeyRing | None = None,
        hasher: Any = None,
    ) -> ReviewDesk:
        """The desk on the store at ``path`` (journal, grilles and audit side by side): a SQLite file or a server."""
        from scoring.backends import open_audit, open_grilles
        from simulator.journal.backends import open_journal

        journal = open_journal(path, create=create)
        opened: list[JournalStore | GrilleStore | AuditStore] = [journal]
        try:
            grilles = open_grilles(path)
            opened.append(grilles)
            audit = open_audit(path)
            opened.append(audit)
            return cls(journal, grilles, audit, clock, keys=keys, hasher=hasher)
        except BaseException:
            for store in opened:
                store.close()
            raise

    def close(self) -> None:
        for store in (self.audit, self.grilles, self.journal):
            store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------------------

    def review(self, session_id: str) -> SessionReview:
        """The session's grille, overrides, status and audit (``UnknownSessionReview`` if absent)."""
        try:
            header = self.journal.header(session_id)
        except UnknownSession:
            raise UnknownSessionReview(
                Message(N_("Unknown session: '{session_id}'."), session_id=session_id)
            ) from None
        self._check_journal(session_id, self.integrity.registry())
        entries = self.integrity.verified(self.audit.entries(session_id))
        return fold_review(header, self.grilles.latest(session_id), entries)

    def sessions(
        self,
        *,
        epreuve: str | None = None,
        status: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> list[SessionReview]:
        """Every session of the journal store (scored or not), filtered; dates compare on the day it started."""
        if status is not None and status not in STATUSES:
            raise InvalidFilter(
                Message(
                    N_("Unknown status: '{status}' (choose from {statuses})."),
                    status=status,
                    statuses=", ".join(STATUSES),
                )
            )
        first, last = filter_day(since), filter_day(until)
        registry = self.integrity.registry()
        by_session: dict[str, list[AuditEntry]] = {}
        for entry in self.integrity.verified(self.audit.entries()):
            by_session.setdefault(entry.session_id, []).append(entry)
        found = []
        for session_id in self.journal.session_ids():
            header = self.journal.header(session_id)
            day = header.created_at[:10]
            if (
                (epreuve is not None and header.epreuve_id != epreuve)
                or (first and day < first)
                or (last and day > last)
            ):
                continue
            self._check_journal(session_id, registry)
            review = fold_review(
                header, self.grilles.latest(session_id), by_session.get(session_id, ())
            )
            if status is None or review.status == status:
                found.append(review)
        return found

    def seal_status(self, session_id: str) -> Any:
        """The receipt of the journal the latest grille was computed from and the centre seal's status."""
        from scoring.assessment.seal import seal_status

        latest = self.grilles.latest(session_id)
        if latest is None:
            return None
        return seal_status(self, session_id, latest.journal_head, latest.id)

    def audit_entries(self, session_id: str | None = None) -> list[AuditEntry]:
        """The audit log (or one session's part of it), in ``seq`` order, once verified."""
        return self.integrity.verified(self.audit.entries(session_id))

    def verify_audit(self) -> AuditBreak | None:
        """``None`` if the audit chain, its signatures and the grilles' chain verify, else the first break."""
        return self.integrity.check()[1]

    # -- acts --------------------------------------------------------------------------------------

    def override(
        self, assessor: str, session_id: str, competency: str, verdict: str, reason: str
    ) -> Override:
        """Change one competency's verdict, with a written reason; the scorer's verdict stays beside it."""
        self._require_assessor(assessor)
        reason = meaningful_reason(reason, Message(N_("An override needs a written reason")))
        wanted = verdict.strip().lower()
        if wanted not in ASSESSOR_VERDICTS:
            raise InvalidOverride(
                Message(N_("Verdict refused: '{verdict}' (choose OK or NOK)."), verdict=verdict)
            )
        code = competency.strip()
        from simulator.referentiel import get_referentiel

        codes = get_referentiel().codes
        if code not in codes:
            raise InvalidOverride(
                Message(
                    N_(
                        "Unknown competency: '{competency}' (référentiel codes from {first} to {last}; see callsim "
                        "referentiel)."
                    ),
                    competency=competency,
                    first=codes[0],
                    last=codes[-1],
                )
            )

        def decide(review: SessionReview) -> tuple[str, dict[str, Any]]:
            require_open(review)
            previous = review.final()[code]
            if previous == wanted:
                raise InvalidOverride(
                    Message(
                        N_(
                            "Competency {code} is already {verdict}: an override must change the verdict."
                        ),
                        code=code,
                        verdict=Quoted(lambda lang: verdict_word(wanted, lang)),
                    )
                )
            return OVERRIDE, {
                "competency": code,
                "verdict": wanted,
                "previous": previous,
                "automatic": review.automatic()[code],
                "reason": reason,
            }

        return override_from(self._act(assessor, session_id, decide))

    def mark_reviewed(self, assessor: str, session_id: str) -> AuditEntry:
        """Stand behind the session's grille (scored or already reviewed by someone else)."""
        self._require_assessor(assessor)

        def decide(review: SessionReview) -> tuple[str, dict[str, Any]]:
            require_open(review)
            if assessor in review.reviewed_by:
                raise InvalidTransition(
                    Message(
                        N_("You have already marked session {session_id} as reviewed."),
                        session_id=review.session_id,
                    )
                )
            return MARK_REVIEWED, {"grille_sha256": review.grille_sha256}

        return self._act(assessor, session_id, decide)

    def sign(self, assessor: str, session_id: str) -> AuditEntry:
        """Sign a reviewed session; refused while a competency is still « non observé »."""
        self._require_assessor(assessor)

        return self._act(assessor, session_id, sign_decision)

    def reopen(self, assessor: str, session_id: str, reason: str) -> AuditEntry:
        """Re-open a signed session so that it can change again; the reason stays in the audit."""
        self._require_assessor(assessor)
        reason = meaningful_reason(
            reason, Message(N_("Re-opening a signed session needs a written reason"))
        )

        def decide(review: SessionReview) -> tuple[str, dict[str, Any]]:
            if review.status != SIGNED:
                raise InvalidTransition(
                    Message(
                        N_(
                            "Only a signed session can be re-opened; session {session_id} is '{status}'."
                        ),
                        session_id=review.session_id,
                        status=Message(STATUS_WORDS[review.status]),
                    )
                )
            return REOPEN, {"reason": reason}

        return self._act(assessor, session_id, decide)

    # -- helpers -----------------------------------------------------------------------------------

    def _act(self, assessor: str, session_id: str, decide: _Decision) -> AuditEntry:
        """Decide on the session as it stands and append the entry, unless the log moved meanwhile (then retry)."""
        for _ in range(_ATTEMPTS):
            head = self.audit.last()
            action, payload = decide(self.review(session_id))
            try:
                return self.audit.append(
                    assessor,
                    action,
                    session_id,
                    payload,
                    self._now(),
                    after=head.hash if head else GENESIS,
                    signer=self.signer(assessor),
                )
            except AuditConflict:
                continue
        raise AuditConflict()

    def _check_journal(self, session_id: str, registry: Any) -> None:
        """``TamperDetected`` when the session's journal no longer holds what the centre sealed."""
        from scoring.assessment.seal import journal_against_seals

        problem = journal_against_seals(
            self.journal, session_id, registry.seals.get(session_id, ())
        )
        if problem is not None:
            raise TamperDetected(Quoted(problem.message))

    def _require_assessor(self, name: str) -> None:
        """``name`` is a registered assessor (not removed) whose key this desk unlocked at sign-in."""
        if name not in self.integrity.registry().assessors:
            raise UnknownAssessor(
                Message(
                    N_(
                        "Unknown assessor: '{name}' (an administrator registers them with callsim assessor add)."
                    ),
                    name=name,
                )
            )
        self.signer(name)

    def _now(self) -> str:
        return stamp(self.clock.now())

    def confirm_text(
        self,
        session: str,
        evidence_seq: int,
        met: bool,
        reason: str | None,
        assessor: str,
        *,
        rule: str | None = None,
    ) -> AuditEntry:
        """Decide a typed text the machine was unsure about: met or not; a reason when correcting its guess.

        ``evidence_seq`` is the journal event of the text; ``rule`` narrows it to one check (else
        every unsure check of that text is decided).
        """
        self._require_assessor(assessor)

        def decide(review: SessionReview) -> tuple[str, dict[str, Any]]:
            return confirm_decision(review, evidence_seq, met, reason, rule)

        return self._act(assessor, session, decide)
