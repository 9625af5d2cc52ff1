"""Discrimination: the scorer tells the ideal candidate, the careless one and a single flaw apart, over many seeds.

Runs on every shipped épreuve present (the practice épreuve, and the standard one once it exists):

* the ideal candidate gets OK on every competency the épreuve's scenarios claim to assess;
* the careless candidate gets NOK on the large majority of them (70 % at least: a random path
  sometimes skips a part of a conversation, which leaves a competency not observed, not OK);
* *never-confirms* gets NOK on exactly the confirmation competencies (01.09 inbound, 02.04
  outbound) the épreuve assesses, and OK on every other one.
"""

from __future__ import annotations

import pytest

from tests.scoring.scoring_support import (
    CONFIRM_CODES,
    bundle,
    covered,
    epreuve_files,
    simulated_grille,
    verdicts,
)

#: Seeds per épreuve: all ten on the short practice épreuve, fewer on the long ones (each run replays a shift).
SEEDS = {"practice": range(1, 11)}
OTHER_SEEDS = range(1, 4)

CASES = [(path, seed) for path in epreuve_files() for seed in SEEDS.get(path.stem, OTHER_SEEDS)]
IDS = [f"{path.stem}-seed{seed}" for path, seed in CASES]


@pytest.mark.parametrize(("path", "seed"), CASES, ids=IDS)
def test_ideal_candidate_gets_ok_on_every_covered_competency(path, seed):
    assessed = covered(bundle(str(path)))
    got = verdicts(simulated_grille(str(path), "ideal", seed))
    assert {code: got[code] for code in sorted(assessed) if got[code] != "ok"} == {}
    assert all(verdict == "not_observed" for code, verdict in got.items() if code not in assessed)


@pytest.mark.parametrize(("path", "seed"), CASES, ids=IDS)
def test_careless_candidate_gets_nok_on_the_large_majority(path, seed):
    assessed = covered(bundle(str(path)))
    got = verdicts(simulated_grille(str(path), "careless", seed))
    nok = sorted(code for code in assessed if got[code] == "nok")
    assert len(nok) >= 0.70 * len(assessed), f"only {len(nok)} NOK of {len(assessed)}: {nok}"
    assert simulated_grille(str(path), "careless", seed)["verdict"] == "nok"


@pytest.mark.parametrize(("path", "seed"), CASES, ids=IDS)
def test_never_confirms_is_nok_exactly_on_confirming_the_agreement(path, seed):
    assessed = covered(bundle(str(path)))
    got = verdicts(simulated_grille(str(path), "never-confirms", seed))
    assert {code for code in assessed if got[code] == "nok"} == CONFIRM_CODES & assessed
    assert {code for code in assessed - CONFIRM_CODES if got[code] != "ok"} == set()
