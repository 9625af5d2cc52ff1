"""A closed terminal is a crash: signing in again with the same number resumes the same épreuve."""

from __future__ import annotations

from simulator.app.screens.console import ConsoleScreen
from simulator.journal.memory_store import MemoryJournalStore
from tests.app.app_support import make_app, screen_text


async def test_signing_in_again_resumes_at_the_same_contact_and_node():
    store = MemoryJournalStore()
    first = make_app(store=store)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0042", "enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        session_id = first.session.session_id
        before = first.session.active_view()
        events_before = [e.seq for e in store.events(session_id)]
    # the app is gone without any wrap-up (as if the terminal had been closed)
    second = make_app(store=store)
    async with second.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0042", "enter")
        await pilot.pause()
        assert isinstance(second.screen, ConsoleScreen)
        assert second.session.session_id == session_id
        after = second.session.active_view()
        assert (after.key, after.lines, after.replies) == (before.key, before.lines, before.replies)
        types = [e.type for e in store.events(session_id)]
        assert [e.seq for e in store.events(session_id)][: len(events_before)] == events_before
        assert types.count("session_resumed") == 1
        assert before.lines[-1].text[:25] in screen_text(second)  # the conversation is shown again


async def test_another_candidate_number_starts_a_new_session():
    store = MemoryJournalStore()
    first = make_app(store=store)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0042", "enter")
        await pilot.pause()
        first_id = first.session.session_id
    second = make_app(store=store)
    async with second.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0043", "enter")
        await pilot.pause()
        assert second.session.session_id != first_id
        assert second.session.header.candidate_id == "C-0043"


async def test_signing_in_after_the_end_of_an_exam_shows_the_end_not_a_new_exam():
    from datetime import datetime

    from simulator.app.screens.end import EndScreen
    from simulator.engine.clock import ManualClock
    from simulator.engine.session import EpreuveSession
    from simulator.policies.ideal import IdealPolicy

    store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 3, 2, 9, 0))
    bundle = make_app(mode="exam").bundle
    session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id="C-0043", seed=7)
    policies: dict[str, IdealPolicy] = {}
    while session.finished is None:
        key = session.state.active or next(q.key for q in session.queue() if q.phase == "waiting")
        for action in policies.setdefault(key, IdealPolicy()).next_actions(session.contact(key)):
            session.perform(action)
    session.close()
    app = make_app(mode="exam", store=store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0043", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        assert "✔" not in screen_text(app) and "✘" not in screen_text(app)
    assert list(store.session_ids()) == [session.session_id]
