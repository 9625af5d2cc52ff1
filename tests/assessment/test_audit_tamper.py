"""Tampering with the audit log behind the desk's back (raw SQLite, triggers dropped) is detected and located.

The log holds eight entries: the administrator (1), two accounts (2, 3), three overrides (4, 5, 6) and
two reviews (7, 8).
Each case alters it the way someone with the file would, and checks the first bad ``seq`` and the
kind of reason given.
"""

from __future__ import annotations

import json

import pytest

from scoring.assessment.audit_store import entry_hash
from simulator.cli import main
from tests.assessment.desk_support import bare_desk, sqlite_desk, sqlite_store, tamper_audit

_COLUMNS = "at, assessor, action, session_id, payload, prev_hash, hash"
_LAST = 8


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "callsim.sqlite3"
    ids = sqlite_store(path)
    desk = sqlite_desk(path, "Anne", "Bruno")
    session = ids["never-confirms"]
    desk.override("Anne", session, "01.09", "OK", "confirmation audible à la réécoute")
    desk.override("Anne", session, "02.04", "OK", "reformulation complète du besoin")
    desk.override("Bruno", session, "01.08", "NOK", "prise de congé absente")
    desk.mark_reviewed("Anne", session)
    desk.mark_reviewed("Bruno", session)
    assert [e.seq for e in desk.audit_entries()] == list(range(1, _LAST + 1))
    assert desk.verify_audit() is None
    desk.close()
    return path


def _verify(path):
    desk = bare_desk(path)
    try:
        return desk.verify_audit()
    finally:
        desk.close()


def _renumber(shift_from: int, by: int) -> list[tuple[str, tuple]]:
    """Move entries ``seq >= shift_from`` by ``by`` without colliding on the primary key."""
    return [
        ("UPDATE audit SET seq = -(seq + ?) WHERE seq >= ?", (by, shift_from)),
        ("UPDATE audit SET seq = -seq WHERE seq < 0", ()),
    ]


def test_an_edited_payload_is_located(store):
    tamper_audit(
        store,
        ("UPDATE audit SET payload = replace(payload, '\"ok\"', '\"nok\"') WHERE seq = 4", ()),
    )
    found = _verify(store)
    assert (found.seq, found.code) == (4, "modified")
    assert (
        "L'entrée n° 4 a été modifiée" in found.reason_fr
        and "Entry #4 was modified" in found.reason_en
    )


@pytest.mark.parametrize(
    "column, value",
    [
        ("assessor", "Claire"),
        ("at", "2026-01-07T09:00:00.000"),
        ("action", "sign"),
        ("session_id", "S-other"),
    ],
)
def test_any_edited_field_is_located(store, column, value):
    tamper_audit(store, (f"UPDATE audit SET {column} = ? WHERE seq = 5", (value,)))
    assert (_verify(store).seq, _verify(store).code) == (5, "modified")


def test_an_unreadable_payload_is_located_not_a_crash(store):
    tamper_audit(store, ("UPDATE audit SET payload = CAST(x'7b22ff' AS TEXT) WHERE seq = 3", ()))
    assert (_verify(store).seq, _verify(store).code) == (3, "modified")


def test_a_deleted_entry_is_located(store):
    tamper_audit(store, ("DELETE FROM audit WHERE seq = 3", ()))
    found = _verify(store)
    assert (found.seq, found.code) == (3, "missing")
    assert "L'entrée n° 3 manque" in found.reason_fr


def test_a_deleted_entry_with_the_rest_renumbered_is_located(store):
    tamper_audit(store, ("DELETE FROM audit WHERE seq = 3", ()), *_renumber(4, -1))
    found = _verify(store)
    assert (found.seq, found.code) == (3, "deleted")
    assert "ancienne entrée n° 4" in found.reason_fr


def test_two_swapped_entries_are_located(store):
    tamper_audit(
        store,
        ("UPDATE audit SET seq = 0 WHERE seq = 4", ()),
        ("UPDATE audit SET seq = 4 WHERE seq = 5", ()),
        ("UPDATE audit SET seq = 5 WHERE seq = 0", ()),
    )
    found = _verify(store)
    assert (found.seq, found.code) == (4, "swapped")
    assert (
        "n° 4 et n° 5 ont été permutées" in found.reason_fr
        and "#4 and #5 were swapped" in found.reason_en
    )


def test_a_forged_entry_with_a_made_up_hash_is_located(store):
    forge = (
        f"INSERT INTO audit (seq, {_COLUMNS}) SELECT 9, at, 'Bruno', 'sign', session_id, "
        '\'{"grille_sha256":""}\', hash, ? FROM audit WHERE seq = 8'
    )
    tamper_audit(store, (forge, ("f" * 64,)))
    assert (_verify(store).seq, _verify(store).code) == (9, "modified")


def test_a_well_forged_entry_inserted_in_the_middle_is_located(store):
    """The forger knows the hash formula and links the entry to #3; the entries after it are renumbered."""
    import sqlite3

    conn = sqlite3.connect(store)
    at, session, prev = conn.execute(
        "SELECT at, session_id, hash FROM audit WHERE seq = 3"
    ).fetchone()
    conn.close()
    payload = {
        "competency": "03.01",
        "verdict": "nok",
        "previous": "ok",
        "automatic": "ok",
        "reason": "forgé",
    }
    forged = entry_hash(4, at, "Bruno", "override", session, payload, prev)
    tamper_audit(
        store,
        *_renumber(4, 1),
        (
            f"INSERT INTO audit (seq, {_COLUMNS}) VALUES (4, ?, 'Bruno', 'override', ?, ?, ?, ?)",
            (at, session, json.dumps(payload), prev, forged),
        ),
    )
    found = _verify(store)
    assert (found.seq, found.code) == (4, "inserted")
    assert "L'entrée n° 4 a été insérée" in found.reason_fr


def test_a_well_forged_entry_appended_with_a_wrong_link_is_located(store):
    forged = entry_hash(9, "2026-01-07T09:00:00.000", "Bruno", "sign", "S-x", {}, "e" * 64)
    forge = (
        f"INSERT INTO audit (seq, {_COLUMNS}) VALUES (9, '2026-01-07T09:00:00.000', 'Bruno', "
        "'sign', 'S-x', '{}', ?, ?)"
    )
    tamper_audit(store, (forge, ("e" * 64, forged)))
    found = _verify(store)
    assert (found.seq, found.code) == (9, "unlinked")
    assert "ne fait pas suite à l'entrée n° 8" in found.reason_fr


@pytest.mark.parametrize(
    "lang, intact, broken",
    [
        (
            "fr",
            "OK : chaîne d'audit intacte (8 entrées).",
            "ÉCHEC : chaîne d'audit rompue à l'entrée n° 5.",
        ),
        ("en", "OK: audit chain intact (8 entries).", "FAILED: audit chain broken at entry #5."),
    ],
)
def test_audit_verify_reports_the_first_bad_entry(store, capsys, lang, intact, broken):
    assert main(["audit", "verify", "--store", str(store), "--lang", lang]) == 0
    assert capsys.readouterr().out.strip() == intact
    tamper_audit(
        store,
        ("UPDATE audit SET payload = replace(payload, 'complète', 'partielle') WHERE seq = 5", ()),
    )
    assert main(["audit", "verify", "--store", str(store), "--lang", lang]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == broken
    assert ("modifiée" if lang == "fr" else "modified") in out
