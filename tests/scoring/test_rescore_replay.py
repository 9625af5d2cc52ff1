"""Rescoring replays a journal only when the evidence could come out different, and gives the replay's grille.

A journal written by this version of callsim on the épreuve files it is rescored on holds exactly
the evidence a replay derives (the engine is deterministic): rescoring takes it, and the grille is
byte for byte the one the replay gives. Another callsim version, other épreuve files or
``--replay`` run the engine.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from scoring.batch import Job, score_session
from scoring.bundles import bundle_for
from scoring.grille import grille_bytes
from scoring.rubric_file import default_rubric
from scoring.score import rescore
from scoring.transcripts import SqliteTranscripts
from tests.scoring.scoring_support import sqlite_journal

_RUNS = [("ideal", 1), ("careless", 2), ("never-confirms", 3), ("keyword-stuffer", 4)]


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    path = tmp_path_factory.mktemp("rescore") / "journal.sqlite3"
    return path, sqlite_journal(path, _RUNS)


def test_rescoring_without_replay_gives_the_replays_grille_byte_for_byte(journal):
    path, ids = journal
    source = SqliteTranscripts(path)
    try:
        for session_id in ids:
            taken = score_session(source, session_id, Job(str(path), default_rubric(), "replay"))
            replayed = score_session(
                source,
                session_id,
                Job(str(path), default_rubric(), "replay", force_replay=True),
            )
            assert taken.grille is not None and replayed.grille is not None
            assert taken.grille.grille_json == replayed.grille.grille_json
            assert taken.grille.evidence_source == "replay"
    finally:
        source.close()


def test_the_engine_replays_only_when_the_version_or_the_files_changed_or_when_asked(
    journal, replays
):
    path, ids = journal
    source = SqliteTranscripts(path)
    try:
        transcript = source.verified(ids[1])
    finally:
        source.close()
    header, events = transcript.header, transcript.events
    bundle = bundle_for(header)
    rubric = default_rubric()

    same = rescore(header, events, bundle, rubric)
    assert replays == []
    older = rescore(replace(header, app_version="0.0.1"), events, bundle, rubric)
    assert len(replays) == 1
    other_files = rescore(replace(header, epreuve_hash="0" * 64), events, bundle, rubric)
    assert len(replays) == 2
    asked = rescore(header, events, bundle, rubric, replay=True)
    assert len(replays) == 3

    assert grille_bytes(asked) == grille_bytes(same)
    # the replay on the files the session was played on finds the evidence the journal holds
    assert older["competencies"] == same["competencies"]
    assert other_files["replay"]["scenario_files"] == "changed"
    assert same["replay"]["scenario_files"] == "same"
