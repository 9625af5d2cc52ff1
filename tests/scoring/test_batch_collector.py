"""Scoring pauses Python's cyclic garbage collector per session: safe because it leaves no cycle behind."""

from __future__ import annotations

import gc

import pytest

from scoring.batch import Job, score_session
from scoring.rubric_file import default_rubric
from scoring.transcripts import SqliteTranscripts
from tests.scoring.scoring_support import sqlite_journal


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    path = tmp_path_factory.mktemp("collector") / "journal.sqlite3"
    return path, sqlite_journal(path, [("ideal", 1), ("careless", 2)])


def test_scoring_leaves_no_cyclic_garbage_and_the_collector_as_it_found_it(journal):
    path, ids = journal
    source = SqliteTranscripts(path)
    job = Job(str(path), default_rubric())
    try:
        score_session(source, ids[0], job)  # first use: caches filled once
        gc.collect()
        for session_id in ids:
            assert score_session(source, session_id, job).grille is not None
            assert gc.isenabled()
        assert gc.collect() == 0  # everything scoring built was freed by reference counting
        gc.disable()
        try:
            score_session(source, ids[0], job)
            assert not gc.isenabled()  # a caller that paused it keeps it paused
        finally:
            gc.enable()
    finally:
        source.close()
