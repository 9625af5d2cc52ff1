"""A live seat's app applies the invigilator's requests on its heartbeat check: the clock stops, actions wait, then run again."""

from __future__ import annotations

from datetime import datetime

from simulator.app.seat import SeatRequest
from simulator.centre.invigilate import ask_seat
from simulator.engine.clock import ManualClock
from simulator.journal.pg_store import PgJournalStore
from tests.app.app_support import INVIGILATOR, PRACTICE, practice_bundle
from tests.app.keyboard import KeyboardCandidate


async def _until(pilot, condition, rounds: int = 200) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the seat did not apply the request")


async def test_the_seat_app_pauses_and_resumes_its_clock_when_the_invigilator_asks(
    pg_url: str,
) -> None:
    from simulator.app.app import create_app

    clock = ManualClock(datetime(2026, 3, 2, 9, 0))
    app = create_app(
        SeatRequest("", str(PRACTICE), 7, "fr", None, "poste-4"),
        clock=clock,
        store_factory=lambda: PgJournalStore(pg_url),
        invigilator_code=INVIGILATOR,
        bundle=practice_bundle(),
    )
    watch = PgJournalStore(pg_url)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            candidate = KeyboardCandidate(pilot)
            await candidate.sign_in("C-0777")
            session = app.session
            clock.advance(seconds=40)
            ask_seat(watch, session.session_id, "pause", {"reason": "Casque défectueux"}, clock)
            await _until(pilot, lambda: session.clock_paused)
            left = session.remaining_seconds()
            seq = session.seq
            await candidate.press("f2")  # refused while paused: nothing journalled
            assert session.seq == seq and session.state.active is None
            clock.advance(minutes=5)
            assert session.remaining_seconds() == left
            ask_seat(
                watch, session.session_id, "extend", {"minutes": 10, "reason": "Tiers-temps"}, clock
            )
            ask_seat(watch, session.session_id, "resume", {}, clock)
            await _until(pilot, lambda: not session.clock_paused)
            assert session.remaining_seconds() == left + 600
            await candidate.press("f2")
            assert session.state.active is not None
        types = [e.type for e in watch.events(session.session_id)]
        assert (
            types.count("clock_paused")
            == types.count("clock_resumed")
            == types.count("time_extended")
            == 1
        )
    finally:
        watch.close()
