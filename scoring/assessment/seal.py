"""The centre's seal: the heads of a day's sessions (and of the audit and grilles chains) signed with the centre's key.

``seal_day`` verifies each journal of the day, signs a small JSON document with the centre's key (held
by the administrator: created by ``callsim store init``, encrypted under their passphrase, never on a
seat) and records a ``centre_seal`` audit entry signed by the administrator. The document goes to a
seal file kept away from the store. ``verify_seal`` checks the file's signature and that every
sealed journal still verifies and ends exactly on its sealed head: a journal edited and re-hashed,
cut or extended after sealing is named. ``seal_status`` tells the grille what to show.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from scoring.assessment.keys import public_hex, verify_signature
from scoring.assessment.model import CENTRE_SEAL, AssessmentError, AuditEntry
from scoring.quoted import verification_reason
from simulator.engine.clock import stamp
from simulator.i18n import N_, Message
from simulator.journal.canonical import canonical_bytes
from simulator.journal.receipt import code_of, receipt_code
from simulator.journal.verify import verify_session

FORMAT = "callsim-centre-seal-1"


class SealRefused(AssessmentError):
    """A day that cannot be sealed (nothing to seal, a journal that does not verify, no centre key)."""

    code = "seal_refused"


@dataclass(frozen=True)
class SealProblem:
    """What a seal check found wrong, naming the session (or ``audit``/``grilles`` row)."""

    where: str
    fr: str
    en: str

    def message(self, lang: str = "fr") -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class SealStatus:
    """What the grille shows: the receipt of the journal it was computed from and whether the day is sealed."""

    receipt: str
    sealed_day: str = ""
    intact: bool = True
    before_sealing: bool = False


def seal_day(desk: Any, admin: str, passphrase: str, day: str) -> tuple[bytes, AuditEntry]:
    """The signed seal file of ``day`` (``yyyy-mm-dd``) and the ``centre_seal`` entry recorded for it."""
    desk.login_admin(admin, passphrase)
    registry = desk.integrity.registry()
    if not registry.centre_key:
        raise SealRefused(
            Message(N_("This store has no centre key (created by « callsim store init »)."))
        )
    centre = desk.keys.unlock(registry.centre_key, passphrase)
    sessions = _day_heads(desk.journal, day)
    last = desk.audit.last()
    grille_id, grille_hash = desk.grilles.head()
    now = stamp(desk.clock.now())
    document = {
        "format": FORMAT,
        "day": day,
        "sealed_at": now,
        "centre_key": public_hex(centre),
        "sessions": sessions,
        "audit": {"seq": last.seq if last else 0, "hash": last.hash if last else ""},
        "grilles": {"id": grille_id, "hash": grille_hash},
    }
    signed = {**document, "signature": centre.sign(canonical_bytes(document)).hex()}
    data = (json.dumps(signed, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    payload = {
        "day": day,
        "sessions": {sid: [item["events"], item["head"]] for sid, item in sessions.items()},
        "seal_sha256": hashlib.sha256(canonical_bytes(signed)).hexdigest(),
    }
    entry = desk.audit.append(admin, CENTRE_SEAL, "", payload, now, signer=desk.signer(admin))
    return data, entry


def _day_heads(journal: Any, day: str) -> dict[str, dict[str, Any]]:
    """Each ended session of ``day`` with its event count, head and receipt (one still running is left out)."""
    from scoring.grille import is_finished

    sessions: dict[str, dict[str, Any]] = {}
    for session_id in journal.session_ids():
        if journal.header(session_id).created_at[:10] != day or not is_finished(
            journal.events(session_id)
        ):
            continue
        result = verify_session(journal, session_id)
        if not result.ok:
            raise SealRefused(
                Message(
                    N_("Session {session_id} does not verify ({reason}): nothing is sealed."),
                    session_id=session_id,
                    reason=verification_reason(result),
                )
            )
        code = receipt_code(journal, session_id)
        last = journal.last_event(session_id)
        head = last.hash if last is not None else _header_head(journal, session_id)
        sessions[session_id] = {"events": result.checked, "head": head, "receipt": code}
    if not sessions:
        raise SealRefused(Message(N_("No session ended on {day}: nothing to seal."), day=day))
    return sessions


def _header_head(journal: Any, session_id: str) -> str:
    from simulator.journal.canonical import header_hash

    return header_hash(journal.header(session_id))


def read_seal(data: bytes) -> dict[str, Any]:
    """The seal document, or ``SealRefused`` when it is not one or its signature does not verify."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        document = None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SealRefused(Message(N_("This file is not a callsim centre seal.")))
    body = {key: value for key, value in document.items() if key != "signature"}
    if not verify_signature(
        str(document.get("centre_key", "")),
        str(document.get("signature", "")),
        canonical_bytes(body),
    ):
        raise SealRefused(
            Message(N_("The seal's signature does not verify: the file was altered or forged."))
        )
    return document


