"""A browser seat serving a practice épreuve announces practice, not the exam, while the épreuve loads:
the serving process reads the épreuve's mode once and gives it to each seat's app, whose sign-in page
shows that mode's rules until the loaded épreuve confirms them."""

from __future__ import annotations

import shlex
import threading

import pytest

from simulator.centre.seat_app import seat_app
from simulator.centre.serve import epreuve_mode, seat_command
from simulator.engine.bundle import epreuve_path
from tests.app.app_support import INVIGILATOR, practice_bundle, screen_text

RULES = {
    ("practice", "fr"): "Ceci est un entraînement.",
    ("exam", "fr"): "Ceci est l'examen.",
    ("practice", "nl"): "Dit is een oefening.",
    ("exam", "nl"): "Dit is het examen.",
    ("practice", "en"): "This is practice.",
    ("exam", "en"): "This is the exam.",
}


def test_the_serving_process_gives_each_seat_the_mode_its_epreuve_file_states():
    practice, standard = str(epreuve_path("practice")), str(epreuve_path("standard"))
    assert (epreuve_mode(practice), epreuve_mode(standard)) == ("practice", "exam")
    assert epreuve_mode("/nowhere/epreuve.yaml") == ""
    command = shlex.split(seat_command(practice, "fr", "poste-3", epreuve_mode(practice)))
    assert command[command.index("--mode") + 1] == "practice"
    assert "--mode" not in shlex.split(seat_command(practice, "fr", "poste-3"))


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("mode", ["practice", "exam"])
async def test_the_seat_page_shows_the_rules_of_the_served_mode_while_the_epreuve_loads(
    monkeypatch, tmp_path, mode, lang
):
    monkeypatch.setenv("CALLSIM_INVIGILATOR_CODE", INVIGILATOR)
    monkeypatch.setenv("CALLSIM_STORE", str(tmp_path / "seat.sqlite3"))
    app = seat_app(["--epreuve", str(epreuve_path("practice")), "--lang", lang, "--mode", mode])
    release = threading.Event()

    def slow_loader(_name: str):
        release.wait(10)
        return practice_bundle()

    app.bundle_loader = slow_loader
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.bundle is None
        text = screen_text(app)
        other = "exam" if mode == "practice" else "practice"
        assert RULES[(mode, lang)] in text and RULES[(other, lang)] not in text
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.bundle is not None:
                break
        await pilot.pause()
        assert RULES[("practice", lang)] in screen_text(app)  # the file's own mode, once loaded
