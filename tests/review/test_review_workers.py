"""Slow work of the review app runs in Textual workers: the screen stays drawn while a passphrase is checked."""

from __future__ import annotations

import threading

from simulator.review.screens.sessions import SessionsScreen
from simulator.review.screens.signin import SignInScreen
from tests.review.review_support import make_app, screen_text, sign_in

SIZE = (120, 40)


async def test_the_passphrase_is_checked_off_the_ui_thread(review_store):
    store, _played = review_store
    app = make_app(store)
    checked_on: list[str] = []
    login = app.desk.login

    def watched_login(name: str, passphrase: str) -> str:
        checked_on.append(threading.current_thread().name)
        return login(name, passphrase)

    app.desk.login = watched_login
    async with app.run_test(size=SIZE) as pilot:
        ui_thread = threading.current_thread().name
        await sign_in(pilot)
        assert checked_on and checked_on[0] != ui_thread
        assert isinstance(app.screen, SessionsScreen) and app.assessor == "Marie Dupont"


async def test_a_wrong_passphrase_checked_in_the_worker_is_refused_on_the_sign_in_screen(
    review_store,
):
    store, _played = review_store
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, passphrase="not-the-right-one")
        assert isinstance(app.screen, SignInScreen) and app.assessor == ""
        assert "Nom d'évaluateur ou phrase secrète incorrect." in screen_text(app)
        assert app.screen.query_one("#passphrase").has_focus
