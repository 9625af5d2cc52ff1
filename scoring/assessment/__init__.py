"""The assessors' side of scoring: accounts, overrides with a reason, review and signature, the audit chain.

``ReviewDesk`` (in ``desk``) enforces the rules; ``model`` holds the records every reader shares;
``audit_store`` keeps accounts and the hash-chained audit log beside the journal and the grilles.
"""

from scoring.assessment.audit_store import AuditStore, SqliteAuditStore
from scoring.assessment.desk import ReviewDesk
from scoring.assessment.memory_audit_store import MemoryAuditStore
from scoring.assessment.model import (
    ACTIONS,
    ASSESSOR_VERDICTS,
    STATUS_LABELS,
    STATUSES,
    AssessmentError,
    AuditBreak,
    AuditEntry,
    Override,
    SessionReview,
    pseudonym,
)

__all__ = [
    "ACTIONS",
    "ASSESSOR_VERDICTS",
    "STATUSES",
    "STATUS_LABELS",
    "AssessmentError",
    "AuditBreak",
    "AuditEntry",
    "AuditStore",
    "MemoryAuditStore",
    "Override",
    "ReviewDesk",
    "SessionReview",
    "SqliteAuditStore",
    "pseudonym",
]
