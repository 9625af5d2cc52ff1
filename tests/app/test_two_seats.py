"""Identity: a seat cannot become another candidate, and an épreuve moves to another seat only with the invigilator.

The scenario of the original report: two seats on one store; the second seat is started with the
first seat's candidate number. While the first seat is live, the second gets a clear sentence (no
traceback, still on the sign-in screen). Once the first seat has closed, opening the épreuve on
the second seat needs the invigilator's code, and the move is journalled.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from textual.widgets import Input

from simulator.app.app import CallsimApp, create_app
from simulator.app.screens.console import ConsoleScreen
from simulator.app.screens.signin import SignInScreen
from simulator.app.seat import SeatRequest, open_seat
from simulator.engine.clock import ManualClock
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.tui.invigilator import InvigilatorScreen
from tests.app.app_support import INVIGILATOR, PRACTICE, make_app, practice_bundle, screen_text

START = datetime(2026, 3, 2, 9, 0)


def _seat(seat: str, candidate: str, path, mode: str = "exam") -> CallsimApp:
    bundle = practice_bundle()
    bundle = dataclasses.replace(bundle, epreuve=bundle.epreuve.model_copy(update={"mode": mode}))
    return create_app(
        SeatRequest(candidate, str(PRACTICE), 7, "fr", path, seat),
        store_factory=lambda: SqliteJournalStore(path),
        clock=ManualClock(START),
        invigilator_code=INVIGILATOR,
        bundle=bundle,
        monotonic=lambda: 0.0,
    )


async def test_a_second_seat_with_the_first_seats_number(tmp_path):
    path = tmp_path / "centre.sqlite3"
    first_store = SqliteJournalStore(path)
    first = open_seat(
        SeatRequest("C-0001", str(PRACTICE), 7, "fr", path, "seat-A"),
        first_store,
        ManualClock(START),
        _seat("seat-A", "C-0001", path).bundle,
    )
    app = _seat("seat-B", "C-0001", path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SignInScreen)
        assert "ouverte à un autre poste" in screen_text(app)
        assert app.session is None

        first.close()  # the first seat closes (or crashes)
        first_store.close()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InvigilatorScreen) and app.session is None
        await pilot.press("escape")  # no code: nothing opened
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.session is None

        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"0000", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InvigilatorScreen) and app.session is None
        app.gate.monotonic = lambda: 1000.0  # the wait after the wrong code is over
        await pilot.press(*INVIGILATOR, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session.session_id == first.session_id
        session_id = first.session_id
    with SqliteJournalStore(path) as store:
        moves = [e.payload for e in store.events(session_id) if e.type == "seat_changed"]
        assert moves == [{"from": "seat-A", "to": "seat-B", "authorised_by": "invigilator_code"}]
        assert store.header(session_id).extra["seat"] == "seat-A"


async def test_the_candidate_number_given_on_the_command_line_cannot_be_changed():
    app = make_app(mode="exam", candidate="C-0042")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query(Input).filter("#candidate")
        await pilot.press(*"C-0666")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session.header.candidate_id == "C-0042"


async def test_practice_moves_to_another_seat_without_a_code(tmp_path):
    path = tmp_path / "centre.sqlite3"
    with SqliteJournalStore(path) as store:
        first = open_seat(
            SeatRequest("C-0001", str(PRACTICE), 7, "fr", path, "seat-A"),
            store,
            ManualClock(START),
            practice_bundle(),
        )
        first.close()
    app = _seat("seat-B", "C-0001", path, mode="practice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen) and app.session.session_id == first.session_id