def verify_seal(desk: Any, data: bytes, session_id: str | None = None) -> list[SealProblem]:
    """Everything that changed since the seal (empty: the sealed sessions, audit and grilles are as sealed)."""
    document = read_seal(data)
    problems: list[SealProblem] = []
    registry, found = desk.integrity.check()
    if found is not None:
        problems.append(SealProblem(found.table, found.reason_fr, found.reason_en))
    centre_key = registry.centre_key
    if centre_key and centre_key != document["centre_key"]:
        problems.append(
            SealProblem(
                "centre",
                "Sceau signé par une autre clé que celle du centre de ce magasin.",
                "Seal signed by another key than this store's centre key.",
            )
        )
    for sid, item in sorted(document["sessions"].items()):
        if session_id is None or sid == session_id:
            problems.extend(_session_problems(desk.journal, sid, item))
    if session_id is None:
        problems.extend(_chain_problems(desk, document))
    return problems


def _session_problems(journal: Any, sid: str, item: dict[str, Any]) -> list[SealProblem]:
    from simulator.journal.errors import UnknownSession

    try:
        result = verify_session(
            journal, sid, expected_count=int(item["events"]), expected_head=str(item["head"])
        )
    except UnknownSession:
        return [
            SealProblem(
                sid,
                f"Session {sid} : scellée mais absente du journal (supprimée).",
                f"Session {sid}: sealed but missing from the journal (deleted).",
            )
        ]
    if result.ok:
        return []
    at = f" (événement n° {result.first_bad_seq})" if result.first_bad_seq else ""
    at_en = f" (event #{result.first_bad_seq})" if result.first_bad_seq else ""
    return [
        SealProblem(
            sid,
            f"Session {sid}{at} : le journal ne correspond plus au sceau — {result.reason}",
            f"Session {sid}{at_en}: the journal no longer matches the seal — {result.reason_en}",
        )
    ]


def _chain_problems(desk: Any, document: dict[str, Any]) -> list[SealProblem]:
    problems = []
    audit = document.get("audit", {})
    entries = desk.audit.entries()
    seq = int(audit.get("seq", 0))
    if seq and (len(entries) < seq or entries[seq - 1].hash != audit.get("hash")):
        problems.append(
            SealProblem(
                "audit",
                f"Entrée d'audit n° {seq} : changée depuis le sceau (chaîne réécrite).",
                f"Audit entry #{seq}: changed since the seal (chain rewritten).",
            )
        )
    grilles = document.get("grilles", {})
    row_id = int(grilles.get("id", 0))
    rows = {row.id: row.row_hash for row in desk.grilles.rows()}
    if row_id and rows.get(row_id) != grilles.get("hash"):
        problems.append(
            SealProblem(
                "grilles",
                f"Grille n° {row_id} : changée depuis le sceau (chaîne réécrite).",
                f"Grille #{row_id}: changed since the seal (chain rewritten).",
            )
        )
    return problems


def seal_status(desk: Any, session_id: str, journal_head: str, grille_id: int) -> SealStatus:
    """The receipt of ``journal_head``, the last day that sealed the session, and whether it still matches."""
    registry = desk.integrity.registry()
    before = grille_id <= int(registry.migration.get("grilles_until", 0) or 0)
    sealed = [
        e
        for e in desk.audit.entries()
        if e.action == CENTRE_SEAL and session_id in e.payload.get("sessions", {})
    ]
    if not sealed:
        return SealStatus(code_of(journal_head), before_sealing=before)
    latest = sealed[-1]
    _count, head = latest.payload["sessions"][session_id]
    return SealStatus(
        code_of(journal_head), str(latest.payload.get("day", "")), head == journal_head, before
    )


def journal_against_seals(
    journal: Any, session_id: str, seals: list[tuple[str, int, str]]
) -> SealProblem | None:
    """``None`` when the journal still ends on the head the centre sealed (same count); else the problem."""
    from simulator.journal.canonical import header_hash

    for day, count, head in seals[-1:]:
        last = journal.last_event(session_id)
        found = (
            (last.hash, last.seq)
            if last is not None
            else (header_hash(journal.header(session_id)), 0)
        )
        if found != (head, count):
            return SealProblem(
                session_id,
                f"Session {session_id} : le journal a changé depuis le sceau du centre du {day} (scellé à "
                f"{count} événements, il en a {found[1]} et ne finit plus sur la tête scellée : modifié puis "
                "ré-empreint, coupé ou prolongé).",
                f"Session {session_id}: the journal changed since the centre seal of {day} (sealed at {count} "
                f"events, it has {found[1]} and no longer ends on the sealed head: edited and re-hashed, cut or "
                "extended).",
            )
    return None
