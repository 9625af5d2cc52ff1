"""Simulated candidates: seeded from the session seed (never the global generator), each with its one behaviour."""

from __future__ import annotations

import random

import pytest

from simulator.policies.registry import POLICY_NAMES, policy_factory
from tests.scoring.scoring_support import practice, simulated


def _actions(policy: str, seed: int) -> list[dict]:
    _header, events = simulated(practice(), policy, seed)
    return [dict(e.payload["action"]) for e in events if e.type == "action"]


@pytest.mark.parametrize("policy", POLICY_NAMES)
def test_same_seed_same_play_whatever_the_global_generator(policy):
    random.seed(1)
    first = _actions(policy, 6)
    simulated.cache_clear()
    random.seed(2)
    assert _actions(policy, 6) == first


def test_careless_plays_differently_per_seed_and_never_uses_a_tool():
    plays = [_actions("careless", seed) for seed in (1, 2, 3)]
    assert plays[0] != plays[1] or plays[1] != plays[2]
    assert all(a["kind"] not in ("tool", "transfer") for play in plays for a in play)


def test_never_confirms_is_the_ideal_candidate_except_at_the_recaps():
    ideal, flawed = _actions("ideal", 2), _actions("never-confirms", 2)
    assert [a["kind"] for a in ideal] == [a["kind"] for a in flawed]
    differing = [(a, b) for a, b in zip(ideal, flawed, strict=True) if a != b]
    assert differing and all(a["kind"] == "say" for a, _b in differing)


def test_an_unknown_policy_is_refused():
    with pytest.raises(KeyError):
        policy_factory("lazy", 1)
