"""Assessor accounts: registered by an administrator, the passphrase kept only as an argon2id hash; a wrong one refused without saying which part was wrong."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from scoring.assessment.model import (
    ASSESSOR_ADDED,
    AssessorExists,
    AuthenticationFailed,
    InvalidAccount,
    UnknownAssessor,
)
from tests.assessment.desk_support import (
    ADMIN,
    PASSPHRASE,
    T_REVIEW,
    TEST_KEYS,
    memory_desk,
    sqlite_desk,
    sqlite_store,
)


def test_the_stored_hash_is_argon2id_with_the_default_costs_and_never_the_passphrase(tmp_path):
    from scoring.assessment.desk import ReviewDesk
    from simulator.engine.clock import ManualClock

    path = tmp_path / "callsim.sqlite3"
    sqlite_store(path)
    with ReviewDesk.open(path, ManualClock(T_REVIEW), keys=TEST_KEYS) as desk:
        desk.init_store(ADMIN, PASSPHRASE)
        desk.add_assessor(ADMIN, "Claire Dubois", PASSPHRASE)
        stored = desk.audit.assessor_hash("Claire Dubois")
        assert stored.startswith("$argon2id$")
        assert PASSPHRASE not in stored
        assert PasswordHasher().verify(stored, PASSPHRASE)
        assert not PasswordHasher().check_needs_rehash(stored), (
            "the desk uses argon2-cffi's recommended costs"
        )
        assert desk.login("Claire Dubois", PASSPHRASE) == "Claire Dubois"
    for name in ("callsim.sqlite3", "callsim.sqlite3-wal"):
        file = tmp_path / name
        if file.exists():
            assert PASSPHRASE.encode() not in file.read_bytes()


def test_a_wrong_passphrase_and_an_unknown_name_get_the_same_refusal():
    desk, _ids, _clock = memory_desk("Claire Dubois")
    with pytest.raises(AuthenticationFailed) as wrong:
        desk.login("Claire Dubois", PASSPHRASE + "!")
    with pytest.raises(UnknownAssessor) as unknown:
        desk.login("Claire Duboi", PASSPHRASE)
    assert (
        wrong.value.message("fr")
        == unknown.value.message("fr")
        == "Nom d'évaluateur ou phrase secrète incorrect."
    )
    assert wrong.value.message("en") == unknown.value.message("en")
    with pytest.raises(AuthenticationFailed):
        desk.login("Claire Dubois", "")


def test_creating_an_account_is_an_audit_entry_signed_by_the_administrator():
    desk, _ids, _clock = memory_desk()
    desk.add_assessor(ADMIN, "  Élodie Van den Berghe  ", PASSPHRASE)
    entry = desk.audit_entries()[-1]
    assert (entry.action, entry.assessor, entry.session_id) == (ASSESSOR_ADDED, ADMIN, "")
    assert (
        entry.payload["name"] == "Élodie Van den Berghe" and len(entry.payload["public_key"]) == 64
    )
    assert desk.integrity.registry().assessors == {
        "Élodie Van den Berghe": entry.payload["public_key"]
    }
    assert entry.at == "2026-01-06T14:00:00.000"
    assert desk.assessor_names() == ["Élodie Van den Berghe"]


@pytest.mark.parametrize(
    "name", ["A", "x" * 41, "Anne;DROP", "Anne/Marie", "", "   ", "Anne\tMarie"]
)
def test_names_outside_the_rules_are_refused(name):
    desk, _ids, _clock = memory_desk()
    with pytest.raises(InvalidAccount) as refused:
        desk.add_assessor(ADMIN, name, PASSPHRASE)
    assert "De 2 à 40 caractères" in refused.value.message("fr")
    assert desk.assessor_names() == [] and [e.action for e in desk.audit_entries()] == [
        "admin_added"
    ]


@pytest.mark.parametrize("name", ["Jo", "J.-P. Dupont_2", "x" * 40, "Åsa Ørsted"])
def test_names_within_the_rules_are_accepted(name):
    desk, _ids, _clock = memory_desk()
    desk.add_assessor(ADMIN, name, PASSPHRASE)
    assert desk.login(name, PASSPHRASE) == name


def test_a_passphrase_needs_twelve_characters():
    desk, _ids, _clock = memory_desk()
    with pytest.raises(InvalidAccount) as refused:
        desk.add_assessor(ADMIN, "Claire", "onze carac.")
    assert "au moins 12 caractères" in refused.value.message("fr")
    desk.add_assessor(ADMIN, "Claire", "douze caract")
    assert desk.login("Claire", "douze caract") == "Claire"


def test_duplicate_names_are_refused_whatever_their_case(tmp_path):
    path = tmp_path / "callsim.sqlite3"
    sqlite_store(path)
    desk = sqlite_desk(path, "Claire Dubois")
    try:
        for name in ("Claire Dubois", "claire dubois"):
            with pytest.raises(AssessorExists) as refused:
                desk.add_assessor(ADMIN, name, PASSPHRASE)
            assert "« Claire Dubois » existe déjà" in refused.value.message("fr")
        with pytest.raises(AssessorExists):
            desk.audit.add_assessor("Claire Dubois", "$argon2id$other", "2026-01-06T14:00:00.000")
        assert desk.assessor_names() == ["Claire Dubois"]
        assert len(desk.audit_entries()) == 2
    finally:
        desk.close()
