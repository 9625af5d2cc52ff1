"""The candidate's keyboard flow through the real app: sign in, take a contact, answer, wrap up."""

from __future__ import annotations

import pytest

from simulator.app.screens.console import ConsoleScreen
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.screens.signin import SignInScreen
from simulator.app.screens.wrapup import WrapUpScreen
from simulator.journal.memory_store import MemoryJournalStore
from tests.app.app_support import make_app, screen_text


async def _sign_in(pilot, candidate: str = "C-0001") -> None:
    await pilot.press(*candidate)
    await pilot.press("enter")
    await pilot.pause()


async def test_sign_in_needs_a_candidate_number():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        assert app.session is None
        await _sign_in(pilot)
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session.header.candidate_id == "C-0001"


async def test_keys_become_engine_actions_in_the_journal():
    store = MemoryJournalStore()
    app = make_app(store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot)
        await pilot.press("f2")
        await pilot.pause()
        view = app.session.active_view()
        assert view is not None and view.replies
        first = view.replies[0][0]
        await pilot.press("1")
        await pilot.pause()
        actions = [
            e.payload["action"] for e in store.events(app.session.session_id) if e.type == "action"
        ]
        assert actions[0]["kind"] == "take"
        assert actions[1] == {"kind": "choose", "reply": first}


async def test_a_contact_can_be_handled_to_its_wrap_up_with_the_keyboard():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot)
        await pilot.press("f2")
        for _ in range(30):  # answer with the first reply until the call can be hung up
            await pilot.pause()
            view = app.session.active_view()
            if view is None or view.phase == "wrap_up" or not view.replies:
                break
            await pilot.press("1")
        view = app.session.active_view()
        if view is not None and view.phase != "wrap_up":
            await pilot.press("f8")
            await pilot.pause()
        assert isinstance(app.screen, WrapUpScreen)
        outcome_code = app.screen.view.outcomes[0][0]
        app.screen.query_one("#outcome").value = outcome_code
        app.screen.query_one("#note").text = "Cliente rappelée, dossier vérifié."
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)  # practice: feedback after the contact
        assert app.screen.items
        await pilot.press("escape")
        await pilot.pause()
        contact = app.session.queue()[0]
        assert contact.phase == "ended"
        assert isinstance(app.screen, ConsoleScreen)


@pytest.mark.parametrize(
    "lang, expected", [("fr", "Temps restant"), ("nl", "Resterende tijd"), ("en", "Time left")]
)
async def test_the_console_speaks_the_chosen_language(lang, expected):
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot)
        assert expected in screen_text(app)


async def test_a_wrap_up_without_an_outcome_is_not_sent():
    """F10 with no outcome chosen keeps the dialog open with a warning; nothing reaches the journal."""
    from tests.app.keyboard import KeyboardCandidate
    from tests.app.screen_states import CANDIDATE, played

    store, clock = played(0, to_wrap_up=True)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(120, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        assert isinstance(app.screen, WrapUpScreen)
        assert app.screen.view.outcomes
        warnings: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: (warnings.append(str(message)), notify(message, **kw))[1]
        before = app.session.seq
        await candidate.press("f10")
        assert isinstance(app.screen, WrapUpScreen)
        assert app.session.seq == before
        assert warnings == ["Choisissez un code de clôture."]
