"""At the keyboard: a task open when a call rings is set aside (F4, the hold key, on a task), the call
is taken from the queue, and the task waits there, marked and takeable, to be taken up again."""

from __future__ import annotations

import dataclasses

from simulator.app.widgets.queue_list import QueueList
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from tests.app.app_support import make_app, practice_bundle
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, SEED, START

TASK, CALL = "assurance-declaration-sinistre", "maison-lumiere-livraison"


def _queue_epreuve(app):
    bundle = practice_bundle()
    return dataclasses.replace(bundle, epreuve=bundle.epreuve.model_copy(update={"order": "queue"}))


async def test_the_hold_key_sets_a_task_aside_for_the_ringing_call(monkeypatch):
    import tests.app.app_support as support

    queued = _queue_epreuve(None)
    monkeypatch.setattr(support, "practice_bundle", lambda: queued)
    store, clock = MemoryJournalStore(), ManualClock(START)
    EpreuveSession.start(
        queued, store=store, clock=clock, candidate_id=CANDIDATE, seed=SEED
    ).close()
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(120, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        session = app.session
        queue = app.screen.query_one(QueueList)
        queue.highlighted = next(i for i, o in enumerate(queue.options) if o.id == TASK)
        await candidate.press("f2")
        assert session.state.active == TASK
        await candidate.press("f4")
        assert session.state.active is None
        assert {q.key: q.phase for q in session.queue()}[TASK] == "paused"
        queue.highlighted = next(i for i, o in enumerate(queue.options) if o.id == CALL)
        await candidate.press("f2")
        assert session.state.active == CALL
        paused = next(o for o in queue.options if o.id == TASK)
        assert not paused.disabled and "‖" in str(paused.prompt)
        kinds = [
            e.payload["action"]["kind"]
            for e in app.session.store.events(session.session_id)
            if e.type == "action"
        ]
    assert kinds == ["take", "pause", "take"]
