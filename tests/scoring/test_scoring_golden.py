"""Golden transcripts: a frozen journal scores to exactly the reviewed grille (see golden/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.bundles import load_epreuve
from scoring.grille import grille_pretty
from scoring.rubric_file import shipped_rubric
from scoring.score import rescore, score
from simulator.cli import main
from simulator.journal.jsonl import read_jsonl, verify_file
from tests.scoring.scoring_support import GOLDEN, REPO

CASES = [("never-confirms", 3), ("careless", 5)]
EPREUVE = GOLDEN / "epreuve" / "golden.yaml"


def _journal(name: str):
    doc = read_jsonl(GOLDEN / f"{name}.jsonl")
    assert doc.problem is None and doc.header is not None
    return doc.header, list(doc.events)


@pytest.mark.parametrize(("policy", "seed"), CASES)
def test_golden_journal_still_verifies(policy, seed):
    assert verify_file(GOLDEN / f"{policy}-seed{seed}.jsonl").ok


@pytest.mark.parametrize(("policy", "seed"), CASES)
def test_golden_journal_scores_to_the_reviewed_grille(policy, seed):
    name = f"{policy}-seed{seed}"
    header, events = _journal(name)
    expected = (GOLDEN / f"{name}.grille.json").read_text(encoding="utf-8")
    assert grille_pretty(score(header, events, shipped_rubric("1"))) == expected


@pytest.mark.parametrize(("policy", "seed"), CASES)
def test_rescoring_by_replay_rederives_the_same_evidence(policy, seed):
    name = f"{policy}-seed{seed}"
    header, events = _journal(name)
    journal = score(header, events, shipped_rubric("1"))
    replayed = rescore(header, events, load_epreuve(str(EPREUVE)), shipped_rubric("1"))
    assert (
        replayed["evidence_source"] == "replay" and replayed["replay"]["scenario_files"] == "same"
    )
    assert replayed["competencies"] == journal["competencies"]
    assert replayed["moments"] == journal["moments"]


@pytest.mark.parametrize(("policy", "seed"), CASES)
def test_simulating_again_gives_the_golden_journal_byte_for_byte(
    policy, seed, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(REPO)
    store = str(tmp_path / "journal.sqlite3")
    epreuve = str(EPREUVE.relative_to(REPO))
    assert (
        main(
            [
                "simulate",
                "--epreuve",
                epreuve,
                "--policy",
                policy,
                "--seed",
                str(seed),
                "--store",
                store,
            ]
        )
        == 0
    )
    session_id = capsys.readouterr().out.strip()
    out = tmp_path / "again.jsonl"
    assert main(["transcript", "export", session_id, "-o", str(out), "--store", store]) == 0
    assert out.read_bytes() == (GOLDEN / f"{policy}-seed{seed}.jsonl").read_bytes()


def test_golden_files_are_small():
    assert all(path.stat().st_size < 80_000 for path in Path(GOLDEN).glob("*.json*"))
