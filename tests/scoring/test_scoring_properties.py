"""Properties of scoring: deterministic, blind to the order of unrelated events, and monotone in the evidence."""

from __future__ import annotations

import copy
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.grille import grille_bytes
from scoring.rubric import EffectiveRule
from scoring.rubric_file import default_rubric
from scoring.score import score
from scoring.verdicts import NOK, NOT_OBSERVED, OK, Tally, aggregate, decide
from simulator.journal.events import Event
from simulator.referentiel import get_referentiel
from tests.scoring.scoring_support import practice, simulated, verdicts

CODES = get_referentiel().codes
RULE = EffectiveRule(minimum_observations=2, minimum_positive_share=0.75, critical_negative="nok")


def _journal(policy: str = "never-confirms", seed: int = 4):
    header, events = simulated(practice(), policy, seed)
    return header, list(events)


def test_same_journal_and_rubric_give_byte_identical_grilles():
    header, events = _journal()
    first = grille_bytes(score(header, events, default_rubric()))
    second = grille_bytes(score(copy.deepcopy(header), copy.deepcopy(events), default_rubric()))
    assert first == second


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_order_events_are_handed_in_does_not_matter(rng):
    header, events = _journal()
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert grille_bytes(score(header, shuffled, default_rubric())) == grille_bytes(
        score(header, events, default_rubric())
    )


@settings(max_examples=15, deadline=None)
@given(
    st.permutations(range(4)),
    st.sampled_from(["ideal", "careless", "never-confirms"]),
    st.integers(1, 3),
)
def test_playing_the_contacts_in_another_order_does_not_change_the_verdicts(order, policy, seed):
    """Contacts are unrelated: moving each contact's block of events elsewhere in the shift changes no verdict."""
    header, events = _journal(policy, seed)
    blocks: dict[str, list[Event]] = {}
    for event in events:
        if event.type == "action":
            blocks.setdefault(event.payload["contact"], []).append(event)
    keys = list(blocks)
    moved = [e for e in events if e.type != "action"] + [
        e for i in order if i < len(keys) for e in blocks[keys[i]]
    ]
    renumbered = [replace(event, seq=n) for n, event in enumerate(moved, start=1)]
    original, reordered = (
        score(header, events, default_rubric()),
        score(header, renumbered, default_rubric()),
    )
    assert verdicts(reordered) == verdicts(original)
    assert [(c["positive"], c["negative"]) for c in reordered["competencies"]] == [
        (c["positive"], c["negative"]) for c in original["competencies"]
    ]


_evidence = st.lists(
    st.tuples(st.sampled_from(CODES[:6]), st.booleans(), st.booleans()), max_size=30
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(_evidence, st.randoms(use_true_random=False))
def test_verdicts_do_not_depend_on_how_evidence_is_spread_over_events(items, rng):
    """The same observations, carried by events in another order, give the same verdicts."""
    header, events = _journal()
    base = [e for e in events if e.type != "action"]
    spread = list(items)
    rng.shuffle(spread)

    def synthetic(observations):
        made = list(base)
        for n, (code, positive, critical) in enumerate(observations):
            payload = {
                "contact": "c",
                "action": {"kind": "continue"},
                "lines": [],
                "evidence": [
                    {
                        "competency": code,
                        "effect": "positive" if positive else "negative",
                        "critical": critical,
                        "rule": f"r{n}",
                        "source": "reply",
                        "contact": "c",
                        "explanation": {"fr": "x", "en": "x"},
                    }
                ],
            }
            made.append(
                Event(header.session_id, 0, "2026-01-05T09:00:00.000", "action", payload, "", "")
            )
        return [replace(event, seq=n) for n, event in enumerate(made, start=1)]

    first = score(header, synthetic(items), default_rubric())
    second = score(header, synthetic(spread), default_rubric())
    assert verdicts(first) == verdicts(second)


@given(st.integers(0, 20), st.integers(0, 20), st.integers(0, 5))
def test_a_critical_negative_is_always_nok_and_too_few_is_never_ok(positive, negative, critical):
    critical = min(critical, negative)
    decision = decide(Tally(positive, negative, critical), RULE)
    if critical:
        assert decision.verdict == NOK
    elif positive + negative < RULE.minimum_observations:
        assert decision.verdict == NOT_OBSERVED
    else:
        assert decision.verdict in (OK, NOK)


@given(st.integers(0, 20), st.integers(0, 20))
def test_one_more_positive_observation_never_turns_ok_into_nok(positive, negative):
    before = decide(Tally(positive, negative, 0), RULE).verdict
    after = decide(Tally(positive + 1, negative, 0), RULE).verdict
    assert not (before == OK and after != OK)


@given(st.lists(st.sampled_from([OK, NOK, NOT_OBSERVED]), min_size=1, max_size=10))
def test_aggregation_all_ok_any_nok_else_not_observed(values):
    result = aggregate(values)
    if NOK in values:
        assert result == NOK
    elif all(v == OK for v in values):
        assert result == OK
    else:
        assert result == NOT_OBSERVED
    assert aggregate(random.Random(0).sample(values, len(values))) == result
