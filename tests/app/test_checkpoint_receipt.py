"""Every 100 events the seat shows the journal's receipt code, for the invigilator's attendance sheet."""

from __future__ import annotations

from textual.widgets import Static

from simulator.app.screens.console import ConsoleScreen
from simulator.journal.receipt import check_receipt, checkpoint_code
from tests.app.app_support import make_app
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, played


async def test_the_console_shows_the_receipt_of_the_last_hundredth_event_and_it_verifies():
    store, clock = played(3, to_wrap_up=True)
    session_id = store.session_ids()[0]
    last = store.last_event(session_id)
    assert last is not None and last.seq >= 100, (
        "the épreuve must have passed its 100th event for this test"
    )
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(120, 40)) as pilot:
        await KeyboardCandidate(pilot).press("enter")
        console = next(
            screen for screen in app.screen_stack if isinstance(screen, ConsoleScreen)
        )  # under the wrap-up
        line = console.query_one("#checkpoint", Static)
        assert line.display
        shown = str(line.render())
        assert shown.startswith("Reçu à l'événement 100 : ")
        code = shown.rsplit(" ", 1)[-1]
    assert checkpoint_code(store, session_id, last.seq) == (100, code)
    matches, _fr, _en = check_receipt(store, session_id, code)
    assert matches


async def test_no_receipt_line_before_the_hundredth_event():
    store, clock = played(0, replies=2)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(80, 24)) as pilot:
        await KeyboardCandidate(pilot).press("enter")
        assert not app.screen.query_one("#checkpoint", Static).display
    assert checkpoint_code(store, store.session_ids()[0], 99) is None
