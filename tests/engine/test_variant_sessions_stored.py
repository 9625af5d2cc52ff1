"""A session with variants resumes, replays and rescores from a stored journal, whose header keeps its keys sorted.

The forms a candidate got are recorded in the session header; a SQLite or PostgreSQL store keeps the
header as canonical JSON, keys sorted, so a scenario whose dimensions are declared out of
alphabetical order comes back with them in another order. The form must be found all the same.
"""

from __future__ import annotations

from scoring.batch import Job, score_session
from scoring.rubric_file import default_rubric
from scoring.transcripts import SqliteTranscripts
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory
from tests.scoring.scoring_support import EPREUVES, T0, bundle

_STANDARD = str(EPREUVES / "standard.yaml")


def _out_of_order(drawn: dict[str, dict[str, str]]) -> list[str]:
    return [scenario for scenario, form in drawn.items() if list(form) != sorted(form)]


def test_a_stored_session_with_variants_resumes_on_the_forms_it_was_given(tmp_path):
    standard = bundle(_STANDARD)
    drawn = standard.draw(1)
    assert _out_of_order(drawn), "the standard épreuve declares some dimensions out of order"
    path = tmp_path / "journal.sqlite3"
    with SqliteJournalStore(path) as store:
        started = EpreuveSession.start(
            standard, store=store, clock=ManualClock(T0), candidate_id="C-1", seed=1
        )
        session_id = started.session_id
        started.close()
    with SqliteJournalStore(path, create=False) as store:
        assert list(store.header(session_id).extra["variants"]["garage-enquete-satisfaction"]) == (
            sorted(drawn["garage-enquete-satisfaction"])
        )
        resumed = EpreuveSession.resume(store, session_id, clock=ManualClock(T0), bundle=standard)
        given = standard.with_forms(drawn)
        assert [c.scenario for c in resumed.bundle.contacts] == [c.scenario for c in given.contacts]
        resumed.close()


def test_a_stored_session_with_variants_rescores_by_replay_as_the_journal_scored_it(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with SqliteJournalStore(path) as store:
        clock = ManualClock(T0)
        session = EpreuveSession.start(
            bundle(_STANDARD), store=store, clock=clock, candidate_id="C-2", seed=1
        )
        play_epreuve(session, policy_factory("ideal", 1), clock)
        session.close()
    source = SqliteTranscripts(path)
    try:
        scored = score_session(source, session.session_id, Job(str(path), default_rubric()))
        replayed = score_session(
            source,
            session.session_id,
            Job(str(path), default_rubric(), "replay", force_replay=True),
        )
    finally:
        source.close()
    assert replayed.grille is not None, replayed.reason("en")
    assert scored.grille is not None
    assert replayed.grille.grille()["competencies"] == scored.grille.grille()["competencies"]
