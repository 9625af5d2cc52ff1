"""The sign-in screen: choosing the language with the keys or the mouse, the Start button, the épreuve's title."""

from __future__ import annotations

from datetime import datetime

from simulator.app.app import create_app
from simulator.app.screens.console import ConsoleScreen
from simulator.app.screens.signin import SignInScreen
from simulator.app.seat import SeatRequest
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore
from simulator.tui.key_bar import KeyBar
from tests.app.app_support import PRACTICE, make_app, practice_bundle, screen_text


async def _wait_for_sign_in(pilot) -> None:
    """Let a language change rebuild the sign-in screen."""
    for _ in range(20):
        await pilot.pause()
        if isinstance(pilot.app.screen, SignInScreen) and pilot.app.screen.is_mounted:
            await pilot.pause()
            return


async def test_the_arrows_and_space_go_round_the_languages_and_keep_the_number_typed():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0042", "tab")
        assert app.focused.id == "language"
        steps = [
            ("right", "nl", "Kandidaatnummer"),
            ("right", "en", "Candidate number"),
            ("right", "fr", "Numéro de candidat"),
            ("left", "en", "Candidate number"),
            ("space", "fr", "Numéro de candidat"),
        ]
        for key, lang, label in steps:
            await pilot.press(key)
            await _wait_for_sign_in(pilot)
            assert app.lang == lang
            assert label in screen_text(app)
            assert app.screen.query_one("#candidate").value == "C-0042"
            assert (
                app.focused is not None and app.focused.id == "language"
            )  # the candidate can keep choosing


async def test_enter_on_the_language_chooser_starts_the_epreuve_in_the_language_shown():
    store = MemoryJournalStore()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"C-0045", "tab", "right")
        await _wait_for_sign_in(pilot)
        assert app.focused.id == "language" and app.lang == "nl"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert store.header(app.session.session_id).language == "nl"
        assert store.header(app.session.session_id).candidate_id == "C-0045"


async def test_a_click_on_a_language_chooses_it_and_the_console_speaks_it():
    store = MemoryJournalStore()
    app = make_app(store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click(
            "#language", offset=(12, 0)
        )  # " Français " takes 10 cells, then " Nederlands "
        await _wait_for_sign_in(pilot)
        assert app.lang == "nl" and "Taal" in screen_text(app)
        await pilot.click("#candidate")
        await pilot.press(*"C-0043", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert "Resterende tijd" in screen_text(app)
        assert store.header(app.session.session_id).language == "nl"


async def test_the_start_button_asks_for_the_number_first_then_opens_the_seat():
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        assert "Tapez d'abord votre numéro de candidat" in screen_text(app)
        assert app.focused.id == "candidate"
        await pilot.press(*"C-0044")
        await pilot.press("tab", "tab", "enter")  # the language, then the button
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session.header.candidate_id == "C-0044"


async def test_the_epreuve_title_and_its_rules_appear_once_loaded_in_the_background():
    app = create_app(
        SeatRequest("", str(PRACTICE), 7, "fr"),
        store_factory=MemoryJournalStore,
        clock=ManualClock(datetime(2026, 3, 2, 9, 0)),
        bundle_loader=lambda _name: practice_bundle(),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if app.bundle is not None:
                break
        await pilot.pause()
        text = screen_text(app)
        assert "Chargement de l'épreuve" not in text
        assert "Entraînement — découverte du poste d'opérateur" in text
        assert "Ceci est un entraînement." in text


async def test_the_key_bar_speaks_the_language_chosen_last_on_the_sign_in_and_in_the_console():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        bar = lambda: str(app.screen.query_one(KeyBar).render())  # noqa: E731
        await pilot.pause()
        assert "Commencer" in bar() and "Quitter" in bar()
        for key, start, leave in (
            ("right", "Beginnen", "Afsluiten"),
            ("right", "Start", "Quit"),
            ("right", "Commencer", "Quitter"),
            ("left", "Start", "Quit"),
            ("left", "Beginnen", "Afsluiten"),
        ):
            await pilot.press(*(["tab"] if app.focused.id == "candidate" else []), key)
            await _wait_for_sign_in(pilot)
            await pilot.pause()
            assert start in bar() and leave in bar(), (key, bar())
        await pilot.click("#candidate")
        await pilot.press(*"C-0046", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert "Hulp" in bar() and "Nemen" in bar() and "Afsluiten" in bar(), bar()
