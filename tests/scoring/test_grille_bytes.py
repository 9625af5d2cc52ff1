"""A grille's stored bytes are the standard library's canonical JSON, and a forged unreadable payload is refused.

``grille_bytes`` looks for floats, tuples and subclasses only where a grille keeps a value read
from the journal as it was read; everything else is built through ``str()``, seqs and counts.
These tests hold that on real grilles, and show the standard form taken when a journal value is odd.
"""

from __future__ import annotations

import copy
import json
import sqlite3

import pytest

from scoring.batch import Job, score_session
from scoring.fastjson import odd
from scoring.grille import grille_bytes
from scoring.rubric_file import default_rubric
from scoring.transcripts import SqliteTranscripts, envelope_hash
from tests.scoring.scoring_support import practice, simulated_grille, sqlite_journal, tamper

_STD = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
_POLICIES = [("ideal", 1), ("careless", 2), ("never-confirms", 3), ("keyword-stuffer", 1)]


def _std(grille: dict) -> bytes:
    return _STD.encode(grille).encode("utf-8")


@pytest.mark.parametrize(("policy", "seed"), _POLICIES)
def test_real_grilles_hold_only_plain_json_and_are_written_in_the_standard_form(policy, seed):
    grille = simulated_grille(practice(), policy, seed)
    assert not odd(grille)  # nothing anywhere that would need the standard library's writer
    assert grille_bytes(grille) == _std(grille)


def _with_evidence(grille: dict) -> tuple[dict, dict]:
    changed = copy.deepcopy(grille)
    entry = next(e for c in changed["competencies"] for e in c["evidence"])
    return changed, entry


@pytest.mark.parametrize(
    "change",
    [
        lambda g, e: e.__setitem__("detail", {"share": 1e-05}),
        lambda g, e: e.__setitem__("explanation", {"fr": "x", "en": 1e16}),
        lambda g, e: e.__setitem__("detail", {"values": (1, 2.5e-07)}),
        lambda g, e: g["moments"][0].__setitem__("contact", 2.5e-07),
        lambda g, e: g["session"].__setitem__("candidate_id", 1e22),
        lambda g, e: g["competencies"][0].__setitem__("reason", {"code": "ok", "fr": 1e-06}),
    ],
)
def test_a_value_read_from_the_journal_that_json_writes_its_own_way_takes_the_standard_form(
    change,
):
    grille, entry = _with_evidence(simulated_grille(practice(), "careless", 2))
    change(grille, entry)
    assert odd(grille)
    assert grille_bytes(grille) == _std(grille)


def _forge(path, session_id: str, seq: int, payload: bytes) -> None:
    """Replace one payload and recompute the chain from there on, as a forger would."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT seq, at, type, CAST(payload AS BLOB), prev_hash FROM events "
        "WHERE session_id = ? AND seq >= ? ORDER BY seq",
        (session_id, seq),
    ).fetchall()
    conn.close()
    updates, prev = [], rows[0][4]
    for number, at, type_, raw, _link in rows:
        raw = payload if number == seq else raw
        digest = envelope_hash(prev, session_id, number, at, type_, raw)
        updates.append((raw, prev, digest, session_id, number))
        prev = digest
    for raw, link, digest, sid, number in updates:
        tamper(
            path,
            "UPDATE events SET payload = CAST(? AS TEXT), prev_hash = ?, hash = ? "
            "WHERE session_id = ? AND seq = ?",
            raw,
            link,
            digest,
            sid,
            number,
        )


@pytest.mark.parametrize(
    "forged",
    [b'{"evidence":[{"competency":"01.01","effect":"\xa0"}]}', b'{"evidence":[{"effect":'],
)
def test_a_chain_forged_over_an_unreadable_payload_is_refused_not_a_crash(tmp_path, forged):
    path = tmp_path / "journal.sqlite3"
    (session_id,) = sqlite_journal(path, [("ideal", 1)])
    conn = sqlite3.connect(path)
    (seq,) = conn.execute(
        "SELECT min(seq) FROM events WHERE session_id = ? AND payload LIKE '%\"evidence\":[{%'",
        (session_id,),
    ).fetchone()
    conn.close()
    _forge(path, session_id, seq, forged)
    source = SqliteTranscripts(path)
    try:
        assert source.verified(session_id).events  # the chain holds over the forged bytes
        outcome = score_session(source, session_id, Job(str(path), default_rubric()))
    finally:
        source.close()
    assert outcome.grille is None
    assert outcome.code.startswith("journal-")
    assert outcome.reason("fr").startswith("le journal ne passe pas la vérification")
    assert outcome.reason("nl").startswith("het journaal doorstaat de controle niet")
