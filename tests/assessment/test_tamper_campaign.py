"""The insider's campaign: each edit someone with the store file and sqlite3 could make is detected and named.

The store holds three sessions of Monday 5 January 2026 (two scored), an administrator, two
assessors, overrides, a review and a signature, and the day's centre seal (its file kept apart,
like the receipts the invigilator copied at the end of each épreuve). Each example copies that
store and applies one edit the way an insider would — raw ``sqlite3``, append-only triggers dropped
and put back exactly — then checks that the documented command names what changed:

- a copy of a grille row with other verdicts (as is, re-hashed, or fully re-chained) → ``audit
  verify`` names the grille row (the chain, or « not computed by callsim » for a re-chained copy);
- an audit entry forged under an assessor's name, correctly chained → ``audit verify`` names the
  entry (not signed, or a signature that is not that assessor's);
- a journal edited then re-hashed from the edit on → its receipt, the centre seal and every read of
  the desk name the session;
- an event appended, or the tail cut → the receipt and the seal name the session;
- an assessor account added without an administrator → ``audit verify`` names the entry and the
  account cannot sign in.
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.assessment.audit_store import entry_hash, signed_message
from scoring.assessment.model import TamperDetected
from scoring.assessment.seal import seal_day, verify_seal
from scoring.storage import GENESIS
from simulator.journal.canonical import event_hash_from_text
from simulator.journal.receipt import check_receipt, receipt_code
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.assessment.desk_support import (
    ADMIN,
    PASSPHRASE,
    bare_desk,
    cheap_hasher,
    resolve_not_observed,
    sqlite_desk,
    sqlite_store,
)

CAMPAIGN = settings(derandomize=True, max_examples=12, deadline=None, database=None)
POLICIES = ("ideal", "never-confirms", "careless")
_SCRATCH = Path(tempfile.mkdtemp(prefix="callsim-campaign-"))
atexit.register(shutil.rmtree, _SCRATCH, True)


@functools.cache
def _template() -> tuple[Path, dict[str, str], dict[str, str], bytes]:
    """The store (built once), its session ids by policy, the receipts copied on paper and the seal file."""
    path = _SCRATCH / "template.sqlite3"
    ids = sqlite_store(path)
    desk = sqlite_desk(path, "Anne", "Bruno")
    try:
        session = ids["ideal"]
        desk.override(
            "Bruno",
            ids["never-confirms"],
            "01.09",
            "OK",
            "accord confirmé à la réécoute de l'appel",
        )
        resolve_not_observed(desk, "Anne", session)
        desk.mark_reviewed("Anne", session)
        desk.sign("Anne", session)
        receipts = {sid: receipt_code(desk.journal, sid) for sid in ids.values()}
        seal, _entry = seal_day(desk, ADMIN, PASSPHRASE, "2026-01-05")
        assert desk.verify_audit() is None
    finally:
        desk.close()
    return path, ids, receipts, seal


def _copy(tag: str) -> tuple[Path, dict[str, str], dict[str, str], bytes]:
    template, ids, receipts, seal = _template()
    target = Path(tempfile.mkdtemp(dir=_SCRATCH, prefix=tag)) / "callsim.sqlite3"
    shutil.copyfile(template, target)
    return target, ids, receipts, seal


def _raw(path: Path, *statements: tuple[str, tuple]) -> None:
    """Run raw SQL with every append-only trigger dropped, then put each back exactly as it was."""
    conn = sqlite3.connect(path, isolation_level=None)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for sql, params in statements:
        conn.execute(sql, params)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.close()


def _audit_break(path: Path):
    desk = bare_desk(path)
    try:
        return desk.verify_audit()
    finally:
        desk.close()


# -- grilles --------------------------------------------------------------------------------------


@CAMPAIGN
@given(
    policy=st.sampled_from(POLICIES[:2]),
    how=st.sampled_from(("as_is", "rehashed", "rechained")),
    competency=st.integers(min_value=0, max_value=22),
)
def test_a_grille_copy_with_other_verdicts_is_named(policy, how, competency):
    import hashlib

    path, ids, _receipts, _seal = _copy("grille-")
    session = ids[policy]
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(grilles)")]
    row = dict(
        zip(
            columns,
            conn.execute(
                "SELECT * FROM grilles WHERE session_id = ? ORDER BY id DESC LIMIT 1", (session,)
            ).fetchone(),
            strict=True,
        )
    )
    last_id, last_hash = conn.execute(
        "SELECT id, row_hash FROM grilles ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    grille = json.loads(row["grille_json"])
    item = grille["competencies"][competency]
    item["verdict"] = "nok" if item["verdict"] == "ok" else "ok"
    row["grille_json"] = json.dumps(
        grille, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    row["id"] = last_id + 1
    if how != "as_is":
        row["grille_sha256"] = hashlib.sha256(row["grille_json"].encode()).hexdigest()
    if how == "rechained":  # the insider knows the chain's formula
        from scoring.storage import StoredGrille

        fields = StoredGrille(*(row[c] for c in columns[1:12]))
        row["prev_hash"], row["row_hash"] = last_hash, fields.content_hash(row["id"], last_hash)
    _raw(
        path,
        (
            f"INSERT INTO grilles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(row[c] for c in columns),
        ),
    )
    found = _audit_break(path)
    assert (found.table, found.seq) == ("grilles", last_id + 1)
    expected = {
        "as_is": "grille_content",
        "rehashed": "grille_modified",
        "rechained": "grille_conflict",
    }[how]
    assert found.code == expected
    assert f"Grille n° {last_id + 1} (session {session})" in found.reason_fr
    desk = bare_desk(path)
    with pytest.raises(TamperDetected):
        desk.review(session)
    desk.close()


# -- audit ----------------------------------------------------------------------------------------


@CAMPAIGN
@given(
    action=st.sampled_from(("override", "reopen", "sign", "review")),
    who=st.sampled_from(("Anne", "Bruno")),
    signature=st.sampled_from(("none", "copied", "own_key")),
)
def test_an_audit_entry_forged_under_an_assessors_name_is_named(action, who, signature):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path, ids, _receipts, _seal = _copy("audit-")
    conn = sqlite3.connect(path)
    seq, prev, other_signature = conn.execute(
        "SELECT seq, hash, signature FROM audit ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    conn.close()
    session = ids["ideal"]
    payload = {
        "override": {
            "competency": "01.01",
            "verdict": "nok",
            "previous": "ok",
            "automatic": "ok",
            "reason": "salutation absente à la réécoute",
        },
        "reopen": {"reason": "réclamation du candidat sur la note"},
        "sign": {"grille_sha256": "0" * 64, "grille_row": 1},
        "review": {"grille_sha256": "0" * 64},
    }[action]
    at = "2026-01-07T09:00:00.000"
    digest = entry_hash(seq + 1, at, who, action, session, payload, prev)
    forged = {
        "none": "",
        "copied": other_signature,
        "own_key": Ed25519PrivateKey.generate().sign(signed_message(digest)).hex(),
    }[signature]
    _raw(
        path,
        (
            "INSERT INTO audit (seq, at, assessor, action, session_id, payload, prev_hash, hash, signature) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (
                seq + 1,
                at,
                who,
                action,
                session,
                json.dumps(payload, ensure_ascii=False),
                prev,
                digest,
                forged,
            ),
        ),
    )
    found = _audit_break(path)
    assert (found.table, found.seq) == ("audit", seq + 1)
    assert found.code == ("unsigned" if signature == "none" else "bad_signature")
    assert f"L'entrée n° {seq + 1} ({action}" in found.reason_fr and who in found.reason_fr


def test_an_assessor_added_without_an_administrator_is_named_and_cannot_sign_in():
    path, _ids, _receipts, _seal = _copy("account-")
    conn = sqlite3.connect(path)
    seq, prev = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    conn.close()
    at = "2026-01-07T09:00:00.000"
    digest = entry_hash(seq + 1, at, "Intrus", "assessor_added", "", {}, prev)
    _raw(
        path,
        (
            "INSERT INTO assessors (name, kdf_hash, created_at) VALUES (?, ?, ?)",
            ("Intrus", cheap_hasher().hash(PASSPHRASE), at),
        ),
        (
            "INSERT INTO audit (seq, at, assessor, action, session_id, payload, prev_hash, hash, signature) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (seq + 1, at, "Intrus", "assessor_added", "", "{}", prev, digest, ""),
        ),
    )
    found = _audit_break(path)
    assert (found.seq, found.code) == (seq + 1, "unsigned")
    desk = bare_desk(path)
    with pytest.raises(TamperDetected):
        desk.login("Intrus", PASSPHRASE)
    desk.close()


# -- journals: receipts and the seal --------------------------------------------------------------


def _rehash(path: Path, session: str, start: int) -> list[tuple[str, tuple]]:
    """The statements that recompute every event's link and hash from ``start`` on."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT seq, at, type, payload FROM events WHERE session_id = ? ORDER BY seq", (session,)
    ).fetchall()
    prev = conn.execute(
        "SELECT hash FROM events WHERE session_id = ? AND seq = ?", (session, start - 1)
    ).fetchone()
    if prev is None:
        prev = conn.execute(
            "SELECT header_hash FROM sessions WHERE session_id = ?", (session,)
        ).fetchone()
    conn.close()
    statements, link = [], prev[0]
    for seq, at, kind, payload in rows[start - 1 :]:
        digest = event_hash_from_text(link, session, seq, at, kind, payload)
        statements.append(
            (
                "UPDATE events SET prev_hash = ?, hash = ? WHERE session_id = ? AND seq = ?",
                (link, digest, session, seq),
            )
        )
        link = digest
    return statements


