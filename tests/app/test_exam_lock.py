"""Exam mode is locked: no way out without the invigilator's code, no evidence on any screen."""

from __future__ import annotations

from simulator.app.screens.console import ConsoleScreen
from simulator.referentiel import get_referentiel
from simulator.tui.invigilator import InvigilatorScreen
from tests.app.app_support import INVIGILATOR, make_app, screen_text


async def _in_exam(pilot) -> None:
    await pilot.press(*"C-0099")
    await pilot.press("enter")
    await pilot.pause()


async def test_ctrl_c_z_and_backslash_do_not_leave_the_exam():
    app = make_app(mode="exam")
    async with app.run_test(size=(120, 40)) as pilot:
        await _in_exam(pilot)
        for key in ("ctrl+c", "ctrl+z", "ctrl+backslash"):
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, ConsoleScreen)


async def test_quitting_an_exam_needs_the_invigilator_code():
    app = make_app(mode="exam")
    async with app.run_test(size=(120, 40)) as pilot:
        await _in_exam(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, InvigilatorScreen)
        await pilot.press(*"0000", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, InvigilatorScreen)
        await pilot.press(*INVIGILATOR, "enter")
        await pilot.pause()
    assert app.return_code in (0, None)
    assert not app.is_running


async def test_practice_quits_without_a_code():
    app = make_app(mode="practice")
    async with app.run_test(size=(120, 40)) as pilot:
        await _in_exam(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_no_exam_screen_shows_evidence_or_verdicts():
    app = make_app(mode="exam")
    labels = [c.label("fr") for c in get_referentiel().competencies]
    async with app.run_test(size=(120, 40)) as pilot:
        await _in_exam(pilot)
        await pilot.press("f2")
        seen = []
        for _ in range(25):
            await pilot.pause()
            seen.append(screen_text(app))
            view = app.session.active_view()
            if view is None or not view.replies:
                break
            await pilot.press("1")
        assert app.session.evidence(), "the engine did observe something"
        explanations = {e.explanation["fr"] for e in app.session.evidence()}
        for text in seen:
            assert not any(label in text for label in labels)
            assert not any(explanation in text for explanation in explanations)
            assert "✔" not in text and "✘" not in text
