"""Exam mode has no door but the invigilator's: every binding and palette command reachable on every screen.

The enumeration covers what Textual adds by itself (the App's ctrl+q *quit* and ctrl+c, the
command palette on ctrl+p and its *Quit*, *Theme*, *Screenshot*, *Maximize* commands, the
screens' and widgets' own bindings), with each focusable widget focused in turn, on the sign-in,
the console (replies and tools), the wrap-up dialog, the help and the end screen. No enabled
binding may end the app, suspend it or write a file; then every dangerous key is pressed for real.
"""

from __future__ import annotations

import os

import pytest
from textual.actions import parse
from textual.command import CommandPalette

from simulator.app.screens.signin import SignInScreen
from simulator.tui.invigilator import InvigilatorScreen
from tests.app.app_support import INVIGILATOR, make_app
from tests.app.screen_states import CANDIDATE, STATES, steady

#: Actions that end, suspend or restyle the app, or write a file (a screenshot), in Textual or here.
DOORS = {
    "quit",
    "help_quit",
    "suspend_process",
    "command_palette",
    "screenshot",
    "change_theme",
    "toggle_dark",
    "maximize",
    "minimize",
    "show_help_panel",
    "exit",
}
#: Keys a candidate who wants out would try.
KEYS = [
    "ctrl+c",
    "ctrl+z",
    "ctrl+backslash",
    "ctrl+p",
    "ctrl+d",
    "ctrl+s",
    "escape",
    *(f"f{n}" for n in range(1, 13)),
]
EXAM_STATES = ["signin", "console-call", "console-tool", "wrapup", "end"]
#: Dialogs opened from the console during a call: (name, key that opens it, screen class name).
DIALOGS = [
    ("help", "f1", "HelpScreen"),
    ("transfer", "f6", "TransferScreen"),
    ("invigilator", "ctrl+q", "InvigilatorScreen"),
]


def _exam_app(state: str):
    prepared = STATES[state][0]("fr")
    if prepared is None:
        return make_app(mode="exam", candidate="")
    store, clock = prepared
    return make_app(mode="exam", store=store, clock=clock, candidate=CANDIDATE)


def _doors_open(app) -> list[str]:
    """Every enabled binding, with each focusable widget of the screen focused in turn, that opens a door."""
    found = []
    focusables = [None, *app.screen.focus_chain]
    for widget in focusables:
        if widget is not None:
            widget.focus()
        for key, active in app.active_bindings.items():
            _namespace, name, _params = parse(active.binding.action)
            if active.enabled and name in DOORS:
                found.append(f"{key} → {active.binding.action} on {type(active.node).__name__}")
    return found


@pytest.fixture
def watched(monkeypatch, tmp_path):
    """The tests run in an empty folder, and any attempt to signal the process (a suspend) is recorded."""
    monkeypatch.chdir(tmp_path)
    signals: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: signals.append((pid, sig)))
    return tmp_path, signals


@pytest.mark.parametrize("state", EXAM_STATES)
async def test_no_binding_or_palette_command_opens_a_door_in_exam_mode(state, watched):
    folder, signals = watched
    app = _exam_app(state)
    routine = STATES[state][1]
    async with app.run_test(size=(120, 40)) as pilot:
        if routine is not None:
            await routine(pilot)
        await steady(pilot)
        screen = app.screen
        assert _doors_open(app) == []
        assert list(app.get_system_commands(screen)) == []
        app.action_command_palette()
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running, f"{key} ended the exam on {state}"
            assert not CommandPalette.is_open(app), f"{key} opened the command palette on {state}"
            while isinstance(app.screen, InvigilatorScreen):  # (no key here opens it; be safe)
                await pilot.press("escape")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, InvigilatorScreen), (
            f"Ctrl+Q did not ask for the code on {state}"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
    assert list(folder.iterdir()) == [], "something was written outside the store"
    assert signals == [], "the app tried to signal (suspend) itself"


@pytest.mark.parametrize(("name", "key", "screen"), DIALOGS, ids=[d[0] for d in DIALOGS])
async def test_no_binding_of_a_dialog_opens_a_door(name, key, screen, watched):
    folder, signals = watched
    app = _exam_app("console-call")
    async with app.run_test(size=(120, 40)) as pilot:
        await STATES["console-call"][1](pilot)
        await pilot.press(key)
        await steady(pilot)
        assert type(app.screen).__name__ == screen
        assert _doors_open(app) == []
        assert list(app.get_system_commands(app.screen)) == []
        for pressed in ("ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p", "ctrl+d"):
            await pilot.press(pressed)
            await pilot.pause()
            assert (
                app.is_running
                and type(app.screen).__name__ == screen
                and not CommandPalette.is_open(app)
            )
    assert list(folder.iterdir()) == [] and signals == []


async def test_ctrl_q_on_the_exam_sign_in_asks_for_the_code():
    app = make_app(mode="exam", candidate="")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, InvigilatorScreen)
        await pilot.press(*"0000", "enter")
        await pilot.pause()
        assert app.is_running
        app.gate.monotonic = lambda: 10_000.0  # the wait after a wrong code is over
        await pilot.press(*INVIGILATOR, "enter")
        await pilot.pause()
    assert not app.is_running
    assert not app.failure


async def test_no_palette_in_practice_either():
    """Textual's palette speaks English and offers a developer's commands (theme, screenshot, quit)."""
    app = make_app(mode="practice", candidate="")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert "ctrl+p" not in app.active_bindings  # nothing shows it either
