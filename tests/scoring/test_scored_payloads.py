"""Scoring and rescoring parse each stored payload they read once, and give the grille of the fully read journal.

The fast reader hands out payloads as their stored bytes; scoring parses those it needs as it goes
and keeps none of them on the events. Were a later step to read such a payload again, it would be
parsed twice: these tests count the parses, for scoring and for rescoring without a replay, and
hold the grille to the one scored from the journal's own reader, byte for byte.
"""

from __future__ import annotations

from collections import Counter

import pytest

import scoring.transcripts as transcripts
from scoring.batch import Job, score_session
from scoring.rubric_file import default_rubric
from scoring.transcripts import SqliteTranscripts, StoreTranscripts
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.scoring.scoring_support import sqlite_journal


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    path = tmp_path_factory.mktemp("payloads") / "journal.sqlite3"
    return path, sqlite_journal(path, [("ideal", 1), ("careless", 2)])


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How many times each stored payload (each event's own bytes, alive while it is scored) was parsed."""
    seen: Counter[int] = Counter()
    real = transcripts._read

    def counted(raw: bytes):
        seen[id(raw)] += 1
        return real(raw)

    monkeypatch.setattr(transcripts, "_read", counted)
    return seen


@pytest.mark.parametrize("source", ["journal", "replay"])
def test_each_payload_is_parsed_at_most_once_and_the_grille_is_the_fully_read_journals(
    journal, parses, source
):
    path, ids = journal
    job = Job(str(path), default_rubric(), source)
    fast = SqliteTranscripts(path)
    generic = StoreTranscripts(SqliteJournalStore(path, create=False))
    try:
        for session_id in ids:
            parses.clear()
            taken = score_session(fast, session_id, job)
            assert parses and max(parses.values()) == 1
            expected = score_session(generic, session_id, job)
            assert taken.grille is not None and expected.grille is not None
            assert taken.grille.grille_json == expected.grille.grille_json
    finally:
        fast.close()
        generic.close()
