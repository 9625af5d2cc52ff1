"""Benchmark: verifying the whole audit log (chain, signatures, grilles) vs merely reading it from the store.

Every read of the review desk re-checks the log when it has moved on, so that check must stay a
small multiple of reading the entries. The store holds ``n`` signed overrides and marks-reviewed
by two assessors, as a busy centre's would after a season.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 30.0


def bench_audit_verify(n: int) -> dict:
    """Seconds to verify the log of ``n`` entries against seconds to read it (best of three each)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from scoring.assessment.audit_store import SqliteAuditStore
    from scoring.assessment.integrity import Integrity
    from scoring.assessment.keys import public_hex
    from scoring.assessment.model import ADMIN_ADDED, ASSESSOR_ADDED
    from scoring.storage import SqliteGrilleStore

    folder = Path(tempfile.mkdtemp(prefix="callsim-bench-audit-"))
    path = folder / "audit.sqlite3"
    admin, anne = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    at = "2026-01-06T14:00:00.000"
    with SqliteAuditStore(path) as audit:
        audit.add_assessor(
            "Admin",
            "h",
            at,
            action=ADMIN_ADDED,
            signer=admin,
            payload={"name": "Admin", "public_key": public_hex(admin)},
        )
        audit.add_assessor(
            "Anne",
            "h",
            at,
            actor="Admin",
            action=ASSESSOR_ADDED,
            signer=admin,
            payload={"name": "Anne", "public_key": public_hex(anne)},
        )
        for i in range(n):
            audit.append(
                "Anne",
                "override",
                f"S-{i // 10:06d}",
                {
                    "competency": "01.09",
                    "verdict": "ok",
                    "reason": f"accord confirmé à la réécoute {i}",
                },
                at,
                signer=anne,
            )
    audit, grilles = SqliteAuditStore(path), SqliteGrilleStore(path)
    reading = _best(lambda: audit.entries())
    verifying = _best(lambda: Integrity(audit, grilles).check())
    audit.close()
    grilles.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "name": f"audit verify ({n} signed entries)",
        "ours_s": verifying,
        "baseline_s": reading,
        "ratio": verifying / reading,
        "target": TARGET_RATIO,
        "notes": "chain + Ed25519 signatures + grilles chain, against reading the rows",
    }


def _best(work) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)
