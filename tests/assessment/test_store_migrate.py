"""``callsim store migrate``: a store written before sealing is chained and signed where it can be, the rest marked.

The legacy store is built with the tables as they were before sealing (no chain on the grilles, no
signature on the audit entries): an account, its entry and an override, unsigned, and two grilles.
"""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from scoring.assessment.audit_store import GENESIS, entry_hash
from scoring.assessment.model import NeedsMigration
from simulator.cli import main
from tests.assessment.desk_support import PASSPHRASE, bare_desk, cheap_hasher, sqlite_store

#: The side tables as callsim created them before sealing (what older stores hold).
LEGACY = (
    "CREATE TABLE assessors (name TEXT PRIMARY KEY, kdf_hash TEXT NOT NULL, created_at TEXT NOT NULL)",
    """CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, assessor TEXT NOT NULL, action TEXT NOT NULL,
    session_id TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    """CREATE TABLE grilles (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, rubric_id TEXT NOT NULL,
    rubric_version TEXT NOT NULL, rubric_sha256 TEXT NOT NULL, journal_head TEXT NOT NULL,
    journal_events INTEGER NOT NULL, evidence_source TEXT NOT NULL, verdict TEXT NOT NULL, grille_json TEXT NOT NULL,
    grille_sha256 TEXT NOT NULL, stored_at TEXT NOT NULL)""",
    "CREATE TRIGGER grilles_no_update BEFORE UPDATE ON grilles BEGIN SELECT RAISE(ABORT, 'grilles are append-only'); END",
)
AT = "2026-01-05T18:00:00.000"
ADMIN_PASSPHRASE = "la phrase de l'administrateur"


@pytest.fixture()
def legacy(tmp_path):
    """A store with the three sessions whose side tables predate sealing; the ids by policy."""
    path = tmp_path / "callsim.sqlite3"
    ids = sqlite_store(path)
    conn = sqlite3.connect(path, isolation_level=None)
    grilles = conn.execute(
        "SELECT session_id, rubric_id, rubric_version, rubric_sha256, journal_head, "
        "journal_events, evidence_source, verdict, grille_json, grille_sha256, stored_at "
        "FROM grilles ORDER BY id"
    ).fetchall()
    for table in ("audit", "assessors", "grilles"):
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for ddl in LEGACY:
        conn.execute(ddl)
    conn.executemany(
        "INSERT INTO grilles (session_id, rubric_id, rubric_version, rubric_sha256, journal_head, "
        "journal_events, evidence_source, verdict, grille_json, grille_sha256, stored_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        grilles,
    )
    conn.execute(
        "INSERT INTO assessors VALUES (?, ?, ?)", ("Anne", cheap_hasher().hash(PASSPHRASE), AT)
    )
    first = entry_hash(1, AT, "Anne", "assessor_added", "", {}, GENESIS)
    payload = {
        "competency": "01.09",
        "verdict": "ok",
        "previous": "nok",
        "automatic": "nok",
        "reason": "accord confirmé à la réécoute",
    }
    second = entry_hash(2, AT, "Anne", "override", ids["never-confirms"], payload, first)
    conn.execute(
        "INSERT INTO audit VALUES (1, ?, 'Anne', 'assessor_added', '', '{}', ?, ?)",
        (AT, GENESIS, first),
    )
    conn.execute(
        "INSERT INTO audit VALUES (2, ?, 'Anne', 'override', ?, ?, ?, ?)",
        (AT, ids["never-confirms"], json.dumps(payload, ensure_ascii=False), first, second),
    )
    conn.close()
    return path, ids


def _main(capsys, monkeypatch, stdin, *argv):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_legacy_store_is_refused_until_migrated_then_marked_before_sealing(
    legacy, capsys, monkeypatch
):
    path, ids = legacy
    with pytest.raises(NeedsMigration) as refused:
        bare_desk(path)
    assert "callsim store migrate" in refused.value.message("fr")
    code, out, err = _main(
        capsys,
        monkeypatch,
        ADMIN_PASSPHRASE + "\n",
        "store",
        "migrate",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        str(path),
    )
    assert (code, err) == (0, "")
    assert out == (
        f"Magasin mis à niveau : {path}. Entrées d'audit 1 à 2 et grilles 1 à 2 marquées « avant "
        "scellement » ; administrateur : Chef de centre.\n"
    )
    desk = bare_desk(path)
    try:
        assert desk.verify_audit() is None
        registry = desk.integrity.registry()
        assert registry.migration == {
            "unsigned_until": 2,
            "grilles_until": 2,
            "grilles_head": desk.grilles.head()[1],
        }
        assert desk.review(ids["never-confirms"]).final()["01.09"] == "ok", (
            "the legacy override still counts"
        )
        status = desk.seal_status(ids["never-confirms"])
        assert status.before_sealing and not status.sealed_day
        assert [g.id for g in desk.grilles.rows()] == [1, 2] and all(
            g.row_hash for g in desk.grilles.rows()
        )
    finally:
        desk.close()
    code, _out, err = _main(
        capsys,
        monkeypatch,
        ADMIN_PASSPHRASE + "\n",
        "store",
        "migrate",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        str(path),
    )
    assert (code, err) == (0, f"Le magasin {path} est déjà à niveau : rien à faire.\n")


def test_a_legacy_assessor_gets_a_key_with_their_old_passphrase_and_then_signs(
    legacy, capsys, monkeypatch
):
    path, ids = legacy
    assert (
        _main(
            capsys,
            monkeypatch,
            ADMIN_PASSPHRASE + "\n",
            "store",
            "migrate",
            "Chef de centre",
            "--passphrase-stdin",
            "--store",
            str(path),
        )[0]
        == 0
    )
    desk = bare_desk(path)
    try:
        with pytest.raises(Exception) as refused:
            desk.login("Anne", PASSPHRASE)
        assert "date d'avant les signatures" in refused.value.message("fr")
        desk.login_admin("Chef de centre", ADMIN_PASSPHRASE)
        with pytest.raises(Exception) as wrong:
            desk.add_assessor("Chef de centre", "Anne", "une autre phrase secrète")
        assert "phrase secrète actuelle" in wrong.value.message("fr")
        desk.add_assessor("Chef de centre", "Anne", PASSPHRASE)
        desk.login("Anne", PASSPHRASE)
        desk.mark_reviewed("Anne", ids["ideal"])
        assert desk.verify_audit() is None
    finally:
        desk.close()


def test_an_unsigned_entry_after_the_migration_is_named(legacy, capsys, monkeypatch):
    path, _ids = legacy
    assert (
        _main(
            capsys,
            monkeypatch,
            ADMIN_PASSPHRASE + "\n",
            "store",
            "migrate",
            "Chef de centre",
            "--passphrase-stdin",
            "--store",
            str(path),
        )[0]
        == 0
    )
    conn = sqlite3.connect(path, isolation_level=None)
    seq, prev = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    digest = entry_hash(
        seq + 1, AT, "Anne", "reopen", "S-x", {"reason": "réclamation du candidat"}, prev
    )
    conn.execute(
        "INSERT INTO audit VALUES (?, ?, 'Anne', 'reopen', 'S-x', ?, ?, ?, '')",
        (seq + 1, AT, '{"reason":"réclamation du candidat"}', prev, digest),
    )
    conn.close()
    desk = bare_desk(path)
    try:
        found = desk.verify_audit()
        assert (found.seq, found.code) == (seq + 1, "unsigned")
    finally:
        desk.close()
