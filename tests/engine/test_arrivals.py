"""Due contacts kept incrementally: at every moment the same contacts arrive, in the same order, as
when every contact of the épreuve is walked (the rule the journals were written with)."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.arrivals import Arrivals
from simulator.engine.phases import Phase


@dataclass(frozen=True)
class _Planned:
    scenario: SimpleNamespace
    at_minute: int
    after: str | None = None


def _walk(
    plan: list[_Planned], fixed: bool, arrived: list[str], phase: dict[str, Phase], elapsed: float
) -> list:
    """Every contact of the épreuve looked at, in order."""
    due = []
    for planned in plan:
        if planned.scenario.id in phase:
            continue
        if elapsed < planned.at_minute * 60:
            if fixed:
                break
            continue
        if fixed and any(phase[k] is not Phase.ENDED for k in arrived):
            break
        due.append(planned)
        if fixed:
            break
    return due


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.lists(st.integers(0, 40), min_size=1, max_size=15),
    fixed=st.booleans(),
    steps=st.lists(
        st.tuples(st.integers(0, 300), st.lists(st.integers(0, 14), max_size=3)), max_size=25
    ),
)
def test_the_same_contacts_arrive_as_when_every_contact_is_walked(minutes, fixed, steps) -> None:
    plan = [_Planned(SimpleNamespace(id=f"c{i}"), minute) for i, minute in enumerate(minutes)]
    arrivals = Arrivals(tuple(plan), fixed=fixed)  # type: ignore[arg-type]
    arrived: list[str] = []
    phase: dict[str, Phase] = {}
    elapsed = 0.0
    for advance, ending in steps:
        elapsed += advance
        expected = _walk(plan, fixed, arrived, phase, elapsed)
        assert arrivals.due(elapsed, phase.__getitem__) == expected
        for planned in expected:
            arrived.append(planned.scenario.id)
            phase[planned.scenario.id] = Phase.WAITING
            arrivals.arrived(planned.scenario.id)
        for index in ending:  # the candidate ends some of the contacts that have arrived
            if arrived:
                phase[arrived[index % len(arrived)]] = Phase.ENDED
        everything_ended = len(phase) == len(plan) and all(p is Phase.ENDED for p in phase.values())
        assert (
            len(phase) == len(plan) and not arrivals.any_open(phase.__getitem__)
        ) == everything_ended
