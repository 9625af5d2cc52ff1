"""Grilles are stored append-only beside the journal, which keeps passing its own self-check."""

from __future__ import annotations

import sqlite3

import pytest

from scoring.rubric_file import default_rubric
from scoring.score import score
from scoring.storage import MemoryGrilleStore, SqliteGrilleStore, stored
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.scoring.scoring_support import practice, simulated, sqlite_journal


def _grille(policy="ideal", seed=1):
    header, events = simulated(practice(), policy, seed)
    return score(header, list(events), default_rubric())


@pytest.mark.parametrize("kind", ["sqlite", "memory"])
def test_latest_history_and_scored_sessions(tmp_path, kind):
    path = tmp_path / "journal.sqlite3"
    sqlite_journal(path, [])
    grilles = SqliteGrilleStore(path) if kind == "sqlite" else MemoryGrilleStore()
    first, second = stored(_grille("ideal", 1)), stored(_grille("careless", 1))
    assert grilles.put([first, second], "2026-01-05T10:00:00.000") == 2
    again = stored(_grille("ideal", 1))
    assert grilles.put([again], "2026-01-05T11:00:00.000") == 1
    assert grilles.latest(first.session_id).stored_at == "2026-01-05T11:00:00.000"
    assert [g.stored_at for g in grilles.history(first.session_id)] == [
        "2026-01-05T10:00:00.000",
        "2026-01-05T11:00:00.000",
    ]
    assert grilles.scored_session_ids() == [first.session_id, second.session_id]
    assert grilles.latest("S-none") is None
    assert grilles.latest(first.session_id).same_basis(first)
    assert grilles.latest(first.session_id).grille() == _grille("ideal", 1)
    grilles.close()


def test_stored_grille_records_rubric_version_and_journal_head():
    grille = _grille("never-confirms", 2)
    row = stored(grille)
    assert (row.rubric_id, row.rubric_version, row.rubric_sha256) == (
        "criteres",
        "2.0.0",
        default_rubric().sha256,
    )
    _header, events = simulated(practice(), "never-confirms", 2)
    assert row.journal_head == events[-1].hash and row.journal_events == len(events)
    assert row.verdict == "nok" and row.evidence_source == "journal"


def test_the_grilles_table_is_append_only_and_the_journal_still_opens(tmp_path):
    path = tmp_path / "journal.sqlite3"
    sqlite_journal(path, [("ideal", 1)])
    with SqliteGrilleStore(path) as grilles:
        grilles.put([stored(_grille())], "2026-01-05T10:00:00.000")
    with SqliteJournalStore(
        path, create=False
    ) as store:  # the journal's self-check accepts the extra table
        store.check()
    conn = sqlite3.connect(path)
    for sql in ("UPDATE grilles SET verdict = 'ok'", "DELETE FROM grilles"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)
    conn.close()
