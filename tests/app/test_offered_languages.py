"""The sign-in screen offers a language only where the épreuve is complete in it."""

from __future__ import annotations

import threading
from datetime import datetime
from functools import cache

from simulator.app.app import CallsimApp, create_app
from simulator.app.screens.signin import SignInScreen
from simulator.app.seat import SeatRequest
from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore
from tests.app.app_support import PRACTICE, ROOT, screen_text

STANDARD = ROOT / "scenarios" / "epreuves" / "standard.yaml"


@cache
def standard_bundle() -> Bundle:
    return load_bundle(STANDARD)


def _app(
    bundle: Bundle | None, lang: str, release: threading.Event | None = None, candidate: str = ""
) -> CallsimApp:
    def loader(_name: str) -> Bundle:
        assert release is not None and release.wait(10)
        return standard_bundle()

    return create_app(
        SeatRequest(candidate, str(STANDARD), 7, lang),
        store_factory=MemoryJournalStore,
        clock=ManualClock(datetime(2026, 3, 2, 9, 0)),
        bundle=bundle,
        bundle_loader=loader,
    )


async def _until_loaded(pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        if (
            pilot.app.bundle is not None
            and isinstance(pilot.app.screen, SignInScreen)
            and pilot.app.screen.is_mounted
        ):
            break
    await pilot.pause()


def test_the_bundles_know_the_languages_they_are_complete_in():
    assert standard_bundle().languages == ("fr", "en")
    assert load_bundle(PRACTICE).languages == ("fr", "en", "nl")


async def test_an_epreuve_without_dutch_offers_only_french_and_english():
    app = _app(standard_bundle(), "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Français" in text and "English" in text and "Nederlands" not in text
        await pilot.press(
            "tab", "right"
        )  # to the chooser: the next language after French is English
        for _ in range(10):
            await pilot.pause()
        assert app.lang == "en"


async def test_dutch_chosen_before_the_epreuve_is_loaded_falls_back_to_french_keeping_the_number():
    standard_bundle()
    release = threading.Event()
    app = _app(None, "nl", release)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Nederlands" in screen_text(app)  # not known yet: every language is offered
        await pilot.press(*"C-0077")
        release.set()
        await _until_loaded(pilot)
        text = screen_text(app)
        assert app.lang == "fr" and app.request.language == "fr"
        assert "Nederlands" not in text and "Numéro de candidat" in text
        assert app.screen.query_one("#candidate").value == "C-0077"


async def test_a_number_given_on_the_command_line_survives_the_languages_being_narrowed():
    """``callsim exam --candidate …``: the sign-in screen has no field to read the number from."""
    standard_bundle()
    release = threading.Event()
    app = _app(None, "nl", release, candidate="C-0078")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        release.set()
        await _until_loaded(pilot)
        text = screen_text(app)
        assert app.failure is None and app.return_code is None
        assert "Nederlands" not in text and "C-0078" in text
        assert app.request.candidate_id == "C-0078" and app.lang == "fr"
