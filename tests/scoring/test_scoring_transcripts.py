"""Verified reading: the fast SQLite reader agrees with the journal's own verification, and refuses what it refuses."""

from __future__ import annotations

import pickle

import pytest

from scoring.batch import Job, score_session
from scoring.grille import grille_bytes
from scoring.rubric_file import default_rubric
from scoring.score import score
from scoring.transcripts import Refused, SqliteTranscripts, StoreTranscripts, envelope_hash
from simulator.journal.canonical import canonical_text, event_hash_from_text
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import verify_session
from tests.scoring.scoring_support import sqlite_journal, tamper


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    path = tmp_path_factory.mktemp("transcripts") / "journal.sqlite3"
    return path, sqlite_journal(path, [("ideal", 1), ("careless", 2)])


def test_fast_and_generic_readers_give_the_same_transcript_and_grille(journal):
    path, ids = journal
    fast, generic = (
        SqliteTranscripts(path),
        StoreTranscripts(SqliteJournalStore(path, create=False)),
    )
    try:
        for session_id in ids:
            a, b = fast.verified(session_id), generic.verified(session_id)
            assert a.header == b.header
            assert [
                (e.session_id, e.seq, e.at, e.type, dict(e.payload), e.prev_hash, e.hash)
                for e in a.events
            ] == [
                (e.session_id, e.seq, e.at, e.type, dict(e.payload), e.prev_hash, e.hash)
                for e in b.events
            ]
            fresh = fast.verified(session_id)
            assert grille_bytes(
                score(fresh.header, fresh.events, default_rubric())
            ) == grille_bytes(score(b.header, b.events, default_rubric()))
    finally:
        fast.close()
        generic.close()


def test_the_fast_hash_is_the_journals_hash(journal):
    path, ids = journal
    with SqliteJournalStore(path, create=False) as store:
        for event in store.events(ids[0]):
            text = canonical_text(dict(event.payload))
            assert (
                envelope_hash(
                    event.prev_hash, event.session_id, event.seq, event.at, event.type, text
                )
                == event.hash
            )
    odd = ("p" * 64, "S-é", 7, "2026-01-05T09:00:00.000", "action", '{"t":"l\'été « ok »"}')
    assert envelope_hash(*odd) == event_hash_from_text(*odd)
    with pytest.raises(ValueError):
        envelope_hash("p" * 64, "S-1", 1, 'bad"quote', "action", "{}")


def _copy(journal, tmp_path):
    path, ids = journal
    target = tmp_path / "copy.sqlite3"
    with SqliteJournalStore(path, create=False):
        pass
    import sqlite3

    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target, ids


@pytest.mark.parametrize(
    ("sql", "code"),
    [
        (
            (
                'UPDATE events SET payload = replace(payload, \'"effect":"negative"\', \'"effect":"positive"\') '
                'WHERE session_id = ? AND payload LIKE \'%"effect":"negative"%\''
            ),
            "journal-hash_mismatch",
        ),
        ("DELETE FROM events WHERE session_id = ? AND seq = 5", "journal-missing"),
        (
            "UPDATE events SET payload = CAST(x'7b22a0227d' AS TEXT) WHERE session_id = ? AND seq = 3",
            "journal-unreadable_event",
        ),
    ],
)
def test_a_tampered_journal_is_refused_with_the_verifiers_reason(journal, tmp_path, sql, code):
    path, ids = _copy(journal, tmp_path)
    tamper(path, sql, ids[1])
    with SqliteJournalStore(path, create=False) as store:
        expected = verify_session(store, ids[1])
    assert not expected.ok
    source = SqliteTranscripts(path)
    try:
        with pytest.raises(Refused) as caught:
            source.verified(ids[1])
        assert caught.value.code == code
        assert (
            caught.value.message("fr")
            == f"le journal ne passe pas la vérification : {expected.reason}"
        )
        assert caught.value.message("en") == f"the journal fails verification: {expected.reason_en}"
        assert caught.value.message("nl").startswith("het journaal doorstaat de controle niet: ")
        assert (
            pickle.loads(pickle.dumps(caught.value.why)) == caught.value.why
        )  # workers send it back whole
        assert source.verified(ids[0]).header.session_id == ids[0]  # the other session is untouched
    finally:
        source.close()


def test_unfinished_and_unknown_sessions_are_refused(tmp_path):
    from simulator.engine.clock import ManualClock
    from simulator.engine.session import EpreuveSession
    from tests.scoring.scoring_support import T0, bundle, practice

    path = tmp_path / "journal.sqlite3"
    with SqliteJournalStore(path) as store:
        session = EpreuveSession.start(
            bundle(practice()), store=store, clock=ManualClock(T0), candidate_id="C", seed=1
        )
        session.close()
    source = SqliteTranscripts(path)
    job = Job(str(path), default_rubric())
    try:
        unfinished = score_session(source, session.session_id, job)
        assert unfinished.code == "unfinished" and unfinished.grille is None
        assert (
            unfinished.reason("fr")
            == "l'épreuve n'est pas terminée : reprenez-la avant de la noter"
        )
        assert (
            unfinished.reason("nl")
            == "de proef is niet afgelopen: hervat ze voordat u ze beoordeelt"
        )
        unknown = pickle.loads(
            pickle.dumps(score_session(source, "S-nope", job))
        )  # as a worker sends it back
        assert (unknown.code, unknown.reason("en")) == ("unknown-session", "unknown session")
    finally:
        source.close()
