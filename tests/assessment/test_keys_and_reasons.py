"""Signing keys (encrypted under the passphrase, never in the store), removed assessors, receipts and reasons."""

from __future__ import annotations

import json
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.assessment.keys import (
    DEFAULT_KDF,
    KdfParams,
    KeyRing,
    KeyUnavailable,
    fingerprint,
    public_hex,
)
from scoring.assessment.model import AuthenticationFailed, ReasonRequired
from scoring.assessment.reasons import cleaned_reason, meaningful_reason
from simulator.i18n import Message
from simulator.journal.receipt import code_of, normalised_code
from tests.assessment.desk_support import ADMIN, PASSPHRASE, memory_desk

CHEAP = KdfParams(time_cost=1, memory_cost=8, parallelism=1)


def test_the_default_key_derivation_costs_are_rfc_9106s():
    """argon2id, 3 passes over 64 MiB with 4 lanes (RFC 9106, second recommended option); tests inject cheaper ones."""
    assert (KdfParams().time_cost, KdfParams().memory_cost, KdfParams().parallelism) == (
        3,
        65536,
        4,
    )
    assert KdfParams() != DEFAULT_KDF, "the test run derives with cheap costs (tests/conftest.py)"


def test_a_key_file_is_private_and_holds_no_private_key_in_clear(tmp_path):
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    ring = KeyRing(tmp_path / "keys", CHEAP)
    key = ring.create(PASSPHRASE)
    path = tmp_path / "keys" / f"{fingerprint(public_hex(key))}.key"
    assert (
        stat.S_IMODE(path.stat().st_mode) == 0o600
        and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    )
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    data = path.read_bytes()
    assert raw not in data and raw.hex().encode() not in data and PASSPHRASE.encode() not in data
    assert json.loads(data)["kdf"] == {"t": 1, "m": 8, "p": 1}
    assert public_hex(ring.unlock(public_hex(key), PASSPHRASE)) == public_hex(key)
    with pytest.raises(KeyUnavailable) as refused:
        ring.unlock(public_hex(key), PASSPHRASE + "!")
    assert refused.value.message("en") == "The passphrase does not open the signing key."


def test_the_store_keeps_public_keys_only(tmp_path):
    from tests.assessment.desk_support import sqlite_desk, sqlite_store

    path = tmp_path / "callsim.sqlite3"
    sqlite_store(path)
    desk = sqlite_desk(path, "Anne")
    public = desk.integrity.registry().assessors["Anne"]
    key = desk._unlocked["Anne"]
    desk.close()
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert public.encode() in stored and raw not in stored and raw.hex().encode() not in stored


def test_a_removed_assessor_cannot_act_but_their_past_signatures_still_verify():
    desk, ids, _clock = memory_desk("Anne", "Bruno")
    session = ids["never-confirms"]
    desk.override("Anne", session, "01.09", "OK", "accord confirmé à la réécoute de l'appel")
    entry = desk.remove_assessor(ADMIN, "Anne")
    assert (entry.action, entry.assessor, entry.payload) == (
        "assessor_removed",
        ADMIN,
        {"name": "Anne"},
    )
    assert desk.verify_audit() is None and desk.review(session).overrides[0].assessor == "Anne"
    assert desk.assessor_names() == ["Bruno"]
    with pytest.raises(Exception) as refused:
        desk.override("Anne", session, "02.04", "OK", "reformulation complète du besoin")
    assert "Évaluateur inconnu" in refused.value.message("fr")
    with pytest.raises(AuthenticationFailed) as gone:
        desk.login("Anne", PASSPHRASE)
    assert "retiré par un administrateur" in gone.value.message("fr")


def test_only_a_signed_in_administrator_registers_or_removes():
    desk, _ids, _clock = memory_desk("Anne")
    desk._unlocked.pop(ADMIN)
    with pytest.raises(Exception) as refused:
        desk.add_assessor(ADMIN, "Bruno", PASSPHRASE)
    assert refused.value.code == "not_administrator"
    with pytest.raises(Exception) as not_admin:
        desk.add_assessor("Anne", "Bruno", PASSPHRASE)
    assert not_admin.value.code == "not_administrator"
    assert [e.action for e in desk.audit_entries()] == ["admin_added", "assessor_added"]


# -- receipts --------------------------------------------------------------------------------------

HEADS = st.binary(min_size=32, max_size=32).map(bytes.hex)


def test_a_receipt_reads_like_the_example_and_forgives_how_it_is_typed():
    code = code_of("ab" * 32)
    assert len(code) == 14 and code.count("-") == 2 and code == code.upper()
    assert normalised_code(code.lower()) == code.replace("-", "")
    assert normalised_code(code.replace("-", " ").replace("0", "O")) == code.replace("-", "")
    assert normalised_code(code[:-1]) is None


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(head=HEADS, position=st.integers(0, 11), shift=st.integers(1, 30))
def test_one_wrong_character_is_caught_by_the_check_character(head, position, shift):
    from simulator.journal.receipt import ALPHABET

    text = code_of(head).replace("-", "")
    wrong = ALPHABET[(ALPHABET.index(text[position]) + shift) % 32]
    assert normalised_code(text[:position] + wrong + text[position + 1 :]) is None


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(head=HEADS, position=st.integers(0, 10))
def test_two_neighbours_swapped_are_caught_by_the_check_character(head, position):
    text = code_of(head).replace("-", "")
    swapped = text[:position] + text[position + 1] + text[position] + text[position + 2 :]
    if swapped != text:
        assert normalised_code(swapped) is None


# -- reasons ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reason",
    [
        ".",
        "\u200b",
        "ok",
        "vu",
        "\u200bvu\u200b \u200bok",
        "a b c d e f g h",
        "Confirmation entendue",
        "\u2060\ufeff \u00ad",
        "12345 67890 !!!!",
    ],
)
def test_reasons_that_say_nothing_are_refused(reason):
    with pytest.raises(ReasonRequired) as refused:
        meaningful_reason(reason, Message("An override needs a written reason"))
    assert refused.value.message("fr").startswith(
        "Une dérogation exige une raison écrite : au moins 3 mots et 15 lettres"
    )
    assert "at least 3 words and 15 letters" in refused.value.message("en")
    assert "minstens 3 woorden en 15 letters" in refused.value.message("nl")


def test_a_reason_is_kept_normalised_without_invisible_characters():
    typed = "  Ｃonfirmation\u200b entendue\u00a0à la\tréécoute  "
    assert cleaned_reason(typed) == "Confirmation entendue à la réécoute"
    assert (
        meaningful_reason(typed, Message("An override needs a written reason"))
        == "Confirmation entendue à la réécoute"
    )


def test_the_review_app_and_the_command_line_share_the_rule():
    """Both call the desk, whose override and re-open clean and check the reason with ``meaningful_reason``."""
    desk, ids, _clock = memory_desk("Anne")
    with pytest.raises(ReasonRequired):
        desk.override("Anne", ids["never-confirms"], "01.09", "OK", "\u200b.")
    done = desk.override(
        "Anne", ids["never-confirms"], "01.09", "OK", "accord\u200b confirmé à la réécoute"
    )
    assert done.reason == "accord confirmé à la réécoute"
