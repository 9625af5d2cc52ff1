"""The queue kept entry by entry lists, after every step of an épreuve, what walking every arrived
contact lists: the same contacts, in order of arrival, each with its title and its phase now —
live, after time runs out, and once resumed from the journal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.engine.views import QueueItem
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.registry import policy_factory

_EPREUVES = Path(__file__).resolve().parents[2] / "scenarios" / "epreuves"


def _walked(session: EpreuveSession) -> list[QueueItem]:
    """Every arrived contact looked at, as the queue was listed before it was kept incrementally."""
    contacts, items = session.state.contacts, []
    for key in session.state.arrived:
        scenario = contacts.scenario(key)
        title = contacts.title(
            key,
            seed=session.header.seed,
            today=session.today,
            lang=session.header.language,
            agent_name=session.agent_name,
        )
        phase = contacts.phase(key).value
        if contacts.deferred(key) is None and contacts[key].paused:
            phase = "paused"  # a task set aside for a ringing call
        items.append(
            QueueItem(
                key,
                title,
                scenario.direction,
                scenario.medium,
                scenario.kind,
                phase,
                session.state.arrived_minute[key],
            )
        )
    return items


class _Checked(EpreuveSession):
    """A session that compares its queue with the walk after every action and every tick."""

    checks = 0

    def perform(self, action):  # type: ignore[no-untyped-def]
        outcome = super().perform(action)
        self._check()
        return outcome

    def tick(self) -> None:
        super().tick()
        self._check()

    def _check(self) -> None:
        assert self.queue() == _walked(self)
        _Checked.checks += 1


@pytest.mark.parametrize(
    ("epreuve", "policy", "limit"),
    [
        ("standard.yaml", "ideal", None),
        ("standard.yaml", "careless", None),
        ("standard.yaml", "ideal", 15),
        ("practice.yaml", "careless", None),
    ],
)
def test_the_kept_queue_is_the_walked_queue_at_every_step(
    epreuve: str, policy: str, limit: int | None
) -> None:
    bundle = load_bundle(_EPREUVES / epreuve)
    store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 1, 5, 9))
    session = _Checked.start(
        bundle, store=store, clock=clock, candidate_id="C-QUEUE", seed=3, time_limit_minutes=limit
    )
    _Checked.checks = 0
    play_epreuve(session, policy_factory(policy, 3), clock)
    assert session.finished is not None and _Checked.checks > 20
    assert len(session.queue()) == len(session.state.arrived) >= 1
    if limit is not None:  # time ran out: every contact still open was expired, the queue shows it
        assert session.finished == "time_up"
    resumed = EpreuveSession.replay(session.header, list(store.events(session.session_id)), bundle)
    assert resumed.queue() == _walked(resumed) == session.queue()
    session.close()
