"""The invigilator's code cannot be guessed freely: a growing wait, every attempt journalled, never the code typed."""

from __future__ import annotations

import hmac
import json

from simulator.app.screens.console import ConsoleScreen
from simulator.journal.memory_store import MemoryJournalStore
from simulator.tui.invigilator import InvigilatorScreen
from simulator.tui.invigilator_gate import MAX_DELAY, InvigilatorGate
from tests.app.app_support import INVIGILATOR, make_app, screen_text


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_each_wrong_code_doubles_the_wait_up_to_a_cap():
    clock, recorded = FakeMonotonic(), []
    gate = InvigilatorGate("4711", record=recorded.append, monotonic=clock)
    waits = []
    for _ in range(9):
        verdict = gate.attempt("0000", "quit")
        waits.append(verdict.wait_seconds)
        clock.now += verdict.wait_seconds
    assert waits == [1, 2, 4, 8, 16, 32, MAX_DELAY, MAX_DELAY, MAX_DELAY]
    assert gate.attempt("4711", "quit").accepted
    assert gate.failures == 0


def test_an_attempt_made_too_soon_is_refused_without_looking_at_the_code():
    clock, recorded = FakeMonotonic(), []
    gate = InvigilatorGate("4711", record=recorded.append, monotonic=clock)
    gate.attempt("0000", "quit")
    clock.now += 0.5
    verdict = gate.attempt("4711", "quit")  # the right code, but too soon
    assert not verdict.accepted and verdict.too_soon and verdict.wait_seconds == 0.5
    clock.now += 0.5
    assert gate.attempt("4711", "quit").accepted
    assert [r.get("refused") for r in recorded] == ["wrong", "too_soon", None]
    assert all("4711" not in json.dumps(r) and "0000" not in json.dumps(r) for r in recorded)


def test_the_code_is_compared_in_constant_time(monkeypatch):
    compared = []
    real = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    gate = InvigilatorGate("4711", monotonic=FakeMonotonic())
    assert gate.attempt("4711", "quit").accepted
    assert (
        len(compared) == 1 and len(compared[0][0]) == len(compared[0][1]) == 32
    )  # digests, whatever was typed


def test_an_empty_code_never_opens():
    assert not InvigilatorGate("", monotonic=FakeMonotonic()).attempt("", "quit").accepted


async def test_wrong_codes_in_an_exam_are_journalled_and_slow_the_next_attempt():
    store, clock = MemoryJournalStore(), FakeMonotonic()
    app = make_app(mode="exam", store=store, candidate="C-0099")
    app.gate.monotonic = clock
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        await pilot.press("ctrl+q")
        await pilot.press(*"1234", "enter")
        await pilot.pause()
        assert "1 s" in screen_text(app)  # the candidate sees when the next attempt is possible
        await pilot.press(*INVIGILATOR, "enter")  # too soon: refused although right
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, InvigilatorScreen)
        clock.now += 1
        await pilot.press(*"9999", "enter")
        await pilot.pause()
        clock.now += 2
        await pilot.press(*INVIGILATOR, "enter")
        await pilot.pause()
        session_id = app.session.session_id
    assert not app.is_running
    attempts = [e.payload for e in store.events(session_id) if e.type == "invigilator_attempt"]
    assert [(a["accepted"], a.get("refused")) for a in attempts] == [
        (False, "wrong"),
        (False, "too_soon"),
        (False, "wrong"),
        (True, None),
    ]
    assert all(a["purpose"] == "quit" for a in attempts)
    last = store.last_event(session_id)
    assert last.type == "interruption" and last.payload == {
        "cause": "invigilator"
    }  # the seat closed by the invigilator
    everything = json.dumps([e.payload for e in store.events(session_id)])
    assert "1234" not in everything and "9999" not in everything and INVIGILATOR not in everything
