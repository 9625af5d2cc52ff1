"""Sessions for the agreement and export tests: a scored practice épreuve, hand-built reviews, a reviewed store."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from scoring.assessment.model import (
    MARK_REVIEWED,
    OVERRIDE,
    SIGN,
    AuditEntry,
    Override,
    SessionReview,
)
from scoring.grille import grille_bytes
from scoring.rubric_file import default_rubric
from scoring.score import score
from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.events import Event, SessionHeader
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory
from tests.assessment.desk_support import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
PRACTICE = REPO / "scenarios" / "epreuves" / "practice.yaml"
#: Every simulated épreuve here starts on Monday 5 January 2026 at 09:00.
T0 = datetime(2026, 1, 5, 9, 0, 0)


@functools.cache
def _bundle() -> Any:
    return load_bundle(str(PRACTICE))


@functools.cache
def scored(
    policy: str = "never-confirms", seed: int = 1
) -> tuple[SessionHeader, tuple[Event, ...], dict[str, Any]]:
    """A practice épreuve played by ``policy`` on a memory journal, with its grille (once per test run)."""
    store, clock = MemoryJournalStore(), ManualClock(T0)
    session = EpreuveSession.start(
        _bundle(), store=store, clock=clock, candidate_id=f"CAND-{policy}-{seed}", seed=seed
    )
    play_epreuve(session, policy_factory(policy, seed), clock)
    session.close()
    header, events = store.header(session.session_id), tuple(store.events(session.session_id))
    return header, events, score(header, list(events), default_rubric())


def reviewed(
    header: SessionHeader,
    grille: dict[str, Any],
    *,
    overrides: tuple[tuple[str, str, str, str], ...] = (),
    reviewers: tuple[str, ...] = (),
    signer: str = "",
    candidate_id: str | None = None,
) -> SessionReview:
    """A hand-built review: ``overrides`` are (assessor, code, verdict, reason), then the reviews, then the signature.

    The audit entries are chained like the desk chains them; the acts happen a minute apart from 14:00.
    """
    sid = header.session_id
    automatic = {c["code"]: c["verdict"] for c in grille["competencies"]}
    final = dict(automatic)
    entries: list[AuditEntry] = []
    found: list[Override] = []

    def append(assessor: str, action: str, payload: dict[str, Any]) -> AuditEntry:
        prev = entries[-1].hash if entries else "0" * 64
        at = f"2026-01-05T14:{len(entries):02d}:00.000"
        body = {
            "seq": len(entries) + 1,
            "at": at,
            "assessor": assessor,
            "action": action,
            "session": sid,
            "payload": payload,
            "prev": prev,
        }
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        entries.append(
            AuditEntry(len(entries) + 1, at, assessor, action, sid, payload, prev, digest)
        )
        return entries[-1]

    for assessor, code, verdict, reason in overrides:
        payload = {
            "competency": code,
            "verdict": verdict,
            "previous": final[code],
            "automatic": automatic[code],
            "reason": reason,
        }
        entry = append(assessor, OVERRIDE, payload)
        found.append(
            Override(
                sid,
                code,
                verdict,
                automatic[code],
                final[code],
                reason,
                assessor,
                entry.at,
                entry.seq,
                entry.hash,
            )
        )
        final[code] = verdict
    sha = hashlib.sha256(grille_bytes(grille)).hexdigest()
    for assessor in reviewers:
        append(assessor, MARK_REVIEWED, {"grille_sha256": sha})
    if signer:
        append(signer, SIGN, {"grille_sha256": sha})
    status = "signed" if signer else "reviewed" if reviewers else "scored"
    return SessionReview(
        session_id=sid,
        candidate_id=header.candidate_id if candidate_id is None else candidate_id,
        epreuve_id=header.epreuve_id,
        mode=header.mode,
        created_at=header.created_at,
        status=status,
        grille=grille,
        grille_sha256=sha,
        overrides=tuple(found),
        audit=tuple(entries),
        signed_by=signer,
        reviewed_by=reviewers,
    )


def quiet_main(argv: list[str]) -> tuple[int, str, str]:
    """Run ``callsim`` in-process; its exit code, standard output and standard error."""
    from simulator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def played(path: Path, runs: list[tuple[str, int]]) -> list[str]:
    """Play ``runs`` ((policy, seed)) of the practice épreuve into a SQLite journal; their session ids."""
    from simulator.journal.sqlite_store import SqliteJournalStore

    ids = []
    with SqliteJournalStore(path) as store:
        for policy, seed in runs:
            clock = ManualClock(T0)
            session = EpreuveSession.start(
                _bundle(), store=store, clock=clock, candidate_id=f"CAND-{policy}-{seed}", seed=seed
            )
            play_epreuve(session, policy_factory(policy, seed), clock)
            session.close()
            ids.append(session.session_id)
    return ids


def scored_store(path: Path, runs: list[tuple[str, int]]) -> list[str]:
    """``played``, then every session of the journal scored."""
    ids = played(path, runs)
    code, _out, err = quiet_main(["score", "--all", "--store", str(path)])
    assert code == 0, err
    return ids


def desk(path: Path, *assessors: str) -> Any:
    """The review desk on ``path`` (manual clock at 5 January 2026, 15:00), with these accounts created."""
    from argon2 import PasswordHasher

    from scoring.assessment.audit_store import SqliteAuditStore
    from scoring.assessment.desk import ReviewDesk
    from scoring.storage import SqliteGrilleStore
    from simulator.journal.sqlite_store import SqliteJournalStore

    cheap = PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1
    )  # accounts are not what these tests test
    from tests.assessment.desk_support import TEST_KEYS, staff

    opened = ReviewDesk(
        SqliteJournalStore(path, create=False),
        SqliteGrilleStore(path),
        SqliteAuditStore(path),
        ManualClock(datetime(2026, 1, 5, 15, 0)),
        hasher=cheap,
        keys=TEST_KEYS,
    )
    staff(opened)
    for name in assessors:
        if name not in opened.assessor_names():
            staff(opened, name)
        else:
            opened.login(name, PASSPHRASE)
    return opened
