"""``MemoryAuditStore``: assessors' accounts and the audit log in memory, for tests; same hashes as the stores."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.assessment.audit_store import GENESIS, AuditConflict, Signer, _exists, chained
from scoring.assessment.model import ASSESSOR_ADDED, AuditEntry


class MemoryAuditStore:
    """Accounts and audit log in memory (tests); same hashes as the SQLite store."""

    def __init__(self) -> None:
        self.rows: list[AuditEntry] = []
        self.accounts: dict[str, tuple[str, str]] = {}

    def append(
        self,
        assessor: str,
        action: str,
        session_id: str,
        payload: Mapping[str, Any],
        at: str,
        *,
        after: str | None = None,
        signer: Signer | None = None,
    ) -> AuditEntry:
        prev = self.rows[-1].hash if self.rows else GENESIS
        if after is not None and after != prev:
            raise AuditConflict()
        entry = chained(len(self.rows) + 1, at, assessor, action, session_id, payload, prev, signer)
        self.rows.append(entry)
        return entry

    def entries(self, session_id: str | None = None) -> list[AuditEntry]:
        return [e for e in self.rows if session_id is None or e.session_id == session_id]

    def last(self) -> AuditEntry | None:
        return self.rows[-1] if self.rows else None

    def add_assessor(
        self,
        name: str,
        kdf_hash: str,
        at: str,
        *,
        actor: str = "",
        action: str = ASSESSOR_ADDED,
        payload: Mapping[str, Any] | None = None,
        signer: Signer | None = None,
    ) -> AuditEntry:
        if name in self.accounts and self.accounts[name][0] != kdf_hash:
            raise _exists(name)
        self.accounts.setdefault(name, (kdf_hash, at))
        return self.append(actor or name, action, "", payload or {}, at, signer=signer)

    def assessor_hash(self, name: str) -> str | None:
        account = self.accounts.get(name)
        return account[0] if account else None

    def assessor_names(self) -> list[str]:
        return list(self.accounts)

    def close(self) -> None:
        pass
