"""The audit store: the chain's hashes, append-only tables, and no fork when two processes write at once."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3

import pytest

from scoring.assessment.audit_store import (
    GENESIS,
    AuditConflict,
    SqliteAuditStore,
)
from scoring.assessment.audit_verify import verify_chain
from scoring.assessment.memory_audit_store import MemoryAuditStore
from tests.assessment.desk_support import PASSPHRASE, memory_desk, sqlite_desk, sqlite_store

AT = "2026-01-06T14:00:00.000"


def _expected_hash(seq, at, assessor, action, session, payload, prev):
    """The documented formula, written out independently: SHA-256 over canonical JSON of the seven fields."""
    envelope = {
        "seq": seq,
        "at": at,
        "assessor": assessor,
        "action": action,
        "session": session,
        "payload": payload,
        "prev": prev,
    }
    text = json.dumps(envelope, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_entries_are_numbered_and_chained_by_the_documented_hash(tmp_path, kind):
    store = MemoryAuditStore() if kind == "memory" else SqliteAuditStore(tmp_path / "audit.sqlite3")
    first = store.add_assessor("Anne", "$argon2id$stand-in", AT)
    second = store.append(
        "Anne", "override", "S-1", {"competency": "01.09", "reason": "écoute « vérifiée »"}, AT
    )
    assert (first.seq, first.prev_hash) == (1, GENESIS) and GENESIS == "0" * 64
    assert first.hash == _expected_hash(1, AT, "Anne", "assessor_added", "", {}, GENESIS)
    assert (second.seq, second.prev_hash) == (2, first.hash)
    assert second.hash == _expected_hash(
        2,
        AT,
        "Anne",
        "override",
        "S-1",
        {"competency": "01.09", "reason": "écoute « vérifiée »"},
        first.hash,
    )
    assert (
        store.entries() == [first, second]
        and store.entries("S-1") == [second]
        and store.last() == second
    )
    assert verify_chain(store.entries()) is None
    store.close()


def test_memory_and_sqlite_stores_agree_on_every_hash(tmp_path):
    memory, sqlite = MemoryAuditStore(), SqliteAuditStore(tmp_path / "audit.sqlite3")
    for store in (memory, sqlite):
        store.add_assessor("Anne", "h", AT)
        store.append("Anne", "review", "S-1", {"grille_sha256": "ab" * 32}, AT)
        store.append("Anne", "reopen", "S-1", {"reason": "réclamation"}, AT)
    assert memory.entries() == sqlite.entries()
    sqlite.close()


def test_a_stale_head_is_refused_so_a_decision_is_never_made_on_an_old_state(tmp_path):
    store = SqliteAuditStore(tmp_path / "audit.sqlite3")
    head = store.add_assessor("Anne", "h", AT)
    store.append("Anne", "review", "S-1", {}, AT, after=head.hash)
    with pytest.raises(AuditConflict):
        store.append("Anne", "sign", "S-1", {}, AT, after=head.hash)
    assert [e.action for e in store.entries()] == ["assessor_added", "review"]
    store.close()


def test_the_desk_decides_again_when_another_assessor_wrote_meanwhile(tmp_path):
    """Bruno signs between Anne's read of the session and her write: her override is then refused, not appended."""
    path = tmp_path / "callsim.sqlite3"
    ids = sqlite_store(path)
    anne, bruno = sqlite_desk(path, "Anne"), sqlite_desk(path, "Bruno")
    session = ids["never-confirms"]
    for code in ("01.08", "02.05", "02.07", "03.04"):
        bruno.override("Bruno", session, code, "OK", "vérifié à la réécoute de l'appel")
    bruno.mark_reviewed("Bruno", session)
    reads = []
    real_entries = anne.audit.entries

    def entries_then_bruno_signs(session_id=None):
        found = real_entries(session_id)
        if session_id is None:  # the whole log, read to verify it: not a decision on the session
            return found
        if not reads:
            bruno.sign("Bruno", session)
        reads.append(found)
        return found

    anne.audit.entries = entries_then_bruno_signs
    from scoring.assessment.model import SessionLocked

    with pytest.raises(SessionLocked):
        anne.override("Anne", session, "01.09", "OK", "vérifié à la réécoute de l'appel")
    assert len(reads) == 2, "the first attempt met a conflict and the desk read the session again"
    assert anne.review(session).final()["01.09"] == "nok"
    assert anne.verify_audit() is None
    anne.close()
    bruno.close()


def _append_many(path, who, count):
    store = SqliteAuditStore(path)
    for index in range(count):
        store.append(who, "review", f"S-{who}", {"n": index}, AT)
    store.close()


def test_two_processes_appending_at_once_never_fork_the_chain(tmp_path):
    path = tmp_path / "callsim.sqlite3"
    sqlite_store(path)
    SqliteAuditStore(path).close()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(path, who, 40)) for who in ("A", "B")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    store = SqliteAuditStore(path)
    entries = store.entries()
    assert [e.seq for e in entries] == list(range(1, 81))
    assert sorted(e.payload["n"] for e in entries if e.assessor == "A") == list(range(40))
    assert verify_chain(entries) is None
    store.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit SET payload = '{}' WHERE seq = 2",
        "DELETE FROM audit WHERE seq = 2",
        "UPDATE assessors SET kdf_hash = 'x'",
        "DELETE FROM assessors",
        "INSERT OR REPLACE INTO assessors (name, kdf_hash, created_at) VALUES ('Anne', 'x', 'now')",
        "INSERT OR REPLACE INTO audit SELECT * FROM audit WHERE seq = 1",
        (
            "INSERT INTO audit (seq, at, assessor, action, session_id, payload, prev_hash, hash) "
            "VALUES (9, 'now', 'X', 'sign', 'S-1', '{}', 'x', 'y')"
        ),
    ],
    ids=[
        "update-audit",
        "delete-audit",
        "update-account",
        "delete-account",
        "replace-account",
        "replace-audit",
        "insert-out-of-chain",
    ],
)
def test_the_tables_refuse_in_place_changes(tmp_path, sql):
    path = tmp_path / "callsim.sqlite3"
    ids = sqlite_store(path)
    desk = sqlite_desk(path, "Anne")
    desk.override("Anne", ids["never-confirms"], "01.09", "OK", "vérifié à la réécoute de l'appel")
    before = desk.audit_entries()
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute(sql)
    conn.close()
    assert desk.audit_entries() == before
    assert desk.login("Anne", PASSPHRASE) == "Anne"
    desk.close()


def test_the_tables_live_in_the_journal_file_beside_the_grilles(tmp_path):
    path = tmp_path / "callsim.sqlite3"
    sqlite_store(path)
    sqlite_desk(path, "Anne").close()
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"sessions", "events", "grilles", "assessors", "audit"} <= tables


def test_a_desk_on_memory_stores_verifies_its_own_chain():
    desk, ids, _clock = memory_desk("Anne")
    desk.override("Anne", ids["never-confirms"], "01.09", "OK", "vérifié à la réécoute de l'appel")
    assert desk.verify_audit() is None
