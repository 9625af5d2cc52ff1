"""The shipped épreuves as a jury would sign them: practising rehearses nothing of an exam, the
standard épreuve holds the strongest contacts and gives every competency three chances, the
long one has the official épreuve's length, and the ideal candidate passes both."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.bundle import load_bundle
from simulator.scenario.checker import FileCache, load_checked
from simulator.scenario.checker.coverage import coverage, load_epreuve_scenarios
from simulator.trainer.cue_analysis import play_grille

EPREUVES = Path(__file__).resolve().parents[2] / "scenarios" / "epreuves"


def _ids(name: str) -> set[str]:
    return {planned.scenario.id for planned in load_bundle(EPREUVES / f"{name}.yaml").contacts}


def test_the_practice_epreuve_shares_no_scenario_with_an_exam_epreuve():
    exams = [
        path.stem for path in EPREUVES.glob("*.yaml") if load_checked(path).model.mode == "exam"
    ]
    assert {"standard", "long"} <= set(exams)
    assert all(_ids("practice").isdisjoint(_ids(exam)) for exam in exams)


def test_the_standard_epreuve_holds_the_telesales_and_the_survey():
    assert {"assurance-televente-habitation", "garage-enquete-satisfaction"} <= _ids("standard")


@pytest.mark.parametrize("name", ["standard", "long"])
def test_every_competency_has_three_chances(name):
    cache = FileCache()
    loaded = cache.load(EPREUVES / f"{name}.yaml")
    matrix = coverage(load_epreuve_scenarios(loaded, cache), 3)
    assert set(matrix.short()) == set()


def test_the_long_epreuve_has_the_official_length_and_every_exam_contact():
    long = load_checked(EPREUVES / "long.yaml").model
    assert 255 <= long.time_limit_minutes <= 285
    assert _ids("standard") < _ids("long")


@pytest.mark.parametrize("seed", [1, 3])
def test_the_ideal_candidate_passes_the_long_epreuve(seed):
    verdicts = play_grille(load_bundle(EPREUVES / "long.yaml"), "ideal", seed)
    assert set(verdicts.values()) == {"ok"} and len(verdicts) == 23
