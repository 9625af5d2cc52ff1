"""Rescoring finds the épreuve's files once per batch, and never trusts a file changed since.

A batch rescoring many sessions of one épreuve loads its files once; every session after the first
takes the loaded bundle only while each of its files (the épreuve's and every scenario's) is the
file it was read from. A file changed in between — the épreuve or one scenario, even in the same
second and the same process — is loaded again, so the session is replayed on the files as they now
are, and the grille says they changed.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from scoring.batch import Job, score_session
from scoring.bundles import bundle_for, load_epreuve
from scoring.rubric_file import default_rubric
from scoring.transcripts import StoreTranscripts
from simulator.engine import bundle_cache
from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = Path("inbound") / "maison-lumiere-livraison.yaml"


@pytest.fixture
def played(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of the practice épreuve and its scenarios, and a journal of two sessions played on it."""
    for folder in ("epreuves", "inbound", "outbound", "admin"):
        shutil.copytree(ROOT / "scenarios" / folder, tmp_path / "lib" / folder)
    monkeypatch.setenv(bundle_cache.CACHE_ENV, str(tmp_path / "cache"))
    epreuve = tmp_path / "lib" / "epreuves" / "practice.yaml"
    store, bundle = MemoryJournalStore(), load_bundle(epreuve)
    for seed in (1, 2):
        clock = ManualClock(datetime(2026, 1, 5, 9))
        session = EpreuveSession.start(
            bundle, store=store, clock=clock, candidate_id=f"F-{seed}", seed=seed
        )
        play_epreuve(session, policy_factory("ideal", seed), clock)
        session.close()
    return tmp_path / "lib", store


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(text)


def _rescore_all(store: MemoryJournalStore, job: Job) -> list[str]:
    """Each session's stated scenario files (``same``/``changed``), in session order."""
    source = StoreTranscripts(store)
    said = []
    for session_id in store.session_ids():
        outcome = score_session(source, session_id, job)
        assert outcome.grille is not None, outcome.reason("en")
        said.append(outcome.grille.grille_json.split('"scenario_files":"')[1].split('"')[0])
    return said


def test_unchanged_files_are_loaded_once_and_not_replayed(played, replays):
    _lib, store = played
    header = store.header(store.session_ids()[0])
    assert bundle_for(header) is bundle_for(header)
    job = Job("", default_rubric(), "replay")
    assert _rescore_all(store, job) == ["same", "same"]
    assert replays == []


@pytest.mark.parametrize("changed", [SCENARIO, Path("epreuves") / "practice.yaml"])
def test_a_file_changed_between_two_sessions_is_loaded_again_and_the_session_replayed(
    played, replays, changed
):
    lib, store = played
    job = Job("", default_rubric(), "replay")
    first, second = store.session_ids()
    before = bundle_for(store.header(first))
    assert _rescore_all(store, job)[0] == "same"

    _append(lib / changed, "\n# relu par le formateur\n")
    after = bundle_for(store.header(second))
    assert after is not before
    assert (after.sha256, after.scenario_hashes()) != (before.sha256, before.scenario_hashes())
    assert _rescore_all(store, job) == ["changed", "changed"]
    assert sorted(replays) == sorted([first, second])


def test_a_file_written_again_with_the_same_bytes_is_still_the_same_epreuve(played, replays):
    lib, store = played
    header = store.header(store.session_ids()[0])
    before = bundle_for(header)
    (lib / SCENARIO).write_bytes((lib / SCENARIO).read_bytes())
    after = bundle_for(header)
    assert after.scenario_hashes() == before.scenario_hashes()
    assert _rescore_all(store, Job("", default_rubric(), "replay")) == ["same", "same"]
    assert replays == []


def test_a_scenario_file_gone_after_loading_is_not_taken_from_memory(played):
    lib, store = played
    epreuve = str(lib / "epreuves" / "practice.yaml")
    load_epreuve(epreuve)
    (lib / SCENARIO).unlink()
    source = StoreTranscripts(store)
    outcome = score_session(source, store.session_ids()[0], Job("", default_rubric(), "replay"))
    assert outcome.grille is None
    assert outcome.code == "invalid-epreuve"