def _journal_named(path: Path, session: str, receipt: str, seal: bytes) -> None:
    """The receipt, the seal file and the desk's reads all refuse the session's journal."""
    with SqliteJournalStore(path, create=False) as store:
        ok, fr, _en = check_receipt(store, session, receipt)
        assert not ok and receipt in fr
    desk = bare_desk(path)
    try:
        problems = verify_seal(desk, seal)
        assert [p.where for p in problems] == [session]
        with pytest.raises(TamperDetected) as refused:
            desk.review(session)
        assert f"Session {session}" in refused.value.message("fr")
    finally:
        desk.close()


@CAMPAIGN
@given(policy=st.sampled_from(POLICIES), position=st.floats(min_value=0.0, max_value=0.99))
def test_a_journal_edited_then_rehashed_is_named_by_its_receipt_and_the_seal(policy, position):
    path, ids, receipts, seal = _copy("rehash-")
    session = ids[policy]
    conn = sqlite3.connect(path)
    count = conn.execute("SELECT MAX(seq) FROM events WHERE session_id = ?", (session,)).fetchone()[
        0
    ]
    conn.close()
    seq = 1 + int(position * count)
    edit = (
        "UPDATE events SET at = replace(at, '2026-01-05', '2026-01-04') WHERE session_id = ? AND seq = ?",
        (session, seq),
    )
    _raw(path, edit)
    _raw(path, *_rehash(path, session, seq))
    with SqliteJournalStore(path, create=False) as store:
        from simulator.journal.verify import verify_session

        assert verify_session(store, session).ok, "re-hashed, the chain alone verifies"
    _journal_named(path, session, receipts[session], seal)


@CAMPAIGN
@given(
    policy=st.sampled_from(POLICIES), how=st.sampled_from(("append", "cut")), n=st.integers(1, 5)
)
def test_an_appended_event_or_a_cut_tail_is_named_by_the_receipt_and_the_seal(policy, how, n):
    path, ids, receipts, seal = _copy("tail-")
    session = ids[policy]
    conn = sqlite3.connect(path)
    count, last_hash = conn.execute(
        "SELECT seq, hash FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1", (session,)
    ).fetchone()
    conn.close()
    if how == "cut":
        _raw(path, ("DELETE FROM events WHERE session_id = ? AND seq > ?", (session, count - n)))
    else:
        statements, link = [], last_hash
        for seq in range(count + 1, count + 1 + n):
            at, payload = "2026-01-05T09:59:00.000", '{"contact":"c1","minute":59}'
            digest = event_hash_from_text(link, session, seq, at, "contact_arrived", payload)
            statements.append(
                (
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?)",
                    (session, seq, at, "contact_arrived", payload, link, digest),
                )
            )
            link = digest
        _raw(path, *statements)
    _journal_named(path, session, receipts[session], seal)


def test_the_untouched_store_passes_every_check():
    """Without any edit the same checks pass: what the campaign detects is the edit, not the checks."""
    path, ids, receipts, seal = _copy("clean-")
    assert _audit_break(path) is None
    with SqliteJournalStore(path, create=False) as store:
        assert all(check_receipt(store, sid, receipts[sid])[0] for sid in ids.values())
    desk = bare_desk(path)
    assert verify_seal(desk, seal) == []
    assert desk.review(ids["ideal"]).status == "signed"
    desk.close()
    assert GENESIS == "0" * 64


@pytest.mark.parametrize(
    "lang, heading",
    [
        ("fr", "ÉCHEC : chaîne des grilles rompue à la grille n° {id}."),
        ("en", "FAILED: grilles chain broken at grille #{id}."),
    ],
)
def test_audit_verify_names_an_altered_grille_on_the_command_line(capsys, lang, heading):
    from simulator.cli import main

    path, _ids, _receipts, _seal = _copy("cli-")
    _raw(
        path,
        (
            "UPDATE grilles SET verdict = 'ok', grille_json = replace(grille_json, '\"nok\"', '\"ok\"') "
            "WHERE id = 2",
            (),
        ),
    )
    assert main(["audit", "verify", "--store", str(path), "--lang", lang]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == heading.format(id=2)
    assert ("Grille n° 2" if lang == "fr" else "Grille #2") in lines[1]


def test_an_entry_edited_while_a_desk_is_open_is_refused_at_the_next_read():
    """The review app keeps its desk open all day: an old entry edited meanwhile (same head) is still caught."""
    path, ids, _receipts, _seal = _copy("open-")
    desk = bare_desk(path)
    try:
        session = ids["never-confirms"]
        before = desk.review(session)
        seq = before.overrides[0].audit_seq
        _raw(
            path,
            (
                "UPDATE audit SET payload = replace(payload, '\"ok\"', '\"nok\"') WHERE seq = ?",
                (seq,),
            ),
        )
        with pytest.raises(TamperDetected) as refused:
            desk.review(session)
        assert f"l'entrée d'audit n° {seq} (override" in refused.value.message("fr")
    finally:
        desk.close()
